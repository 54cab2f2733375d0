/* The `type` type: readying types (slot inheritance, MRO, the type dict), attribute
 * lookup along the MRO with a version-tagged method cache, instance allocation, and the
 * attributes of type objects. Class creation is in type_new.c, slot <-> dunder tables
 * in type_slots.c, the `object` type in type_baseobject.c. */
#include "Python.h"
#include "internal/pycore_typeobject.h"
#include "internal/pycore_ids.h"
#include "internal/pycore_dict.h"

/* ---- method cache ---------------------------------------------------------------------- */

static struct _kr_types_state *types_state(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (ts == NULL || ts->interp == NULL)
        return NULL;
    return &ts->interp->types;
}

static unsigned int cache_index(unsigned int version, PyObject *name)
{
    uintptr_t h = ((uintptr_t)version * 2654435761u) ^ ((uintptr_t)name >> 4);
    return (unsigned int)(h & (KR_TYPE_CACHE_SIZE - 1));
}

/* A type may cache lookups only while it and all its bases have a version: a change to a
 * base invalidates the subclasses through the subclass registry. */
static int assign_version_tag(struct _kr_types_state *st, PyTypeObject *type)
{
    if (type->tp_version_tag != 0)
        return 1;
    if (!(type->tp_flags & Py_TPFLAGS_READY))
        return 0;
    if (st->next_version_tag == 0)
        st->next_version_tag = 1;
    if (st->next_version_tag >= 0xFFFFFF00u)
        return 0; /* exhausted: stop caching rather than reuse tags */
    PyObject *bases = type->tp_bases;
    if (bases != NULL) {
        Py_ssize_t n = PyTuple_GET_SIZE(bases);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (!assign_version_tag(st, (PyTypeObject *)PyTuple_GET_ITEM(bases, i)))
                return 0;
        }
    }
    type->tp_version_tag = st->next_version_tag++;
    return 1;
}

static PyObject *subclasses_dict(PyTypeObject *type) { return (PyObject *)type->tp_subclasses; }

/* Calls fn on every live direct subclass. */
static int for_each_subclass(PyTypeObject *type, int (*fn)(PyTypeObject *, void *), void *arg)
{
    PyObject *subs = subclasses_dict(type);
    if (subs == NULL)
        return 0;
    PyObject *items = PyDict_Values(subs);
    if (items == NULL)
        return -1;
    int res = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *ref = PyList_GET_ITEM(items, i);
        PyObject *sub = NULL;
        if (PyType_Check(ref)) {
            sub = Py_NewRef(ref);
        }
        else if (PyWeakref_GetRef(ref, &sub) < 0) {
            res = -1;
            break;
        }
        if (sub == NULL)
            continue;
        res = fn((PyTypeObject *)sub, arg);
        Py_DECREF(sub);
        if (res < 0)
            break;
    }
    Py_DECREF(items);
    return res;
}

static int modified_cb(PyTypeObject *sub, void *arg)
{
    PyType_Modified(sub);
    return 0;
}

void PyType_Modified(PyTypeObject *type)
{
    /* A zero tag means "no valid version": nothing cached, nothing to invalidate. */
    if (type->tp_version_tag == 0)
        return;
    type->tp_version_tag = 0;
    PyObject *exc = PyErr_GetRaisedException();
    if (for_each_subclass(type, modified_cb, NULL) < 0)
        PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

/* Borrowed result or NULL; *error set to 1 when an exception was raised. */
static PyObject *find_name_in_mro(PyTypeObject *type, PyObject *name, int *error)
{
    *error = 0;
    PyObject *mro = type->tp_mro;
    if (mro == NULL) {
        if (!(type->tp_flags & Py_TPFLAGS_READYING)) {
            if (PyType_Ready(type) < 0) {
                *error = -1;
                return NULL;
            }
            mro = type->tp_mro;
        }
        if (mro == NULL)
            return NULL;
    }
    Py_INCREF(mro); /* the MRO may be replaced while we look (__bases__ assignment) */
    PyObject *res = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        PyObject *dict = base->tp_dict;
        if (dict == NULL)
            continue;
        res = PyDict_GetItemWithError(dict, name);
        if (res != NULL)
            break;
        if (PyErr_Occurred()) {
            *error = -1;
            break;
        }
    }
    Py_DECREF(mro);
    return res;
}

PyObject *_PyType_Lookup(PyTypeObject *type, PyObject *name)
{
    struct _kr_types_state *st = NULL;
    int cacheable = PyUnicode_CheckExact(name) && PyUnicode_CHECK_INTERNED(name) &&
                    (st = types_state()) != NULL;
    struct _kr_type_cache_entry *entry = NULL;
    if (cacheable && type->tp_version_tag != 0) {
        entry = &st->cache[cache_index(type->tp_version_tag, name)];
        if (entry->version == type->tp_version_tag && entry->name == name)
            return entry->value;
    }
    int error;
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *res = find_name_in_mro(type, name, &error);
    if (error) {
        PyErr_Clear();
        PyErr_SetRaisedException(exc);
        return NULL;
    }
    PyErr_SetRaisedException(exc);
    if (cacheable && assign_version_tag(st, type)) {
        entry = &st->cache[cache_index(type->tp_version_tag, name)];
        entry->version = type->tp_version_tag;
        Py_INCREF(name);
        Py_XSETREF(entry->name, name);
        entry->value = res;
    }
    return res;
}

PyObject *_PyType_LookupRef(PyTypeObject *type, PyObject *name)
{
    PyObject *res = _PyType_Lookup(type, name);
    Py_XINCREF(res);
    return res;
}

/* ---- subtype checks and names ------------------------------------------------------------ */

int PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b)
{
    PyObject *mro = a->tp_mro;
    if (mro != NULL && PyTuple_Check(mro)) {
        Py_ssize_t n = PyTuple_GET_SIZE(mro);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyTuple_GET_ITEM(mro, i) == (PyObject *)b)
                return 1;
        }
        return 0;
    }
    /* Not readied yet: follow the tp_base chain. */
    do {
        if (a == b)
            return 1;
        a = a->tp_base;
    } while (a != NULL);
    return b == &PyBaseObject_Type;
}

const char *_PyType_Name(PyTypeObject *type)
{
    const char *s = strrchr(type->tp_name, '.');
    return s ? s + 1 : type->tp_name;
}

PyObject *PyType_GetName(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_name);
    return PyUnicode_FromString(_PyType_Name(type));
}

PyObject *_KrType_GetQualname(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_qualname);
    return PyUnicode_FromString(_PyType_Name(type));
}

PyObject *PyType_GetQualName(PyTypeObject *type) { return _KrType_GetQualname(type); }

PyObject *_PyType_GetDict(PyTypeObject *type) { return type->tp_dict; }

PyObject *_KrType_GetModule(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        PyObject *mod = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__module__));
        if (mod == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_AttributeError, "__module__");
            return NULL;
        }
        return Py_NewRef(mod);
    }
    const char *s = strrchr(type->tp_name, '.');
    if (s != NULL)
        return PyUnicode_FromStringAndSize(type->tp_name, s - type->tp_name);
    return PyUnicode_InternFromString("builtins");
}

PyObject *_PyType_GetModuleName(PyTypeObject *type) { return _KrType_GetModule(type); }

/* ---- subclass registry ------------------------------------------------------------------- */

int _KrType_AddSubclass(PyTypeObject *base, PyTypeObject *type)
{
    PyObject *subs = subclasses_dict(base);
    if (subs == NULL) {
        subs = PyDict_New();
        if (subs == NULL)
            return -1;
        base->tp_subclasses = subs;
    }
    PyObject *key = PyLong_FromVoidPtr((void *)type);
    if (key == NULL)
        return -1;
    PyObject *ref;
    /* Static types are immortal and may be registered before weakrefs work. */
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        ref = Py_NewRef(type);
    else
        ref = PyWeakref_NewRef((PyObject *)type, NULL);
    if (ref == NULL) {
        Py_DECREF(key);
        return -1;
    }
    int r = PyDict_SetItem(subs, key, ref);
    Py_DECREF(ref);
    Py_DECREF(key);
    return r;
}

