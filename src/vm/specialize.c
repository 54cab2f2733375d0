/* Adaptive specialisation (PEP 659 style).
 *
 * A specialisable instruction counts down its first inline-cache unit; at zero the eval
 * loop calls the matching _KrSpecialize_* function here, which looks at the operands it
 * is about to work on and either rewrites the instruction, in place in the code object's
 * co_code_adaptive, into a specialised form (filling its cache), or leaves it generic and
 * re-arms the counter with a back-off. Specialised forms only guard and shortcut: when a
 * guard fails they run the generic instruction, and after KR_MISS_BUDGET failures they
 * turn back into it. co_code (what `dis` and marshal see) is a separate copy and never
 * changes. */
#include <stdlib.h>
#include "Python.h"
#include "internal/pycore_dict.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_opcode.h"
#include "internal/pycore_typeobject.h"

_Static_assert(KR_NUM_ALL_OPCODES <= 256, "opcodes must fit in a byte");

#define KR_DEOPT_BASE(name, hasarg, ncache) [name] = name,
#define KR_DEOPT_SPEC(name, base) [name] = base,
const unsigned char _KrOpcode_Deopt[256] = {
    KR_OPCODES_NOARG(KR_DEOPT_BASE) KR_OPCODES_ARG(KR_DEOPT_BASE)
    KR_OPCODES_SPECIALIZED(KR_DEOPT_SPEC)};
#undef KR_DEOPT_BASE
#undef KR_DEOPT_SPEC

#define KR_SPEC_NAME(name, base) [name - KR_NUM_OPCODES] = #name,
static const char *const spec_names[KR_NUM_ALL_OPCODES - KR_NUM_OPCODES] = {
    KR_OPCODES_SPECIALIZED(KR_SPEC_NAME)};
#undef KR_SPEC_NAME

const char *_KrOpcode_Name(int op)
{
    if (op < 0 || op >= KR_NUM_ALL_OPCODES || op == HAVE_ARGUMENT_MARKER)
        return NULL;
    if (op < KR_NUM_OPCODES)
        return _PyOpcode_OpName[op];
    return spec_names[op - KR_NUM_OPCODES];
}

static void set_opcode(_Py_CODEUNIT *instr, int op)
{
    *instr = (_Py_CODEUNIT)((*instr & 0xff00) | op);
}

static void specialized(_Py_CODEUNIT *instr, int op)
{
    set_opcode(instr, op);
    instr[1] = KR_MISS_BUDGET;
}

static void failed(_Py_CODEUNIT *instr)
{
    set_opcode(instr, _KrOpcode_Deopt[_Py_OPCODE(*instr)]);
    instr[1] = KR_ADAPTIVE_BACKOFF;
}

/* The name's hash must be cached in the str object: the specialised forms read it. */
static int name_ok(PyObject *name)
{
    if (!PyUnicode_CheckExact(name))
        return 0;
    if (PyObject_Hash(name) == -1) {
        PyErr_Clear();
        return 0;
    }
    return 1;
}

/* ---- LOAD_ATTR / STORE_ATTR ------------------------------------------------------- */

/* Cache layout (units after the instruction): [0] counter, [1..2] type version,
 * [3..6] pointer (descriptor or class value), [7] slot offset, or for methods looked
 * up past an instance dict the shared keys' entry count when the name was known to
 * be absent from them (0xffff: not known). LOAD_ATTR_INSTANCE_VALUE: see
 * KR_LOAD_ATTR_WAYS. STORE_ATTR: [0] counter, [1..2] type version, [3] slot offset
 * or shared-keys index (0xffff: not known). */

static int is_data_descr(PyObject *descr)
{
    return descr != NULL && Py_TYPE(descr)->tp_descr_set != NULL;
}

/* A __slots__ member holding an object at a 16-bit offset, or -1. */
static int slot_offset(PyObject *descr, int for_store)
{
    if (descr == NULL || !Py_IS_TYPE(descr, &PyMemberDescr_Type))
        return -1;
    PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
    if (m->type != Py_T_OBJECT_EX || m->offset <= 0 || m->offset > 0xffff)
        return -1;
    if (for_store && (m->flags & Py_READONLY))
        return -1;
    return (int)m->offset;
}

