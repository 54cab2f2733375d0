/* re.Pattern objects and the _sre module: loading a compiled program, the search-driven
 * operations (match, search, findall, split, sub) and the text access they share. */
#include "_sre_internal.h"
#include <string.h>

/* ---- subject text ---- */

int _KrSre_GetSubject(KrPatternObject *pat, PyObject *string, KrSubject *s)
{
    memset(s, 0, sizeof(*s));
    s->obj = string;
    if (PyUnicode_Check(string)) {
        if (pat->isbytes) {
            PyErr_SetString(PyExc_TypeError,
                            "cannot use a bytes pattern on a string-like object");
            return -1;
        }
        s->kind = PyUnicode_KIND(string);
        s->data = PyUnicode_DATA(string);
        s->length = PyUnicode_GET_LENGTH(string);
        return 0;
    }
    if (PyObject_CheckBuffer(string)) {
        if (PyObject_GetBuffer(string, &s->view, PyBUF_SIMPLE) < 0)
            return -1;
        s->hasview = 1;
        if (!pat->isbytes) {
            PyBuffer_Release(&s->view);
            s->hasview = 0;
            PyErr_SetString(PyExc_TypeError,
                            "cannot use a string pattern on a bytes-like object");
            return -1;
        }
        s->kind = 1;
        s->data = s->view.buf;
        s->length = s->view.len;
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "expected string or bytes-like object, got '%.200s'",
                 Py_TYPE(string)->tp_name);
    return -1;
}

void _KrSre_ReleaseSubject(KrSubject *s)
{
    if (s->hasview) {
        PyBuffer_Release(&s->view);
        s->hasview = 0;
    }
}

PyObject *_KrSre_Slice(const KrSubject *s, Py_ssize_t i, Py_ssize_t j)
{
    if (PyUnicode_Check(s->obj)) {
        if (i == 0 && j == s->length && PyUnicode_CheckExact(s->obj))
            return Py_NewRef(s->obj);
        return PyUnicode_Substring(s->obj, i, j);
    }
    if (PyBytes_CheckExact(s->obj) && i == 0 && j == s->length)
        return Py_NewRef(s->obj);
    return PyBytes_FromStringAndSize((const char *)s->data + i, j - i);
}

/* ---- loading a program ---- */

static int op_len(uint32_t op)
{
    switch (op) {
    case OP_FAIL: case OP_SUCCESS: case OP_ATOMIC: case OP_ATOMIC_END: return 1;
    case OP_CHAR: case OP_CHAR_I: case OP_CHAR_IA: case OP_ANY: case OP_ANY_ALL:
    case OP_SET: case OP_AT: case OP_JMP: case OP_SAVE: case OP_REP_INIT:
    case OP_LOOK_END: return 2;
    case OP_SPLIT: case OP_BREF: case OP_REP_END: case OP_COND: return 3;
    case OP_LOOK: return 4;
    case OP_REP1: return 7;
    case OP_REP_LOOP: return 6;
    }
    return 0;
}

/* Rejects programs that could make the matcher read out of bounds; the compiler in
 * lib/re never produces them, but _sre.compile is reachable from Python. */
