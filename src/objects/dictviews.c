/* dict iterators (forward and reversed) and the keys/values/items views with their
 * set operations. */
#include "Python.h"
#include "dict_internal.h"

/* ---- iterators -------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyDictObject *di_dict; /* NULL once exhausted */
    Py_ssize_t di_used;    /* ma_used when created; a change means the dict was resized */
    Py_ssize_t di_pos;
    PyObject *di_result;   /* unused; keeps the layout (and getsizeof) CPython's */
    Py_ssize_t len;        /* items still expected */
} dictiterobject;

static PyObject *
dictiter_new(PyDictObject *dict, PyTypeObject *itertype)
{
    dictiterobject *di = PyObject_GC_New(dictiterobject, itertype);
    if (di == NULL)
        return NULL;
    di->di_dict = (PyDictObject *)Py_NewRef(dict);
    di->di_used = dict->ma_used;
    di->di_result = NULL;
    di->len = dict->ma_used;
    if (itertype == &PyDictRevIterKey_Type || itertype == &PyDictRevIterItem_Type ||
        itertype == &PyDictRevIterValue_Type)
        di->di_pos = _KrDict_LastPos(dict);
    else
        di->di_pos = 0;
    PyObject_GC_Track(di);
    return (PyObject *)di;
}

PyObject *
_KrDict_Iter(PyObject *dict)
{
    return dictiter_new((PyDictObject *)dict, &PyDictIterKey_Type);
}

PyObject *
_KrDict_ReversedIter(PyObject *dict)
{
    return dictiter_new((PyDictObject *)dict, &PyDictRevIterKey_Type);
}

static void
dictiter_dealloc(PyObject *self)
{
    dictiterobject *di = (dictiterobject *)self;
    PyObject_GC_UnTrack(di);
    Py_XDECREF(di->di_dict);
    PyObject_GC_Del(di);
}

static int
dictiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((dictiterobject *)self)->di_dict);
    return 0;
}

static PyObject *
dictiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dictiterobject *di = (dictiterobject *)self;
    Py_ssize_t len = 0;
    if (di->di_dict != NULL && di->di_used == di->di_dict->ma_used)
        len = di->len;
    return PyLong_FromSsize_t(len);
}

static PyObject *
dictiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    /* consume a copy of the iterator so that self is left alone */
    dictiterobject *di = (dictiterobject *)self;
    PyObject *list;
    if (di->di_dict == NULL) {
        list = PyList_New(0);
    }
    else {
        dictiterobject *copy = PyObject_GC_New(dictiterobject, Py_TYPE(di));
        if (copy == NULL)
            return NULL;
        copy->di_dict = (PyDictObject *)Py_NewRef(di->di_dict);
        copy->di_used = di->di_used;
        copy->di_pos = di->di_pos;
        copy->di_result = NULL;
        copy->len = di->len;
        PyObject_GC_Track(copy);
        list = PySequence_List((PyObject *)copy);
        Py_DECREF(copy);
    }
    if (list == NULL)
        return NULL;
    PyObject *iterfn = _KrEval_GetBuiltin("iter");
    if (iterfn == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    return Py_BuildValue("N(N)", iterfn, list);
}

static PyMethodDef dictiter_methods[] = {
    {"__length_hint__", (PyCFunction)dictiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)dictiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

/* Next item of the iteration: 1 with borrowed *key and *value, 0 when done or (with an
 * exception set) when the dict changed. */
static int
dictiter_next_entry(dictiterobject *di, PyObject **key, PyObject **value)
{
    PyDictObject *d = di->di_dict;
    if (d == NULL)
        return 0;
    if (di->di_used != d->ma_used) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1; /* sticky */
        return 0;
    }
    Py_ssize_t pos = di->di_pos;
    if (!_PyDict_Next((PyObject *)d, &pos, key, value, NULL))
        goto fail;
    if (di->len == 0) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary keys changed during iteration");
        goto fail;
    }
    di->di_pos = pos;
    di->len--;
    return 1;
fail:
    di->di_dict = NULL;
    Py_DECREF(d);
    return 0;
}

static int
dictreviter_next_entry(dictiterobject *di, PyObject **key, PyObject **value)
{
    PyDictObject *d = di->di_dict;
    if (d == NULL)
        return 0;
    if (di->di_used != d->ma_used) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1;
        return 0;
    }
    if (!_KrDict_PrevItem(d, &di->di_pos, key, value)) {
        di->di_pos = -1;
        di->di_dict = NULL;
        Py_DECREF(d);
        return 0;
    }
    di->len--;
    return 1;
}

static PyObject *
make_item(PyObject *key, PyObject *value)
{
    PyObject *res = PyTuple_New(2);
    if (res == NULL)
        return NULL;
    PyTuple_SET_ITEM(res, 0, Py_NewRef(key));
    PyTuple_SET_ITEM(res, 1, Py_NewRef(value));
    return res;
}