/* Whether instances of tp find `name` in their dict before anything on the type: the
 * generic getattr, and no data descriptor of that name. Returns the type version that
 * guards this (0: no). */
static unsigned int instance_attr_version(PyTypeObject *tp, PyObject *name)
{
    if (tp->tp_getattro != PyObject_GenericGetAttr || tp->tp_dict == NULL)
        return 0;
    if (!((tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) || tp->tp_dictoffset != 0))
        return 0;
    PyObject *descr = _PyType_Lookup(tp, name);
    if (descr != NULL && Py_TYPE(descr)->tp_descr_get != NULL)
        return 0; /* a descriptor (data or not) changes the outcome when the dict misses */
    return tp->tp_version_tag;
}

Py_ssize_t _KrSpecialize_SharedIndex(PyTypeObject *tp, PyObject *name)
{
    if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return -1;
    PyDictKeysObject *keys = ((PyHeapTypeObject *)tp)->ht_cached_keys;
    if (keys == NULL)
        return -1;
    Py_ssize_t ix = _PyDictKeys_StringLookup(keys, name);
    return ix >= 0 && ix < KR_NO_SHARED_IX ? ix : -1;
}

int _KrSpecialize_LoadAttrAddType(PyObject *owner, _Py_CODEUNIT *instr, PyObject *name)
{
    uint16_t *cache = instr + 1;
    for (int i = 0; i < KR_LOAD_ATTR_WAYS; i++) {
        if (_KrCache_Read32(cache + 1 + 2 * i) == 0) {
            unsigned int v = instance_attr_version(Py_TYPE(owner), name);
            if (v == 0)
                return -1;
            _KrCache_Write32(cache + 1 + 2 * i, v);
            Py_ssize_t ix = _KrSpecialize_SharedIndex(Py_TYPE(owner), name);
            _KrCache_SetWayIx(cache, i, ix < 0 ? KR_NO_SHARED_IX : (unsigned int)ix);
            return i;
        }
    }
    return -1;
}

static void specialize_instance_value(_Py_CODEUNIT *instr, PyTypeObject *tp, PyObject *name)
{
    uint16_t *cache = instr + 1;
    _KrCache_Write32(cache + 1, tp->tp_version_tag);
    for (int i = 1; i < KR_LOAD_ATTR_WAYS; i++)
        _KrCache_Write32(cache + 1 + 2 * i, 0);
    cache[7] = cache[8] = 0xffff;
    Py_ssize_t ix = _KrSpecialize_SharedIndex(tp, name);
    _KrCache_SetWayIx(cache, 0, ix < 0 ? KR_NO_SHARED_IX : (unsigned int)ix);
    specialized(instr, LOAD_ATTR_INSTANCE_VALUE);
}

