/* The import system: sys.modules caching, relative-name resolution, the fromlist
 * protocol, meta-path finders (built-in, frozen/path search and user finders),
 * module creation from specs, and running a module as __main__ (-m).
 *
 * The finder and loader classes themselves (ModuleSpec, BuiltinImporter,
 * FrozenImporter, PathFinder, FileFinder, SourceFileLoader, NamespaceLoader) live in
 * importlib_types.c; this file drives them. */
#include <string.h>
#include <sys/stat.h>
#include "Python.h"
#include "internal/pycore_import_state.h"

/* importlib_types.c */
PyObject *_KrImport_FindSpec(PyObject *name, PyObject *path); /* meta_path walk */
PyObject *_KrImport_ModuleFromSpec(PyObject *spec);
int _KrImport_ExecModule(PyObject *spec, PyObject *module);
int _KrImport_SpecIsInitializing(PyObject *spec);
int _KrImport_SetInitializing(PyObject *spec, int value);
PyObject *_KrImport_GetCode(PyObject *spec); /* code object for -m */
PyObject *_KrImport_FrozenFile(PyObject *name); /* a frozen lib module's source path */

/* ---- sys.modules -------------------------------------------------------------------- */

PyObject *PyImport_GetModuleDict(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    return ts ? ts->interp->imports.modules : NULL;
}

static PyObject *modules_or_error(void)
{
    PyObject *m = PyImport_GetModuleDict();
    if (m == NULL)
        PyErr_SetString(PyExc_RuntimeError, "unable to get sys.modules");
    return m;
}

/* sys.modules may be replaced by user code; prefer the current sys.modules object. */
static PyObject *sys_modules(void)
{
    PyObject *m = PySys_GetObject("modules");
    if (m != NULL && PyDict_Check(m))
        return m;
    return modules_or_error();
}

