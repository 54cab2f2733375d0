/* The abstract object protocols: numbers (binary-operator dispatch over both operands'
 * slots), sequences, mappings, item access, iteration, isinstance/issubclass and the
 * buffer helpers. Calling lives in src/vm/call.c. */
#include "Python.h"
#include "internal/pycore_typeobject.h"
#include "internal/pycore_ids.h"
#include "internal/pycore_opcode.h"

static PyObject *type_error(const char *msg, PyObject *obj)
{
    PyErr_Format(PyExc_TypeError, msg, Py_TYPE(obj)->tp_name);
    return NULL;
}

static PyObject *null_error(void)
{
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
    return NULL;
}

/* ---- binary operators ------------------------------------------------------------------------ */

#define NB_SLOT(x) offsetof(PyNumberMethods, x)
#define NB_BINOP(nb, slot) (*(binaryfunc *)(&((char *)(nb))[slot]))
#define NB_TERNOP(nb, slot) (*(ternaryfunc *)(&((char *)(nb))[slot]))

/* Try v's slot and w's slot; w's first when w's type is a subclass of v's (so that a
 * subclass can override a base class operator from the right). NotImplemented if both
 * decline. */
static PyObject *binary_op1(PyObject *v, PyObject *w, const size_t op_slot)
{
    binaryfunc slotv = NULL, slotw = NULL;
    if (Py_TYPE(v)->tp_as_number != NULL)
        slotv = NB_BINOP(Py_TYPE(v)->tp_as_number, op_slot);
    if (!Py_IS_TYPE(w, Py_TYPE(v)) && Py_TYPE(w)->tp_as_number != NULL) {
        slotw = NB_BINOP(Py_TYPE(w)->tp_as_number, op_slot);
        if (slotw == slotv)
            slotw = NULL;
    }
    PyObject *x;
    if (slotv) {
        if (slotw && PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v))) {
            x = slotw(v, w);
            if (x != Py_NotImplemented)
                return x;
            Py_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != Py_NotImplemented)
            return x;
        Py_DECREF(x);
    }
    if (slotw) {
        x = slotw(v, w);
        if (x != Py_NotImplemented)
            return x;
        Py_DECREF(x);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *binop_type_error(PyObject *v, PyObject *w, const char *op_name)
{
    PyErr_Format(PyExc_TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'",
                 op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
    return NULL;
}

static PyObject *binary_op(PyObject *v, PyObject *w, const size_t op_slot, const char *op_name)
{
    PyObject *result = binary_op1(v, w, op_slot);
    if (result == Py_NotImplemented) {
        Py_DECREF(result);
        if (op_slot == NB_SLOT(nb_rshift) && PyCFunction_CheckExact(v) &&
            strcmp(((PyCFunctionObject *)v)->m_ml->ml_name, "print") == 0) {
            PyErr_Format(PyExc_TypeError,
                         "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'. Did you "
                         "mean \"print(<message>, file=<output_stream>)\"?",
                         op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
            return NULL;
        }
        return binop_type_error(v, w, op_name);
    }
    return result;
}

static PyObject *ternary_op(PyObject *v, PyObject *w, PyObject *z, const size_t op_slot,
                            const char *op_name)
{
    PyNumberMethods *mv = Py_TYPE(v)->tp_as_number, *mw = Py_TYPE(w)->tp_as_number;
    ternaryfunc slotv = NULL, slotw = NULL, slotz = NULL;
    PyObject *x;
    if (mv != NULL)
        slotv = NB_TERNOP(mv, op_slot);
    if (!Py_IS_TYPE(w, Py_TYPE(v)) && mw != NULL) {
        slotw = NB_TERNOP(mw, op_slot);
        if (slotw == slotv)
            slotw = NULL;
    }
    if (slotv) {
        if (slotw && PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v))) {
            x = slotw(v, w, z);
            if (x != Py_NotImplemented)
                return x;
            Py_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (x != Py_NotImplemented)
            return x;
        Py_DECREF(x);
    }
    if (slotw) {
        x = slotw(v, w, z);
        if (x != Py_NotImplemented)
            return x;
        Py_DECREF(x);
    }
    PyNumberMethods *mz = Py_TYPE(z)->tp_as_number;
    if (mz != NULL) {
        slotz = NB_TERNOP(mz, op_slot);
        if (slotz == slotv || slotz == slotw)
            slotz = NULL;
        if (slotz) {
            x = slotz(v, w, z);
            if (x != Py_NotImplemented)
                return x;
            Py_DECREF(x);
        }
    }
    if (z == Py_None)
        PyErr_Format(PyExc_TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'",
                     op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
    else
        PyErr_Format(PyExc_TypeError,
                     "unsupported operand type(s) for %.100s: '%.100s', '%.100s', '%.100s'",
                     op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name, Py_TYPE(z)->tp_name);
    return NULL;
}

#define BINARY_FUNC(func, op, op_name)                      \
    PyObject *func(PyObject *v, PyObject *w)                \
    {                                                       \
        return binary_op(v, w, NB_SLOT(op), op_name);       \
    }

BINARY_FUNC(PyNumber_Or, nb_or, "|")
BINARY_FUNC(PyNumber_Xor, nb_xor, "^")
BINARY_FUNC(PyNumber_And, nb_and, "&")
BINARY_FUNC(PyNumber_Lshift, nb_lshift, "<<")
BINARY_FUNC(PyNumber_Rshift, nb_rshift, ">>")
BINARY_FUNC(PyNumber_Subtract, nb_subtract, "-")
BINARY_FUNC(PyNumber_Divmod, nb_divmod, "divmod()")
BINARY_FUNC(PyNumber_MatrixMultiply, nb_matrix_multiply, "@")
BINARY_FUNC(PyNumber_FloorDivide, nb_floor_divide, "//")
BINARY_FUNC(PyNumber_TrueDivide, nb_true_divide, "/")
BINARY_FUNC(PyNumber_Remainder, nb_remainder, "%")

PyObject *PyNumber_Add(PyObject *v, PyObject *w)
{
    PyObject *result = binary_op1(v, w, NB_SLOT(nb_add));
    if (result != Py_NotImplemented)
        return result;
    Py_DECREF(result);
    PySequenceMethods *m = Py_TYPE(v)->tp_as_sequence;
    if (m && m->sq_concat)
        return m->sq_concat(v, w);
    return binop_type_error(v, w, "+");
}

static PyObject *sequence_repeat(ssizeargfunc repeatfunc, PyObject *seq, PyObject *n)
{
    if (!PyIndex_Check(n))
        return type_error("can't multiply sequence by non-int of type '%.200s'", n);
    Py_ssize_t count = PyNumber_AsSsize_t(n, PyExc_OverflowError);
    if (count == -1 && PyErr_Occurred())
        return NULL;
    return repeatfunc(seq, count);
}

PyObject *PyNumber_Multiply(PyObject *v, PyObject *w)
{
    PyObject *result = binary_op1(v, w, NB_SLOT(nb_multiply));
    if (result != Py_NotImplemented)
        return result;
    Py_DECREF(result);
    PySequenceMethods *mv = Py_TYPE(v)->tp_as_sequence, *mw = Py_TYPE(w)->tp_as_sequence;
    if (mv && mv->sq_repeat)
        return sequence_repeat(mv->sq_repeat, v, w);
    if (mw && mw->sq_repeat)
        return sequence_repeat(mw->sq_repeat, w, v);
    return binop_type_error(v, w, "*");
}

PyObject *PyNumber_Power(PyObject *v, PyObject *w, PyObject *z)
{
    return ternary_op(v, w, z, NB_SLOT(nb_power), "** or pow()");
}

/* In-place: the left operand's in-place slot first, then the plain binary operation. */
static PyObject *binary_iop1(PyObject *v, PyObject *w, const size_t iop_slot,
                             const size_t op_slot)
{
    PyNumberMethods *mv = Py_TYPE(v)->tp_as_number;
    if (mv != NULL) {
        binaryfunc slot = NB_BINOP(mv, iop_slot);
        if (slot) {
            PyObject *x = slot(v, w);
            if (x != Py_NotImplemented)
                return x;
            Py_DECREF(x);
        }
    }
    return binary_op1(v, w, op_slot);
}

static PyObject *binary_iop(PyObject *v, PyObject *w, const size_t iop_slot,
                            const size_t op_slot, const char *op_name)
{
    PyObject *result = binary_iop1(v, w, iop_slot, op_slot);
    if (result == Py_NotImplemented) {
        Py_DECREF(result);
        return binop_type_error(v, w, op_name);
    }
    return result;
}

#define INPLACE_BINOP(func, iop, op, op_name)                          \
    PyObject *func(PyObject *v, PyObject *w)                           \
    {                                                                  \
        return binary_iop(v, w, NB_SLOT(iop), NB_SLOT(op), op_name);   \
    }

INPLACE_BINOP(PyNumber_InPlaceOr, nb_inplace_or, nb_or, "|=")
INPLACE_BINOP(PyNumber_InPlaceXor, nb_inplace_xor, nb_xor, "^=")
INPLACE_BINOP(PyNumber_InPlaceAnd, nb_inplace_and, nb_and, "&=")
INPLACE_BINOP(PyNumber_InPlaceLshift, nb_inplace_lshift, nb_lshift, "<<=")
INPLACE_BINOP(PyNumber_InPlaceRshift, nb_inplace_rshift, nb_rshift, ">>=")
INPLACE_BINOP(PyNumber_InPlaceSubtract, nb_inplace_subtract, nb_subtract, "-=")
INPLACE_BINOP(PyNumber_InPlaceMatrixMultiply, nb_inplace_matrix_multiply, nb_matrix_multiply, "@=")
INPLACE_BINOP(PyNumber_InPlaceFloorDivide, nb_inplace_floor_divide, nb_floor_divide, "//=")
INPLACE_BINOP(PyNumber_InPlaceTrueDivide, nb_inplace_true_divide, nb_true_divide, "/=")
INPLACE_BINOP(PyNumber_InPlaceRemainder, nb_inplace_remainder, nb_remainder, "%=")

PyObject *PyNumber_InPlaceAdd(PyObject *v, PyObject *w)
{
    PyObject *result = binary_iop1(v, w, NB_SLOT(nb_inplace_add), NB_SLOT(nb_add));
    if (result != Py_NotImplemented)
        return result;
    Py_DECREF(result);
    PySequenceMethods *m = Py_TYPE(v)->tp_as_sequence;
    if (m != NULL) {
        binaryfunc func = m->sq_inplace_concat ? m->sq_inplace_concat : m->sq_concat;
        if (func)
            return func(v, w);
    }
    return binop_type_error(v, w, "+=");
}

PyObject *PyNumber_InPlaceMultiply(PyObject *v, PyObject *w)
{
    PyObject *result = binary_iop1(v, w, NB_SLOT(nb_inplace_multiply), NB_SLOT(nb_multiply));
    if (result != Py_NotImplemented)
        return result;
    Py_DECREF(result);
    PySequenceMethods *mv = Py_TYPE(v)->tp_as_sequence, *mw = Py_TYPE(w)->tp_as_sequence;
    if (mv != NULL) {
        ssizeargfunc f = mv->sq_inplace_repeat ? mv->sq_inplace_repeat : mv->sq_repeat;
        if (f)
            return sequence_repeat(f, v, w);
    }
    if (mw != NULL && mw->sq_repeat)
        return sequence_repeat(mw->sq_repeat, w, v);
    return binop_type_error(v, w, "*=");
}

PyObject *PyNumber_InPlacePower(PyObject *v, PyObject *w, PyObject *z)
{
    PyNumberMethods *mv = Py_TYPE(v)->tp_as_number;
    if (mv != NULL && mv->nb_inplace_power != NULL) {
        PyObject *x = mv->nb_inplace_power(v, w, z);
        if (x != Py_NotImplemented)
            return x;
        Py_DECREF(x);
    }
    return ternary_op(v, w, z, NB_SLOT(nb_power), "**=");
}

PyObject *_PyNumber_BinaryOp(PyObject *v, PyObject *w, int oparg)
{
    switch (oparg) {
    case NB_ADD: return PyNumber_Add(v, w);
    case NB_AND: return PyNumber_And(v, w);
    case NB_FLOOR_DIVIDE: return PyNumber_FloorDivide(v, w);
    case NB_LSHIFT: return PyNumber_Lshift(v, w);
    case NB_MATRIX_MULTIPLY: return PyNumber_MatrixMultiply(v, w);
    case NB_MULTIPLY: return PyNumber_Multiply(v, w);
    case NB_REMAINDER: return PyNumber_Remainder(v, w);
    case NB_OR: return PyNumber_Or(v, w);
    case NB_POWER: return PyNumber_Power(v, w, Py_None);
    case NB_RSHIFT: return PyNumber_Rshift(v, w);
    case NB_SUBTRACT: return PyNumber_Subtract(v, w);
    case NB_TRUE_DIVIDE: return PyNumber_TrueDivide(v, w);
    case NB_XOR: return PyNumber_Xor(v, w);
    case NB_INPLACE_ADD: return PyNumber_InPlaceAdd(v, w);
    case NB_INPLACE_AND: return PyNumber_InPlaceAnd(v, w);
    case NB_INPLACE_FLOOR_DIVIDE: return PyNumber_InPlaceFloorDivide(v, w);
    case NB_INPLACE_LSHIFT: return PyNumber_InPlaceLshift(v, w);
    case NB_INPLACE_MATRIX_MULTIPLY: return PyNumber_InPlaceMatrixMultiply(v, w);
    case NB_INPLACE_MULTIPLY: return PyNumber_InPlaceMultiply(v, w);
    case NB_INPLACE_REMAINDER: return PyNumber_InPlaceRemainder(v, w);
    case NB_INPLACE_OR: return PyNumber_InPlaceOr(v, w);
    case NB_INPLACE_POWER: return PyNumber_InPlacePower(v, w, Py_None);
    case NB_INPLACE_RSHIFT: return PyNumber_InPlaceRshift(v, w);
    case NB_INPLACE_SUBTRACT: return PyNumber_InPlaceSubtract(v, w);
    case NB_INPLACE_TRUE_DIVIDE: return PyNumber_InPlaceTrueDivide(v, w);
    case NB_INPLACE_XOR: return PyNumber_InPlaceXor(v, w);
    default:
        PyErr_Format(PyExc_SystemError, "invalid binary operator %d", oparg);
        return NULL;
    }
}

/* ---- unary operators and conversions --------------------------------------------------------- */

#define UNARY_FUNC(func, op, meth_name, descr)                                  \
    PyObject *func(PyObject *o)                                                 \
    {                                                                           \
        if (o == NULL)                                                          \
            return null_error();                                                \
        PyNumberMethods *m = Py_TYPE(o)->tp_as_number;                          \
        if (m && m->op)                                                         \
            return m->op(o);                                                    \
        return type_error("bad operand type for " descr ": '%.200s'", o);       \
    }

UNARY_FUNC(PyNumber_Negative, nb_negative, __neg__, "unary -")
UNARY_FUNC(PyNumber_Positive, nb_positive, __pos__, "unary +")
UNARY_FUNC(PyNumber_Invert, nb_invert, __invert__, "unary ~")
UNARY_FUNC(PyNumber_Absolute, nb_absolute, __abs__, "abs()")

int PyNumber_Check(PyObject *o)
{
    if (o == NULL)
        return 0;
    PyNumberMethods *nb = Py_TYPE(o)->tp_as_number;
    return (nb && (nb->nb_index || nb->nb_int || nb->nb_float)) || PyComplex_Check(o);
}

int PyIndex_Check(PyObject *obj)
{
    PyNumberMethods *nb = Py_TYPE(obj)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

PyObject *_PyNumber_Index(PyObject *item)
{
    if (item == NULL)
        return null_error();
    if (PyLong_Check(item))
        return Py_NewRef(item);
    if (!PyIndex_Check(item))
        return type_error("'%.200s' object cannot be interpreted as an integer", item);
    PyObject *result = Py_TYPE(item)->tp_as_number->nb_index(item);
    if (result == NULL || PyLong_CheckExact(result))
        return result;
    if (!PyLong_Check(result)) {
        PyErr_Format(PyExc_TypeError, "__index__ returned non-int (type %.200s)",
                     Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return NULL;
    }
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         "__index__ returned non-int (type %.200s).  The ability to return an "
                         "instance of a strict subclass of int is deprecated, and may be removed "
                         "in a future version of Python.",
                         Py_TYPE(result)->tp_name)) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

PyObject *PyNumber_Index(PyObject *item)
{
    PyObject *result = _PyNumber_Index(item);
    if (result != NULL && !PyLong_CheckExact(result))
        Py_SETREF(result, _PyLong_Copy((PyLongObject *)result));
    return result;
}

Py_ssize_t PyNumber_AsSsize_t(PyObject *item, PyObject *err)
{
    PyObject *value = _PyNumber_Index(item);
    if (value == NULL)
        return -1;
    Py_ssize_t result = PyLong_AsSsize_t(value);
    if (result != -1 || !PyErr_Occurred()) {
        Py_DECREF(value);
        return result;
    }
    if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
        Py_DECREF(value);
        return -1;
    }
    PyErr_Clear();
    if (err == NULL) {
        /* Clamp, as callers without an error class expect. */
        result = _PyLong_Sign(value) < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    }
    else {
        PyErr_Format(err, "cannot fit '%.200s' into an index-sized integer", Py_TYPE(item)->tp_name);
        result = -1;
    }
    Py_DECREF(value);
    return result;
}

static PyObject *long_from_buffer_like(PyObject *o)
{
    if (PyUnicode_Check(o))
        return PyLong_FromUnicodeObject(o, 10);
    const char *s = NULL;
    Py_ssize_t len = 0;
    if (PyBytes_Check(o)) {
        s = PyBytes_AS_STRING(o);
        len = PyBytes_GET_SIZE(o);
    }
    else if (PyByteArray_Check(o)) {
        s = PyByteArray_AS_STRING(o);
        len = PyByteArray_GET_SIZE(o);
    }
    else {
        return NULL;
    }
    /* The digits may not contain NUL and must be parsed entirely. */
    char *copy = PyMem_Malloc((size_t)len + 1);
    if (copy == NULL)
        return PyErr_NoMemory();
    memcpy(copy, s, (size_t)len);
    copy[len] = '\0';
    char *end = NULL;
    PyObject *res = NULL;
    if ((Py_ssize_t)strlen(copy) == len)
        res = PyLong_FromString(copy, &end, 10);
    if (res == NULL || end != copy + len) {
        Py_XDECREF(res);
        res = NULL;
        PyErr_Clear();
        PyObject *r = PyBytes_FromStringAndSize(s, len);
        if (r != NULL) {
            PyErr_Format(PyExc_ValueError, "invalid literal for int() with base %d: %R", 10, r);
            Py_DECREF(r);
        }
    }
    PyMem_Free(copy);
    return res;
}

PyObject *PyNumber_Long(PyObject *o)
{
    if (o == NULL)
        return null_error();
    if (PyLong_CheckExact(o))
        return Py_NewRef(o);
    PyNumberMethods *m = Py_TYPE(o)->tp_as_number;
    if (m && m->nb_int) {
        PyObject *result = m->nb_int(o);
        if (result == NULL || PyLong_CheckExact(result))
            return result;
        if (!PyLong_Check(result)) {
            PyErr_Format(PyExc_TypeError, "__int__ returned non-int (type %.200s)",
                         Py_TYPE(result)->tp_name);
            Py_DECREF(result);
            return NULL;
        }
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                             "__int__ returned non-int (type %.200s).  The ability to return an "
                             "instance of a strict subclass of int is deprecated, and may be "
                             "removed in a future version of Python.",
                             Py_TYPE(result)->tp_name)) {
            Py_DECREF(result);
            return NULL;
        }
        Py_SETREF(result, _PyLong_Copy((PyLongObject *)result));
        return result;
    }
    if (m && m->nb_index)
        return PyNumber_Index(o);
    PyObject *trunc = _PyObject_LookupSpecial(o, _Py_ID(__trunc__));
    if (trunc != NULL) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "The delegation of int() to __trunc__ is deprecated.", 1)) {
            Py_DECREF(trunc);
            return NULL;
        }
        PyObject *result = PyObject_CallNoArgs(trunc);
        Py_DECREF(trunc);
        if (result == NULL || PyLong_CheckExact(result))
            return result;
        if (PyLong_Check(result)) {
            Py_SETREF(result, _PyLong_Copy((PyLongObject *)result));
            return result;
        }
        if (!PyIndex_Check(result)) {
            PyErr_Format(PyExc_TypeError, "__trunc__ returned non-Integral (type %.200s)",
                         Py_TYPE(result)->tp_name);
            Py_DECREF(result);
            return NULL;
        }
        Py_SETREF(result, PyNumber_Index(result));
        return result;
    }
    if (PyErr_Occurred())
        return NULL;
    if (PyUnicode_Check(o) || PyBytes_Check(o) || PyByteArray_Check(o))
        return long_from_buffer_like(o);
    if (PyObject_CheckBuffer(o)) {
        PyObject *bytes = PyBytes_FromObject(o);
        if (bytes == NULL)
            return NULL;
        PyObject *res = long_from_buffer_like(bytes);
        Py_DECREF(bytes);
        return res;
    }
    return type_error("int() argument must be a string, a bytes-like object or a real number, "
                      "not '%.200s'", o);
}

