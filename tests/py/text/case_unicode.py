# Unicode tables: predicates and case mappings beyond ASCII, whitespace, unicodedata
import unicodedata as ud
chars = "aZ5 \t\u00a0\u2003\u3000\u0660\u00b2\u00bd\u2160\u4e00\u00e9\u00c9\u01c5\u0345\u03a3\u1e9e\u2126\u00df\u0130\u0131\U0001d7d8\U00010400\u200b\u00ad\u0378\ufeff\U0001f600\u2028\x1f\x85"
for c in chars:
    print("%04x" % ord(c), c.isalpha(), c.isdigit(), c.isdecimal(), c.isnumeric(), c.isspace(), c.isprintable(), c.islower(), c.isupper(), c.istitle(), c.isidentifier(), repr(c.upper()), repr(c.lower()), repr(c.title()), repr(c.casefold()))
print("\u1f88".upper(), "\u1f88".lower(), "\u1f80".title(), "ǉ".title(), "ﬃ".title(), "σς".upper(), "ΌΣΟΣ".lower(), "Σ.".lower(), "aΣ".lower(), "aΣb".lower(), "a\u0345Σ".lower())
for c in "aé\u0301\u4e00\uac00½٣\U0001f600\u00a0":
    print("%04x" % ord(c), ud.category(c), ud.bidirectional(c), ud.combining(c), ud.east_asian_width(c), ud.mirrored(c), repr(ud.decomposition(c)), ud.name(c, None), ud.numeric(c, None), ud.digit(c, None), ud.decimal(c, None))
print(ud.lookup("LATIN SMALL LETTER E WITH ACUTE"), ud.lookup("snowman"), ud.lookup("HANGUL SYLLABLE GA"), ud.name("\uac01"), ud.name("\u4e00"), ud.unidata_version)
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    for s in ["é", "e\u0301", "ﬁ", "\uac00", "\u1100\u1161\u11a8", "Å", "\u212b", "a\u0328\u0301", "x\u0323\u0307"]:
        print(form, [hex(ord(c)) for c in ud.normalize(form, s)], ud.is_normalized(form, s))
try:
    ud.name("\x00")
except ValueError as e:
    print("ValueError", e)
try:
    ud.lookup("NOT A REAL NAME")
except KeyError as e:
    print("KeyError", e)
print("\N{GREEK SMALL LETTER ALPHA}\N{LATIN CAPITAL LETTER A}")
