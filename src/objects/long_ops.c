/* int: the number protocol (arithmetic, bitwise, shifts, pow), comparison and hashing. */
#include "Python.h"
#include <math.h>
#include <float.h>

#define SHIFT PyLong_SHIFT
#define MASK PyLong_MASK

int _KrLong_DivRemTrunc(PyLongObject *a, PyLongObject *b, PyObject **pq, PyObject **pr);

#define CHECK_BINOP(v, w)                                  \
    do {                                                   \
        if (!PyLong_Check(v) || !PyLong_Check(w))          \
            Py_RETURN_NOTIMPLEMENTED;                      \
    } while (0)

#define L(o) ((PyLongObject *)(o))

PyObject *_PyLong_Negate(PyObject *obj)
{
    PyLongObject *v = L(obj);
    if (_PyLong_IsCompact(v))
        return PyLong_FromSsize_t(-_PyLong_CompactValue(v));
    return _PyLong_FromDigits(!_PyLong_IsNegative(v), _PyLong_DigitCount(v),
                              v->long_value.ob_digit);
}

int _PyLong_Compare(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_IsCompact(a) && _PyLong_IsCompact(b)) {
        Py_ssize_t x = _PyLong_CompactValue(a), y = _PyLong_CompactValue(b);
        return (x > y) - (x < y);
    }
    int sa = _KrLong_SIGN(a), sb = _KrLong_SIGN(b);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    Py_ssize_t na = _PyLong_DigitCount(a), nb = _PyLong_DigitCount(b);
    int r = 0;
    if (na != nb)
        r = na < nb ? -1 : 1;
    else {
        Py_ssize_t i = na;
        while (--i >= 0 && a->long_value.ob_digit[i] == b->long_value.ob_digit[i])
            ;
        if (i >= 0)
            r = a->long_value.ob_digit[i] < b->long_value.ob_digit[i] ? -1 : 1;
    }
    return sa < 0 ? -r : r;
}

PyObject *_KrLong_RichCompare(PyObject *a, PyObject *b, int op)
{
    CHECK_BINOP(a, b);
    if (a == b) {
        Py_RETURN_RICHCOMPARE(0, 0, op);
    }
    int c = _PyLong_Compare(L(a), L(b));
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* Exact comparison of an int with a double: -1, 0, 1 (v <, ==, > d), 2 if d is NaN,
 * -2 on error. */
int _KrLong_CompareDouble(PyObject *v, double d)
{
    if (isnan(d))
        return 2;
    if (isinf(d))
        return d > 0 ? -1 : 1;
    PyLongObject *lv = L(v);
    if (_PyLong_IsCompact(lv)) {
        double x = (double)_PyLong_CompactValue(lv); /* exact: below 2**30 */
        return (x > d) - (x < d);
    }
    int sv = _KrLong_SIGN(lv);
    int sd = (d > 0) - (d < 0);
    if (sv != sd)
        return sv < sd ? -1 : 1;
    int e;
    frexp(d, &e);
    int64_t nbits = _PyLong_NumBits(v);
    if (nbits != e)
        return (nbits < e ? -1 : 1) * sv;
    /* same magnitude class: compare against floor(d), then let the fraction decide */
    double fl = floor(d);
    PyObject *f = PyLong_FromDouble(fl);
    if (f == NULL)
        return -2;
    int c = _PyLong_Compare(lv, L(f));
    Py_DECREF(f);
    if (fl != d && c == 0)
        return -1; /* v == floor(d) < d */
    if (fl != d && c > 0)
        return 1;
    return c;
}

/* ---- hashing: value modulo the Mersenne prime 2**61 - 1 ---------------------------- */

Py_hash_t _KrLong_Hash(PyObject *obj)
{
    PyLongObject *v = L(obj);
    if (_PyLong_IsCompact(v)) {
        Py_hash_t x = (Py_hash_t)_PyLong_CompactValue(v);
        return x == -1 ? -2 : x;
    }
    Py_uhash_t x = 0;
    for (Py_ssize_t i = _PyLong_DigitCount(v); i-- > 0;) {
        /* multiply by 2**SHIFT modulo the prime: a rotation within 61 bits */
        x = ((x << SHIFT) & _PyHASH_MODULUS) | (x >> (_PyHASH_BITS - SHIFT));
        x += v->long_value.ob_digit[i];
        if (x >= _PyHASH_MODULUS)
            x -= _PyHASH_MODULUS;
    }
    Py_hash_t h = (Py_hash_t)x;
    if (_PyLong_IsNegative(v))
        h = -h;
    return h == -1 ? -2 : h;
}

/* ---- arithmetic slots ----------------------------------------------------------------- */

static PyObject *long_add(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Add(L(a), L(b));
}

static PyObject *long_sub(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Subtract(L(a), L(b));
}

static PyObject *long_mul(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Multiply(L(a), L(b));
}

static PyObject *long_floordiv(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *q;
    if (_PyLong_FloorDivmod(L(a), L(b), &q, NULL) < 0)
        return NULL;
    return (PyObject *)q;
}

static PyObject *long_mod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (_PyLong_IsZero(L(b))) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer modulo by zero");
        return NULL;
    }
    PyLongObject *r;
    if (_PyLong_FloorDivmod(L(a), L(b), NULL, &r) < 0)
        return NULL;
    return (PyObject *)r;
}

