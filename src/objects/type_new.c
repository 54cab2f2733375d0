/* Class creation: type(name, bases, namespace) / type.__new__. Chooses the metaclass
 * and the layout base, lays out __slots__ and the managed __dict__/__weakref__, fills the
 * class's slots from its dunders, then runs __set_name__ and __init_subclass__. Also the
 * deallocation, traversal and clearing of instances of classes. */
#include "Python.h"
#include "internal/pycore_typeobject.h"
#include "internal/pycore_ids.h"

/* ---- layout ------------------------------------------------------------------------------- */

static int shape_differs(PyTypeObject *t1, PyTypeObject *t2)
{
    return t1->tp_basicsize != t2->tp_basicsize || t1->tp_itemsize != t2->tp_itemsize;
}

static PyTypeObject *solid_base(PyTypeObject *type)
{
    PyTypeObject *base = type->tp_base ? solid_base(type->tp_base) : &PyBaseObject_Type;
    return shape_differs(type, base) ? type : base;
}

PyTypeObject *_KrType_BestBase(PyObject *bases)
{
    PyTypeObject *base = NULL, *winner = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *b = PyTuple_GET_ITEM(bases, i);
        if (!PyType_Check(b)) {
            PyErr_SetString(PyExc_TypeError, "bases must be types");
            return NULL;
        }
        PyTypeObject *base_i = (PyTypeObject *)b;
        if (base_i->tp_dict == NULL && PyType_Ready(base_i) < 0)
            return NULL;
        if (!(base_i->tp_flags & Py_TPFLAGS_BASETYPE)) {
            PyErr_Format(PyExc_TypeError, "type '%.100s' is not an acceptable base type",
                         base_i->tp_name);
            return NULL;
        }
        PyTypeObject *candidate = solid_base(base_i);
        if (winner == NULL) {
            winner = candidate;
            base = base_i;
        }
        else if (PyType_IsSubtype(winner, candidate)) {
            ;
        }
        else if (PyType_IsSubtype(candidate, winner)) {
            winner = candidate;
            base = base_i;
        }
        else {
            PyErr_SetString(PyExc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* ---- instances of classes: dealloc / traverse / clear ---------------------------------------- */

static PyMemberDef *heap_members(PyTypeObject *type)
{
    return (PyMemberDef *)((char *)type + Py_TYPE(type)->tp_basicsize);
}

static void clear_slots(PyTypeObject *type, PyObject *self)
{
    PyMemberDef *mp = heap_members(type);
    Py_ssize_t n = Py_SIZE(type);
    for (Py_ssize_t i = 0; i < n; i++, mp++) {
        if (mp->type == Py_T_OBJECT_EX && !(mp->flags & Py_READONLY)) {
            PyObject **addr = (PyObject **)((char *)self + mp->offset);
            Py_CLEAR(*addr);
        }
    }
}

static PyTypeObject *static_base(PyTypeObject *type)
{
    PyTypeObject *base = type;
    while (base->tp_flags & Py_TPFLAGS_HEAPTYPE)
        base = base->tp_base;
    return base;
}

static void clear_instance_dict(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    if (type->tp_flags & Py_TPFLAGS_MANAGED_DICT) {
        _PyObject_ClearManagedDict(self);
    }
    else if (type->tp_dictoffset != 0 && !(static_base(type)->tp_dictoffset)) {
        PyObject **dictptr = _PyObject_GetDictPtr(self);
        if (dictptr != NULL)
            Py_CLEAR(*dictptr);
    }
}

/* Everything after untracking; returns early when a finalizer resurrected self. */
static void subtype_dealloc_body(PyObject *self, PyTypeObject *type, int gc)
{
    PyTypeObject *base = static_base(type);
    if (type->tp_finalize != NULL) {
        /* The finalizer may resurrect the object, so it needs to be tracked again. */
        if (gc)
            PyObject_GC_Track(self);
        if (PyObject_CallFinalizerFromDealloc(self) < 0)
            return;
        if (gc)
            PyObject_GC_UnTrack(self);
    }
    if ((type->tp_flags & Py_TPFLAGS_MANAGED_WEAKREF) && base->tp_weaklistoffset == 0) {
        PyObject **wl = _PyObject_GET_WEAKREFS_LISTPTR(self);
        if (*wl != NULL)
            PyObject_ClearWeakRefs(self);
    }
    for (PyTypeObject *t = type; t != base; t = t->tp_base) {
        if (Py_SIZE(t))
            clear_slots(t, self);
    }
    clear_instance_dict(self);
    if (gc && (base->tp_flags & Py_TPFLAGS_HAVE_GC)) {
        /* The static base's dealloc may expect a tracked object (it untracks itself).
         * Its own trashcan must not defer self: the deferred call would come back here
         * and release the type twice. Handing it back the level our trashcan took keeps
         * its depth check below the limit ours just passed. */
        PyObject_GC_Track(self);
        PyThreadState *ts = _PyThreadState_GET();
        ts->trash_delete_nesting--;
        base->tp_dealloc(self);
        ts->trash_delete_nesting++;
    }
    else {
        base->tp_dealloc(self);
    }
    Py_DECREF(type);
}

void _KrType_SubtypeDealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    if (!(type->tp_flags & Py_TPFLAGS_HAVE_GC)) {
        subtype_dealloc_body(self, type, 0);
        return;
    }
    PyObject_GC_UnTrack(self);
    /* A long chain of instances (linked through __slots__ or a base's items) is freed
     * iteratively instead of recursing once per link. */
    Py_TRASHCAN_BEGIN(self, _KrType_SubtypeDealloc)
    subtype_dealloc_body(self, type, 1);
    Py_TRASHCAN_END
}

int _KrType_SubtypeTraverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        if (Py_SIZE(base)) {
            PyMemberDef *mp = heap_members(base);
            for (Py_ssize_t i = 0; i < Py_SIZE(base); i++, mp++) {
                if (mp->type == Py_T_OBJECT_EX) {
                    PyObject *v = *(PyObject **)((char *)self + mp->offset);
                    Py_VISIT(v);
                }
            }
        }
        base = base->tp_base;
    }
    if (type->tp_flags & Py_TPFLAGS_MANAGED_DICT) {
        Py_VISIT(*_PyObject_ManagedDictPtr(self));
    }
    else if (type->tp_dictoffset != base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_GetDictPtr(self);
        if (dictptr)
            Py_VISIT(*dictptr);
    }
    Py_VISIT((PyObject *)type);
    if (base->tp_traverse != NULL)
        return base->tp_traverse(self, visit, arg);
    return 0;
}