void _KrType_RemoveSubclass(PyTypeObject *base, PyTypeObject *type)
{
    PyObject *subs = subclasses_dict(base);
    if (subs == NULL)
        return;
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *key = PyLong_FromVoidPtr((void *)type);
    if (key != NULL) {
        if (PyDict_DelItem(subs, key) < 0)
            PyErr_Clear();
        Py_DECREF(key);
    }
    else {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

static int collect_subclass(PyTypeObject *sub, void *arg)
{
    return PyList_Append((PyObject *)arg, (PyObject *)sub);
}

PyObject *_PyType_GetSubclasses(PyTypeObject *type)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    if (for_each_subclass(type, collect_subclass, list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* ---- MRO ----------------------------------------------------------------------------- */

static int tail_contains(PyObject *list, Py_ssize_t whence, PyObject *o)
{
    Py_ssize_t n = PyList_GET_SIZE(list);
    for (Py_ssize_t j = whence + 1; j < n; j++) {
        if (PyList_GET_ITEM(list, j) == o)
            return 1;
    }
    return 0;
}

static PyObject *class_name(PyObject *cls)
{
    PyObject *name;
    if (PyObject_GetOptionalAttr(cls, _Py_ID(__name__), &name) == 0)
        name = PyObject_Repr(cls);
    if (name != NULL && !PyUnicode_Check(name)) {
        Py_SETREF(name, PyObject_Repr(cls));
    }
    return name;
}

static void set_mro_error(PyObject **to_merge, Py_ssize_t n, Py_ssize_t *remain)
{
    /* Name the heads that could not be merged, each once, in order. */
    PyObject *names = PyList_New(0);
    if (names == NULL)
        return;
    PyObject *seen = PyList_New(0);
    if (seen == NULL) {
        Py_DECREF(names);
        return;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *L = to_merge[i];
        if (remain[i] < PyList_GET_SIZE(L)) {
            PyObject *c = PyList_GET_ITEM(L, remain[i]);
            int dup = 0;
            for (Py_ssize_t k = 0; k < PyList_GET_SIZE(seen); k++)
                if (PyList_GET_ITEM(seen, k) == c)
                    dup = 1;
            if (dup)
                continue;
            if (PyList_Append(seen, c) < 0)
                goto done;
            PyObject *nm = class_name(c);
            if (nm == NULL || PyList_Append(names, nm) < 0) {
                Py_XDECREF(nm);
                goto done;
            }
            Py_DECREF(nm);
        }
    }
    {
        PyObject *sep = PyUnicode_FromString(", ");
        if (sep == NULL)
            goto done;
        PyObject *joined = PyUnicode_Join(sep, names);
        Py_DECREF(sep);
        if (joined == NULL)
            goto done;
        PyErr_Format(PyExc_TypeError,
                     "Cannot create a consistent method resolution order (MRO) for bases %U",
                     joined);
        Py_DECREF(joined);
    }
done:
    Py_DECREF(names);
    Py_DECREF(seen);
}

static int pmerge(PyObject *acc, PyObject **to_merge, Py_ssize_t n)
{
    Py_ssize_t *remain = PyMem_New(Py_ssize_t, n ? n : 1);
    if (remain == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        remain[i] = 0;
    int res = 0;
again:;
    int empty_cnt = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *cur = to_merge[i];
        if (remain[i] >= PyList_GET_SIZE(cur)) {
            empty_cnt++;
            continue;
        }
        PyObject *candidate = PyList_GET_ITEM(cur, remain[i]);
        int in_tail = 0;
        for (Py_ssize_t j = 0; j < n; j++) {
            if (tail_contains(to_merge[j], remain[j], candidate)) {
                in_tail = 1;
                break;
            }
        }
        if (in_tail)
            continue;
        if (PyList_Append(acc, candidate) < 0) {
            res = -1;
            goto out;
        }
        for (Py_ssize_t j = 0; j < n; j++) {
            if (remain[j] < PyList_GET_SIZE(to_merge[j]) &&
                PyList_GET_ITEM(to_merge[j], remain[j]) == candidate)
                remain[j]++;
        }
        goto again;
    }
    if (empty_cnt != n) {
        set_mro_error(to_merge, n, remain);
        res = -1;
    }
out:
    PyMem_Free(remain);
    return res;
}

static int check_duplicates(PyObject *tuple)
{
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = PyTuple_GET_ITEM(tuple, i);
        for (Py_ssize_t j = i + 1; j < n; j++) {
            if (PyTuple_GET_ITEM(tuple, j) == o) {
                PyObject *nm = class_name(o);
                if (nm != NULL) {
                    PyErr_Format(PyExc_TypeError, "duplicate base class %U", nm);
                    Py_DECREF(nm);
                }
                return -1;
            }
        }
    }
    return 0;
}

PyObject *_KrType_Mro(PyTypeObject *type)
{
    PyObject *bases = type->tp_bases;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(bases, i);
        if (b->tp_mro == NULL) {
            PyErr_Format(PyExc_TypeError, "Cannot extend an incomplete type '%.100s'",
                         b->tp_name);
            return NULL;
        }
    }
    if (n == 1) {
        /* Single inheritance: the base's MRO with the type in front. */
        PyObject *bmro = ((PyTypeObject *)PyTuple_GET_ITEM(bases, 0))->tp_mro;
        Py_ssize_t k = PyTuple_GET_SIZE(bmro);
        PyObject *res = PyTuple_New(k + 1);
        if (res == NULL)
            return NULL;
        PyTuple_SET_ITEM(res, 0, Py_NewRef(type));
        for (Py_ssize_t i = 0; i < k; i++)
            PyTuple_SET_ITEM(res, i + 1, Py_NewRef(PyTuple_GET_ITEM(bmro, i)));
        return res;
    }
    if (check_duplicates(bases) < 0)
        return NULL;
    PyObject **to_merge = PyMem_New(PyObject *, n + 1);
    if (to_merge == NULL)
        return PyErr_NoMemory();
    Py_ssize_t made = 0;
    PyObject *result = NULL, *acc = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *bmro = ((PyTypeObject *)PyTuple_GET_ITEM(bases, i))->tp_mro;
        to_merge[i] = PySequence_List(bmro);
        if (to_merge[i] == NULL)
            goto done;
        made++;
    }
    to_merge[n] = PySequence_List(bases);
    if (to_merge[n] == NULL)
        goto done;
    made++;
    acc = PyList_New(1);
    if (acc == NULL)
        goto done;
    PyList_SET_ITEM(acc, 0, Py_NewRef(type));
    if (pmerge(acc, to_merge, n + 1) < 0)
        goto done;
    result = PyList_AsTuple(acc);
done:
    Py_XDECREF(acc);
    for (Py_ssize_t i = 0; i < made; i++)
        Py_DECREF(to_merge[i]);
    PyMem_Free(to_merge);
    return result;
}

static PyObject *mro_check_custom(PyTypeObject *type, PyObject *mro)
{
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = PyTuple_GET_ITEM(mro, i);
        if (!PyType_Check(o)) {
            PyErr_Format(PyExc_TypeError, "mro() returned a non-class ('%.500s')",
                         Py_TYPE(o)->tp_name);
            return NULL;
        }
    }
    return mro;
}

/* Compute and install tp_mro, honouring a metaclass mro() override. */
int _KrType_MroInternal(PyTypeObject *type, PyObject **p_old_mro)
{
    PyObject *new_mro;
    int custom = !Py_IS_TYPE(type, &PyType_Type);
    if (custom) {
        PyObject *mro_meth = _PyType_Lookup(Py_TYPE(type), _Py_ID(mro));
        PyObject *type_mro = PyType_Type.tp_dict ?
            PyDict_GetItemWithError(PyType_Type.tp_dict, _Py_ID(mro)) : NULL;
        custom = mro_meth != NULL && mro_meth != type_mro;
    }
    if (custom) {
        PyObject *meth = PyObject_GetAttr((PyObject *)type, _Py_ID(mro));
        if (meth == NULL)
            return -1;
        PyObject *res = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (res == NULL)
            return -1;
        new_mro = PySequence_Tuple(res);
        Py_DECREF(res);
        if (new_mro == NULL)
            return -1;
        if (PyTuple_GET_SIZE(new_mro) == 0) {
            Py_DECREF(new_mro);
            PyErr_SetString(PyExc_TypeError, "type MRO must not be empty");
            return -1;
        }
        if (mro_check_custom(type, new_mro) == NULL) {
            Py_DECREF(new_mro);
            return -1;
        }
    }
    else {
        new_mro = _KrType_Mro(type);
        if (new_mro == NULL)
            return -1;
    }
    PyObject *old = type->tp_mro;
    type->tp_mro = new_mro;
    if (p_old_mro != NULL)
        *p_old_mro = old;
    else
        Py_XDECREF(old);
    PyType_Modified(type);
    return 0;
}

