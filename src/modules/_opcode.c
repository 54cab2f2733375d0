/* _opcode: the interpreter's own opcode metadata for the opcode and dis modules. Krait's
 * opcode numbers are not CPython's, so everything numeric that dis needs (names, inline
 * cache sizes, instruction classes, stack effects, the exception table) is answered here
 * from the single X-macro list in pycore_opcode.h rather than written again in Python. */
#include "Python.h"
#include "internal/pycore_opcode.h"
#include "internal/pycore_compile.h"

/* Pseudo-instructions exist only inside the compiler, but dis lists them in opmap. */
static const char *const pseudo_names[] = {
    [SETUP_FINALLY - 256] = "SETUP_FINALLY",
    [SETUP_CLEANUP - 256] = "SETUP_CLEANUP",
    [SETUP_WITH - 256] = "SETUP_WITH",
    [POP_BLOCK - 256] = "POP_BLOCK",
    [JUMP - 256] = "JUMP",
    [JUMP_NO_INTERRUPT - 256] = "JUMP_NO_INTERRUPT",
    [LOAD_METHOD - 256] = "LOAD_METHOD",
    [LOAD_SUPER_METHOD - 256] = "LOAD_SUPER_METHOD",
    [LOAD_ZERO_SUPER_METHOD - 256] = "LOAD_ZERO_SUPER_METHOD",
    [LOAD_ZERO_SUPER_ATTR - 256] = "LOAD_ZERO_SUPER_ATTR",
    [STORE_FAST_MAYBE_NULL - 256] = "STORE_FAST_MAYBE_NULL",
    [LOAD_CLOSURE - 256] = "LOAD_CLOSURE",
};

static int
is_real(int op)
{
    return op >= 0 && op < KR_NUM_OPCODES && op != HAVE_ARGUMENT_MARKER;
}

static int
is_pseudo(int op)
{
    return op >= 256 && op < KR_MAX_PSEUDO_OPCODE;
}

static int
op_is_valid(int op)
{
    return is_real(op) || is_pseudo(op);
}

static int
op_has_arg(int op)
{
    if (is_real(op))
        return OPCODE_HAS_ARG(op);
    return is_pseudo(op) && op != POP_BLOCK;
}

static int
op_has_const(int op)
{
    return op == LOAD_CONST || op == RETURN_CONST;
}

static int
op_has_name(int op)
{
    switch (op) {
    case DELETE_ATTR: case DELETE_GLOBAL: case DELETE_NAME: case IMPORT_FROM:
    case IMPORT_NAME: case LOAD_ATTR: case LOAD_FROM_DICT_OR_GLOBALS: case LOAD_GLOBAL:
    case LOAD_NAME: case LOAD_SUPER_ATTR: case STORE_ATTR: case STORE_GLOBAL:
    case STORE_NAME: case LOAD_METHOD: case LOAD_SUPER_METHOD: case LOAD_ZERO_SUPER_ATTR:
    case LOAD_ZERO_SUPER_METHOD:
        return 1;
    default:
        return 0;
    }
}

static int
op_has_jump(int op)
{
    switch (op) {
    case FOR_ITER: case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT: case JUMP_FORWARD:
    case POP_JUMP_IF_FALSE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE:
    case POP_JUMP_IF_TRUE: case SEND: case JUMP: case JUMP_NO_INTERRUPT:
        return 1;
    default:
        return 0;
    }
}

static int
op_has_free(int op)
{
    switch (op) {
    case DELETE_DEREF: case LOAD_DEREF: case LOAD_FROM_DICT_OR_DEREF: case MAKE_CELL:
    case STORE_DEREF:
        return 1;
    default:
        return 0;
    }
}

static int
op_has_local(int op)
{
    switch (op) {
    case DELETE_FAST: case LOAD_FAST: case LOAD_FAST_AND_CLEAR: case LOAD_FAST_CHECK:
    case LOAD_FAST_LOAD_FAST: case STORE_FAST: case STORE_FAST_LOAD_FAST:
    case STORE_FAST_STORE_FAST: case LOAD_CLOSURE: case STORE_FAST_MAYBE_NULL:
        return 1;
    default:
        return 0;
    }
}

