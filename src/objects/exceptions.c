/* The built-in exception classes: BaseException and its hierarchy, with the attributes,
 * constructors, str() and repr() forms of CPython 3.13. Exception groups (split,
 * subgroup, derive and the except* helpers) live in exceptiongroup.c. */
#include "Python.h"
#include "internal/pycore_exceptions.h"

/* ---- BaseException ----------------------------------------------------------------- */
static PyObject *BaseException_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->dict = NULL;
    self->notes = NULL;
    self->traceback = self->cause = self->context = NULL;
    self->suppress_context = 0;
    if (args) {
        self->args = Py_NewRef(args);
        return (PyObject *)self;
    }
    self->args = PyTuple_New(0);
    if (self->args == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int BaseException_init(PyBaseExceptionObject *self, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords(Py_TYPE(self)->tp_name, kwds))
        return -1;
    Py_XSETREF(self->args, Py_NewRef(args));
    return 0;
}

int _PyExc_BaseClear(PyBaseExceptionObject *self)
{
    Py_CLEAR(self->dict);
    Py_CLEAR(self->args);
    Py_CLEAR(self->notes);
    Py_CLEAR(self->traceback);
    Py_CLEAR(self->cause);
    Py_CLEAR(self->context);
    return 0;
}

static int BaseException_clear(PyBaseExceptionObject *self) { return _PyExc_BaseClear(self); }

int _PyExc_BaseTraverse(PyBaseExceptionObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dict);
    Py_VISIT(self->args);
    Py_VISIT(self->notes);
    Py_VISIT(self->traceback);
    Py_VISIT(self->cause);
    Py_VISIT(self->context);
    return 0;
}

static int BaseException_traverse(PyBaseExceptionObject *self, visitproc visit, void *arg)
{
    return _PyExc_BaseTraverse(self, visit, arg);
}

/* Shared deallocation for every exception struct: untrack, run the type's tp_clear
 * (which clears the subclass fields and the base ones), free. */
static void Exception_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, Exception_dealloc)
    Py_TYPE(self)->tp_clear(self);
    Py_TYPE(self)->tp_free(self);
    Py_TRASHCAN_END
}

static PyObject *BaseException_str(PyBaseExceptionObject *self)
{
    switch (PyTuple_GET_SIZE(self->args)) {
    case 0:
        return PyUnicode_FromString("");
    case 1:
        return PyObject_Str(PyTuple_GET_ITEM(self->args, 0));
    default:
        return PyObject_Str(self->args);
    }
}

static PyObject *BaseException_repr(PyBaseExceptionObject *self)
{
    const char *name = _PyType_Name(Py_TYPE(self));
    if (PyTuple_GET_SIZE(self->args) == 1)
        return PyUnicode_FromFormat("%s(%R)", name, PyTuple_GET_ITEM(self->args, 0));
    return PyUnicode_FromFormat("%s%R", name, self->args);
}

static PyObject *BaseException_reduce(PyBaseExceptionObject *self, PyObject *Py_UNUSED(a))
{
    if (self->args && self->dict && PyDict_GET_SIZE(self->dict) > 0)
        return PyTuple_Pack(3, Py_TYPE(self), self->args, self->dict);
    return PyTuple_Pack(2, Py_TYPE(self), self->args);
}

