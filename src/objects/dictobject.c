/* dict: the compact, insertion-ordered hash table (see dict_internal.h for the layout),
 * its C API and the dict type. Views and iterators are in dictviews.c.
 *
 * Probing visits i = hash & mask, then i = (i*5 + perturb + 1) & mask with perturb
 * (initially the hash) shifted right by 5 bits before every step, so that all hash bits
 * take part and every slot is eventually reached. A table holds at most 2/3 of its
 * size in entries; deleting leaves a dummy index slot and a hole in the entry array,
 * both squeezed out by the next resize.
 *
 * Instance __dict__s are split tables (see pycore_dict.h): the keys object is shared by
 * all instances of a class and each dict keeps only its values and its own insertion
 * order. Every operation below checks ma_values first; the few that cannot work on
 * shared keys (non-str keys, a full keys object, popitem) convert the dict to an
 * ordinary table through dictresize. */
#include "Python.h"
#include "dict_internal.h"
#include "internal/pycore_freelist.h"

#define PERTURB_SHIFT 5
#define GROWTH_RATE(d) ((d)->ma_used * 3)

/* The table every empty dict shares: usable 0, so the first insertion replaces it.
 * Its nominal size is 1 slot, which makes merging into an empty dict presize the
 * target (as CPython does, visible through getsizeof). */
static struct {
    struct _dictkeysobject keys;
    int8_t indices[PyDict_MINSIZE];
} kr_empty_keys = {
    {_Py_IMMORTAL_REFCNT, 0, 0, KR_DICT_KEYS_UNICODE, 0, 1, 0, 0},
    {DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY,
     DKIX_EMPTY},
};
#define Py_EMPTY_KEYS (&kr_empty_keys.keys)

uint64_t
_KrDict_NextVersion(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (ts == NULL || ts->interp == NULL)
        return 0;
    return ++ts->interp->dict_version;
}
#define DICT_NEXT_VERSION() _KrDict_NextVersion()

static inline Py_ssize_t
dictkeys_get_index(PyDictKeysObject *keys, size_t i)
{
    int log2size = DK_LOG_SIZE(keys);
    char *ind = kr_dk_indices(keys);
    if (log2size < 8)
        return ((const int8_t *)ind)[i];
    if (log2size < 16)
        return ((const int16_t *)ind)[i];
    if (log2size < 32)
        return ((const int32_t *)ind)[i];
    return (Py_ssize_t)((const int64_t *)ind)[i];
}

static inline void
dictkeys_set_index(PyDictKeysObject *keys, size_t i, Py_ssize_t ix)
{
    int log2size = DK_LOG_SIZE(keys);
    char *ind = kr_dk_indices(keys);
    if (log2size < 8)
        ((int8_t *)ind)[i] = (int8_t)ix;
    else if (log2size < 16)
        ((int16_t *)ind)[i] = (int16_t)ix;
    else if (log2size < 32)
        ((int32_t *)ind)[i] = (int32_t)ix;
    else
        ((int64_t *)ind)[i] = (int64_t)ix;
}

/* log2 of the table size for minsize slots. This is CPython's bit trick, quirk
 * included: sizes 1..7 round up to 16, not 8 (so that getsizeof agrees). */
static inline uint8_t
calculate_log2_keysize(Py_ssize_t minsize)
{
    size_t v = (((size_t)minsize | PyDict_MINSIZE) - 1) | (PyDict_MINSIZE - 1);
    uint8_t bits = 0;
    while (v) {
        bits++;
        v >>= 1;
    }
    return bits;
}

/* Table size whose usable fraction holds n entries without growing. */
static inline uint8_t
estimate_log2_keysize(Py_ssize_t n)
{
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

static inline Py_hash_t
kr_unicode_get_hash(PyObject *o)
{
    return ((PyASCIIObject *)o)->hash;
}

static inline Py_hash_t
kr_hash_key(PyObject *key)
{
    if (PyUnicode_CheckExact(key)) {
        Py_hash_t h = kr_unicode_get_hash(key);
        if (h != -1)
            return h;
    }
    return PyObject_Hash(key);
}

static inline int
kr_may_be_tracked(PyObject *obj)
{
    if (!PyObject_IS_GC(obj))
        return 0;
    if (PyTuple_CheckExact(obj))
        return _PyObject_GC_IS_TRACKED(obj);
    return 1;
}

/* Dicts start untracked and become tracked once they may hold a reference cycle. */
#define MAINTAIN_TRACKING(mp, key, value)                                     \
    do {                                                                      \
        if (!_PyObject_GC_IS_TRACKED((PyObject *)(mp))) {                                \
            if (kr_may_be_tracked(key) || kr_may_be_tracked(value))           \
                PyObject_GC_Track(mp);                                        \
        }                                                                     \
    } while (0)

static void
kr_set_key_error(PyObject *key)
{
    PyObject *exc = PyObject_CallOneArg(PyExc_KeyError, key);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_KeyError, exc);
        Py_DECREF(exc);
    }
}

/* ---- keys objects ----------------------------------------------------------------- */

static PyDictKeysObject *
new_keys_object(uint8_t log2_size, int unicode)
{
    uint8_t log2_bytes;
    if (log2_size < 8)
        log2_bytes = log2_size;
    else if (log2_size < 16)
        log2_bytes = log2_size + 1;
    else if (log2_size < 32)
        log2_bytes = log2_size + 2;
    else
        log2_bytes = log2_size + 3;
    if (log2_size >= 8 * sizeof(Py_ssize_t) - 4) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t usable = USABLE_FRACTION((Py_ssize_t)1 << log2_size);
    size_t size = sizeof(struct _dictkeysobject) + ((size_t)1 << log2_bytes) +
                  sizeof(KrDictEntry) * (size_t)usable;
    PyDictKeysObject *dk = PyMem_Malloc(size);
    if (dk == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    dk->dk_refcnt = 1;
    dk->dk_log2_size = log2_size;
    dk->dk_log2_index_bytes = log2_bytes;
    dk->dk_kind = unicode ? KR_DICT_KEYS_UNICODE : KR_DICT_KEYS_GENERAL;
    dk->dk_pad = 0;
    dk->dk_version = 0;
    dk->dk_usable = usable;
    dk->dk_nentries = 0;
    memset(kr_dk_indices(dk), 0xff, (size_t)1 << log2_bytes);
    memset(kr_dk_entries(dk), 0, sizeof(KrDictEntry) * (size_t)usable);
    return dk;
}

/* Releases a keys object together with the references its live entries own. */
static void
free_keys_object(PyDictKeysObject *keys)
{
    if (keys == Py_EMPTY_KEYS)
        return;
    KrDictEntry *ep = kr_dk_entries(keys);
    Py_ssize_t n = keys->dk_nentries;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_XDECREF(ep[i].me_key);
        Py_XDECREF(ep[i].me_value);
    }
    PyMem_Free(keys);
}

static void
dictkeys_decref(PyDictKeysObject *dk)
{
    if (dk == Py_EMPTY_KEYS)
        return;
    if (--dk->dk_refcnt == 0)
        free_keys_object(dk);
}

/* ---- split tables ------------------------------------------------------------------ */

/* Shared keys: 64 slots (the table never grows), room for KR_SHARED_KEYS_MAX_SIZE names. */
#define SHARED_KEYS_LOG2_SIZE 6

PyDictKeysObject *
_PyDict_NewKeysForClass(void)
{
    PyDictKeysObject *keys = new_keys_object(SHARED_KEYS_LOG2_SIZE, 1);
    if (keys == NULL)
        return NULL;
    keys->dk_usable = KR_SHARED_KEYS_MAX_SIZE;
    keys->dk_kind = KR_DICT_KEYS_SPLIT;
    return keys;
}

void
_PyDictKeys_DecRef(PyDictKeysObject *keys)
{
    if (keys != NULL)
        dictkeys_decref(keys);
}

Py_ssize_t
_PyDict_KeysSize(PyDictKeysObject *dk)
{
    size_t entry = DK_IS_UNICODE(dk) ? 2 * sizeof(PyObject *) : sizeof(KrDictEntry);
    return (Py_ssize_t)(sizeof(struct _dictkeysobject) +
                        ((size_t)1 << dk->dk_log2_index_bytes) +
                        entry * (size_t)USABLE_FRACTION(DK_SIZE(dk)));
}

Py_ssize_t
_KrDict_SharedKeysSize(void)
{
    const Py_ssize_t slots = (Py_ssize_t)1 << SHARED_KEYS_LOG2_SIZE;
    return (Py_ssize_t)sizeof(struct _dictkeysobject) + slots +
           2 * (Py_ssize_t)sizeof(PyObject *) * USABLE_FRACTION(slots);
}

/* Places for names in the shared keys: the used ones and those still free. */
static inline Py_ssize_t
shared_keys_usable_size(PyDictKeysObject *keys)
{
    return keys->dk_nentries + keys->dk_usable;
}