PyObject *PyImport_GetModule(PyObject *name)
{
    PyObject *modules = sys_modules();
    if (modules == NULL)
        return NULL;
    PyObject *m;
    if (PyMapping_GetOptionalItem(modules, name, &m) < 0)
        return NULL;
    if (m == Py_None) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

PyObject *PyImport_AddModuleRef(const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    PyObject *m = PyImport_AddModuleObject(n);
    Py_DECREF(n);
    return Py_XNewRef(m);
}

PyObject *PyImport_AddModuleObject(PyObject *name)
{
    PyObject *modules = sys_modules();
    if (modules == NULL)
        return NULL;
    PyObject *m;
    if (PyMapping_GetOptionalItem(modules, name, &m) < 0)
        return NULL;
    if (m != NULL && PyModule_Check(m)) {
        Py_DECREF(m); /* borrowed: still referenced by sys.modules */
        return m;
    }
    Py_XDECREF(m);
    m = PyModule_NewObject(name);
    if (m == NULL)
        return NULL;
    if (PyObject_SetItem(modules, name, m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(m);
    return m;
}

/* ---- finding and loading ---------------------------------------------------------------- */

static PyObject *not_found(PyObject *name, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    if (msg == NULL)
        return NULL;
    PyObject *exc = PyObject_CallOneArg(PyExc_ModuleNotFoundError, msg);
    Py_DECREF(msg);
    if (exc == NULL)
        return NULL;
    if (PyObject_SetAttrString(exc, "name", name) < 0) {
        Py_DECREF(exc);
        return NULL;
    }
    PyErr_SetObject(PyExc_ModuleNotFoundError, exc);
    Py_DECREF(exc);
    return NULL;
}

/* Load `name` (absolute) that is not in sys.modules yet. Returns a new reference. */
static PyObject *find_and_load(PyObject *name)
{
    PyObject *path = NULL, *parent_module = NULL, *parent = NULL, *child = NULL;
    PyObject *spec = NULL, *module = NULL, *result = NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    if (dot == -2)
        return NULL;
    if (dot >= 0) {
        parent = PyUnicode_Substring(name, 0, dot);
        child = PyUnicode_Substring(name, dot + 1, len);
        if (parent == NULL || child == NULL)
            goto done;
        parent_module = PyImport_GetModule(parent);
        if (parent_module == NULL) {
            if (PyErr_Occurred())
                goto done;
            PyObject *tmp = PyImport_ImportModuleLevelObject(parent, NULL, NULL, NULL, 0);
            if (tmp == NULL)
                goto done;
            Py_DECREF(tmp);
            parent_module = PyImport_GetModule(parent);
            if (parent_module == NULL) {
                if (!PyErr_Occurred())
                    not_found(name, "No module named %R", name);
                goto done;
            }
        }
        /* Importing the parent may have imported us as a side effect. */
        result = PyImport_GetModule(name);
        if (result != NULL || PyErr_Occurred())
            goto done;
        if (PyObject_GetOptionalAttr(parent_module, _Py_ID(__path__), &path) < 0)
            goto done;
        if (path == NULL) {
            not_found(name, "No module named %R; %R is not a package", name, parent);
            goto done;
        }
    }
    spec = _KrImport_FindSpec(name, path);
    if (spec == NULL) {
        if (!PyErr_Occurred())
            not_found(name, "No module named %R", name);
        goto done;
    }
    module = _KrImport_ModuleFromSpec(spec);
    if (module == NULL)
        goto done;
    PyObject *modules = sys_modules();
    if (modules == NULL || PyObject_SetItem(modules, name, module) < 0)
        goto done;
    if (_KrImport_SetInitializing(spec, 1) < 0)
        goto done;
    int rc = _KrImport_ExecModule(spec, module);
    _KrImport_SetInitializing(spec, 0);
    if (rc < 0) {
        /* A failed import leaves no trace in sys.modules. */
        PyObject *exc = PyErr_GetRaisedException();
        if (PyMapping_HasKey(modules, name) && PyObject_DelItem(modules, name) < 0)
            PyErr_Clear();
        PyErr_SetRaisedException(exc);
        goto done;
    }
    /* The module may have replaced itself in sys.modules. */
    result = PyImport_GetModule(name);
    if (result == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_ImportError, "Loaded module %R not found in sys.modules", name);
        goto done;
    }
    if (parent_module != NULL && PyObject_SetAttr(parent_module, child, result) < 0) {
        /* CPython only warns here; keep the import working. */
        PyErr_Clear();
    }
done:
    Py_XDECREF(path);
    Py_XDECREF(parent_module);
    Py_XDECREF(parent);
    Py_XDECREF(child);
    Py_XDECREF(spec);
    Py_XDECREF(module);
    return result;
}

/* Returns a new reference to sys.modules[name], importing it if needed. */
static PyObject *import_absolute(PyObject *name)
{
    PyObject *modules = sys_modules();
    if (modules == NULL)
        return NULL;
    PyObject *mod;
    if (PyMapping_GetOptionalItem(modules, name, &mod) < 0)
        return NULL;
    if (mod == Py_None) {
        Py_DECREF(mod);
        return not_found(name, "import of %U halted; None in sys.modules", name);
    }
    if (mod != NULL)
        return mod;
    if (_Py_EnterRecursiveCall(" while importing a module") < 0)
        return NULL;
    mod = find_and_load(name);
    _Py_LeaveRecursiveCall();
    return mod;
}

/* ---- relative names -------------------------------------------------------------------- */

static PyObject *resolve_name(PyObject *name, PyObject *globals, int level)
{
    if (globals == NULL || globals == Py_None) {
        PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!PyDict_Check(globals)) {
        PyErr_SetString(PyExc_TypeError, "globals must be a dict");
        return NULL;
    }
    PyObject *package = NULL, *spec = NULL;
    if (PyDict_GetItemRef(globals, _Py_ID(__package__), &package) < 0)
        return NULL;
    if (package == Py_None)
        Py_CLEAR(package);
    if (PyDict_GetItemRef(globals, _Py_ID(__spec__), &spec) < 0) {
        Py_XDECREF(package);
        return NULL;
    }
    if (package != NULL) {
        if (!PyUnicode_Check(package)) {
            PyErr_SetString(PyExc_TypeError, "package must be a string");
            goto error;
        }
    }
    else if (spec != NULL && spec != Py_None) {
        package = PyObject_GetAttrString(spec, "parent");
        if (package == NULL)
            goto error;
        if (!PyUnicode_Check(package)) {
            PyErr_SetString(PyExc_TypeError, "__spec__.parent must be a string");
            goto error;
        }
    }
    else {
        if (PyErr_WarnEx(PyExc_ImportWarning,
                         "can't resolve package from __spec__ or __package__, "
                         "falling back on __name__ and __path__", 1) < 0)
            goto error;
        if (PyDict_GetItemRef(globals, _Py_ID(__name__), &package) < 0)
            goto error;
        if (package == NULL) {
            PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
            goto error;
        }
        if (!PyUnicode_Check(package)) {
            PyErr_SetString(PyExc_TypeError, "__name__ must be a string");
            goto error;
        }
        int haspath = PyDict_Contains(globals, _Py_ID(__path__));
        if (haspath < 0)
            goto error;
        if (!haspath) {
            Py_ssize_t dot = PyUnicode_FindChar(package, '.', 0, PyUnicode_GET_LENGTH(package), -1);
            if (dot == -2)
                goto error;
            PyObject *sub = PyUnicode_Substring(package, 0, dot < 0 ? 0 : dot);
            Py_SETREF(package, sub);
            if (package == NULL)
                goto error;
        }
    }
    if (PyUnicode_GET_LENGTH(package) == 0) {
        PyErr_SetString(PyExc_ImportError, "attempted relative import with no known parent package");
        goto error;
    }
    Py_ssize_t last = PyUnicode_GET_LENGTH(package);
    for (int up = 1; up < level; up++) {
        last = PyUnicode_FindChar(package, '.', 0, last, -1);
        if (last == -2)
            goto error;
        if (last == -1) {
            PyErr_SetString(PyExc_ImportError, "attempted relative import beyond top-level package");
            goto error;
        }
    }
    PyObject *base = PyUnicode_Substring(package, 0, last);
    Py_DECREF(package);
    Py_XDECREF(spec);
    if (base == NULL || PyUnicode_GET_LENGTH(name) == 0)
        return base;
    PyObject *abs = PyUnicode_FromFormat("%U.%U", base, name);
    Py_DECREF(base);
    return abs;
error:
    Py_XDECREF(package);
    Py_XDECREF(spec);
    return NULL;
}

/* ---- the fromlist ------------------------------------------------------------------------ */

static int handle_fromlist(PyObject *module, PyObject *fromlist, int recursive)
{
    PyObject *seq = PySequence_Fast(fromlist, "fromlist must be a sequence");
    if (seq == NULL)
        return -1;
    PyObject *modname = NULL;
    int rc = -1;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *x = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(x)) {
            PyErr_Format(PyExc_TypeError, "Item in %s must be str, not %.100s",
                         recursive ? "__all__" : "``from list''", Py_TYPE(x)->tp_name);
            goto done;
        }
        if (_PyUnicode_EqualToASCIIString(x, "*")) {
            if (recursive)
                continue;
            PyObject *all;
            if (PyObject_GetOptionalAttr(module, _Py_ID(__all__), &all) < 0)
                goto done;
            if (all != NULL) {
                int r = handle_fromlist(module, all, 1);
                Py_DECREF(all);
                if (r < 0)
                    goto done;
            }
            continue;
        }
        int has = PyObject_HasAttrWithError(module, x);
        if (has < 0)
            goto done;
        if (has)
            continue;
        if (modname == NULL) {
            modname = PyObject_GetAttr(module, _Py_ID(__name__));
            if (modname == NULL)
                goto done;
        }
        PyObject *from_name = PyUnicode_FromFormat("%S.%U", modname, x);
        if (from_name == NULL)
            goto done;
        PyObject *sub = import_absolute(from_name);
        if (sub == NULL) {
            /* A missing submodule is fine here: `from pkg import name` reports the
             * missing name itself later. */
            if (PyErr_ExceptionMatches(PyExc_ModuleNotFoundError)) {
                PyObject *exc = PyErr_GetRaisedException();
                PyObject *ename = PyObject_GetAttrString(exc, "name");
                int same = ename && PyUnicode_Check(ename) && _PyUnicode_Equal(ename, from_name);
                Py_XDECREF(ename);
                PyErr_Clear();
                PyObject *inmods = NULL;
                if (same && PyMapping_GetOptionalItem(sys_modules(), from_name, &inmods) < 0)
                    PyErr_Clear();
                int swallow = same && inmods != Py_None;
                Py_XDECREF(inmods);
                if (swallow) {
                    Py_DECREF(exc);
                    Py_DECREF(from_name);
                    continue;
                }
                PyErr_SetRaisedException(exc);
            }
            Py_DECREF(from_name);
            goto done;
        }
        Py_DECREF(sub);
        Py_DECREF(from_name);
    }
    rc = 0;
done:
    Py_XDECREF(modname);
    Py_DECREF(seq);
    return rc;
}

