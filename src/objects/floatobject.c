/* float: IEEE-754 binary64 values; arithmetic, comparison with exact int semantics,
 * hashing consistent with int, construction from text. Methods (hex, round, ...) and the
 * type object are in float_methods.c. */
#include "Python.h"
#include "internal/pycore_inithooks.h"
#include "internal/pycore_intops.h"
#include <math.h>
#include <float.h>


#define FLOAT_FREELIST_MAX 100

/* ---- allocation with a per-interpreter free list ------------------------------------ */

PyObject *PyFloat_FromDouble(double fval)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyFloatObject *op = interp->float_freelist.items;
    if (op != NULL) {
        /* free entries are chained through their type pointer */
        interp->float_freelist.items = (PyFloatObject *)Py_TYPE(op);
        interp->float_freelist.numfree--;
    }
    else {
        op = PyObject_Malloc(sizeof(PyFloatObject));
        if (op == NULL)
            return PyErr_NoMemory();
    }
    op->ob_base.ob_refcnt = 1;
    op->ob_base.ob_type = &PyFloat_Type;
    op->ob_fval = fval;
    return (PyObject *)op;
}

void _KrFloat_Dealloc(PyObject *op)
{
    if (PyFloat_CheckExact(op)) {
        PyInterpreterState *interp = _PyInterpreterState_GET();
        if (!KR_SANITIZER_BUILD && interp->float_freelist.numfree < FLOAT_FREELIST_MAX) {
            Py_TYPE(op) = (PyTypeObject *)interp->float_freelist.items;
            interp->float_freelist.items = op;
            interp->float_freelist.numfree++;
            return;
        }
        PyObject_Free(op);
        return;
    }
    Py_TYPE(op)->tp_free(op);
}

/* Release the free list (interpreter shut-down). */
void _PyFloat_ClearFreeList(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *op = interp->float_freelist.items;
    while (op != NULL) {
        PyObject *next = (PyObject *)Py_TYPE(op);
        PyObject_Free(op);
        op = next;
    }
    interp->float_freelist.items = NULL;
    interp->float_freelist.numfree = 0;
}

double PyFloat_AsDouble(PyObject *op)
{
    if (op == NULL) {
        PyErr_BadInternalCall();
        return -1.0;
    }
    if (PyFloat_Check(op))
        return PyFloat_AS_DOUBLE(op);
    PyNumberMethods *nb = Py_TYPE(op)->tp_as_number;
    if (nb == NULL || nb->nb_float == NULL) {
        if (nb && nb->nb_index) {
            PyObject *res = _PyNumber_Index(op);
            if (res == NULL)
                return -1.0;
            double val = PyLong_AsDouble(res);
            Py_DECREF(res);
            return val;
        }
        PyErr_Format(PyExc_TypeError, "must be real number, not %.50s", Py_TYPE(op)->tp_name);
        return -1.0;
    }
    PyObject *res = nb->nb_float(op);
    if (res == NULL)
        return -1.0;
    if (!PyFloat_CheckExact(res)) {
        if (!PyFloat_Check(res)) {
            PyErr_Format(PyExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                         Py_TYPE(op)->tp_name, Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return -1.0;
        }
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                             "%.50s.__float__ returned non-float (type %.50s).  The ability "
                             "to return an instance of a strict subclass of float is "
                             "deprecated, and may be removed in a future version of Python.",
                             Py_TYPE(op)->tp_name, Py_TYPE(res)->tp_name)) {
            Py_DECREF(res);
            return -1.0;
        }
    }
    double val = PyFloat_AS_DOUBLE(res);
    Py_DECREF(res);
    return val;
}

double PyFloat_GetMax(void) { return DBL_MAX; }
double PyFloat_GetMin(void) { return DBL_MIN; }

/* ---- from text ------------------------------------------------------------------------ */

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* Parse s[0:len] as float() does: surrounding whitespace, underscores between digits.
 * Returns 0 and the value, or -1 with no error set when the text is invalid. */
