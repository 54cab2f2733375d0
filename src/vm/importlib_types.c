/* The importlib machinery objects, written in C: ModuleSpec, the meta-path finders
 * (BuiltinImporter, PathFinder), the path-entry finder (FileFinder) and the loaders
 * (SourceFileLoader, FrozenImporter for the library compiled into the binary,
 * NamespaceLoader). They are Python-visible through the _frozen_importlib module and
 * sys.meta_path / sys.path_hooks, and the import driver (import.c) calls their C
 * bodies directly when it recognises them. */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <limits.h>
#include "Python.h"

#define FROZEN_PATH "<frozen>"

/* ---- objects with an instance dict --------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *dict;
} DictObject;

static int dobj_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((DictObject *)self)->dict);
    return 0;
}

static int dobj_clear(PyObject *self)
{
    Py_CLEAR(((DictObject *)self)->dict);
    return 0;
}

static void dobj_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((DictObject *)self)->dict);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *dget(PyObject *o, const char *name)
{
    return PyObject_GetAttrString(o, name);
}

static int dset(PyObject *o, const char *name, PyObject *v)
{
    return PyObject_SetAttrString(o, name, v);
}

static PyObject *list1(PyObject *item)
{
    PyObject *l = PyList_New(1);
    if (l != NULL)
        PyList_SET_ITEM(l, 0, Py_NewRef(item));
    return l;
}

static int dset_new(PyObject *o, const char *name, PyObject *v)
{
    if (v == NULL)
        return -1;
    int r = dset(o, name, v);
    Py_DECREF(v);
    return r;
}

/* ---- ModuleSpec ------------------------------------------------------------------------ */

static PyTypeObject ModuleSpec_Type;

static int spec_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "loader", "origin", "loader_state", "is_package", NULL};
    PyObject *name, *loader, *origin = Py_None, *state = Py_None, *is_pkg = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|$OOO:ModuleSpec", kwlist, &name, &loader,
                                     &origin, &state, &is_pkg))
        return -1;
    int pkg = PyObject_IsTrue(is_pkg);
    if (pkg < 0)
        return -1;
    if (dset(self, "name", name) < 0 || dset(self, "loader", loader) < 0 ||
        dset(self, "origin", origin) < 0 || dset(self, "loader_state", state) < 0 ||
        dset_new(self, "submodule_search_locations", pkg ? PyList_New(0) : Py_NewRef(Py_None)) < 0 ||
        dset_new(self, "_uninitialized_submodules", PyList_New(0)) < 0 ||
        dset(self, "_set_fileattr", Py_False) < 0 || dset(self, "cached", Py_None) < 0)
        return -1;
    return 0;
}

static PyObject *spec_get_parent(PyObject *self, void *c)
{
    PyObject *name = dget(self, "name");
    PyObject *locs = name ? dget(self, "submodule_search_locations") : NULL;
    if (locs == NULL) {
        Py_XDECREF(name);
        return NULL;
    }
    int is_pkg = locs != Py_None;
    Py_DECREF(locs);
    if (is_pkg || !PyUnicode_Check(name))
        return name;
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
    PyObject *r = dot == -2 ? NULL : PyUnicode_Substring(name, 0, dot < 0 ? 0 : dot);
    Py_DECREF(name);
    return r;
}

static PyObject *spec_get_has_location(PyObject *self, void *c)
{
    PyObject *v = dget(self, "_set_fileattr");
    if (v == NULL)
        return NULL;
    int t = PyObject_IsTrue(v);
    Py_DECREF(v);
    return t < 0 ? NULL : PyBool_FromLong(t);
}

static int spec_set_has_location(PyObject *self, PyObject *v, void *c)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete has_location");
        return -1;
    }
    int t = PyObject_IsTrue(v);
    if (t < 0)
        return -1;
    return dset(self, "_set_fileattr", t ? Py_True : Py_False);
}

static PyObject *spec_repr(PyObject *self)
{
    PyObject *name = dget(self, "name"), *loader = dget(self, "loader");
    PyObject *origin = dget(self, "origin"), *locs = dget(self, "submodule_search_locations");
    PyObject *r = NULL;
    if (name && loader && origin && locs) {
        PyObject *s = PyUnicode_FromFormat("%s(name=%R, loader=%R", _PyType_Name(Py_TYPE(self)),
                                           name, loader);
        if (s != NULL && origin != Py_None) {
            PyObject *t = PyUnicode_FromFormat("%U, origin=%R", s, origin);
            Py_SETREF(s, t);
        }
        if (s != NULL && locs != Py_None) {
            PyObject *t = PyUnicode_FromFormat("%U, submodule_search_locations=%R", s, locs);
            Py_SETREF(s, t);
        }
        if (s != NULL)
            r = PyUnicode_FromFormat("%U)", s);
        Py_XDECREF(s);
    }
    Py_XDECREF(name);
    Py_XDECREF(loader);
    Py_XDECREF(origin);
    Py_XDECREF(locs);
    return r;
}

