/* int: arbitrary-precision integers stored as sign + magnitude in base 2**30.
 *
 * This file holds the object lifecycle (allocation, the immortal small-int cache,
 * normalisation) and the magnitude arithmetic: addition, subtraction, schoolbook and
 * Karatsuba multiplication, Knuth's long division. The number protocol, comparison and
 * hashing built on top of it live in long_ops.c; conversions in long_convert.c; methods
 * and the type object in long_methods.c. */
#include "Python.h"
#include "internal/pycore_inithooks.h"

#define SHIFT PyLong_SHIFT
#define MASK PyLong_MASK
#define BASE ((twodigits)PyLong_BASE)

/* Largest digit count we allow: keeps byte sizes and bit counts inside Py_ssize_t. */
#define MAX_LONG_DIGITS ((PY_SSIZE_T_MAX - offsetof(PyLongObject, long_value.ob_digit)) / \
                         sizeof(digit) / 4)

/* The immortal small ints -5..256: immutable after start-up, shared by every interpreter. */
PyLongObject _Py_SmallInts[_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS];

int _PyLong_InitGlobalObjects(void)
{
    for (int i = -_PY_NSMALLNEGINTS; i < _PY_NSMALLPOSINTS; i++) {
        PyLongObject *v = &_Py_SmallInts[i + _PY_NSMALLNEGINTS];
        v->ob_base.ob_refcnt = _Py_IMMORTAL_REFCNT;
        v->ob_base.ob_type = &PyLong_Type;
        int sign = i < 0 ? -1 : (i > 0 ? 1 : 0);
        _PyLong_SetSignAndDigitCount(v, sign, i != 0);
        v->long_value.ob_digit[0] = (digit)(i < 0 ? -i : i);
    }
    return 0;
}