static int validate(KrPatternObject *p)
{
    const uint32_t *c = p->code;
    Py_ssize_t n = p->ncode;
    if (n == 0 || c[n - 1] != OP_SUCCESS)
        goto bad;
    for (Py_ssize_t pc = 0; pc < n;) {
        uint32_t op = c[pc];
        int len = op_len(op);
        if (len == 0 || pc + len > n)
            goto bad;
        switch (op) {
        case OP_SET:
            if (c[pc + 1] >= (uint32_t)p->nclasses)
                goto bad;
            break;
        case OP_CHAR_I:
            p->code[pc + 1] = _PyUnicode_ToLowercase(c[pc + 1]);
            break;
        case OP_AT:
            if (c[pc + 1] > AT_NWORDB_A)
                goto bad;
            break;
        case OP_JMP:
            if (c[pc + 1] >= (uint32_t)n)
                goto bad;
            break;
        case OP_SPLIT:
            if (c[pc + 1] >= (uint32_t)n || c[pc + 2] >= (uint32_t)n)
                goto bad;
            break;
        case OP_SAVE:
            if (c[pc + 1] >= (uint32_t)(2 * (p->groups + 1)))
                goto bad;
            break;
        case OP_BREF:
            if (c[pc + 1] > (uint32_t)p->groups || c[pc + 2] > 2)
                goto bad;
            break;
        case OP_REP1: {
            uint32_t iop = c[pc + 5];
            if (c[pc + 4] != (uint32_t)(pc + 7) || c[pc + 3] > 2 || c[pc + 4] >= (uint32_t)n ||
                !(iop == OP_CHAR || iop == OP_CHAR_I || iop == OP_CHAR_IA || iop == OP_ANY ||
                  iop == OP_ANY_ALL || iop == OP_SET))
                goto bad;
            if (iop == OP_SET && c[pc + 6] >= (uint32_t)p->nclasses)
                goto bad;
            if (iop == OP_CHAR_I)
                p->code[pc + 6] = _PyUnicode_ToLowercase(c[pc + 6]);
            break;
        }
        case OP_REP_INIT:
            if (c[pc + 1] >= (uint32_t)p->nregs)
                goto bad;
            break;
        case OP_REP_LOOP:
            if (c[pc + 1] >= (uint32_t)p->nregs || c[pc + 5] >= (uint32_t)n || c[pc + 4] > 2)
                goto bad;
            break;
        case OP_REP_END:
            if (c[pc + 1] >= (uint32_t)p->nregs || c[pc + 2] >= (uint32_t)n ||
                c[c[pc + 2]] != OP_REP_LOOP)
                goto bad;
            break;
        case OP_LOOK:
            if (c[pc + 1] > 3 || c[pc + 3] >= (uint32_t)n)
                goto bad;
            break;
        case OP_COND:
            if (c[pc + 2] >= (uint32_t)n)
                goto bad;
            break;
        }
        pc += len;
        if (op == OP_REP1)
            continue;
    }
    return 0;
bad:
    PyErr_SetString(PyExc_RuntimeError, "invalid SRE code");
    return -1;
}

