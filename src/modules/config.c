/* The table of built-in C modules, generated from the shared list in pycore_modlist.h. */
#include "Python.h"
#include "internal/pycore_modlist.h"

#define KR_DECLARE_INIT(name, fn) PyObject *fn(void);
KR_BUILTIN_MODULES(KR_DECLARE_INIT)
#undef KR_DECLARE_INIT

struct _inittab _PyImport_Inittab[] = {
#define KR_INITTAB_ENTRY(name, fn) {name, fn},
    KR_BUILTIN_MODULES(KR_INITTAB_ENTRY)
#undef KR_INITTAB_ENTRY
    {NULL, NULL},
};
