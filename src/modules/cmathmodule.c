/* The cmath module: complex elementary functions. Finite arguments use formulas chosen
 * to avoid overflow and cancellation (the same ones CPython uses, so results agree);
 * infinities and NaNs follow C99 Annex G via the C library's complex functions. */
#include "Python.h"
#include <math.h>
#include <float.h>
#include <complex.h>

#define CM_LARGE_DOUBLE (DBL_MAX / 4.)
#define CM_SQRT_LARGE_DOUBLE sqrt(CM_LARGE_DOUBLE)
#define CM_LOG_LARGE_DOUBLE log(CM_LARGE_DOUBLE)
#define CM_SQRT_DBL_MIN sqrt(DBL_MIN)

typedef Py_complex (*cfunc)(Py_complex);

static Py_complex mk(double r, double i)
{
    Py_complex z = {r, i};
    return z;
}

/* -x, except that a NaN keeps its sign bit (the special-value rules ignore NaN signs) */
static double neg(double x)
{
    return isnan(x) ? x : -x;
}

static int finite_c(Py_complex z)
{
    return isfinite(z.real) && isfinite(z.imag);
}

static double complex to_c99(Py_complex z)
{
    double complex c;
    ((double *)&c)[0] = z.real;
    ((double *)&c)[1] = z.imag;
    return c;
}

static Py_complex from_c99(double complex c)
{
    return mk(creal(c), cimag(c));
}

/* Annex G special values; an invalid result (NaN out of NaN-free input) is EDOM. */
static Py_complex special(Py_complex z, double complex (*f)(double complex))
{
    Py_complex r = from_c99(f(to_c99(z)));
    errno = 0;
    if (!isnan(z.real) && !isnan(z.imag) && (isnan(r.real) || isnan(r.imag)))
        errno = EDOM;
    return r;
}

static Py_complex c_sqrt(Py_complex z)
{
    if (!finite_c(z))
        return special(z, csqrt);
    if (z.real == 0. && z.imag == 0.)
        return mk(0., z.imag);
    double ax = fabs(z.real), ay = fabs(z.imag), s;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        /* scale subnormals up so the intermediate hypot keeps its precision */
        ax = ldexp(ax, DBL_MANT_DIG);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, DBL_MANT_DIG))), -(DBL_MANT_DIG + 1) / 2);
    }
    else {
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    double d = ay / (2. * s);
    if (z.real >= 0.)
        return mk(s, copysign(d, z.imag));
    return mk(d, copysign(s, z.imag));
}

static Py_complex c_exp(Py_complex z)
{
    if (!finite_c(z))
        return special(z, cexp);
    double l, r, i;
    if (z.real > CM_LOG_LARGE_DOUBLE) {
        l = exp(z.real - 1.);
        r = l * cos(z.imag) * M_E;
        i = l * sin(z.imag) * M_E;
    }
    else {
        l = exp(z.real);
        r = l * cos(z.imag);
        i = l * sin(z.imag);
    }
    if (isinf(r) || isinf(i))
        errno = ERANGE;
    return mk(r, i);
}

static Py_complex c_log(Py_complex z)
{
    if (!finite_c(z))
        return special(z, clog);
    double ax = fabs(z.real), ay = fabs(z.imag), re;
    if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE)
        re = log(hypot(ax / 2., ay / 2.)) + M_LN2;
    else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.)
            re = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) -
                 DBL_MANT_DIG * M_LN2;
        else {
            errno = EDOM;
            return mk(-INFINITY, atan2(z.imag, z.real));
        }
    }
    else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            /* near |z| == 1, log1p avoids cancellation */
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            re = log1p((am - 1) * (am + 1) + an * an) / 2.;
        }
        else
            re = log(h);
    }
    return mk(re, atan2(z.imag, z.real));
}

static Py_complex c_log10(Py_complex z)
{
    Py_complex r = c_log(z);
    r.real /= M_LN10;
    r.imag /= M_LN10;
    return r;
}

