/* Built-in functions and methods: a PyMethodDef bound to a module or an object. Each
 * calling convention gets its own vectorcall entry so that calls avoid tuples. */
#include "Python.h"

typedef struct {
    PyCFunctionObject func;
    PyTypeObject *mm_class; /* defining class for METH_METHOD, else NULL */
} PyCMethodObject;

#define KR_CFUNC_SELF(f) (((PyCFunctionObject *)(f))->m_ml->ml_flags & METH_STATIC ? NULL : ((PyCFunctionObject *)(f))->m_self)

static PyObject *funcstr_error(PyObject *func, const char *fmt, Py_ssize_t n)
{
    PyObject *funcstr = _PyObject_FunctionStr(func);
    if (funcstr == NULL)
        return NULL;
    if (n >= 0)
        PyErr_Format(PyExc_TypeError, fmt, funcstr, n);
    else
        PyErr_Format(PyExc_TypeError, fmt, funcstr);
    Py_DECREF(funcstr);
    return NULL;
}

static inline int no_kwnames(PyObject *func, PyObject *kwnames)
{
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        funcstr_error(func, "%U takes no keyword arguments", -1);
        return 0;
    }
    return 1;
}

static PyObject *cfunc_vectorcall_noargs(PyObject *func, PyObject *const *args, size_t nargsf,
                                         PyObject *kwnames)
{
    if (!no_kwnames(func, kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != 0)
        return funcstr_error(func, "%U takes no arguments (%zd given)", nargs);
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    PyObject *r = f->m_ml->ml_meth(KR_CFUNC_SELF(f), NULL);
    Py_LeaveRecursiveCall();
    return r;
}

static PyObject *cfunc_vectorcall_o(PyObject *func, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames)
{
    if (!no_kwnames(func, kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != 1)
        return funcstr_error(func, "%U takes exactly one argument (%zd given)", nargs);
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    PyObject *r = f->m_ml->ml_meth(KR_CFUNC_SELF(f), args[0]);
    Py_LeaveRecursiveCall();
    return r;
}

static PyObject *cfunc_vectorcall_fast(PyObject *func, PyObject *const *args, size_t nargsf,
                                       PyObject *kwnames)
{
    if (!no_kwnames(func, kwnames))
        return NULL;
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    PyObject *r = ((PyCFunctionFast)(void (*)(void))f->m_ml->ml_meth)(
        KR_CFUNC_SELF(f), args, PyVectorcall_NARGS(nargsf));
    Py_LeaveRecursiveCall();
    return r;
}

static PyObject *cfunc_vectorcall_fast_kw(PyObject *func, PyObject *const *args,
                                          size_t nargsf, PyObject *kwnames)
{
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    PyObject *r = ((PyCFunctionFastWithKeywords)(void (*)(void))f->m_ml->ml_meth)(
        KR_CFUNC_SELF(f), args, PyVectorcall_NARGS(nargsf), kwnames);
    Py_LeaveRecursiveCall();
    return r;
}

static PyObject *cfunc_vectorcall_method(PyObject *func, PyObject *const *args,
                                         size_t nargsf, PyObject *kwnames)
{
    PyCMethodObject *f = (PyCMethodObject *)func;
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    PyObject *r = ((PyCMethod)(void (*)(void))f->func.m_ml->ml_meth)(
        KR_CFUNC_SELF(f), f->mm_class, args, PyVectorcall_NARGS(nargsf), kwnames);
    Py_LeaveRecursiveCall();
    return r;
}

/* METH_VARARGS: the old tuple/dict convention. */
static PyObject *cfunc_call(PyObject *func, PyObject *args, PyObject *kwargs)
{
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    int flags = f->m_ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
    PyObject *self = KR_CFUNC_SELF(f);
    PyObject *r;
    if (f->vectorcall != NULL)
        return PyVectorcall_Call(func, args, kwargs);
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    if (flags & METH_KEYWORDS) {
        r = ((PyCFunctionWithKeywords)(void (*)(void))f->m_ml->ml_meth)(self, args, kwargs);
    }
    else {
        if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
            Py_LeaveRecursiveCall();
            return funcstr_error(func, "%U takes no keyword arguments", -1);
        }
        r = f->m_ml->ml_meth(self, args);
    }
    Py_LeaveRecursiveCall();
    return r;
}

PyObject *PyCMethod_New(PyMethodDef *ml, PyObject *self, PyObject *module, PyTypeObject *cls)
{
    vectorcallfunc vc;
    switch (ml->ml_flags & (METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O |
                            METH_KEYWORDS | METH_METHOD)) {
    case METH_VARARGS:
    case METH_VARARGS | METH_KEYWORDS:
        vc = NULL;
        break;
    case METH_FASTCALL:
        vc = cfunc_vectorcall_fast;
        break;
    case METH_FASTCALL | METH_KEYWORDS:
        vc = cfunc_vectorcall_fast_kw;
        break;
    case METH_NOARGS:
        vc = cfunc_vectorcall_noargs;
        break;
    case METH_O:
        vc = cfunc_vectorcall_o;
        break;
    case METH_METHOD | METH_FASTCALL | METH_KEYWORDS:
        vc = cfunc_vectorcall_method;
        break;
    default:
        PyErr_Format(PyExc_SystemError, "%s() method: bad call flags", ml->ml_name);
        return NULL;
    }
    if ((ml->ml_flags & METH_METHOD) && cls == NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "attempting to create PyCMethod with a METH_METHOD flag but no class");
        return NULL;
    }
    PyCMethodObject *op = PyObject_GC_New(PyCMethodObject, &PyCFunction_Type);
    if (op == NULL)
        return NULL;
    op->func.m_ml = ml;
    op->func.m_self = Py_XNewRef(self);
    op->func.m_module = Py_XNewRef(module);
    op->func.m_weakreflist = NULL;
    op->func.vectorcall = vc;
    op->mm_class = (PyTypeObject *)Py_XNewRef((PyObject *)cls);
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *PyCFunction_NewEx(PyMethodDef *ml, PyObject *self, PyObject *module)
{
    return PyCMethod_New(ml, self, module, NULL);
}

static void meth_dealloc(PyObject *self)
{
    PyCMethodObject *m = (PyCMethodObject *)self;
    PyObject_GC_UnTrack(self);
    if (m->func.m_weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_XDECREF(m->func.m_self);
    Py_XDECREF(m->func.m_module);
    Py_XDECREF((PyObject *)m->mm_class);
    PyObject_GC_Del(self);
}

static int meth_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyCMethodObject *m = (PyCMethodObject *)self;
    Py_VISIT(m->func.m_self);
    Py_VISIT(m->func.m_module);
    Py_VISIT((PyObject *)m->mm_class);
    return 0;
}

static PyObject *meth_repr(PyObject *self)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (m->m_self == NULL || PyModule_Check(m->m_self))
        return PyUnicode_FromFormat("<built-in function %s>", m->m_ml->ml_name);
    return PyUnicode_FromFormat("<built-in method %s of %s object at %p>", m->m_ml->ml_name,
                                Py_TYPE(m->m_self)->tp_name, m->m_self);
}

