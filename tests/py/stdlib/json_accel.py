# json with the _json accelerator: encoder options, float/int/str forms, every decoder error position and message, hooks, recursion limits
import json, traceback
def t(f):
    try: print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, getattr(e,'__notes__',None))
t(lambda: json.dumps({1:2,'a':3}, sort_keys=True))
t(lambda: json.dumps([1,{'a':{2,3}}]))
t(lambda: json.dumps([float('nan')], allow_nan=False))
t(lambda: json.dumps({float('inf'):1}, allow_nan=False))
t(lambda: json.dumps(float('-inf'), allow_nan=False))
t(lambda: json.dumps({(1,2):3}))
t(lambda: json.dumps({(1,2):3}, skipkeys=True))
a=[]; a.append(a)
t(lambda: json.dumps(a))
d={}; d['x']=d
t(lambda: json.dumps(d))
t(lambda: json.dumps(d, check_circular=False))
class F(float): 
    def __repr__(self): return 'F!'
class I(int):
    def __repr__(self): return 'I!'
t(lambda: json.dumps([F(1.5), I(3), True, None, 1e300, -0.0, 10**30]))
t(lambda: json.dumps({F(1.5):1, I(3):2, True:3, None:4, 2.5:5}))
t(lambda: json.dumps("\u00e9\x00\ud800\U0001f600"))
t(lambda: json.dumps("\u00e9\x00\ud800\U0001f600", ensure_ascii=False))
t(lambda: json.dumps({'a':[1,2,{}],'b':[]}, indent=2))
t(lambda: json.dumps({'a':[1,2,{}],'b':[]}, indent='\t', separators=(',', ': ')))
t(lambda: json.dumps(10**5000))
import collections
t(lambda: json.dumps(collections.OrderedDict([('b',1),('a',2)]), sort_keys=True))
class D(dict): pass
t(lambda: json.dumps(D(x=1)))
t(lambda: json.dumps((1,2)))
t(lambda: json.dumps(object(), default=lambda o: 'obj'))
t(lambda: json.dumps([object()], default=lambda o: [o]))
for s in ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '{1:2}', '"abc', '"\\x"', '"\\u12"', '"a\x01"', 'nul', '[', '{', '{"a":', '01', '1.', '-', '1e', '[1] x', '"\\ud800"', '"\\ud800\\udc00"', 'NaN', '-Infinity', '1.5e3', '-0', '[-]', '{"a":1 "b":2}', '{,}', '[,]', '"\\']:
    t(lambda: json.loads(s))
t(lambda: json.loads('"a\x01"', strict=False))
t(lambda: json.loads('{"a":1,"a":2}', object_pairs_hook=list))
t(lambda: json.loads('[1.5, 2, NaN]', parse_float=str, parse_int=lambda x: int(x)*2, parse_constant=lambda c: c.lower()))
t(lambda: json.loads('{"a":{"b":1}}', object_hook=lambda d: sorted(d.items())))
t(lambda: json.loads(b'[1]'))
t(lambda: json.loads('[' * 100000 + ']' * 100000))
from json import decoder, scanner
print(decoder.scanstring('"abc\\n" x', 1))
t(lambda: decoder.scanstring('"abc', 1))
t(lambda: decoder.scanstring('"abc"', 10))
t(lambda: decoder.scanstring('"abc"', -1))
print(type(scanner.make_scanner), scanner.make_scanner.__module__)
print(json.encoder.c_make_encoder, json.encoder.encode_basestring_ascii)
def t(f):
    try: print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, getattr(e,'__notes__',None))
t(lambda: json.dumps([1,{'a':{2,3}}], indent=1))
d={}; d['x']=d
t(lambda: json.dumps(d, check_circular=False, indent=1))
print(json.scanner.make_scanner, json.scanner.c_make_scanner, json.decoder.c_scanstring, json.decoder.scanstring)
import _json
print(_json.make_encoder, _json.make_scanner)
t(lambda: json.loads('[1,2', ))
t(lambda: json.dumps({'a': 1}, default=None, separators=(';', '=')))
t(lambda: _json.encode_basestring_ascii(b'x'))
t(lambda: _json.encode_basestring(3))
t(lambda: _json.scanstring(b'"x"', 1))
t(lambda: json.loads('"\ud800"'))
t(lambda: json.loads('[1e400, -1e400, 1E5, 0.5e-3]'))
t(lambda: json.loads(' {"a" : [ 1 , 2 ] , "b" : { } } '))
t(lambda: json.loads('123456789012345678901234567890'))
t(lambda: json.loads('1' * 5000))
t(lambda: json.dumps(1.0))
t(lambda: json.dumps({'a':1}, separators=(',',':'), indent=None, sort_keys=True))
import enum
class E(enum.IntEnum): A=1
class S(str): pass
t(lambda: json.dumps([E.A, S('x'), {S('k'): E.A}]))
t(lambda: json.dumps({True: 1, 1: 2}))
for s in ['"\\ud800\\uZZZZ"', '"\\ud800\\u00e9"', '"\\ud83d\\ude00"', '"\\u00"', '"\\u0041"', '["\\t\\r\\n\\b\\f\\/\\\\\\""]', '"\\ud800\\"', '"\\ud800\\u12"']:
    t(lambda: json.loads(s))
t(lambda: json.loads('[1, 2', ))
t(lambda: json.decoder.JSONDecoder().raw_decode('  [1] xx', 2))
t(lambda: json.decoder.JSONDecoder().raw_decode('[1] xx', 5))
t(lambda: json.scanner.make_scanner(json.decoder.JSONDecoder())('{"k": [true]}', 0))
t(lambda: json.scanner.make_scanner(json.decoder.JSONDecoder())('x', -1))
enc = json.encoder.c_make_encoder(None, str, json.encoder.encode_basestring, '  ', ': ', ',', True, False, True)
t(lambda: enc({'b': [1, {}], 'a': ()}, 1))
t(lambda: json.encoder.c_make_encoder([], None, None, None, ':', ',', 0, 0, 0))
t(lambda: json.dumps(['é', 'x'], ensure_ascii=False, indent=0))
t(lambda: json.dumps({'a': 1}, default=None, separators=(',', ':'), sort_keys=True, indent=3))
class Custom(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
t(lambda: json.dumps({'s': {3, 1, 2}}, cls=Custom))
t(lambda: Custom(indent=1).encode({'s': {3, 1}}))
t(lambda: list(Custom().iterencode({'s': {3, 1}, 'n': [None]})))
import io
buf = io.StringIO(); json.dump({'z': [1.5, 'q'], 'a': None}, buf, indent=1, sort_keys=True); print(buf.getvalue())
t(lambda: json.load(io.StringIO('{"a": [1, 2.5e-3, "x"]}')))
t(lambda: json.loads('{"a": 1, "b": 2}', object_pairs_hook=collections.OrderedDict))
t(lambda: json.loads('\ufeff[1]'))
t(lambda: json.loads('[1]'.encode('utf-16')))
t(lambda: json.loads(bytearray(b'{"x": 1}')))
t(lambda: json.loads(3))
