/* Per-interpreter state of the type system (owned by src/objects/typeobject.c): the
 * method cache that makes _PyType_Lookup cheap, and the version-tag counter that keys it. */
#ifndef KR_PYCORE_TYPEOBJECT_H
#define KR_PYCORE_TYPEOBJECT_H
#include <stdint.h>
struct _object;
#define KR_TYPE_CACHE_SIZE_EXP 12
#define KR_TYPE_CACHE_SIZE (1u << KR_TYPE_CACHE_SIZE_EXP)
struct _kr_type_cache_entry {
    unsigned int version; /* 0 = empty */
    struct _object *name;  /* strong reference (interned str) */
    struct _object *value; /* borrowed: valid while the version is */
};
struct _kr_types_state {
    unsigned int next_version_tag;
    struct _kr_type_cache_entry cache[KR_TYPE_CACHE_SIZE];
};

/* Internal interfaces between the type-system files (typeobject.c, type_slots.c,
 * type_new.c, type_baseobject.c, superobject.c, descrobject.c). Need object.h. */
#ifdef KR_OBJECT_H
/* type_slots.c */
int _KrType_AddOperators(PyTypeObject *type);   /* slot wrappers for a static type */
void _KrType_FixupSlots(PyTypeObject *type);    /* heap type: slots from dunders */
int _KrType_UpdateSlot(PyTypeObject *type, PyObject *name); /* after setattr on a class */
int _KrType_IsSlotName(PyObject *name);
int _KrType_AddTpNew(PyTypeObject *type);       /* __new__ builtin for a type with tp_new */
int _KrType_HasSlotInit(PyTypeObject *type);    /* tp_init calls a Python __init__ */
int _KrType_InitVector(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames);
/* typeobject.c */
int _KrType_MroInternal(PyTypeObject *type, PyObject **p_old_mro);
int _KrType_AddSubclass(PyTypeObject *base, PyTypeObject *type);
void _KrType_RemoveSubclass(PyTypeObject *base, PyTypeObject *type);
PyObject *_KrType_GetModule(PyTypeObject *type);   /* new ref */
PyObject *_KrType_GetQualname(PyTypeObject *type); /* new ref */
PyObject *_KrType_Mro(PyTypeObject *type);         /* C3, new tuple */
int _KrType_IsAbstractInstantiation(PyTypeObject *type); /* raises, returns -1 */
void _KrType_HeapFree(void *op);
size_t _KrType_PreSize(PyTypeObject *type);
PyObject *_KrType_CallHeapType(PyObject *type, PyObject *const *args, size_t nargsf,
                               PyObject *kwnames); /* tp_vectorcall of classes */
/* type_new.c */
PyObject *_KrType_New(PyTypeObject *metatype, PyObject *args, PyObject *kwds);
void _KrType_SubtypeDealloc(PyObject *self);
int _KrType_SubtypeTraverse(PyObject *self, visitproc visit, void *arg);
int _KrType_SubtypeClear(PyObject *self);
PyTypeObject *_KrType_BestBase(PyObject *bases);
int _KrType_CompatibleForAssignment(PyTypeObject *oldto, PyTypeObject *newto, const char *attr);
/* type_baseobject.c */
PyObject *_KrObject_New(PyTypeObject *type, PyObject *args, PyObject *kwds);
int _KrObject_Init(PyObject *self, PyObject *args, PyObject *kwds);
PyObject *_KrObject_Richcompare(PyObject *self, PyObject *other, int op);
/* descrobject.c */
int _KrDescr_IsData(PyObject *descr);
#endif
#endif
