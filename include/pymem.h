/* Memory interfaces: raw (malloc-backed), PyMem (general), PyObject (obmalloc small-object
 * allocator for requests <= 512 bytes), and the GC-aware object allocation API.
 * Implemented in src/memory/obmalloc.c and src/memory/gc.c. */
#ifndef KR_PYMEM_H
#define KR_PYMEM_H
#include "object.h"

/* Under AddressSanitizer nothing is recycled through pools or free lists: every object
 * gets its own malloc block, so overflows, use-after-free and leaks are reported against
 * the object's own allocation. */
#if defined(__SANITIZE_ADDRESS__)
#define KR_SANITIZER_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KR_SANITIZER_BUILD 1
#endif
#endif
#ifndef KR_SANITIZER_BUILD
#define KR_SANITIZER_BUILD 0
#endif

void *PyMem_RawMalloc(size_t);
void *PyMem_RawCalloc(size_t, size_t);
void *PyMem_RawRealloc(void *, size_t);
void PyMem_RawFree(void *);
void *PyMem_Malloc(size_t);
void *PyMem_Calloc(size_t, size_t);
void *PyMem_Realloc(void *, size_t);
void PyMem_Free(void *);
#define PyMem_New(type, n) ((type *)PyMem_Malloc((size_t)(n) * sizeof(type)))
#define PyMem_Resize(p, type, n) ((p) = (type *)PyMem_Realloc((p), (size_t)(n) * sizeof(type)))
void *PyObject_Malloc(size_t);
void *PyObject_Calloc(size_t, size_t);
void *PyObject_Realloc(void *, size_t);
void PyObject_Free(void *);

/* Object creation for non-GC types: allocates tp_basicsize (+ n*tp_itemsize), sets the
 * type and a refcount of 1 (and increfs heap types). */
PyObject *_PyObject_New(PyTypeObject *);
PyVarObject *_PyObject_NewVar(PyTypeObject *, Py_ssize_t);
PyObject *PyObject_Init(PyObject *, PyTypeObject *);
PyVarObject *PyObject_InitVar(PyVarObject *, PyTypeObject *, Py_ssize_t);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NewVar(type, typeobj, n) ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_Del PyObject_Free
#define _PyObject_SIZE(typeobj) ((typeobj)->tp_basicsize)
#define _PyObject_VAR_SIZE(typeobj, n) \
    ((size_t)(((typeobj)->tp_basicsize + (n) * (typeobj)->tp_itemsize + 7) & ~(size_t)7))

/* ---- cycle-collector-aware objects (gc.c) ------------------------------------ */
/* Two words placed before every object of a Py_TPFLAGS_HAVE_GC type: the links of the
 * generation list the object is in. The low bits of _gc_prev hold collector flags. */
typedef struct {
    uintptr_t _gc_next;
    uintptr_t _gc_prev;
} PyGC_Head;
#define _Py_AS_GC(o) ((PyGC_Head *)(o) - 1)
#define _Py_FROM_GC(g) ((PyObject *)((PyGC_Head *)(g) + 1))

PyObject *_PyObject_GC_New(PyTypeObject *);
PyVarObject *_PyObject_GC_NewVar(PyTypeObject *, Py_ssize_t);
PyVarObject *_PyObject_GC_Resize(PyVarObject *, Py_ssize_t);
void PyObject_GC_Track(void *);
void PyObject_GC_UnTrack(void *);
void PyObject_GC_Del(void *);
int PyObject_GC_IsTracked(PyObject *);
int PyObject_GC_IsFinalized(PyObject *);
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) ((type *)_PyObject_GC_NewVar((typeobj), (n)))
#define PyObject_GC_Resize(type, op, n) ((type *)_PyObject_GC_Resize((PyVarObject *)(op), (n)))
#define PyObject_IS_GC(o) \
    (PyType_HasFeature(Py_TYPE(o), Py_TPFLAGS_HAVE_GC) && \
     (Py_TYPE(o)->tp_is_gc == NULL || Py_TYPE(o)->tp_is_gc(o)))
static inline int _PyObject_GC_IS_TRACKED(PyObject *op) { return _Py_AS_GC(op)->_gc_next != 0; }
Py_ssize_t PyGC_Collect(void);
int PyGC_Enable(void);
int PyGC_Disable(void);
int PyGC_IsEnabled(void);
/* PEP 442: calls tp_finalize once per object; returns -1 if the object was resurrected
 * by its finalizer (the dealloc must then stop). */
int PyObject_CallFinalizerFromDealloc(PyObject *);
void PyObject_CallFinalizer(PyObject *);

/* Trashcan: bounds C recursion when deallocating long chains of containers. */
int _PyTrash_begin(PyObject *op);
void _PyTrash_end(void);
void _PyTrash_thread_deposit_object(PyObject *op);
#define Py_TRASHCAN_BEGIN(op, dealloc) do { if (_PyTrash_begin((PyObject *)(op))) break;
#define Py_TRASHCAN_END _PyTrash_end(); } while (0);

#endif
