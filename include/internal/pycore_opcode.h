/* Krait's bytecode: CPython 3.13's instruction set and stack conventions (names, oparg
 * meanings, inline-cache sizes), without TO_BOOL/RETURN_GENERATOR. The one list below
 * generates the opcode numbers, the name table, the cache-size table and dis's tables.
 *
 * Encoding: 16-bit code units, low byte opcode, high byte oparg; EXTENDED_ARG prefixes
 * widen oparg by 8 bits each. After an instruction come N_CACHES zero code units (inline
 * caches for specialisation); jump offsets count code units and are relative to the
 * instruction *after* the caches. Stack notation: [... a b] -> [... c], top is rightmost.
 *
 * X(NAME, HAS_ARG, N_CACHES). Opcodes below HAVE_ARGUMENT take no oparg. */
#ifndef KR_PYCORE_OPCODE_H
#define KR_PYCORE_OPCODE_H
#include <stdint.h>

#define KR_OPCODES_NOARG(X) \
    X(CACHE, 0, 0)                   /* filler for inline cache units; never executed    */ \
    X(NOP, 0, 0) \
    X(POP_TOP, 0, 0)                 /* [a] -> []                                        */ \
    X(PUSH_NULL, 0, 0)               /* [] -> [NULL]                                     */ \
    X(END_FOR, 0, 0)                 /* [iter] -> [] ; jumped to when FOR_ITER ends      */ \
    X(END_SEND, 0, 0)                /* [recv value] -> [value]                          */ \
    X(UNARY_NEGATIVE, 0, 0) \
    X(UNARY_NOT, 0, 0)               /* [a] -> [not a] (any object; bool result)         */ \
    X(UNARY_INVERT, 0, 0) \
    X(BINARY_SUBSCR, 0, 1)           /* [c k] -> [c[k]]                                  */ \
    X(STORE_SUBSCR, 0, 1)            /* [v c k] -> [] ; c[k] = v                         */ \
    X(DELETE_SUBSCR, 0, 0)           /* [c k] -> []                                      */ \
    X(BINARY_SLICE, 0, 0)            /* [c start stop] -> [c[start:stop]]                */ \
    X(STORE_SLICE, 0, 0)             /* [v c start stop] -> []                           */ \
    X(GET_ITER, 0, 0)                /* [o] -> [iter(o)]                                 */ \
    X(GET_YIELD_FROM_ITER, 0, 0)     /* [o] -> [iter] (coroutines pass through)          */ \
    X(GET_AITER, 0, 0)               /* [o] -> [o.__aiter__()]                           */ \
    X(GET_ANEXT, 0, 0)               /* [aiter] -> [aiter awaitable(anext)]              */ \
    X(END_ASYNC_FOR, 0, 0)           /* [aiter exc] -> [] if StopAsyncIteration else re-raise */ \
    X(CLEANUP_THROW, 0, 0)           /* [sub last_sent exc] -> [None value] on StopIteration else re-raise */ \
    X(BEFORE_ASYNC_WITH, 0, 0)       /* [mgr] -> [exit awaitable(enter)]                 */ \
    X(BEFORE_WITH, 0, 0)             /* [mgr] -> [bound __exit__, mgr.__enter__()]       */ \
    X(WITH_EXCEPT_START, 0, 0)       /* [exit lasti prev_exc exc] -> [.. res] ; res = exit(type, exc, tb) */ \
    X(PUSH_EXC_INFO, 0, 0)           /* [exc] -> [prev_handled exc] ; exc becomes handled */ \
    X(POP_EXCEPT, 0, 0)              /* [prev] -> [] ; restore handled exception         */ \
    X(CHECK_EXC_MATCH, 0, 0)         /* [exc type] -> [exc bool]                         */ \
    X(CHECK_EG_MATCH, 0, 0)          /* [eg type] -> [rest match] (except*)              */ \
    X(RETURN_VALUE, 0, 0)            /* [v] -> return v                                  */ \
    X(LOAD_LOCALS, 0, 0)             /* [] -> [f_locals]                                 */ \
    X(LOAD_BUILD_CLASS, 0, 0)        /* [] -> [builtins.__build_class__]                 */ \
    X(LOAD_ASSERTION_ERROR, 0, 0) \
    X(SETUP_ANNOTATIONS, 0, 0)       /* ensure __annotations__ in f_locals               */ \
    X(MATCH_MAPPING, 0, 0)           /* [s] -> [s bool]                                  */ \
    X(MATCH_SEQUENCE, 0, 0)          /* [s] -> [s bool]                                  */ \
    X(MATCH_KEYS, 0, 0)              /* [s keys] -> [s keys values_tuple_or_None]        */ \
    X(GET_LEN, 0, 0)                 /* [s] -> [s len(s)]                                */ \
    X(FORMAT_SIMPLE, 0, 0)           /* [v] -> [format(v, '')]                           */ \
    X(FORMAT_WITH_SPEC, 0, 0)        /* [v spec] -> [format(v, spec)]                    */ \
    X(MAKE_FUNCTION, 0, 0)           /* [code] -> [func] (globals/qualname from frame+code) */ \
    X(INTERPRETER_EXIT, 0, 0) \
    X(EXIT_INIT_CHECK, 0, 0)         /* [r] -> [] ; TypeError if r is not None           */