static int parse_float_text(const char *s, Py_ssize_t len, double *out)
{
    while (len > 0 && is_ascii_space((unsigned char)*s)) {
        s++;
        len--;
    }
    while (len > 0 && is_ascii_space((unsigned char)s[len - 1]))
        len--;
    if (len == 0)
        return -1;
    char small[128];
    char *buf = len < (Py_ssize_t)sizeof small ? small : PyMem_Malloc((size_t)len + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -2;
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '_') {
            /* only between two decimal digits */
            if (i == 0 || i + 1 >= len || !(s[i - 1] >= '0' && s[i - 1] <= '9') ||
                !(s[i + 1] >= '0' && s[i + 1] <= '9'))
                goto invalid;
            continue;
        }
        if (c == '\0')
            goto invalid;
        buf[n++] = c;
    }
    buf[n] = '\0';
    int special;
    if (_Kr_FloatLiteralLength(buf, &special) != n)
        goto invalid;
    *out = PyOS_string_to_double(buf, NULL, NULL);
    if (buf != small)
        PyMem_Free(buf);
    if (*out == -1.0 && PyErr_Occurred())
        return -2;
    return 0;
invalid:
    if (buf != small)
        PyMem_Free(buf);
    return -1;
}

PyObject *PyFloat_FromString(PyObject *v)
{
    double x;
    int r;
    if (PyUnicode_Check(v)) {
        Py_ssize_t len;
        char *text = _KrUnicode_ToASCIINumeric(v, &len);
        if (text == NULL)
            return NULL;
        r = parse_float_text(text, len, &x);
        PyMem_Free(text);
    }
    else if (PyBytes_Check(v))
        r = parse_float_text(PyBytes_AS_STRING(v), PyBytes_GET_SIZE(v), &x);
    else if (PyByteArray_Check(v))
        r = parse_float_text(PyByteArray_AS_STRING(v), PyByteArray_GET_SIZE(v), &x);
    else if (PyObject_CheckBuffer(v)) {
        Py_buffer view;
        if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) < 0)
            return NULL;
        r = parse_float_text(view.buf, view.len, &x);
        PyBuffer_Release(&view);
        if (r == -1) {
            PyObject *b = PyBytes_FromStringAndSize(view.buf, view.len);
            if (b == NULL)
                return NULL;
            PyErr_Format(PyExc_ValueError, "could not convert string to float: %R", b);
            Py_DECREF(b);
            return NULL;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "float() argument must be a string or a real number, not '%.200s'",
                     Py_TYPE(v)->tp_name);
        return NULL;
    }
    if (r == -2)
        return NULL;
    if (r == -1) {
        PyErr_Format(PyExc_ValueError, "could not convert string to float: %R", v);
        return NULL;
    }
    return PyFloat_FromDouble(x);
}

/* ---- hashing ----------------------------------------------------------------------------- */

/* hash(x) for a double: the value of x reduced modulo 2**61 - 1, so that equal ints and
 * floats hash alike; infinities hash to +-314159 and NaNs by identity. */