static PyObject *
dictiter_iternextkey(PyObject *self)
{
    PyObject *key, *value;
    return dictiter_next_entry((dictiterobject *)self, &key, &value) ? Py_NewRef(key) : NULL;
}

static PyObject *
dictiter_iternextvalue(PyObject *self)
{
    PyObject *key, *value;
    return dictiter_next_entry((dictiterobject *)self, &key, &value) ? Py_NewRef(value) : NULL;
}

static PyObject *
dictiter_iternextitem(PyObject *self)
{
    PyObject *key, *value;
    return dictiter_next_entry((dictiterobject *)self, &key, &value) ? make_item(key, value)
                                                                     : NULL;
}

static PyObject *
dictreviter_iternextkey(PyObject *self)
{
    PyObject *key, *value;
    return dictreviter_next_entry((dictiterobject *)self, &key, &value) ? Py_NewRef(key) : NULL;
}

static PyObject *
dictreviter_iternextvalue(PyObject *self)
{
    PyObject *key, *value;
    return dictreviter_next_entry((dictiterobject *)self, &key, &value) ? Py_NewRef(value)
                                                                        : NULL;
}

static PyObject *
dictreviter_iternextitem(PyObject *self)
{
    PyObject *key, *value;
    return dictreviter_next_entry((dictiterobject *)self, &key, &value) ? make_item(key, value)
                                                                        : NULL;
}

#define KR_DICTITER_TYPE(cname, pyname, nextfn)                                   \
    PyTypeObject cname = {                                                        \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                    \
        .tp_name = pyname,                                                        \
        .tp_basicsize = sizeof(dictiterobject),                                   \
        .tp_dealloc = dictiter_dealloc,                                           \
        .tp_getattro = PyObject_GenericGetAttr,                                   \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,                      \
        .tp_traverse = dictiter_traverse,                                         \
        .tp_iter = PyObject_SelfIter,                                             \
        .tp_iternext = nextfn,                                                    \
        .tp_methods = dictiter_methods,                                           \
    };

KR_DICTITER_TYPE(PyDictIterKey_Type, "dict_keyiterator", dictiter_iternextkey)
KR_DICTITER_TYPE(PyDictIterValue_Type, "dict_valueiterator", dictiter_iternextvalue)
KR_DICTITER_TYPE(PyDictIterItem_Type, "dict_itemiterator", dictiter_iternextitem)
KR_DICTITER_TYPE(PyDictRevIterKey_Type, "dict_reversekeyiterator", dictreviter_iternextkey)
KR_DICTITER_TYPE(PyDictRevIterValue_Type, "dict_reversevalueiterator",
                 dictreviter_iternextvalue)
KR_DICTITER_TYPE(PyDictRevIterItem_Type, "dict_reverseitemiterator", dictreviter_iternextitem)

