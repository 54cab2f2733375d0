# parser: fstrings syntax forms and their exact positions
a = f"plain"
b = f"{x}"
c = f"a{x}b{y}c"
d = f"{x!r}{y!s}{z!a}"
e = f"{x:10}{y:>{w}}{z:{a}.{b}f}"
g = f"{x=}{y = }{z=!s}{w=:>5}"
h = f'{"nested"}' f"{'quotes'}" f'''{f"{inner}"}'''
i = f"{{literal}} {{{x}}}"
j = rf"\d{x}\n" fr'{y}\t'
k = f"""multi
line {x}
end"""
l = f"{x:{'>' if a else '<'}10}"
m = f"{'a' 'b'}"
n = 'x' f'{y}' 'z'
o = f'{a["k"]}' f'{b!r:^20}'
p = f"{x,}" f"{x, y}" f"{(lambda: 1)()}"
q = f"{ x }" f"{x:}" f''
r = f"{f'{f"{x}"}'}"
s = f"\t {x}"
t = f"{3.14:.2f} {x!r:>{10}}"