static PyObject *BaseException_setstate(PyObject *self, PyObject *state)
{
    if (state != Py_None) {
        if (!PyDict_Check(state)) {
            PyErr_SetString(PyExc_TypeError, "state is not a dictionary");
            return NULL;
        }
        Py_ssize_t i = 0;
        PyObject *d_key, *d_value;
        while (PyDict_Next(state, &i, &d_key, &d_value)) {
            Py_INCREF(d_key);
            Py_INCREF(d_value);
            int res = PyObject_SetAttr(self, d_key, d_value);
            Py_DECREF(d_value);
            Py_DECREF(d_key);
            if (res < 0)
                return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *BaseException_with_traceback(PyObject *self, PyObject *tb)
{
    if (PyException_SetTraceback(self, tb) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *BaseException_add_note(PyObject *self, PyObject *note)
{
    if (!PyUnicode_Check(note)) {
        PyErr_Format(PyExc_TypeError, "note must be a str, not '%s'", _PyType_Name(Py_TYPE(note)));
        return NULL;
    }
    if (_PyException_AddNote(self, note) < 0)
        return NULL;
    Py_RETURN_NONE;
}

int _PyException_AddNote(PyObject *exc, PyObject *note)
{
    PyObject *notes;
    if (PyObject_GetOptionalAttr(exc, _Py_ID(__notes__), &notes) < 0)
        return -1;
    if (notes == NULL) {
        notes = PyList_New(0);
        if (notes == NULL)
            return -1;
        if (PyObject_SetAttr(exc, _Py_ID(__notes__), notes) < 0) {
            Py_DECREF(notes);
            return -1;
        }
    }
    else if (!PyList_Check(notes)) {
        Py_DECREF(notes);
        PyErr_SetString(PyExc_TypeError, "Cannot add note: __notes__ is not a list");
        return -1;
    }
    int res = PyList_Append(notes, note);
    Py_DECREF(notes);
    return res;
}

static PyMethodDef BaseException_methods[] = {
    {"__reduce__", (PyCFunction)BaseException_reduce, METH_NOARGS, NULL},
    {"__setstate__", (PyCFunction)BaseException_setstate, METH_O, NULL},
    {"with_traceback", (PyCFunction)BaseException_with_traceback, METH_O,
     "Set self.__traceback__ to tb and return self."},
    {"add_note", (PyCFunction)BaseException_add_note, METH_O,
     "Add a note to the exception"},
    {NULL, NULL, 0, NULL},
};

static PyObject *BaseException_get_args(PyBaseExceptionObject *self, void *c)
{
    if (self->args == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->args);
}

static int BaseException_set_args(PyBaseExceptionObject *self, PyObject *val, void *c)
{
    if (val == NULL) {
        PyErr_SetString(PyExc_TypeError, "args may not be deleted");
        return -1;
    }
    PyObject *seq = PySequence_Tuple(val);
    if (seq == NULL)
        return -1;
    Py_XSETREF(self->args, seq);
    return 0;
}

static PyObject *BaseException_get_tb(PyBaseExceptionObject *self, void *c)
{
    if (self->traceback == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->traceback);
}

static int BaseException_set_tb(PyBaseExceptionObject *self, PyObject *tb, void *c)
{
    if (tb == NULL) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (tb != Py_None && !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    Py_XSETREF(self->traceback, tb == Py_None ? NULL : Py_NewRef(tb));
    return 0;
}

static PyObject *BaseException_get_context(PyObject *self, void *c)
{
    PyObject *res = PyException_GetContext(self);
    return res ? res : Py_NewRef(Py_None);
}

static int BaseException_set_context(PyObject *self, PyObject *arg, void *c)
{
    if (arg == NULL) {
        PyErr_SetString(PyExc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (arg == Py_None)
        arg = NULL;
    else if (!PyExceptionInstance_Check(arg)) {
        PyErr_SetString(PyExc_TypeError,
                        "exception context must be None or derive from BaseException");
        return -1;
    }
    else
        Py_INCREF(arg);
    PyException_SetContext(self, arg);
    return 0;
}

static PyObject *BaseException_get_cause(PyObject *self, void *c)
{
    PyObject *res = PyException_GetCause(self);
    return res ? res : Py_NewRef(Py_None);
}

static int BaseException_set_cause(PyObject *self, PyObject *arg, void *c)
{
    if (arg == NULL) {
        PyErr_SetString(PyExc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (arg == Py_None)
        arg = NULL;
    else if (!PyExceptionInstance_Check(arg)) {
        PyErr_SetString(PyExc_TypeError,
                        "exception cause must be None or derive from BaseException");
        return -1;
    }
    else
        Py_INCREF(arg);
    PyException_SetCause(self, arg);
    return 0;
}

static PyObject *BaseException_get_suppress(PyBaseExceptionObject *self, void *c)
{
    return PyBool_FromLong(self->suppress_context);
}

static int BaseException_set_suppress(PyBaseExceptionObject *self, PyObject *v, void *c)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int t = PyObject_IsTrue(v);
    if (t < 0)
        return -1;
    self->suppress_context = (char)t;
    return 0;
}

static PyGetSetDef BaseException_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {"args", (getter)BaseException_get_args, (setter)BaseException_set_args, NULL, NULL},
    {"__traceback__", (getter)BaseException_get_tb, (setter)BaseException_set_tb, NULL, NULL},
    {"__context__", BaseException_get_context, BaseException_set_context,
     "exception context", NULL},
    {"__cause__", BaseException_get_cause, BaseException_set_cause, "exception cause", NULL},
    {"__suppress_context__", (getter)BaseException_get_suppress,
     (setter)BaseException_set_suppress, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- the C accessors ---------------------------------------------------------------- */
PyObject *PyException_GetTraceback(PyObject *self)
{
    return Py_XNewRef(((PyBaseExceptionObject *)self)->traceback);
}

int PyException_SetTraceback(PyObject *self, PyObject *tb)
{
    return BaseException_set_tb((PyBaseExceptionObject *)self, tb ? tb : Py_None, NULL);
}

PyObject *PyException_GetCause(PyObject *self)
{
    return Py_XNewRef(((PyBaseExceptionObject *)self)->cause);
}

void PyException_SetCause(PyObject *self, PyObject *cause)
{
    ((PyBaseExceptionObject *)self)->suppress_context = 1;
    Py_XSETREF(((PyBaseExceptionObject *)self)->cause, cause);
}

PyObject *PyException_GetContext(PyObject *self)
{
    return Py_XNewRef(((PyBaseExceptionObject *)self)->context);
}

void PyException_SetContext(PyObject *self, PyObject *context)
{
    Py_XSETREF(((PyBaseExceptionObject *)self)->context, context);
}

PyObject *PyException_GetArgs(PyObject *self)
{
    return Py_NewRef(((PyBaseExceptionObject *)self)->args);
}

void PyException_SetArgs(PyObject *self, PyObject *args)
{
    Py_XSETREF(((PyBaseExceptionObject *)self)->args, Py_NewRef(args));
}

/* ---- static type definitions ------------------------------------------------------------ */
#define EXC_TYPE_FULL(NAME, BASE, STRUCT, NEW, INIT, CLEAR, TRAVERSE, STR, REPR, METHODS,  \
                      MEMBERS, GETSET, DOC)                                                \
    PyTypeObject _PyExc_##NAME = {                                                         \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                             \
        .tp_name = #NAME,                                                                   \
        .tp_basicsize = sizeof(STRUCT),                                                    \
        .tp_dealloc = Exception_dealloc,                                                   \
        .tp_repr = (reprfunc)(REPR),                                                       \
        .tp_str = (reprfunc)(STR),                                                         \
        .tp_getattro = PyObject_GenericGetAttr,                                            \
        .tp_setattro = PyObject_GenericSetAttr,                                            \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |        \
                    Py_TPFLAGS_BASE_EXC_SUBCLASS,                                          \
        .tp_doc = DOC,                                                                     \
        .tp_traverse = (traverseproc)(TRAVERSE),                                           \
        .tp_clear = (inquiry)(CLEAR),                                                      \
        .tp_methods = METHODS,                                                             \
        .tp_members = MEMBERS,                                                             \
        .tp_getset = GETSET,                                                               \
        .tp_base = BASE,                                                                   \
        .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),                            \
        .tp_init = (initproc)(INIT),                                                       \
        .tp_new = NEW,                                                                     \
    };                                                                                     \
    PyObject *PyExc_##NAME = (PyObject *)&_PyExc_##NAME;

/* A subclass that adds nothing but a name and a doc string. */
#define SIMPLE_EXC(NAME, BASE, DOC)                                                        \
    EXC_TYPE_FULL(NAME, &_PyExc_##BASE, PyBaseExceptionObject, BaseException_new,          \
                  BaseException_init, BaseException_clear, BaseException_traverse,         \
                  BaseException_str, BaseException_repr, NULL, NULL, NULL, DOC)

EXC_TYPE_FULL(BaseException, &PyBaseObject_Type, PyBaseExceptionObject, BaseException_new,
              BaseException_init, BaseException_clear, BaseException_traverse,
              BaseException_str, BaseException_repr, BaseException_methods, NULL,
              BaseException_getset, "Common base class for all exceptions")
SIMPLE_EXC(Exception, BaseException, "Common base class for all non-exit exceptions.")
SIMPLE_EXC(TypeError, Exception, "Inappropriate argument type.")
SIMPLE_EXC(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__().")
SIMPLE_EXC(GeneratorExit, BaseException, "Request that a generator exit.")
SIMPLE_EXC(KeyboardInterrupt, BaseException, "Program interrupted by user.")
SIMPLE_EXC(ArithmeticError, Exception, "Base class for arithmetic errors.")
SIMPLE_EXC(FloatingPointError, ArithmeticError, "Floating-point operation failed.")
SIMPLE_EXC(OverflowError, ArithmeticError, "Result too large to be represented.")
SIMPLE_EXC(ZeroDivisionError, ArithmeticError,
           "Second argument to a division or modulo operation was zero.")
SIMPLE_EXC(AssertionError, Exception, "Assertion failed.")
SIMPLE_EXC(BufferError, Exception, "Buffer error.")
SIMPLE_EXC(EOFError, Exception, "Read beyond end of file.")
SIMPLE_EXC(LookupError, Exception, "Base class for lookup errors.")
SIMPLE_EXC(IndexError, LookupError, "Sequence index out of range.")
SIMPLE_EXC(MemoryError, Exception, "Out of memory.")
SIMPLE_EXC(ReferenceError, Exception, "Weak ref proxy used after referent went away.")
SIMPLE_EXC(RuntimeError, Exception, "Unspecified run-time error.")
SIMPLE_EXC(NotImplementedError, RuntimeError,
           "Method or function hasn't been implemented yet.")
SIMPLE_EXC(RecursionError, RuntimeError, "Recursion limit exceeded.")
SIMPLE_EXC(PythonFinalizationError, RuntimeError, "Operation blocked during Python finalization.")
SIMPLE_EXC(SystemError, Exception,
           "Internal error in the Python interpreter.\n\nPlease report this to the Python "
           "maintainer, along with the traceback,\nthe Python version, and the hardware/OS "
           "platform and version.")
SIMPLE_EXC(ValueError, Exception, "Inappropriate argument value (of correct type).")
SIMPLE_EXC(UnicodeError, ValueError, "Unicode related error.")
SIMPLE_EXC(Warning, Exception, "Base class for warning categories.")
SIMPLE_EXC(UserWarning, Warning, "Base class for warnings generated by user code.")
SIMPLE_EXC(DeprecationWarning, Warning, "Base class for warnings about deprecated features.")
SIMPLE_EXC(PendingDeprecationWarning, Warning,
           "Base class for warnings about features which will be deprecated\nin the future.")
SIMPLE_EXC(SyntaxWarning, Warning, "Base class for warnings about dubious syntax.")
SIMPLE_EXC(RuntimeWarning, Warning, "Base class for warnings about dubious runtime behavior.")
SIMPLE_EXC(FutureWarning, Warning,
           "Base class for warnings about constructs that will change semantically\nin the future.")
SIMPLE_EXC(ImportWarning, Warning,
           "Base class for warnings about probable mistakes in module imports")
SIMPLE_EXC(UnicodeWarning, Warning,
           "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.")
SIMPLE_EXC(BytesWarning, Warning,
           "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.")
SIMPLE_EXC(ResourceWarning, Warning, "Base class for warnings about resource usage.")
SIMPLE_EXC(EncodingWarning, Warning, "Base class for warnings about encodings.")

/* ---- StopIteration -------------------------------------------------------------------- */
static int StopIteration_init(PyStopIterationObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) < 0)
        return -1;
    Py_XSETREF(self->value,
               Py_NewRef(PyTuple_GET_SIZE(args) > 0 ? PyTuple_GET_ITEM(args, 0) : Py_None));
    return 0;
}
static int StopIteration_clear(PyStopIterationObject *self)
{
    Py_CLEAR(self->value);
    return _PyExc_BaseClear((PyBaseExceptionObject *)self);
}
static int StopIteration_traverse(PyStopIterationObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->value);
    return _PyExc_BaseTraverse((PyBaseExceptionObject *)self, visit, arg);
}
static PyMemberDef StopIteration_members[] = {
    {"value", _Py_T_OBJECT, offsetof(PyStopIterationObject, value), 0, "generator return value"},
    {NULL, 0, 0, 0, NULL},
};
EXC_TYPE_FULL(StopIteration, &_PyExc_Exception, PyStopIterationObject, BaseException_new,
              StopIteration_init, StopIteration_clear, StopIteration_traverse,
              BaseException_str, BaseException_repr, NULL, StopIteration_members, NULL,
              "Signal the end from iterator.__next__().")

/* ---- SystemExit ------------------------------------------------------------------------ */
static int SystemExit_init(PySystemExitObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) < 0)
        return -1;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n == 0)
        return 0;
    Py_XSETREF(self->code, Py_NewRef(n == 1 ? PyTuple_GET_ITEM(args, 0) : args));
    return 0;
}
static int SystemExit_clear(PySystemExitObject *self)
{
    Py_CLEAR(self->code);
    return _PyExc_BaseClear((PyBaseExceptionObject *)self);
}
static int SystemExit_traverse(PySystemExitObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->code);
    return _PyExc_BaseTraverse((PyBaseExceptionObject *)self, visit, arg);
}
static PyMemberDef SystemExit_members[] = {
    {"code", _Py_T_OBJECT, offsetof(PySystemExitObject, code), 0, "exception code"},
    {NULL, 0, 0, 0, NULL},
};
EXC_TYPE_FULL(SystemExit, &_PyExc_BaseException, PySystemExitObject, BaseException_new,
              SystemExit_init, SystemExit_clear, SystemExit_traverse, BaseException_str,
              BaseException_repr, NULL, SystemExit_members, NULL,
              "Request to exit from the interpreter.")

/* ---- ImportError / ModuleNotFoundError -------------------------------------------------- */
static int ImportError_init(PyImportErrorObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *name = NULL, *path = NULL, *name_from = NULL;
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwds, &pos, &k, &v)) {
            if (PyUnicode_Check(k) && _PyUnicode_EqualToASCIIString(k, "name"))
                name = v;
            else if (PyUnicode_Check(k) && _PyUnicode_EqualToASCIIString(k, "path"))
                path = v;
            else if (PyUnicode_Check(k) && _PyUnicode_EqualToASCIIString(k, "name_from"))
                name_from = v;
            else {
                PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%S'",
                             _PyType_Name(Py_TYPE(self)), k);
                return -1;
            }
        }
    }
    if (BaseException_init((PyBaseExceptionObject *)self, args, NULL) < 0)
        return -1;
    Py_XSETREF(self->name, Py_XNewRef(name));
    Py_XSETREF(self->path, Py_XNewRef(path));
    Py_XSETREF(self->name_from, Py_XNewRef(name_from));
    Py_XSETREF(self->msg, PyTuple_GET_SIZE(args) == 1 ? Py_NewRef(PyTuple_GET_ITEM(args, 0)) : NULL);
    return 0;
}
static int ImportError_clear(PyImportErrorObject *self)
{
    Py_CLEAR(self->msg);
    Py_CLEAR(self->name);
    Py_CLEAR(self->path);
    Py_CLEAR(self->name_from);
    return _PyExc_BaseClear((PyBaseExceptionObject *)self);
}
static int ImportError_traverse(PyImportErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->msg);
    Py_VISIT(self->name);
    Py_VISIT(self->path);
    Py_VISIT(self->name_from);
    return _PyExc_BaseTraverse((PyBaseExceptionObject *)self, visit, arg);
}
static PyObject *ImportError_str(PyImportErrorObject *self)
{
    if (self->msg && PyUnicode_CheckExact(self->msg))
        return Py_NewRef(self->msg);
    return BaseException_str((PyBaseExceptionObject *)self);
}
static PyMemberDef ImportError_members[] = {
    {"msg", _Py_T_OBJECT, offsetof(PyImportErrorObject, msg), 0, "exception message"},
    {"name", _Py_T_OBJECT, offsetof(PyImportErrorObject, name), 0, "module name"},
    {"path", _Py_T_OBJECT, offsetof(PyImportErrorObject, path), 0, "module path"},
    {"name_from", _Py_T_OBJECT, offsetof(PyImportErrorObject, name_from), 0, "name imported from module"},
    {NULL, 0, 0, 0, NULL},
};
EXC_TYPE_FULL(ImportError, &_PyExc_Exception, PyImportErrorObject, BaseException_new,
              ImportError_init, ImportError_clear, ImportError_traverse, ImportError_str,
              BaseException_repr, NULL, ImportError_members, NULL,
              "Import can't find module, or can't find name in module.")
