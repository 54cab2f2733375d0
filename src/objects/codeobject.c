/* Code objects: the immutable result of compiling one scope. The bytecode is stored
 * inline after the header so that the eval loop reaches it without an indirection. The
 * line and exception tables use Krait's own compact formats (described in
 * pycore_compile.h); this file is their only reader. */
#include <math.h>
#include "Python.h"
#include "internal/pycore_opcode.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_compile.h"

static PyObject *
names_of_kind(PyCodeObject *co, int kind)
{
    Py_ssize_t n = PyTuple_GET_SIZE(co->co_localsplusnames);
    const unsigned char *kinds = (const unsigned char *)PyBytes_AS_STRING(co->co_localspluskinds);
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (kinds[i] & kind)
            count++;
    PyObject *t = PyTuple_New(count);
    if (t == NULL)
        return NULL;
    Py_ssize_t j = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (kinds[i] & kind) {
            PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
            PyTuple_SET_ITEM(t, j++, Py_NewRef(name));
        }
    }
    return t;
}

static int
validate_inputs(PyObject *filename, PyObject *name, PyObject *qualname,
                PyObject *localsplusnames, PyObject *localspluskinds, PyObject *consts,
                PyObject *names, PyObject *linetable, PyObject *exceptiontable)
{
    if (!filename || !PyUnicode_Check(filename) || !name || !PyUnicode_Check(name) ||
        !qualname || !PyUnicode_Check(qualname) || !localsplusnames ||
        !PyTuple_Check(localsplusnames) || !localspluskinds ||
        !PyBytes_Check(localspluskinds) || !consts || !PyTuple_Check(consts) || !names ||
        !PyTuple_Check(names) || !linetable || !PyBytes_Check(linetable) ||
        !exceptiontable || !PyBytes_Check(exceptiontable)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (PyBytes_GET_SIZE(localspluskinds) != PyTuple_GET_SIZE(localsplusnames)) {
        PyErr_SetString(PyExc_ValueError, "code: localsplusnames/kinds length mismatch");
        return -1;
    }
    return 0;
}

PyCodeObject *
_PyCode_New(PyObject *filename, PyObject *name, PyObject *qualname, int flags, int argcount,
            int posonlyargcount, int kwonlyargcount, int stacksize, int firstlineno,
            PyObject *localsplusnames, PyObject *localspluskinds, PyObject *consts,
            PyObject *names, const _Py_CODEUNIT *code, Py_ssize_t ncodeunits,
            PyObject *linetable, PyObject *exceptiontable)
{
    if (validate_inputs(filename, name, qualname, localsplusnames, localspluskinds, consts,
                        names, linetable, exceptiontable) < 0)
        return NULL;
    if (ncodeunits < 0 || argcount < 0 || posonlyargcount < 0 || kwonlyargcount < 0 ||
        stacksize < 0) {
        PyErr_SetString(PyExc_ValueError, "code: argument counts must not be negative");
        return NULL;
    }
    PyObject *cached = PyBytes_FromStringAndSize((const char *)code,
                                                 ncodeunits * (Py_ssize_t)sizeof(_Py_CODEUNIT));
    if (cached == NULL)
        return NULL;
    PyCodeObject *co = PyObject_NewVar(PyCodeObject, &PyCode_Type, ncodeunits);
    if (co == NULL) {
        Py_DECREF(cached);
        return NULL;
    }
    co->co_consts = Py_NewRef(consts);
    co->co_names = Py_NewRef(names);
    co->co_exceptiontable = Py_NewRef(exceptiontable);
    co->co_flags = flags;
    co->co_argcount = argcount;
    co->co_posonlyargcount = posonlyargcount;
    co->co_kwonlyargcount = kwonlyargcount;
    co->co_stacksize = stacksize;
    co->co_firstlineno = firstlineno;
    co->co_localsplusnames = Py_NewRef(localsplusnames);
    co->co_localspluskinds = Py_NewRef(localspluskinds);
    co->co_filename = Py_NewRef(filename);
    co->co_name = Py_NewRef(name);
    co->co_qualname = Py_NewRef(qualname);
    co->co_linetable = Py_NewRef(linetable);
    co->co_weakreflist = NULL;
    co->co_extra = NULL;
    co->_co_cached_code = cached;
    co->_co_cached_varnames = co->_co_cached_cellvars = co->_co_cached_freevars = NULL;

    Py_ssize_t n = PyTuple_GET_SIZE(localsplusnames);
    const unsigned char *kinds = (const unsigned char *)PyBytes_AS_STRING(localspluskinds);
    int nlocals = 0, ncells = 0, nfree = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (kinds[i] & CO_FAST_LOCAL)
            nlocals++;
        if (kinds[i] & CO_FAST_CELL)
            ncells++;
        if (kinds[i] & CO_FAST_FREE)
            nfree++;
    }
    co->co_nlocalsplus = (int)n;
    co->co_nlocals = nlocals;
    co->co_ncellvars = ncells;
    co->co_nfreevars = nfree;
    co->co_framesize = (int)n + stacksize;
    /* Bumped by the eval loop's specialiser when it needs to invalidate caches. */
    co->co_version = 1;
    if (ncodeunits > 0)
        memcpy(co->co_code_adaptive, code, (size_t)ncodeunits * sizeof(_Py_CODEUNIT));
    /* Bytes taken from another code object's _co_code_adaptive may hold specialised
     * instructions whose caches refer to that object's data: start from base ones. */
    _Py_CODEUNIT *units = co->co_code_adaptive;
    for (Py_ssize_t i = 0; i < ncodeunits; i++) {
        int op = _Py_OPCODE(units[i]);
        int base = op >= KR_NUM_OPCODES && op < KR_NUM_ALL_OPCODES ? _KrOpcode_Deopt[op] : op;
        if (base != op)
            units[i] = (_Py_CODEUNIT)((units[i] & 0xff00) | base);
        if (base < KR_NUM_OPCODES)
            i += _PyOpcode_Caches[base];
    }
    return co;
}