/* ---- PyType_Ready --------------------------------------------------------------------- */

static int add_methods(PyTypeObject *type, PyMethodDef *meth)
{
    PyObject *dict = type->tp_dict;
    for (; meth->ml_name != NULL; meth++) {
        /* The descriptor interns its name; reusing it as the key and inserting with one
         * set-default probe keeps start-up from interning and looking up every name twice. */
        PyObject *descr, *name;
        if ((meth->ml_flags & METH_CLASS) && (meth->ml_flags & METH_STATIC)) {
            PyErr_SetString(PyExc_ValueError, "method cannot be both class and static");
            return -1;
        }
        if (meth->ml_flags & METH_STATIC) {
            /* CPython leaves static methods' names (str.maketrans) uninterned. */
            name = PyUnicode_FromString(meth->ml_name);
            if (name == NULL)
                return -1;
            PyObject *cfunc = PyCFunction_NewEx(meth, (PyObject *)type, NULL);
            if (cfunc == NULL) {
                Py_DECREF(name);
                return -1;
            }
            descr = PyStaticMethod_New(cfunc);
            Py_DECREF(cfunc);
            if (descr == NULL) {
                Py_DECREF(name);
                return -1;
            }
        }
        else {
            descr = (meth->ml_flags & METH_CLASS) ? PyDescr_NewClassMethod(type, meth)
                                                  : PyDescr_NewMethod(type, meth);
            if (descr == NULL)
                return -1;
            name = Py_NewRef(((PyDescrObject *)descr)->d_name);
        }
        int r;
        if (meth->ml_flags & METH_COEXIST)
            r = PyDict_SetItem(dict, name, descr);
        else
            r = PyDict_SetDefaultRef(dict, name, descr, NULL);
        Py_DECREF(descr);
        Py_DECREF(name);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int add_members(PyTypeObject *type, PyMemberDef *memb)
{
    for (; memb->name != NULL; memb++) {
        PyObject *descr = PyDescr_NewMember(type, memb);
        if (descr == NULL)
            return -1;
        int r = PyDict_SetDefaultRef(type->tp_dict, ((PyDescrObject *)descr)->d_name, descr, NULL);
        Py_DECREF(descr);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int add_getset(PyTypeObject *type, PyGetSetDef *gsp)
{
    for (; gsp->name != NULL; gsp++) {
        PyObject *descr = PyDescr_NewGetSet(type, gsp);
        if (descr == NULL)
            return -1;
        int r = PyDict_SetDefaultRef(type->tp_dict, ((PyDescrObject *)descr)->d_name, descr, NULL);
        Py_DECREF(descr);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* "name(sig)\n--\n\n" at the start of a C doc string is the text signature. */
static const char *find_signature_end(const char *name, const char *doc)
{
    if (doc == NULL)
        return NULL;
    const char *dot = strrchr(name, '.');
    if (dot)
        name = dot + 1;
    size_t len = strlen(name);
    if (strncmp(doc, name, len) != 0 || doc[len] != '(')
        return NULL;
    const char *end = strstr(doc, ")\n--\n\n");
    return end;
}

static PyObject *doc_from_internal(const char *name, const char *doc)
{
    const char *end = find_signature_end(name, doc);
    if (doc == NULL)
        Py_RETURN_NONE;
    if (end != NULL)
        doc = end + 6;
    return PyUnicode_FromString(doc);
}

static PyObject *text_signature_from_internal(const char *name, const char *doc)
{
    const char *end = find_signature_end(name, doc);
    if (end == NULL)
        Py_RETURN_NONE;
    const char *start = strchr(doc, '(');
    return PyUnicode_FromStringAndSize(start, end + 1 - start);
}

PyObject *_KrDoc_FromInternal(const char *name, const char *doc)
{
    return doc_from_internal(name, doc);
}

PyObject *_KrDoc_TextSignature(const char *name, const char *doc)
{
    return text_signature_from_internal(name, doc);
}

#define SUBCLASS_FLAGS                                                                  \
    (Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_TUPLE_SUBCLASS |  \
     Py_TPFLAGS_BYTES_SUBCLASS | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS | \
     Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_TYPE_SUBCLASS)

static void set_root_flags(PyTypeObject *type)
{
    if (type == &PyLong_Type)
        type->tp_flags |= Py_TPFLAGS_LONG_SUBCLASS;
    else if (type == &PyList_Type)
        type->tp_flags |= Py_TPFLAGS_LIST_SUBCLASS;
    else if (type == &PyTuple_Type)
        type->tp_flags |= Py_TPFLAGS_TUPLE_SUBCLASS;
    else if (type == &PyBytes_Type)
        type->tp_flags |= Py_TPFLAGS_BYTES_SUBCLASS;
    else if (type == &PyUnicode_Type)
        type->tp_flags |= Py_TPFLAGS_UNICODE_SUBCLASS;
    else if (type == &PyDict_Type)
        type->tp_flags |= Py_TPFLAGS_DICT_SUBCLASS;
    else if (type == &PyType_Type)
        type->tp_flags |= Py_TPFLAGS_TYPE_SUBCLASS;
    else if (PyExc_BaseException != NULL && type == (PyTypeObject *)PyExc_BaseException)
        type->tp_flags |= Py_TPFLAGS_BASE_EXC_SUBCLASS;
}

static void inherit_special(PyTypeObject *type, PyTypeObject *base)
{
    if (!(type->tp_flags & Py_TPFLAGS_HAVE_GC) && (base->tp_flags & Py_TPFLAGS_HAVE_GC) &&
        type->tp_traverse == NULL && type->tp_clear == NULL) {
        type->tp_flags |= Py_TPFLAGS_HAVE_GC;
        type->tp_traverse = base->tp_traverse;
        type->tp_clear = base->tp_clear;
    }
    type->tp_flags |= (base->tp_flags & (SUBCLASS_FLAGS | Py_TPFLAGS_SEQUENCE |
                                         Py_TPFLAGS_MAPPING | _Py_TPFLAGS_MATCH_SELF));
    if ((type->tp_flags & Py_TPFLAGS_SEQUENCE) && (type->tp_flags & Py_TPFLAGS_MAPPING))
        type->tp_flags &= ~Py_TPFLAGS_MAPPING;
    if (type->tp_basicsize == 0)
        type->tp_basicsize = base->tp_basicsize;
    if (type->tp_itemsize == 0)
        type->tp_itemsize = base->tp_itemsize;
    if (type->tp_weaklistoffset == 0)
        type->tp_weaklistoffset = base->tp_weaklistoffset;
    if (type->tp_dictoffset == 0)
        type->tp_dictoffset = base->tp_dictoffset;
    type->tp_flags |= (base->tp_flags & Py_TPFLAGS_ITEMS_AT_END);
}

#define COPYSLOT(SLOT) \
    if (type->SLOT == NULL && base->SLOT != NULL) type->SLOT = base->SLOT

static int overrides_hash(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    int r = PyDict_Contains(dict, _Py_ID(__eq__));
    if (r == 0)
        r = PyDict_Contains(dict, _Py_ID(__hash__));
    return r;
}

static int inherit_slots(PyTypeObject *type, PyTypeObject *base)
{
    if (type->tp_as_number != NULL && base->tp_as_number != NULL &&
        type->tp_as_number != base->tp_as_number) {
        PyNumberMethods *t = type->tp_as_number, *b = base->tp_as_number;
        binaryfunc *tb = (binaryfunc *)t, *bb = (binaryfunc *)b;
        /* PyNumberMethods is a sequence of function pointers of equal size. */
        for (size_t i = 0; i < sizeof(PyNumberMethods) / sizeof(binaryfunc); i++)
            if (tb[i] == NULL)
                tb[i] = bb[i];
    }
    if (type->tp_as_async != NULL && base->tp_as_async != NULL &&
        type->tp_as_async != base->tp_as_async) {
        PyAsyncMethods *t = type->tp_as_async, *b = base->tp_as_async;
        if (!t->am_await) t->am_await = b->am_await;
        if (!t->am_aiter) t->am_aiter = b->am_aiter;
        if (!t->am_anext) t->am_anext = b->am_anext;
        if (!t->am_send) t->am_send = b->am_send;
    }
    if (type->tp_as_sequence != NULL && base->tp_as_sequence != NULL &&
        type->tp_as_sequence != base->tp_as_sequence) {
        PySequenceMethods *t = type->tp_as_sequence, *b = base->tp_as_sequence;
        if (!t->sq_length) t->sq_length = b->sq_length;
        if (!t->sq_concat) t->sq_concat = b->sq_concat;
        if (!t->sq_repeat) t->sq_repeat = b->sq_repeat;
        if (!t->sq_item) t->sq_item = b->sq_item;
        if (!t->sq_ass_item) t->sq_ass_item = b->sq_ass_item;
        if (!t->sq_contains) t->sq_contains = b->sq_contains;
        if (!t->sq_inplace_concat) t->sq_inplace_concat = b->sq_inplace_concat;
        if (!t->sq_inplace_repeat) t->sq_inplace_repeat = b->sq_inplace_repeat;
    }
    if (type->tp_as_mapping != NULL && base->tp_as_mapping != NULL &&
        type->tp_as_mapping != base->tp_as_mapping) {
        PyMappingMethods *t = type->tp_as_mapping, *b = base->tp_as_mapping;
        if (!t->mp_length) t->mp_length = b->mp_length;
        if (!t->mp_subscript) t->mp_subscript = b->mp_subscript;
        if (!t->mp_ass_subscript) t->mp_ass_subscript = b->mp_ass_subscript;
    }
    if (type->tp_as_buffer != NULL && base->tp_as_buffer != NULL &&
        type->tp_as_buffer != base->tp_as_buffer) {
        PyBufferProcs *t = type->tp_as_buffer, *b = base->tp_as_buffer;
        if (!t->bf_getbuffer) t->bf_getbuffer = b->bf_getbuffer;
        if (!t->bf_releasebuffer) t->bf_releasebuffer = b->bf_releasebuffer;
    }
    COPYSLOT(tp_dealloc);
    if (type->tp_getattr == NULL && type->tp_getattro == NULL) {
        type->tp_getattr = base->tp_getattr;
        type->tp_getattro = base->tp_getattro;
    }
    if (type->tp_setattr == NULL && type->tp_setattro == NULL) {
        type->tp_setattr = base->tp_setattr;
        type->tp_setattro = base->tp_setattro;
    }
    COPYSLOT(tp_repr);
    if (type->tp_call == NULL && (base->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL)) {
        type->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
    }
    if (type->tp_vectorcall_offset == 0)
        type->tp_vectorcall_offset = base->tp_vectorcall_offset;
    COPYSLOT(tp_call);
    COPYSLOT(tp_str);
    if (type->tp_richcompare == NULL && type->tp_hash == NULL) {
        int r = overrides_hash(type);
        if (r < 0)
            return -1;
        if (!r) {
            type->tp_richcompare = base->tp_richcompare;
            type->tp_hash = base->tp_hash;
        }
    }
    COPYSLOT(tp_iter);
    COPYSLOT(tp_iternext);
    COPYSLOT(tp_descr_get);
    if (base->tp_descr_get && type->tp_descr_get == base->tp_descr_get &&
        (base->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR))
        type->tp_flags |= Py_TPFLAGS_METHOD_DESCRIPTOR;
    COPYSLOT(tp_descr_set);
    if (type->tp_dictoffset == 0) type->tp_dictoffset = base->tp_dictoffset;
    COPYSLOT(tp_init);
    COPYSLOT(tp_alloc);
    COPYSLOT(tp_is_gc);
    COPYSLOT(tp_finalize);
    if ((type->tp_flags & Py_TPFLAGS_HAVE_GC) == (base->tp_flags & Py_TPFLAGS_HAVE_GC)) {
        COPYSLOT(tp_free);
    }
    else if ((type->tp_flags & Py_TPFLAGS_HAVE_GC) && type->tp_free == NULL &&
             base->tp_free == PyObject_Free) {
        type->tp_free = PyObject_GC_Del;
    }
    return 0;
}

static int type_ready_set_hash(PyTypeObject *type)
{
    if (type->tp_hash != NULL)
        return 0;
    int r = PyDict_Contains(type->tp_dict, _Py_ID(__hash__));
    if (r < 0)
        return -1;
    if (r == 0) {
        if (PyDict_SetItem(type->tp_dict, _Py_ID(__hash__), Py_None) < 0)
            return -1;
        type->tp_hash = PyObject_HashNotImplemented;
    }
    return 0;
}

static Py_ssize_t count_set_words(const void *table, size_t size)
{
    if (table == NULL)
        return 0;
    Py_ssize_t n = 0;
    const char *p = table;
    for (size_t off = 0; off + sizeof(void *) <= size; off += sizeof(void *)) {
        void *word;
        memcpy(&word, p + off, sizeof word);
        n += word != NULL;
    }
    return n;
}

/* Roughly how many names a static type's dict will hold, so that it is allocated once
 * instead of growing step by step while start-up fills it: its own methods, members and
 * getsets, a wrapper per filled-in slot, and a few fixed entries (__doc__, __new__, ...). */
static Py_ssize_t static_dict_size_hint(PyTypeObject *type)
{
    Py_ssize_t n = 4;
    for (PyMethodDef *m = type->tp_methods; m != NULL && m->ml_name != NULL; m++)
        n++;
    for (PyMemberDef *m = type->tp_members; m != NULL && m->name != NULL; m++)
        n++;
    for (PyGetSetDef *g = type->tp_getset; g != NULL && g->name != NULL; g++)
        n++;
    n += count_set_words(type->tp_as_number, sizeof(PyNumberMethods));
    n += count_set_words(type->tp_as_sequence, sizeof(PySequenceMethods));
    n += count_set_words(type->tp_as_mapping, sizeof(PyMappingMethods));
    n += count_set_words(type->tp_as_async, sizeof(PyAsyncMethods));
    void *const tpslots[] = {
        (void *)type->tp_getattro, (void *)type->tp_setattro, (void *)type->tp_repr,
        (void *)type->tp_hash, (void *)type->tp_call, (void *)type->tp_str,
        (void *)type->tp_richcompare, (void *)type->tp_iter, (void *)type->tp_iternext,
        (void *)type->tp_descr_get, (void *)type->tp_descr_set, (void *)type->tp_init,
        (void *)type->tp_finalize,
    };
    for (size_t i = 0; i < sizeof(tpslots) / sizeof(tpslots[0]); i++)
        n += tpslots[i] != NULL;
    /* Rich comparison expands to six wrappers. */
    if (type->tp_richcompare != NULL)
        n += 5;
    return n;
}

static int type_ready(PyTypeObject *type)
{
    if (type->tp_name == NULL) {
        PyErr_SetString(PyExc_SystemError, "Type does not define the tp_name field.");
        return -1;
    }
    set_root_flags(type);
    PyTypeObject *base = type->tp_base;
    if (base == NULL && type != &PyBaseObject_Type) {
        base = &PyBaseObject_Type;
        if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
            type->tp_base = (PyTypeObject *)Py_NewRef(base);
        else
            type->tp_base = base;
    }
    if (base != NULL && !(base->tp_flags & Py_TPFLAGS_READY)) {
        if (PyType_Ready(base) < 0)
            return -1;
    }
    if (Py_TYPE(type) == NULL && base != NULL)
        Py_SET_TYPE(type, Py_TYPE(base));

    if (type->tp_bases == NULL) {
        PyObject *bases = base == NULL ? PyTuple_New(0) : PyTuple_Pack(1, (PyObject *)base);
        if (bases == NULL)
            return -1;
        type->tp_bases = bases;
    }
    if (type->tp_dict == NULL) {
        type->tp_dict = (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
                            ? PyDict_New()
                            : _PyDict_NewPresized(static_dict_size_hint(type));
        if (type->tp_dict == NULL)
            return -1;
    }
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        if (_KrType_AddOperators(type) < 0)
            return -1;
    }
    if (type->tp_methods != NULL && add_methods(type, type->tp_methods) < 0)
        return -1;
    if (type->tp_members != NULL && add_members(type, type->tp_members) < 0)
        return -1;
    if (type->tp_getset != NULL && add_getset(type, type->tp_getset) < 0)
        return -1;

    if (_KrType_MroInternal(type, NULL) < 0)
        return -1;

    /* Static types share their base's slot tables when they have none of their own. */
    if (base != NULL) {
        if (type->tp_as_async == NULL) type->tp_as_async = base->tp_as_async;
        if (type->tp_as_number == NULL) type->tp_as_number = base->tp_as_number;
        if (type->tp_as_sequence == NULL) type->tp_as_sequence = base->tp_as_sequence;
        if (type->tp_as_mapping == NULL) type->tp_as_mapping = base->tp_as_mapping;
        if (type->tp_as_buffer == NULL) type->tp_as_buffer = base->tp_as_buffer;
        inherit_special(type, base);
    }
    PyObject *mro = type->tp_mro;
    for (Py_ssize_t i = 1; i < PyTuple_GET_SIZE(mro); i++) {
        PyObject *b = PyTuple_GET_ITEM(mro, i);
        if (PyType_Check(b) && inherit_slots(type, (PyTypeObject *)b) < 0)
            return -1;
    }
    if (type->tp_free == NULL)
        type->tp_free = (type->tp_flags & Py_TPFLAGS_HAVE_GC) ? PyObject_GC_Del : PyObject_Free;
    if (type_ready_set_hash(type) < 0)
        return -1;

    /* tp_new: static types directly under object without one cannot be instantiated. */
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        if (type->tp_new == NULL && base == &PyBaseObject_Type)
            type->tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
        if (type->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) {
            type->tp_new = NULL;
        }
        else if (type->tp_new != NULL) {
            if (_KrType_AddTpNew(type) < 0)
                return -1;
        }
        else if (base != NULL) {
            type->tp_new = base->tp_new;
        }
        /* __doc__ */
        int r = PyDict_Contains(type->tp_dict, _Py_ID(__doc__));
        if (r < 0)
            return -1;
        if (r == 0) {
            PyObject *doc = doc_from_internal(type->tp_name, type->tp_doc);
            if (doc == NULL)
                return -1;
            r = PyDict_SetItem(type->tp_dict, _Py_ID(__doc__), doc);
            Py_DECREF(doc);
            if (r < 0)
                return -1;
        }
        type->tp_flags |= Py_TPFLAGS_IMMUTABLETYPE;
    }
    PyObject *bases = type->tp_bases;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
        PyObject *b = PyTuple_GET_ITEM(bases, i);
        if (PyType_Check(b) && _KrType_AddSubclass((PyTypeObject *)b, type) < 0)
            return -1;
    }
    return 0;
}

int PyType_Ready(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_READY)
        return 0;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        _Py_SetImmortal((PyObject *)type);
        type->tp_flags |= _Py_TPFLAGS_STATIC_BUILTIN;
    }
    type->tp_flags |= Py_TPFLAGS_READYING;
    int r = type_ready(type);
    type->tp_flags &= ~Py_TPFLAGS_READYING;
    if (r < 0)
        return -1;
    type->tp_flags |= Py_TPFLAGS_READY;
    return 0;
}

/* ---- instance allocation ----------------------------------------------------------------- */

/* Bytes in front of an instance: the GC header and, for classes whose instances have a
 * managed __dict__/weakref list, the two-word pre-header. */
size_t _KrType_PreSize(PyTypeObject *type)
{
    size_t pre = 0;
    if (type->tp_flags & Py_TPFLAGS_HAVE_GC)
        pre += sizeof(PyGC_Head);
    if (type->tp_flags & Py_TPFLAGS_PREHEADER)
        pre += 2 * sizeof(PyObject *);
    return pre;
}

PyObject *PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems)
{
    size_t size = _PyObject_VAR_SIZE(type, nitems + 1);
    PyObject *obj;
    if ((type->tp_flags & Py_TPFLAGS_HEAPTYPE) && (type->tp_flags & Py_TPFLAGS_HAVE_GC)) {
        /* Classes place a two-word pre-header in front of the GC header. The collector's
         * allocator puts its header first; we shift the object by the pre-header size so
         * that header's words become the pre-header and the object gets a fresh GC header
         * right before it (freed again through PyObject_GC_Del, see _KrType_HeapFree). */
        size_t extra = (type->tp_flags & Py_TPFLAGS_PREHEADER) ? sizeof(PyGC_Head) : 0;
        char *mem = (char *)_PyObject_GC_Alloc(extra + size);
        if (mem == NULL)
            return NULL;
        memset(mem, 0, extra + size);
        obj = (PyObject *)(mem + extra);
        obj->ob_refcnt = 1;
        obj->ob_type = type;
        Py_INCREF(type);
    }
    else if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        obj = (PyObject *)PyObject_Malloc(size);
        if (obj == NULL)
            return PyErr_NoMemory();
        memset(obj, 0, size);
        obj->ob_refcnt = 1;
        obj->ob_type = type;
        Py_INCREF(type);
    }
    else if (type->tp_flags & Py_TPFLAGS_HAVE_GC) {
        obj = (PyObject *)_PyObject_GC_NewVar(type, nitems + 1);
        if (obj == NULL)
            return NULL;
        memset((char *)obj + sizeof(PyObject), 0, size - sizeof(PyObject));
    }
    else {
        if (type->tp_itemsize)
            obj = (PyObject *)_PyObject_NewVar(type, nitems + 1);
        else
            obj = _PyObject_New(type);
        if (obj == NULL)
            return NULL;
        memset((char *)obj + sizeof(PyObject), 0, size - sizeof(PyObject));
    }
    if (type->tp_itemsize != 0)
        Py_SET_SIZE(obj, nitems);
    if (type->tp_flags & Py_TPFLAGS_INLINE_VALUES) {
        _KrDict_InstanceAllocated(type);
        _KrDict_PrepareInstanceDict(obj);
    }
    if (type->tp_flags & Py_TPFLAGS_HAVE_GC)
        PyObject_GC_Track(obj);
    return obj;
}

