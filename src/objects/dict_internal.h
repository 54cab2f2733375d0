/* Private layout of dict tables, shared by dictobject.c (the table) and dictviews.c
 * (views and iterators). Nothing outside these two files may depend on it.
 *
 * A keys object is a header, then the sparse index table (1 << dk_log2_size slots of
 * 1, 2, 4 or 8 bytes, chosen by table size), then the dense, insertion-ordered entry
 * array. Index slots hold an entry number, DKIX_EMPTY or DKIX_DUMMY (deleted).
 * In a split table's shared keys me_value is always NULL: the values live in each
 * dict's ma_values (see pycore_dict.h). */
#ifndef KR_DICT_INTERNAL_H
#define KR_DICT_INTERNAL_H
#include "Python.h"
#include "internal/pycore_dict.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define PyDict_LOG_MINSIZE 3
#define PyDict_MINSIZE 8
#define KR_DICT_KEYS_GENERAL 0
#define KR_DICT_KEYS_UNICODE 1 /* every key is an exact str (affects getsizeof only) */
#define KR_DICT_KEYS_SPLIT 2   /* a class's shared keys (see pycore_dict.h); str keys only */
#define DK_IS_UNICODE(dk) ((dk)->dk_kind != KR_DICT_KEYS_GENERAL)

typedef struct {
    Py_hash_t me_hash;
    PyObject *me_key;
    PyObject *me_value; /* NULL for a deleted entry */
} KrDictEntry;

struct _dictkeysobject {
    Py_ssize_t dk_refcnt;
    uint8_t dk_log2_size;
    uint8_t dk_log2_index_bytes;
    uint8_t dk_kind;
    uint8_t dk_pad;
    uint32_t dk_version;
    Py_ssize_t dk_usable;   /* entries that can still be appended */
    Py_ssize_t dk_nentries; /* entries used so far, including deleted ones */
};

#define DK_LOG_SIZE(dk) ((dk)->dk_log2_size)
#define DK_SIZE(dk) (((int64_t)1) << DK_LOG_SIZE(dk))
#define DK_MASK(dk) (DK_SIZE(dk) - 1)
#define USABLE_FRACTION(n) (((n) << 1) / 3)

static inline char *
kr_dk_indices(PyDictKeysObject *dk)
{
    return (char *)(dk + 1);
}

static inline KrDictEntry *
kr_dk_entries(PyDictKeysObject *dk)
{
    return (KrDictEntry *)(kr_dk_indices(dk) + ((size_t)1 << dk->dk_log2_index_bytes));
}

/* Bumps and returns the interpreter-wide dict version (ma_version_tag source). */
uint64_t _KrDict_NextVersion(void);
/* dictviews.c: the view and iterator constructors used by the dict methods. */
PyObject *_KrDictView_New(PyObject *dict, PyTypeObject *type);
PyObject *_KrDict_Iter(PyObject *dict);
PyObject *_KrDict_ReversedIter(PyObject *dict);
#endif