static PyObject *meth_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyCFunction_Check(self) || !PyCFunction_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyCFunctionObject *a = (PyCFunctionObject *)self, *b = (PyCFunctionObject *)other;
    int eq = a->m_self == b->m_self && a->m_ml->ml_meth == b->m_ml->ml_meth;
    if (op == Py_EQ)
        return Py_NewRef(eq ? Py_True : Py_False);
    return Py_NewRef(eq ? Py_False : Py_True);
}

static Py_hash_t meth_hash(PyObject *self)
{
    PyCFunctionObject *a = (PyCFunctionObject *)self;
    uintptr_t s = (uintptr_t)a->m_self, f = (uintptr_t)(void *)a->m_ml->ml_meth;
    Py_hash_t x = (Py_hash_t)(s >> 4 | s << (8 * sizeof(void *) - 4));
    Py_hash_t y = (Py_hash_t)(f >> 4 | f << (8 * sizeof(void *) - 4));
    x ^= y;
    if (x == -1)
        x = -2;
    return x;
}

/* Docstrings may start with "name(signature)\n--\n\n"; split that off. */
static const char *find_signature_end(const char *name, const char *doc)
{
    if (doc == NULL || name == NULL)
        return NULL;
    const char *dot = strrchr(name, '.');
    if (dot)
        name = dot + 1;
    size_t n = strlen(name);
    if (strncmp(doc, name, n) != 0 || doc[n] != '(')
        return NULL;
    const char *end = strstr(doc, ")\n--\n\n");
    if (end == NULL)
        return NULL;
    return end;
}