EXC_TYPE_FULL(ModuleNotFoundError, &_PyExc_ImportError, PyImportErrorObject,
              BaseException_new, ImportError_init, ImportError_clear, ImportError_traverse,
              ImportError_str, BaseException_repr, NULL, NULL, NULL, "Module not found.")

/* ---- AttributeError / NameError ---------------------------------------------------------- */
static int name_obj_kwargs(PyObject *self, PyObject *kwds, int allow_obj, PyObject **name,
                           PyObject **obj)
{
    *name = *obj = NULL;
    if (kwds == NULL)
        return 0;
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(kwds, &pos, &k, &v)) {
        if (PyUnicode_Check(k) && _PyUnicode_EqualToASCIIString(k, "name"))
            *name = v;
        else if (allow_obj && PyUnicode_Check(k) && _PyUnicode_EqualToASCIIString(k, "obj"))
            *obj = v;
        else {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%S'",
                         _PyType_Name(Py_TYPE(self)), k);
            return -1;
        }
    }
    return 0;
}
static int AttributeError_init(PyAttributeErrorObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *name, *obj;
    if (name_obj_kwargs((PyObject *)self, kwds, 1, &name, &obj) < 0)
        return -1;
    if (BaseException_init((PyBaseExceptionObject *)self, args, NULL) < 0)
        return -1;
    Py_XSETREF(self->name, Py_XNewRef(name));
    Py_XSETREF(self->obj, Py_XNewRef(obj));
    return 0;
}
static int NameError_init(PyNameErrorObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *name, *obj;
    if (name_obj_kwargs((PyObject *)self, kwds, 0, &name, &obj) < 0)
        return -1;
    if (BaseException_init((PyBaseExceptionObject *)self, args, NULL) < 0)
        return -1;
    Py_XSETREF(self->name, Py_XNewRef(name));
    return 0;
}
static int AttributeError_clear(PyAttributeErrorObject *self)
{
    Py_CLEAR(self->name);
    Py_CLEAR(self->obj);
    return _PyExc_BaseClear((PyBaseExceptionObject *)self);
}
static int AttributeError_traverse(PyAttributeErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->name);
    Py_VISIT(self->obj);
    return _PyExc_BaseTraverse((PyBaseExceptionObject *)self, visit, arg);
}
static PyMemberDef AttributeError_members[] = {
    {"name", _Py_T_OBJECT, offsetof(PyAttributeErrorObject, name), 0, "attribute name"},
    {"obj", _Py_T_OBJECT, offsetof(PyAttributeErrorObject, obj), 0, "object"},
    {NULL, 0, 0, 0, NULL},
};
static PyMemberDef NameError_members[] = {
    {"name", _Py_T_OBJECT, offsetof(PyNameErrorObject, name), 0, "name"},
    {NULL, 0, 0, 0, NULL},
};
EXC_TYPE_FULL(AttributeError, &_PyExc_Exception, PyAttributeErrorObject, BaseException_new,
              AttributeError_init, AttributeError_clear, AttributeError_traverse,
              BaseException_str, BaseException_repr, NULL, AttributeError_members, NULL,
              "Attribute not found.")
