/* Source to code: parser entry points (src/parser), the AST compiler (src/compiler) and
 * the run helpers (src/vm/pythonrun.c). */
#ifndef KR_COMPILE_H
#define KR_COMPILE_H
#include <stdio.h>
#include "object.h"
#include "code.h"

#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345

struct _mod;
struct _arena;
/* Parse UTF-8 (or cookie-declared) source to an AST in `arena`; NULL with SyntaxError,
 * IndentationError, TabError, MemoryError or RecursionError set on failure. */
struct _mod *_PyParser_ASTFromString(const char *str, PyObject *filename, int mode,
                                     PyCompilerFlags *flags, struct _arena *arena);
/* Compile an AST to a code object (module, expression or interactive). */
PyCodeObject *_PyAST_Compile(struct _mod *mod, PyObject *filename, PyCompilerFlags *flags,
                             int optimize, struct _arena *arena);

PyObject *Py_CompileStringObject(const char *str, PyObject *filename, int start,
                                 PyCompilerFlags *flags, int optimize);
PyObject *Py_CompileString(const char *str, const char *filename, int start);
PyObject *PyRun_StringFlags(const char *str, int start, PyObject *globals, PyObject *locals,
                            PyCompilerFlags *flags);
PyObject *PyEval_EvalCode(PyObject *co, PyObject *globals, PyObject *locals);
int PyRun_SimpleString(const char *command);
int PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags);
int PyRun_AnyFileExFlags(FILE *fp, const char *filename, int closeit, PyCompilerFlags *flags);
int PyRun_InteractiveLoopFlags(FILE *fp, const char *filename, PyCompilerFlags *flags);
/* compile() of an ast.AST object, or with PyCF_ONLY_AST (pythonrun.c, via the ast area's
 * PyAST_mod2obj / PyAST_obj2mod when they exist). */
int _KrAST_Check(PyObject *obj);
PyObject *_KrAST_CompileObject(PyObject *ast, PyObject *filename, int start,
                               PyCompilerFlags *flags, int optimize);
PyObject *PyOS_FSPath(PyObject *path);
/* Line `lineno` (1-based, no newline) of in-memory source such as the -c program
 * ("<string>"), or NULL (no exception) when unknown. For traceback display. */
PyObject *_KrRun_RegisteredSourceLine(PyObject *filename, int lineno);

#endif
