/* The pwd module: read access to the password database (getpwnam/getpwuid/getpwall),
 * entries reported as pwd.struct_passwd. */
#include "Python.h"
#include "structseq.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

static PyStructSequence_Field passwd_fields[] = {
    {"pw_name", "user name"},
    {"pw_passwd", "password"},
    {"pw_uid", "user id"},
    {"pw_gid", "group id"},
    {"pw_gecos", "real name"},
    {"pw_dir", "home directory"},
    {"pw_shell", "shell program"},
    {NULL, NULL},
};

static PyStructSequence_Desc passwd_desc = {
    "pwd.struct_passwd",
    "One password database entry, as returned by the getpw*() functions: a 7-tuple\n"
    "(pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell) whose items\n"
    "are also readable as attributes of those names.",
    passwd_fields, 7,
};

/* Static type: struct sequence types here are never heap types (see structseq.c). */
static PyTypeObject StructPasswdType;

/* (uid_t)-1 is reported as -1, as CPython does, so it round-trips through setuid() etc. */
static PyObject *id_to_long(unsigned long id, unsigned long all_ones)
{
    if (id == all_ones)
        return PyLong_FromLong(-1);
    return PyLong_FromUnsignedLong(id);
}

static PyObject *fs_str(const char *s)
{
    return PyUnicode_DecodeFSDefault(s ? s : "");
}

static PyObject *make_entry(const struct passwd *p)
{
    PyObject *v = PyStructSequence_New(&StructPasswdType);
    if (v == NULL)
        return NULL;
    PyObject *items[7] = {
        fs_str(p->pw_name),
        fs_str(p->pw_passwd),
        id_to_long((unsigned long)p->pw_uid, (unsigned long)(uid_t)-1),
        id_to_long((unsigned long)p->pw_gid, (unsigned long)(gid_t)-1),
        fs_str(p->pw_gecos),
        fs_str(p->pw_dir),
        fs_str(p->pw_shell),
    };
    int failed = 0;
    for (int i = 0; i < 7; i++) {
        if (items[i] == NULL)
            failed = 1;
        PyStructSequence_SetItem(v, i, items[i]);
    }
    if (failed) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

/* Converts a uid argument like CPython's uid converter; returns 1 ok, 0 when the value
 * is out of range for uid_t (the caller reports "not found"), -1 on other errors. */
static int uid_arg(PyObject *obj, uid_t *out)
{
    if (PyFloat_Check(obj) || !PyIndex_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "uid should be integer, not %.200s", Py_TYPE(obj)->tp_name);
        return -1;
    }
    PyObject *idx = PyNumber_Index(obj);
    if (idx == NULL)
        return -1;
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(idx, &overflow);
    Py_DECREF(idx);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow)
        return 0;
    if (v == -1) {
        *out = (uid_t)-1;
        return 1;
    }
    if (v < 0 || (unsigned long long)v != (unsigned long long)(uid_t)v)
        return 0;
    *out = (uid_t)v;
    return 1;
}

/* getpw*_r with a buffer grown on ERANGE; returns a new entry, or NULL with KeyError
 * (not found) / OSError / MemoryError set, after `not_found` has been formatted. */
typedef int (*lookup_fn)(const void *key, struct passwd *pw, char *buf, size_t len,
                         struct passwd **res);

static int lookup_by_name(const void *key, struct passwd *pw, char *buf, size_t len,
                          struct passwd **res)
{
    return getpwnam_r((const char *)key, pw, buf, len, res);
}

static int lookup_by_uid(const void *key, struct passwd *pw, char *buf, size_t len,
                         struct passwd **res)
{
    return getpwuid_r(*(const uid_t *)key, pw, buf, len, res);
}

/* Returns 1 with *result set, 0 when there is no such entry, -1 with an exception. */
static int lookup(lookup_fn fn, const void *key, PyObject **result)
{
    long hint = sysconf(_SC_GETPW_R_SIZE_MAX);
    size_t len = hint > 0 ? (size_t)hint : 1024;
    for (;;) {
        char *buf = PyMem_RawMalloc(len);
        if (buf == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        struct passwd pw, *res = NULL;
        int rc;
        Py_BEGIN_ALLOW_THREADS
        rc = fn(key, &pw, buf, len, &res);
        Py_END_ALLOW_THREADS
        if (rc == ERANGE && len < (size_t)1 << 24) {
            PyMem_RawFree(buf);
            len *= 2;
            continue;
        }
        if (res == NULL) {
            PyMem_RawFree(buf);
            return 0;
        }
        *result = make_entry(&pw);
        PyMem_RawFree(buf);
        return *result ? 1 : -1;
    }
}

static PyObject *pwd_getpwuid(PyObject *m, PyObject *arg)
{
    uid_t uid = 0;
    int ok = uid_arg(arg, &uid);
    if (ok < 0)
        return NULL;
    if (ok == 0) {
        PyErr_SetString(PyExc_KeyError, "getpwuid(): uid not found");
        return NULL;
    }
    PyObject *res = NULL;
    int found = lookup(lookup_by_uid, &uid, &res);
    if (found < 0)
        return NULL;
    if (found == 0) {
        PyObject *idobj = id_to_long((unsigned long)uid, (unsigned long)(uid_t)-1);
        if (idobj != NULL) {
            PyErr_Format(PyExc_KeyError, "getpwuid(): uid not found: %S", idobj);
            Py_DECREF(idobj);
        }
        return NULL;
    }
    return res;
}

static PyObject *pwd_getpwnam(PyObject *m, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "getpwnam() argument must be str, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyObject *bytes = PyUnicode_EncodeFSDefault(arg);
    if (bytes == NULL)
        return NULL;
    char *name;
    if (PyBytes_AsStringAndSize(bytes, &name, NULL) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    PyObject *res = NULL;
    int found = lookup(lookup_by_name, name, &res);
    Py_DECREF(bytes);
    if (found == 0)
        PyErr_Format(PyExc_KeyError, "getpwnam(): name not found: %R", arg);
    return found > 0 ? res : NULL;
}

static PyObject *pwd_getpwall(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    /* getpwent has process-wide iteration state; the GIL is kept so two Python threads
     * cannot interleave their walks. */
    setpwent();
    struct passwd *p;
    while ((p = getpwent()) != NULL) {
        PyObject *v = make_entry(p);
        if (v == NULL || PyList_Append(list, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(list);
            endpwent();
            return NULL;
        }
        Py_DECREF(v);
    }
    endpwent();
    return list;
}

static PyMethodDef pwd_methods[] = {
    {"getpwuid", pwd_getpwuid, METH_O,
     "getpwuid($module, uidobj, /)\n--\n\n"
     "Look up a user by numeric ID; KeyError if there is none."},
    {"getpwnam", pwd_getpwnam, METH_O,
     "getpwnam($module, name, /)\n--\n\n"
     "Look up a user by login name; KeyError if there is none."},
    {"getpwall", pwd_getpwall, METH_NOARGS,
     "getpwall($module, /)\n--\n\n"
     "List every password database entry, in the order the system returns them."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef pwdmodule = {
    PyModuleDef_HEAD_INIT, "pwd",
    "Read access to the Unix user account database (<pwd.h>).\n\n"
    "Entries are pwd.struct_passwd tuples; IDs are ints, everything else str.\n"
    "Looking up an unknown user raises KeyError.",
    -1, pwd_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_pwd(void)
{
    if (!(StructPasswdType.tp_flags & Py_TPFLAGS_READY) &&
        PyStructSequence_InitType2(&StructPasswdType, &passwd_desc) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&pwdmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "struct_passwd", (PyObject *)&StructPasswdType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
