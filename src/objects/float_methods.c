/* float: construction, rounding, hex conversion and the other methods of float. */
#include "Python.h"
#include <math.h>
#include <float.h>

#define F(o) PyFloat_AS_DOUBLE(o)

/* ---- construction -------------------------------------------------------------------- */

static PyObject *float_from_arg(PyObject *x)
{
    if (x == NULL)
        return PyFloat_FromDouble(0.0);
    if (PyUnicode_CheckExact(x))
        return PyFloat_FromString(x);
    return PyNumber_Float(x);
}

static PyObject *float_subtype_new(PyTypeObject *type, PyObject *x)
{
    PyObject *tmp = float_from_arg(x);
    if (tmp == NULL)
        return NULL;
    PyObject *obj = type->tp_alloc(type, 0);
    if (obj != NULL)
        ((PyFloatObject *)obj)->ob_fval = F(tmp);
    Py_DECREF(tmp);
    return obj;
}

PyObject *_KrFloat_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* keywords are only tolerated for subclasses whose own __init__ may want them */
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0 &&
        (type == &PyFloat_Type || type->tp_init == PyFloat_Type.tp_init)) {
        PyErr_SetString(PyExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "float expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *x = nargs ? PyTuple_GET_ITEM(args, 0) : NULL;
    if (type != &PyFloat_Type)
        return float_subtype_new(type, x);
    return float_from_arg(x);
}

PyObject *_KrFloat_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                              PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "float expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (type != (PyObject *)&PyFloat_Type)
        return float_subtype_new((PyTypeObject *)type, nargs ? args[0] : NULL);
    return float_from_arg(nargs ? args[0] : NULL);
}

/* ---- simple methods ------------------------------------------------------------------ */

static PyObject *float_self(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyFloat_CheckExact(self))
        return Py_NewRef(self);
    return PyFloat_FromDouble(F(self));
}

static PyObject *float_trunc(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(F(self));
}

static PyObject *float_floor(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(floor(F(self)));
}

static PyObject *float_ceil(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(ceil(F(self)));
}

static PyObject *float_is_integer(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = F(self);
    if (!isfinite(x))
        Py_RETURN_FALSE;
    if (floor(x) == x)
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static PyObject *float_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *v = PyFloat_FromDouble(F(self));
    if (v == NULL)
        return NULL;
    PyObject *t = PyTuple_New(1);
    if (t == NULL) {
        Py_DECREF(v);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, v);
    return t;
}

static PyObject *float_getformat(PyObject *type, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "__getformat__() argument must be str, not %T", arg);
        return NULL;
    }
    if (!_PyUnicode_EqualToASCIIString(arg, "double") &&
        !_PyUnicode_EqualToASCIIString(arg, "float")) {
        PyErr_SetString(PyExc_ValueError,
                        "__getformat__() argument 1 must be 'double' or 'float'");
        return NULL;
    }
    return PyUnicode_FromString("IEEE, little-endian");
}

static PyObject *float_format(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %T", spec);
        return NULL;
    }
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    if (_PyFloat_FormatAdvancedWriter(&writer, self, spec, 0, PyUnicode_GET_LENGTH(spec)) < 0) {
        _PyUnicodeWriter_Dealloc(&writer);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&writer);
}

/* ---- exact ratio --------------------------------------------------------------------- */