static PyObject *spec_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyObject_TypeCheck(b, &ModuleSpec_Type))
        Py_RETURN_NOTIMPLEMENTED;
    static const char *const fields[] = {"name", "loader", "origin", "cached",
                                         "submodule_search_locations", "has_location"};
    int eq = 1;
    for (size_t i = 0; eq && i < Py_ARRAY_LENGTH(fields); i++) {
        PyObject *x = dget(a, fields[i]), *y = dget(b, fields[i]);
        if (x == NULL || y == NULL) {
            Py_XDECREF(x);
            Py_XDECREF(y);
            return NULL;
        }
        int r = PyObject_RichCompareBool(x, y, Py_EQ);
        Py_DECREF(x);
        Py_DECREF(y);
        if (r < 0)
            return NULL;
        eq = r;
    }
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyGetSetDef spec_getset[] = {
    {"parent", spec_get_parent, NULL, NULL, NULL},
    {"has_location", spec_get_has_location, spec_set_has_location, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject ModuleSpec_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib.ModuleSpec",
    .tp_basicsize = sizeof(DictObject),
    .tp_dealloc = dobj_dealloc,
    .tp_repr = spec_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "The specification for a module, used for loading.",
    .tp_traverse = dobj_traverse,
    .tp_clear = dobj_clear,
    .tp_richcompare = spec_richcompare,
    .tp_getset = spec_getset,
    .tp_dictoffset = offsetof(DictObject, dict),
    .tp_init = spec_init,
    .tp_new = PyType_GenericNew,
};

static PyObject *new_spec(PyObject *name, PyObject *loader, PyObject *origin, int is_pkg)
{
    PyObject *spec = PyType_GenericNew(&ModuleSpec_Type, NULL, NULL);
    if (spec == NULL)
        return NULL;
    PyObject *args = PyTuple_Pack(2, name, loader ? loader : Py_None);
    PyObject *kw = args ? Py_BuildValue("{sOsO}", "origin", origin ? origin : Py_None,
                                        "is_package", is_pkg ? Py_True : Py_False)
                        : NULL;
    int r = kw ? spec_init(spec, args, kw) : -1;
    Py_XDECREF(args);
    Py_XDECREF(kw);
    if (r < 0) {
        Py_DECREF(spec);
        return NULL;
    }
    return spec;
}

/* ---- loaders with (name, path) --------------------------------------------------------- */

static PyTypeObject SourceFileLoader_Type, NamespaceLoader_Type, FileFinder_Type;

static int sfl_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fullname", "path", NULL};
    PyObject *name, *path;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:SourceFileLoader", kwlist, &name, &path))
        return -1;
    if (dset(self, "name", name) < 0 || dset(self, "path", path) < 0)
        return -1;
    return 0;
}

static char *read_file(const char *path, size_t *plen)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    size_t cap = 16384, len = 0;
    char *buf = PyMem_RawMalloc(cap + 1);
    while (buf != NULL) {
        size_t n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (n == 0)
            break;
        if (len == cap) {
            cap *= 2;
            char *nb = PyMem_RawRealloc(buf, cap + 1);
            if (nb == NULL) {
                PyMem_RawFree(buf);
                buf = NULL;
                break;
            }
            buf = nb;
        }
    }
    fclose(fp);
    if (buf != NULL) {
        buf[len] = '\0';
        *plen = len;
    }
    else {
        errno = ENOMEM;
    }
    return buf;
}

static PyObject *compile_file(PyObject *path)
{
    const char *cpath = PyUnicode_AsUTF8(path);
    if (cpath == NULL)
        return NULL;
    size_t len;
    char *src = read_file(cpath, &len);
    if (src == NULL)
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
    PyObject *co;
    if (strlen(src) != len) {
        PyErr_SetString(PyExc_SyntaxError, "source code string cannot contain null bytes");
        co = NULL;
    }
    else {
        PyCompilerFlags cf = _PyCompilerFlags_INIT;
        co = Py_CompileStringObject(src, path, Py_file_input, &cf, -1);
    }
    PyMem_RawFree(src);
    return co;
}

static int exec_code_in(PyObject *code, PyObject *module)
{
    PyObject *d = PyModule_Check(module) ? PyModule_GetDict(module)
                                         : PyObject_GetAttr(module, _Py_ID(__dict__));
    if (d == NULL)
        return -1;
    if (!PyModule_Check(module))
        Py_DECREF(d); /* kept alive by the module */
    int has = PyDict_Contains(d, _Py_ID(__builtins__));
    if (has < 0 || (!has && PyDict_SetItem(d, _Py_ID(__builtins__),
                                           _PyInterpreterState_GET()->builtins) < 0))
        return -1;
    PyObject *r = PyEval_EvalCode(code, d, d);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static PyObject *sfl_get_code(PyObject *self, PyObject *unused)
{
    PyObject *path = dget(self, "path");
    if (path == NULL)
        return NULL;
    PyObject *co = compile_file(path);
    Py_DECREF(path);
    return co;
}

static PyObject *sfl_exec_module(PyObject *self, PyObject *module)
{
    PyObject *co = sfl_get_code(self, NULL);
    if (co == NULL)
        return NULL;
    int r = exec_code_in(co, module);
    Py_DECREF(co);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *ret_none(PyObject *self, PyObject *arg)
{
    Py_RETURN_NONE;
}

static PyObject *sfl_get_filename(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return dget(self, "path");
}

static PyObject *sfl_get_data(PyObject *self, PyObject *path)
{
    PyObject *p = PyOS_FSPath(path);
    if (p == NULL)
        return NULL;
    const char *cp = PyUnicode_Check(p) ? PyUnicode_AsUTF8(p) : PyBytes_AsString(p);
    if (cp == NULL) {
        Py_DECREF(p);
        return NULL;
    }
    size_t len;
    char *data = read_file(cp, &len);
    if (data == NULL) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, p);
        Py_DECREF(p);
        return NULL;
    }
    Py_DECREF(p);
    PyObject *r = PyBytes_FromStringAndSize(data, (Py_ssize_t)len);
    PyMem_RawFree(data);
    return r;
}

static PyObject *sfl_get_source(PyObject *self, PyObject *name)
{
    PyObject *path = dget(self, "path");
    if (path == NULL)
        return NULL;
    PyObject *data = sfl_get_data(self, path);
    Py_DECREF(path);
    if (data == NULL)
        return NULL;
    PyObject *r = PyUnicode_DecodeUTF8(PyBytes_AS_STRING(data), PyBytes_GET_SIZE(data), "replace");
    Py_DECREF(data);
    return r;
}

static PyObject *sfl_is_package(PyObject *self, PyObject *name)
{
    PyObject *path = dget(self, "path");
    if (path == NULL)
        return NULL;
    const char *p = PyUnicode_AsUTF8(path);
    int r = 0;
    if (p != NULL) {
        const char *slash = strrchr(p, '/');
        r = strcmp(slash ? slash + 1 : p, "__init__.py") == 0;
    }
    Py_DECREF(path);
    if (p == NULL)
        return NULL;
    return PyBool_FromLong(r);
}

