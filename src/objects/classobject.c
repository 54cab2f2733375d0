/* Bound methods (PyMethod_Type) and instancemethod. */
#include "Python.h"

#define KR_SMALL_STACK 8

/* Calls func(self, *args) in vectorcall form, borrowing the slot before args when the
 * caller allows it (PY_VECTORCALL_ARGUMENTS_OFFSET) so that no array is copied. */
static PyObject *call_with_self(PyObject *func, PyObject *self, PyObject *const *args,
                                size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    Py_ssize_t total = nargs + nkw;
    PyObject *result;
    if (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) {
        PyObject **newargs = (PyObject **)args - 1;
        PyObject *saved = newargs[0];
        newargs[0] = self;
        result = PyObject_Vectorcall(func, newargs, (size_t)(nargs + 1), kwnames);
        newargs[0] = saved;
        return result;
    }
    PyObject *small[KR_SMALL_STACK];
    PyObject **stack = small;
    if (total + 1 > KR_SMALL_STACK) {
        stack = PyMem_Malloc((size_t)(total + 1) * sizeof(PyObject *));
        if (stack == NULL)
            return PyErr_NoMemory();
    }
    stack[0] = self;
    if (total)
        memcpy(stack + 1, args, (size_t)total * sizeof(PyObject *));
    result = PyObject_Vectorcall(func, stack, (size_t)(nargs + 1), kwnames);
    if (stack != small)
        PyMem_Free(stack);
    return result;
}

static PyObject *method_vectorcall(PyObject *method, PyObject *const *args, size_t nargsf,
                                   PyObject *kwnames)
{
    PyMethodObject *m = (PyMethodObject *)method;
    return call_with_self(m->im_func, m->im_self, args, nargsf, kwnames);
}

PyObject *PyMethod_New(PyObject *func, PyObject *self)
{
    if (self == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyMethodObject *im = PyObject_GC_New(PyMethodObject, &PyMethod_Type);
    if (im == NULL)
        return NULL;
    im->im_weakreflist = NULL;
    im->im_func = Py_NewRef(func);
    im->im_self = Py_NewRef(self);
    im->vectorcall = method_vectorcall;
    PyObject_GC_Track(im);
    return (PyObject *)im;
}

static void method_dealloc(PyObject *self)
{
    PyMethodObject *im = (PyMethodObject *)self;
    PyObject_GC_UnTrack(self);
    if (im->im_weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_DECREF(im->im_func);
    Py_XDECREF(im->im_self);
    PyObject_GC_Del(self);
}

static int method_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyMethodObject *im = (PyMethodObject *)self;
    Py_VISIT(im->im_func);
    Py_VISIT(im->im_self);
    return 0;
}

static PyObject *method_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyMethod_Check(self) || !PyMethod_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyMethodObject *a = (PyMethodObject *)self, *b = (PyMethodObject *)other;
    int eq = PyObject_RichCompareBool(a->im_func, b->im_func, Py_EQ);
    if (eq == 1)
        eq = a->im_self == b->im_self;
    else if (eq < 0)
        return NULL;
    if (op == Py_EQ)
        return Py_NewRef(eq ? Py_True : Py_False);
    return Py_NewRef(eq ? Py_False : Py_True);
}

static Py_hash_t method_hash(PyObject *self)
{
    PyMethodObject *a = (PyMethodObject *)self;
    Py_hash_t x = (Py_hash_t)((uintptr_t)a->im_self >> 4 | (uintptr_t)a->im_self << (8 * sizeof(void *) - 4));
    Py_hash_t y = PyObject_Hash(a->im_func);
    if (y == -1)
        return -1;
    x = x ^ y;
    if (x == -1)
        x = -2;
    return x;
}

static PyObject *method_repr(PyObject *self)
{
    PyMethodObject *a = (PyMethodObject *)self;
    PyObject *funcname = NULL;
    if (PyObject_GetOptionalAttr(a->im_func, _Py_ID(__qualname__), &funcname) < 0)
        return NULL;
    if (funcname == NULL) {
        if (PyObject_GetOptionalAttr(a->im_func, _Py_ID(__name__), &funcname) < 0)
            return NULL;
    }
    if (funcname != NULL && !PyUnicode_Check(funcname))
        Py_CLEAR(funcname);
    PyObject *result = PyUnicode_FromFormat("<bound method %V of %R>", funcname, "?",
                                            a->im_self);
    Py_XDECREF(funcname);
    return result;
}

static PyObject *method_getattro(PyObject *obj, PyObject *name)
{
    PyMethodObject *im = (PyMethodObject *)obj;
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr = _PyType_Lookup(tp, name);
    if (descr != NULL) {
        descrgetfunc f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL)
            return f(descr, obj, (PyObject *)tp);
        return Py_NewRef(descr);
    }
    return PyObject_GetAttr(im->im_func, name);
}

static PyObject *method_get_doc(PyObject *self, void *c)
{
    return PyObject_GetAttr(((PyMethodObject *)self)->im_func, _Py_ID(__doc__));
}

