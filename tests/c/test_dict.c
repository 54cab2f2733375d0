/* Dict internals: growth points and table sizes, deletion leaving dummies, insertion
 * order across deletes and resizes, popitem LIFO slot reuse, string-key fast path,
 * version tags, the tracking rules for the cycle collector, and key-sharing instance
 * dicts (shared keys, per-dict order, un-sharing, copies, references released). */
#include "Python.h"
#include "../../src/objects/dict_internal.h"
#include "internal/pycore_dict.h"
#include "internal/pycore_freelist.h"

static int failures = 0;

#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond)) {                                                          \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);              \
            failures++;                                                         \
        }                                                                       \
    } while (0)

static PyDictKeysObject *
keys_of(PyObject *d)
{
    return ((PyDictObject *)d)->ma_keys;
}

static Py_ssize_t
count_dummies(PyDictKeysObject *dk)
{
    Py_ssize_t n = 0;
    for (int64_t i = 0; i < DK_SIZE(dk); i++) {
        Py_ssize_t ix;
        if (dk->dk_log2_size < 8)
            ix = ((int8_t *)kr_dk_indices(dk))[i];
        else if (dk->dk_log2_size < 16)
            ix = ((int16_t *)kr_dk_indices(dk))[i];
        else
            ix = ((int32_t *)kr_dk_indices(dk))[i];
        if (ix == DKIX_DUMMY)
            n++;
    }
    return n;
}

static void
test_growth(void)
{
    PyObject *d = PyDict_New();
    CHECK(_PyDict_SizeOf((PyDictObject *)d) == 48);
    /* CPython's growth points: the table grows on inserting key 1, 6, 11, 22, 43, 86 */
    int expected_log2[100];
    int log2 = 0;
    for (int n = 1; n <= 99; n++) {
        if (n == 1)
            log2 = 3;
        else if (n == 6)
            log2 = 4;
        else if (n == 11)
            log2 = 5;
        else if (n == 22)
            log2 = 6;
        else if (n == 43)
            log2 = 7;
        else if (n == 86)
            log2 = 8;
        expected_log2[n] = log2;
    }
    for (int n = 1; n <= 99; n++) {
        PyObject *k = PyLong_FromLong(n * 1000);
        CHECK(PyDict_SetItem(d, k, k) == 0);
        Py_DECREF(k);
        CHECK(keys_of(d)->dk_log2_size == expected_log2[n]);
        CHECK(PyDict_GET_SIZE(d) == n);
    }
    /* 99 general entries in a 256-slot table with 2-byte indices */
    CHECK(_PyDict_SizeOf((PyDictObject *)d) == 48 + 32 + 512 + 170 * 24);
    Py_DECREF(d);
}

static void
test_delete_and_order(void)
{
    PyObject *d = PyDict_New();
    for (long i = 0; i < 5; i++) {
        PyObject *k = PyLong_FromLong(i);
        PyDict_SetItem(d, k, k);
        Py_DECREF(k);
    }
    PyObject *two = PyLong_FromLong(2);
    uint64_t v0 = ((PyDictObject *)d)->ma_version_tag;
    CHECK(PyDict_DelItem(d, two) == 0);
    CHECK(((PyDictObject *)d)->ma_version_tag != v0);
    CHECK(count_dummies(keys_of(d)) == 1);
    CHECK(keys_of(d)->dk_nentries == 5);
    CHECK(PyDict_DelItem(d, two) == -1 && PyErr_ExceptionMatches(PyExc_KeyError));
    PyErr_Clear();
    /* re-inserting appends at the end: order 0 1 3 4 2 */
    PyDict_SetItem(d, two, two);
    long expect[] = {0, 1, 3, 4, 2};
    Py_ssize_t pos = 0, j = 0;
    PyObject *key, *value;
    while (PyDict_Next(d, &pos, &key, &value)) {
        CHECK(PyLong_AsLong(key) == expect[j]);
        j++;
    }
    CHECK(j == 5);
    /* the next insertion exhausts the 5 usable entries: the resize drops the hole */
    PyObject *k9 = PyLong_FromLong(9);
    PyDict_SetItem(d, k9, k9);
    Py_DECREF(k9);
    CHECK(count_dummies(keys_of(d)) == 0);
    CHECK(keys_of(d)->dk_nentries == 6);
    Py_DECREF(two);
    Py_DECREF(d);
}

