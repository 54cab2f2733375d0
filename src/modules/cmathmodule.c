/* The cmath module: complex elementary functions. Finite arguments use formulas chosen
 * to avoid overflow and cancellation (the same ones CPython uses, so results agree);
 * infinities and NaNs follow C99 Annex G through tables of CPython's choices (the C
 * library's complex functions disagree with it in a few signs and errors). */
#include "Python.h"
#include <math.h>
#include <float.h>

#define CM_LARGE_DOUBLE (DBL_MAX / 4.)
#define CM_SQRT_LARGE_DOUBLE sqrt(CM_LARGE_DOUBLE)
#define CM_LOG_LARGE_DOUBLE log(CM_LARGE_DOUBLE)
#define CM_SQRT_DBL_MIN sqrt(DBL_MIN)

typedef Py_complex (*cfunc)(Py_complex);

/* ---- special values ------------------------------------------------------------------ */
/* On a non-finite argument each function's result (and whether C99 Annex G calls it an
 * invalid operation, which Python reports as ValueError) depends only on the class of the
 * real and imaginary parts. The tables below were measured from CPython 3.13 with
 * `tools/gen_cmath_vectors.py --tables`; rows are the class of the real part (or of r for
 * rect), columns that of the imaginary part (of phi), and 'D' marks a domain error. Cells
 * for finite arguments, and for +-inf with a finite nonzero partner in the functions that
 * work those out from cos/sin, are never read (U). */
enum { ST_NINF, ST_NEG, ST_NZERO, ST_PZERO, ST_POS, ST_PINF, ST_NAN };

static int special_type(double d)
{
    if (isnan(d))
        return ST_NAN;
    if (isinf(d))
        return d > 0 ? ST_PINF : ST_NINF;
    if (d == 0.)
        return signbit(d) ? ST_NZERO : ST_PZERO;
    return d > 0 ? ST_POS : ST_NEG;
}

#define N NAN
#define INF INFINITY
#define P M_PI
#define P12 (M_PI / 2.)
#define P14 (M_PI / 4.)
#define P34 (3. * M_PI / 4.)
#define U {0., 0.}

static const Py_complex exp_sv[7][7] = {
    {{0., 0.}, U, {0., -0.}, {0., 0.}, U, {0., 0.}, {0., 0.}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, {INF, -0.}, {INF, 0.}, U, {N, N}, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};
static const char exp_edom[] =
    "......."
    "D....D."
    "D....D."
    "D....D."
    "D....D."
    "D....D."
    ".......";
static const Py_complex log_sv[7][7] = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}},
};
static const char log_edom[] =
    "......."
    "......."
    "......."
    "......."
    "......."
    "......."
    ".......";
static const Py_complex sqrt_sv[7][7] = {
    {{INF, -INF}, {0., -INF}, {0., -INF}, {0., INF}, {0., INF}, {INF, INF}, {N, INF}},
    {{INF, -INF}, U, U, U, U, {INF, INF}, {N, N}},
    {{INF, -INF}, U, U, U, U, {INF, INF}, {N, N}},
    {{INF, -INF}, U, U, U, U, {INF, INF}, {N, N}},
    {{INF, -INF}, U, U, U, U, {INF, INF}, {N, N}},
    {{INF, -INF}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, INF}, {INF, N}},
    {{INF, -INF}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, INF}, {N, N}},
};
static const char sqrt_edom[] =
    "......."
    "......."
    "......."
    "......."
    "......."
    "......."
    ".......";
