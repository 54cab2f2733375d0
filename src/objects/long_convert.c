/* int conversions: C integers, doubles, byte arrays, and text in any base (with the
 * str<->int digit limit of sys.set_int_max_str_digits). */
#include "Python.h"
#include <math.h>
#include <float.h>

#define SHIFT PyLong_SHIFT
#define MASK PyLong_MASK

/* ---- from C integers ---------------------------------------------------------- */

/* A single-digit value: the cached small int, or a fresh one-digit object. */
static inline PyObject *from_compact(long long ival)
{
    if (ival >= -_PY_NSMALLNEGINTS && ival < _PY_NSMALLPOSINTS)
        return _PyLong_GetSmallInt((int)ival);
    PyLongObject *v = PyObject_Malloc(offsetof(PyLongObject, long_value.ob_digit) + sizeof(digit));
    if (v == NULL)
        return PyErr_NoMemory();
    v->ob_base.ob_refcnt = 1;
    v->ob_base.ob_type = &PyLong_Type;
    v->long_value.ob_digit[0] = (digit)(ival < 0 ? -ival : ival);
    _PyLong_SetSignAndDigitCount(v, ival < 0 ? -1 : 1, 1);
    return (PyObject *)v;
}

static PyObject *from_magnitude(int negative, unsigned long long mag)
{
    if (mag < (unsigned long long)PyLong_BASE)
        return from_compact(negative ? -(long long)mag : (long long)mag);
    Py_ssize_t n = 0;
    for (unsigned long long t = mag; t; t >>= SHIFT)
        n++;
    PyLongObject *v = _PyLong_New(n);
    if (v == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++, mag >>= SHIFT)
        v->long_value.ob_digit[i] = (digit)(mag & MASK);
    _PyLong_SetSignAndDigitCount(v, negative ? -1 : 1, n);
    return (PyObject *)v;
}

PyObject *PyLong_FromLongLong(long long ival)
{
    /* One unsigned compare per range: the cached small ints, then one digit. */
    if ((unsigned long long)ival + _PY_NSMALLNEGINTS <
        (unsigned long long)(_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS))
        return _PyLong_GetSmallInt((int)ival);
    if ((unsigned long long)ival + (PyLong_BASE - 1) < (unsigned long long)(2 * PyLong_BASE - 1)) {
        PyLongObject *v = PyObject_Malloc(offsetof(PyLongObject, long_value.ob_digit) + sizeof(digit));
        if (v == NULL)
            return PyErr_NoMemory();
        v->ob_base.ob_refcnt = 1;
        v->ob_base.ob_type = &PyLong_Type;
        int neg = ival < 0;
        v->long_value.ob_digit[0] = (digit)(neg ? -ival : ival);
        _PyLong_SetSignAndDigitCount(v, neg ? -1 : 1, 1);
        return (PyObject *)v;
    }
    unsigned long long mag = ival < 0 ? 0ULL - (unsigned long long)ival : (unsigned long long)ival;
    return from_magnitude(ival < 0, mag);
}

PyObject *PyLong_FromLong(long ival) { return PyLong_FromLongLong(ival); }
PyObject *PyLong_FromUnsignedLong(unsigned long v) { return from_magnitude(0, v); }
PyObject *PyLong_FromUnsignedLongLong(unsigned long long v) { return from_magnitude(0, v); }
PyObject *PyLong_FromSize_t(size_t v) { return from_magnitude(0, v); }
PyObject *PyLong_FromSsize_t(Py_ssize_t v) { return PyLong_FromLongLong(v); }
PyObject *PyLong_FromVoidPtr(void *p) { return PyLong_FromUnsignedLongLong((uintptr_t)p); }

/* ---- to C integers ------------------------------------------------------------ */

/* Magnitude of v as an unsigned long long; *overflow set when it does not fit. */
static unsigned long long to_magnitude(PyLongObject *v, int *overflow)
{
    Py_ssize_t n = _PyLong_DigitCount(v);
    unsigned long long x = 0;
    *overflow = 0;
    for (Py_ssize_t i = n; i-- > 0;) {
        if (x >> (64 - SHIFT)) {
            *overflow = 1;
            return 0;
        }
        x = (x << SHIFT) | v->long_value.ob_digit[i];
    }
    return x;
}