PyObject *PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals, PyObject *locals,
                                           PyObject *fromlist, int level)
{
    (void)locals;
    PyObject *abs_name = NULL, *mod = NULL, *result = NULL;
    if (name == NULL || !PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        PyErr_SetString(PyExc_ValueError, "level must be >= 0");
        return NULL;
    }
    if (level > 0) {
        abs_name = resolve_name(name, globals, level);
        if (abs_name == NULL)
            return NULL;
    }
    else {
        if (PyUnicode_GET_LENGTH(name) == 0) {
            PyErr_SetString(PyExc_ValueError, "Empty module name");
            return NULL;
        }
        abs_name = Py_NewRef(name);
    }
    mod = import_absolute(abs_name);
    if (mod == NULL)
        goto done;
    int has_from = 0;
    if (fromlist != NULL && fromlist != Py_None) {
        has_from = PyObject_IsTrue(fromlist);
        if (has_from < 0)
            goto done;
    }
    if (!has_from) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(name);
        if (level == 0 || len > 0) {
            Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, 1);
            if (dot == -2)
                goto done;
            if (dot == -1) {
                result = Py_NewRef(mod);
                goto done;
            }
            if (level == 0) {
                PyObject *front = PyUnicode_Substring(name, 0, dot);
                if (front == NULL)
                    goto done;
                result = import_absolute(front);
                Py_DECREF(front);
            }
            else {
                Py_ssize_t cut = len - dot;
                Py_ssize_t abs_len = PyUnicode_GET_LENGTH(abs_name);
                PyObject *to_return = PyUnicode_Substring(abs_name, 0, abs_len - cut);
                if (to_return == NULL)
                    goto done;
                result = PyImport_GetModule(to_return);
                if (result == NULL && !PyErr_Occurred())
                    PyErr_Format(PyExc_KeyError, "%R not in sys.modules as expected", to_return);
                Py_DECREF(to_return);
            }
        }
        else {
            result = Py_NewRef(mod);
        }
    }
    else {
        int is_pkg = PyObject_HasAttrWithError(mod, _Py_ID(__path__));
        if (is_pkg < 0)
            goto done;
        if (is_pkg && handle_fromlist(mod, fromlist, 0) < 0)
            goto done;
        result = Py_NewRef(mod);
    }