/* ---- location table ---------------------------------------------------------------- */

typedef struct {
    const unsigned char *p, *end;
    int start, stop; /* code-unit range of the current entry */
    int line, end_line, col, end_col;
    int prev_line;
} linetable_iter;

static void
lt_init(linetable_iter *it, PyCodeObject *co)
{
    it->p = (const unsigned char *)PyBytes_AS_STRING(co->co_linetable);
    it->end = it->p + PyBytes_GET_SIZE(co->co_linetable);
    it->start = it->stop = 0;
    it->prev_line = co->co_firstlineno;
    it->line = it->end_line = it->col = it->end_col = -1;
}

/* Advances to the next entry; 0 at the end. */
static int
lt_next(linetable_iter *it)
{
    unsigned int head;
    if (!_KrVarint_Read(&it->p, it->end, &head))
        return 0;
    it->start = it->stop;
    it->stop = it->start + (int)(head >> 1);
    if (head & 1) {
        int dline;
        unsigned int el, c, ec;
        if (!_KrSVarint_Read(&it->p, it->end, &dline) ||
            !_KrVarint_Read(&it->p, it->end, &el) || !_KrVarint_Read(&it->p, it->end, &c) ||
            !_KrVarint_Read(&it->p, it->end, &ec))
            return 0;
        it->line = it->prev_line + dline;
        it->prev_line = it->line;
        it->end_line = el == 0 ? -1 : it->line + (int)el - 1;
        it->col = (int)c - 1;
        it->end_col = (int)ec - 1;
    }
    else {
        it->line = it->end_line = it->col = it->end_col = -1;
    }
    return 1;
}

int
PyCode_Addr2Location(PyCodeObject *co, int addr, int *line, int *column, int *end_line,
                     int *end_column)
{
    int unit = addr / (int)sizeof(_Py_CODEUNIT);
    linetable_iter it;
    lt_init(&it, co);
    if (line) *line = -1;
    if (column) *column = -1;
    if (end_line) *end_line = -1;
    if (end_column) *end_column = -1;
    if (addr < 0)
        return 0;
    while (lt_next(&it)) {
        if (unit >= it.start && unit < it.stop) {
            if (line) *line = it.line;
            if (column) *column = it.col;
            if (end_line) *end_line = it.end_line;
            if (end_column) *end_column = it.end_col;
            return it.line >= 0;
        }
    }
    return 0;
}

int
PyCode_Addr2Line(PyCodeObject *co, int addr)
{
    int line;
    if (addr < 0)
        return co->co_firstlineno;
    PyCode_Addr2Location(co, addr, &line, NULL, NULL, NULL);
    return line;
}

int
_PyCode_FindHandler(PyCodeObject *co, int index, _PyExceptionTableEntry *out)
{
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(co->co_exceptiontable);
    const unsigned char *end = p + PyBytes_GET_SIZE(co->co_exceptiontable);
    while (p < end) {
        unsigned int start, len, target, dl;
        if (!_KrVarint_Read(&p, end, &start) || !_KrVarint_Read(&p, end, &len) ||
            !_KrVarint_Read(&p, end, &target) || !_KrVarint_Read(&p, end, &dl))
            return 0;
        if ((int)start > index)
            return 0;
        if (index < (int)(start + len)) {
            out->start = (int)start;
            out->end = (int)(start + len);
            out->target = (int)target;
            out->depth = (int)(dl >> 1);
            out->lasti = (int)(dl & 1);
            return 1;
        }
    }
    return 0;
}