/* Returns a new reference to an exact-or-subclass int for v (via __index__), or NULL. */
static PyLongObject *index_of(PyObject *v)
{
    if (v == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyLong_Check(v))
        return (PyLongObject *)Py_NewRef(v);
    return (PyLongObject *)_PyNumber_Index(v);
}

long long PyLong_AsLongLongAndOverflow(PyObject *obj, int *overflow)
{
    *overflow = 0;
    if (obj != NULL && PyLong_Check(obj) && _PyLong_IsCompact((PyLongObject *)obj))
        return _PyLong_CompactValue((PyLongObject *)obj);
    PyLongObject *v = index_of(obj);
    if (v == NULL)
        return -1;
    int ovf;
    unsigned long long mag = to_magnitude(v, &ovf);
    long long res = -1;
    if (ovf)
        *overflow = _KrLong_SIGN(v);
    else if (_PyLong_IsNegative(v)) {
        if (mag <= (unsigned long long)LLONG_MAX + 1ULL)
            res = (long long)(0ULL - mag);
        else
            *overflow = -1;
    }
    else if (mag <= (unsigned long long)LLONG_MAX)
        res = (long long)mag;
    else
        *overflow = 1;
    Py_DECREF(v);
    return res;
}

long PyLong_AsLongAndOverflow(PyObject *obj, int *overflow)
{
    return (long)PyLong_AsLongLongAndOverflow(obj, overflow);
}

long PyLong_AsLong(PyObject *obj)
{
    int overflow;
    long r = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

int PyLong_AsInt(PyObject *obj)
{
    int overflow;
    long r = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow || r > INT_MAX || r < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return (int)r;
}

long long PyLong_AsLongLong(PyObject *obj)
{
    int overflow;
    long long r = PyLong_AsLongLongAndOverflow(obj, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        return -1;
    }
    return r;
}

Py_ssize_t PyLong_AsSsize_t(PyObject *obj)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyLong_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1;
    }
    int overflow;
    long long r = PyLong_AsLongLongAndOverflow(obj, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (Py_ssize_t)r;
}

static unsigned long long as_unsigned(PyObject *obj, const char *negmsg, const char *bigmsg,
                                      unsigned long long max)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return (unsigned long long)-1;
    }
    if (!PyLong_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return (unsigned long long)-1;
    }
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsNegative(v)) {
        PyErr_SetString(PyExc_OverflowError, negmsg);
        return (unsigned long long)-1;
    }
    int ovf;
    unsigned long long mag = to_magnitude(v, &ovf);
    if (ovf || mag > max) {
        PyErr_SetString(PyExc_OverflowError, bigmsg);
        return (unsigned long long)-1;
    }
    return mag;
}

unsigned long PyLong_AsUnsignedLong(PyObject *obj)
{
    return (unsigned long)as_unsigned(obj, "can't convert negative value to unsigned int",
                                      "Python int too large to convert to C unsigned long",
                                      ULONG_MAX);
}

unsigned long long PyLong_AsUnsignedLongLong(PyObject *obj)
{
    return as_unsigned(obj, "can't convert negative int to unsigned", "int too big to convert",
                       ULLONG_MAX);
}

size_t PyLong_AsSize_t(PyObject *obj)
{
    return (size_t)as_unsigned(obj, "can't convert negative value to size_t",
                               "Python int too large to convert to C size_t", SIZE_MAX);
}

unsigned long PyLong_AsUnsignedLongMask(PyObject *obj)
{
    PyLongObject *v = index_of(obj);
    if (v == NULL)
        return (unsigned long)-1;
    unsigned long x = 0;
    for (Py_ssize_t i = _PyLong_DigitCount(v); i-- > 0;)
        x = (x << SHIFT) | v->long_value.ob_digit[i];
    if (_PyLong_IsNegative(v))
        x = 0UL - x;
    Py_DECREF(v);
    return x;
}

void *PyLong_AsVoidPtr(PyObject *obj)
{
    if (PyLong_Check(obj) && _PyLong_IsNegative((PyLongObject *)obj))
        return (void *)(intptr_t)PyLong_AsLongLong(obj);
    return (void *)(uintptr_t)PyLong_AsUnsignedLongLong(obj);
}

