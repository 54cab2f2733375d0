# sys._debugmallocstats(): the report layout on stderr (numbers masked) and sys.getallocatedblocks()
import os
import re
import sys
import tempfile

# The report goes to the C-level stderr: point file descriptor 2 at a file meanwhile.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'stats.txt')
    sys.stderr.flush()
    saved = os.dup(2)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(fd, 2)
    os.close(fd)
    try:
        result = sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    with open(path) as f:
        report = f.read()
print('result', result)
lines = report.split('\n')
rows = 0
for line in lines:
    if re.fullmatch(r'[ \d]{5} [ \d]{6} [ \d]{11} [ \d]{15} [ \d]{13}', line):
        rows += 1
        cls, size = line.split()[:2]
        assert int(size) == (int(cls) + 1) * 16, line
        continue
    # Mask numbers so that only the layout is compared; "=" lines keep their width.
    m = re.fullmatch(r'(.*?) *= *([\d,]+)', line)
    if m:
        value = m.group(2)
        assert re.fullmatch(r'\d{1,3}(,\d{3})*', value), line
        print(len(line), line.index('='), re.sub(r'\d+', '#', m.group(1).strip()))
    else:
        print(re.sub(r'\d+', '#', line))
print('size class rows:', rows <= 32)

n0 = sys.getallocatedblocks()
print(type(n0).__name__, n0 > 0)
keep = [object() for _ in range(10000)]
n1 = sys.getallocatedblocks()
print(n1 - n0 >= 10000)
del keep
n2 = sys.getallocatedblocks()
print(n1 - n2 >= 9990)  # the list object itself may stay on a free list
print(sys._debugmallocstats.__name__)