done:
    Py_XDECREF(abs_name);
    Py_XDECREF(mod);
    return result;
}

PyObject *PyImport_Import(PyObject *name)
{
    /* Goes through builtins.__import__ so that user overrides are honoured. */
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    PyObject *imp = builtins ? PyDict_GetItemWithError(builtins, _Py_ID(__import__)) : NULL;
    PyObject *fromlist = PyList_New(0);
    if (fromlist == NULL)
        return NULL;
    PyObject *r;
    if (imp != NULL) {
        PyObject *args[5] = {name, Py_None, Py_None, fromlist, _PyLong_GetZero()};
        r = PyObject_Vectorcall(imp, args, 5, NULL);
    }
    else {
        if (PyErr_Occurred()) {
            Py_DECREF(fromlist);
            return NULL;
        }
        r = PyImport_ImportModuleLevelObject(name, NULL, NULL, fromlist, 0);
    }
    Py_DECREF(fromlist);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    r = PyImport_GetModule(name);
    if (r == NULL && !PyErr_Occurred())
        PyErr_Format(PyExc_KeyError, "%R", name);
    return r;
}

PyObject *PyImport_ImportModule(const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    PyObject *m = PyImport_Import(n);
    Py_DECREF(n);
    return m;
}

PyObject *PyImport_ImportModuleAttrString(const char *mod, const char *attr)
{
    PyObject *m = PyImport_ImportModule(mod);
    if (m == NULL)
        return NULL;
    PyObject *a = PyObject_GetAttrString(m, attr);
    Py_DECREF(m);
    return a;
}