#define KR_OPCODES_ARG(X) \
    X(EXTENDED_ARG, 1, 0) \
    X(POP_JUMP_IF_FALSE, 1, 1)       /* [v] -> [] ; conditional jumps are forward only: target = next + oparg */ \
    X(POP_JUMP_IF_TRUE, 1, 1) \
    X(POP_JUMP_IF_NONE, 1, 1) \
    X(POP_JUMP_IF_NOT_NONE, 1, 1) \
    X(JUMP_FORWARD, 1, 0)            /* target = next + oparg                            */ \
    X(JUMP_BACKWARD, 1, 1)           /* target = next - oparg ; checks the eval breaker  */ \
    X(JUMP_BACKWARD_NO_INTERRUPT, 1, 0) \
    X(FOR_ITER, 1, 1)                /* [it] -> [it next] or jump next+oparg (lands on END_FOR, skipped: pops it) */ \
    X(SEND, 1, 1)                    /* [recv v] -> [recv result] or, on return, [recv retval] and jump fwd */ \
    X(YIELD_VALUE, 1, 0)             /* [v] -> yield v; resumes with [sent]; oparg = exception depth */ \
    X(RESUME, 1, 0)                  /* oparg: 0 start, 1 after yield, 2 after yield from, 3 after await */ \
    X(RETURN_CONST, 1, 0)            /* return co_consts[oparg]                          */ \
    X(RAISE_VARARGS, 1, 0)           /* 0: re-raise; 1: [exc]; 2: [exc cause]            */ \
    X(RERAISE, 1, 0)                 /* [.. exc] -> raise exc; oparg!=0: f_lasti = the int oparg slots below exc (stack[-2] for 1) */ \
    X(LOAD_CONST, 1, 0) \
    X(LOAD_FAST, 1, 0)               /* localsplus[oparg], known bound                   */ \
    X(LOAD_FAST_CHECK, 1, 0)         /* UnboundLocalError if NULL                        */ \
    X(LOAD_FAST_AND_CLEAR, 1, 0)     /* push localsplus[oparg] (maybe NULL), set NULL (PEP 709) */ \
    X(LOAD_FAST_LOAD_FAST, 1, 0)     /* push local[oparg>>4], local[oparg&15]            */ \
    X(STORE_FAST, 1, 0) \
    X(STORE_FAST_LOAD_FAST, 1, 0)    /* store to local[oparg>>4]; push local[oparg&15]   */ \
    X(STORE_FAST_STORE_FAST, 1, 0)   /* [b a] store a to local[oparg>>4], b to local[oparg&15] */ \
    X(DELETE_FAST, 1, 0) \
    X(LOAD_NAME, 1, 0)               /* co_names[oparg] via locals, globals, builtins    */ \
    X(STORE_NAME, 1, 0) \
    X(DELETE_NAME, 1, 0) \
    X(LOAD_GLOBAL, 1, 4)             /* co_names[oparg>>1]; oparg&1: also push NULL after it */ \
    X(STORE_GLOBAL, 1, 0) \
    X(DELETE_GLOBAL, 1, 0) \
    X(LOAD_DEREF, 1, 0)              /* cell in localsplus[oparg]                         */ \
    X(STORE_DEREF, 1, 0) \
    X(DELETE_DEREF, 1, 0) \
    X(LOAD_FROM_DICT_OR_DEREF, 1, 0) /* [mapping] -> [v]: mapping[name of localsplus[oparg]] or the cell */ \
    X(LOAD_FROM_DICT_OR_GLOBALS, 1, 0) /* [mapping] -> [v]: mapping, globals, builtins    */ \
    X(MAKE_CELL, 1, 0)               /* localsplus[oparg] = cell(localsplus[oparg])      */ \
    X(COPY_FREE_VARS, 1, 0)          /* copy the oparg closure cells to the last slots   */ \
    X(LOAD_ATTR, 1, 9)               /* [o] -> [o.name] ; oparg&1: [meth self] or [attr NULL] */ \
    X(STORE_ATTR, 1, 4)              /* [v o] -> [] ; o.name = v                         */ \
    X(DELETE_ATTR, 1, 0) \
    X(LOAD_SUPER_ATTR, 1, 1)         /* [global_super cls self] -> [attr] or [meth self]; oparg>>2 name, &1 method, &2 two-arg form */ \
    X(BUILD_TUPLE, 1, 0) \
    X(BUILD_LIST, 1, 0) \
    X(BUILD_SET, 1, 0) \
    X(BUILD_MAP, 1, 0)               /* [k1 v1 .. kn vn] -> [dict]                       */ \
    X(BUILD_CONST_KEY_MAP, 1, 0)     /* [v1 .. vn keys_tuple] -> [dict]                  */ \
    X(BUILD_STRING, 1, 0)            /* concatenate oparg strings                        */ \
    X(BUILD_SLICE, 1, 0)             /* oparg 2 or 3 */ \
    X(LIST_APPEND, 1, 0)             /* [list .. (oparg-1 items) v] -> list at stack[-oparg-1].append(v) */ \
    X(SET_ADD, 1, 0) \
    X(MAP_ADD, 1, 0)                 /* [dict .. k v] ; dict at stack[-oparg-2]          */ \
    X(LIST_EXTEND, 1, 0) \
    X(SET_UPDATE, 1, 0) \
    X(DICT_UPDATE, 1, 0) \
    X(DICT_MERGE, 1, 0)              /* like DICT_UPDATE but TypeError on duplicate keys (for **kw in calls) */ \
    X(UNPACK_SEQUENCE, 1, 1)         /* [seq] -> [v_n .. v_1] (first item on top)        */ \
    X(UNPACK_EX, 1, 0)               /* oparg = before | after<<8                        */ \
    X(COPY, 1, 0)                    /* push stack[-oparg]                               */ \
    X(SWAP, 1, 0)                    /* swap top with stack[-oparg]                      */ \
    X(BINARY_OP, 1, 1)               /* [a b] -> [a op b] ; oparg = NB_* below           */ \
    X(COMPARE_OP, 1, 1)              /* oparg>>5 = Py_LT..Py_GE; bit 16 = coerce to bool */ \
    X(IS_OP, 1, 0)                   /* oparg 1 = "is not"                              */ \
    X(CONTAINS_OP, 1, 1)             /* oparg 1 = "not in"                              */ \
    X(CALL, 1, 3)                    /* [callable self_or_null a1..an] -> [res]          */ \
    X(CALL_KW, 1, 0)                 /* [callable self_or_null a1..an kwnames] -> [res]; kwnames tuple names the last len() args */ \
    X(CALL_FUNCTION_EX, 1, 0)        /* [callable NULL args_tuple (kwargs if oparg&1)] -> [res] */ \
    X(CALL_INTRINSIC_1, 1, 0)        /* [v] -> [f(v)] ; oparg = INTRINSIC_* below        */ \
    X(CALL_INTRINSIC_2, 1, 0)        /* [v1 v2] -> [f(v1, v2)]                           */ \
    X(SET_FUNCTION_ATTRIBUTE, 1, 0)  /* [attr func] -> [func] ; oparg = MAKE_FUNCTION_* flag */ \
    X(IMPORT_NAME, 1, 0)             /* [level fromlist] -> [module]                     */ \
    X(IMPORT_FROM, 1, 0)             /* [module] -> [module attr]                        */ \
    X(CONVERT_VALUE, 1, 0)           /* [v] -> [str/repr/ascii(v)] ; oparg 1/2/3         */ \
    X(MATCH_CLASS, 1, 0)             /* [s cls names] -> [attrs_tuple or None] ; oparg = #positional */ \
    X(GET_AWAITABLE, 1, 0)           /* [o] -> [awaitable]; oparg 1 after __aenter__, 2 after __aexit__ */ \
    X(GET_YIELD_FROM_ITER_UNUSED, 1, 0)

