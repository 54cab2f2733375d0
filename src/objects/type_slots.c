/* The correspondence between type slots and dunder methods, in both directions:
 *  - static types get "slot wrapper" descriptors (int.__add__) for the slots they fill;
 *  - classes get slot functions (slot_nb_add, ...) that call the dunder methods they
 *    define, re-derived whenever a dunder is assigned on the class later.
 * One table drives both directions. */
#include "Python.h"
#include "internal/pycore_typeobject.h"
#include "internal/pycore_ids.h"

/* ---- calling dunders from slots ---------------------------------------------------------- */

/* The special method `name` of type(self): new reference, with *unbound = 1 when it is a
 * plain function that still needs self. NULL without an exception when absent. */
static PyObject *lookup_maybe_method(PyObject *self, PyObject *name, int *unbound)
{
    PyObject *res = _PyType_LookupRef(Py_TYPE(self), name);
    if (res == NULL)
        return NULL;
    if (PyType_HasFeature(Py_TYPE(res), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        *unbound = 1;
        return res;
    }
    *unbound = 0;
    descrgetfunc f = Py_TYPE(res)->tp_descr_get;
    if (f != NULL) {
        PyObject *bound = f(res, self, (PyObject *)Py_TYPE(self));
        Py_DECREF(res);
        return bound;
    }
    return res;
}

/* Calls func with args (self first when unbound); nargs counts the args after self. */
static PyObject *call_unbound(PyObject *func, int unbound, PyObject *self,
                              PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *stack[4];
    if (unbound) {
        stack[0] = self;
        for (Py_ssize_t i = 0; i < nargs; i++)
            stack[i + 1] = args[i];
        return PyObject_Vectorcall(func, stack, (size_t)(nargs + 1), NULL);
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        stack[i + 1] = args[i];
    return PyObject_Vectorcall(func, stack + 1, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET,
                               NULL);
}

/* self.name(*args) looked up on the type; AttributeError(name) when absent. */
static PyObject *call_method(PyObject *self, PyObject *name, PyObject *const *args,
                             Py_ssize_t nargs)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, name, &unbound);
    if (func == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_AttributeError, name);
        return NULL;
    }
    PyObject *res = call_unbound(func, unbound, self, args, nargs);
    Py_DECREF(func);
    return res;
}

/* Like call_method, but NotImplemented when the method does not exist. */
static PyObject *call_maybe(PyObject *self, PyObject *name, PyObject *const *args,
                            Py_ssize_t nargs)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, name, &unbound);
    if (func == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *res = call_unbound(func, unbound, self, args, nargs);
    Py_DECREF(func);
    return res;
}

/* ---- slot functions for classes ---------------------------------------------------------- */

#define SLOTPTR_NB(tp, field) \
    ((tp)->tp_as_number != NULL ? (void *)(tp)->tp_as_number->field : NULL)

/* Whether type(other) defines the reflected method differently from type(self): only
 * then does a subclass operand get to go first. */
static int method_is_overloaded(PyObject *left, PyObject *right, PyObject *name)
{
    PyObject *a = _PyType_Lookup(Py_TYPE(right), name);
    if (a == NULL)
        return 0;
    PyObject *b = _PyType_Lookup(Py_TYPE(left), name);
    return b == NULL || a != b;
}

