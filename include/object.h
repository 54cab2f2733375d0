/* The object header and the type object: the contract every part of Krait builds on.
 *
 * Layout and names follow CPython 3.13 so that code reads like the books that describe
 * CPython and so that extension modules can later compile against these headers.
 * Every object starts with {ob_refcnt, ob_type}; variable-size objects add ob_size.
 * Objects of GC-capable types carry a PyGC_Head (two words) *before* the object.
 */
#ifndef KR_OBJECT_H
#define KR_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <sys/types.h>

typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef uint32_t Py_UCS4;
typedef uint16_t Py_UCS2;
typedef uint8_t Py_UCS1;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)

#if defined(__GNUC__) || defined(__clang__)
#define Py_LIKELY(x) __builtin_expect(!!(x), 1)
#define Py_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define Py_UNUSED(name) _unused_##name __attribute__((unused))
#define Py_ALWAYS_INLINE __attribute__((always_inline))
#define Py_NO_INLINE __attribute__((noinline))
#else
#define Py_LIKELY(x) (x)
#define Py_UNLIKELY(x) (x)
#define Py_UNUSED(name) _unused_##name
#define Py_ALWAYS_INLINE
#define Py_NO_INLINE
#endif
#define Py_ARRAY_LENGTH(a) (sizeof(a) / sizeof((a)[0]))
#define Py_MIN(a, b) ((a) < (b) ? (a) : (b))
#define Py_MAX(a, b) ((a) > (b) ? (a) : (b))
#define Py_ABS(x) ((x) < 0 ? -(x) : (x))
#define _Py_CAST(type, expr) ((type)(expr))
#define _PyObject_CAST(op) ((PyObject *)(op))

typedef struct _typeobject PyTypeObject;

typedef struct _object {
    Py_ssize_t ob_refcnt;
    PyTypeObject *ob_type;
} PyObject;

typedef struct {
    PyObject ob_base;
    Py_ssize_t ob_size;
} PyVarObject;

#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;
#define PyObject_HEAD_INIT(type) {_Py_IMMORTAL_REFCNT, (type)},
#define PyVarObject_HEAD_INIT(type, size) {PyObject_HEAD_INIT(type)(size)},

/* Immortal objects (None, True, small ints, static types, runtime strings) keep a
 * refcount whose low 32 bits read as negative; increments and decrements skip them,
 * so sys.getrefcount(None) reports 4294967295 as CPython does. */
#define _Py_IMMORTAL_REFCNT ((Py_ssize_t)UINT32_MAX)

#define Py_TYPE(ob) (_PyObject_CAST(ob)->ob_type)
#define Py_REFCNT(ob) (_PyObject_CAST(ob)->ob_refcnt)
#define Py_SIZE(ob) (((PyVarObject *)(ob))->ob_size)
#define Py_SET_TYPE(ob, t) (Py_TYPE(ob) = (t))
#define Py_SET_SIZE(ob, n) (Py_SIZE(ob) = (n))
#define Py_SET_REFCNT(ob, n) (Py_REFCNT(ob) = (n))
#define Py_IS_TYPE(ob, t) (Py_TYPE(ob) == (t))
#define Py_Is(x, y) ((x) == (y))
#define Py_IsNone(x) Py_Is((x), Py_None)

static inline int _Py_IsImmortal(PyObject *op) { return (int32_t)op->ob_refcnt < 0; }
#define _Py_SetImmortal(op) (_PyObject_CAST(op)->ob_refcnt = _Py_IMMORTAL_REFCNT)

void _Py_Dealloc(PyObject *op);

