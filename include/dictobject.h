/* dict (src/objects/dictobject.c): compact, insertion-ordered, split tables for instance
 * dicts. The keys object layout is private to dictobject.c. */
#ifndef KR_DICTOBJECT_H
#define KR_DICTOBJECT_H
#include "object.h"
typedef struct _dictkeysobject PyDictKeysObject;
typedef struct _dictvalues PyDictValues;
typedef struct {
    PyObject_HEAD
    Py_ssize_t ma_used;
    uint64_t ma_version_tag; /* changes on every mutation (guards for LOAD_GLOBAL caches) */
    PyDictKeysObject *ma_keys;
    PyDictValues *ma_values; /* NULL for combined tables */
} PyDictObject;
extern PyTypeObject PyDict_Type, PyDictKeys_Type, PyDictValues_Type, PyDictItems_Type,
    PyDictIterKey_Type, PyDictIterValue_Type, PyDictIterItem_Type, PyDictRevIterKey_Type,
    PyDictRevIterValue_Type, PyDictRevIterItem_Type;
#define PyDict_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_DICT_SUBCLASS)
#define PyDict_CheckExact(op) Py_IS_TYPE((op), &PyDict_Type)
#define PyDict_GET_SIZE(op) (((PyDictObject *)(op))->ma_used)
PyObject *PyDict_New(void);
PyObject *PyDict_GetItemWithError(PyObject *, PyObject *); /* borrowed; NULL+error or NULL */
int PyDict_GetItemRef(PyObject *, PyObject *, PyObject **);  /* 1 found, 0 missing, -1 error */
int PyDict_GetItemStringRef(PyObject *, const char *, PyObject **);
PyObject *PyDict_GetItemString(PyObject *, const char *); /* borrowed, errors suppressed */
PyObject *PyDict_GetItem(PyObject *, PyObject *); /* borrowed, errors suppressed */
PyObject *_PyDict_GetItemStringWithError(PyObject *, const char *); /* borrowed */
int _PyDict_Contains_KnownHash(PyObject *, PyObject *, Py_hash_t);
int _PyDict_DelItem_KnownHash(PyObject *, PyObject *, Py_hash_t);
int _PyDict_Next(PyObject *, Py_ssize_t *pos, PyObject **key, PyObject **value, Py_hash_t *hash);
PyObject *_PyDict_Pop(PyObject *, PyObject *key, PyObject *deflt); /* new ref */
/* Keys of a dict that is about to become an instance __dict__: nothing special yet. */
Py_ssize_t _PyDict_SizeOf(PyDictObject *);
PyObject *_PyDict_GetItem_KnownHash(PyObject *, PyObject *, Py_hash_t); /* borrowed */
int PyDict_SetItem(PyObject *, PyObject *, PyObject *);
int PyDict_SetItemString(PyObject *, const char *, PyObject *);
int _PyDict_SetItem_Take2(PyDictObject *, PyObject *key, PyObject *value); /* steals both */
int _PyDict_SetItem_KnownHash(PyObject *, PyObject *, PyObject *, Py_hash_t);
int PyDict_DelItem(PyObject *, PyObject *);
int PyDict_DelItemString(PyObject *, const char *);
int PyDict_Pop(PyObject *, PyObject *, PyObject **result);
int PyDict_PopString(PyObject *, const char *, PyObject **result);
int PyDict_SetDefaultRef(PyObject *, PyObject *key, PyObject *default_value, PyObject **result);
PyObject *PyDict_SetDefault(PyObject *, PyObject *, PyObject *); /* borrowed */
int PyDict_Contains(PyObject *, PyObject *);
int PyDict_ContainsString(PyObject *, const char *);
void PyDict_Clear(PyObject *);
/* Iterate: pos starts at 0; key and value are borrowed. */
int PyDict_Next(PyObject *, Py_ssize_t *pos, PyObject **key, PyObject **value);
PyObject *PyDict_Keys(PyObject *);
PyObject *PyDict_Values(PyObject *);
PyObject *PyDict_Items(PyObject *);
Py_ssize_t PyDict_Size(PyObject *);
PyObject *PyDict_Copy(PyObject *);
int PyDict_Update(PyObject *, PyObject *);
int PyDict_Merge(PyObject *, PyObject *, int override);
int _PyDict_MergeEx(PyObject *, PyObject *, int override); /* 2: raise KeyError on dup */
int PyDict_MergeFromSeq2(PyObject *, PyObject *, int override);
PyObject *_PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset,
                            PyObject *const *values, Py_ssize_t values_offset,
                            Py_ssize_t length);
PyObject *_PyDict_NewPresized(Py_ssize_t);
/* Look up `key` (an exact str) in globals then builtins: borrowed or NULL. */
PyObject *_PyDict_LoadGlobal(PyDictObject *globals, PyDictObject *builtins, PyObject *key);
int _PyDict_HasOnlyStringKeys(PyObject *);
void _PyDict_MaybeUntrack(PyObject *);
extern PyTypeObject PyDictProxy_Type;
PyObject *PyDictProxy_New(PyObject *);
#endif
