/* Shared between the parts of the _json accelerator (scanner, encoder, module). */
#ifndef KR_JSON_INTERNAL_H
#define KR_JSON_INTERNAL_H
#include "Python.h"

extern PyTypeObject _KrJSON_ScannerType;
extern PyTypeObject _KrJSON_EncoderType;

PyObject *_KrJSON_scanstring(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *_KrJSON_encode_basestring_ascii(PyObject *module, PyObject *s);
PyObject *_KrJSON_encode_basestring(PyObject *module, PyObject *s);

/* Raise json.decoder.JSONDecodeError(msg, doc, pos). Always returns NULL. */
PyObject *_KrJSON_RaiseDecodeError(const char *msg, PyObject *doc, Py_ssize_t pos);
#endif