static Py_complex c_acos(Py_complex z)
{
    if (!finite_c(z))
        return special(z, cacos);
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        double re = atan2(fabs(z.imag), z.real), im;
        if (z.real < 0)
            im = -copysign(log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2., z.imag);
        else
            im = copysign(log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2., -z.imag);
        return mk(re, im);
    }
    Py_complex s1 = c_sqrt(mk(1. - z.real, -z.imag));
    Py_complex s2 = c_sqrt(mk(1. + z.real, z.imag));
    return mk(2. * atan2(s1.real, s2.real), asinh(s2.real * s1.imag - s2.imag * s1.real));
}

static Py_complex c_acosh(Py_complex z)
{
    if (!finite_c(z))
        return special(z, cacosh);
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE)
        return mk(log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2., atan2(z.imag, z.real));
    Py_complex s1 = c_sqrt(mk(z.real - 1., z.imag));
    Py_complex s2 = c_sqrt(mk(z.real + 1., z.imag));
    return mk(asinh(s1.real * s2.real + s1.imag * s2.imag), 2. * atan2(s1.imag, s2.real));
}

static Py_complex c_asinh(Py_complex z)
{
    if (!finite_c(z))
        return special(z, casinh);
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        double re;
        if (z.imag >= 0.)
            re = copysign(log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2., z.real);
        else
            re = -copysign(log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2., -z.real);
        return mk(re, atan2(z.imag, fabs(z.real)));
    }
    Py_complex s1 = c_sqrt(mk(1. + z.imag, -z.real));
    Py_complex s2 = c_sqrt(mk(1. - z.imag, z.real));
    return mk(asinh(s1.real * s2.imag - s2.real * s1.imag),
              atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag));
}

static Py_complex c_asin(Py_complex z)
{
    /* asin(z) = -i asinh(iz) */
    Py_complex s = c_asinh(mk(neg(z.imag), z.real));
    return mk(s.imag, neg(s.real));
}

static Py_complex c_atanh(Py_complex z)
{
    if (!finite_c(z))
        return special(z, catanh);
    if (z.real < 0.) {
        Py_complex r = c_atanh(mk(-z.real, -z.imag));
        return mk(-r.real, -r.imag);
    }
    double ay = fabs(z.imag);
    if (z.real > CM_SQRT_LARGE_DOUBLE || ay > CM_SQRT_LARGE_DOUBLE) {
        double h = hypot(z.real / 2., z.imag / 2.);
        return mk(z.real / 4. / h / h, -copysign(M_PI / 2., -z.imag));
    }
    if (z.real == 1. && ay < CM_SQRT_DBL_MIN) {
        if (ay == 0.) {
            errno = EDOM;
            return mk(INFINITY, z.imag);
        }
        return mk(-log(sqrt(ay) / sqrt(hypot(ay, 2.))), copysign(atan2(2., -ay) / 2, z.imag));
    }
    return mk(log1p(4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.,
              -atan2(-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.);
}

static Py_complex c_atan(Py_complex z)
{
    Py_complex s = c_atanh(mk(neg(z.imag), z.real));
    return mk(s.imag, neg(s.real));
}

static Py_complex c_cosh(Py_complex z)
{
    if (!finite_c(z))
        return special(z, ccosh);
    double r, i;
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        /* cosh(x) = cosh(x - 1) * e roughly, which avoids premature overflow */
        double xm1 = z.real - copysign(1., z.real);
        r = cos(z.imag) * cosh(xm1) * M_E;
        i = sin(z.imag) * sinh(xm1) * M_E;
    }
    else {
        r = cos(z.imag) * cosh(z.real);
        i = sin(z.imag) * sinh(z.real);
    }
    if (isinf(r) || isinf(i))
        errno = ERANGE;
    return mk(r, i);
}

static Py_complex c_sinh(Py_complex z)
{
    if (!finite_c(z))
        return special(z, csinh);
    double r, i;
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        double xm1 = z.real - copysign(1., z.real);
        r = cos(z.imag) * sinh(xm1) * M_E;
        i = sin(z.imag) * cosh(xm1) * M_E;
    }
    else {
        r = cos(z.imag) * sinh(z.real);
        i = sin(z.imag) * cosh(z.real);
    }
    if (isinf(r) || isinf(i))
        errno = ERANGE;
    return mk(r, i);
}