PyObject *PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co, PyObject *pathname,
                                        PyObject *cpathname)
{
    (void)cpathname;
    PyObject *m = PyImport_AddModuleObject(name);
    if (m == NULL)
        return NULL;
    Py_INCREF(m);
    PyObject *d = PyModule_GetDict(m);
    int has = PyDict_Contains(d, _Py_ID(__builtins__));
    if (has < 0 || (!has && PyDict_SetItem(d, _Py_ID(__builtins__),
                                           _PyInterpreterState_GET()->builtins) < 0))
        goto error;
    if (pathname != NULL && PyDict_SetItem(d, _Py_ID(__file__), pathname) < 0)
        goto error;
    PyObject *r = PyEval_EvalCode(co, d, d);
    if (r == NULL)
        goto error;
    Py_DECREF(r);
    Py_DECREF(m);
    return PyImport_GetModule(name);
error:
    {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *mods = sys_modules();
        if (mods && PyMapping_HasKey(mods, name) && PyObject_DelItem(mods, name) < 0)
            PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
    Py_DECREF(m);
    return NULL;
}

PyObject *PyImport_ReloadModule(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_SetString(PyExc_TypeError, "reload() argument must be a module");
        return NULL;
    }
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL)
        return NULL;
    PyObject *modules = sys_modules();
    PyObject *cur = NULL;
    if (modules == NULL || PyMapping_GetOptionalItem(modules, name, &cur) < 0)
        goto error;
    if (cur != m) {
        Py_XDECREF(cur);
        PyErr_Format(PyExc_ImportError, "module %U not in sys.modules", name);
        PyObject *exc = PyErr_GetRaisedException();
        if (exc && PyObject_SetAttrString(exc, "name", name) < 0)
            PyErr_Clear();
        PyErr_SetRaisedException(exc);
        goto error;
    }
    Py_DECREF(cur);
    PyObject *path = NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    if (dot >= 0) {
        PyObject *parent = PyUnicode_Substring(name, 0, dot);
        PyObject *pm = parent ? PyImport_GetModule(parent) : NULL;
        if (pm == NULL) {
            if (parent != NULL && !PyErr_Occurred())
                PyErr_Format(PyExc_ImportError, "parent %R not in sys.modules", parent);
            Py_XDECREF(parent);
            goto error;
        }
        Py_DECREF(parent);
        path = PyObject_GetAttr(pm, _Py_ID(__path__));
        Py_DECREF(pm);
        if (path == NULL)
            goto error;
    }
    PyObject *spec = _KrImport_FindSpec(name, path);
    Py_XDECREF(path);
    if (spec == NULL) {
        if (!PyErr_Occurred())
            not_found(name, "spec not found for the module %R", name);
        goto error;
    }
    if (PyObject_SetAttr(m, _Py_ID(__spec__), spec) < 0 ||
        _KrImport_ExecModule(spec, m) < 0) {
        Py_DECREF(spec);
        goto error;
    }
    Py_DECREF(spec);
    PyObject *res = PyImport_GetModule(name);
    Py_DECREF(name);
    return res;
error:
    Py_DECREF(name);
    return NULL;
}

