/* Cycle collector state (owned by src/memory/gc.c). */
#ifndef KR_PYCORE_GC_H
#define KR_PYCORE_GC_H
#include <stddef.h>
#include <stdint.h>
struct _gc_runtime_state {
    int _placeholder; /* replaced by the collector's real fields */
};
#endif