static PyMethodDef sfl_methods[] = {
    {"create_module", ret_none, METH_O, NULL},
    {"exec_module", sfl_exec_module, METH_O, NULL},
    {"get_code", sfl_get_code, METH_O, NULL},
    {"get_source", sfl_get_source, METH_O, NULL},
    {"get_data", sfl_get_data, METH_O, NULL},
    {"get_filename", _PyCFunction_CAST(sfl_get_filename), METH_FASTCALL, NULL},
    {"is_package", sfl_is_package, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject SourceFileLoader_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.SourceFileLoader",
    .tp_basicsize = sizeof(DictObject),
    .tp_dealloc = dobj_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_traverse = dobj_traverse,
    .tp_clear = dobj_clear,
    .tp_methods = sfl_methods,
    .tp_dictoffset = offsetof(DictObject, dict),
    .tp_init = sfl_init,
    .tp_new = PyType_GenericNew,
};

static PyMethodDef nsl_methods[] = {
    {"create_module", ret_none, METH_O, NULL},
    {"exec_module", ret_none, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject NamespaceLoader_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.NamespaceLoader",
    .tp_basicsize = sizeof(DictObject),
    .tp_dealloc = dobj_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_traverse = dobj_traverse,
    .tp_clear = dobj_clear,
    .tp_methods = nsl_methods,
    .tp_dictoffset = offsetof(DictObject, dict),
    .tp_new = PyType_GenericNew,
};

/* ---- frozen library -------------------------------------------------------------------- */

static PyTypeObject FrozenImporter_Type, BuiltinImporter_Type, PathFinder_Type;

static const struct _frozen *find_frozen(PyObject *name)
{
    const char *n = PyUnicode_AsUTF8(name);
    if (n == NULL) {
        PyErr_Clear();
        return NULL;
    }
    for (const struct _frozen *f = _PyImport_FrozenModules; f->name != NULL; f++)
        if (strcmp(f->name, n) == 0)
            return f;
    return NULL;
}

/* CPython 3.13 freezes only its start-up modules, whose loader is the FrozenImporter class
 * itself; every other library module has a loader instance. We freeze the whole library,
 * so the rest get one shared instance and look like CPython's to introspection
 * (inspect.getmembers(json, inspect.isclass) must not list __loader__). */
static const char *const cpython_frozen_names[] = {
    "zipimport", "codecs", "abc", "io", "stat", "_collections_abc", "genericpath",
    "posixpath", "ntpath", "os", "os.path", "_sitebuiltins", "site", "runpy",
    "importlib.util", "importlib.machinery", NULL,
};

static PyTypeObject FrozenImporter_Type;

static int is_frozen_loader(PyObject *loader)
{
    return loader == (PyObject *)&FrozenImporter_Type || Py_IS_TYPE(loader, &FrozenImporter_Type);
}

/* Borrowed reference. */
static PyObject *frozen_loader_for(const char *name)
{
    for (const char *const *p = cpython_frozen_names; *p != NULL; p++)
        if (strcmp(*p, name) == 0)
            return (PyObject *)&FrozenImporter_Type;
    struct _kr_import_state *st = &_PyInterpreterState_GET()->imports;
    if (st->frozen_loader == NULL)
        st->frozen_loader = PyObject_CallNoArgs((PyObject *)&FrozenImporter_Type);
    return st->frozen_loader;
}

static PyObject *frozen_spec(PyObject *name)
{
    const struct _frozen *f = find_frozen(name);
    if (f == NULL)
        return NULL;
    PyObject *origin = PyUnicode_FromString("frozen");
    if (origin == NULL)
        return NULL;
    PyObject *loader = frozen_loader_for(f->name);
    if (loader == NULL) {
        Py_DECREF(origin);
        return NULL;
    }
    PyObject *spec = new_spec(name, loader, origin, f->is_package);
    Py_DECREF(origin);
    if (spec != NULL && f->is_package) {
        PyObject *locs = Py_BuildValue("[s]", FROZEN_PATH);
        if (dset_new(spec, "submodule_search_locations", locs) < 0)
            Py_CLEAR(spec);
    }
    return spec;
}

/* The source path a frozen library module names as its __file__ (new reference), or
 * NULL without an exception when `name` is not one of them. */
PyObject *_KrImport_FrozenFile(PyObject *name)
{
    const struct _frozen *f = find_frozen(name);
    if (f == NULL || f->relpath == NULL)
        return NULL;
    PyObject *file = PyUnicode_FromFormat("%s/%s", _PyImport_FrozenLibDir, f->relpath);
    if (file == NULL)
        PyErr_Clear();
    return file;
}

static PyObject *frozen_code(PyObject *name)
{
    const struct _frozen *f = find_frozen(name);
    if (f == NULL) {
        PyErr_Format(PyExc_ImportError, "No such frozen object named %R", name);
        return NULL;
    }
    PyObject *fn = PyUnicode_FromFormat("<frozen %U>", name);
    if (fn == NULL)
        return NULL;
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    PyObject *co = Py_CompileStringObject(f->source, fn, Py_file_input, &cf, -1);
    Py_DECREF(fn);
    return co;
}

static PyObject *module_spec_name(PyObject *module)
{
    PyObject *spec = PyObject_GetAttr(module, _Py_ID(__spec__));
    if (spec != NULL && spec != Py_None) {
        PyObject *n = dget(spec, "name");
        Py_DECREF(spec);
        return n;
    }
    Py_XDECREF(spec);
    PyErr_Clear();
    return PyObject_GetAttr(module, _Py_ID(__name__));
}

static PyObject *fi_find_spec(PyObject *cls, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("find_spec", nargs, 1, 3))
        return NULL;
    PyObject *spec = frozen_spec(args[0]);
    if (spec == NULL && !PyErr_Occurred())
        Py_RETURN_NONE;
    return spec;
}

static PyObject *fi_exec_module(PyObject *cls, PyObject *module)
{
    PyObject *name = module_spec_name(module);
    if (name == NULL)
        return NULL;
    PyObject *co = frozen_code(name);
    Py_DECREF(name);
    if (co == NULL)
        return NULL;
    int r = exec_code_in(co, module);
    Py_DECREF(co);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *fi_get_code(PyObject *cls, PyObject *name)
{
    return frozen_code(name);
}

static PyObject *fi_get_source(PyObject *cls, PyObject *name)
{
    const struct _frozen *f = find_frozen(name);
    if (f == NULL)
        Py_RETURN_NONE;
    return PyUnicode_FromString(f->source);
}

static PyObject *fi_is_package(PyObject *cls, PyObject *name)
{
    const struct _frozen *f = find_frozen(name);
    if (f == NULL) {
        PyErr_Format(PyExc_ImportError, "No such frozen object named %R", name);
        return NULL;
    }
    return PyBool_FromLong(f->is_package);
}

static PyMethodDef fi_methods[] = {
    {"find_spec", _PyCFunction_CAST(fi_find_spec), METH_FASTCALL | METH_CLASS, NULL},
    {"create_module", ret_none, METH_O | METH_CLASS, NULL},
    {"exec_module", fi_exec_module, METH_O | METH_CLASS, NULL},
    {"get_code", fi_get_code, METH_O | METH_CLASS, NULL},
    {"get_source", fi_get_source, METH_O | METH_CLASS, NULL},
    {"is_package", fi_is_package, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject FrozenImporter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib.FrozenImporter",
    .tp_basicsize = sizeof(PyObject),
    .tp_new = PyType_GenericNew,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = fi_methods,
};

/* ---- built-in C modules ------------------------------------------------------------------ */

static const struct _inittab *find_builtin(PyObject *name)
{
    const char *n = PyUnicode_AsUTF8(name);
    if (n == NULL) {
        PyErr_Clear();
        return NULL;
    }
    for (const struct _inittab *p = _PyImport_Inittab; p->name != NULL; p++)
        if (strcmp(p->name, n) == 0)
            return p;
    return NULL;
}

static PyObject *bi_find_spec(PyObject *cls, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("find_spec", nargs, 1, 3))
        return NULL;
    if (nargs > 1 && args[1] != Py_None)
        Py_RETURN_NONE; /* built-in modules are top level */
    if (find_builtin(args[0]) == NULL)
        Py_RETURN_NONE;
    PyObject *origin = PyUnicode_FromString("built-in");
    if (origin == NULL)
        return NULL;
    PyObject *spec = new_spec(args[0], (PyObject *)&BuiltinImporter_Type, origin, 0);
    Py_DECREF(origin);
    return spec;
}

static PyObject *bi_create_module(PyObject *cls, PyObject *spec)
{
    PyObject *name = dget(spec, "name");
    if (name == NULL)
        return NULL;
    const struct _inittab *p = find_builtin(name);
    if (p == NULL) {
        PyErr_Format(PyExc_ImportError, "no built-in module named %U", name);
        Py_DECREF(name);
        return NULL;
    }
    PyObject *m = p->initfunc();
    if (m == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_SystemError, "initialization of %U failed without raising an exception", name);
        Py_DECREF(name);
        return NULL;
    }
    if (Py_IS_TYPE(m, &PyModuleDef_Type)) {
        /* Multi-phase initialisation: create from the definition, then run the
         * exec slots. */
        PyModuleDef *def = (PyModuleDef *)m;
        PyObject *mod = PyModule_Create(def);
        for (PyModuleDef_Slot *s = def->m_slots; mod && s && s->slot; s++) {
            if (s->slot == Py_mod_exec && ((int (*)(PyObject *))s->value)(mod) < 0)
                Py_CLEAR(mod);
        }
        m = mod;
    }
    Py_DECREF(name);
    return m;
}

static PyMethodDef bi_methods[] = {
    {"find_spec", _PyCFunction_CAST(bi_find_spec), METH_FASTCALL | METH_CLASS, NULL},
    {"create_module", bi_create_module, METH_O | METH_CLASS, NULL},
    {"exec_module", ret_none, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject BuiltinImporter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib.BuiltinImporter",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = bi_methods,
};

/* ---- FileFinder -------------------------------------------------------------------------- */

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int ff_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *path;
    if (!PyArg_ParseTuple(args, "O|O:FileFinder", &path, &(PyObject *){NULL}))
        return -1;
    PyObject *p = PyOS_FSPath(path);
    if (p == NULL)
        return -1;
    if (!PyUnicode_Check(p)) {
        Py_DECREF(p);
        PyErr_SetString(PyExc_ImportError, "only str paths are supported");
        return -1;
    }
    const char *cp = PyUnicode_AsUTF8(p);
    if (cp == NULL) {
        Py_DECREF(p);
        return -1;
    }
    char buf[PATH_MAX];
    PyObject *abs;
    if (cp[0] == '\0' || strcmp(cp, ".") == 0) {
        abs = getcwd(buf, sizeof buf) ? PyUnicode_DecodeFSDefault(buf) : Py_NewRef(p);
    }
    else if (cp[0] != '/') {
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd) == NULL)
            cwd[0] = '\0';
        abs = PyUnicode_FromFormat("%s/%s", cwd, cp);
    }
    else {
        abs = Py_NewRef(p);
    }
    Py_DECREF(p);
    if (abs == NULL)
        return -1;
    const char *ca = PyUnicode_AsUTF8(abs);
    if (ca == NULL || !is_dir(ca)) {
        if (ca != NULL) {
            PyErr_SetString(PyExc_ImportError, "only directories are supported");
            PyObject *exc = PyErr_GetRaisedException();
            if (PyObject_SetAttrString(exc, "path", path) < 0)
                PyErr_Clear();
            PyErr_SetRaisedException(exc);
        }
        Py_DECREF(abs);
        return -1;
    }
    int r = dset(self, "path", abs);
    Py_DECREF(abs);
    return r;
}

