# parser: nesting, long expressions and multi-line constructs
result = (((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))
lst = [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]
d = {'a': {'b': {'c': {'d': {'e': {'f': 1}}}}}}
total = 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19
neg = - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - 1
nots = not not not not not not not not not not not not not not x
chain = a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z
calls = f(g(h(i(j(k(l(m(n(o(p()))))))))))
power = 2 ** 3 ** 4 ** 5 ** 6
def outer():
    def middle():
        def inner():
            def innermost():
                return [x
                        for x
                        in range(10)
                        if x]
            return innermost
        return inner
    return middle
value = (
    first_long_name
    + second_long_name
    - third_long_name
)
s = f"""
{x
 + y}
{
    z
}
"""
if (a and
    b or
    c):
    pass