static const Py_complex sinh_sv[7][7] = {
    {{N, N}, U, {-INF, -0.}, {-INF, 0.}, U, {N, N}, {INF, N}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, U, U, U, {N, N}, {0., N}},
    {{N, N}, U, U, U, U, {N, N}, {0., N}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, {INF, -0.}, {INF, 0.}, U, {N, N}, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};
static const char sinh_edom[] =
    "D....D."
    "D....D."
    "D....D."
    "D....D."
    "D....D."
    "D....D."
    ".......";
static const Py_complex cosh_sv[7][7] = {
    {{N, N}, U, {INF, 0.}, {INF, -0.}, U, {N, N}, {INF, N}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, U, U, U, {N, N}, {N, 0.}},
    {{N, N}, U, U, U, U, {N, N}, {N, 0.}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, {INF, -0.}, {INF, 0.}, U, {N, N}, {INF, N}},
    {{N, N}, {N, N}, {N, 0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};
static const char cosh_edom[] =
    "D....D."
    "D....D."
    "D....D."
    "D....D."
    "D....D."
    "D....D."
    ".......";
static const Py_complex tanh_sv[7][7] = {
    {{-1., 0.}, U, {-1., -0.}, {-1., 0.}, U, {-1., 0.}, {-1., 0.}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{1., 0.}, U, {1., -0.}, {1., 0.}, U, {1., 0.}, {1., 0.}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};
static const char tanh_edom[] =
    "......."
    "D....D."
    "D....D."
    "D....D."
    "D....D."
    "......."
    ".......";
static const Py_complex acos_sv[7][7] = {
    {{P34, INF}, {P, INF}, {P, INF}, {P, -INF}, {P, -INF}, {P34, -INF}, {N, INF}},
    {{P12, INF}, U, U, U, U, {P12, -INF}, {N, N}},
    {{P12, INF}, U, U, U, U, {P12, -INF}, {P12, N}},
    {{P12, INF}, U, U, U, U, {P12, -INF}, {P12, N}},
    {{P12, INF}, U, U, U, U, {P12, -INF}, {N, N}},
    {{P14, INF}, {0., INF}, {0., INF}, {0., -INF}, {0., -INF}, {P14, -INF}, {N, INF}},
    {{N, INF}, {N, N}, {N, N}, {N, N}, {N, N}, {N, -INF}, {N, N}},
};
static const char acos_edom[] =
    "......."
    "......."
    "......."
    "......."
    "......."
    "......."
    ".......";
static const Py_complex acosh_sv[7][7] = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}},
};
static const char acosh_edom[] =
    "......."
    "......."
    "......."
    "......."
    "......."
    "......."
    ".......";
static const Py_complex asinh_sv[7][7] = {
    {{-INF, -P14}, {-INF, -0.}, {-INF, -0.}, {-INF, 0.}, {-INF, 0.}, {-INF, P14}, {-INF, N}},
    {{-INF, -P12}, U, U, U, U, {-INF, P12}, {N, N}},
    {{-INF, -P12}, U, U, U, U, {-INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {INF, N}, {N, N}},
};
static const char asinh_edom[] =
    "......."
    "......."
    "......."
    "......."
    "......."
    "......."
    ".......";
static const Py_complex atanh_sv[7][7] = {
    {{-0., -P12}, {-0., -P12}, {-0., -P12}, {-0., P12}, {-0., P12}, {-0., P12}, {-0., N}},
    {{-0., -P12}, U, U, U, U, {-0., P12}, {N, N}},
    {{-0., -P12}, U, U, U, U, {-0., P12}, {-0., N}},
    {{0., -P12}, U, U, U, U, {0., P12}, {0., N}},
    {{0., -P12}, U, U, U, U, {0., P12}, {N, N}},
    {{0., -P12}, {0., -P12}, {0., -P12}, {0., P12}, {0., P12}, {0., P12}, {0., N}},
    {{0., -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {0., P12}, {N, N}},
};
static const char atanh_edom[] =
    "......."
    "......."
    "......."
    "......."
    "......."
    "......."
    ".......";
static const Py_complex rect_sv[7][7] = {
    {{N, N}, U, {-INF, 0.}, {-INF, -0.}, U, {N, N}, {INF, N}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{0., 0.}, U, U, U, U, {0., 0.}, {0., 0.}},
    {{0., 0.}, U, U, U, U, {0., 0.}, {0., 0.}},
    {{N, N}, U, U, U, U, {N, N}, {N, N}},
    {{N, N}, U, {INF, -0.}, {INF, 0.}, U, {N, N}, {INF, N}},
    {{N, N}, {N, N}, {N, 0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};
static const char rect_edom[] =
    "D....D."
    "D....D."
    "......."
    "......."
    "D....D."
    "D....D."
    ".......";


#undef N
#undef INF
#undef P
#undef P12
#undef P14
#undef P34
#undef U

/* the table result for a non-finite z; errno says whether it is a domain error */
static Py_complex special_value(const Py_complex table[7][7], const char *edom, double re,
                                double im)
{
    int i = special_type(re), j = special_type(im);
    errno = edom[7 * i + j] == 'D' ? EDOM : 0;
    return table[i][j];
}

#define SPECIAL(z, name) special_value(name##_sv, name##_edom, (z).real, (z).imag)

static Py_complex mk(double r, double i)
{
    Py_complex z = {r, i};
    return z;
}

static int finite_c(Py_complex z)
{
    return isfinite(z.real) && isfinite(z.imag);
}

/* +-inf with a finite nonzero partner: the signs of the result come from cos and sin */
static int inf_times_direction(double x, double y)
{
    return isinf(x) && isfinite(y) && y != 0.;
}

/* errno after a finite computation: only overflow is reported */
static Py_complex overflow_check(Py_complex r)
{
    errno = (isinf(r.real) || isinf(r.imag)) ? ERANGE : 0;
    return r;
}

static Py_complex c_sqrt(Py_complex z)
{
    if (!finite_c(z))
        return SPECIAL(z, sqrt);
    errno = 0;
    if (z.real == 0. && z.imag == 0.)
        return mk(0., z.imag);
    double ax = fabs(z.real), ay = fabs(z.imag), s;
    Py_complex r;
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
        r = mk(s, copysign(d, z.imag));
    else
        r = mk(d, copysign(s, z.imag));
    errno = 0;
    return r;
}

static Py_complex c_exp(Py_complex z)
{
    if (!finite_c(z)) {
        if (!inf_times_direction(z.real, z.imag))
            return SPECIAL(z, exp);
        errno = 0;
        double mag = z.real > 0 ? INFINITY : 0.;
        return mk(copysign(mag, cos(z.imag)), copysign(mag, sin(z.imag)));
    }
    double l;
    if (z.real > CM_LOG_LARGE_DOUBLE) {
        l = exp(z.real - 1.);
        return overflow_check(mk(l * cos(z.imag) * M_E, l * sin(z.imag) * M_E));
    }
    l = exp(z.real);
    return overflow_check(mk(l * cos(z.imag), l * sin(z.imag)));
}

static Py_complex c_log(Py_complex z)
{
    if (!finite_c(z))
        return SPECIAL(z, log);
    double ax = fabs(z.real), ay = fabs(z.imag), re;
    if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE)
        re = log(hypot(ax / 2., ay / 2.)) + M_LN2;
    else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.)
            re = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) -
                 DBL_MANT_DIG * M_LN2;
        else {
            Py_complex r = mk(-INFINITY, atan2(z.imag, z.real));
            errno = EDOM;
            return r;
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
    Py_complex r = mk(re, atan2(z.imag, z.real));
    /* an underflowing atan2 is not an error here */
    errno = 0;
    return r;
}

static Py_complex c_log10(Py_complex z)
{
    Py_complex r = c_log(z);
    int saved = errno;
    r.real /= M_LN10;
    r.imag /= M_LN10;
    errno = saved;
    return r;
}

static Py_complex c_acos(Py_complex z)
{
    if (!finite_c(z))
        return SPECIAL(z, acos);
    Py_complex r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        /* |z| is huge: avoid overflowing the intermediate squares */
        r = mk(atan2(fabs(z.imag), z.real),
               -copysign(log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2., z.imag));
    }
    else {
        Py_complex s1 = c_sqrt(mk(1. - z.real, -z.imag));
        Py_complex s2 = c_sqrt(mk(1. + z.real, z.imag));
        r = mk(2. * atan2(s1.real, s2.real), asinh(s2.real * s1.imag - s2.imag * s1.real));
    }
    errno = 0;
    return r;
}

static Py_complex c_acosh(Py_complex z)
{
    if (!finite_c(z))
        return SPECIAL(z, acosh);
    Py_complex r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE)
        r = mk(log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2., atan2(z.imag, z.real));
    else {
        Py_complex s1 = c_sqrt(mk(z.real - 1., z.imag));
        Py_complex s2 = c_sqrt(mk(z.real + 1., z.imag));
        r = mk(asinh(s1.real * s2.real + s1.imag * s2.imag), 2. * atan2(s1.imag, s2.real));
    }
    errno = 0;
    return r;
}

static Py_complex c_asinh(Py_complex z)
{
    if (!finite_c(z))
        return SPECIAL(z, asinh);
    Py_complex r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        double l = log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2.;
        r = mk(z.imag >= 0. ? copysign(l, z.real) : -copysign(l, -z.real),
               atan2(z.imag, fabs(z.real)));
    }
    else {
        Py_complex s1 = c_sqrt(mk(1. + z.imag, -z.real));
        Py_complex s2 = c_sqrt(mk(1. - z.imag, z.real));
        r = mk(asinh(s1.real * s2.imag - s2.real * s1.imag),
               atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag));
    }
    errno = 0;
    return r;
}