/* ---- views -------------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyDictObject *dv_dict;
} _PyDictViewObject;

#define PyDictKeys_Check(op) PyObject_TypeCheck((op), &PyDictKeys_Type)
#define PyDictItems_Check(op) PyObject_TypeCheck((op), &PyDictItems_Type)
#define PyDictValues_Check(op) PyObject_TypeCheck((op), &PyDictValues_Type)
#define PyDictViewSet_Check(op) (PyDictKeys_Check(op) || PyDictItems_Check(op))

PyObject *
_KrDictView_New(PyObject *dict, PyTypeObject *type)
{
    if (dict == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%s() requires a dict argument, not '%s'",
                     type->tp_name, Py_TYPE(dict)->tp_name);
        return NULL;
    }
    _PyDictViewObject *dv = PyObject_GC_New(_PyDictViewObject, type);
    if (dv == NULL)
        return NULL;
    dv->dv_dict = (PyDictObject *)Py_NewRef(dict);
    PyObject_GC_Track(dv);
    return (PyObject *)dv;
}

static void
dictview_dealloc(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    PyObject_GC_UnTrack(dv);
    Py_XDECREF(dv->dv_dict);
    PyObject_GC_Del(dv);
}

static int
dictview_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyDictViewObject *)self)->dv_dict);
    return 0;
}

static Py_ssize_t
dictview_len(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    return dv->dv_dict ? dv->dv_dict->ma_used : 0;
}

static PyObject *
dictview_mapping(PyObject *view, void *Py_UNUSED(ignored))
{
    return PyDictProxy_New((PyObject *)((_PyDictViewObject *)view)->dv_dict);
}

static PyGetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *
dictview_repr(PyObject *self)
{
    int rc = Py_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("...") : NULL;
    PyObject *result = NULL;
    PyObject *seq = PySequence_List(self);
    if (seq != NULL) {
        result = PyUnicode_FromFormat("%s(%R)", Py_TYPE(self)->tp_name, seq);
        Py_DECREF(seq);
    }
    Py_ReprLeave(self);
    return result;
}

static int
all_contained_in(PyObject *self, PyObject *other)
{
    PyObject *iter = PyObject_GetIter(self);
    if (iter == NULL)
        return -1;
    int ok = 1;
    for (;;) {
        PyObject *next = PyIter_Next(iter);
        if (next == NULL) {
            if (PyErr_Occurred())
                ok = -1;
            break;
        }
        ok = PySequence_Contains(other, next);
        Py_DECREF(next);
        if (ok <= 0)
            break;
    }
    Py_DECREF(iter);
    return ok;
}

static PyObject *
dictview_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyAnySet_Check(other) && !PyDictViewSet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t len_self = PyObject_Size(self);
    if (len_self < 0)
        return NULL;
    Py_ssize_t len_other = PyObject_Size(other);
    if (len_other < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case Py_NE:
    case Py_EQ:
        if (len_self == len_other)
            ok = all_contained_in(self, other);
        if (op == Py_NE && ok >= 0)
            ok = !ok;
        break;
    case Py_LT:
        if (len_self < len_other)
            ok = all_contained_in(self, other);
        break;
    case Py_LE:
        if (len_self <= len_other)
            ok = all_contained_in(self, other);
        break;
    case Py_GT:
        if (len_self > len_other)
            ok = all_contained_in(other, self);
        break;
    case Py_GE:
        if (len_self >= len_other)
            ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0)
        return NULL;
    return PyBool_FromLong(ok);
}

static int
dictkeys_contains(PyObject *self, PyObject *obj)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        return 0;
    return PyDict_Contains((PyObject *)dv->dv_dict, obj);
}

static int
dictitems_contains(PyObject *self, PyObject *obj)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        return 0;
    if (!PyTuple_Check(obj) || PyTuple_GET_SIZE(obj) != 2)
        return 0;
    PyObject *key = PyTuple_GET_ITEM(obj, 0);
    PyObject *value = PyTuple_GET_ITEM(obj, 1);
    PyObject *found;
    int r = PyDict_GetItemRef((PyObject *)dv->dv_dict, key, &found);
    if (r <= 0)
        return r;
    int result = PyObject_RichCompareBool(found, value, Py_EQ);
    Py_DECREF(found);
    return result;
}

/* A set holding the view's elements (iterating the dict directly for keys views). */
static PyObject *
dictviews_to_set(PyObject *self)
{
    PyObject *left = self;
    if (PyDictKeys_Check(self)) {
        PyObject *d = (PyObject *)((_PyDictViewObject *)self)->dv_dict;
        if (PyDict_CheckExact(d))
            left = d;
    }
    return PySet_New(left);
}