static int append_char(Py_UCS4 **buf, Py_ssize_t *n, Py_ssize_t *cap, Py_UCS4 ch)
{
    if (*n + 2 > *cap) {
        Py_ssize_t nc = *cap * 2 + 16;
        Py_UCS4 *b = PyMem_Realloc(*buf, (size_t)nc * sizeof(Py_UCS4));
        if (b == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        *buf = b;
        *cap = nc;
    }
    (*buf)[(*n)++] = ch;
    (*buf)[(*n)++] = ch;
    return 0;
}

/* Case-insensitive classes also list the other cases of their characters, so that a
 * character can be tested with its own lower and upper case only (e.g. [\u017f] must
 * accept 'S' and 's'). Huge ranges are left alone: they almost always contain every
 * case variant already. */
static int add_case_variants(KrClass *c)
{
    Py_ssize_t n = 2 * c->nranges, cap = n + 16;
    Py_UCS4 *buf = PyMem_Malloc((size_t)cap * sizeof(Py_UCS4));
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(buf, c->ranges, (size_t)n * sizeof(Py_UCS4));
    for (Py_ssize_t i = 0; i < c->nranges; i++) {
        Py_UCS4 lo = c->ranges[2 * i], hi = c->ranges[2 * i + 1];
        if (hi - lo > 0x10000)
            continue;
        for (Py_UCS4 ch = lo; ch <= hi; ch++) {
            Py_UCS4 v[3];
            v[0] = _PyUnicode_ToLowercase(ch);
            v[1] = _PyUnicode_ToUppercase(ch);
            v[2] = _PyUnicode_ToLowercase(v[1]);
            for (int k = 0; k < 3; k++) {
                if (v[k] >= lo && v[k] <= hi)
                    continue;
                int seen = 0;
                for (Py_ssize_t j = 2 * c->nranges; j < n; j += 2)
                    if (buf[j] == v[k]) {
                        seen = 1;
                        break;
                    }
                if (!seen && append_char(&buf, &n, &cap, v[k]) < 0) {
                    PyMem_Free(buf);
                    return -1;
                }
            }
        }
    }
    PyMem_Free(c->ranges);
    c->ranges = buf;
    c->nranges = n / 2;
    return 0;
}

static int load_classes(KrPatternObject *p, PyObject *classes)
{
    if (!PyTuple_Check(classes)) {
        PyErr_SetString(PyExc_TypeError, "classes must be a tuple");
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(classes);
    p->classes = PyMem_Calloc(n ? (size_t)n : 1, sizeof(KrClass));
    if (p->classes == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    p->nclasses = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyTuple_GET_ITEM(classes, i);
        KrClass *c = &p->classes[i];
        if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 4 ||
            !PyTuple_Check(PyTuple_GET_ITEM(t, 2)) || !PyTuple_Check(PyTuple_GET_ITEM(t, 3))) {
            PyErr_SetString(PyExc_TypeError, "bad class description");
            return -1;
        }
        c->negate = PyObject_IsTrue(PyTuple_GET_ITEM(t, 0)) ? 1 : 0;
        long ic = PyLong_AsLong(PyTuple_GET_ITEM(t, 1));
        if (ic == -1 && PyErr_Occurred())
            return -1;
        c->icase = (int)ic;
        PyObject *r = PyTuple_GET_ITEM(t, 2), *cats = PyTuple_GET_ITEM(t, 3);
        Py_ssize_t nr = PyTuple_GET_SIZE(r);
        c->nranges = nr / 2;
        c->ranges = PyMem_Malloc((nr ? (size_t)nr : 1) * sizeof(Py_UCS4));
        if (c->ranges == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        for (Py_ssize_t k = 0; k < nr; k++) {
            long v = PyLong_AsLong(PyTuple_GET_ITEM(r, k));
            if (v == -1 && PyErr_Occurred())
                return -1;
            c->ranges[k] = (Py_UCS4)v;
        }
        if (c->icase == 1 && add_case_variants(c) < 0)
            return -1;
        Py_ssize_t nc = PyTuple_GET_SIZE(cats);
        if (nc > 12)
            nc = 12;
        c->ncats = (int)nc;
        for (Py_ssize_t k = 0; k < nc; k++) {
            long v = PyLong_AsLong(PyTuple_GET_ITEM(cats, k));
            if (v == -1 && PyErr_Occurred())
                return -1;
            c->cats[k] = (int)v;
        }
        _KrSre_BuildClass(c, p->isbytes);
    }
    return 0;
}

/* compile(pattern, flags, code, groups, groupindex, indexgroup, classes, nregs, prefix,
 *         firstset, anchored) */
static PyObject *sre_compile(PyObject *Py_UNUSED(mod), PyObject *args)
{
    PyObject *pattern, *code, *groupindex, *indexgroup, *classes, *prefix;
    long flags;
    Py_ssize_t groups, nregs, firstset;
    int anchored;
    if (!PyArg_ParseTuple(args, "OlO!nO!OO!nO!ni:compile", &pattern, &flags, &PyList_Type,
                          &code, &groups, &PyDict_Type, &groupindex, &indexgroup,
                          &PyTuple_Type, &classes, &nregs, &PyTuple_Type, &prefix, &firstset,
                          &anchored))
        return NULL;
    KrPatternObject *p = PyObject_New(KrPatternObject, &KrPattern_Type);
    if (p == NULL)
        return NULL;
    p->pattern = Py_NewRef(pattern);
    p->groupindex = Py_NewRef(groupindex);
    p->indexgroup = Py_NewRef(indexgroup);
    p->groups = groups;
    p->flags = flags;
    p->isbytes = !PyUnicode_Check(pattern) && pattern != Py_None;
    p->code = NULL;
    p->classes = NULL;
    p->nclasses = 0;
    p->prefix = NULL;
    p->nregs = nregs;
    p->firstset = firstset;
    p->anchored = anchored;
    p->weakreflist = NULL;
    Py_ssize_t n = PyList_GET_SIZE(code);
    p->ncode = n;
    p->code = PyMem_Malloc((n ? (size_t)n : 1) * sizeof(uint32_t));
    Py_ssize_t np = PyTuple_GET_SIZE(prefix);
    p->nprefix = np;
    p->prefix = PyMem_Malloc((np ? (size_t)np : 1) * sizeof(Py_UCS4));
    if (p->code == NULL || p->prefix == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned long v = PyLong_AsUnsignedLong(PyList_GET_ITEM(code, i));
        if (v == (unsigned long)-1 && PyErr_Occurred())
            goto fail;
        if (v > 0xFFFFFFFFul) {
            PyErr_SetString(PyExc_OverflowError, "regular expression code size limit exceeded");
            goto fail;
        }
        p->code[i] = (uint32_t)v;
    }
    for (Py_ssize_t i = 0; i < np; i++) {
        long v = PyLong_AsLong(PyTuple_GET_ITEM(prefix, i));
        if (v == -1 && PyErr_Occurred())
            goto fail;
        p->prefix[i] = (Py_UCS4)v;
    }
    if (groups < 0 || nregs < 0 || load_classes(p, classes) < 0)
        goto fail;
    if (firstset >= p->nclasses)
        p->firstset = -1;
    if (validate(p) < 0)
        goto fail;
    return (PyObject *)p;
fail:
    Py_DECREF(p);
    return NULL;
}

static void pattern_dealloc(PyObject *self)
{
    KrPatternObject *p = (KrPatternObject *)self;
    if (p->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_XDECREF(p->pattern);
    Py_XDECREF(p->groupindex);
    Py_XDECREF(p->indexgroup);
    PyMem_Free(p->code);
    PyMem_Free(p->prefix);
    if (p->classes) {
        for (Py_ssize_t i = 0; i < p->nclasses; i++)
            PyMem_Free(p->classes[i].ranges);
        PyMem_Free(p->classes);
    }
    PyObject_Free(self);
}

static PyObject *pattern_repr(PyObject *self)
{
    KrPatternObject *p = (KrPatternObject *)self;
    static const struct { const char *name; long value; } names[] = {
        {"re.IGNORECASE", SRE_FLAG_IGNORECASE}, {"re.LOCALE", SRE_FLAG_LOCALE},
        {"re.MULTILINE", SRE_FLAG_MULTILINE}, {"re.DOTALL", SRE_FLAG_DOTALL},
        {"re.UNICODE", SRE_FLAG_UNICODE}, {"re.VERBOSE", SRE_FLAG_VERBOSE},
        {"re.DEBUG", SRE_FLAG_DEBUG}, {"re.ASCII", SRE_FLAG_ASCII},
    };
    PyObject *pr = PyObject_Repr(p->pattern);
    if (pr == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(pr) > 200) {
        PyObject *t = PyUnicode_Substring(pr, 0, 200);
        Py_SETREF(pr, t);
        if (pr == NULL)
            return NULL;
    }
    long flags = p->flags;
    if (!p->isbytes)
        flags &= ~(long)SRE_FLAG_UNICODE;
    if (flags == 0) {
        PyObject *r = PyUnicode_FromFormat("re.compile(%U)", pr);
        Py_DECREF(pr);
        return r;
    }
    char buf[300];
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (flags & names[i].value) {
            len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s", len ? "|" : "",
                                    names[i].name);
            flags &= ~names[i].value;
        }
    }
    if (flags)
        snprintf(buf + len, sizeof(buf) - len, "%s0x%lx", len ? "|" : "", flags);
    PyObject *r = PyUnicode_FromFormat("re.compile(%U, %s)", pr, buf);
    Py_DECREF(pr);
    return r;
}

static PyObject *pattern_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyObject_TypeCheck(b, &KrPattern_Type))
        Py_RETURN_NOTIMPLEMENTED;
    KrPatternObject *x = (KrPatternObject *)a, *y = (KrPatternObject *)b;
    int eq;
    if (x == y)
        eq = 1;
    else {
        eq = x->flags == y->flags && x->isbytes == y->isbytes && x->ncode == y->ncode &&
             memcmp(x->code, y->code, (size_t)x->ncode * sizeof(uint32_t)) == 0;
        if (eq) {
            int r = PyObject_RichCompareBool(x->pattern, y->pattern, Py_EQ);
            if (r < 0)
                return NULL;
            eq = r;
        }
    }
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static Py_hash_t pattern_hash(PyObject *self)
{
    KrPatternObject *p = (KrPatternObject *)self;
    Py_hash_t h = PyObject_Hash(p->pattern);
    if (h == -1)
        return -1;
    Py_uhash_t x = (Py_uhash_t)h;
    for (Py_ssize_t i = 0; i < p->ncode; i++)
        x = x * 1000003u ^ p->code[i];
    x ^= (Py_uhash_t)p->flags;
    h = (Py_hash_t)x;
    return h == -1 ? -2 : h;
}

