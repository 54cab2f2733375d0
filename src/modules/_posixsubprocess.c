/* _posixsubprocess: the fork+exec primitive under subprocess.Popen. Everything the child
 * needs (argv, envp, the executable candidates, cwd) is converted to C strings before the
 * fork, so the child only makes async-signal-safe system calls until exec (unless the
 * caller asked for a preexec_fn). A failure in the child is written to the error pipe as
 * "ExceptionName:hex-errno:detail" and the child exits; the parent side (subprocess.py)
 * turns that into the exception CPython raises. */
#include "Python.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

extern char **environ;

/* Byte strings owned by a Python list, so one DECREF releases them all. */
typedef struct {
    PyObject *keep;
    char **vec;
} cvec_t;

static void cvec_free(cvec_t *v)
{
    PyMem_Free(v->vec);
    v->vec = NULL;
    Py_CLEAR(v->keep);
}

static PyObject *to_fs_bytes(PyObject *o)
{
    PyObject *fs = PyOS_FSPath(o);
    if (fs == NULL)
        return NULL;
    if (PyUnicode_Check(fs)) {
        PyObject *b = PyUnicode_EncodeFSDefault(fs);
        Py_DECREF(fs);
        fs = b;
        if (fs == NULL)
            return NULL;
    }
    if ((Py_ssize_t)strlen(PyBytes_AS_STRING(fs)) != PyBytes_GET_SIZE(fs)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        Py_DECREF(fs);
        return NULL;
    }
    return fs;
}