static PyObject *
dictviews_sub(PyObject *self, PyObject *other)
{
    PyObject *result = dictviews_to_set(self);
    if (result == NULL)
        return NULL;
    PyObject *tmp = PyObject_CallMethod(result, "difference_update", "O", other);
    if (tmp == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(tmp);
    return result;
}

static PyObject *
dictviews_and(PyObject *self, PyObject *other)
{
    /* the operator machinery passes the view on the right as `other` */
    if (!PyDictViewSet_Check(self)) {
        PyObject *tmp = other;
        other = self;
        self = tmp;
    }
    Py_ssize_t len_self = dictview_len(self);
    if (PySet_CheckExact(other)) {
        Py_ssize_t len_other = PyObject_Size(other);
        if (len_other < 0)
            return NULL;
        if (len_self <= len_other)
            return PyObject_CallMethod(other, "intersection", "O", self);
    }
    if (PyDictViewSet_Check(other)) {
        Py_ssize_t len_other = dictview_len(other);
        if (len_other > len_self) {
            PyObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    PyObject *result = PySet_New(NULL);
    if (result == NULL)
        return NULL;
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    int (*contains)(PyObject *, PyObject *) =
        PyDictKeys_Check(self) ? dictkeys_contains : dictitems_contains;
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int rv = contains(self, key);
        if (rv < 0 || (rv > 0 && PySet_Add(result, key) < 0)) {
            Py_DECREF(key);
            Py_DECREF(it);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
dictviews_or(PyObject *self, PyObject *other)
{
    PyObject *result = dictviews_to_set(self);
    if (result == NULL)
        return NULL;
    if (_PySet_Update(result, other) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
dictitems_xor(PyObject *self, PyObject *other)
{
    PyObject *d1 = (PyObject *)((_PyDictViewObject *)self)->dv_dict;
    PyObject *d2 = (PyObject *)((_PyDictViewObject *)other)->dv_dict;
    PyObject *temp_dict = PyDict_Copy(d1);
    if (temp_dict == NULL)
        return NULL;
    PyObject *result_set = PySet_New(NULL);
    if (result_set == NULL)
        goto error;
    PyObject *key = NULL, *val1 = NULL, *val2 = NULL;
    Py_ssize_t pos = 0;
    while (PyDict_Next(d2, &pos, &key, &val2)) {
        Py_INCREF(key);
        Py_INCREF(val2);
        int r = PyDict_GetItemRef(temp_dict, key, &val1);
        int to_delete = 0;
        if (r < 0)
            goto error_kv;
        if (r > 0) {
            to_delete = PyObject_RichCompareBool(val1, val2, Py_EQ);
            Py_DECREF(val1);
            if (to_delete < 0)
                goto error_kv;
        }
        if (to_delete) {
            if (PyDict_DelItem(temp_dict, key) < 0)
                goto error_kv;
        }
        else {
            PyObject *pair = PyTuple_Pack(2, key, val2);
            if (pair == NULL)
                goto error_kv;
            int a = PySet_Add(result_set, pair);
            Py_DECREF(pair);
            if (a < 0)
                goto error_kv;
        }
        Py_DECREF(key);
        Py_DECREF(val2);
        continue;
    error_kv:
        Py_DECREF(key);
        Py_DECREF(val2);
        goto error;
    }
    PyObject *remaining = PyDict_Items(temp_dict);
    if (remaining == NULL)
        goto error;
    int u = _PySet_Update(result_set, remaining);
    Py_DECREF(remaining);
    if (u < 0)
        goto error;
    Py_DECREF(temp_dict);
    return result_set;
error:
    Py_DECREF(temp_dict);
    Py_XDECREF(result_set);
    return NULL;
}

static PyObject *
dictviews_xor(PyObject *self, PyObject *other)
{
    if (PyDictItems_Check(self) && PyDictItems_Check(other))
        return dictitems_xor(self, other);
    PyObject *result = dictviews_to_set(self);
    if (result == NULL)
        return NULL;
    PyObject *tmp = PyObject_CallMethod(result, "symmetric_difference_update", "O", other);
    if (tmp == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(tmp);
    return result;
}

static PyObject *
dictviews_isdisjoint(PyObject *self, PyObject *other)
{
    if (self == other) {
        if (dictview_len(self) == 0)
            Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    }
    /* iterate over the shorter object when the other's length is known cheaply */
    if (PyAnySet_Check(other) || PyDictViewSet_Check(other)) {
        Py_ssize_t len_self = dictview_len(self);
        Py_ssize_t len_other = PyObject_Size(other);
        if (len_other == -1)
            return NULL;
        if (len_other > len_self) {
            PyObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL)
        return NULL;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int contains = PySequence_Contains(self, item);
        Py_DECREF(item);
        if (contains == -1) {
            Py_DECREF(it);
            return NULL;
        }
        if (contains) {
            Py_DECREF(it);
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_TRUE;
}

static PyObject *
dictkeys_iter(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictIterKey_Type);
}

static PyObject *
dictvalues_iter(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictIterValue_Type);
}

static PyObject *
dictitems_iter(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictIterItem_Type);
}

static PyObject *
dictkeys_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictRevIterKey_Type);
}

static PyObject *
dictvalues_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictRevIterValue_Type);
}

static PyObject *
dictitems_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictRevIterItem_Type);
}

static PyNumberMethods dictviews_as_number = {
    .nb_subtract = dictviews_sub,
    .nb_and = dictviews_and,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
};

static PySequenceMethods dictkeys_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictkeys_contains,
};

static PySequenceMethods dictitems_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictitems_contains,
};

static PySequenceMethods dictvalues_as_sequence = {
    .sq_length = dictview_len,
};

static PyMethodDef dictkeys_methods[] = {
    {"isdisjoint", (PyCFunction)dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (PyCFunction)dictkeys_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef dictitems_methods[] = {
    {"isdisjoint", (PyCFunction)dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (PyCFunction)dictitems_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef dictvalues_methods[] = {
    {"__reversed__", (PyCFunction)dictvalues_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyDictKeys_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictkeys_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictkeys_iter,
    .tp_methods = dictkeys_methods,
    .tp_getset = dictview_getset,
};

PyTypeObject PyDictItems_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictitems_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictitems_iter,
    .tp_methods = dictitems_methods,
    .tp_getset = dictview_getset,
};

PyTypeObject PyDictValues_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_sequence = &dictvalues_as_sequence,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_iter = dictvalues_iter,
    .tp_methods = dictvalues_methods,
    .tp_getset = dictview_getset,
};