PyObject *PyNumber_Float(PyObject *o)
{
    if (o == NULL)
        return null_error();
    if (PyFloat_CheckExact(o))
        return Py_NewRef(o);
    PyNumberMethods *m = Py_TYPE(o)->tp_as_number;
    if (m && m->nb_float) {
        PyObject *res = m->nb_float(o);
        if (res == NULL || PyFloat_CheckExact(res))
            return res;
        if (!PyFloat_Check(res)) {
            PyErr_Format(PyExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                         Py_TYPE(o)->tp_name, Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return NULL;
        }
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                             "%.50s.__float__ returned non-float (type %.50s).  The ability to "
                             "return an instance of a strict subclass of float is deprecated, and "
                             "may be removed in a future version of Python.",
                             Py_TYPE(o)->tp_name, Py_TYPE(res)->tp_name)) {
            Py_DECREF(res);
            return NULL;
        }
        double val = PyFloat_AS_DOUBLE(res);
        Py_DECREF(res);
        return PyFloat_FromDouble(val);
    }
    if (m && m->nb_index) {
        PyObject *i = PyNumber_Index(o);
        if (i == NULL)
            return NULL;
        double val = PyLong_AsDouble(i);
        Py_DECREF(i);
        if (val == -1.0 && PyErr_Occurred())
            return NULL;
        return PyFloat_FromDouble(val);
    }
    if (PyFloat_Check(o))
        return PyFloat_FromDouble(PyFloat_AS_DOUBLE(o));
    return PyFloat_FromString(o);
}

