# parser: f-string evaluation - nesting, conversions, format specs, debug '=', quotes
x, y, width, prec = 42, 3.14159, 10, 3
name = "Krait"
print(f"{x}", f"{x!r}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}")
print(f"{x:>{width}}|{y:.{prec}f}|{x:#x}|{x:08b}|{y:10.2e}|")
print(f"{x=}", f"{x = }", f"{name=!s}", f"{y=:.2f}", f"{x + 1=}")
print(f"{{literal}} {{{x}}} {'{'}")
print(f"{f'{f"{x}"}'}", f'{"nested" + "quotes"}', f"{'a' 'b'}")
print(f"{[1, 2][0]}", f"{ {'k': 'v'}['k'] }", f"{(lambda a: a * 2)(x)}")
print(rf"\d{x}\n", fr'{name}\t', f"tab\t{x}end")
print(f"""multi
{x +
 1}
line""")
print(f"{x:{'>' if x else '<'}{width}}", f"{3.14159:.2f}", f"{1000000:,}", f"{0.25:.1%}")
items = ['a', 'b']
print(f"{', '.join(items)}", f"{len(items)}", f"{items!r:>15}")
print(f"" == "", f"{''}" == "", type(f"{x}").__name__)
