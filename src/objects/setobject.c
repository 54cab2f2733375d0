/* set and frozenset: an open-addressing table of (key, hash) entries.
 *
 * Probing looks at a short run of neighbouring slots (LINEAR_PROBES) before jumping with
 * the perturbed recurrence i = i*5 + 1 + perturb, which is cache friendly and still
 * reaches every slot. Deleted entries become dummies (hash -1) that insertion reuses.
 * Tables start in the 8 inline slots and grow when fill*5 >= mask*3. Every detail that
 * decides where a key lands (and so the iteration order) follows CPython, because
 * programs print sets. */
#include "Python.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* Marker for deleted entries: a private immortal object. */
static PyObject kr_set_dummy_struct = {_Py_IMMORTAL_REFCNT, &_PyNone_Type};
#define dummy (&kr_set_dummy_struct)

#define DISCARD_NOTFOUND 0
#define DISCARD_FOUND 1

static PyObject *make_new_set(PyTypeObject *type, PyObject *iterable);

static inline Py_hash_t
kr_set_hash(PyObject *key)
{
    if (PyUnicode_CheckExact(key)) {
        Py_hash_t h = ((PyASCIIObject *)key)->hash;
        if (h != -1)
            return h;
    }
    else if (PyLong_CheckExact(key) && _PyLong_IsCompact((PyLongObject *)key)) {
        /* a one-digit int is its own hash (below the modulus), except that -1 is
         * reserved for errors */
        Py_hash_t h = (Py_hash_t)_PyLong_CompactValue((PyLongObject *)key);
        return h == -1 ? -2 : h;
    }
    return PyObject_Hash(key);
}

/* Equality of two distinct keys with equal hashes when it can be decided without
 * running Python code (exact str, int or float on both sides): 1 equal, 0 unequal,
 * -1 undecided. Deciding here also means the table cannot change under us. */
static inline int
kr_set_keys_equal_fast(PyObject *a, PyObject *b)
{
    PyTypeObject *ta = Py_TYPE(a);
    if (ta != Py_TYPE(b))
        return -1;
    if (ta == &PyUnicode_Type)
        return _PyUnicode_Equal(a, b);
    if (ta == &PyLong_Type) {
        PyLongObject *la = (PyLongObject *)a, *lb = (PyLongObject *)b;
        if (la->long_value.lv_tag != lb->long_value.lv_tag)
            return 0;
        Py_ssize_t n = _PyLong_DigitCount(la);
        for (Py_ssize_t k = 0; k < n; k++) {
            if (la->long_value.ob_digit[k] != lb->long_value.ob_digit[k])
                return 0;
        }
        return 1;
    }
    if (ta == &PyFloat_Type)
        return PyFloat_AS_DOUBLE(a) == PyFloat_AS_DOUBLE(b);
    return -1;
}

/* The generic comparison of an entry's key with key, which may run arbitrary code:
 * 1 equal, 0 unequal, -1 error, 2 when the comparison mutated the table so the
 * search has to start again. */
static int
set_compare_slow(PySetObject *so, setentry *entry, PyObject *startkey, PyObject *key)
{
    setentry *table = so->table;
    Py_INCREF(startkey);
    int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
    Py_DECREF(startkey);
    if (cmp < 0)
        return -1;
    if (table != so->table || entry->key != startkey)
        return 2;
    return cmp;
}

/* Number of slots probed from index i before the next perturbed jump. */
#define KR_SET_RUN(i, mask) (((i) + LINEAR_PROBES <= (mask)) ? LINEAR_PROBES + 1 : 1)

/* set_lookkey's general case, resumed at entry (inside the run that starts at index i)
 * with the probe state the fast loop had reached. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static setentry *
set_lookkey_resume(PySetObject *so, PyObject *key, Py_hash_t hash, size_t i,
                   size_t perturb, setentry *entry)
{
    size_t mask = (size_t)so->mask;
    for (;;) {
        setentry *end = &so->table[i] + KR_SET_RUN(i, mask);
        for (; entry != end; entry++) {
            if (entry->hash == hash) {
                PyObject *startkey = entry->key;
                if (startkey == key || startkey == NULL)
                    return entry;
                int eq = kr_set_keys_equal_fast(startkey, key);
                if (eq < 0) {
                    eq = set_compare_slow(so, entry, startkey, key);
                    if (eq < 0)
                        return NULL;
                    if (eq == 2) {
                        mask = (size_t)so->mask;
                        perturb = (size_t)hash;
                        i = (size_t)hash & mask;
                        entry = &so->table[i];
                        goto next_run;
                    }
                    mask = (size_t)so->mask;
                }
                if (eq)
                    return entry;
            }
            else if (entry->key == NULL) {
                return entry;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        entry = &so->table[i];
    next_run:;
    }
}

/* Whether a compact exact int startkey equals key, or -1 when that takes the general
 * comparison (key or startkey of another type, or big). */
static inline int
kr_set_small_int_eq(PyObject *startkey, PyObject *key)
{
    if (Py_TYPE(startkey) != &PyLong_Type || Py_TYPE(key) != &PyLong_Type)
        return -1;
    PyLongObject *a = (PyLongObject *)startkey, *b = (PyLongObject *)key;
    if (!_PyLong_IsCompact(a) || !_PyLong_IsCompact(b))
        return -1;
    return a->long_value.lv_tag == b->long_value.lv_tag &&
           a->long_value.ob_digit[0] == b->long_value.ob_digit[0];
}

/* One probe of set_lookkey's fast loop at entry e: returns when the search ends there,
 * falls through to the next slot otherwise. */
#define KR_SET_PROBE(e)                                                                   \
    do {                                                                                  \
        setentry *e_ = (e);                                                               \
        if (e_->hash == hash) {                                                           \
            PyObject *sk_ = e_->key;                                                      \
            if (sk_ == key || sk_ == NULL)                                                \
                return e_;                                                                \
            int eq_ = kr_set_small_int_eq(sk_, key);                                      \
            if (eq_ < 0)                                                                  \
                return set_lookkey_resume(so, key, hash, i, perturb, e_);                 \
            if (eq_)                                                                      \
                return e_;                                                                \
        }                                                                                 \
        else if (e_->key == NULL) {                                                       \
            return e_;                                                                    \
        }                                                                                 \
    } while (0)

