/* Import-system state (owned by src/vm/import.c). */
#ifndef KR_PYCORE_IMPORT_STATE_H
#define KR_PYCORE_IMPORT_STATE_H
struct _object;
struct _kr_import_state {
    struct _object *modules;        /* sys.modules */
    struct _object *frozen_loader;  /* the FrozenImporter instance that loads our library */
};
#endif
