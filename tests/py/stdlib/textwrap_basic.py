# textwrap: wrap/fill/shorten/dedent/indent and TextWrapper options
import textwrap
s = "The quick brown fox jumps over the lazy dog. A well-known phrase--used for typing practice--contains every letter. Supercalifragilisticexpialidocious words are long!"
for w in (10, 20, 33, 50):
    print(textwrap.wrap(s, w))
print(textwrap.fill(s, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(s, 15, break_long_words=False, break_on_hyphens=False))
print(textwrap.shorten(s, 40), textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world!", width=11))
print(textwrap.wrap(s, 25, max_lines=3), textwrap.wrap(s, 25, max_lines=2, placeholder="..."))
print(textwrap.wrap("a\tb\nc  d", 5), textwrap.wrap("  leading and trailing  ", 10, drop_whitespace=False))
print(textwrap.fill("Hi there. How are you? Fine.", 100, fix_sentence_endings=True))
print(repr(textwrap.dedent("    a\n      b\n\n    c\n")), repr(textwrap.dedent("  x\n\ty\n")), repr(textwrap.dedent(" \n  a\n  b")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\n\nb", "+", lambda l: True)))
try: textwrap.wrap("x", 0)
except ValueError as e: print(e)
try: textwrap.wrap("x y z", 3, max_lines=1, placeholder="......")
except ValueError as e: print(e)
print(textwrap.wrap("this-is-a-very-long-hyphenated-word-indeed", 12), textwrap.wrap("", 5), textwrap.wrap("   ", 5))