static PyObject *binary_slot(PyObject *self, PyObject *other, void *testfunc,
                             void *self_slot, void *other_slot, PyObject *opname,
                             PyObject *ropname)
{
    PyObject *stack[1];
    int do_other = !Py_IS_TYPE(self, Py_TYPE(other)) && other_slot == testfunc;
    if (self_slot == testfunc) {
        if (do_other && PyType_IsSubtype(Py_TYPE(other), Py_TYPE(self)) &&
            method_is_overloaded(self, other, ropname)) {
            stack[0] = self;
            PyObject *r = call_maybe(other, ropname, stack, 1);
            if (r != Py_NotImplemented)
                return r;
            Py_DECREF(r);
            do_other = 0;
        }
        stack[0] = other;
        PyObject *r = call_maybe(self, opname, stack, 1);
        if (r != Py_NotImplemented || Py_IS_TYPE(other, Py_TYPE(self)))
            return r;
        Py_DECREF(r);
    }
    if (do_other) {
        stack[0] = self;
        return call_maybe(other, ropname, stack, 1);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

#define SLOT_BINARY(fname, field, op, rop)                                                  \
    static PyObject *fname(PyObject *self, PyObject *other)                                 \
    {                                                                                        \
        return binary_slot(self, other, (void *)fname, SLOTPTR_NB(Py_TYPE(self), field),   \
                           SLOTPTR_NB(Py_TYPE(other), field), _Py_ID(op), _Py_ID(rop));     \
    }

SLOT_BINARY(slot_nb_add, nb_add, __add__, __radd__)
SLOT_BINARY(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
SLOT_BINARY(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
SLOT_BINARY(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)
SLOT_BINARY(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
SLOT_BINARY(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
SLOT_BINARY(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
SLOT_BINARY(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
SLOT_BINARY(slot_nb_and, nb_and, __and__, __rand__)
SLOT_BINARY(slot_nb_xor, nb_xor, __xor__, __rxor__)
SLOT_BINARY(slot_nb_or, nb_or, __or__, __ror__)
SLOT_BINARY(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
SLOT_BINARY(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)

static PyObject *slot_nb_power_binary(PyObject *self, PyObject *other);

static PyObject *slot_nb_power(PyObject *self, PyObject *other, PyObject *modulus)
{
    if (modulus == Py_None)
        return slot_nb_power_binary(self, other);
    /* Three-argument pow() never tries the reflected method. */
    if (Py_TYPE(self)->tp_as_number != NULL &&
        Py_TYPE(self)->tp_as_number->nb_power == slot_nb_power) {
        PyObject *stack[2] = {other, modulus};
        return call_maybe(self, _Py_ID(__pow__), stack, 2);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

/* SLOT_BINARY compares against the function itself; nb_power's slot is slot_nb_power. */
static PyObject *slot_nb_power_binary(PyObject *self, PyObject *other)
{
    return binary_slot(self, other, (void *)slot_nb_power,
                       SLOTPTR_NB(Py_TYPE(self), nb_power), SLOTPTR_NB(Py_TYPE(other), nb_power),
                       _Py_ID(__pow__), _Py_ID(__rpow__));
}

#define SLOT_INPLACE(fname, op)                                   \
    static PyObject *fname(PyObject *self, PyObject *other)       \
    {                                                             \
        PyObject *stack[1] = {other};                             \
        return call_maybe(self, _Py_ID(op), stack, 1);            \
    }

SLOT_INPLACE(slot_nb_inplace_add, __iadd__)
SLOT_INPLACE(slot_nb_inplace_subtract, __isub__)
SLOT_INPLACE(slot_nb_inplace_multiply, __imul__)
SLOT_INPLACE(slot_nb_inplace_matrix_multiply, __imatmul__)
SLOT_INPLACE(slot_nb_inplace_remainder, __imod__)
SLOT_INPLACE(slot_nb_inplace_lshift, __ilshift__)
SLOT_INPLACE(slot_nb_inplace_rshift, __irshift__)
SLOT_INPLACE(slot_nb_inplace_and, __iand__)
SLOT_INPLACE(slot_nb_inplace_xor, __ixor__)
SLOT_INPLACE(slot_nb_inplace_or, __ior__)
SLOT_INPLACE(slot_nb_inplace_floor_divide, __ifloordiv__)
SLOT_INPLACE(slot_nb_inplace_true_divide, __itruediv__)

static PyObject *slot_nb_inplace_power(PyObject *self, PyObject *other, PyObject *mod)
{
    PyObject *stack[1] = {other};
    return call_maybe(self, _Py_ID(__ipow__), stack, 1);
}

#define SLOT_UNARY(fname, op)                                     \
    static PyObject *fname(PyObject *self)                        \
    {                                                             \
        return call_method(self, _Py_ID(op), NULL, 0);            \
    }

SLOT_UNARY(slot_nb_negative, __neg__)
SLOT_UNARY(slot_nb_positive, __pos__)
SLOT_UNARY(slot_nb_absolute, __abs__)
SLOT_UNARY(slot_nb_invert, __invert__)
SLOT_UNARY(slot_nb_int, __int__)
SLOT_UNARY(slot_nb_float, __float__)
SLOT_UNARY(slot_nb_index, __index__)
SLOT_UNARY(slot_am_await, __await__)
SLOT_UNARY(slot_am_aiter, __aiter__)
SLOT_UNARY(slot_am_anext, __anext__)
SLOT_UNARY(slot_tp_iternext, __next__)

static int slot_nb_bool(PyObject *self)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID(__bool__), &unbound);
    if (func == NULL) {
        if (PyErr_Occurred())
            return -1;
        func = lookup_maybe_method(self, _Py_ID(__len__), &unbound);
        if (func == NULL)
            return PyErr_Occurred() ? -1 : 1;
        PyObject *res = call_unbound(func, unbound, self, NULL, 0);
        Py_DECREF(func);
        if (res == NULL)
            return -1;
        Py_ssize_t n = PyNumber_AsSsize_t(res, PyExc_OverflowError);
        Py_DECREF(res);
        if (n < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
            return -1;
        }
        return n > 0;
    }
    PyObject *res = call_unbound(func, unbound, self, NULL, 0);
    Py_DECREF(func);
    if (res == NULL)
        return -1;
    int r;
    if (res == Py_True)
        r = 1;
    else if (res == Py_False)
        r = 0;
    else {
        PyErr_Format(PyExc_TypeError, "__bool__ should return bool, returned %s",
                     Py_TYPE(res)->tp_name);
        r = -1;
    }
    Py_DECREF(res);
    return r;
}

static Py_ssize_t slot_sq_length(PyObject *self)
{
    PyObject *res = call_method(self, _Py_ID(__len__), NULL, 0);
    if (res == NULL)
        return -1;
    Py_SETREF(res, PyNumber_Index(res));
    if (res == NULL)
        return -1;
    if (_PyLong_Sign(res) < 0) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    Py_ssize_t len = PyNumber_AsSsize_t(res, PyExc_OverflowError);
    Py_DECREF(res);
    return len;
}

static PyObject *slot_sq_item(PyObject *self, Py_ssize_t i)
{
    PyObject *ival = PyLong_FromSsize_t(i);
    if (ival == NULL)
        return NULL;
    PyObject *stack[1] = {ival};
    PyObject *res = call_method(self, _Py_ID(__getitem__), stack, 1);
    Py_DECREF(ival);
    return res;
}

static int slot_sq_ass_item(PyObject *self, Py_ssize_t i, PyObject *value)
{
    PyObject *ival = PyLong_FromSsize_t(i);
    if (ival == NULL)
        return -1;
    PyObject *stack[2] = {ival, value};
    PyObject *res;
    if (value == NULL)
        res = call_method(self, _Py_ID(__delitem__), stack, 1);
    else
        res = call_method(self, _Py_ID(__setitem__), stack, 2);
    Py_DECREF(ival);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static int iter_search_contains(PyObject *seq, PyObject *value)
{
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "argument of type '%.200s' is not iterable",
                         Py_TYPE(seq)->tp_name);
        }
        return -1;
    }
    for (;;) {
        PyObject *item = PyIter_Next(it);
        if (item == NULL) {
            Py_DECREF(it);
            return PyErr_Occurred() ? -1 : 0;
        }
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp != 0) {
            Py_DECREF(it);
            return cmp;
        }
    }
}

static int slot_sq_contains(PyObject *self, PyObject *value)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID(__contains__), &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not a container",
                     Py_TYPE(self)->tp_name);
        return -1;
    }
    if (func != NULL) {
        PyObject *res = call_unbound(func, unbound, self, &value, 1);
        Py_DECREF(func);
        if (res == NULL)
            return -1;
        int r = PyObject_IsTrue(res);
        Py_DECREF(res);
        return r;
    }
    if (PyErr_Occurred())
        return -1;
    return iter_search_contains(self, value);
}

static PyObject *slot_mp_subscript(PyObject *self, PyObject *key)
{
    return call_method(self, _Py_ID(__getitem__), &key, 1);
}

static int slot_mp_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    PyObject *stack[2] = {key, value};
    PyObject *res;
    if (value == NULL)
        res = call_method(self, _Py_ID(__delitem__), stack, 1);
    else
        res = call_method(self, _Py_ID(__setitem__), stack, 2);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *slot_tp_repr(PyObject *self)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID(__repr__), &unbound);
    if (func != NULL) {
        PyObject *res = call_unbound(func, unbound, self, NULL, 0);
        Py_DECREF(func);
        return res;
    }
    if (PyErr_Occurred())
        return NULL;
    return PyUnicode_FromFormat("<%s object at %p>", Py_TYPE(self)->tp_name, (void *)self);
}

SLOT_UNARY(slot_tp_str, __str__)

static Py_hash_t slot_tp_hash(PyObject *self)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID(__hash__), &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        func = NULL;
    }
    if (func == NULL) {
        if (PyErr_Occurred())
            return -1;
        return PyObject_HashNotImplemented(self);
    }
    PyObject *res = call_unbound(func, unbound, self, NULL, 0);
    Py_DECREF(func);
    if (res == NULL)
        return -1;
    if (!PyLong_Check(res)) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* Large results are reduced the way int hashes are, so hash(x) is stable. */
    Py_hash_t h = PyLong_AsSsize_t(res);
    if (h == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        h = PyLong_Type.tp_hash(res);
    }
    Py_DECREF(res);
    if (h == -1 && !PyErr_Occurred())
        h = -2;
    return h;
}

