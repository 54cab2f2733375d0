# shlex: split (posix/non-posix/comments), quote, join, punctuation_chars
import shlex
for s in ['a b  c', 'echo "hello world" \'x y\' z\\ w', 'a "b\\"c" \'d\\e\'', 'x # comment', 'a"b"c', '"unterminated', 'esc\\', 'ls -l|grep x;echo done&&exit', 'a\\\nb', '"a\\$b"', "'$HOME' \"\\\\\""]:
    for kw in ({}, {"comments": True}, {"posix": False}):
        try: print(repr(s), kw, shlex.split(s, **kw))
        except ValueError as e: print(repr(s), kw, "ValueError", e)
print(shlex.quote(""), shlex.quote("abc"), shlex.quote("a b"), shlex.quote("it's"), shlex.join(["ls", "-l", "my file", "x'y"]))
lx = shlex.shlex("a && b || (c; d) > f", punctuation_chars=True); print(list(lx))
lx = shlex.shlex("foo=bar baz.txt 'q u' # c\nnext", posix=False); print(list(lx), lx.lineno)
lx = shlex.shlex("x y z"); print(lx.get_token(), lx.get_token()); lx.push_token("P"); print(lx.get_token(), lx.get_token(), repr(lx.get_token()))
lx = shlex.shlex("a b", posix=True); print(list(lx), lx.error_leader())
try: shlex.split(None)
except ValueError as e: print(e)