/* Bits of PyDictValues.embedded. */
#define KR_VALUES_EMBEDDED 1 /* still the __dict__ of a live instance: clear() keeps it split */
#define KR_VALUES_IN_DICT 2  /* allocated in one block with its dict (never freed alone) */

static PyDictValues *
new_values(Py_ssize_t capacity)
{
    assert(capacity >= 0 && capacity <= KR_SHARED_KEYS_MAX_SIZE);
    PyDictValues *v = PyMem_Malloc(sizeof(PyDictValues) + (size_t)capacity * sizeof(PyObject *));
    if (v == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    v->capacity = (uint8_t)capacity;
    v->size = 0;
    v->embedded = 0;
    for (Py_ssize_t i = 0; i < capacity; i++)
        v->values[i] = NULL;
    return v;
}

/* Releases the values (and the references they hold) of a split dict. */
static void
free_values(PyDictValues *v)
{
    for (Py_ssize_t i = 0; i < v->capacity; i++)
        Py_XDECREF(v->values[i]);
    if (!(v->embedded & KR_VALUES_IN_DICT))
        PyMem_Free(v);
}

static void
values_remove_from_order(PyDictValues *v, Py_ssize_t ix)
{
    int n = v->size;
    int i = 0;
    while (i < n && v->order[i] != ix)
        i++;
    assert(i < n);
    for (; i + 1 < n; i++)
        v->order[i] = v->order[i + 1];
    v->size = (uint8_t)(n - 1);
}

/* Index of an exact str in the shared keys, adding it when absent and there is room;
 * DKIX_EMPTY when the keys are full. */
static Py_ssize_t
insert_split_key(PyDictKeysObject *keys, PyObject *key, Py_hash_t hash)
{
    KrDictEntry *ep0 = kr_dk_entries(keys);
    size_t mask = (size_t)DK_MASK(keys);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = dictkeys_get_index(keys, i);
        if (ix >= 0) {
            KrDictEntry *ep = &ep0[ix];
            if (ep->me_key == key || (ep->me_hash == hash && _PyUnicode_Equal(ep->me_key, key)))
                return ix;
        }
        else if (ix == DKIX_EMPTY) {
            break;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    if (keys->dk_usable <= 0)
        return DKIX_EMPTY;
    /* the shared keys never hold dummies, so the empty slot found is the one to use */
    Py_ssize_t ix = keys->dk_nentries;
    dictkeys_set_index(keys, i, ix);
    KrDictEntry *ep = &ep0[ix];
    ep->me_key = Py_NewRef(key);
    ep->me_hash = hash;
    ep->me_value = NULL;
    keys->dk_nentries++;
    keys->dk_usable--;
    return ix;
}

Py_ssize_t
_PyDictKeys_StringLookup(PyDictKeysObject *keys, PyObject *name)
{
    if (!DK_IS_UNICODE(keys))
        return DKIX_EMPTY;
    Py_hash_t hash = kr_unicode_get_hash(name);
    if (hash == -1)
        hash = PyObject_Hash(name); /* cannot fail for a str */
    KrDictEntry *ep0 = kr_dk_entries(keys);
    size_t mask = (size_t)DK_MASK(keys);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = dictkeys_get_index(keys, i);
        if (ix >= 0) {
            KrDictEntry *ep = &ep0[ix];
            if (ep->me_key == name ||
                (ep->me_hash == hash && _PyUnicode_Equal(ep->me_key, name)))
                return ix;
        }
        else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Index slot of the entry `index` (which must be present). */
static Py_ssize_t
lookdict_index(PyDictKeysObject *k, Py_hash_t hash, Py_ssize_t index)
{
    size_t mask = (size_t)DK_MASK(k);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = dictkeys_get_index(k, i);
        if (ix == index)
            return (Py_ssize_t)i;
        if (ix == DKIX_EMPTY)
            return DKIX_EMPTY; /* cannot happen for a present entry */
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* First index slot on hash's probe path that holds no live entry. */
static Py_ssize_t
find_empty_slot(PyDictKeysObject *keys, Py_hash_t hash)
{
    size_t mask = (size_t)DK_MASK(keys);
    size_t i = (size_t)hash & mask;
    Py_ssize_t ix = dictkeys_get_index(keys, i);
    for (size_t perturb = (size_t)hash; ix >= 0;) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
        ix = dictkeys_get_index(keys, i);
    }
    return (Py_ssize_t)i;
}

static void
build_indices(PyDictKeysObject *keys, KrDictEntry *ep, Py_ssize_t n)
{
    size_t mask = (size_t)DK_MASK(keys);
    for (Py_ssize_t ix = 0; ix != n; ix++, ep++) {
        Py_hash_t hash = ep->me_hash;
        size_t i = (size_t)hash & mask;
        for (size_t perturb = (size_t)hash; dictkeys_get_index(keys, i) != DKIX_EMPTY;) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        dictkeys_set_index(keys, i, ix);
    }
}

/* ---- lookup ------------------------------------------------------------------------- */

/* Finds key: returns its entry index and a borrowed *value_addr, DKIX_EMPTY (and NULL)
 * when missing, DKIX_ERROR when a comparison raised. A comparison may run code that
 * mutates the dict; the search then starts again on the new table. */
static Py_ssize_t
kr_lookup(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value_addr)
{
    PyDictKeysObject *dk;
    KrDictEntry *ep0;
restart:
    dk = mp->ma_keys;
    ep0 = kr_dk_entries(dk);
    size_t mask = (size_t)DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    if (PyUnicode_CheckExact(key) && DK_IS_UNICODE(dk)) {
        /* str == str cannot run Python code: no restarts needed */
        for (;;) {
            Py_ssize_t ix = dictkeys_get_index(dk, i);
            if (ix >= 0) {
                KrDictEntry *ep = &ep0[ix];
                if (ep->me_key == key ||
                    (ep->me_hash == hash && _PyUnicode_Equal(ep->me_key, key))) {
                    *value_addr = mp->ma_values ? mp->ma_values->values[ix] : ep->me_value;
                    return ix;
                }
            }
            else if (ix == DKIX_EMPTY) {
                *value_addr = NULL;
                return DKIX_EMPTY;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
    for (;;) {
        Py_ssize_t ix = dictkeys_get_index(dk, i);
        if (ix >= 0) {
            KrDictEntry *ep = &ep0[ix];
            if (ep->me_key == key) {
                *value_addr = mp->ma_values ? mp->ma_values->values[ix] : ep->me_value;
                return ix;
            }
            if (ep->me_hash == hash) {
                PyObject *startkey = ep->me_key;
                int cmp;
                if (PyUnicode_CheckExact(startkey) && PyUnicode_CheckExact(key)) {
                    cmp = _PyUnicode_Equal(startkey, key);
                }
                else {
                    Py_INCREF(startkey);
                    cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                    Py_DECREF(startkey);
                    if (cmp < 0) {
                        *value_addr = NULL;
                        return DKIX_ERROR;
                    }
                    if (dk != mp->ma_keys || ep->me_key != startkey)
                        goto restart;
                }
                if (cmp > 0) {
                    *value_addr = mp->ma_values ? mp->ma_values->values[ix] : ep->me_value;
                    return ix;
                }
            }
        }
        else if (ix == DKIX_EMPTY) {
            *value_addr = NULL;
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* ---- resizing ----------------------------------------------------------------------- */

/* Rebuilds the table at 2**log2_newsize slots, dropping holes left by deletions. */
static int
dictresize(PyDictObject *mp, uint8_t log2_newsize, int unicode)
{
    PyDictKeysObject *oldkeys = mp->ma_keys;
    if (log2_newsize >= 8 * sizeof(Py_ssize_t) - 4) {
        PyErr_NoMemory();
        return -1;
    }
    unicode = unicode && DK_IS_UNICODE(oldkeys);
    PyDictKeysObject *newkeys = new_keys_object(log2_newsize, unicode);
    if (newkeys == NULL)
        return -1;
    Py_ssize_t numentries = mp->ma_used;
    KrDictEntry *oldentries = kr_dk_entries(oldkeys);
    KrDictEntry *newentries = kr_dk_entries(newkeys);
    PyDictValues *oldvalues = mp->ma_values;
    if (oldvalues != NULL) {
        /* split -> combined: the keys stay shared, the values move over */
        for (Py_ssize_t i = 0; i < numentries; i++) {
            Py_ssize_t index = oldvalues->order[i];
            newentries[i].me_key = Py_NewRef(oldentries[index].me_key);
            newentries[i].me_hash = oldentries[index].me_hash;
            newentries[i].me_value = oldvalues->values[index];
            oldvalues->values[index] = NULL;
        }
        build_indices(newkeys, newentries, numentries);
        newkeys->dk_usable -= numentries;
        newkeys->dk_nentries = numentries;
        mp->ma_keys = newkeys;
        mp->ma_values = NULL;
        free_values(oldvalues);
        dictkeys_decref(oldkeys);
        return 0;
    }
    if (oldkeys->dk_nentries == numentries) {
        memcpy(newentries, oldentries, (size_t)numentries * sizeof(KrDictEntry));
    }
    else {
        KrDictEntry *ep = oldentries;
        for (Py_ssize_t i = 0; i < numentries; i++) {
            while (ep->me_value == NULL)
                ep++;
            newentries[i] = *ep++;
        }
    }
    build_indices(newkeys, newentries, numentries);
    newkeys->dk_usable -= numentries;
    newkeys->dk_nentries = numentries;
    mp->ma_keys = newkeys;
    /* the entries moved: free the old block without touching the references */
    if (oldkeys != Py_EMPTY_KEYS)
        PyMem_Free(oldkeys);
    return 0;
}

static int
insertion_resize(PyDictObject *mp, int unicode)
{
    return dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)), unicode);
}

/* ---- insertion and deletion ------------------------------------------------------------- */

static int
insert_to_emptydict(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyDictKeysObject *newkeys = new_keys_object(PyDict_LOG_MINSIZE, PyUnicode_CheckExact(key));
    if (newkeys == NULL) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    MAINTAIN_TRACKING(mp, key, value);
    size_t hashpos = (size_t)hash & (PyDict_MINSIZE - 1);
    dictkeys_set_index(newkeys, hashpos, 0);
    KrDictEntry *ep = kr_dk_entries(newkeys);
    ep->me_key = key;
    ep->me_hash = hash;
    ep->me_value = value;
    mp->ma_keys = newkeys; /* the old one is the shared empty table */
    mp->ma_used++;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    newkeys->dk_usable--;
    newkeys->dk_nentries++;
    return 0;
}

/* Stores value (stolen) for shared key ix of a split dict. */
static void
insert_split_value(PyDictObject *mp, PyObject *key, PyObject *value, Py_ssize_t ix)
{
    MAINTAIN_TRACKING(mp, key, value);
    PyDictValues *vals = mp->ma_values;
    PyObject *old_value = vals->values[ix];
    vals->values[ix] = value;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    if (old_value == NULL) {
        vals->order[vals->size++] = (uint8_t)ix;
        mp->ma_used++;
    }
    else {
        Py_DECREF(old_value);
    }
}

/* Inserts or replaces; steals both references (also on failure). */
static int
insertdict(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyObject *old_value;
    if (mp->ma_keys == Py_EMPTY_KEYS)
        return insert_to_emptydict(mp, key, hash, value);
    if (!PyUnicode_CheckExact(key) && DK_IS_UNICODE(mp->ma_keys)) {
        if (insertion_resize(mp, 0) < 0)
            goto fail;
    }
    else if (mp->ma_values != NULL) {
        Py_ssize_t ix = insert_split_key(mp->ma_keys, key, hash);
        if (ix != DKIX_EMPTY) {
            insert_split_value(mp, key, value, ix);
            Py_DECREF(key);
            return 0;
        }
        /* no room for another name in the shared keys */
        if (insertion_resize(mp, 1) < 0)
            goto fail;
    }
    Py_ssize_t ix = kr_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        goto fail;
    MAINTAIN_TRACKING(mp, key, value);
    if (ix == DKIX_EMPTY) {
        if (mp->ma_keys->dk_usable <= 0) {
            if (insertion_resize(mp, 1) < 0)
                goto fail;
        }
        PyDictKeysObject *dk = mp->ma_keys;
        if (dk->dk_kind == KR_DICT_KEYS_UNICODE && !PyUnicode_CheckExact(key))
            dk->dk_kind = KR_DICT_KEYS_GENERAL;
        Py_ssize_t hashpos = find_empty_slot(dk, hash);
        dictkeys_set_index(dk, (size_t)hashpos, dk->dk_nentries);
        KrDictEntry *ep = &kr_dk_entries(dk)[dk->dk_nentries];
        ep->me_key = key;
        ep->me_hash = hash;
        ep->me_value = value;
        mp->ma_used++;
        mp->ma_version_tag = DICT_NEXT_VERSION();
        dk->dk_usable--;
        dk->dk_nentries++;
        return 0;
    }
    mp->ma_version_tag = DICT_NEXT_VERSION();
    if (old_value != value) {
        kr_dk_entries(mp->ma_keys)[ix].me_value = value;
        Py_XDECREF(old_value);
    }
    else {
        Py_DECREF(value);
    }
    Py_DECREF(key);
    return 0;
fail:
    Py_DECREF(value);
    Py_DECREF(key);
    return -1;
}

int
_PyDict_SetItem_Take2(PyDictObject *mp, PyObject *key, PyObject *value)
{
    Py_hash_t hash = kr_hash_key(key);
    if (hash == -1) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    return insertdict(mp, key, hash, value);
}

int
PyDict_SetItem(PyObject *op, PyObject *key, PyObject *value)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return _PyDict_SetItem_Take2((PyDictObject *)op, Py_NewRef(key), Py_NewRef(value));
}

int
_PyDict_SetItem_KnownHash(PyObject *op, PyObject *key, PyObject *value, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return insertdict((PyDictObject *)op, Py_NewRef(key), hash, Py_NewRef(value));
}

int
PyDict_SetItemString(PyObject *v, const char *key, PyObject *item)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL)
        return -1;
    PyUnicode_InternInPlace(&kv);
    int err = PyDict_SetItem(v, kv, item);
    Py_DECREF(kv);
    return err;
}

/* Removes entry ix (found at index slot hashpos); the caller holds no reference yet to
 * old_value, which this function takes over (returns it). */
static void
delitem_common(PyDictObject *mp, Py_hash_t hash, Py_ssize_t ix, PyObject **old_key,
               PyObject **old_value)
{
    PyDictKeysObject *dk = mp->ma_keys;
    if (mp->ma_values != NULL) {
        /* the name stays in the shared keys; only this dict forgets it */
        PyDictValues *vals = mp->ma_values;
        *old_key = Py_NewRef(kr_dk_entries(dk)[ix].me_key);
        *old_value = vals->values[ix];
        vals->values[ix] = NULL;
        values_remove_from_order(vals, ix);
        mp->ma_used--;
        mp->ma_version_tag = DICT_NEXT_VERSION();
        return;
    }
    Py_ssize_t hashpos = lookdict_index(dk, hash, ix);
    mp->ma_used--;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    dictkeys_set_index(dk, (size_t)hashpos, DKIX_DUMMY);
    KrDictEntry *ep = &kr_dk_entries(dk)[ix];
    *old_key = ep->me_key;
    *old_value = ep->me_value;
    ep->me_key = NULL;
    ep->me_value = NULL;
}

int
_PyDict_DelItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyDictObject *mp = (PyDictObject *)op;
    PyObject *old_value;
    Py_ssize_t ix = kr_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY || old_value == NULL) {
        kr_set_key_error(key);
        return -1;
    }
    PyObject *old_key;
    delitem_common(mp, hash, ix, &old_key, &old_value);
    Py_DECREF(old_key);
    Py_DECREF(old_value);
    return 0;
}

int
PyDict_DelItem(PyObject *op, PyObject *key)
{
    Py_hash_t hash = kr_hash_key(key);
    if (hash == -1)
        return -1;
    return _PyDict_DelItem_KnownHash(op, key, hash);
}

int
PyDict_DelItemString(PyObject *op, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL)
        return -1;
    int err = PyDict_DelItem(op, kv);
    Py_DECREF(kv);
    return err;
}

