# tokenize: PEP 701 f-strings as FSTRING_START/MIDDLE/END with nested expressions, format specs, {{ }} escapes, \N{...}, debug '=', multi-line f-strings
import io
import tokenize


def show(src):
    print('---', repr(src))
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        print(tok)


show('f"a{x}b"\n')
show('f"{x!r:>{w}.3f} {{lit}} {y=} {z = !s:^10}"\n')
show('rf"\\{x}\\n{{" F"" fR"""ab\ncd{e\n}f"""\n')
show('f"{x:{{}}>10}"\n')
show('f"\\N{BULLET} {a:%H:%M} \\{x} \\\\{y}"\n')
show('f"{f\'{x}\'}" f"{"same quotes"}"\n')
show('f"{x:\n}"\n')
show('f"""{\nx # comment\n}"""\n')
show('f"{lambda x: 1}" f"{x:=10}" f"{(x:=10)}" f"{x!=y}"\n')
show('f"{x:}" f"{a[1:2]}" f"{ {1:2}[1] }"\n')
show('f"{x:{y:{z}}}"\n')
show('f"{{{{" f"}}}}" f"{{{x}}}"\n')
show("f'''a'b''c''' f'x' 'y' f\"\"\n")
show('x = f"a\\\nb"\n')
show('print(f"{name!r:>10} = {value:{width}.{prec}f}")\n')
