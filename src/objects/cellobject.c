/* Cell objects: the shared boxes behind closures' free variables. */
#include "Python.h"

PyObject *PyCell_New(PyObject *obj)
{
    PyCellObject *op = PyObject_GC_New(PyCellObject, &PyCell_Type);
    if (op == NULL)
        return NULL;
    op->ob_ref = Py_XNewRef(obj);
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *PyCell_Get(PyObject *op)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return Py_XNewRef(PyCell_GET(op));
}

int PyCell_Set(PyObject *op, PyObject *value)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_XSETREF(((PyCellObject *)op)->ob_ref, Py_XNewRef(value));
    return 0;
}

static void cell_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((PyCellObject *)self)->ob_ref);
    PyObject_GC_Del(self);
}

static int cell_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyCellObject *)self)->ob_ref);
    return 0;
}

static int cell_clear(PyObject *self)
{
    Py_CLEAR(((PyCellObject *)self)->ob_ref);
    return 0;
}

/* Empty cells order before full ones; full cells compare by content. */
static PyObject *cell_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyCell_Check(a) || !PyCell_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *va = PyCell_GET(a), *vb = PyCell_GET(b);
    if (va != NULL && vb != NULL)
        return PyObject_RichCompare(va, vb, op);
    Py_RETURN_RICHCOMPARE(vb == NULL, va == NULL, op);
}

static PyObject *cell_repr(PyObject *self)
{
    PyObject *v = PyCell_GET(self);
    if (v == NULL)
        return PyUnicode_FromFormat("<cell at %p: empty>", self);
    return PyUnicode_FromFormat("<cell at %p: %.80s object at %p>", self, Py_TYPE(v)->tp_name,
                                v);
}

static PyObject *cell_get_contents(PyObject *self, void *c)
{
    PyObject *v = PyCell_GET(self);
    if (v == NULL) {
        PyErr_SetString(PyExc_ValueError, "Cell is empty");
        return NULL;
    }
    return Py_NewRef(v);
}

static int cell_set_contents(PyObject *self, PyObject *v, void *c)
{
    Py_XSETREF(((PyCellObject *)self)->ob_ref, Py_XNewRef(v));
    return 0;
}

static PyObject *cell_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *obj = NULL;
    if (!_PyArg_NoKeywords("cell", kwargs))
        return NULL;
    if (!PyArg_UnpackTuple(args, "cell", 0, 1, &obj))
        return NULL;
    return PyCell_New(obj);
}

static PyGetSetDef cell_getsetlist[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyCell_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "cell",
    .tp_basicsize = sizeof(PyCellObject),
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a ValueError.",
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getsetlist,
    .tp_new = cell_new,
};