/* Pops key: 1 and *result (new ref) when found, 0 when missing, -1 on error. */
static int
pop_lock_held(PyDictObject *mp, PyObject *key, PyObject **result)
{
    if (mp->ma_used == 0) {
        if (result)
            *result = NULL;
        return 0;
    }
    Py_hash_t hash = kr_hash_key(key);
    if (hash == -1) {
        if (result)
            *result = NULL;
        return -1;
    }
    PyObject *old_value;
    Py_ssize_t ix = kr_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR) {
        if (result)
            *result = NULL;
        return -1;
    }
    if (ix == DKIX_EMPTY || old_value == NULL) {
        if (result)
            *result = NULL;
        return 0;
    }
    PyObject *old_key;
    delitem_common(mp, hash, ix, &old_key, &old_value);
    Py_DECREF(old_key);
    if (result)
        *result = old_value;
    else
        Py_DECREF(old_value);
    return 1;
}

int
PyDict_Pop(PyObject *op, PyObject *key, PyObject **result)
{
    if (!PyDict_Check(op)) {
        if (result)
            *result = NULL;
        PyErr_BadInternalCall();
        return -1;
    }
    return pop_lock_held((PyDictObject *)op, key, result);
}

int
PyDict_PopString(PyObject *op, const char *key, PyObject **result)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        if (result)
            *result = NULL;
        return -1;
    }
    int r = PyDict_Pop(op, kv, result);
    Py_DECREF(kv);
    return r;
}