void _KrSpecialize_LoadAttr(PyObject *owner, _Py_CODEUNIT *instr, PyObject *name, int oparg)
{
    PyTypeObject *tp = Py_TYPE(owner);
    uint16_t *cache = instr + 1;
    if (!name_ok(name))
        goto fail;
    if (tp == &PyModule_Type) {
        if (_PyType_Lookup(tp, name) != NULL || PyModule_GetDict(owner) == NULL)
            goto fail;
        specialized(instr, LOAD_ATTR_MODULE);
        return;
    }
    if (tp->tp_getattro != PyObject_GenericGetAttr || tp->tp_dict == NULL)
        goto fail;
    PyObject *descr = _PyType_Lookup(tp, name);
    unsigned int version = tp->tp_version_tag;
    if (version == 0)
        goto fail;
    int has_dict = (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) || tp->tp_dictoffset != 0;
    if (descr != NULL && is_data_descr(descr)) {
        int off = slot_offset(descr, 0);
        if (off < 0)
            goto fail;
        _KrCache_Write32(cache + 1, version);
        cache[7] = (uint16_t)off;
        specialized(instr, LOAD_ATTR_SLOT);
        return;
    }
    if (descr == NULL) {
        if (!has_dict)
            goto fail;
        specialize_instance_value(instr, tp, name);
        return;
    }
    /* A non-data descriptor or plain value on the type: the instance dict comes first. */
    if (has_dict) {
        PyObject **dictptr = _PyObject_GetDictPtr(owner);
        PyObject *dict = dictptr ? *dictptr : NULL;
        if (dict != NULL && PyDict_Check(dict)) {
            PyObject *v = _PyDict_GetItem_KnownHash(dict, name, ((PyASCIIObject *)name)->hash);
            if (PyErr_Occurred()) {
                PyErr_Clear();
                goto fail;
            }
            if (v != NULL && Py_TYPE(descr)->tp_descr_get == NULL) {
                /* A class-level default shadowed by the instance. */
                specialize_instance_value(instr, tp, name);
                return;
            }
        }
    }
    if ((oparg & 1) && (Py_TYPE(descr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        _KrCache_Write32(cache + 1, version);
        _KrCache_WritePtr(cache + 3, descr);
        cache[7] = 0xffff;
        specialized(instr, has_dict ? LOAD_ATTR_METHOD_WITH_DICT : LOAD_ATTR_METHOD_NO_DICT);
        return;
    }
    if (Py_TYPE(descr)->tp_descr_get == NULL) {
        _KrCache_Write32(cache + 1, version);
        _KrCache_WritePtr(cache + 3, descr);
        specialized(instr, LOAD_ATTR_CLASS_VALUE);
        return;
    }
fail:
    failed(instr);
}

void _KrSpecialize_StoreAttr(PyObject *owner, _Py_CODEUNIT *instr, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(owner);
    uint16_t *cache = instr + 1;
    if (!name_ok(name) || tp->tp_setattro != PyObject_GenericSetAttr || tp->tp_dict == NULL)
        goto fail;
    PyObject *descr = _PyType_Lookup(tp, name);
    unsigned int version = tp->tp_version_tag;
    if (version == 0)
        goto fail;
    if (is_data_descr(descr)) {
        int off = slot_offset(descr, 1);
        if (off < 0)
            goto fail;
        _KrCache_Write32(cache + 1, version);
        cache[3] = (uint16_t)off;
        specialized(instr, STORE_ATTR_SLOT);
        return;
    }
    if (!((tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) || tp->tp_dictoffset != 0))
        goto fail;
    _KrCache_Write32(cache + 1, version);
    Py_ssize_t ix = _KrSpecialize_SharedIndex(tp, name);
    cache[3] = ix < 0 ? 0xffff : (uint16_t)ix;
    specialized(instr, STORE_ATTR_INSTANCE_VALUE);
    return;
fail:
    failed(instr);
}

/* ---- LOAD_GLOBAL ------------------------------------------------------------------ */

/* Fills (or refreshes) the site's entry; the instruction becomes LOAD_GLOBAL_CACHED.
 * Called after a successful generic lookup on exact-dict globals and builtins. */
void _KrSpecialize_LoadGlobal(PyCodeObject *co, _Py_CODEUNIT *instr, PyObject *globals,
                              PyObject *builtins, PyObject *value)
{
    _KrSpecData *sd = co->co_extra;
    int idx;
    if (_Py_OPCODE(*instr) == LOAD_GLOBAL_CACHED && sd != NULL && instr[2] < sd->n) {
        idx = instr[2];
    }
    else {
        if (sd == NULL || sd->n == sd->cap) {
            int cap = sd == NULL ? 4 : sd->cap * 2;
            if (cap > 0xffff) {
                failed(instr);
                return;
            }
            /* libc, not PyMem: this is interpreter bookkeeping that tracemalloc must
             * not attribute to the program's own lines. */
            _KrSpecData *nsd = realloc(
                sd, offsetof(_KrSpecData, sites) + (size_t)cap * sizeof(struct _kr_global_site));
            if (nsd == NULL) {
                failed(instr);
                return;
            }
            if (sd == NULL)
                nsd->n = 0;
            nsd->cap = cap;
            co->co_extra = sd = nsd;
        }
        idx = sd->n++;
        instr[2] = (uint16_t)idx;
    }
    struct _kr_global_site *e = &sd->sites[idx];
    e->globals = globals;
    e->builtins = builtins;
    e->gver = ((PyDictObject *)globals)->ma_version_tag;
    e->bver = ((PyDictObject *)builtins)->ma_version_tag;
    e->value = value;
    specialized(instr, LOAD_GLOBAL_CACHED);
}

void _KrSpec_FreeCodeData(PyCodeObject *co)
{
    free(co->co_extra);
    co->co_extra = NULL;
}

/* ---- CALL --------------------------------------------------------------------------- */

/* The calling-convention bits of ml_flags the CALL forms dispatch on. */
#define KR_CALL_FLAGS (METH_VARARGS | METH_KEYWORDS | METH_NOARGS | METH_O | METH_FASTCALL | \
                       METH_METHOD | METH_STATIC | METH_CLASS)

static int specialize_c_call(PyObject *callable, PyObject *self_or_null, _Py_CODEUNIT *instr,
                             int nargs)
{
    if (Py_IS_TYPE(callable, &PyCFunction_Type) && self_or_null == NULL) {
        switch (((PyCFunctionObject *)callable)->m_ml->ml_flags & KR_CALL_FLAGS) {
        case METH_O:
            if (nargs != 1)
                return 0;
            specialized(instr, CALL_BUILTIN_O);
            return 1;
        case METH_FASTCALL:
            specialized(instr, CALL_BUILTIN_FAST);
            return 1;
        case METH_FASTCALL | METH_KEYWORDS:
            specialized(instr, CALL_BUILTIN_FAST_WITH_KEYWORDS);
            return 1;
        default:
            return 0;
        }
    }
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && self_or_null != NULL) {
        switch (((PyMethodDescrObject *)callable)->d_method->ml_flags & KR_CALL_FLAGS) {
        case METH_NOARGS:
            if (nargs != 0)
                return 0;
            specialized(instr, CALL_METHOD_DESCRIPTOR_NOARGS);
            return 1;
        case METH_O:
            if (nargs != 1)
                return 0;
            specialized(instr, CALL_METHOD_DESCRIPTOR_O);
            return 1;
        case METH_FASTCALL:
            specialized(instr, CALL_METHOD_DESCRIPTOR_FAST);
            return 1;
        case METH_FASTCALL | METH_KEYWORDS:
            specialized(instr, CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS);
            return 1;
        default:
            return 0;
        }
    }
    if (callable == (PyObject *)&PyType_Type && self_or_null == NULL && nargs == 1) {
        specialized(instr, CALL_TYPE_1);
        return 1;
    }
    if (Py_IS_TYPE(callable, &PyType_Type) && self_or_null == NULL) {
        PyTypeObject *tp = (PyTypeObject *)callable;
        if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE) || (tp->tp_flags & Py_TPFLAGS_IS_ABSTRACT) ||
            tp->tp_new != _KrObject_New || !_KrType_HasSlotInit(tp) || tp->tp_version_tag == 0)
            return 0;
        PyObject *init = _PyType_Lookup(tp, _Py_ID(__init__));
        if (init == NULL || !PyFunction_Check(init))
            return 0;
        PyCodeObject *co = (PyCodeObject *)((PyFunctionObject *)init)->func_code;
        if ((co->co_flags & KR_CO_NOT_SIMPLE) || co->co_argcount != nargs + 1 ||
            co->co_kwonlyargcount != 0)
            return 0;
        _KrCache_Write32(instr + 2, tp->tp_version_tag);
        specialized(instr, CALL_ALLOC_AND_ENTER_INIT);
        return 1;
    }
    return 0;
}