static Py_complex c_tanh(Py_complex z)
{
    if (!finite_c(z))
        return special(z, ctanh);
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE)
        return mk(copysign(1., z.real),
                  4. * sin(z.imag) * cos(z.imag) * exp(-2. * fabs(z.real)));
    double tx = tanh(z.real), ty = tan(z.imag), cx = 1. / cosh(z.real);
    double txty = tx * ty, denom = 1. + txty * txty;
    return mk(tx * (1. + ty * ty) / denom, ((ty / denom) * cx) * cx);
}

static Py_complex c_cos(Py_complex z)
{
    return c_cosh(mk(neg(z.imag), z.real));
}

static Py_complex c_sin(Py_complex z)
{
    Py_complex s = c_sinh(mk(neg(z.imag), z.real));
    return mk(s.imag, neg(s.real));
}

static Py_complex c_tan(Py_complex z)
{
    Py_complex s = c_tanh(mk(neg(z.imag), z.real));
    return mk(s.imag, neg(s.real));
}

/* ---- Python wrappers ------------------------------------------------------------------ */

static int arg_complex(PyObject *o, Py_complex *out)
{
    *out = PyComplex_AsCComplex(o);
    if (out->real == -1.0 && PyErr_Occurred())
        return -1;
    return 0;
}

static PyObject *errno_result(Py_complex r)
{
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ValueError, "math domain error");
        return NULL;
    }
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "math range error");
        return NULL;
    }
    return PyComplex_FromCComplex(r);
}

static PyObject *math_1(PyObject *arg, cfunc f)
{
    Py_complex z;
    if (arg_complex(arg, &z) < 0)
        return NULL;
    errno = 0;
    Py_complex r = f(z);
    /* underflow inside a finite computation is not an error */
    if (errno == ERANGE && isfinite(r.real) && isfinite(r.imag))
        errno = 0;
    return errno_result(r);
}

#define CMATH_FUNC(name)                                        \
    static PyObject *cmath_##name(PyObject *m, PyObject *arg)   \
    {                                                           \
        return math_1(arg, c_##name);                           \
    }
CMATH_FUNC(acos)
CMATH_FUNC(acosh)
CMATH_FUNC(asin)
CMATH_FUNC(asinh)
CMATH_FUNC(atan)
CMATH_FUNC(atanh)
CMATH_FUNC(cos)
CMATH_FUNC(cosh)
CMATH_FUNC(exp)
CMATH_FUNC(log10)
CMATH_FUNC(sin)
CMATH_FUNC(sinh)
CMATH_FUNC(sqrt)
CMATH_FUNC(tan)
CMATH_FUNC(tanh)

static PyObject *cmath_log(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("log", nargs, 1, 2))
        return NULL;
    Py_complex x, y;
    if (arg_complex(args[0], &x) < 0)
        return NULL;
    errno = 0;
    x = c_log(x);
    if (nargs == 2) {
        if (arg_complex(args[1], &y) < 0)
            return NULL;
        y = c_log(y);
        if (errno == 0) {
            PyObject *a = PyComplex_FromCComplex(x), *b = PyComplex_FromCComplex(y);
            PyObject *q = (a && b) ? PyNumber_TrueDivide(a, b) : NULL;
            Py_XDECREF(a);
            Py_XDECREF(b);
            return q;
        }
    }
    return errno_result(x);
}

static PyObject *cmath_phase(PyObject *m, PyObject *arg)
{
    Py_complex z;
    if (arg_complex(arg, &z) < 0)
        return NULL;
    return PyFloat_FromDouble(atan2(z.imag, z.real));
}