PyLongObject *_PyLong_New(Py_ssize_t n)
{
    if ((size_t)n > MAX_LONG_DIGITS) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    size_t size = offsetof(PyLongObject, long_value.ob_digit) + sizeof(digit) * (size_t)(n ? n : 1);
    PyLongObject *v = (PyLongObject *)PyObject_Malloc(size);
    if (v == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    v->ob_base.ob_refcnt = 1;
    v->ob_base.ob_type = &PyLong_Type;
    _PyLong_SetSignAndDigitCount(v, n ? 1 : 0, n);
    v->long_value.ob_digit[0] = 0;
    return v;
}

PyObject *_KrLong_Finish(PyLongObject *v)
{
    Py_ssize_t n = _PyLong_DigitCount(v);
    int sign = _KrLong_SIGN(v);
    const digit *d = v->long_value.ob_digit;
    while (n > 0 && d[n - 1] == 0)
        n--;
    if (n == 0) {
        sign = 0;
        v->long_value.ob_digit[0] = 0;
    }
    else if (sign == 0)
        sign = 1;
    _PyLong_SetSignAndDigitCount(v, sign, n);
    if (n <= 1 && Py_IS_TYPE(v, &PyLong_Type)) {
        long ival = sign * (long)d[0];
        if (ival >= -_PY_NSMALLNEGINTS && ival < _PY_NSMALLPOSINTS) {
            Py_DECREF(v);
            return _PyLong_GetSmallInt((int)ival);
        }
    }
    return (PyObject *)v;
}

PyObject *_PyLong_FromDigits(int negative, Py_ssize_t n, const digit *digits)
{
    PyLongObject *v = _PyLong_New(n);
    if (v == NULL)
        return NULL;
    if (n)
        memcpy(v->long_value.ob_digit, digits, (size_t)n * sizeof(digit));
    _PyLong_SetSignAndDigitCount(v, negative ? -1 : 1, n);
    return _KrLong_Finish(v);
}

PyObject *_PyLong_Copy(PyLongObject *src)
{
    if (_PyLong_IsCompact(src)) {
        Py_ssize_t ival = _PyLong_CompactValue(src);
        return PyLong_FromSsize_t(ival);
    }
    return _PyLong_FromDigits(_PyLong_IsNegative(src), _PyLong_DigitCount(src),
                              src->long_value.ob_digit);
}

int _PyLong_IsZero(PyLongObject *v)
{
    return (v->long_value.lv_tag & _PyLong_SIGN_MASK) == 1;
}

int _PyLong_Sign(PyObject *v)
{
    return _KrLong_SIGN((PyLongObject *)v);
}

void _KrLong_Dealloc(PyObject *self)
{
    if (PyLong_CheckExact(self))
        PyObject_Free(self);
    else
        Py_TYPE(self)->tp_free(self);
}

/* ---- digit-vector primitives ------------------------------------------------- */

static Py_ssize_t vnorm(const digit *a, Py_ssize_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

/* Two adjacent digits as one 60-bit value. Adding and subtracting digit pairs halves the
 * loop-carried dependency (add the carry, shift it down), which is what bounds these
 * loops on long operands. */
#define PAIR(p, i) ((twodigits)(p)[i] | ((twodigits)(p)[(i) + 1] << SHIFT))

/* z[0:m] = x[0:m] + y[0:n] (m >= n; z may be x); returns the carry out of z[m-1]. */
static digit v_add(digit *z, const digit *x, Py_ssize_t m, const digit *y, Py_ssize_t n)
{
    twodigits carry = 0;
    Py_ssize_t i = 0;
    for (; i + 2 <= n; i += 2) {
        carry += PAIR(x, i) + PAIR(y, i);
        z[i] = (digit)carry & MASK;
        z[i + 1] = (digit)(carry >> SHIFT) & MASK;
        carry >>= 2 * SHIFT;
    }
    for (; i < n; i++) {
        carry += (twodigits)x[i] + y[i];
        z[i] = (digit)carry & MASK;
        carry >>= SHIFT;
    }
    for (; carry && i < m; i++) {
        carry += x[i];
        z[i] = (digit)carry & MASK;
        carry >>= SHIFT;
    }
    if (z != x && i < m)
        memcpy(z + i, x + i, (size_t)(m - i) * sizeof(digit));
    return (digit)carry;
}

/* z[0:m] = x[0:m] - y[0:n] (m >= n; z may be x); returns the borrow out of z[m-1]. */
static digit v_sub(digit *z, const digit *x, Py_ssize_t m, const digit *y, Py_ssize_t n)
{
    stwodigits borrow = 0; /* 0 or -1 */
    Py_ssize_t i = 0;
    for (; i + 2 <= n; i += 2) {
        borrow += (stwodigits)PAIR(x, i) - (stwodigits)PAIR(y, i);
        z[i] = (digit)borrow & MASK;
        z[i + 1] = (digit)((twodigits)borrow >> SHIFT) & MASK;
        borrow = borrow < 0 ? -1 : 0;
    }
    for (; i < n; i++) {
        borrow += (stwodigits)x[i] - (stwodigits)y[i];
        z[i] = (digit)borrow & MASK;
        borrow = borrow < 0 ? -1 : 0;
    }
    for (; borrow && i < m; i++) {
        borrow += x[i];
        z[i] = (digit)borrow & MASK;
        borrow = borrow < 0 ? -1 : 0;
    }
    if (z != x && i < m)
        memcpy(z + i, x + i, (size_t)(m - i) * sizeof(digit));
    return borrow ? 1 : 0;
}

/* x[0:m] += y[0:n] (m >= n); returns the carry out of x[m-1]. */
static digit v_iadd(digit *x, Py_ssize_t m, const digit *y, Py_ssize_t n)
{
    return v_add(x, x, m, y, n);
}

/* x[0:m] -= y[0:n] (m >= n); returns the borrow out of x[m-1]. */
static digit v_isub(digit *x, Py_ssize_t m, const digit *y, Py_ssize_t n)
{
    return v_sub(x, x, m, y, n);
}

/* Divide a[0:n] by a single digit, quotient to q; returns the remainder. */
static digit v_divrem1(digit *q, const digit *a, Py_ssize_t n, digit div)
{
    twodigits rem = 0;
    for (Py_ssize_t i = n; i-- > 0;) {
        rem = (rem << SHIFT) | a[i];
        digit hi = (digit)(rem / div);
        rem -= (twodigits)hi * div;
        q[i] = hi;
    }
    return (digit)rem;
}

/* z[0:n] = a[0:n] * f + carry; returns the digit carried out. z may equal a. */
static digit v_mul1(digit *z, const digit *a, Py_ssize_t n, digit f, digit carry)
{
    twodigits acc = carry;
    for (Py_ssize_t i = 0; i < n; i++) {
        acc += (twodigits)a[i] * f;
        z[i] = (digit)(acc & MASK);
        acc >>= SHIFT;
    }
    return (digit)acc;
}

/* z[0:n] += a[0:n] * f; returns the digit carried out of z[n-1]. */
static digit v_muladd1(digit *z, const digit *a, Py_ssize_t n, digit f)
{
    twodigits acc = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        acc += z[i] + (twodigits)a[i] * f;
        z[i] = (digit)(acc & MASK);
        acc >>= SHIFT;
    }
    return (digit)acc;
}

/* z[0:m] += carry, rippling up; returns what is carried out of z[m-1]. */
static twodigits v_addcarry(digit *z, Py_ssize_t m, twodigits carry)
{
    for (Py_ssize_t i = 0; carry && i < m; i++) {
        carry += z[i];
        z[i] = (digit)(carry & MASK);
        carry >>= SHIFT;
    }
    return carry;
}

/* z[0:m] += (f[0] + f[1]*BASE + f[2]*BASE**2 + f[3]*BASE**3) * b[0:nb], m >= nb + 3.
 *
 * Four rows at once: the 64-bit accumulator has room for four 60-bit products plus the
 * running carry and a digit, and the loop-carried dependency (add the carry, shift it
 * down) is paid once per four products instead of once per product. */
static void v_muladd4(digit *z, Py_ssize_t m, const digit *b, Py_ssize_t nb, const digit *f)
{
    twodigits f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3];
    twodigits acc = 0;
    Py_ssize_t k;
    /* the ramp-up (k < 3) and ramp-down (k >= nb) columns have fewer than four terms */
    for (k = 0; k < 3 && k < nb + 3; k++) {
        acc += z[k];
        if (k < nb)
            acc += f0 * b[k];
        if (k >= 1 && k - 1 < nb)
            acc += f1 * b[k - 1];
        if (k >= 2 && k - 2 < nb)
            acc += f2 * b[k - 2];
        z[k] = (digit)(acc & MASK);
        acc >>= SHIFT;
    }
    for (; k < nb; k++) {
        acc += z[k] + f0 * b[k] + f1 * b[k - 1] + f2 * b[k - 2] + f3 * b[k - 3];
        z[k] = (digit)(acc & MASK);
        acc >>= SHIFT;
    }
    for (; k < nb + 3; k++) {
        acc += z[k];
        if (k - 1 < nb)
            acc += f1 * b[k - 1];
        if (k - 2 < nb)
            acc += f2 * b[k - 2];
        acc += f3 * b[k - 3];
        z[k] = (digit)(acc & MASK);
        acc >>= SHIFT;
    }
    v_addcarry(z + k, m - k, acc);
}

