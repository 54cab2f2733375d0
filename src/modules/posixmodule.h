/* Shared between the files of the posix module (posixmodule*.c): the converted path
 * argument and the error helpers. Not a public header. */
#ifndef KR_POSIXMODULE_H
#define KR_POSIXMODULE_H
#include "Python.h"

/* A converted path argument: `object` is what the caller passed (for error messages),
 * `bytes` the encoded file-system path, `narrow` whether results should be bytes. */
typedef struct {
    const char *function_name;
    const char *argument_name;
    int nullable;
    int allow_fd;
    PyObject *object;
    PyObject *bytes;
    const char *path;
    int fd;
    int narrow;
} path_t;

#define PATH_T_INIT(fname, aname, nullable, allow_fd) \
    {fname, aname, nullable, allow_fd, NULL, NULL, NULL, -1, 0}

#define path_cleanup _KrPosix_path_cleanup
#define path_convert _KrPosix_path_convert
#define posix_error_path _KrPosix_error_path
#define posix_error_path2 _KrPosix_error_path2
#define decode_name _KrPosix_decode_name
#define dir_fd_convert _KrPosix_dir_fd_convert

void path_cleanup(path_t *p);
int path_convert(PyObject *o, path_t *p);
PyObject *posix_error_path(path_t *p);
PyObject *posix_error_path2(path_t *a, path_t *b);
PyObject *decode_name(const char *name, Py_ssize_t len, int narrow);
/* None -> AT_FDCWD; otherwise an int fd. Returns 0 with an exception set on error. */
int dir_fd_convert(PyObject *o, int *fd);

#define run_fork_hooks _KrPosix_run_fork_hooks
/* Calls the os.register_at_fork lists ("_at_fork_before", ...) of the posix module. */
void run_fork_hooks(PyObject *m, const char *attr, int reverse);

/* An int argument converted like the "i" format: returns 0 with an exception set. */
int _KrPosix_int_arg(PyObject *o, int *out);

/* Converts an os.sched_param instance (O& converter). */
int _KrPosix_sched_param_converter(PyObject *o, void *out);

extern PyMethodDef _KrPosix_ext_methods[];
int _KrPosix_ext_init(PyObject *module);
/* Linux-specific calls (posixmodule_linux.c) and process spawning (posixmodule_spawn.c). */
int _KrPosix_linux_init(PyObject *module);
int _KrPosix_spawn_init(PyObject *module);
#endif