int _PyLong_Size_t_Converter(PyObject *obj, void *ptr)
{
    size_t v = PyLong_AsSize_t(obj);
    if (v == (size_t)-1 && PyErr_Occurred())
        return 0;
    *(size_t *)ptr = v;
    return 1;
}

/* ---- bits ---------------------------------------------------------------------- */

static int digit_bits(digit d)
{
    int n = 0;
    while (d) {
        n++;
        d >>= 1;
    }
    return n;
}

int64_t _PyLong_NumBits(PyObject *obj)
{
    PyLongObject *v = (PyLongObject *)obj;
    Py_ssize_t n = _PyLong_DigitCount(v);
    if (n == 0)
        return 0;
    return (int64_t)(n - 1) * SHIFT + digit_bits(v->long_value.ob_digit[n - 1]);
}

PyObject *_PyLong_NumBitsObject(PyObject *v)
{
    return PyLong_FromLongLong(_PyLong_NumBits(v));
}

/* floor(|v| / 2**shift) where the result fits 64 bits; *sticky is set when any of the
 * discarded bits is non-zero. */
static uint64_t shifted_top(PyLongObject *v, int64_t shift, int *sticky)
{
    const digit *d = v->long_value.ob_digit;
    Py_ssize_t n = _PyLong_DigitCount(v);
    *sticky = 0;
    if (shift <= 0) {
        uint64_t x = 0;
        for (Py_ssize_t i = n; i-- > 0;)
            x = (x << SHIFT) | d[i];
        return x << -shift;
    }
    Py_ssize_t ws = (Py_ssize_t)(shift / SHIFT);
    int bs = (int)(shift % SHIFT);
    uint64_t x = 0;
    for (Py_ssize_t i = n; i-- > ws + 1;)
        x = (x << SHIFT) | d[i];
    x = (x << (SHIFT - bs)) | (d[ws] >> bs);
    if (d[ws] & (((digit)1 << bs) - 1))
        *sticky = 1;
    for (Py_ssize_t i = 0; i < ws && !*sticky; i++)
        if (d[i])
            *sticky = 1;
    return x;
}

/* Correctly rounded |a| = m * 2**e with 0.5 <= m < 1 (m carries a's sign). */
double _PyLong_Frexp(PyLongObject *a, int64_t *e)
{
    int64_t nbits = _PyLong_NumBits((PyObject *)a);
    if (nbits == 0) {
        *e = 0;
        return 0.0;
    }
    int sticky;
    uint64_t top = shifted_top(a, nbits - 64, &sticky);
    /* The conversion below rounds half-even at bit 11; the sticky bit sits below it and
     * breaks ties exactly as the discarded bits would. */
    if (sticky)
        top |= 1;
    double m = ldexp((double)top, -64);
    if (m == 1.0) {
        m = 0.5;
        nbits++;
    }
    *e = nbits;
    return _PyLong_IsNegative(a) ? -m : m;
}