/* r[0:na+nb] = a * b, schoolbook, na <= nb. r must not overlap a or b. */
static void mul_school(const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb, digit *r)
{
    Py_ssize_t nr = na + nb;
    memset(r, 0, (size_t)nr * sizeof(digit));
    if (a == b && na == nb) {
        /* Squaring: the cross products a[i]*a[j] (i < j) are each needed twice, so sum
         * them once, double the sum and add the squares on the diagonal. */
        Py_ssize_t n = na, i = 0;
        for (; i + 4 <= n; i += 4) {
            for (Py_ssize_t s = i; s < i + 3; s++)
                for (Py_ssize_t t = s + 1; t < i + 4; t++)
                    v_addcarry(r + s + t, nr - s - t, (twodigits)a[s] * a[t]);
            if (i + 4 < n)
                v_muladd4(r + 2 * i + 4, nr - 2 * i - 4, a + i + 4, n - i - 4, a + i);
        }
        for (; i < n - 1; i++) {
            digit c = v_muladd1(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
            v_addcarry(r + i + n, nr - i - n, c);
        }
        twodigits acc = 0;
        for (i = 0; i < n; i++) {
            twodigits sq = (twodigits)a[i] * a[i];
            acc += ((twodigits)r[2 * i] << 1) + (sq & MASK);
            r[2 * i] = (digit)(acc & MASK);
            acc >>= SHIFT;
            acc += ((twodigits)r[2 * i + 1] << 1) + (sq >> SHIFT);
            r[2 * i + 1] = (digit)(acc & MASK);
            acc >>= SHIFT;
        }
        return;
    }
    Py_ssize_t i = 0;
    for (; i + 4 <= na; i += 4)
        v_muladd4(r + i, nr - i, b, nb, a + i);
    for (; i < na; i++)
        r[i + nb] = v_muladd1(r + i, b, nb, a[i]);
}

static int kmul(const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb, digit *r);

/* b is at least twice as long as a: multiply slice by slice so each Karatsuba call stays
 * balanced. */
static int kmul_lopsided(const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb, digit *r)
{
    digit *tmp = PyMem_Malloc((size_t)(2 * na) * sizeof(digit));
    if (tmp == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(r, 0, (size_t)(na + nb) * sizeof(digit));
    for (Py_ssize_t i = 0; i < nb; i += na) {
        Py_ssize_t len = Py_MIN(na, nb - i);
        if (kmul(a, na, b + i, len, tmp) < 0) {
            PyMem_Free(tmp);
            return -1;
        }
        v_iadd(r + i, na + nb - i, tmp, na + len);
    }
    PyMem_Free(tmp);
    return 0;
}

/* r[0:na+nb] = a * b. Karatsuba above the cutoff: three half-size products instead of
 * four, which turns O(n**2) into O(n**1.585) for big operands. */
static int kmul(const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb, digit *r)
{
    if (na > nb) {
        const digit *t = a; a = b; b = t;
        Py_ssize_t tn = na; na = nb; nb = tn;
    }
    Py_ssize_t cutoff = (a == b && na == nb) ? _PY_LONG_KARATSUBA_SQUARE_CUTOFF
                                             : _PY_LONG_KARATSUBA_CUTOFF;
    if (na <= cutoff) {
        mul_school(a, na, b, nb, r);
        return 0;
    }
    if (2 * na <= nb)
        return kmul_lopsided(a, na, b, nb, r);
    Py_ssize_t s = nb >> 1;
    Py_ssize_t nah = na - s, nbh = nb - s;
    Py_ssize_t nal = vnorm(a, s), nbl = vnorm(b, s);
    memset(r, 0, (size_t)(na + nb) * sizeof(digit));
    /* high product into r[2s:], low product into r[0:2s] */
    if (kmul(a + s, nah, b + s, nbh, r + 2 * s) < 0)
        return -1;
    if (nal && nbl && kmul(a, nal, b, nbl, r) < 0)
        return -1;
    /* (ah + al) * (bh + bl) */
    /* a's high half may be shorter than its low half when a is the shorter operand */
    Py_ssize_t nsa = Py_MAX(nah, nal) + 1, nsb = Py_MAX(nbh, nbl) + 1;
    digit *buf = PyMem_Malloc((size_t)(2 * (nsa + nsb)) * sizeof(digit));
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    digit *sa = buf, *sb = buf + nsa, *t3 = buf + nsa + nsb;
    memcpy(sa, a + s, (size_t)nah * sizeof(digit));
    memset(sa + nah, 0, (size_t)(nsa - nah) * sizeof(digit));
    v_iadd(sa, nsa, a, nal);
    const digit *pb = sa;
    Py_ssize_t npb = nsa;
    if (!(a == b && na == nb)) {
        memcpy(sb, b + s, (size_t)nbh * sizeof(digit));
        memset(sb + nbh, 0, (size_t)(nsb - nbh) * sizeof(digit));
        v_iadd(sb, nsb, b, nbl);
        pb = sb;
        npb = nsb;
    }
    Py_ssize_t l1 = vnorm(sa, nsa), l2 = vnorm(pb, npb);
    Py_ssize_t nt3 = nsa + nsb;
    memset(t3, 0, (size_t)nt3 * sizeof(digit));
    if (l1 && l2 && kmul(sa, l1, pb, l2, t3) < 0) {
        PyMem_Free(buf);
        return -1;
    }
    /* middle term = t3 - high - low, added in at digit s */
    v_isub(t3, nt3, r + 2 * s, vnorm(r + 2 * s, na + nb - 2 * s));
    v_isub(t3, nt3, r, vnorm(r, 2 * s));
    Py_ssize_t lt3 = vnorm(t3, nt3);
    Py_ssize_t room = na + nb - s;
    if (lt3 > room)
        lt3 = room;
    v_iadd(r + s, room, t3, lt3);
    PyMem_Free(buf);
    return 0;
}

/* ---- magnitude operations on int objects -------------------------------------- */

/* |a| + |b| as a fresh positive (not yet finished) int. */
static PyLongObject *x_add(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = _PyLong_DigitCount(a), nb = _PyLong_DigitCount(b);
    if (na < nb) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t tn = na; na = nb; nb = tn;
    }
    PyLongObject *z = _PyLong_New(na + 1);
    if (z == NULL)
        return NULL;
    z->long_value.ob_digit[na] =
        v_add(z->long_value.ob_digit, a->long_value.ob_digit, na, b->long_value.ob_digit, nb);
    return z;
}

/* |a| - |b| with its sign, as a fresh (not yet finished) int. */
static PyLongObject *x_sub(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = _PyLong_DigitCount(a), nb = _PyLong_DigitCount(b);
    int sign = 1;
    if (na < nb) {
        sign = -1;
    }
    else if (na == nb) {
        Py_ssize_t i = na;
        while (--i >= 0 && a->long_value.ob_digit[i] == b->long_value.ob_digit[i])
            ;
        if (i < 0)
            return _PyLong_New(0);
        if (a->long_value.ob_digit[i] < b->long_value.ob_digit[i])
            sign = -1;
        na = nb = i + 1;
    }
    if (sign < 0) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t tn = na; na = nb; nb = tn;
    }
    PyLongObject *z = _PyLong_New(na);
    if (z == NULL)
        return NULL;
    v_sub(z->long_value.ob_digit, a->long_value.ob_digit, na, b->long_value.ob_digit, nb);
    _PyLong_SetSignAndDigitCount(z, sign, na);
    return z;
}

