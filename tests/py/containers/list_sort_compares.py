# list.sort: exact comparison counts (count_run, powersort merges, galloping) and stability
class K:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        K.n += 1
        return self.v < o.v
def count(vals):
    K.n = 0
    sorted(K(v) for v in vals)
    return K.n
x = 12345
def rnd(n):
    global x
    out = []
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2**31
        out.append(x % 1000)
    return out
print([count(v) for v in [[], [1], [1, 2], [2, 1], [3, 1, 2], list(range(100)), list(range(100, 0, -1)), [5] * 50, rnd(10), rnd(64), rnd(65), rnd(200), rnd(1000), list(range(50)) + list(range(50)), [1, 2, 2, 1, 1, 3] * 20, list(range(100, 0, -1)) + list(range(100))]])
x = 999
def rnd2(n, m):
    global x
    out = []
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2**31
        out.append(x % m)
    return out
for n, m in [(10, 3), (100, 5), (1000, 10), (5000, 1000), (300, 2), (2000, 50)]:
    v = rnd2(n, m)
    print(count(v), count(sorted(v)), count(sorted(v, reverse=True)), count(v[::-1] + v))
    idx = sorted(range(n), key=lambda i: v[i])
    print(all(v[idx[i]] < v[idx[i+1]] or (v[idx[i]] == v[idx[i+1]] and idx[i] < idx[i+1]) for i in range(n - 1)))
    idx = sorted(range(n), key=lambda i: v[i], reverse=True)
    print(all(v[idx[i]] > v[idx[i+1]] or (v[idx[i]] == v[idx[i+1]] and idx[i] < idx[i+1]) for i in range(n - 1)))
    pairs = [(v[i], i) for i in range(n)]
    s1 = sorted(pairs, key=lambda p: p[0]); print(s1 == sorted(pairs))
desc_eq = [5, 5, 4, 4, 4, 3, 9, 9, 1, 1]
tagged = [(d, i) for i, d in enumerate(desc_eq)]
print(sorted(tagged, key=lambda t: t[0]), count(desc_eq))
