/* Module objects: a namespace dict with a name. Attribute access falls back to a module
 * level __getattr__ (PEP 562); the repr follows the module's spec as importlib does; the
 * PyModule_* API builds C modules from a PyModuleDef. */
#include "Python.h"
#include "internal/pycore_ids.h"
#include <unistd.h>

static PyMemberDef module_members[] = {
    {"__dict__", _Py_T_OBJECT, offsetof(PyModuleObject, md_dict), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PyModuleDef_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "moduledef",
    .tp_basicsize = sizeof(PyModuleDef),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

PyObject *PyModuleDef_Init(PyModuleDef *def)
{
    if (PyType_Ready(&PyModuleDef_Type) < 0)
        return NULL;
    if (def->m_base.m_index == 0) {
        Py_SET_TYPE(def, &PyModuleDef_Type);
        _Py_SetImmortal((PyObject *)def);
    }
    return (PyObject *)def;
}

static int module_init_dict(PyModuleObject *mod, PyObject *md_dict, PyObject *name,
                            PyObject *doc)
{
    if (doc == NULL)
        doc = Py_None;
    if (PyDict_SetItem(md_dict, _Py_ID(__name__), name) != 0)
        return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__doc__), doc) != 0)
        return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__package__), Py_None) != 0)
        return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__loader__), Py_None) != 0)
        return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__spec__), Py_None) != 0)
        return -1;
    if (PyUnicode_CheckExact(name))
        Py_XSETREF(mod->md_name, Py_NewRef(name));
    return 0;
}

