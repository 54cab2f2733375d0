/* Conversions between doubles and decimal text.
 *
 * double -> text: the C library's printf is exact (it formats the binary value with
 * correct rounding), so fixed-precision formats go through it. The shortest round-trip
 * representation (repr) comes from the Ryu algorithm in dtoa_shortest.c.
 * text -> double: the syntax is checked here, the correctly rounded conversion is strtod's.
 */
#include "Python.h"
#include <math.h>
#include <float.h>
#include <stdint.h>
#include <string.h>

int _Kr_ShortestDigitsBits(uint64_t ieee_mantissa, unsigned ieee_exponent, char *digits,
                           int *decpt);

/* Shortest digits d1 d2 ... dn (no trailing zeros) with x == 0.d1d2...dn * 10**decpt
 * round-tripping to x (the closest such when there are several). x must be finite and
 * positive. Returns n. The work is done by src/vm/dtoa_shortest.c. */
int _Kr_ShortestDigits(double x, char *digits, int *decpt)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return _Kr_ShortestDigitsBits(bits & ((UINT64_C(1) << 52) - 1),
                                  (unsigned)(bits >> 52) & 0x7ff, digits, decpt);
}

/* ---- double -> text --------------------------------------------------------------- */

static char *dup_string(const char *s)
{
    size_t n = strlen(s);
    char *r = PyMem_Malloc(n + 1);
    if (r == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(r, s, n + 1);
    return r;
}

/* repr-style text of |x| (finite): shortest digits, fixed notation when the decimal
 * point falls within (-4, 16], exponent notation otherwise. */
static void format_repr(double x, char *out, int add_dot_0, int upper)
{
    char digits[32];
    int decpt;
    if (x == 0.0) {
        strcpy(out, add_dot_0 ? "0.0" : "0");
        return;
    }
    int n = _Kr_ShortestDigits(x, digits, &decpt);
    char *p = out;
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            *p++ = '0';
            *p++ = '.';
            for (int i = 0; i < -decpt; i++)
                *p++ = '0';
            memcpy(p, digits, (size_t)n);
            p += n;
        }
        else if (decpt >= n) {
            memcpy(p, digits, (size_t)n);
            p += n;
            for (int i = n; i < decpt; i++)
                *p++ = '0';
            if (add_dot_0) {
                *p++ = '.';
                *p++ = '0';
            }
        }
        else {
            memcpy(p, digits, (size_t)decpt);
            p += decpt;
            *p++ = '.';
            memcpy(p, digits + decpt, (size_t)(n - decpt));
            p += n - decpt;
        }
        *p = '\0';
        return;
    }
    *p++ = digits[0];
    if (n > 1) {
        *p++ = '.';
        memcpy(p, digits + 1, (size_t)(n - 1));
        p += n - 1;
    }
    int e = decpt - 1;
    sprintf(p, "%c%c%02d", upper ? 'E' : 'e', e < 0 ? '-' : '+', e < 0 ? -e : e);
}

/* 'g': exponent notation when the rounded exponent is < -4 or >= the precision, fixed
 * otherwise; trailing zeros dropped unless alternate form. (Done by hand because some C
 * libraries lose the zeros of "%#g" when rounding carries into a new power of ten.) */
static void format_general(double x, int precision, int alt, int upper, char *out, size_t cap)
{
    if (precision == 0)
        precision = 1;
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%.*e", precision - 1 > 20 ? 20 : precision - 1, x);
    int exp10 = atoi(strchr(tmp, 'e') + 1);
    if (exp10 >= -4 && exp10 < precision) {
        snprintf(out, cap, alt ? "%#.*f" : "%.*f", precision - 1 - exp10, x);
    }
    else {
        snprintf(out, cap, alt ? "%#.*e" : "%.*e", precision - 1, x);
        if (upper) {
            char *e = strchr(out, 'e');
            if (e)
                *e = 'E';
        }
    }
    if (!alt) {
        /* strip trailing zeros of the fraction, and a bare point */
        char *e = strpbrk(out, "eE");
        char *dot = strchr(out, '.');
        if (dot != NULL && (e == NULL || dot < e)) {
            char *end = e ? e : out + strlen(out);
            char *q = end;
            while (q > dot + 1 && q[-1] == '0')
                q--;
            if (q == dot + 1)
                q = dot;
            memmove(q, end, strlen(end) + 1);
        }
    }
}

