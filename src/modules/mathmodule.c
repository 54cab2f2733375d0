/* The math module: libm functions with Python's error conventions, plus exact integer
 * functions (gcd, lcm, isqrt, factorial, comb, perm) and accurate float summation. */
#include "Python.h"
#include <math.h>
#include <float.h>

static PyObject *domain_error(void)
{
    PyErr_SetString(PyExc_ValueError, "math domain error");
    return NULL;
}

static PyObject *range_error(void)
{
    PyErr_SetString(PyExc_OverflowError, "math range error");
    return NULL;
}

/* Map a libm result to Python's errors: NaN out of non-NaN in is a domain error, an
 * infinity out of finite input is a range (or domain) error; errno refines the rest. */
static PyObject *check_result(double x, double r, int can_overflow)
{
    if (errno == EDOM)
        return domain_error();
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    if (errno == EDOM)
        return domain_error();
    if (errno == ERANGE && fabs(r) >= 1.5)
        return range_error();
    return PyFloat_FromDouble(r);
}

static int arg_double(PyObject *o, double *out)
{
    if (PyFloat_CheckExact(o)) {
        *out = PyFloat_AS_DOUBLE(o);
        return 0;
    }
    *out = PyFloat_AsDouble(o);
    if (*out == -1.0 && PyErr_Occurred())
        return -1;
    return 0;
}

static PyObject *math_1(PyObject *arg, double (*func)(double), int can_overflow)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    double r = func(x);
    return check_result(x, r, can_overflow);
}

/* gamma and lgamma by the Lanczos approximation (g = 6.024680040776729583740234375,
 * 13 terms, written as a ratio of polynomials), evaluated in the same order as CPython so
 * that results agree to the last bit. */
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* the coefficients of x(x+1)...(x+11) */
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};

static double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    /* Horner in x for small x; in 1/x for large x, which keeps the terms bounded */
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    }
    else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

/* sin(pi * x), accurate for large |x| by reducing modulo 2 first */
static double m_sinpi(double x)
{
    double y = fmod(fabs(x), 2.0), r;
    int n = (int)round(2.0 * y);
    switch (n) {
    case 0: r = sin(M_PI * y); break;
    case 1: r = cos(M_PI * (y - 0.5)); break;
    case 2: r = sin(M_PI * (1.0 - y)); break;
    case 3: r = -cos(M_PI * (y - 1.5)); break;
    case 4: r = sin(M_PI * (y - 2.0)); break;
    default: r = NAN; break;
    }
    return copysign(1.0, x) * r;
}