static void
test_popitem_and_clear(void)
{
    PyObject *d = PyDict_New();
    for (long i = 0; i < 3; i++) {
        PyObject *k = PyLong_FromLong(i);
        PyDict_SetItem(d, k, k);
        Py_DECREF(k);
    }
    PyObject *res = PyObject_CallMethod(d, "popitem", NULL);
    CHECK(res != NULL && PyLong_AsLong(PyTuple_GET_ITEM(res, 0)) == 2);
    Py_XDECREF(res);
    CHECK(keys_of(d)->dk_nentries == 2); /* the trailing slot is reused */
    PyDict_Clear(d);
    CHECK(PyDict_GET_SIZE(d) == 0);
    CHECK(_PyDict_SizeOf((PyDictObject *)d) == 48);
    res = PyObject_CallMethod(d, "popitem", NULL);
    CHECK(res == NULL && PyErr_ExceptionMatches(PyExc_KeyError));
    PyErr_Clear();
    Py_DECREF(d);
}

static void
test_str_keys(void)
{
    PyObject *d = PyDict_New();
    CHECK(PyDict_SetItemString(d, "alpha", Py_None) == 0);
    CHECK(keys_of(d)->dk_kind == KR_DICT_KEYS_UNICODE);
    CHECK(_PyDict_SizeOf((PyDictObject *)d) == 48 + 32 + 8 + 5 * 16);
    /* an equal but distinct string finds the same entry */
    PyObject *k = PyUnicode_FromString("alpha");
    PyObject *v;
    CHECK(PyDict_GetItemRef(d, k, &v) == 1 && v == Py_None);
    Py_XDECREF(v);
    CHECK(PyDict_ContainsString(d, "beta") == 0);
    /* a non-str key turns the table general */
    PyObject *one = PyLong_FromLong(1);
    PyDict_SetItem(d, one, one);
    CHECK(keys_of(d)->dk_kind == KR_DICT_KEYS_GENERAL);
    /* CPython sizes the converted table from 3 * used, which rounds up to 16 */
    CHECK(_PyDict_SizeOf((PyDictObject *)d) == 48 + 32 + 16 + 10 * 24);
    Py_DECREF(one);
    Py_DECREF(k);
    Py_DECREF(d);
}

static void
test_tracking(void)
{
    PyObject *d = PyDict_New();
    CHECK(!_PyObject_GC_IS_TRACKED(d));
    PyObject *k = PyLong_FromLong(5);
    PyDict_SetItem(d, k, k);
    CHECK(!_PyObject_GC_IS_TRACKED(d));
    PyObject *l = PyList_New(0);
    PyDict_SetItem(d, k, l);
    CHECK(_PyObject_GC_IS_TRACKED(d));
    Py_DECREF(l);
    Py_DECREF(k);
    Py_DECREF(d);
}

static void
test_copy_and_merge(void)
{
    PyObject *d = PyDict_New();
    for (long i = 0; i < 6; i++) {
        PyObject *k = PyLong_FromLong(i);
        PyDict_SetItem(d, k, k);
        Py_DECREF(k);
    }
    PyObject *c = PyDict_Copy(d);
    CHECK(c != NULL && PyDict_GET_SIZE(c) == 6);
    CHECK(_PyDict_SizeOf((PyDictObject *)c) == _PyDict_SizeOf((PyDictObject *)d));
    PyObject *m = PyDict_New();
    CHECK(PyDict_Merge(m, d, 1) == 0 && PyDict_GET_SIZE(m) == 6);
    PyObject *zero = PyLong_FromLong(0);
    CHECK(_PyDict_MergeEx(m, d, 2) == -1 && PyErr_ExceptionMatches(PyExc_KeyError));
    PyErr_Clear();
    Py_DECREF(zero);
    Py_DECREF(m);
    Py_DECREF(c);
    Py_DECREF(d);
}