static int cvec_from_seq(PyObject *seq, cvec_t *out, const char *what)
{
    out->keep = NULL;
    out->vec = NULL;
    PyObject *fast = PySequence_Fast(seq, what);
    if (fast == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    out->keep = PyList_New(0);
    out->vec = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    if (out->keep == NULL || out->vec == NULL) {
        Py_DECREF(fast);
        cvec_free(out);
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *b = to_fs_bytes(PySequence_Fast_GET_ITEM(fast, i));
        if (b == NULL || PyList_Append(out->keep, b) < 0) {
            Py_XDECREF(b);
            Py_DECREF(fast);
            cvec_free(out);
            return -1;
        }
        out->vec[i] = PyBytes_AS_STRING(b);
        Py_DECREF(b);
    }
    Py_DECREF(fast);
    return 0;
}

static int fd_arg(PyObject *o, int *out)
{
    int v = PyLong_AsInt(o);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

/* ---- child side: async-signal-safe helpers only ------------------------------------ */

static void write_str(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static void report_errno(int fd, int err, const char *detail)
{
    char buf[32];
    const char hex[] = "0123456789abcdef";
    int i = (int)sizeof buf - 1;
    unsigned int v = (unsigned int)err;
    buf[i] = '\0';
    do {
        buf[--i] = hex[v & 0xF];
        v >>= 4;
    } while (v != 0 && i > 0);
    write_str(fd, "OSError:");
    write_str(fd, buf + i);
    write_str(fd, ":");
    write_str(fd, detail);
}

static int set_inheritable(int fd, int inheritable)
{
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0)
        return -1;
    int nflags = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
    if (nflags != flags && fcntl(fd, F_SETFD, nflags) < 0)
        return -1;
    return 0;
}

static void close_range_fallback(int lo, int hi)
{
#if defined(SYS_close_range)
    if (syscall(SYS_close_range, (unsigned int)lo, (unsigned int)hi, 0u) == 0)
        return;
#endif
    long maxfd = sysconf(_SC_OPEN_MAX);
    if (maxfd < 0 || maxfd > 65536)
        maxfd = 65536;
    if (hi > maxfd)
        hi = (int)maxfd;
    for (int fd = lo; fd <= hi; fd++)
        close(fd);
}

/* Close every descriptor >= 3 except the sorted `keep` ones. */
static void close_open_fds(const int *keep, Py_ssize_t nkeep)
{
    int lo = 3;
    for (Py_ssize_t i = 0; i < nkeep; i++) {
        if (keep[i] < lo)
            continue;
        if (keep[i] > lo)
            close_range_fallback(lo, keep[i] - 1);
        lo = keep[i] + 1;
    }
    close_range_fallback(lo, 0x7fffffff);
}

typedef struct {
    char **argv;
    char **envp;
    char **exec_list;
    const char *cwd;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
    int close_fds, restore_signals, call_setsid;
    pid_t pgid_to_set;
    int child_umask;
    int *keep_fds;
    Py_ssize_t nkeep;
    PyObject *preexec_fn;
    int have_gid, have_uid;
    gid_t gid;
    uid_t uid;
    gid_t *groups;
    Py_ssize_t ngroups;
    int set_groups;
} child_args;

static void child_exec(const child_args *a)
{
    int err_fd = a->errpipe_write;
    const char *stage = "";
    /* The parent's ends of the pipes are useless here. */
    if (a->p2cwrite != -1)
        close(a->p2cwrite);
    if (a->c2pread != -1)
        close(a->c2pread);
    if (a->errread != -1)
        close(a->errread);
    close(a->errpipe_read);

    /* A pipe end sitting on a low fd would be clobbered by an earlier dup2. */
    int c2pwrite = a->c2pwrite, errwrite = a->errwrite;
    if (c2pwrite == 0) {
        c2pwrite = dup(c2pwrite);
        if (c2pwrite < 0 || set_inheritable(c2pwrite, 0) < 0)
            goto error;
    }
    while (errwrite == 0 || errwrite == 1) {
        errwrite = dup(errwrite);
        if (errwrite < 0 || set_inheritable(errwrite, 0) < 0)
            goto error;
    }
    int targets[3][2] = {{a->p2cread, 0}, {c2pwrite, 1}, {errwrite, 2}};
    for (int i = 0; i < 3; i++) {
        int from = targets[i][0], to = targets[i][1];
        if (from == to) {
            if (set_inheritable(from, 1) < 0)
                goto error;
        }
        else if (from != -1 && dup2(from, to) < 0)
            goto error;
    }
    if (a->cwd != NULL && chdir(a->cwd) < 0) {
        stage = "noexec:chdir";
        goto error;
    }
    if (a->child_umask >= 0)
        umask((mode_t)a->child_umask);
    if (a->restore_signals) {
        signal(SIGPIPE, SIG_DFL);
#ifdef SIGXFSZ
        signal(SIGXFSZ, SIG_DFL);
#endif
    }
    if (a->call_setsid && setsid() < 0)
        goto error;
    if (a->pgid_to_set >= 0 && setpgid(0, a->pgid_to_set) < 0)
        goto error;
    if (a->set_groups && setgroups((size_t)a->ngroups, a->groups) < 0)
        goto error;
    if (a->have_gid && setregid(a->gid, a->gid) < 0)
        goto error;
    if (a->have_uid && setreuid(a->uid, a->uid) < 0)
        goto error;
    if (a->preexec_fn != NULL) {
        PyObject *r = PyObject_CallNoArgs(a->preexec_fn);
        if (r == NULL) {
            PyErr_Clear();
            write_str(err_fd, "SubprocessError:0:Exception occurred in preexec_fn.");
            _exit(255);
        }
        Py_DECREF(r);
    }
    for (Py_ssize_t i = 0; i < a->nkeep; i++) {
        if (a->keep_fds[i] != err_fd && set_inheritable(a->keep_fds[i], 1) < 0)
            goto error;
    }
    if (a->close_fds)
        close_open_fds(a->keep_fds, a->nkeep);

    /* Like execvpe: remember the first interesting failure, not a plain ENOENT from
     * a PATH entry that does not hold the program. */
    int saved = 0;
    for (char **exe = a->exec_list; *exe != NULL; exe++) {
        if (a->envp != NULL)
            execve(*exe, a->argv, a->envp);
        else
            execv(*exe, a->argv);
        if (errno != ENOENT && errno != ENOTDIR && saved == 0)
            saved = errno;
    }
    if (saved != 0)
        errno = saved;
    stage = "noexec";
error:
    report_errno(err_fd, errno, stage);
    _exit(255);
}

static int long_or_none(PyObject *o, long *out, int *present)
{
    *present = 0;
    if (o == Py_None)
        return 0;
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = v;
    *present = 1;
    return 0;
}

static int cmp_int(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

/* fork_exec(args, executable_list, close_fds, pass_fds, cwd, env, p2cread, p2cwrite,
 *           c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write,
 *           restore_signals, call_setsid, pgid_to_set, gid, extra_groups, uid,
 *           child_umask, preexec_fn[, allow_vfork]) -> pid */
static PyObject *subprocess_fork_exec(PyObject *m, PyObject *args)
{
    PyObject *argv_o, *exec_o, *pass_o, *cwd_o, *env_o, *gid_o, *groups_o, *uid_o, *preexec_o;
    child_args a;
    int pgid, allow_vfork = 0;
    memset(&a, 0, sizeof a);
    if (!PyArg_ParseTuple(args, "OOpOOOiiiiiiiippiOOOiO|p:fork_exec", &argv_o, &exec_o,
                          &a.close_fds, &pass_o, &cwd_o, &env_o, &a.p2cread, &a.p2cwrite,
                          &a.c2pread, &a.c2pwrite, &a.errread, &a.errwrite, &a.errpipe_read,
                          &a.errpipe_write, &a.restore_signals, &a.call_setsid, &pgid, &gid_o,
                          &groups_o, &uid_o, &a.child_umask, &preexec_o, &allow_vfork))
        return NULL;
    a.pgid_to_set = (pid_t)pgid;
    if (a.close_fds && a.errpipe_write < 3) {
        PyErr_SetString(PyExc_ValueError, "errpipe_write must be >= 3");
        return NULL;
    }
    cvec_t argv = {NULL, NULL}, execs = {NULL, NULL}, envv = {NULL, NULL};
    PyObject *cwd_b = NULL, *result = NULL, *pass_fast = NULL;
    long v = 0;
    int present;
    if (cvec_from_seq(argv_o, &argv, "args must be a sequence") < 0)
        goto done;
    if (cvec_from_seq(exec_o, &execs, "executable_list must be a sequence") < 0)
        goto done;
    if (env_o != Py_None && cvec_from_seq(env_o, &envv, "env must be a sequence") < 0)
        goto done;
    if (cwd_o != Py_None && (cwd_b = to_fs_bytes(cwd_o)) == NULL)
        goto done;
    pass_fast = PySequence_Fast(pass_o, "pass_fds must be a sequence");
    if (pass_fast == NULL)
        goto done;
    a.nkeep = PySequence_Fast_GET_SIZE(pass_fast) + 1;
    a.keep_fds = PyMem_Calloc((size_t)a.nkeep, sizeof(int));
    if (a.keep_fds == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i + 1 < a.nkeep; i++) {
        int fd;
        if (fd_arg(PySequence_Fast_GET_ITEM(pass_fast, i), &fd) < 0)
            goto done;
        if (fd < 0) {
            PyErr_SetString(PyExc_ValueError, "bad value(s) in fds_to_keep");
            goto done;
        }
        a.keep_fds[i] = fd;
    }
    a.keep_fds[a.nkeep - 1] = a.errpipe_write;
    qsort(a.keep_fds, (size_t)a.nkeep, sizeof(int), cmp_int);
    if (long_or_none(gid_o, &v, &present) < 0)
        goto done;
    a.have_gid = present;
    a.gid = (gid_t)v;
    if (long_or_none(uid_o, &v, &present) < 0)
        goto done;
    a.have_uid = present;
    a.uid = (uid_t)v;
    if (groups_o != Py_None) {
        PyObject *gf = PySequence_Fast(groups_o, "extra_groups must be a sequence");
        if (gf == NULL)
            goto done;
        a.ngroups = PySequence_Fast_GET_SIZE(gf);
        a.groups = PyMem_Calloc((size_t)a.ngroups + 1, sizeof(gid_t));
        a.set_groups = 1;
        for (Py_ssize_t i = 0; a.groups != NULL && i < a.ngroups; i++) {
            long g = PyLong_AsLong(PySequence_Fast_GET_ITEM(gf, i));
            if (g == -1 && PyErr_Occurred()) {
                Py_DECREF(gf);
                goto done;
            }
            a.groups[i] = (gid_t)g;
        }
        Py_DECREF(gf);
        if (a.groups == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    a.argv = argv.vec;
    a.exec_list = execs.vec;
    a.envp = envv.vec;
    a.cwd = cwd_b ? PyBytes_AS_STRING(cwd_b) : NULL;
    a.preexec_fn = preexec_o == Py_None ? NULL : preexec_o;
    if (a.preexec_fn != NULL && !PyCallable_Check(a.preexec_fn)) {
        PyErr_SetString(PyExc_TypeError, "preexec_fn must be callable");
        goto done;
    }

    /* Buffered C stdio data would otherwise be written twice. */
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        child_exec(&a);
        _exit(255); /* not reached */
    }
    if (pid < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        goto done;
    }
    result = PyLong_FromLong((long)pid);
done:
    cvec_free(&argv);
    cvec_free(&execs);
    cvec_free(&envv);
    Py_XDECREF(cwd_b);
    Py_XDECREF(pass_fast);
    PyMem_Free(a.keep_fds);
    PyMem_Free(a.groups);
    return result;
}

static PyMethodDef subprocess_methods[] = {
    {"fork_exec", subprocess_fork_exec, METH_VARARGS,
     "Spawn a fresh new child process: fork, set up file descriptors, and exec."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef subprocess_module = {
    PyModuleDef_HEAD_INIT, "_posixsubprocess",
    "A POSIX helper for the subprocess module.", -1, subprocess_methods,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit__posixsubprocess(void)
{
    return PyModule_Create(&subprocess_module);
}
