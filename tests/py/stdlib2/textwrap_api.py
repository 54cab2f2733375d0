# Checks textwrap: TextWrapper options, wrap/fill/shorten, dedent/indent edge cases and errors.
import textwrap
T = "The quick brown fox jumps over the lazy dog. Supercalifragilisticexpialidocious is long; well-known hyphen-ated words."
def show(*a):
    print(repr(a))
show(textwrap.wrap(T, 20))
show(textwrap.wrap(T, 20, break_long_words=False))
show(textwrap.wrap(T, 20, break_on_hyphens=False))
show(textwrap.wrap(T, 12, max_lines=3))
show(textwrap.wrap(T, 12, max_lines=2, placeholder=" (more)"))
show(textwrap.fill(T, 30, initial_indent="* ", subsequent_indent="  "))
show(textwrap.wrap("  lead  and   trail  ", 8), textwrap.wrap("  lead  and   trail  ", 8, drop_whitespace=False))
show(textwrap.wrap("a\tb\tc", 10), textwrap.wrap("a\tb\tc", 10, tabsize=4), textwrap.wrap("a\tb", 80, expand_tabs=False))
show(textwrap.wrap("x\ny\rz\x0bw\x0cv", 80), textwrap.wrap("x\ny", 80, replace_whitespace=False))
show(textwrap.wrap("Hello there.  How are you? Fine.", 80, fix_sentence_endings=True))
show(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("", 5), textwrap.wrap("word", 1))
show(textwrap.wrap("aaaa bbbb", 3), textwrap.wrap("a-b-c-d-e-f", 3), textwrap.wrap("--option-name value", 8))
for f in (lambda: textwrap.wrap("abc", 0), lambda: textwrap.wrap("abc", -1), lambda: textwrap.wrap("a b c", 5, max_lines=1, placeholder="......"),
          lambda: textwrap.TextWrapper(width=4, initial_indent="abcd").wrap("x"), lambda: textwrap.wrap("abc", 5, max_lines=0) ,
          lambda: textwrap.shorten("hello world", 3), lambda: textwrap.wrap(None)):
    try:
        show(f())
    except Exception as e:
        print(type(e).__name__, e)
show(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world!", width=11), textwrap.shorten("Hello world", 10, placeholder="..."))
show(textwrap.shorten("  lots   of   space  ", 80), textwrap.shorten("x" * 20, 10))
w = textwrap.TextWrapper(width=15, initial_indent="> ", subsequent_indent=">> ", max_lines=3, placeholder="~")
show(w.wrap(T), w.fill("short"), w.width, w.expand_tabs, w.tabsize, w.replace_whitespace, w.drop_whitespace, w.break_on_hyphens)
show(textwrap.dedent("    a\n      b\n    c\n"), textwrap.dedent("  a\n\n  b"), textwrap.dedent("\ta\n        b"), textwrap.dedent("  x\n   \n  y\n"))
show(textwrap.dedent(""), textwrap.dedent("no indent\n  x"), textwrap.dedent("  \n  a"), textwrap.dedent("\t\ta\n\t\tb"), textwrap.dedent(" a\n\tb"))
show(textwrap.indent("a\nb\n\nc", "> "), textwrap.indent("a\n  \nb", "+", lambda line: True), textwrap.indent("x\r\ny", "-"), textwrap.indent("", "x"))
try:
    textwrap.dedent(None)
except Exception as e:
    print(type(e).__name__, e)
show(textwrap.wrap("The end of a sentence. Another one!  Ok", 15, fix_sentence_endings=True))
show(textwrap.wrap("ab" * 30, 7, max_lines=2), textwrap.wrap("one two three four five", 9, max_lines=2, placeholder="..."))
show(sorted(textwrap.__all__), textwrap.TextWrapper().width)
show(textwrap.wrap("über-lange-wörter und ümläute", 10), textwrap.wrap("a — b — c", 3))
