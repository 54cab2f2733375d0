# traceback: position markers for many expression shapes (binops, calls, subscripts, attributes, multi-line)
import traceback, os
_D = os.path.dirname(os.path.abspath(__file__)) + os.sep
def show(e):
    for l in traceback.format_tb(e.__traceback__)[1:]:
        print(l.replace(_D, ''), end='')
    print('--')
class O:
    def m(self, *a):
        raise ValueError
o = O()
d = {'k': [1]}
z = 0
def cases():
    yield lambda: (1 + 2) * (3 / z)
    yield lambda: o.m(1, 2)
    yield lambda: o.m  (1)
    yield lambda: d['k'][1:2][5]
    yield lambda: d ['x']
    yield lambda: 1 + 2 +  3 / z
    yield lambda: 2 ** 3 ** z / z
    yield lambda: f"{1/z}"
    yield lambda: [1,2][z:][7]
    yield lambda: o.missing
    yield lambda: o.m(o.m)
    yield lambda: not o.m()
    yield lambda: 'x' + 1
    yield lambda: 'é' + 1
    yield lambda: (o
                   .m(1,
                      2))
    yield lambda: d[
        'missing'
    ]
    yield lambda: int('x') # comment
    yield lambda: 1 if o.m() else 2
    yield lambda: [o.m() for _ in [1]]
    yield lambda: 3 // z  # a // b
    yield lambda: 3 %z
    yield lambda: {}.get(1)[0]
    yield lambda: z.real.bad
def multi():
    return (1 +
            2 +
            3 +
            4 +
            None)
def assign():
    x = int('q')
    return x
def assign2():
    x = o.m()
def ret():
    return o.m()
def ret2():
    return int ('q')
for c in list(cases()) + [multi, assign, assign2, ret, ret2]:
    try:
        c()
    except Exception as e:
        show(e)
