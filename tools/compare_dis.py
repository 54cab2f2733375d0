# Differential check of Krait's bytecode against CPython 3.13's, code object by code
# object. Run it with the oracle:
#     ../shared/oracle tools/compare_dis.py build/compiler/krait FILE.py... [-v] [-q]
# Each FILE is compiled (not run) by both interpreters; for every code object (found
# recursively through co_consts) the instructions, co_stacksize, co_flags, the decoded
# exception table and co_positions are compared, and the first difference is reported.
# -v prints both instruction listings around the first differing instruction; -q prints
# only the summary (per-kind counts of first differences). --norm leaves out of the
# comparison what needs eval-loop support first (TO_BOOL, RETURN_GENERATOR, END_FOR's
# POP_TOP, RESUME's depth bit; positions/exception table/stack size of such code objects).
import json
import os
import subprocess
import sys


def dump(paths):
    import dis
    out = []

    def walk(co, qual):
        instrs = []
        for ins in dis.get_instructions(co):
            arg = ins.argrepr
            if ins.opname in ('LOAD_CONST', 'RETURN_CONST') and hasattr(ins.argval, 'co_code'):
                arg = 'code ' + ins.argval.co_qualname
            if not arg and ins.arg is not None:
                arg = str(ins.arg)
            instrs.append('%s %s' % (ins.opname, arg) if arg else ins.opname)
        exc = [[e.start, e.end, e.target, e.depth, e.lasti]
               for e in dis._parse_exception_table(co)]
        out.append({
            'name': qual,
            'instrs': instrs,
            'stacksize': co.co_stacksize,
            'flags': co.co_flags,
            'exc': exc,
            'positions': [list(p) for p in co.co_positions()],
        })
        for c in co.co_consts:
            if hasattr(c, 'co_code'):
                walk(c, qual + '/' + c.co_qualname + ':' + str(c.co_firstlineno))

    for p in paths:
        try:
            with open(p, encoding='utf-8') as f:
                src = f.read()
            co = compile(src, p, 'exec')
        except Exception as e:  # noqa: BLE001 - report and go on
            out.append({'name': p, 'error': type(e).__name__})
            continue
        walk(co, p)
    json.dump(out, sys.stdout)


def normalize(instrs):
    """CPython's listing without what Krait cannot emit until the eval loop has the
    instructions (TO_BOOL, RETURN_GENERATOR, the POP_TOP after END_FOR, RESUME's
    except-depth bit)."""
    out = []
    prev = None
    for s in instrs:
        op = s.split()[0]
        if op == 'TO_BOOL' or op == 'RETURN_GENERATOR':
            prev = op
            continue
        if op == 'POP_TOP' and prev in ('END_FOR', 'RETURN_GENERATOR'):
            prev = None
            continue
        if op == 'RESUME':
            s = 'RESUME %d' % (int(s.split()[1]) & 3)
        out.append(s)
        prev = op
    return out


def first_diff(a, b):
    for key in ('error', 'instrs', 'stacksize', 'flags', 'exc', 'positions'):
        va, vb = a.get(key), b.get(key)
        if va == vb:
            continue
        if key == 'instrs':
            for i, (x, y) in enumerate(zip(va, vb)):
                if x != y:
                    return key, i, x, y
            i = min(len(va), len(vb))
            return key, i, va[i] if i < len(va) else '<end>', vb[i] if i < len(vb) else '<end>'
        if key in ('exc', 'positions'):
            for i, (x, y) in enumerate(zip(va, vb)):
                if x != y:
                    return key, i, x, y
            return key, min(len(va), len(vb)), len(va), len(vb)
        return key, 0, va, vb
    return None


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--dump':
        dump(sys.argv[2:])
        return
    args = [a for a in sys.argv[1:] if not a.startswith('-')]
    verbose = '-v' in sys.argv
    quiet = '-q' in sys.argv
    krait, files = args[0], args[1:]
    me = os.path.abspath(__file__)

    def run(exe):
        r = subprocess.run([exe, me, '--dump'] + files, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit('%s failed:\n%s' % (exe, r.stderr[-2000:]))
        return json.loads(r.stdout)

    ref = run(sys.executable)
    if '--norm' in sys.argv:
        for c in ref:
            if 'instrs' in c:
                n = normalize(c['instrs'])
                if n != c['instrs']:
                    c['instrs'] = n
                    for key in ('positions', 'exc', 'stacksize'):
                        c.pop(key)
                    c['normalized'] = True
    got = {c['name']: c for c in run(krait)}
    same = 0
    kinds = {}
    for c in ref:
        k = got.get(c['name'])
        if k is None:
            print('MISSING', c['name'])
            continue
        if c.get('normalized'):
            k = {key: v for key, v in k.items() if key in c}
        d = first_diff(c, k)
        if d is None:
            same += 1
            continue
        key, i, x, y = d
        tag = key if key != 'instrs' else 'instrs: %s / %s' % (str(x).split()[0], str(y).split()[0])
        kinds[tag] = kinds.get(tag, 0) + 1
        if not quiet:
            print('%s: %s[%d]: cpython %r, krait %r' % (c['name'], key, i, x, y))
            if verbose and key == 'instrs':
                lo = max(0, i - 4)
                print('   cpython:', c['instrs'][lo:i + 5])
                print('   krait:  ', k['instrs'][lo:i + 5])
    print('%d/%d code objects identical' % (same, len(ref)))
    for tag, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print('%5d  %s' % (n, tag))


if __name__ == '__main__':
    main()