PyObject *PyNumber_ToBase(PyObject *n, int base)
{
    if (!(base == 2 || base == 8 || base == 10 || base == 16)) {
        PyErr_SetString(PyExc_SystemError, "PyNumber_ToBase: base must be 2, 8, 10 or 16");
        return NULL;
    }
    PyObject *index = PyNumber_Index(n);
    if (index == NULL)
        return NULL;
    PyObject *res = _PyLong_Format(index, base);
    Py_DECREF(index);
    return res;
}

/* ---- sizes -------------------------------------------------------------------------------------- */

Py_ssize_t PyObject_Size(PyObject *o)
{
    if (o == NULL) {
        null_error();
        return -1;
    }
    PySequenceMethods *m = Py_TYPE(o)->tp_as_sequence;
    if (m && m->sq_length)
        return m->sq_length(o);
    return PyMapping_Size(o);
}

static int has_len(PyObject *o)
{
    return (Py_TYPE(o)->tp_as_sequence && Py_TYPE(o)->tp_as_sequence->sq_length) ||
           (Py_TYPE(o)->tp_as_mapping && Py_TYPE(o)->tp_as_mapping->mp_length);
}

Py_ssize_t PyObject_LengthHint(PyObject *o, Py_ssize_t defaultvalue)
{
    if (has_len(o)) {
        Py_ssize_t res = PyObject_Size(o);
        if (res < 0) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError))
                return -1;
            PyErr_Clear();
        }
        else {
            return res;
        }
    }
    PyObject *hint = _PyObject_LookupSpecial(o, _Py_ID(__length_hint__));
    if (hint == NULL) {
        if (PyErr_Occurred())
            return -1;
        return defaultvalue;
    }
    PyObject *result = PyObject_CallNoArgs(hint);
    Py_DECREF(hint);
    if (result == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return defaultvalue;
        }
        return -1;
    }
    if (result == Py_NotImplemented) {
        Py_DECREF(result);
        return defaultvalue;
    }
    if (!PyLong_Check(result)) {
        PyErr_Format(PyExc_TypeError, "__length_hint__ must be an integer, not %.100s",
                     Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return -1;
    }
    Py_ssize_t res = PyLong_AsSsize_t(result);
    Py_DECREF(result);
    if (res < 0 && PyErr_Occurred())
        return -1;
    if (res < 0) {
        PyErr_SetString(PyExc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return res;
}

PyObject *PyObject_Type(PyObject *o)
{
    if (o == NULL)
        return null_error();
    return Py_NewRef(Py_TYPE(o));
}

/* ---- item access ----------------------------------------------------------------------------- */

PyObject *PyObject_GetItem(PyObject *o, PyObject *key)
{
    if (o == NULL || key == NULL)
        return null_error();
    PyMappingMethods *m = Py_TYPE(o)->tp_as_mapping;
    if (m && m->mp_subscript)
        return m->mp_subscript(o, key);
    PySequenceMethods *ms = Py_TYPE(o)->tp_as_sequence;
    if (ms && ms->sq_item) {
        if (PyIndex_Check(key)) {
            Py_ssize_t key_value = PyNumber_AsSsize_t(key, PyExc_IndexError);
            if (key_value == -1 && PyErr_Occurred())
                return NULL;
            return PySequence_GetItem(o, key_value);
        }
        return type_error("sequence index must be integer, not '%.200s'", key);
    }
    if (PyType_Check(o)) {
        if ((PyTypeObject *)o == &PyType_Type)
            return Py_GenericAlias(o, key);
        PyObject *meth;
        if (PyObject_GetOptionalAttr(o, _Py_ID(__class_getitem__), &meth) < 0)
            return NULL;
        if (meth && meth != Py_None) {
            PyObject *result = PyObject_CallOneArg(meth, key);
            Py_DECREF(meth);
            return result;
        }
        Py_XDECREF(meth);
        PyErr_Format(PyExc_TypeError, "type '%.200s' is not subscriptable",
                     ((PyTypeObject *)o)->tp_name);
        return NULL;
    }
    return type_error("'%.200s' object is not subscriptable", o);
}

int PyMapping_GetOptionalItem(PyObject *obj, PyObject *key, PyObject **result)
{
    if (PyDict_CheckExact(obj))
        return PyDict_GetItemRef(obj, key, result);
    *result = PyObject_GetItem(obj, key);
    if (*result)
        return 1;
    if (!PyErr_ExceptionMatches(PyExc_KeyError))
        return -1;
    PyErr_Clear();
    return 0;
}

int PyObject_SetItem(PyObject *o, PyObject *key, PyObject *value)
{
    if (o == NULL || key == NULL || value == NULL) {
        null_error();
        return -1;
    }
    PyMappingMethods *m = Py_TYPE(o)->tp_as_mapping;
    if (m && m->mp_ass_subscript)
        return m->mp_ass_subscript(o, key, value);
    if (Py_TYPE(o)->tp_as_sequence) {
        if (PyIndex_Check(key)) {
            Py_ssize_t key_value = PyNumber_AsSsize_t(key, PyExc_IndexError);
            if (key_value == -1 && PyErr_Occurred())
                return -1;
            return PySequence_SetItem(o, key_value, value);
        }
        if (Py_TYPE(o)->tp_as_sequence->sq_ass_item) {
            type_error("sequence index must be integer, not '%.200s'", key);
            return -1;
        }
    }
    type_error("'%.200s' object does not support item assignment", o);
    return -1;
}

int PyObject_DelItem(PyObject *o, PyObject *key)
{
    if (o == NULL || key == NULL) {
        null_error();
        return -1;
    }
    PyMappingMethods *m = Py_TYPE(o)->tp_as_mapping;
    if (m && m->mp_ass_subscript)
        return m->mp_ass_subscript(o, key, NULL);
    if (Py_TYPE(o)->tp_as_sequence) {
        if (PyIndex_Check(key)) {
            Py_ssize_t key_value = PyNumber_AsSsize_t(key, PyExc_IndexError);
            if (key_value == -1 && PyErr_Occurred())
                return -1;
            return PySequence_DelItem(o, key_value);
        }
        if (Py_TYPE(o)->tp_as_sequence->sq_ass_item) {
            type_error("sequence index must be integer, not '%.200s'", key);
            return -1;
        }
    }
    type_error("'%.200s' object does not support item deletion", o);
    return -1;
}

int PyObject_DelItemString(PyObject *o, const char *key)
{
    PyObject *okey = PyUnicode_FromString(key);
    if (okey == NULL)
        return -1;
    int r = PyObject_DelItem(o, okey);
    Py_DECREF(okey);
    return r;
}

/* ---- sequences ----------------------------------------------------------------------------------- */

int PySequence_Check(PyObject *s)
{
    if (PyDict_Check(s))
        return 0;
    return Py_TYPE(s)->tp_as_sequence && Py_TYPE(s)->tp_as_sequence->sq_item != NULL;
}

Py_ssize_t PySequence_Size(PyObject *s)
{
    if (s == NULL) {
        null_error();
        return -1;
    }
    PySequenceMethods *m = Py_TYPE(s)->tp_as_sequence;
    if (m && m->sq_length)
        return m->sq_length(s);
    if (Py_TYPE(s)->tp_as_mapping && Py_TYPE(s)->tp_as_mapping->mp_length) {
        type_error("%.200s is not a sequence", s);
        return -1;
    }
    type_error("object of type '%.200s' has no len()", s);
    return -1;
}

PyObject *PySequence_Concat(PyObject *s, PyObject *o)
{
    if (s == NULL || o == NULL)
        return null_error();
    PySequenceMethods *m = Py_TYPE(s)->tp_as_sequence;
    if (m && m->sq_concat)
        return m->sq_concat(s, o);
    if (PySequence_Check(s) && PySequence_Check(o)) {
        PyObject *result = binary_op1(s, o, NB_SLOT(nb_add));
        if (result != Py_NotImplemented)
            return result;
        Py_DECREF(result);
    }
    return type_error("'%.200s' object can't be concatenated", s);
}

PyObject *PySequence_Repeat(PyObject *o, Py_ssize_t count)
{
    if (o == NULL)
        return null_error();
    PySequenceMethods *m = Py_TYPE(o)->tp_as_sequence;
    if (m && m->sq_repeat)
        return m->sq_repeat(o, count);
    if (PySequence_Check(o)) {
        PyObject *n = PyLong_FromSsize_t(count);
        if (n == NULL)
            return NULL;
        PyObject *result = binary_op1(o, n, NB_SLOT(nb_multiply));
        Py_DECREF(n);
        if (result != Py_NotImplemented)
            return result;
        Py_DECREF(result);
    }
    return type_error("'%.200s' object can't be repeated", o);
}

PyObject *PySequence_InPlaceConcat(PyObject *s, PyObject *o)
{
    if (s == NULL || o == NULL)
        return null_error();
    PySequenceMethods *m = Py_TYPE(s)->tp_as_sequence;
    if (m && m->sq_inplace_concat)
        return m->sq_inplace_concat(s, o);
    if (m && m->sq_concat)
        return m->sq_concat(s, o);
    if (PySequence_Check(s) && PySequence_Check(o)) {
        PyObject *result = binary_iop1(s, o, NB_SLOT(nb_inplace_add), NB_SLOT(nb_add));
        if (result != Py_NotImplemented)
            return result;
        Py_DECREF(result);
    }
    return type_error("'%.200s' object can't be concatenated", s);
}

PyObject *PySequence_InPlaceRepeat(PyObject *o, Py_ssize_t count)
{
    if (o == NULL)
        return null_error();
    PySequenceMethods *m = Py_TYPE(o)->tp_as_sequence;
    if (m && m->sq_inplace_repeat)
        return m->sq_inplace_repeat(o, count);
    if (m && m->sq_repeat)
        return m->sq_repeat(o, count);
    if (PySequence_Check(o)) {
        PyObject *n = PyLong_FromSsize_t(count);
        if (n == NULL)
            return NULL;
        PyObject *result = binary_iop1(o, n, NB_SLOT(nb_inplace_multiply), NB_SLOT(nb_multiply));
        Py_DECREF(n);
        if (result != Py_NotImplemented)
            return result;
        Py_DECREF(result);
    }
    return type_error("'%.200s' object can't be repeated", o);
}

PyObject *PySequence_GetItem(PyObject *s, Py_ssize_t i)
{
    if (s == NULL)
        return null_error();
    PySequenceMethods *m = Py_TYPE(s)->tp_as_sequence;
    if (m && m->sq_item) {
        if (i < 0 && m->sq_length) {
            Py_ssize_t l = m->sq_length(s);
            if (l < 0)
                return NULL;
            i += l;
        }
        return m->sq_item(s, i);
    }
    if (Py_TYPE(s)->tp_as_mapping && Py_TYPE(s)->tp_as_mapping->mp_subscript)
        return type_error("%.200s is not a sequence", s);
    return type_error("'%.200s' object does not support indexing", s);
}

static PyObject *slice_from_indices(Py_ssize_t i1, Py_ssize_t i2)
{
    PyObject *start = PyLong_FromSsize_t(i1);
    if (start == NULL)
        return NULL;
    PyObject *stop = PyLong_FromSsize_t(i2);
    if (stop == NULL) {
        Py_DECREF(start);
        return NULL;
    }
    PyObject *slice = PySlice_New(start, stop, NULL);
    Py_DECREF(start);
    Py_DECREF(stop);
    return slice;
}

PyObject *PySequence_GetSlice(PyObject *s, Py_ssize_t i1, Py_ssize_t i2)
{
    if (s == NULL)
        return null_error();
    PyMappingMethods *mp = Py_TYPE(s)->tp_as_mapping;
    if (mp && mp->mp_subscript) {
        PyObject *slice = slice_from_indices(i1, i2);
        if (slice == NULL)
            return NULL;
        PyObject *res = mp->mp_subscript(s, slice);
        Py_DECREF(slice);
        return res;
    }
    return type_error("'%.200s' object is unsliceable", s);
}

int PySequence_SetItem(PyObject *s, Py_ssize_t i, PyObject *o)
{
    if (s == NULL) {
        null_error();
        return -1;
    }
    PySequenceMethods *m = Py_TYPE(s)->tp_as_sequence;
    if (m && m->sq_ass_item) {
        if (i < 0 && m->sq_length) {
            Py_ssize_t l = m->sq_length(s);
            if (l < 0)
                return -1;
            i += l;
        }
        return m->sq_ass_item(s, i, o);
    }
    if (Py_TYPE(s)->tp_as_mapping && Py_TYPE(s)->tp_as_mapping->mp_ass_subscript) {
        type_error("%.200s is not a sequence", s);
        return -1;
    }
    type_error(o ? "'%.200s' object does not support item assignment"
                 : "'%.200s' object doesn't support item deletion", s);
    return -1;
}

int PySequence_DelItem(PyObject *s, Py_ssize_t i)
{
    if (s == NULL) {
        null_error();
        return -1;
    }
    PySequenceMethods *m = Py_TYPE(s)->tp_as_sequence;
    if (m && m->sq_ass_item) {
        if (i < 0 && m->sq_length) {
            Py_ssize_t l = m->sq_length(s);
            if (l < 0)
                return -1;
            i += l;
        }
        return m->sq_ass_item(s, i, NULL);
    }
    if (Py_TYPE(s)->tp_as_mapping && Py_TYPE(s)->tp_as_mapping->mp_ass_subscript) {
        type_error("%.200s is not a sequence", s);
        return -1;
    }
    type_error("'%.200s' object doesn't support item deletion", s);
    return -1;
}

int PySequence_SetSlice(PyObject *s, Py_ssize_t i1, Py_ssize_t i2, PyObject *o)
{
    if (s == NULL) {
        null_error();
        return -1;
    }
    PyMappingMethods *mp = Py_TYPE(s)->tp_as_mapping;
    if (mp && mp->mp_ass_subscript) {
        PyObject *slice = slice_from_indices(i1, i2);
        if (slice == NULL)
            return -1;
        int res = mp->mp_ass_subscript(s, slice, o);
        Py_DECREF(slice);
        return res;
    }
    type_error("'%.200s' object doesn't support slice assignment", s);
    return -1;
}

int PySequence_DelSlice(PyObject *s, Py_ssize_t i1, Py_ssize_t i2)
{
    if (s == NULL) {
        null_error();
        return -1;
    }
    PyMappingMethods *mp = Py_TYPE(s)->tp_as_mapping;
    if (mp && mp->mp_ass_subscript) {
        PyObject *slice = slice_from_indices(i1, i2);
        if (slice == NULL)
            return -1;
        int res = mp->mp_ass_subscript(s, slice, NULL);
        Py_DECREF(slice);
        return res;
    }
    type_error("'%.200s' object doesn't support slice deletion", s);
    return -1;
}

PyObject *PySequence_List(PyObject *v)
{
    if (v == NULL)
        return null_error();
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    if (PyList_Extend(result, v) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

PyObject *PySequence_Tuple(PyObject *v)
{
    if (v == NULL)
        return null_error();
    if (PyTuple_CheckExact(v))
        return Py_NewRef(v);
    if (PyList_CheckExact(v))
        return PyList_AsTuple(v);
    PyObject *list = PySequence_List(v);
    if (list == NULL)
        return NULL;
    PyObject *res = PyList_AsTuple(list);
    Py_DECREF(list);
    return res;
}

PyObject *PySequence_Fast(PyObject *v, const char *m)
{
    if (v == NULL)
        return null_error();
    if (PyList_CheckExact(v) || PyTuple_CheckExact(v))
        return Py_NewRef(v);
    PyObject *it = PyObject_GetIter(v);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_TypeError, m);
        }
        return NULL;
    }
    PyObject *v2 = PySequence_List(it);
    Py_DECREF(it);
    return v2;
}

#define PY_ITERSEARCH_COUNT 1
#define PY_ITERSEARCH_INDEX 2
#define PY_ITERSEARCH_CONTAINS 3

static Py_ssize_t iter_search(PyObject *seq, PyObject *obj, int operation)
{
    if (seq == NULL || obj == NULL) {
        null_error();
        return -1;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            type_error("argument of type '%.200s' is not iterable", seq);
        }
        return -1;
    }
    Py_ssize_t n = 0;
    int wrapped = 0;
    for (;;) {
        PyObject *item = PyIter_Next(it);
        if (item == NULL) {
            if (PyErr_Occurred())
                goto fail;
            break;
        }
        int cmp = PyObject_RichCompareBool(item, obj, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0)
            goto fail;
        if (cmp > 0) {
            switch (operation) {
            case PY_ITERSEARCH_COUNT:
                if (n == PY_SSIZE_T_MAX) {
                    PyErr_SetString(PyExc_OverflowError, "count exceeds C integer size");
                    goto fail;
                }
                ++n;
                break;
            case PY_ITERSEARCH_INDEX:
                if (wrapped) {
                    PyErr_SetString(PyExc_OverflowError, "index exceeds C integer size");
                    goto fail;
                }
                Py_DECREF(it);
                return n;
            default:
                Py_DECREF(it);
                return 1;
            }
        }
        if (operation == PY_ITERSEARCH_INDEX) {
            if (n == PY_SSIZE_T_MAX)
                wrapped = 1;
            ++n;
        }
    }
    Py_DECREF(it);
    if (operation == PY_ITERSEARCH_INDEX) {
        PyErr_SetString(PyExc_ValueError, "sequence.index(x): x not in sequence");
        return -1;
    }
    return operation == PY_ITERSEARCH_COUNT ? n : 0;
fail:
    Py_DECREF(it);
    return -1;
}