#define KR_OPCODE_ENUM(name, hasarg, ncache) name,
enum {
    KR_OPCODES_NOARG(KR_OPCODE_ENUM)
    HAVE_ARGUMENT_MARKER,
    KR_OPCODES_ARG(KR_OPCODE_ENUM)
    KR_NUM_OPCODES
};
#undef KR_OPCODE_ENUM
#define HAVE_ARGUMENT (HAVE_ARGUMENT_MARKER + 1)
#define OPCODE_HAS_ARG(op) ((op) >= HAVE_ARGUMENT)

/* Specialised instructions (PEP 659 style, src/vm/specialize.c). They exist only in a
 * code object's co_code_adaptive, never in co_code, so `dis` and the compiler see the
 * base set above. Each replaces its base instruction in place, keeps its oparg and its
 * cache layout, and falls back to the base instruction when its guard fails.
 * X(NAME, BASE). */
#define KR_OPCODES_SPECIALIZED(X) \
    X(LOAD_ATTR_INSTANCE_VALUE, LOAD_ATTR)   /* instance dict hit; type version guard   */ \
    X(LOAD_ATTR_METHOD_WITH_DICT, LOAD_ATTR) /* method from the type; dict must miss    */ \
    X(LOAD_ATTR_METHOD_NO_DICT, LOAD_ATTR)   /* method from the type; no instance dict  */ \
    X(LOAD_ATTR_SLOT, LOAD_ATTR)             /* __slots__ member at a fixed offset      */ \
    X(LOAD_ATTR_MODULE, LOAD_ATTR)           /* module dict lookup                      */ \
    X(LOAD_ATTR_CLASS_VALUE, LOAD_ATTR)      /* instance attribute found on the type     */ \
    X(STORE_ATTR_INSTANCE_VALUE, STORE_ATTR) /* instance dict store; type version guard */ \
    X(STORE_ATTR_SLOT, STORE_ATTR) \
    X(CALL_PY_EXACT_ARGS, CALL)              /* Python function, positional args only   */ \
    X(CALL_BUILTIN_O, CALL)                  /* builtin function, METH_O                */ \
    X(CALL_BUILTIN_FAST, CALL)               /* builtin function, METH_FASTCALL         */ \
    X(CALL_BUILTIN_FAST_WITH_KEYWORDS, CALL) \
    X(CALL_METHOD_DESCRIPTOR_NOARGS, CALL)   /* obj.meth() of a C type, exact self type */ \
    X(CALL_METHOD_DESCRIPTOR_O, CALL) \
    X(CALL_METHOD_DESCRIPTOR_FAST, CALL) \
    X(CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS, CALL) \
    X(CALL_TYPE_1, CALL)                     /* type(x)                                 */ \
    X(CALL_ALLOC_AND_ENTER_INIT, CALL)       /* C(...) with object.__new__ and a Python  \
                                              * __init__; type version in units 1..2    */ \
    X(FOR_ITER_LIST, FOR_ITER) \
    X(FOR_ITER_TUPLE, FOR_ITER) \
    X(FOR_ITER_RANGE, FOR_ITER) \
    X(LOAD_GLOBAL_CACHED, LOAD_GLOBAL)       /* per-site value, dict-version guarded     */ \
    X(BINARY_OP_ADD_INT, BINARY_OP) \
    X(BINARY_OP_SUBTRACT_INT, BINARY_OP) \
    X(BINARY_OP_MULTIPLY_INT, BINARY_OP) \
    X(BINARY_OP_ADD_FLOAT, BINARY_OP) \
    X(BINARY_OP_SUBTRACT_FLOAT, BINARY_OP) \
    X(BINARY_OP_MULTIPLY_FLOAT, BINARY_OP) \
    X(BINARY_OP_ADD_UNICODE, BINARY_OP) \
    X(BINARY_OP_INT_OTHER, BINARY_OP)        /* & | ^ >> // % on compact ints           */ \
    X(BINARY_OP_TRUEDIV_FLOAT, BINARY_OP)    /* / on floats and compact ints            */ \
    X(COMPARE_OP_INT, COMPARE_OP) \
    X(COMPARE_OP_FLOAT, COMPARE_OP) \
    X(COMPARE_OP_STR, COMPARE_OP)

