/* re.Match objects (the result of a successful match) and the scanner objects behind
 * Pattern.finditer and Pattern.scanner. */
#include "_sre_internal.h"

PyObject *_KrSre_NewMatch(KrPatternObject *pat, const KrSubject *subj, KrMatchState *st,
                          Py_ssize_t pos, Py_ssize_t endpos)
{
    Py_ssize_t n = 2 * (pat->groups + 1);
    KrMatchObject *m = PyObject_NewVar(KrMatchObject, &KrMatch_Type, n);
    if (m == NULL)
        return NULL;
    m->string = Py_NewRef(subj->obj);
    m->pattern = (KrPatternObject *)Py_NewRef((PyObject *)pat);
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = st->lastindex;
    for (Py_ssize_t g = 0; g <= pat->groups; g++) {
        Py_ssize_t a = st->slots[2 * g], b = st->slots[2 * g + 1];
        if (a < 0 || b < 0 || a > b)
            a = b = -1;
        m->marks[2 * g] = a;
        m->marks[2 * g + 1] = b;
    }
    return (PyObject *)m;
}

static void match_dealloc(PyObject *self)
{
    KrMatchObject *m = (KrMatchObject *)self;
    Py_XDECREF(m->string);
    Py_XDECREF(m->pattern);
    PyObject_Free(self);
}

static PyObject *slice_of(KrMatchObject *m, Py_ssize_t a, Py_ssize_t b)
{
    if (PyUnicode_Check(m->string))
        return PyUnicode_Substring(m->string, a, b);
    if (PyBytes_CheckExact(m->string))
        return PyBytes_FromStringAndSize(PyBytes_AS_STRING(m->string) + a, b - a);
    /* other buffers (bytearray, memoryview, mmap) give bytes, read at call time */
    Py_buffer view;
    if (PyObject_GetBuffer(m->string, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *r;
    if (b > view.len)
        r = PyBytes_FromStringAndSize("", 0);
    else
        r = PyBytes_FromStringAndSize((const char *)view.buf + a, b - a);
    PyBuffer_Release(&view);
    return r;
}

PyObject *_KrSre_MatchGroup(KrMatchObject *m, Py_ssize_t g, PyObject *dflt)
{
    Py_ssize_t a = m->marks[2 * g], b = m->marks[2 * g + 1];
    if (a < 0)
        return Py_NewRef(dflt);
    return slice_of(m, a, b);
}

/* Group number for an int or a group name; -1 with IndexError set when there is none. */
static Py_ssize_t group_index(KrMatchObject *m, PyObject *key)
{
    Py_ssize_t g = -1;
    if (PyIndex_Check(key)) {
        g = PyNumber_AsSsize_t(key, NULL);
        if (g == -1 && PyErr_Occurred())
            PyErr_Clear();
    }
    else {
        PyObject *v = PyDict_GetItemWithError(m->pattern->groupindex, key);
        if (v == NULL && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError))
                return -1;
            PyErr_Clear();
        }
        if (v != NULL && PyLong_Check(v))
            g = PyLong_AsSsize_t(v);
    }
    if (g < 0 || g > m->pattern->groups) {
        PyErr_SetString(PyExc_IndexError, "no such group");
        return -1;
    }
    return g;
}

static PyObject *match_group(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrMatchObject *m = (KrMatchObject *)self;
    if (nargs == 0)
        return _KrSre_MatchGroup(m, 0, Py_None);
    if (nargs == 1) {
        Py_ssize_t g = group_index(m, args[0]);
        return g < 0 ? NULL : _KrSre_MatchGroup(m, g, Py_None);
    }
    PyObject *t = PyTuple_New(nargs);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_ssize_t g = group_index(m, args[i]);
        PyObject *v = g < 0 ? NULL : _KrSre_MatchGroup(m, g, Py_None);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static PyObject *match_getitem(PyObject *self, PyObject *key)
{
    KrMatchObject *m = (KrMatchObject *)self;
    Py_ssize_t g = group_index(m, key);
    return g < 0 ? NULL : _KrSre_MatchGroup(m, g, Py_None);
}

static PyObject *match_groups(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const kwlist[] = {"default", NULL};
    KrMatchObject *m = (KrMatchObject *)self;
    PyObject *a[1];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "groups", kwlist, 0, 1, 0, a) < 0)
        return NULL;
    PyObject *dflt = a[0] ? a[0] : Py_None;
    PyObject *t = PyTuple_New(m->pattern->groups);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t g = 1; g <= m->pattern->groups; g++) {
        PyObject *v = _KrSre_MatchGroup(m, g, dflt);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, g - 1, v);
    }
    return t;
}