/* ---- co_lines() / co_positions() ------------------------------------------------ */

static PyObject *
int_or_none(int v)
{
    if (v < 0)
        return Py_NewRef(Py_None);
    return PyLong_FromLong(v);
}

static PyObject *
code_co_lines(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyCodeObject *co = (PyCodeObject *)self;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    linetable_iter it;
    lt_init(&it, co);
    int cur_start = -1, cur_end = -1, cur_line = -2;
    while (lt_next(&it)) {
        if (it.stop == it.start)
            continue;
        if (it.line == cur_line && cur_end == it.start) {
            cur_end = it.stop;
            continue;
        }
        if (cur_start >= 0) {
            PyObject *t = Py_BuildValue("(iiN)", cur_start * 2, cur_end * 2, int_or_none(cur_line));
            if (t == NULL || PyList_Append(list, t) < 0) {
                Py_XDECREF(t);
                Py_DECREF(list);
                return NULL;
            }
            Py_DECREF(t);
        }
        cur_start = it.start;
        cur_end = it.stop;
        cur_line = it.line;
    }
    if (cur_start >= 0) {
        PyObject *t = Py_BuildValue("(iiN)", cur_start * 2, cur_end * 2, int_or_none(cur_line));
        if (t == NULL || PyList_Append(list, t) < 0) {
            Py_XDECREF(t);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(t);
    }
    PyObject *iter = PyObject_GetIter(list);
    Py_DECREF(list);
    return iter;
}

static PyObject *
code_co_positions(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyCodeObject *co = (PyCodeObject *)self;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    linetable_iter it;
    lt_init(&it, co);
    while (lt_next(&it)) {
        for (int i = it.start; i < it.stop; i++) {
            PyObject *t = Py_BuildValue("(NNNN)", int_or_none(it.line), int_or_none(it.end_line),
                                        int_or_none(it.col), int_or_none(it.end_col));
            if (t == NULL || PyList_Append(list, t) < 0) {
                Py_XDECREF(t);
                Py_DECREF(list);
                return NULL;
            }
            Py_DECREF(t);
        }
    }
    PyObject *iter = PyObject_GetIter(list);
    Py_DECREF(list);
    return iter;
}

/* ---- constant keys ----------------------------------------------------------------- */

/* A key under which equal-but-distinguishable constants (1, 1.0, True, 0.0, -0.0, ...)
 * stay distinct, used to merge identical constants of one code object. */
PyObject *
_PyCode_ConstantKey(PyObject *op)
{
    if (op == Py_None || op == Py_Ellipsis || PyLong_CheckExact(op) || PyBool_Check(op) ||
        PyUnicode_CheckExact(op) || PyBytes_CheckExact(op) || PyCode_Check(op))
        return PyTuple_Pack(2, (PyObject *)Py_TYPE(op), op);
    if (PyFloat_CheckExact(op)) {
        double d = PyFloat_AS_DOUBLE(op);
        if (d == 0.0 && copysign(1.0, d) < 0)
            return PyTuple_Pack(3, (PyObject *)Py_TYPE(op), op, Py_None);
        return PyTuple_Pack(2, (PyObject *)Py_TYPE(op), op);
    }
    if (PyComplex_CheckExact(op)) {
        Py_complex z = PyComplex_AsCComplex(op);
        int rneg = z.real == 0.0 && copysign(1.0, z.real) < 0;
        int ineg = z.imag == 0.0 && copysign(1.0, z.imag) < 0;
        PyObject *tag = PyLong_FromLong(rneg * 2 + ineg);
        if (tag == NULL)
            return NULL;
        PyObject *k = PyTuple_Pack(3, (PyObject *)Py_TYPE(op), op, tag);
        Py_DECREF(tag);
        return k;
    }
    if (PyTuple_CheckExact(op)) {
        Py_ssize_t n = PyTuple_GET_SIZE(op);
        PyObject *items = PyTuple_New(n);
        if (items == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *k = _PyCode_ConstantKey(PyTuple_GET_ITEM(op, i));
            if (k == NULL) {
                Py_DECREF(items);
                return NULL;
            }
            PyTuple_SET_ITEM(items, i, k);
        }
        PyObject *key = PyTuple_Pack(2, (PyObject *)Py_TYPE(op), items);
        Py_DECREF(items);
        return key;
    }
    if (PyFrozenSet_CheckExact(op)) {
        PyObject *keys = PySet_New(NULL);
        if (keys == NULL)
            return NULL;
        Py_ssize_t pos = 0;
        PyObject *item;
        Py_hash_t h;
        while (_PySet_NextEntry(op, &pos, &item, &h)) {
            PyObject *k = _PyCode_ConstantKey(item);
            if (k == NULL || PySet_Add(keys, k) < 0) {
                Py_XDECREF(k);
                Py_DECREF(keys);
                return NULL;
            }
            Py_DECREF(k);
        }
        PyObject *fs = PyFrozenSet_New(keys);
        Py_DECREF(keys);
        if (fs == NULL)
            return NULL;
        PyObject *key = PyTuple_Pack(2, (PyObject *)Py_TYPE(op), fs);
        Py_DECREF(fs);
        return key;
    }
    /* Anything else (e.g. slices) is keyed by identity. */
    PyObject *id = PyLong_FromVoidPtr(op);
    if (id == NULL)
        return NULL;
    PyObject *key = PyTuple_Pack(2, id, op);
    Py_DECREF(id);
    return key;
}

/* ---- the type ----------------------------------------------------------------------- */

static void
code_dealloc(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (co->co_weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    _KrSpec_FreeCodeData(co);
    Py_XDECREF(co->co_consts);
    Py_XDECREF(co->co_names);
    Py_XDECREF(co->co_exceptiontable);
    Py_XDECREF(co->co_localsplusnames);
    Py_XDECREF(co->co_localspluskinds);
    Py_XDECREF(co->co_filename);
    Py_XDECREF(co->co_name);
    Py_XDECREF(co->co_qualname);
    Py_XDECREF(co->co_linetable);
    Py_XDECREF(co->_co_cached_code);
    Py_XDECREF(co->_co_cached_varnames);
    Py_XDECREF(co->_co_cached_cellvars);
    Py_XDECREF(co->_co_cached_freevars);
    PyObject_Free(self);
}

static PyObject *
code_repr(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (co->co_firstlineno != 0)
        return PyUnicode_FromFormat("<code object %U at %p, file \"%U\", line %d>",
                                    co->co_name, self, co->co_filename, co->co_firstlineno);
    return PyUnicode_FromFormat("<code object %U at %p, file \"%U\", line %d>",
                                co->co_name, self, co->co_filename, -1);
}

static int
consts_equal(PyObject *a, PyObject *b)
{
    PyObject *ka = _PyCode_ConstantKey(a);
    if (ka == NULL)
        return -1;
    PyObject *kb = _PyCode_ConstantKey(b);
    if (kb == NULL) {
        Py_DECREF(ka);
        return -1;
    }
    int r = PyObject_RichCompareBool(ka, kb, Py_EQ);
    Py_DECREF(ka);
    Py_DECREF(kb);
    return r;
}

static PyObject *
code_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyCode_Check(self) || !PyCode_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyCodeObject *a = (PyCodeObject *)self, *b = (PyCodeObject *)other;
    int eq = 1;
    if (a == b)
        goto done;
    eq = a->co_argcount == b->co_argcount && a->co_posonlyargcount == b->co_posonlyargcount &&
         a->co_kwonlyargcount == b->co_kwonlyargcount && a->co_flags == b->co_flags &&
         a->co_firstlineno == b->co_firstlineno && Py_SIZE(a) == Py_SIZE(b);
    if (!eq)
        goto done;
    PyObject *pairs[][2] = {
        {a->co_name, b->co_name},
        {a->_co_cached_code, b->_co_cached_code},
        {a->co_names, b->co_names},
        {a->co_localsplusnames, b->co_localsplusnames},
        {a->co_localspluskinds, b->co_localspluskinds},
        {a->co_linetable, b->co_linetable},
        {a->co_exceptiontable, b->co_exceptiontable},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(pairs) && eq; i++) {
        int r = PyObject_RichCompareBool(pairs[i][0], pairs[i][1], Py_EQ);
        if (r < 0)
            return NULL;
        eq = r;
    }
    if (eq) {
        if (PyTuple_GET_SIZE(a->co_consts) != PyTuple_GET_SIZE(b->co_consts))
            eq = 0;
        for (Py_ssize_t i = 0; eq && i < PyTuple_GET_SIZE(a->co_consts); i++) {
            int r = consts_equal(PyTuple_GET_ITEM(a->co_consts, i),
                                 PyTuple_GET_ITEM(b->co_consts, i));
            if (r < 0)
                return NULL;
            eq = r;
        }
    }
done:
    if (op == Py_NE)
        eq = !eq;
    return Py_NewRef(eq ? Py_True : Py_False);
}

static Py_hash_t
code_hash(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    Py_uhash_t h = 20221211;
    Py_hash_t part;
#define MIX(v) h = h * 1000003U ^ (Py_uhash_t)(v)
    part = PyObject_Hash(co->co_name);
    if (part == -1)
        return -1;
    MIX(part);
    part = PyObject_Hash(co->_co_cached_code);
    if (part == -1)
        return -1;
    MIX(part);
    part = PyObject_Hash(co->co_names);
    if (part == -1)
        return -1;
    MIX(part);
    part = PyObject_Hash(co->co_localsplusnames);
    if (part == -1)
        return -1;
    MIX(part);
    MIX(co->co_argcount);
    MIX(co->co_posonlyargcount);
    MIX(co->co_kwonlyargcount);
    MIX(co->co_flags);
    MIX(co->co_firstlineno);
    MIX(PyTuple_GET_SIZE(co->co_consts));
#undef MIX
    if (h == (Py_uhash_t)-1)
        h = (Py_uhash_t)-2;
    return (Py_hash_t)h;
}

static PyObject *
code_get_varnames(PyObject *self, void *Py_UNUSED(c))
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (co->_co_cached_varnames == NULL) {
        co->_co_cached_varnames = names_of_kind(co, CO_FAST_LOCAL);
        if (co->_co_cached_varnames == NULL)
            return NULL;
    }
    return Py_NewRef(co->_co_cached_varnames);
}