PyObject *
_PyDict_Pop(PyObject *dict, PyObject *key, PyObject *deflt)
{
    PyObject *result;
    int r = PyDict_Pop(dict, key, &result);
    if (r < 0)
        return NULL;
    if (r == 0) {
        if (deflt != NULL)
            return Py_NewRef(deflt);
        kr_set_key_error(key);
        return NULL;
    }
    return result;
}

void
PyDict_Clear(PyObject *op)
{
    if (!PyDict_Check(op))
        return;
    PyDictObject *mp = (PyDictObject *)op;
    PyDictKeysObject *oldkeys = mp->ma_keys;
    PyDictValues *oldvalues = mp->ma_values;
    if (oldkeys == Py_EMPTY_KEYS)
        return;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    if (oldvalues != NULL && (oldvalues->embedded & KR_VALUES_EMBEDDED)) {
        /* an instance's own __dict__ stays on its class's shared keys (as in CPython,
         * whose values live inside the instance); take the values out first, since
         * releasing them may run code that uses the dict */
        Py_ssize_t n = oldvalues->capacity;
        PyObject *stack[KR_SHARED_KEYS_MAX_SIZE];
        for (Py_ssize_t i = 0; i < n; i++) {
            stack[i] = oldvalues->values[i];
            oldvalues->values[i] = NULL;
        }
        oldvalues->size = 0;
        mp->ma_used = 0;
        for (Py_ssize_t i = 0; i < n; i++)
            Py_XDECREF(stack[i]);
        return;
    }
    /* detach first: releasing the items may run code that uses the dict */
    mp->ma_keys = Py_EMPTY_KEYS;
    mp->ma_values = NULL;
    mp->ma_used = 0;
    if (oldvalues != NULL)
        free_values(oldvalues);
    dictkeys_decref(oldkeys);
}

/* ---- reading ------------------------------------------------------------------------ */

PyObject *
_PyDict_GetItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *value;
    Py_ssize_t ix = kr_lookup((PyDictObject *)op, key, hash, &value);
    if (ix < 0)
        return NULL;
    return value;
}

PyObject *
PyDict_GetItemWithError(PyObject *op, PyObject *key)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_hash_t hash = kr_hash_key(key);
    if (hash == -1)
        return NULL;
    PyObject *value;
    Py_ssize_t ix = kr_lookup((PyDictObject *)op, key, hash, &value);
    if (ix < 0)
        return NULL;
    return value;
}

PyObject *
PyDict_GetItem(PyObject *op, PyObject *key)
{
    if (!PyDict_Check(op))
        return NULL;
    /* errors are swallowed, but an exception already set must survive */
    PyObject *exc = PyErr_GetRaisedException();
    Py_hash_t hash = kr_hash_key(key);
    PyObject *value = NULL;
    if (hash != -1)
        (void)kr_lookup((PyDictObject *)op, key, hash, &value);
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
    return value;
}

int
PyDict_GetItemRef(PyObject *op, PyObject *key, PyObject **result)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        *result = NULL;
        return -1;
    }
    Py_hash_t hash = kr_hash_key(key);
    if (hash == -1) {
        *result = NULL;
        return -1;
    }
    PyObject *value;
    Py_ssize_t ix = kr_lookup((PyDictObject *)op, key, hash, &value);
    if (ix == DKIX_ERROR) {
        *result = NULL;
        return -1;
    }
    if (value == NULL) {
        *result = NULL;
        return 0;
    }
    *result = Py_NewRef(value);
    return 1;
}

int
PyDict_GetItemStringRef(PyObject *v, const char *key, PyObject **result)
{
    PyObject *key_obj = PyUnicode_FromString(key);
    if (key_obj == NULL) {
        *result = NULL;
        return -1;
    }
    int res = PyDict_GetItemRef(v, key_obj, result);
    Py_DECREF(key_obj);
    return res;
}

PyObject *
_PyDict_GetItemStringWithError(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL)
        return NULL;
    PyObject *rv = PyDict_GetItemWithError(v, kv);
    Py_DECREF(kv);
    return rv;
}

PyObject *
PyDict_GetItemString(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *rv = PyDict_GetItem(v, kv);
    Py_DECREF(kv);
    return rv;
}

int
_PyDict_Contains_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    PyObject *value;
    Py_ssize_t ix = kr_lookup((PyDictObject *)op, key, hash, &value);
    if (ix == DKIX_ERROR)
        return -1;
    return ix != DKIX_EMPTY && value != NULL;
}

int
PyDict_Contains(PyObject *op, PyObject *key)
{
    Py_hash_t hash = kr_hash_key(key);
    if (hash == -1)
        return -1;
    return _PyDict_Contains_KnownHash(op, key, hash);
}

int
PyDict_ContainsString(PyObject *op, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL)
        return -1;
    int res = PyDict_Contains(op, kv);
    Py_DECREF(kv);
    return res;
}

PyObject *
_PyDict_LoadGlobal(PyDictObject *globals, PyDictObject *builtins, PyObject *key)
{
    Py_hash_t hash = kr_hash_key(key);
    if (hash == -1)
        return NULL;
    PyObject *value;
    Py_ssize_t ix = kr_lookup(globals, key, hash, &value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix != DKIX_EMPTY && value != NULL)
        return value;
    ix = kr_lookup(builtins, key, hash, &value);
    if (ix < 0)
        return NULL;
    return value;
}

int
PyDict_SetDefaultRef(PyObject *d, PyObject *key, PyObject *default_value, PyObject **result)
{
    if (!PyDict_Check(d)) {
        PyErr_BadInternalCall();
        if (result)
            *result = NULL;
        return -1;
    }
    PyDictObject *mp = (PyDictObject *)d;
    Py_hash_t hash = kr_hash_key(key);
    if (hash == -1) {
        if (result)
            *result = NULL;
        return -1;
    }
    PyObject *value;
    Py_ssize_t ix = kr_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR) {
        if (result)
            *result = NULL;
        return -1;
    }
    if (ix != DKIX_EMPTY && value != NULL) {
        if (result)
            *result = Py_NewRef(value);
        return 1;
    }
    if (insertdict(mp, Py_NewRef(key), hash, Py_NewRef(default_value)) < 0) {
        if (result)
            *result = NULL;
        return -1;
    }
    if (result)
        *result = Py_NewRef(default_value);
    return 0;
}

PyObject *
PyDict_SetDefault(PyObject *d, PyObject *key, PyObject *defaultobj)
{
    PyObject *result;
    if (PyDict_SetDefaultRef(d, key, defaultobj, &result) < 0)
        return NULL;
    /* borrowed: the dict holds a reference */
    Py_DECREF(result);
    return result;
}

/* ---- iteration and whole-dict operations ------------------------------------------- */

int
_PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue,
             Py_hash_t *phash)
{
    if (!PyDict_Check(op))
        return 0;
    PyDictObject *mp = (PyDictObject *)op;
    Py_ssize_t i = *ppos;
    PyDictKeysObject *dk = mp->ma_keys;
    if (mp->ma_values != NULL) {
        /* positions walk this dict's insertion order */
        PyDictValues *vals = mp->ma_values;
        if (i < 0 || i >= vals->size)
            return 0;
        Py_ssize_t index = vals->order[i];
        KrDictEntry *ep = &kr_dk_entries(dk)[index];
        *ppos = i + 1;
        if (pkey)
            *pkey = ep->me_key;
        if (pvalue)
            *pvalue = vals->values[index];
        if (phash)
            *phash = ep->me_hash;
        return 1;
    }
    Py_ssize_t n = dk->dk_nentries;
    if (i < 0 || i >= n)
        return 0;
    KrDictEntry *ep = &kr_dk_entries(dk)[i];
    while (i < n && ep->me_value == NULL) {
        ep++;
        i++;
    }
    if (i >= n)
        return 0;
    *ppos = i + 1;
    if (pkey)
        *pkey = ep->me_key;
    if (pvalue)
        *pvalue = ep->me_value;
    if (phash)
        *phash = ep->me_hash;
    return 1;
}

int
PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue)
{
    return _PyDict_Next(op, ppos, pkey, pvalue, NULL);
}

Py_ssize_t
_KrDict_LastPos(PyDictObject *d)
{
    if (d->ma_values != NULL)
        return d->ma_values->size - 1;
    return d->ma_keys->dk_nentries - 1;
}

int
_KrDict_PrevItem(PyDictObject *d, Py_ssize_t *pos, PyObject **key, PyObject **value)
{
    Py_ssize_t i = *pos;
    PyDictKeysObject *dk = d->ma_keys;
    if (d->ma_values != NULL) {
        PyDictValues *vals = d->ma_values;
        if (i < 0 || i >= vals->size)
            return 0;
        Py_ssize_t index = vals->order[i];
        *key = kr_dk_entries(dk)[index].me_key;
        *value = vals->values[index];
        *pos = i - 1;
        return 1;
    }
    if (i >= dk->dk_nentries)
        i = dk->dk_nentries - 1;
    if (i < 0)
        return 0;
    KrDictEntry *ep = &kr_dk_entries(dk)[i];
    while (ep->me_value == NULL) {
        if (--i < 0)
            return 0;
        ep--;
    }
    *key = ep->me_key;
    *value = ep->me_value;
    *pos = i - 1;
    return 1;
}