static PyObject *match_groupdict(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames)
{
    static const char *const kwlist[] = {"default", NULL};
    KrMatchObject *m = (KrMatchObject *)self;
    PyObject *a[1];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "groupdict", kwlist, 0, 1, 0, a) < 0)
        return NULL;
    PyObject *dflt = a[0] ? a[0] : Py_None;
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    Py_ssize_t i = 0;
    PyObject *k, *v;
    while (PyDict_Next(m->pattern->groupindex, &i, &k, &v)) {
        Py_ssize_t g = PyLong_AsSsize_t(v);
        if (g < 0 || g > m->pattern->groups)
            continue;
        PyObject *val = _KrSre_MatchGroup(m, g, dflt);
        if (val == NULL || PyDict_SetItem(d, k, val) < 0) {
            Py_XDECREF(val);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(val);
    }
    return d;
}

static int one_group_arg(KrMatchObject *m, PyObject *const *args, Py_ssize_t nargs,
                         const char *name, Py_ssize_t *g)
{
    if (!_PyArg_CheckPositional(name, nargs, 0, 1))
        return -1;
    *g = 0;
    if (nargs == 1) {
        *g = group_index(m, args[0]);
        if (*g < 0)
            return -1;
    }
    return 0;
}

static PyObject *match_start(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrMatchObject *m = (KrMatchObject *)self;
    Py_ssize_t g;
    if (one_group_arg(m, args, nargs, "start", &g) < 0)
        return NULL;
    return PyLong_FromSsize_t(m->marks[2 * g]);
}

static PyObject *match_end(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrMatchObject *m = (KrMatchObject *)self;
    Py_ssize_t g;
    if (one_group_arg(m, args, nargs, "end", &g) < 0)
        return NULL;
    return PyLong_FromSsize_t(m->marks[2 * g + 1]);
}

static PyObject *match_span(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrMatchObject *m = (KrMatchObject *)self;
    Py_ssize_t g;
    if (one_group_arg(m, args, nargs, "span", &g) < 0)
        return NULL;
    return Py_BuildValue("(nn)", m->marks[2 * g], m->marks[2 * g + 1]);
}

