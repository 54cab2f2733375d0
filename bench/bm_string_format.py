"""String formatting: %-formatting, str.format, f-strings with format specs,
repr/str of numbers, join/split and slicing.  Prints one checksum line.
Usage: bm_string_format.py [N]   (default 100000)
"""
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    total = 0
    parts = []
    for i in range(n):
        x = i * 1.25
        a = "%5d|%-8s|%.3f" % (i, "k%d" % (i % 97), x)
        b = "{:>6}:{:<5}:{:08.2f}".format(i % 1000, i % 7, x / 3)
        c = f"{i:x}-{i % 13:03d}-{x:.1e}-{'abc' * (i % 3)!r}"
        d = str(i) + repr(x) + str(-i)
        s = a + b + c + d
        total += len(s) + s.count("1")
        if i % 50 == 0:
            parts.append(s[::3])
    joined = ",".join(parts)
    words = joined.split(",")
    print("string_format n=%d total=%d words=%d len=%d head=%s"
          % (n, total, len(words), len(joined), joined[:24]))


main()
