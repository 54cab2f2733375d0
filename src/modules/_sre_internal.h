/* Shared definitions of the regular-expression engine (_sre module). The pattern is
 * parsed and lowered to a flat instruction list by lib/re/_parser.py and
 * lib/re/_compiler.py; the opcode numbers below must match _compiler.py. */
#ifndef KR_SRE_INTERNAL_H
#define KR_SRE_INTERNAL_H
#include "Python.h"
#include <stdint.h>

enum {
    OP_FAIL = 0, OP_SUCCESS, OP_CHAR, OP_CHAR_I, OP_CHAR_IA, OP_ANY, OP_ANY_ALL, OP_SET,
    OP_AT, OP_SPLIT, OP_JMP, OP_SAVE, OP_BREF, OP_REP1, OP_REP_INIT, OP_REP_LOOP,
    OP_REP_END, OP_ATOMIC, OP_ATOMIC_END, OP_LOOK, OP_LOOK_END, OP_COND, OP__COUNT
};

/* OP_AT kinds */
enum { AT_BOS = 0, AT_BOL_M, AT_EOS, AT_EOL, AT_EOL_M, AT_WORDB_U, AT_NWORDB_U,
       AT_WORDB_A, AT_NWORDB_A };

/* Category codes inside classes: +6 selects the ASCII variant. */
enum { CAT_DIGIT = 0, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD };

#define SRE_UNBOUNDED 0xFFFFFFFFu
#define SRE_FLAG_IGNORECASE 2
#define SRE_FLAG_LOCALE 4
#define SRE_FLAG_MULTILINE 8
#define SRE_FLAG_DOTALL 16
#define SRE_FLAG_UNICODE 32
#define SRE_FLAG_VERBOSE 64
#define SRE_FLAG_DEBUG 128
#define SRE_FLAG_ASCII 256

typedef struct {
    uint32_t bits[8];        /* answer (negation and case folding applied) for ch < 256 */
    int negate;
    int icase;               /* 0 none, 1 Unicode folding, 2 ASCII folding */
    Py_ssize_t nranges;      /* pairs in ranges */
    Py_UCS4 *ranges;
    int ncats;
    int cats[12];
} KrClass;

typedef struct {
    PyObject_HEAD
    PyObject *pattern;       /* str, bytes or None */
    PyObject *groupindex;    /* dict name -> index */
    PyObject *indexgroup;    /* tuple index -> name, or None */
    Py_ssize_t groups;
    long flags;
    int isbytes;
    uint32_t *code;
    Py_ssize_t ncode;
    KrClass *classes;
    Py_ssize_t nclasses;
    Py_ssize_t nregs;
    Py_UCS4 *prefix;
    Py_ssize_t nprefix;
    Py_ssize_t firstset;     /* class every match starts with, or -1 */
    int anchored;            /* matches can only start at position 0 */
    PyObject *weakreflist;
} KrPatternObject;

/* The text being matched: a str (any kind) or a contiguous buffer. */
typedef struct {
    PyObject *obj;
    Py_buffer view;
    int hasview;
    int kind;                /* 1, 2 or 4 bytes per character */
    const void *data;
    Py_ssize_t length;
} KrSubject;

typedef struct {
    int32_t kind;
    uint32_t pc;
    Py_ssize_t pos;
    Py_ssize_t a;
} KrBtEntry;

typedef struct {
    KrPatternObject *pat;
    const KrSubject *subj;
    Py_ssize_t end;          /* endpos: characters at or after it are invisible */
    Py_ssize_t *slots;       /* 2 * (groups + 1) */
    Py_ssize_t *regs;        /* 2 * nregs: iteration count, position of last iteration */
    Py_ssize_t lastindex;
    KrBtEntry *stack;
    size_t sp, cap;
    int fullmatch;
    int must_advance;        /* an empty match at search_start is not acceptable */
    Py_ssize_t search_start;
    unsigned long steps;
} KrMatchState;

typedef struct {
    PyObject_VAR_HEAD
    PyObject *string;
    KrPatternObject *pattern;
    Py_ssize_t pos, endpos;
    Py_ssize_t lastindex;    /* -1 when no group matched */
    Py_ssize_t marks[1];     /* 2 * (groups + 1) positions, -1 when unset */
} KrMatchObject;

extern PyTypeObject KrPattern_Type;
extern PyTypeObject KrMatch_Type;
extern PyTypeObject KrScanner_Type;

/* _sre_engine.c */
int _KrSre_BuildClass(KrClass *cls, int isbytes);
int _KrSre_ClassMatch(const KrClass *cls, Py_UCS4 ch);
int _KrSre_StateInit(KrMatchState *st, KrPatternObject *pat, const KrSubject *subj,
                     Py_ssize_t end);
void _KrSre_StateFini(KrMatchState *st);
/* Tries to match at exactly `start`; 1 matched (slots filled), 0 no, -1 error. */
int _KrSre_Match(KrMatchState *st, Py_ssize_t start);
/* Finds the leftmost match at or after `start`; same results as _KrSre_Match. */
int _KrSre_Search(KrMatchState *st, Py_ssize_t start);

/* _sre_pattern.c */
int _KrSre_GetSubject(KrPatternObject *pat, PyObject *string, KrSubject *subj);
void _KrSre_ReleaseSubject(KrSubject *subj);
PyObject *_KrSre_Slice(const KrSubject *subj, Py_ssize_t i, Py_ssize_t j);

/* _sre_matchobj.c */
PyObject *_KrSre_NewMatch(KrPatternObject *pat, const KrSubject *subj, KrMatchState *st,
                          Py_ssize_t pos, Py_ssize_t endpos);
PyObject *_KrSre_NewScanner(KrPatternObject *pat, PyObject *string, Py_ssize_t pos,
                            Py_ssize_t endpos);
PyObject *_KrSre_MatchGroup(KrMatchObject *m, Py_ssize_t g, PyObject *dflt);

#endif