void _KrType_HeapFree(void *op)
{
    PyObject *obj = (PyObject *)op;
    PyTypeObject *type = Py_TYPE(obj);
    if (!(type->tp_flags & Py_TPFLAGS_HAVE_GC)) {
        PyObject_Free(op);
        return;
    }
    if (_PyObject_GC_IS_TRACKED(obj))
        PyObject_GC_UnTrack(obj);
    if (type->tp_flags & Py_TPFLAGS_PREHEADER) {
        /* The pre-header is the allocator's GC header; it must read as untracked. */
        PyObject **pre = (PyObject **)obj - 4;
        pre[0] = pre[1] = NULL;
        PyObject_GC_Del((char *)op - sizeof(PyGC_Head));
    }
    else {
        PyObject_GC_Del(op);
    }
}

PyObject *PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

PyObject *_PyType_NewManagedObject(PyTypeObject *type)
{
    return PyType_GenericAlloc(type, 0);
}

int _PyObject_SetManagedDict(PyObject *obj, PyObject *new_dict)
{
    PyObject **p = _PyObject_ManagedDictPtr(obj);
    PyObject *old = *p;
    *p = Py_XNewRef(new_dict);
    if (old != NULL) {
        _KrDict_DetachFromObject(old);
        Py_DECREF(old);
    }
    return 0;
}