/* ---- argument handling ---- */

static int get_index(PyObject *o, Py_ssize_t *out)
{
    if (o == NULL)
        return 0;
    Py_ssize_t v = PyNumber_AsSsize_t(o, NULL);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

static void clamp(Py_ssize_t len, Py_ssize_t *pos, Py_ssize_t *endpos)
{
    if (*pos < 0)
        *pos = 0;
    else if (*pos > len)
        *pos = len;
    if (*endpos < 0)
        *endpos = 0;
    else if (*endpos > len)
        *endpos = len;
}

typedef enum { MODE_MATCH, MODE_FULLMATCH, MODE_SEARCH } MatchMode;

static PyObject *run_one(KrPatternObject *p, PyObject *string, Py_ssize_t pos, Py_ssize_t endpos,
                     MatchMode mode)
{
    KrSubject s;
    KrMatchState st;
    if (_KrSre_GetSubject(p, string, &s) < 0)
        return NULL;
    clamp(s.length, &pos, &endpos);
    if (_KrSre_StateInit(&st, p, &s, endpos) < 0) {
        _KrSre_ReleaseSubject(&s);
        return NULL;
    }
    st.fullmatch = mode == MODE_FULLMATCH;
    int r = mode == MODE_SEARCH ? _KrSre_Search(&st, pos) : _KrSre_Match(&st, pos);
    PyObject *res = NULL;
    if (r > 0)
        res = _KrSre_NewMatch(p, &s, &st, pos, endpos);
    else if (r == 0)
        res = Py_NewRef(Py_None);
    _KrSre_StateFini(&st);
    _KrSre_ReleaseSubject(&s);
    return res;
}

static const char *const kw_spe[] = {"string", "pos", "endpos", NULL};

static PyObject *pattern_do(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                            PyObject *kwnames, const char *name, MatchMode mode)
{
    PyObject *a[3];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, name, kw_spe, 1, 3, 0, a) < 0)
        return NULL;
    Py_ssize_t pos = 0, endpos = PY_SSIZE_T_MAX;
    if (get_index(a[1], &pos) < 0 || get_index(a[2], &endpos) < 0)
        return NULL;
    return run_one((KrPatternObject *)self, a[0], pos, endpos, mode);
}