Py_hash_t _Py_HashDouble(PyObject *inst, double v)
{
    if (isinf(v))
        return v > 0 ? _PyHASH_INF : -_PyHASH_INF;
    if (isnan(v))
        return _Py_HashPointer(inst);
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    /* consume the mantissa 28 bits at a time, multiplying the running value by 2**28
     * modulo the prime (a rotation within 61 bits) */
    Py_uhash_t x = 0;
    while (m) {
        x = ((x << 28) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        Py_uhash_t y = (Py_uhash_t)m;
        m -= (double)y;
        x += y;
        if (x >= _PyHASH_MODULUS)
            x -= _PyHASH_MODULUS;
    }
    /* multiply by 2**e: 2**61 == 1 modulo the prime, so e only matters modulo 61 */
    e = e >= 0 ? e % _PyHASH_BITS : _PyHASH_BITS - 1 - ((-1 - e) % _PyHASH_BITS);
    x = ((x << e) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - e);
    x = x * (Py_uhash_t)(Py_hash_t)sign;
    if (x == (Py_uhash_t)-1)
        x = (Py_uhash_t)-2;
    return (Py_hash_t)x;
}

static Py_hash_t float_hash(PyObject *v)
{
    return _Py_HashDouble(v, PyFloat_AS_DOUBLE(v));
}

/* ---- repr ---------------------------------------------------------------------------------- */

static PyObject *float_repr(PyObject *v)
{
    char *buf = PyOS_double_to_string(PyFloat_AS_DOUBLE(v), 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    if (buf == NULL)
        return NULL;
    PyObject *res = _PyUnicode_FromASCII(buf, (Py_ssize_t)strlen(buf));
    PyMem_Free(buf);
    return res;
}

/* ---- comparison ------------------------------------------------------------------------- */

static PyObject *float_richcompare(PyObject *v, PyObject *w, int op)
{
    double i = PyFloat_AS_DOUBLE(v);
    if (PyFloat_Check(w)) {
        double j = PyFloat_AS_DOUBLE(w);
        Py_RETURN_RICHCOMPARE(i, j, op);
    }
    if (!PyLong_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    int c = _KrLong_CompareDouble(w, i);
    if (c == -2)
        return NULL;
    if (c == 2) {
        /* NaN: unequal to everything, unordered */
        if (op == Py_NE)
            Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    }
    /* c compares w with v; flip it to compare v with w */
    Py_RETURN_RICHCOMPARE(-c, 0, op);
}

/* ---- arithmetic ------------------------------------------------------------------------------ */

/* Fetch a double from a float or int operand; 1 on success, 0 for NotImplemented, -1 error. */
static int to_double(PyObject *obj, double *out)
{
    if (PyFloat_Check(obj)) {
        *out = PyFloat_AS_DOUBLE(obj);
        return 1;
    }
    if (PyLong_Check(obj)) {
        *out = PyLong_AsDouble(obj);
        if (*out == -1.0 && PyErr_Occurred())
            return -1;
        return 1;
    }
    return 0;
}

#define CONVERT_BOTH(v, w, a, b)                   \
    do {                                           \
        int _r = to_double((v), &(a));             \
        if (_r <= 0) {                             \
            if (_r < 0)                            \
                return NULL;                       \
            Py_RETURN_NOTIMPLEMENTED;              \
        }                                          \
        _r = to_double((w), &(b));                 \
        if (_r <= 0) {                             \
            if (_r < 0)                            \
                return NULL;                       \
            Py_RETURN_NOTIMPLEMENTED;              \
        }                                          \
    } while (0)

static PyObject *float_add(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_BOTH(v, w, a, b);
    return PyFloat_FromDouble(a + b);
}

static PyObject *float_sub(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_BOTH(v, w, a, b);
    return PyFloat_FromDouble(a - b);
}

static PyObject *float_mul(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_BOTH(v, w, a, b);
    return PyFloat_FromDouble(a * b);
}

static PyObject *float_div(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_BOTH(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return PyFloat_FromDouble(a / b);
}

static double float_mod_value(double vx, double wx)
{
    double mod = fmod(vx, wx);
    if (mod) {
        /* the remainder takes the divisor's sign */
        if ((wx < 0) != (mod < 0))
            mod += wx;
    }
    else
        mod = copysign(0.0, wx);
    return mod;
}

static PyObject *float_rem(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_BOTH(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float modulo by zero");
        return NULL;
    }
    return PyFloat_FromDouble(float_mod_value(a, b));
}

static void float_divmod_values(double vx, double wx, double *pdiv, double *pmod)
{
    double mod = fmod(vx, wx);
    /* vx - mod is (nearly) a multiple of wx, so this division is (nearly) exact */
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    }
    else
        mod = copysign(0.0, wx);
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    }
    else
        floordiv = copysign(0.0, vx / wx);
    *pdiv = floordiv;
    *pmod = mod;
}

static PyObject *float_divmod(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_BOTH(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    double d, m;
    float_divmod_values(a, b, &d, &m);
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyObject *x = PyFloat_FromDouble(d), *y = PyFloat_FromDouble(m);
    if (x == NULL || y == NULL) {
        Py_XDECREF(x);
        Py_XDECREF(y);
        Py_DECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, x);
    PyTuple_SET_ITEM(t, 1, y);
    return t;
}

static PyObject *float_floor_div(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_BOTH(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float floor division by zero");
        return NULL;
    }
    double d, m;
    float_divmod_values(a, b, &d, &m);
    return PyFloat_FromDouble(d);
}

static int is_odd_integer(double w)
{
    return fmod(fabs(w), 2.0) == 1.0;
}

static PyObject *float_pow(PyObject *v, PyObject *w, PyObject *z)
{
    if (z != Py_None && z != NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    double iv, iw;
    CONVERT_BOTH(v, w, iv, iw);
    if (iw == 0)
        return PyFloat_FromDouble(1.0);
    if (isnan(iv))
        return PyFloat_FromDouble(iv == 1.0 ? 1.0 : iv);
    if (isnan(iw))
        return PyFloat_FromDouble(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return PyFloat_FromDouble(1.0);
        if ((iw > 0.0) == (iv > 1.0))
            return PyFloat_FromDouble(fabs(iw));
        return PyFloat_FromDouble(0.0);
    }
    if (isinf(iv)) {
        int odd = is_odd_integer(iw);
        if (iw > 0.0)
            return PyFloat_FromDouble(odd ? iv : fabs(iv));
        return PyFloat_FromDouble(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0) {
            PyErr_SetString(PyExc_ZeroDivisionError,
                            "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return PyFloat_FromDouble(is_odd_integer(iw) ? iv : 0.0);
    }
    int negate = 0;
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            /* a negative base with a fractional exponent has a complex result */
            return PyComplex_Type.tp_as_number->nb_power(v, w, z);
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return PyFloat_FromDouble(negate ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    if (negate)
        ix = -ix;
    if (isinf(ix)) {
        errno = ERANGE;
        PyErr_SetFromErrno(PyExc_OverflowError);
        return NULL;
    }
    return PyFloat_FromDouble(ix);
}

static PyObject *float_neg(PyObject *v) { return PyFloat_FromDouble(-PyFloat_AS_DOUBLE(v)); }
static PyObject *float_abs(PyObject *v) { return PyFloat_FromDouble(fabs(PyFloat_AS_DOUBLE(v))); }
static int float_bool(PyObject *v) { return PyFloat_AS_DOUBLE(v) != 0.0; }

static PyObject *float_float(PyObject *v)
{
    if (PyFloat_CheckExact(v))
        return Py_NewRef(v);
    return PyFloat_FromDouble(PyFloat_AS_DOUBLE(v));
}

static PyObject *float_int(PyObject *v)
{
    return PyLong_FromDouble(PyFloat_AS_DOUBLE(v));
}

PyNumberMethods _KrFloat_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_rem,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_float,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_floor_divide = float_floor_div,
    .nb_true_divide = float_div,
};

extern PyMethodDef _KrFloat_methods[];
extern PyGetSetDef _KrFloat_getset[];
PyObject *_KrFloat_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PyObject *_KrFloat_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                              PyObject *kwnames);

PyTypeObject PyFloat_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "float",
    .tp_basicsize = sizeof(PyFloatObject),
    .tp_dealloc = _KrFloat_Dealloc,
    .tp_repr = float_repr,
    .tp_as_number = &_KrFloat_as_number,
    .tp_hash = float_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "Convert a string or number to a floating-point number, if possible.",
    .tp_richcompare = float_richcompare,
    .tp_methods = _KrFloat_methods,
    .tp_getset = _KrFloat_getset,
    .tp_new = _KrFloat_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = _KrFloat_vectorcall,
};

/* ---- sys.float_info ---------------------------------------------------------------------- */

static PyTypeObject FloatInfoType;

static PyStructSequence_Field floatinfo_fields[] = {
    {"max", "DBL_MAX -- maximum representable finite float"},
    {"max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"},
    {"max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"},
    {"min", "DBL_MIN -- Minimum positive normalized float"},
    {"min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"},
    {"min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"},
    {"dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented"},
    {"mant_dig", "DBL_MANT_DIG -- mantissa digits"},
    {"epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float"},
    {"radix", "FLT_RADIX -- radix of exponent"},
    {"rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"},
    {NULL, NULL},
};

static PyStructSequence_Desc floatinfo_desc = {
    "sys.float_info",
    "A named tuple holding information about the float type. It contains low level\n"
    "information about the precision and internal representation.",
    floatinfo_fields,
    11,
};

int _PyFloat_InitTypes(void)
{
    if (FloatInfoType.tp_name == NULL && PyStructSequence_InitType2(&FloatInfoType, &floatinfo_desc) < 0)
        return -1;
    return 0;
}

PyObject *PyFloat_GetInfo(void)
{
    if (_PyFloat_InitTypes() < 0)
        return NULL;
    PyObject *info = PyStructSequence_New(&FloatInfoType);
    if (info == NULL)
        return NULL;
    int pos = 0;
#define SET(expr)                                            \
    do {                                                     \
        PyObject *_o = (expr);                               \
        if (_o == NULL) {                                    \
            Py_DECREF(info);                                 \
            return NULL;                                     \
        }                                                    \
        PyStructSequence_SET_ITEM(info, pos++, _o);          \
    } while (0)
    SET(PyFloat_FromDouble(DBL_MAX));
    SET(PyLong_FromLong(DBL_MAX_EXP));
    SET(PyLong_FromLong(DBL_MAX_10_EXP));
    SET(PyFloat_FromDouble(DBL_MIN));
    SET(PyLong_FromLong(DBL_MIN_EXP));
    SET(PyLong_FromLong(DBL_MIN_10_EXP));
    SET(PyLong_FromLong(DBL_DIG));
    SET(PyLong_FromLong(DBL_MANT_DIG));
    SET(PyFloat_FromDouble(DBL_EPSILON));
    SET(PyLong_FromLong(FLT_RADIX));
    SET(PyLong_FromLong(1));
#undef SET
    return info;
}

/* ---- fast paths for the eval loop ---------------------------------------------------------- */

/* a op b for exact floats and compact ints, or NULL (no error set) when the operation
 * needs the general path (other types, errors such as division by zero, big ints). A
 * float operand only referenced by the caller's stack (refcount 1) is reused for the
 * result, saving an allocation. */
PyObject *_KrNumber_BinaryOpFast(PyObject *lhs, PyObject *rhs, int oparg)
{
    int op = oparg >= NB_INPLACE_ADD ? oparg - NB_INPLACE_ADD : oparg;
    PyTypeObject *lt = Py_TYPE(lhs), *rt = Py_TYPE(rhs);
    if (lt == &PyLong_Type && rt == &PyLong_Type) {
        PyLongObject *a = (PyLongObject *)lhs, *b = (PyLongObject *)rhs;
        if (!_PyLong_IsCompact(a) || !_PyLong_IsCompact(b))
            return NULL;
        int64_t x = _PyLong_CompactValue(a), y = _PyLong_CompactValue(b), r;
        if (_KrLong_CompactBinop(x, y, op, &r) == 0)
            return PyLong_FromLongLong(r);
        if (op == NB_TRUE_DIVIDE && y != 0)
            return PyFloat_FromDouble((double)x / (double)y);
        return NULL;
    }
    double x, y;
    if (lt == &PyFloat_Type)
        x = PyFloat_AS_DOUBLE(lhs);
    else if (lt == &PyLong_Type && _PyLong_IsCompact((PyLongObject *)lhs))
        x = (double)_PyLong_CompactValue((PyLongObject *)lhs);
    else
        return NULL;
    if (rt == &PyFloat_Type)
        y = PyFloat_AS_DOUBLE(rhs);
    else if (rt == &PyLong_Type && _PyLong_IsCompact((PyLongObject *)rhs))
        y = (double)_PyLong_CompactValue((PyLongObject *)rhs);
    else
        return NULL;
    double r;
    switch (op) {
    case 0: r = x + y; break;
    case 10: r = x - y; break;
    case 5: r = x * y; break;
    case 11:
        if (y == 0.0)
            return NULL;
        r = x / y;
        break;
    default:
        return NULL;
    }
    if (lt == &PyFloat_Type && Py_REFCNT(lhs) == 1) {
        PyFloat_AS_DOUBLE(lhs) = r;
        return Py_NewRef(lhs);
    }
    return PyFloat_FromDouble(r);
}