static PyModuleObject *new_module_notrack(PyTypeObject *mt)
{
    PyModuleObject *m = (PyModuleObject *)mt->tp_alloc(mt, 0);
    if (m == NULL)
        return NULL;
    m->md_def = NULL;
    m->md_state = NULL;
    m->md_weaklist = NULL;
    m->md_name = NULL;
    m->md_dict = PyDict_New();
    if (m->md_dict == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

static PyObject *new_module(PyTypeObject *mt, PyObject *args, PyObject *kws)
{
    return (PyObject *)new_module_notrack(mt);
}

PyObject *PyModule_NewObject(PyObject *name)
{
    PyModuleObject *m = new_module_notrack(&PyModule_Type);
    if (m == NULL)
        return NULL;
    if (module_init_dict(m, m->md_dict, name, NULL) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    return (PyObject *)m;
}

PyObject *PyModule_New(const char *name)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL)
        return NULL;
    PyObject *module = PyModule_NewObject(nameobj);
    Py_DECREF(nameobj);
    return module;
}

static int check_api_version(const char *name, int module_api_version)
{
    (void)name;
    (void)module_api_version;
    return 1;
}

static int add_methods_to_object(PyObject *module, PyObject *name, PyMethodDef *functions)
{
    for (PyMethodDef *fdef = functions; fdef->ml_name != NULL; fdef++) {
        if ((fdef->ml_flags & METH_CLASS) || (fdef->ml_flags & METH_STATIC)) {
            PyErr_SetString(PyExc_ValueError,
                            "module functions cannot set METH_CLASS or METH_STATIC");
            return -1;
        }
        PyObject *func = PyCFunction_NewEx(fdef, module, name);
        if (func == NULL)
            return -1;
        if (PyObject_SetAttrString(module, fdef->ml_name, func) != 0) {
            Py_DECREF(func);
            return -1;
        }
        Py_DECREF(func);
    }
    return 0;
}

static int module_set_docstring(PyObject *m, const char *doc)
{
    PyObject *v = PyUnicode_FromString(doc);
    if (v == NULL)
        return -1;
    int r = PyObject_SetAttr(m, _Py_ID(__doc__), v);
    Py_DECREF(v);
    return r;
}

int PyModule_SetDocString(PyObject *m, const char *doc) { return module_set_docstring(m, doc); }

PyObject *PyModule_Create2(PyModuleDef *module, int module_api_version)
{
    if (!check_api_version(module->m_name, module_api_version))
        return NULL;
    if (PyModuleDef_Init(module) == NULL)
        return NULL;
    const char *name = module->m_name;
    /* A dotted name given by the import system keeps only its last part. */
    PyModuleObject *m = (PyModuleObject *)PyModule_New(name);
    if (m == NULL)
        return NULL;
    if (module->m_size > 0) {
        m->md_state = PyMem_Calloc(1, (size_t)module->m_size);
        if (m->md_state == NULL) {
            PyErr_NoMemory();
            Py_DECREF(m);
            return NULL;
        }
    }
    if (module->m_methods != NULL) {
        if (PyModule_AddFunctions((PyObject *)m, module->m_methods) != 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    if (module->m_doc != NULL) {
        if (module_set_docstring((PyObject *)m, module->m_doc) != 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    m->md_def = module;
    return (PyObject *)m;
}

/* Multi-phase initialisation (PEP 489): create from the spec, then run the exec slots. */
PyObject *PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec, int module_api_version)
{
    if (PyModuleDef_Init(def) == NULL)
        return NULL;
    PyObject *nameobj = PyObject_GetAttrString(spec, "name");
    if (nameobj == NULL)
        return NULL;
    PyObject *(*create)(PyObject *, PyModuleDef *) = NULL;
    if (def->m_slots != NULL) {
        for (PyModuleDef_Slot *cur = def->m_slots; cur->slot; cur++) {
            if (cur->slot == Py_mod_create)
                create = (PyObject * (*)(PyObject *, PyModuleDef *))cur->value;
        }
    }
    PyObject *m;
    if (create != NULL)
        m = create(spec, def);
    else
        m = PyModule_NewObject(nameobj);
    Py_DECREF(nameobj);
    if (m == NULL)
        return NULL;
    if (PyModule_Check(m)) {
        PyModuleObject *mo = (PyModuleObject *)m;
        mo->md_def = def;
        if (def->m_size > 0 && mo->md_state == NULL) {
            mo->md_state = PyMem_Calloc(1, (size_t)def->m_size);
            if (mo->md_state == NULL) {
                Py_DECREF(m);
                return PyErr_NoMemory();
            }
        }
    }
    if (def->m_methods != NULL) {
        PyObject *name = PyObject_GetAttr(m, _Py_ID(__name__));
        if (name == NULL || add_methods_to_object(m, name, def->m_methods) != 0) {
            Py_XDECREF(name);
            Py_DECREF(m);
            return NULL;
        }
        Py_DECREF(name);
    }
    if (def->m_doc != NULL && module_set_docstring(m, def->m_doc) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

int PyModule_ExecDef(PyObject *module, PyModuleDef *def)
{
    if (def->m_slots == NULL)
        return 0;
    for (PyModuleDef_Slot *cur = def->m_slots; cur->slot; cur++) {
        if (cur->slot == Py_mod_exec) {
            int (*func)(PyObject *) = (int (*)(PyObject *))cur->value;
            if (func(module) != 0) {
                if (!PyErr_Occurred())
                    PyErr_Format(PyExc_SystemError, "execution of module %s failed without "
                                 "setting an exception", def->m_name);
                return -1;
            }
        }
    }
    return 0;
}

PyObject *PyModule_GetDict(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_dict;
}

PyObject *PyModule_GetNameObject(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *dict = ((PyModuleObject *)m)->md_dict;
    PyObject *name = dict ? PyDict_GetItemWithError(dict, _Py_ID(__name__)) : NULL;
    if (name == NULL || !PyUnicode_Check(name)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "nameless module");
        return NULL;
    }
    return Py_NewRef(name);
}

const char *PyModule_GetName(PyObject *m)
{
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL)
        return NULL;
    /* The dict keeps the string alive. */
    Py_DECREF(name);
    return PyUnicode_AsUTF8(name);
}

PyObject *PyModule_GetFilenameObject(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *fileobj = PyDict_GetItemWithError(((PyModuleObject *)m)->md_dict, _Py_ID(__file__));
    if (fileobj == NULL || !PyUnicode_Check(fileobj)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "module filename missing");
        return NULL;
    }
    return Py_NewRef(fileobj);
}

PyModuleDef *PyModule_GetDef(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_def;
}

void *PyModule_GetState(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_state;
}

/* PyModule_AddObjectRef, PyModule_AddFunctions and the other PyModule_Add* helpers live
 * in src/vm/modsupport.c. */

/* ---- the module type ---------------------------------------------------------------------- */

static int module___init__(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static const char *const kwlist[] = {"name", "doc", NULL};
    PyObject *name = NULL, *doc = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "module() takes at most 2 arguments (%zd given)", nargs);
        return -1;
    }
    if (nargs > 0)
        name = PyTuple_GET_ITEM(args, 0);
    if (nargs > 1)
        doc = PyTuple_GET_ITEM(args, 1);
    if (kwargs != NULL) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwargs, &pos, &k, &v)) {
            int which = -1;
            for (int i = 0; kwlist[i]; i++)
                if (PyUnicode_Check(k) && _PyUnicode_EqualToASCIIString(k, kwlist[i]))
                    which = i;
            if (which < 0) {
                PyErr_Format(PyExc_TypeError, "module() got an unexpected keyword argument '%S'", k);
                return -1;
            }
            if ((which == 0 && name != NULL) || (which == 1 && doc != NULL)) {
                PyErr_Format(PyExc_TypeError,
                             "argument for module() given by name ('%s') and position (%d)",
                             kwlist[which], which + 1);
                return -1;
            }
            if (which == 0)
                name = v;
            else
                doc = v;
        }
    }
    if (name == NULL) {
        PyErr_SetString(PyExc_TypeError, "module() missing required argument 'name' (pos 1)");
        return -1;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "module() argument 'name' must be str, not %.50s",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject *dict = m->md_dict;
    if (dict == NULL) {
        dict = PyDict_New();
        if (dict == NULL)
            return -1;
        m->md_dict = dict;
    }
    return module_init_dict(m, dict, name, doc);
}

