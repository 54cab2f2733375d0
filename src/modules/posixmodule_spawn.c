/* Starting processes without os.fork()'s Python-level child: posix_spawn/posix_spawnp
 * (argument lists, environment, file actions and attribute flags) and forkpty. */
#include "Python.h"
#include "posixmodule.h"
#include "internal/pycore_signal.h"

#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <unistd.h>
#include <utmp.h>

extern char **environ;

/* The identifiers of file_actions tuples. */
enum { KR_SPAWN_OPEN = 0, KR_SPAWN_CLOSE = 1, KR_SPAWN_DUP2 = 2, KR_SPAWN_CLOSEFROM = 3 };

/* Everything a spawn call allocates, released in one place. `keep` owns the bytes
 * objects the argv/envp pointers point into. */
typedef struct {
    char **argv;
    char **envp;
    PyObject *keep;
    posix_spawn_file_actions_t actions;
    int have_actions;
    posix_spawnattr_t attr;
    int have_attr;
} spawn_args;

static void spawn_args_release(spawn_args *a)
{
    PyMem_Free(a->argv);
    PyMem_Free(a->envp);
    Py_XDECREF(a->keep);
    if (a->have_actions)
        posix_spawn_file_actions_destroy(&a->actions);
    if (a->have_attr)
        posix_spawnattr_destroy(&a->attr);
}