static double m_tgamma(double x)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(INFINITY, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= 23.0) {
            /* exact factorials */
            double f = 1.0;
            for (int i = 2; i < (int)x; i++)
                f *= i;
            return f;
        }
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return 0.0 / m_sinpi(x);
        errno = ERANGE;
        return INFINITY;
    }
    double y = absx + lanczos_g_minus_half, q, z, r;
    /* z is the rounding error of y, folded back in below */
    if (absx > lanczos_g_minus_half) {
        q = y - absx;
        z = q - lanczos_g_minus_half;
    }
    else {
        q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -M_PI / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0)
            r /= pow(y, absx - 0.5);
        else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    }
    else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0)
            r *= pow(y, absx - 0.5);
        else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double m_lgamma(double x)
{
    if (!isfinite(x)) {
        if (isnan(x))
            return x;
        return INFINITY;
    }
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return INFINITY;
        }
        return 0.0; /* lgamma(1) = lgamma(2) = 0 */
    }
    double absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = 1.144729885849400174143427351353058711647 /* log(pi) */
            - log(fabs(m_sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double m_log1p(double x)
{
    if (x == -1.0) {
        errno = EDOM;
        return -HUGE_VAL;
    }
    return log1p(x);
}

static double m_sqrt(double x) { return sqrt(x); }

#define MATH_FUNC1(name, func, ovf, doc)                               \
    static PyObject *math_##name(PyObject *m, PyObject *arg)           \
    {                                                                  \
        return math_1(arg, func, ovf);                                 \
    }
MATH_FUNC1(acos, acos, 0, "")
MATH_FUNC1(acosh, acosh, 0, "")
MATH_FUNC1(asin, asin, 0, "")
MATH_FUNC1(asinh, asinh, 0, "")
MATH_FUNC1(atan, atan, 0, "")
MATH_FUNC1(atanh, atanh, 0, "")
MATH_FUNC1(cbrt, cbrt, 0, "")
MATH_FUNC1(cos, cos, 0, "")
MATH_FUNC1(cosh, cosh, 1, "")
MATH_FUNC1(erf, erf, 0, "")
MATH_FUNC1(erfc, erfc, 0, "")
MATH_FUNC1(exp, exp, 1, "")
MATH_FUNC1(exp2, exp2, 1, "")
MATH_FUNC1(expm1, expm1, 1, "")
MATH_FUNC1(fabs, fabs, 0, "")
MATH_FUNC1(gamma, m_tgamma, 1, "")
MATH_FUNC1(lgamma, m_lgamma, 1, "")
MATH_FUNC1(log1p, m_log1p, 0, "")
MATH_FUNC1(sin, sin, 0, "")
MATH_FUNC1(sinh, sinh, 1, "")
MATH_FUNC1(sqrt, m_sqrt, 0, "")
MATH_FUNC1(tan, tan, 0, "")
MATH_FUNC1(tanh, tanh, 0, "")

static PyObject *math_2(PyObject *const *args, Py_ssize_t nargs, const char *name,
                        double (*func)(double, double), int can_overflow)
{
    if (!_PyArg_CheckPositional(name, nargs, 2, 2))
        return NULL;
    double x, y;
    if (arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0)
        return NULL;
    errno = 0;
    double r = func(x, y);
    if (isnan(r)) {
        if (!isnan(x) && !isnan(y))
            return domain_error();
    }
    else if (isinf(r)) {
        if (isfinite(x) && isfinite(y))
            return can_overflow ? range_error() : domain_error();
    }
    else if (errno == EDOM)
        return domain_error();
    return PyFloat_FromDouble(r);
}

static double m_fmod(double x, double y)
{
    /* fmod(x, +-inf) is x for finite x */
    if (isinf(y) && isfinite(x))
        return x;
    return fmod(x, y);
}

static double m_remainder(double x, double y)
{
    if (isinf(x) || y == 0.0) {
        if (isnan(x) || isnan(y))
            return NAN;
        errno = EDOM;
        return NAN;
    }
    return remainder(x, y);
}

static PyObject *math_atan2(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    return math_2(args, nargs, "atan2", atan2, 0);
}

static PyObject *math_fmod(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    return math_2(args, nargs, "fmod", m_fmod, 0);
}

static PyObject *math_remainder(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    return math_2(args, nargs, "remainder", m_remainder, 0);
}

static PyObject *math_copysign(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    return math_2(args, nargs, "copysign", copysign, 0);
}

static PyObject *math_pow(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pow", nargs, 2, 2))
        return NULL;
    double x, y, r;
    if (arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0)
        return NULL;
    int odd_y;
    /* C99 special cases, spelled out so behaviour does not depend on the platform */
    if (!isfinite(x) || !isfinite(y)) {
        errno = 0;
        if (isnan(x))
            r = y == 0.0 ? 1.0 : x;
        else if (isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        }
        else {
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0. && fabs(x) > 1.0)
                r = y;
            else if (y < 0. && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.;
        }
        return PyFloat_FromDouble(r);
    }
    if (x == 0.0 && y < 0.0)
        return domain_error();
    if (x < 0.0 && y != floor(y))
        return domain_error();
    errno = 0;
    r = pow(x, y);
    if (isinf(r))
        return range_error();
    return PyFloat_FromDouble(r);
}

/* ---- rounding and decomposition ------------------------------------------------------ */

static PyObject *call_special(PyObject *x, PyObject *name, int *found)
{
    PyObject *meth = _PyObject_LookupSpecial(x, name);
    if (meth == NULL) {
        *found = 0;
        return NULL;
    }
    *found = 1;
    PyObject *r = PyObject_CallNoArgs(meth);
    Py_DECREF(meth);
    return r;
}

static PyObject *math_ceil(PyObject *m, PyObject *x)
{
    if (PyFloat_CheckExact(x))
        return PyLong_FromDouble(ceil(PyFloat_AS_DOUBLE(x)));
    if (PyLong_CheckExact(x))
        return Py_NewRef(x);
    int found;
    PyObject *r = call_special(x, _Py_ID(__ceil__), &found);
    if (found || PyErr_Occurred())
        return r;
    double d;
    if (arg_double(x, &d) < 0)
        return NULL;
    return PyLong_FromDouble(ceil(d));
}

static PyObject *math_floor(PyObject *m, PyObject *x)
{
    if (PyFloat_CheckExact(x))
        return PyLong_FromDouble(floor(PyFloat_AS_DOUBLE(x)));
    if (PyLong_CheckExact(x))
        return Py_NewRef(x);
    int found;
    PyObject *r = call_special(x, _Py_ID(__floor__), &found);
    if (found || PyErr_Occurred())
        return r;
    double d;
    if (arg_double(x, &d) < 0)
        return NULL;
    return PyLong_FromDouble(floor(d));
}

static PyObject *math_trunc(PyObject *m, PyObject *x)
{
    if (PyFloat_CheckExact(x))
        return PyLong_FromDouble(PyFloat_AS_DOUBLE(x));
    int found;
    PyObject *r = call_special(x, _Py_ID(__trunc__), &found);
    if (found || PyErr_Occurred())
        return r;
    PyErr_Format(PyExc_TypeError, "type %.100s doesn't define __trunc__ method",
                 Py_TYPE(x)->tp_name);
    return NULL;
}

static PyObject *math_frexp(PyObject *m, PyObject *arg)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    int e = 0;
    if (isfinite(x) && x != 0.0)
        x = frexp(x, &e);
    return Py_BuildValue("(di)", x, e);
}

static PyObject *math_ldexp(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("ldexp", nargs, 2, 2))
        return NULL;
    double x;
    if (arg_double(args[0], &x) < 0)
        return NULL;
    if (!PyLong_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int overflow;
    long long e = PyLong_AsLongLongAndOverflow(args[1], &overflow);
    if (e == -1 && PyErr_Occurred())
        return NULL;
    if (overflow)
        e = overflow > 0 ? INT_MAX : INT_MIN;
    if (e > INT_MAX)
        e = INT_MAX;
    if (e < INT_MIN)
        e = INT_MIN;
    if (x == 0.0 || !isfinite(x))
        return PyFloat_FromDouble(x);
    double r = ldexp(x, (int)e);
    if (isinf(r))
        return range_error();
    return PyFloat_FromDouble(r);
}

static PyObject *math_modf(PyObject *m, PyObject *arg)
{
    double x, ip;
    if (arg_double(arg, &x) < 0)
        return NULL;
    if (isinf(x))
        return Py_BuildValue("(dd)", copysign(0.0, x), x);
    double fp = modf(x, &ip);
    return Py_BuildValue("(dd)", fp, ip);
}

/* ---- logarithms --------------------------------------------------------------------------- */

/* func(x) for a float or int x; huge ints go through frexp so they never overflow. */
static int log_of(PyObject *arg, double (*func)(double), double *out)
{
    if (PyLong_Check(arg)) {
        if (_PyLong_Sign(arg) <= 0) {
            domain_error();
            return -1;
        }
        double x = PyLong_AsDouble(arg);
        if (x == -1.0 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError))
                return -1;
            PyErr_Clear();
            int64_t e;
            x = _PyLong_Frexp((PyLongObject *)arg, &e);
            *out = func(x) + func(2.0) * (double)e;
            return 0;
        }
        *out = func(x);
        return 0;
    }
    double x;
    if (arg_double(arg, &x) < 0)
        return -1;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (x <= 0.0) {
        domain_error();
        return -1;
    }
    *out = func(x);
    return 0;
}

