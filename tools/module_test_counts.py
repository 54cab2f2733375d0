"""For each standard-library module named on the command line, count the project's
test programs (tests/py/**/*.py) that import it, and the oracle-recorded output lines
they check. Used for the per-module figures in closing notes:
    python3 tools/module_test_counts.py math cmath random ...
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def imported_modules(src):
    mods = set()
    for m in re.finditer(r'^\s*import\s+([\w., ]+)', src, re.M):
        for part in m.group(1).split(','):
            name = part.strip().split(' as ')[0].strip()
            while name:
                mods.add(name)
                name = name.rpartition('.')[0]
    for m in re.finditer(r'^\s*from\s+([\w.]+)\s+import\s+([\w., ()*]+)', src, re.M):
        base = m.group(1)
        name = base
        while name:
            mods.add(name)
            name = name.rpartition('.')[0]
        for part in m.group(2).strip('() ').split(','):
            mods.add(base + '.' + part.strip().split(' as ')[0].strip())
    return mods


def main(names):
    tests = []
    for d, _, files in os.walk(os.path.join(ROOT, 'tests', 'py')):
        for f in sorted(files):
            if f.endswith('.py') and os.path.exists(os.path.join(d, f + '.exp')):
                p = os.path.join(d, f)
                with open(p, encoding='utf-8', errors='replace') as fh:
                    src = fh.read()
                with open(p + '.exp', encoding='utf-8', errors='replace') as fh:
                    lines = sum(1 for _ in fh)
                tests.append((imported_modules(src), lines))
    for name in names:
        hits = [n for mods, n in tests if name in mods]
        print(f"{name}: {len(hits)} programs, {sum(hits)} checked lines")


if __name__ == '__main__':
    main(sys.argv[1:])