/* The error numbers of the posix_spawn* helpers come back as return values. */
static int check_rc(int rc)
{
    if (rc != 0) {
        errno = rc;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

/* str, bytes or path-like to file-system bytes without NULs (new reference in *out). */
static int fs_convert(PyObject *o, PyObject **out)
{
    PyObject *fs = PyOS_FSPath(o);
    if (fs == NULL)
        return 0;
    PyObject *b = PyUnicode_Check(fs) ? PyUnicode_EncodeFSDefault(fs) : Py_NewRef(fs);
    Py_DECREF(fs);
    if (b == NULL)
        return 0;
    if ((Py_ssize_t)strlen(PyBytes_AS_STRING(b)) != PyBytes_GET_SIZE(b)) {
        Py_DECREF(b);
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return 0;
    }
    *out = b;
    return 1;
}

/* Encodes o (str, bytes or path-like) and keeps the result alive in `keep`. */
static const char *keep_fsencoded(PyObject *o, PyObject *keep)
{
    PyObject *b = NULL;
    if (!fs_convert(o, &b))
        return NULL;
    int rc = PyList_Append(keep, b);
    Py_DECREF(b);
    return rc < 0 ? NULL : PyBytes_AS_STRING(b);
}

static char **build_argv(PyObject *argv, Py_ssize_t argc, PyObject *keep)
{
    char **out = PyMem_Calloc((size_t)argc + 1, sizeof(char *));
    if (out == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < argc; i++) {
        PyObject *item = PySequence_GetItem(argv, i);
        const char *s = item ? keep_fsencoded(item, keep) : NULL;
        Py_XDECREF(item);
        if (s == NULL) {
            PyMem_Free(out);
            return NULL;
        }
        out[i] = (char *)s;
    }
    return out;
}

static char **build_envp(PyObject *env, PyObject *keep)
{
    PyObject *keys = PyMapping_Keys(env);
    PyObject *values = keys ? PyMapping_Values(env) : NULL;
    char **out = NULL;
    if (values == NULL)
        goto fail;
    Py_ssize_t n = PyList_GET_SIZE(keys);
    if (PyList_GET_SIZE(values) != n) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
        goto fail;
    }
    out = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    if (out == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *k = NULL, *v = NULL;
        if (!fs_convert(PyList_GET_ITEM(keys, i), &k))
            goto fail;
        if (!fs_convert(PyList_GET_ITEM(values, i), &v)) {
            Py_DECREF(k);
            goto fail;
        }
        /* A leading '=' is tolerated, as CPython does for Windows' per-drive variables. */
        const char *ks = PyBytes_AS_STRING(k);
        if (PyBytes_GET_SIZE(k) == 0 || strchr(ks + 1, '=') != NULL) {
            PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
            Py_DECREF(k);
            Py_DECREF(v);
            goto fail;
        }
        PyObject *entry = PyBytes_FromFormat("%s=%s", ks, PyBytes_AS_STRING(v));
        Py_DECREF(k);
        Py_DECREF(v);
        if (entry == NULL)
            goto fail;
        int rc = PyList_Append(keep, entry);
        Py_DECREF(entry);
        if (rc < 0)
            goto fail;
        out[i] = PyBytes_AS_STRING(entry);
    }
    Py_DECREF(keys);
    Py_DECREF(values);
    return out;
fail:
    PyMem_Free(out);
    Py_XDECREF(keys);
    Py_XDECREF(values);
    return NULL;
}

/* An int item of a file_actions tuple, converted like the "i" format. */
static int action_int(PyObject *tuple, Py_ssize_t i, int *out)
{
    return _KrPosix_int_arg(PyTuple_GET_ITEM(tuple, i), out) ? 0 : -1;
}

static int wrong_size(const char *what, int n)
{
    PyErr_Format(PyExc_TypeError, "A %s file_action tuple must have %d elements", what, n);
    return -1;
}

static int add_file_actions(spawn_args *a, PyObject *file_actions)
{
    PyObject *seq = PySequence_Fast(file_actions, "file_actions must be a sequence or None");
    if (seq == NULL)
        return -1;
    if (check_rc(posix_spawn_file_actions_init(&a->actions)) < 0) {
        Py_DECREF(seq);
        return -1;
    }
    a->have_actions = 1;
    int rc = -1;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *act = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyTuple_Check(act) || PyTuple_GET_SIZE(act) == 0) {
            PyErr_SetString(PyExc_TypeError, "Each file_actions element must be a non-empty tuple");
            goto done;
        }
        long tag = PyLong_AsLong(PyTuple_GET_ITEM(act, 0));
        if (tag == -1 && PyErr_Occurred())
            goto done;
        Py_ssize_t size = PyTuple_GET_SIZE(act);
        int fd, fd2, oflag, mode;
        switch (tag) {
        case KR_SPAWN_OPEN: {
            if (size != 5) {
                wrong_size("open", 5);
                goto done;
            }
            if (action_int(act, 1, &fd) < 0)
                goto done;
            const char *path = keep_fsencoded(PyTuple_GET_ITEM(act, 2), a->keep);
            if (path == NULL || action_int(act, 3, &oflag) < 0 || action_int(act, 4, &mode) < 0)
                goto done;
            if (check_rc(posix_spawn_file_actions_addopen(&a->actions, fd, path, oflag,
                                                          (mode_t)mode)) < 0)
                goto done;
            break;
        }
        case KR_SPAWN_CLOSE:
            if (size != 2) {
                wrong_size("close", 2);
                goto done;
            }
            if (action_int(act, 1, &fd) < 0 ||
                check_rc(posix_spawn_file_actions_addclose(&a->actions, fd)) < 0)
                goto done;
            break;
        case KR_SPAWN_DUP2:
            if (size != 3) {
                wrong_size("dup2", 3);
                goto done;
            }
            if (action_int(act, 1, &fd) < 0 || action_int(act, 2, &fd2) < 0 ||
                check_rc(posix_spawn_file_actions_adddup2(&a->actions, fd, fd2)) < 0)
                goto done;
            break;
        case KR_SPAWN_CLOSEFROM:
            if (size != 2) {
                wrong_size("closefrom", 2);
                goto done;
            }
            if (action_int(act, 1, &fd) < 0)
                goto done;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
            if (check_rc(posix_spawn_file_actions_addclosefrom_np(&a->actions, fd)) < 0)
                goto done;
#else
            check_rc(ENOSYS);
            goto done;
#endif
            break;
        default:
            PyErr_SetString(PyExc_TypeError, "Unknown file_actions identifier");
            goto done;
        }
    }
    rc = 0;
done:
    Py_DECREF(seq);
    return rc;
}

typedef struct {
    PyObject *setpgroup, *setsigmask, *setsigdef, *scheduler;
    int resetids, setsid;
} spawn_flags;