Py_ssize_t
PyDict_Size(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return ((PyDictObject *)mp)->ma_used;
}

/* ---- free list ------------------------------------------------------------------------- */

/* An exact dict object (fields unset, untracked), from the free list when it has one. */
static PyDictObject *
dict_alloc_object(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (ts != NULL && ts->interp->dict_freelist.numfree > 0) {
        PyInterpreterState *interp = ts->interp;
        PyDictObject *mp = interp->dict_freelist.items[--interp->dict_freelist.numfree];
        Py_SET_REFCNT(mp, 1);
        return mp;
    }
    return PyObject_GC_New(PyDictObject, &PyDict_Type);
}

/* Parks a dead exact dict (untracked, fields released); 0 when the list is full. */
static int
dict_park(PyDictObject *mp)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (ts == NULL)
        return 0;
    PyInterpreterState *interp = ts->interp;
    if (interp->dict_freelist.numfree >= KR_DICT_FREELIST_MAX || interp->finalizing)
        return 0;
    interp->dict_freelist.items[interp->dict_freelist.numfree++] = mp;
    return 1;
}

void
_PyDict_ClearFreeList(PyInterpreterState *interp)
{
    while (interp->dict_freelist.numfree > 0)
        PyObject_GC_Del(interp->dict_freelist.items[--interp->dict_freelist.numfree]);
}

static PyObject *
new_dict_with_keys(PyDictKeysObject *keys, Py_ssize_t used)
{
    PyDictObject *mp = dict_alloc_object();
    if (mp == NULL) {
        dictkeys_decref(keys);
        return NULL;
    }
    mp->ma_keys = keys;
    mp->ma_values = NULL;
    mp->ma_used = used;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    return (PyObject *)mp;
}

PyObject *
PyDict_New(void)
{
    return new_dict_with_keys(Py_EMPTY_KEYS, 0);
}

PyObject *
_PyDict_NewPresized(Py_ssize_t minused)
{
    const uint8_t log2_max_presize = 17;
    if (minused <= USABLE_FRACTION(PyDict_MINSIZE))
        return PyDict_New();
    uint8_t log2_newsize;
    if (minused > USABLE_FRACTION((Py_ssize_t)1 << log2_max_presize))
        log2_newsize = log2_max_presize;
    else
        log2_newsize = estimate_log2_keysize(minused);
    PyDictKeysObject *keys = new_keys_object(log2_newsize, 0);
    if (keys == NULL)
        return NULL;
    return new_dict_with_keys(keys, 0);
}

