/* Key-sharing ("split") dicts for instance __dict__s (PEP 412, with CPython 3.13's
 * observable behaviour), and the hooks the type machinery and the eval loop use.
 *
 * Every heap type with a managed __dict__ owns one shared keys object (ht_cached_keys):
 * a unicode-keyed table of at most KR_SHARED_KEYS_MAX_SIZE names that only ever grows.
 * An instance dict built on it holds a reference to those keys plus its own values
 * array: values[ix] is the value of shared key ix (NULL when this instance lacks it),
 * and order[] lists the present ix's in this dict's insertion order, so two instances
 * may add the same names in different orders and still share. The dict turns into an
 * ordinary ("combined") table when a non-str key is stored, a new name does not fit in
 * the shared keys any more, or popitem() runs.
 *
 * Sizes follow CPython: the shared table has 64 slots and starts with room for 30
 * names; each allocation of an instance of a type with Py_TPFLAGS_INLINE_VALUES gives
 * one of the free places back (down to 1), and getsizeof(split dict) is the dict
 * object plus one pointer per place (used + still free) of the shared keys. */
#ifndef KR_PYCORE_DICT_H
#define KR_PYCORE_DICT_H
#include "Python.h"

#define KR_SHARED_KEYS_MAX_SIZE 30

struct _dictvalues {
    uint8_t capacity; /* slots in values[] */
    uint8_t size;     /* entries listed in order[] (== ma_used) */
    uint8_t embedded; /* flags, see dictobject.c: owned by a live instance; in the dict's block */
    uint8_t order[KR_SHARED_KEYS_MAX_SIZE + 1];
    PyObject *values[];
};

static inline int
_KrDict_IsSplit(PyObject *d)
{
    return ((PyDictObject *)d)->ma_values != NULL;
}

/* A new, empty shared keys object for a class (NULL with MemoryError). */
PyDictKeysObject *_PyDict_NewKeysForClass(void);
/* Releases a reference to a keys object (a class's ht_cached_keys on dealloc). */
void _PyDictKeys_DecRef(PyDictKeysObject *keys);
/* Bytes a keys object occupies (type.__sizeof__ counts the cached keys). */
Py_ssize_t _PyDict_KeysSize(PyDictKeysObject *keys);
/* What _PyDict_KeysSize reports for a fresh class keys object. */
Py_ssize_t _KrDict_SharedKeysSize(void);

/* The class's shared keys, created on first use (borrowed; NULL with an error set). */
PyDictKeysObject *_KrType_GetCachedKeys(PyTypeObject *tp);
/* Called for every allocation of an instance of a Py_TPFLAGS_INLINE_VALUES type. */
void _KrDict_InstanceAllocated(PyTypeObject *tp);
/* Gives a new instance its __dict__ up front when earlier instances of its class got
 * attributes (as CPython's inline values are), so that the first attribute stores take
 * the specialised path; best effort, no error. */
void _KrDict_PrepareInstanceDict(PyObject *obj);
/* A new empty __dict__ for obj: split on its type's shared keys when the type has a
 * managed dict, a plain dict otherwise. */
PyObject *_KrDict_NewForObject(PyObject *obj);
/* The dict stops being an instance's own __dict__ (the instance died or got another
 * dict): from now on clear() empties it into a combined table. */
void _KrDict_DetachFromObject(PyObject *dict);

/* For attribute caches: index of the exact str `name` in a split dict's shared keys,
 * or DKIX_EMPTY (-1); the value is then ma_values->values[ix] (may be NULL). */
Py_ssize_t _PyDictKeys_StringLookup(PyDictKeysObject *keys, PyObject *name);

/* Borrowed value at a cached shared-keys index, or NULL when d is not (or no longer) a
 * split dict on `keys` or lacks that name. Shared keys only grow and every values array
 * has room for all names its keys held when it was made, so a cached ix stays valid. */
static inline PyObject *
_KrDict_SplitValueAt(PyObject *d, PyDictKeysObject *keys, Py_ssize_t ix)
{
    PyDictObject *mp = (PyDictObject *)d;
    if (mp->ma_keys != keys || mp->ma_values == NULL)
        return NULL;
    return mp->ma_values->values[ix];
}

/* Iteration steps used by the dict iterators: *pos starts at 0 (forward) or at
 * _KrDict_LastPos (reverse); key and value are borrowed. */
Py_ssize_t _KrDict_LastPos(PyDictObject *d);
int _KrDict_PrevItem(PyDictObject *d, Py_ssize_t *pos, PyObject **key, PyObject **value);
#endif