static void module_dealloc(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject_GC_UnTrack(self);
    if (m->md_def && m->md_def->m_free && (m->md_def->m_size <= 0 || m->md_state != NULL))
        m->md_def->m_free(m);
    Py_XDECREF(m->md_dict);
    Py_XDECREF(m->md_name);
    if (m->md_weaklist != NULL)
        PyObject_ClearWeakRefs(self);
    if (m->md_state != NULL)
        PyMem_Free(m->md_state);
    Py_TYPE(self)->tp_free(self);
}

/* A spec attribute, NULL (no error) when missing. */
static PyObject *get_opt_attr(PyObject *o, const char *name, int *error)
{
    PyObject *res;
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL) {
        *error = 1;
        return NULL;
    }
    if (PyObject_GetOptionalAttr(o, n, &res) < 0)
        *error = 1;
    Py_DECREF(n);
    return res;
}

static PyObject *repr_from_spec(PyObject *spec)
{
    int err = 0;
    PyObject *res = NULL;
    PyObject *name = get_opt_attr(spec, "name", &err);
    PyObject *origin = err ? NULL : get_opt_attr(spec, "origin", &err);
    PyObject *loader = err ? NULL : get_opt_attr(spec, "loader", &err);
    PyObject *has_location = err ? NULL : get_opt_attr(spec, "has_location", &err);
    if (err)
        goto done;
    PyObject *shown = (name == NULL || name == Py_None) ? NULL : name;
    PyObject *qmark = NULL;
    if (shown == NULL) {
        qmark = PyUnicode_FromString("?");
        if (qmark == NULL)
            goto done;
        shown = qmark;
    }
    if (origin == NULL || origin == Py_None) {
        if (loader == NULL || loader == Py_None)
            res = PyUnicode_FromFormat("<module %R>", shown);
        else
            res = PyUnicode_FromFormat("<module %R (%R)>", shown, loader);
    }
    else {
        int loc = has_location ? PyObject_IsTrue(has_location) : 0;
        if (loc < 0)
            res = NULL;
        else if (loc)
            res = PyUnicode_FromFormat("<module %R from %R>", shown, origin);
        else
            res = PyUnicode_FromFormat("<module %R (%S)>", name ? name : Py_None, origin);
    }
    Py_XDECREF(qmark);
done:
    Py_XDECREF(name);
    Py_XDECREF(origin);
    Py_XDECREF(loader);
    Py_XDECREF(has_location);
    return res;
}