PyObject *_PyLong_Add(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_IsCompact(a) && _PyLong_IsCompact(b))
        return PyLong_FromSsize_t(_PyLong_CompactValue(a) + _PyLong_CompactValue(b));
    PyLongObject *z;
    if (_PyLong_IsNegative(a)) {
        if (_PyLong_IsNegative(b)) {
            z = x_add(a, b);
            if (z)
                _PyLong_SetSignAndDigitCount(z, -1, _PyLong_DigitCount(z));
        }
        else
            z = x_sub(b, a);
    }
    else
        z = _PyLong_IsNegative(b) ? x_sub(a, b) : x_add(a, b);
    return z ? _KrLong_Finish(z) : NULL;
}

PyObject *_PyLong_Subtract(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_IsCompact(a) && _PyLong_IsCompact(b))
        return PyLong_FromSsize_t(_PyLong_CompactValue(a) - _PyLong_CompactValue(b));
    PyLongObject *z;
    if (_PyLong_IsNegative(a)) {
        if (_PyLong_IsNegative(b))
            z = x_sub(b, a);
        else {
            z = x_add(a, b);
            if (z)
                _PyLong_SetSignAndDigitCount(z, -1, _PyLong_DigitCount(z));
        }
    }
    else
        z = _PyLong_IsNegative(b) ? x_add(a, b) : x_sub(a, b);
    return z ? _KrLong_Finish(z) : NULL;
}

