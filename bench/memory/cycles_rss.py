# Builds and drops 300,000 two-object reference cycles (each pair is garbage as soon
# as the next one is built), leaving their reclamation to the cycle collector, and
# prints the process's peak RSS in KiB (VmHWM).
class Node:
    def __init__(self):
        self.other = None
        self.payload = [0] * 4


def build(n):
    for _ in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a


def peak_rss_kib():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    try:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except ImportError:
        return -1


build(300_000)
print(peak_rss_kib())
