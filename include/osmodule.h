/* os.fspath() protocol (src/modules/posixmodule.c). */
#ifndef KR_OSMODULE_H
#define KR_OSMODULE_H
#include "object.h"
PyObject *PyOS_FSPath(PyObject *path);
#endif