static PyObject *pattern_match(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    return pattern_do(self, args, nargs, kwnames, "match", MODE_MATCH);
}

static PyObject *pattern_fullmatch(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                   PyObject *kwnames)
{
    return pattern_do(self, args, nargs, kwnames, "fullmatch", MODE_FULLMATCH);
}

static PyObject *pattern_search(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    return pattern_do(self, args, nargs, kwnames, "search", MODE_SEARCH);
}

/* One piece of a findall result: group 0, the only group, or a tuple of all groups, with
 * '' for groups that did not participate. */
static PyObject *findall_item(KrPatternObject *p, const KrSubject *s, const Py_ssize_t *slots)
{
    if (p->groups <= 1) {
        Py_ssize_t g = p->groups;
        Py_ssize_t a = slots[2 * g], b = slots[2 * g + 1];
        if (a < 0 || b < 0)
            a = b = 0;
        return _KrSre_Slice(s, a, b);
    }
    PyObject *t = PyTuple_New(p->groups);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t g = 1; g <= p->groups; g++) {
        Py_ssize_t a = slots[2 * g], b = slots[2 * g + 1];
        if (a < 0 || b < 0)
            a = b = 0;
        PyObject *v = _KrSre_Slice(s, a, b);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, g - 1, v);
    }
    return t;
}

static PyObject *pattern_findall(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames)
{
    KrPatternObject *p = (KrPatternObject *)self;
    PyObject *a[3];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "findall", kw_spe, 1, 3, 0, a) < 0)
        return NULL;
    Py_ssize_t pos = 0, endpos = PY_SSIZE_T_MAX;
    if (get_index(a[1], &pos) < 0 || get_index(a[2], &endpos) < 0)
        return NULL;
    KrSubject s;
    KrMatchState st;
    if (_KrSre_GetSubject(p, a[0], &s) < 0)
        return NULL;
    clamp(s.length, &pos, &endpos);
    PyObject *list = PyList_New(0);
    if (list == NULL || _KrSre_StateInit(&st, p, &s, endpos) < 0) {
        Py_XDECREF(list);
        _KrSre_ReleaseSubject(&s);
        return NULL;
    }
    while (pos <= endpos) {
        int r = _KrSre_Search(&st, pos);
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        PyObject *item = findall_item(p, &s, st.slots);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            goto fail;
        }
        Py_DECREF(item);
        st.must_advance = st.slots[1] == st.slots[0];
        pos = st.slots[1];
    }
    _KrSre_StateFini(&st);
    _KrSre_ReleaseSubject(&s);
    return list;
fail:
    _KrSre_StateFini(&st);
    _KrSre_ReleaseSubject(&s);
    Py_DECREF(list);
    return NULL;
}

static PyObject *pattern_finditer(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames)
{
    PyObject *a[3];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "finditer", kw_spe, 1, 3, 0, a) < 0)
        return NULL;
    Py_ssize_t pos = 0, endpos = PY_SSIZE_T_MAX;
    if (get_index(a[1], &pos) < 0 || get_index(a[2], &endpos) < 0)
        return NULL;
    PyObject *sc = _KrSre_NewScanner((KrPatternObject *)self, a[0], pos, endpos);
    if (sc == NULL)
        return NULL;
    PyObject *meth = PyObject_GetAttrString(sc, "search");
    Py_DECREF(sc);
    if (meth == NULL)
        return NULL;
    PyObject *it = PyCallIter_New(meth, Py_None);
    Py_DECREF(meth);
    return it;
}

