/* The _json accelerator module: C versions of json's scanner and encoder. */
#include "Python.h"
#include "_json_internal.h"

static PyMethodDef json_functions[] = {
    {"encode_basestring_ascii", _KrJSON_encode_basestring_ascii, METH_O,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation "
     "of a Python string"},
    {"encode_basestring", _KrJSON_encode_basestring, METH_O,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {"scanstring", _PyCFunction_CAST(_KrJSON_scanstring), METH_FASTCALL,
     "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON "
     "string. End is the index of the\ncharacter in s after the quote that started the JSON "
     "string."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef jsonmodule = {
    PyModuleDef_HEAD_INIT, "_json", "json speedups\n", 0, json_functions,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit__json(void)
{
    if (!(_KrJSON_ScannerType.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&_KrJSON_ScannerType) < 0)
        return NULL;
    if (!(_KrJSON_EncoderType.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&_KrJSON_EncoderType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&jsonmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "make_scanner", (PyObject *)&_KrJSON_ScannerType) < 0 ||
        PyModule_AddObjectRef(m, "make_encoder", (PyObject *)&_KrJSON_EncoderType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