static PyObject *
code_get_cellvars(PyObject *self, void *Py_UNUSED(c))
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (co->_co_cached_cellvars == NULL) {
        co->_co_cached_cellvars = names_of_kind(co, CO_FAST_CELL);
        if (co->_co_cached_cellvars == NULL)
            return NULL;
    }
    return Py_NewRef(co->_co_cached_cellvars);
}

static PyObject *
code_get_freevars(PyObject *self, void *Py_UNUSED(c))
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (co->_co_cached_freevars == NULL) {
        co->_co_cached_freevars = names_of_kind(co, CO_FAST_FREE);
        if (co->_co_cached_freevars == NULL)
            return NULL;
    }
    return Py_NewRef(co->_co_cached_freevars);
}

static PyObject *
code_get_code(PyObject *self, void *Py_UNUSED(c))
{
    return Py_NewRef(((PyCodeObject *)self)->_co_cached_code);
}

/* The bytecode as the eval loop currently runs it: specialised instructions and filled
 * inline caches included (co_code stays the compiler's output). */
static PyObject *
code_get_code_adaptive(PyObject *self, void *Py_UNUSED(c))
{
    PyCodeObject *co = (PyCodeObject *)self;
    return PyBytes_FromStringAndSize((const char *)_PyCode_CODE(co),
                                     Py_SIZE(co) * (Py_ssize_t)sizeof(_Py_CODEUNIT));
}