static PyObject *long_divmod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *q, *r;
    if (_PyLong_FloorDivmod(L(a), L(b), &q, &r) < 0)
        return NULL;
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(q);
        Py_DECREF(r);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, (PyObject *)q);
    PyTuple_SET_ITEM(t, 1, (PyObject *)r);
    return t;
}

/* Correctly rounded a / b: scale so the integer quotient carries two more bits than a
 * double holds plus a sticky bit, then let the rounding of the final conversion work. */
PyObject *_PyLong_TrueDivide(PyObject *aobj, PyObject *bobj)
{
    PyLongObject *a = L(aobj), *b = L(bobj);
    if (_PyLong_IsZero(b)) {
        PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    if (_PyLong_IsCompact(a) && _PyLong_IsCompact(b))
        return PyFloat_FromDouble((double)_PyLong_CompactValue(a) /
                                  (double)_PyLong_CompactValue(b));
    int negative = _PyLong_IsNegative(a) != _PyLong_IsNegative(b);
    if (_PyLong_IsZero(a))
        return PyFloat_FromDouble(negative ? -0.0 : 0.0);
    int64_t abits = _PyLong_NumBits(aobj), bbits = _PyLong_NumBits(bobj);
    if (abits <= DBL_MANT_DIG && bbits <= DBL_MANT_DIG) {
        double x = PyLong_AsDouble(aobj), y = PyLong_AsDouble(bobj);
        return PyFloat_FromDouble(x / y);
    }
    int64_t diff = abits - bbits;
    if (diff > DBL_MAX_EXP + 1) {
        PyErr_SetString(PyExc_OverflowError, "integer division result too large for a float");
        return NULL;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 2)
        return PyFloat_FromDouble(negative ? -0.0 : 0.0);
    /* quotient = floor(|a| * 2**-shift / |b|) has DBL_MANT_DIG + 2 or + 3 bits */
    int64_t shift = Py_MAX(diff, (int64_t)DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    PyObject *x = NULL, *y = NULL, *absa, *absb;
    absa = _PyLong_IsNegative(a) ? _PyLong_Negate(aobj) : Py_NewRef(aobj);
    absb = _PyLong_IsNegative(b) ? _PyLong_Negate(bobj) : Py_NewRef(bobj);
    if (absa == NULL || absb == NULL)
        goto error;
    if (shift < 0) {
        x = _PyLong_Lshift(absa, -shift);
        y = Py_NewRef(absb);
    }
    else {
        x = Py_NewRef(absa);
        y = _PyLong_Lshift(absb, shift);
    }
    if (x == NULL || y == NULL)
        goto error;
    PyObject *q, *r;
    if (_KrLong_DivRemTrunc(L(x), L(y), &q, &r) < 0)
        goto error;
    int inexact = !_PyLong_IsZero(L(r));
    Py_DECREF(r);
    int64_t qbits = _PyLong_NumBits(q);
    int ovf;
    uint64_t qv = (uint64_t)PyLong_AsLongLongAndOverflow(q, &ovf);
    Py_DECREF(q);
    /* keep DBL_MANT_DIG bits, fewer when the result is subnormal */
    int64_t extra = Py_MAX(qbits, (int64_t)DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    if (extra > 0) {
        uint64_t mask = ((uint64_t)1 << extra) - 1;
        uint64_t low = qv & mask;
        uint64_t half = (uint64_t)1 << (extra - 1);
        qv -= low;
        if (low > half || (low == half && (inexact || (qv & (mask + 1)))))
            qv += mask + 1;
    }
    double result = ldexp((double)qv, (int)shift);
    if (isinf(result)) {
        PyErr_SetString(PyExc_OverflowError, "integer division result too large for a float");
        goto error;
    }
    Py_DECREF(absa);
    Py_DECREF(absb);
    Py_DECREF(x);
    Py_DECREF(y);
    return PyFloat_FromDouble(negative ? -result : result);
error:
    Py_XDECREF(absa);
    Py_XDECREF(absb);
    Py_XDECREF(x);
    Py_XDECREF(y);
    return NULL;
}

static PyObject *long_true_divide(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_TrueDivide(a, b);
}

/* ---- shifts ---------------------------------------------------------------------------- */

PyObject *_PyLong_Lshift(PyObject *aobj, int64_t shift)
{
    PyLongObject *a = L(aobj);
    if (_PyLong_IsZero(a) || shift == 0)
        return _PyLong_Copy(a);
    if (_PyLong_IsCompact(a) && shift <= 32) {
        long long v = _PyLong_CompactValue(a);
        return PyLong_FromLongLong(v * ((long long)1 << shift));
    }
    int64_t wordshift = shift / SHIFT;
    int remshift = (int)(shift % SHIFT);
    Py_ssize_t na = _PyLong_DigitCount(a);
    if (wordshift > PY_SSIZE_T_MAX / 8 - na) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    Py_ssize_t nz = na + (Py_ssize_t)wordshift + 1;
    PyLongObject *z = _PyLong_New(nz);
    if (z == NULL)
        return NULL;
    digit *zd = z->long_value.ob_digit;
    memset(zd, 0, (size_t)wordshift * sizeof(digit));
    twodigits acc = 0;
    for (Py_ssize_t i = 0; i < na; i++) {
        acc |= (twodigits)a->long_value.ob_digit[i] << remshift;
        zd[wordshift + i] = (digit)(acc & MASK);
        acc >>= SHIFT;
    }
    zd[nz - 1] = (digit)acc;
    _PyLong_SetSignAndDigitCount(z, _KrLong_SIGN(a), nz);
    return _KrLong_Finish(z);
}

/* |a| >> shift as a fresh positive int */
static PyObject *mag_rshift(PyLongObject *a, int64_t shift)
{
    Py_ssize_t na = _PyLong_DigitCount(a);
    int64_t wordshift = shift / SHIFT;
    if (wordshift >= na)
        return Py_NewRef(_PyLong_GetZero());
    int remshift = (int)(shift % SHIFT);
    Py_ssize_t nz = na - (Py_ssize_t)wordshift;
    PyLongObject *z = _PyLong_New(nz);
    if (z == NULL)
        return NULL;
    const digit *ad = a->long_value.ob_digit + wordshift;
    for (Py_ssize_t i = 0; i < nz; i++) {
        twodigits acc = ad[i] >> remshift;
        if (i + 1 < nz)
            acc |= ((twodigits)ad[i + 1] << (SHIFT - remshift)) & MASK;
        z->long_value.ob_digit[i] = (digit)acc;
    }
    return _KrLong_Finish(z);
}

PyObject *_PyLong_Rshift(PyObject *aobj, int64_t shift)
{
    PyLongObject *a = L(aobj);
    if (_PyLong_IsCompact(a)) {
        Py_ssize_t v = _PyLong_CompactValue(a);
        if (shift >= 62)
            return PyLong_FromLong(v < 0 ? -1 : 0);
        return PyLong_FromSsize_t(v >= 0 ? v >> shift : ~((~v) >> shift));
    }
    if (!_PyLong_IsNegative(a))
        return mag_rshift(a, shift);
    /* floor semantics for negatives: a >> s == ~(~a >> s) with ~a = |a| - 1 */
    PyObject *m1 = _PyLong_Subtract((PyLongObject *)_PyLong_GetZero(), a);
    if (m1 == NULL)
        return NULL;
    PyObject *t = _PyLong_Subtract(L(m1), (PyLongObject *)_PyLong_GetOne());
    Py_DECREF(m1);
    if (t == NULL)
        return NULL;
    PyObject *s = mag_rshift(L(t), shift);
    Py_DECREF(t);
    if (s == NULL)
        return NULL;
    PyObject *r = _PyLong_Add(L(s), (PyLongObject *)_PyLong_GetOne());
    Py_DECREF(s);
    if (r == NULL)
        return NULL;
    t = _PyLong_Negate(r);
    Py_DECREF(r);
    return t;
}

/* The shift count as int64; *huge set when it does not fit. -1 on error (negative). */
static int shift_count(PyObject *b, int64_t *out, int *huge)
{
    if (_PyLong_IsNegative(L(b))) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return -1;
    }
    int ovf;
    long long v = PyLong_AsLongLongAndOverflow(b, &ovf);
    *huge = ovf != 0;
    *out = ovf ? INT64_MAX : v;
    return 0;
}

static PyObject *long_lshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (_PyLong_IsCompact(L(a)) && _PyLong_IsCompact(L(b))) {
        /* a compact value has at most 30 bits, so shifting by up to 32 fits in 63 */
        Py_ssize_t x = _PyLong_CompactValue(L(a)), y = _PyLong_CompactValue(L(b));
        if (y >= 0 && y <= 32)
            return PyLong_FromLongLong((long long)x * ((long long)1 << y));
    }
    int64_t s;
    int huge;
    if (shift_count(b, &s, &huge) < 0)
        return NULL;
    if (_PyLong_IsZero(L(a)))
        return PyLong_FromLong(0);
    if (huge) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    return _PyLong_Lshift(a, s);
}

static PyObject *long_rshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (_PyLong_IsCompact(L(a)) && _PyLong_IsCompact(L(b))) {
        Py_ssize_t x = _PyLong_CompactValue(L(a)), y = _PyLong_CompactValue(L(b));
        if (y >= 0) {
            if (y > 40)
                y = 40; /* past every bit of a compact value: just the sign remains */
            /* floor division by 2**y, also for negative x */
            return PyLong_FromSsize_t(x >= 0 ? x >> y : -1 - ((-1 - x) >> y));
        }
    }
    int64_t s;
    int huge;
    if (shift_count(b, &s, &huge) < 0)
        return NULL;
    if (huge)
        return PyLong_FromLong(_PyLong_IsNegative(L(a)) ? -1 : 0);
    return _PyLong_Rshift(a, s);
}

