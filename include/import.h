/* The import system (src/vm/import.c). */
#ifndef KR_IMPORT_H
#define KR_IMPORT_H
#include "object.h"
PyObject *PyImport_ImportModule(const char *name);
PyObject *PyImport_Import(PyObject *name);
PyObject *PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals, PyObject *locals,
                                           PyObject *fromlist, int level);
PyObject *PyImport_GetModuleDict(void); /* borrowed sys.modules */
PyObject *PyImport_GetModule(PyObject *name); /* new ref or NULL (no error if missing) */
PyObject *PyImport_AddModuleRef(const char *name);
PyObject *PyImport_AddModuleObject(PyObject *name); /* borrowed */
PyObject *PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co, PyObject *pathname,
                                        PyObject *cpathname);
PyObject *PyImport_ReloadModule(PyObject *m);
PyObject *PyImport_ImportModuleAttrString(const char *mod, const char *attr);
int _PyImport_ImportStar(PyObject *module, PyObject *locals); /* from module import * */
/* Built-in C modules: one table, src/modules/config.c. */
struct _inittab {
    const char *name;
    PyObject *(*initfunc)(void);
};
extern struct _inittab _PyImport_Inittab[];
/* Frozen Python modules compiled into the binary (lib/ -> build/frozen.c). */
struct _frozen {
    const char *name;
    const char *source; /* Python source text */
    int is_package;
    const char *relpath; /* path below _PyImport_FrozenLibDir, for __file__ */
};
extern const char _PyImport_FrozenLibDir[];

extern const struct _frozen _PyImport_FrozenModules[];
#endif
