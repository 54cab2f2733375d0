/* Warnings issued from C (PyErr_WarnEx and friends).
 *
 * When a Python `warnings` module has been imported, warnings are routed through its
 * warn_explicit() so user filters apply. Otherwise a small C filter applies the -W /
 * PYTHONWARNINGS options and CPython's default filters and prints
 * "file:line: Category: message" plus the source line, once per location. */
#include <string.h>
#include <strings.h>
#include "Python.h"

/* Actions, in the order CPython's filters understand them. */
enum { W_DEFAULT, W_ERROR, W_IGNORE, W_ALWAYS, W_MODULE, W_ONCE, W_INVALID };

static int parse_action(const char *s, size_t n)
{
    static const struct { const char *name; int act; } names[] = {
        {"default", W_DEFAULT}, {"error", W_ERROR}, {"ignore", W_IGNORE},
        {"always", W_ALWAYS}, {"all", W_ALWAYS}, {"module", W_MODULE}, {"once", W_ONCE},
    };
    if (n == 0)
        return W_DEFAULT;
    for (size_t i = 0; i < Py_ARRAY_LENGTH(names); i++)
        if (strncmp(names[i].name, s, n) == 0)
            return names[i].act;
    return W_INVALID;
}

/* Does the category named `name` (a built-in warning class) cover `category`? */
static int category_matches(PyObject *category, const char *name, size_t n)
{
    if (n == 0)
        return 1;
    PyObject *builtins = PyEval_GetBuiltins();
    if (builtins == NULL)
        return 0;
    PyObject *key = PyUnicode_FromStringAndSize(name, (Py_ssize_t)n);
    if (key == NULL) {
        PyErr_Clear();
        return 0;
    }
    PyObject *cls = PyDict_GetItemWithError(builtins, key);
    Py_DECREF(key);
    if (cls == NULL || !PyType_Check(cls)) {
        PyErr_Clear();
        return 0;
    }
    return PyType_IsSubtype((PyTypeObject *)category, (PyTypeObject *)cls);
}

/* One "action:message:category:module:lineno" filter against a warning; returns the
 * action or -1 if it does not apply. Message is a case-insensitive prefix match and
 * module an exact match, which covers what the command line can express. */
static int filter_applies(const char *spec, PyObject *category, const char *text,
                          const char *module, int lineno)
{
    const char *field[5] = {0};
    size_t len[5] = {0};
    const char *p = spec;
    for (int i = 0; i < 5; i++) {
        const char *colon = strchr(p, ':');
        field[i] = p;
        len[i] = colon ? (size_t)(colon - p) : strlen(p);
        if (!colon) {
            for (int j = i + 1; j < 5; j++) {
                field[j] = "";
                len[j] = 0;
            }
            break;
        }
        p = colon + 1;
    }
    /* trim spaces around each field */
    for (int i = 0; i < 5; i++) {
        while (len[i] && field[i][0] == ' ') {
            field[i]++;
            len[i]--;
        }
        while (len[i] && field[i][len[i] - 1] == ' ')
            len[i]--;
    }
    int act = parse_action(field[0], len[0]);
    if (act == W_INVALID)
        return -1;
    if (len[1] && strncasecmp(field[1], text, len[1]) != 0)
        return -1;
    if (!category_matches(category, field[2], len[2]))
        return -1;
    if (len[3] && (strlen(module) != len[3] || strncmp(field[3], module, len[3]) != 0))
        return -1;
    if (len[4] && atoi(field[4]) != 0 && atoi(field[4]) != lineno)
        return -1;
    return act;
}

static int choose_action(PyObject *category, const char *text, const char *module,
                         int lineno)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *opts = interp->config.warnoptions;
    if (opts != NULL && PyList_Check(opts)) {
        /* Later options take precedence, as each -W is inserted at the front. */
        for (Py_ssize_t i = PyList_GET_SIZE(opts) - 1; i >= 0; i--) {
            PyObject *o = PyList_GET_ITEM(opts, i);
            const char *spec = PyUnicode_Check(o) ? PyUnicode_AsUTF8(o) : NULL;
            if (spec == NULL) {
                PyErr_Clear();
                continue;
            }
            int act = filter_applies(spec, category, text, module, lineno);
            if (act >= 0)
                return act;
        }
    }
    if (PyType_IsSubtype((PyTypeObject *)category, (PyTypeObject *)PyExc_DeprecationWarning))
        return strcmp(module, "__main__") == 0 ? W_DEFAULT : W_IGNORE;
    if (PyType_IsSubtype((PyTypeObject *)category,
                         (PyTypeObject *)PyExc_PendingDeprecationWarning) ||
        PyType_IsSubtype((PyTypeObject *)category, (PyTypeObject *)PyExc_ImportWarning) ||
        PyType_IsSubtype((PyTypeObject *)category, (PyTypeObject *)PyExc_ResourceWarning))
        return W_IGNORE;
    return W_DEFAULT;
}