/* ---- bitwise -------------------------------------------------------------------------- */

/* two's complement digits of v over n digits (n > its digit count) */
static void to_twos(PyLongObject *v, digit *out, Py_ssize_t n)
{
    Py_ssize_t nv = _PyLong_DigitCount(v);
    memcpy(out, v->long_value.ob_digit, (size_t)nv * sizeof(digit));
    memset(out + nv, 0, (size_t)(n - nv) * sizeof(digit));
    if (_PyLong_IsNegative(v)) {
        digit carry = 1;
        for (Py_ssize_t i = 0; i < n; i++) {
            carry += out[i] ^ MASK;
            out[i] = carry & MASK;
            carry >>= SHIFT;
        }
    }
}

static PyObject *long_bitwise(PyLongObject *a, char op, PyLongObject *b)
{
    if (_PyLong_IsCompact(a) && _PyLong_IsCompact(b)) {
        Py_ssize_t x = _PyLong_CompactValue(a), y = _PyLong_CompactValue(b);
        return PyLong_FromSsize_t(op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y));
    }
    Py_ssize_t n = Py_MAX(_PyLong_DigitCount(a), _PyLong_DigitCount(b)) + 1;
    digit *buf = PyMem_Malloc((size_t)(2 * n) * sizeof(digit));
    if (buf == NULL)
        return PyErr_NoMemory();
    PyLongObject *z = _PyLong_New(n);
    if (z == NULL) {
        PyMem_Free(buf);
        return NULL;
    }
    to_twos(a, buf, n);
    to_twos(b, buf + n, n);
    digit *zd = z->long_value.ob_digit;
    for (Py_ssize_t i = 0; i < n; i++) {
        digit x = buf[i], y = buf[n + i];
        zd[i] = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
    }
    PyMem_Free(buf);
    int negative = (zd[n - 1] >> (SHIFT - 1)) & 1;
    if (negative) {
        digit carry = 1;
        for (Py_ssize_t i = 0; i < n; i++) {
            carry += zd[i] ^ MASK;
            zd[i] = carry & MASK;
            carry >>= SHIFT;
        }
    }
    _PyLong_SetSignAndDigitCount(z, negative ? -1 : 1, n);
    return _KrLong_Finish(z);
}