static PyObject *
code_get_lnotab(PyObject *self, void *Py_UNUSED(c))
{
    /* The legacy table is not produced; an empty one keeps old readers quiet. */
    return PyBytes_FromStringAndSize("", 0);
}

/* CO_HAS_DOCSTRING is Krait's internal marker (funcobject.c reads it); CPython 3.13 has
 * no such flag, so Python code sees the flags without it. */
static PyObject *
code_get_flags(PyObject *self, void *Py_UNUSED(c))
{
    return PyLong_FromLong(((PyCodeObject *)self)->co_flags & ~CO_HAS_DOCSTRING);
}

static PyGetSetDef code_getset[] = {
    {"co_flags", code_get_flags, NULL, NULL, NULL},
    {"co_varnames", code_get_varnames, NULL, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL, NULL},
    {"co_code", code_get_code, NULL, NULL, NULL},
    {"_co_code_adaptive", code_get_code_adaptive, NULL, NULL, NULL},
    {"co_lnotab", code_get_lnotab, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define CO_OFF(f) offsetof(PyCodeObject, f)
static PyMemberDef code_members[] = {
    {"co_argcount", Py_T_INT, CO_OFF(co_argcount), Py_READONLY, NULL},
    {"co_posonlyargcount", Py_T_INT, CO_OFF(co_posonlyargcount), Py_READONLY, NULL},
    {"co_kwonlyargcount", Py_T_INT, CO_OFF(co_kwonlyargcount), Py_READONLY, NULL},
    {"co_stacksize", Py_T_INT, CO_OFF(co_stacksize), Py_READONLY, NULL},
    {"co_nlocals", Py_T_INT, CO_OFF(co_nlocals), Py_READONLY, NULL},
    {"co_consts", _Py_T_OBJECT, CO_OFF(co_consts), Py_READONLY, NULL},
    {"co_names", _Py_T_OBJECT, CO_OFF(co_names), Py_READONLY, NULL},
    {"co_filename", _Py_T_OBJECT, CO_OFF(co_filename), Py_READONLY, NULL},
    {"co_name", _Py_T_OBJECT, CO_OFF(co_name), Py_READONLY, NULL},
    {"co_qualname", _Py_T_OBJECT, CO_OFF(co_qualname), Py_READONLY, NULL},
    {"co_firstlineno", Py_T_INT, CO_OFF(co_firstlineno), Py_READONLY, NULL},
    {"co_linetable", _Py_T_OBJECT, CO_OFF(co_linetable), Py_READONLY, NULL},
    {"co_exceptiontable", _Py_T_OBJECT, CO_OFF(co_exceptiontable), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* code.replace(**changes): a copy with the named fields replaced. */
static PyObject *
code_replace(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (args != NULL && PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError, "replace() takes no positional arguments");
        return NULL;
    }
    int argcount = co->co_argcount, posonly = co->co_posonlyargcount,
        kwonly = co->co_kwonlyargcount, stacksize = co->co_stacksize, flags = co->co_flags,
        firstlineno = co->co_firstlineno;
    int nlocals_unused = co->co_nlocals;
    PyObject *code = co->_co_cached_code, *consts = co->co_consts, *names = co->co_names,
             *filename = co->co_filename, *name = co->co_name, *qualname = co->co_qualname,
             *linetable = co->co_linetable, *exctable = co->co_exceptiontable;
    PyObject *varnames = NULL, *cellvars = NULL, *freevars = NULL;
    struct { const char *n; int *p; } ints[] = {
        {"co_argcount", &argcount}, {"co_posonlyargcount", &posonly},
        {"co_kwonlyargcount", &kwonly}, {"co_stacksize", &stacksize},
        {"co_flags", &flags}, {"co_firstlineno", &firstlineno}, {"co_nlocals", &nlocals_unused},
    };
    struct { const char *n; PyObject **p; PyTypeObject *t; } objs[] = {
        {"co_code", &code, &PyBytes_Type}, {"co_consts", &consts, &PyTuple_Type},
        {"co_names", &names, &PyTuple_Type}, {"co_filename", &filename, &PyUnicode_Type},
        {"co_name", &name, &PyUnicode_Type}, {"co_qualname", &qualname, &PyUnicode_Type},
        {"co_linetable", &linetable, &PyBytes_Type},
        {"co_exceptiontable", &exctable, &PyBytes_Type},
        {"co_varnames", &varnames, &PyTuple_Type}, {"co_cellvars", &cellvars, &PyTuple_Type},
        {"co_freevars", &freevars, &PyTuple_Type},
    };
    if (kwargs != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwargs, &pos, &key, &value)) {
            int found = 0;
            for (size_t i = 0; i < Py_ARRAY_LENGTH(ints) && !found; i++) {
                if (PyUnicode_EqualToUTF8(key, ints[i].n)) {
                    found = 1;
                    if (!PyLong_Check(value)) {
                        PyErr_Format(PyExc_TypeError,
                                     "replace() argument '%s' must be int, not %T", ints[i].n,
                                     value);
                        return NULL;
                    }
                    long v = PyLong_AsLong(value);
                    if (v == -1 && PyErr_Occurred())
                        return NULL;
                    *ints[i].p = (int)v;
                }
            }
            for (size_t i = 0; i < Py_ARRAY_LENGTH(objs) && !found; i++) {
                if (PyUnicode_EqualToUTF8(key, objs[i].n)) {
                    found = 1;
                    if (!PyObject_TypeCheck(value, objs[i].t)) {
                        PyErr_Format(PyExc_TypeError,
                                     "replace() argument '%s' must be %s, not %T", objs[i].n,
                                     objs[i].t->tp_name, value);
                        return NULL;
                    }
                    *objs[i].p = value;
                }
            }
            if (!found) {
                PyErr_Format(PyExc_TypeError, "replace() got an unexpected keyword argument '%U'",
                             key);
                return NULL;
            }
        }
    }
    /* the docstring marker is invisible in co_flags, so it survives a replace() that
     * keeps the constants */
    if (consts == co->co_consts)
        flags |= co->co_flags & CO_HAS_DOCSTRING;
    PyObject *lpnames = co->co_localsplusnames;
    PyObject *lpkinds = co->co_localspluskinds;
    Py_INCREF(lpnames);
    Py_INCREF(lpkinds);
    if (varnames || cellvars || freevars) {
        /* Rebuild the localsplus layout from the three name tuples. */
        PyObject *vn = varnames ? Py_NewRef(varnames) : code_get_varnames(self, NULL);
        PyObject *cv = cellvars ? Py_NewRef(cellvars) : code_get_cellvars(self, NULL);
        PyObject *fv = freevars ? Py_NewRef(freevars) : code_get_freevars(self, NULL);
        Py_DECREF(lpnames);
        Py_DECREF(lpkinds);
        lpnames = lpkinds = NULL;
        if (vn && cv && fv) {
            Py_ssize_t nv = PyTuple_GET_SIZE(vn), nc = PyTuple_GET_SIZE(cv),
                       nf = PyTuple_GET_SIZE(fv);
            PyObject *namelist = PyList_New(0);
            char *kinds = PyMem_Malloc((size_t)(nv + nc + nf + 1));
            Py_ssize_t k = 0;
            int ok = namelist != NULL && kinds != NULL;
            for (Py_ssize_t i = 0; ok && i < nv; i++) {
                ok = PyList_Append(namelist, PyTuple_GET_ITEM(vn, i)) == 0;
                kinds[k++] = CO_FAST_LOCAL;
            }
            for (Py_ssize_t i = 0; ok && i < nc; i++) {
                PyObject *nm = PyTuple_GET_ITEM(cv, i);
                int merged = 0;
                for (Py_ssize_t j = 0; j < nv; j++) {
                    if (PyUnicode_Compare(PyTuple_GET_ITEM(vn, j), nm) == 0) {
                        kinds[j] |= CO_FAST_CELL;
                        merged = 1;
                        break;
                    }
                }
                if (!merged) {
                    ok = PyList_Append(namelist, nm) == 0;
                    kinds[k++] = CO_FAST_CELL;
                }
            }
            for (Py_ssize_t i = 0; ok && i < nf; i++) {
                ok = PyList_Append(namelist, PyTuple_GET_ITEM(fv, i)) == 0;
                kinds[k++] = (char)CO_FAST_FREE;
            }
            if (ok) {
                lpnames = PyList_AsTuple(namelist);
                lpkinds = PyBytes_FromStringAndSize(kinds, k);
            }
            Py_XDECREF(namelist);
            PyMem_Free(kinds);
            if (!ok && !PyErr_Occurred())
                PyErr_NoMemory();
        }
        Py_XDECREF(vn);
        Py_XDECREF(cv);
        Py_XDECREF(fv);
        if (lpnames == NULL || lpkinds == NULL) {
            Py_XDECREF(lpnames);
            Py_XDECREF(lpkinds);
            return NULL;
        }
    }
    PyObject *res = (PyObject *)_PyCode_New(
        filename, name, qualname, flags, argcount, posonly, kwonly, stacksize, firstlineno,
        lpnames, lpkinds, consts, names, (const _Py_CODEUNIT *)PyBytes_AS_STRING(code),
        PyBytes_GET_SIZE(code) / (Py_ssize_t)sizeof(_Py_CODEUNIT), linetable, exctable);
    Py_DECREF(lpnames);
    Py_DECREF(lpkinds);
    return res;
}

static PyObject *
code_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyCodeObject *co = (PyCodeObject *)self;
    Py_ssize_t size = (Py_ssize_t)offsetof(PyCodeObject, co_code_adaptive) +
                      Py_SIZE(co) * (Py_ssize_t)sizeof(_Py_CODEUNIT);
    return PyLong_FromSsize_t(size);
}