/* Entry holding key, or the empty entry that ends its probe sequence; NULL on error.
 * Unused entries have key NULL and hash 0, dummies hash -1 (never a real hash), so
 * one hash comparison rejects most entries and an empty slot is found by its key.
 * Misses scan whole runs through dummies (nqueens-style add/remove churn), so the run
 * is unrolled, and the loop makes no calls (they would cost register saves on every
 * lookup): keys needing more than an identity or small-int check go to
 * set_lookkey_resume. */
static setentry *
set_lookkey(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *table = so->table;
    size_t mask = (size_t)so->mask;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    _Static_assert(LINEAR_PROBES == 9, "the unrolled run below has LINEAR_PROBES + 1 slots");
    for (;;) {
        setentry *entry = &table[i];
        KR_SET_PROBE(entry);
        if (i + LINEAR_PROBES <= mask) {
            KR_SET_PROBE(entry + 1);
            KR_SET_PROBE(entry + 2);
            KR_SET_PROBE(entry + 3);
            KR_SET_PROBE(entry + 4);
            KR_SET_PROBE(entry + 5);
            KR_SET_PROBE(entry + 6);
            KR_SET_PROBE(entry + 7);
            KR_SET_PROBE(entry + 8);
            KR_SET_PROBE(entry + 9);
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}
#undef KR_SET_PROBE

static int set_table_resize(PySetObject *so, Py_ssize_t minused);

/* set_add_entry's general case, for keys whose comparison may run Python code. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int
set_add_entry_generic(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *freeslot, *entry;
    size_t mask, i, perturb;
restart:
    mask = (size_t)so->mask;
    i = (size_t)hash & mask;
    freeslot = NULL;
    perturb = (size_t)hash;
    for (;;) {
        entry = &so->table[i];
        setentry *end = entry + ((i + LINEAR_PROBES <= mask) ? LINEAR_PROBES + 1 : 1);
        do {
            if (entry->hash == hash) {
                PyObject *startkey = entry->key;
                if (startkey == NULL)
                    goto found_unused_or_dummy;
                if (startkey == key)
                    goto found_active;
                int eq = kr_set_keys_equal_fast(startkey, key);
                if (eq < 0) {
                    eq = set_compare_slow(so, entry, startkey, key);
                    if (eq < 0)
                        goto comparison_error;
                    if (eq == 2)
                        goto restart;
                    mask = (size_t)so->mask;
                }
                if (eq)
                    goto found_active;
            }
            else if (entry->key == NULL) {
                goto found_unused_or_dummy;
            }
            else if (entry->hash == -1) {
                /* CPython reuses the last dummy seen before the empty slot; keeping
                 * the same choice keeps iteration orders identical */
                freeslot = entry;
            }
            entry++;
        } while (entry != end);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot == NULL)
        goto found_unused;
    so->used++;
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
found_unused:
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    Py_DECREF(key);
    return 0;
comparison_error:
    Py_DECREF(key);
    return -1;
}

/* Adds key (a new reference, stolen) unless already present. The unrolled fast scan
 * settles identical keys, small ints and misses; anything needing a real comparison
 * starts over in set_add_entry_generic (the scan so far had no side effects). */
static int
set_add_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *freeslot = NULL, *entry;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    setentry *table = so->table;
#define KR_SET_ADD_PROBE(e)                                                              \
    do {                                                                                 \
        entry = (e);                                                                     \
        Py_hash_t h_ = entry->hash;                                                      \
        if (h_ == hash) {                                                                \
            PyObject *sk_ = entry->key;                                                  \
            if (sk_ == NULL)                                                             \
                goto found_unused_or_dummy;                                              \
            if (sk_ == key)                                                              \
                goto found_active;                                                       \
            int eq_ = kr_set_small_int_eq(sk_, key);                                     \
            if (eq_ < 0)                                                                 \
                return set_add_entry_generic(so, key, hash);                             \
            if (eq_)                                                                     \
                goto found_active;                                                       \
        }                                                                                \
        else if (h_ == -1) {                                                             \
            freeslot = entry; /* the last dummy before the empty slot, as CPython */    \
        }                                                                                \
        else if (entry->key == NULL) {                                                   \
            goto found_unused_or_dummy;                                                  \
        }                                                                                \
    } while (0)
    for (;;) {
        setentry *run = &table[i];
        KR_SET_ADD_PROBE(run);
        if (i + LINEAR_PROBES <= mask) {
            KR_SET_ADD_PROBE(run + 1);
            KR_SET_ADD_PROBE(run + 2);
            KR_SET_ADD_PROBE(run + 3);
            KR_SET_ADD_PROBE(run + 4);
            KR_SET_ADD_PROBE(run + 5);
            KR_SET_ADD_PROBE(run + 6);
            KR_SET_ADD_PROBE(run + 7);
            KR_SET_ADD_PROBE(run + 8);
            KR_SET_ADD_PROBE(run + 9);
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
#undef KR_SET_ADD_PROBE
found_unused_or_dummy:
    if (freeslot == NULL)
        goto found_unused;
    so->used++;
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
found_unused:
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    Py_DECREF(key);
    return 0;
}

/* Insertion into a table known to hold neither key nor dummies (resizing, copying). */
static void
set_insert_clean(setentry *table, size_t mask, PyObject *key, Py_hash_t hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    setentry *entry;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL)
            goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

/* Moves everything into a table with more than minused slots (smallest power of two). */
static int
set_table_resize(PySetObject *so, Py_ssize_t minused)
{
    setentry small_copy[PySet_MINSIZE];
    setentry *oldtable = so->table;
    int oldtable_is_malloced = oldtable != so->smalltable;
    size_t newsize = PySet_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    setentry *newtable;
    if (newsize == PySet_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0; /* nothing to squeeze out */
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    }
    else {
        if (newsize > (size_t)PY_SSIZE_T_MAX / sizeof(setentry)) {
            PyErr_NoMemory();
            return -1;
        }
        newtable = PyMem_New(setentry, newsize);
        if (newtable == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    memset(newtable, 0, sizeof(setentry) * newsize);
    Py_ssize_t oldmask = so->mask;
    size_t newmask = newsize - 1;
    so->mask = (Py_ssize_t)newmask;
    so->table = newtable;
    if (so->fill == so->used) {
        for (Py_ssize_t i = 0; i <= oldmask; i++) {
            setentry *entry = &oldtable[i];
            if (entry->key != NULL)
                set_insert_clean(newtable, newmask, entry->key, entry->hash);
        }
    }
    else {
        so->fill = so->used;
        for (Py_ssize_t i = 0; i <= oldmask; i++) {
            setentry *entry = &oldtable[i];
            if (entry->key != NULL && entry->key != dummy)
                set_insert_clean(newtable, newmask, entry->key, entry->hash);
        }
    }
    if (oldtable_is_malloced)
        PyMem_Free(oldtable);
    return 0;
}

static int
set_contains_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *entry = set_lookkey(so, key, hash);
    if (entry != NULL)
        return entry->key != NULL;
    return -1;
}

static int
set_discard_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *entry = set_lookkey(so, key, hash);
    if (entry == NULL)
        return -1;
    if (entry->key == NULL)
        return DISCARD_NOTFOUND;
    PyObject *old_key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    Py_DECREF(old_key);
    return DISCARD_FOUND;
}

static int
set_add_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = kr_set_hash(key);
    if (hash == -1)
        return -1;
    return set_add_entry(so, Py_NewRef(key), hash);
}

