/* Modules (src/objects/moduleobject.c) and the helpers C modules use to define themselves
 * and parse arguments (src/vm/modsupport.c, src/vm/getargs.c). */
#ifndef KR_MODULEOBJECT_H
#define KR_MODULEOBJECT_H
#include <stdarg.h>
#include "object.h"
typedef struct PyModuleDef_Base {
    PyObject_HEAD
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy;
} PyModuleDef_Base;
#define PyModuleDef_HEAD_INIT {{_Py_IMMORTAL_REFCNT, NULL}, NULL, 0, NULL}
typedef struct PyModuleDef_Slot { int slot; void *value; } PyModuleDef_Slot;
#define Py_mod_create 1
#define Py_mod_exec 2
typedef struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
} PyModuleDef;
typedef struct {
    PyObject_HEAD
    PyObject *md_dict;
    PyModuleDef *md_def;
    void *md_state;
    PyObject *md_weaklist;
    PyObject *md_name;
} PyModuleObject;
extern PyTypeObject PyModule_Type, PyModuleDef_Type;
#define PyModule_Check(op) PyObject_TypeCheck((op), &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE((op), &PyModule_Type)
PyObject *PyModule_NewObject(PyObject *name);
PyObject *PyModule_New(const char *name);
PyObject *PyModule_GetDict(PyObject *); /* borrowed */
PyObject *PyModule_GetNameObject(PyObject *);
const char *PyModule_GetName(PyObject *);
void *PyModule_GetState(PyObject *);
PyModuleDef *PyModule_GetDef(PyObject *);
PyObject *PyModule_Create2(PyModuleDef *, int apiver);
#define PyModule_Create(def) PyModule_Create2((def), 1013)
int PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value);
int PyModule_Add(PyObject *mod, const char *name, PyObject *value); /* steals */
int PyModule_AddObject(PyObject *mod, const char *name, PyObject *value); /* steals on success */
int PyModule_AddIntConstant(PyObject *, const char *, long);
int PyModule_AddStringConstant(PyObject *, const char *, const char *);
int PyModule_AddType(PyObject *, PyTypeObject *);
int PyModule_AddFunctions(PyObject *, PyMethodDef *);
#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant((m), #c, (c))
PyObject *PyModuleDef_Init(PyModuleDef *);
PyObject *PyModule_FromDefAndSpec2(PyModuleDef *, PyObject *spec, int apiver);
#define PyModule_FromDefAndSpec(def, spec) PyModule_FromDefAndSpec2((def), (spec), 1013)
int PyModule_ExecDef(PyObject *module, PyModuleDef *def);
int PyModule_SetDocString(PyObject *, const char *);
PyObject *PyModule_GetFilenameObject(PyObject *);
int _PyModuleSpec_IsInitializing(PyObject *spec);
PyObject *_Py_module_getattro(PyObject *self, PyObject *name);

/* Argument parsing (CPython format units: O O! s z i l n d p | $ : ; and friends). */
int PyArg_ParseTuple(PyObject *, const char *, ...);
int PyArg_ParseTupleAndKeywords(PyObject *, PyObject *, const char *, char **, ...);
int PyArg_UnpackTuple(PyObject *, const char *, Py_ssize_t, Py_ssize_t, ...);
int PyArg_VaParse(PyObject *, const char *, va_list);
PyObject *Py_BuildValue(const char *, ...);
PyObject *Py_VaBuildValue(const char *, va_list);
/* Fast-call checks with CPython's messages: "f() takes no keyword arguments", "f expected
 * at most 2 arguments, got 3", "f() takes exactly one argument (2 given)" ... */
int _PyArg_NoKeywords(const char *funcname, PyObject *kwargs);
int _PyArg_NoKwnames(const char *funcname, PyObject *kwnames);
int _PyArg_NoPositional(const char *funcname, PyObject *args);
int _PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max);
/* Parse vectorcall args against a keyword list: fills `out` (length = number of names),
 * missing optional parameters stay NULL. kwlist entries "" are positional-only. Returns -1
 * with TypeError set (CPython wording) on bad calls. */
int _PyArg_ParseStackKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                              const char *fname, const char *const *kwlist, int minpos,
                              int maxpos, int minkw_unused, PyObject **out);
#endif