/* from module import *: public names (__all__, or names not starting with '_'). */
int _PyImport_ImportStar(PyObject *module, PyObject *locals)
{
    PyObject *all;
    int skip_private = 0;
    if (PyObject_GetOptionalAttr(module, _Py_ID(__all__), &all) < 0)
        return -1;
    if (all == NULL) {
        PyObject *dict;
        if (PyObject_GetOptionalAttr(module, _Py_ID(__dict__), &dict) < 0)
            return -1;
        if (dict == NULL) {
            PyErr_SetString(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (all == NULL)
            return -1;
        skip_private = 1;
    }
    PyObject *it = PyObject_GetIter(all);
    Py_DECREF(all);
    if (it == NULL)
        return -1;
    PyObject *name;
    int rc = 0;
    while ((name = PyIter_Next(it)) != NULL) {
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttr(module, _Py_ID(__name__));
            if (modname == NULL) {
                Py_DECREF(name);
                rc = -1;
                break;
            }
            if (!PyUnicode_Check(modname))
                PyErr_Format(PyExc_TypeError, "module __name__ must be a string, not %.100s",
                             Py_TYPE(modname)->tp_name);
            else
                PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                             skip_private ? "Key" : "Item", modname,
                             skip_private ? "__dict__" : "__all__", Py_TYPE(name)->tp_name);
            Py_DECREF(modname);
            Py_DECREF(name);
            rc = -1;
            break;
        }
        if (skip_private && PyUnicode_GET_LENGTH(name) > 0 &&
            PyUnicode_READ_CHAR(name, 0) == '_') {
            Py_DECREF(name);
            continue;
        }
        PyObject *value = PyObject_GetAttr(module, name);
        int r = value ? (PyDict_CheckExact(locals) ? PyDict_SetItem(locals, name, value)
                                                    : PyObject_SetItem(locals, name, value))
                      : -1;
        Py_XDECREF(value);
        Py_DECREF(name);
        if (r < 0) {
            rc = -1;
            break;
        }
    }
    Py_DECREF(it);
    if (rc == 0 && PyErr_Occurred())
        rc = -1;
    return rc;
}

PyObject *_PyImport_BuiltinModuleNames(void)
{
    Py_ssize_t n = 0;
    while (_PyImport_Inittab[n].name != NULL)
        n++;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyUnicode_FromString(_PyImport_Inittab[i].name);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *t = PyList_AsTuple(list);
    Py_DECREF(list);
    return t;
}

/* ---- running a module as __main__ (-m) -------------------------------------------------- */

