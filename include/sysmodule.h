/* The sys module (src/modules/sysmodule.c). */
#ifndef KR_SYSMODULE_H
#define KR_SYSMODULE_H
#include "object.h"
PyObject *PySys_GetObject(const char *); /* borrowed, no error if missing */
int PySys_SetObject(const char *, PyObject *);
void PySys_WriteStdout(const char *format, ...);
void PySys_WriteStderr(const char *format, ...);
void PySys_FormatStdout(const char *format, ...);
void PySys_FormatStderr(const char *format, ...);
int PySys_Audit(const char *event, const char *argFormat, ...);
#endif
