/* Built-in C modules: X(name, init function). One line per module (append-only);
 * src/modules/config.c turns this into _PyImport_Inittab. */
#ifndef KR_PYCORE_MODLIST_H
#define KR_PYCORE_MODLIST_H
#define KR_BUILTIN_MODULES(X) \
    X("builtins", PyInit_builtins) \
    X("sys", PyInit_sys) \
    X("gc", PyInit_gc) \
    X("_weakref", PyInit__weakref)
#endif