static PyObject *match_expand(PyObject *self, PyObject *tmpl)
{
    KrMatchObject *m = (KrMatchObject *)self;
    PyObject *re = PyImport_ImportModule("re");
    if (re == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(re, "_expand", "OOO", (PyObject *)m->pattern, self, tmpl);
    Py_DECREF(re);
    return r;
}

static PyObject *match_copy(PyObject *self, PyObject *Py_UNUSED(arg))
{
    return Py_NewRef(self);
}

static PyObject *match_repr(PyObject *self)
{
    KrMatchObject *m = (KrMatchObject *)self;
    PyObject *g = _KrSre_MatchGroup(m, 0, Py_None);
    if (g == NULL)
        return NULL;
    PyObject *r = PyObject_Repr(g);
    Py_DECREF(g);
    if (r == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(r) > 50) {
        PyObject *t = PyUnicode_Substring(r, 0, 50);
        Py_SETREF(r, t);
        if (r == NULL)
            return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("<re.Match object; span=(%zd, %zd), match=%U>",
                                         m->marks[0], m->marks[1], r);
    Py_DECREF(r);
    return res;
}

static PyObject *match_get_lastindex(PyObject *self, void *Py_UNUSED(c))
{
    KrMatchObject *m = (KrMatchObject *)self;
    if (m->lastindex < 0)
        Py_RETURN_NONE;
    return PyLong_FromSsize_t(m->lastindex);
}

static PyObject *match_get_lastgroup(PyObject *self, void *Py_UNUSED(c))
{
    KrMatchObject *m = (KrMatchObject *)self;
    PyObject *ig = m->pattern->indexgroup;
    if (m->lastindex < 0 || !PyTuple_Check(ig) || m->lastindex >= PyTuple_GET_SIZE(ig))
        Py_RETURN_NONE;
    return Py_NewRef(PyTuple_GET_ITEM(ig, m->lastindex));
}

static PyObject *match_get_regs(PyObject *self, void *Py_UNUSED(c))
{
    KrMatchObject *m = (KrMatchObject *)self;
    PyObject *t = PyTuple_New(m->pattern->groups + 1);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t g = 0; g <= m->pattern->groups; g++) {
        PyObject *v = Py_BuildValue("(nn)", m->marks[2 * g], m->marks[2 * g + 1]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, g, v);
    }
    return t;
}

static PyObject *match_get_string(PyObject *self, void *Py_UNUSED(c))
{
    return Py_NewRef(((KrMatchObject *)self)->string);
}

static PyObject *match_get_re(PyObject *self, void *Py_UNUSED(c))
{
    return Py_NewRef((PyObject *)((KrMatchObject *)self)->pattern);
}

static PyObject *match_get_pos(PyObject *self, void *Py_UNUSED(c))
{
    return PyLong_FromSsize_t(((KrMatchObject *)self)->pos);
}

static PyObject *match_get_endpos(PyObject *self, void *Py_UNUSED(c))
{
    return PyLong_FromSsize_t(((KrMatchObject *)self)->endpos);
}

static PyObject *generic_alias(PyObject *cls, PyObject *arg)
{
    return Py_GenericAlias(cls, arg);
}

static PyMethodDef match_methods[] = {
    {"group", (PyCFunction)(void (*)(void))match_group, METH_FASTCALL,
     "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices "
     "or names.\n    For 0 returns the entire match."},
    {"start", (PyCFunction)(void (*)(void))match_start, METH_FASTCALL,
     "Return index of the start of the substring matched by group."},
    {"end", (PyCFunction)(void (*)(void))match_end, METH_FASTCALL,
     "Return index of the end of the substring matched by group."},
    {"span", (PyCFunction)(void (*)(void))match_span, METH_FASTCALL,
     "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", (PyCFunction)(void (*)(void))match_groups, METH_FASTCALL | METH_KEYWORDS,
     "Return a tuple containing all the subgroups of the match, from 1."},
    {"groupdict", (PyCFunction)(void (*)(void))match_groupdict,
     METH_FASTCALL | METH_KEYWORDS,
     "Return a dictionary containing all the named subgroups of the match, keyed by the "
     "subgroup name."},
    {"expand", match_expand, METH_O,
     "Return the string obtained by doing backslash substitution on the string template, "
     "as done by the sub() method."},
    {"__copy__", match_copy, METH_NOARGS, NULL},
    {"__deepcopy__", match_copy, METH_O, NULL},
    {"__class_getitem__", generic_alias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef match_getset[] = {
    {"lastindex", match_get_lastindex, NULL,
     "The integer index of the last matched capturing group.", NULL},
    {"lastgroup", match_get_lastgroup, NULL,
     "The name of the last matched capturing group.", NULL},
    {"regs", match_get_regs, NULL, NULL, NULL},
    {"string", match_get_string, NULL, "The string passed to match() or search().", NULL},
    {"re", match_get_re, NULL,
     "The regular expression object whose match() or search() method produced this match "
     "instance.", NULL},
    {"pos", match_get_pos, NULL, "The index into the string at which the RE engine started "
     "looking for a match.", NULL},
    {"endpos", match_get_endpos, NULL, "The index into the string beyond which the RE "
     "engine will not go.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMappingMethods match_as_mapping = {
    .mp_subscript = match_getitem,
};

PyTypeObject KrMatch_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "re.Match",
    .tp_basicsize = offsetof(KrMatchObject, marks),
    .tp_itemsize = sizeof(Py_ssize_t),
    .tp_dealloc = match_dealloc,
    .tp_repr = match_repr,
    .tp_as_mapping = &match_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "The result of re.match() and re.search().\n"
              "Match objects always have a boolean value of True.",
    .tp_methods = match_methods,
    .tp_getset = match_getset,
};

/* ---- scanner ---- */

typedef struct {
    PyObject_HEAD
    KrPatternObject *pattern;
    PyObject *string;
    Py_ssize_t pos, endpos;
    int must_advance;
    int done;
} KrScannerObject;

PyObject *_KrSre_NewScanner(KrPatternObject *pat, PyObject *string, Py_ssize_t pos,
                            Py_ssize_t endpos)
{
    KrSubject s;
    if (_KrSre_GetSubject(pat, string, &s) < 0)
        return NULL;
    Py_ssize_t len = s.length;
    _KrSre_ReleaseSubject(&s);
    if (pos < 0)
        pos = 0;
    else if (pos > len)
        pos = len;
    if (endpos < 0)
        endpos = 0;
    else if (endpos > len)
        endpos = len;
    KrScannerObject *sc = PyObject_New(KrScannerObject, &KrScanner_Type);
    if (sc == NULL)
        return NULL;
    sc->pattern = (KrPatternObject *)Py_NewRef((PyObject *)pat);
    sc->string = Py_NewRef(string);
    sc->pos = pos;
    sc->endpos = endpos;
    sc->must_advance = 0;
    sc->done = 0;
    return (PyObject *)sc;
}

static void scanner_dealloc(PyObject *self)
{
    KrScannerObject *sc = (KrScannerObject *)self;
    Py_XDECREF(sc->pattern);
    Py_XDECREF(sc->string);
    PyObject_Free(self);
}

static PyObject *scanner_step(KrScannerObject *sc, int search)
{
    if (sc->done || sc->pos > sc->endpos)
        Py_RETURN_NONE;
    KrSubject s;
    KrMatchState st;
    if (_KrSre_GetSubject(sc->pattern, sc->string, &s) < 0)
        return NULL;
    Py_ssize_t endpos = sc->endpos < s.length ? sc->endpos : s.length;
    if (_KrSre_StateInit(&st, sc->pattern, &s, endpos) < 0) {
        _KrSre_ReleaseSubject(&s);
        return NULL;
    }
    st.must_advance = sc->must_advance;
    int r = search ? _KrSre_Search(&st, sc->pos) : _KrSre_Match(&st, sc->pos);
    PyObject *res = NULL;
    if (r > 0) {
        res = _KrSre_NewMatch(sc->pattern, &s, &st, sc->pos, endpos);
        sc->must_advance = st.slots[1] == st.slots[0];
        sc->pos = st.slots[1];
    }
    else if (r == 0) {
        sc->done = 1;
        res = Py_NewRef(Py_None);
    }
    _KrSre_StateFini(&st);
    _KrSre_ReleaseSubject(&s);
    return res;
}

static PyObject *scanner_match(PyObject *self, PyObject *Py_UNUSED(a))
{
    return scanner_step((KrScannerObject *)self, 0);
}

static PyObject *scanner_search(PyObject *self, PyObject *Py_UNUSED(a))
{
    return scanner_step((KrScannerObject *)self, 1);
}

static PyObject *scanner_get_pattern(PyObject *self, void *Py_UNUSED(c))
{
    return Py_NewRef((PyObject *)((KrScannerObject *)self)->pattern);
}

static PyMethodDef scanner_methods[] = {
    {"match", scanner_match, METH_NOARGS, NULL},
    {"search", scanner_search, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef scanner_getset[] = {
    {"pattern", scanner_get_pattern, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject KrScanner_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_sre.SRE_Scanner",
    .tp_basicsize = sizeof(KrScannerObject),
    .tp_dealloc = scanner_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = scanner_methods,
    .tp_getset = scanner_getset,
};
