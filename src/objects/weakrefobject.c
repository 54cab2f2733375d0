/* Weak references: weakref.ref (subclassable), proxy and callable proxy.
 *
 * Every object whose type has a weak-reference list slot keeps a doubly linked list of
 * the weak references to it. The plain ref and plain proxy without callback are shared
 * (weakref.ref(o) is weakref.ref(o)) and kept at the head of the list; references with
 * callbacks follow, newest first, which is the order their callbacks run in when the
 * referent dies. */
#include "Python.h"

#define GET_WEAKREFS_LISTPTR(o) ((PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(o))

Py_ssize_t
_PyWeakref_GetWeakrefCount(PyWeakReference *head)
{
    Py_ssize_t count = 0;
    while (head != NULL) {
        ++count;
        head = head->wr_next;
    }
    return count;
}

static PyObject *weakref_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames);

static void
init_weakref(PyWeakReference *self, PyObject *ob, PyObject *callback)
{
    self->hash = -1;
    self->wr_object = ob;
    self->wr_prev = NULL;
    self->wr_next = NULL;
    self->wr_callback = Py_XNewRef(callback);
    self->vectorcall = weakref_vectorcall;
}

/* Detaches self from its referent's list and forgets the referent; the callback (if
 * any) is dropped. */
static void
clear_weakref(PyWeakReference *self)
{
    PyObject *callback = self->wr_callback;
    if (self->wr_object != Py_None) {
        PyWeakReference **list = GET_WEAKREFS_LISTPTR(self->wr_object);
        if (*list == self)
            *list = self->wr_next;
        self->wr_object = Py_None;
        if (self->wr_prev != NULL)
            self->wr_prev->wr_next = self->wr_next;
        if (self->wr_next != NULL)
            self->wr_next->wr_prev = self->wr_prev;
        self->wr_prev = NULL;
        self->wr_next = NULL;
    }
    if (callback != NULL) {
        self->wr_callback = NULL;
        Py_DECREF(callback);
    }
}

/* For the cycle collector: clear the reference but keep the callback uncalled and
 * alive, because running or freeing it in the middle of a collection is unsafe. */
void
_PyWeakref_ClearRef(PyWeakReference *self)
{
    PyObject *callback = self->wr_callback;
    self->wr_callback = NULL;
    clear_weakref(self);
    self->wr_callback = callback;
}

/* New reference to the live referent, or NULL (no exception) if it is dead. */
static PyObject *
weakref_get_ref(PyObject *ref)
{
    PyObject *obj = ((PyWeakReference *)ref)->wr_object;
    if (obj == Py_None || Py_REFCNT(obj) <= 0)
        return NULL;
    return Py_NewRef(obj);
}

int
PyWeakref_GetRef(PyObject *ref, PyObject **pobj)
{
    if (ref == NULL || !PyWeakref_Check(ref)) {
        *pobj = NULL;
        PyErr_SetString(PyExc_TypeError, "expected a weakref");
        return -1;
    }
    *pobj = weakref_get_ref(ref);
    return *pobj != NULL;
}

PyObject *
PyWeakref_GetObject(PyObject *ref)
{
    if (ref == NULL || !PyWeakref_Check(ref)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *obj = ((PyWeakReference *)ref)->wr_object;
    if (obj != Py_None && Py_REFCNT(obj) <= 0)
        return Py_None;
    return obj;
}

static void
weakref_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    clear_weakref((PyWeakReference *)self);
    Py_TYPE(self)->tp_free(self);
}

static int
gc_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyWeakReference *)self)->wr_callback);
    return 0;
}

static int
gc_clear(PyObject *self)
{
    clear_weakref((PyWeakReference *)self);
    return 0;
}

static PyObject *
weakref_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("weakref", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("weakref", nargs, 0, 0))
        return NULL;
    PyObject *obj = weakref_get_ref(self);
    if (obj == NULL)
        Py_RETURN_NONE;
    return obj;
}

static PyObject *
weakref_call(PyObject *self, PyObject *args, PyObject *kw)
{
    if (kw != NULL && PyDict_GET_SIZE(kw) != 0 && !_PyArg_NoKeywords("weakref", kw))
        return NULL;
    if (!_PyArg_CheckPositional("weakref", PyTuple_GET_SIZE(args), 0, 0))
        return NULL;
    PyObject *obj = weakref_get_ref(self);
    if (obj == NULL)
        Py_RETURN_NONE;
    return obj;
}