static int
set_contains_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = kr_set_hash(key);
    if (hash == -1)
        return -1;
    return set_contains_entry(so, key, hash);
}

static int
set_discard_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = kr_set_hash(key);
    if (hash == -1)
        return -1;
    return set_discard_entry(so, key, hash);
}

static void
set_empty_to_minsize(PySetObject *so)
{
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = PySet_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

static int
set_clear_internal(PySetObject *so)
{
    setentry *table = so->table;
    Py_ssize_t fill = so->fill;
    int table_is_malloced = table != so->smalltable;
    setentry small_copy[PySet_MINSIZE];
    /* detach the old table first: releasing keys may run code that uses the set */
    if (table_is_malloced) {
        set_empty_to_minsize(so);
    }
    else if (fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
        set_empty_to_minsize(so);
    }
    for (setentry *entry = table; fill > 0; ++entry) {
        if (entry->key) {
            --fill;
            if (entry->key != dummy)
                Py_DECREF(entry->key);
        }
    }
    if (table_is_malloced)
        PyMem_Free(table);
    return 0;
}

/* Iterates over live entries by table position (*pos_ptr starts at 0). */
static int
set_next(PySetObject *so, Py_ssize_t *pos_ptr, setentry **entry_ptr)
{
    Py_ssize_t i = *pos_ptr;
    Py_ssize_t mask = so->mask;
    setentry *entry = &so->table[i];
    while (i <= mask && (entry->key == NULL || entry->key == dummy)) {
        i++;
        entry++;
    }
    *pos_ptr = i + 1;
    if (i > mask)
        return 0;
    *entry_ptr = entry;
    return 1;
}

static int
set_merge(PySetObject *so, PyObject *otherset)
{
    PySetObject *other = (PySetObject *)otherset;
    if (other == so || other->used == 0)
        return 0;
    /* one big resize up front, expecting few overlapping keys */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0)
            return -1;
    }
    setentry *so_entry = so->table, *other_entry = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        /* same geometry and no dummies: the layout can be copied slot for slot */
        for (Py_ssize_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            PyObject *key = other_entry->key;
            if (key != NULL) {
                so_entry->key = Py_NewRef(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        setentry *newtable = so->table;
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (Py_ssize_t i = other->mask + 1; i > 0; i--, other_entry++) {
            PyObject *key = other_entry->key;
            if (key != NULL && key != dummy)
                set_insert_clean(newtable, newmask, Py_NewRef(key), other_entry->hash);
        }
        return 0;
    }
    for (Py_ssize_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        PyObject *key = other_entry->key;
        if (key != NULL && key != dummy) {
            if (set_add_entry(so, Py_NewRef(key), other_entry->hash))
                return -1;
        }
    }
    return 0;
}

static int
set_update_internal(PySetObject *so, PyObject *other)
{
    if (PyAnySet_Check(other))
        return set_merge(so, other);
    if (PyDict_CheckExact(other)) {
        Py_ssize_t dictsize = PyDict_GET_SIZE(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + dictsize) * 2) != 0)
                return -1;
        }
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        Py_hash_t hash;
        while (_PyDict_Next(other, &pos, &key, &value, &hash)) {
            if (set_add_entry(so, Py_NewRef(key), hash))
                return -1;
        }
        return 0;
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL)
        return -1;
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        if (set_add_key(so, key)) {
            Py_DECREF(it);
            Py_DECREF(key);
            return -1;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return -1;
    return 0;
}

static PyObject *
make_new_set(PyTypeObject *type, PyObject *iterable)
{
    PySetObject *so = (PySetObject *)type->tp_alloc(type, 0);
    if (so == NULL)
        return NULL;
    so->fill = 0;
    so->used = 0;
    so->mask = PySet_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    if (iterable != NULL) {
        if (set_update_internal(so, iterable)) {
            Py_DECREF(so);
            return NULL;
        }
    }
    return (PyObject *)so;
}

static PyObject *
make_new_set_basetype(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PySet_Type && type != &PyFrozenSet_Type) {
        if (PyType_IsSubtype(type, &PySet_Type))
            type = &PySet_Type;
        else
            type = &PyFrozenSet_Type;
    }
    return make_new_set(type, iterable);
}

/* ---- public C API -------------------------------------------------------------------- */

PyObject *
PySet_New(PyObject *iterable)
{
    return make_new_set(&PySet_Type, iterable);
}

PyObject *
PyFrozenSet_New(PyObject *iterable)
{
    return make_new_set(&PyFrozenSet_Type, iterable);
}

Py_ssize_t
PySet_Size(PyObject *anyset)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return ((PySetObject *)anyset)->used;
}

int
PySet_Clear(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_clear_internal((PySetObject *)set);
}

int
PySet_Contains(PyObject *anyset, PyObject *key)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_contains_key((PySetObject *)anyset, key);
}

int
PySet_Discard(PyObject *set, PyObject *key)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_discard_key((PySetObject *)set, key);
}

