# str basics: sizes of each kind, repr quoting/escapes, indexing, slicing, concat, compare, hash
import sys
for s in ["", "a", "abc", "é", "éé", "π", "ππ", "🐍", "a🐍", "\x00"]:
    print(repr(s), len(s), sys.getsizeof(s))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\t\n\r\\"))
print(repr("\x7f\x80\xa0\xad\u200b\u0378\U0001f40d\udc80\ud800"))
print(ascii("é🐍\x00"))
s = "hello world"
print(s[0], s[-1], s[2:5], s[::-1], s[1:10:3], s[100:], s[-100:3])
try:
    s[20]
except IndexError as e:
    print("IndexError", e)
try:
    s["a"]
except TypeError as e:
    print("TypeError", e)
print("ab" + "cd", "ab" * 3, 3 * "é", "x" * 0, "x" * -1)
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
print("a" < "b", "abc" < "abd", "ab" < "abc", "é" > "z", "🐍" > "π", "a" == "a", "a" != "b")
print("b" in "abc", "" in "abc", "ac" in "abc", "π" in "aπb")
try:
    1 in "abc"
except TypeError as e:
    print("TypeError", e)
print(list("aé🐍"), list(reversed("abc")))
print(hash("") == 0, hash("a") == hash("a"))
print(str(), str(123), str(b"ab"), str(b"ab", "ascii"), str(b"\xc3\xa9", encoding="utf-8"))
try:
    str("a", "utf-8")
except TypeError as e:
    print("TypeError", e)
print(sys.intern("hello") is sys.intern("hel" + "lo"))
x = "abc"
x += "def"
x += "é"
print(x, len(x))
print(type(iter("abc")).__name__, type(iter("é")).__name__)
print(ord("a"), ord("é"), ord("🐍"), chr(65), chr(0x1F40D))
class S(str):
    pass
t = S("hey")
print(type(t).__name__, t, t + "!", type(t + "!").__name__, t.upper(), len(t), t == "hey")
print("%s|%r" % (t, t), str(t), type(str(t)).__name__)
