/* The grp module: read access to the group database (getgrnam/getgrgid/getgrall),
 * entries reported as grp.struct_group. */
#include "Python.h"
#include "structseq.h"

#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

static PyStructSequence_Field group_fields[] = {
    {"gr_name", "group name"},
    {"gr_passwd", "password"},
    {"gr_gid", "group id"},
    {"gr_mem", "group members"},
    {NULL, NULL},
};

static PyStructSequence_Desc group_desc = {
    "grp.struct_group",
    "One group database entry, as returned by the getgr*() functions: a 4-tuple\n"
    "(gr_name, gr_passwd, gr_gid, gr_mem) whose items are also readable as\n"
    "attributes of those names.",
    group_fields, 4,
};

static PyTypeObject StructGroupType;

/* (gid_t)-1 is reported as -1, as CPython does. */
static PyObject *gid_to_long(gid_t gid)
{
    if (gid == (gid_t)-1)
        return PyLong_FromLong(-1);
    return PyLong_FromUnsignedLong((unsigned long)gid);
}

static PyObject *fs_str(const char *s)
{
    return PyUnicode_DecodeFSDefault(s ? s : "");
}

static PyObject *make_entry(const struct group *g)
{
    PyObject *members = PyList_New(0);
    if (members == NULL)
        return NULL;
    for (char **mem = g->gr_mem; mem != NULL && *mem != NULL; mem++) {
        PyObject *s = fs_str(*mem);
        if (s == NULL || PyList_Append(members, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(members);
            return NULL;
        }
        Py_DECREF(s);
    }
    PyObject *v = PyStructSequence_New(&StructGroupType);
    if (v == NULL) {
        Py_DECREF(members);
        return NULL;
    }
    PyObject *items[4] = {fs_str(g->gr_name), fs_str(g->gr_passwd), gid_to_long(g->gr_gid),
                          members};
    int failed = 0;
    for (int i = 0; i < 4; i++) {
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

/* CPython's gid converter, including its quirk of calling a value that fits in a C long
 * but not in gid_t "less than minimum". */
static int gid_arg(PyObject *obj, gid_t *out)
{
    if (PyFloat_Check(obj) || !PyIndex_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "gid should be integer, not %.200s", Py_TYPE(obj)->tp_name);
        return -1;
    }
    PyObject *idx = PyNumber_Index(obj);
    if (idx == NULL)
        return -1;
    int overflow = 0;
    long v = PyLong_AsLongAndOverflow(idx, &overflow);
    Py_DECREF(idx);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow > 0) {
        PyErr_SetString(PyExc_OverflowError, "gid is greater than maximum");
        return -1;
    }
    if (overflow < 0 || (v < 0 && v != -1) || (v >= 0 && (long)(gid_t)v != v)) {
        PyErr_SetString(PyExc_OverflowError, "gid is less than minimum");
        return -1;
    }
    *out = (gid_t)v;
    return 0;
}

typedef int (*lookup_fn)(const void *key, struct group *gr, char *buf, size_t len,
                         struct group **res);

static int lookup_by_name(const void *key, struct group *gr, char *buf, size_t len,
                          struct group **res)
{
    return getgrnam_r((const char *)key, gr, buf, len, res);
}

static int lookup_by_gid(const void *key, struct group *gr, char *buf, size_t len,
                         struct group **res)
{
    return getgrgid_r(*(const gid_t *)key, gr, buf, len, res);
}

/* Returns 1 with *result set, 0 when there is no such entry, -1 with an exception. */
static int lookup(lookup_fn fn, const void *key, PyObject **result)
{
    long hint = sysconf(_SC_GETGR_R_SIZE_MAX);
    size_t len = hint > 0 ? (size_t)hint : 1024;
    for (;;) {
        char *buf = PyMem_RawMalloc(len);
        if (buf == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        struct group gr, *res = NULL;
        int rc;
        Py_BEGIN_ALLOW_THREADS
        rc = fn(key, &gr, buf, len, &res);
        Py_END_ALLOW_THREADS
        /* Groups with many members need big buffers; give up at 16 MiB. */
        if (rc == ERANGE && len < (size_t)1 << 24) {
            PyMem_RawFree(buf);
            len *= 2;
            continue;
        }
        if (res == NULL) {
            PyMem_RawFree(buf);
            return 0;
        }
        *result = make_entry(&gr);
        PyMem_RawFree(buf);
        return *result ? 1 : -1;
    }
}

static PyObject *grp_getgrgid(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const kwlist[] = {"id", NULL};
    PyObject *arg;
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "getgrgid", kwlist, 1, 1, 0, &arg) < 0)
        return NULL;
    gid_t gid = 0;
    if (gid_arg(arg, &gid) < 0)
        return NULL;
    PyObject *res = NULL;
    int found = lookup(lookup_by_gid, &gid, &res);
    if (found < 0)
        return NULL;
    if (found == 0) {
        PyObject *idobj = gid_to_long(gid);
        if (idobj != NULL) {
            PyErr_Format(PyExc_KeyError, "getgrgid(): gid not found: %S", idobj);
            Py_DECREF(idobj);
        }
        return NULL;
    }
    return res;
}

static PyObject *grp_getgrnam(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const kwlist[] = {"name", NULL};
    PyObject *arg;
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "getgrnam", kwlist, 1, 1, 0, &arg) < 0)
        return NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "getgrnam() argument 1 must be str, not %.200s",
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
        PyErr_Format(PyExc_KeyError, "getgrnam(): name not found: %R", arg);
    return found > 0 ? res : NULL;
}

static PyObject *grp_getgrall(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    /* getgrent keeps process-wide iteration state; the GIL is held throughout. */
    setgrent();
    struct group *g;
    while ((g = getgrent()) != NULL) {
        PyObject *v = make_entry(g);
        if (v == NULL || PyList_Append(list, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(list);
            endgrent();
            return NULL;
        }
        Py_DECREF(v);
    }
    endgrent();
    return list;
}

static PyMethodDef grp_methods[] = {
    {"getgrgid", _PyCFunction_CAST(grp_getgrgid), METH_FASTCALL | METH_KEYWORDS,
     "getgrgid($module, /, id)\n--\n\n"
     "Look up a group by numeric ID; KeyError if there is none."},
    {"getgrnam", _PyCFunction_CAST(grp_getgrnam), METH_FASTCALL | METH_KEYWORDS,
     "getgrnam($module, /, name)\n--\n\n"
     "Look up a group by name; KeyError if there is none."},
    {"getgrall", grp_getgrall, METH_NOARGS,
     "getgrall($module, /)\n--\n\n"
     "List every group database entry, in the order the system returns them."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef grpmodule = {
    PyModuleDef_HEAD_INIT, "grp",
    "Read access to the Unix group database (<grp.h>).\n\n"
    "Entries are grp.struct_group tuples whose gr_mem item is the list of member\n"
    "names. A user's primary group usually does not list that user; consult the\n"
    "password database as well for full membership.",
    -1, grp_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_grp(void)
{
    if (!(StructGroupType.tp_flags & Py_TPFLAGS_READY) &&
        PyStructSequence_InitType2(&StructGroupType, &group_desc) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&grpmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "struct_group", (PyObject *)&StructGroupType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
