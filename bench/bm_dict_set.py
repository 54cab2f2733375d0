"""Dict and set heavy code: counting, membership, set algebra, dict
iteration/update/pop, tuple keys and str keys.  Prints one checksum line.
Usage: bm_dict_set.py [N]   (default 240000)
"""
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 240000
    words = ["w%d" % (i % 997) for i in range(2000)]
    counts = {}
    seen = set()
    grid = {}
    hits = 0
    for i in range(n):
        w = words[i % 2000]
        counts[w] = counts.get(w, 0) + 1
        key = (i % 61, i % 37)
        if key in grid:
            grid[key] += 1
            hits += 1
        else:
            grid[key] = 1
        if i % 7 == 0:
            seen.add(i % 5003)
        elif i % 11 == 0 and (i % 5003) in seen:
            seen.discard(i % 5003)
    a = set(range(0, 4000, 3))
    b = set(range(0, 4000, 5))
    algebra = len(a | b) + len(a & b) + len(a - b) + len(a ^ b)
    inverted = {}
    for k, v in counts.items():
        inverted.setdefault(v, []).append(k)
    popped = 0
    for k in list(grid)[:500]:
        popped += grid.pop(k)
    merged = dict(counts)
    merged.update({"w%d" % i: -i for i in range(50)})
    print("dict_set n=%d words=%d hits=%d seen=%d algebra=%d inv=%d popped=%d merged=%d"
          % (n, len(counts), hits, len(seen), algebra, len(inverted), popped,
             sum(merged.values()) % 100003))


main()