char *PyOS_double_to_string(double val, char format_code, int precision, int flags, int *type)
{
    int upper = 0;
    char code = format_code;
    switch (format_code) {
    case 'E': case 'F': case 'G':
        upper = 1;
        code = (char)(format_code + ('a' - 'A'));
        break;
    case 'e': case 'f': case 'g':
        break;
    case 'r':
        if (precision != 0) {
            PyErr_BadInternalCall();
            return NULL;
        }
        break;
    default:
        PyErr_BadInternalCall();
        return NULL;
    }
    if (precision < 0)
        precision = 6;
    int neg = signbit(val) != 0;
    if (isnan(val)) {
        if (type)
            *type = Py_DTST_NAN;
        /* NaN's sign bit is never shown; a requested '+' is */
        return dup_string((flags & Py_DTSF_SIGN) ? (upper ? "+NAN" : "+nan")
                                                 : (upper ? "NAN" : "nan"));
    }
    if (isinf(val)) {
        if (type)
            *type = Py_DTST_INFINITE;
        const char *s = upper ? "INF" : "inf";
        char buf[8];
        snprintf(buf, sizeof buf, "%s%s", neg ? "-" : (flags & Py_DTSF_SIGN) ? "+" : "", s);
        return dup_string(buf);
    }
    if (type)
        *type = Py_DTST_FINITE;
    double ax = fabs(val);
    /* 'f' of 1e308 with a large precision needs room for every digit */
    size_t cap = 64 + (size_t)precision + (code == 'f' ? 330 : 0);
    char *body = PyMem_Malloc(cap);
    if (body == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    if (code == 'r')
        format_repr(ax, body, (flags & Py_DTSF_ADD_DOT_0) != 0, upper);
    else if (code == 'g')
        format_general(ax, precision, (flags & Py_DTSF_ALT) != 0, upper, body, cap);
    else {
        char fmt[8];
        char *f = fmt;
        *f++ = '%';
        if (flags & Py_DTSF_ALT)
            *f++ = '#';
        *f++ = '.';
        *f++ = '*';
        *f++ = upper ? (char)(code - ('a' - 'A')) : code;
        *f = '\0';
        snprintf(body, cap, fmt, precision, ax);
        if ((flags & Py_DTSF_ADD_DOT_0) && strpbrk(body, ".eE") == NULL) {
            size_t len = strlen(body);
            body[len] = '.';
            body[len + 1] = '0';
            body[len + 2] = '\0';
        }
    }
    if (neg && (flags & Py_DTSF_NO_NEG_0)) {
        /* negative values that round to zero lose their sign under 'z' */
        int all_zero = 1;
        for (const char *q = body; *q && *q != 'e' && *q != 'E'; q++)
            if (*q >= '1' && *q <= '9')
                all_zero = 0;
        if (all_zero)
            neg = 0;
    }
    size_t len = strlen(body);
    char *res = PyMem_Malloc(len + 2);
    if (res == NULL) {
        PyMem_Free(body);
        PyErr_NoMemory();
        return NULL;
    }
    char *p = res;
    if (neg)
        *p++ = '-';
    else if (flags & Py_DTSF_SIGN)
        *p++ = '+';
    memcpy(p, body, len + 1);
    PyMem_Free(body);
    return res;
}

/* ---- text -> double ------------------------------------------------------------------ */

static int ci_prefix(const char *s, const char *word)
{
    size_t i = 0;
    for (; word[i]; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != word[i])
            return 0;
    }
    return (int)i;
}

/* Length of the longest prefix of s that is a Python float literal without
 * underscores (sign, digits, point, exponent, or inf/infinity/nan); 0 if none. */
Py_ssize_t _Kr_FloatLiteralLength(const char *s, int *special)
{
    const char *p = s;
    *special = 0;
    if (*p == '+' || *p == '-')
        p++;
    int k;
    if ((k = ci_prefix(p, "infinity")) || (k = ci_prefix(p, "inf"))) {
        *special = 1;
        return (p + k) - s;
    }
    if ((k = ci_prefix(p, "nan"))) {
        *special = 2;
        return (p + k) - s;
    }
    int ndig = 0;
    while (*p >= '0' && *p <= '9') {
        p++;
        ndig++;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') {
            p++;
            ndig++;
        }
    }
    if (ndig == 0)
        return 0;
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        if (*q == '+' || *q == '-')
            q++;
        if (*q >= '0' && *q <= '9') {
            while (*q >= '0' && *q <= '9')
                q++;
            p = q;
        }
    }
    return p - s;
}

double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception)
{
    int special;
    Py_ssize_t n = _Kr_FloatLiteralLength(s, &special);
    if (n == 0 || (endptr == NULL && s[n] != '\0')) {
        if (endptr)
            *endptr = (char *)s;
        PyErr_Format(PyExc_ValueError, "could not convert string to float: '%.200s'", s);
        return -1.0;
    }
    double x;
    int neg = s[0] == '-';
    if (special == 1)
        x = neg ? -HUGE_VAL : HUGE_VAL;
    else if (special == 2)
        x = neg ? -NAN : NAN;
    else {
        /* strtod would accept hex and other forms; only the validated prefix is parsed */
        char small[128];
        char *buf = (size_t)n < sizeof small ? small : PyMem_Malloc((size_t)n + 1);
        if (buf == NULL) {
            PyErr_NoMemory();
            return -1.0;
        }
        memcpy(buf, s, (size_t)n);
        buf[n] = '\0';
        errno = 0;
        x = strtod(buf, NULL);
        if (buf != small)
            PyMem_Free(buf);
        if (isinf(x) && overflow_exception != NULL) {
            PyErr_Format(overflow_exception, "value too large to convert to float: '%.200s'", s);
            return -1.0;
        }
    }
    if (endptr)
        *endptr = (char *)s + n;
    return x;
}
