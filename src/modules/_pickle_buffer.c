/* pickle.PickleBuffer: a wrapper marking a buffer that pickle protocol 5 may hand to the
 * caller out of band instead of copying it into the stream. It holds one export of the
 * wrapped object's buffer until release() (or deallocation), re-exports that buffer to
 * whoever asks, and raw() gives a flat byte view of it. lib/pickle.py imports the type
 * from the _pickle_buffer module defined here. */
#include "Python.h"
#include <limits.h>

typedef struct {
    PyObject_HEAD
    Py_buffer view; /* view.obj == NULL once released */
    PyObject *weakreflist;
} PickleBufferObject;

#define PB(o) ((PickleBufferObject *)(o))

static int check_released(PickleBufferObject *self)
{
    if (self->view.obj == NULL) {
        PyErr_SetString(PyExc_ValueError, "operation forbidden on released PickleBuffer object");
        return -1;
    }
    return 0;
}

static PyObject *picklebuf_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    /* positional only; a keyword counts as a missing positional, as in CPython */
    if (n > 1 || (kwds != NULL && PyDict_GET_SIZE(kwds) > 0 && n == 1)) {
        PyErr_Format(PyExc_TypeError, "PickleBuffer() takes at most 1 argument (%zd given)",
                     n + (kwds ? PyDict_GET_SIZE(kwds) : 0));
        return NULL;
    }
    if (n == 0) {
        PyErr_SetString(PyExc_TypeError,
                        "PickleBuffer() takes exactly 1 positional argument (0 given)");
        return NULL;
    }
    PickleBufferObject *self = (PickleBufferObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->weakreflist = NULL;
    if (PyObject_GetBuffer(PyTuple_GET_ITEM(args, 0), &self->view, PyBUF_FULL_RO) < 0) {
        self->view.obj = NULL;
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int picklebuf_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(PB(op)->view.obj);
    return 0;
}

static int picklebuf_clear(PyObject *op)
{
    if (PB(op)->view.obj != NULL)
        PyBuffer_Release(&PB(op)->view);
    return 0;
}

static void picklebuf_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    if (PB(op)->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    picklebuf_clear(op);
    Py_TYPE(op)->tp_free(op);
}

/* Consumers get their own export from the wrapped object, so they stay valid after
 * release() drops ours. */
static int picklebuf_getbuf(PyObject *op, Py_buffer *view, int flags)
{
    if (check_released(PB(op)) < 0)
        return -1;
    return PyObject_GetBuffer(PB(op)->view.obj, view, flags);
}

static void picklebuf_releasebuf(PyObject *op, Py_buffer *view)
{
    /* nothing: the export made in picklebuf_getbuf belongs to the wrapped object */
}

static PyBufferProcs picklebuf_as_buffer = {picklebuf_getbuf, picklebuf_releasebuf};

static PyObject *picklebuf_raw(PyObject *op, PyObject *unused)
{
    PickleBufferObject *self = PB(op);
    if (check_released(self) < 0)
        return NULL;
    if (self->view.suboffsets != NULL || !PyBuffer_IsContiguous(&self->view, 'A')) {
        PyErr_SetString(PyExc_BufferError,
                        "cannot extract raw buffer from non-contiguous buffer");
        return NULL;
    }
    PyObject *mv = PyMemoryView_FromObject(op);
    if (mv == NULL)
        return NULL;
    /* a 1-D unsigned-byte view over the same memory, whatever the original shape */
    PyObject *raw = PyObject_CallMethod(mv, "cast", "s", "B");
    Py_DECREF(mv);
    return raw;
}

static PyObject *picklebuf_release(PyObject *op, PyObject *unused)
{
    picklebuf_clear(op);
    Py_RETURN_NONE;
}

/* the Python-level buffer protocol (PEP 688) */
static PyObject *picklebuf_dunder_buffer(PyObject *op, PyObject *flags)
{
    if (!PyIndex_Check(flags)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(flags)->tp_name);
        return NULL;
    }
    Py_ssize_t v = PyNumber_AsSsize_t(flags, PyExc_OverflowError);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    if (v > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "buffer flags too large");
        return NULL;
    }
    return PyMemoryView_FromObject(op);
}

static PyObject *picklebuf_dunder_release(PyObject *op, PyObject *view)
{
    if (!PyMemoryView_Check(view)) {
        PyErr_SetString(PyExc_TypeError, "expected a memoryview object");
        return NULL;
    }
    PyObject *obj = PyObject_GetAttrString(view, "obj");
    if (obj == NULL)
        return NULL;
    int mine = obj == op;
    Py_DECREF(obj);
    /* views made from a PickleBuffer export the wrapped object, never the wrapper */
    if (!mine) {
        PyErr_SetString(PyExc_ValueError, "memoryview's buffer is not this object");
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(view, "release", NULL);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

static PyMethodDef picklebuf_methods[] = {
    {"__buffer__", picklebuf_dunder_buffer, METH_O,
     "__buffer__($self, flags, /)\n--\n\nReturn a buffer object that exposes the underlying "
     "memory of the object."},
    {"__release_buffer__", picklebuf_dunder_release, METH_O,
     "__release_buffer__($self, buffer, /)\n--\n\nRelease the buffer object that exposes the "
     "underlying memory of the object."},
    {"raw", picklebuf_raw, METH_NOARGS,
     "raw($self, /)\n--\n\nReturn a memoryview of the raw memory underlying this buffer.\n"
     "Will raise BufferError is the buffer isn't contiguous."},
    {"release", picklebuf_release, METH_NOARGS,
     "release($self, /)\n--\n\nRelease the underlying buffer exposed by the PickleBuffer "
     "object."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject PickleBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "pickle.PickleBuffer",
    .tp_basicsize = sizeof(PickleBufferObject),
    .tp_dealloc = picklebuf_dealloc,
    .tp_as_buffer = &picklebuf_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Wrapper for potentially out-of-band buffers",
    .tp_traverse = picklebuf_traverse,
    .tp_clear = picklebuf_clear,
    .tp_weaklistoffset = offsetof(PickleBufferObject, weakreflist),
    .tp_methods = picklebuf_methods,
    .tp_new = picklebuf_new,
};

static struct PyModuleDef picklebuffermodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_pickle_buffer",
    .m_doc = "The PickleBuffer type used by pickle protocol 5.",
    .m_size = -1,
};

PyObject *PyInit__pickle_buffer(void)
{
    if (!(PickleBuffer_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&PickleBuffer_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&picklebuffermodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "PickleBuffer", (PyObject *)&PickleBuffer_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
