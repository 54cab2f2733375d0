/* _kr_parser: a test hook exposing the parser. dump() returns exactly what CPython's
 * ast.dump(ast.parse(source, mode=mode), include_attributes=...) returns, which lets the
 * test-suite compare our AST with CPython's without an ast module. */
#include "parser.h"

PyObject *_KrAST_Dump(mod_ty mod, int include_attributes);

static PyObject *
parser_dump(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"source", "mode", "include_attributes", "filename", NULL};
    PyObject *source;
    const char *mode = "exec";
    int attrs = 0;
    PyObject *filename = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|spO:dump", kwlist, &source, &mode,
                                     &attrs, &filename))
        return NULL;
    int start;
    if (strcmp(mode, "exec") == 0)
        start = Py_file_input;
    else if (strcmp(mode, "eval") == 0)
        start = Py_eval_input;
    else if (strcmp(mode, "single") == 0)
        start = Py_single_input;
    else if (strcmp(mode, "func_type") == 0)
        start = Py_func_type_input;
    else {
        PyErr_SetString(PyExc_ValueError,
                        "dump() mode must be 'exec', 'eval', 'single' or 'func_type'");
        return NULL;
    }
    const char *src;
    Py_ssize_t srclen = 0;
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
    if (PyUnicode_Check(source)) {
        src = PyUnicode_AsUTF8AndSize(source, &srclen);
        flags.cf_flags |= PyCF_IGNORE_COOKIE | PyCF_SOURCE_IS_UTF8;
    }
    else if (PyBytes_Check(source)) {
        src = PyBytes_AS_STRING(source);
        srclen = PyBytes_GET_SIZE(source);
    }
    else {
        PyErr_SetString(PyExc_TypeError, "dump() source must be str or bytes");
        return NULL;
    }
    if (src == NULL)
        return NULL;
    if (strlen(src) != (size_t)srclen) {
        PyErr_SetString(PyExc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    PyObject *fn = filename ? filename : PyUnicode_FromString("<unknown>");
    if (fn == NULL)
        return NULL;
    if (filename)
        Py_INCREF(fn);
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        Py_DECREF(fn);
        return NULL;
    }
    mod_ty mod = _PyParser_ASTFromString(src, fn, start, &flags, arena);
    PyObject *res = mod ? _KrAST_Dump(mod, attrs) : NULL;
    _PyArena_Free(arena);
    Py_DECREF(fn);
    return res;
}

static PyMethodDef parser_methods[] = {
    {"dump", _PyCFunction_CAST(parser_dump), METH_VARARGS | METH_KEYWORDS,
     "dump(source, mode='exec', include_attributes=False)\n--\n\n"
     "Parse source and return the text ast.dump() would give for it."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef parsermodule = {
    PyModuleDef_HEAD_INIT, "_kr_parser", "Krait parser test hooks.", -1,
    parser_methods, NULL, NULL, NULL, NULL,
};

PyObject *
PyInit__kr_parser(void)
{
    return PyModule_Create(&parsermodule);
}