EXC_TYPE_FULL(NameError, &_PyExc_Exception, PyNameErrorObject, BaseException_new,
              NameError_init, AttributeError_clear, AttributeError_traverse,
              BaseException_str, BaseException_repr, NULL, NameError_members, NULL,
              "Name not found globally.")
EXC_TYPE_FULL(UnboundLocalError, &_PyExc_NameError, PyNameErrorObject, BaseException_new,
              NameError_init, AttributeError_clear, AttributeError_traverse,
              BaseException_str, BaseException_repr, NULL, NULL, NULL,
              "Local name referenced but not bound to a value.")

/* ---- KeyError ------------------------------------------------------------------------------ */
static PyObject *KeyError_str(PyBaseExceptionObject *self)
{
    /* A single missing key is shown with repr(), so that KeyError('') is visible. */
    if (PyTuple_GET_SIZE(self->args) == 1)
        return PyObject_Repr(PyTuple_GET_ITEM(self->args, 0));
    return BaseException_str(self);
}
EXC_TYPE_FULL(KeyError, &_PyExc_LookupError, PyBaseExceptionObject, BaseException_new,
              BaseException_init, BaseException_clear, BaseException_traverse, KeyError_str,
              BaseException_repr, NULL, NULL, NULL, "Mapping key not found.")

