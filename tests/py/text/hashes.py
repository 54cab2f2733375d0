# hashes with PYTHONHASHSEED=0: str of each kind, bytes, memoryview; set ordering
for s in ["", "a", "abc", "hello world", "é", "éé", "π", "🐍", "a" * 100]:
    print(repr(s), hash(s))
for b in [b"", b"a", b"abc", b"\xff" * 9]:
    print(b, hash(b), hash(memoryview(b)) == hash(b))
print(list({"apple", "banana", "cherry", "date", "elderberry"}))
print(list({"x%d" % i for i in range(10)}))