static PyObject *pattern_scanner(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames)
{
    PyObject *a[3];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "scanner", kw_spe, 1, 3, 0, a) < 0)
        return NULL;
    Py_ssize_t pos = 0, endpos = PY_SSIZE_T_MAX;
    if (get_index(a[1], &pos) < 0 || get_index(a[2], &endpos) < 0)
        return NULL;
    return _KrSre_NewScanner((KrPatternObject *)self, a[0], pos, endpos);
}

static PyObject *pattern_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const kwlist[] = {"string", "maxsplit", NULL};
    KrPatternObject *p = (KrPatternObject *)self;
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "split", kwlist, 1, 2, 0, a) < 0)
        return NULL;
    Py_ssize_t maxsplit = 0;
    if (get_index(a[1], &maxsplit) < 0)
        return NULL;
    KrSubject s;
    KrMatchState st;
    if (_KrSre_GetSubject(p, a[0], &s) < 0)
        return NULL;
    PyObject *list = PyList_New(0);
    if (list == NULL || _KrSre_StateInit(&st, p, &s, s.length) < 0) {
        Py_XDECREF(list);
        _KrSre_ReleaseSubject(&s);
        return NULL;
    }
    Py_ssize_t pos = 0, last = 0, n = 0;
    PyObject *item;
    while ((maxsplit == 0 || n < maxsplit) && pos <= s.length) {
        int r = _KrSre_Search(&st, pos);
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        item = _KrSre_Slice(&s, last, st.slots[0]);
        if (item == NULL || PyList_Append(list, item) < 0)
            goto fail_item;
        Py_DECREF(item);
        for (Py_ssize_t g = 1; g <= p->groups; g++) {
            Py_ssize_t x = st.slots[2 * g], y = st.slots[2 * g + 1];
            if (x < 0 || y < 0)
                item = Py_NewRef(Py_None);
            else
                item = _KrSre_Slice(&s, x, y);
            if (item == NULL || PyList_Append(list, item) < 0)
                goto fail_item;
            Py_DECREF(item);
        }
        n++;
        last = st.slots[1];
        st.must_advance = st.slots[1] == st.slots[0];
        pos = st.slots[1];
    }
    item = _KrSre_Slice(&s, last, s.length);
    if (item == NULL || PyList_Append(list, item) < 0)
        goto fail_item;
    Py_DECREF(item);
    _KrSre_StateFini(&st);
    _KrSre_ReleaseSubject(&s);
    return list;
fail_item:
    Py_XDECREF(item);
fail:
    _KrSre_StateFini(&st);
    _KrSre_ReleaseSubject(&s);
    Py_DECREF(list);
    return NULL;
}

/* Turns a replacement into either a literal (*literal set) or a parsed template from
 * re._compile_template: a list alternating literal pieces and group numbers. */
static PyObject *prepare_repl(KrPatternObject *p, PyObject *repl, int *kind)
{
    if (PyCallable_Check(repl)) {
        *kind = 0;
        return Py_NewRef(repl);
    }
    int has_backslash;
    if (PyUnicode_Check(repl)) {
        has_backslash = PyUnicode_FindChar(repl, '\\', 0, PyUnicode_GET_LENGTH(repl), 1) >= 0;
    }
    else {
        Py_buffer view;
        if (PyObject_GetBuffer(repl, &view, PyBUF_SIMPLE) < 0)
            return NULL;
        has_backslash = memchr(view.buf, '\\', (size_t)view.len) != NULL;
        PyBuffer_Release(&view);
    }
    if (!has_backslash) {
        *kind = 1;
        return Py_NewRef(repl);
    }
    PyObject *re = PyImport_ImportModule("re");
    if (re == NULL)
        return NULL;
    PyObject *t = PyObject_CallMethod(re, "_compile_template", "OO", (PyObject *)p, repl);
    Py_DECREF(re);
    if (t == NULL)
        return NULL;
    if (!PyList_Check(t)) {
        Py_DECREF(t);
        PyErr_SetString(PyExc_TypeError, "bad template");
        return NULL;
    }
    *kind = 2;
    return t;
}

