/* bytes (src/objects/bytesobject.c) and bytearray (src/objects/bytearrayobject.c) */
#ifndef KR_BYTESOBJECT_H
#define KR_BYTESOBJECT_H
#include <stdarg.h>
#include "object.h"
typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_shash; /* -1 until computed */
    char ob_sval[1];    /* ob_size + 1 bytes, NUL-terminated */
} PyBytesObject;
extern PyTypeObject PyBytes_Type, PyBytesIter_Type;
#define PyBytes_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE((op), &PyBytes_Type)
#define PyBytes_AS_STRING(op) (((PyBytesObject *)(op))->ob_sval)
#define PyBytes_GET_SIZE(op) Py_SIZE(op)
PyObject *PyBytes_FromStringAndSize(const char *, Py_ssize_t);
PyObject *PyBytes_FromString(const char *);
PyObject *PyBytes_FromFormat(const char *, ...);
PyObject *PyBytes_FromObject(PyObject *);
Py_ssize_t PyBytes_Size(PyObject *);
char *PyBytes_AsString(PyObject *);
int PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len);
void PyBytes_Concat(PyObject **, PyObject *);
void PyBytes_ConcatAndDel(PyObject **, PyObject *);
int _PyBytes_Resize(PyObject **, Py_ssize_t);
PyObject *PyBytes_Repr(PyObject *, int smartquotes);
PyObject *_PyBytes_Join(PyObject *sep, PyObject *iterable);
PyObject *_PyBytes_DecodeEscape(const char *, Py_ssize_t, const char *errors,
                                const char **first_invalid_escape);

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t ob_alloc;
    char *ob_bytes;
    char *ob_start;
    Py_ssize_t ob_exports;
} PyByteArrayObject;
extern PyTypeObject PyByteArray_Type, PyByteArrayIter_Type;
#define PyByteArray_Check(op) PyObject_TypeCheck((op), &PyByteArray_Type)
#define PyByteArray_CheckExact(op) Py_IS_TYPE((op), &PyByteArray_Type)
extern char _PyByteArray_empty_string[];
#define PyByteArray_AS_STRING(op) \
    (((PyByteArrayObject *)(op))->ob_start ? ((PyByteArrayObject *)(op))->ob_start \
                                           : _PyByteArray_empty_string)
#define PyByteArray_GET_SIZE(op) Py_SIZE(op)
PyObject *PyByteArray_FromStringAndSize(const char *, Py_ssize_t);
PyObject *PyByteArray_FromObject(PyObject *);
int PyByteArray_Resize(PyObject *, Py_ssize_t);
char *PyByteArray_AsString(PyObject *);
Py_ssize_t PyByteArray_Size(PyObject *);

extern PyTypeObject PyMemoryView_Type, _PyMemoryIter_Type;
#define PyMemoryView_Check(op) Py_IS_TYPE((op), &PyMemoryView_Type)
PyObject *PyMemoryView_FromObject(PyObject *);
PyObject *PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags);
#endif