/* Drops the instance's __dict__; a dict that outlives the instance stops being its
 * own (which clear() can tell). */
void _PyObject_ClearManagedDict(PyObject *obj)
{
    _PyObject_SetManagedDict(obj, NULL);
}

/* ---- the type type ------------------------------------------------------------------------ */

static PyObject *type_repr(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_name == NULL)
        return PyUnicode_FromFormat("<class at %p>", (void *)type);
    PyObject *mod = _KrType_GetModule(type);
    if (mod == NULL)
        PyErr_Clear();
    else if (!PyUnicode_Check(mod))
        Py_CLEAR(mod);
    PyObject *name = _KrType_GetQualname(type);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    PyObject *res;
    if (mod != NULL && !_PyUnicode_EqualToASCIIString(mod, "builtins"))
        res = PyUnicode_FromFormat("<class '%U.%U'>", mod, name);
    else
        res = PyUnicode_FromFormat("<class '%s'>", type->tp_name);
    Py_XDECREF(mod);
    Py_DECREF(name);
    return res;
}

static PyObject *type_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type == &PyType_Type && PyTuple_Check(args)) {
        Py_ssize_t nargs = PyTuple_GET_SIZE(args);
        if (nargs == 1 && (kwds == NULL || !PyDict_GET_SIZE(kwds)))
            return Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, 0)));
        if (nargs != 3) {
            PyErr_SetString(PyExc_TypeError, "type() takes 1 or 3 arguments");
            return NULL;
        }
    }
    if (type->tp_new == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot create '%s' instances", type->tp_name);
        return NULL;
    }
    PyObject *obj = type->tp_new(type, args, kwds);
    if (obj == NULL)
        return NULL;
    if (!PyObject_TypeCheck(obj, type))
        return obj;
    type = Py_TYPE(obj);
    if (type->tp_init != NULL) {
        int r = type->tp_init(obj, args, kwds);
        if (r < 0) {
            Py_DECREF(obj);
            return NULL;
        }
    }
    return obj;
}