static PyObject *slot_tp_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    int unbound;
    PyObject *meth = lookup_maybe_method(self, _Py_ID(__call__), &unbound);
    if (meth == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                         Py_TYPE(self)->tp_name);
        return NULL;
    }
    PyObject *res;
    if (unbound)
        res = _PyObject_Call_Prepend(meth, self, args, kwds);
    else
        res = PyObject_Call(meth, args, kwds);
    Py_DECREF(meth);
    return res;
}

static PyObject *slot_tp_getattro(PyObject *self, PyObject *name)
{
    return call_method(self, _Py_ID(__getattribute__), &name, 1);
}

static int is_generic_getattribute(PyObject *descr)
{
    return Py_IS_TYPE(descr, &PyWrapperDescr_Type) &&
           ((PyWrapperDescrObject *)descr)->d_wrapped == (void *)PyObject_GenericGetAttr;
}

static PyObject *slot_tp_getattr_hook(PyObject *self, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *getattr = _PyType_LookupRef(tp, _Py_ID(__getattr__));
    if (getattr == NULL)
        return slot_tp_getattro(self, name);
    PyObject *getattribute = _PyType_LookupRef(tp, _Py_ID(__getattribute__));
    PyObject *res;
    if (getattribute == NULL || is_generic_getattribute(getattribute)) {
        res = _PyObject_GenericGetAttrWithDict(self, name, NULL, 1);
    }
    else {
        PyObject *stack[2] = {self, name};
        descrgetfunc f = Py_TYPE(getattribute)->tp_descr_get;
        if (f != NULL && !PyType_HasFeature(Py_TYPE(getattribute), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            PyObject *bound = f(getattribute, self, (PyObject *)tp);
            res = bound ? PyObject_Vectorcall(bound, stack + 1, 1, NULL) : NULL;
            Py_XDECREF(bound);
        }
        else {
            res = PyObject_Vectorcall(getattribute, stack, 2, NULL);
        }
        if (res == NULL && PyErr_ExceptionMatches(PyExc_AttributeError))
            PyErr_Clear();
    }
    Py_XDECREF(getattribute);
    if (res == NULL && !PyErr_Occurred()) {
        PyObject *stack[2] = {self, name};
        descrgetfunc f = Py_TYPE(getattr)->tp_descr_get;
        if (f != NULL && !PyType_HasFeature(Py_TYPE(getattr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            PyObject *bound = f(getattr, self, (PyObject *)tp);
            res = bound ? PyObject_Vectorcall(bound, stack + 1, 1, NULL) : NULL;
            Py_XDECREF(bound);
        }
        else {
            res = PyObject_Vectorcall(getattr, stack, 2, NULL);
        }
    }
    Py_DECREF(getattr);
    return res;
}

static int slot_tp_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyObject *stack[2] = {name, value};
    PyObject *res;
    if (value == NULL)
        res = call_method(self, _Py_ID(__delattr__), stack, 1);
    else
        res = call_method(self, _Py_ID(__setattr__), stack, 2);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *richcmp_name(int op)
{
    switch (op) {
    case Py_LT: return _Py_ID(__lt__);
    case Py_LE: return _Py_ID(__le__);
    case Py_EQ: return _Py_ID(__eq__);
    case Py_NE: return _Py_ID(__ne__);
    case Py_GT: return _Py_ID(__gt__);
    default: return _Py_ID(__ge__);
    }
}

static PyObject *slot_tp_richcompare(PyObject *self, PyObject *other, int op)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, richcmp_name(op), &unbound);
    if (func == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *res = call_unbound(func, unbound, self, &other, 1);
    Py_DECREF(func);
    return res;
}

static PyObject *slot_tp_iter(PyObject *self)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID(__iter__), &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
        return NULL;
    }
    if (func != NULL) {
        PyObject *res = call_unbound(func, unbound, self, NULL, 0);
        Py_DECREF(func);
        return res;
    }
    if (PyErr_Occurred())
        return NULL;
    func = lookup_maybe_method(self, _Py_ID(__getitem__), &unbound);
    if (func == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable",
                         Py_TYPE(self)->tp_name);
        return NULL;
    }
    Py_DECREF(func);
    return PySeqIter_New(self);
}

static PyObject *slot_tp_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyObject *get = _PyType_LookupRef(Py_TYPE(self), _Py_ID(__get__));
    if (get == NULL)
        return Py_NewRef(self);
    PyObject *stack[3] = {self, obj ? obj : Py_None, type ? type : Py_None};
    PyObject *res;
    descrgetfunc f = Py_TYPE(get)->tp_descr_get;
    if (f != NULL && !PyType_HasFeature(Py_TYPE(get), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        PyObject *bound = f(get, self, (PyObject *)Py_TYPE(self));
        res = bound ? PyObject_Vectorcall(bound, stack + 1, 2, NULL) : NULL;
        Py_XDECREF(bound);
    }
    else {
        res = PyObject_Vectorcall(get, stack, 3, NULL);
    }
    Py_DECREF(get);
    return res;
}