static PyObject *math_log(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1) {
        PyErr_Format(PyExc_TypeError, "log expected at least 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "log expected at most 2 arguments, got %zd", nargs);
        return NULL;
    }
    double num, den;
    if (log_of(args[0], log, &num) < 0)
        return NULL;
    if (nargs == 1)
        return PyFloat_FromDouble(num);
    if (log_of(args[1], log, &den) < 0)
        return NULL;
    if (den == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return PyFloat_FromDouble(num / den);
}

static PyObject *math_log2(PyObject *m, PyObject *arg)
{
    double r;
    if (log_of(arg, log2, &r) < 0)
        return NULL;
    return PyFloat_FromDouble(r);
}

static PyObject *math_log10(PyObject *m, PyObject *arg)
{
    double r;
    if (log_of(arg, log10, &r) < 0)
        return NULL;
    return PyFloat_FromDouble(r);
}

/* ---- classification and comparison ------------------------------------------------------ */

static PyObject *math_isfinite(PyObject *m, PyObject *arg)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    return PyBool_FromLong(isfinite(x));
}

static PyObject *math_isinf(PyObject *m, PyObject *arg)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    return PyBool_FromLong(isinf(x));
}

static PyObject *math_isnan(PyObject *m, PyObject *arg)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    return PyBool_FromLong(isnan(x));
}

static PyObject *math_isclose(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    PyObject *a[4];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "isclose", kwlist, 2, 2, 0, a) < 0)
        return NULL;
    double x, y, rel_tol = 1e-9, abs_tol = 0.0;
    if (a[0] == NULL || a[1] == NULL) {
        PyErr_SetString(PyExc_TypeError, "isclose() missing required argument");
        return NULL;
    }
    if (arg_double(a[0], &x) < 0 || arg_double(a[1], &y) < 0)
        return NULL;
    if (a[2] && arg_double(a[2], &rel_tol) < 0)
        return NULL;
    if (a[3] && arg_double(a[3], &abs_tol) < 0)
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        PyErr_SetString(PyExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (x == y)
        Py_RETURN_TRUE;
    if (isinf(x) || isinf(y))
        Py_RETURN_FALSE;
    double diff = fabs(y - x);
    return PyBool_FromLong((diff <= fabs(rel_tol * y)) || (diff <= fabs(rel_tol * x)) ||
                           (diff <= abs_tol));
}

static PyObject *math_degrees(PyObject *m, PyObject *arg)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    return PyFloat_FromDouble(x * (180.0 / M_PI));
}

static PyObject *math_radians(PyObject *m, PyObject *arg)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    return PyFloat_FromDouble(x * (M_PI / 180.0));
}

/* ---- fused multiply-add, nextafter, ulp ------------------------------------------------- */

static PyObject *math_fma(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("fma", nargs, 3, 3))
        return NULL;
    double x, y, z;
    if (arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0 ||
        arg_double(args[2], &z) < 0)
        return NULL;
    double r = fma(x, y, z);
    if (!isfinite(r)) {
        if (isnan(r)) {
            if (!isnan(x) && !isnan(y) && !isnan(z)) {
                PyErr_SetString(PyExc_ValueError, "invalid operation in fma");
                return NULL;
            }
        }
        else if (isfinite(x) && isfinite(y) && isfinite(z)) {
            PyErr_SetString(PyExc_OverflowError, "overflow in fma");
            return NULL;
        }
    }
    return PyFloat_FromDouble(r);
}

/* doubles as integers in the same order (sign-magnitude to two's complement) */
static int64_t d2ord(double x)
{
    int64_t i;
    memcpy(&i, &x, sizeof i);
    return i < 0 ? INT64_MIN - i : i;
}

static double ord2d(int64_t i)
{
    if (i < 0)
        i = INT64_MIN - i;
    double x;
    memcpy(&x, &i, sizeof x);
    return x;
}

static PyObject *math_nextafter(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "", "steps", NULL};
    PyObject *a[3];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "nextafter", kwlist, 2, 2, 0, a) < 0)
        return NULL;
    double x, y;
    if (arg_double(a[0], &x) < 0 || arg_double(a[1], &y) < 0)
        return NULL;
    if (a[2] == NULL || a[2] == Py_None)
        return PyFloat_FromDouble(nextafter(x, y));
    PyObject *steps = PyNumber_Index(a[2]);
    if (steps == NULL)
        return NULL;
    if (_PyLong_Sign(steps) < 0) {
        Py_DECREF(steps);
        PyErr_SetString(PyExc_ValueError, "steps must be a non-negative integer");
        return NULL;
    }
    int overflow;
    long long n = PyLong_AsLongLongAndOverflow(steps, &overflow);
    Py_DECREF(steps);
    if (overflow)
        n = LLONG_MAX;
    if (isnan(x))
        return PyFloat_FromDouble(x);
    if (isnan(y))
        return PyFloat_FromDouble(y);
    if (n == 0 || x == y)
        return PyFloat_FromDouble(n == 0 ? x : y);
    int64_t ix = d2ord(x), iy = d2ord(y);
    /* distance in representable steps, clamped at the target */
    uint64_t dist = ix < iy ? (uint64_t)iy - (uint64_t)ix : (uint64_t)ix - (uint64_t)iy;
    if ((uint64_t)n >= dist)
        return PyFloat_FromDouble(y);
    int64_t r = ix < iy ? (int64_t)((uint64_t)ix + (uint64_t)n) : (int64_t)((uint64_t)ix - (uint64_t)n);
    return PyFloat_FromDouble(ord2d(r));
}