double PyLong_AsDouble(PyObject *obj)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return -1.0;
    }
    if (!PyLong_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1.0;
    }
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsCompact(v))
        return (double)_PyLong_CompactValue(v);
    int64_t e;
    double m = _PyLong_Frexp(v, &e);
    if (e > DBL_MAX_EXP) {
        PyErr_SetString(PyExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return ldexp(m, (int)e);
}

PyObject *PyLong_FromDouble(double d)
{
    if (d > -9.2e18 && d < 9.2e18)
        return PyLong_FromLongLong((long long)d);
    if (isinf(d)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(d)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    int neg = d < 0;
    int e;
    double m = frexp(neg ? -d : d, &e); /* e > 62: the value is an integer */
    Py_ssize_t n = (e - 1) / SHIFT + 1;
    PyLongObject *v = _PyLong_New(n);
    if (v == NULL)
        return NULL;
    m = ldexp(m, (e - 1) % SHIFT + 1);
    for (Py_ssize_t i = n; i-- > 0;) {
        digit bits = (digit)m;
        v->long_value.ob_digit[i] = bits;
        m -= bits;
        m = ldexp(m, SHIFT);
    }
    _PyLong_SetSignAndDigitCount(v, neg ? -1 : 1, n);
    return _KrLong_Finish(v);
}

/* ---- byte arrays --------------------------------------------------------------- */

PyObject *_PyLong_FromByteArray(const unsigned char *bytes, size_t n, int little_endian,
                                int is_signed)
{
    if (n == 0)
        return PyLong_FromLong(0);
    const unsigned char *p = little_endian ? bytes : bytes + n - 1;
    int step = little_endian ? 1 : -1;
    int negative = is_signed && (bytes[little_endian ? n - 1 : 0] & 0x80);
    /* drop sign-extension bytes at the top */
    size_t used = n;
    {
        const unsigned char *top = little_endian ? bytes + n - 1 : bytes;
        unsigned char fill = negative ? 0xff : 0x00;
        while (used > 0 && *top == fill) {
            used--;
            top -= step;
        }
    }
    if ((used * 8) / SHIFT + 1 > (size_t)PY_SSIZE_T_MAX / 8) {
        PyErr_SetString(PyExc_OverflowError, "byte array too long to convert to int");
        return NULL;
    }
    Py_ssize_t ndig = (Py_ssize_t)((used * 8 + SHIFT - 1) / SHIFT) + 1;
    PyLongObject *v = _PyLong_New(ndig);
    if (v == NULL)
        return NULL;
    twodigits acc = 0;
    int accbits = 0;
    Py_ssize_t idx = 0;
    unsigned int carry = 1; /* for two's complement negation of negative input */
    for (size_t i = 0; i < n && idx < ndig; i++, p += step) {
        unsigned int byte = *p;
        if (negative) {
            byte = (byte ^ 0xffU) + carry;
            carry = byte >> 8;
            byte &= 0xffU;
        }
        acc |= (twodigits)byte << accbits;
        accbits += 8;
        if (accbits >= SHIFT) {
            v->long_value.ob_digit[idx++] = (digit)(acc & MASK);
            acc >>= SHIFT;
            accbits -= SHIFT;
        }
    }
    if (idx < ndig)
        v->long_value.ob_digit[idx++] = (digit)acc;
    while (idx < ndig)
        v->long_value.ob_digit[idx++] = 0;
    _PyLong_SetSignAndDigitCount(v, negative ? -1 : 1, ndig);
    return _KrLong_Finish(v);
}

int _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n, int little_endian,
                        int is_signed, int with_exceptions)
{
    int negative = _PyLong_IsNegative(v);
    if (negative && !is_signed) {
        if (with_exceptions)
            PyErr_SetString(PyExc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    Py_ssize_t nd = _PyLong_DigitCount(v);
    const digit *d = v->long_value.ob_digit;
    unsigned char *p = little_endian ? bytes : bytes + n - 1;
    int step = little_endian ? 1 : -1;
    twodigits acc = 0;
    int accbits = 0;
    digit carry = 1;
    size_t j = 0;
    for (Py_ssize_t i = 0; i < nd; i++) {
        digit x = d[i];
        if (negative) {
            x = (x ^ MASK) + carry;
            carry = x >> SHIFT;
            x &= MASK;
        }
        acc |= (twodigits)x << accbits;
        accbits += SHIFT;
        while (accbits >= 8) {
            if (j >= n) {
                /* Only sign bits may spill past the buffer. */
                if (i == nd - 1 && (acc & 0xff) == (negative ? 0xffU : 0U)) {
                    acc >>= 8;
                    accbits -= 8;
                    continue;
                }
                goto overflow;
            }
            *p = (unsigned char)(acc & 0xff);
            p += step;
            j++;
            acc >>= 8;
            accbits -= 8;
        }
    }
    /* remaining bits are from the top digit; with negative values they are sign bits */
    if (accbits > 0) {
        unsigned char b = (unsigned char)(acc & 0xff);
        if (negative)
            b |= (unsigned char)(0xff << accbits);
        if (j < n) {
            *p = b;
            p += step;
            j++;
        }
        else if (b != (negative ? 0xff : 0x00))
            goto overflow;
    }
    {
        unsigned char fill = negative ? 0xff : 0x00;
        for (; j < n; j++, p += step)
            *p = fill;
    }
    if (is_signed && n > 0) {
        unsigned char msb = little_endian ? bytes[n - 1] : bytes[0];
        if (((msb & 0x80) != 0) != negative)
            goto overflow;
    }
    else if (is_signed && n == 0 && nd != 0)
        goto overflow;
    return 0;
overflow:
    if (with_exceptions)
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
    return -1;
}

/* ---- text ----------------------------------------------------------------------- */

static int max_str_digits(void)
{
    return _PyInterpreterState_GET()->int_max_str_digits;
}

#define DEC_BASE 1000000000U
#define DEC_DIGITS 9

/* Decimal digits of |v| as a malloc'ed array of base-10**9 limbs (least significant first). */
static int to_decimal_limbs(PyLongObject *v, digit **plimbs, Py_ssize_t *pn)
{
    Py_ssize_t n = _PyLong_DigitCount(v);
    /* each 30-bit digit adds at most 30*log10(2)/9 < 1.004 limbs */
    Py_ssize_t cap = n + n / 90 + 2;
    digit *out = PyMem_Malloc((size_t)cap * sizeof(digit));
    if (out == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    /* Horner's rule from the top digit: out = out * 2**30 + digit. Taking the digits two
     * at a time (out * 2**60 + pair) halves the passes; with 2**60 = P * 10**9 + R the
     * limb update needs only one division by 10**9 of a 61-bit value:
     *   out[j] * 2**60 + carry = (out[j] * P + t / 10**9) * 10**9 + t % 10**9,
     *   t = out[j] * R + carry,
     * and the carry stays below 2**61 throughout. */
    const twodigits P = ((twodigits)1 << (2 * SHIFT)) / DEC_BASE;
    const twodigits R = ((twodigits)1 << (2 * SHIFT)) % DEC_BASE;
    const digit *d = v->long_value.ob_digit;
    Py_ssize_t size = 0;
    Py_ssize_t i = n;
    if (n & 1) {
        digit hi = d[--i];
        while (hi) {
            out[size++] = hi % DEC_BASE;
            hi /= DEC_BASE;
        }
    }
    while (i > 0) {
        i -= 2;
        twodigits carry = ((twodigits)d[i + 1] << SHIFT) | d[i];
        for (Py_ssize_t j = 0; j < size; j++) {
            twodigits t = (twodigits)out[j] * R + carry;
            twodigits tq = t / DEC_BASE;
            carry = (twodigits)out[j] * P + tq;
            out[j] = (digit)(t - tq * DEC_BASE);
        }
        while (carry) {
            out[size++] = (digit)(carry % DEC_BASE);
            carry /= DEC_BASE;
        }
        if ((i & 126) == 0 && PyErr_CheckSignals() < 0) {
            PyMem_Free(out);
            return -1;
        }
    }
    if (size == 0)
        out[size++] = 0;
    *plimbs = out;
    *pn = size;
    return 0;
}

static PyObject *limit_error_str(void)
{
    PyErr_Format(PyExc_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion; "
                 "use sys.set_int_max_str_digits() to increase the limit",
                 max_str_digits());
    return NULL;
}

/* Decimal text of v into a malloc'ed ASCII buffer. */
static char *decimal_chars(PyLongObject *v, Py_ssize_t *plen)
{
    Py_ssize_t n = _PyLong_DigitCount(v);
    int limit = max_str_digits();
    if (limit > 0 && n >= 10 * (Py_ssize_t)limit / (3 * SHIFT) + 2) {
        limit_error_str();
        return NULL;
    }
    digit *limbs;
    Py_ssize_t size;
    if (to_decimal_limbs(v, &limbs, &size) < 0)
        return NULL;
    Py_ssize_t len = (size - 1) * DEC_DIGITS;
    for (digit t = limbs[size - 1];; t /= 10) {
        len++;
        if (t < 10)
            break;
    }
    if (limit > 0 && len > limit) {
        PyMem_Free(limbs);
        limit_error_str();
        return NULL;
    }
    int neg = _PyLong_IsNegative(v);
    char *buf = PyMem_Malloc((size_t)(len + neg + 1));
    if (buf == NULL) {
        PyMem_Free(limbs);
        PyErr_NoMemory();
        return NULL;
    }
    char *p = buf + len + neg;
    *p = '\0';
    for (Py_ssize_t i = 0; i < size - 1; i++) {
        digit t = limbs[i];
        for (int k = 0; k < DEC_DIGITS; k++) {
            *--p = (char)('0' + t % 10);
            t /= 10;
        }
    }
    for (digit t = limbs[size - 1];; t /= 10) {
        *--p = (char)('0' + t % 10);
        if (t < 10)
            break;
    }
    if (neg)
        *--p = '-';
    PyMem_Free(limbs);
    *plen = len + neg;
    return buf;
}

PyObject *_PyLong_ToDecimalString(PyObject *obj)
{
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsCompact(v)) {
        char tmp[24];
        int len = snprintf(tmp, sizeof tmp, "%zd", _PyLong_CompactValue(v));
        return _PyUnicode_FromASCII(tmp, len);
    }
    Py_ssize_t len;
    char *buf = decimal_chars(v, &len);
    if (buf == NULL)
        return NULL;
    PyObject *res = _PyUnicode_FromASCII(buf, len);
    PyMem_Free(buf);
    return res;
}

/* Text of v in base 2, 8 or 16 with its '0b'/'0o'/'0x' prefix, or base 10. */
PyObject *_PyLong_Format(PyObject *obj, int base)
{
    if (!PyLong_Check(obj)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (base == 10)
        return _PyLong_ToDecimalString(obj);
    PyLongObject *v = (PyLongObject *)obj;
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    char prefix = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
    int64_t nbits = _PyLong_NumBits(obj);
    Py_ssize_t ndigits = nbits == 0 ? 1 : (Py_ssize_t)((nbits + bits - 1) / bits);
    int neg = _PyLong_IsNegative(v);
    Py_ssize_t len = ndigits + 2 + neg;
    char *buf = PyMem_Malloc((size_t)len + 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    char *p = buf + len;
    const digit *d = v->long_value.ob_digit;
    Py_ssize_t nd = _PyLong_DigitCount(v);
    twodigits acc = 0;
    int accbits = 0;
    Py_ssize_t written = 0;
    Py_ssize_t i = 0;
    while (written < ndigits) {
        if (accbits < bits && i < nd) {
            acc |= (twodigits)d[i++] << accbits;
            accbits += SHIFT;
        }
        *--p = "0123456789abcdef"[acc & (twodigits)((1 << bits) - 1)];
        acc >>= bits;
        accbits -= bits;
        written++;
    }
    *--p = prefix;
    *--p = '0';
    if (neg)
        *--p = '-';
    PyObject *res = _PyUnicode_FromASCII(p, len);
    PyMem_Free(buf);
    return res;
}

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Parse digits s[0:len] (underscores already validated) in base `base` into an int. */
/* z[0:size] = z * mul + acc; returns the new size (at most cap). */
static Py_ssize_t fold_chunk(digit *z, Py_ssize_t size, Py_ssize_t cap, digit mul, digit acc)
{
    twodigits carry = acc;
    for (Py_ssize_t k = 0; k < size; k++) {
        carry += (twodigits)z[k] * mul;
        z[k] = (digit)(carry & MASK);
        carry >>= SHIFT;
    }
    if (carry && size < cap)
        z[size++] = (digit)carry;
    return size;
}

/* z[0:size] = z * mul + acc for a two-digit multiplier mul < 2**60 and acc < mul: two
 * chunks of text folded in one pass over the digits, halving the passes. */
static Py_ssize_t fold_chunk2(digit *z, Py_ssize_t size, Py_ssize_t cap, twodigits mul,
                              twodigits acc)
{
    twodigits m0 = mul & MASK, m1 = mul >> SHIFT;
    twodigits carry = acc;
    digit prev = 0;
    for (Py_ssize_t k = 0; k < size; k++) {
        digit cur = z[k];
        carry += (twodigits)cur * m0 + (twodigits)prev * m1;
        z[k] = (digit)(carry & MASK);
        carry >>= SHIFT;
        prev = cur;
    }
    carry += (twodigits)prev * m1;
    while (carry && size < cap) {
        z[size++] = (digit)(carry & MASK);
        carry >>= SHIFT;
    }
    return size;
}

static PyObject *parse_digits(const char *s, Py_ssize_t len, Py_ssize_t ndigits, int base)
{
    if ((base & (base - 1)) == 0) {
        int bits = 0;
        while ((1 << bits) < base)
            bits++;
        Py_ssize_t nd = (Py_ssize_t)(((int64_t)ndigits * bits + SHIFT - 1) / SHIFT);
        PyLongObject *v = _PyLong_New(nd ? nd : 1);
        if (v == NULL)
            return NULL;
        twodigits acc = 0;
        int accbits = 0;
        Py_ssize_t idx = 0;
        for (Py_ssize_t i = len; i-- > 0;) {
            if (s[i] == '_')
                continue;
            acc |= (twodigits)digit_value((unsigned char)s[i]) << accbits;
            accbits += bits;
            if (accbits >= SHIFT) {
                v->long_value.ob_digit[idx++] = (digit)(acc & MASK);
                acc >>= SHIFT;
                accbits -= SHIFT;
            }
        }
        if (accbits)
            v->long_value.ob_digit[idx++] = (digit)acc;
        Py_ssize_t total = nd ? nd : 1;
        while (idx < total)
            v->long_value.ob_digit[idx++] = 0;
        _PyLong_SetSignAndDigitCount(v, 1, total);
        return _KrLong_Finish(v);
    }
    int limit = max_str_digits();
    if (limit > 0 && ndigits > limit) {
        PyErr_Format(PyExc_ValueError,
                     "Exceeds the limit (%d digits) for integer string conversion: "
                     "value has %zd digits; use sys.set_int_max_str_digits() "
                     "to increase the limit", limit, ndigits);
        return NULL;
    }
    /* Fold as many digits as fit one 30-bit digit into each multiply-add pass. */
    digit chunk_mul = (digit)base;
    int chunk = 1;
    while ((twodigits)chunk_mul * (digit)base < PyLong_BASE) {
        chunk_mul *= (digit)base;
        chunk++;
    }
    /* The value is built in place in an object sized for the longest possible result
     * (log2(base) bits per character), growing by at most one digit per chunk. */
    Py_ssize_t cap = (Py_ssize_t)((double)ndigits * log2((double)base) / SHIFT) + 2;
    PyLongObject *v = _PyLong_New(cap);
    if (v == NULL)
        return NULL;
    digit *z = v->long_value.ob_digit;
    Py_ssize_t size = 0;
    digit acc = 0, mul = 1;
    digit held_acc = 0, held_mul = 0; /* a full chunk waiting for its partner */
    int count = 0;
    Py_ssize_t since_check = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (s[i] == '_')
            continue;
        acc = acc * (digit)base + (digit)digit_value((unsigned char)s[i]);
        mul *= (digit)base;
        if (++count == chunk) {
            if (held_mul == 0) {
                held_acc = acc;
                held_mul = mul;
            }
            else {
                size = fold_chunk2(z, size, cap, (twodigits)held_mul * mul,
                                   (twodigits)held_acc * mul + acc);
                held_mul = 0;
            }
            acc = 0;
            mul = 1;
            count = 0;
            if (++since_check == 4096) {
                since_check = 0;
                if (PyErr_CheckSignals() < 0) {
                    Py_DECREF(v);
                    return NULL;
                }
            }
        }
    }
    if (held_mul)
        size = fold_chunk(z, size, cap, held_mul, held_acc);
    if (count)
        size = fold_chunk(z, size, cap, mul, acc);
    if (size == 0)
        z[0] = 0;
    _PyLong_SetSignAndDigitCount(v, size ? 1 : 0, size);
    return _KrLong_Finish(v);
}

/* The int() grammar over ASCII text s[0:len]: optional whitespace, sign, base prefix,
 * digits with single underscores between them, whitespace. Returns NULL with no error
 * set when the text is not a valid literal (the caller formats the message). */
static PyObject *parse_int_text(const char *s, Py_ssize_t len, int base, Py_ssize_t *pconsumed,
                                int allow_trailing)
{
    const char *p = s, *end = s + len;
    while (p < end && is_space((unsigned char)*p))
        p++;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    int base0 = base == 0;
    if (p + 1 < end && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            /* one underscore may follow the prefix */
            if (p < end && *p == '_')
                p++;
        }
    }
    if (base == 0)
        base = 10;
    const char *digits = p;
    Py_ssize_t ndigits = 0;
    int prev_us = 1; /* at start an underscore is only allowed after a prefix (handled) */
    int nonzero = 0;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '_') {
            if (prev_us)
                goto invalid;
            prev_us = 1;
            p++;
            continue;
        }
        int dv = digit_value(c);
        if (dv >= base)
            break;
        if (dv)
            nonzero = 1;
        ndigits++;
        prev_us = 0;
        p++;
    }
    if (ndigits == 0 || prev_us)
        goto invalid;
    /* base 0 rejects "010": a leading zero is only allowed when the value is zero */
    if (base0 && base == 10 && digits[0] == '0' && nonzero)
        goto invalid;
    const char *digits_end = p;
    while (p < end && is_space((unsigned char)*p))
        p++;
    if (p != end && !allow_trailing)
        goto invalid;
    if (pconsumed)
        *pconsumed = p - s;
    PyObject *v = parse_digits(digits, digits_end - digits, ndigits, base);
    if (v != NULL && neg) {
        PyObject *t = _PyLong_Negate(v);
        Py_DECREF(v);
        v = t;
    }
    return v;
invalid:
    if (pconsumed)
        *pconsumed = p - s;
    return NULL;
}

static PyObject *invalid_literal(PyObject *obj, int base)
{
    PyObject *r = PyObject_Repr(obj);
    if (r == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(r) > 200) {
        PyObject *t = PyUnicode_Substring(r, 0, 200);
        Py_DECREF(r);
        if (t == NULL)
            return NULL;
        r = t;
    }
    PyErr_Format(PyExc_ValueError, "invalid literal for int() with base %d: %U", base, r);
    Py_DECREF(r);
    return NULL;
}

PyObject *PyLong_FromString(const char *str, char **pend, int base)
{
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    Py_ssize_t len = (Py_ssize_t)strlen(str), used = 0;
    PyObject *v = parse_int_text(str, len, base, &used, pend != NULL);
    if (pend)
        *pend = (char *)str + used;
    if (v == NULL && !PyErr_Occurred()) {
        PyObject *s = PyUnicode_FromStringAndSize(str, Py_MIN(len, 200));
        if (s != NULL) {
            invalid_literal(s, base);
            Py_DECREF(s);
        }
    }
    return v;
}

PyObject *_PyLong_FromBytes(const char *s, Py_ssize_t len, int base)
{
    PyObject *v = parse_int_text(s, len, base, NULL, 0);
    if (v == NULL && !PyErr_Occurred()) {
        PyObject *b = PyBytes_FromStringAndSize(s, len);
        if (b != NULL) {
            invalid_literal(b, base);
            Py_DECREF(b);
        }
    }
    return v;
}

/* Map a str to ASCII for parsing: Unicode decimal digits to '0'-'9', Unicode whitespace to
 * ' '; anything else non-ASCII becomes '?' so that parsing fails. Malloc'ed result. */
char *_KrUnicode_ToASCIINumeric(PyObject *u, Py_ssize_t *plen)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(u);
    char *buf = PyMem_Malloc((size_t)n + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int kind = PyUnicode_KIND(u);
    const void *data = PyUnicode_DATA(u);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 128)
            buf[i] = (char)ch;
        else if (Py_UNICODE_ISSPACE(ch))
            buf[i] = ' ';
        else {
            int dv = _PyUnicode_ToDecimalDigit(ch);
            buf[i] = dv >= 0 ? (char)('0' + dv) : '?';
        }
    }
    buf[n] = '\0';
    *plen = n;
    return buf;
}

PyObject *PyLong_FromUnicodeObject(PyObject *u, int base)
{
    Py_ssize_t len;
    char *buf = _KrUnicode_ToASCIINumeric(u, &len);
    if (buf == NULL)
        return NULL;
    /* an embedded NUL must not end the text early */
    PyObject *v = parse_int_text(buf, len, base, NULL, 0);
    PyMem_Free(buf);
    if (v == NULL && !PyErr_Occurred())
        invalid_literal(u, base);
    return v;
}

PyObject *_PyLong_FromStrObject(PyObject *obj, int base)
{
    if (PyUnicode_Check(obj))
        return PyLong_FromUnicodeObject(obj, base);
    if (PyBytes_Check(obj))
        return _PyLong_FromBytes(PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), base);
    if (PyByteArray_Check(obj))
        return _PyLong_FromBytes(PyByteArray_AS_STRING(obj), PyByteArray_GET_SIZE(obj), base);
    PyErr_BadInternalCall();
    return NULL;
}
