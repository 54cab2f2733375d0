/* Function objects, classmethod and staticmethod. */
#include "Python.h"
#include "internal/pycore_frame.h"

static PyObject *func_vectorcall(PyObject *func, PyObject *const *args, size_t nargsf,
                                 PyObject *kwnames)
{
    PyThreadState *tstate = _PyThreadState_GET();
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    return _PyEval_Vector(tstate, (PyFunctionObject *)func, NULL, args, (size_t)nargs, kwnames);
}

PyObject *_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals)
{
    PyObject *b = PyDict_GetItemWithError(globals, _Py_ID(__builtins__));
    if (b != NULL) {
        if (PyModule_Check(b))
            b = PyModule_GetDict(b);
        return b;
    }
    if (PyErr_Occurred())
        return NULL;
    return tstate->interp->builtins;
}

PyObject *PyFunction_NewWithQualName(PyObject *code, PyObject *globals, PyObject *qualname)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (!PyCode_Check(code) || !PyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)code;
    PyObject *builtins = _PyEval_BuiltinsFromGlobals(tstate, globals);
    if (builtins == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "no builtins");
        return NULL;
    }
    PyObject *module = PyDict_GetItemWithError(globals, _Py_ID(__name__));
    if (module == NULL && PyErr_Occurred())
        return NULL;
    PyObject *doc = Py_None;
    if ((co->co_flags & CO_HAS_DOCSTRING) && PyTuple_GET_SIZE(co->co_consts) > 0)
        doc = PyTuple_GET_ITEM(co->co_consts, 0);
    PyFunctionObject *op = PyObject_GC_New(PyFunctionObject, &PyFunction_Type);
    if (op == NULL)
        return NULL;
    op->func_globals = Py_NewRef(globals);
    op->func_builtins = Py_NewRef(builtins);
    op->func_name = Py_NewRef(co->co_name);
    op->func_qualname = Py_NewRef(qualname ? qualname : co->co_qualname);
    op->func_code = Py_NewRef(code);
    op->func_defaults = NULL;
    op->func_kwdefaults = NULL;
    op->func_closure = NULL;
    op->func_doc = Py_NewRef(doc);
    op->func_dict = NULL;
    op->func_weakreflist = NULL;
    op->func_module = Py_XNewRef(module);
    op->func_annotations = NULL;
    op->func_typeparams = NULL;
    op->vectorcall = func_vectorcall;
    op->func_version = 0;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *PyFunction_New(PyObject *code, PyObject *globals)
{
    return PyFunction_NewWithQualName(code, globals, NULL);
}

static int func_clear(PyObject *self)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    Py_CLEAR(op->func_globals);
    Py_CLEAR(op->func_builtins);
    Py_CLEAR(op->func_module);
    Py_CLEAR(op->func_defaults);
    Py_CLEAR(op->func_kwdefaults);
    Py_CLEAR(op->func_doc);
    Py_CLEAR(op->func_dict);
    Py_CLEAR(op->func_closure);
    Py_CLEAR(op->func_annotations);
    Py_CLEAR(op->func_typeparams);
    /* name, qualname and code stay valid: a repr of a cleared function must not crash. */
    return 0;
}

static void func_dealloc(PyObject *self)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    PyObject_GC_UnTrack(self);
    if (op->func_weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    func_clear(self);
    Py_CLEAR(op->func_name);
    Py_CLEAR(op->func_qualname);
    Py_CLEAR(op->func_code);
    PyObject_GC_Del(self);
}

static int func_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyFunctionObject *f = (PyFunctionObject *)self;
    Py_VISIT(f->func_code);
    Py_VISIT(f->func_globals);
    Py_VISIT(f->func_builtins);
    Py_VISIT(f->func_module);
    Py_VISIT(f->func_defaults);
    Py_VISIT(f->func_kwdefaults);
    Py_VISIT(f->func_doc);
    Py_VISIT(f->func_name);
    Py_VISIT(f->func_dict);
    Py_VISIT(f->func_closure);
    Py_VISIT(f->func_annotations);
    Py_VISIT(f->func_typeparams);
    Py_VISIT(f->func_qualname);
    return 0;
}

static PyObject *func_repr(PyObject *self)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    return PyUnicode_FromFormat("<function %U at %p>", op->func_qualname, self);
}

static PyObject *func_descr_get(PyObject *func, PyObject *obj, PyObject *type)
{
    if (obj == Py_None || obj == NULL)
        return Py_NewRef(func);
    return PyMethod_New(func, obj);
}

/* ---- attributes ------------------------------------------------------------------ */

static PyObject *func_get_code(PyObject *self, void *c)
{
    return Py_NewRef(((PyFunctionObject *)self)->func_code);
}

