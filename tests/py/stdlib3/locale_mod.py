# locale: C-locale conventions, number formatting/parsing, normalize and locale-name parsing
import locale
print(locale.localeconv())
print(locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_NUMERIC, 'C'), locale.getlocale(locale.LC_NUMERIC))
print(locale.LC_CTYPE, locale.LC_NUMERIC, locale.LC_TIME, locale.LC_COLLATE, locale.LC_MONETARY, locale.LC_MESSAGES, locale.LC_ALL, locale.CHAR_MAX)
print(locale.format_string('%d|%10.3f|%-6d|%s|%%|%5s|%e', (1234567, 3.14159, 42, 'x', 'ab', 12345.678), grouping=True))
print(locale.format_string('%(a)d and %(b).1f', {'a': 1000, 'b': 2.25}), locale.format_string('%*d', (5, 42)), locale.format_string('%d', 7))
print(locale.str(3.14159265358979), locale.str(1e20), locale.atof('1.5'), locale.atof('2', int), locale.atoi('-17'), locale.delocalize('1.25'), locale.localize('1234.5', grouping=True))
try:
    locale.currency(1.5)
except ValueError as e:
    print('ValueError:', e)
try:
    locale.atoi('x')
except ValueError as e:
    print('ValueError:', e)
# strcoll's magnitude is libc's (it differs under the sanitizers' interceptors): compare signs.
sign = lambda x: (x > 0) - (x < 0)
print(sign(locale.strcoll('a', 'b')), sign(locale.strcoll('b', 'a')), locale.strcoll('a', 'a'), locale.strxfrm('abc'))
for name in ['de', 'de_DE', 'de_DE.utf8', 'de_DE.UTF-8', 'en_US', 'en_us.iso88591', 'fr_FR@euro', 'ca_ES@valencia', 'sr_RS@latin',
             'ja_JP.eucjp', 'C', 'POSIX', 'c.utf8', 'zh_CN.gb2312', 'pt_br', 'xx_YY', 'de_DE.latin-1', 'de_DE.ISO-8859-15@euro', 'uk_ua.koi8u',
             'en_US:UTF-8', 'iw', 'no_NO', 'english', 'univ', 'de_DE@euro']:
    n = locale.normalize(name)
    try:
        p = locale._parse_localename(name)
    except ValueError as e:
        p = 'ValueError: %s' % e
    print(repr(name), n, p)
print(locale._build_localename(('de_DE', 'UTF-8')), locale._build_localename((None, None)), locale._build_localename(('en', None)))
try:
    locale._build_localename('abc')
except TypeError as e:
    print('TypeError:', e)
print(locale.getpreferredencoding(), locale.getpreferredencoding(False), isinstance(locale.getencoding(), str))
print(issubclass(locale.Error, Exception), 'normalize' in locale.__all__, len(locale.locale_alias) > 500)
locale._override_localeconv = {'thousands_sep': ',', 'grouping': [3, 0], 'decimal_point': ',', 'mon_thousands_sep': ' ', 'mon_grouping': [3, 3, 0],
                               'mon_decimal_point': '.', 'frac_digits': 2, 'int_frac_digits': 2, 'currency_symbol': '$', 'int_curr_symbol': 'USD ',
                               'p_cs_precedes': 1, 'n_cs_precedes': 0, 'p_sep_by_space': 0, 'n_sep_by_space': 1, 'p_sign_posn': 1, 'n_sign_posn': 0,
                               'positive_sign': '', 'negative_sign': '-'}
print(locale.format_string('%d %.2f %12d %-12d', (1234567, 1234567.891, 1234, -98765), grouping=True), locale.str(1234.5))
print(locale.currency(1234567.891), locale.currency(-1234.5, grouping=True), locale.currency(12, symbol=False), locale.currency(5, international=True), locale.currency(-5, international=True))
print(locale.atof('1,234,5'), locale.atoi('1,000'), locale.delocalize('12,345,6'), locale.localize('1234567.5', grouping=True))
for pos in range(5):
    locale._override_localeconv['n_sign_posn'] = pos
    print(pos, locale.currency(-3.5))
locale._override_localeconv = {}