static PyObject *float_as_integer_ratio(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = F(self);
    if (isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(x, &e);
    /* scale the mantissa up until it is an integer: at most DBL_MANT_DIG steps */
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    PyObject *num = PyLong_FromDouble(m), *den = NULL;
    if (num == NULL)
        return NULL;
    if (e > 0) {
        Py_SETREF(num, _PyLong_Lshift(num, e));
        if (num == NULL)
            return NULL;
        den = PyLong_FromLong(1);
    }
    else
        den = _PyLong_Lshift(_PyLong_GetOne(), -e);
    if (den == NULL) {
        Py_DECREF(num);
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(num);
        Py_DECREF(den);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, num);
    PyTuple_SET_ITEM(t, 1, den);
    return t;
}

/* ---- rounding ------------------------------------------------------------------------ */

/* x rounded to ndigits decimal places, correctly (half to even on the exact binary value). */
static PyObject *double_round(double x, int ndigits)
{
    if (ndigits >= 0) {
        /* printf formats the exact binary value, so "%.*f" is correctly rounded */
        size_t cap = (size_t)ndigits + 330;
        char *buf = PyMem_Malloc(cap);
        if (buf == NULL)
            return PyErr_NoMemory();
        snprintf(buf, cap, "%.*f", ndigits, x);
        double r = strtod(buf, NULL);
        PyMem_Free(buf);
        if (isinf(r)) {
            PyErr_SetString(PyExc_OverflowError, "rounded value too large to represent");
            return NULL;
        }
        return PyFloat_FromDouble(r);
    }
    /* multiples of 10**-ndigits: exact rational arithmetic on x = num / den */
    PyObject *self = PyFloat_FromDouble(x);
    if (self == NULL)
        return NULL;
    PyObject *ratio = float_as_integer_ratio(self, NULL);
    Py_DECREF(self);
    if (ratio == NULL)
        return NULL;
    PyObject *ten = PyLong_FromLong(10), *k = PyLong_FromLong(-ndigits);
    PyObject *p = NULL, *scaled = NULL, *qr = NULL, *res = NULL;
    if (ten == NULL || k == NULL)
        goto done;
    p = _PyLong_Pow(ten, k, NULL);
    if (p == NULL)
        goto done;
    scaled = _PyLong_Multiply((PyLongObject *)PyTuple_GET_ITEM(ratio, 1), (PyLongObject *)p);
    if (scaled == NULL)
        goto done;
    qr = _PyLong_DivmodNear(PyTuple_GET_ITEM(ratio, 0), scaled);
    if (qr == NULL)
        goto done;
    {
        PyObject *v = _PyLong_Multiply((PyLongObject *)PyTuple_GET_ITEM(qr, 0), (PyLongObject *)p);
        if (v == NULL)
            goto done;
        double r = PyLong_AsDouble(v);
        Py_DECREF(v);
        if (r == -1.0 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_Clear();
                PyErr_SetString(PyExc_OverflowError, "rounded value too large to represent");
            }
            goto done;
        }
        if (r == 0.0)
            r = copysign(0.0, x);
        res = PyFloat_FromDouble(r);
    }
done:
    Py_DECREF(ratio);
    Py_XDECREF(ten);
    Py_XDECREF(k);
    Py_XDECREF(p);
    Py_XDECREF(scaled);
    Py_XDECREF(qr);
    return res;
}

static PyObject *float_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("__round__", nargs, 0, 1))
        return NULL;
    double x = F(self);
    if (nargs == 0 || args[0] == Py_None) {
        double rounded = round(x);
        if (fabs(x - rounded) == 0.5)
            rounded = 2.0 * round(x / 2.0); /* halfway: go to the even neighbour */
        return PyLong_FromDouble(rounded);
    }
    Py_ssize_t ndigits = PyNumber_AsSsize_t(args[0], NULL);
    if (ndigits == -1 && PyErr_Occurred())
        return NULL;
    if (!isfinite(x) || x == 0.0)
        return PyFloat_FromDouble(x);
    /* beyond these every digit is kept, or every digit is lost */
    if (ndigits > 323)
        return PyFloat_FromDouble(x);
    if (ndigits < -308)
        return PyFloat_FromDouble(0.0 * x);
    return double_round(x, (int)ndigits);
}

/* ---- hexadecimal --------------------------------------------------------------------- */