static Py_hash_t
weakref_hash(PyObject *_self)
{
    PyWeakReference *self = (PyWeakReference *)_self;
    if (self->hash != -1)
        return self->hash;
    PyObject *obj = weakref_get_ref(_self);
    if (obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "weak object has gone away");
        return -1;
    }
    self->hash = PyObject_Hash(obj);
    Py_DECREF(obj);
    return self->hash;
}

static PyObject *
weakref_repr(PyObject *self)
{
    PyObject *obj = weakref_get_ref(self);
    if (obj == NULL)
        return PyUnicode_FromFormat("<weakref at %p; dead>", self);
    PyObject *name;
    if (PyObject_GetOptionalAttr(obj, _Py_ID(__name__), &name) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    PyObject *repr;
    if (name == NULL || !PyUnicode_Check(name))
        repr = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p>", self,
                                    Py_TYPE(obj)->tp_name, obj);
    else
        repr = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p (%U)>", self,
                                    Py_TYPE(obj)->tp_name, obj, name);
    Py_DECREF(obj);
    Py_XDECREF(name);
    return repr;
}

/* Weak references compare by referent while both are alive, by identity otherwise. */
static PyObject *
weakref_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyWeakref_CheckRef(self) || !PyWeakref_CheckRef(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *obj = weakref_get_ref(self);
    PyObject *other_obj = weakref_get_ref(other);
    if (obj == NULL || other_obj == NULL) {
        Py_XDECREF(obj);
        Py_XDECREF(other_obj);
        int res = (self == other);
        if (op == Py_NE)
            res = !res;
        return PyBool_FromLong(res);
    }
    PyObject *res = PyObject_RichCompare(obj, other_obj, op);
    Py_DECREF(obj);
    Py_DECREF(other_obj);
    return res;
}

/* The shared callback-less ref and proxy at the head of the list, if any. */
static void
get_basic_refs(PyWeakReference *head, PyWeakReference **refp, PyWeakReference **proxyp)
{
    *refp = NULL;
    *proxyp = NULL;
    if (head != NULL && head->wr_callback == NULL) {
        if (PyWeakref_CheckRef((PyObject *)head)) {
            if (Py_IS_TYPE(head, &_PyWeakref_RefType)) {
                *refp = head;
                head = head->wr_next;
            }
        }
        if (head != NULL && head->wr_callback == NULL && PyWeakref_CheckProxy((PyObject *)head))
            *proxyp = head;
    }
}

static void
insert_after(PyWeakReference *newref, PyWeakReference *prev)
{
    newref->wr_prev = prev;
    newref->wr_next = prev->wr_next;
    if (prev->wr_next != NULL)
        prev->wr_next->wr_prev = newref;
    prev->wr_next = newref;
}

static void
insert_head(PyWeakReference *newref, PyWeakReference **list)
{
    PyWeakReference *next = *list;
    newref->wr_prev = NULL;
    newref->wr_next = next;
    if (next != NULL)
        next->wr_prev = newref;
    *list = newref;
}

static int
parse_weakref_init_args(const char *funcname, PyObject *args, PyObject **obp,
                        PyObject **callbackp)
{
    return PyArg_UnpackTuple(args, funcname, 1, 2, obp, callbackp);
}