static PyObject *type_vectorcall(PyObject *metatype, PyObject *const *args, size_t nargsf,
                                 PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs == 1 && metatype == (PyObject *)&PyType_Type &&
        (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0))
        return Py_NewRef(Py_TYPE(args[0]));
    PyObject *tuple = _PyTuple_FromArray(args, nargs);
    if (tuple == NULL)
        return NULL;
    PyObject *kwds = NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames)) {
        kwds = _PyStack_AsDict(args + nargs, kwnames);
        if (kwds == NULL) {
            Py_DECREF(tuple);
            return NULL;
        }
    }
    PyObject *res = type_call(metatype, tuple, kwds);
    Py_DECREF(tuple);
    Py_XDECREF(kwds);
    return res;
}

/* Calling a class. The common case — object.__new__ and a Python __init__ — allocates
 * the instance and hands the caller's argument vector straight to __init__ with self in
 * front; everything else (a custom __new__, a C base's constructor, errors about excess
 * arguments) goes through type_call with a tuple, whose messages stay the reference. */
PyObject *_KrType_CallHeapType(PyObject *callable, PyObject *const *args, size_t nargsf,
                               PyObject *kwnames)
{
    PyTypeObject *type = (PyTypeObject *)callable;
    if (Py_TYPE(type)->tp_call == type_call && type->tp_new == _KrObject_New &&
        !(type->tp_flags & Py_TPFLAGS_IS_ABSTRACT)) {
        if (_KrType_HasSlotInit(type)) {
            PyObject *obj = type->tp_alloc(type, 0);
            if (obj == NULL)
                return NULL;
            if (_KrType_InitVector(obj, args, nargsf, kwnames) < 0) {
                Py_DECREF(obj);
                return NULL;
            }
            return obj;
        }
        if (type->tp_init == _KrObject_Init && PyVectorcall_NARGS(nargsf) == 0 &&
            (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0))
            return type->tp_alloc(type, 0);
    }
    return _PyObject_MakeTpCall(callable, args, PyVectorcall_NARGS(nargsf), kwnames);
}

static int type_init(PyObject *cls, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 1 && kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static PyObject *type_new_entry(PyTypeObject *metatype, PyObject *args, PyObject *kwds)
{
    return _KrType_New(metatype, args, kwds);
}

PyObject *_PyType_GetAttroImpl(PyTypeObject *type, PyObject *name, int suppress);

static PyObject *type_getattro_impl(PyTypeObject *type, PyObject *name, int suppress)
{
    PyTypeObject *meta = Py_TYPE(type);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (type->tp_dict == NULL && PyType_Ready(type) < 0)
        return NULL;
    descrgetfunc meta_get = NULL;
    PyObject *meta_attr = _PyType_LookupRef(meta, name);
    if (meta_attr != NULL) {
        meta_get = Py_TYPE(meta_attr)->tp_descr_get;
        if (meta_get != NULL && Py_TYPE(meta_attr)->tp_descr_set != NULL) {
            PyObject *res = meta_get(meta_attr, (PyObject *)type, (PyObject *)meta);
            Py_DECREF(meta_attr);
            if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
                PyErr_Clear();
            return res;
        }
    }
    PyObject *attr = _PyType_LookupRef(type, name);
    if (attr != NULL) {
        Py_XDECREF(meta_attr);
        descrgetfunc local_get = Py_TYPE(attr)->tp_descr_get;
        if (local_get != NULL) {
            PyObject *res = local_get(attr, NULL, (PyObject *)type);
            Py_DECREF(attr);
            if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
                PyErr_Clear();
            return res;
        }
        return attr;
    }
    if (meta_get != NULL) {
        PyObject *res = meta_get(meta_attr, (PyObject *)type, (PyObject *)meta);
        Py_DECREF(meta_attr);
        if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
            PyErr_Clear();
        return res;
    }
    if (meta_attr != NULL)
        return meta_attr;
    if (!suppress) {
        PyErr_Format(PyExc_AttributeError, "type object '%.100s' has no attribute '%U'",
                     type->tp_name, name);
    }
    return NULL;
}

PyObject *_PyType_GetAttroImpl(PyTypeObject *type, PyObject *name, int suppress)
{
    return type_getattro_impl(type, name, suppress);
}

static PyObject *type_getattro(PyObject *self, PyObject *name)
{
    return type_getattro_impl((PyTypeObject *)self, name, 0);
}

static int type_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError, "cannot set %R attribute of immutable type '%s'", name,
                     type->tp_name);
        return -1;
    }
    if (PyUnicode_CheckExact(name)) {
        Py_INCREF(name);
    }
    else {
        name = _PyUnicode_Copy(name);
        if (name == NULL)
            return -1;
    }
    PyUnicode_InternInPlace(&name);
    /* Invalidate first: replacing a value may run arbitrary code (__del__) that must not
     * see a stale cache entry. */
    PyType_Modified(type);
    PyTypeObject *meta = Py_TYPE(type);
    PyObject *descr = _PyType_LookupRef(meta, name);
    int res;
    if (descr != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
        res = Py_TYPE(descr)->tp_descr_set(descr, self, value);
        Py_DECREF(descr);
    }
    else {
        Py_XDECREF(descr);
        if (value == NULL) {
            res = PyDict_DelItem(type->tp_dict, name);
            if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_AttributeError, "type object '%.100s' has no attribute '%U'",
                             type->tp_name, name);
            }
        }
        else {
            res = PyDict_SetItem(type->tp_dict, name, value);
        }
        PyType_Modified(type);
        if (res == 0 && _KrType_IsSlotName(name))
            res = _KrType_UpdateSlot(type, name);
    }
    Py_DECREF(name);
    return res;
}

static void type_dealloc(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    /* Static types are immortal; only heap types come here. */
    PyObject_GC_UnTrack(self);
    if (type->tp_bases != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type->tp_bases); i++) {
            PyObject *b = PyTuple_GET_ITEM(type->tp_bases, i);
            if (PyType_Check(b))
                _KrType_RemoveSubclass((PyTypeObject *)b, type);
        }
    }
    if (type->tp_weaklist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_XDECREF(type->tp_base);
    Py_XDECREF(type->tp_dict);
    Py_XDECREF(type->tp_bases);
    Py_XDECREF(type->tp_mro);
    Py_XDECREF(type->tp_cache);
    Py_XDECREF((PyObject *)type->tp_subclasses);
    PyMem_Free((void *)type->tp_doc);
    Py_XDECREF(et->ht_name);
    Py_XDECREF(et->ht_qualname);
    Py_XDECREF(et->ht_slots);
    Py_XDECREF(et->ht_module);
    PyMem_Free(et->_ht_tpname);
    _PyDictKeys_DecRef((PyDictKeysObject *)et->ht_cached_keys);
    et->ht_cached_keys = NULL;
    /* A heap metaclass is released by the subtype dealloc that called us. */
    Py_TYPE(self)->tp_free(self);
}