static int slot_tp_descr_set(PyObject *self, PyObject *target, PyObject *value)
{
    PyObject *stack[2] = {target, value};
    PyObject *res;
    if (value == NULL)
        res = call_method(self, _Py_ID(__delete__), stack, 1);
    else
        res = call_method(self, _Py_ID(__set__), stack, 2);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static int slot_tp_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    int unbound;
    PyObject *meth = lookup_maybe_method(self, _Py_ID(__init__), &unbound);
    if (meth == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_AttributeError, _Py_ID(__init__));
        return -1;
    }
    PyObject *res;
    if (unbound)
        res = _PyObject_Call_Prepend(meth, self, args, kwds);
    else
        res = PyObject_Call(meth, args, kwds);
    Py_DECREF(meth);
    if (res == NULL)
        return -1;
    if (res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

int _KrType_HasSlotInit(PyTypeObject *type)
{
    return type->tp_init == slot_tp_init;
}

#define KR_INIT_SMALL_STACK 8

/* slot_tp_init for a caller holding the arguments as a vector (calling a class): self
 * goes in front of them, in the caller's spare slot when PY_VECTORCALL_ARGUMENTS_OFFSET
 * allows, so no argument tuple or keyword dict is ever built. */
int _KrType_InitVector(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    int unbound;
    PyObject *meth = lookup_maybe_method(self, _Py_ID(__init__), &unbound);
    if (meth == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_AttributeError, _Py_ID(__init__));
        return -1;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *res;
    if (!unbound) {
        res = PyObject_Vectorcall(meth, args, (size_t)nargs, kwnames);
    }
    else if (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) {
        PyObject **slot = (PyObject **)args - 1;
        PyObject *saved = *slot;
        *slot = self;
        res = PyObject_Vectorcall(meth, slot, (size_t)(nargs + 1), kwnames);
        *slot = saved;
    }
    else {
        Py_ssize_t total = nargs + (kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0);
        PyObject *small[KR_INIT_SMALL_STACK];
        PyObject **stack = small;
        if (total + 1 > KR_INIT_SMALL_STACK) {
            stack = PyMem_Malloc((size_t)(total + 1) * sizeof(PyObject *));
            if (stack == NULL) {
                Py_DECREF(meth);
                PyErr_NoMemory();
                return -1;
            }
        }
        stack[0] = self;
        if (total)
            memcpy(stack + 1, args, (size_t)total * sizeof(PyObject *));
        res = PyObject_Vectorcall(meth, stack, (size_t)(nargs + 1), kwnames);
        if (stack != small)
            PyMem_Free(stack);
    }
    Py_DECREF(meth);
    if (res == NULL)
        return -1;
    if (res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static PyObject *slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *func = PyObject_GetAttr((PyObject *)type, _Py_ID(__new__));
    if (func == NULL)
        return NULL;
    PyObject *res = _PyObject_Call_Prepend(func, (PyObject *)type, args, kwds);
    Py_DECREF(func);
    return res;
}

static void slot_tp_finalize(PyObject *self)
{
    PyObject *exc = PyErr_GetRaisedException();
    int unbound;
    PyObject *del = lookup_maybe_method(self, _Py_ID(__del__), &unbound);
    if (del != NULL) {
        PyObject *res = call_unbound(del, unbound, self, NULL, 0);
        if (res == NULL)
            PyErr_WriteUnraisable(del);
        else
            Py_DECREF(res);
        Py_DECREF(del);
    }
    else if (PyErr_Occurred()) {
        PyErr_WriteUnraisable(self);
    }
    PyErr_SetRaisedException(exc);
}

/* ---- wrappers: calling a C slot from Python ------------------------------------------------ */

static int check_num_args(PyObject *args, Py_ssize_t n)
{
    if (!PyTuple_CheckExact(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    if (n == PyTuple_GET_SIZE(args))
        return 1;
    PyErr_Format(PyExc_TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s",
                 PyTuple_GET_SIZE(args));
    return 0;
}

static PyObject *wrap_unaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    return ((unaryfunc)wrapped)(self);
}

static PyObject *wrap_binaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    return ((binaryfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
}

static PyObject *wrap_binaryfunc_l(PyObject *self, PyObject *args, void *wrapped)
{
    return wrap_binaryfunc(self, args, wrapped);
}

static PyObject *wrap_binaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    return ((binaryfunc)wrapped)(PyTuple_GET_ITEM(args, 0), self);
}

static int unpack_1_or_2(PyObject *args, PyObject **a, PyObject **b)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1) {
        PyErr_Format(PyExc_TypeError, " expected at least 1 argument, got %zd", n);
        return 0;
    }
    if (n > 2) {
        PyErr_Format(PyExc_TypeError, " expected at most 2 arguments, got %zd", n);
        return 0;
    }
    *a = PyTuple_GET_ITEM(args, 0);
    *b = n == 2 ? PyTuple_GET_ITEM(args, 1) : Py_None;
    return 1;
}

static PyObject *wrap_ternaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third;
    if (!unpack_1_or_2(args, &other, &third))
        return NULL;
    return ((ternaryfunc)wrapped)(self, other, third);
}

static PyObject *wrap_ternaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third;
    if (!unpack_1_or_2(args, &other, &third))
        return NULL;
    return ((ternaryfunc)wrapped)(other, self, third);
}

static PyObject *wrap_inquirypred(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    int r = ((inquiry)wrapped)(self);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *wrap_lenfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    Py_ssize_t n = ((lenfunc)wrapped)(self);
    if (n < 0 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *wrap_indexargfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    PyObject *o = PyTuple_GET_ITEM(args, 0);
    if (!PyIndex_Check(o)) {
        PyErr_Format(PyExc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                     Py_TYPE(o)->tp_name);
        return NULL;
    }
    Py_ssize_t i = PyNumber_AsSsize_t(o, PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    return ((ssizeargfunc)wrapped)(self, i);
}

static Py_ssize_t getindex(PyObject *self, PyObject *arg)
{
    Py_ssize_t i = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred())
        return -1;
    if (i < 0) {
        PySequenceMethods *sq = Py_TYPE(self)->tp_as_sequence;
        if (sq && sq->sq_length) {
            Py_ssize_t n = sq->sq_length(self);
            if (n < 0)
                return -1;
            i += n;
        }
    }
    return i;
}

static PyObject *wrap_sq_item(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    Py_ssize_t i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred())
        return NULL;
    return ((ssizeargfunc)wrapped)(self, i);
}

