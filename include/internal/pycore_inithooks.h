/* Start-up hooks, called in this order by the runtime (src/vm/pylifecycle.c) after the
 * allocator is ready. Each returns 0, or -1 with an exception set / fatal. Each owner
 * defines its hook (an empty one is fine). Phase 1 runs before static types are readied,
 * phase 2 after. Matching _Fini hooks run in reverse order at shut-down. */
#ifndef KR_PYCORE_INITHOOKS_H
#define KR_PYCORE_INITHOOKS_H
#define KR_INIT_HOOKS_PHASE1(X) \
    X(_PyUnicode_InitGlobalObjects) /* interned-string table and _Py_ID() strings */ \
    X(_PyLong_InitGlobalObjects)    /* small int cache -5..256 */
#define KR_INIT_HOOKS_PHASE2(X) \
    X(_PyExc_InitTypes)             /* exception classes */ \
    X(_PyFloat_InitTypes)           /* float_info etc. */ \
    X(_PyGC_Init) \
    X(_KrObject_InitFreeLists)      /* object.c: free lists emptied at exit */ \
    X(_PyEval_InitState)            /* eval loop: recursion limit, pending-call lock */
#define KR_DECLARE_HOOK(fn) int fn(void);
KR_INIT_HOOKS_PHASE1(KR_DECLARE_HOOK)
KR_INIT_HOOKS_PHASE2(KR_DECLARE_HOOK)
#undef KR_DECLARE_HOOK
#endif
