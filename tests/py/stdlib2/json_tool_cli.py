# json.tool command line: layouts (indent/tab/no-indent/compact), sort keys, ASCII escaping, JSON Lines from stdin, in-place output, invalid input
import os
import subprocess
import sys
import tempfile


def run(args, stdin=None):
    r = subprocess.run([sys.executable, '-m', 'json.tool', *args], input=stdin,
                       capture_output=True, text=True, encoding='utf-8')
    print('rc', r.returncode)
    print(r.stdout, end='')
    print('stderr:', r.stderr.strip())


with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, 'in.json')
    with open(src, 'w', encoding='utf-8') as f:
        f.write('{"b": [1, 2, {"\u00e9": null, "t": true}], "a": 1.5, "s": "x\\ty"}')
    for args in ([], ['--sort-keys'], ['--compact'], ['--tab'], ['--no-indent'],
                 ['--no-ensure-ascii', '--indent', '2'], ['--indent', '0', '--sort-keys']):
        print('args', args)
        run(args + [src])
    print('stdin')
    run([], stdin='[1, {"k": [ ]}, "z"]')
    print('json lines')
    run(['--json-lines', '--compact'], stdin='{"a": 1}\n[2, 3]\n"four"\n')
    out = os.path.join(d, 'out.json')
    run(['--sort-keys', src, out])
    with open(out, encoding='utf-8') as f:
        print('written:', f.read().count('\n'), 'lines')
    run([src, src])
    with open(src, encoding='utf-8') as f:
        print('in place:', f.read().splitlines()[0:2])
    bad = os.path.join(d, 'bad.json')
    with open(bad, 'w') as f:
        f.write('{"a": ')
    run([bad])
    run(['--indent', '2', '--tab', src])
