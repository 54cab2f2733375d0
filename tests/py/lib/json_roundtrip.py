# json: dumps options (indent, separators, sort_keys, ensure_ascii, default), loads hooks and errors
import json
data = {"b": [1, 2.5, None, True, False], "a": {"x": "é\n\u2603", "y": []}, "c": 10**20}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
print(json.dumps([float("inf"), float("nan"), -0.0, 1e-7, 123456789.125]))
print(json.dumps({1: "int key", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps(object(), default=lambda o: "custom"))
print(json.loads('{"a": [1, 2.0, "x\\u00e9\\ud83d\\ude00"], "b": null}'))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda p: p))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)))
for bad in ['{', '[1,]', '{"a" 1}', '', 'nul', '[1 2]', '{"a":1,}', '"abc', '[1] x', '{"a":1, "a":2', "'x'"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.dumps({"x": object()})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError:", e)
