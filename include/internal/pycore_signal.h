/* Signal checks for blocking calls (src/modules/signalmodule.c). A call that returns EINTR
 * or wakes from a sliced wait asks here whether a handler must run before it retries. */
#ifndef KR_PYCORE_SIGNAL_H
#define KR_PYCORE_SIGNAL_H

/* Nonzero when a signal has arrived whose Python-level effect has not run yet. Safe to call
 * without the GIL. */
int _KrSignal_Pending(void);

/* With the GIL: raise KeyboardInterrupt for SIGINT and run tripped Python handlers (on the
 * main thread only). Returns -1 with the handler's exception set, else 0. */
int _KrSignal_Check(void);

/* In a child after fork(): the watcher thread did not survive, so forget it. */
void _KrSignal_AfterFork(void);

#include <signal.h>
/* Signal numbers from an iterable into *set (ValueError "signal number N out of range
 * [1; 64]" as signal.pthread_sigmask words it). 0, or -1 with an exception set. */
int _KrSignal_FillSigset(PyObject *iterable, sigset_t *set);
#endif