/* Returns 1 if the key was already present (the warning was shown before). */
static int already_shown(PyObject *key)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->warn_registry == NULL) {
        interp->warn_registry = PyDict_New();
        if (interp->warn_registry == NULL)
            return -1;
    }
    int has = PyDict_Contains(interp->warn_registry, key);
    if (has != 0)
        return has;
    if (PyDict_SetItem(interp->warn_registry, key, Py_True) < 0)
        return -1;
    return 0;
}

static int show_warning(PyObject *category, PyObject *message, PyObject *filename,
                        int lineno, PyObject *source_line)
{
    PyObject *file = PySys_GetObject("stderr");
    if (file == NULL || file == Py_None)
        return 0;
    Py_INCREF(file);
    PyObject *line = PyUnicode_FromFormat("%S:%d: %s: %S\n", filename, lineno,
                                          _PyType_Name((PyTypeObject *)category), message);
    int rc = -1;
    if (line == NULL || PyFile_WriteObject(line, file, Py_PRINT_RAW) < 0)
        goto done;
    PyObject *src = source_line ? Py_NewRef(source_line)
                                : PyErr_ProgramTextObject(filename, lineno);
    if (src != NULL) {
        PyObject *stripped = PyObject_CallMethod(src, "strip", NULL);
        Py_DECREF(src);
        if (stripped == NULL)
            goto done;
        int r = 0;
        if (PyUnicode_GET_LENGTH(stripped) > 0) {
            r = PyFile_WriteString("  ", file);
            if (r == 0)
                r = PyFile_WriteObject(stripped, file, Py_PRINT_RAW);
            if (r == 0)
                r = PyFile_WriteString("\n", file);
        }
        Py_DECREF(stripped);
        if (r < 0)
            goto done;
    }
    rc = 0;
done:
    Py_XDECREF(line);
    Py_DECREF(file);
    return rc;
}

/* Route through a user-visible warnings module when one is loaded. Returns 1 if handled
 * (0 or -1 in *rc), 0 if the C filter should be used. */
static int delegate_to_python(PyObject *category, PyObject *message, PyObject *filename,
                              int lineno, PyObject *module, int *rc)
{
    PyObject *modules = PyImport_GetModuleDict();
    if (modules == NULL)
        return 0;
    PyObject *wmod = PyDict_GetItemString(modules, "warnings");
    if (wmod == NULL || wmod == Py_None)
        return 0;
    PyObject *fn = PyObject_GetAttrString(wmod, "warn_explicit");
    if (fn == NULL) {
        PyErr_Clear();
        return 0;
    }
    PyObject *res = PyObject_CallFunction(fn, "OOOiO", message, category, filename, lineno,
                                          module ? module : Py_None);
    Py_DECREF(fn);
    *rc = res ? 0 : -1;
    Py_XDECREF(res);
    return 1;
}

int PyErr_WarnExplicitObject(PyObject *category, PyObject *message, PyObject *filename,
                             int lineno, PyObject *module, PyObject *registry)
{
    if (category == NULL)
        category = PyExc_RuntimeWarning;
    if (filename == NULL)
        filename = Py_None;
    int rc;
    if (delegate_to_python(category, message, filename, lineno, module, &rc))
        return rc;
    PyObject *text = PyObject_Str(message);
    if (text == NULL)
        return -1;
    const char *ctext = PyUnicode_AsUTF8(text);
    const char *cmod = module && PyUnicode_Check(module) ? PyUnicode_AsUTF8(module) : "";
    if (ctext == NULL || cmod == NULL) {
        Py_DECREF(text);
        return -1;
    }
    int act = choose_action(category, ctext, cmod, lineno);
    rc = 0;
    if (act == W_IGNORE)
        goto done;
    if (act == W_ERROR) {
        PyObject *exc = PyExceptionInstance_Check(message) ? Py_NewRef(message)
                                                           : PyObject_CallOneArg(category, message);
        if (exc != NULL) {
            PyErr_SetObject(category, exc);
            Py_DECREF(exc);
        }
        rc = -1;
        goto done;
    }
    if (act != W_ALWAYS) {
        PyObject *key;
        if (act == W_ONCE)
            key = PyTuple_Pack(2, text, category);
        else if (act == W_MODULE)
            key = Py_BuildValue("(OOsi)", text, category, cmod, 0);
        else
            key = Py_BuildValue("(OOOi)", text, category, filename, lineno);
        if (key == NULL) {
            rc = -1;
            goto done;
        }
        int seen = already_shown(key);
        Py_DECREF(key);
        if (seen != 0) {
            rc = seen < 0 ? -1 : 0;
            goto done;
        }
    }
    rc = show_warning(category, text, filename, lineno, NULL);
done:
    Py_DECREF(text);
    return rc;
}

