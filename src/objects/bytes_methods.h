/* The methods bytes and bytearray share (bytes_methods.c) and the table entries for them. */
#ifndef KR_BYTES_METHODS_H
#define KR_BYTES_METHODS_H
#include "Python.h"
PyObject *_KrBytes_New(PyObject *self, const char *s, Py_ssize_t n);
int _KrBytes_Contains(PyObject *self, PyObject *arg);
#define KR_BM_NOARGS(X) X(isalnum) X(isalpha) X(isdigit) X(isspace) X(isascii) X(islower) \
    X(isupper) X(istitle) X(lower) X(upper) X(swapcase) X(capitalize) X(title)
#define KR_BM_FAST(X) X(find) X(rfind) X(index) X(rindex) X(count) X(startswith) \
    X(endswith) X(strip) X(lstrip) X(rstrip) X(ljust) X(rjust) X(center) X(replace)
#define KR_BM_KW(X) X(expandtabs) X(split) X(rsplit) X(splitlines) X(translate) X(decode) X(hex)
#define KR_BM_O(X) X(zfill) X(partition) X(rpartition) X(join) X(removeprefix) X(removesuffix)
#define KR_BM_DECL_NOARGS(n) PyObject *_KrBytes_##n(PyObject *, PyObject *);
#define KR_BM_DECL_FAST(n) PyObject *_KrBytes_##n(PyObject *, PyObject *const *, Py_ssize_t);
#define KR_BM_DECL_KW(n) PyObject *_KrBytes_##n(PyObject *, PyObject *const *, Py_ssize_t, PyObject *);
KR_BM_NOARGS(KR_BM_DECL_NOARGS)
KR_BM_FAST(KR_BM_DECL_FAST)
KR_BM_KW(KR_BM_DECL_KW)
KR_BM_O(KR_BM_DECL_NOARGS)
PyObject *_KrBytes_maketrans(PyObject *, PyObject *const *, Py_ssize_t);
PyObject *_KrBytes_fromhex(PyObject *cls, PyObject *string);
PyObject *_KrBuffer_DunderBuffer(PyObject *self, PyObject *flags);
PyObject *_KrBuffer_DunderReleaseBuffer(PyObject *self, PyObject *view);
#define KR_BM_ENTRY_NOARGS(n) {#n, (PyCFunction)_KrBytes_##n, METH_NOARGS, NULL},
#define KR_BM_ENTRY_FAST(n) {#n, _PyCFunction_CAST(_KrBytes_##n), METH_FASTCALL, NULL},
#define KR_BM_ENTRY_KW(n) {#n, _PyCFunction_CAST(_KrBytes_##n), METH_FASTCALL | METH_KEYWORDS, NULL},
#define KR_BM_ENTRY_O(n) {#n, (PyCFunction)_KrBytes_##n, METH_O, NULL},
#define KR_BYTES_COMMON_METHODS \
    KR_BM_NOARGS(KR_BM_ENTRY_NOARGS) KR_BM_FAST(KR_BM_ENTRY_FAST) KR_BM_KW(KR_BM_ENTRY_KW) \
    KR_BM_O(KR_BM_ENTRY_O) \
    {"maketrans", _PyCFunction_CAST(_KrBytes_maketrans), METH_FASTCALL | METH_STATIC, NULL}, \
    {"fromhex", (PyCFunction)_KrBytes_fromhex, METH_O | METH_CLASS, NULL},
#endif