static PyObject *file_spec(PyObject *fullname, PyObject *file, PyObject *pkgdir)
{
    PyObject *args = PyTuple_Pack(2, fullname, file);
    if (args == NULL)
        return NULL;
    PyObject *loader = PyObject_Call((PyObject *)&SourceFileLoader_Type, args, NULL);
    Py_DECREF(args);
    if (loader == NULL)
        return NULL;
    PyObject *spec = new_spec(fullname, loader, file, pkgdir != NULL);
    Py_DECREF(loader);
    if (spec == NULL)
        return NULL;
    if (dset(spec, "_set_fileattr", Py_True) < 0 ||
        (pkgdir != NULL &&
         dset_new(spec, "submodule_search_locations", list1(pkgdir)) < 0)) {
        Py_DECREF(spec);
        return NULL;
    }
    return spec;
}

/* The search itself: <dir>/<tail>/__init__.py, <dir>/<tail>.py, or a namespace
 * portion <dir>/<tail>/. */
static PyObject *filefinder_find(PyObject *dir, PyObject *fullname)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(fullname);
    Py_ssize_t dot = PyUnicode_FindChar(fullname, '.', 0, len, -1);
    if (dot == -2)
        return NULL;
    PyObject *tail = PyUnicode_Substring(fullname, dot + 1, len);
    if (tail == NULL)
        return NULL;
    PyObject *base = PyUnicode_FromFormat("%U/%U", dir, tail);
    Py_DECREF(tail);
    if (base == NULL)
        return NULL;
    const char *cb = PyUnicode_AsUTF8(base);
    PyObject *res = NULL;
    if (cb == NULL)
        goto done;
    char path[PATH_MAX + 32];
    int namespace = 0;
    if (is_dir(cb)) {
        snprintf(path, sizeof path, "%s/__init__.py", cb);
        if (is_file(path)) {
            PyObject *f = PyUnicode_DecodeFSDefault(path);
            if (f != NULL)
                res = file_spec(fullname, f, base);
            Py_XDECREF(f);
            goto done;
        }
        namespace = 1;
    }
    snprintf(path, sizeof path, "%s.py", cb);
    if (is_file(path)) {
        PyObject *f = PyUnicode_DecodeFSDefault(path);
        if (f != NULL)
            res = file_spec(fullname, f, NULL);
        Py_XDECREF(f);
        goto done;
    }
    if (namespace) {
        res = new_spec(fullname, Py_None, Py_None, 1);
        if (res != NULL && dset_new(res, "submodule_search_locations", list1(base)) < 0)
            Py_CLEAR(res);
        goto done;
    }
    res = Py_NewRef(Py_None);
