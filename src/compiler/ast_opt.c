/* AST optimiser. */
#include "compiler.h"

int
_PyAST_Optimize(mod_ty mod, PyArena *arena, int optimize, int ff_features)
{
    return 0;
}