static PyObject *module_repr(PyObject *self)
{
    int err = 0;
    PyObject *loader = get_opt_attr(self, "__loader__", &err);
    if (err)
        return NULL;
    PyObject *spec = get_opt_attr(self, "__spec__", &err);
    if (err) {
        Py_XDECREF(loader);
        return NULL;
    }
    PyObject *res = NULL;
    if (spec != NULL && spec != Py_None) {
        res = repr_from_spec(spec);
        if (res != NULL || !PyErr_ExceptionMatches(PyExc_AttributeError))
            goto done;
        PyErr_Clear();
    }
    PyObject *name = get_opt_attr(self, "__name__", &err);
    if (err)
        goto done;
    PyObject *shown = name;
    if (shown == NULL) {
        shown = PyUnicode_FromString("?");
        if (shown == NULL)
            goto done;
    }
    PyObject *filename = get_opt_attr(self, "__file__", &err);
    if (err) {
        Py_DECREF(shown);
        goto done;
    }
    if (filename != NULL)
        res = PyUnicode_FromFormat("<module %R from %R>", shown, filename);
    else if (loader == NULL || loader == Py_None)
        res = PyUnicode_FromFormat("<module %R>", shown);
    else
        res = PyUnicode_FromFormat("<module %R (%R)>", shown, loader);
    Py_XDECREF(filename);
    Py_DECREF(shown);
done:
    Py_XDECREF(loader);
    Py_XDECREF(spec);
    return res;
}

/* spec._initializing is true while the module's code is still running. */
static int spec_flag(PyObject *spec, const char *attr)
{
    if (spec == NULL || spec == Py_None)
        return 0;
    PyObject *value;
    int err = 0;
    value = get_opt_attr(spec, attr, &err);
    if (err) {
        PyErr_Clear();
        return 0;
    }
    if (value == NULL)
        return 0;
    int r = PyObject_IsTrue(value);
    Py_DECREF(value);
    if (r < 0) {
        PyErr_Clear();
        return 0;
    }
    return r;
}

int _PyModuleSpec_IsInitializing(PyObject *spec) { return spec_flag(spec, "_initializing"); }

/* The directory a module file lives in, or for a package's __init__.py the directory
 * containing the package: where a same-named import would have been found. */
static PyObject *module_root_dir(PyObject *origin)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(origin);
    Py_ssize_t slash = PyUnicode_FindChar(origin, '/', 0, len, -1);
    if (slash < 0)
        return PyUnicode_FromString("");
    PyObject *base = PyUnicode_Substring(origin, slash + 1, len);
    if (base == NULL)
        return NULL;
    int is_init = _PyUnicode_EqualToASCIIString(base, "__init__.py");
    Py_DECREF(base);
    if (is_init && slash > 0) {
        Py_ssize_t s2 = PyUnicode_FindChar(origin, '/', 0, slash, -1);
        if (s2 >= 0)
            slash = s2;
    }
    return PyUnicode_Substring(origin, 0, slash);
}

/* Whether the module was found in the script's own directory (sys.path[0]), where it may
 * shadow a module of the same name the user meant to import. */
static int module_possibly_shadowing(PyObject *origin)
{
    if (origin == NULL)
        return 0;
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->config.safe_path)
        return 0;
    PyObject *sys_path = PySys_GetObject("path");
    if (sys_path == NULL || !PyList_Check(sys_path) || PyList_GET_SIZE(sys_path) == 0)
        return 0;
    PyObject *path0 = PyList_GET_ITEM(sys_path, 0);
    if (!PyUnicode_Check(path0))
        return 0;
    Py_INCREF(path0);
    if (PyUnicode_GET_LENGTH(path0) == 0) {
        char buf[4096];
        Py_DECREF(path0);
        if (getcwd(buf, sizeof(buf)) == NULL)
            return 0;
        path0 = PyUnicode_DecodeFSDefault(buf);
        if (path0 == NULL)
            return -1;
    }
    PyObject *root = module_root_dir(origin);
    if (root == NULL) {
        Py_DECREF(path0);
        return -1;
    }
    int r = PyUnicode_Compare(path0, root) == 0;
    Py_DECREF(root);
    Py_DECREF(path0);
    return r;
}