Py_ssize_t _PySequence_IterSearch(PyObject *seq, PyObject *obj, int operation)
{
    return iter_search(seq, obj, operation);
}

Py_ssize_t PySequence_Count(PyObject *s, PyObject *o)
{
    return iter_search(s, o, PY_ITERSEARCH_COUNT);
}

int PySequence_Contains(PyObject *seq, PyObject *ob)
{
    PySequenceMethods *sqm = Py_TYPE(seq)->tp_as_sequence;
    if (sqm != NULL && sqm->sq_contains != NULL)
        return sqm->sq_contains(seq, ob);
    return (int)iter_search(seq, ob, PY_ITERSEARCH_CONTAINS);
}

Py_ssize_t PySequence_Index(PyObject *s, PyObject *o)
{
    return iter_search(s, o, PY_ITERSEARCH_INDEX);
}

/* ---- mappings ------------------------------------------------------------------------------------- */

int PyMapping_Check(PyObject *o)
{
    return o && Py_TYPE(o)->tp_as_mapping && Py_TYPE(o)->tp_as_mapping->mp_subscript;
}

Py_ssize_t PyMapping_Size(PyObject *o)
{
    if (o == NULL) {
        null_error();
        return -1;
    }
    PyMappingMethods *m = Py_TYPE(o)->tp_as_mapping;
    if (m && m->mp_length)
        return m->mp_length(o);
    if (Py_TYPE(o)->tp_as_sequence && Py_TYPE(o)->tp_as_sequence->sq_length) {
        type_error("%.200s is not a mapping", o);
        return -1;
    }
    type_error("object of type '%.200s' has no len()", o);
    return -1;
}