/* Items with keys[i*keys_offset] -> values[i*values_offset]; used by BUILD_MAP. */
PyObject *
_PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset, PyObject *const *values,
                  Py_ssize_t values_offset, Py_ssize_t length)
{
    int unicode = 1;
    PyObject *const *ks = keys;
    for (Py_ssize_t i = 0; i < length; i++) {
        if (!PyUnicode_CheckExact(*ks)) {
            unicode = 0;
            break;
        }
        ks += keys_offset;
    }
    PyObject *dict;
    if (length <= USABLE_FRACTION(PyDict_MINSIZE))
        dict = PyDict_New();
    else {
        PyDictKeysObject *dk = new_keys_object(estimate_log2_keysize(length), unicode);
        if (dk == NULL)
            return NULL;
        dict = new_dict_with_keys(dk, 0);
    }
    if (dict == NULL)
        return NULL;
    ks = keys;
    PyObject *const *vs = values;
    for (Py_ssize_t i = 0; i < length; i++) {
        if (PyDict_SetItem(dict, *ks, *vs) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
        ks += keys_offset;
        vs += values_offset;
    }
    return dict;
}

/* An exact copy of the table (holes included), with new references. */
static PyDictKeysObject *
clone_combined_dict_keys(PyDictObject *orig)
{
    PyDictKeysObject *ok = orig->ma_keys;
    size_t keys_size = sizeof(struct _dictkeysobject) + ((size_t)1 << ok->dk_log2_index_bytes) +
                       sizeof(KrDictEntry) * (size_t)USABLE_FRACTION(DK_SIZE(ok));
    PyDictKeysObject *keys = PyMem_Malloc(keys_size);
    if (keys == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(keys, ok, keys_size);
    keys->dk_refcnt = 1;
    KrDictEntry *ep = kr_dk_entries(keys);
    for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
        if (ep[i].me_value != NULL) {
            Py_INCREF(ep[i].me_key);
            Py_INCREF(ep[i].me_value);
        }
    }
    return keys;
}

static int dict_merge(PyDictObject *mp, PyObject *b, int override);
static PyObject *dict_iter(PyObject *self);

PyObject *
PyDict_Copy(PyObject *o)
{
    if (o == NULL || !PyDict_Check(o)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyDictObject *mp = (PyDictObject *)o;
    if (mp->ma_used == 0)
        return PyDict_New();
    if (mp->ma_values != NULL) {
        /* a copy of a split dict shares the keys too */
        PyDictValues *vals = mp->ma_values;
        PyDictValues *newvals = new_values(shared_keys_usable_size(mp->ma_keys));
        if (newvals == NULL)
            return NULL;
        PyDictObject *new = dict_alloc_object();
        if (new == NULL) {
            free_values(newvals);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < vals->size; i++) {
            Py_ssize_t index = vals->order[i];
            newvals->order[i] = (uint8_t)index;
            newvals->values[index] = Py_NewRef(vals->values[index]);
        }
        newvals->size = vals->size;
        mp->ma_keys->dk_refcnt++;
        new->ma_keys = mp->ma_keys;
        new->ma_values = newvals;
        new->ma_used = mp->ma_used;
        new->ma_version_tag = DICT_NEXT_VERSION();
        if (_PyObject_GC_IS_TRACKED((PyObject *)mp))
            PyObject_GC_Track(new);
        return (PyObject *)new;
    }
    if (Py_TYPE(mp)->tp_iter == dict_iter &&
        mp->ma_used >= (mp->ma_keys->dk_nentries * 2) / 3) {
        PyDictKeysObject *keys = clone_combined_dict_keys(mp);
        if (keys == NULL)
            return NULL;
        PyDictObject *new = (PyDictObject *)new_dict_with_keys(keys, mp->ma_used);
        if (new == NULL)
            return NULL;
        if (_PyObject_GC_IS_TRACKED((PyObject *)mp))
            PyObject_GC_Track(new);
        return (PyObject *)new;
    }
    PyObject *copy = PyDict_New();
    if (copy == NULL)
        return NULL;
    if (dict_merge((PyDictObject *)copy, o, 1) == 0)
        return copy;
    Py_DECREF(copy);
    return NULL;
}

/* override: 0 keep existing keys, 1 replace, 2 raise KeyError(key) on a duplicate. */
static int
dict_merge(PyDictObject *mp, PyObject *b, int override)
{
    if (PyDict_Check(b) && Py_TYPE(b)->tp_iter == dict_iter) {
        PyDictObject *other = (PyDictObject *)b;
        if (other == mp || other->ma_used == 0)
            return 0;
        if (mp->ma_used == 0) {
            override = 1;
            PyDictKeysObject *okeys = other->ma_keys;
            if (mp->ma_values == NULL && other->ma_values == NULL &&
                other->ma_used == okeys->dk_nentries &&
                (DK_LOG_SIZE(okeys) == PyDict_LOG_MINSIZE ||
                 USABLE_FRACTION(DK_SIZE(okeys) / 2) < other->ma_used)) {
                PyDictKeysObject *keys = clone_combined_dict_keys(other);
                if (keys == NULL)
                    return -1;
                dictkeys_decref(mp->ma_keys);
                mp->ma_keys = keys;
                mp->ma_used = other->ma_used;
                mp->ma_version_tag = DICT_NEXT_VERSION();
                if (_PyObject_GC_IS_TRACKED((PyObject *)other) && !_PyObject_GC_IS_TRACKED((PyObject *)mp))
                    PyObject_GC_Track(mp);
                return 0;
            }
        }
        if (USABLE_FRACTION(DK_SIZE(mp->ma_keys)) < other->ma_used) {
            int unicode = DK_IS_UNICODE(other->ma_keys);
            if (dictresize(mp, estimate_log2_keysize(mp->ma_used + other->ma_used),
                           unicode) < 0)
                return -1;
        }
        Py_ssize_t orig_size = other->ma_used;
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        Py_hash_t hash;
        while (_PyDict_Next((PyObject *)other, &pos, &key, &value, &hash)) {
            int err = 0;
            Py_INCREF(key);
            Py_INCREF(value);
            if (override == 1) {
                err = insertdict(mp, Py_NewRef(key), hash, Py_NewRef(value));
            }
            else {
                err = _PyDict_Contains_KnownHash((PyObject *)mp, key, hash);
                if (err == 0)
                    err = insertdict(mp, Py_NewRef(key), hash, Py_NewRef(value));
                else if (err > 0) {
                    if (override != 0) {
                        kr_set_key_error(key);
                        err = -1;
                    }
                    else
                        err = 0;
                }
            }
            Py_DECREF(value);
            Py_DECREF(key);
            if (err != 0)
                return -1;
            if (orig_size != other->ma_used) {
                PyErr_SetString(PyExc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    /* a generic mapping: keys() then __getitem__ */
    PyObject *keys = PyMapping_Keys(b);
    if (keys == NULL)
        return -1;
    PyObject *iter = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (iter == NULL)
        return -1;
    PyObject *key;
    while ((key = PyIter_Next(iter)) != NULL) {
        if (override != 1) {
            int status = PyDict_Contains((PyObject *)mp, key);
            if (status != 0) {
                if (status > 0) {
                    if (override == 0) {
                        Py_DECREF(key);
                        continue;
                    }
                    kr_set_key_error(key);
                }
                Py_DECREF(key);
                Py_DECREF(iter);
                return -1;
            }
        }
        PyObject *value = PyObject_GetItem(b, key);
        if (value == NULL) {
            Py_DECREF(iter);
            Py_DECREF(key);
            return -1;
        }
        int status = PyDict_SetItem((PyObject *)mp, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (status < 0) {
            Py_DECREF(iter);
            return -1;
        }
    }
    Py_DECREF(iter);
    if (PyErr_Occurred())
        return -1;
    return 0;
}

int
PyDict_Merge(PyObject *a, PyObject *b, int override)
{
    if (a == NULL || !PyDict_Check(a) || b == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    return dict_merge((PyDictObject *)a, b, override != 0);
}

int
PyDict_Update(PyObject *a, PyObject *b)
{
    return PyDict_Merge(a, b, 1);
}

int
_PyDict_MergeEx(PyObject *a, PyObject *b, int override)
{
    if (a == NULL || !PyDict_Check(a) || b == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    return dict_merge((PyDictObject *)a, b, override);
}

int
PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override)
{
    PyObject *it = PyObject_GetIter(seq2);
    if (it == NULL)
        return -1;
    Py_ssize_t i;
    PyObject *item = NULL, *fast = NULL;
    for (i = 0;; ++i) {
        fast = NULL;
        item = PyIter_Next(it);
        if (item == NULL) {
            if (PyErr_Occurred())
                goto fail;
            break;
        }
        fast = PySequence_Fast(item, "");
        if (fast == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError))
                PyErr_Format(PyExc_TypeError,
                             "cannot convert dictionary update sequence element #%zd to a sequence",
                             i);
            goto fail;
        }
        Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
        if (n != 2) {
            PyErr_Format(PyExc_ValueError,
                         "dictionary update sequence element #%zd has length %zd; 2 is required",
                         i, n);
            goto fail;
        }
        PyObject *key = Py_NewRef(PySequence_Fast_GET_ITEM(fast, 0));
        PyObject *value = Py_NewRef(PySequence_Fast_GET_ITEM(fast, 1));
        int status;
        if (override)
            status = PyDict_SetItem(d, key, value);
        else
            status = PyDict_SetDefaultRef(d, key, value, NULL);
        Py_DECREF(key);
        Py_DECREF(value);
        if (status < 0)
            goto fail;
        Py_DECREF(fast);
        Py_DECREF(item);
    }
    Py_DECREF(it);
    return 0;
fail:
    Py_XDECREF(item);
    Py_XDECREF(fast);
    Py_DECREF(it);
    return -1;
}

/* Builds a list from the live entries: 0 keys, 1 values, 2 (key, value) tuples. */
static PyObject *
dict_entries_list(PyDictObject *mp, int what)
{
    PyObject *v;
again:
    v = PyList_New(mp->ma_used);
    if (v == NULL)
        return NULL;
    Py_ssize_t n = mp->ma_used;
    if (what == 2) {
        /* allocating the tuples may run the collector, which may resize the dict */
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *item = PyTuple_New(2);
            if (item == NULL) {
                Py_DECREF(v);
                return NULL;
            }
            PyList_SET_ITEM(v, i, item);
        }
        if (n != mp->ma_used) {
            Py_DECREF(v);
            goto again;
        }
    }
    Py_ssize_t pos = 0, j = 0;
    PyObject *key, *value;
    while (_PyDict_Next((PyObject *)mp, &pos, &key, &value, NULL)) {
        if (what == 0)
            PyList_SET_ITEM(v, j, Py_NewRef(key));
        else if (what == 1)
            PyList_SET_ITEM(v, j, Py_NewRef(value));
        else {
            PyObject *item = PyList_GET_ITEM(v, j);
            PyTuple_SET_ITEM(item, 0, Py_NewRef(key));
            PyTuple_SET_ITEM(item, 1, Py_NewRef(value));
        }
        j++;
    }
    return v;
}

PyObject *
PyDict_Keys(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_entries_list((PyDictObject *)mp, 0);
}

PyObject *
PyDict_Values(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_entries_list((PyDictObject *)mp, 1);
}

PyObject *
PyDict_Items(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_entries_list((PyDictObject *)mp, 2);
}

int
_PyDict_HasOnlyStringKeys(PyObject *dict)
{
    PyDictObject *mp = (PyDictObject *)dict;
    if (DK_IS_UNICODE(mp->ma_keys))
        return 1;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value))
        if (!PyUnicode_Check(key))
            return 0;
    return 1;
}

void
_PyDict_MaybeUntrack(PyObject *op)
{
    if (!PyDict_CheckExact(op) || !_PyObject_GC_IS_TRACKED(op))
        return;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(op, &pos, &key, &value)) {
        if (kr_may_be_tracked(value) || kr_may_be_tracked(key))
            return;
    }
    PyObject_GC_UnTrack(op);
}

Py_ssize_t
_PyDict_SizeOf(PyDictObject *mp)
{
    size_t res = (size_t)Py_TYPE(mp)->tp_basicsize;
    PyDictKeysObject *dk = mp->ma_keys;
    /* a split dict counts a pointer per place in the shared keys; the keys themselves
     * are accounted to the class, unless this dict is their last user */
    if (mp->ma_values != NULL)
        res += (size_t)shared_keys_usable_size(dk) * sizeof(PyObject *);
    if (dk != Py_EMPTY_KEYS && dk->dk_refcnt == 1)
        res += (size_t)_PyDict_KeysSize(dk);
    return (Py_ssize_t)res;
}

/* ---- instance dicts ----------------------------------------------------------------- */

PyDictKeysObject *
_KrType_GetCachedKeys(PyTypeObject *tp)
{
    PyHeapTypeObject *et = (PyHeapTypeObject *)tp;
    if (et->ht_cached_keys == NULL) {
        et->ht_cached_keys = _PyDict_NewKeysForClass();
        if (et->ht_cached_keys == NULL)
            return NULL;
    }
    return (PyDictKeysObject *)et->ht_cached_keys;
}

void
_KrDict_InstanceAllocated(PyTypeObject *tp)
{
    /* CPython sizes each instance's inline values by the shared keys' places and
     * gives one free place back per allocation; the places count in getsizeof */
    if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return;
    PyDictKeysObject *keys = _KrType_GetCachedKeys(tp);
    if (keys == NULL) {
        PyErr_Clear();
        return;
    }
    if (keys->dk_usable > 1)
        keys->dk_usable--;
}

PyObject *
_KrDict_NewForObject(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (!(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) || !(tp->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return PyDict_New();
    PyDictKeysObject *keys = _KrType_GetCachedKeys(tp);
    if (keys == NULL)
        return NULL;
    /* One block for the dict and its values: an instance's __dict__ is made for nearly
     * every instance, and CPython needs no allocation at all for it. */
    Py_ssize_t capacity = shared_keys_usable_size(keys);
    PyDictObject *mp = (PyDictObject *)_PyObject_GC_Alloc(
        sizeof(PyDictObject) + sizeof(PyDictValues) + (size_t)capacity * sizeof(PyObject *));
    if (mp == NULL)
        return NULL;
    PyObject_Init((PyObject *)mp, &PyDict_Type);
    PyDictValues *vals = (PyDictValues *)(mp + 1);
    vals->capacity = (uint8_t)capacity;
    vals->size = 0;
    vals->embedded = KR_VALUES_IN_DICT;
    for (Py_ssize_t i = 0; i < capacity; i++)
        vals->values[i] = NULL;
    if (tp->tp_flags & Py_TPFLAGS_INLINE_VALUES) {
        vals->embedded |= KR_VALUES_EMBEDDED;
        /* CPython 3.13 keeps these values inside the instance and so counts one
         * container per instance towards the next collection. Ours is a separate
         * object and is counted (no _KrObject_GC_Uncount): uncounted, collections come
         * at CPython's rate but each instance weighs more, and gc_cycles' peak RSS went
         * from 30.3 MB to 36.4 MB (CPython 31.6 MB). */
    }
    keys->dk_refcnt++;
    mp->ma_keys = keys;
    mp->ma_values = vals;
    mp->ma_used = 0;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    return (PyObject *)mp;
}

void
_KrDict_PrepareInstanceDict(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyDictKeysObject *keys = (PyDictKeysObject *)((PyHeapTypeObject *)tp)->ht_cached_keys;
    if (!(tp->tp_flags & Py_TPFLAGS_INLINE_VALUES) || !(tp->tp_flags & Py_TPFLAGS_HEAPTYPE) ||
        keys == NULL || keys->dk_nentries == 0)
        return;
    PyObject **dictptr = _PyObject_ManagedDictPtr(obj);
    if (*dictptr != NULL)
        return;
    PyObject *dict = _KrDict_NewForObject(obj);
    if (dict == NULL)
        PyErr_Clear(); /* made lazily (and any error raised) by the first store */
    else
        *dictptr = dict;
}

void
_KrDict_DetachFromObject(PyObject *dict)
{
    PyDictObject *mp = (PyDictObject *)dict;
    if (mp->ma_values != NULL)
        mp->ma_values->embedded &= (uint8_t)~KR_VALUES_EMBEDDED;
}

/* ---- the dict type --------------------------------------------------------------------- */

static void
dict_dealloc(PyObject *self)
{
    PyDictObject *mp = (PyDictObject *)self;
    PyObject_GC_UnTrack(mp);
    Py_TRASHCAN_BEGIN(mp, dict_dealloc)
    PyDictKeysObject *keys = mp->ma_keys;
    PyDictValues *values = mp->ma_values;
    mp->ma_keys = Py_EMPTY_KEYS;
    mp->ma_values = NULL;
    mp->ma_used = 0;
    if (values != NULL)
        free_values(values);
    dictkeys_decref(keys);
    if (!PyDict_CheckExact(mp) || !dict_park(mp))
        Py_TYPE(mp)->tp_free((PyObject *)mp);
    Py_TRASHCAN_END
}

static PyObject *
dict_repr(PyObject *self)
{
    PyDictObject *mp = (PyDictObject *)self;
    if (mp->ma_used == 0)
        return PyUnicode_FromString("{}");
    int rc = Py_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("{...}") : NULL;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    writer.min_length = 1 + 4 + (2 + 4) * (mp->ma_used - 1) + 1;
    if (_PyUnicodeWriter_WriteChar(&writer, '{') < 0)
        goto error;
    Py_ssize_t i = 0;
    PyObject *key, *value;
    int first = 1;
    /* the dict may mutate while reprs run: keep references to what is shown */
    while (_PyDict_Next(self, &i, &key, &value, NULL)) {
        Py_INCREF(key);
        Py_INCREF(value);
        if (!first && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto error_kv;
        first = 0;
        PyObject *s = PyObject_Repr(key);
        if (s == NULL)
            goto error_kv;
        int res = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (res < 0 || _PyUnicodeWriter_WriteASCIIString(&writer, ": ", 2) < 0)
            goto error_kv;
        s = PyObject_Repr(value);
        if (s == NULL)
            goto error_kv;
        res = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (res < 0)
            goto error_kv;
        Py_CLEAR(key);
        Py_CLEAR(value);
        continue;
    error_kv:
        Py_DECREF(key);
        Py_DECREF(value);
        goto error;
    }
    writer.overallocate = 0;
    if (_PyUnicodeWriter_WriteChar(&writer, '}') < 0)
        goto error;
    Py_ReprLeave(self);
    return _PyUnicodeWriter_Finish(&writer);
error:
    Py_ReprLeave(self);
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

static Py_ssize_t
dict_length(PyObject *self)
{
    return ((PyDictObject *)self)->ma_used;
}

static PyObject *
dict_subscript(PyObject *self, PyObject *key)
{
    PyDictObject *mp = (PyDictObject *)self;
    Py_hash_t hash = kr_hash_key(key);
    if (hash == -1)
        return NULL;
    PyObject *value;
    Py_ssize_t ix = kr_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || value == NULL) {
        if (!PyDict_CheckExact(mp)) {
            PyObject *missing = _PyObject_LookupSpecial(self, _Py_ID(__missing__));
            if (missing != NULL) {
                PyObject *res = PyObject_CallOneArg(missing, key);
                Py_DECREF(missing);
                return res;
            }
            if (PyErr_Occurred())
                return NULL;
        }
        kr_set_key_error(key);
        return NULL;
    }
    return Py_NewRef(value);
}

static int
dict_ass_sub(PyObject *mp, PyObject *v, PyObject *w)
{
    if (w == NULL)
        return PyDict_DelItem(mp, v);
    return PyDict_SetItem(mp, v, w);
}

static int
dict_contains(PyObject *op, PyObject *key)
{
    return PyDict_Contains(op, key);
}

static int
dict_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyDictObject *mp = (PyDictObject *)op;
    PyDictKeysObject *keys = mp->ma_keys;
    if (mp->ma_values != NULL) {
        /* the shared keys are exact strs, which the collector does not track */
        PyDictValues *vals = mp->ma_values;
        for (Py_ssize_t i = 0; i < vals->size; i++)
            Py_VISIT(vals->values[vals->order[i]]);
        return 0;
    }
    KrDictEntry *ep = kr_dk_entries(keys);
    Py_ssize_t n = keys->dk_nentries;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (ep[i].me_value != NULL) {
            Py_VISIT(ep[i].me_value);
            Py_VISIT(ep[i].me_key);
        }
    }
    return 0;
}

static int
dict_tp_clear(PyObject *op)
{
    PyDict_Clear(op);
    return 0;
}

/* 1 if equal, 0 if not, -1 on error. */
static int
dict_equal(PyDictObject *a, PyDictObject *b)
{
    if (a->ma_used != b->ma_used)
        return 0;
    Py_ssize_t pos = 0;
    PyObject *key, *aval;
    Py_hash_t hash;
    /* a comparison may mutate a: every step reads the current table */
    while (_PyDict_Next((PyObject *)a, &pos, &key, &aval, &hash)) {
        Py_INCREF(aval);
        Py_INCREF(key);
        PyObject *bval;
        Py_ssize_t ix = kr_lookup(b, key, hash, &bval);
        if (ix == DKIX_ERROR) {
            Py_DECREF(key);
            Py_DECREF(aval);
            return -1;
        }
        if (bval == NULL) {
            Py_DECREF(key);
            Py_DECREF(aval);
            return 0;
        }
        Py_INCREF(bval);
        int cmp = PyObject_RichCompareBool(aval, bval, Py_EQ);
        Py_DECREF(key);
        Py_DECREF(aval);
        Py_DECREF(bval);
        if (cmp <= 0)
            return cmp;
    }
    return 1;
}

static PyObject *
dict_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyDict_Check(v) || !PyDict_Check(w) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    int cmp = dict_equal((PyDictObject *)v, (PyDictObject *)w);
    if (cmp < 0)
        return NULL;
    return PyBool_FromLong((op == Py_EQ) == (cmp != 0));
}

static int
dict_update_arg(PyObject *self, PyObject *arg)
{
    if (PyDict_CheckExact(arg))
        return PyDict_Merge(self, arg, 1);
    PyObject *func;
    int r = PyObject_GetOptionalAttr(arg, _Py_ID(keys), &func);
    if (r < 0)
        return -1;
    if (r > 0) {
        Py_DECREF(func);
        return PyDict_Merge(self, arg, 1);
    }
    return PyDict_MergeFromSeq2(self, arg, 1);
}

static int
dict_update_common(PyObject *self, PyObject *args, PyObject *kwds, const char *methname)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!_PyArg_CheckPositional(methname, nargs, 0, 1))
        return -1;
    int result = 0;
    if (nargs == 1)
        result = dict_update_arg(self, PyTuple_GET_ITEM(args, 0));
    if (result == 0 && kwds != NULL && PyDict_GET_SIZE(kwds) != 0)
        result = PyDict_Merge(self, kwds, 1);
    return result;
}

