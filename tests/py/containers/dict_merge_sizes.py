# dict memory after copy/dict()/{**d}/fromkeys from dense, sparse, str and non-str sources
import sys
for n in [0, 1, 2, 3, 5, 6, 10, 11, 50]:
    src = {i: 0 for i in range(n)}
    ssrc = {str(i): 0 for i in range(n)}
    print(n, sys.getsizeof(dict.fromkeys(src)), sys.getsizeof(dict.fromkeys(ssrc)), sys.getsizeof(dict.fromkeys(set(range(n)))), sys.getsizeof(dict.fromkeys(frozenset(map(str, range(n))))), sys.getsizeof(dict.fromkeys(list(range(n)))))
    print(sys.getsizeof(dict(src)), sys.getsizeof(dict(ssrc)), sys.getsizeof({**src}), sys.getsizeof(dict(src, x=1)), sys.getsizeof(dict(zip(range(n), range(n)))), sys.getsizeof(src.copy()))
    d = dict(src)
    for i in range(n // 2): del d[i]
    print(sys.getsizeof(d.copy()), sys.getsizeof(dict(d)), sys.getsizeof({**d}))
class A: pass
a = A()
print(sys.getsizeof(a.__dict__) > 0)