PyObject *PyMapping_GetItemString(PyObject *o, const char *key)
{
    if (key == NULL)
        return null_error();
    PyObject *okey = PyUnicode_FromString(key);
    if (okey == NULL)
        return NULL;
    PyObject *r = PyObject_GetItem(o, okey);
    Py_DECREF(okey);
    return r;
}

int PyMapping_SetItemString(PyObject *o, const char *key, PyObject *value)
{
    if (key == NULL) {
        null_error();
        return -1;
    }
    PyObject *okey = PyUnicode_FromString(key);
    if (okey == NULL)
        return -1;
    int r = PyObject_SetItem(o, okey, value);
    Py_DECREF(okey);
    return r;
}

int PyMapping_HasKey(PyObject *o, PyObject *key)
{
    PyObject *v;
    int r = PyMapping_GetOptionalItem(o, key, &v);
    if (r < 0) {
        PyErr_Clear();
        return 0;
    }
    Py_XDECREF(v);
    return r;
}

static PyObject *method_output_as_list(PyObject *o, PyObject *meth)
{
    PyObject *meth_output = PyObject_CallMethodNoArgs(o, meth);
    if (meth_output == NULL || PyList_CheckExact(meth_output))
        return meth_output;
    PyObject *it = PyObject_GetIter(meth_output);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "%.200s.%U() returned a non-iterable (type %.200s)",
                         Py_TYPE(o)->tp_name, meth, Py_TYPE(meth_output)->tp_name);
        }
        Py_DECREF(meth_output);
        return NULL;
    }
    Py_DECREF(meth_output);
    PyObject *result = PySequence_List(it);
    Py_DECREF(it);
    return result;
}