static PyObject *
dict_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    PyDictObject *d = (PyDictObject *)self;
    d->ma_used = 0;
    d->ma_version_tag = DICT_NEXT_VERSION();
    d->ma_keys = Py_EMPTY_KEYS;
    d->ma_values = NULL;
    /* an exact empty dict cannot be in a cycle yet (MAINTAIN_TRACKING re-tracks it) */
    if (type == &PyDict_Type && _PyObject_GC_IS_TRACKED(self))
        PyObject_GC_UnTrack(self);
    return self;
}

static int
dict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return dict_update_common(self, args, kwds, "dict");
}

static PyObject *
dict_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("dict", nargs, 0, 1))
        return NULL;
    PyObject *self = dict_new((PyTypeObject *)type, NULL, NULL);
    if (self == NULL)
        return NULL;
    if (nargs == 1) {
        if (dict_update_arg(self, args[0]) < 0) {
            Py_DECREF(self);
            return NULL;
        }
        args++;
    }
    if (kwnames != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            if (PyDict_SetItem(self, PyTuple_GET_ITEM(kwnames, i), args[i]) < 0) {
                Py_DECREF(self);
                return NULL;
            }
        }
    }
    return self;
}

static PyObject *
dict_or(PyObject *self, PyObject *other)
{
    if (!PyDict_Check(self) || !PyDict_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *new = PyDict_Copy(self);
    if (new == NULL)
        return NULL;
    if (dict_update_arg(new, other)) {
        Py_DECREF(new);
        return NULL;
    }
    return new;
}

static PyObject *
dict_ior(PyObject *self, PyObject *other)
{
    if (dict_update_arg(self, other))
        return NULL;
    return Py_NewRef(self);
}

/* ---- methods ------------------------------------------------------------------------- */

static PyObject *
dict_getitem_meth(PyObject *self, PyObject *key)
{
    return dict_subscript(self, key);
}

static PyObject *
dict_contains_meth(PyObject *self, PyObject *key)
{
    int r = PyDict_Contains(self, key);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *
dict_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2))
        return NULL;
    PyObject *key = args[0];
    PyObject *default_value = nargs > 1 ? args[1] : Py_None;
    Py_hash_t hash = kr_hash_key(key);
    if (hash == -1)
        return NULL;
    PyObject *val;
    Py_ssize_t ix = kr_lookup((PyDictObject *)self, key, hash, &val);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || val == NULL)
        val = default_value;
    return Py_NewRef(val);
}

