# for-loops specialised on list, tuple and range iterators: mutation during iteration, shared iterators advanced by next(), exhausted iterators, ranges at the edges of a C long, and one loop site that sees every kind of iterable
import sys


def total(it):
    t = 0
    for x in it:
        t += x
    return t


print(total([1, 2, 3]), total((4, 5)), total(range(10)), total(range(10, 0, -3)),
      total(x for x in [7]), total({8: 0}), total(iter([9])), total(b"\x01\x02"))
for _ in range(100):
    total([1]), total(range(2))
print(total(range(-5, 5)), total(()), total([]), total(range(0)))

big = sys.maxsize
print(total(range(big - 3, big)) - 3 * big, total(range(-big - 1, -big + 2)) + 3 * big)
print(list(range(big - 2, big + 2)) == [big - 2, big - 1, big, big + 1])
print([x for x in range(big, big - 10, -4)][-1] - big)

# the list grows and shrinks while the loop runs
lst = [1, 2, 3]
seen = []
for x in lst:
    seen.append(x)
    if x < 6:
        lst.append(x + 3)
print(seen)
lst = list(range(10))
seen = []
for x in lst:
    seen.append(x)
    del lst[:2]
print(seen, lst)

# a shared iterator advanced inside the loop body
it = iter(list(range(10)))
pairs = []
for a in it:
    pairs.append((a, next(it, None)))
print(pairs)
print(list(it), next(it, "done"))
tup_it = iter((1, 2, 3))
for a in tup_it:
    print("tuple", a, list(tup_it))
rng = iter(range(5))
for a in rng:
    print("range", a, next(rng), list(rng))

# exhausted iterators looped over again
ex = iter([1, 2])
print([x for x in ex], [x for x in ex])


# one site, many iterable types, after the site specialised
def kinds(seqs):
    out = []
    for s in seqs:
        for x in s:
            out.append(x)
    return out


print(kinds([[1], (2,), range(3, 4), "ab", {5}, (i for i in [6]), [7], range(8, 9)] * 3))


# break / continue / else and nested loops over the same list
def search(grid, target):
    for row in grid:
        for v in row:
            if v == target:
                break
        else:
            continue
        return row
    return None


grid = [tuple(range(i, i + 3)) for i in range(0, 30, 3)]
print(search(grid, 17), search(grid, 100))


# exceptions raised inside specialised loops unwind the iterator correctly
def boom(seq):
    n = 0
    try:
        for x in seq:
            n += 1
            if x == 3:
                raise ValueError(x)
    except ValueError as e:
        return n, e.args
    return n, None


print([boom(s) for s in ([1, 2, 3, 4], (3,), range(5), [0])])