static PyObject *float_hex(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = F(self);
    if (isnan(x) || isinf(x))
        return PyObject_Repr(self);
    char buf[64];
    if (x == 0.0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", signbit(x) ? "-" : "");
        return PyUnicode_FromString(buf);
    }
    int e;
    double m = frexp(fabs(x), &e);
    /* normal numbers print as 0x1.xxxp+e; subnormals keep the minimum exponent */
    int shift = 1 - Py_MAX(DBL_MIN_EXP - e, 0);
    m = ldexp(m, shift);
    e -= shift;
    char *p = buf;
    if (x < 0)
        *p++ = '-';
    *p++ = '0';
    *p++ = 'x';
    int d = (int)m;
    *p++ = "0123456789abcdef"[d];
    m -= d;
    *p++ = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        d = (int)m;
        *p++ = "0123456789abcdef"[d];
        m -= d;
    }
    snprintf(p, sizeof buf - (size_t)(p - buf), "p%+d", e);
    return PyUnicode_FromString(buf);
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int is_space_char(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static PyObject *float_fromhex(PyObject *type, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "fromhex() argument must be str, not %T", arg);
        return NULL;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
    if (s == NULL)
        return NULL;
    const char *p = s, *end = s + len;
    double result;
    while (p < end && is_space_char((unsigned char)*p))
        p++;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    /* inf / infinity / nan */
    {
        int special;
        Py_ssize_t n = _Kr_FloatLiteralLength(p, &special);
        if (special && n > 0 && *p != '+' && *p != '-') {
            result = special == 1 ? HUGE_VAL : NAN;
            p += n;
            goto finish;
        }
    }
    if (end - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        p += 2;
    const char *int_start = p;
    while (p < end && hexval((unsigned char)*p) >= 0)
        p++;
    const char *int_end = p, *frac_start = p, *frac_end = p;
    if (p < end && *p == '.') {
        p++;
        frac_start = p;
        while (p < end && hexval((unsigned char)*p) >= 0)
            p++;
        frac_end = p;
    }
    if (int_end == int_start && frac_end == frac_start)
        goto invalid;
    long long pexp = 0;
    if (p < end && (*p == 'p' || *p == 'P')) {
        p++;
        int eneg = 0;
        if (p < end && (*p == '+' || *p == '-')) {
            eneg = *p == '-';
            p++;
        }
        if (p >= end || !(*p >= '0' && *p <= '9'))
            goto invalid;
        while (p < end && *p >= '0' && *p <= '9') {
            if (pexp < 1000000000LL)
                pexp = pexp * 10 + (*p - '0');
            p++;
        }
        if (eneg)
            pexp = -pexp;
    }
    {
        /* value = (hex digits as an integer) * 2**e2 */
        long long e2 = pexp - 4LL * (frac_end - frac_start);
        uint64_t m = 0;
        int nb = 0, sticky = 0;
        long long dropped = 0;
        for (const char *q = int_start; q < frac_end; q++) {
            if (q == int_end) {
                q = frac_start - 1;
                continue;
            }
            int v = hexval((unsigned char)*q);
            if (nb == 0 && v == 0)
                continue;
            if (nb <= 56) {
                m = (m << 4) | (uint64_t)v;
                nb = 0;
                for (uint64_t t = m; t; t >>= 1)
                    nb++;
            }
            else {
                dropped++;
                if (v)
                    sticky = 1;
            }
        }
        e2 += 4 * dropped;
        if (m == 0) {
            result = 0.0;
            goto finish;
        }
        /* the value lies in [2**(nb-1+e2), 2**(nb+e2)) */
        long long top = nb + e2;
        if (top > DBL_MAX_EXP)
            goto overflow;
        long long keep = DBL_MANT_DIG;
        if (top - 1 < DBL_MIN_EXP - 1)
            keep = DBL_MANT_DIG - ((DBL_MIN_EXP - 1) - (top - 1));
        if (keep < 0) {
            result = 0.0;
            goto finish;
        }
        if (nb > keep) {
            int drop = (int)(nb - keep);
            uint64_t low = m & (((uint64_t)1 << drop) - 1);
            uint64_t half = (uint64_t)1 << (drop - 1);
            m >>= drop;
            e2 += drop;
            if (low > half || (low == half && (sticky || (m & 1))))
                m++;
        }
        result = ldexp((double)m, (int)e2);
        if (isinf(result))
            goto overflow;
    }
finish:
    while (p < end && is_space_char((unsigned char)*p))
        p++;
    if (p != end)
        goto invalid;
    {
        PyObject *r = PyFloat_FromDouble(neg ? -result : result);
        if (r != NULL && type != (PyObject *)&PyFloat_Type)
            Py_SETREF(r, PyObject_CallOneArg(type, r));
        return r;
    }
invalid:
    PyErr_SetString(PyExc_ValueError, "invalid hexadecimal floating-point string");
    return NULL;
overflow:
    PyErr_SetString(PyExc_OverflowError, "hexadecimal value too large to represent as a float");
    return NULL;
}

static PyObject *float_get_real(PyObject *self, void *Py_UNUSED(c)) { return float_self(self, NULL); }
static PyObject *float_get_imag(PyObject *self, void *Py_UNUSED(c)) { return PyFloat_FromDouble(0.0); }

PyMethodDef _KrFloat_methods[] = {
    {"conjugate", float_self, METH_NOARGS, "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc, METH_NOARGS, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", _PyCFunction_CAST(float_round), METH_FASTCALL,
     "__round__($self, ndigits=None, /)\n--\n\nReturn the Integral closest to x, rounding "
     "half toward even.\n\nWhen an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", float_as_integer_ratio, METH_NOARGS,
     "as_integer_ratio($self, /)\n--\n\nReturn a pair of integers, whose ratio is exactly "
     "equal to the original float."},
    {"fromhex", float_fromhex, METH_O | METH_CLASS,
     "fromhex($type, string, /)\n--\n\nCreate a floating-point number from a hexadecimal "
     "string."},
    {"hex", float_hex, METH_NOARGS,
     "hex($self, /)\n--\n\nReturn a hexadecimal representation of a floating-point number."},
    {"is_integer", float_is_integer, METH_NOARGS,
     "is_integer($self, /)\n--\n\nReturn True if the float is an integer."},
    {"__getnewargs__", float_getnewargs, METH_NOARGS, NULL},
    {"__getformat__", float_getformat, METH_O | METH_CLASS,
     "__getformat__($type, typestr, /)\n--\n\nYou probably don't want to use this function."},
    {"__format__", float_format, METH_O,
     "__format__($self, format_spec, /)\n--\n\nFormats the float according to format_spec."},
    {NULL, NULL, 0, NULL},
};

PyGetSetDef _KrFloat_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