static void module_attribute_error(PyObject *mod_name, PyObject *name, PyObject *spec)
{
    PyObject *origin = NULL;
    if (spec != NULL && spec != Py_None && spec_flag(spec, "has_location")) {
        int err = 0;
        origin = get_opt_attr(spec, "origin", &err);
        if (err)
            return;
        if (origin != NULL && !PyUnicode_Check(origin))
            Py_CLEAR(origin);
    }
    int shadowing = module_possibly_shadowing(origin);
    if (shadowing < 0)
        goto done;
    int shadowing_stdlib = 0;
    if (shadowing) {
        PyObject *stdlib = PySys_GetObject("stdlib_module_names");
        if (stdlib != NULL && PyAnySet_Check(stdlib)) {
            shadowing_stdlib = PySet_Contains(stdlib, mod_name);
            if (shadowing_stdlib < 0)
                goto done;
        }
    }
    if (shadowing_stdlib) {
        PyErr_Format(PyExc_AttributeError,
                     "module '%U' has no attribute '%U' (consider renaming '%U' since it has the "
                     "same name as the standard library module named '%U' and prevents importing "
                     "that standard library module)",
                     mod_name, name, origin, mod_name);
    }
    else if (_PyModuleSpec_IsInitializing(spec)) {
        if (shadowing)
            PyErr_Format(PyExc_AttributeError,
                         "module '%U' has no attribute '%U' (consider renaming '%U' if it has "
                         "the same name as a third-party module you intended to import)",
                         mod_name, name, origin);
        else
            PyErr_Format(PyExc_AttributeError,
                         "partially initialized module '%U' has no attribute '%U' "
                         "(most likely due to a circular import)",
                         mod_name, name);
    }
    else {
        int sub = 0;
        if (spec != NULL && spec != Py_None) {
            int err = 0;
            PyObject *subs = get_opt_attr(spec, "_uninitialized_submodules", &err);
            if (err)
                goto done;
            if (subs != NULL && subs != Py_None) {
                sub = PySequence_Contains(subs, name);
                if (sub < 0)
                    PyErr_Clear();
            }
            Py_XDECREF(subs);
        }
        if (sub > 0)
            PyErr_Format(PyExc_AttributeError,
                         "cannot access submodule '%U' of module '%U' "
                         "(most likely due to a circular import)",
                         name, mod_name);
        else
            PyErr_Format(PyExc_AttributeError, "module '%U' has no attribute '%U'", mod_name,
                         name);
    }
done:
    Py_XDECREF(origin);
}