static int
op_has_exc(int op)
{
    return op == SETUP_CLEANUP || op == SETUP_FINALLY || op == SETUP_WITH;
}

static int
op_arg(PyObject *arg, int *op)
{
    int overflow = 0;
    long v = PyLong_AsLongAndOverflow(arg, &overflow);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *op = (overflow || v < INT_MIN || v > INT_MAX) ? -1 : (int)v;
    return 0;
}

#define KR_PREDICATE(fname, test) \
    static PyObject *fname(PyObject *m, PyObject *arg) \
    { \
        int op; \
        if (op_arg(arg, &op) < 0) \
            return NULL; \
        return PyBool_FromLong(op_is_valid(op) && test(op)); \
    }

static int always(int op) { (void)op; return 1; }
KR_PREDICATE(opcode_is_valid, always)
KR_PREDICATE(opcode_has_arg, op_has_arg)
KR_PREDICATE(opcode_has_const, op_has_const)
KR_PREDICATE(opcode_has_name, op_has_name)
KR_PREDICATE(opcode_has_jump, op_has_jump)
KR_PREDICATE(opcode_has_free, op_has_free)
KR_PREDICATE(opcode_has_local, op_has_local)
KR_PREDICATE(opcode_has_exc, op_has_exc)

static PyObject *
opcode_stack_effect(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "", "jump", NULL};
    PyObject *opobj, *oparg_obj = Py_None, *jump_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O$O:stack_effect", kwlist, &opobj,
                                     &oparg_obj, &jump_obj))
        return NULL;
    int op, oparg = 0;
    if (op_arg(opobj, &op) < 0)
        return NULL;
    if (oparg_obj != Py_None) {
        if (op_arg(oparg_obj, &oparg) < 0)
            return NULL;
    }
    int jump;
    if (jump_obj == Py_None)
        jump = -1;
    else if (jump_obj == Py_True)
        jump = 1;
    else if (jump_obj == Py_False)
        jump = 0;
    else {
        PyErr_SetString(PyExc_ValueError, "stack_effect: jump must be False, True or None");
        return NULL;
    }
    /* As in CPython 3.13 the oparg defaults to 0 and is ignored by opcodes without one. */
    if (!op_is_valid(op) || oparg < 0) {
        PyErr_SetString(PyExc_ValueError, "invalid opcode or oparg");
        return NULL;
    }
    int e0 = _KrOpcode_StackEffect(op, oparg, 0);
    int e1 = _KrOpcode_StackEffect(op, oparg, 1);
    int r = jump == 0 ? e0 : jump == 1 ? e1 : (e0 > e1 ? e0 : e1);
    return PyLong_FromLong(r);
}

static PyObject *
name_list(const char *const *names, int n)
{
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        PyObject *s = PyUnicode_FromString(names[i]);
        if (s == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, s);
    }
    return list;
}

static PyObject *
opcode_get_intrinsic1_descs(PyObject *m, PyObject *unused)
{
    static const char *const names[] = {
        "INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
        "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP",
        "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR",
        "INTRINSIC_PARAMSPEC", "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC",
        "INTRINSIC_TYPEALIAS",
    };
    return name_list(names, (int)(sizeof names / sizeof names[0]));
}

static PyObject *
opcode_get_intrinsic2_descs(PyObject *m, PyObject *unused)
{
    static const char *const names[] = {
        "INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR", "INTRINSIC_TYPEVAR_WITH_BOUND",
        "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS", "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
        "INTRINSIC_SET_TYPEPARAM_DEFAULT",
    };
    return name_list(names, (int)(sizeof names / sizeof names[0]));
}