/* ---- SyntaxError family ---------------------------------------------------------------------- */
static int SyntaxError_init(PySyntaxErrorObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) < 0)
        return -1;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n >= 1)
        Py_XSETREF(self->msg, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    if (n == 2) {
        PyObject *info = PySequence_Tuple(PyTuple_GET_ITEM(args, 1));
        if (info == NULL)
            return -1;
        PyObject *filename, *lineno, *offset, *text, *end_lineno = NULL, *end_offset = NULL;
        if (!PyArg_ParseTuple(info, "OOOO|OO", &filename, &lineno, &offset, &text,
                              &end_lineno, &end_offset)) {
            Py_DECREF(info);
            return -1;
        }
        Py_XSETREF(self->filename, Py_NewRef(filename));
        Py_XSETREF(self->lineno, Py_NewRef(lineno));
        Py_XSETREF(self->offset, Py_NewRef(offset));
        Py_XSETREF(self->text, Py_NewRef(text));
        Py_XSETREF(self->end_lineno, Py_XNewRef(end_lineno));
        Py_XSETREF(self->end_offset, Py_XNewRef(end_offset));
        Py_DECREF(info);
        if (self->end_lineno != NULL && self->end_offset == NULL) {
            PyErr_SetString(PyExc_TypeError, "end_offset must be provided when end_lineno is provided");
            return -1;
        }
    }
    return 0;
}
static int SyntaxError_clear(PySyntaxErrorObject *self)
{
    Py_CLEAR(self->msg);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->lineno);
    Py_CLEAR(self->offset);
    Py_CLEAR(self->end_lineno);
    Py_CLEAR(self->end_offset);
    Py_CLEAR(self->text);
    Py_CLEAR(self->print_file_and_line);
    return _PyExc_BaseClear((PyBaseExceptionObject *)self);
}
static int SyntaxError_traverse(PySyntaxErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->msg);
    Py_VISIT(self->filename);
    Py_VISIT(self->lineno);
    Py_VISIT(self->offset);
    Py_VISIT(self->end_lineno);
    Py_VISIT(self->end_offset);
    Py_VISIT(self->text);
    Py_VISIT(self->print_file_and_line);
    return _PyExc_BaseTraverse((PyBaseExceptionObject *)self, visit, arg);
}
static PyObject *basename_of(PyObject *filename)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(filename);
    Py_ssize_t slash = PyUnicode_FindChar(filename, '/', 0, len, -1);
    if (slash == -2)
        return NULL;
    if (slash == -1)
        return Py_NewRef(filename);
    return PyUnicode_Substring(filename, slash + 1, len);
}
static PyObject *SyntaxError_str(PySyntaxErrorObject *self)
{
    PyObject *filename = NULL;
    if (self->filename && PyUnicode_Check(self->filename)) {
        filename = basename_of(self->filename);
        if (filename == NULL)
            return NULL;
    }
    int have_lineno = self->lineno && PyLong_CheckExact(self->lineno);
    PyObject *msg = self->msg ? self->msg : Py_None;
    PyObject *result;
    if (filename && have_lineno)
        result = PyUnicode_FromFormat("%S (%U, line %ld)", msg, filename,
                                      PyLong_AsLong(self->lineno));
    else if (filename)
        result = PyUnicode_FromFormat("%S (%U)", msg, filename);
    else if (have_lineno)
        result = PyUnicode_FromFormat("%S (line %ld)", msg, PyLong_AsLong(self->lineno));
    else
        result = PyObject_Str(msg);
    Py_XDECREF(filename);
    return result;
}
static PyMemberDef SyntaxError_members[] = {
    {"msg", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, msg), 0, "exception msg"},
    {"filename", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, filename), 0, "exception filename"},
    {"lineno", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, lineno), 0, "exception lineno"},
    {"offset", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, offset), 0, "exception offset"},
    {"text", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, text), 0, "exception text"},
    {"end_lineno", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, end_lineno), 0, "exception end lineno"},
    {"end_offset", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, end_offset), 0, "exception end offset"},
    {"print_file_and_line", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, print_file_and_line), 0,
     "exception print_file_and_line"},
    {NULL, 0, 0, 0, NULL},
};
#define SYNTAX_EXC(NAME, BASE, MEMBERS, DOC)                                                  \
    EXC_TYPE_FULL(NAME, BASE, PySyntaxErrorObject, BaseException_new, SyntaxError_init,       \
                  SyntaxError_clear, SyntaxError_traverse, SyntaxError_str,                   \
                  BaseException_repr, NULL, MEMBERS, NULL, DOC)
SYNTAX_EXC(SyntaxError, &_PyExc_Exception, SyntaxError_members, "Invalid syntax.")
SYNTAX_EXC(IndentationError, &_PyExc_SyntaxError, NULL, "Improper indentation.")
SYNTAX_EXC(TabError, &_PyExc_IndentationError, NULL, "Improper mixture of spaces and tabs.")
SYNTAX_EXC(_IncompleteInputError, &_PyExc_SyntaxError, NULL, "incomplete input.")

/* ---- OSError and its errno-specific subclasses ------------------------------------------------ */
static PyTypeObject *errno_subclass(PyObject *errcode);

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): with 2..5 arguments the
 * fields are set and args keeps only (errno, strerror). */
static int oserror_parse(PyObject *args, PyObject **myerrno, PyObject **strerror,
                         PyObject **filename, PyObject **filename2)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    *myerrno = *strerror = *filename = *filename2 = NULL;
    if (n < 2 || n > 5)
        return 0;
    PyObject *winerror = NULL;
    if (!PyArg_UnpackTuple(args, "OSError", 2, 5, myerrno, strerror, filename, &winerror,
                           filename2))
        return -1;
    return 1;
}

static PyObject *OSError_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *myerrno, *strerror, *filename, *filename2;
    if (type == (PyTypeObject *)PyExc_OSError) {
        int r = oserror_parse(args, &myerrno, &strerror, &filename, &filename2);
        if (r < 0)
            return NULL;
        if (r > 0 && PyLong_Check(myerrno)) {
            PyTypeObject *sub = errno_subclass(myerrno);
            if (sub != NULL)
                type = sub;
        }
    }
    PyOSErrorObject *self = (PyOSErrorObject *)BaseException_new(type, args, kwds);
    if (self == NULL)
        return NULL;
    self->written = -1;
    return (PyObject *)self;
}