static PyObject *module_getattro_impl(PyModuleObject *m, PyObject *name, int suppress)
{
    PyObject *attr = _PyObject_GenericGetAttrWithDict((PyObject *)m, name, NULL, 1);
    if (attr != NULL || PyErr_Occurred())
        return attr;
    PyObject *getattr = PyDict_GetItemWithError(m->md_dict, _Py_ID(__getattr__));
    if (getattr != NULL) {
        Py_INCREF(getattr);
        PyObject *result = PyObject_CallOneArg(getattr, name);
        Py_DECREF(getattr);
        if (result == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
            PyErr_Clear();
        return result;
    }
    if (PyErr_Occurred() || suppress)
        return NULL;
    PyObject *mod_name = PyDict_GetItemWithError(m->md_dict, _Py_ID(__name__));
    if (mod_name != NULL && PyUnicode_Check(mod_name)) {
        Py_INCREF(mod_name);
        PyObject *spec = PyDict_GetItemWithError(m->md_dict, _Py_ID(__spec__));
        if (spec == NULL && PyErr_Occurred()) {
            Py_DECREF(mod_name);
            return NULL;
        }
        Py_XINCREF(spec);
        module_attribute_error(mod_name, name, spec);
        Py_XDECREF(spec);
        Py_DECREF(mod_name);
        return NULL;
    }
    if (PyErr_Occurred())
        return NULL;
    PyErr_Format(PyExc_AttributeError, "module has no attribute '%U'", name);
    return NULL;
}

PyObject *_Py_module_getattro(PyObject *self, PyObject *name)
{
    return module_getattro_impl((PyModuleObject *)self, name, 0);
}

PyObject *_Py_module_getattro_impl(PyModuleObject *m, PyObject *name, int suppress)
{
    return module_getattro_impl(m, name, suppress);
}

static int module_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyModuleObject *m = (PyModuleObject *)self;
    if (m->md_def && m->md_def->m_traverse && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_traverse(self, visit, arg);
        if (res)
            return res;
    }
    Py_VISIT(m->md_dict);
    return 0;
}

static int module_clear(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    if (m->md_def && m->md_def->m_clear && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_clear(self);
        if (PyErr_Occurred())
            PyErr_WriteUnraisable(self);
        if (res)
            return res;
    }
    Py_CLEAR(m->md_dict);
    return 0;
}

static PyObject *module_dir(PyObject *self, PyObject *args)
{
    PyObject *result = NULL;
    PyObject *dict = PyObject_GetAttr(self, _Py_ID(__dict__));
    if (dict != NULL) {
        if (PyDict_Check(dict)) {
            PyObject *dirfunc = PyDict_GetItemWithError(dict, _Py_ID(__dir__));
            if (dirfunc)
                result = PyObject_CallNoArgs(dirfunc);
            else if (!PyErr_Occurred())
                result = PyDict_Keys(dict);
        }
        else {
            PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
        }
    }
    Py_XDECREF(dict);
    return result;
}

static PyMethodDef module_methods[] = {
    {"__dir__", module_dir, METH_NOARGS, "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for module."},
    {NULL, NULL, 0, NULL},
};

static PyObject *module_get_annotations(PyObject *self, void *c)
{
    PyObject *dict = PyObject_GetAttr(self, _Py_ID(__dict__));
    if (dict == NULL)
        return NULL;
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
        Py_DECREF(dict);
        return NULL;
    }
    PyObject *annotations;
    int r = PyDict_GetItemRef(dict, _Py_ID(__annotations__), &annotations);
    if (r == 0) {
        annotations = PyDict_New();
        if (annotations != NULL &&
            PyDict_SetItem(dict, _Py_ID(__annotations__), annotations) < 0)
            Py_CLEAR(annotations);
    }
    Py_DECREF(dict);
    return annotations;
}

static int module_set_annotations(PyObject *self, PyObject *value, void *c)
{
    PyObject *dict = PyObject_GetAttr(self, _Py_ID(__dict__));
    if (dict == NULL)
        return -1;
    int ret = -1;
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
        goto exit;
    }
    if (value != NULL) {
        ret = PyDict_SetItem(dict, _Py_ID(__annotations__), value);
    }
    else {
        ret = PyDict_DelItem(dict, _Py_ID(__annotations__));
        if (ret < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_AttributeError, "__annotations__");
        }
    }
exit:
    Py_DECREF(dict);
    return ret;
}

static PyGetSetDef module_getsets[] = {
    {"__annotations__", module_get_annotations, module_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyModule_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "module",
    .tp_basicsize = sizeof(PyModuleObject),
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = _Py_module_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "module(name, doc=None)\n--\n\n"
              "Create a module object.\n\n"
              "The name must be a string; the optional doc argument can have any type.",
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_weaklistoffset = offsetof(PyModuleObject, md_weaklist),
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_getset = module_getsets,
    .tp_dictoffset = offsetof(PyModuleObject, md_dict),
    .tp_init = module___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = new_module,
    .tp_free = PyObject_GC_Del,
};