static PyObject *long_and(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return long_bitwise(L(a), '&', L(b));
}

static PyObject *long_or(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return long_bitwise(L(a), '|', L(b));
}

static PyObject *long_xor(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return long_bitwise(L(a), '^', L(b));
}

static PyObject *long_invert(PyObject *v)
{
    /* ~v == -(v + 1) */
    if (_PyLong_IsCompact(L(v)))
        return PyLong_FromSsize_t(~_PyLong_CompactValue(L(v)));
    PyObject *t = _PyLong_Add(L(v), (PyLongObject *)_PyLong_GetOne());
    if (t == NULL)
        return NULL;
    PyObject *r = _PyLong_Negate(t);
    Py_DECREF(t);
    return r;
}

static PyObject *long_neg(PyObject *v)
{
    return _PyLong_Negate(v);
}

static PyObject *long_long(PyObject *v)
{
    if (PyLong_CheckExact(v))
        return Py_NewRef(v);
    return _PyLong_Copy(L(v));
}

static PyObject *long_abs(PyObject *v)
{
    if (_PyLong_IsNegative(L(v)))
        return _PyLong_Negate(v);
    return long_long(v);
}

static int long_bool(PyObject *v)
{
    /* the sign bits say "zero" exactly when the value is 0 */
    return (L(v)->long_value.lv_tag & _PyLong_SIGN_MASK) != 1;
}