done:
    Py_DECREF(base);
    return res;
}

static PyObject *ff_find_spec(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("find_spec", nargs, 1, 2))
        return NULL;
    PyObject *dir = dget(self, "path");
    if (dir == NULL)
        return NULL;
    PyObject *r = filefinder_find(dir, args[0]);
    Py_DECREF(dir);
    return r;
}

static PyObject *ff_repr(PyObject *self)
{
    PyObject *p = dget(self, "path");
    if (p == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("FileFinder(%R)", p);
    Py_DECREF(p);
    return r;
}

static PyMethodDef ff_methods[] = {
    {"find_spec", _PyCFunction_CAST(ff_find_spec), METH_FASTCALL, NULL},
    {"invalidate_caches", ret_none, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject FileFinder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.FileFinder",
    .tp_basicsize = sizeof(DictObject),
    .tp_dealloc = dobj_dealloc,
    .tp_repr = ff_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_traverse = dobj_traverse,
    .tp_clear = dobj_clear,
    .tp_methods = ff_methods,
    .tp_dictoffset = offsetof(DictObject, dict),
    .tp_init = ff_init,
    .tp_new = PyType_GenericNew,
};

/* ---- PathFinder ------------------------------------------------------------------------- */

/* sys.path_importer_cache[entry], creating it through sys.path_hooks. New ref, may be None. */
static PyObject *path_entry_finder(PyObject *entry)
{
    PyObject *cache = PySys_GetObject("path_importer_cache");
    PyObject *finder;
    if (cache != NULL && PyDict_Check(cache)) {
        if (PyDict_GetItemRef(cache, entry, &finder) < 0)
            return NULL;
        if (finder != NULL)
            return finder;
    }
    PyObject *hooks = PySys_GetObject("path_hooks");
    finder = NULL;
    if (hooks != NULL && PyList_Check(hooks)) {
        Py_INCREF(hooks);
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(hooks); i++) {
            PyObject *hook = PyList_GET_ITEM(hooks, i);
            finder = PyObject_CallOneArg(hook, entry);
            if (finder != NULL)
                break;
            if (!PyErr_ExceptionMatches(PyExc_ImportError)) {
                Py_DECREF(hooks);
                return NULL;
            }
            PyErr_Clear();
        }
        Py_DECREF(hooks);
    }
    if (finder == NULL)
        finder = Py_NewRef(Py_None);
    if (cache != NULL && PyDict_Check(cache) && PyDict_SetItem(cache, entry, finder) < 0) {
        Py_DECREF(finder);
        return NULL;
    }
    return finder;
}

static PyObject *pathfinder_find(PyObject *fullname, PyObject *path)
{
    PyObject *entries = path;
    if (entries == NULL || entries == Py_None) {
        entries = PySys_GetObject("path");
        if (entries == NULL)
            Py_RETURN_NONE;
    }
    PyObject *seq = PySequence_List(entries);
    if (seq == NULL)
        return NULL;
    PyObject *ns_path = NULL, *result = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(seq); i++) {
        PyObject *entry = PyList_GET_ITEM(seq, i);
        if (!PyUnicode_Check(entry))
            continue;
        PyObject *spec;
        if (_PyUnicode_EqualToASCIIString(entry, FROZEN_PATH)) {
            spec = frozen_spec(fullname);
            if (spec == NULL) {
                if (PyErr_Occurred())
                    goto done;
                continue;
            }
            result = spec;
            goto done;
        }
        PyObject *finder = path_entry_finder(entry);
        if (finder == NULL)
            goto done;
        if (finder == Py_None) {
            Py_DECREF(finder);
            continue;
        }
        if (Py_IS_TYPE(finder, &FileFinder_Type)) {
            PyObject *dir = dget(finder, "path");
            spec = dir ? filefinder_find(dir, fullname) : NULL;
            Py_XDECREF(dir);
        }
        else {
            spec = PyObject_CallMethod(finder, "find_spec", "O", fullname);
        }
        Py_DECREF(finder);
        if (spec == NULL)
            goto done;
        if (spec == Py_None) {
            Py_DECREF(spec);
            continue;
        }
        PyObject *loader = dget(spec, "loader");
        if (loader == NULL) {
            Py_DECREF(spec);
            goto done;
        }
        int has_loader = loader != Py_None;
        Py_DECREF(loader);
        if (has_loader) {
            result = spec;
            goto done;
        }
        PyObject *portions = dget(spec, "submodule_search_locations");
        Py_DECREF(spec);
        if (portions == NULL)
            goto done;
        if (portions == Py_None) {
            Py_DECREF(portions);
            PyErr_SetString(PyExc_ImportError, "spec missing loader");
            goto done;
        }
        if (ns_path == NULL && (ns_path = PyList_New(0)) == NULL) {
            Py_DECREF(portions);
            goto done;
        }
        PyObject *r = _PyList_Extend((PyListObject *)ns_path, portions);
        Py_DECREF(portions);
        if (r == NULL)
            goto done;
        Py_DECREF(r);
    }
    if (ns_path != NULL) {
        PyObject *loader = PyType_GenericNew(&NamespaceLoader_Type, NULL, NULL);
        if (loader == NULL || dset(loader, "name", fullname) < 0 ||
            dset(loader, "_path", ns_path) < 0) {
            Py_XDECREF(loader);
            goto done;
        }
        result = new_spec(fullname, loader, Py_None, 1);
        Py_DECREF(loader);
        if (result != NULL && dset(result, "submodule_search_locations", ns_path) < 0)
            Py_CLEAR(result);
        goto done;
    }
    result = Py_NewRef(Py_None);
done:
    Py_XDECREF(ns_path);
    Py_DECREF(seq);
    return result;
}