static inline Py_ALWAYS_INLINE void Py_INCREF(PyObject *op)
{
    if (_Py_IsImmortal(op))
        return;
    op->ob_refcnt++;
}
static inline Py_ALWAYS_INLINE void Py_DECREF(PyObject *op)
{
    if (_Py_IsImmortal(op))
        return;
    if (--op->ob_refcnt == 0)
        _Py_Dealloc(op);
}
#define Py_INCREF(op) Py_INCREF(_PyObject_CAST(op))
#define Py_DECREF(op) Py_DECREF(_PyObject_CAST(op))
static inline void Py_XINCREF(PyObject *op) { if (op != NULL) Py_INCREF(op); }
static inline void Py_XDECREF(PyObject *op) { if (op != NULL) Py_DECREF(op); }
#define Py_XINCREF(op) Py_XINCREF(_PyObject_CAST(op))
#define Py_XDECREF(op) Py_XDECREF(_PyObject_CAST(op))
static inline PyObject *_Py_NewRef(PyObject *op) { Py_INCREF(op); return op; }
static inline PyObject *_Py_XNewRef(PyObject *op) { Py_XINCREF(op); return op; }
#define Py_NewRef(op) _Py_NewRef(_PyObject_CAST(op))
#define Py_XNewRef(op) _Py_XNewRef(_PyObject_CAST(op))
#define Py_CLEAR(op)                                 \
    do {                                             \
        PyObject *_py_tmp = _PyObject_CAST(op);      \
        if (_py_tmp != NULL) {                       \
            (op) = NULL;                             \
            Py_DECREF(_py_tmp);                      \
        }                                            \
    } while (0)
#define Py_SETREF(dst, src)                          \
    do {                                             \
        PyObject *_py_tmp = _PyObject_CAST(dst);     \
        (dst) = (src);                               \
        Py_DECREF(_py_tmp);                          \
    } while (0)
#define Py_XSETREF(dst, src)                         \
    do {                                             \
        PyObject *_py_tmp = _PyObject_CAST(dst);     \
        (dst) = (src);                               \
        Py_XDECREF(_py_tmp);                         \
    } while (0)
#define Py_VISIT(op)                                           \
    do {                                                       \
        if (op) {                                              \
            int vret = visit(_PyObject_CAST(op), arg);         \
            if (vret)                                          \
                return vret;                                   \
        }                                                      \
    } while (0)