static PyObject *do_sub(KrPatternObject *p, PyObject *repl, PyObject *string,
                        Py_ssize_t count, int subn)
{
    int kind;
    KrSubject s;
    KrMatchState st;
    PyObject *filter = prepare_repl(p, repl, &kind);
    if (filter == NULL)
        return NULL;
    if (_KrSre_GetSubject(p, string, &s) < 0) {
        Py_DECREF(filter);
        return NULL;
    }
    PyObject *list = PyList_New(0);
    if (list == NULL || _KrSre_StateInit(&st, p, &s, s.length) < 0) {
        Py_XDECREF(list);
        Py_DECREF(filter);
        _KrSre_ReleaseSubject(&s);
        return NULL;
    }
    Py_ssize_t pos = 0, last = 0, n = 0;
    PyObject *item = NULL;
    while ((count == 0 || n < count) && pos <= s.length) {
        int r = _KrSre_Search(&st, pos);
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        if (st.slots[0] > last) {
            item = _KrSre_Slice(&s, last, st.slots[0]);
            if (item == NULL || PyList_Append(list, item) < 0)
                goto fail_item;
            Py_DECREF(item);
        }
        if (kind == 1) {
            if (PyList_Append(list, filter) < 0)
                goto fail;
        }
        else if (kind == 2) {
            Py_ssize_t nt = PyList_GET_SIZE(filter);
            for (Py_ssize_t k = 0; k < nt; k++) {
                PyObject *piece = PyList_GET_ITEM(filter, k);
                if (PyLong_Check(piece)) {
                    Py_ssize_t g = PyLong_AsSsize_t(piece);
                    if (g < 0 || g > p->groups) {
                        PyErr_SetString(PyExc_IndexError, "no such group");
                        goto fail;
                    }
                    Py_ssize_t x = st.slots[2 * g], y = st.slots[2 * g + 1];
                    if (x < 0 || y < 0 || x == y)
                        continue;
                    item = _KrSre_Slice(&s, x, y);
                    if (item == NULL || PyList_Append(list, item) < 0)
                        goto fail_item;
                    Py_DECREF(item);
                }
                else if (PyList_Append(list, piece) < 0)
                    goto fail;
            }
        }
        else {
            PyObject *m = _KrSre_NewMatch(p, &s, &st, 0, s.length);
            if (m == NULL)
                goto fail;
            item = PyObject_CallOneArg(filter, m);
            Py_DECREF(m);
            if (item == NULL)
                goto fail;
            if (item != Py_None && PyList_Append(list, item) < 0)
                goto fail_item;
            Py_DECREF(item);
        }
        n++;
        last = st.slots[1];
        st.must_advance = st.slots[1] == st.slots[0];
        pos = st.slots[1];
    }
    if (last < s.length) {
        item = _KrSre_Slice(&s, last, s.length);
        if (item == NULL || PyList_Append(list, item) < 0)
            goto fail_item;
        Py_DECREF(item);
    }
    item = NULL;
    PyObject *joined;
    if (PyUnicode_Check(string) || !p->isbytes) {
        PyObject *empty = PyUnicode_FromStringAndSize("", 0);
        joined = empty ? PyUnicode_Join(empty, list) : NULL;
        Py_XDECREF(empty);
    }
    else {
        PyObject *empty = PyBytes_FromStringAndSize("", 0);
        joined = empty ? PyObject_CallMethod(empty, "join", "O", list) : NULL;
        Py_XDECREF(empty);
    }
    _KrSre_StateFini(&st);
    _KrSre_ReleaseSubject(&s);
    Py_DECREF(list);
    Py_DECREF(filter);
    if (joined == NULL || !subn)
        return joined;
    PyObject *res = Py_BuildValue("(Nn)", joined, n);
    return res;
fail_item:
    Py_XDECREF(item);
fail:
    _KrSre_StateFini(&st);
    _KrSre_ReleaseSubject(&s);
    Py_DECREF(list);
    Py_DECREF(filter);
    return NULL;
}

static PyObject *pattern_sub_common(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames, int subn)
{
    static const char *const kwlist[] = {"repl", "string", "count", NULL};
    PyObject *a[3];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, subn ? "subn" : "sub", kwlist, 2, 3,
                                  0, a) < 0)
        return NULL;
    if (a[0] == NULL || a[1] == NULL) {
        PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s'",
                     subn ? "subn" : "sub", a[0] == NULL ? "repl" : "string");
        return NULL;
    }
    Py_ssize_t count = 0;
    if (get_index(a[2], &count) < 0)
        return NULL;
    return do_sub((KrPatternObject *)self, a[0], a[1], count, subn);
}

static PyObject *pattern_sub(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    return pattern_sub_common(self, args, nargs, kwnames, 0);
}

static PyObject *pattern_subn(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    return pattern_sub_common(self, args, nargs, kwnames, 1);
}

static PyObject *pattern_copy(PyObject *self, PyObject *Py_UNUSED(arg))
{
    return Py_NewRef(self);
}

static PyObject *pattern_get_groupindex(PyObject *self, void *Py_UNUSED(c))
{
    return PyDictProxy_New(((KrPatternObject *)self)->groupindex);
}

