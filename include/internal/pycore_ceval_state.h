/* Eval-loop state (owned by src/vm/ceval.c): per-interpreter and per-thread parts. */
#ifndef KR_PYCORE_CEVAL_STATE_H
#define KR_PYCORE_CEVAL_STATE_H
#include <stddef.h>
#include <stdint.h>
struct _ceval_state {
    int recursion_limit;
    volatile int eval_breaker; /* nonzero: signals, pending calls or GIL drop request */
};
struct _kr_tstate_eval {
    int _placeholder; /* replaced by the eval loop's per-thread fields (frame stack) */
};
#endif