#define KR_OPCODE_SPEC_ENUM(name, base) name,
enum {
    KR_SPECIALIZED_BEFORE_ = KR_NUM_OPCODES - 1,
    KR_OPCODES_SPECIALIZED(KR_OPCODE_SPEC_ENUM)
    KR_NUM_ALL_OPCODES
};
#undef KR_OPCODE_SPEC_ENUM
/* Base instruction of any opcode (identity for the base set); 256 entries. */
extern const unsigned char _KrOpcode_Deopt[256];
/* Name of any opcode, specialised ones included (NULL for unused numbers). */
const char *_KrOpcode_Name(int op);

/* Inline-cache access: caches are 16-bit units after the instruction; wider values are
 * split over consecutive units (no alignment is assumed). Unit 0 of every specialisable
 * instruction is its adaptive counter. */
#define KR_ADAPTIVE_BACKOFF 53  /* executions before a failed site is tried again */
#define KR_MISS_BUDGET 16       /* guard failures before a specialised site reverts */
static inline uint32_t _KrCache_Read32(const uint16_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 16);
}
static inline void _KrCache_Write32(uint16_t *p, uint32_t v)
{
    p[0] = (uint16_t)v;
    p[1] = (uint16_t)(v >> 16);
}
static inline void *_KrCache_ReadPtr(const uint16_t *p)
{
    uint64_t v = (uint64_t)p[0] | ((uint64_t)p[1] << 16) | ((uint64_t)p[2] << 32) |
                 ((uint64_t)p[3] << 48);
    return (void *)(uintptr_t)v;
}
static inline void _KrCache_WritePtr(uint16_t *p, void *ptr)
{
    uint64_t v = (uint64_t)(uintptr_t)ptr;
    for (int i = 0; i < 4; i++)
        p[i] = (uint16_t)(v >> (16 * i));
}