PyObject *_PyLong_Multiply(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_IsCompact(a) && _PyLong_IsCompact(b)) {
        int64_t v = (int64_t)_PyLong_CompactValue(a) * (int64_t)_PyLong_CompactValue(b);
        return PyLong_FromLongLong(v);
    }
    Py_ssize_t na = _PyLong_DigitCount(a), nb = _PyLong_DigitCount(b);
    if (na == 0 || nb == 0)
        return Py_NewRef(_PyLong_GetZero());
    if (na > nb) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t tn = na; na = nb; nb = tn;
    }
    int sign = _KrLong_SIGN(a) * _KrLong_SIGN(b);
    if (na == 1) {
        /* big * small (k * x, 10 * x): one pass, no temporaries */
        PyLongObject *z = _PyLong_New(nb + 1);
        if (z == NULL)
            return NULL;
        digit *zd = z->long_value.ob_digit;
        zd[nb] = v_mul1(zd, b->long_value.ob_digit, nb, a->long_value.ob_digit[0], 0);
        _PyLong_SetSignAndDigitCount(z, sign, nb + 1);
        return _KrLong_Finish(z);
    }
    PyLongObject *z = _PyLong_New(na + nb);
    if (z == NULL)
        return NULL;
    const digit *ad = a->long_value.ob_digit, *bd = b->long_value.ob_digit;
    if (a == b)
        bd = ad;
    if (kmul(ad, na, bd, nb, z->long_value.ob_digit) < 0) {
        Py_DECREF(z);
        return NULL;
    }
    _PyLong_SetSignAndDigitCount(z, sign, na + nb);
    return _KrLong_Finish(z);
}

