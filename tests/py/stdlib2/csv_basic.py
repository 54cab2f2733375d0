# csv: reader/writer quoting modes, multi-line fields, dialects, DictReader/DictWriter, errors
import csv, io
def rd(text, **kw):
    try:
        r = csv.reader(io.StringIO(text, newline=''), **kw)
        print([row for row in r], r.line_num)
    except csv.Error as e:
        print('Error:', e)
rd('a,b,c\r\n1,2,3\r\n')
rd('a,"b,c",d\n"x""y",,z\n')
rd('"multi\nline",2\n\nlast')
rd('a;b;c\n', delimiter=';')
rd('a, b,  c\n', skipinitialspace=True)
rd('1,"2",x\n', quoting=csv.QUOTE_NONNUMERIC) if False else None
rd('1,"2",3.5\n', quoting=csv.QUOTE_NONNUMERIC)
rd('a,,"",b\n', quoting=csv.QUOTE_NOTNULL)
rd('1,,"",\"s\"\n', quoting=csv.QUOTE_STRINGS)
rd('a\\,b,c\n', escapechar='\\')
rd('"a\\"b",c\n', escapechar='\\', doublequote=False)
rd('a,"b"x,c\n')
rd('a,"b"x,c\n', strict=True)
rd('a,"unterminated\n', strict=True)
rd('a,"unterminated\n')
rd('a,b\rc,d\r')
rd('a\tb\n', dialect='excel-tab')
rd('\'a,b\',c\n', quotechar="'")
rd('a,"b,c\n', quoting=csv.QUOTE_NONE)
try:
    list(csv.reader([b'a,b']))
except csv.Error as e:
    print(e)
s = io.StringIO()
w = csv.writer(s)
print(w.writerow(['a', 'b,c', 'd"e', 'f\ng', 1, 2.5, None, True, '']))
w.writerow([''])
w.writerow([])
w.writerows([[1, 2], ['x', 'y']])
print(repr(s.getvalue()))
for q in range(6):
    s = io.StringIO()
    csv.writer(s, quoting=q, escapechar='\\').writerow(['a', 1, 2.0, None, '', 'b c', 'q"', 'e,f'])
    print(q, repr(s.getvalue()))
s = io.StringIO()
try:
    csv.writer(s, quoting=csv.QUOTE_NONE).writerow(['a,b'])
except csv.Error as e:
    print(e)
csv.writer(s, quoting=csv.QUOTE_NONE, escapechar='\\').writerow(['a,b', 'c\\d'])
csv.writer(s, doublequote=False, escapechar='\\').writerow(['x"y'])
csv.writer(s, dialect='unix').writerow(['u', 1])
csv.writer(s, lineterminator='\n', delimiter='|').writerow(['p|q', 'r'])
print(repr(s.getvalue()))
for kw in [dict(delimiter='ab'), dict(quotechar=5), dict(bogus=1), dict(quoting=9),
           dict(delimiter=','), dict(lineterminator=3), dict(quotechar=None)]:
    try:
        d = csv.writer(io.StringIO(), **kw).dialect
        print(d.delimiter, d.quotechar, d.quoting)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()))
d = csv.get_dialect('pipes')
print(d.delimiter, d.quoting, d.lineterminator == '\r\n', d.doublequote, d.escapechar)
rd('a|"b"\n', dialect='pipes')
csv.unregister_dialect('pipes')
for f in (csv.get_dialect, csv.unregister_dialect):
    try:
        f('pipes')
    except csv.Error as e:
        print(e)
class My(csv.excel):
    delimiter = ':'
rd('a:b\n', dialect=My)
print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
rd('a,' + 'x' * 20 + '\n')
csv.field_size_limit(131072)
data = 'name,age\r\nann,30\r\n\r\nbob,25,extra\r\ncy\r\n'
r = csv.DictReader(io.StringIO(data))
print(r.fieldnames)
for row in r:
    print(row, r.line_num)
r = csv.DictReader(io.StringIO('1,2\n'), fieldnames=['a', 'b', 'c'], restval='?')
print(list(r))
s = io.StringIO()
w = csv.DictWriter(s, ['x', 'y'], restval='-')
print(w.writeheader())
w.writerow({'x': 1})
w.writerows([{'x': 'a,b', 'y': 2}])
try:
    w.writerow({'z': 1})
except ValueError as e:
    print(e)
print(repr(s.getvalue()))
try:
    csv.DictWriter(s, ['x'], extrasaction='bad')
except ValueError as e:
    print(e)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.QUOTE_STRINGS, csv.QUOTE_NOTNULL)
print(csv.Error.__module__, issubclass(csv.Error, Exception), csv.excel.delimiter, csv.excel_tab.delimiter)