static int func_set_code(PyObject *self, PyObject *value, void *c)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (value == NULL || !PyCode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    Py_ssize_t nfree = ((PyCodeObject *)value)->co_nfreevars;
    Py_ssize_t nclosure = op->func_closure == NULL ? 0 : PyTuple_GET_SIZE(op->func_closure);
    if (nclosure != nfree) {
        PyErr_Format(PyExc_ValueError,
                     "%U() requires a code object with %zd free vars, not %zd",
                     op->func_name, nclosure, nfree);
        return -1;
    }
    op->func_version = 0;
    Py_XSETREF(op->func_code, Py_NewRef(value));
    return 0;
}

static PyObject *func_get_name(PyObject *self, void *c)
{
    return Py_NewRef(((PyFunctionObject *)self)->func_name);
}

static int func_set_name(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)self)->func_name, Py_NewRef(value));
    return 0;
}

static PyObject *func_get_qualname(PyObject *self, void *c)
{
    return Py_NewRef(((PyFunctionObject *)self)->func_qualname);
}

static int func_set_qualname(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)self)->func_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *func_get_defaults(PyObject *self, void *c)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (op->func_defaults == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(op->func_defaults);
}

static int func_set_defaults(PyObject *self, PyObject *value, void *c)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (value == Py_None)
        value = NULL;
    if (value != NULL && !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    op->func_version = 0;
    Py_XSETREF(op->func_defaults, Py_XNewRef(value));
    return 0;
}

static PyObject *func_get_kwdefaults(PyObject *self, void *c)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (op->func_kwdefaults == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(op->func_kwdefaults);
}

static int func_set_kwdefaults(PyObject *self, PyObject *value, void *c)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (value == Py_None)
        value = NULL;
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    op->func_version = 0;
    Py_XSETREF(op->func_kwdefaults, Py_XNewRef(value));
    return 0;
}

/* The compiler may hand over annotations as a flat tuple (name, value, ...); turn it into
 * the dict Python code sees on first access. */
static PyObject *func_get_annotation_dict(PyFunctionObject *op)
{
    if (op->func_annotations == NULL)
        return NULL;
    if (PyTuple_CheckExact(op->func_annotations)) {
        PyObject *ann = op->func_annotations;
        PyObject *d = PyDict_New();
        if (d == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i + 1 < PyTuple_GET_SIZE(ann); i += 2) {
            if (PyDict_SetItem(d, PyTuple_GET_ITEM(ann, i), PyTuple_GET_ITEM(ann, i + 1)) < 0) {
                Py_DECREF(d);
                return NULL;
            }
        }
        Py_SETREF(op->func_annotations, d);
    }
    return op->func_annotations;
}

static PyObject *func_get_annotations(PyObject *self, void *c)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (op->func_annotations == NULL) {
        op->func_annotations = PyDict_New();
        if (op->func_annotations == NULL)
            return NULL;
    }
    PyObject *d = func_get_annotation_dict(op);
    return Py_XNewRef(d);
}

static int func_set_annotations(PyObject *self, PyObject *value, void *c)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (value == Py_None)
        value = NULL;
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    Py_XSETREF(op->func_annotations, Py_XNewRef(value));
    return 0;
}

static PyObject *func_get_type_params(PyObject *self, void *c)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (op->func_typeparams == NULL)
        return PyTuple_New(0);
    return Py_NewRef(op->func_typeparams);
}

static int func_set_type_params(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL || !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__type_params__ must be set to a tuple");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)self)->func_typeparams, Py_NewRef(value));
    return 0;
}

static PyObject *func_get_dict(PyObject *self, void *c)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (op->func_dict == NULL) {
        op->func_dict = PyDict_New();
        if (op->func_dict == NULL)
            return NULL;
    }
    return Py_NewRef(op->func_dict);
}

static int func_set_dict(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)self)->func_dict, Py_NewRef(value));
    return 0;
}