PyObject *PyMapping_Keys(PyObject *o)
{
    if (o == NULL)
        return null_error();
    if (PyDict_CheckExact(o))
        return PyDict_Keys(o);
    return method_output_as_list(o, _Py_ID(keys));
}

PyObject *PyMapping_Items(PyObject *o)
{
    if (o == NULL)
        return null_error();
    if (PyDict_CheckExact(o))
        return PyDict_Items(o);
    return method_output_as_list(o, _Py_ID(items));
}

PyObject *PyMapping_Values(PyObject *o)
{
    if (o == NULL)
        return null_error();
    if (PyDict_CheckExact(o))
        return PyDict_Values(o);
    return method_output_as_list(o, _Py_ID(values));
}

/* ---- isinstance / issubclass ---------------------------------------------------------------- */

/* cls.__bases__ when it is a tuple (the "class-like" protocol), else NULL. */
static PyObject *abstract_get_bases(PyObject *cls)
{
    PyObject *bases;
    if (PyObject_GetOptionalAttr(cls, _Py_ID(__bases__), &bases) < 0)
        return NULL;
    if (bases != NULL && !PyTuple_Check(bases)) {
        Py_DECREF(bases);
        return NULL;
    }
    return bases;
}

static int abstract_issubclass(PyObject *derived, PyObject *cls)
{
    PyObject *bases = NULL;
    int r = 0;
    for (;;) {
        if (derived == cls) {
            Py_XDECREF(bases);
            return 1;
        }
        Py_XSETREF(bases, abstract_get_bases(derived));
        if (bases == NULL)
            return PyErr_Occurred() ? -1 : 0;
        Py_ssize_t n = PyTuple_GET_SIZE(bases);
        if (n == 0) {
            Py_DECREF(bases);
            return 0;
        }
        if (n == 1) {
            derived = PyTuple_GET_ITEM(bases, 0);
            continue;
        }
        break;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (Py_EnterRecursiveCall(" in __issubclass__")) {
            r = -1;
            break;
        }
        r = abstract_issubclass(PyTuple_GET_ITEM(bases, i), cls);
        Py_LeaveRecursiveCall();
        if (r != 0)
            break;
    }
    Py_DECREF(bases);
    return r;
}