static PyObject *
code_replace_wrapper(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return code_replace(self, args, kwargs);
}

static PyObject *
code_varname_from_oparg(PyObject *self, PyObject *arg)
{
    PyCodeObject *co = (PyCodeObject *)self;
    Py_ssize_t i = PyLong_AsSsize_t(arg);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if (i < 0 || i >= PyTuple_GET_SIZE(co->co_localsplusnames)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(co->co_localsplusnames, i));
}

static PyMethodDef code_methods[] = {
    {"co_lines", code_co_lines, METH_NOARGS, NULL},
    {"co_positions", code_co_positions, METH_NOARGS, NULL},
    {"replace", _PyCFunction_CAST(code_replace_wrapper), METH_VARARGS | METH_KEYWORDS, NULL},
    {"__replace__", _PyCFunction_CAST(code_replace_wrapper), METH_VARARGS | METH_KEYWORDS, NULL},
    {"__sizeof__", code_sizeof, METH_NOARGS, NULL},
    {"_varname_from_oparg", code_varname_from_oparg, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *
code_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyErr_SetString(PyExc_TypeError, "code() construction is not supported; use replace()");
    return NULL;
}

PyTypeObject PyCode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "code",
    .tp_basicsize = offsetof(PyCodeObject, co_code_adaptive),
    .tp_itemsize = sizeof(_Py_CODEUNIT),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_hash = code_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_richcompare = code_richcompare,
    .tp_weaklistoffset = offsetof(PyCodeObject, co_weakreflist),
    .tp_methods = code_methods,
    .tp_members = code_members,
    .tp_getset = code_getset,
    .tp_new = code_new,
};