static PyObject *pf_find_spec(PyObject *cls, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("find_spec", nargs, 1, 3))
        return NULL;
    return pathfinder_find(args[0], nargs > 1 ? args[1] : NULL);
}

static PyObject *pf_invalidate_caches(PyObject *cls, PyObject *unused)
{
    PyObject *cache = PySys_GetObject("path_importer_cache");
    if (cache != NULL && PyDict_Check(cache)) {
        PyObject *vals = PyDict_Values(cache);
        if (vals == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(vals); i++) {
            PyObject *f = PyList_GET_ITEM(vals, i);
            if (f == Py_None || Py_IS_TYPE(f, &FileFinder_Type))
                continue;
            PyObject *m;
            if (PyObject_GetOptionalAttrString(f, "invalidate_caches", &m) < 0) {
                Py_DECREF(vals);
                return NULL;
            }
            if (m != NULL) {
                PyObject *r = PyObject_CallNoArgs(m);
                Py_DECREF(m);
                if (r == NULL) {
                    Py_DECREF(vals);
                    return NULL;
                }
                Py_DECREF(r);
            }
        }
        Py_DECREF(vals);
    }
    Py_RETURN_NONE;
}

static PyMethodDef pf_methods[] = {
    {"find_spec", _PyCFunction_CAST(pf_find_spec), METH_FASTCALL | METH_CLASS, NULL},
    {"invalidate_caches", pf_invalidate_caches, METH_NOARGS | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject PathFinder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.PathFinder",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = pf_methods,
};

/* ---- what import.c calls --------------------------------------------------------------- */

PyObject *_KrImport_FindSpec(PyObject *name, PyObject *path)
{
    PyObject *meta = PySys_GetObject("meta_path");
    if (meta == NULL || !PyList_Check(meta)) {
        PyErr_SetString(PyExc_ImportError, "sys.meta_path must be a list of import finders");
        return NULL;
    }
    PyObject *finders = PyList_GetSlice(meta, 0, PyList_GET_SIZE(meta));
    if (finders == NULL)
        return NULL;
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(finders); i++) {
        PyObject *f = PyList_GET_ITEM(finders, i);
        PyObject *spec;
        if (f == (PyObject *)&BuiltinImporter_Type) {
            PyObject *args[2] = {name, path ? path : Py_None};
            spec = bi_find_spec(f, args, 2);
        }
        else if (f == (PyObject *)&PathFinder_Type) {
            spec = pathfinder_find(name, path);
        }
        else if (f == (PyObject *)&FrozenImporter_Type) {
            spec = Py_NewRef(Py_None); /* frozen modules are found through sys.path */
        }
        else {
            PyObject *fs;
            if (PyObject_GetOptionalAttrString(f, "find_spec", &fs) < 0)
                goto done;
            if (fs == NULL)
                continue;
            spec = PyObject_CallFunctionObjArgs(fs, name, path ? path : Py_None, Py_None, NULL);
            Py_DECREF(fs);
        }
        if (spec == NULL)
            goto done;
        if (spec != Py_None) {
            result = spec;
            goto done;
        }
        Py_DECREF(spec);
    }
done:
    Py_DECREF(finders);
    return result;
}

static int set_if_missing(PyObject *module, PyObject *name, PyObject *value, int override)
{
    if (!override) {
        PyObject *cur;
        if (PyObject_GetOptionalAttr(module, name, &cur) < 0)
            return -1;
        if (cur != NULL && cur != Py_None) {
            Py_DECREF(cur);
            return 0;
        }
        Py_XDECREF(cur);
    }
    return PyObject_SetAttr(module, name, value);
}