void _KrSpecialize_Call(PyObject *callable, PyObject *self_or_null, _Py_CODEUNIT *instr,
                        int nargs)
{
    if (specialize_c_call(callable, self_or_null, instr, nargs))
        return;
    if (self_or_null == NULL && PyMethod_Check(callable)) {
        callable = PyMethod_GET_FUNCTION(callable);
        nargs++;
    }
    else if (self_or_null != NULL) {
        nargs++;
    }
    if (PyFunction_Check(callable)) {
        PyCodeObject *co = (PyCodeObject *)((PyFunctionObject *)callable)->func_code;
        if (!(co->co_flags & KR_CO_NOT_SIMPLE) && co->co_argcount == nargs &&
            co->co_kwonlyargcount == 0) {
            specialized(instr, CALL_PY_EXACT_ARGS);
            return;
        }
    }
    failed(instr);
}

/* ---- FOR_ITER ------------------------------------------------------------------------ */

void _KrSpecialize_ForIter(PyObject *iter, _Py_CODEUNIT *instr)
{
    PyTypeObject *tp = Py_TYPE(iter);
    if (tp == &PyListIter_Type)
        specialized(instr, FOR_ITER_LIST);
    else if (tp == &PyTupleIter_Type)
        specialized(instr, FOR_ITER_TUPLE);
    else if (tp == &PyRangeIter_Type)
        specialized(instr, FOR_ITER_RANGE);
    else
        failed(instr); /* generators are already resumed inline by FOR_ITER itself */
}