/* Pseudo-instructions used only inside the compiler; the assembler replaces them. */
enum {
    SETUP_FINALLY = 256, SETUP_CLEANUP, SETUP_WITH, POP_BLOCK, JUMP, JUMP_NO_INTERRUPT,
    LOAD_METHOD, LOAD_SUPER_METHOD, LOAD_ZERO_SUPER_METHOD, LOAD_ZERO_SUPER_ATTR,
    STORE_FAST_MAYBE_NULL, LOAD_CLOSURE, KR_MAX_PSEUDO_OPCODE
};

extern const char *const _PyOpcode_OpName[KR_NUM_OPCODES]; /* src/compiler/opcode_metadata.c */
extern const unsigned char _PyOpcode_Caches[KR_NUM_OPCODES];

/* BINARY_OP opargs (same numbering as CPython). */
#define NB_ADD 0
#define NB_AND 1
#define NB_FLOOR_DIVIDE 2
#define NB_LSHIFT 3
#define NB_MATRIX_MULTIPLY 4
#define NB_MULTIPLY 5
#define NB_REMAINDER 6
#define NB_OR 7
#define NB_POWER 8
#define NB_RSHIFT 9
#define NB_SUBTRACT 10
#define NB_TRUE_DIVIDE 11
#define NB_XOR 12
#define NB_INPLACE_ADD 13
#define NB_INPLACE_AND 14
#define NB_INPLACE_FLOOR_DIVIDE 15
#define NB_INPLACE_LSHIFT 16
#define NB_INPLACE_MATRIX_MULTIPLY 17
#define NB_INPLACE_MULTIPLY 18
#define NB_INPLACE_REMAINDER 19
#define NB_INPLACE_OR 20
#define NB_INPLACE_POWER 21
#define NB_INPLACE_RSHIFT 22
#define NB_INPLACE_SUBTRACT 23
#define NB_INPLACE_TRUE_DIVIDE 24
#define NB_INPLACE_XOR 25