int _KrType_SubtypeClear(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        if (Py_SIZE(base))
            clear_slots(base, self);
        base = base->tp_base;
    }
    clear_instance_dict(self);
    if (base->tp_clear != NULL)
        return base->tp_clear(self);
    return 0;
}

/* ---- __dict__ and __weakref__ of instances ------------------------------------------------ */

static PyObject *subtype_dict(PyObject *obj, void *c)
{
    return PyObject_GenericGetDict(obj, c);
}

static int subtype_setdict(PyObject *obj, PyObject *value, void *c)
{
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    if (Py_TYPE(obj)->tp_flags & Py_TPFLAGS_MANAGED_DICT)
        return _PyObject_SetManagedDict(obj, value);
    Py_XINCREF(value);
    Py_XSETREF(*dictptr, value);
    return 0;
}

static PyObject *subtype_getweakref(PyObject *obj, void *c)
{
    if (Py_TYPE(obj)->tp_weaklistoffset == 0) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __weakref__");
        return NULL;
    }
    PyObject *ref = *_PyObject_GET_WEAKREFS_LISTPTR(obj);
    return Py_NewRef(ref ? ref : Py_None);
}

static PyGetSetDef subtype_getsets_full[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables", NULL},
    {"__weakref__", subtype_getweakref, NULL, "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static PyGetSetDef subtype_getsets_dict_only[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static PyGetSetDef subtype_getsets_weakref_only[] = {
    {"__weakref__", subtype_getweakref, NULL, "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- __slots__ ------------------------------------------------------------------------------- */

/* _Class__name for private names, as the compiler does. */
static PyObject *mangle(PyObject *classname, PyObject *name)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(name);
    if (n < 2 || PyUnicode_READ_CHAR(name, 0) != '_' || PyUnicode_READ_CHAR(name, 1) != '_' ||
        (PyUnicode_READ_CHAR(name, n - 1) == '_' && PyUnicode_READ_CHAR(name, n - 2) == '_'))
        return Py_NewRef(name);
    Py_ssize_t start = 0, cn = PyUnicode_GET_LENGTH(classname);
    while (start < cn && PyUnicode_READ_CHAR(classname, start) == '_')
        start++;
    if (start == cn)
        return Py_NewRef(name);
    PyObject *stripped = PyUnicode_Substring(classname, start, cn);
    if (stripped == NULL)
        return NULL;
    PyObject *res = PyUnicode_FromFormat("_%U%U", stripped, name);
    Py_DECREF(stripped);
    return res;
}

struct slots_info {
    PyObject *slots;   /* tuple of the declared names (as given), or NULL */
    PyObject *names;   /* sorted list of mangled member names */
    int add_dict, add_weak;
};

static int process_slots(PyObject *name, PyTypeObject *base, PyObject *dict,
                         struct slots_info *si)
{
    int may_add_dict = base->tp_dictoffset == 0 && !(base->tp_flags & Py_TPFLAGS_MANAGED_DICT);
    int may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
    si->slots = si->names = NULL;
    si->add_dict = si->add_weak = 0;
    PyObject *slots = PyDict_GetItemWithError(dict, _Py_ID(__slots__));
    if (slots == NULL) {
        if (PyErr_Occurred())
            return -1;
        si->add_dict = may_add_dict;
        si->add_weak = may_add_weak;
        return 0;
    }
    if (PyUnicode_Check(slots))
        slots = PyTuple_Pack(1, slots);
    else
        slots = PySequence_Tuple(slots);
    if (slots == NULL)
        return -1;
    si->slots = slots;
    Py_ssize_t nslots = PyTuple_GET_SIZE(slots);
    if (nslots > 0 && base->tp_itemsize != 0) {
        PyErr_Format(PyExc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                     base->tp_name);
        return -1;
    }
    si->names = PyList_New(0);
    if (si->names == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < nslots; i++) {
        PyObject *tmp = PyTuple_GET_ITEM(slots, i);
        if (!PyUnicode_Check(tmp)) {
            PyErr_Format(PyExc_TypeError, "__slots__ items must be strings, not '%.200s'",
                         Py_TYPE(tmp)->tp_name);
            return -1;
        }
        if (!PyUnicode_IsIdentifier(tmp)) {
            PyErr_SetString(PyExc_TypeError, "__slots__ must be identifiers");
            return -1;
        }
        if (_PyUnicode_EqualToASCIIString(tmp, "__dict__")) {
            if (!may_add_dict || si->add_dict) {
                PyErr_SetString(PyExc_TypeError, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            si->add_dict = 1;
            continue;
        }
        if (_PyUnicode_EqualToASCIIString(tmp, "__weakref__")) {
            if (!may_add_weak || si->add_weak) {
                PyErr_SetString(PyExc_TypeError,
                                "__weakref__ slot disallowed: we already got one");
                return -1;
            }
            si->add_weak = 1;
            continue;
        }
        PyObject *m = mangle(name, tmp);
        if (m == NULL)
            return -1;
        int r = PySequence_Contains(si->names, m);
        if (r == 0)
            r = PyList_Append(si->names, m);
        else if (r > 0)
            r = 0; /* a repeated name makes one member */
        if (r < 0) {
            Py_DECREF(m);
            return -1;
        }
        /* A class variable of the same name would shadow the member descriptor. */
        r = PyDict_Contains(dict, m);
        if (r > 0) {
            int is_qualname = _PyUnicode_EqualToASCIIString(m, "__qualname__") ||
                              _PyUnicode_EqualToASCIIString(m, "__classcell__") ||
                              _PyUnicode_EqualToASCIIString(m, "__classdictcell__");
            if (!is_qualname) {
                PyErr_Format(PyExc_ValueError, "%R in __slots__ conflicts with class variable",
                             m);
                Py_DECREF(m);
                return -1;
            }
        }
        Py_DECREF(m);
        if (r < 0)
            return -1;
    }
    if (PyList_Sort(si->names) < 0)
        return -1;
    return 0;
}

/* ---- type.__new__ ------------------------------------------------------------------------------- */

static int set_names(PyTypeObject *type)
{
    PyObject *names_to_set = PyDict_Copy(type->tp_dict);
    if (names_to_set == NULL)
        return -1;
    Py_ssize_t i = 0;
    PyObject *key, *value;
    while (PyDict_Next(names_to_set, &i, &key, &value)) {
        PyObject *set_name = _PyObject_LookupSpecial(value, _Py_ID(__set_name__));
        if (set_name == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(names_to_set);
                return -1;
            }
            continue;
        }
        PyObject *res = PyObject_CallFunctionObjArgs(set_name, (PyObject *)type, key, NULL);
        Py_DECREF(set_name);
        if (res == NULL) {
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *note = PyUnicode_FromFormat(
                "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                Py_TYPE(value)->tp_name, key, type->tp_name);
            if (note != NULL && exc != NULL) {
                _PyException_AddNote(exc, note);
            }
            Py_XDECREF(note);
            PyErr_SetRaisedException(exc);
            Py_DECREF(names_to_set);
            return -1;
        }
        Py_DECREF(res);
    }
    Py_DECREF(names_to_set);
    return 0;
}

static int init_subclass(PyTypeObject *type, PyObject *kwds)
{
    PyObject *super = PyObject_CallFunctionObjArgs((PyObject *)&PySuper_Type, (PyObject *)type,
                                                   (PyObject *)type, NULL);
    if (super == NULL)
        return -1;
    PyObject *func = PyObject_GetAttr(super, _Py_ID(__init_subclass__));
    Py_DECREF(super);
    if (func == NULL)
        return -1;
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        Py_DECREF(func);
        return -1;
    }
    PyObject *res = PyObject_Call(func, empty, kwds);
    Py_DECREF(empty);
    Py_DECREF(func);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

/* Functions named __new__, __init_subclass__ and __class_getitem__ get their implicit
 * staticmethod/classmethod wrappers. */
static int wrap_implicit(PyObject *dict, PyObject *name, PyObject *(*wrap)(PyObject *))
{
    PyObject *func = PyDict_GetItemWithError(dict, name);
    if (func == NULL)
        return PyErr_Occurred() ? -1 : 0;
    if (!PyFunction_Check(func))
        return 0;
    PyObject *w = wrap(func);
    if (w == NULL)
        return -1;
    int r = PyDict_SetItem(dict, name, w);
    Py_DECREF(w);
    return r;
}

static int set_classcell(PyObject *dict, PyObject *name, PyObject *value)
{
    PyObject *cell = PyDict_GetItemWithError(dict, name);
    if (cell == NULL)
        return PyErr_Occurred() ? -1 : 0;
    if (!PyCell_Check(cell)) {
        PyErr_Format(PyExc_TypeError, "%U must be a nonlocal cell, not %.200R", name,
                     (PyObject *)Py_TYPE(cell));
        return -1;
    }
    if (PyCell_Set(cell, value) < 0)
        return -1;
    return PyDict_DelItem(dict, name);
}

PyObject *_KrType_New(PyTypeObject *metatype, PyObject *args, PyObject *kwds)
{
    PyObject *name, *bases, *orig_dict;
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) != 3) {
        if (PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1 && metatype == &PyType_Type)
            return Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, 0)));
        PyErr_Format(PyExc_TypeError, "type.__new__() takes exactly 3 arguments (%zd given)",
                     PyTuple_Check(args) ? PyTuple_GET_SIZE(args) : (Py_ssize_t)0);
        return NULL;
    }
    name = PyTuple_GET_ITEM(args, 0);
    bases = PyTuple_GET_ITEM(args, 1);
    orig_dict = PyTuple_GET_ITEM(args, 2);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 1 must be str, not %s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (!PyTuple_Check(bases)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                     Py_TYPE(bases)->tp_name);
        return NULL;
    }
    if (!PyDict_Check(orig_dict)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                     Py_TYPE(orig_dict)->tp_name);
        return NULL;
    }

    /* The most derived metaclass does the work. */
    PyTypeObject *winner = _PyType_CalculateMetaclass(metatype, bases);
    if (winner == NULL)
        return NULL;
    if (winner != metatype) {
        if (winner->tp_new != PyType_Type.tp_new)
            return winner->tp_new(winner, args, kwds);
        metatype = winner;
    }

    Py_ssize_t nbases = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < nbases; i++) {
        PyObject *b = PyTuple_GET_ITEM(bases, i);
        if (PyType_Check(b))
            continue;
        PyObject *mro_entries;
        if (PyObject_GetOptionalAttr(b, _Py_ID(__mro_entries__), &mro_entries) < 0)
            return NULL;
        if (mro_entries != NULL) {
            Py_DECREF(mro_entries);
            PyErr_SetString(PyExc_TypeError,
                            "type() doesn't support MRO entry resolution; use types.new_class()");
            return NULL;
        }
    }
    if (nbases == 0)
        bases = PyTuple_Pack(1, (PyObject *)&PyBaseObject_Type);
    else
        Py_INCREF(bases);
    if (bases == NULL)
        return NULL;
    PyTypeObject *base = _KrType_BestBase(bases);
    if (base == NULL) {
        Py_DECREF(bases);
        return NULL;
    }

    PyObject *dict = PyDict_Copy(orig_dict);
    if (dict == NULL) {
        Py_DECREF(bases);
        return NULL;
    }
    struct slots_info si;
    PyTypeObject *type = NULL;
    PyHeapTypeObject *et;
    if (process_slots(name, base, dict, &si) < 0)
        goto error;
    Py_ssize_t nslots = si.names ? PyList_GET_SIZE(si.names) : 0;

    type = (PyTypeObject *)metatype->tp_alloc(metatype, nslots);
    if (type == NULL)
        goto error;
    et = (PyHeapTypeObject *)type;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE |
                     Py_TPFLAGS_HAVE_GC;
    type->tp_as_async = &et->as_async;
    type->tp_as_number = &et->as_number;
    type->tp_as_sequence = &et->as_sequence;
    type->tp_as_mapping = &et->as_mapping;
    type->tp_as_buffer = &et->as_buffer;
    type->tp_bases = bases;
    bases = NULL;
    type->tp_base = (PyTypeObject *)Py_NewRef(base);
    type->tp_dealloc = _KrType_SubtypeDealloc;
    type->tp_traverse = _KrType_SubtypeTraverse;
    type->tp_clear = _KrType_SubtypeClear;
    type->tp_alloc = PyType_GenericAlloc;
    type->tp_free = _KrType_HeapFree;
    type->tp_vectorcall = _KrType_CallHeapType;
    type->tp_dict = dict;
    dict = NULL;
    PyObject *tdict = type->tp_dict;

    /* Names */
    et->ht_name = Py_NewRef(name);
    {
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(name, &len);
        if (s == NULL)
            goto error;
        if ((Py_ssize_t)strlen(s) != len) {
            PyErr_SetString(PyExc_ValueError, "type name must not contain null characters");
            goto error;
        }
        et->_ht_tpname = PyMem_Malloc((size_t)len + 1);
        if (et->_ht_tpname == NULL) {
            PyErr_NoMemory();
            goto error;
        }
        memcpy(et->_ht_tpname, s, (size_t)len + 1);
        type->tp_name = et->_ht_tpname;
    }
    {
        PyObject *qualname = PyDict_GetItemWithError(tdict, _Py_ID(__qualname__));
        if (qualname != NULL) {
            if (!PyUnicode_Check(qualname)) {
                PyErr_Format(PyExc_TypeError, "type __qualname__ must be a str, not %s",
                             Py_TYPE(qualname)->tp_name);
                goto error;
            }
            et->ht_qualname = Py_NewRef(qualname);
            if (PyDict_DelItem(tdict, _Py_ID(__qualname__)) < 0)
                goto error;
        }
        else {
            if (PyErr_Occurred())
                goto error;
            et->ht_qualname = Py_NewRef(name);
        }
    }
    /* __module__ from the calling frame's globals */
    {
        int r = PyDict_Contains(tdict, _Py_ID(__module__));
        if (r < 0)
            goto error;
        if (r == 0) {
            PyObject *globals = PyEval_GetGlobals();
            if (globals != NULL) {
                PyObject *modname = PyDict_GetItemWithError(globals, _Py_ID(__name__));
                if (modname != NULL) {
                    if (PyDict_SetItem(tdict, _Py_ID(__module__), modname) < 0)
                        goto error;
                }
                else if (PyErr_Occurred()) {
                    goto error;
                }
            }
        }
    }
    /* __doc__ for the C level */
    {
        PyObject *doc = PyDict_GetItemWithError(tdict, _Py_ID(__doc__));
        if (doc != NULL && PyUnicode_Check(doc)) {
            Py_ssize_t len;
            const char *s = PyUnicode_AsUTF8AndSize(doc, &len);
            if (s == NULL) {
                PyErr_Clear();
            }
            else {
                char *copy = PyMem_Malloc((size_t)len + 1);
                if (copy == NULL) {
                    PyErr_NoMemory();
                    goto error;
                }
                memcpy(copy, s, (size_t)len + 1);
                type->tp_doc = copy;
            }
        }
        else if (doc == NULL && PyErr_Occurred()) {
            goto error;
        }
    }
    if (wrap_implicit(tdict, _Py_ID(__new__), PyStaticMethod_New) < 0 ||
        wrap_implicit(tdict, _Py_ID(__init_subclass__), PyClassMethod_New) < 0 ||
        wrap_implicit(tdict, _Py_ID(__class_getitem__), PyClassMethod_New) < 0)
        goto error;

    /* Slots and the managed __dict__/__weakref__ */
    {
        Py_ssize_t slotoffset = base->tp_basicsize;
        if (si.slots != NULL) {
            et->ht_slots = si.slots;
            si.slots = NULL;
            /* Keep the mangled names alive for the member table's char pointers. */
            PyObject *names = PyList_AsTuple(si.names);
            if (names == NULL)
                goto error;
            Py_SETREF(et->ht_slots, names);
            PyMemberDef *mp = heap_members(type);
            for (Py_ssize_t i = 0; i < nslots; i++, mp++) {
                PyObject *nm = PyTuple_GET_ITEM(names, i);
                PyUnicode_InternInPlace(&PyTuple_GET_ITEM(names, i));
                nm = PyTuple_GET_ITEM(names, i);
                mp->name = PyUnicode_AsUTF8(nm);
                if (mp->name == NULL)
                    goto error;
                mp->type = Py_T_OBJECT_EX;
                mp->offset = slotoffset;
                mp->flags = 0;
                mp->doc = NULL;
                slotoffset += sizeof(PyObject *);
            }
        }
        if (si.add_dict) {
            type->tp_flags |= Py_TPFLAGS_MANAGED_DICT;
            type->tp_dictoffset = -1;
        }
        if (si.add_weak) {
            type->tp_flags |= Py_TPFLAGS_MANAGED_WEAKREF;
            type->tp_weaklistoffset = -4 * (Py_ssize_t)sizeof(PyObject *);
        }
        type->tp_basicsize = slotoffset;
        /* CPython keeps small instances' attribute values inline; we only mirror the flag
         * that advertises it so that __flags__ reads the same. */
        if ((si.add_dict && slotoffset == (Py_ssize_t)sizeof(PyObject) && base->tp_itemsize == 0) ||
            ((base->tp_flags & Py_TPFLAGS_INLINE_VALUES) && slotoffset == base->tp_basicsize))
            type->tp_flags |= Py_TPFLAGS_INLINE_VALUES;
        type->tp_itemsize = base->tp_itemsize;
        type->tp_members = heap_members(type);
        if (si.add_dict && si.add_weak)
            type->tp_getset = subtype_getsets_full;
        else if (si.add_dict)
            type->tp_getset = subtype_getsets_dict_only;
        else if (si.add_weak)
            type->tp_getset = subtype_getsets_weakref_only;
    }
    /* Instances of a managed-dict base need the pre-header too. */
    type->tp_flags |= base->tp_flags & Py_TPFLAGS_PREHEADER;
    if (type->tp_weaklistoffset == 0 && (base->tp_flags & Py_TPFLAGS_MANAGED_WEAKREF))
        type->tp_weaklistoffset = base->tp_weaklistoffset;
    type->tp_new = base->tp_new;

    if (PyType_Ready(type) < 0)
        goto error;
    _KrType_FixupSlots(type);
    if (PyErr_Occurred())
        goto error;
    {
        int r = PyDict_Contains(tdict, _Py_ID(__doc__));
        if (r < 0 || (r == 0 && PyDict_SetItem(tdict, _Py_ID(__doc__), Py_None) < 0))
            goto error;
    }
    if (set_classcell(tdict, _Py_ID(__classcell__), (PyObject *)type) < 0)
        goto error;
    if (set_classcell(tdict, _Py_ID(__classdictcell__), tdict) < 0)
        goto error;
    Py_XDECREF(si.names);
    Py_XDECREF(si.slots);
    si.names = si.slots = NULL;
    if (set_names(type) < 0)
        goto error;
    if (init_subclass(type, kwds) < 0)
        goto error;
    return (PyObject *)type;

error:
    Py_XDECREF(si.names);
    Py_XDECREF(si.slots);
    Py_XDECREF(dict);
    Py_XDECREF(bases);
    Py_XDECREF(type);
    return NULL;
}