PyObject *_KrType_GetDocFromInternalDoc(const char *name, const char *doc)
{
    if (doc == NULL)
        Py_RETURN_NONE;
    const char *end = find_signature_end(name, doc);
    if (end != NULL)
        doc = end + 6;
    if (*doc == '\0')
        Py_RETURN_NONE; /* only a signature was given */
    return PyUnicode_FromString(doc);
}

PyObject *_KrType_GetTextSignatureFromInternalDoc(const char *name, const char *doc)
{
    const char *end = find_signature_end(name, doc);
    if (end == NULL)
        Py_RETURN_NONE;
    const char *start = strchr(doc, '(');
    return PyUnicode_FromStringAndSize(start, end - start + 1);
}

static PyObject *meth_get__doc__(PyObject *self, void *c)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    return _KrType_GetDocFromInternalDoc(m->m_ml->ml_name, m->m_ml->ml_doc);
}

static PyObject *meth_get__text_signature__(PyObject *self, void *c)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    return _KrType_GetTextSignatureFromInternalDoc(m->m_ml->ml_name, m->m_ml->ml_doc);
}

static PyObject *meth_get__name__(PyObject *self, void *c)
{
    return PyUnicode_FromString(((PyCFunctionObject *)self)->m_ml->ml_name);
}

static PyObject *meth_get__qualname__(PyObject *self, void *c)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (m->m_self == NULL || PyModule_Check(m->m_self))
        return PyUnicode_FromString(m->m_ml->ml_name);
    PyObject *type = PyType_Check(m->m_self) ? m->m_self : (PyObject *)Py_TYPE(m->m_self);
    PyObject *type_qualname = PyObject_GetAttr(type, _Py_ID(__qualname__));
    if (type_qualname == NULL)
        return NULL;
    if (!PyUnicode_Check(type_qualname)) {
        PyErr_SetString(PyExc_TypeError,
                        "<method>.__class__.__qualname__ is not a unicode object");
        Py_DECREF(type_qualname);
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("%U.%s", type_qualname, m->m_ml->ml_name);
    Py_DECREF(type_qualname);
    return res;
}

static PyObject *meth_get__self__(PyObject *self, void *c)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    PyObject *s = (m->m_ml->ml_flags & METH_STATIC) ? NULL : m->m_self;
    return Py_NewRef(s ? s : Py_None);
}

static PyObject *meth_reduce(PyObject *self, PyObject *unused)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (m->m_self == NULL || PyModule_Check(m->m_self))
        return PyUnicode_FromString(m->m_ml->ml_name);
    PyObject *builtins = _PyThreadState_GET()->interp->builtins;
    PyObject *getattr = PyDict_GetItemString(builtins, "getattr");
    if (getattr == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost builtins.getattr");
        return NULL;
    }
    return Py_BuildValue("O(Os)", getattr, m->m_self, m->m_ml->ml_name);
}

static PyMethodDef meth_methods[] = {
    {"__reduce__", meth_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef meth_getsets[] = {
    {"__doc__", meth_get__doc__, NULL, NULL, NULL},
    {"__name__", meth_get__name__, NULL, NULL, NULL},
    {"__qualname__", meth_get__qualname__, NULL, NULL, NULL},
    {"__self__", meth_get__self__, NULL, NULL, NULL},
    {"__text_signature__", meth_get__text_signature__, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef meth_members[] = {
    {"__module__", _Py_T_OBJECT, offsetof(PyCFunctionObject, m_module), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PyCFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(PyCMethodObject),
    .tp_dealloc = meth_dealloc,
    .tp_vectorcall_offset = offsetof(PyCFunctionObject, vectorcall),
    .tp_repr = meth_repr,
    .tp_hash = meth_hash,
    .tp_call = cfunc_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = meth_traverse,
    .tp_richcompare = meth_richcompare,
    .tp_weaklistoffset = offsetof(PyCFunctionObject, m_weakreflist),
    .tp_methods = meth_methods,
    .tp_members = meth_members,
    .tp_getset = meth_getsets,
};
