/* Krait's public embedding API: the CPython-style entry points (Py_Initialize,
 * PyRun_SimpleString, Py_FinalizeEx) and the whole C API via Python.h. */
#ifndef KRAIT_H
#define KRAIT_H
#include "Python.h"
#endif