/* ---- BINARY_OP / COMPARE_OP --------------------------------------------------------- */

void _KrSpecialize_BinaryOp(PyObject *lhs, PyObject *rhs, _Py_CODEUNIT *instr, int oparg)
{
    PyTypeObject *lt = Py_TYPE(lhs), *rt = Py_TYPE(rhs);
    int op = oparg >= NB_INPLACE_ADD ? oparg - NB_INPLACE_ADD : oparg;
    if (op == NB_TRUE_DIVIDE && (lt == &PyFloat_Type || lt == &PyLong_Type) &&
        (rt == &PyFloat_Type || rt == &PyLong_Type)) {
        specialized(instr, BINARY_OP_TRUEDIV_FLOAT);
        return;
    }
    if (lt != rt)
        goto fail;
    if (lt == &PyLong_Type) {
        switch (op) {
        case NB_ADD: specialized(instr, BINARY_OP_ADD_INT); return;
        case NB_SUBTRACT: specialized(instr, BINARY_OP_SUBTRACT_INT); return;
        case NB_MULTIPLY: specialized(instr, BINARY_OP_MULTIPLY_INT); return;
        case NB_AND:
        case NB_OR:
        case NB_XOR:
        case NB_RSHIFT:
        case NB_FLOOR_DIVIDE:
        case NB_REMAINDER: specialized(instr, BINARY_OP_INT_OTHER); return;
        default: break;
        }
    }
    else if (lt == &PyFloat_Type) {
        switch (op) {
        case NB_ADD: specialized(instr, BINARY_OP_ADD_FLOAT); return;
        case NB_SUBTRACT: specialized(instr, BINARY_OP_SUBTRACT_FLOAT); return;
        case NB_MULTIPLY: specialized(instr, BINARY_OP_MULTIPLY_FLOAT); return;
        default: break;
        }
    }
    else if (lt == &PyUnicode_Type && op == NB_ADD) {
        specialized(instr, BINARY_OP_ADD_UNICODE);
        return;
    }
fail:
    failed(instr);
}

void _KrSpecialize_CompareOp(PyObject *lhs, PyObject *rhs, _Py_CODEUNIT *instr, int oparg)
{
    PyTypeObject *lt = Py_TYPE(lhs);
    if (lt != Py_TYPE(rhs))
        goto fail;
    if (lt == &PyLong_Type) {
        specialized(instr, COMPARE_OP_INT);
        return;
    }
    if (lt == &PyFloat_Type) {
        specialized(instr, COMPARE_OP_FLOAT);
        return;
    }
    if (lt == &PyUnicode_Type && ((oparg >> 5) == Py_EQ || (oparg >> 5) == Py_NE)) {
        specialized(instr, COMPARE_OP_STR);
        return;
    }
fail:
    failed(instr);
}
