/* Compiler/code-object internals: location table, exception table and stack depth of
 * compiled code, checked through the code.h accessors. */
#include "Python.h"
#include "internal/pycore_opcode.h"

static int failures;
#define CHECK(cond) do { if (!(cond)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

static PyCodeObject *
compile_str(const char *src)
{
    PyObject *co = Py_CompileString(src, "<test>", Py_file_input);
    if (co == NULL) {
        PyErr_Print();
        return NULL;
    }
    return (PyCodeObject *)co;
}

int
main(void)
{
    Py_Initialize();
    PyCodeObject *co = compile_str("x = 1\ny = 2\ntry:\n    z = x / 0\nexcept ZeroDivisionError:\n    pass\n");
    CHECK(co != NULL);
    if (co) {
        _Py_CODEUNIT *code = _PyCode_CODE(co);
        Py_ssize_t n = Py_SIZE(co);
        CHECK(_Py_OPCODE(code[0]) == RESUME);
        int saw_line2 = 0, covered = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            int line = PyCode_Addr2Line(co, (int)i * 2);
            if (line == 2)
                saw_line2 = 1;
            _PyExceptionTableEntry e;
            if (_PyCode_FindHandler(co, (int)i, &e)) {
                covered = 1;
                CHECK(e.start <= i && i < e.end);
                CHECK(e.target >= 0 && e.target < n);
                CHECK(e.depth >= 0 && e.depth <= co->co_stacksize);
            }
        }
        CHECK(saw_line2);
        CHECK(covered);
        CHECK(co->co_stacksize >= 2);
        CHECK(co->co_nlocalsplus == 0);
        Py_DECREF(co);
    }
    co = compile_str("def f(a, b):\n    def g():\n        return a\n    return g\n");
    CHECK(co != NULL);
    if (co) {
        PyCodeObject *f = NULL;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); i++)
            if (PyCode_Check(PyTuple_GET_ITEM(co->co_consts, i)))
                f = (PyCodeObject *)PyTuple_GET_ITEM(co->co_consts, i);
        CHECK(f != NULL);
        if (f) {
            const char *kinds = PyBytes_AS_STRING(f->co_localspluskinds);
            CHECK(f->co_argcount == 2 && f->co_nlocals == 3 && f->co_ncellvars == 1);
            CHECK((kinds[0] & (CO_FAST_LOCAL | CO_FAST_CELL)) == (CO_FAST_LOCAL | CO_FAST_CELL));
            CHECK(_Py_OPCODE(_PyCode_CODE(f)[0]) == MAKE_CELL);
        }
        Py_DECREF(co);
    }
    PyObject *bad = Py_CompileString("def f():\n    nonlocal q\n", "<test>", Py_file_input);
    CHECK(bad == NULL && PyErr_ExceptionMatches(PyExc_SyntaxError));
    PyErr_Clear();
    if (failures == 0)
        printf("test_compiler: ok\n");
    return failures != 0;
}