static PyObject *method_descr_get(PyObject *meth, PyObject *obj, PyObject *cls)
{
    return Py_NewRef(meth);
}

static PyObject *method_reduce(PyObject *self, PyObject *unused)
{
    PyMethodObject *im = (PyMethodObject *)self;
    PyObject *funcname = PyObject_GetAttr(im->im_func, _Py_ID(__name__));
    if (funcname == NULL)
        return NULL;
    PyObject *builtins = _PyThreadState_GET()->interp->builtins;
    PyObject *getattr = PyDict_GetItemString(builtins, "getattr");
    if (getattr == NULL) {
        Py_DECREF(funcname);
        PyErr_SetString(PyExc_RuntimeError, "lost builtins.getattr");
        return NULL;
    }
    return Py_BuildValue("O(ON)", getattr, im->im_self, funcname);
}

static PyObject *method_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *func, *self;
    if (!_PyArg_NoKeywords("method", kw))
        return NULL;
    if (!PyArg_UnpackTuple(args, "method", 2, 2, &func, &self))
        return NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first argument must be callable");
        return NULL;
    }
    if (self == NULL || self == Py_None) {
        PyErr_SetString(PyExc_TypeError, "instance must not be None");
        return NULL;
    }
    return PyMethod_New(func, self);
}

static PyMethodDef method_methods[] = {
    {"__reduce__", method_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef method_memberlist[] = {
    {"__func__", _Py_T_OBJECT, offsetof(PyMethodObject, im_func), Py_READONLY,
     "the function (or other callable) implementing a method"},
    {"__self__", _Py_T_OBJECT, offsetof(PyMethodObject, im_self), Py_READONLY,
     "the instance to which a method is bound"},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method",
    .tp_basicsize = sizeof(PyMethodObject),
    .tp_dealloc = method_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodObject, vectorcall),
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = method_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Create a bound instance method object.",
    .tp_traverse = method_traverse,
    .tp_richcompare = method_richcompare,
    .tp_weaklistoffset = offsetof(PyMethodObject, im_weakreflist),
    .tp_methods = method_methods,
    .tp_members = method_memberlist,
    .tp_getset = method_getset,
    .tp_descr_get = method_descr_get,
    .tp_new = method_new,
};

/* ---- instancemethod: binds a callable like a function would -------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *func;
} PyInstanceMethodObject;

static PyObject *instancemethod_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *func;
    if (!_PyArg_NoKeywords("instancemethod", kw))
        return NULL;
    if (!PyArg_UnpackTuple(args, "instancemethod", 1, 1, &func))
        return NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first argument must be callable");
        return NULL;
    }
    PyInstanceMethodObject *m = PyObject_GC_New(PyInstanceMethodObject, &PyInstanceMethod_Type);
    if (m == NULL)
        return NULL;
    m->func = Py_NewRef(func);
    PyObject_GC_Track(m);
    return (PyObject *)m;
}

static void instancemethod_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_DECREF(((PyInstanceMethodObject *)self)->func);
    PyObject_GC_Del(self);
}

static int instancemethod_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyInstanceMethodObject *)self)->func);
    return 0;
}

static PyObject *instancemethod_call(PyObject *self, PyObject *args, PyObject *kw)
{
    return PyObject_Call(((PyInstanceMethodObject *)self)->func, args, kw);
}

static PyObject *instancemethod_descr_get(PyObject *descr, PyObject *obj, PyObject *type)
{
    PyObject *func = ((PyInstanceMethodObject *)descr)->func;
    if (obj == NULL)
        return Py_NewRef(func);
    return PyMethod_New(func, obj);
}

static PyObject *instancemethod_repr(PyObject *self)
{
    PyObject *func = ((PyInstanceMethodObject *)self)->func;
    PyObject *funcname = NULL;
    if (PyObject_GetOptionalAttr(func, _Py_ID(__name__), &funcname) < 0)
        return NULL;
    if (funcname != NULL && !PyUnicode_Check(funcname))
        Py_CLEAR(funcname);
    PyObject *r = PyUnicode_FromFormat("<instancemethod %V at %p>", funcname, "?", self);
    Py_XDECREF(funcname);
    return r;
}

static PyObject *instancemethod_getattro(PyObject *self, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *descr = _PyType_Lookup(tp, name);
    if (descr != NULL) {
        descrgetfunc f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL)
            return f(descr, self, (PyObject *)tp);
        return Py_NewRef(descr);
    }
    return PyObject_GetAttr(((PyInstanceMethodObject *)self)->func, name);
}

static PyMemberDef instancemethod_memberlist[] = {
    {"__func__", _Py_T_OBJECT, offsetof(PyInstanceMethodObject, func), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PyInstanceMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "instancemethod",
    .tp_basicsize = sizeof(PyInstanceMethodObject),
    .tp_dealloc = instancemethod_dealloc,
    .tp_repr = instancemethod_repr,
    .tp_call = instancemethod_call,
    .tp_getattro = instancemethod_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = instancemethod_traverse,
    .tp_members = instancemethod_memberlist,
    .tp_descr_get = instancemethod_descr_get,
    .tp_new = instancemethod_new,
};