static PyObject *wrap_sq_setitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2))
        return NULL;
    Py_ssize_t i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if (((ssizeobjargproc)wrapped)(self, i, PyTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_sq_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    Py_ssize_t i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if (((ssizeobjargproc)wrapped)(self, i, NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_objobjproc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    int r = ((objobjproc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *wrap_objobjargproc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2))
        return NULL;
    if (((objobjargproc)wrapped)(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    if (((objobjargproc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Refuse object.__setattr__(int, ...) and friends: applying a base class's setattr to an
 * instance of a C type that overrides it would bypass that type's invariants. */
static int hackcheck(PyObject *self, setattrofunc func, const char *what)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mro = type->tp_mro;
    if (mro == NULL)
        return 1;
    /* The first non-heap type in the MRO decides. */
    PyTypeObject *defining = NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (!(b->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
            defining = b;
            break;
        }
    }
    if (defining != NULL && defining->tp_setattro != func) {
        PyErr_Format(PyExc_TypeError, "can't apply this %s to %s object", what,
                     defining->tp_name);
        return 0;
    }
    return 1;
}

static PyObject *wrap_setattr(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2))
        return NULL;
    if (!hackcheck(self, (setattrofunc)wrapped, "__setattr__"))
        return NULL;
    if (((setattrofunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_delattr(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    if (!hackcheck(self, (setattrofunc)wrapped, "__delattr__"))
        return NULL;
    if (((setattrofunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_hashfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    Py_hash_t h = ((hashfunc)wrapped)(self);
    if (h == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(h);
}

static PyObject *wrap_call(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    return ((ternaryfunc)wrapped)(self, args, kwds);
}

static PyObject *wrap_del(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    ((destructor)wrapped)(self);
    Py_RETURN_NONE;
}

#define RICHCMP_WRAPPER(NAME, OP)                                                  \
    static PyObject *richcmp_##NAME(PyObject *self, PyObject *args, void *wrapped) \
    {                                                                              \
        if (!check_num_args(args, 1))                                              \
            return NULL;                                                           \
        return ((richcmpfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), OP);        \
    }
RICHCMP_WRAPPER(lt, Py_LT)
RICHCMP_WRAPPER(le, Py_LE)
RICHCMP_WRAPPER(eq, Py_EQ)
RICHCMP_WRAPPER(ne, Py_NE)
RICHCMP_WRAPPER(gt, Py_GT)
RICHCMP_WRAPPER(ge, Py_GE)

static PyObject *wrap_next(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    PyObject *res = ((iternextfunc)wrapped)(self);
    if (res == NULL && !PyErr_Occurred())
        PyErr_SetNone(PyExc_StopIteration);
    return res;
}

static PyObject *wrap_descr_get(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *obj, *type = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1 || n > 2) {
        PyErr_Format(PyExc_TypeError, n < 1 ? " expected at least 1 argument, got %zd"
                                            : " expected at most 2 arguments, got %zd", n);
        return NULL;
    }
    obj = PyTuple_GET_ITEM(args, 0);
    if (n == 2)
        type = PyTuple_GET_ITEM(args, 1);
    if (obj == Py_None)
        obj = NULL;
    if (type == Py_None)
        type = NULL;
    if (type == NULL && obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((descrgetfunc)wrapped)(self, obj, type);
}

static PyObject *wrap_descr_set(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2))
        return NULL;
    if (((descrsetfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_descr_delete(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    if (((descrsetfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_init(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    if (((initproc)wrapped)(self, args, kwds) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---- the table ------------------------------------------------------------------------------ */

#define PTRFN(f) ((void *)(f))
#define TPSLOT(NAME, SLOT, FUNC, WRAPPER, DOC) \
    {NAME, offsetof(PyTypeObject, SLOT), PTRFN(FUNC), (wrapperfunc)(void (*)(void))(WRAPPER), DOC, 0, NULL}
#define TPSLOTKW(NAME, SLOT, FUNC, WRAPPER, DOC) \
    {NAME, offsetof(PyTypeObject, SLOT), PTRFN(FUNC), (wrapperfunc)(void (*)(void))(WRAPPER), DOC, PyWrapperFlag_KEYWORDS, NULL}
#define ETSLOT(NAME, SLOT, FUNC, WRAPPER, DOC) \
    {NAME, offsetof(PyHeapTypeObject, SLOT), PTRFN(FUNC), (wrapperfunc)(void (*)(void))(WRAPPER), DOC, 0, NULL}
#define AMSLOT(N, S, F, W, D) ETSLOT(N, as_async.S, F, W, D)
#define SQSLOT(N, S, F, W, D) ETSLOT(N, as_sequence.S, F, W, D)
#define MPSLOT(N, S, F, W, D) ETSLOT(N, as_mapping.S, F, W, D)
#define NBSLOT(N, S, F, W, D) ETSLOT(N, as_number.S, F, W, D)
#define UNSLOT(N, S, F, W, D) NBSLOT(N, S, F, W, D)
#define BINSLOT(N, S, F, D) NBSLOT(N, S, F, wrap_binaryfunc_l, D)
#define RBINSLOT(N, S, F, D) NBSLOT(N, S, F, wrap_binaryfunc_r, D)
#define IBSLOT(N, S, F, D) NBSLOT(N, S, F, wrap_binaryfunc, D)

/* Entries for the same slot are adjacent: they are updated together. */
static struct wrapperbase slotdefs[] = {
    TPSLOT("__getattribute__", tp_getattro, slot_tp_getattr_hook, wrap_binaryfunc,
           "__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name)."),
    TPSLOT("__getattr__", tp_getattro, slot_tp_getattr_hook, NULL, ""),
    TPSLOT("__setattr__", tp_setattro, slot_tp_setattro, wrap_setattr,
           "__setattr__($self, name, value, /)\n--\n\nImplement setattr(self, name, value)."),
    TPSLOT("__delattr__", tp_setattro, slot_tp_setattro, wrap_delattr,
           "__delattr__($self, name, /)\n--\n\nImplement delattr(self, name)."),
    TPSLOT("__repr__", tp_repr, slot_tp_repr, wrap_unaryfunc,
           "__repr__($self, /)\n--\n\nReturn repr(self)."),
    TPSLOT("__hash__", tp_hash, slot_tp_hash, wrap_hashfunc,
           "__hash__($self, /)\n--\n\nReturn hash(self)."),
    TPSLOTKW("__call__", tp_call, slot_tp_call, wrap_call,
             "__call__($self, /, *args, **kwargs)\n--\n\nCall self as a function."),
    TPSLOT("__str__", tp_str, slot_tp_str, wrap_unaryfunc,
           "__str__($self, /)\n--\n\nReturn str(self)."),
    TPSLOT("__lt__", tp_richcompare, slot_tp_richcompare, richcmp_lt,
           "__lt__($self, value, /)\n--\n\nReturn self<value."),
    TPSLOT("__le__", tp_richcompare, slot_tp_richcompare, richcmp_le,
           "__le__($self, value, /)\n--\n\nReturn self<=value."),
    TPSLOT("__eq__", tp_richcompare, slot_tp_richcompare, richcmp_eq,
           "__eq__($self, value, /)\n--\n\nReturn self==value."),
    TPSLOT("__ne__", tp_richcompare, slot_tp_richcompare, richcmp_ne,
           "__ne__($self, value, /)\n--\n\nReturn self!=value."),
    TPSLOT("__gt__", tp_richcompare, slot_tp_richcompare, richcmp_gt,
           "__gt__($self, value, /)\n--\n\nReturn self>value."),
    TPSLOT("__ge__", tp_richcompare, slot_tp_richcompare, richcmp_ge,
           "__ge__($self, value, /)\n--\n\nReturn self>=value."),
    TPSLOT("__iter__", tp_iter, slot_tp_iter, wrap_unaryfunc,
           "__iter__($self, /)\n--\n\nImplement iter(self)."),
    TPSLOT("__next__", tp_iternext, slot_tp_iternext, wrap_next,
           "__next__($self, /)\n--\n\nImplement next(self)."),
    TPSLOT("__get__", tp_descr_get, slot_tp_descr_get, wrap_descr_get,
           "__get__($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner."),
    TPSLOT("__set__", tp_descr_set, slot_tp_descr_set, wrap_descr_set,
           "__set__($self, instance, value, /)\n--\n\nSet an attribute of instance to value."),
    TPSLOT("__delete__", tp_descr_set, slot_tp_descr_set, wrap_descr_delete,
           "__delete__($self, instance, /)\n--\n\nDelete an attribute of instance."),
    TPSLOTKW("__init__", tp_init, slot_tp_init, wrap_init,
             "__init__($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature."),
    TPSLOT("__new__", tp_new, slot_tp_new, NULL,
           "__new__(type, /, *args, **kwargs)\n--\n\nCreate and return new object.  See help(type) for accurate signature."),
    TPSLOT("__del__", tp_finalize, slot_tp_finalize, wrap_del,
           "__del__($self, /)\n--\n\nCalled when the instance is about to be destroyed."),
    AMSLOT("__await__", am_await, slot_am_await, wrap_unaryfunc,
           "__await__($self, /)\n--\n\nReturn an iterator to be used in await expression."),
    AMSLOT("__aiter__", am_aiter, slot_am_aiter, wrap_unaryfunc,
           "__aiter__($self, /)\n--\n\nReturn an awaitable, that resolves in asynchronous iterator."),
    AMSLOT("__anext__", am_anext, slot_am_anext, wrap_unaryfunc,
           "__anext__($self, /)\n--\n\nReturn a value or raise StopAsyncIteration."),
    BINSLOT("__add__", nb_add, slot_nb_add, "__add__($self, value, /)\n--\n\nReturn self+value."),
    RBINSLOT("__radd__", nb_add, slot_nb_add, "__radd__($self, value, /)\n--\n\nReturn value+self."),
    BINSLOT("__sub__", nb_subtract, slot_nb_subtract, "__sub__($self, value, /)\n--\n\nReturn self-value."),
    RBINSLOT("__rsub__", nb_subtract, slot_nb_subtract, "__rsub__($self, value, /)\n--\n\nReturn value-self."),
    BINSLOT("__mul__", nb_multiply, slot_nb_multiply, "__mul__($self, value, /)\n--\n\nReturn self*value."),
    RBINSLOT("__rmul__", nb_multiply, slot_nb_multiply, "__rmul__($self, value, /)\n--\n\nReturn value*self."),
    BINSLOT("__mod__", nb_remainder, slot_nb_remainder, "__mod__($self, value, /)\n--\n\nReturn self%value."),
    RBINSLOT("__rmod__", nb_remainder, slot_nb_remainder, "__rmod__($self, value, /)\n--\n\nReturn value%self."),
    BINSLOT("__divmod__", nb_divmod, slot_nb_divmod, "__divmod__($self, value, /)\n--\n\nReturn divmod(self, value)."),
    RBINSLOT("__rdivmod__", nb_divmod, slot_nb_divmod, "__rdivmod__($self, value, /)\n--\n\nReturn divmod(value, self)."),
    NBSLOT("__pow__", nb_power, slot_nb_power, wrap_ternaryfunc,
           "__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."),
    NBSLOT("__rpow__", nb_power, slot_nb_power, wrap_ternaryfunc_r,
           "__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."),
    UNSLOT("__neg__", nb_negative, slot_nb_negative, wrap_unaryfunc, "__neg__($self, /)\n--\n\n-self"),
    UNSLOT("__pos__", nb_positive, slot_nb_positive, wrap_unaryfunc, "__pos__($self, /)\n--\n\n+self"),
    UNSLOT("__abs__", nb_absolute, slot_nb_absolute, wrap_unaryfunc, "__abs__($self, /)\n--\n\nabs(self)"),
    UNSLOT("__bool__", nb_bool, slot_nb_bool, wrap_inquirypred,
           "__bool__($self, /)\n--\n\nTrue if self else False"),
    UNSLOT("__invert__", nb_invert, slot_nb_invert, wrap_unaryfunc, "__invert__($self, /)\n--\n\n~self"),
    BINSLOT("__lshift__", nb_lshift, slot_nb_lshift, "__lshift__($self, value, /)\n--\n\nReturn self<<value."),
    RBINSLOT("__rlshift__", nb_lshift, slot_nb_lshift, "__rlshift__($self, value, /)\n--\n\nReturn value<<self."),
    BINSLOT("__rshift__", nb_rshift, slot_nb_rshift, "__rshift__($self, value, /)\n--\n\nReturn self>>value."),
    RBINSLOT("__rrshift__", nb_rshift, slot_nb_rshift, "__rrshift__($self, value, /)\n--\n\nReturn value>>self."),
    BINSLOT("__and__", nb_and, slot_nb_and, "__and__($self, value, /)\n--\n\nReturn self&value."),
    RBINSLOT("__rand__", nb_and, slot_nb_and, "__rand__($self, value, /)\n--\n\nReturn value&self."),
    BINSLOT("__xor__", nb_xor, slot_nb_xor, "__xor__($self, value, /)\n--\n\nReturn self^value."),
    RBINSLOT("__rxor__", nb_xor, slot_nb_xor, "__rxor__($self, value, /)\n--\n\nReturn value^self."),
    BINSLOT("__or__", nb_or, slot_nb_or, "__or__($self, value, /)\n--\n\nReturn self|value."),
    RBINSLOT("__ror__", nb_or, slot_nb_or, "__ror__($self, value, /)\n--\n\nReturn value|self."),
    UNSLOT("__int__", nb_int, slot_nb_int, wrap_unaryfunc, "__int__($self, /)\n--\n\nint(self)"),
    UNSLOT("__float__", nb_float, slot_nb_float, wrap_unaryfunc, "__float__($self, /)\n--\n\nfloat(self)"),
    IBSLOT("__iadd__", nb_inplace_add, slot_nb_inplace_add, "__iadd__($self, value, /)\n--\n\nReturn self+=value."),
    IBSLOT("__isub__", nb_inplace_subtract, slot_nb_inplace_subtract, "__isub__($self, value, /)\n--\n\nReturn self-=value."),
    IBSLOT("__imul__", nb_inplace_multiply, slot_nb_inplace_multiply, "__imul__($self, value, /)\n--\n\nReturn self*=value."),
    IBSLOT("__imod__", nb_inplace_remainder, slot_nb_inplace_remainder, "__imod__($self, value, /)\n--\n\nReturn self%=value."),
    NBSLOT("__ipow__", nb_inplace_power, slot_nb_inplace_power, wrap_ternaryfunc,
           "__ipow__($self, value, /)\n--\n\nReturn self**=value."),
    IBSLOT("__ilshift__", nb_inplace_lshift, slot_nb_inplace_lshift, "__ilshift__($self, value, /)\n--\n\nReturn self<<=value."),
    IBSLOT("__irshift__", nb_inplace_rshift, slot_nb_inplace_rshift, "__irshift__($self, value, /)\n--\n\nReturn self>>=value."),
    IBSLOT("__iand__", nb_inplace_and, slot_nb_inplace_and, "__iand__($self, value, /)\n--\n\nReturn self&=value."),
    IBSLOT("__ixor__", nb_inplace_xor, slot_nb_inplace_xor, "__ixor__($self, value, /)\n--\n\nReturn self^=value."),
    IBSLOT("__ior__", nb_inplace_or, slot_nb_inplace_or, "__ior__($self, value, /)\n--\n\nReturn self|=value."),
    BINSLOT("__floordiv__", nb_floor_divide, slot_nb_floor_divide, "__floordiv__($self, value, /)\n--\n\nReturn self//value."),
    RBINSLOT("__rfloordiv__", nb_floor_divide, slot_nb_floor_divide, "__rfloordiv__($self, value, /)\n--\n\nReturn value//self."),
    BINSLOT("__truediv__", nb_true_divide, slot_nb_true_divide, "__truediv__($self, value, /)\n--\n\nReturn self/value."),
    RBINSLOT("__rtruediv__", nb_true_divide, slot_nb_true_divide, "__rtruediv__($self, value, /)\n--\n\nReturn value/self."),
    IBSLOT("__ifloordiv__", nb_inplace_floor_divide, slot_nb_inplace_floor_divide, "__ifloordiv__($self, value, /)\n--\n\nReturn self//=value."),
    IBSLOT("__itruediv__", nb_inplace_true_divide, slot_nb_inplace_true_divide, "__itruediv__($self, value, /)\n--\n\nReturn self/=value."),
    UNSLOT("__index__", nb_index, slot_nb_index, wrap_unaryfunc,
           "__index__($self, /)\n--\n\nReturn self converted to an integer, if self is suitable for use as an index into a list."),
    BINSLOT("__matmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "__matmul__($self, value, /)\n--\n\nReturn self@value."),
    RBINSLOT("__rmatmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "__rmatmul__($self, value, /)\n--\n\nReturn value@self."),
    IBSLOT("__imatmul__", nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, "__imatmul__($self, value, /)\n--\n\nReturn self@=value."),
    MPSLOT("__len__", mp_length, slot_sq_length, wrap_lenfunc, "__len__($self, /)\n--\n\nReturn len(self)."),
    MPSLOT("__getitem__", mp_subscript, slot_mp_subscript, wrap_binaryfunc,
           "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
    MPSLOT("__setitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc,
           "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
    MPSLOT("__delitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem,
           "__delitem__($self, key, /)\n--\n\nDelete self[key]."),
    SQSLOT("__len__", sq_length, slot_sq_length, wrap_lenfunc, "__len__($self, /)\n--\n\nReturn len(self)."),
    SQSLOT("__add__", sq_concat, NULL, wrap_binaryfunc, "__add__($self, value, /)\n--\n\nReturn self+value."),
    SQSLOT("__mul__", sq_repeat, NULL, wrap_indexargfunc, "__mul__($self, value, /)\n--\n\nReturn self*value."),
    SQSLOT("__rmul__", sq_repeat, NULL, wrap_indexargfunc, "__rmul__($self, value, /)\n--\n\nReturn value*self."),
    SQSLOT("__getitem__", sq_item, slot_sq_item, wrap_sq_item,
           "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
    SQSLOT("__setitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_setitem,
           "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
    SQSLOT("__delitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_delitem,
           "__delitem__($self, key, /)\n--\n\nDelete self[key]."),
    SQSLOT("__contains__", sq_contains, slot_sq_contains, wrap_objobjproc,
           "__contains__($self, key, /)\n--\n\nReturn bool(key in self)."),
    SQSLOT("__iadd__", sq_inplace_concat, NULL, wrap_binaryfunc,
           "__iadd__($self, value, /)\n--\n\nImplement self+=value."),
    SQSLOT("__imul__", sq_inplace_repeat, NULL, wrap_indexargfunc,
           "__imul__($self, value, /)\n--\n\nImplement self*=value."),
    {NULL, 0, NULL, NULL, NULL, 0, NULL},
};

/* Where a slot lives in `type`: heap types hold their tables inline, static types point
 * at theirs (or have none). */
static inline void **slotptr(PyTypeObject *type, int ioffset)
{
    char *ptr;
    size_t offset = (size_t)ioffset;
    if (offset >= offsetof(PyHeapTypeObject, as_buffer)) {
        ptr = (char *)type->tp_as_buffer;
        offset -= offsetof(PyHeapTypeObject, as_buffer);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_sequence)) {
        ptr = (char *)type->tp_as_sequence;
        offset -= offsetof(PyHeapTypeObject, as_sequence);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_mapping)) {
        ptr = (char *)type->tp_as_mapping;
        offset -= offsetof(PyHeapTypeObject, as_mapping);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_number)) {
        ptr = (char *)type->tp_as_number;
        offset -= offsetof(PyHeapTypeObject, as_number);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_async)) {
        ptr = (char *)type->tp_as_async;
        offset -= offsetof(PyHeapTypeObject, as_async);
    }
    else {
        ptr = (char *)type;
    }
    if (ptr == NULL)
        return NULL;
    return (void **)(ptr + offset);
}

/* ---- static types: wrapper descriptors ------------------------------------------------------ */

/* Each slot name is interned once per process and kept in its slotdef: start-up readies
 * every built-in type, and looking the same names up again for each type was most of its
 * cost.  Interned strings are immortal, so the borrowed pointer stays valid. */
static PyObject *slotdef_name(struct wrapperbase *p)
{
    if (p->name_strobj == NULL)
        p->name_strobj = PyUnicode_InternFromString(p->name);
    return p->name_strobj;
}

/* The offset where the slot table holding `ioffset` ends (tables are laid out in this
 * order in PyHeapTypeObject, and slotdefs lists each table's entries together). */
static size_t slot_table_end(int ioffset)
{
    size_t offset = (size_t)ioffset;
    if (offset >= offsetof(PyHeapTypeObject, as_buffer))
        return SIZE_MAX;
    if (offset >= offsetof(PyHeapTypeObject, as_sequence))
        return offsetof(PyHeapTypeObject, as_buffer);
    if (offset >= offsetof(PyHeapTypeObject, as_mapping))
        return offsetof(PyHeapTypeObject, as_sequence);
    if (offset >= offsetof(PyHeapTypeObject, as_number))
        return offsetof(PyHeapTypeObject, as_mapping);
    if (offset >= offsetof(PyHeapTypeObject, as_async))
        return offsetof(PyHeapTypeObject, as_number);
    return offsetof(PyHeapTypeObject, as_async);
}

int _KrType_AddOperators(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    for (struct wrapperbase *p = slotdefs; p->name; p++) {
        void **ptr = slotptr(type, p->offset);
        if (ptr == NULL) {
            /* Most static types lack most tables: skip a missing table's entries at once. */
            size_t lo = (size_t)p->offset, end = slot_table_end(p->offset);
            while (p[1].name != NULL && (size_t)p[1].offset >= lo && (size_t)p[1].offset < end)
                p++;
            continue;
        }
        if (*ptr == NULL || p->wrapper == NULL)
            continue;
        PyObject *name = slotdef_name(p);
        if (name == NULL)
            return -1;
        /* Names the type's dict already has are rare, so making the wrapper up front and
         * inserting with one set-default probe beats a membership test per slot. */
        int r;
        if (*ptr == (void *)PyObject_HashNotImplemented) {
            r = PyDict_SetDefaultRef(dict, name, Py_None, NULL);
        }
        else {
            PyObject *descr = PyDescr_NewWrapper(type, p, *ptr);
            if (descr == NULL)
                return -1;
            r = PyDict_SetDefaultRef(dict, name, descr, NULL);
            Py_DECREF(descr);
        }
        if (r < 0)
            return -1;
    }
    return 0;
}

/* ---- __new__ of C types ---------------------------------------------------------------------- */

static PyObject *tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) < 1) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
        return NULL;
    }
    PyObject *arg0 = PyTuple_GET_ITEM(args, 0);
    if (!PyType_Check(arg0)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                     type->tp_name, Py_TYPE(arg0)->tp_name);
        return NULL;
    }
    PyTypeObject *subtype = (PyTypeObject *)arg0;
    if (!PyType_IsSubtype(subtype, type)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                     type->tp_name, subtype->tp_name, subtype->tp_name, type->tp_name);
        return NULL;
    }
    /* The nearest base that isn't a Python class must be the one whose __new__ runs:
     * object.__new__(int) would make an int without int's initialisation. */
    PyTypeObject *staticbase = subtype;
    while (staticbase && (staticbase->tp_new == slot_tp_new))
        staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                     type->tp_name, subtype->tp_name, staticbase->tp_name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (rest == NULL)
        return NULL;
    PyObject *res = type->tp_new(subtype, rest, kwds);
    Py_DECREF(rest);
    return res;
}

static PyMethodDef tp_new_methoddef[] = {
    {"__new__", _PyCFunction_CAST(tp_new_wrapper), METH_VARARGS | METH_KEYWORDS,
     "__new__($type, *args, **kwargs)\n--\n\n"
     "Create and return a new object.  See help(type) for accurate signature."},
    {NULL, NULL, 0, NULL},
};

int _KrType_AddTpNew(PyTypeObject *type)
{
    int r = PyDict_Contains(type->tp_dict, _Py_ID(__new__));
    if (r != 0)
        return r < 0 ? -1 : 0;
    PyObject *func = PyCFunction_NewEx(tp_new_methoddef, (PyObject *)type, NULL);
    if (func == NULL)
        return -1;
    r = PyDict_SetItem(type->tp_dict, _Py_ID(__new__), func);
    Py_DECREF(func);
    return r;
}

static int is_tp_new_wrapper(PyObject *descr)
{
    return PyCFunction_Check(descr) &&
           ((PyCFunctionObject *)descr)->m_ml->ml_meth == _PyCFunction_CAST(tp_new_wrapper);
}

/* ---- classes: slots from dunders --------------------------------------------------------------- */

/* Derive the slot shared by entries [p, end) from what the MRO defines for their names:
 * a C implementation inherited unchanged is used directly; anything else goes through the
 * generic slot function that calls the dunder. */
static void update_one_slot(PyTypeObject *type, struct wrapperbase *p, struct wrapperbase *end)
{
    void **ptr = slotptr(type, p->offset);
    if (ptr == NULL)
        return;
    void *generic = NULL, *specific = NULL;
    int use_generic = 0;
    for (; p < end; p++) {
        PyObject *name = slotdef_name(p);
        if (name == NULL) {
            PyErr_Clear();
            return;
        }
        PyObject *descr = _PyType_Lookup(type, name);
        if (descr == NULL)
            continue;
        if (Py_IS_TYPE(descr, &PyWrapperDescr_Type) &&
            ((PyWrapperDescrObject *)descr)->d_base == p) {
            PyWrapperDescrObject *d = (PyWrapperDescrObject *)descr;
            void **tptr = slotptr(d->d_common.d_type, p->offset);
            if (tptr == NULL || !PyType_IsSubtype(type, d->d_common.d_type)) {
                use_generic = 1;
                generic = p->function;
            }
            else if (specific == NULL || specific == d->d_wrapped) {
                specific = d->d_wrapped;
            }
            else {
                use_generic = 1;
                generic = p->function;
            }
        }
        else if (ptr == (void **)&type->tp_new && is_tp_new_wrapper(descr)) {
            specific = (void *)type->tp_new;
            if (specific == (void *)slot_tp_new) {
                PyTypeObject *b = type->tp_base;
                while (b != NULL && b->tp_new == slot_tp_new)
                    b = b->tp_base;
                specific = b ? (void *)b->tp_new : NULL;
            }
        }
        else if (descr == Py_None && ptr == (void **)&type->tp_hash) {
            specific = (void *)PyObject_HashNotImplemented;
        }
        else {
            use_generic = 1;
            generic = p->function;
            if (p->function == (void *)slot_tp_call)
                type->tp_flags &= ~Py_TPFLAGS_HAVE_VECTORCALL;
        }
    }
    if (specific != NULL && !use_generic)
        *ptr = specific;
    else
        *ptr = generic;
}

void _KrType_FixupSlots(PyTypeObject *type)
{
    struct wrapperbase *p = slotdefs;
    while (p->name != NULL) {
        struct wrapperbase *q = p + 1;
        while (q->name != NULL && q->offset == p->offset)
            q++;
        update_one_slot(type, p, q);
        p = q;
    }
}

int _KrType_IsSlotName(PyObject *name)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(name);
    if (n < 5 || PyUnicode_READ_CHAR(name, 0) != '_' || PyUnicode_READ_CHAR(name, 1) != '_')
        return 0;
    for (struct wrapperbase *p = slotdefs; p->name; p++)
        if (_PyUnicode_EqualToASCIIString(name, p->name))
            return 1;
    return 0;
}

static int update_slots_for_name(PyTypeObject *type, PyObject *name)
{
    struct wrapperbase *p = slotdefs;
    while (p->name != NULL) {
        struct wrapperbase *q = p + 1;
        while (q->name != NULL && q->offset == p->offset)
            q++;
        for (struct wrapperbase *r = p; r < q; r++) {
            if (_PyUnicode_EqualToASCIIString(name, r->name)) {
                update_one_slot(type, p, q);
                break;
            }
        }
        p = q;
    }
    /* Subclasses that define the name themselves are unaffected. */
    PyObject *subs = _PyType_GetSubclasses(type);
    if (subs == NULL)
        return -1;
    int res = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(subs); i++) {
        PyTypeObject *sub = (PyTypeObject *)PyList_GET_ITEM(subs, i);
        int has = PyDict_Contains(sub->tp_dict, name);
        if (has < 0) {
            res = -1;
            break;
        }
        if (!has && update_slots_for_name(sub, name) < 0) {
            res = -1;
            break;
        }
    }
    Py_DECREF(subs);
    return res;
}

int _KrType_UpdateSlot(PyTypeObject *type, PyObject *name)
{
    return update_slots_for_name(type, name);
}

/* Exposed for object.__new__/__init__ excess-argument checks. */
int _KrType_HasSlotTpNew(PyTypeObject *type) { return type->tp_new == slot_tp_new; }
