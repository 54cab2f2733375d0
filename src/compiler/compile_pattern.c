/* Code generation for the match statement (PEP 634). */
#include "compiler.h"

int
compiler_match(struct compiler *c, stmt_ty s)
{
    return compiler_error(c, LOC(s), "match statement is not supported yet");
}
