/* Macros private to the evaluation loop (src/vm/ceval.c). */
#ifndef KR_CEVAL_MACROS_H
#define KR_CEVAL_MACROS_H

#if defined(__GNUC__)
#define USE_COMPUTED_GOTOS 1
#endif

/* Profile-guided work: a build with -DKR_OPSTATS counts every dispatched opcode and
 * prints the table at exit (src/vm/ceval_opstats.c). */
#ifdef KR_OPSTATS
void _KrOpStats_Count(int opcode);
#define KR_OPSTATS_COUNT(op) _KrOpStats_Count(op)
#else
#define KR_OPSTATS_COUNT(op) ((void)0)
#endif

#ifdef USE_COMPUTED_GOTOS
#define TARGET(op) TARGET_##op:
/* The opcode table has 256 entries (unused numbers lead to unknown_opcode), so the
 * byte taken from the code unit needs no range check. */
#define DISPATCH_GOTO()                                  \
    do {                                                 \
        KR_OPSTATS_COUNT(opcode);                        \
        goto *opcode_targets[opcode];                    \
    } while (0)
/* Tracing swaps the table DISPATCH goes through for one whose every entry is
 * trace_instruction: the untraced path pays no test for it. */
#define KR_SET_TRACING(on) (dispatch_table = (on) ? trace_targets : opcode_targets)
#define KR_TRACING() (dispatch_table != opcode_targets)
#define DISPATCH_NEXT()                                  \
    do {                                                 \
        KR_OPSTATS_COUNT(opcode);                        \
        goto *dispatch_table[opcode];                    \
    } while (0)
#else
#define TARGET(op) case op:
#define DISPATCH_GOTO() goto dispatch_opcode
#define KR_SET_TRACING(on) (tracing = (on))
#define KR_TRACING() (tracing)
#define DISPATCH_NEXT()                                  \
    do {                                                 \
        if (Py_UNLIKELY(tracing))                        \
            goto trace_instruction;                      \
        DISPATCH_GOTO();                                 \
    } while (0)
#endif

/* frame->instr_ptr always names the instruction being executed, so that tracebacks,
 * f_lineno and the exception table see it without extra bookkeeping on error paths. */
#define DISPATCH()                                       \
    do {                                                 \
        frame->instr_ptr = next_instr;                   \
        int word_ = *next_instr++;                       \
        opcode = word_ & 255;                            \
        oparg = word_ >> 8;                              \
        DISPATCH_NEXT();                                 \
    } while (0)

#define LOAD_FRAME_STATE()                               \
    do {                                                 \
        stack_pointer = _PyFrame_GetStackPointer(frame); \
        KR_SET_TRACING(tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL); \
    } while (0)
#define SAVE_STATE() _PyFrame_SetStackPointer(frame, stack_pointer)

#define CHECK_EVAL_BREAKER()                                        \
    do {                                                            \
        if (Py_UNLIKELY(tstate->interp->ceval.eval_breaker)) {      \
            SAVE_STATE();                                           \
            if (_Py_HandlePending(tstate) < 0)                      \
                goto error;                                         \
        }                                                           \
    } while (0)

/* Adaptive instructions: unit 0 of the inline cache counts down to a specialisation
 * attempt (SPECIALIZE may rewrite the instruction at next_instr[-1]; if it did, the new
 * form runs at once). Used at the top of a generic instruction, before anything else. */
#define KR_ADAPT(SPECIALIZE)                                                \
    do {                                                                    \
        if (Py_UNLIKELY(next_instr[0] == 0)) {                              \
            SPECIALIZE;                                                     \
            int new_op_ = _Py_OPCODE(next_instr[-1]);                       \
            if (new_op_ != opcode) {                                        \
                opcode = new_op_;                                           \
                DISPATCH_GOTO();                                            \
            }                                                               \
        }                                                                   \
        else {                                                              \
            next_instr[0]--;                                                \
        }                                                                   \
    } while (0)

/* A specialised instruction whose guard fails runs its generic form (skipping that
 * form's counter); after KR_MISS_BUDGET failures the site reverts to the generic form.
 * Only valid before the instruction has changed the stack or next_instr. */
#define KR_DEOPT_IF(cond, BASE)                                             \
    do {                                                                    \
        if (Py_UNLIKELY(cond)) {                                            \
            if (--next_instr[0] == 0) {                                     \
                next_instr[-1] = (_Py_CODEUNIT)((next_instr[-1] & 0xff00) | (BASE)); \
                next_instr[0] = KR_ADAPTIVE_BACKOFF;                        \
            }                                                               \
            goto generic_##BASE;                                            \
        }                                                                   \
    } while (0)

#define TOP() (stack_pointer[-1])
#define SECOND() (stack_pointer[-2])
#define PEEK(n) (stack_pointer[-(n)])
#define SET_TOP(v) (stack_pointer[-1] = (v))
#define PUSH(v) (*stack_pointer++ = (v))
#define POP() (*--stack_pointer)
#define STACK_SHRINK(n) (stack_pointer -= (n))
#define STACK_GROW(n) (stack_pointer += (n))
#define JUMPBY(n) (next_instr += (n))

#define GETLOCAL(i) (frame->localsplus[i])
#define SETLOCAL(i, v)                                   \
    do {                                                 \
        PyObject *tmp_ = GETLOCAL(i);                    \
        GETLOCAL(i) = (v);                               \
        Py_XDECREF(tmp_);                                \
    } while (0)

#define GETITEM(t, i) PyTuple_GET_ITEM((t), (i))
#define CONSTS() (frame->f_code->co_consts)
#define NAMES() (frame->f_code->co_names)
#define GLOBALS() (frame->f_globals)
#define BUILTINS() (frame->f_builtins)
#define LOCALS() (frame->f_locals)

#endif