static PyObject *
opcode_get_nb_ops(PyObject *m, PyObject *unused)
{
    static const char *const ops[][2] = {
        {"NB_ADD", "+"}, {"NB_AND", "&"}, {"NB_FLOOR_DIVIDE", "//"}, {"NB_LSHIFT", "<<"},
        {"NB_MATRIX_MULTIPLY", "@"}, {"NB_MULTIPLY", "*"}, {"NB_REMAINDER", "%"},
        {"NB_OR", "|"}, {"NB_POWER", "**"}, {"NB_RSHIFT", ">>"}, {"NB_SUBTRACT", "-"},
        {"NB_TRUE_DIVIDE", "/"}, {"NB_XOR", "^"}, {"NB_INPLACE_ADD", "+="},
        {"NB_INPLACE_AND", "&="}, {"NB_INPLACE_FLOOR_DIVIDE", "//="},
        {"NB_INPLACE_LSHIFT", "<<="}, {"NB_INPLACE_MATRIX_MULTIPLY", "@="},
        {"NB_INPLACE_MULTIPLY", "*="}, {"NB_INPLACE_REMAINDER", "%="},
        {"NB_INPLACE_OR", "|="}, {"NB_INPLACE_POWER", "**="}, {"NB_INPLACE_RSHIFT", ">>="},
        {"NB_INPLACE_SUBTRACT", "-="}, {"NB_INPLACE_TRUE_DIVIDE", "/="},
        {"NB_INPLACE_XOR", "^="},
    };
    int n = (int)(sizeof ops / sizeof ops[0]);
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        PyObject *t = Py_BuildValue("(ss)", ops[i][0], ops[i][1]);
        if (t == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, t);
    }
    return list;
}

static PyObject *
opcode_get_specialization_stats(PyObject *m, PyObject *unused)
{
    Py_RETURN_NONE;
}

/* _exception_table(code) -> [(start, end, target, depth, lasti)], offsets in bytes.
 * The table's encoding is private to the compiler, so it is read through the code
 * object's own lookup rather than decoded again. */