static PyObject *long_float(PyObject *v)
{
    double d = PyLong_AsDouble(v);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(d);
}

/* ---- pow ---------------------------------------------------------------------------- */

static PyObject *mod_reduce(PyObject *x, PyObject *m)
{
    PyLongObject *r;
    if (_PyLong_FloorDivmod(L(x), L(m), NULL, &r) < 0) {
        Py_DECREF(x);
        return NULL;
    }
    Py_DECREF(x);
    return (PyObject *)r;
}

static PyObject *mul_mod(PyObject *x, PyObject *y, PyObject *m)
{
    PyObject *p = _PyLong_Multiply(L(x), L(y));
    if (p == NULL || m == NULL)
        return p;
    return mod_reduce(p, m);
}

/* Inverse of a modulo n (n > 1, 0 <= a < n) by the extended Euclidean algorithm. */
static PyObject *mod_inverse(PyObject *a, PyObject *n)
{
    PyObject *b = Py_NewRef(n), *x0 = PyLong_FromLong(1), *x1 = PyLong_FromLong(0);
    a = Py_NewRef(a);
    while (!_PyLong_IsZero(L(b))) {
        PyLongObject *q, *r;
        if (_PyLong_FloorDivmod(L(a), L(b), &q, &r) < 0)
            goto error;
        Py_SETREF(a, b);
        b = (PyObject *)r;
        PyObject *qx = _PyLong_Multiply(q, L(x1));
        Py_DECREF(q);
        if (qx == NULL)
            goto error;
        PyObject *nx = _PyLong_Subtract(L(x0), L(qx));
        Py_DECREF(qx);
        if (nx == NULL)
            goto error;
        Py_SETREF(x0, x1);
        x1 = nx;
    }
    if (!(_PyLong_IsCompact(L(a)) && _PyLong_CompactValue(L(a)) == 1)) {
        PyErr_SetString(PyExc_ValueError, "base is not invertible for the given modulus");
        goto error;
    }
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(x1);
    return mod_reduce(x0, n);
error:
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(x0);
    Py_DECREF(x1);
    return NULL;
}