static int check_class(PyObject *cls, const char *error)
{
    PyObject *bases = abstract_get_bases(cls);
    if (bases == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, error);
        return 0;
    }
    Py_DECREF(bases);
    return 1;
}

static int object_isinstance(PyObject *inst, PyObject *cls)
{
    PyObject *icls;
    int retval;
    if (PyType_Check(cls)) {
        retval = PyObject_TypeCheck(inst, (PyTypeObject *)cls);
        if (retval == 0) {
            retval = PyObject_GetOptionalAttr(inst, _Py_ID(__class__), &icls);
            if (icls != NULL) {
                if (icls != (PyObject *)Py_TYPE(inst) && PyType_Check(icls))
                    retval = PyType_IsSubtype((PyTypeObject *)icls, (PyTypeObject *)cls);
                else
                    retval = 0;
                Py_DECREF(icls);
            }
        }
    }
    else {
        if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union"))
            return -1;
        retval = PyObject_GetOptionalAttr(inst, _Py_ID(__class__), &icls);
        if (icls != NULL) {
            retval = abstract_issubclass(icls, cls);
            Py_DECREF(icls);
        }
    }
    return retval;
}

PyObject *_Py_union_args(PyObject *self);

static int object_recursive_isinstance(PyObject *inst, PyObject *cls)
{
    if (Py_IS_TYPE(inst, (PyTypeObject *)cls))
        return 1;
    if (PyType_CheckExact(cls))
        return object_isinstance(inst, cls);
    if (_PyUnion_Check(cls))
        cls = _Py_union_args(cls);
    if (PyTuple_Check(cls)) {
        if (Py_EnterRecursiveCall(" in __instancecheck__"))
            return -1;
        Py_ssize_t n = PyTuple_GET_SIZE(cls);
        int r = 0;
        for (Py_ssize_t i = 0; i < n; ++i) {
            r = object_recursive_isinstance(inst, PyTuple_GET_ITEM(cls, i));
            if (r != 0)
                break;
        }
        Py_LeaveRecursiveCall();
        return r;
    }
    PyObject *checker = _PyObject_LookupSpecial(cls, _Py_ID(__instancecheck__));
    if (checker != NULL) {
        if (Py_EnterRecursiveCall(" in __instancecheck__")) {
            Py_DECREF(checker);
            return -1;
        }
        PyObject *res = PyObject_CallOneArg(checker, inst);
        Py_LeaveRecursiveCall();
        Py_DECREF(checker);
        if (res == NULL)
            return -1;
        int ok = PyObject_IsTrue(res);
        Py_DECREF(res);
        return ok;
    }
    if (PyErr_Occurred())
        return -1;
    return object_isinstance(inst, cls);
}

int PyObject_IsInstance(PyObject *inst, PyObject *cls)
{
    return object_recursive_isinstance(inst, cls);
}