static int OSError_init(PyOSErrorObject *self, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords(Py_TYPE(self)->tp_name, kwds))
        return -1;
    PyObject *myerrno, *strerror, *filename, *filename2;
    int r = oserror_parse(args, &myerrno, &strerror, &filename, &filename2);
    if (r < 0)
        return -1;
    Py_XSETREF(((PyBaseExceptionObject *)self)->args, Py_NewRef(args));
    if (r == 0)
        return 0;
    Py_XSETREF(self->myerrno, Py_NewRef(myerrno));
    Py_XSETREF(self->strerror, Py_NewRef(strerror));
    if (filename && filename != Py_None) {
        if (Py_IS_TYPE(self, (PyTypeObject *)PyExc_BlockingIOError) && PyNumber_Check(filename)) {
            self->written = PyNumber_AsSsize_t(filename, PyExc_ValueError);
            if (self->written == -1 && PyErr_Occurred())
                return -1;
        }
        else {
            Py_XSETREF(self->filename, Py_NewRef(filename));
            if (filename2 && filename2 != Py_None)
                Py_XSETREF(self->filename2, Py_NewRef(filename2));
            PyObject *sub = PyTuple_GetSlice(args, 0, 2);
            if (sub == NULL)
                return -1;
            Py_XSETREF(((PyBaseExceptionObject *)self)->args, sub);
        }
    }
    return 0;
}

static int OSError_clear(PyOSErrorObject *self)
{
    Py_CLEAR(self->myerrno);
    Py_CLEAR(self->strerror);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->filename2);
    return _PyExc_BaseClear((PyBaseExceptionObject *)self);
}
static int OSError_traverse(PyOSErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->myerrno);
    Py_VISIT(self->strerror);
    Py_VISIT(self->filename);
    Py_VISIT(self->filename2);
    return _PyExc_BaseTraverse((PyBaseExceptionObject *)self, visit, arg);
}
static PyObject *OSError_str(PyOSErrorObject *self)
{
    if (self->filename) {
        if (self->filename2)
            return PyUnicode_FromFormat("[Errno %S] %S: %R -> %R", self->myerrno ? self->myerrno : Py_None,
                                        self->strerror ? self->strerror : Py_None,
                                        self->filename, self->filename2);
        return PyUnicode_FromFormat("[Errno %S] %S: %R", self->myerrno ? self->myerrno : Py_None,
                                    self->strerror ? self->strerror : Py_None, self->filename);
    }
    if (self->myerrno && self->strerror)
        return PyUnicode_FromFormat("[Errno %S] %S", self->myerrno, self->strerror);
    return BaseException_str((PyBaseExceptionObject *)self);
}
static PyObject *OSError_reduce(PyOSErrorObject *self, PyObject *Py_UNUSED(a))
{
    PyObject *args = ((PyBaseExceptionObject *)self)->args;
    PyObject *res;
    if (PyTuple_GET_SIZE(args) == 2 && self->filename) {
        Py_ssize_t size = self->filename2 ? 5 : 3;
        PyObject *a = PyTuple_New(size);
        if (a == NULL)
            return NULL;
        PyTuple_SET_ITEM(a, 0, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
        PyTuple_SET_ITEM(a, 1, Py_NewRef(PyTuple_GET_ITEM(args, 1)));
        PyTuple_SET_ITEM(a, 2, Py_NewRef(self->filename));
        if (self->filename2) {
            PyTuple_SET_ITEM(a, 3, Py_NewRef(Py_None));
            PyTuple_SET_ITEM(a, 4, Py_NewRef(self->filename2));
        }
        args = a;
    }
    else
        Py_INCREF(args);
    PyObject *dict = ((PyBaseExceptionObject *)self)->dict;
    if (dict && PyDict_GET_SIZE(dict) > 0)
        res = PyTuple_Pack(3, Py_TYPE(self), args, dict);
    else
        res = PyTuple_Pack(2, Py_TYPE(self), args);
    Py_DECREF(args);
    return res;
}
static PyObject *OSError_written_get(PyOSErrorObject *self, void *c)
{
    if (self->written == -1) {
        PyErr_SetString(PyExc_AttributeError, "characters_written");
        return NULL;
    }
    return PyLong_FromSsize_t(self->written);
}
static int OSError_written_set(PyOSErrorObject *self, PyObject *arg, void *c)
{
    if (arg == NULL) {
        if (self->written == -1) {
            PyErr_SetString(PyExc_AttributeError, "characters_written");
            return -1;
        }
        self->written = -1;
        return 0;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(arg, PyExc_ValueError);
    if (n == -1 && PyErr_Occurred())
        return -1;
    self->written = n;
    return 0;
}
static PyMemberDef OSError_members[] = {
    {"errno", _Py_T_OBJECT, offsetof(PyOSErrorObject, myerrno), 0, "POSIX exception code"},
    {"strerror", _Py_T_OBJECT, offsetof(PyOSErrorObject, strerror), 0, "exception strerror"},
    {"filename", _Py_T_OBJECT, offsetof(PyOSErrorObject, filename), 0, "exception filename"},
    {"filename2", _Py_T_OBJECT, offsetof(PyOSErrorObject, filename2), 0, "second exception filename"},
    {NULL, 0, 0, 0, NULL},
};
static PyMethodDef OSError_methods[] = {
    {"__reduce__", (PyCFunction)OSError_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
static PyGetSetDef OSError_getset[] = {
    {"characters_written", (getter)OSError_written_get, (setter)OSError_written_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
EXC_TYPE_FULL(OSError, &_PyExc_Exception, PyOSErrorObject, OSError_new, OSError_init,
              OSError_clear, OSError_traverse, OSError_str, BaseException_repr,
              OSError_methods, OSError_members, OSError_getset, "Base class for I/O related errors.")
#define OS_EXC(NAME, BASE, DOC)                                                              \
    EXC_TYPE_FULL(NAME, &_PyExc_##BASE, PyOSErrorObject, OSError_new, OSError_init,          \
                  OSError_clear, OSError_traverse, OSError_str, BaseException_repr, NULL,    \
                  NULL, NULL, DOC)
OS_EXC(BlockingIOError, OSError, "I/O operation would block.")
OS_EXC(ConnectionError, OSError, "Connection error.")
OS_EXC(ChildProcessError, OSError, "Child process error.")
OS_EXC(BrokenPipeError, ConnectionError, "Broken pipe.")
OS_EXC(ConnectionAbortedError, ConnectionError, "Connection aborted.")
OS_EXC(ConnectionRefusedError, ConnectionError, "Connection refused.")
OS_EXC(ConnectionResetError, ConnectionError, "Connection reset.")
OS_EXC(FileExistsError, OSError, "File already exists.")
OS_EXC(FileNotFoundError, OSError, "File not found.")
OS_EXC(IsADirectoryError, OSError, "Operation doesn't work on directories.")
OS_EXC(NotADirectoryError, OSError, "Operation only works on directories.")
OS_EXC(InterruptedError, OSError, "Interrupted by signal.")
OS_EXC(PermissionError, OSError, "Not enough permissions.")
OS_EXC(ProcessLookupError, OSError, "Process not found.")
OS_EXC(TimeoutError, OSError, "Timeout expired.")
PyObject *PyExc_EnvironmentError = (PyObject *)&_PyExc_OSError;
PyObject *PyExc_IOError = (PyObject *)&_PyExc_OSError;

static PyTypeObject *errno_subclass(PyObject *errcode)
{
    int overflow;
    long e = PyLong_AsLongAndOverflow(errcode, &overflow);
    if (e == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return NULL;
    }
    switch (e) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return &_PyExc_BlockingIOError;
    case ECHILD:
        return &_PyExc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
        return &_PyExc_BrokenPipeError;
    case ECONNABORTED:
        return &_PyExc_ConnectionAbortedError;
    case ECONNREFUSED:
        return &_PyExc_ConnectionRefusedError;
    case ECONNRESET:
        return &_PyExc_ConnectionResetError;
    case EEXIST:
        return &_PyExc_FileExistsError;
    case ENOENT:
        return &_PyExc_FileNotFoundError;
    case EISDIR:
        return &_PyExc_IsADirectoryError;
    case ENOTDIR:
        return &_PyExc_NotADirectoryError;
    case EINTR:
        return &_PyExc_InterruptedError;
    case EACCES:
    case EPERM:
#ifdef ENOTCAPABLE
    case ENOTCAPABLE:
#endif
        return &_PyExc_PermissionError;
    case ESRCH:
        return &_PyExc_ProcessLookupError;
    case ETIMEDOUT:
        return &_PyExc_TimeoutError;
    default:
        return NULL;
    }
}

/* ---- Unicode errors ------------------------------------------------------------------------------ */
static int UnicodeError_clear(PyUnicodeErrorObject *self)
{
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->object);
    Py_CLEAR(self->reason);
    return _PyExc_BaseClear((PyBaseExceptionObject *)self);
}
static int UnicodeError_traverse(PyUnicodeErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->encoding);
    Py_VISIT(self->object);
    Py_VISIT(self->reason);
    return _PyExc_BaseTraverse((PyBaseExceptionObject *)self, visit, arg);
}

static int UnicodeEncodeError_init(PyUnicodeErrorObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) < 0)
        return -1;
    PyObject *encoding, *object, *reason;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "UUnnU", &encoding, &object, &start, &end, &reason))
        return -1;
    Py_XSETREF(self->encoding, Py_NewRef(encoding));
    Py_XSETREF(self->object, Py_NewRef(object));
    Py_XSETREF(self->reason, Py_NewRef(reason));
    self->start = start;
    self->end = end;
    return 0;
}