PyObject *_PyLong_Pow(PyObject *a, PyObject *b, PyObject *m)
{
    PyObject *base = NULL, *result = NULL, *absm = NULL, *exp = NULL;
    int mneg = 0;
    if (m != NULL) {
        if (_PyLong_IsZero(L(m))) {
            PyErr_SetString(PyExc_ValueError, "pow() 3rd argument cannot be 0");
            return NULL;
        }
        mneg = _PyLong_IsNegative(L(m));
        absm = mneg ? _PyLong_Negate(m) : Py_NewRef(m);
        if (absm == NULL)
            return NULL;
        if (_PyLong_IsCompact(L(absm)) && _PyLong_CompactValue(L(absm)) == 1) {
            Py_DECREF(absm);
            return PyLong_FromLong(0);
        }
        base = mod_reduce(Py_NewRef(a), absm);
        if (base == NULL)
            goto error;
        if (_PyLong_IsNegative(L(b))) {
            PyObject *inv = mod_inverse(base, absm);
            Py_SETREF(base, inv);
            if (base == NULL)
                goto error;
            exp = _PyLong_Negate(b);
            if (exp == NULL)
                goto error;
        }
        else
            exp = Py_NewRef(b);
    }
    else {
        if (_PyLong_IsNegative(L(b)))
            return PyFloat_Type.tp_as_number->nb_power(a, b, Py_None);
        /* small results are common: stay in machine integers while they fit */
        if (_PyLong_IsCompact(L(a)) && _PyLong_IsCompact(L(b))) {
            long long x = _PyLong_CompactValue(L(a)), r = 1;
            Py_ssize_t e = _PyLong_CompactValue(L(b));
            int ok = 1;
            if (x == 0 || x == 1 || e == 0)
                r = e == 0 ? 1 : x;
            else if (x == -1)
                r = (e & 1) ? -1 : 1;
            else if (e <= 62) {
                long long lim = LLONG_MAX / (x < 0 ? -x : x);
                for (Py_ssize_t i = 0; i < e; i++) {
                    if ((r < 0 ? -r : r) > lim) {
                        ok = 0;
                        break;
                    }
                    r *= x;
                }
            }
            else
                ok = 0;
            if (ok)
                return PyLong_FromLongLong(r);
        }
        base = Py_NewRef(a);
        exp = Py_NewRef(b);
    }
    /* left-to-right binary exponentiation over the bits of the exponent */
    result = PyLong_FromLong(1);
    if (result == NULL)
        goto error;
    {
        PyLongObject *eb = L(exp);
        Py_ssize_t nd = _PyLong_DigitCount(eb);
        for (Py_ssize_t i = nd; i-- > 0;) {
            digit d = eb->long_value.ob_digit[i];
            for (int bit = SHIFT - 1; bit >= 0; bit--) {
                if (!(_PyLong_IsCompact(L(result)) && _PyLong_CompactValue(L(result)) == 1)) {
                    PyObject *t = mul_mod(result, result, absm);
                    Py_SETREF(result, t);
                    if (result == NULL)
                        goto error;
                }
                if ((d >> bit) & 1) {
                    PyObject *t = mul_mod(result, base, absm);
                    Py_SETREF(result, t);
                    if (result == NULL)
                        goto error;
                }
            }
            if (PyErr_CheckSignals() < 0)
                goto error;
        }
    }
    if (mneg && !_PyLong_IsZero(L(result))) {
        PyObject *t = _PyLong_Subtract(L(result), L(absm));
        Py_SETREF(result, t);
    }
    Py_DECREF(base);
    Py_DECREF(exp);
    Py_XDECREF(absm);
    return result;
error:
    Py_XDECREF(result);
    Py_XDECREF(base);
    Py_XDECREF(exp);
    Py_XDECREF(absm);
    return NULL;
}

static PyObject *long_pow(PyObject *a, PyObject *b, PyObject *m)
{
    CHECK_BINOP(a, b);
    if (m == Py_None)
        m = NULL;
    else if (m != NULL && !PyLong_Check(m))
        Py_RETURN_NOTIMPLEMENTED;
    return _PyLong_Pow(a, b, m);
}

/* ---- helpers for other modules -------------------------------------------------------- */