static PyGetSetDef func_getsetlist[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__type_params__", func_get_type_params, func_set_type_params, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef func_memberlist[] = {
    {"__closure__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_closure), Py_READONLY, NULL},
    {"__doc__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_doc), 0, NULL},
    {"__globals__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_globals), Py_READONLY, NULL},
    {"__module__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_module), 0, NULL},
    {"__builtins__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_builtins), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *func_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *code, *globals, *name = Py_None, *defaults = Py_None, *closure = Py_None;
    PyObject *kwdefaults = Py_None;
    static char *kwlist[] = {"code", "globals", "name", "argdefs", "closure", "kwdefaults",
                             NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!O!|OOOO:function", kwlist, &PyCode_Type,
                                     &code, &PyDict_Type, &globals, &name, &defaults,
                                     &closure, &kwdefaults))
        return NULL;
    if (name != Py_None && !PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "arg 3 (name) must be None or string");
        return NULL;
    }
    if (defaults != Py_None && !PyTuple_Check(defaults)) {
        PyErr_SetString(PyExc_TypeError, "arg 4 (defaults) must be None or tuple");
        return NULL;
    }
    if (!PyTuple_Check(closure)) {
        if (((PyCodeObject *)code)->co_nfreevars && closure == Py_None) {
            PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be tuple");
            return NULL;
        }
        if (closure != Py_None) {
            PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be None or tuple");
            return NULL;
        }
    }
    if (kwdefaults != Py_None && !PyDict_Check(kwdefaults)) {
        PyErr_SetString(PyExc_TypeError, "arg 6 (kwdefaults) must be None or dict");
        return NULL;
    }
    Py_ssize_t nclosure = closure == Py_None ? 0 : PyTuple_GET_SIZE(closure);
    PyCodeObject *co = (PyCodeObject *)code;
    if (co->co_nfreevars != nclosure) {
        PyErr_Format(PyExc_ValueError, "%U requires closure of length %zd, not %zd",
                     co->co_name, (Py_ssize_t)co->co_nfreevars, nclosure);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nclosure; i++) {
        PyObject *o = PyTuple_GET_ITEM(closure, i);
        if (!PyCell_Check(o)) {
            PyErr_Format(PyExc_TypeError, "arg 5 (closure) expected cell, found %s",
                         Py_TYPE(o)->tp_name);
            return NULL;
        }
    }
    PyFunctionObject *f = (PyFunctionObject *)PyFunction_New(code, globals);
    if (f == NULL)
        return NULL;
    if (name != Py_None)
        Py_SETREF(f->func_name, Py_NewRef(name));
    if (defaults != Py_None)
        f->func_defaults = Py_NewRef(defaults);
    if (closure != Py_None)
        f->func_closure = Py_NewRef(closure);
    if (kwdefaults != Py_None)
        f->func_kwdefaults = Py_NewRef(kwdefaults);
    return (PyObject *)f;
}

PyTypeObject PyFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "function",
    .tp_basicsize = sizeof(PyFunctionObject),
    .tp_dealloc = func_dealloc,
    .tp_vectorcall_offset = offsetof(PyFunctionObject, vectorcall),
    .tp_repr = func_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR |
                Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Create a function object.\n\n  code\n    a code object\n  globals\n    the globals dictionary\n  name\n    a string that overrides the name from the code object\n  argdefs\n    a tuple that specifies the default argument values\n  closure\n    a tuple that supplies the bindings for free variables\n  kwdefaults\n    a dictionary that specifies the default keyword argument values",
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_weaklistoffset = offsetof(PyFunctionObject, func_weakreflist),
    .tp_members = func_memberlist,
    .tp_getset = func_getsetlist,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(PyFunctionObject, func_dict),
    .tp_new = func_new,
};

/* ---- classmethod / staticmethod ---------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *cm_callable;
    PyObject *cm_dict;
} classmethod;

/* Since 3.10 the wrappers look like the function they wrap (functools.wraps style). */
static int functools_wraps(PyObject *wrapper, PyObject *wrapped)
{
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                        "__annotations__"};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(names); i++) {
        PyObject *v;
        int r = PyObject_GetOptionalAttrString(wrapped, names[i], &v);
        if (r < 0)
            return -1;
        if (r == 0)
            continue;
        r = PyObject_SetAttrString(wrapper, names[i], v);
        Py_DECREF(v);
        if (r < 0)
            return -1;
    }
    return 0;
}

static void cm_dealloc(PyObject *self)
{
    classmethod *cm = (classmethod *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(cm->cm_callable);
    Py_XDECREF(cm->cm_dict);
    Py_TYPE(self)->tp_free(self);
}

static int cm_traverse(PyObject *self, visitproc visit, void *arg)
{
    classmethod *cm = (classmethod *)self;
    Py_VISIT(cm->cm_callable);
    Py_VISIT(cm->cm_dict);
    return 0;
}

static int cm_clear(PyObject *self)
{
    classmethod *cm = (classmethod *)self;
    Py_CLEAR(cm->cm_callable);
    Py_CLEAR(cm->cm_dict);
    return 0;
}

static PyObject *cm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    classmethod *cm = (classmethod *)self;
    if (cm->cm_callable == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "uninitialized classmethod object");
        return NULL;
    }
    if (type == NULL)
        type = (PyObject *)Py_TYPE(obj);
    return PyMethod_New(cm->cm_callable, type);
}

