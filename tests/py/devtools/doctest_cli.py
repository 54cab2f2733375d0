# doctest: the command line `python -m doctest [-v] [-o FLAG] [-f] file.py|file.txt` (output and exit status)
import os
import subprocess
import sys
import tempfile

MODULE = '''\
"""
>>> f()
1
>>> print(list(range(30)))
[0, 1, ..., 29]
>>> print('a   b')
a b
"""


def f():
    """
    >>> f() + 1
    2
    """
    return 1
'''

GOOD_TXT = '''\
>>> 1 + 1
2
>>> print('x')
x
'''

BAD_TXT = '''\
>>> 1
2
>>> 3
4
>>> print('end')
end
'''


def run(tmp, *args, env=None):
    full_env = dict(os.environ)
    for key in ('PYTHON_COLORS', 'FORCE_COLOR', 'NO_COLOR'):
        full_env.pop(key, None)
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, '-m', 'doctest', *args],
                          cwd=tmp, capture_output=True, text=True,
                          env=full_env)
    out = proc.stdout.replace(tmp + os.sep, '<tmp>/')
    out = out.replace('\x1b', '<ESC>')
    print('$', ' '.join('%s=%s' % kv for kv in (env or {}).items()),
          'doctest', ' '.join(args))
    print(out, end='')
    err = proc.stderr.strip().splitlines()
    if err:
        # The program name argparse shows depends on how the module was
        # loaded (a source file or a frozen module); the message does not.
        print('stderr last line:', err[-1].partition(': ')[2])
    print('exit', proc.returncode)


with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(tmp, 'sample_mod.py'), 'w') as f:
        f.write(MODULE)
    with open(os.path.join(tmp, 'good.txt'), 'w') as f:
        f.write(GOOD_TXT)
    with open(os.path.join(tmp, 'bad.txt'), 'w') as f:
        f.write(BAD_TXT)

    run(tmp, '-v', 'good.txt')
    run(tmp, '-f', 'bad.txt')
    run(tmp, '--fail-fast', '-v', 'bad.txt')
    run(tmp, '-o', 'ELLIPSIS', 'sample_mod.py')
    run(tmp, '-o', 'ELLIPSIS', '-o', 'NORMALIZE_WHITESPACE', '-v',
        'sample_mod.py')
    run(tmp, '--option=REPORT_NDIFF', 'bad.txt')
    run(tmp, 'bad.txt', 'good.txt')
    run(tmp, '-o', 'NO_SUCH_FLAG', 'good.txt')
    run(tmp)
    # Summaries are coloured when forced; the failure divider only on a
    # terminal (run() hides the forcing variables while examples run).
    run(tmp, 'bad.txt', env={'FORCE_COLOR': '1'})
    run(tmp, '-v', 'good.txt', env={'PYTHON_COLORS': '1'})
    run(tmp, 'bad.txt', env={'FORCE_COLOR': '1', 'PYTHON_COLORS': '0'})