/* ---- slot function types ---------------------------------------------------- */
typedef PyObject *(*unaryfunc)(PyObject *);
typedef PyObject *(*binaryfunc)(PyObject *, PyObject *);
typedef PyObject *(*ternaryfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*inquiry)(PyObject *);
typedef Py_ssize_t (*lenfunc)(PyObject *);
typedef PyObject *(*ssizeargfunc)(PyObject *, Py_ssize_t);
typedef PyObject *(*ssizessizeargfunc)(PyObject *, Py_ssize_t, Py_ssize_t);
typedef int (*ssizeobjargproc)(PyObject *, Py_ssize_t, PyObject *);
typedef int (*objobjargproc)(PyObject *, PyObject *, PyObject *);
typedef int (*objobjproc)(PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef int (*traverseproc)(PyObject *, visitproc, void *);
typedef void (*freefunc)(void *);
typedef void (*destructor)(PyObject *);
typedef PyObject *(*getattrfunc)(PyObject *, char *);
typedef PyObject *(*getattrofunc)(PyObject *, PyObject *);
typedef int (*setattrfunc)(PyObject *, char *, PyObject *);
typedef int (*setattrofunc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*reprfunc)(PyObject *);
typedef Py_hash_t (*hashfunc)(PyObject *);
typedef PyObject *(*richcmpfunc)(PyObject *, PyObject *, int);
typedef PyObject *(*getiterfunc)(PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef PyObject *(*descrgetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*descrsetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*newfunc)(PyTypeObject *, PyObject *, PyObject *);
typedef PyObject *(*allocfunc)(PyTypeObject *, Py_ssize_t);
typedef PyObject *(*vectorcallfunc)(PyObject *callable, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames);
typedef enum { PYGEN_RETURN = 0, PYGEN_ERROR = -1, PYGEN_NEXT = 1 } PySendResult;
typedef PySendResult (*sendfunc)(PyObject *iter, PyObject *value, PyObject **result);

typedef struct bufferinfo {
    void *buf;
    PyObject *obj; /* owned reference */
    Py_ssize_t len;
    Py_ssize_t itemsize;
    int readonly;
    int ndim;
    char *format;
    Py_ssize_t *shape;
    Py_ssize_t *strides;
    Py_ssize_t *suboffsets;
    void *internal;
} Py_buffer;
typedef int (*getbufferproc)(PyObject *, Py_buffer *, int);
typedef void (*releasebufferproc)(PyObject *, Py_buffer *);

#define PyBUF_SIMPLE 0
#define PyBUF_WRITABLE 0x0001
#define PyBUF_FORMAT 0x0004
#define PyBUF_ND 0x0008
#define PyBUF_STRIDES (0x0010 | PyBUF_ND)
#define PyBUF_C_CONTIGUOUS (0x0020 | PyBUF_STRIDES)
#define PyBUF_F_CONTIGUOUS (0x0040 | PyBUF_STRIDES)
#define PyBUF_ANY_CONTIGUOUS (0x0080 | PyBUF_STRIDES)
#define PyBUF_INDIRECT (0x0100 | PyBUF_STRIDES)
#define PyBUF_CONTIG (PyBUF_ND | PyBUF_WRITABLE)
#define PyBUF_CONTIG_RO (PyBUF_ND)
#define PyBUF_STRIDED (PyBUF_STRIDES | PyBUF_WRITABLE)
#define PyBUF_STRIDED_RO (PyBUF_STRIDES)
#define PyBUF_RECORDS (PyBUF_STRIDES | PyBUF_WRITABLE | PyBUF_FORMAT)
#define PyBUF_RECORDS_RO (PyBUF_STRIDES | PyBUF_FORMAT)
#define PyBUF_FULL (PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT)
#define PyBUF_FULL_RO (PyBUF_INDIRECT | PyBUF_FORMAT)
#define PyBUF_READ 0x100
#define PyBUF_WRITE 0x200

typedef struct {
    binaryfunc nb_add;
    binaryfunc nb_subtract;
    binaryfunc nb_multiply;
    binaryfunc nb_remainder;
    binaryfunc nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative;
    unaryfunc nb_positive;
    unaryfunc nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift;
    binaryfunc nb_rshift;
    binaryfunc nb_and;
    binaryfunc nb_xor;
    binaryfunc nb_or;
    unaryfunc nb_int;
    void *nb_reserved;
    unaryfunc nb_float;
    binaryfunc nb_inplace_add;
    binaryfunc nb_inplace_subtract;
    binaryfunc nb_inplace_multiply;
    binaryfunc nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift;
    binaryfunc nb_inplace_rshift;
    binaryfunc nb_inplace_and;
    binaryfunc nb_inplace_xor;
    binaryfunc nb_inplace_or;
    binaryfunc nb_floor_divide;
    binaryfunc nb_true_divide;
    binaryfunc nb_inplace_floor_divide;
    binaryfunc nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply;
    binaryfunc nb_inplace_matrix_multiply;
} PyNumberMethods;

typedef struct {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    void *was_sq_slice;
    ssizeobjargproc sq_ass_item;
    void *was_sq_ass_slice;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} PySequenceMethods;

typedef struct {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;
} PyMappingMethods;

typedef struct {
    unaryfunc am_await;
    unaryfunc am_aiter;
    unaryfunc am_anext;
    sendfunc am_send;
} PyAsyncMethods;

typedef struct {
    getbufferproc bf_getbuffer;
    releasebufferproc bf_releasebuffer;
} PyBufferProcs;

/* ---- method, member and getset tables --------------------------------------- */
typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef PyObject *(*PyCFunctionFast)(PyObject *, PyObject *const *, Py_ssize_t);
typedef PyObject *(*PyCFunctionWithKeywords)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*PyCFunctionFastWithKeywords)(PyObject *, PyObject *const *, Py_ssize_t,
                                                PyObject *);
typedef PyObject *(*PyCMethod)(PyObject *, PyTypeObject *, PyObject *const *, size_t,
                               PyObject *);

typedef struct PyMethodDef {
    const char *ml_name;
    PyCFunction ml_meth;
    int ml_flags;
    const char *ml_doc;
} PyMethodDef;

#define METH_VARARGS 0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS 0x0004
#define METH_O 0x0008
#define METH_CLASS 0x0010
#define METH_STATIC 0x0020
#define METH_COEXIST 0x0040
#define METH_FASTCALL 0x0080
#define METH_METHOD 0x0200
#define _PyCFunction_CAST(func) ((PyCFunction)(void (*)(void))(func))

typedef struct PyMemberDef {
    const char *name;
    int type;
    Py_ssize_t offset;
    int flags;
    const char *doc;
} PyMemberDef;
#define Py_T_SHORT 0
#define Py_T_INT 1
#define Py_T_LONG 2
#define Py_T_FLOAT 3
#define Py_T_DOUBLE 4
#define Py_T_STRING 5
#define _Py_T_OBJECT 6 /* None when NULL */
#define Py_T_CHAR 7
#define Py_T_BYTE 8
#define Py_T_UBYTE 9
#define Py_T_UINT 11
#define Py_T_USHORT 12
#define Py_T_ULONG 13
#define Py_T_STRING_INPLACE 14
#define Py_T_BOOL 15
#define Py_T_OBJECT_EX 16 /* AttributeError when NULL */
#define Py_T_LONGLONG 17
#define Py_T_ULONGLONG 18
#define Py_T_PYSSIZET 19
#define Py_T_NONE 20
#define Py_READONLY 1
#define Py_AUDIT_READ 2
#define Py_RELATIVE_OFFSET 8
#define T_OBJECT _Py_T_OBJECT
#define T_OBJECT_EX Py_T_OBJECT_EX
#define T_INT Py_T_INT
#define T_PYSSIZET Py_T_PYSSIZET
#define READONLY Py_READONLY

typedef PyObject *(*getter)(PyObject *, void *);
typedef int (*setter)(PyObject *, PyObject *, void *);
typedef struct PyGetSetDef {
    const char *name;
    getter get;
    setter set;
    const char *doc;
    void *closure;
} PyGetSetDef;

/* ---- the type object -------------------------------------------------------- */
struct _typeobject {
    PyObject_VAR_HEAD
    const char *tp_name; /* "module.Name" for C types, qualname-free */
    Py_ssize_t tp_basicsize, tp_itemsize;

    destructor tp_dealloc;
    Py_ssize_t tp_vectorcall_offset;
    getattrfunc tp_getattr;
    setattrfunc tp_setattr;
    PyAsyncMethods *tp_as_async;
    reprfunc tp_repr;

    PyNumberMethods *tp_as_number;
    PySequenceMethods *tp_as_sequence;
    PyMappingMethods *tp_as_mapping;

    hashfunc tp_hash;
    ternaryfunc tp_call;
    reprfunc tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;

    PyBufferProcs *tp_as_buffer;
    unsigned long tp_flags;
    const char *tp_doc;

    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    Py_ssize_t tp_weaklistoffset;

    getiterfunc tp_iter;
    iternextfunc tp_iternext;

    PyMethodDef *tp_methods;
    PyMemberDef *tp_members;
    PyGetSetDef *tp_getset;
    PyTypeObject *tp_base;
    PyObject *tp_dict;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    Py_ssize_t tp_dictoffset;
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    inquiry tp_is_gc;
    PyObject *tp_bases;
    PyObject *tp_mro;
    PyObject *tp_cache;
    void *tp_subclasses; /* dict of weakrefs to subclasses, keyed by id */
    PyObject *tp_weaklist;
    destructor tp_del;
    unsigned int tp_version_tag; /* method-cache key; 0 = not valid */
    destructor tp_finalize;
    vectorcallfunc tp_vectorcall;
    unsigned char tp_watched;
    uint16_t tp_versions_used;
};

/* A class created by a class statement: the type plus the slot tables it owns. */
typedef struct _heaptypeobject {
    PyTypeObject ht_type;
    PyAsyncMethods as_async;
    PyNumberMethods as_number;
    PyMappingMethods as_mapping;
    PySequenceMethods as_sequence;
    PyBufferProcs as_buffer;
    PyObject *ht_name, *ht_slots, *ht_qualname;
    void *ht_cached_keys; /* shared keys for instance dicts (PEP 412) */
    PyObject *ht_module;
    char *_ht_tpname;
    void *_ht_reserved[3]; /* CPython's specialization cache; keeps type.__basicsize__ equal */
} PyHeapTypeObject;

/* tp_flags */
#define Py_TPFLAGS_MANAGED_DICT (1UL << 4)
#define Py_TPFLAGS_SEQUENCE (1UL << 5)
#define Py_TPFLAGS_MAPPING (1UL << 6)
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE (1UL << 9)
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#define Py_TPFLAGS_HAVE_VECTORCALL (1UL << 11)
#define Py_TPFLAGS_READY (1UL << 12)
#define Py_TPFLAGS_READYING (1UL << 13)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define Py_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define _Py_TPFLAGS_MATCH_SELF (1UL << 22)
#define Py_TPFLAGS_ITEMS_AT_END (1UL << 23)
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS (1UL << 31)
#define Py_TPFLAGS_DEFAULT 0UL

static inline int PyType_HasFeature(PyTypeObject *t, unsigned long f) { return (t->tp_flags & f) != 0; }
#define PyType_FastSubclass(t, f) PyType_HasFeature((t), (f))
#define _PyType_HasFeature PyType_HasFeature

/* Rich comparison opcodes */
#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5

#define Py_RETURN_NONE return Py_None
#define Py_RETURN_TRUE return Py_True
#define Py_RETURN_FALSE return Py_False
#define Py_RETURN_NOTIMPLEMENTED return Py_NotImplemented
#define Py_RETURN_RICHCOMPARE(val1, val2, op)                               \
    do {                                                                    \
        switch (op) {                                                       \
        case Py_EQ: if ((val1) == (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;  \
        case Py_NE: if ((val1) != (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;  \
        case Py_LT: if ((val1) < (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;   \
        case Py_GT: if ((val1) > (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;   \
        case Py_LE: if ((val1) <= (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;  \
        case Py_GE: if ((val1) >= (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;  \
        default: return NULL;                                               \
        }                                                                   \
    } while (0)

/* Singletons: statically allocated and immortal (defined in object.c / boolobject.c). */
extern PyObject _Py_NoneStruct;
extern PyObject _Py_NotImplementedStruct;
extern PyObject _Py_EllipsisObject;
#define Py_None (&_Py_NoneStruct)
#define Py_NotImplemented (&_Py_NotImplementedStruct)
#define Py_Ellipsis (&_Py_EllipsisObject)

extern PyTypeObject PyType_Type, PyBaseObject_Type, PySuper_Type;
extern PyTypeObject _PyNone_Type, _PyNotImplemented_Type, PyEllipsis_Type;

#define PyType_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS)
#define PyType_CheckExact(op) Py_IS_TYPE((op), &PyType_Type)

/* ---- type API (typeobject.c) ------------------------------------------------ */
int PyType_Ready(PyTypeObject *);
int PyType_IsSubtype(PyTypeObject *, PyTypeObject *);
static inline int PyObject_TypeCheck(PyObject *ob, PyTypeObject *t)
{
    return Py_IS_TYPE(ob, t) || PyType_IsSubtype(Py_TYPE(ob), t);
}
PyObject *PyType_GenericAlloc(PyTypeObject *, Py_ssize_t);
PyObject *PyType_GenericNew(PyTypeObject *, PyObject *, PyObject *);
PyObject *_PyType_Lookup(PyTypeObject *, PyObject *name); /* borrowed, no exception set */
PyObject *_PyType_LookupRef(PyTypeObject *, PyObject *name); /* new ref or NULL */
void PyType_Modified(PyTypeObject *);
PyObject *PyType_GetName(PyTypeObject *);
PyObject *PyType_GetQualName(PyTypeObject *);
const char *_PyType_Name(PyTypeObject *); /* tp_name after the last dot */
PyObject *_PyType_GetDict(PyTypeObject *); /* borrowed */
PyObject *_PyObject_LookupSpecial(PyObject *self, PyObject *attr); /* new ref or NULL */
PyObject *_PyType_NewManagedObject(PyTypeObject *);

/* ---- generic object API (object.c) ------------------------------------------ */
PyObject *PyObject_Repr(PyObject *);
PyObject *PyObject_Str(PyObject *);
PyObject *PyObject_ASCII(PyObject *);
PyObject *PyObject_Bytes(PyObject *);
PyObject *PyObject_RichCompare(PyObject *, PyObject *, int);
int PyObject_RichCompareBool(PyObject *, PyObject *, int);
PyObject *PyObject_GetAttrString(PyObject *, const char *);
int PyObject_SetAttrString(PyObject *, const char *, PyObject *);
int PyObject_DelAttrString(PyObject *, const char *);
int PyObject_HasAttrString(PyObject *, const char *);
PyObject *PyObject_GetAttr(PyObject *, PyObject *);
int PyObject_GetOptionalAttr(PyObject *, PyObject *, PyObject **); /* 1 found, 0 not, -1 error */
int PyObject_GetOptionalAttrString(PyObject *, const char *, PyObject **);
int PyObject_SetAttr(PyObject *, PyObject *, PyObject *);
int PyObject_DelAttr(PyObject *, PyObject *);
int PyObject_HasAttr(PyObject *, PyObject *);
int PyObject_HasAttrWithError(PyObject *, PyObject *);
PyObject *PyObject_GenericGetAttr(PyObject *, PyObject *);
int PyObject_GenericSetAttr(PyObject *, PyObject *, PyObject *);
PyObject *_PyObject_GenericGetAttrWithDict(PyObject *, PyObject *, PyObject *dict, int suppress);
int _PyObject_GenericSetAttrWithDict(PyObject *, PyObject *, PyObject *, PyObject *dict);
PyObject *PyObject_GenericGetDict(PyObject *, void *);
int PyObject_GenericSetDict(PyObject *, PyObject *, void *);
PyObject **_PyObject_GetDictPtr(PyObject *);
/* Method lookup that avoids creating a bound method: returns 1 and an unbound function
 * in *method when `obj.name` would bind; 0 and the attribute itself otherwise. */
int _PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method);
Py_hash_t PyObject_Hash(PyObject *);
Py_hash_t PyObject_HashNotImplemented(PyObject *);
int PyObject_IsTrue(PyObject *);
int PyObject_Not(PyObject *);
int PyCallable_Check(PyObject *);
void PyObject_ClearWeakRefs(PyObject *);
PyObject *PyObject_Dir(PyObject *);
PyObject *PyObject_SelfIter(PyObject *);
int Py_ReprEnter(PyObject *);
void Py_ReprLeave(PyObject *);
PyObject *_PyObject_FunctionStr(PyObject *);
PyObject *PyObject_Format(PyObject *obj, PyObject *format_spec);

/* ---- type system internals shared with other areas (typeobject.c & co) --------- */
/* Heap-type instances keep their __dict__ and weakref list in a two-word pre-header just
 * before the GC header: [weaklist][dict][gc next][gc prev][object...]. */
#define _Py_TPFLAGS_STATIC_BUILTIN (1UL << 1)
#define Py_TPFLAGS_INLINE_VALUES (1UL << 2)
#define Py_TPFLAGS_MANAGED_WEAKREF (1UL << 3)
#define Py_TPFLAGS_PREHEADER (Py_TPFLAGS_MANAGED_WEAKREF | Py_TPFLAGS_MANAGED_DICT)
#define _PyType_SUPPORTS_WEAKREFS(t) ((t)->tp_weaklistoffset != 0)
static inline PyObject **_PyObject_ManagedDictPtr(PyObject *obj)
{
    return ((PyObject **)obj) - 3;
}
int _PyTypes_InitTypes(void); /* PyType_Ready on every type of pycore_typelist.h */
/* LOAD_SUPER_ATTR: super(type, obj).name; with method != NULL, may return an unbound
 * method and set *method = 1 (the caller then passes obj as self). */
PyObject *_PySuper_Lookup(PyTypeObject *type, PyObject *obj, PyObject *name, int *method);
/* The most derived metaclass of `metatype` and the metaclasses of `bases` (borrowed),
 * or NULL with TypeError "metaclass conflict: ..." */
PyTypeObject *_PyType_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases);
PyObject *_PyType_GetSubclasses(PyTypeObject *); /* list */
PyObject *_PyObject_GetState(PyObject *); /* object.__getstate__ */
PyObject *_Py_union_type_or(PyObject *, PyObject *); /* int | str (unionobject.c) */
int _PyUnion_Check(PyObject *);
extern PyTypeObject _PyUnion_Type, Py_GenericAliasType, _PyNamespace_Type;
PyObject *_PyNamespace_New(PyObject *kwds);
PyObject *_PyType_GetModuleName(PyTypeObject *);
int _PyObject_SetManagedDict(PyObject *obj, PyObject *new_dict);
void _PyObject_ClearManagedDict(PyObject *obj);

/* ---- printing helpers -------------------------------------------------------- */
#define Py_PRINT_RAW 1

#endif /* KR_OBJECT_H */
