/* obmalloc state (owned by src/memory/obmalloc.c): arenas, pools, usedpools. */
#ifndef KR_PYCORE_OBMALLOC_H
#define KR_PYCORE_OBMALLOC_H
#include <stddef.h>
#include <stdint.h>
struct _obmalloc_state {
    int _placeholder; /* replaced by the allocator's real fields */
};
#endif