static int cm_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    classmethod *cm = (classmethod *)self;
    PyObject *callable;
    if (!_PyArg_NoKeywords("classmethod", kwds))
        return -1;
    if (!PyArg_UnpackTuple(args, "classmethod", 1, 1, &callable))
        return -1;
    Py_XSETREF(cm->cm_callable, Py_NewRef(callable));
    return functools_wraps(self, callable);
}

static PyObject *cm_get_isabstract(PyObject *self, void *closure)
{
    classmethod *cm = (classmethod *)self;
    if (cm->cm_callable == NULL)
        Py_RETURN_FALSE;
    PyObject *v;
    int r = PyObject_GetOptionalAttr(cm->cm_callable, _Py_ID(__isabstractmethod__), &v);
    if (r <= 0)
        return r < 0 ? NULL : Py_NewRef(Py_False);
    int t = PyObject_IsTrue(v);
    Py_DECREF(v);
    if (t < 0)
        return NULL;
    return Py_NewRef(t ? Py_True : Py_False);
}

static PyObject *cm_get_dict(PyObject *self, void *c)
{
    classmethod *cm = (classmethod *)self;
    if (cm->cm_dict == NULL) {
        cm->cm_dict = PyDict_New();
        if (cm->cm_dict == NULL)
            return NULL;
    }
    return Py_NewRef(cm->cm_dict);
}

static PyObject *cm_repr(PyObject *self)
{
    classmethod *cm = (classmethod *)self;
    return PyUnicode_FromFormat("<%s(%R)>", _PyType_Name(Py_TYPE(self)),
                                cm->cm_callable ? cm->cm_callable : Py_None);
}

static PyMemberDef cm_memberlist[] = {
    {"__func__", Py_T_OBJECT_EX, offsetof(classmethod, cm_callable), Py_READONLY, NULL},
    {"__wrapped__", Py_T_OBJECT_EX, offsetof(classmethod, cm_callable), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* __dict__ for classmethod/staticmethod sets a different field than function's, so the
 * setter needs its own body. */
static int sm_cm_set_dict(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_XSETREF(((classmethod *)self)->cm_dict, Py_NewRef(value));
    return 0;
}

static PyGetSetDef cm_getsetlist[] = {
    {"__isabstractmethod__", cm_get_isabstract, NULL, NULL, NULL},
    {"__dict__", cm_get_dict, sm_cm_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyClassMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(classmethod),
    .tp_dealloc = cm_dealloc,
    .tp_repr = cm_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "classmethod(function, /)\n--\n\nConvert a function to be a class method.",
    .tp_traverse = cm_traverse,
    .tp_clear = cm_clear,
    .tp_members = cm_memberlist,
    .tp_getset = cm_getsetlist,
    .tp_descr_get = cm_descr_get,
    .tp_dictoffset = offsetof(classmethod, cm_dict),
    .tp_init = cm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

PyObject *PyClassMethod_New(PyObject *callable)
{
    classmethod *cm = (classmethod *)PyType_GenericAlloc(&PyClassMethod_Type, 0);
    if (cm == NULL)
        return NULL;
    cm->cm_callable = Py_NewRef(callable);
    return (PyObject *)cm;
}

typedef classmethod staticmethod;

static PyObject *sm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    staticmethod *sm = (staticmethod *)self;
    if (sm->cm_callable == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "uninitialized staticmethod object");
        return NULL;
    }
    return Py_NewRef(sm->cm_callable);
}

static int sm_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    staticmethod *sm = (staticmethod *)self;
    PyObject *callable;
    if (!_PyArg_NoKeywords("staticmethod", kwds))
        return -1;
    if (!PyArg_UnpackTuple(args, "staticmethod", 1, 1, &callable))
        return -1;
    Py_XSETREF(sm->cm_callable, Py_NewRef(callable));
    return functools_wraps(self, callable);
}

static PyObject *sm_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    staticmethod *sm = (staticmethod *)self;
    return PyObject_Call(sm->cm_callable, args, kwargs);
}

PyTypeObject PyStaticMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(staticmethod),
    .tp_dealloc = cm_dealloc,
    .tp_repr = cm_repr,
    .tp_call = sm_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "staticmethod(function, /)\n--\n\nConvert a function to be a static method.",
    .tp_traverse = cm_traverse,
    .tp_clear = cm_clear,
    .tp_members = cm_memberlist,
    .tp_getset = cm_getsetlist,
    .tp_descr_get = sm_descr_get,
    .tp_dictoffset = offsetof(staticmethod, cm_dict),
    .tp_init = sm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

PyObject *PyStaticMethod_New(PyObject *callable)
{
    staticmethod *sm = (staticmethod *)PyType_GenericAlloc(&PyStaticMethod_Type, 0);
    if (sm == NULL)
        return NULL;
    sm->cm_callable = Py_NewRef(callable);
    return (PyObject *)sm;
}