/* Arithmetic right shift of a signed accumulator (floor division by 2**SHIFT). */
#if defined(__GNUC__) || defined(__clang__)
#define SAR_SHIFT(x) ((x) >> SHIFT)
#else
#define SAR_SHIFT(x) ((x) < 0 ? ~(~(x) >> SHIFT) : (x) >> SHIFT)
#endif

/* Knuth's algorithm D on unshifted digits: q[0:na-nb+1] = a / b and the remainder left
 * in u[0:nb], where u[0:na+1] holds a followed by a zero digit on entry. nb >= 2,
 * na >= nb, b's top digit non-zero.
 *
 * Knuth normalises both operands so the divisor's top digit has its high bit set; the
 * trial quotient only ever looks at the top three digits of the scaled remainder and the
 * top two of the scaled divisor, so those are formed on the fly from the unscaled digits
 * and the multiply-subtract runs on the unscaled values (the quotient of two numbers
 * scaled alike is the same). That saves shifting both operands in and the remainder
 * back out: for the short quotients of most big-int code this is most of the work. */
static void x_divrem(digit *u, Py_ssize_t na, const digit *b, Py_ssize_t nb, digit *q)
{
    int d = 0;
    for (digit top = b[nb - 1]; top < ((digit)1 << (SHIFT - 1)); top <<= 1)
        d++;
    int rd = SHIFT - d; /* in 1..30: digits are below 2**30, so >> 30 yields 0 */
#define SCALED(x, k) ((digit)((((x)[k] << d) | ((k) > 0 ? (x)[(k) - 1] >> rd : 0)) & MASK))
    digit wtop = SCALED(b, nb - 1), wnext = SCALED(b, nb - 2);
    for (Py_ssize_t j = na - nb; j >= 0; j--) {
        digit *uj = u + j;
        Py_ssize_t k = j + nb;
        digit vtop = SCALED(u, k), vnext = SCALED(u, k - 1), vthird = SCALED(u, k - 2);
        twodigits vv = ((twodigits)vtop << SHIFT) | vnext;
        twodigits qh = vv / wtop;
        twodigits rh = vv - qh * wtop;
        while (qh >= BASE || qh * wnext > ((rh << SHIFT) | vthird)) {
            qh--;
            rh += wtop;
            if (rh >= BASE)
                break;
        }
        /* uj[0:nb+1] -= qh * b, with a signed carry that stays within 64 bits */
        stwodigits zhi = 0;
        for (Py_ssize_t i = 0; i < nb; i++) {
            stwodigits z = (stwodigits)uj[i] + zhi - (stwodigits)(qh * b[i]);
            uj[i] = (digit)z & MASK;
            zhi = SAR_SHIFT(z);
        }
        if ((stwodigits)uj[nb] + zhi < 0) {
            /* the trial digit was one too large: add the divisor back */
            v_iadd(uj, nb, b, nb);
            qh--;
        }
        uj[nb] = 0;
        q[j] = (digit)qh;
    }
#undef SCALED
}

