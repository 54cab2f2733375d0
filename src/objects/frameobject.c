/* Frame objects: the Python-visible view of an interpreter frame. */
#include "Python.h"
#include "internal/pycore_frame.h"

PyFrameObject *_PyFrame_New_NoTrack(PyCodeObject *code)
{
    PyFrameObject *f = PyObject_GC_New(PyFrameObject, &PyFrame_Type);
    if (f == NULL)
        return NULL;
    f->f_back = NULL;
    f->f_frame = NULL;
    f->f_trace = NULL;
    f->f_lineno = 0;
    f->f_trace_lines = 1;
    f->f_trace_opcodes = 0;
    f->f_extra_locals = NULL;
    f->f_owned = NULL;
    f->f_trace_lasti = -1;
    return f;
}

void _PyFrameObject_TakeFrame(PyFrameObject *f, _PyInterpreterFrame *frame)
{
    size_t size = offsetof(_PyInterpreterFrame, localsplus) +
                  (size_t)(frame->stacktop > 0 ? frame->stacktop : 1) * sizeof(PyObject *);
    _PyInterpreterFrame *copy = PyMem_Malloc(size);
    if (copy == NULL) {
        /* Out of memory: drop the contents; the frame object then shows an empty frame. */
        f->f_frame = NULL;
        for (int i = 0; i < frame->stacktop; i++)
            Py_XDECREF(frame->localsplus[i]);
        frame->stacktop = 0;
        Py_CLEAR(frame->f_locals);
        Py_CLEAR(frame->f_funcobj);
        return;
    }
    _PyFrame_Copy(frame, copy);
    Py_INCREF(copy->f_code);
    copy->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    copy->frame_obj = NULL;
    copy->previous = NULL;
    copy->is_entry = 0;
    copy->is_init = 0;
    frame->stacktop = 0;
    frame->f_locals = NULL;
    frame->f_funcobj = NULL;
    f->f_owned = copy;
    f->f_frame = copy;
    if (f->f_back == NULL && frame->owner == FRAME_OWNED_BY_THREAD) {
        _PyInterpreterFrame *prev = _PyFrame_GetFirstComplete(frame->previous);
        if (prev != NULL) {
            PyFrameObject *back = _PyFrame_GetFrameObject(prev);
            if (back == NULL)
                PyErr_Clear();
            else
                f->f_back = (PyFrameObject *)Py_NewRef((PyObject *)back);
        }
    }
}

static void clear_owned(PyFrameObject *f)
{
    _PyInterpreterFrame *copy = f->f_owned;
    if (copy == NULL)
        return;
    for (int i = 0; i < copy->stacktop; i++)
        Py_CLEAR(copy->localsplus[i]);
    copy->stacktop = 0;
    Py_CLEAR(copy->f_locals);
    Py_CLEAR(copy->f_funcobj);
}

static void frame_dealloc(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, frame_dealloc)
    if (f->f_owned != NULL) {
        clear_owned(f);
        Py_CLEAR(f->f_owned->f_code);
        PyMem_Free(f->f_owned);
        f->f_owned = NULL;
    }
    else if (f->f_frame != NULL && f->f_frame->frame_obj == f) {
        f->f_frame->frame_obj = NULL;
    }
    Py_CLEAR(f->f_back);
    Py_CLEAR(f->f_trace);
    Py_CLEAR(f->f_extra_locals);
    PyObject_GC_Del(self);
    Py_TRASHCAN_END
}

static int frame_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyFrameObject *f = (PyFrameObject *)self;
    Py_VISIT(f->f_back);
    Py_VISIT(f->f_trace);
    Py_VISIT(f->f_extra_locals);
    if (f->f_owned != NULL) {
        _PyInterpreterFrame *c = f->f_owned;
        Py_VISIT(c->f_locals);
        Py_VISIT(c->f_funcobj);
        Py_VISIT(c->f_code);
        for (int i = 0; i < c->stacktop; i++)
            Py_VISIT(c->localsplus[i]);
    }
    return 0;
}

static int frame_tp_clear(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    Py_CLEAR(f->f_trace);
    Py_CLEAR(f->f_extra_locals);
    clear_owned(f);
    return 0;
}

static PyCodeObject *frame_code(PyFrameObject *f)
{
    return f->f_frame != NULL ? f->f_frame->f_code : NULL;
}

int PyFrame_GetLineNumber(PyFrameObject *f)
{
    if (f->f_trace != NULL && f->f_lineno != 0)
        return f->f_lineno;
    if (f->f_frame == NULL)
        return f->f_lineno;
    return _PyFrame_GetLineNumber(f->f_frame);
}

