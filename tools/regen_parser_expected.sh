#!/bin/sh
# Regenerates the parser test expectations from the CPython oracle:
#   tests/parser/NAME.py        -> NAME.py.ast  (ast.dump with attributes)
#   tests/parser/errors/NAME.py -> NAME.py.err  (compile()'s SyntaxError fields)
# Run from the project root.
ORACLE=${ORACLE:-../shared/oracle}
for f in tests/parser/*.py; do
    "$ORACLE" -c "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],'rb').read()), include_attributes=True))" "$f" > "$f.ast"
done
for f in tests/parser/errors/*.py; do
    "$ORACLE" -c "
import sys
src = open(sys.argv[1], 'rb').read()
try:
    compile(src, '<test>', 'exec')
    print('no error')
except (SyntaxError, MemoryError, RecursionError) as e:
    g = lambda n: getattr(e, n, None)
    print(type(e).__name__, repr(g('msg') or str(e)), g('lineno'), g('offset'), g('end_lineno'), g('end_offset'))
" "$f" > "$f.err" 2>/dev/null
done