static PyObject *
dict_setdefault(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setdefault", nargs, 1, 2))
        return NULL;
    PyObject *val;
    if (PyDict_SetDefaultRef(self, args[0], nargs > 1 ? args[1] : Py_None, &val) < 0)
        return NULL;
    return val;
}

static PyObject *
dict_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pop", nargs, 1, 2))
        return NULL;
    return _PyDict_Pop(self, args[0], nargs > 1 ? args[1] : NULL);
}

static PyObject *
dict_popitem(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyDictObject *mp = (PyDictObject *)self;
    /* allocate the result first: allocation may trigger a collection */
    PyObject *res = PyTuple_New(2);
    if (res == NULL)
        return NULL;
    if (mp->ma_used == 0) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    if (mp->ma_values != NULL && dictresize(mp, DK_LOG_SIZE(mp->ma_keys), 1) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    PyDictKeysObject *dk = mp->ma_keys;
    Py_ssize_t i = dk->dk_nentries - 1;
    KrDictEntry *ep0 = kr_dk_entries(dk);
    while (i >= 0 && ep0[i].me_value == NULL)
        i--;
    KrDictEntry *ep = &ep0[i];
    Py_ssize_t j = lookdict_index(dk, ep->me_hash, i);
    dictkeys_set_index(dk, (size_t)j, DKIX_DUMMY);
    PyTuple_SET_ITEM(res, 0, ep->me_key);
    PyTuple_SET_ITEM(res, 1, ep->me_value);
    ep->me_key = NULL;
    ep->me_value = NULL;
    /* the trailing slot can be reused by the next insertion */
    dk->dk_nentries = i;
    mp->ma_used--;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    return res;
}

static PyObject *
dict_update(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (dict_update_common(self, args, kwds, "update") != -1)
        Py_RETURN_NONE;
    return NULL;
}

static PyObject *
dict_fromkeys(PyObject *cls, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("fromkeys", nargs, 1, 2))
        return NULL;
    PyObject *iterable = args[0];
    PyObject *value = nargs > 1 ? args[1] : Py_None;
    PyObject *d = PyObject_CallNoArgs(cls);
    if (d == NULL)
        return NULL;
    if (PyDict_CheckExact(d) && ((PyDictObject *)d)->ma_used == 0) {
        PyDictObject *mp = (PyDictObject *)d;
        if (PyDict_CheckExact(iterable)) {
            PyDictObject *src = (PyDictObject *)iterable;
            if (dictresize(mp, estimate_log2_keysize(src->ma_used),
                           DK_IS_UNICODE(src->ma_keys)) < 0)
                goto fail;
            Py_ssize_t pos = 0;
            PyObject *key, *oldvalue;
            Py_hash_t hash;
            while (_PyDict_Next(iterable, &pos, &key, &oldvalue, &hash)) {
                if (insertdict(mp, Py_NewRef(key), hash, Py_NewRef(value)) < 0)
                    goto fail;
            }
            return d;
        }
        if (PyAnySet_CheckExact(iterable)) {
            if (dictresize(mp, estimate_log2_keysize(PySet_GET_SIZE(iterable)), 0) < 0)
                goto fail;
            Py_ssize_t pos = 0;
            PyObject *key;
            Py_hash_t hash;
            while (_PySet_NextEntry(iterable, &pos, &key, &hash)) {
                if (insertdict(mp, Py_NewRef(key), hash, Py_NewRef(value)) < 0)
                    goto fail;
            }
            return d;
        }
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        goto fail;
    PyObject *key;
    int status = 0;
    while ((key = PyIter_Next(it)) != NULL) {
        if (PyDict_CheckExact(d))
            status = PyDict_SetItem(d, key, value);
        else
            status = PyObject_SetItem(d, key, value);
        Py_DECREF(key);
        if (status < 0)
            break;
    }
    Py_DECREF(it);
    if (status < 0 || PyErr_Occurred())
        goto fail;
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

static PyObject *
dict_clear_meth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyDict_Clear(self);
    Py_RETURN_NONE;
}

static PyObject *
dict_copy_meth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyDict_Copy(self);
}

static PyObject *
dict_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t(_PyDict_SizeOf((PyDictObject *)self));
}

static PyObject *
dict_keys_meth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _KrDictView_New(self, &PyDictKeys_Type);
}

static PyObject *
dict_values_meth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _KrDictView_New(self, &PyDictValues_Type);
}

static PyObject *
dict_items_meth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _KrDictView_New(self, &PyDictItems_Type);
}

static PyObject *
dict_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _KrDict_ReversedIter(self);
}

static PyMethodDef dict_methods[] = {
    {"__contains__", (PyCFunction)dict_contains_meth, METH_O | METH_COEXIST,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", (PyCFunction)dict_getitem_meth, METH_O | METH_COEXIST,
     "Return self[key]."},
    {"__sizeof__", (PyCFunction)dict_sizeof, METH_NOARGS,
     "Return the size of the dict in memory, in bytes."},
    {"get", _PyCFunction_CAST(dict_get), METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", _PyCFunction_CAST(dict_setdefault), METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\nReturn the "
     "value for key if key is in the dictionary, else default."},
    {"pop", _PyCFunction_CAST(dict_pop), METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf "
     "the key is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", (PyCFunction)dict_popitem, METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO "
     "(last-in, first-out) order.\nRaises KeyError if the dict is empty."},
    {"keys", (PyCFunction)dict_keys_meth, METH_NOARGS,
     "Return a set-like object providing a view on the dict's keys."},
    {"items", (PyCFunction)dict_items_meth, METH_NOARGS,
     "Return a set-like object providing a view on the dict's items."},
    {"values", (PyCFunction)dict_values_meth, METH_NOARGS,
     "Return an object providing a view on the dict's values."},
    {"update", _PyCFunction_CAST(dict_update), METH_VARARGS | METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F.\nIf E is "
     "present and has a .keys() method, then does:  for k in E.keys(): D[k] = E[k]\nIf E "
     "is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn "
     "either case, this is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", _PyCFunction_CAST(dict_fromkeys), METH_FASTCALL | METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", (PyCFunction)dict_clear_meth, METH_NOARGS,
     "Remove all items from the dict."},
    {"copy", (PyCFunction)dict_copy_meth, METH_NOARGS,
     "Return a shallow copy of the dict."},
    {"__reversed__", (PyCFunction)dict_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", (PyCFunction)Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods dict_as_sequence = {
    .sq_contains = dict_contains,
};

static PyMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_sub,
};

static PyNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

static PyObject *
dict_iter(PyObject *self)
{
    return _KrDict_Iter(self);
}

PyTypeObject PyDict_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict",
    .tp_basicsize = sizeof(PyDictObject),
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_DICT_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_MAPPING,
    .tp_doc = "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized "
              "from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new "
              "dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n   "
              "     d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value "
              "pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_methods = dict_methods,
    .tp_init = dict_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = dict_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = dict_vectorcall,
};