static PyObject *math_ulp(PyObject *m, PyObject *arg)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    if (isnan(x))
        return PyFloat_FromDouble(x);
    x = fabs(x);
    if (isinf(x))
        return PyFloat_FromDouble(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return PyFloat_FromDouble(x - x2);
    }
    return PyFloat_FromDouble(x2 - x);
}

/* ---- accurate sums and norms -------------------------------------------------------------- */

static PyObject *math_fsum(PyObject *m, PyObject *seq)
{
    PyObject *iter = PyObject_GetIter(seq);
    if (iter == NULL)
        return NULL;
    double stack_partials[32];
    double *p = stack_partials;
    Py_ssize_t n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    PyObject *item;
    /* Shewchuk: keep a list of non-overlapping partial sums that is exact */
    while ((item = PyIter_Next(iter)) != NULL) {
        double x;
        int r = arg_double(item, &x);
        Py_DECREF(item);
        if (r < 0)
            goto error;
        double xsave = x;
        Py_ssize_t i = 0;
        for (Py_ssize_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    PyErr_SetString(PyExc_OverflowError, "intermediate overflow in fsum");
                    goto error;
                }
                if (isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            }
            else {
                if (n >= cap) {
                    Py_ssize_t ncap = cap * 2;
                    double *np = PyMem_Malloc((size_t)ncap * sizeof(double));
                    if (np == NULL) {
                        PyErr_NoMemory();
                        goto error;
                    }
                    memcpy(np, p, (size_t)n * sizeof(double));
                    if (p != stack_partials)
                        PyMem_Free(p);
                    p = np;
                    cap = ncap;
                }
                p[n++] = x;
            }
        }
    }
    if (PyErr_Occurred())
        goto error;
    Py_DECREF(iter);
    double hi = 0.0;
    if (special_sum != 0.0) {
        if (p != stack_partials)
            PyMem_Free(p);
        if (isnan(inf_sum)) {
            PyErr_SetString(PyExc_ValueError, "-inf + inf in fsum");
            return NULL;
        }
        return PyFloat_FromDouble(special_sum);
    }
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        /* round half-way cases correctly: look at the sign of the next partial */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    if (p != stack_partials)
        PyMem_Free(p);
    return PyFloat_FromDouble(hi);
error:
    if (p != stack_partials)
        PyMem_Free(p);
    Py_DECREF(iter);
    return NULL;
}

/* Euclidean norm of n non-negative values with maximum `max`, nearly correctly rounded:
 * scale by a power of two, sum squares in double-double, correct the square root. */
static double vector_norm(Py_ssize_t n, double *vec, double max, int found_nan)
{
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        /* subnormal maximum: scale everything up first to keep precision */
        for (Py_ssize_t i = 0; i < n; i++)
            vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e);
    double hi = 0.0, lo = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        double sq = x * x;
        double sq_lo = fma(x, x, -sq);
        /* two-sum of hi and sq */
        double s = hi + sq;
        double bp = s - hi;
        double err = (hi - (s - bp)) + (sq - bp);
        hi = s;
        lo += err + sq_lo;
    }
    double total = hi + lo;
    lo = lo - (total - hi);
    hi = total;
    double h = sqrt(hi);
    /* one Newton step on the residual (hi + lo) - h*h, computed exactly with fma */
    double r = fma(-h, h, hi) + lo;
    h += r / (2.0 * h);
    return h / scale;
}

static PyObject *math_hypot(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    double stack[16];
    double *vec = nargs > 16 ? PyMem_Malloc((size_t)nargs * sizeof(double)) : stack;
    if (vec == NULL)
        return PyErr_NoMemory();
    double max = 0.0;
    int found_nan = 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        double x;
        if (arg_double(args[i], &x) < 0) {
            if (vec != stack)
                PyMem_Free(vec);
            return NULL;
        }
        x = fabs(x);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    double r = vector_norm(nargs, vec, max, found_nan);
    if (vec != stack)
        PyMem_Free(vec);
    return PyFloat_FromDouble(r);
}