static int set_attributes(spawn_args *a, const spawn_flags *f)
{
    if (check_rc(posix_spawnattr_init(&a->attr)) < 0)
        return -1;
    a->have_attr = 1;
    short flags = 0;
    if (f->setpgroup != NULL) {
        int pgid = PyLong_AsInt(f->setpgroup);
        if (pgid == -1 && PyErr_Occurred())
            return -1;
        if (check_rc(posix_spawnattr_setpgroup(&a->attr, (pid_t)pgid)) < 0)
            return -1;
        flags |= POSIX_SPAWN_SETPGROUP;
    }
    if (f->resetids)
        flags |= POSIX_SPAWN_RESETIDS;
    if (f->setsid)
        flags |= POSIX_SPAWN_SETSID;
    sigset_t set;
    if (f->setsigmask != NULL) {
        if (_KrSignal_FillSigset(f->setsigmask, &set) < 0 ||
            check_rc(posix_spawnattr_setsigmask(&a->attr, &set)) < 0)
            return -1;
        flags |= POSIX_SPAWN_SETSIGMASK;
    }
    if (f->setsigdef != NULL) {
        if (_KrSignal_FillSigset(f->setsigdef, &set) < 0 ||
            check_rc(posix_spawnattr_setsigdefault(&a->attr, &set)) < 0)
            return -1;
        flags |= POSIX_SPAWN_SETSIGDEF;
    }
    if (f->scheduler != NULL) {
        PyObject *policy_obj;
        struct sched_param param;
        /* Like CPython, anything but a tuple is a SystemError from the tuple parser. */
        if (!PyTuple_Check(f->scheduler)) {
            PyErr_SetString(PyExc_SystemError, "new style getargs format but argument is not a tuple");
            return -1;
        }
        if (!PyArg_ParseTuple(f->scheduler, "OO&;A scheduler tuple must have two elements",
                              &policy_obj, _KrPosix_sched_param_converter, &param))
            return -1;
        if (policy_obj != Py_None) {
            int policy = PyLong_AsInt(policy_obj);
            if (policy == -1 && PyErr_Occurred())
                return -1;
            if (check_rc(posix_spawnattr_setschedpolicy(&a->attr, policy)) < 0)
                return -1;
            flags |= POSIX_SPAWN_SETSCHEDULER;
        }
        if (check_rc(posix_spawnattr_setschedparam(&a->attr, &param)) < 0)
            return -1;
        flags |= POSIX_SPAWN_SETSCHEDPARAM;
    }
    return check_rc(posix_spawnattr_setflags(&a->attr, flags));
}

static PyObject *do_spawn(PyObject *args, PyObject *kwds, int use_path)
{
    static char *kwlist[] = {"", "", "", "file_actions", "setpgroup", "resetids", "setsid",
                             "setsigmask", "setsigdef", "scheduler", NULL};
    const char *fname = use_path ? "posix_spawnp" : "posix_spawn";
    PyObject *pathobj, *argv, *env, *file_actions = NULL;
    spawn_flags f = {NULL, NULL, NULL, NULL, 0, 0};
    if (!PyArg_ParseTupleAndKeywords(args, kwds,
                                     use_path ? "OOO|$OOppOOO:posix_spawnp" : "OOO|$OOppOOO:posix_spawn",
                                     kwlist, &pathobj, &argv, &env, &file_actions, &f.setpgroup,
                                     &f.resetids, &f.setsid, &f.setsigmask, &f.setsigdef,
                                     &f.scheduler))
        return NULL;
    path_t path = PATH_T_INIT(fname, "path", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    spawn_args a = {NULL, NULL, NULL, {0}, 0, {0}, 0};
    PyObject *res = NULL;
    if (!PyList_Check(argv) && !PyTuple_Check(argv)) {
        PyErr_Format(PyExc_TypeError, "%s: argv must be a tuple or list", fname);
        goto done;
    }
    Py_ssize_t argc = PySequence_Size(argv);
    if (argc < 1) {
        PyErr_Format(PyExc_ValueError, "%s: argv must not be empty", fname);
        goto done;
    }
    if (env != Py_None && !PyMapping_Check(env)) {
        PyErr_Format(PyExc_TypeError, "%s: environment must be a mapping object or None", fname);
        goto done;
    }
    if ((a.keep = PyList_New(0)) == NULL || (a.argv = build_argv(argv, argc, a.keep)) == NULL)
        goto done;
    if (a.argv[0][0] == '\0') {
        PyErr_Format(PyExc_ValueError, "%s: argv first element cannot be empty", fname);
        goto done;
    }
    if (env != Py_None && (a.envp = build_envp(env, a.keep)) == NULL)
        goto done;
    if (file_actions != NULL && file_actions != Py_None && add_file_actions(&a, file_actions) < 0)
        goto done;
    if (set_attributes(&a, &f) < 0)
        goto done;
    if (PySys_Audit(use_path ? "os.posix_spawnp" : "os.posix_spawn", "OOO", path.object, argv,
                    env) < 0)
        goto done;
    pid_t pid;
    char **envp = a.envp != NULL ? a.envp : environ;
    int err;
    if (use_path)
        err = posix_spawnp(&pid, path.path, a.have_actions ? &a.actions : NULL, &a.attr, a.argv, envp);
    else
        err = posix_spawn(&pid, path.path, a.have_actions ? &a.actions : NULL, &a.attr, a.argv, envp);
    if (err != 0) {
        errno = err;
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path.object);
        goto done;
    }
    res = PyLong_FromLong((long)pid);
done:
    spawn_args_release(&a);
    path_cleanup(&path);
    return res;
}