/* Division of magnitudes: *pq = |a| / |b|, *pr = |a| % |b| (fresh, positive, unfinished
 * ints), truncated; or, with floor set (the operands' signs differ), the magnitudes of
 * the floor quotient and remainder: |q| + 1 and |b| - |r| when |r| is non-zero. Both
 * objects get room for that adjustment, so it is done in place. b must be non-zero. */
static int x_divmod(PyLongObject *a, PyLongObject *b, PyLongObject **pq, PyLongObject **pr,
                    int floor)
{
    Py_ssize_t na = _PyLong_DigitCount(a), nb = _PyLong_DigitCount(b);
    const digit *ad = a->long_value.ob_digit, *bd = b->long_value.ob_digit;
    PyLongObject *q, *r;
    Py_ssize_t nq, nr;
    if (na < nb || (na == nb && ad[na - 1] < bd[nb - 1])) {
        nq = 1;
        nr = na;
        q = _PyLong_New(1);
        r = _PyLong_New(Py_MAX(na, nb));
        if (q == NULL || r == NULL)
            goto fail_qr;
        q->long_value.ob_digit[0] = 0;
        if (na)
            memcpy(r->long_value.ob_digit, ad, (size_t)na * sizeof(digit));
    }
    else if (nb == 1) {
        nq = na + 1;
        nr = 1;
        q = _PyLong_New(nq);
        r = _PyLong_New(1);
        if (q == NULL || r == NULL)
            goto fail_qr;
        r->long_value.ob_digit[0] = v_divrem1(q->long_value.ob_digit, ad, na, bd[0]);
        q->long_value.ob_digit[na] = 0;
    }
    else {
        nq = na - nb + 2;
        nr = nb;
        q = _PyLong_New(nq);
        /* A short quotient leaves a remainder nearly as long as the dividend: then the
         * remainder object itself is the working copy. */
        int inplace = na - nb < 16 + nb / 8;
        r = _PyLong_New(inplace ? na + 1 : nb);
        if (q == NULL || r == NULL)
            goto fail_qr;
        digit *u = inplace ? r->long_value.ob_digit
                           : PyMem_Malloc((size_t)(na + 1) * sizeof(digit));
        if (u == NULL) {
            PyErr_NoMemory();
            goto fail_qr;
        }
        memcpy(u, ad, (size_t)na * sizeof(digit));
        u[na] = 0;
        x_divrem(u, na, bd, nb, q->long_value.ob_digit);
        q->long_value.ob_digit[nq - 1] = 0;
        if (!inplace) {
            memcpy(r->long_value.ob_digit, u, (size_t)nb * sizeof(digit));
            PyMem_Free(u);
        }
    }
    digit *rd = r->long_value.ob_digit;
    if (floor && vnorm(rd, nr) > 0) {
        /* r < |b|, so no borrow; q + 1 fits the spare top digit */
        v_sub(rd, bd, nb, rd, nr);
        nr = nb;
        v_addcarry(q->long_value.ob_digit, nq, 1);
    }
    _PyLong_SetSignAndDigitCount(q, 1, nq);
    _PyLong_SetSignAndDigitCount(r, 1, nr);
    *pq = q;
    *pr = r;
    return 0;
fail_qr:
    Py_XDECREF(q);
    Py_XDECREF(r);
    return -1;
}

