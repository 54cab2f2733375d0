/* Eval-loop state (owned by src/vm/ceval.c): per-interpreter and per-thread parts. */
#ifndef KR_PYCORE_CEVAL_STATE_H
#define KR_PYCORE_CEVAL_STATE_H
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>

struct _object;
struct _kr_stack_chunk;

#define KR_MAX_PENDING_CALLS 32
struct _kr_pending_call {
    int (*func)(void *);
    void *arg;
};

/* Bits of _ceval_state.eval_breaker. */
#define KR_EVAL_SIGNALS_PENDING 1
#define KR_EVAL_CALLS_PENDING 2
#define KR_EVAL_GIL_DROP_REQUEST 4
#define KR_EVAL_ASYNC_EXC 8

struct _ceval_state {
    int recursion_limit;
    _Atomic int eval_breaker; /* nonzero: signals, pending calls or GIL drop request */
    /* Pending calls are added from signal handlers and other threads, so the queue is
     * guarded by its own lock rather than the GIL. */
    pthread_mutex_t pending_lock;
    int pending_lock_ready;
    int pending_first, pending_last;
    struct _kr_pending_call pending[KR_MAX_PENDING_CALLS];
    int pending_busy; /* reentrancy guard while running them */
};

#define KR_GLOBAL_CACHE_SIZE 512
struct _kr_global_cache_entry {
    struct _object *name;
    ptrdiff_t hash;
    struct _object *globals;
    uint64_t gver;
    struct _object *builtins;
    uint64_t bver;
    struct _object *value; /* borrowed: valid while the versions match */
};

struct _kr_tstate_eval {
    /* Frames live in a chunked stack of their own so that a call costs a pointer bump
     * instead of a malloc. */
    struct _kr_stack_chunk *datastack_chunk;
    struct _object **datastack_top;
    struct _object **datastack_limit;
    /* LOAD_GLOBAL results keyed by name and guarded by the dicts' global version tags
     * (unique across dicts), so an entry can only hit while both dicts are unchanged. */
    struct _kr_global_cache_entry *global_cache;
    int coroutine_origin_tracking_depth;
    int trace_line_last; /* last line reported to a trace function, per thread */
};
#endif
