#!/usr/bin/env python3
"""Generate special-value test vectors for the cmath and math modules.

Writes tests/py/vectors/cmath_special.py and tests/py/vectors/math_special.py: programs
listing every function applied to every combination of a fixed set of awkward inputs
(signed zeros, infinities, NaN, the extremes of the double range) and printing the repr of
each result or the exception raised. The expected outputs come from running the same
programs with CPython 3.13, so Krait's suite replays the reference's C99 Annex G choices:

    ../shared/oracle tools/gen_cmath_vectors.py
    for f in cmath_special math_special; do
        PYTHONHASHSEED=0 ../shared/oracle -X utf8 tests/py/vectors/$f.py \\
            > tests/py/vectors/$f.py.exp
    done

With --tables it instead prints the C special-value tables of src/modules/cmathmodule.c,
measured from the interpreter running it (run it with the oracle).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_differential import write_vectors  # noqa: E402  (the shared program layout)

# Spelled as source text so the generated programs read naturally.
VALUES = ['0.0', '-0.0', '1.0', '-1.0', '2.5', 'inf', '-inf', 'nan',
          '1e308', '-1e308', '1e-308', '5e-324']

# Names the cases use unqualified, beside the module itself.
SETUP = '''import {module}
from {module} import *
inf = float('inf')
nan = float('nan')
'''

CMATH_UNARY = ['exp', 'log', 'log10', 'sqrt', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh',
               'asin', 'acos', 'atan', 'asinh', 'acosh', 'atanh', 'phase', 'polar',
               'isfinite', 'isinf', 'isnan']

MATH_UNARY = ['sqrt', 'exp', 'exp2', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin',
              'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh',
              'acosh', 'atanh', 'erf', 'erfc', 'gamma', 'lgamma', 'frexp', 'modf', 'trunc',
              'floor', 'ceil', 'fabs', 'isfinite', 'isinf', 'isnan', 'degrees', 'radians',
              'cbrt', 'ulp', 'nextafter({}, 0.0)']

MATH_BINARY = ['pow', 'atan2', 'hypot', 'fmod', 'remainder', 'copysign', 'log', 'dist_',
               'nextafter']

# integer arguments take their own paths (no conversion to float first)
MATH_EXTRA = ['log(10**400)', 'log(-10**400)', 'log(0)', 'log(10**400, 10**300)',
              'log2(2**2000)', 'log10(10**400)', 'log1p(-1)', 'sqrt(10**400)',
              'exp(10**400)', 'pow(0, -1)', 'pow(0.0, -inf)', 'pow(-2.5, 0.5)',
              'pow(-inf, 3)', 'pow(-0.0, -3)', 'pow(1.0, nan)', 'pow(nan, 0)', 'atan2(0, -0.0)',
              'hypot()', 'hypot(inf, nan, 2)', 'hypot(1e308, 1e308)', 'fmod(10**400, 3)',
              'floor(10**400)', 'ceil(-2**70 + 0.5)', 'trunc(-0.0)', 'frexp(10**400)',
              'ldexp(2**60, -10)', 'ldexp(1.0, 2.5)', 'factorial(-1)', 'factorial(2.0)',
              'gamma(-2)', 'gamma(171.7)', 'lgamma(-2)', 'lgamma(2**60)', 'erf(10**400)',
              'fsum([inf, -inf])', 'fsum([1e308, 1e308])', 'fsum([nan, 1.0])',
              'prod([inf, 0.0])', 'sumprod([inf], [0.0])', 'isqrt(-1)', 'comb(-1, 2)',
              'perm(5, -1)', 'copysign(1.0, -nan)', 'fma(inf, 0.0, 1.0)',
              'fma(1e308, 10.0, -1e308)', 'fma(nan, 1.0, inf)', 'cbrt(-27.0)',
              'exp2(1024)', 'expm1(710)', 'sinh(711)', 'cosh(-711)', 'acosh(0.5)',
              'atanh(1)', 'atanh(-1.0)', 'asin(1.5)', 'remainder(inf, 1)', 'remainder(1, 0)',
              'nextafter(0.0, -0.0)', 'nextafter(1.0, 2.0, steps=3)', 'ulp(-inf)']

LDEXP_EXPONENTS = ['0', '1', '-1', '1024', '-1075', '10**20', '-10**20']


def write(name, doc, module, cases):
    write_vectors(name, doc, cases, tool='gen_cmath_vectors.py',
                  setup=SETUP.format(module=module))


# finite values whose results overflow or underflow inside the finite code paths
CMATH_EXTRA = ['800.0', '-800.0', '710.0', '1e-200', '0.5']


def cmath_cases():
    cases = []
    for fn in CMATH_UNARY:
        for re in VALUES:
            for im in VALUES:
                cases.append('%s(complex(%s, %s))' % (fn, re, im))
        for x in CMATH_EXTRA:
            for y in VALUES + CMATH_EXTRA:
                cases.append('%s(complex(%s, %s))' % (fn, x, y))
                if y not in CMATH_EXTRA:
                    cases.append('%s(complex(%s, %s))' % (fn, y, x))
    for r in VALUES:
        for phi in VALUES:
            cases.append('rect(%s, %s)' % (r, phi))
    # two-argument log: the base goes through the same special-value table
    for re in VALUES:
        for im in VALUES:
            cases.append('log(complex(%s, %s), 2.5)' % (re, im))
            cases.append('log(2.5, complex(%s, %s))' % (re, im))
    return cases


def math_cases():
    cases = []
    for fn in MATH_UNARY:
        for x in VALUES:
            cases.append(fn.format(x) if '{}' in fn else '%s(%s)' % (fn, x))
    for fn in MATH_BINARY:
        for x in VALUES:
            for y in VALUES:
                if fn == 'dist_':
                    cases.append('dist((%s,), (%s,))' % (x, y))
                else:
                    cases.append('%s(%s, %s)' % (fn, x, y))
    for x in VALUES:
        for e in LDEXP_EXPONENTS:
            cases.append('ldexp(%s, %s)' % (x, e))
    for x in VALUES:
        cases.append('isqrt(int(%s))' % x if x in ('0.0', '1.0', '-1.0') else
                     'int(%s)' % x)
    cases += MATH_EXTRA
    return cases


# ---- special-value tables for src/modules/cmathmodule.c --------------------------------
# Each function's result on non-finite input depends only on the class of each part, so one
# representative per class (below) measures the whole table from the reference.
CLASSES = [('NINF', float('-inf')), ('NEG', -2.5), ('NZERO', -0.0), ('PZERO', 0.0),
           ('POS', 2.5), ('PINF', float('inf')), ('NAN', float('nan'))]
TABLE_FUNCS = ['exp', 'log', 'sqrt', 'sinh', 'cosh', 'tanh', 'acos', 'acosh', 'asinh',
               'atanh', 'rect']
# these compute (+-inf + finite nonzero) from cos/sin rather than from the table
COMPUTED_INF = {'exp', 'sinh', 'cosh', 'tanh', 'rect'}


def c_double(x):
    import math
    if math.isnan(x):
        return 'N'
    names = {0.0: '0.', math.inf: 'INF', math.pi: 'P', math.pi / 2: 'P12',
             math.pi / 4: 'P14', 3 * math.pi / 4: 'P34', 1.0: '1.'}
    for v, name in names.items():
        if abs(x) == v and (x != 0.0 or True):
            return ('-' if math.copysign(1.0, x) < 0 else '') + name
    raise ValueError('unexpected table value %r' % x)


def tables():
    import cmath
    import math
    out = []
    for fn in TABLE_FUNCS:
        f = getattr(cmath, fn)
        rows, errs = [], []
        for cname, a in CLASSES:
            row, err = [], ''
            for dname, b in CLASSES:
                unused = math.isfinite(a) and math.isfinite(b)
                if fn in COMPUTED_INF and math.isinf(a) and cname not in ('NZERO', 'PZERO') \
                        and dname in ('NEG', 'POS'):
                    unused = True
                if unused:
                    row.append('U')
                    err += '.'
                    continue
                try:
                    z = f(a, b) if fn == 'rect' else f(complex(a, b))
                except ValueError:
                    row.append('{N, N}')
                    err += 'D'
                    continue
                row.append('{%s, %s}' % (c_double(z.real), c_double(z.imag)))
                err += '.'
            rows.append('    {' + ', '.join(row) + '},')
            errs.append('    "%s"' % err)
        out.append('static const Py_complex %s_sv[7][7] = {\n%s\n};' % (fn, '\n'.join(rows)))
        out.append('static const char %s_edom[] =\n%s;' % (fn, '\n'.join(errs)))
    print('\n'.join(out))


def main():
    if sys.argv[1:] == ['--tables']:
        tables()
        return
    write('cmath_special',
          'cmath special values (C99 Annex G): every function on signed zeros, inf, nan, '
          'extremes.', 'cmath', cmath_cases())
    write('math_special',
          'math special values: every function on signed zeros, inf, nan, extremes.',
          'math', math_cases())


if __name__ == '__main__':
    main()