static PyObject *math_dist(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("dist", nargs, 2, 2))
        return NULL;
    PyObject *p = PySequence_Tuple(args[0]);
    if (p == NULL)
        return NULL;
    PyObject *q = PySequence_Tuple(args[1]);
    if (q == NULL) {
        Py_DECREF(p);
        return NULL;
    }
    PyObject *res = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(p);
    double stack[16];
    double *vec = stack;
    if (n != PyTuple_GET_SIZE(q)) {
        PyErr_SetString(PyExc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    if (n > 16) {
        vec = PyMem_Malloc((size_t)n * sizeof(double));
        if (vec == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    double max = 0.0;
    int found_nan = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double a, b;
        if (arg_double(PyTuple_GET_ITEM(p, i), &a) < 0 ||
            arg_double(PyTuple_GET_ITEM(q, i), &b) < 0)
            goto done;
        double x = fabs(a - b);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    res = PyFloat_FromDouble(vector_norm(n, vec, max, found_nan));
done:
    if (vec != stack)
        PyMem_Free(vec);
    Py_DECREF(p);
    Py_DECREF(q);
    return res;
}

static PyObject *math_prod(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "start", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "prod", kwlist, 1, 1, 0, a) < 0)
        return NULL;
    PyObject *iter = PyObject_GetIter(a[0]);
    if (iter == NULL)
        return NULL;
    PyObject *result = a[1] ? Py_NewRef(a[1]) : PyLong_FromLong(1);
    PyObject *item;
    while (result != NULL && (item = PyIter_Next(iter)) != NULL) {
        Py_SETREF(result, PyNumber_Multiply(result, item));
        Py_DECREF(item);
    }
    Py_DECREF(iter);
    if (result != NULL && PyErr_Occurred())
        Py_CLEAR(result);
    return result;
}

/* double-double accumulator for sumprod: exact products via fma, compensated sum */
typedef struct {
    double hi, lo;
} dd_acc;

static void dd_add_product(dd_acc *acc, double a, double b)
{
    double p = a * b;
    double perr = fma(a, b, -p);
    double s = acc->hi + p;
    double bp = s - acc->hi;
    double err = (acc->hi - (s - bp)) + (p - bp);
    acc->hi = s;
    acc->lo += err + perr;
}

static PyObject *math_sumprod(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("sumprod", nargs, 2, 2))
        return NULL;
    PyObject *it1 = PyObject_GetIter(args[0]);
    if (it1 == NULL)
        return NULL;
    PyObject *it2 = PyObject_GetIter(args[1]);
    if (it2 == NULL) {
        Py_DECREF(it1);
        return NULL;
    }
    PyObject *total = PyLong_FromLong(0);
    /* floats accumulate in a double-double until a non-float pair appears */
    dd_acc acc = {0.0, 0.0};
    int float_mode = 0, finite = 1;
    while (total != NULL) {
        PyObject *a = PyIter_Next(it1);
        if (a == NULL && PyErr_Occurred())
            goto error;
        PyObject *b = PyIter_Next(it2);
        if (b == NULL && PyErr_Occurred()) {
            Py_XDECREF(a);
            goto error;
        }
        if (a == NULL || b == NULL) {
            int mismatch = (a == NULL) != (b == NULL);
            Py_XDECREF(a);
            Py_XDECREF(b);
            if (mismatch) {
                PyErr_SetString(PyExc_ValueError, "Inputs are not the same length");
                goto error;
            }
            break;
        }
        int af = PyFloat_CheckExact(a), bf = PyFloat_CheckExact(b);
        int ai = PyLong_CheckExact(a), bi = PyLong_CheckExact(b);
        if ((af && (bf || bi)) || (bf && ai)) {
            double x, y;
            if (arg_double(a, &x) == 0 && arg_double(b, &y) == 0) {
                if (!float_mode) {
                    /* bring the exact total so far into the accumulator */
                    if (PyFloat_Check(total) || PyLong_Check(total)) {
                        double t;
                        if (arg_double(total, &t) == 0) {
                            acc.hi = t;
                            acc.lo = 0.0;
                            float_mode = 1;
                        }
                    }
                }
                if (float_mode) {
                    if (!isfinite(x) || !isfinite(y))
                        finite = 0;
                    dd_add_product(&acc, x, y);
                    /* On overflow the error terms are inf - inf: keep only the sum. */
                    if (!isfinite(acc.hi))
                        finite = 0;
                    Py_DECREF(a);
                    Py_DECREF(b);
                    continue;
                }
            }
            PyErr_Clear();
        }
        if (float_mode) {
            double v = finite ? acc.hi + acc.lo : acc.hi;
            Py_SETREF(total, PyFloat_FromDouble(v));
            float_mode = 0;
            if (total == NULL) {
                Py_DECREF(a);
                Py_DECREF(b);
                goto error;
            }
        }
        PyObject *prod = PyNumber_Multiply(a, b);
        Py_DECREF(a);
        Py_DECREF(b);
        if (prod == NULL)
            goto error;
        Py_SETREF(total, PyNumber_Add(total, prod));
        Py_DECREF(prod);
    }
    Py_DECREF(it1);
    Py_DECREF(it2);
    if (total != NULL && float_mode) {
        double v = finite ? acc.hi + acc.lo : acc.hi;
        Py_SETREF(total, PyFloat_FromDouble(v));
    }
    return total;
error:
    Py_DECREF(it1);
    Py_DECREF(it2);
    Py_XDECREF(total);
    return NULL;
}

/* ---- integer functions ------------------------------------------------------------------ */

static PyObject *math_gcd(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0)
        return PyLong_FromLong(0);
    PyObject *res = PyNumber_Index(args[0]);
    if (res == NULL)
        return NULL;
    if (nargs == 1) {
        Py_SETREF(res, PyNumber_Absolute(res));
        return res;
    }
    for (Py_ssize_t i = 1; i < nargs; i++) {
        PyObject *x = PyNumber_Index(args[i]);
        if (x == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        if (res == _PyLong_GetOne()) {
            Py_DECREF(x);
            continue; /* still type-check the rest */
        }
        Py_SETREF(res, _PyLong_GCD(res, x));
        Py_DECREF(x);
        if (res == NULL)
            return NULL;
    }
    return res;
}

static PyObject *math_lcm(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0)
        return PyLong_FromLong(1);
    PyObject *res = PyNumber_Index(args[0]);
    if (res == NULL)
        return NULL;
    Py_SETREF(res, PyNumber_Absolute(res));
    for (Py_ssize_t i = 1; i < nargs && res != NULL; i++) {
        PyObject *x = PyNumber_Index(args[i]);
        if (x == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        if (_PyLong_Sign(res) == 0) {
            Py_DECREF(x);
            continue;
        }
        if (_PyLong_Sign(x) == 0) {
            Py_DECREF(x);
            Py_SETREF(res, PyLong_FromLong(0));
            continue;
        }
        PyObject *g = _PyLong_GCD(res, x);
        if (g == NULL) {
            Py_DECREF(x);
            Py_DECREF(res);
            return NULL;
        }
        PyObject *f = PyNumber_FloorDivide(res, g);
        Py_DECREF(g);
        if (f == NULL) {
            Py_DECREF(x);
            Py_DECREF(res);
            return NULL;
        }
        PyObject *p = PyNumber_Multiply(f, x);
        Py_DECREF(f);
        Py_DECREF(x);
        Py_DECREF(res);
        if (p == NULL)
            return NULL;
        res = PyNumber_Absolute(p);
        Py_DECREF(p);
    }
    return res;
}