PyCodeObject *PyFrame_GetCode(PyFrameObject *f)
{
    PyCodeObject *co = frame_code(f);
    Py_XINCREF((PyObject *)co);
    return co;
}

PyFrameObject *PyFrame_GetBack(PyFrameObject *f)
{
    PyFrameObject *back = f->f_back;
    if (back == NULL && f->f_frame != NULL && f->f_owned == NULL) {
        _PyInterpreterFrame *prev = _PyFrame_GetFirstComplete(f->f_frame->previous);
        if (prev != NULL) {
            back = _PyFrame_GetFrameObject(prev);
            if (back == NULL)
                return NULL;
        }
    }
    Py_XINCREF((PyObject *)back);
    return back;
}

PyObject *PyFrame_GetLocals(PyFrameObject *f)
{
    if (f->f_frame == NULL || f->f_frame->f_code == NULL)
        return PyDict_New();
    return _PyFrame_GetLocals(f->f_frame);
}

PyObject *PyFrame_GetGlobals(PyFrameObject *f)
{
    PyObject *g = f->f_frame != NULL ? f->f_frame->f_globals : NULL;
    if (g == NULL)
        return PyDict_New();
    return Py_NewRef(g);
}

PyObject *PyFrame_GetBuiltins(PyFrameObject *f)
{
    PyObject *b = f->f_frame != NULL ? f->f_frame->f_builtins : NULL;
    if (b == NULL)
        return PyDict_New();
    return Py_NewRef(b);
}

int PyFrame_GetLasti(PyFrameObject *f)
{
    if (f->f_frame == NULL)
        return -1;
    int lasti = _PyInterpreterFrame_LASTI(f->f_frame);
    if (lasti < 0)
        return -1;
    return lasti * (int)sizeof(_Py_CODEUNIT);
}

/* ---- attributes ----------------------------------------------------------------- */

static PyObject *frame_getlocals(PyObject *self, void *c)
{
    return PyFrame_GetLocals((PyFrameObject *)self);
}

static PyObject *frame_getlineno(PyObject *self, void *c)
{
    PyFrameObject *f = (PyFrameObject *)self;
    int lineno = PyFrame_GetLineNumber(f);
    if (lineno < 0)
        Py_RETURN_NONE;
    return PyLong_FromLong(lineno);
}

static int frame_setlineno(PyObject *self, PyObject *value, void *c)
{
    PyFrameObject *f = (PyFrameObject *)self;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete f_lineno");
        return -1;
    }
    if (!PyLong_CheckExact(value)) {
        PyErr_SetString(PyExc_ValueError, "lineno must be an integer");
        return -1;
    }
    if (f->f_trace == NULL) {
        PyErr_Format(PyExc_ValueError,
                     "f_lineno can only be set by a trace function");
        return -1;
    }
    /* Jumping is not supported: accept only the current line. */
    long l = PyLong_AsLong(value);
    if (l == -1 && PyErr_Occurred())
        return -1;
    if (l != PyFrame_GetLineNumber(f)) {
        PyErr_Format(PyExc_ValueError, "line %ld comes after the current code block", l);
        return -1;
    }
    return 0;
}

static PyObject *frame_getlasti(PyObject *self, void *c)
{
    return PyLong_FromLong(PyFrame_GetLasti((PyFrameObject *)self));
}

static PyObject *frame_getglobals(PyObject *self, void *c)
{
    return PyFrame_GetGlobals((PyFrameObject *)self);
}

static PyObject *frame_getbuiltins(PyObject *self, void *c)
{
    return PyFrame_GetBuiltins((PyFrameObject *)self);
}

static PyObject *frame_getcode(PyObject *self, void *c)
{
    PyCodeObject *co = PyFrame_GetCode((PyFrameObject *)self);
    if (co == NULL)
        Py_RETURN_NONE;
    return (PyObject *)co;
}

