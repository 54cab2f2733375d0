/* Arithmetic on compact int values, shared by the eval loop's specialised BINARY_OP and
 * the generic numeric fast path (_KrNumber_BinaryOpFast in floatobject.c). */
#ifndef KR_PYCORE_INTOPS_H
#define KR_PYCORE_INTOPS_H
#include <stdint.h>
#include "internal/pycore_opcode.h"

/* x op y for op in NB_ADD..NB_XOR (in-place forms already folded), with Python's floor
 * semantics for // and % and >>. Compact values have at most 30 bits, so nothing here
 * overflows 64 bits. 0 with *r set, or -1 when the operation needs the general path: a
 * zero divisor, a negative shift count (both raise there) or an operator not handled
 * (<<, **, /, @). */
static inline int _KrLong_CompactBinop(int64_t x, int64_t y, int op, int64_t *r)
{
    switch (op) {
    case NB_ADD: *r = x + y; return 0;
    case NB_SUBTRACT: *r = x - y; return 0;
    case NB_MULTIPLY: *r = x * y; return 0;
    case NB_AND: *r = x & y; return 0;
    case NB_OR: *r = x | y; return 0;
    case NB_XOR: *r = x ^ y; return 0;
    case NB_RSHIFT:
        if (y < 0)
            return -1;
        *r = y > 62 ? (x < 0 ? -1 : 0) : x >> y;
        return 0;
    case NB_FLOOR_DIVIDE:
    case NB_REMAINDER: {
        if (y == 0)
            return -1;
        int64_t q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) {
            m += y;
            q--;
        }
        *r = op == NB_FLOOR_DIVIDE ? q : m;
        return 0;
    }
    default:
        return -1;
    }
}
#endif
