# tokenize: token stream (types, strings, positions, line attribute) for ordinary code, NEWLINE vs NL, comments, INDENT/DEDENT, numbers, operators, strings, token module
import io
import token
import tokenize


def show(src):
    print('---', repr(src))
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        print(tok)


show('x = 1')
show('x = 1\n')
show('')
show('\n\n')
show('# only a comment')
show('def f(a, *, b=1, **k) -> int:\n    """doc"""\n    return a\n')
show('if x:\n    if y:\n        pass\n    # comment at 4\n\n  # comment at 2\nz = 1\n')
show('if x:\n    pass')
show('if x:\n\tpass\n')
show('class A:\n    def f(self):\n        return 1\n\n    def g(self):\n        pass\n')
show('x = [\n    1,  # one\n    2,\n]\n')
show('a = b \\\n    + c\n')
show('x = 1 + \\\n# c\n2\n')
show('s = """a\nb""" + \'\'\'c\'\'\'\n')
show('x = 1\r\ny = (2,\r\n 3)\r\n')
show('x\n   ')
show('n = 1_000 + 0x_ff + 0b1_0 + 0o17 + 1e-5 + 1.5E+3j + .5 + 1. + 0_0 + 00 + 1j\n')
show('1if x else 2; 1e; 0x1g; 1.__class__\n')
show('x **= 2; y //= 3; z >>= 1; w <<= 2; v @= m; u ^= 1; t |= 2; s &= 3\n')
show('a->b; c := d; e != f; g <> h; ...; $ ? `\n')
show('é = "ü" + a€b\n')
show('u"x" U"y" b"z" Rb"w" bR"v" ur"q" ub"q" bf"q"\n')
show('match x:\n    case [1, *rest]:\n        type X = int\n')
show('async def f():\n    await g()\n')

print('--- exact types')
for tok in tokenize.generate_tokens(io.StringIO('a[1] += (b ** 2) @ c -> d ... !x\n').readline):
    print(token.tok_name[tok.type], token.tok_name[tok.exact_type], repr(tok.string))

print('--- TokenInfo')
tok = tokenize.TokenInfo(tokenize.OP, '(', (1, 0), (1, 1), '(\n')
print(tok, tok.exact_type, isinstance(tok, tuple), tok._fields)
print(tokenize.TokenInfo(tokenize.NAME, 'x', (1, 0), (1, 1), 'x'))
print(tokenize.TokenInfo._make([tokenize.OP, '?', (1, 0), (1, 1), '']).exact_type)

print('--- token module')
print(token.ENDMARKER, token.NAME, token.OP, token.COMMENT, token.NL,
      token.ERRORTOKEN, token.ENCODING, token.N_TOKENS, token.NT_OFFSET)
print(token.FSTRING_START, token.FSTRING_MIDDLE, token.FSTRING_END,
      token.SOFT_KEYWORD, token.TYPE_COMMENT, token.TYPE_IGNORE, token.EXCLAMATION)
print(token.ISTERMINAL(token.OP), token.ISNONTERMINAL(256), token.ISEOF(0), token.ISEOF(1))
print(token.tok_name)
print(token.EXACT_TOKEN_TYPES)
print(token.__all__)
print(sorted(n for n in dir(token) if not n.startswith('_')))
print(tokenize.__all__)

print('--- tokenize() on bytes')
src = b'# -*- coding: latin-1 -*-\nx = "\xe9"\n'
for tok in tokenize.tokenize(io.BytesIO(src).readline):
    print(tok)
for tok in tokenize.tokenize(iter([b'\xef\xbb\xbfa = 1\n']).__next__):
    print(tok)

print('--- lazy reading')
lines = iter(['x = 1\n', 'y = 2\n'])
def readline():
    line = next(lines, '')
    print('read', repr(line))
    return line
for tok in tokenize.generate_tokens(readline):
    print(tok.type, repr(tok.string))
print(list(tokenize.generate_tokens(iter(['a\nb\n']).__next__)))