/* A fresh class (like `class name: pass`) and its shared keys. */
static PyObject *
new_class(const char *name)
{
    PyObject *ns = PyDict_New();
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", name, ns);
    Py_DECREF(ns);
    return cls;
}

static PyDictObject *
instance_dict(PyObject *inst)
{
    PyObject *d = PyObject_GenericGetDict(inst, NULL);
    Py_DECREF(d); /* the instance keeps it */
    return (PyDictObject *)d;
}

static void
set_attr(PyObject *o, const char *name, long v)
{
    PyObject *val = PyLong_FromLong(v);
    CHECK(PyObject_SetAttrString(o, name, val) == 0);
    Py_DECREF(val);
}

static void
test_split_basic(void)
{
    PyObject *cls = new_class("C");
    CHECK(cls != NULL);
    PyObject *a = PyObject_CallNoArgs(cls);
    PyObject *b = PyObject_CallNoArgs(cls);
    set_attr(a, "x", 1);
    set_attr(a, "y", 2);
    PyDictObject *da = instance_dict(a);
    PyDictKeysObject *shared = ((PyHeapTypeObject *)cls)->ht_cached_keys;
    CHECK(shared != NULL && da->ma_keys == shared && da->ma_values != NULL);
    CHECK(shared->dk_kind == KR_DICT_KEYS_SPLIT && shared->dk_nentries == 2);
    /* two instances allocated: 30 places, minus one per instance */
    CHECK(shared->dk_nentries + shared->dk_usable == 28);
    CHECK(_PyDict_SizeOf(da) == 48 + 28 * 8);
    /* b adds the same names in another order, plus one more: still shared */
    set_attr(b, "z", 3);
    set_attr(b, "y", 4);
    set_attr(b, "x", 5);
    PyDictObject *db = instance_dict(b);
    CHECK(db->ma_keys == shared && shared->dk_nentries == 3 && shared->dk_refcnt == 3);
    PyObject *zname = PyUnicode_FromString("z");
    CHECK(_PyDictKeys_StringLookup(shared, zname) == 2);
    Py_DECREF(zname);
    CHECK(PyLong_AsLong(_KrDict_SplitValueAt((PyObject *)db, shared, 2)) == 3);
    CHECK(_KrDict_SplitValueAt((PyObject *)da, shared, 2) == NULL);
    PyObject *absent = PyUnicode_FromString("not an attribute");
    CHECK(_PyDictKeys_StringLookup(shared, absent) == DKIX_EMPTY);
    Py_DECREF(absent);
    const char *order[] = {"z", "y", "x"};
    Py_ssize_t pos = 0, j = 0;
    PyObject *key, *value;
    while (PyDict_Next((PyObject *)db, &pos, &key, &value)) {
        CHECK(_PyUnicode_EqualToASCIIString(key, order[j]));
        j++;
    }
    CHECK(j == 3);
    /* deleting keeps the dict split; the name stays in the shared keys */
    CHECK(PyObject_DelAttrString(b, "y") == 0);
    CHECK(db->ma_values != NULL && db->ma_used == 2 && shared->dk_nentries == 3);
    pos = 0;
    CHECK(PyDict_Next((PyObject *)db, &pos, &key, &value) &&
          _PyUnicode_EqualToASCIIString(key, "z"));
    CHECK(PyDict_Next((PyObject *)db, &pos, &key, &value) &&
          _PyUnicode_EqualToASCIIString(key, "x") && PyLong_AsLong(value) == 5);
    CHECK(!PyDict_Next((PyObject *)db, &pos, &key, &value));
    /* a non-str key un-shares only that dict */
    PyObject *one = PyLong_FromLong(1);
    CHECK(PyDict_SetItem((PyObject *)db, one, one) == 0);
    CHECK(db->ma_values == NULL && db->ma_keys != shared && shared->dk_refcnt == 2);
    CHECK(db->ma_keys->dk_kind == KR_DICT_KEYS_GENERAL && db->ma_used == 3);
    CHECK(da->ma_values != NULL);
    Py_DECREF(one);
    Py_DECREF(a);
    Py_DECREF(b);
    CHECK(shared->dk_refcnt == 1);
    Py_DECREF(cls);
}