/* Find the file, line and module of the frame `stack_level` levels up (1 = the Python
 * code that called into C). */
static int warn_at_level(PyObject *category, PyObject *message, Py_ssize_t stack_level)
{
    PyFrameObject *f = PyEval_GetFrame();
    Py_XINCREF(f);
    for (Py_ssize_t i = 1; i < stack_level && f != NULL; i++) {
        PyFrameObject *back = PyFrame_GetBack(f);
        Py_DECREF(f);
        f = back;
    }
    PyObject *filename, *module = NULL;
    int lineno;
    if (f == NULL) {
        filename = PyUnicode_FromString("sys");
        lineno = 0;
        module = PyUnicode_FromString("sys");
    }
    else {
        PyCodeObject *co = PyFrame_GetCode(f);
        filename = Py_NewRef(co->co_filename);
        Py_DECREF(co);
        lineno = PyFrame_GetLineNumber(f);
        PyObject *globals = PyFrame_GetGlobals(f);
        if (globals != NULL && PyDict_Check(globals)) {
            PyObject *name = PyDict_GetItemString(globals, "__name__");
            if (name != NULL && PyUnicode_Check(name))
                module = Py_NewRef(name);
        }
        Py_XDECREF(globals);
        Py_DECREF(f);
        if (module == NULL)
            module = PyUnicode_FromString("<string>");
    }
    int rc = -1;
    if (filename != NULL && module != NULL)
        rc = PyErr_WarnExplicitObject(category, message, filename, lineno, module, NULL);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return rc;
}

int PyErr_WarnEx(PyObject *category, const char *text, Py_ssize_t stack_level)
{
    PyObject *message = PyUnicode_FromString(text);
    if (message == NULL)
        return -1;
    int rc = warn_at_level(category ? category : PyExc_RuntimeWarning, message, stack_level);
    Py_DECREF(message);
    return rc;
}

static int warn_formatv(PyObject *category, Py_ssize_t stack_level, const char *format,
                        va_list va)
{
    PyObject *message = PyUnicode_FromFormatV(format, va);
    if (message == NULL)
        return -1;
    int rc = warn_at_level(category ? category : PyExc_RuntimeWarning, message, stack_level);
    Py_DECREF(message);
    return rc;
}

int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int rc = warn_formatv(category, stack_level, format, va);
    va_end(va);
    return rc;
}

int PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int rc = warn_formatv(PyExc_ResourceWarning, stack_level, format, va);
    va_end(va);
    return rc;
}

/* Python-level entry used by the builtin `_warnings`-style helper in sys: warn(message,
 * category=UserWarning, stacklevel=1). */
PyObject *_PyWarnings_Warn(PyObject *message, PyObject *category, Py_ssize_t stacklevel)
{
    if (PyExceptionInstance_Check(message)) {
        category = (PyObject *)Py_TYPE(message);
    }
    else if (category == NULL || category == Py_None) {
        category = PyExc_UserWarning;
    }
    else if (!PyType_Check(category) ||
             !PyType_IsSubtype((PyTypeObject *)category, (PyTypeObject *)PyExc_Warning)) {
        PyErr_Format(PyExc_TypeError, "category must be a Warning subclass, not '%s'",
                     Py_TYPE(category)->tp_name);
        return NULL;
    }
    if (warn_at_level(category, message, stacklevel) < 0)
        return NULL;
    Py_RETURN_NONE;
}

int _PyWarnings_Init(void)
{
    return 0;
}
