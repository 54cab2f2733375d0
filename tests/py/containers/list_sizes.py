# list over-allocation: sys.getsizeof after appends, pops, extends, slices, repeats
import sys
l = []
sizes = []
for i in range(100):
    l.append(i)
    sizes.append(sys.getsizeof(l))
print(sizes)
out = []
for i in range(100):
    l.pop()
    out.append(sys.getsizeof(l))
print(out)
for c in [lambda n: list(range(n)), lambda n: [0] * n, lambda n: list([0] * n), lambda n: [i for i in range(n)],
          lambda n: list(x for x in range(n)), lambda n: list((0,) * n), lambda n: [0] * n + [0], lambda n: list("a" * n),
          lambda n: list({i: 0 for i in range(n)}), lambda n: list(set(range(n)))]:
    print([sys.getsizeof(c(n)) for n in (0, 1, 2, 3, 4, 5, 8, 9, 10, 17, 100)])
l = [1, 2, 3]; l.extend(range(10)); print(sys.getsizeof(l))
l = []; l.extend((1, 2, 3)); print(sys.getsizeof(l))
l = []; l.extend(iter((1, 2, 3, 4, 5, 6, 7, 8, 9))); print(sys.getsizeof(l))
l = []; l[:] = (1, 2, 3); print(sys.getsizeof(l))
l = [1, 2, 3]; l *= 10; print(sys.getsizeof(l))
l = list(range(10)); del l[1:9]; print(sys.getsizeof(l))
l = list(range(10)); l.insert(0, 1); print(sys.getsizeof(l))
print(sys.getsizeof([1, 2, 3][:]), sys.getsizeof([1, 2, 3].copy()), sys.getsizeof(sorted(range(10))))
print([].__sizeof__(), [1, 2].__sizeof__())