static PyObject *
opcode_exception_table(PyObject *m, PyObject *arg)
{
    if (!PyCode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "_exception_table() argument must be code, not %.100s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)arg;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    int n = (int)Py_SIZE(co);
    for (int i = 0; i < n;) {
        _PyExceptionTableEntry e;
        if (!_PyCode_FindHandler(co, i, &e) || e.end <= i) {
            i++;
            continue;
        }
        PyObject *t = Py_BuildValue("(iiiii)", e.start * 2, e.end * 2, e.target * 2, e.depth,
                                    e.lasti);
        if (t == NULL || PyList_Append(list, t) < 0) {
            Py_XDECREF(t);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(t);
        i = e.end;
    }
    return list;
}

static PyMethodDef opcode_methods[] = {
    {"stack_effect", _PyCFunction_CAST(opcode_stack_effect), METH_VARARGS | METH_KEYWORDS,
     "Compute the stack effect of the opcode."},
    {"is_valid", opcode_is_valid, METH_O, "Return True if opcode is valid, False otherwise."},
    {"has_arg", opcode_has_arg, METH_O, "Return True if the opcode uses its oparg."},
    {"has_const", opcode_has_const, METH_O, "Return True if the opcode accesses a constant."},
    {"has_name", opcode_has_name, METH_O, "Return True if the opcode accesses an attribute by name."},
    {"has_jump", opcode_has_jump, METH_O, "Return True if the opcode has a jump target."},
    {"has_free", opcode_has_free, METH_O, "Return True if the opcode accesses a free variable."},
    {"has_local", opcode_has_local, METH_O, "Return True if the opcode accesses a local variable."},
    {"has_exc", opcode_has_exc, METH_O, "Return True if the opcode sets an exception handler."},
    {"get_intrinsic1_descs", opcode_get_intrinsic1_descs, METH_NOARGS, NULL},
    {"get_intrinsic2_descs", opcode_get_intrinsic2_descs, METH_NOARGS, NULL},
    {"get_nb_ops", opcode_get_nb_ops, METH_NOARGS, NULL},
    {"get_specialization_stats", opcode_get_specialization_stats, METH_NOARGS, NULL},
    {"_exception_table", opcode_exception_table, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef opcodemodule = {
    PyModuleDef_HEAD_INIT, "_opcode", "Opcode support module.", -1,
    opcode_methods, NULL, NULL, NULL, NULL,
};

/* opmap (name -> number, pseudo-instructions included) and the inline-cache sizes. */
static int
add_tables(PyObject *m)
{
    PyObject *opmap = PyDict_New();
    PyObject *caches = PyDict_New();
    if (opmap == NULL || caches == NULL)
        goto error;
    for (int op = 0; op < KR_NUM_OPCODES; op++) {
        if (!is_real(op))
            continue;
        PyObject *num = PyLong_FromLong(op);
        if (num == NULL || PyDict_SetItemString(opmap, _PyOpcode_OpName[op], num) < 0) {
            Py_XDECREF(num);
            goto error;
        }
        Py_DECREF(num);
        if (_PyOpcode_Caches[op]) {
            PyObject *n = PyLong_FromLong(_PyOpcode_Caches[op]);
            if (n == NULL || PyDict_SetItemString(caches, _PyOpcode_OpName[op], n) < 0) {
                Py_XDECREF(n);
                goto error;
            }
            Py_DECREF(n);
        }
    }
    for (int op = 256; op < KR_MAX_PSEUDO_OPCODE; op++) {
        PyObject *num = PyLong_FromLong(op);
        if (num == NULL || PyDict_SetItemString(opmap, pseudo_names[op - 256], num) < 0) {
            Py_XDECREF(num);
            goto error;
        }
        Py_DECREF(num);
    }
#ifdef KR_OPCODES_SPECIALIZED
    /* Specialised forms (only ever found in _co_code_adaptive): name -> number, and
     * base name -> [specialised names]. */
    {
        PyObject *spec_map = PyDict_New();
        PyObject *families = PyDict_New();
        if (spec_map == NULL || families == NULL || PyModule_Add(m, "_specialized_opmap", spec_map) < 0) {
            Py_XDECREF(families);
            goto error;
        }
        if (PyModule_Add(m, "_specializations", families) < 0)
            goto error;
#define KR_SPEC_ENTRY(name, base) \
        { \
            PyObject *num = PyLong_FromLong(name); \
            PyObject *nm = PyUnicode_FromString(#name); \
            PyObject *fam = NULL; \
            int bad = num == NULL || nm == NULL || PyDict_SetItem(spec_map, nm, num) < 0; \
            if (!bad) { \
                fam = PyDict_GetItemString(families, #base); \
                if (fam == NULL) { \
                    fam = PyList_New(0); \
                    bad = fam == NULL || PyDict_SetItemString(families, #base, fam) < 0; \
                    Py_XDECREF(fam); \
                } \
                bad = bad || PyList_Append(fam, nm) < 0; \
            } \
            Py_XDECREF(num); \
            Py_XDECREF(nm); \
            if (bad) \
                goto error; \
        }
        KR_OPCODES_SPECIALIZED(KR_SPEC_ENTRY)
#undef KR_SPEC_ENTRY
    }
#endif
    if (PyModule_Add(m, "_opmap", opmap) < 0) {
        Py_DECREF(caches);
        return -1;
    }
    if (PyModule_Add(m, "_inline_cache_entries", caches) < 0)
        return -1;
    if (PyModule_AddIntConstant(m, "HAVE_ARGUMENT", HAVE_ARGUMENT) < 0 ||
        PyModule_AddIntConstant(m, "EXTENDED_ARG", EXTENDED_ARG) < 0 ||
        PyModule_AddObjectRef(m, "ENABLE_SPECIALIZATION", Py_False) < 0 ||
        PyModule_AddIntConstant(m, "MIN_INSTRUMENTED_OPCODE", KR_NUM_OPCODES) < 0)
        return -1;
    return 0;
error:
    Py_XDECREF(opmap);
    Py_XDECREF(caches);
    return -1;
}

PyObject *
PyInit__opcode(void)
{
    PyObject *m = PyModule_Create(&opcodemodule);
    if (m == NULL)
        return NULL;
    if (add_tables(m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