static Py_complex c_asin(Py_complex z)
{
    /* asin(z) = -i asinh(iz) */
    Py_complex s = c_asinh(mk(-z.imag, z.real));
    return mk(s.imag, -s.real);
}

static Py_complex c_atanh(Py_complex z)
{
    if (!finite_c(z))
        return SPECIAL(z, atanh);
    if (z.real < 0.) {
        /* atanh is odd, so only z.real >= 0 needs the real work */
        Py_complex r = c_atanh(mk(-z.real, -z.imag));
        return mk(-r.real, -r.imag);
    }
    double ay = fabs(z.imag);
    Py_complex r;
    int edom = 0;
    if (z.real > CM_SQRT_LARGE_DOUBLE || ay > CM_SQRT_LARGE_DOUBLE) {
        /* for huge |z|, atanh(z) is 1/z plus or minus i*pi/2 */
        double h = hypot(z.real / 2., z.imag / 2.);
        r = mk(z.real / 4. / h / h, copysign(M_PI / 2., z.imag));
    }
    else if (z.real == 1. && ay < CM_SQRT_DBL_MIN) {
        if (ay == 0.) {
            /* atanh(1 +- 0i) is a pole */
            r = mk(INFINITY, z.imag);
            edom = 1;
        }
        else
            r = mk(-log(sqrt(ay) / sqrt(hypot(ay, 2.))), copysign(atan2(2., -ay) / 2, z.imag));
    }
    else
        r = mk(log1p(4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.,
               -atan2(-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.);
    errno = edom ? EDOM : 0;
    return r;
}

static Py_complex c_atan(Py_complex z)
{
    /* atan(z) = -i atanh(iz) */
    Py_complex s = c_atanh(mk(-z.imag, z.real));
    return mk(s.imag, -s.real);
}

/* errno for cosh and sinh of a non-finite z */
static Py_complex hyperbolic_special(Py_complex z, Py_complex r)
{
    errno = (isinf(z.imag) && !isnan(z.real)) ? EDOM : 0;
    return r;
}

static Py_complex c_cosh(Py_complex z)
{
    if (!finite_c(z)) {
        if (!inf_times_direction(z.real, z.imag))
            return SPECIAL(z, cosh);
        double s = copysign(INFINITY, sin(z.imag));
        return hyperbolic_special(z, mk(copysign(INFINITY, cos(z.imag)), z.real > 0 ? s : -s));
    }
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        /* cosh(x) = cosh(x - 1) * e roughly, which avoids premature overflow */
        double xm1 = z.real - copysign(1., z.real);
        return overflow_check(
            mk(cos(z.imag) * cosh(xm1) * M_E, sin(z.imag) * sinh(xm1) * M_E));
    }
    return overflow_check(mk(cos(z.imag) * cosh(z.real), sin(z.imag) * sinh(z.real)));
}

static Py_complex c_sinh(Py_complex z)
{
    if (!finite_c(z)) {
        if (!inf_times_direction(z.real, z.imag))
            return SPECIAL(z, sinh);
        double c = copysign(INFINITY, cos(z.imag));
        return hyperbolic_special(z, mk(z.real > 0 ? c : -c, copysign(INFINITY, sin(z.imag))));
    }
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        double xm1 = z.real - copysign(1., z.real);
        return overflow_check(
            mk(cos(z.imag) * sinh(xm1) * M_E, sin(z.imag) * cosh(xm1) * M_E));
    }
    return overflow_check(mk(cos(z.imag) * sinh(z.real), sin(z.imag) * cosh(z.real)));
}

