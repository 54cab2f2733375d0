# dict memory: getsizeof growth points for str and non-str keys, deletes, clear, copy
import sys
for n in list(range(0, 24)) + [42, 43, 44, 85, 86, 87, 170, 171, 300]:
    d = {str(i): i for i in range(n)}
    e = {i: i for i in range(n)}
    print(n, sys.getsizeof(d), sys.getsizeof(e), sys.getsizeof(dict(d)), sys.getsizeof(e.copy()))
d = {i: i for i in range(100)}
for i in range(100):
    del d[i]
print(sys.getsizeof(d), len(d))
d.clear(); print(sys.getsizeof(d))
print(sys.getsizeof({}), sys.getsizeof(dict()), sys.getsizeof(dict(a=1)), sys.getsizeof(dict.fromkeys(range(10))))
print(sys.getsizeof({1: 1, 2: 2}), sys.getsizeof({"a": 1, 1: 2}))
x = {"a": 1}; x[1] = 2; print(sys.getsizeof(x))
print({}.__sizeof__(), {1: 2}.__sizeof__())
