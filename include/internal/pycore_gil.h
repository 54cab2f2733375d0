/* The global interpreter lock (src/vm/ceval_gil.c): internal entry points used by the
 * eval breaker and the thread-state code. */
#ifndef KR_PYCORE_GIL_H
#define KR_PYCORE_GIL_H

struct _ts;

/* From the eval breaker when KR_EVAL_GIL_DROP_REQUEST is set: hand the lock to a waiting
 * thread and take it back afterwards. */
void _KrEval_DropGILRequestHandled(struct _ts *tstate);

/* Before a thread state is freed: if the GIL still names it as holder, forget it, so a
 * waiting thread never follows a dangling pointer. Safe without the GIL. */
void _KrGIL_ForgetThreadState(struct _ts *tstate);
#endif