/* Python's floor division and modulo: the remainder takes the divisor's sign. */
int _PyLong_FloorDivmod(PyLongObject *a, PyLongObject *b, PyLongObject **pdiv,
                        PyLongObject **pmod)
{
    if (_PyLong_IsZero(b)) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return -1;
    }
    if (_PyLong_IsCompact(a) && _PyLong_IsCompact(b)) {
        /* compact values fit 31 bits: 32-bit division is much cheaper than 64-bit */
        int32_t x = (int32_t)_PyLong_CompactValue(a), y = (int32_t)_PyLong_CompactValue(b);
        int32_t q = x / y, m = x % y;
        if (m && ((m < 0) != (y < 0))) {
            m += y;
            q--;
        }
        if (pdiv) {
            *pdiv = (PyLongObject *)PyLong_FromSsize_t(q);
            if (*pdiv == NULL)
                return -1;
        }
        if (pmod) {
            *pmod = (PyLongObject *)PyLong_FromSsize_t(m);
            if (*pmod == NULL) {
                if (pdiv)
                    Py_CLEAR(*pdiv);
                return -1;
            }
        }
        return 0;
    }
    int sa = _KrLong_SIGN(a), sb = _KrLong_SIGN(b);
    PyLongObject *q, *r;
    if (x_divmod(a, b, &q, &r, sa != sb) < 0)
        return -1;
    /* the remainder takes the divisor's sign */
    _PyLong_SetSignAndDigitCount(q, sa * sb, _PyLong_DigitCount(q));
    _PyLong_SetSignAndDigitCount(r, sb, _PyLong_DigitCount(r));
    PyObject *qo = _KrLong_Finish(q);
    PyObject *ro = _KrLong_Finish(r);
    if (pdiv)
        *pdiv = (PyLongObject *)qo;
    else
        Py_DECREF(qo);
    if (pmod)
        *pmod = (PyLongObject *)ro;
    else
        Py_DECREF(ro);
    return 0;
}

/* Truncating division (C semantics); used by conversions and gcd. */
int _KrLong_DivRemTrunc(PyLongObject *a, PyLongObject *b, PyObject **pq, PyObject **pr)
{
    if (_PyLong_IsZero(b)) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return -1;
    }
    PyLongObject *q, *r;
    if (x_divmod(a, b, &q, &r, 0) < 0)
        return -1;
    int sa = _KrLong_SIGN(a), sb = _KrLong_SIGN(b);
    _PyLong_SetSignAndDigitCount(q, sa * sb, _PyLong_DigitCount(q));
    _PyLong_SetSignAndDigitCount(r, sa, _PyLong_DigitCount(r));
    PyObject *qo = _KrLong_Finish(q), *ro = _KrLong_Finish(r);
    if (pq)
        *pq = qo;
    else
        Py_DECREF(qo);
    if (pr)
        *pr = ro;
    else
        Py_DECREF(ro);
    return 0;
}

/* Multiply digit vectors (no aliasing with r): r[0:na+nb] = a * b. */
int _KrLong_MulDigits(const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb, digit *r)
{
    if (na == 0 || nb == 0) {
        memset(r, 0, (size_t)(na + nb) * sizeof(digit));
        return 0;
    }
    return kmul(a, na, b, nb, r);
}
