/* Opcode name and inline-cache tables, generated from the one X-macro opcode list so
 * that the compiler, the eval loop and dis can never disagree about them. */
#include "Python.h"
#include "internal/pycore_opcode.h"

#define KR_NAME_ENTRY(name, hasarg, ncache) [name] = #name,
#define KR_CACHE_ENTRY(name, hasarg, ncache) [name] = ncache,

const char *const _PyOpcode_OpName[KR_NUM_OPCODES] = {
    KR_OPCODES_NOARG(KR_NAME_ENTRY)
    [HAVE_ARGUMENT_MARKER] = "<marker>",
    KR_OPCODES_ARG(KR_NAME_ENTRY)
};

const unsigned char _PyOpcode_Caches[KR_NUM_OPCODES] = {
    KR_OPCODES_NOARG(KR_CACHE_ENTRY)
    KR_OPCODES_ARG(KR_CACHE_ENTRY)
};