static Py_complex c_tanh(Py_complex z)
{
    if (!finite_c(z)) {
        if (!inf_times_direction(z.real, z.imag))
            return SPECIAL(z, tanh);
        errno = 0;
        return mk(z.real > 0 ? 1. : -1., copysign(0., 2. * sin(z.imag) * cos(z.imag)));
    }
    Py_complex r;
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE)
        r = mk(copysign(1., z.real), 4. * sin(z.imag) * cos(z.imag) * exp(-2. * fabs(z.real)));
    else {
        /* 1 - tanh(x)**2 is computed as 1/cosh(x)**2 to keep its precision */
        double tx = tanh(z.real), ty = tan(z.imag), cx = 1. / cosh(z.real);
        double txty = tx * ty, denom = 1. + txty * txty;
        r = mk(tx * (1. + ty * ty) / denom, ((ty / denom) * cx) * cx);
    }
    /* underflow of the tiny imaginary part is not an error */
    errno = 0;
    return r;
}

static Py_complex c_cos(Py_complex z)
{
    /* cos(z) = cosh(iz) */
    return c_cosh(mk(-z.imag, z.real));
}

static Py_complex c_sin(Py_complex z)
{
    /* sin(z) = -i sinh(iz) */
    Py_complex s = c_sinh(mk(-z.imag, z.real));
    return mk(s.imag, -s.real);
}