static void
test_split_full_and_copy(void)
{
    PyObject *cls = new_class("Wide");
    PyObject *a = PyObject_CallNoArgs(cls);
    char name[16];
    for (int i = 0; i < 29; i++) {
        snprintf(name, sizeof name, "f%d", i);
        set_attr(a, name, i);
    }
    PyDictObject *da = instance_dict(a);
    PyDictKeysObject *shared = ((PyHeapTypeObject *)cls)->ht_cached_keys;
    CHECK(da->ma_values != NULL && shared->dk_usable == 0 && shared->dk_nentries == 29);
    /* a copy shares the keys and holds its own references */
    PyObject *val = PyUnicode_FromString("a value nobody else holds");
    CHECK(PyObject_SetAttrString(a, "f3", val) == 0);
    Py_ssize_t rc = Py_REFCNT(val);
    PyObject *c = PyDict_Copy((PyObject *)da);
    CHECK(c != NULL && ((PyDictObject *)c)->ma_keys == shared);
    CHECK(Py_REFCNT(val) == rc + 1 && PyDict_GET_SIZE(c) == 29);
    CHECK(_PyDict_SizeOf((PyDictObject *)c) == 48 + 29 * 8);
    PyDict_Clear(c); /* not an instance's own dict: becomes an empty combined dict */
    CHECK(Py_REFCNT(val) == rc && ((PyDictObject *)c)->ma_values == NULL);
    CHECK(_PyDict_SizeOf((PyDictObject *)c) == 48);
    Py_DECREF(c);
    /* the 30th name does not fit: the dict becomes combined, order kept */
    set_attr(a, "last", 99);
    CHECK(da->ma_values == NULL && da->ma_used == 30 && shared->dk_nentries == 29);
    CHECK(DK_LOG_SIZE(da->ma_keys) == 7); /* from 3 * 29 */
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    CHECK(PyDict_Next((PyObject *)da, &pos, &key, &value) &&
          _PyUnicode_EqualToASCIIString(key, "f0"));
    CHECK(PyObject_DelAttrString(a, "f3") == 0 && Py_REFCNT(val) == rc - 1);
    /* a new instance still starts on the (full) shared keys */
    PyObject *b = PyObject_CallNoArgs(cls);
    set_attr(b, "f28", 1);
    CHECK(instance_dict(b)->ma_values != NULL);
    /* clearing an instance's own dict keeps it split */
    PyDict_Clear((PyObject *)instance_dict(b));
    CHECK(instance_dict(b)->ma_values != NULL && instance_dict(b)->ma_used == 0);
    Py_DECREF(b);
    Py_DECREF(a);
    Py_DECREF(val);
    Py_DECREF(cls);
}

static void
test_split_popitem_and_resize(void)
{
    PyObject *cls = new_class("P");
    PyObject *a = PyObject_CallNoArgs(cls);
    set_attr(a, "p", 1);
    set_attr(a, "q", 2);
    PyDictObject *da = instance_dict(a);
    PyObject *item = PyObject_CallMethod((PyObject *)da, "popitem", NULL);
    CHECK(item != NULL && _PyUnicode_EqualToASCIIString(PyTuple_GET_ITEM(item, 0), "q"));
    Py_XDECREF(item);
    CHECK(da->ma_values == NULL && DK_LOG_SIZE(da->ma_keys) == 6 && da->ma_used == 1);
    CHECK(_PyDict_SizeOf(da) == 48 + 32 + 64 + 42 * 16);
    Py_DECREF(a);
    Py_DECREF(cls);
}

