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

/* x[0:m] += y[0:n] (m >= n); returns the carry out of x[m-1]. */
static digit v_iadd(digit *x, Py_ssize_t m, const digit *y, Py_ssize_t n)
{
    digit carry = 0;
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        carry += x[i] + y[i];
        x[i] = carry & MASK;
        carry >>= SHIFT;
    }
    for (; carry && i < m; i++) {
        carry += x[i];
        x[i] = carry & MASK;
        carry >>= SHIFT;
    }
    return carry;
}

/* x[0:m] -= y[0:n] (m >= n); returns the borrow out of x[m-1]. */
static digit v_isub(digit *x, Py_ssize_t m, const digit *y, Py_ssize_t n)
{
    digit borrow = 0;
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        borrow = x[i] - y[i] - borrow;
        x[i] = borrow & MASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    for (; borrow && i < m; i++) {
        borrow = x[i] - borrow;
        x[i] = borrow & MASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    return borrow;
}

/* z[0:m] = a[0:m] << d (0 <= d < SHIFT); returns the bits shifted out. */
static digit v_lshift(digit *z, const digit *a, Py_ssize_t m, int d)
{
    digit carry = 0;
    for (Py_ssize_t i = 0; i < m; i++) {
        twodigits acc = ((twodigits)a[i] << d) | carry;
        z[i] = (digit)acc & MASK;
        carry = (digit)(acc >> SHIFT);
    }
    return carry;
}

/* z[0:m] = a[0:m] >> d (0 <= d < SHIFT); returns the bits shifted out (low d bits). */
static digit v_rshift(digit *z, const digit *a, Py_ssize_t m, int d)
{
    digit carry = 0;
    digit mask = ((digit)1 << d) - 1U;
    for (Py_ssize_t i = m; i-- > 0;) {
        twodigits acc = ((twodigits)carry << SHIFT) | a[i];
        carry = (digit)acc & mask;
        z[i] = (digit)(acc >> d);
    }
    return carry;
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

/* r[0:na+nb] = a * b, schoolbook. r must not overlap a or b. */
static void mul_school(const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb, digit *r)
{
    memset(r, 0, (size_t)(na + nb) * sizeof(digit));
    if (a == b && na == nb) {
        /* Squaring: each cross product is needed twice, so compute it once. */
        for (Py_ssize_t i = 0; i < na; i++) {
            twodigits f = a[i];
            digit *pz = r + (i << 1);
            twodigits carry = *pz + f * f;
            *pz++ = (digit)(carry & MASK);
            carry >>= SHIFT;
            f <<= 1;
            for (Py_ssize_t j = i + 1; j < na; j++) {
                carry += *pz + a[j] * f;
                *pz++ = (digit)(carry & MASK);
                carry >>= SHIFT;
            }
            while (carry) {
                carry += *pz;
                *pz++ = (digit)(carry & MASK);
                carry >>= SHIFT;
            }
        }
        return;
    }
    for (Py_ssize_t i = 0; i < na; i++) {
        twodigits f = a[i];
        if (f == 0)
            continue;
        twodigits carry = 0;
        digit *pz = r + i;
        for (Py_ssize_t j = 0; j < nb; j++) {
            carry += pz[j] + b[j] * f;
            pz[j] = (digit)(carry & MASK);
            carry >>= SHIFT;
        }
        pz[nb] = (digit)carry;
    }
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
    digit *zd = z->long_value.ob_digit;
    const digit *ad = a->long_value.ob_digit, *bd = b->long_value.ob_digit;
    digit carry = 0;
    Py_ssize_t i;
    for (i = 0; i < nb; i++) {
        carry += ad[i] + bd[i];
        zd[i] = carry & MASK;
        carry >>= SHIFT;
    }
    for (; i < na; i++) {
        carry += ad[i];
        zd[i] = carry & MASK;
        carry >>= SHIFT;
    }
    zd[i] = carry;
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
    memcpy(z->long_value.ob_digit, a->long_value.ob_digit, (size_t)na * sizeof(digit));
    v_isub(z->long_value.ob_digit, na, b->long_value.ob_digit, nb);
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
    int sign = _KrLong_SIGN(a) * _KrLong_SIGN(b);
    _PyLong_SetSignAndDigitCount(z, sign, na + nb);
    return _KrLong_Finish(z);
}

/* Knuth's algorithm D: q[0:na-nb+1] = a / b, r[0:nb] = a % b, for nb >= 2 and
 * na >= nb, b normalised (top digit non-zero). */
static int x_divrem(const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb, digit *q,
                    digit *r)
{
    digit *v = PyMem_Malloc((size_t)(na + 1 + nb) * sizeof(digit));
    if (v == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    digit *w = v + na + 1;
    /* Scale so the divisor's top digit has its high bit set: the trial quotient from the
     * top two digits is then off by at most two. */
    int d = 0;
    for (digit top = b[nb - 1]; top < ((digit)1 << (SHIFT - 1)); top <<= 1)
        d++;
    v_lshift(w, b, nb, d);
    v[na] = v_lshift(v, a, na, d);
    digit wtop = w[nb - 1], wnext = w[nb - 2];
    for (Py_ssize_t j = na - nb; j >= 0; j--) {
        digit *vj = v + j;
        digit vtop = vj[nb];
        twodigits vv = ((twodigits)vtop << SHIFT) | vj[nb - 1];
        twodigits qh = vv / wtop;
        twodigits rh = vv - qh * wtop;
        while (qh >= BASE || qh * wnext > ((rh << SHIFT) | vj[nb - 2])) {
            qh--;
            rh += wtop;
            if (rh >= BASE)
                break;
        }
        /* vj[0:nb+1] -= qh * w */
        twodigits carry = 0;
        for (Py_ssize_t i = 0; i < nb; i++) {
            twodigits prod = qh * w[i] + carry;
            digit lo = (digit)(prod & MASK);
            carry = prod >> SHIFT;
            if (vj[i] < lo) {
                vj[i] = vj[i] + PyLong_BASE - lo;
                carry++;
            }
            else
                vj[i] -= lo;
        }
        if ((twodigits)vtop < carry) {
            /* the trial digit was one too large: add the divisor back */
            v_iadd(vj, nb, w, nb);
            qh--;
        }
        vj[nb] = 0;
        q[j] = (digit)qh;
    }
    v_rshift(r, v, nb, d);
    PyMem_Free(v);
    return 0;
}

/* Truncating division of magnitudes: *pq = |a| / |b|, *pr = |a| % |b| (fresh, positive,
 * unfinished ints). b must be non-zero. */
static int x_divmod(PyLongObject *a, PyLongObject *b, PyLongObject **pq, PyLongObject **pr)
{
    Py_ssize_t na = _PyLong_DigitCount(a), nb = _PyLong_DigitCount(b);
    const digit *ad = a->long_value.ob_digit, *bd = b->long_value.ob_digit;
    PyLongObject *q, *r;
    if (na < nb || (na == nb && ad[na - 1] < bd[nb - 1])) {
        q = _PyLong_New(0);
        r = _PyLong_New(na);
        if (q == NULL || r == NULL)
            goto fail_qr;
        if (na)
            memcpy(r->long_value.ob_digit, ad, (size_t)na * sizeof(digit));
        *pq = q;
        *pr = r;
        return 0;
    }
    if (nb == 1) {
        q = _PyLong_New(na);
        r = _PyLong_New(1);
        if (q == NULL || r == NULL)
            goto fail_qr;
        r->long_value.ob_digit[0] = v_divrem1(q->long_value.ob_digit, ad, na, bd[0]);
        *pq = q;
        *pr = r;
        return 0;
    }
    q = _PyLong_New(na - nb + 1);
    r = _PyLong_New(nb);
    if (q == NULL || r == NULL)
        goto fail_qr;
    if (x_divrem(ad, na, bd, nb, q->long_value.ob_digit, r->long_value.ob_digit) < 0)
        goto fail_qr;
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
    PyLongObject *q, *r;
    if (x_divmod(a, b, &q, &r) < 0)
        return -1;
    int sa = _KrLong_SIGN(a), sb = _KrLong_SIGN(b);
    _PyLong_SetSignAndDigitCount(q, sa * sb, _PyLong_DigitCount(q));
    _PyLong_SetSignAndDigitCount(r, sa, _PyLong_DigitCount(r));
    PyObject *qo = _KrLong_Finish(q);
    PyObject *ro = _KrLong_Finish(r);
    if (!_PyLong_IsZero((PyLongObject *)ro) && sa != sb) {
        /* truncation rounded toward zero; floor needs one step further down */
        PyObject *t = _PyLong_Add((PyLongObject *)ro, b);
        Py_DECREF(ro);
        ro = t;
        if (ro == NULL) {
            Py_DECREF(qo);
            return -1;
        }
        t = _PyLong_Subtract((PyLongObject *)qo, (PyLongObject *)_PyLong_GetOne());
        Py_DECREF(qo);
        qo = t;
        if (qo == NULL) {
            Py_DECREF(ro);
            return -1;
        }
    }
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
    if (x_divmod(a, b, &q, &r) < 0)
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

/* Multiply |a| by a small factor and add a small addend, in place when there is room.
 * Used by the string parsers; returns a new reference (a is consumed). */
PyObject *_KrLong_MulAddSmall(PyObject *aobj, digit factor, digit addend)
{
    PyLongObject *a = (PyLongObject *)aobj;
    Py_ssize_t n = _PyLong_DigitCount(a);
    PyLongObject *z = _PyLong_New(n + 1);
    if (z == NULL) {
        Py_DECREF(aobj);
        return NULL;
    }
    twodigits carry = addend;
    for (Py_ssize_t i = 0; i < n; i++) {
        carry += (twodigits)a->long_value.ob_digit[i] * factor;
        z->long_value.ob_digit[i] = (digit)(carry & MASK);
        carry >>= SHIFT;
    }
    z->long_value.ob_digit[n] = (digit)carry;
    Py_DECREF(aobj);
    return _KrLong_Finish(z);
}

/* Digits of |v| divided in place by a small divisor; returns the remainder. Only for
 * a private, not-yet-shared int (used when printing). */
digit _KrLong_InplaceDivrem1(digit *d, Py_ssize_t n, digit div)
{
    return v_divrem1(d, d, n, div);
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