/* ---- debug disassembler ---------------------------------------------------------- */

void
_PyCode_DebugDump(PyCodeObject *co, FILE *out)
{
    _Py_CODEUNIT *code = _PyCode_CODE(co);
    Py_ssize_t n = Py_SIZE(co);
    fprintf(out, "code %s (flags=0x%x, argc=%d, nlocalsplus=%d, stack=%d)\n",
            PyUnicode_AsUTF8(co->co_qualname), co->co_flags, co->co_argcount,
            co->co_nlocalsplus, co->co_stacksize);
    int ext = 0, lastline = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        int op = _Py_OPCODE(code[i]);
        int arg = _Py_OPARG(code[i]) | ext;
        int line = PyCode_Addr2Line(co, (int)i * 2);
        if (line != lastline && line >= 0) {
            fprintf(out, "%4d ", line);
            lastline = line;
        }
        else
            fprintf(out, "     ");
        const char *name = _KrOpcode_Name(op);
        op = _KrOpcode_Deopt[op];
        fprintf(out, "%5d %-28s", (int)i, name ? name : "?");
        if (op < KR_NUM_OPCODES && OPCODE_HAS_ARG(op)) {
            fprintf(out, " %d", arg);
            if (op == LOAD_CONST || op == RETURN_CONST) {
                if (arg < PyTuple_GET_SIZE(co->co_consts)) {
                    PyObject *r = PyObject_Repr(PyTuple_GET_ITEM(co->co_consts, arg));
                    if (r) {
                        fprintf(out, " (%.60s)", PyUnicode_AsUTF8(r));
                        Py_DECREF(r);
                    }
                    else
                        PyErr_Clear();
                }
            }
            else if ((op == LOAD_NAME || op == STORE_NAME || op == IMPORT_NAME ||
                      op == STORE_ATTR || op == STORE_GLOBAL || op == IMPORT_FROM) &&
                     arg < PyTuple_GET_SIZE(co->co_names))
                fprintf(out, " (%s)", PyUnicode_AsUTF8(PyTuple_GET_ITEM(co->co_names, arg)));
            else if ((op == LOAD_GLOBAL || op == LOAD_ATTR) &&
                     (arg >> 1) < PyTuple_GET_SIZE(co->co_names))
                fprintf(out, " (%s)",
                        PyUnicode_AsUTF8(PyTuple_GET_ITEM(co->co_names, arg >> 1)));
            else if ((op == LOAD_FAST || op == STORE_FAST || op == LOAD_DEREF ||
                      op == STORE_DEREF || op == LOAD_FAST_CHECK || op == MAKE_CELL ||
                      op == DELETE_FAST || op == LOAD_FAST_AND_CLEAR) &&
                     arg < co->co_nlocalsplus)
                fprintf(out, " (%s)",
                        PyUnicode_AsUTF8(PyTuple_GET_ITEM(co->co_localsplusnames, arg)));
        }
        fputc('\n', out);
        ext = op == EXTENDED_ARG ? arg << 8 : 0;
        if (op < KR_NUM_OPCODES)
            i += _PyOpcode_Caches[op];
    }
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(co->co_exceptiontable);
    const unsigned char *end = p + PyBytes_GET_SIZE(co->co_exceptiontable);
    if (p < end)
        fprintf(out, "ExceptionTable:\n");
    while (p < end) {
        unsigned int s, l, t, d;
        if (!_KrVarint_Read(&p, end, &s) || !_KrVarint_Read(&p, end, &l) ||
            !_KrVarint_Read(&p, end, &t) || !_KrVarint_Read(&p, end, &d))
            break;
        fprintf(out, "  %u to %u -> %u [%u]%s\n", s, s + l, t, d >> 1, (d & 1) ? " lasti" : "");
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(co->co_consts, i);
        if (PyCode_Check(c)) {
            fputc('\n', out);
            _PyCode_DebugDump((PyCodeObject *)c, out);
        }
    }
}