/* Free lists: a freed exact dict or list is handed out again (reset, tracked as a new
 * one would be), at most KR_*_FREELIST_MAX are kept, clearing empties them; an instance's
 * __dict__ holds its values in its own block, and a class whose instances got attributes
 * gives new instances their __dict__ up front. */
static void
test_free_lists(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    _PyObject_ClearFreeLists(interp);
    CHECK(interp->dict_freelist.numfree == 0 && interp->list_freelist.numfree == 0);
    PyObject *d = PyDict_New();
    PyObject *l = PyList_New(3);
    void *dp = d, *lp = l;
    CHECK(PyDict_SetItemString(d, "k", Py_None) == 0);
    Py_DECREF(d);
    Py_DECREF(l);
    CHECK(interp->dict_freelist.numfree == 1 && interp->list_freelist.numfree == 1);
    PyObject *d2 = PyDict_New();
    PyObject *l2 = PyList_New(0);
    CHECK((void *)d2 == dp && (void *)l2 == lp);
    CHECK(PyDict_GET_SIZE(d2) == 0 && PyList_GET_SIZE(l2) == 0 && Py_REFCNT(d2) == 1);
    CHECK(PyDict_GetItemString(d2, "k") == NULL && _PyDict_SizeOf((PyDictObject *)d2) == 48);
    CHECK(PyObject_GC_IsTracked(l2) && ((PyListObject *)l2)->allocated == 0);
    Py_DECREF(d2);
    Py_DECREF(l2);
    PyObject *many[KR_DICT_FREELIST_MAX + 10];
    for (int i = 0; i < KR_DICT_FREELIST_MAX + 10; i++)
        many[i] = PyDict_New();
    for (int i = 0; i < KR_DICT_FREELIST_MAX + 10; i++)
        Py_DECREF(many[i]);
    CHECK(interp->dict_freelist.numfree == KR_DICT_FREELIST_MAX);
    /* dict subclasses are never parked */
    PyObject *sub = PyObject_CallNoArgs((PyObject *)&PyDict_Type);
    Py_DECREF(sub);
    CHECK(interp->dict_freelist.numfree == KR_DICT_FREELIST_MAX);
    _PyObject_ClearFreeLists(interp);
    CHECK(interp->dict_freelist.numfree == 0 && interp->list_freelist.numfree == 0);

    PyObject *cls = new_class("Inline");
    CHECK(PyType_HasFeature((PyTypeObject *)cls, Py_TPFLAGS_INLINE_VALUES));
    PyObject *a = PyObject_CallNoArgs(cls);
    CHECK(*_PyObject_ManagedDictPtr(a) == NULL);
    set_attr(a, "x", 1);
    PyDictObject *da = instance_dict(a);
    CHECK((char *)da->ma_values == (char *)(da + 1));
    PyObject *b = PyObject_CallNoArgs(cls);
    PyDictObject *db = (PyDictObject *)*_PyObject_ManagedDictPtr(b);
    CHECK(db != NULL && db->ma_used == 0 && db->ma_keys == da->ma_keys);
    set_attr(b, "x", 2);
    CHECK(PyLong_AsLong(_KrDict_SplitValueAt((PyObject *)db, da->ma_keys, 0)) == 2);
    /* the dict outlives its instance and then un-shares on clear() */
    Py_INCREF(da);
    Py_DECREF(a);
    CHECK(PyLong_AsLong(PyDict_GetItemString((PyObject *)da, "x")) == 1);
    PyDict_Clear((PyObject *)da);
    CHECK(PyDict_GET_SIZE((PyObject *)da) == 0 && da->ma_values == NULL);
    Py_DECREF(da);
    Py_DECREF(b);
    Py_DECREF(cls);
}

int
main(void)
{
    Py_Initialize();
    test_growth();
    test_delete_and_order();
    test_popitem_and_clear();
    test_str_keys();
    test_tracking();
    test_copy_and_merge();
    test_split_basic();
    test_split_full_and_copy();
    test_split_popitem_and_resize();
    test_free_lists();
    if (failures == 0)
        printf("test_dict: all passed\n");
    return failures != 0;
}