static int UnicodeDecodeError_init(PyUnicodeErrorObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) < 0)
        return -1;
    PyObject *encoding, *object, *reason;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "UOnnU", &encoding, &object, &start, &end, &reason))
        return -1;
    if (PyBytes_Check(object))
        Py_INCREF(object);
    else {
        Py_buffer view;
        if (PyObject_GetBuffer(object, &view, PyBUF_SIMPLE) != 0)
            return -1;
        object = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        if (object == NULL)
            return -1;
    }
    Py_XSETREF(self->encoding, Py_NewRef(encoding));
    Py_XSETREF(self->object, object);
    Py_XSETREF(self->reason, Py_NewRef(reason));
    self->start = start;
    self->end = end;
    return 0;
}

static int UnicodeTranslateError_init(PyUnicodeErrorObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) < 0)
        return -1;
    PyObject *object, *reason;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "UnnU", &object, &start, &end, &reason))
        return -1;
    Py_XSETREF(self->object, Py_NewRef(object));
    Py_XSETREF(self->reason, Py_NewRef(reason));
    self->start = start;
    self->end = end;
    return 0;
}

/* "'\xe9'" style rendering of one code point, as the encode/translate messages show it. */
static PyObject *char_escape(Py_UCS4 ch)
{
    if (ch < 0x100)
        return PyUnicode_FromFormat("\\x%02x", (int)ch);
    if (ch < 0x10000)
        return PyUnicode_FromFormat("\\u%04x", (int)ch);
    return PyUnicode_FromFormat("\\U%08x", (int)ch);
}

static PyObject *unicode_error_str(PyUnicodeErrorObject *self, int kind)
{
    /* kind: 0 encode, 1 decode, 2 translate */
    if (self->object == NULL || self->reason == NULL)
        return PyUnicode_FromString("");
    PyObject *reason = PyObject_Str(self->reason);
    if (reason == NULL)
        return NULL;
    PyObject *encoding = NULL;
    if (kind != 2) {
        encoding = PyObject_Str(self->encoding ? self->encoding : Py_None);
        if (encoding == NULL) {
            Py_DECREF(reason);
            return NULL;
        }
    }
    PyObject *result = NULL;
    Py_ssize_t len = kind == 1 ? PyBytes_GET_SIZE(self->object) : PyUnicode_GET_LENGTH(self->object);
    Py_ssize_t start = self->start, end = self->end;
    if (start < len && end == start + 1) {
        if (kind == 1) {
            int byte = (unsigned char)PyBytes_AS_STRING(self->object)[start];
            result = PyUnicode_FromFormat("'%U' codec can't decode byte 0x%02x in position %zd: %U",
                                          encoding, byte, start, reason);
        }
        else {
            PyObject *esc = char_escape(PyUnicode_READ_CHAR(self->object, start));
            if (esc != NULL) {
                if (kind == 0)
                    result = PyUnicode_FromFormat(
                        "'%U' codec can't encode character '%U' in position %zd: %U", encoding,
                        esc, start, reason);
                else
                    result = PyUnicode_FromFormat(
                        "can't translate character '%U' in position %zd: %U", esc, start, reason);
                Py_DECREF(esc);
            }
        }
    }
    else if (kind == 1)
        result = PyUnicode_FromFormat("'%U' codec can't decode bytes in position %zd-%zd: %U",
                                      encoding, start, end - 1, reason);
    else if (kind == 0)
        result = PyUnicode_FromFormat("'%U' codec can't encode characters in position %zd-%zd: %U",
                                      encoding, start, end - 1, reason);
    else
        result = PyUnicode_FromFormat("can't translate characters in position %zd-%zd: %U",
                                      start, end - 1, reason);
    Py_DECREF(reason);
    Py_XDECREF(encoding);
    return result;
}
static PyObject *UnicodeEncodeError_str(PyObject *self) { return unicode_error_str((PyUnicodeErrorObject *)self, 0); }
static PyObject *UnicodeDecodeError_str(PyObject *self) { return unicode_error_str((PyUnicodeErrorObject *)self, 1); }
static PyObject *UnicodeTranslateError_str(PyObject *self) { return unicode_error_str((PyUnicodeErrorObject *)self, 2); }

