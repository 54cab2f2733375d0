# Allocates a few hundred MB of small objects, frees them, and prints the resident set
# size (KiB) before, at the peak and after freeing: empty arenas must go back to the OS.
import gc


def rss_kib():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return -1


before = rss_kib()
# About 300 MB: 2.5 million lists each holding a float and a 2-tuple.
data = [[i * 0.5, (i, -i)] for i in range(2_500_000)]
peak = rss_kib()
del data
gc.collect()
after = rss_kib()
print(before, peak, after, f"released {100 * (peak - after) / max(1, peak - before):.0f}%")
