# tokenize: TokenError/IndentationError/TabError messages and positions (unterminated strings, EOF in statements, bad numbers, f-string errors), tokens before the error, -m tokenize error output
import io
import os
import subprocess
import sys
import tempfile
import tokenize


def attempt(src, quiet=False):
    print('---', repr(src) if len(src) < 80 else '%d chars' % len(src))
    count = 0
    try:
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            count += 1
            if not quiet:
                print('  ', tok.type, repr(tok.string), tok.start, tok.end)
    except (tokenize.TokenError, SyntaxError) as err:
        print('  ', count, 'tokens', type(err).__name__, err.args)


for src in [
    "x = 'abc\n",
    'x = "abc\\"\n',
    'x = "abc\\\ndef\n',
    'x = """abc\ndef\n',
    "x = '''abc\n'''   '\n",
    'x = "abc',
    '(1,\n',
    'x = (1,\n2,\n',
    'x = (1,\n2',
    'x\\',
    'x = 1\\\n',
    'x = 1 + \\\n 2 + \\\n',
    'é = 1\\\n',
    '\\\n',
    'x = 1 \\ 2\n',
    'if x:\n    y\n  z\n',
    'if x:\n    é\n  é',
    '\tif x:\n        y\n',
    'if x:\n\ty\n        z\n',
    'a\x00b\n',
    'x = \x01\n',
    '1_ \n',
    '0x\n',
    '0b2\n',
    '0o8\n',
    '0b1_2\n',
    '1e+\n',
    '1__0\n',
    'f"{x"\n',
    'f"}"\n',
    'f"{x}}"\n',
    'x = f"abc\n',
    'x = f"""abc\ndef\n',
    'x = f"abc{\n',
    'f"{)}"\n',
    'f"{x:{y:{z:{w}}}}"\n',
]:
    attempt(src)
attempt('(' * 201 + '\n', quiet=True)
attempt('if 1:\n' + ''.join(' ' * i + 'if 1:\n' for i in range(1, 101)), quiet=True)

# Tokens are produced lazily: the ones before an error are still seen.
toks = []
try:
    for tok in tokenize.generate_tokens(io.StringIO('a = 1\nb = "x\n').readline):
        toks.append(tok.string)
except tokenize.TokenError as err:
    print(toks, err)

print(issubclass(tokenize.TokenError, Exception), tokenize.TokenError.__mro__)
try:
    list(tokenize.generate_tokens(io.BytesIO(b'x\n').readline))
except TypeError as err:
    print('TypeError', err)
try:
    list(tokenize.tokenize(io.BytesIO(b'# coding: nonsense\n').readline))
except SyntaxError as err:
    print('SyntaxError', err)

# The command line reports errors as file:line:col and exits 1.
with tempfile.TemporaryDirectory() as tmp:
    for name, data in [('eof.py', b'x = (1,\n'), ('ind.py', b'if x:\n    y\n  z\n'),
                       ('str.py', b'x = "abc\n'), ('ok.py', b'x = 1\n'),
                       ('bom.py', b'\xef\xbb\xbf# coding: latin-1\n')]:
        with open(os.path.join(tmp, name), 'wb') as f:
            f.write(data)
        proc = subprocess.run([sys.executable, '-m', 'tokenize', name], cwd=tmp,
                              capture_output=True, text=True)
        print(name, proc.returncode, repr(proc.stdout), repr(proc.stderr))
    proc = subprocess.run([sys.executable, '-m', 'tokenize', 'missing.py'], cwd=tmp,
                          capture_output=True, text=True)
    print(proc.returncode, repr(proc.stderr))