static PyMemberDef UnicodeError_members[] = {
    {"encoding", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, encoding), 0, "exception encoding"},
    {"object", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, object), 0, "exception object"},
    {"start", Py_T_PYSSIZET, offsetof(PyUnicodeErrorObject, start), 0, "exception start"},
    {"end", Py_T_PYSSIZET, offsetof(PyUnicodeErrorObject, end), 0, "exception end"},
    {"reason", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL},
};
#define UNICODE_EXC(NAME, INIT, STR, DOC)                                                      \
    EXC_TYPE_FULL(NAME, &_PyExc_UnicodeError, PyUnicodeErrorObject, BaseException_new, INIT,   \
                  UnicodeError_clear, UnicodeError_traverse, STR, BaseException_repr, NULL,    \
                  UnicodeError_members, NULL, DOC)
UNICODE_EXC(UnicodeEncodeError, UnicodeEncodeError_init, UnicodeEncodeError_str, "Unicode encoding error.")
UNICODE_EXC(UnicodeDecodeError, UnicodeDecodeError_init, UnicodeDecodeError_str, "Unicode decoding error.")
UNICODE_EXC(UnicodeTranslateError, UnicodeTranslateError_init, UnicodeTranslateError_str,
            "Unicode translation error.")

PyObject *PyUnicodeDecodeError_Create(const char *encoding, const char *object, Py_ssize_t length,
                                      Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    return PyObject_CallFunction(PyExc_UnicodeDecodeError, "sy#nns", encoding, object, length,
                                 start, end, reason);
}

/* ---- exception groups (types; the algorithms are in exceptiongroup.c) ------------------------- */
EXC_TYPE_FULL(BaseExceptionGroup, &_PyExc_BaseException, PyBaseExceptionGroupObject,
              _PyExcGroup_New, _PyExcGroup_Init, _PyExcGroup_Clear, _PyExcGroup_Traverse,
              _PyExcGroup_Str, BaseException_repr, _PyExcGroup_Methods, _PyExcGroup_Members, NULL,
              "A combination of multiple unrelated exceptions.")

/* CPython makes ExceptionGroup at start-up as a heap type (a plain subclass of
 * BaseExceptionGroup and Exception), so unlike its base its instances take weak references,
 * and its __dict__ holds only __module__, __weakref__ and __doc__. Ours is static but lays
 * out the same way: everything else is inherited, not redefined. */
typedef struct {
    PyBaseExceptionGroupObject group;
    PyObject *weakreflist;
} ExceptionGroupObject;

static void ExceptionGroup_dealloc(PyObject *self)
{
    if (((ExceptionGroupObject *)self)->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Exception_dealloc(self);
}

static PyObject *ExceptionGroup_get_weakref(PyObject *self, void *c)
{
    PyObject *ref = ((ExceptionGroupObject *)self)->weakreflist;
    return Py_NewRef(ref ? ref : Py_None);
}

static PyGetSetDef ExceptionGroup_getset[] = {
    {"__weakref__", ExceptionGroup_get_weakref, NULL, "list of weak references to the object",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject _PyExc_ExceptionGroup = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ExceptionGroup",
    .tp_basicsize = sizeof(ExceptionGroupObject),
    .tp_dealloc = ExceptionGroup_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_traverse = (traverseproc)_PyExcGroup_Traverse,
    .tp_clear = (inquiry)_PyExcGroup_Clear,
    .tp_weaklistoffset = offsetof(ExceptionGroupObject, weakreflist),
    .tp_getset = ExceptionGroup_getset,
    .tp_base = &_PyExc_BaseExceptionGroup,
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),
};
PyObject *PyExc_ExceptionGroup = (PyObject *)&_PyExc_ExceptionGroup;

/* ---- start-up ---------------------------------------------------------------------------------- */
int _PyExc_InitTypes(void)
{
#define READY_EXC(name)                                                \
    if (PyType_Ready((PyTypeObject *)PyExc_##name) < 0)                \
        return -1;
    /* ExceptionGroup derives from both BaseExceptionGroup and Exception. */
    if (_PyExc_ExceptionGroup.tp_bases == NULL) {
        if (PyType_Ready(&_PyExc_BaseExceptionGroup) < 0 || PyType_Ready(&_PyExc_Exception) < 0)
            return -1;
        _PyExc_ExceptionGroup.tp_bases =
            PyTuple_Pack(2, (PyObject *)&_PyExc_BaseExceptionGroup, (PyObject *)&_PyExc_Exception);
        if (_PyExc_ExceptionGroup.tp_bases == NULL)
            return -1;
        /* first in the class dict, as class creation puts it */
        PyObject *module = PyUnicode_InternFromString("builtins");
        _PyExc_ExceptionGroup.tp_dict = PyDict_New();
        if (module == NULL || _PyExc_ExceptionGroup.tp_dict == NULL ||
            PyDict_SetItemString(_PyExc_ExceptionGroup.tp_dict, "__module__", module) < 0) {
            Py_XDECREF(module);
            return -1;
        }
        Py_DECREF(module);
    }
    KR_EXCEPTION_TYPES(READY_EXC)
#undef READY_EXC
    return 0;
}