static PyObject *posix_posix_spawn(PyObject *m, PyObject *args, PyObject *kwds)
{
    return do_spawn(args, kwds, 0);
}

static PyObject *posix_posix_spawnp(PyObject *m, PyObject *args, PyObject *kwds)
{
    return do_spawn(args, kwds, 1);
}

/* ---- forkpty ------------------------------------------------------------------------------ */

/* openpty + fork + login_tty, so that the fork goes through the same hooks as os.fork(). */
static PyObject *posix_forkpty(PyObject *m, PyObject *Py_UNUSED(a))
{
    int master, slave;
    if (openpty(&master, &slave, NULL, NULL, NULL) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    run_fork_hooks(m, "_at_fork_before", 1);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    int saved = errno;
    if (pid == 0) {
        close(master);
        /* The slave becomes the child's controlling terminal and its stdin/out/err. */
        if (login_tty(slave) < 0)
            _exit(1);
        PyOS_AfterFork_Child();
    }
    else {
        close(slave);
    }
    run_fork_hooks(m, pid == 0 ? "_at_fork_child" : "_at_fork_parent", 0);
    if (pid < 0) {
        close(master);
        errno = saved;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return Py_BuildValue("(li)", (long)pid, master);
}

#define KW (METH_VARARGS | METH_KEYWORDS)
#define KWF(f) ((PyCFunction)(void (*)(void))(f))

static PyMethodDef spawn_methods[] = {
    {"posix_spawn", KWF(posix_posix_spawn), KW, "Execute the program specified by path in a new process."},
    {"posix_spawnp", KWF(posix_posix_spawnp), KW, "Execute the program specified by path in a new process."},
    {"forkpty", posix_forkpty, METH_NOARGS,
     "Fork a new process with a new pseudo-terminal as controlling tty.\n\nReturns a tuple of (pid, master_fd).\nLike fork(), return pid of 0 to the child process,\nand pid of child to the parent process.\nTo both, return fd of newly opened pseudo-terminal."},
    {NULL, NULL, 0, NULL},
};

int _KrPosix_spawn_init(PyObject *m)
{
    if (PyModule_AddFunctions(m, spawn_methods) < 0 ||
        PyModule_AddIntConstant(m, "POSIX_SPAWN_OPEN", KR_SPAWN_OPEN) < 0 ||
        PyModule_AddIntConstant(m, "POSIX_SPAWN_CLOSE", KR_SPAWN_CLOSE) < 0 ||
        PyModule_AddIntConstant(m, "POSIX_SPAWN_DUP2", KR_SPAWN_DUP2) < 0 ||
        PyModule_AddIntConstant(m, "POSIX_SPAWN_CLOSEFROM", KR_SPAWN_CLOSEFROM) < 0)
        return -1;
    return 0;
}