static int type_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return 0;
    Py_VISIT(type->tp_dict);
    Py_VISIT(type->tp_cache);
    Py_VISIT(type->tp_mro);
    Py_VISIT(type->tp_bases);
    Py_VISIT((PyObject *)type->tp_base);
    Py_VISIT(((PyHeapTypeObject *)type)->ht_module);
    if (Py_TYPE(type)->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_VISIT(Py_TYPE(type));
    return 0;
}

static int type_clear(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyType_Modified(type);
    if (type->tp_dict != NULL)
        PyDict_Clear(type->tp_dict);
    Py_CLEAR(type->tp_mro);
    return 0;
}

static int type_is_gc(PyObject *self)
{
    return (((PyTypeObject *)self)->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0;
}

/* -- attributes of type objects -- */

static int check_set_special_type_attr(PyTypeObject *type, PyObject *value, const char *name)
{
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name,
                     type->tp_name);
        return 0;
    }
    if (value == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                     name, type->tp_name);
        return 0;
    }
    return 1;
}

static PyObject *type_get_name(PyObject *self, void *c) { return PyType_GetName((PyTypeObject *)self); }

static int type_set_name(PyObject *self, PyObject *value, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__name__"))
        return -1;
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__name__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(value, &len);
    if (s == NULL)
        return -1;
    if ((Py_ssize_t)strlen(s) != len) {
        PyErr_SetString(PyExc_ValueError, "type name must not contain null characters");
        return -1;
    }
    char *copy = PyMem_Malloc((size_t)len + 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, s, (size_t)len + 1);
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    PyMem_Free(et->_ht_tpname);
    et->_ht_tpname = copy;
    type->tp_name = copy;
    Py_SETREF(et->ht_name, Py_NewRef(value));
    return 0;
}

static PyObject *type_get_qualname(PyObject *self, void *c)
{
    return _KrType_GetQualname((PyTypeObject *)self);
}

static int type_set_qualname(PyObject *self, PyObject *value, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__qualname__"))
        return -1;
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_SETREF(((PyHeapTypeObject *)type)->ht_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *type_get_bases(PyObject *self, void *c)
{
    PyObject *b = ((PyTypeObject *)self)->tp_bases;
    return Py_NewRef(b ? b : Py_None);
}

static int mro_subclasses_cb(PyTypeObject *sub, void *arg);

static int mro_hierarchy(PyTypeObject *type)
{
    if (_KrType_MroInternal(type, NULL) < 0)
        return -1;
    return for_each_subclass(type, mro_subclasses_cb, NULL);
}

static int mro_subclasses_cb(PyTypeObject *sub, void *arg) { return mro_hierarchy(sub); }

static int type_set_bases(PyObject *self, PyObject *value, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__bases__"))
        return -1;
    if (!PyTuple_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign tuple to %s.__bases__, not %s",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    if (PyTuple_GET_SIZE(value) == 0) {
        PyErr_Format(PyExc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                     type->tp_name);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(value); i++) {
        PyObject *ob = PyTuple_GET_ITEM(value, i);
        if (!PyType_Check(ob)) {
            PyErr_Format(PyExc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'",
                         type->tp_name, Py_TYPE(ob)->tp_name);
            return -1;
        }
        PyTypeObject *b = (PyTypeObject *)ob;
        if (PyType_IsSubtype(b, type) || (b->tp_mro != NULL && PyType_IsSubtype(b, type))) {
            PyErr_SetString(PyExc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    PyTypeObject *new_base = _KrType_BestBase(value);
    if (new_base == NULL)
        return -1;
    if (!_KrType_CompatibleForAssignment(type->tp_base, new_base, "__bases__"))
        return -1;
    PyObject *old_bases = type->tp_bases;
    PyTypeObject *old_base = type->tp_base;
    type->tp_bases = Py_NewRef(value);
    type->tp_base = (PyTypeObject *)Py_NewRef(new_base);
    PyObject *old_mro = type->tp_mro;
    type->tp_mro = NULL;
    Py_INCREF(old_mro);
    if (mro_hierarchy(type) < 0) {
        Py_XSETREF(type->tp_mro, old_mro);
        Py_SETREF(type->tp_bases, old_bases);
        Py_SETREF(type->tp_base, old_base);
        Py_DECREF(new_base);
        Py_DECREF(value);
        return -1;
    }
    Py_XDECREF(old_mro);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(old_bases); i++)
        _KrType_RemoveSubclass((PyTypeObject *)PyTuple_GET_ITEM(old_bases, i), type);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(value); i++)
        if (_KrType_AddSubclass((PyTypeObject *)PyTuple_GET_ITEM(value, i), type) < 0)
            PyErr_Clear();
    Py_DECREF(old_bases);
    Py_DECREF(old_base);
    PyType_Modified(type);
    _KrType_FixupSlots(type);
    return 0;
}

static PyObject *type_get_mro(PyObject *self, void *c)
{
    PyObject *m = ((PyTypeObject *)self)->tp_mro;
    return Py_NewRef(m ? m : Py_None);
}

static PyObject *type_get_module(PyObject *self, void *c)
{
    return _KrType_GetModule((PyTypeObject *)self);
}

static int type_set_module(PyObject *self, PyObject *value, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__module__"))
        return -1;
    PyType_Modified(type);
    return PyDict_SetItem(type->tp_dict, _Py_ID(__module__), value);
}

static PyObject *type_get_dict(PyObject *self, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_dict == NULL)
        Py_RETURN_NONE;
    return PyDictProxy_New(type->tp_dict);
}

static PyObject *type_get_doc(PyObject *self, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) && type->tp_doc != NULL)
        return doc_from_internal(type->tp_name, type->tp_doc);
    PyObject *res = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__doc__));
    if (res == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    descrgetfunc get = Py_TYPE(res)->tp_descr_get;
    if (get != NULL)
        return get(res, NULL, self);
    return Py_NewRef(res);
}

static int type_set_doc(PyObject *self, PyObject *value, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__doc__"))
        return -1;
    PyType_Modified(type);
    return PyDict_SetItem(type->tp_dict, _Py_ID(__doc__), value);
}

static PyObject *type_get_text_signature(PyObject *self, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    return text_signature_from_internal(type->tp_name, type->tp_doc);
}

static PyObject *type_get_abstractmethods(PyObject *self, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyObject *mod = NULL;
    if (type != &PyType_Type)
        mod = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__abstractmethods__));
    if (mod == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_AttributeError, _Py_ID(__abstractmethods__));
        return NULL;
    }
    return Py_NewRef(mod);
}

static int type_set_abstractmethods(PyObject *self, PyObject *value, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    int abstract, res;
    PyType_Modified(type);
    if (value != NULL) {
        abstract = PyObject_IsTrue(value);
        if (abstract < 0)
            return -1;
        res = PyDict_SetItem(type->tp_dict, _Py_ID(__abstractmethods__), value);
    }
    else {
        abstract = 0;
        res = PyDict_DelItem(type->tp_dict, _Py_ID(__abstractmethods__));
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetObject(PyExc_AttributeError, _Py_ID(__abstractmethods__));
            return -1;
        }
    }
    if (res == 0) {
        if (abstract)
            type->tp_flags |= Py_TPFLAGS_IS_ABSTRACT;
        else
            type->tp_flags &= ~Py_TPFLAGS_IS_ABSTRACT;
    }
    return res;
}

static PyObject *type_get_annotations(PyObject *self, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_Format(PyExc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                     type->tp_name);
        return NULL;
    }
    PyObject *ann = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__annotations__));
    if (ann != NULL) {
        descrgetfunc get = Py_TYPE(ann)->tp_descr_get;
        if (get != NULL)
            return get(ann, NULL, self);
        return Py_NewRef(ann);
    }
    if (PyErr_Occurred())
        return NULL;
    ann = PyDict_New();
    if (ann == NULL)
        return NULL;
    PyType_Modified(type);
    if (PyDict_SetItem(type->tp_dict, _Py_ID(__annotations__), ann) < 0) {
        Py_DECREF(ann);
        return NULL;
    }
    return ann;
}