PyObject *_PyLong_DivmodNear(PyObject *a, PyObject *b)
{
    if (!PyLong_Check(a) || !PyLong_Check(b)) {
        PyErr_SetString(PyExc_TypeError, "non-integer arguments in division");
        return NULL;
    }
    PyLongObject *q, *r;
    if (_PyLong_FloorDivmod(L(a), L(b), &q, &r) < 0)
        return NULL;
    PyObject *twice = _PyLong_Lshift((PyObject *)r, 1);
    if (twice == NULL)
        goto error;
    int cmp = _PyLong_Compare(L(twice), L(b));
    Py_DECREF(twice);
    if (_PyLong_IsNegative(L(b)))
        cmp = -cmp;
    int qodd = _PyLong_DigitCount(q) > 0 && (q->long_value.ob_digit[0] & 1);
    if (cmp > 0 || (cmp == 0 && qodd)) {
        PyObject *t = _PyLong_Add(q, (PyLongObject *)_PyLong_GetOne());
        Py_DECREF(q);
        q = L(t);
        if (q == NULL)
            goto error;
        t = _PyLong_Subtract(r, L(b));
        Py_DECREF(r);
        r = L(t);
        if (r == NULL)
            goto error;
    }
    PyObject *res = PyTuple_New(2);
    if (res == NULL)
        goto error;
    PyTuple_SET_ITEM(res, 0, (PyObject *)q);
    PyTuple_SET_ITEM(res, 1, (PyObject *)r);
    return res;
error:
    Py_XDECREF(q);
    Py_XDECREF(r);
    return NULL;
}

PyObject *_PyLong_GCD(PyObject *aobj, PyObject *bobj)
{
    PyLongObject *a = L(aobj), *b = L(bobj);
    if (_PyLong_DigitCount(a) <= 2 && _PyLong_DigitCount(b) <= 2) {
        int o1, o2;
        long long x = PyLong_AsLongLongAndOverflow(aobj, &o1);
        long long y = PyLong_AsLongLongAndOverflow(bobj, &o2);
        unsigned long long ux = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
        unsigned long long uy = y < 0 ? 0ULL - (unsigned long long)y : (unsigned long long)y;
        while (uy) {
            unsigned long long t = ux % uy;
            ux = uy;
            uy = t;
        }
        return PyLong_FromUnsignedLongLong(ux);
    }
    PyObject *x = _PyLong_IsNegative(a) ? _PyLong_Negate(aobj) : _PyLong_Copy(a);
    PyObject *y = _PyLong_IsNegative(b) ? _PyLong_Negate(bobj) : _PyLong_Copy(b);
    if (x == NULL || y == NULL) {
        Py_XDECREF(x);
        Py_XDECREF(y);
        return NULL;
    }
    while (!_PyLong_IsZero(L(y))) {
        if (_PyLong_DigitCount(L(x)) <= 2 && _PyLong_DigitCount(L(y)) <= 2) {
            PyObject *g = _PyLong_GCD(x, y);
            Py_DECREF(x);
            Py_DECREF(y);
            return g;
        }
        PyObject *r;
        if (_KrLong_DivRemTrunc(L(x), L(y), NULL, &r) < 0) {
            Py_DECREF(x);
            Py_DECREF(y);
            return NULL;
        }
        Py_SETREF(x, y);
        y = r;
    }
    Py_DECREF(y);
    return x;
}

PyNumberMethods _KrLong_as_number = {
    .nb_add = long_add,
    .nb_subtract = long_sub,
    .nb_multiply = long_mul,
    .nb_remainder = long_mod,
    .nb_divmod = long_divmod,
    .nb_power = long_pow,
    .nb_negative = long_neg,
    .nb_positive = long_long,
    .nb_absolute = long_abs,
    .nb_bool = long_bool,
    .nb_invert = long_invert,
    .nb_lshift = long_lshift,
    .nb_rshift = long_rshift,
    .nb_and = long_and,
    .nb_xor = long_xor,
    .nb_or = long_or,
    .nb_int = long_long,
    .nb_float = long_float,
    .nb_floor_divide = long_floordiv,
    .nb_true_divide = long_true_divide,
    .nb_index = long_long,
};