static PyObject *pattern_get_flags(PyObject *self, void *Py_UNUSED(c))
{
    return PyLong_FromLong(((KrPatternObject *)self)->flags);
}

static PyObject *pattern_get_groups(PyObject *self, void *Py_UNUSED(c))
{
    return PyLong_FromSsize_t(((KrPatternObject *)self)->groups);
}

static PyObject *pattern_get_pattern(PyObject *self, void *Py_UNUSED(c))
{
    return Py_NewRef(((KrPatternObject *)self)->pattern);
}

static PyObject *generic_alias(PyObject *cls, PyObject *arg)
{
    return Py_GenericAlias(cls, arg);
}

static PyMethodDef pattern_methods[] = {
    {"match", (PyCFunction)(void (*)(void))pattern_match, METH_FASTCALL | METH_KEYWORDS,
     "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", (PyCFunction)(void (*)(void))pattern_fullmatch,
     METH_FASTCALL | METH_KEYWORDS, "Matches against all of the string."},
    {"search", (PyCFunction)(void (*)(void))pattern_search, METH_FASTCALL | METH_KEYWORDS,
     "Scan through string looking for a match, and return a corresponding match object "
     "instance.\n\nReturn None if no position in the string matches."},
    {"findall", (PyCFunction)(void (*)(void))pattern_findall, METH_FASTCALL | METH_KEYWORDS,
     "Return a list of all non-overlapping matches of pattern in string."},
    {"finditer", (PyCFunction)(void (*)(void))pattern_finditer,
     METH_FASTCALL | METH_KEYWORDS,
     "Return an iterator over all non-overlapping matches for the RE pattern in string."},
    {"scanner", (PyCFunction)(void (*)(void))pattern_scanner, METH_FASTCALL | METH_KEYWORDS,
     NULL},
    {"split", (PyCFunction)(void (*)(void))pattern_split, METH_FASTCALL | METH_KEYWORDS,
     "Split string by the occurrences of pattern."},
    {"sub", (PyCFunction)(void (*)(void))pattern_sub, METH_FASTCALL | METH_KEYWORDS,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of "
     "pattern in string by the replacement repl."},
    {"subn", (PyCFunction)(void (*)(void))pattern_subn, METH_FASTCALL | METH_KEYWORDS,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost "
     "non-overlapping occurrences of pattern with the replacement repl."},
    {"__copy__", pattern_copy, METH_NOARGS, NULL},
    {"__deepcopy__", pattern_copy, METH_O, NULL},
    {"__class_getitem__", generic_alias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef pattern_getset[] = {
    {"groupindex", pattern_get_groupindex, NULL,
     "A dictionary mapping group names to group numbers.", NULL},
    {"flags", pattern_get_flags, NULL, "The regex matching flags.", NULL},
    {"groups", pattern_get_groups, NULL, "The number of capturing groups in the pattern.",
     NULL},
    {"pattern", pattern_get_pattern, NULL, "The pattern string from which the RE object "
     "was compiled.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject KrPattern_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "re.Pattern",
    .tp_basicsize = sizeof(KrPatternObject),
    .tp_dealloc = pattern_dealloc,
    .tp_repr = pattern_repr,
    .tp_hash = pattern_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "Compiled regular expression object.",
    .tp_richcompare = pattern_richcompare,
    .tp_weaklistoffset = offsetof(KrPatternObject, weakreflist),
    .tp_methods = pattern_methods,
    .tp_getset = pattern_getset,
};

/* ---- module ---- */

static PyObject *sre_ascii_iscased(PyObject *Py_UNUSED(m), PyObject *arg)
{
    long ch = PyLong_AsLong(arg);
    if (ch == -1 && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(ch < 128 && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')));
}

static PyMethodDef sre_methods[] = {
    {"compile", sre_compile, METH_VARARGS, NULL},
    {"ascii_iscased", sre_ascii_iscased, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef sremodule = {
    PyModuleDef_HEAD_INIT, "_sre", "Krait's regular expression engine.", -1,
    sre_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__sre(void)
{
    if (PyType_Ready(&KrPattern_Type) < 0 || PyType_Ready(&KrMatch_Type) < 0 ||
        PyType_Ready(&KrScanner_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&sremodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "MAXREPEAT", (long)4294967295L) < 0 ||
        PyModule_AddIntConstant(m, "MAXGROUPS", 1073741823L) < 0 ||
        PyModule_AddIntConstant(m, "CODESIZE", 4) < 0 ||
        PyModule_AddObjectRef(m, "Pattern", (PyObject *)&KrPattern_Type) < 0 ||
        PyModule_AddObjectRef(m, "Match", (PyObject *)&KrMatch_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