int
PySet_Add(PyObject *anyset, PyObject *key)
{
    /* frozensets may be filled while still private to their creator */
    if (!PySet_Check(anyset) && (!PyFrozenSet_Check(anyset) || Py_REFCNT(anyset) != 1)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_add_key((PySetObject *)anyset, key);
}

int
_PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash)
{
    setentry *entry;
    if (!PyAnySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (set_next((PySetObject *)set, pos, &entry) == 0)
        return 0;
    *key = entry->key;
    *hash = entry->hash;
    return 1;
}

static PyObject *set_pop_impl(PySetObject *so);

PyObject *
PySet_Pop(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return set_pop_impl((PySetObject *)set);
}

int
_PySet_Update(PyObject *set, PyObject *iterable)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_update_internal((PySetObject *)set, iterable);
}

/* ---- slots ------------------------------------------------------------------------------ */

static void
set_dealloc(PyObject *self)
{
    PySetObject *so = (PySetObject *)self;
    PyObject_GC_UnTrack(so);
    Py_TRASHCAN_BEGIN(so, set_dealloc)
    if (so->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_ssize_t used = so->used;
    for (setentry *entry = so->table; used > 0; entry++) {
        if (entry->key && entry->key != dummy) {
            used--;
            Py_DECREF(entry->key);
        }
    }
    if (so->table != so->smalltable)
        PyMem_Free(so->table);
    Py_TYPE(so)->tp_free(so);
    Py_TRASHCAN_END
}

static PyObject *
set_repr(PyObject *self)
{
    PySetObject *so = (PySetObject *)self;
    PyObject *result = NULL;
    int status = Py_ReprEnter(self);
    if (status != 0) {
        if (status < 0)
            return NULL;
        return PyUnicode_FromFormat("%s(...)", _PyType_Name(Py_TYPE(so)));
    }
    if (!so->used) {
        Py_ReprLeave(self);
        return PyUnicode_FromFormat("%s()", _PyType_Name(Py_TYPE(so)));
    }
    PyObject *keys = PySequence_List(self);
    if (keys == NULL)
        goto done;
    PyObject *listrepr = PyObject_Repr(keys);
    Py_DECREF(keys);
    if (listrepr == NULL)
        goto done;
    PyObject *tmp = PyUnicode_Substring(listrepr, 1, PyUnicode_GET_LENGTH(listrepr) - 1);
    Py_DECREF(listrepr);
    if (tmp == NULL)
        goto done;
    if (!PySet_CheckExact(so))
        result = PyUnicode_FromFormat("%s({%U})", _PyType_Name(Py_TYPE(so)), tmp);
    else
        result = PyUnicode_FromFormat("{%U}", tmp);
    Py_DECREF(tmp);
done:
    Py_ReprLeave(self);
    return result;
}

static Py_ssize_t
set_len(PyObject *so)
{
    return ((PySetObject *)so)->used;
}

/* `x in s` with a set x looks for frozenset(x), so sets of frozensets work naturally. */
static int
set_contains(PyObject *self, PyObject *key)
{
    PySetObject *so = (PySetObject *)self;
    int rv = set_contains_key(so, key);
    if (rv < 0) {
        if (!PySet_Check(key) || !PyErr_ExceptionMatches(PyExc_TypeError))
            return -1;
        PyErr_Clear();
        PyObject *tmpkey = make_new_set(&PyFrozenSet_Type, key);
        if (tmpkey == NULL)
            return -1;
        rv = set_contains_key(so, tmpkey);
        Py_DECREF(tmpkey);
    }
    return rv;
}

static int
set_traverse(PyObject *self, visitproc visit, void *arg)
{
    PySetObject *so = (PySetObject *)self;
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(so, &pos, &entry))
        Py_VISIT(entry->key);
    return 0;
}

static int
set_tp_clear(PyObject *self)
{
    return set_clear_internal((PySetObject *)self);
}

/* Spreads the bits of entry hashes before xoring them together, so that small
 * differences in element hashes don't cancel out. */