PyObject *_KrImport_ModuleFromSpec(PyObject *spec)
{
    PyObject *loader = dget(spec, "loader");
    if (loader == NULL)
        return NULL;
    PyObject *module = NULL;
    if (loader == (PyObject *)&BuiltinImporter_Type) {
        module = bi_create_module(loader, spec);
        if (module == NULL) {
            Py_DECREF(loader);
            return NULL;
        }
    }
    else if (loader != Py_None && !Py_IS_TYPE(loader, &SourceFileLoader_Type) &&
             !is_frozen_loader(loader)) {
        PyObject *cm;
        if (PyObject_GetOptionalAttrString(loader, "create_module", &cm) < 0)
            goto error;
        if (cm != NULL) {
            module = PyObject_CallOneArg(cm, spec);
            Py_DECREF(cm);
            if (module == NULL)
                goto error;
            if (module == Py_None)
                Py_CLEAR(module);
        }
        else {
            PyObject *em;
            if (PyObject_GetOptionalAttrString(loader, "exec_module", &em) < 0)
                goto error;
            if (em != NULL) {
                Py_DECREF(em);
                PyErr_SetString(PyExc_ImportError,
                                "loaders that define exec_module() must also define create_module()");
                goto error;
            }
        }
    }
    PyObject *name = dget(spec, "name");
    if (name == NULL)
        goto error;
    if (module == NULL) {
        module = PyModule_NewObject(name);
        if (module == NULL) {
            Py_DECREF(name);
            goto error;
        }
    }
    Py_DECREF(name);
    PyObject *parent = NULL, *locs = NULL, *origin = NULL;
    int has_loc = 0;
    if (loader != Py_None && set_if_missing(module, _Py_ID(__loader__), loader, 0) < 0)
        goto error;
    if (loader == Py_None) {
        PyObject *locs0 = dget(spec, "submodule_search_locations");
        if (locs0 == NULL)
            goto error;
        if (locs0 != Py_None) {
            /* a namespace package without loader: CPython gives it a NamespaceLoader */
            PyObject *nl = PyType_GenericNew(&NamespaceLoader_Type, NULL, NULL);
            if (nl == NULL || set_if_missing(module, _Py_ID(__loader__), nl, 0) < 0 ||
                dset(spec, "loader", nl) < 0) {
                Py_XDECREF(nl);
                Py_DECREF(locs0);
                goto error;
            }
            Py_DECREF(nl);
        }
        Py_DECREF(locs0);
    }
    parent = dget(spec, "parent");
    if (parent == NULL || set_if_missing(module, _Py_ID(__package__), parent, 0) < 0)
        goto attrs_error;
    if (PyObject_SetAttr(module, _Py_ID(__spec__), spec) < 0)
        goto attrs_error;
    locs = dget(spec, "submodule_search_locations");
    if (locs == NULL || (locs != Py_None && set_if_missing(module, _Py_ID(__path__), locs, 0) < 0))
        goto attrs_error;
    PyObject *hl = dget(spec, "has_location");
    if (hl == NULL)
        goto attrs_error;
    has_loc = PyObject_IsTrue(hl);
    Py_DECREF(hl);
    if (has_loc < 0)
        goto attrs_error;
    if (has_loc) {
        origin = dget(spec, "origin");
        if (origin == NULL || set_if_missing(module, _Py_ID(__file__), origin, 0) < 0)
            goto attrs_error;
        PyObject *cached = dget(spec, "cached");
        if (cached == NULL) {
            PyErr_Clear();
            cached = Py_NewRef(Py_None);
        }
        int r = PyObject_SetAttrString(module, "__cached__", cached);
        Py_DECREF(cached);
        if (r < 0)
            goto attrs_error;
    }
    if (is_frozen_loader(loader)) {
        /* Frozen library modules still name their source file, as CPython's do. */
        PyObject *nm = dget(spec, "name");
        const struct _frozen *f = nm ? find_frozen(nm) : NULL;
        Py_XDECREF(nm);
        if (f != NULL && f->relpath != NULL) {
            PyObject *file = PyUnicode_FromFormat("%s/%s", _PyImport_FrozenLibDir, f->relpath);
            if (file == NULL || set_if_missing(module, _Py_ID(__file__), file, 0) < 0) {
                Py_XDECREF(file);
                goto attrs_error;
            }
            Py_DECREF(file);
        }
        PyErr_Clear();
    }
    Py_XDECREF(parent);
    Py_XDECREF(locs);
    Py_XDECREF(origin);
    Py_DECREF(loader);
    return module;
attrs_error:
    Py_XDECREF(parent);
    Py_XDECREF(locs);
    Py_XDECREF(origin);
error:
    Py_XDECREF(module);
    Py_DECREF(loader);
    return NULL;
}

int _KrImport_ExecModule(PyObject *spec, PyObject *module)
{
    PyObject *loader = dget(spec, "loader");
    if (loader == NULL)
        return -1;
    PyObject *r;
    if (loader == Py_None || Py_IS_TYPE(loader, &NamespaceLoader_Type) ||
        loader == (PyObject *)&BuiltinImporter_Type) {
        Py_DECREF(loader);
        return 0;
    }
    if (Py_IS_TYPE(loader, &SourceFileLoader_Type))
        r = sfl_exec_module(loader, module);
    else if (is_frozen_loader(loader))
        r = fi_exec_module(loader, module);
    else {
        PyObject *em;
        if (PyObject_GetOptionalAttrString(loader, "exec_module", &em) < 0) {
            Py_DECREF(loader);
            return -1;
        }
        if (em != NULL) {
            r = PyObject_CallOneArg(em, module);
            Py_DECREF(em);
        }
        else {
            /* legacy loaders: load_module(name) puts the module into sys.modules */
            PyObject *name = dget(spec, "name");
            r = name ? PyObject_CallMethod(loader, "load_module", "O", name) : NULL;
            Py_XDECREF(name);
        }
    }
    Py_DECREF(loader);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

int _KrImport_SetInitializing(PyObject *spec, int value)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (PyObject_SetAttrString(spec, "_initializing", value ? Py_True : Py_False) < 0)
        PyErr_Clear();
    PyErr_SetRaisedException(exc);
    return 0;
}

int _KrImport_SpecIsInitializing(PyObject *spec)
{
    PyObject *v;
    if (spec == NULL || PyObject_GetOptionalAttrString(spec, "_initializing", &v) < 0) {
        PyErr_Clear();
        return 0;
    }
    int r = v ? PyObject_IsTrue(v) : 0;
    Py_XDECREF(v);
    if (r < 0) {
        PyErr_Clear();
        r = 0;
    }
    return r;
}

PyObject *_KrImport_GetCode(PyObject *spec)
{
    PyObject *loader = dget(spec, "loader");
    if (loader == NULL)
        return NULL;
    PyObject *co;
    if (Py_IS_TYPE(loader, &SourceFileLoader_Type)) {
        co = sfl_get_code(loader, NULL);
    }
    else if (is_frozen_loader(loader)) {
        PyObject *name = dget(spec, "name");
        co = name ? frozen_code(name) : NULL;
        Py_XDECREF(name);
    }
    else if (loader == Py_None) {
        co = NULL;
    }
    else {
        PyObject *name = dget(spec, "name");
        co = name ? PyObject_CallMethod(loader, "get_code", "O", name) : NULL;
        Py_XDECREF(name);
        if (co == Py_None)
            Py_CLEAR(co);
    }
    Py_DECREF(loader);
    return co;
}

/* ---- module and sys setup ------------------------------------------------------------------ */

static PyTypeObject *const machinery_types[] = {
    &ModuleSpec_Type, &BuiltinImporter_Type, &FrozenImporter_Type, &PathFinder_Type,
    &FileFinder_Type, &SourceFileLoader_Type, &NamespaceLoader_Type,
};

static int ready_types(void)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(machinery_types); i++) {
        if (!(machinery_types[i]->tp_flags & Py_TPFLAGS_READY) &&
            PyType_Ready(machinery_types[i]) < 0)
            return -1;
    }
    return 0;
}

/* sys and builtins exist before the import system does; give them the spec a built-in
 * module import would have produced, so their reprs and __spec__ match CPython's. */
