# tokenize: untokenize round trips in full (5-tuple) mode and (type, string) compat mode, f-string brace escaping, ENCODING -> bytes, position errors, -m tokenize [-e] output
import io
import os
import subprocess
import sys
import tempfile
import tokenize

SOURCES = [
    'x = 1\n',
    'def f(a, b=2):\n    """doc"""\n    if a:\n        return b  # c\n\n    return a\n',
    'if x:\n\tif y:\n\t\tpass\n\telse:\n\t\tz = [1,\n\t\t     2]\n',
    'a = b \\\n    + c\n',
    's = """a\nb""" "c" \'d\'\n',
    'f"{x!r:>{w}.3f} {{lit}} {y=}" f"\\N{BULLET} {{x}}" rf"\\{a}"\n',
    'f"""\n{x}\n{{y}}\n"""\n',
    'x = f"{a}" "b" f"c"\n',
    'class A:\n    pass\n# trailing\n',
    'x = 1',
]

for src in SOURCES:
    print('---', repr(src))
    toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    full = tokenize.untokenize(toks)
    print('full:', repr(full), full == src)
    pairs = [t[:2] for t in toks]
    compat = tokenize.untokenize(pairs)
    print('compat:', repr(compat))
    again = [t[:2] for t in tokenize.generate_tokens(io.StringIO(compat).readline)]
    print('compat round trip:', again == pairs)

print('--- bytes')
data = '# coding: latin-1\nx = "é"\n'.encode('latin-1')
toks = list(tokenize.tokenize(io.BytesIO(data).readline))
print(repr(tokenize.untokenize(toks)), tokenize.untokenize(toks) == data)
print(repr(tokenize.untokenize([t[:2] for t in toks])))
print(repr(tokenize.untokenize(iter(toks))))

print('--- mixed and errors')
toks = list(tokenize.generate_tokens(io.StringIO('a = 1\nb = 2\n').readline))
print(repr(tokenize.untokenize(toks[:3] + [t[:2] for t in toks[3:]])))
try:
    tokenize.untokenize([(tokenize.NAME, 'a', (1, 5), (1, 6), ''),
                         (tokenize.NAME, 'b', (1, 2), (1, 3), '')])
except ValueError as err:
    print('ValueError', err)
print(repr(tokenize.untokenize([(tokenize.NAME, 'a', (1, 0), (1, 1), ''),
                                (tokenize.NAME, 'b', (3, 4), (3, 5), '')])))
u = tokenize.Untokenizer()
print(u.escape_brackets('a{b}c\\N{DASH}'), u.prev_row, u.prev_col, u.encoding)

print('--- detect_encoding and open')
for data in [b'', b'x\n', b'\xef\xbb\xbfx\n', b'#!/bin/sh\n# -*- coding: cp1252 -*-\n',
             b'x\n# coding: latin-1\n', b'# vim:fileencoding=Latin-1\n', b'# coding=UTF_8\n']:
    print(repr(data), tokenize.detect_encoding(io.BytesIO(data).readline))
for data in [b'\xef\xbb\xbf# coding: latin-1\n', b'# coding: nonsense\n', b'\xff\n']:
    try:
        tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as err:
        print(repr(data), 'SyntaxError', err)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'mod.py')
    with open(path, 'wb') as f:
        f.write('# coding: latin-1\nname = "é"\nif name:\n    x = f"{name!r:>5}"  # c\n'.encode('latin-1'))
    with tokenize.open(path) as f:
        print(f.encoding, f.mode, repr(f.read()))
    with open(path, 'rb') as f:
        try:
            tokenize.detect_encoding(iter([b'\xff\n']).__next__)
        except SyntaxError as err:
            print(err)
        f.seek(0)
    with open(path, 'wb') as f:
        f.write(b'\xff\n')
    with open(path, 'rb') as f:
        try:
            tokenize.detect_encoding(f.readline)
        except SyntaxError as err:
            print(str(err).replace(tmp, 'TMP'))
    with open(path, 'wb') as f:
        f.write(b'x = [1,\n     2] ** -y  # note\nprint(f"{x=}")\n')
    for args in (['mod.py'], ['-e', 'mod.py']):
        proc = subprocess.run([sys.executable, '-m', 'tokenize'] + args, cwd=tmp,
                              capture_output=True, text=True)
        print(proc.returncode, proc.stderr)
        print(proc.stdout, end='')
    proc = subprocess.run([sys.executable, '-m', 'tokenize'], cwd=tmp, input='a = (1 +\n 2)\n',
                          capture_output=True, text=True)
    print(proc.stdout, end='')
