/* Struct sequences: tuple subclasses whose items are also named attributes, with extra
 * attribute-only fields stored after the visible items (CPython's layout: ob_size is
 * the visible length, the type's n_fields is the real one). */
#include <string.h>
#include "Python.h"

const char *const PyStructSequence_UnnamedField = "unnamed field";

static Py_ssize_t type_count(PyTypeObject *tp, const char *key)
{
    PyObject *v = tp->tp_dict ? PyDict_GetItemString(tp->tp_dict, key) : NULL;
    return v ? PyLong_AsSsize_t(v) : 0;
}

#define VISIBLE_SIZE(op) Py_SIZE(op)
#define REAL_SIZE_TP(tp) type_count((tp), "n_fields")
#define REAL_SIZE(op) REAL_SIZE_TP(Py_TYPE(op))
#define UNNAMED_FIELDS_TP(tp) type_count((tp), "n_unnamed_fields")

PyObject *PyStructSequence_New(PyTypeObject *type)
{
    Py_ssize_t size = REAL_SIZE_TP(type), vsize = type_count(type, "n_sequence_fields");
    PyTupleObject *obj = PyObject_GC_NewVar(PyTupleObject, type, size);
    if (obj == NULL)
        return NULL;
    Py_SET_SIZE(obj, vsize);
    for (Py_ssize_t i = 0; i < size; i++)
        obj->ob_item[i] = NULL;
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}

void PyStructSequence_SetItem(PyObject *op, Py_ssize_t i, PyObject *v)
{
    PyObject *old = ((PyTupleObject *)op)->ob_item[i];
    ((PyTupleObject *)op)->ob_item[i] = v;
    Py_XDECREF(old);
}

PyObject *PyStructSequence_GetItem(PyObject *op, Py_ssize_t i)
{
    return ((PyTupleObject *)op)->ob_item[i];
}

static int structseq_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_ssize_t n = REAL_SIZE(op);
    for (Py_ssize_t i = 0; i < n; i++)
        Py_VISIT(((PyTupleObject *)op)->ob_item[i]);
    return 0;
}

static void structseq_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    Py_ssize_t n = REAL_SIZE_TP(tp);
    for (Py_ssize_t i = 0; i < n; i++)
        Py_XDECREF(((PyTupleObject *)op)->ob_item[i]);
    /* Our struct sequence types are never heap types; a Python subclass's reference
     * to its type is dropped by the subclass dealloc. */
    PyObject_GC_Del(op);
}

static PyObject *structseq_repr(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    if (_PyUnicodeWriter_WriteASCIIString(&w, tp->tp_name, (Py_ssize_t)strlen(tp->tp_name)) < 0 ||
        _PyUnicodeWriter_WriteChar(&w, '(') < 0)
        goto error;
    for (Py_ssize_t i = 0; i < VISIBLE_SIZE(op); i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&w, ", ", 2) < 0)
            goto error;
        const char *name = tp->tp_members[i].name;
        if (name == NULL)
            goto error;
        if (_PyUnicodeWriter_WriteASCIIString(&w, name, (Py_ssize_t)strlen(name)) < 0 ||
            _PyUnicodeWriter_WriteChar(&w, '=') < 0)
            goto error;
        PyObject *r = PyObject_Repr(((PyTupleObject *)op)->ob_item[i]);
        if (r == NULL)
            goto error;
        int rc = _PyUnicodeWriter_WriteStr(&w, r);
        Py_DECREF(r);
        if (rc < 0)
            goto error;
    }
    if (_PyUnicodeWriter_WriteChar(&w, ')') < 0)
        goto error;
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *structseq_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sequence", "dict", NULL};
    PyObject *arg, *dict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:structseq", kwlist, &arg, &dict))
        return NULL;
    PyObject *seq = PySequence_Fast(arg, "constructor requires a sequence");
    if (seq == NULL)
        return NULL;
    if (dict == Py_None)
        dict = NULL;
    if (dict != NULL && !PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%.500s() takes a dict as second arg, if any",
                     type->tp_name);
        Py_DECREF(seq);
        return NULL;
    }
    Py_ssize_t len = PySequence_Fast_GET_SIZE(seq);
    Py_ssize_t min_len = type_count(type, "n_sequence_fields");
    Py_ssize_t max_len = REAL_SIZE_TP(type);
    Py_ssize_t n_unnamed = UNNAMED_FIELDS_TP(type);
    if (len < min_len || len > max_len) {
        if (min_len == max_len)
            PyErr_Format(PyExc_TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        else if (len < min_len)
            PyErr_Format(PyExc_TypeError,
                         "%.500s() takes an at least %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        else
            PyErr_Format(PyExc_TypeError,
                         "%.500s() takes an at most %zd-sequence (%zd-sequence given)",
                         type->tp_name, max_len, len);
        Py_DECREF(seq);
        return NULL;
    }
    PyObject *res = PyStructSequence_New(type);
    if (res == NULL) {
        Py_DECREF(seq);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++)
        PyStructSequence_SetItem(res, i, Py_NewRef(PySequence_Fast_GET_ITEM(seq, i)));
    for (Py_ssize_t i = len; i < max_len; i++) {
        PyObject *v = NULL;
        if (dict != NULL) {
            const char *name = type->tp_members[i - n_unnamed].name;
            v = PyDict_GetItemString(dict, name);
        }
        PyStructSequence_SetItem(res, i, Py_NewRef(v ? v : Py_None));
    }
    Py_DECREF(seq);
    return res;
}

static PyObject *structseq_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n_vis = VISIBLE_SIZE(self), n_fields = REAL_SIZE(self);
    Py_ssize_t n_unnamed = UNNAMED_FIELDS_TP(Py_TYPE(self));
    PyObject *tup = _PyTuple_FromArray(((PyTupleObject *)self)->ob_item, n_vis);
    PyObject *dict = PyDict_New();
    if (tup == NULL || dict == NULL)
        goto error;
    for (Py_ssize_t i = n_vis; i < n_fields; i++) {
        const char *name = Py_TYPE(self)->tp_members[i - n_unnamed].name;
        if (PyDict_SetItemString(dict, name, ((PyTupleObject *)self)->ob_item[i]) < 0)
            goto error;
    }
    PyObject *r = Py_BuildValue("(O(OO))", Py_TYPE(self), tup, dict);
    Py_DECREF(tup);
    Py_DECREF(dict);
    return r;
error:
    Py_XDECREF(tup);
    Py_XDECREF(dict);
    return NULL;
}