static Py_uhash_t
_shuffle_bits(Py_uhash_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static Py_hash_t
frozenset_hash(PyObject *self)
{
    PySetObject *so = (PySetObject *)self;
    if (so->hash != -1)
        return so->hash;
    Py_uhash_t hash = 0;
    for (setentry *entry = so->table; entry <= &so->table[so->mask]; entry++)
        hash ^= _shuffle_bits((Py_uhash_t)entry->hash);
    /* the xor above also folded in empty (hash 0) and dummy (hash -1) slots: undo that */
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= _shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= _shuffle_bits((Py_uhash_t)-1);
    hash ^= ((Py_uhash_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (Py_uhash_t)-1)
        hash = 590923713UL;
    so->hash = (Py_hash_t)hash;
    return (Py_hash_t)hash;
}

/* ---- set algebra ------------------------------------------------------------------------- */

static PyObject *
set_copy_impl(PySetObject *so)
{
    return make_new_set_basetype(Py_TYPE(so), (PyObject *)so);
}

static PyObject *
set_intersection(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other)
        return set_copy_impl(so);
    PySetObject *result = (PySetObject *)make_new_set_basetype(Py_TYPE(so), NULL);
    if (result == NULL)
        return NULL;
    if (PyAnySet_Check(other)) {
        Py_ssize_t pos = 0;
        setentry *entry;
        if (PySet_GET_SIZE(other) > PySet_GET_SIZE(so)) {
            PyObject *tmp = (PyObject *)so;
            so = (PySetObject *)other;
            other = tmp;
        }
        while (set_next((PySetObject *)other, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            Py_hash_t hash = entry->hash;
            int rv = set_contains_entry(so, key, hash);
            if (rv < 0) {
                Py_DECREF(key);
                Py_DECREF(result);
                return NULL;
            }
            if (rv) {
                if (set_add_entry(result, key, hash)) {
                    Py_DECREF(result);
                    return NULL;
                }
            }
            else
                Py_DECREF(key);
        }
        return (PyObject *)result;
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        Py_hash_t hash = kr_set_hash(key);
        if (hash == -1)
            goto error;
        int rv = set_contains_entry(so, key, hash);
        if (rv < 0)
            goto error;
        if (rv) {
            if (set_add_entry(result, key, hash)) {
                key = NULL;
                goto error;
            }
        }
        else
            Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return (PyObject *)result;
error:
    Py_DECREF(it);
    Py_DECREF(result);
    Py_XDECREF(key);
    return NULL;
}

static PyObject *
set_intersection_multi(PySetObject *so, PyObject *const *others, Py_ssize_t n)
{
    if (n == 0)
        return set_copy_impl(so);
    PyObject *result = Py_NewRef(so);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *newresult = set_intersection((PySetObject *)result, others[i]);
        if (newresult == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        Py_SETREF(result, newresult);
    }
    return result;
}

static void
set_swap_bodies(PySetObject *a, PySetObject *b)
{
    Py_ssize_t t;
    setentry *u;
    setentry tab[PySet_MINSIZE];
    Py_hash_t h;

    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;

    u = a->table;
    if (a->table == a->smalltable)
        u = b->smalltable;
    a->table = b->table;
    if (b->table == b->smalltable)
        a->table = a->smalltable;
    b->table = u;

    if (a->table == a->smalltable || b->table == b->smalltable) {
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }
    if (PyType_IsSubtype(Py_TYPE(a), &PyFrozenSet_Type) &&
        PyType_IsSubtype(Py_TYPE(b), &PyFrozenSet_Type)) {
        h = a->hash; a->hash = b->hash; b->hash = h;
    }
    else {
        a->hash = -1;
        b->hash = -1;
    }
}

static int
set_difference_update_internal(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other)
        return set_clear_internal(so);
    if (PyAnySet_Check(other)) {
        /* a much larger other: only the common part matters */
        if ((PySet_GET_SIZE(other) >> 3) > PySet_GET_SIZE(so)) {
            other = set_intersection(so, other);
            if (other == NULL)
                return -1;
        }
        else
            Py_INCREF(other);
        Py_ssize_t pos = 0;
        setentry *entry;
        while (set_next((PySetObject *)other, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            if (set_discard_entry(so, key, entry->hash) < 0) {
                Py_DECREF(other);
                Py_DECREF(key);
                return -1;
            }
            Py_DECREF(key);
        }
        Py_DECREF(other);
    }
    else {
        PyObject *it = PyObject_GetIter(other);
        if (it == NULL)
            return -1;
        PyObject *key;
        while ((key = PyIter_Next(it)) != NULL) {
            if (set_discard_key(so, key) < 0) {
                Py_DECREF(it);
                Py_DECREF(key);
                return -1;
            }
            Py_DECREF(key);
        }
        Py_DECREF(it);
        if (PyErr_Occurred())
            return -1;
    }
    /* squeeze out the dummies when they are more than a quarter of the table */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static PyObject *
set_copy_and_difference(PySetObject *so, PyObject *other)
{
    PyObject *result = set_copy_impl(so);
    if (result == NULL)
        return NULL;
    if (set_difference_update_internal((PySetObject *)result, other) == 0)
        return result;
    Py_DECREF(result);
    return NULL;
}

static PyObject *
set_difference(PySetObject *so, PyObject *other)
{
    Py_ssize_t other_size;
    if (PyAnySet_Check(other))
        other_size = PySet_GET_SIZE(other);
    else if (PyDict_CheckExact(other))
        other_size = PyDict_GET_SIZE(other);
    else
        return set_copy_and_difference(so, other);
    if ((PySet_GET_SIZE(so) >> 2) > other_size)
        return set_copy_and_difference(so, other);
    PySetObject *result = (PySetObject *)make_new_set_basetype(Py_TYPE(so), NULL);
    if (result == NULL)
        return NULL;
    Py_ssize_t pos = 0;
    setentry *entry;
    if (PyDict_CheckExact(other)) {
        while (set_next(so, &pos, &entry)) {
            PyObject *key = entry->key;
            Py_hash_t hash = entry->hash;
            Py_INCREF(key);
            int rv = _PyDict_Contains_KnownHash(other, key, hash);
            if (rv < 0) {
                Py_DECREF(result);
                Py_DECREF(key);
                return NULL;
            }
            if (!rv) {
                if (set_add_entry(result, key, hash)) {
                    Py_DECREF(result);
                    return NULL;
                }
            }
            else
                Py_DECREF(key);
        }
        return (PyObject *)result;
    }
    while (set_next(so, &pos, &entry)) {
        PyObject *key = entry->key;
        Py_hash_t hash = entry->hash;
        Py_INCREF(key);
        int rv = set_contains_entry((PySetObject *)other, key, hash);
        if (rv < 0) {
            Py_DECREF(result);
            Py_DECREF(key);
            return NULL;
        }
        if (!rv) {
            if (set_add_entry(result, key, hash)) {
                Py_DECREF(result);
                return NULL;
            }
        }
        else
            Py_DECREF(key);
    }
    return (PyObject *)result;
}

static int
set_symmetric_difference_update_internal(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other)
        return set_clear_internal(so);
    if (PyDict_CheckExact(other)) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        Py_hash_t hash;
        while (_PyDict_Next(other, &pos, &key, &value, &hash)) {
            Py_INCREF(key);
            int rv = set_discard_entry(so, key, hash);
            if (rv < 0) {
                Py_DECREF(key);
                return -1;
            }
            if (rv == DISCARD_NOTFOUND) {
                if (set_add_entry(so, key, hash))
                    return -1;
            }
            else
                Py_DECREF(key);
        }
        return 0;
    }
    PySetObject *otherset;
    if (PyAnySet_Check(other))
        otherset = (PySetObject *)Py_NewRef(other);
    else {
        otherset = (PySetObject *)make_new_set_basetype(Py_TYPE(so), other);
        if (otherset == NULL)
            return -1;
    }
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(otherset, &pos, &entry)) {
        PyObject *key = Py_NewRef(entry->key);
        Py_hash_t hash = entry->hash;
        int rv = set_discard_entry(so, key, hash);
        if (rv < 0) {
            Py_DECREF(otherset);
            Py_DECREF(key);
            return -1;
        }
        if (rv == DISCARD_NOTFOUND) {
            if (set_add_entry(so, key, hash)) {
                Py_DECREF(otherset);
                return -1;
            }
        }
        else
            Py_DECREF(key);
    }
    Py_DECREF(otherset);
    return 0;
}

static PyObject *
set_symmetric_difference(PySetObject *so, PyObject *other)
{
    PySetObject *otherset = (PySetObject *)make_new_set_basetype(Py_TYPE(so), other);
    if (otherset == NULL)
        return NULL;
    if (set_symmetric_difference_update_internal(otherset, (PyObject *)so) < 0) {
        Py_DECREF(otherset);
        return NULL;
    }
    return (PyObject *)otherset;
}

static PyObject *set_issuperset(PyObject *so, PyObject *other);

static PyObject *
set_issubset(PyObject *self, PyObject *other)
{
    PySetObject *so = (PySetObject *)self;
    if (!PyAnySet_Check(other)) {
        PyObject *tmp = make_new_set(&PySet_Type, other);
        if (tmp == NULL)
            return NULL;
        PyObject *result = set_issubset(self, tmp);
        Py_DECREF(tmp);
        return result;
    }
    if (PySet_GET_SIZE(so) > PySet_GET_SIZE(other))
        Py_RETURN_FALSE;
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(so, &pos, &entry)) {
        PyObject *key = Py_NewRef(entry->key);
        int rv = set_contains_entry((PySetObject *)other, key, entry->hash);
        Py_DECREF(key);
        if (rv < 0)
            return NULL;
        if (!rv)
            Py_RETURN_FALSE;
    }
    Py_RETURN_TRUE;
}