static int set_builtin_spec(PyObject *moddict, const char *name)
{
    PyObject *nm = PyUnicode_FromString(name);
    PyObject *origin = PyUnicode_FromString("built-in");
    PyObject *spec = nm && origin ? new_spec(nm, (PyObject *)&BuiltinImporter_Type, origin, 0)
                                  : NULL;
    int rc = spec == NULL || PyDict_SetItemString(moddict, "__spec__", spec) < 0 ||
                     PyDict_SetItemString(moddict, "__loader__",
                                          (PyObject *)&BuiltinImporter_Type) < 0
                 ? -1
                 : 0;
    Py_XDECREF(nm);
    Py_XDECREF(origin);
    Py_XDECREF(spec);
    return rc;
}

int _PyImport_InitSysHooks(PyObject *sysdict)
{
    if (ready_types() < 0)
        return -1;
    PyObject *meta = PyList_New(0), *hooks = PyList_New(0), *cache = PyDict_New();
    int rc = -1;
    if (meta == NULL || hooks == NULL || cache == NULL)
        goto done;
    if (PyList_Append(meta, (PyObject *)&BuiltinImporter_Type) < 0 ||
        PyList_Append(meta, (PyObject *)&FrozenImporter_Type) < 0 ||
        PyList_Append(meta, (PyObject *)&PathFinder_Type) < 0 ||
        PyList_Append(hooks, (PyObject *)&FileFinder_Type) < 0)
        goto done;
    if (PyDict_SetItemString(sysdict, "meta_path", meta) < 0 ||
        PyDict_SetItemString(sysdict, "path_hooks", hooks) < 0 ||
        PyDict_SetItemString(sysdict, "path_importer_cache", cache) < 0)
        goto done;
    if (set_builtin_spec(sysdict, "sys") < 0 ||
        set_builtin_spec(_PyInterpreterState_GET()->builtins, "builtins") < 0)
        goto done;
    rc = 0;
done:
    Py_XDECREF(meta);
    Py_XDECREF(hooks);
    Py_XDECREF(cache);
    return rc;
}

static PyObject *fi_spec_from_file_location(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                            PyObject *kwnames)
{
    static const char *const kwlist[] = {"name", "location", "loader",
                                         "submodule_search_locations", NULL};
    PyObject *a[4];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "spec_from_file_location", kwlist, 1,
                                  4, 0, a) < 0)
        return NULL;
    PyObject *location = a[1] ? PyOS_FSPath(a[1]) : NULL;
    if (a[1] && location == NULL)
        return NULL;
    PyObject *loader = a[2];
    if (loader == NULL || loader == Py_None) {
        if (location == NULL) {
            Py_RETURN_NONE;
        }
        PyObject *targs = PyTuple_Pack(2, a[0], location);
        loader = targs ? PyObject_Call((PyObject *)&SourceFileLoader_Type, targs, NULL) : NULL;
        Py_XDECREF(targs);
        if (loader == NULL) {
            Py_DECREF(location);
            return NULL;
        }
    }
    else {
        Py_INCREF(loader);
    }
    PyObject *spec = new_spec(a[0], loader, location ? location : Py_None, 0);
    Py_DECREF(loader);
    if (spec == NULL)
        goto done;
    if (dset(spec, "_set_fileattr", Py_True) < 0)
        Py_CLEAR(spec);
    if (spec != NULL && a[3] != NULL && a[3] != Py_None) {
        if (dset(spec, "submodule_search_locations", a[3]) < 0)
            Py_CLEAR(spec);
    }
    else if (spec != NULL && location != NULL) {
        /* is_package() decides whether the spec describes a package. */
        const char *loc = PyUnicode_Check(location) ? PyUnicode_AsUTF8(location) : NULL;
        const char *slash = loc ? strrchr(loc, '/') : NULL;
        if (loc != NULL && strcmp(slash ? slash + 1 : loc, "__init__.py") == 0) {
            PyObject *dir = PyUnicode_FromStringAndSize(loc, slash ? slash - loc : 0);
            if (dset_new(spec, "submodule_search_locations", dir ? list1(dir) : NULL) < 0)
                Py_CLEAR(spec);
            Py_XDECREF(dir);
        }
    }
done:
    Py_XDECREF(location);
    return spec;
}

static PyObject *fi_module_from_spec(PyObject *m, PyObject *spec)
{
    return _KrImport_ModuleFromSpec(spec);
}

static PyObject *fi_exec_spec(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_exec", nargs, 2, 2))
        return NULL;
    if (_KrImport_ExecModule(args[0], args[1]) < 0)
        return NULL;
    return Py_NewRef(args[1]);
}

static PyObject *fi_find_spec_fn(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_find_spec", nargs, 1, 2))
        return NULL;
    PyObject *spec = _KrImport_FindSpec(args[0], nargs > 1 ? args[1] : NULL);
    if (spec == NULL && !PyErr_Occurred())
        Py_RETURN_NONE;
    return spec;
}

static PyObject *fi_is_frozen(PyObject *m, PyObject *name)
{
    return PyBool_FromLong(find_frozen(name) != NULL);
}

static PyObject *fi_frozen_names(PyObject *m, PyObject *unused)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (const struct _frozen *f = _PyImport_FrozenModules; f->name != NULL; f++) {
        PyObject *s = PyUnicode_FromString(f->name);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    return list;
}

static PyMethodDef fimod_methods[] = {
    {"spec_from_file_location", _PyCFunction_CAST(fi_spec_from_file_location),
     METH_FASTCALL | METH_KEYWORDS, NULL},
    {"module_from_spec", fi_module_from_spec, METH_O, NULL},
    {"_exec", _PyCFunction_CAST(fi_exec_spec), METH_FASTCALL, NULL},
    {"_find_spec", _PyCFunction_CAST(fi_find_spec_fn), METH_FASTCALL, NULL},
    {"is_frozen", fi_is_frozen, METH_O, NULL},
    {"frozen_module_names", fi_frozen_names, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fimod = {
    PyModuleDef_HEAD_INIT, "_frozen_importlib",
    "Krait's import machinery (ModuleSpec, finders and loaders).", -1, fimod_methods,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit__frozen_importlib(void)
{
    if (ready_types() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&fimod);
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < Py_ARRAY_LENGTH(machinery_types); i++) {
        if (PyModule_AddType(m, machinery_types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