static PyMethodDef structseq_methods[] = {
    {"__reduce__", (PyCFunction)structseq_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* Unnamed fields are marked with PyStructSequence_UnnamedField; a NULL name with a
 * doc string is accepted too. {NULL, NULL} ends the list. */
static int is_unnamed(const PyStructSequence_Field *f)
{
    return f->name == PyStructSequence_UnnamedField || (f->name == NULL && f->doc != NULL);
}

static int is_end(const PyStructSequence_Field *f)
{
    return f->name == NULL && f->doc == NULL;
}

static Py_ssize_t count_fields(PyStructSequence_Desc *desc, Py_ssize_t *n_unnamed)
{
    Py_ssize_t n = 0;
    *n_unnamed = 0;
    for (; !is_end(&desc->fields[n]); n++)
        if (is_unnamed(&desc->fields[n]))
            (*n_unnamed)++;
    return n;
}

static int set_counts(PyTypeObject *type, PyStructSequence_Desc *desc, Py_ssize_t n_fields,
                      Py_ssize_t n_unnamed)
{
    PyObject *d = type->tp_dict;
    PyObject *v;
#define SETCOUNT(key, val)                                                   \
    v = PyLong_FromSsize_t(val);                                             \
    if (v == NULL || PyDict_SetItemString(d, key, v) < 0) {                  \
        Py_XDECREF(v);                                                       \
        return -1;                                                           \
    }                                                                        \
    Py_DECREF(v);
    SETCOUNT("n_sequence_fields", desc->n_in_sequence);
    SETCOUNT("n_fields", n_fields);
    SETCOUNT("n_unnamed_fields", n_unnamed);
#undef SETCOUNT
    PyObject *names = PyTuple_New(desc->n_in_sequence - n_unnamed > 0
                                      ? desc->n_in_sequence - n_unnamed : 0);
    if (names == NULL)
        return -1;
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < desc->n_in_sequence; i++) {
        if (is_unnamed(&desc->fields[i]))
            continue;
        PyObject *s = PyUnicode_FromString(desc->fields[i].name);
        if (s == NULL) {
            Py_DECREF(names);
            return -1;
        }
        PyTuple_SET_ITEM(names, k++, s);
    }
    int r = PyDict_SetItemString(d, "__match_args__", names);
    Py_DECREF(names);
    PyType_Modified(type);
    return r;
}

static PyMemberDef *make_members(PyStructSequence_Desc *desc, Py_ssize_t n_fields,
                                 Py_ssize_t n_unnamed)
{
    PyMemberDef *m = PyMem_RawCalloc((size_t)(n_fields - n_unnamed + 1), sizeof(PyMemberDef));
    if (m == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n_fields; i++) {
        if (is_unnamed(&desc->fields[i]))
            continue;
        m[k].name = desc->fields[i].name;
        m[k].type = _Py_T_OBJECT;
        m[k].offset = (Py_ssize_t)(offsetof(PyTupleObject, ob_item) + (size_t)i * sizeof(PyObject *));
        m[k].flags = Py_READONLY;
        m[k].doc = desc->fields[i].doc;
        k++;
    }
    return m;
}

static void fill_type(PyTypeObject *type, PyStructSequence_Desc *desc, PyMemberDef *members)
{
    type->tp_name = desc->name;
    type->tp_basicsize = (Py_ssize_t)(sizeof(PyTupleObject) - sizeof(PyObject *));
    type->tp_itemsize = (Py_ssize_t)sizeof(PyObject *);
    type->tp_dealloc = structseq_dealloc;
    type->tp_repr = structseq_repr;
    type->tp_doc = desc->doc;
    type->tp_base = &PyTuple_Type;
    type->tp_methods = structseq_methods;
    type->tp_new = structseq_new;
    type->tp_flags |= Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_TUPLE_SUBCLASS;
    type->tp_traverse = structseq_traverse;
    type->tp_members = members;
}

int PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    if (type->tp_flags & Py_TPFLAGS_READY)
        return 0;
    Py_ssize_t n_unnamed, n_fields = count_fields(desc, &n_unnamed);
    PyMemberDef *members = make_members(desc, n_fields, n_unnamed);
    if (members == NULL)
        return -1;
    memset(type, 0, sizeof(*type));
    Py_SET_REFCNT(type, _Py_IMMORTAL_REFCNT);
    Py_SET_TYPE(type, &PyType_Type);
    fill_type(type, desc, members);
    if (PyType_Ready(type) < 0)
        return -1;
    return set_counts(type, desc, n_fields, n_unnamed);
}

PyTypeObject *PyStructSequence_NewType(PyStructSequence_Desc *desc)
{
    /* A process-lifetime type: static-like storage that is never freed. */
    PyTypeObject *type = PyMem_RawCalloc(1, sizeof(PyTypeObject));
    if (type == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    if (PyStructSequence_InitType2(type, desc) < 0)
        return NULL;
    return type;
}