static PyObject *frame_getback(PyObject *self, void *c)
{
    PyFrameObject *back = PyFrame_GetBack((PyFrameObject *)self);
    if (back == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    return (PyObject *)back;
}

static PyObject *frame_gettrace(PyObject *self, void *c)
{
    PyObject *t = ((PyFrameObject *)self)->f_trace;
    return Py_NewRef(t ? t : Py_None);
}

static int frame_settrace(PyObject *self, PyObject *v, void *c)
{
    PyFrameObject *f = (PyFrameObject *)self;
    if (v == Py_None)
        v = NULL;
    Py_XSETREF(f->f_trace, Py_XNewRef(v));
    if (v != NULL && f->f_frame != NULL)
        f->f_lineno = PyFrame_GetLineNumber(f);
    return 0;
}

static PyObject *frame_get_trace_lines(PyObject *self, void *c)
{
    return Py_NewRef(((PyFrameObject *)self)->f_trace_lines ? Py_True : Py_False);
}

static int frame_set_trace_lines(PyObject *self, PyObject *v, void *c)
{
    if (v == NULL || !PyBool_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
        return -1;
    }
    ((PyFrameObject *)self)->f_trace_lines = v == Py_True;
    return 0;
}

static PyObject *frame_get_trace_opcodes(PyObject *self, void *c)
{
    return Py_NewRef(((PyFrameObject *)self)->f_trace_opcodes ? Py_True : Py_False);
}

static int frame_set_trace_opcodes(PyObject *self, PyObject *v, void *c)
{
    if (v == NULL || !PyBool_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
        return -1;
    }
    ((PyFrameObject *)self)->f_trace_opcodes = v == Py_True;
    return 0;
}

static PyGetSetDef frame_getsetlist[] = {
    {"f_back", frame_getback, NULL, NULL, NULL},
    {"f_locals", frame_getlocals, NULL, NULL, NULL},
    {"f_lineno", frame_getlineno, frame_setlineno, NULL, NULL},
    {"f_trace", frame_gettrace, frame_settrace, NULL, NULL},
    {"f_lasti", frame_getlasti, NULL, NULL, NULL},
    {"f_globals", frame_getglobals, NULL, NULL, NULL},
    {"f_builtins", frame_getbuiltins, NULL, NULL, NULL},
    {"f_code", frame_getcode, NULL, NULL, NULL},
    {"f_trace_lines", frame_get_trace_lines, frame_set_trace_lines, NULL, NULL},
    {"f_trace_opcodes", frame_get_trace_opcodes, frame_set_trace_opcodes, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *frame_clear(PyObject *self, PyObject *unused)
{
    PyFrameObject *f = (PyFrameObject *)self;
    if (f->f_owned != NULL) {
        clear_owned(f);
        Py_CLEAR(f->f_trace);
        Py_RETURN_NONE;
    }
    if (f->f_frame == NULL)
        Py_RETURN_NONE;
    if (f->f_frame->owner == FRAME_OWNED_BY_GENERATOR) {
        PyGenObject *gen = _PyGen_GetGeneratorFromFrame(f->f_frame);
        if (gen->gi_frame_state == FRAME_EXECUTING) {
            PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
            return NULL;
        }
        if (gen->gi_frame_state >= FRAME_COMPLETED)
            Py_RETURN_NONE;
        if (gen->gi_frame_state != FRAME_CREATED) {
            PyErr_SetString(PyExc_RuntimeError, "cannot clear a suspended frame");
            return NULL;
        }
        PyObject *r = PyObject_CallMethodNoArgs((PyObject *)gen, _Py_ID(close));
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
        Py_RETURN_NONE;
    }
    PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
    return NULL;
}

static PyObject *frame_sizeof(PyObject *self, PyObject *unused)
{
    PyFrameObject *f = (PyFrameObject *)self;
    Py_ssize_t res = (Py_ssize_t)sizeof(PyFrameObject);
    if (f->f_frame != NULL && f->f_frame->f_code != NULL)
        res += (Py_ssize_t)(KR_FRAME_SPECIALS_SIZE + _KrFrame_NSlots(f->f_frame->f_code)) *
               (Py_ssize_t)sizeof(PyObject *);
    return PyLong_FromSsize_t(res);
}

static PyMethodDef frame_methods[] = {
    {"clear", frame_clear, METH_NOARGS,
     "clear($self, /)\n--\n\nClear all references held by the frame."},
    {"__sizeof__", frame_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *frame_repr(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    PyCodeObject *code = frame_code(f);
    int lineno = PyFrame_GetLineNumber(f);
    if (code == NULL)
        return PyUnicode_FromFormat("<frame at %p>", self);
    return PyUnicode_FromFormat("<frame at %p, file %R, line %d, code %S>", self,
                                code->co_filename, lineno, code->co_name);
}

PyTypeObject PyFrame_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frame",
    .tp_basicsize = sizeof(PyFrameObject),
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_tp_clear,
    .tp_methods = frame_methods,
    .tp_getset = frame_getsetlist,
};