static int type_set_annotations(PyObject *self, PyObject *value, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError,
                     "cannot set '__annotations__' attribute of immutable type '%s'",
                     type->tp_name);
        return -1;
    }
    PyType_Modified(type);
    if (value != NULL)
        return PyDict_SetItem(type->tp_dict, _Py_ID(__annotations__), value);
    int r = PyDict_DelItem(type->tp_dict, _Py_ID(__annotations__));
    if (r < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        PyErr_SetObject(PyExc_AttributeError, _Py_ID(__annotations__));
    }
    return r;
}

static PyObject *type_get_type_params(PyObject *self, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type == &PyType_Type)
        return PyTuple_New(0);
    PyObject *params = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__type_params__));
    if (params != NULL)
        return Py_NewRef(params);
    if (PyErr_Occurred())
        return NULL;
    return PyTuple_New(0);
}

static int type_set_type_params(PyObject *self, PyObject *value, void *c)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__type_params__"))
        return -1;
    if (!PyTuple_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__type_params__ must be set to a tuple, not %s",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    PyType_Modified(type);
    return PyDict_SetItem(type->tp_dict, _Py_ID(__type_params__), value);
}

static PyGetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {"__type_params__", type_get_type_params, type_set_type_params, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef type_members[] = {
    {"__basicsize__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_basicsize), Py_READONLY, NULL},
    {"__itemsize__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_itemsize), Py_READONLY, NULL},
    {"__flags__", Py_T_ULONG, offsetof(PyTypeObject, tp_flags), Py_READONLY, NULL},
    {"__weakrefoffset__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_weaklistoffset), Py_READONLY, NULL},
    {"__base__", _Py_T_OBJECT, offsetof(PyTypeObject, tp_base), Py_READONLY, NULL},
    {"__dictoffset__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_dictoffset), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *type_mro_method(PyObject *self, PyObject *unused)
{
    PyObject *t = _KrType_Mro((PyTypeObject *)self);
    if (t == NULL)
        return NULL;
    PyObject *l = PySequence_List(t);
    Py_DECREF(t);
    return l;
}

static PyObject *type_subclasses_method(PyObject *self, PyObject *unused)
{
    return _PyType_GetSubclasses((PyTypeObject *)self);
}

static PyObject *type_prepare(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    return PyDict_New();
}

static PyObject *type_instancecheck(PyObject *self, PyObject *inst)
{
    int r;
    PyObject *icls;
    if (PyObject_TypeCheck(inst, (PyTypeObject *)self))
        Py_RETURN_TRUE;
    /* Proxies may lie about their class through __class__. */
    r = PyObject_GetOptionalAttr(inst, _Py_ID(__class__), &icls);
    if (r < 0)
        return NULL;
    r = 0;
    if (icls != NULL) {
        if (icls != (PyObject *)Py_TYPE(inst) && PyType_Check(icls))
            r = PyType_IsSubtype((PyTypeObject *)icls, (PyTypeObject *)self);
        Py_DECREF(icls);
    }
    return PyBool_FromLong(r);
}

static PyObject *type_subclasscheck(PyObject *self, PyObject *sub)
{
    if (PyType_Check(sub))
        return PyBool_FromLong(PyType_IsSubtype((PyTypeObject *)sub, (PyTypeObject *)self));
    PyObject *bases;
    if (PyObject_GetOptionalAttr(sub, _Py_ID(__bases__), &bases) < 0)
        return NULL;
    if (bases == NULL || !PyTuple_Check(bases)) {
        Py_XDECREF(bases);
        PyErr_SetString(PyExc_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    Py_DECREF(bases);
    int r = PyObject_IsSubclass(sub, self);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static int merge_class_dict(PyObject *dict, PyObject *aclass)
{
    PyObject *classdict, *bases;
    if (PyObject_GetOptionalAttr(aclass, _Py_ID(__dict__), &classdict) < 0)
        return -1;
    if (classdict != NULL) {
        int r = PyDict_Update(dict, classdict);
        Py_DECREF(classdict);
        if (r < 0)
            return -1;
    }
    if (PyObject_GetOptionalAttr(aclass, _Py_ID(__bases__), &bases) < 0)
        return -1;
    if (bases != NULL) {
        Py_ssize_t n = PySequence_Size(bases);
        if (n < 0) {
            Py_DECREF(bases);
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *base = PySequence_GetItem(bases, i);
            if (base == NULL) {
                Py_DECREF(bases);
                return -1;
            }
            int r = Py_EnterRecursiveCall(" in __dir__");
            if (r == 0) {
                r = merge_class_dict(dict, base);
                Py_LeaveRecursiveCall();
            }
            Py_DECREF(base);
            if (r < 0) {
                Py_DECREF(bases);
                return -1;
            }
        }
        Py_DECREF(bases);
    }
    return 0;
}

int _KrType_MergeClassDict(PyObject *dict, PyObject *aclass)
{
    return merge_class_dict(dict, aclass);
}

static PyObject *type_dir(PyObject *self, PyObject *unused)
{
    PyObject *dict = PyDict_New();
    if (dict == NULL)
        return NULL;
    PyObject *res = NULL;
    if (merge_class_dict(dict, self) == 0)
        res = PyDict_Keys(dict);
    Py_DECREF(dict);
    return res;
}

static PyObject *type_sizeof(PyObject *self, PyObject *unused)
{
    PyTypeObject *type = (PyTypeObject *)self;
    size_t size;
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        PyHeapTypeObject *et = (PyHeapTypeObject *)type;
        size = sizeof(PyHeapTypeObject);
        /* the shared keys of instance dicts count (created lazily, but fixed-size) */
        if (et->ht_cached_keys != NULL)
            size += (size_t)_PyDict_KeysSize((PyDictKeysObject *)et->ht_cached_keys);
        else if (type->tp_flags & Py_TPFLAGS_MANAGED_DICT)
            size += (size_t)_KrDict_SharedKeysSize();
    }
    else {
        size = sizeof(PyTypeObject);
    }
    return PyLong_FromSize_t(size);
}

static PyMethodDef type_methods[] = {
    {"mro", type_mro_method, METH_NOARGS, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses_method, METH_NOARGS,
     "Return a list of immediate subclasses."},
    {"__prepare__", _PyCFunction_CAST(type_prepare), METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "__prepare__($cls, name, bases, /, **kwds)\n--\n\nCreate the namespace for the class statement"},
    {"__instancecheck__", type_instancecheck, METH_O,
     "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, METH_O,
     "Check if a class is a subclass."},
    {"__dir__", type_dir, METH_NOARGS, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, METH_NOARGS, "Return memory consumption of the type object."},
    {NULL, NULL, 0, NULL},
};

static PyObject *type_or(PyObject *a, PyObject *b) { return _Py_union_type_or(a, b); }

static PyNumberMethods type_as_number = {.nb_or = type_or};

PyTypeObject PyType_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "type",
    .tp_basicsize = sizeof(PyHeapTypeObject),
    .tp_itemsize = sizeof(PyMemberDef),
    .tp_dealloc = type_dealloc,
    .tp_vectorcall_offset = offsetof(PyTypeObject, tp_vectorcall),
    .tp_repr = type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TYPE_SUBCLASS | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_ITEMS_AT_END,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_weaklistoffset = offsetof(PyTypeObject, tp_weaklist),
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getsets,
    .tp_base = &PyBaseObject_Type,
    .tp_dictoffset = offsetof(PyTypeObject, tp_dict),
    .tp_init = type_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = type_new_entry,
    .tp_free = PyObject_GC_Del,
    .tp_is_gc = type_is_gc,
    .tp_vectorcall = type_vectorcall,
};

/* ---- metaclass calculation ------------------------------------------------------------- */

PyTypeObject *_PyType_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases)
{
    PyTypeObject *winner = metatype;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *tmptype = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, tmptype))
            continue;
        if (PyType_IsSubtype(tmptype, winner)) {
            winner = tmptype;
            continue;
        }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}