static int
check_weakrefable(PyObject *ob)
{
    if (!_PyType_SUPPORTS_WEAKREFS(Py_TYPE(ob))) {
        PyErr_Format(PyExc_TypeError, "cannot create weak reference to '%s' object",
                     Py_TYPE(ob)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *
weakref___new__(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *ob, *callback = NULL;
    if (!parse_weakref_init_args("__new__", args, &ob, &callback))
        return NULL;
    if (check_weakrefable(ob) < 0)
        return NULL;
    if (callback == Py_None)
        callback = NULL;
    PyWeakReference **list = GET_WEAKREFS_LISTPTR(ob);
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL && type == &_PyWeakref_RefType && ref != NULL)
        return Py_NewRef(ref);
    PyWeakReference *self = (PyWeakReference *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    init_weakref(self, ob, callback);
    /* tp_alloc may have run code (a collection) that changed the list */
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL && type == &_PyWeakref_RefType) {
        insert_head(self, list);
    }
    else {
        PyWeakReference *prev = (proxy == NULL) ? ref : proxy;
        if (prev == NULL)
            insert_head(self, list);
        else
            insert_after(self, prev);
    }
    return (PyObject *)self;
}

static int
weakref___init__(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *tmp, *tmp2 = NULL;
    if (parse_weakref_init_args("__init__", args, &tmp, &tmp2))
        return 0;
    return -1;
}

static PyMemberDef weakref_members[] = {
    {"__callback__", _Py_T_OBJECT, offsetof(PyWeakReference, wr_callback), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef weakref_methods[] = {
    {"__class_getitem__", (PyCFunction)Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyWeakref_RefType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_vectorcall_offset = offsetof(PyWeakReference, vectorcall),
    .tp_repr = weakref_repr,
    .tp_hash = weakref_hash,
    .tp_call = weakref_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_BASETYPE,
    .tp_traverse = gc_traverse,
    .tp_clear = gc_clear,
    .tp_richcompare = weakref_richcompare,
    .tp_methods = weakref_methods,
    .tp_members = weakref_members,
    .tp_init = weakref___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = weakref___new__,
    .tp_free = PyObject_GC_Del,
};

/* ---- proxies ---------------------------------------------------------------------- */

/* New reference to the referent of a proxy (ReferenceError if dead); other objects are
 * returned with a new reference as they are. */
static PyObject *
proxy_unwrap(PyObject *o)
{
    if (PyWeakref_CheckProxy(o)) {
        PyObject *obj = weakref_get_ref(o);
        if (obj == NULL)
            PyErr_SetString(PyExc_ReferenceError, "weakly-referenced object no longer exists");
        return obj;
    }
    return Py_NewRef(o);
}

#define WRAP_UNARY(method, generic)                                            \
    static PyObject *method(PyObject *proxy)                                   \
    {                                                                          \
        PyObject *obj = proxy_unwrap(proxy);                                   \
        if (obj == NULL)                                                       \
            return NULL;                                                       \
        PyObject *res = generic(obj);                                          \
        Py_DECREF(obj);                                                        \
        return res;                                                            \
    }

#define WRAP_BINARY(method, generic)                                           \
    static PyObject *method(PyObject *x, PyObject *y)                          \
    {                                                                          \
        PyObject *a = proxy_unwrap(x);                                         \
        if (a == NULL)                                                         \
            return NULL;                                                       \
        PyObject *b = proxy_unwrap(y);                                         \
        if (b == NULL) {                                                       \
            Py_DECREF(a);                                                      \
            return NULL;                                                       \
        }                                                                      \
        PyObject *res = generic(a, b);                                         \
        Py_DECREF(a);                                                          \
        Py_DECREF(b);                                                          \
        return res;                                                            \
    }

#define WRAP_TERNARY(method, generic)                                          \
    static PyObject *method(PyObject *proxy, PyObject *v, PyObject *w)         \
    {                                                                          \
        PyObject *a = proxy_unwrap(proxy);                                     \
        if (a == NULL)                                                         \
            return NULL;                                                       \
        PyObject *b = proxy_unwrap(v);                                         \
        if (b == NULL) {                                                       \
            Py_DECREF(a);                                                      \
            return NULL;                                                       \
        }                                                                      \
        PyObject *c = proxy_unwrap(w);                                         \
        if (c == NULL) {                                                       \
            Py_DECREF(a);                                                      \
            Py_DECREF(b);                                                      \
            return NULL;                                                       \
        }                                                                      \
        PyObject *res = generic(a, b, c);                                      \
        Py_DECREF(a);                                                          \
        Py_DECREF(b);                                                          \
        Py_DECREF(c);                                                          \
        return res;                                                            \
    }

WRAP_BINARY(proxy_getattr, PyObject_GetAttr)
WRAP_UNARY(proxy_str, PyObject_Str)
WRAP_BINARY(proxy_add, PyNumber_Add)
WRAP_BINARY(proxy_sub, PyNumber_Subtract)
WRAP_BINARY(proxy_mul, PyNumber_Multiply)
WRAP_BINARY(proxy_floor_div, PyNumber_FloorDivide)
WRAP_BINARY(proxy_true_div, PyNumber_TrueDivide)
WRAP_BINARY(proxy_mod, PyNumber_Remainder)
WRAP_BINARY(proxy_divmod, PyNumber_Divmod)
WRAP_TERNARY(proxy_pow, PyNumber_Power)
WRAP_UNARY(proxy_neg, PyNumber_Negative)
WRAP_UNARY(proxy_pos, PyNumber_Positive)
WRAP_UNARY(proxy_abs, PyNumber_Absolute)
WRAP_UNARY(proxy_invert, PyNumber_Invert)
WRAP_BINARY(proxy_lshift, PyNumber_Lshift)
WRAP_BINARY(proxy_rshift, PyNumber_Rshift)
WRAP_BINARY(proxy_and, PyNumber_And)
WRAP_BINARY(proxy_xor, PyNumber_Xor)
WRAP_BINARY(proxy_or, PyNumber_Or)
WRAP_UNARY(proxy_int, PyNumber_Long)
WRAP_UNARY(proxy_float, PyNumber_Float)
WRAP_BINARY(proxy_iadd, PyNumber_InPlaceAdd)
WRAP_BINARY(proxy_isub, PyNumber_InPlaceSubtract)
WRAP_BINARY(proxy_imul, PyNumber_InPlaceMultiply)
WRAP_BINARY(proxy_ifloor_div, PyNumber_InPlaceFloorDivide)
WRAP_BINARY(proxy_itrue_div, PyNumber_InPlaceTrueDivide)
WRAP_BINARY(proxy_imod, PyNumber_InPlaceRemainder)
WRAP_TERNARY(proxy_ipow, PyNumber_InPlacePower)
WRAP_BINARY(proxy_ilshift, PyNumber_InPlaceLshift)
WRAP_BINARY(proxy_irshift, PyNumber_InPlaceRshift)
WRAP_BINARY(proxy_iand, PyNumber_InPlaceAnd)
WRAP_BINARY(proxy_ixor, PyNumber_InPlaceXor)
WRAP_BINARY(proxy_ior, PyNumber_InPlaceOr)
WRAP_UNARY(proxy_index, PyNumber_Index)
WRAP_BINARY(proxy_matmul, PyNumber_MatrixMultiply)
WRAP_BINARY(proxy_imatmul, PyNumber_InPlaceMatrixMultiply)
WRAP_BINARY(proxy_getitem, PyObject_GetItem)

static PyObject *
proxy_repr(PyObject *proxy)
{
    PyObject *obj = weakref_get_ref(proxy);
    if (obj == NULL)
        return PyUnicode_FromFormat("<weakproxy at %p; dead>", proxy);
    PyObject *repr = PyUnicode_FromFormat("<weakproxy at %p; to '%s' at %p>", proxy,
                                          Py_TYPE(obj)->tp_name, obj);
    Py_DECREF(obj);
    return repr;
}

static int
proxy_setattr(PyObject *proxy, PyObject *name, PyObject *value)
{
    PyObject *obj = proxy_unwrap(proxy);
    if (obj == NULL)
        return -1;
    int res = PyObject_SetAttr(obj, name, value);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_richcompare(PyObject *proxy, PyObject *v, int op)
{
    PyObject *a = proxy_unwrap(proxy);
    if (a == NULL)
        return NULL;
    PyObject *b = proxy_unwrap(v);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(a, b, op);
    Py_DECREF(a);
    Py_DECREF(b);
    return res;
}

static int
proxy_bool(PyObject *proxy)
{
    PyObject *o = proxy_unwrap(proxy);
    if (o == NULL)
        return -1;
    int res = PyObject_IsTrue(o);
    Py_DECREF(o);
    return res;
}

static int
proxy_contains(PyObject *proxy, PyObject *value)
{
    PyObject *obj = proxy_unwrap(proxy);
    if (obj == NULL)
        return -1;
    int res = PySequence_Contains(obj, value);
    Py_DECREF(obj);
    return res;
}

static Py_ssize_t
proxy_length(PyObject *proxy)
{
    PyObject *obj = proxy_unwrap(proxy);
    if (obj == NULL)
        return -1;
    Py_ssize_t res = PyObject_Length(obj);
    Py_DECREF(obj);
    return res;
}

static int
proxy_setitem(PyObject *proxy, PyObject *key, PyObject *value)
{
    PyObject *obj = proxy_unwrap(proxy);
    if (obj == NULL)
        return -1;
    int res;
    if (value == NULL)
        res = PyObject_DelItem(obj, key);
    else
        res = PyObject_SetItem(obj, key, value);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_iter(PyObject *proxy)
{
    PyObject *obj = proxy_unwrap(proxy);
    if (obj == NULL)
        return NULL;
    PyObject *res = PyObject_GetIter(obj);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_iternext(PyObject *proxy)
{
    PyObject *obj = proxy_unwrap(proxy);
    if (obj == NULL)
        return NULL;
    if (!PyIter_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                     Py_TYPE(obj)->tp_name);
        Py_DECREF(obj);
        return NULL;
    }
    PyObject *res = PyIter_Next(obj);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_call(PyObject *proxy, PyObject *args, PyObject *kw)
{
    PyObject *obj = proxy_unwrap(proxy);
    if (obj == NULL)
        return NULL;
    PyObject *res = PyObject_Call(obj, args, kw);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_bytes(PyObject *proxy, PyObject *Py_UNUSED(ignored))
{
    PyObject *obj = proxy_unwrap(proxy);
    if (obj == NULL)
        return NULL;
    PyObject *res = PyObject_CallMethod(obj, "__bytes__", NULL);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_reversed(PyObject *proxy, PyObject *Py_UNUSED(ignored))
{
    PyObject *obj = proxy_unwrap(proxy);
    if (obj == NULL)
        return NULL;
    PyObject *res = PyObject_CallMethod(obj, "__reversed__", NULL);
    Py_DECREF(obj);
    return res;
}

static PyMethodDef proxy_methods[] = {
    {"__bytes__", (PyCFunction)proxy_bytes, METH_NOARGS, NULL},
    {"__reversed__", (PyCFunction)proxy_reversed, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods proxy_as_number = {
    proxy_add, proxy_sub, proxy_mul, proxy_mod, proxy_divmod, proxy_pow, proxy_neg,
    proxy_pos, proxy_abs, proxy_bool, proxy_invert, proxy_lshift, proxy_rshift, proxy_and,
    proxy_xor, proxy_or, proxy_int, NULL, proxy_float, proxy_iadd, proxy_isub, proxy_imul,
    proxy_imod, proxy_ipow, proxy_ilshift, proxy_irshift, proxy_iand, proxy_ixor, proxy_ior,
    proxy_floor_div, proxy_true_div, proxy_ifloor_div, proxy_itrue_div, proxy_index,
    proxy_matmul, proxy_imatmul,
};

static PySequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static PyMappingMethods proxy_as_mapping = {
    proxy_length,
    proxy_getitem,
    proxy_setitem,
};

PyTypeObject _PyWeakref_ProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.ProxyType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gc_traverse,
    .tp_clear = gc_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_methods = proxy_methods,
    .tp_free = PyObject_GC_Del,
};

PyTypeObject _PyWeakref_CallableProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.CallableProxyType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_call = proxy_call,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gc_traverse,
    .tp_clear = gc_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_free = PyObject_GC_Del,
};

/* ---- creation from C ------------------------------------------------------------------ */

PyObject *
PyWeakref_NewRef(PyObject *ob, PyObject *callback)
{
    if (check_weakrefable(ob) < 0)
        return NULL;
    PyObject *args = PyTuple_Pack(callback ? 2 : 1, ob, callback);
    if (args == NULL)
        return NULL;
    PyObject *res = weakref___new__(&_PyWeakref_RefType, args, NULL);
    Py_DECREF(args);
    return res;
}

PyObject *
PyWeakref_NewProxy(PyObject *ob, PyObject *callback)
{
    if (check_weakrefable(ob) < 0)
        return NULL;
    if (callback == Py_None)
        callback = NULL;
    PyWeakReference **list = GET_WEAKREFS_LISTPTR(ob);
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL && proxy != NULL)
        return Py_NewRef(proxy);
    PyTypeObject *type = PyCallable_Check(ob) ? &_PyWeakref_CallableProxyType
                                              : &_PyWeakref_ProxyType;
    PyWeakReference *result = PyObject_GC_New(PyWeakReference, type);
    if (result == NULL)
        return NULL;
    init_weakref(result, ob, callback);
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL) {
        if (ref != NULL)
            insert_after(result, ref);
        else
            insert_head(result, list);
    }
    else {
        PyWeakReference *prev = (proxy == NULL) ? ref : proxy;
        if (prev == NULL)
            insert_head(result, list);
        else
            insert_after(result, prev);
    }
    PyObject_GC_Track(result);
    return (PyObject *)result;
}

/* ---- referent death ----------------------------------------------------------------------- */

static void
handle_callback(PyWeakReference *ref, PyObject *callback)
{
    PyObject *cbresult = PyObject_CallOneArg(callback, (PyObject *)ref);
    if (cbresult == NULL)
        PyErr_WriteUnraisable(callback);
    else
        Py_DECREF(cbresult);
}

/* Called by the deallocator of every type with a weak-reference list: clears every
 * weak reference to `object` and then runs the callbacks, newest reference first. */
void
PyObject_ClearWeakRefs(PyObject *object)
{
    if (object == NULL || !_PyType_SUPPORTS_WEAKREFS(Py_TYPE(object))) {
        PyErr_BadInternalCall();
        return;
    }
    PyWeakReference **list = GET_WEAKREFS_LISTPTR(object);
    /* the shared callback-less ref and proxy need no callback handling */
    if (*list != NULL && (*list)->wr_callback == NULL) {
        clear_weakref(*list);
        if (*list != NULL && (*list)->wr_callback == NULL)
            clear_weakref(*list);
    }
    if (*list == NULL)
        return;
    PyObject *exc = PyErr_GetRaisedException();
    Py_ssize_t count = _PyWeakref_GetWeakrefCount(*list);
    if (count == 1) {
        PyWeakReference *current = *list;
        PyObject *callback = current->wr_callback;
        current->wr_callback = NULL;
        clear_weakref(current);
        if (callback != NULL) {
            if (Py_REFCNT((PyObject *)current) > 0)
                handle_callback(current, callback);
            Py_DECREF(callback);
        }
    }
    else {
        PyObject *tuple = PyTuple_New(count * 2);
        if (tuple == NULL) {
            /* cannot run the callbacks: at least don't leave dangling references */
            while (*list != NULL)
                clear_weakref(*list);
            PyErr_WriteUnraisable(NULL);
            PyErr_SetRaisedException(exc);
            return;
        }
        for (Py_ssize_t i = 0; i < count; ++i) {
            PyWeakReference *current = *list;
            if (current == NULL) {
                PyTuple_SET_ITEM(tuple, i * 2, Py_NewRef(Py_None));
                PyTuple_SET_ITEM(tuple, i * 2 + 1, Py_NewRef(Py_None));
                continue;
            }
            if (Py_REFCNT((PyObject *)current) > 0) {
                PyTuple_SET_ITEM(tuple, i * 2, Py_NewRef(current));
                PyTuple_SET_ITEM(tuple, i * 2 + 1,
                                 current->wr_callback ? current->wr_callback
                                                      : Py_NewRef(Py_None));
            }
            else {
                PyTuple_SET_ITEM(tuple, i * 2, Py_NewRef(Py_None));
                PyTuple_SET_ITEM(tuple, i * 2 + 1, Py_NewRef(Py_None));
                Py_XDECREF(current->wr_callback);
            }
            /* the tuple took over the callback reference */
            current->wr_callback = NULL;
            clear_weakref(current);
        }
        for (Py_ssize_t i = 0; i < count; ++i) {
            PyObject *callback = PyTuple_GET_ITEM(tuple, i * 2 + 1);
            if (callback != Py_None) {
                PyObject *item = PyTuple_GET_ITEM(tuple, i * 2);
                handle_callback((PyWeakReference *)item, callback);
            }
        }
        Py_DECREF(tuple);
    }
    PyErr_SetRaisedException(exc);
}