static int recursive_issubclass(PyObject *derived, PyObject *cls)
{
    if (PyType_Check(cls) && PyType_Check(derived))
        return PyType_IsSubtype((PyTypeObject *)derived, (PyTypeObject *)cls);
    if (!check_class(derived, "issubclass() arg 1 must be a class"))
        return -1;
    if (!_PyUnion_Check(cls) &&
        !check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        return -1;
    return abstract_issubclass(derived, cls);
}

int PyObject_IsSubclass(PyObject *derived, PyObject *cls)
{
    if (PyType_CheckExact(cls)) {
        if (derived == cls)
            return 1;
        return recursive_issubclass(derived, cls);
    }
    if (_PyUnion_Check(cls))
        cls = _Py_union_args(cls);
    if (PyTuple_Check(cls)) {
        if (Py_EnterRecursiveCall(" in __subclasscheck__"))
            return -1;
        Py_ssize_t n = PyTuple_GET_SIZE(cls);
        int r = 0;
        for (Py_ssize_t i = 0; i < n; ++i) {
            r = PyObject_IsSubclass(derived, PyTuple_GET_ITEM(cls, i));
            if (r != 0)
                break;
        }
        Py_LeaveRecursiveCall();
        return r;
    }
    PyObject *checker = _PyObject_LookupSpecial(cls, _Py_ID(__subclasscheck__));
    if (checker != NULL) {
        if (Py_EnterRecursiveCall(" in __subclasscheck__")) {
            Py_DECREF(checker);
            return -1;
        }
        PyObject *res = PyObject_CallOneArg(checker, derived);
        Py_LeaveRecursiveCall();
        Py_DECREF(checker);
        if (res == NULL)
            return -1;
        int ok = PyObject_IsTrue(res);
        Py_DECREF(res);
        return ok;
    }
    if (PyErr_Occurred())
        return -1;
    return recursive_issubclass(derived, cls);
}

/* ---- iteration --------------------------------------------------------------------------------- */

PyObject *PyObject_GetIter(PyObject *o)
{
    PyTypeObject *t = Py_TYPE(o);
    getiterfunc f = t->tp_iter;
    if (f == NULL) {
        if (PySequence_Check(o))
            return PySeqIter_New(o);
        return type_error("'%.200s' object is not iterable", o);
    }
    PyObject *res = f(o);
    if (res != NULL && !PyIter_Check(res)) {
        PyErr_Format(PyExc_TypeError, "iter() returned non-iterator of type '%.100s'",
                     Py_TYPE(res)->tp_name);
        Py_SETREF(res, NULL);
    }
    return res;
}

PyObject *PyObject_GetAIter(PyObject *o)
{
    PyTypeObject *t = Py_TYPE(o);
    if (t->tp_as_async == NULL || t->tp_as_async->am_aiter == NULL)
        return type_error("'%.200s' object is not an async iterable", o);
    PyObject *it = t->tp_as_async->am_aiter(o);
    if (it != NULL && !PyAIter_Check(it)) {
        PyErr_Format(PyExc_TypeError, "aiter() returned not an async iterator of type '%.100s'",
                     Py_TYPE(it)->tp_name);
        Py_SETREF(it, NULL);
    }
    return it;
}

int PyIter_Check(PyObject *obj)
{
    iternextfunc f = Py_TYPE(obj)->tp_iternext;
    return f != NULL;
}

int PyAIter_Check(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    return tp->tp_as_async != NULL && tp->tp_as_async->am_anext != NULL;
}

PyObject *PyIter_Next(PyObject *iter)
{
    PyObject *result = Py_TYPE(iter)->tp_iternext(iter);
    if (result == NULL && PyErr_Occurred() && PyErr_ExceptionMatches(PyExc_StopIteration))
        PyErr_Clear();
    return result;
}

PySendResult PyIter_Send(PyObject *iter, PyObject *arg, PyObject **result)
{
    if (Py_TYPE(iter)->tp_as_async && Py_TYPE(iter)->tp_as_async->am_send)
        return Py_TYPE(iter)->tp_as_async->am_send(iter, arg, result);
    if (arg == Py_None && PyIter_Check(iter))
        *result = Py_TYPE(iter)->tp_iternext(iter);
    else
        *result = PyObject_CallMethodOneArg(iter, _Py_ID(send), arg);
    if (*result != NULL)
        return PYGEN_NEXT;
    if (_PyGen_FetchStopIterationValue(result) == 0)
        return PYGEN_RETURN;
    return PYGEN_ERROR;
}

/* ---- buffers ------------------------------------------------------------------------------------ */

int PyObject_CheckBuffer(PyObject *obj)
{
    PyBufferProcs *tp_as_buffer = Py_TYPE(obj)->tp_as_buffer;
    return tp_as_buffer != NULL && tp_as_buffer->bf_getbuffer != NULL;
}

int PyObject_GetBuffer(PyObject *obj, Py_buffer *view, int flags)
{
    PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb == NULL || pb->bf_getbuffer == NULL) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return pb->bf_getbuffer(obj, view, flags);
}

void PyBuffer_Release(Py_buffer *view)
{
    PyObject *obj = view->obj;
    if (obj == NULL)
        return;
    PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb && pb->bf_releasebuffer)
        pb->bf_releasebuffer(obj, view);
    view->obj = NULL;
    Py_DECREF(obj);
}

int PyBuffer_FillInfo(Py_buffer *view, PyObject *obj, void *buf, Py_ssize_t len, int readonly,
                      int flags)
{
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "PyBuffer_FillInfo: view==NULL argument is obsolete");
        return -1;
    }
    if (flags != PyBUF_SIMPLE) {
        if (flags == PyBUF_READ || flags == PyBUF_WRITE) {
            PyErr_BadInternalCall();
            return -1;
        }
    }
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && readonly == 1) {
        PyErr_SetString(PyExc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = Py_XNewRef(obj);
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    view->itemsize = 1;
    view->format = NULL;
    if ((flags & PyBUF_FORMAT) == PyBUF_FORMAT)
        view->format = "B";
    view->ndim = 1;
    view->shape = NULL;
    if ((flags & PyBUF_ND) == PyBUF_ND)
        view->shape = &(view->len);
    view->strides = NULL;
    if ((flags & PyBUF_STRIDES) == PyBUF_STRIDES)
        view->strides = &(view->itemsize);
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

static int is_c_contiguous(const Py_buffer *view)
{
    if (view->len == 0 || view->strides == NULL)
        return 1;
    Py_ssize_t sd = view->itemsize;
    for (int i = view->ndim - 1; i >= 0; i--) {
        Py_ssize_t dim = view->shape[i];
        if (dim > 1 && view->strides[i] != sd)
            return 0;
        sd *= dim;
    }
    return 1;
}

static int is_f_contiguous(const Py_buffer *view)
{
    if (view->len == 0)
        return 1;
    if (view->strides == NULL) {
        if (view->ndim <= 1)
            return 1;
        Py_ssize_t sd = 0;
        for (int i = 0; i < view->ndim; i++)
            if (view->shape[i] > 1)
                sd += 1;
        return sd <= 1;
    }
    Py_ssize_t sd = view->itemsize;
    for (int i = 0; i < view->ndim; i++) {
        Py_ssize_t dim = view->shape[i];
        if (dim > 1 && view->strides[i] != sd)
            return 0;
        sd *= dim;
    }
    return 1;
}

int PyBuffer_IsContiguous(const Py_buffer *view, char order)
{
    if (view->suboffsets != NULL)
        return 0;
    if (order == 'C')
        return is_c_contiguous(view);
    if (order == 'F')
        return is_f_contiguous(view);
    if (order == 'A')
        return is_c_contiguous(view) || is_f_contiguous(view);
    return 0;
}

int PyBuffer_ToContiguous(void *buf, const Py_buffer *src, Py_ssize_t len, char order)
{
    if (len > src->len)
        len = src->len;
    if (PyBuffer_IsContiguous(src, order)) {
        memcpy(buf, src->buf, (size_t)len);
        return 0;
    }
    if (src->ndim <= 0 || src->shape == NULL || src->strides == NULL) {
        memcpy(buf, src->buf, (size_t)len);
        return 0;
    }
    /* Walk the elements in C (row-major) or Fortran order through the strides. */
    Py_ssize_t *indices = PyMem_Calloc((size_t)src->ndim, sizeof(Py_ssize_t));
    if (indices == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    char *dest = buf;
    Py_ssize_t elements = len / src->itemsize;
    for (Py_ssize_t k = 0; k < elements; k++) {
        const char *ptr = src->buf;
        for (int d = 0; d < src->ndim; d++) {
            ptr += indices[d] * src->strides[d];
            if (src->suboffsets && src->suboffsets[d] >= 0)
                ptr = *((char *const *)ptr) + src->suboffsets[d];
        }
        memcpy(dest, ptr, (size_t)src->itemsize);
        dest += src->itemsize;
        if (order == 'F') {
            for (int d = 0; d < src->ndim; d++) {
                if (++indices[d] < src->shape[d])
                    break;
                indices[d] = 0;
            }
        }
        else {
            for (int d = src->ndim - 1; d >= 0; d--) {
                if (++indices[d] < src->shape[d])
                    break;
                indices[d] = 0;
            }
        }
    }
    PyMem_Free(indices);
    return 0;
}