static PyObject *cmath_polar(PyObject *m, PyObject *arg)
{
    Py_complex z;
    if (arg_complex(arg, &z) < 0)
        return NULL;
    double r = hypot(z.real, z.imag);
    if (isinf(r) && finite_c(z)) {
        PyErr_SetString(PyExc_OverflowError, "math range error");
        return NULL;
    }
    return Py_BuildValue("(dd)", r, atan2(z.imag, z.real));
}

static PyObject *cmath_rect(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("rect", nargs, 2, 2))
        return NULL;
    double r = PyFloat_AsDouble(args[0]);
    if (r == -1.0 && PyErr_Occurred())
        return NULL;
    double phi = PyFloat_AsDouble(args[1]);
    if (phi == -1.0 && PyErr_Occurred())
        return NULL;
    Py_complex z;
    errno = 0;
    if (!isfinite(r) || !isfinite(phi)) {
        if (isinf(r) && isfinite(phi) && phi != 0.) {
            double c = cos(phi), s = sin(phi);
            z = r > 0 ? mk(copysign(INFINITY, c), copysign(INFINITY, s))
                      : mk(-copysign(INFINITY, c), -copysign(INFINITY, s));
        }
        else if (isfinite(phi) && phi == 0.)
            z = mk(r, phi);
        else {
            z = from_c99(r * cexp(I * phi));
            if (!isnan(r) && !isnan(phi) && (isnan(z.real) || isnan(z.imag)))
                errno = EDOM;
            if (isnan(phi) && r == 0.)
                z = mk(0., 0.);
        }
    }
    else if (phi == 0.0)
        z = mk(r, r * phi);
    else
        z = mk(r * cos(phi), r * sin(phi));
    return errno_result(z);
}

static PyObject *cmath_isfinite(PyObject *m, PyObject *arg)
{
    Py_complex z;
    if (arg_complex(arg, &z) < 0)
        return NULL;
    return PyBool_FromLong(finite_c(z));
}

static PyObject *cmath_isinf(PyObject *m, PyObject *arg)
{
    Py_complex z;
    if (arg_complex(arg, &z) < 0)
        return NULL;
    return PyBool_FromLong(isinf(z.real) || isinf(z.imag));
}

static PyObject *cmath_isnan(PyObject *m, PyObject *arg)
{
    Py_complex z;
    if (arg_complex(arg, &z) < 0)
        return NULL;
    return PyBool_FromLong(isnan(z.real) || isnan(z.imag));
}

static PyObject *cmath_isclose(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    PyObject *a[4];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "isclose", kwlist, 2, 2, 0, a) < 0)
        return NULL;
    Py_complex x, y;
    double rel_tol = 1e-9, abs_tol = 0.0;
    if (arg_complex(a[0], &x) < 0 || arg_complex(a[1], &y) < 0)
        return NULL;
    if (a[2] && (rel_tol = PyFloat_AsDouble(a[2])) == -1.0 && PyErr_Occurred())
        return NULL;
    if (a[3] && (abs_tol = PyFloat_AsDouble(a[3])) == -1.0 && PyErr_Occurred())
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        PyErr_SetString(PyExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (x.real == y.real && x.imag == y.imag)
        Py_RETURN_TRUE;
    if (isinf(x.real) || isinf(x.imag) || isinf(y.real) || isinf(y.imag))
        Py_RETURN_FALSE;
    double diff = hypot(x.real - y.real, x.imag - y.imag);
    return PyBool_FromLong((diff <= rel_tol * hypot(y.real, y.imag)) ||
                           (diff <= rel_tol * hypot(x.real, x.imag)) || diff <= abs_tol);
}

#define DOC1(name, text) name "($module, z, /)\n--\n\n" text