/* CALL_INTRINSIC_1 */
#define INTRINSIC_1_INVALID 0
#define INTRINSIC_PRINT 1           /* REPL echo via sys.displayhook */
#define INTRINSIC_IMPORT_STAR 2     /* [module] -> [None], names into f_locals */
#define INTRINSIC_STOPITERATION_ERROR 3 /* PEP 479: StopIteration raised in a generator -> RuntimeError */
#define INTRINSIC_ASYNC_GEN_WRAP 4
#define INTRINSIC_UNARY_POSITIVE 5
#define INTRINSIC_LIST_TO_TUPLE 6
#define INTRINSIC_TYPEVAR 7
#define INTRINSIC_PARAMSPEC 8
#define INTRINSIC_TYPEVARTUPLE 9
#define INTRINSIC_SUBSCRIPT_GENERIC 10
#define INTRINSIC_TYPEALIAS 11
/* CALL_INTRINSIC_2 */
#define INTRINSIC_2_INVALID 0
#define INTRINSIC_PREP_RERAISE_STAR 1
#define INTRINSIC_TYPEVAR_WITH_BOUND 2
#define INTRINSIC_TYPEVAR_WITH_CONSTRAINTS 3
#define INTRINSIC_SET_FUNCTION_TYPE_PARAMS 4
#define INTRINSIC_SET_TYPEPARAM_DEFAULT 5

/* SET_FUNCTION_ATTRIBUTE flags */
#define MAKE_FUNCTION_DEFAULTS 0x01    /* tuple */
#define MAKE_FUNCTION_KWDEFAULTS 0x02  /* dict */
#define MAKE_FUNCTION_ANNOTATIONS 0x04 /* dict */
#define MAKE_FUNCTION_CLOSURE 0x08     /* tuple of cells */

/* RESUME opargs */
#define RESUME_AT_FUNC_START 0
#define RESUME_AFTER_YIELD 1
#define RESUME_AFTER_YIELD_FROM 2
#define RESUME_AFTER_AWAIT 3

/* CONVERT_VALUE opargs */
#define FVC_STR 1
#define FVC_REPR 2
#define FVC_ASCII 3

#endif