static PyObject *math_isqrt(PyObject *m, PyObject *arg)
{
    PyObject *n = PyNumber_Index(arg);
    if (n == NULL)
        return NULL;
    if (_PyLong_Sign(n) < 0) {
        Py_DECREF(n);
        PyErr_SetString(PyExc_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    int overflow;
    long long small = PyLong_AsLongLongAndOverflow(n, &overflow);
    if (!overflow) {
        Py_DECREF(n);
        uint64_t v = (uint64_t)small;
        uint64_t r = (uint64_t)sqrt((double)v);
        while (r > 0 && (r > UINT32_MAX || r * r > v))
            r--;
        while (r + 1 <= UINT32_MAX && (r + 1) * (r + 1) <= v)
            r++;
        return PyLong_FromUnsignedLongLong(r);
    }
    /* Newton's iteration from above: x -> (x + n // x) // 2 decreases to isqrt(n) */
    int64_t bits = _PyLong_NumBits(n);
    PyObject *x = _PyLong_Lshift(_PyLong_GetOne(), (bits + 1) / 2);
    if (x == NULL) {
        Py_DECREF(n);
        return NULL;
    }
    for (;;) {
        PyObject *q = PyNumber_FloorDivide(n, x);
        if (q == NULL)
            goto error;
        PyObject *s = PyNumber_Add(x, q);
        Py_DECREF(q);
        if (s == NULL)
            goto error;
        PyObject *y = _PyLong_Rshift(s, 1);
        Py_DECREF(s);
        if (y == NULL)
            goto error;
        if (_PyLong_Compare((PyLongObject *)y, (PyLongObject *)x) >= 0) {
            Py_DECREF(y);
            break;
        }
        Py_SETREF(x, y);
    }
    Py_DECREF(n);
    return x;
error:
    Py_DECREF(n);
    Py_DECREF(x);
    return NULL;
}

/* Product of the `count` consecutive integers start, start-1, ..., by binary splitting so
 * that big multiplications happen between operands of similar size. */
static PyObject *falling_product(PyObject *start, long long count)
{
    if (count <= 0)
        return PyLong_FromLong(1);
    if (count <= 16) {
        PyObject *res = Py_NewRef(start);
        PyObject *cur = Py_NewRef(start);
        for (long long i = 1; i < count; i++) {
            Py_SETREF(cur, _PyLong_Subtract((PyLongObject *)cur, (PyLongObject *)_PyLong_GetOne()));
            if (cur == NULL) {
                Py_DECREF(res);
                return NULL;
            }
            Py_SETREF(res, _PyLong_Multiply((PyLongObject *)res, (PyLongObject *)cur));
            if (res == NULL) {
                Py_DECREF(cur);
                return NULL;
            }
        }
        Py_DECREF(cur);
        return res;
    }
    long long half = count / 2;
    PyObject *left = falling_product(start, half);
    if (left == NULL)
        return NULL;
    PyObject *h = PyLong_FromLongLong(half);
    PyObject *start2 = h ? _PyLong_Subtract((PyLongObject *)start, (PyLongObject *)h) : NULL;
    Py_XDECREF(h);
    if (start2 == NULL) {
        Py_DECREF(left);
        return NULL;
    }
    PyObject *right = falling_product(start2, count - half);
    Py_DECREF(start2);
    if (right == NULL) {
        Py_DECREF(left);
        return NULL;
    }
    PyObject *res = _PyLong_Multiply((PyLongObject *)left, (PyLongObject *)right);
    Py_DECREF(left);
    Py_DECREF(right);
    return res;
}

static PyObject *factorial_of(long long n)
{
    PyObject *start = PyLong_FromLongLong(n);
    if (start == NULL)
        return NULL;
    PyObject *r = falling_product(start, n);
    Py_DECREF(start);
    return r;
}

static PyObject *math_factorial(PyObject *m, PyObject *arg)
{
    PyObject *n = PyNumber_Index(arg);
    if (n == NULL)
        return NULL;
    int overflow;
    long long x = PyLong_AsLongLongAndOverflow(n, &overflow);
    Py_DECREF(n);
    if (overflow > 0) {
        PyErr_Format(PyExc_OverflowError, "factorial() argument should not exceed %lld",
                     LLONG_MAX);
        return NULL;
    }
    if (overflow < 0 || x < 0) {
        PyErr_SetString(PyExc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    return factorial_of(x);
}

/* Shared argument handling of comb and perm: exact ints n >= 0, k >= 0. */
static int comb_perm_args(PyObject *a, PyObject *b, PyObject **pn, PyObject **pk)
{
    *pn = PyNumber_Index(a);
    if (*pn == NULL)
        return -1;
    *pk = PyNumber_Index(b);
    if (*pk == NULL) {
        Py_DECREF(*pn);
        return -1;
    }
    if (_PyLong_Sign(*pn) < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be a non-negative integer");
        goto fail;
    }
    if (_PyLong_Sign(*pk) < 0) {
        PyErr_SetString(PyExc_ValueError, "k must be a non-negative integer");
        goto fail;
    }
    return 0;
fail:
    Py_DECREF(*pn);
    Py_DECREF(*pk);
    return -1;
}

static PyObject *math_perm(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("perm", nargs, 1, 2))
        return NULL;
    if (nargs == 1 || args[1] == Py_None)
        return math_factorial(m, args[0]);
    PyObject *n, *k;
    if (comb_perm_args(args[0], args[1], &n, &k) < 0)
        return NULL;
    PyObject *res = NULL;
    if (_PyLong_Compare((PyLongObject *)k, (PyLongObject *)n) > 0) {
        res = PyLong_FromLong(0);
        goto done;
    }
    int overflow;
    long long kk = PyLong_AsLongLongAndOverflow(k, &overflow);
    if (overflow) {
        PyErr_Format(PyExc_OverflowError, "k must not exceed %lld", LLONG_MAX);
        goto done;
    }
    res = falling_product(n, kk);
done:
    Py_DECREF(n);
    Py_DECREF(k);
    return res;
}

static PyObject *math_comb(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("comb", nargs, 2, 2))
        return NULL;
    PyObject *n, *k;
    if (comb_perm_args(args[0], args[1], &n, &k) < 0)
        return NULL;
    PyObject *res = NULL, *nk = NULL;
    if (_PyLong_Compare((PyLongObject *)k, (PyLongObject *)n) > 0) {
        res = PyLong_FromLong(0);
        goto done;
    }
    /* use the smaller of k and n - k */
    nk = _PyLong_Subtract((PyLongObject *)n, (PyLongObject *)k);
    if (nk == NULL)
        goto done;
    if (_PyLong_Compare((PyLongObject *)nk, (PyLongObject *)k) < 0)
        Py_SETREF(k, Py_NewRef(nk));
    int overflow;
    long long kk = PyLong_AsLongLongAndOverflow(k, &overflow);
    if (overflow) {
        PyErr_Format(PyExc_OverflowError, "min(n - k, k) must not exceed %lld", LLONG_MAX);
        goto done;
    }
    {
        PyObject *num = falling_product(n, kk);
        if (num == NULL)
            goto done;
        PyObject *den = factorial_of(kk);
        if (den == NULL) {
            Py_DECREF(num);
            goto done;
        }
        res = PyNumber_FloorDivide(num, den);
        Py_DECREF(num);
        Py_DECREF(den);
    }
done:
    Py_XDECREF(nk);
    Py_DECREF(n);
    Py_DECREF(k);
    return res;
}

/* ---- module ------------------------------------------------------------------------------- */

#define SIG1(name, doc) name "($module, x, /)\n--\n\n" doc
#define SIG2(name, a, b, doc) name "($module, " a ", " b ", /)\n--\n\n" doc

static PyMethodDef math_methods[] = {
    {"acos", math_acos, METH_O, SIG1("acos", "Return the arc cosine (measured in radians) of x.")},
    {"acosh", math_acosh, METH_O, SIG1("acosh", "Return the inverse hyperbolic cosine of x.")},
    {"asin", math_asin, METH_O, SIG1("asin", "Return the arc sine (measured in radians) of x.")},
    {"asinh", math_asinh, METH_O, SIG1("asinh", "Return the inverse hyperbolic sine of x.")},
    {"atan", math_atan, METH_O, SIG1("atan", "Return the arc tangent (measured in radians) of x.")},
    {"atan2", _PyCFunction_CAST(math_atan2), METH_FASTCALL,
     SIG2("atan2", "y", "x", "Return the arc tangent (measured in radians) of y/x.")},
    {"atanh", math_atanh, METH_O, SIG1("atanh", "Return the inverse hyperbolic tangent of x.")},
    {"cbrt", math_cbrt, METH_O, SIG1("cbrt", "Return the cube root of x.")},
    {"ceil", math_ceil, METH_O, SIG1("ceil", "Return the ceiling of x as an Integral.")},
    {"comb", _PyCFunction_CAST(math_comb), METH_FASTCALL,
     SIG2("comb", "n", "k", "Number of ways to choose k items from n items without "
          "repetition and without order.")},
    {"copysign", _PyCFunction_CAST(math_copysign), METH_FASTCALL,
     SIG2("copysign", "x", "y", "Return a float with the magnitude of x but the sign of y.")},
    {"cos", math_cos, METH_O, SIG1("cos", "Return the cosine of x (measured in radians).")},
    {"cosh", math_cosh, METH_O, SIG1("cosh", "Return the hyperbolic cosine of x.")},
    {"degrees", math_degrees, METH_O, SIG1("degrees", "Convert angle x from radians to degrees.")},
    {"dist", _PyCFunction_CAST(math_dist), METH_FASTCALL,
     SIG2("dist", "p", "q", "Return the Euclidean distance between two points p and q.")},
    {"erf", math_erf, METH_O, SIG1("erf", "Error function at x.")},
    {"erfc", math_erfc, METH_O, SIG1("erfc", "Complementary error function at x.")},
    {"exp", math_exp, METH_O, SIG1("exp", "Return e raised to the power of x.")},
    {"exp2", math_exp2, METH_O, SIG1("exp2", "Return 2 raised to the power of x.")},
    {"expm1", math_expm1, METH_O, SIG1("expm1", "Return exp(x)-1.")},
    {"fabs", math_fabs, METH_O, SIG1("fabs", "Return the absolute value of the float x.")},
    {"factorial", math_factorial, METH_O, "factorial($module, n, /)\n--\n\nFind n!."},
    {"floor", math_floor, METH_O, SIG1("floor", "Return the floor of x as an Integral.")},
    {"fma", _PyCFunction_CAST(math_fma), METH_FASTCALL,
     "fma($module, x, y, z, /)\n--\n\nFused multiply-add operation: (x * y) + z, rounded once."},
    {"fmod", _PyCFunction_CAST(math_fmod), METH_FASTCALL,
     SIG2("fmod", "x", "y", "Return fmod(x, y), according to platform C.")},
    {"frexp", math_frexp, METH_O,
     SIG1("frexp", "Return the mantissa and exponent of x, as pair (m, e).")},
    {"fsum", math_fsum, METH_O,
     "fsum($module, seq, /)\n--\n\nReturn an accurate floating-point sum of values in seq."},
    {"gamma", math_gamma, METH_O, SIG1("gamma", "Gamma function at x.")},
    {"gcd", _PyCFunction_CAST(math_gcd), METH_FASTCALL,
     "gcd($module, *integers)\n--\n\nGreatest Common Divisor."},
    {"hypot", _PyCFunction_CAST(math_hypot), METH_FASTCALL,
     "hypot(*coordinates) -> value\n\nMulti-dimensional Euclidean distance from the origin."},
    {"isclose", _PyCFunction_CAST(math_isclose), METH_FASTCALL | METH_KEYWORDS,
     "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\n"
     "Determine whether two floating-point numbers are close in value."},
    {"isfinite", math_isfinite, METH_O,
     SIG1("isfinite", "Return True if x is neither an infinity nor a NaN.")},
    {"isinf", math_isinf, METH_O, SIG1("isinf", "Return True if x is an infinity.")},
    {"isnan", math_isnan, METH_O, SIG1("isnan", "Return True if x is a NaN.")},
    {"isqrt", math_isqrt, METH_O,
     "isqrt($module, n, /)\n--\n\nReturn the integer part of the square root of the input."},
    {"lcm", _PyCFunction_CAST(math_lcm), METH_FASTCALL,
     "lcm($module, *integers)\n--\n\nLeast Common Multiple."},
    {"ldexp", _PyCFunction_CAST(math_ldexp), METH_FASTCALL,
     SIG2("ldexp", "x", "i", "Return x * (2**i).")},
    {"lgamma", math_lgamma, METH_O,
     SIG1("lgamma", "Natural logarithm of absolute value of Gamma function at x.")},
    {"log", _PyCFunction_CAST(math_log), METH_FASTCALL,
     "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", math_log10, METH_O, SIG1("log10", "Return the base 10 logarithm of x.")},
    {"log1p", math_log1p, METH_O,
     SIG1("log1p", "Return the natural logarithm of 1+x (base e).")},
    {"log2", math_log2, METH_O, SIG1("log2", "Return the base 2 logarithm of x.")},
    {"modf", math_modf, METH_O, SIG1("modf", "Return the fractional and integer parts of x.")},
    {"nextafter", _PyCFunction_CAST(math_nextafter), METH_FASTCALL | METH_KEYWORDS,
     "nextafter($module, x, y, /, *, steps=None)\n--\n\n"
     "Return the floating-point value the given number of steps after x towards y."},
    {"perm", _PyCFunction_CAST(math_perm), METH_FASTCALL,
     "perm($module, n, k=None, /)\n--\n\nNumber of ways to choose k items from n items "
     "without repetition and with order."},
    {"pow", _PyCFunction_CAST(math_pow), METH_FASTCALL,
     SIG2("pow", "x", "y", "Return x**y (x to the power of y).")},
    {"prod", _PyCFunction_CAST(math_prod), METH_FASTCALL | METH_KEYWORDS,
     "prod($module, iterable, /, *, start=1)\n--\n\n"
     "Calculate the product of all the elements in the input iterable."},
    {"radians", math_radians, METH_O, SIG1("radians", "Convert angle x from degrees to radians.")},
    {"remainder", _PyCFunction_CAST(math_remainder), METH_FASTCALL,
     SIG2("remainder", "x", "y",
          "Difference between x and the closest integer multiple of y.")},
    {"sin", math_sin, METH_O, SIG1("sin", "Return the sine of x (measured in radians).")},
    {"sinh", math_sinh, METH_O, SIG1("sinh", "Return the hyperbolic sine of x.")},
    {"sqrt", math_sqrt, METH_O, SIG1("sqrt", "Return the square root of x.")},
    {"sumprod", _PyCFunction_CAST(math_sumprod), METH_FASTCALL,
     SIG2("sumprod", "p", "q", "Return the sum of products of values from two iterables p "
          "and q.")},
    {"tan", math_tan, METH_O, SIG1("tan", "Return the tangent of x (measured in radians).")},
    {"tanh", math_tanh, METH_O, SIG1("tanh", "Return the hyperbolic tangent of x.")},
    {"trunc", math_trunc, METH_O,
     SIG1("trunc", "Truncates the Real x to the nearest Integral toward 0.")},
    {"ulp", math_ulp, METH_O, SIG1("ulp", "Return the value of the least significant bit of "
                                           "the float x.")},
    {NULL, NULL, 0, NULL},
};

static int math_exec(PyObject *module)
{
    if (PyModule_Add(module, "pi", PyFloat_FromDouble(M_PI)) < 0 ||
        PyModule_Add(module, "e", PyFloat_FromDouble(M_E)) < 0 ||
        PyModule_Add(module, "tau", PyFloat_FromDouble(2.0 * M_PI)) < 0 ||
        PyModule_Add(module, "inf", PyFloat_FromDouble(INFINITY)) < 0 ||
        PyModule_Add(module, "nan", PyFloat_FromDouble(NAN)) < 0)
        return -1;
    return 0;
}

static PyModuleDef mathmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "math",
    .m_doc = "Mathematical functions of the C standard library, with exact integer helpers.",
    .m_size = 0,
    .m_methods = math_methods,
};

PyObject *PyInit_math(void)
{
    PyObject *m = PyModule_Create(&mathmodule);
    if (m != NULL && math_exec(m) < 0)
        Py_CLEAR(m);
    return m;
}