static PyObject *
set_issuperset(PyObject *self, PyObject *other)
{
    if (PyAnySet_Check(other))
        return set_issubset(other, self);
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL)
        return NULL;
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int rv = set_contains_key((PySetObject *)self, key);
        Py_DECREF(key);
        if (rv < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (!rv) {
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
set_isdisjoint(PyObject *self, PyObject *other)
{
    PySetObject *so = (PySetObject *)self;
    if ((PyObject *)so == other) {
        if (PySet_GET_SIZE(so) == 0)
            Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    }
    if (PyAnySet_CheckExact(other)) {
        Py_ssize_t pos = 0;
        setentry *entry;
        if (PySet_GET_SIZE(other) > PySet_GET_SIZE(so)) {
            PyObject *tmp = (PyObject *)so;
            so = (PySetObject *)other;
            other = tmp;
        }
        while (set_next((PySetObject *)other, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            int rv = set_contains_entry(so, key, entry->hash);
            Py_DECREF(key);
            if (rv < 0)
                return NULL;
            if (rv)
                Py_RETURN_FALSE;
        }
        Py_RETURN_TRUE;
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL)
        return NULL;
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int rv = set_contains_key(so, key);
        Py_DECREF(key);
        if (rv < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (rv) {
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
set_richcompare(PyObject *self, PyObject *w, int op)
{
    PySetObject *v = (PySetObject *)self;
    if (!PyAnySet_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    switch (op) {
    case Py_EQ:
        if (PySet_GET_SIZE(v) != PySet_GET_SIZE(w))
            Py_RETURN_FALSE;
        if (v->hash != -1 && ((PySetObject *)w)->hash != -1 &&
            v->hash != ((PySetObject *)w)->hash)
            Py_RETURN_FALSE;
        return set_issubset(self, w);
    case Py_NE: {
        PyObject *r1 = set_richcompare(self, w, Py_EQ);
        if (r1 == NULL)
            return NULL;
        int r2 = PyObject_IsTrue(r1);
        Py_DECREF(r1);
        if (r2 < 0)
            return NULL;
        return PyBool_FromLong(!r2);
    }
    case Py_LE:
        return set_issubset(self, w);
    case Py_GE:
        return set_issuperset(self, w);
    case Py_LT:
        if (PySet_GET_SIZE(v) >= PySet_GET_SIZE(w))
            Py_RETURN_FALSE;
        return set_issubset(self, w);
    case Py_GT:
        if (PySet_GET_SIZE(v) <= PySet_GET_SIZE(w))
            Py_RETURN_FALSE;
        return set_issuperset(self, w);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

/* ---- number protocol ----------------------------------------------------------------------- */

static PyObject *
set_or(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PySetObject *result = (PySetObject *)set_copy_impl((PySetObject *)self);
    if (result == NULL)
        return NULL;
    if (self == other)
        return (PyObject *)result;
    if (set_update_internal(result, other)) {
        Py_DECREF(result);
        return NULL;
    }
    return (PyObject *)result;
}

static PyObject *
set_and(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    return set_intersection((PySetObject *)self, other);
}

static PyObject *
set_sub(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    return set_difference((PySetObject *)self, other);
}

static PyObject *
set_xor(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    return set_symmetric_difference((PySetObject *)self, other);
}

static PyObject *
set_ior(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    if (set_update_internal((PySetObject *)self, other))
        return NULL;
    return Py_NewRef(self);
}

static PyObject *
set_iand(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *tmp = set_intersection((PySetObject *)self, other);
    if (tmp == NULL)
        return NULL;
    set_swap_bodies((PySetObject *)self, (PySetObject *)tmp);
    Py_DECREF(tmp);
    return Py_NewRef(self);
}

static PyObject *
set_isub(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    if (set_difference_update_internal((PySetObject *)self, other))
        return NULL;
    return Py_NewRef(self);
}

static PyObject *
set_ixor(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    if (set_symmetric_difference_update_internal((PySetObject *)self, other) < 0)
        return NULL;
    return Py_NewRef(self);
}

/* ---- methods ------------------------------------------------------------------------------- */

static PyObject *
set_add(PyObject *self, PyObject *key)
{
    if (set_add_key((PySetObject *)self, key))
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
set_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    set_clear_internal((PySetObject *)self);
    Py_RETURN_NONE;
}

static PyObject *
set_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return set_copy_impl((PySetObject *)self);
}

static PyObject *
frozenset_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyFrozenSet_CheckExact(self))
        return Py_NewRef(self);
    return set_copy_impl((PySetObject *)self);
}

static PyObject *
set_contains_meth(PyObject *self, PyObject *key)
{
    int result = set_contains(self, key);
    if (result < 0)
        return NULL;
    return PyBool_FromLong(result);
}

static int
set_discard_or_remove(PySetObject *so, PyObject *key)
{
    int rv = set_discard_key(so, key);
    if (rv < 0) {
        if (!PySet_Check(key) || !PyErr_ExceptionMatches(PyExc_TypeError))
            return -1;
        PyErr_Clear();
        PyObject *tmpkey = make_new_set(&PyFrozenSet_Type, key);
        if (tmpkey == NULL)
            return -1;
        rv = set_discard_key(so, tmpkey);
        Py_DECREF(tmpkey);
    }
    return rv;
}

static PyObject *
set_discard(PyObject *self, PyObject *key)
{
    if (set_discard_or_remove((PySetObject *)self, key) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
set_remove(PyObject *self, PyObject *key)
{
    int rv = set_discard_or_remove((PySetObject *)self, key);
    if (rv < 0)
        return NULL;
    if (rv == DISCARD_NOTFOUND) {
        PyObject *exc = PyObject_CallOneArg(PyExc_KeyError, key);
        if (exc != NULL) {
            PyErr_SetObject(PyExc_KeyError, exc);
            Py_DECREF(exc);
        }
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_pop_impl(PySetObject *so)
{
    if (so->used == 0) {
        PyErr_SetString(PyExc_KeyError, "pop from an empty set");
        return NULL;
    }
    /* resume where the previous pop stopped, so repeated pops stay linear */
    setentry *entry = so->table + (so->finger & so->mask);
    setentry *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == dummy) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    PyObject *key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static PyObject *
set_pop(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return set_pop_impl((PySetObject *)self);
}

static PyObject *
set_update(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (set_update_internal((PySetObject *)self, args[i]))
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_union(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PySetObject *result = (PySetObject *)set_copy_impl((PySetObject *)self);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if ((PyObject *)self == args[i])
            continue;
        if (set_update_internal(result, args[i])) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return (PyObject *)result;
}

static PyObject *
set_intersection_meth(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return set_intersection_multi((PySetObject *)self, args, nargs);
}

static PyObject *
set_intersection_update(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *tmp = set_intersection_multi((PySetObject *)self, args, nargs);
    if (tmp == NULL)
        return NULL;
    set_swap_bodies((PySetObject *)self, (PySetObject *)tmp);
    Py_DECREF(tmp);
    Py_RETURN_NONE;
}

static PyObject *
set_difference_meth(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0)
        return set_copy_impl((PySetObject *)self);
    PyObject *result = set_difference((PySetObject *)self, args[0]);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 1; i < nargs; i++) {
        if (set_difference_update_internal((PySetObject *)result, args[i])) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *
set_difference_update(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (set_difference_update_internal((PySetObject *)self, args[i]))
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_symmetric_difference_meth(PyObject *self, PyObject *other)
{
    return set_symmetric_difference((PySetObject *)self, other);
}

static PyObject *
set_symmetric_difference_update(PyObject *self, PyObject *other)
{
    if (set_symmetric_difference_update_internal((PySetObject *)self, other) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
set_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *keys = PySequence_List(self);
    if (keys == NULL)
        return NULL;
    PyObject *state;
    if (PyObject_GetOptionalAttr(self, _Py_ID(__dict__), &state) < 0) {
        Py_DECREF(keys);
        return NULL;
    }
    if (state == NULL)
        state = Py_NewRef(Py_None);
    return Py_BuildValue("O(N)N", Py_TYPE(self), keys, state);
}

static PyObject *
set_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PySetObject *so = (PySetObject *)self;
    size_t res = (size_t)Py_TYPE(so)->tp_basicsize;
    if (so->table != so->smalltable)
        res += ((size_t)so->mask + 1) * sizeof(setentry);
    return PyLong_FromSize_t(res);
}

static int
set_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PySetObject *so = (PySetObject *)self;
    if ((Py_IS_TYPE(self, &PySet_Type) || Py_TYPE(self)->tp_new == PySet_Type.tp_new) &&
        kwds != NULL && PyDict_GET_SIZE(kwds) != 0 && !_PyArg_NoKeywords("set", kwds))
        return -1;
    if (!_PyArg_CheckPositional("set", PyTuple_GET_SIZE(args), 0, 1))
        return -1;
    if (so->fill)
        set_clear_internal(so);
    so->hash = -1;
    if (PyTuple_GET_SIZE(args) == 0)
        return 0;
    return set_update_internal(so, PyTuple_GET_ITEM(args, 0));
}

static PyObject *
set_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type == &PySet_Type && kwds != NULL && PyDict_GET_SIZE(kwds) != 0 &&
        !_PyArg_NoKeywords("set", kwds))
        return NULL;
    return make_new_set(type, NULL);
}

static PyObject *
set_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("set", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("set", nargs, 0, 1))
        return NULL;
    if (nargs)
        return make_new_set((PyTypeObject *)type, args[0]);
    return make_new_set((PyTypeObject *)type, NULL);
}

static PyObject *
frozenset_new_impl(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PyFrozenSet_Type)
        return make_new_set(type, iterable);
    if (iterable != NULL && PyFrozenSet_CheckExact(iterable))
        return Py_NewRef(iterable);
    return make_new_set(type, iterable);
}

static PyObject *
frozenset_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyFrozenSet_Type || type->tp_init == PyFrozenSet_Type.tp_init) &&
        kwds != NULL && PyDict_GET_SIZE(kwds) != 0 && !_PyArg_NoKeywords("frozenset", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("frozenset", PyTuple_GET_SIZE(args), 0, 1))
        return NULL;
    return frozenset_new_impl(type, PyTuple_GET_SIZE(args) ? PyTuple_GET_ITEM(args, 0) : NULL);
}

static PyObject *
frozenset_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("frozenset", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("frozenset", nargs, 0, 1))
        return NULL;
    return frozenset_new_impl((PyTypeObject *)type, nargs ? args[0] : NULL);
}

static PyObject *set_iter(PyObject *so);

static PyMethodDef set_methods[] = {
    {"add", (PyCFunction)set_add, METH_O,
     "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", (PyCFunction)set_clear, METH_NOARGS, "Remove all elements from this set."},
    {"__contains__", (PyCFunction)set_contains_meth, METH_O | METH_COEXIST,
     "x.__contains__(y) <==> y in x."},
    {"copy", (PyCFunction)set_copy, METH_NOARGS, "Return a shallow copy of a set."},
    {"discard", (PyCFunction)set_discard, METH_O,
     "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the "
     "discard() method does not raise\nan exception when an element is missing from the set."},
    {"difference", _PyCFunction_CAST(set_difference_meth), METH_FASTCALL,
     "Return a new set with elements in the set that are not in the others."},
    {"difference_update", _PyCFunction_CAST(set_difference_update), METH_FASTCALL,
     "Update the set, removing elements found in others."},
    {"intersection", _PyCFunction_CAST(set_intersection_meth), METH_FASTCALL,
     "Return a new set with elements common to the set and all others."},
    {"intersection_update", _PyCFunction_CAST(set_intersection_update), METH_FASTCALL,
     "Update the set, keeping only elements found in it and all others."},
    {"isdisjoint", (PyCFunction)set_isdisjoint, METH_O,
     "Return True if two sets have a null intersection."},
    {"issubset", (PyCFunction)set_issubset, METH_O,
     "Report whether another set contains this set."},
    {"issuperset", (PyCFunction)set_issuperset, METH_O,
     "Report whether this set contains another set."},
    {"pop", (PyCFunction)set_pop, METH_NOARGS,
     "Remove and return an arbitrary set element.\n\nRaises KeyError if the set is empty."},
    {"__reduce__", (PyCFunction)set_reduce, METH_NOARGS, "Return state information for pickling."},
    {"remove", (PyCFunction)set_remove, METH_O,
     "Remove an element from a set; it must be a member.\n\nIf the element is not a member, "
     "raise a KeyError."},
    {"__sizeof__", (PyCFunction)set_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", (PyCFunction)set_symmetric_difference_meth, METH_O,
     "Return a new set with elements in either the set or other but not both."},
    {"symmetric_difference_update", (PyCFunction)set_symmetric_difference_update, METH_O,
     "Update the set, keeping only elements found in either set, but not in both."},
    {"union", _PyCFunction_CAST(set_union), METH_FASTCALL,
     "Return a new set with elements from the set and all others."},
    {"update", _PyCFunction_CAST(set_update), METH_FASTCALL,
     "Update the set, adding elements from all others."},
    {"__class_getitem__", (PyCFunction)Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef frozenset_methods[] = {
    {"__contains__", (PyCFunction)set_contains_meth, METH_O | METH_COEXIST,
     "x.__contains__(y) <==> y in x."},
    {"copy", (PyCFunction)frozenset_copy, METH_NOARGS, "Return a shallow copy of a set."},
    {"difference", _PyCFunction_CAST(set_difference_meth), METH_FASTCALL,
     "Return a new set with elements in the set that are not in the others."},
    {"intersection", _PyCFunction_CAST(set_intersection_meth), METH_FASTCALL,
     "Return a new set with elements common to the set and all others."},
    {"isdisjoint", (PyCFunction)set_isdisjoint, METH_O,
     "Return True if two sets have a null intersection."},
    {"issubset", (PyCFunction)set_issubset, METH_O,
     "Report whether another set contains this set."},
    {"issuperset", (PyCFunction)set_issuperset, METH_O,
     "Report whether this set contains another set."},
    {"__reduce__", (PyCFunction)set_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__sizeof__", (PyCFunction)set_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", (PyCFunction)set_symmetric_difference_meth, METH_O,
     "Return a new set with elements in either the set or other but not both."},
    {"union", _PyCFunction_CAST(set_union), METH_FASTCALL,
     "Return a new set with elements from the set and all others."},
    {"__class_getitem__", (PyCFunction)Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static PyNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static PySequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_contains,
};

PyTypeObject PySet_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "set",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an "
              "unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = set_methods,
    .tp_init = set_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = set_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = set_vectorcall,
};

PyTypeObject PyFrozenSet_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = frozenset_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset "
              "object\n\nBuild an immutable unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = frozenset_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = frozenset_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = frozenset_vectorcall,
};

/* ---- iterator ------------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PySetObject *si_set; /* NULL once exhausted */
    Py_ssize_t si_used;
    Py_ssize_t si_pos;
    Py_ssize_t len;
} setiterobject;

static void
setiter_dealloc(PyObject *self)
{
    setiterobject *si = (setiterobject *)self;
    PyObject_GC_UnTrack(si);
    Py_XDECREF(si->si_set);
    PyObject_GC_Del(si);
}

static int
setiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((setiterobject *)self)->si_set);
    return 0;
}

static PyObject *
setiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    setiterobject *si = (setiterobject *)self;
    Py_ssize_t len = 0;
    if (si->si_set != NULL && si->si_used == si->si_set->used)
        len = si->len;
    return PyLong_FromSsize_t(len);
}

static PyObject *
setiter_iternext(PyObject *self)
{
    setiterobject *si = (setiterobject *)self;
    PySetObject *so = si->si_set;
    if (so == NULL)
        return NULL;
    if (si->si_used != so->used) {
        PyErr_SetString(PyExc_RuntimeError, "Set changed size during iteration");
        si->si_used = -1; /* sticky */
        return NULL;
    }
    Py_ssize_t i = si->si_pos;
    setentry *entry = so->table;
    Py_ssize_t mask = so->mask;
    while (i <= mask && (entry[i].key == NULL || entry[i].key == dummy))
        i++;
    si->si_pos = i + 1;
    if (i > mask) {
        si->si_set = NULL;
        Py_DECREF(so);
        return NULL;
    }
    si->len--;
    return Py_NewRef(entry[i].key);
}

static PyObject *
setiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    setiterobject *si = (setiterobject *)self;
    /* consume a copy of the iterator so that self is left alone */
    PyObject *list;
    if (si->si_set == NULL) {
        list = PyList_New(0);
    }
    else {
        setiterobject *copy = PyObject_GC_New(setiterobject, &PySetIter_Type);
        if (copy == NULL)
            return NULL;
        copy->si_set = (PySetObject *)Py_NewRef(si->si_set);
        copy->si_used = si->si_used;
        copy->si_pos = si->si_pos;
        copy->len = si->len;
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

static PyMethodDef setiter_methods[] = {
    {"__length_hint__", (PyCFunction)setiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)setiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PySetIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(setiterobject),
    .tp_dealloc = setiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = setiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = setiter_iternext,
    .tp_methods = setiter_methods,
};

static PyObject *
set_iter(PyObject *so)
{
    setiterobject *si = PyObject_GC_New(setiterobject, &PySetIter_Type);
    if (si == NULL)
        return NULL;
    si->si_set = (PySetObject *)Py_NewRef(so);
    si->si_used = ((PySetObject *)so)->used;
    si->si_pos = 0;
    si->len = ((PySetObject *)so)->used;
    PyObject_GC_Track(si);
    return (PyObject *)si;
}