static PyMethodDef cmath_methods[] = {
    {"acos", cmath_acos, METH_O, DOC1("acos", "Return the arc cosine of z.")},
    {"acosh", cmath_acosh, METH_O, DOC1("acosh", "Return the inverse hyperbolic cosine of z.")},
    {"asin", cmath_asin, METH_O, DOC1("asin", "Return the arc sine of z.")},
    {"asinh", cmath_asinh, METH_O, DOC1("asinh", "Return the inverse hyperbolic sine of z.")},
    {"atan", cmath_atan, METH_O, DOC1("atan", "Return the arc tangent of z.")},
    {"atanh", cmath_atanh, METH_O, DOC1("atanh", "Return the inverse hyperbolic tangent of z.")},
    {"cos", cmath_cos, METH_O, DOC1("cos", "Return the cosine of z.")},
    {"cosh", cmath_cosh, METH_O, DOC1("cosh", "Return the hyperbolic cosine of z.")},
    {"exp", cmath_exp, METH_O, DOC1("exp", "Return the exponential value e**z.")},
    {"isclose", _PyCFunction_CAST(cmath_isclose), METH_FASTCALL | METH_KEYWORDS,
     "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\n"
     "Determine whether two complex numbers are close in value."},
    {"isfinite", cmath_isfinite, METH_O,
     DOC1("isfinite", "Return True if both the real and imaginary parts of z are finite.")},
    {"isinf", cmath_isinf, METH_O,
     DOC1("isinf", "Checks if the real or imaginary part of z is infinite.")},
    {"isnan", cmath_isnan, METH_O,
     DOC1("isnan", "Checks if the real or imaginary part of z not a number (NaN).")},
    {"log", _PyCFunction_CAST(cmath_log), METH_FASTCALL,
     "log($module, z, base=<unrepresentable>, /)\n--\n\nlog(z[, base]) -> the logarithm of z "
     "to the given base."},
    {"log10", cmath_log10, METH_O, DOC1("log10", "Return the base-10 logarithm of z.")},
    {"phase", cmath_phase, METH_O, DOC1("phase", "Return argument, also known as the phase "
                                                 "angle, of a complex.")},
    {"polar", cmath_polar, METH_O,
     DOC1("polar", "Convert a complex from rectangular coordinates to polar coordinates.")},
    {"rect", _PyCFunction_CAST(cmath_rect), METH_FASTCALL,
     "rect($module, r, phi, /)\n--\n\nConvert from polar coordinates to rectangular "
     "coordinates."},
    {"sin", cmath_sin, METH_O, DOC1("sin", "Return the sine of z.")},
    {"sinh", cmath_sinh, METH_O, DOC1("sinh", "Return the hyperbolic sine of z.")},
    {"sqrt", cmath_sqrt, METH_O, DOC1("sqrt", "Return the square root of z.")},
    {"tan", cmath_tan, METH_O, DOC1("tan", "Return the tangent of z.")},
    {"tanh", cmath_tanh, METH_O, DOC1("tanh", "Return the hyperbolic tangent of z.")},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef cmathmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "cmath",
    .m_doc = "Mathematical functions for complex numbers.",
    .m_size = 0,
    .m_methods = cmath_methods,
};

PyObject *PyInit_cmath(void)
{
    PyObject *m = PyModule_Create(&cmathmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_Add(m, "pi", PyFloat_FromDouble(M_PI)) < 0 ||
        PyModule_Add(m, "e", PyFloat_FromDouble(M_E)) < 0 ||
        PyModule_Add(m, "tau", PyFloat_FromDouble(2.0 * M_PI)) < 0 ||
        PyModule_Add(m, "inf", PyFloat_FromDouble(INFINITY)) < 0 ||
        PyModule_Add(m, "infj", PyComplex_FromDoubles(0.0, INFINITY)) < 0 ||
        PyModule_Add(m, "nan", PyFloat_FromDouble(NAN)) < 0 ||
        PyModule_Add(m, "nanj", PyComplex_FromDoubles(0.0, NAN)) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