static Py_complex c_tan(Py_complex z)
{
    /* tan(z) = -i tanh(iz) */
    Py_complex s = c_tanh(mk(-z.imag, z.real));
    return mk(s.imag, -s.real);
}

/* complex division as the complex type does it (Smith's method), with errno = EDOM for a
 * zero divisor instead of an exception, because log(z, base) reports that as ValueError */
static Py_complex c_quot(Py_complex a, Py_complex b)
{
    double abr = fabs(b.real), abi = fabs(b.imag);
    if (abr >= abi) {
        if (abr == 0.) {
            errno = EDOM;
            return mk(0., 0.);
        }
        double ratio = b.imag / b.real, denom = b.real + b.imag * ratio;
        return mk((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
    }
    if (abi >= abr) {
        double ratio = b.real / b.imag, denom = b.real * ratio + b.imag;
        return mk((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
    }
    return mk(NAN, NAN);
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
        /* the second c_log decides errno on its own, so log(0, b) is a value (-inf+nanj)
           in CPython, and only the division can still fail */
        y = c_log(y);
        x = c_quot(x, y);
    }
    return errno_result(x);
}

/* the reference checks errno after atan2, so an underflowing phase raises OverflowError */
static double phase_of(Py_complex z)
{
    errno = 0;
    return atan2(z.imag, z.real);
}

static PyObject *cmath_phase(PyObject *m, PyObject *arg)
{
    Py_complex z;
    if (arg_complex(arg, &z) < 0)
        return NULL;
    double phi = phase_of(z);
    if (errno != 0)
        return errno_result(z);
    return PyFloat_FromDouble(phi);
}

static PyObject *cmath_polar(PyObject *m, PyObject *arg)
{
    Py_complex z;
    if (arg_complex(arg, &z) < 0)
        return NULL;
    double phi = phase_of(z), r;
    /* the modulus overrides the errno of atan2 except when a part is NaN */
    if (isinf(z.real) || isinf(z.imag)) {
        r = isinf(z.real) ? fabs(z.real) : fabs(z.imag);
        errno = 0;
    }
    else if (isnan(z.real) || isnan(z.imag))
        r = NAN;
    else {
        r = hypot(z.real, z.imag);
        errno = isfinite(r) ? 0 : ERANGE;
    }
    if (errno != 0)
        return errno_result(z);
    return Py_BuildValue("(dd)", r, phi);
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
        /* rect(r, phi) follows exp(log(r) + i*phi), negated for negative r */
        if (inf_times_direction(r, phi)) {
            double c = copysign(INFINITY, cos(phi)), s = copysign(INFINITY, sin(phi));
            z = r > 0 ? mk(c, s) : mk(-c, -s);
            errno = 0;
        }
        else
            z = special_value(rect_sv, rect_edom, r, phi);
    }
    else if (phi == 0.0)
        /* exact: some libms get the sign of sin(-0.0) * r wrong */
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