/* "<sys.executable>: <msg>" on stderr, as runpy reports -m failures. Steals msg. */
static void print_main_error(PyObject *msg)
{
    if (msg == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *exe = PySys_GetObject("executable");
    PyObject *line = PyUnicode_FromFormat("%S: %U\n", exe ? exe : Py_None, msg);
    Py_DECREF(msg);
    PyObject *err = PySys_GetObject("stderr");
    if (line != NULL && err != NULL && err != Py_None &&
        PyFile_WriteObject(line, err, Py_PRINT_RAW) < 0)
        PyErr_Clear();
    Py_XDECREF(line);
    PyErr_Clear();
}

/* Returns the exit status (0 or 1 for errors found before running), or -1 with the
 * program's exception pending. */
int _PyImport_RunModuleAsMain(PyObject *name)
{
    PyObject *spec = NULL, *code = NULL, *path = NULL;
    PyObject *modname = Py_NewRef(name);
    int status = -1;
    for (int attempt = 0; attempt < 2; attempt++) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(modname);
        Py_ssize_t dot = PyUnicode_FindChar(modname, '.', 0, len, -1);
        Py_CLEAR(path);
        if (dot >= 0) {
            PyObject *parent = PyUnicode_Substring(modname, 0, dot);
            PyObject *pm = parent ? PyImport_ImportModuleLevelObject(parent, NULL, NULL, NULL, 0)
                                  : NULL;
            Py_XDECREF(pm);
            pm = parent && !PyErr_Occurred() ? PyImport_GetModule(parent) : NULL;
            if (pm == NULL) {
                if (!PyErr_Occurred() ||
                    PyErr_ExceptionMatches(PyExc_ImportError)) {
                    PyObject *exc = PyErr_GetRaisedException();
                    PyObject *msg = exc ? PyObject_Str(exc) : NULL;
                    if (msg == NULL) {
                        PyErr_Clear();
                        msg = PyUnicode_FromFormat("No module named %U", parent);
                    }
                    Py_XDECREF(exc);
                    PyObject *full = msg ? PyUnicode_FromFormat(
                                               "Error while finding module specification for %R (%s: %U)",
                                               modname, "ModuleNotFoundError", msg)
                                         : NULL;
                    Py_XDECREF(msg);
                    print_main_error(full);
                    Py_XDECREF(parent);
                    status = 1;
                    goto done;
                }
                Py_XDECREF(parent);
                goto done;
            }
            Py_DECREF(parent);
            if (PyObject_GetOptionalAttr(pm, _Py_ID(__path__), &path) < 0) {
                Py_DECREF(pm);
                goto done;
            }
            Py_DECREF(pm);
        }
        Py_XSETREF(spec, _KrImport_FindSpec(modname, path));
        if (spec == NULL) {
            if (PyErr_Occurred())
                goto done;
            print_main_error(PyUnicode_FromFormat("No module named %U", modname));
            status = 1;
            goto done;
        }
        PyObject *locs = PyObject_GetAttrString(spec, "submodule_search_locations");
        if (locs == NULL)
            goto done;
        int is_pkg = locs != Py_None;
        Py_DECREF(locs);
        if (!is_pkg)
            break;
        if (attempt == 1 || PyUnicode_GET_LENGTH(modname) == 0) {
            print_main_error(PyUnicode_FromString("Cannot use package as __main__ module"));
            status = 1;
            goto done;
        }
        /* A package runs its __main__ submodule; import the package first. */
        PyObject *pkgmod = PyImport_ImportModuleLevelObject(modname, NULL, NULL, NULL, 0);
        if (pkgmod == NULL)
            goto done;
        Py_DECREF(pkgmod);
        PyObject *sub = PyUnicode_FromFormat("%U.__main__", modname);
        if (sub == NULL)
            goto done;
        PyObject *subspec;
        PyObject *pm = PyImport_GetModule(modname);
        PyObject *ppath = pm ? PyObject_GetAttr(pm, _Py_ID(__path__)) : NULL;
        Py_XDECREF(pm);
        subspec = ppath ? _KrImport_FindSpec(sub, ppath) : NULL;
        Py_XDECREF(ppath);
        if (subspec == NULL) {
            Py_DECREF(sub);
            if (PyErr_Occurred())
                goto done;
            print_main_error(PyUnicode_FromFormat(
                "No module named %U.__main__; '%U' is a package and cannot be directly executed",
                modname, modname));
            status = 1;
            goto done;
        }
        Py_DECREF(subspec);
        Py_SETREF(modname, sub);
    }
    code = _KrImport_GetCode(spec);
    if (code == NULL) {
        if (!PyErr_Occurred()) {
            print_main_error(PyUnicode_FromFormat("No code object available for %U", modname));
            status = 1;
        }
        goto done;
    }
    PyObject *main = PyImport_AddModuleObject(_Py_ID(__main__));
    if (main == NULL)
        goto done;
    PyObject *d = PyModule_GetDict(main);
    /* A frozen library module runs under its source path, as an imported one has it
     * for __file__ (argparse and friends show sys.argv[0]). */
    PyObject *origin = _KrImport_FrozenFile(modname);
    if (origin == NULL)
        origin = PyObject_GetAttrString(spec, "origin");
    PyObject *loader = PyObject_GetAttrString(spec, "loader");
    PyObject *parent = PyObject_GetAttrString(spec, "parent");
    int ok = origin && loader && parent &&
             PyDict_SetItemString(d, "__name__", _Py_ID(__main__)) == 0 &&
             PyDict_SetItemString(d, "__file__", origin) == 0 &&
             PyDict_SetItemString(d, "__cached__", Py_None) == 0 &&
             PyDict_SetItemString(d, "__doc__", Py_None) == 0 &&
             PyDict_SetItemString(d, "__loader__", loader) == 0 &&
             PyDict_SetItemString(d, "__package__", parent) == 0 &&
             PyDict_SetItemString(d, "__spec__", spec) == 0;
    if (ok) {
        PyObject *argv = PySys_GetObject("argv");
        if (argv != NULL && PyList_Check(argv) && PyList_GET_SIZE(argv) > 0 &&
            origin != Py_None)
            ok = PyList_SetItem(argv, 0, Py_NewRef(origin)) == 0;
    }
    Py_XDECREF(origin);
    Py_XDECREF(loader);
    Py_XDECREF(parent);
    if (!ok)
        goto done;
    PyObject *r = PyEval_EvalCode(code, d, d);
    if (r == NULL)
        goto done;
    Py_DECREF(r);
    status = 0;
done:
    Py_XDECREF(modname);
    Py_XDECREF(spec);
    Py_XDECREF(code);
    Py_XDECREF(path);
    return status;
}
