/* The matching engine: a backtracking machine over the flat instruction list, with an
 * explicit stack of choice points and undo records so that no C recursion happens per
 * character or per nesting level. Captures, loop counters and lastindex are only changed
 * together with an undo record, which makes backtracking exact and lets atomic groups
 * and lookarounds discard choice points while keeping the undo records. */
#include "_sre_internal.h"
#include <string.h>

enum {
    BT_CHOICE = 0,      /* resume at pc with pos */
    BT_SLOT,            /* undo: slots[a] = pos */
    BT_REG,             /* undo: regs[2*pc] = pos, regs[2*pc+1] = a */
    BT_LASTINDEX,       /* undo: lastindex = pos */
    BT_REP1_GREEDY,     /* single-char loop at pc started at pos, currently a chars */
    BT_REP1_LAZY,
    BT_REP_LAZY,        /* lazy general loop at pc: try one more iteration at pos */
    BT_MARK_ATOMIC,
    BT_MARK_POS,        /* positive lookaround, saved position in pos */
    BT_MARK_NEG,        /* negative lookaround: on pop, succeed at pc with pos */
};

#define IS_UNDO(k) ((k) >= BT_SLOT && (k) <= BT_LASTINDEX)
#define IS_MARK(k) ((k) >= BT_MARK_ATOMIC)
/* Every this many steps the matcher lets signal handlers run, so that a pathological
 * pattern can be interrupted with Ctrl-C. */
#define CHECK_INTERVAL 0xFFFFF

static inline Py_UCS4 rd(const KrSubject *s, Py_ssize_t i)
{
    switch (s->kind) {
    case 1: return ((const Py_UCS1 *)s->data)[i];
    case 2: return ((const Py_UCS2 *)s->data)[i];
    default: return ((const Py_UCS4 *)s->data)[i];
    }
}

static inline int ascii_word(Py_UCS4 ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_';
}

static inline int uni_word(Py_UCS4 ch)
{
    if (ch < 128)
        return ascii_word(ch);
    return Py_UNICODE_ISALNUM(ch);
}

static inline int ascii_space(Py_UCS4 ch)
{
    return ch == ' ' || (ch >= 9 && ch <= 13);
}

static inline Py_UCS4 ascii_lower(Py_UCS4 ch)
{
    return (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
}

static inline Py_UCS4 ascii_upper(Py_UCS4 ch)
{
    return (ch >= 'a' && ch <= 'z') ? ch - 32 : ch;
}

static int category(int cat, Py_UCS4 ch)
{
    switch (cat) {
    case CAT_DIGIT: return ch < 128 ? (ch >= '0' && ch <= '9') : _PyUnicode_IsDecimalDigit(ch);
    case CAT_NOT_DIGIT: return !category(CAT_DIGIT, ch);
    case CAT_SPACE: return Py_UNICODE_ISSPACE(ch);
    case CAT_NOT_SPACE: return !Py_UNICODE_ISSPACE(ch);
    case CAT_WORD: return uni_word(ch);
    case CAT_NOT_WORD: return !uni_word(ch);
    case 6 + CAT_DIGIT: return ch >= '0' && ch <= '9';
    case 6 + CAT_NOT_DIGIT: return !(ch >= '0' && ch <= '9');
    case 6 + CAT_SPACE: return ascii_space(ch);
    case 6 + CAT_NOT_SPACE: return !ascii_space(ch);
    case 6 + CAT_WORD: return ascii_word(ch);
    case 6 + CAT_NOT_WORD: return !ascii_word(ch);
    }
    return 0;
}

static int class_raw(const KrClass *c, Py_UCS4 ch)
{
    for (Py_ssize_t i = 0; i < c->nranges; i++)
        if (ch >= c->ranges[2 * i] && ch <= c->ranges[2 * i + 1])
            return 1;
    for (int i = 0; i < c->ncats; i++)
        if (category(c->cats[i], ch))
            return 1;
    return 0;
}

static int class_slow(const KrClass *c, Py_UCS4 ch)
{
    int r = class_raw(c, ch);
    if (!r && c->icase == 1) {
        Py_UCS4 lo = _PyUnicode_ToLowercase(ch), up = _PyUnicode_ToUppercase(ch);
        r = (lo != ch && class_raw(c, lo)) || (up != ch && class_raw(c, up));
    }
    else if (!r && c->icase == 2) {
        Py_UCS4 lo = ascii_lower(ch), up = ascii_upper(ch);
        r = (lo != ch && class_raw(c, lo)) || (up != ch && class_raw(c, up));
    }
    return r ^ c->negate;
}

int _KrSre_BuildClass(KrClass *c, int isbytes)
{
    (void)isbytes;
    memset(c->bits, 0, sizeof(c->bits));
    for (Py_UCS4 ch = 0; ch < 256; ch++)
        if (class_slow(c, ch))
            c->bits[ch >> 5] |= 1u << (ch & 31);
    return 0;
}

int _KrSre_ClassMatch(const KrClass *c, Py_UCS4 ch)
{
    if (ch < 256)
        return (c->bits[ch >> 5] >> (ch & 31)) & 1;
    return class_slow(c, ch);
}

static inline int char_i(Py_UCS4 ch, Py_UCS4 lowarg)
{
    if (ch == lowarg)
        return 1;
    if (ch < 128 && lowarg < 128)
        return ascii_lower(ch) == lowarg;
    if (_PyUnicode_ToLowercase(ch) == lowarg)
        return 1;
    return _PyUnicode_ToUppercase(ch) == _PyUnicode_ToUppercase(lowarg);
}

/* Does the one-character item (op, arg) accept ch? */
static inline int one(const KrPatternObject *p, uint32_t op, uint32_t arg, Py_UCS4 ch)
{
    switch (op) {
    case OP_CHAR: return ch == arg;
    case OP_CHAR_I: return char_i(ch, arg);
    case OP_CHAR_IA: return ascii_lower(ch) == arg;
    case OP_ANY: return ch != '\n';
    case OP_ANY_ALL: return 1;
    case OP_SET: return _KrSre_ClassMatch(&p->classes[arg], ch);
    }
    return 0;
}

/* How many characters from pos (at most max) the item accepts in a row. */
static Py_ssize_t count_run(KrMatchState *st, uint32_t op, uint32_t arg, Py_ssize_t pos,
                            Py_ssize_t max)
{
    const KrSubject *s = st->subj;
    Py_ssize_t lim = st->end - pos;
    if (max < lim)
        lim = max;
    Py_ssize_t n = 0;
    if (op == OP_ANY_ALL)
        return lim;
    if (s->kind == 1) {
        const Py_UCS1 *d = (const Py_UCS1 *)s->data + pos;
        switch (op) {
        case OP_CHAR:
            while (n < lim && d[n] == arg)
                n++;
            return n;
        case OP_ANY:
            while (n < lim && d[n] != '\n')
                n++;
            return n;
        case OP_SET: {
            const uint32_t *bits = st->pat->classes[arg].bits;
            while (n < lim && ((bits[d[n] >> 5] >> (d[n] & 31)) & 1))
                n++;
            return n;
        }
        }
    }
    while (n < lim && one(st->pat, op, arg, rd(s, pos + n)))
        n++;
    return n;
}

static int grow(KrMatchState *st)
{
    size_t ncap = st->cap ? st->cap * 2 : 256;
    if (ncap > ((size_t)1 << 31)) {
        PyErr_SetString(PyExc_RecursionError, "maximum recursion limit exceeded");
        return -1;
    }
    KrBtEntry *n = PyMem_Realloc(st->stack, ncap * sizeof(KrBtEntry));
    if (n == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    st->stack = n;
    st->cap = ncap;
    return 0;
}

#define PUSH(K, PC, POS, A)                                                  \
    do {                                                                     \
        if (st->sp == st->cap && grow(st) < 0)                               \
            return -1;                                                       \
        KrBtEntry *e_ = &st->stack[st->sp++];                                \
        e_->kind = (K);                                                      \
        e_->pc = (uint32_t)(PC);                                             \
        e_->pos = (POS);                                                     \
        e_->a = (A);                                                         \
    } while (0)

int _KrSre_StateInit(KrMatchState *st, KrPatternObject *pat, const KrSubject *subj,
                     Py_ssize_t end)
{
    memset(st, 0, sizeof(*st));
    st->pat = pat;
    st->subj = subj;
    st->end = end;
    size_t nslots = 2 * (size_t)(pat->groups + 1);
    st->slots = PyMem_Malloc((nslots + 2 * (size_t)pat->nregs + 1) * sizeof(Py_ssize_t));
    if (st->slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    st->regs = st->slots + nslots;
    return 0;
}

void _KrSre_StateFini(KrMatchState *st)
{
    PyMem_Free(st->slots);
    PyMem_Free(st->stack);
    st->slots = NULL;
    st->stack = NULL;
}

static void undo(KrMatchState *st, const KrBtEntry *e)
{
    switch (e->kind) {
    case BT_SLOT: st->slots[e->a] = e->pos; break;
    case BT_REG: st->regs[2 * e->pc] = e->pos; st->regs[2 * e->pc + 1] = e->a; break;
    case BT_LASTINDEX: st->lastindex = e->pos; break;
    }
}

/* Index of the innermost open atomic/lookaround marker. */
static size_t find_mark(KrMatchState *st)
{
    size_t i = st->sp;
    while (i > 0) {
        i--;
        if (IS_MARK(st->stack[i].kind))
            return i;
    }
    return (size_t)-1;
}

/* Drops choice points above marker m and the marker itself, keeping undo records. */
static void cut(KrMatchState *st, size_t m)
{
    size_t w = m;
    for (size_t i = m + 1; i < st->sp; i++)
        if (IS_UNDO(st->stack[i].kind))
            st->stack[w++] = st->stack[i];
    st->sp = w;
}

static int at_ok(KrMatchState *st, uint32_t kind, Py_ssize_t pos)
{
    const KrSubject *s = st->subj;
    Py_ssize_t end = st->end;
    int before, after;
    switch (kind) {
    case AT_BOS: return pos == 0;
    case AT_BOL_M: return pos == 0 || rd(s, pos - 1) == '\n';
    case AT_EOS: return pos == end;
    case AT_EOL: return pos == end || (pos == end - 1 && rd(s, pos) == '\n');
    case AT_EOL_M: return pos == end || rd(s, pos) == '\n';
    case AT_NWORDB_U: case AT_NWORDB_A:
        /* CPython: \B never matches inside an empty string */
        if (end == 0)
            return 0;
        /* fall through */
    case AT_WORDB_U: case AT_WORDB_A:
        if (kind == AT_WORDB_A || kind == AT_NWORDB_A) {
            before = pos > 0 && ascii_word(rd(s, pos - 1));
            after = pos < end && ascii_word(rd(s, pos));
            return (before != after) == (kind == AT_WORDB_A);
        }
        before = pos > 0 && uni_word(rd(s, pos - 1));
        after = pos < end && uni_word(rd(s, pos));
        return (before != after) == (kind == AT_WORDB_U);
    }
    return 0;
}

static int bref_ok(KrMatchState *st, uint32_t g, uint32_t mode, Py_ssize_t pos,
                   Py_ssize_t *newpos)
{
    Py_ssize_t a = st->slots[2 * g], b = st->slots[2 * g + 1];
    if (a < 0 || b < 0 || b < a)
        return 0;
    Py_ssize_t n = b - a;
    if (pos + n > st->end)
        return 0;
    const KrSubject *s = st->subj;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 x = rd(s, a + i), y = rd(s, pos + i);
        if (x == y)
            continue;
        if (mode == 1 && char_i(y, _PyUnicode_ToLowercase(x)))
            continue;
        if (mode == 2 && ascii_lower(x) == ascii_lower(y))
            continue;
        return 0;
    }
    *newpos = pos + n;
    return 1;
}

/* The core loop. Returns 1 with slots[0..1] set on success, 0 on failure. */
static int run(KrMatchState *st, Py_ssize_t start)
{
    KrPatternObject *p = st->pat;
    const uint32_t *code = p->code;
    const KrSubject *s = st->subj;
    Py_ssize_t end = st->end;
    Py_ssize_t nslots = 2 * (p->groups + 1);
    for (Py_ssize_t i = 0; i < nslots; i++)
        st->slots[i] = -1;
    st->lastindex = -1;
    st->sp = 0;
    Py_ssize_t pos = start;
    uint32_t pc = 0;

    for (;;) {
        if ((++st->steps & CHECK_INTERVAL) == 0 && PyErr_CheckSignals() < 0)
            return -1;
        uint32_t op = code[pc];
        switch (op) {
        case OP_CHAR:
            if (pos < end && rd(s, pos) == code[pc + 1]) {
                pos++;
                pc += 2;
                continue;
            }
            goto fail;
        case OP_CHAR_I: case OP_CHAR_IA: case OP_ANY: case OP_ANY_ALL: case OP_SET:
            if (pos < end && one(p, op, code[pc + 1], rd(s, pos))) {
                pos++;
                pc += 2;
                continue;
            }
            goto fail;
        case OP_AT:
            if (at_ok(st, code[pc + 1], pos)) {
                pc += 2;
                continue;
            }
            goto fail;
        case OP_SPLIT:
            PUSH(BT_CHOICE, code[pc + 2], pos, 0);
            pc = code[pc + 1];
            continue;
        case OP_JMP:
            pc = code[pc + 1];
            continue;
        case OP_SAVE: {
            uint32_t slot = code[pc + 1];
            PUSH(BT_SLOT, 0, st->slots[slot], slot);
            st->slots[slot] = pos;
            if (slot & 1) {
                PUSH(BT_LASTINDEX, 0, st->lastindex, 0);
                st->lastindex = slot / 2;
            }
            pc += 2;
            continue;
        }
        case OP_BREF:
            if (bref_ok(st, code[pc + 1], code[pc + 2], pos, &pos)) {
                pc += 3;
                continue;
            }
            goto fail;
        case OP_REP1: {
            Py_ssize_t min = code[pc + 1];
            Py_ssize_t max = code[pc + 2] == SRE_UNBOUNDED ? PY_SSIZE_T_MAX
                                                            : (Py_ssize_t)code[pc + 2];
            uint32_t mode = code[pc + 3], next = code[pc + 4];
            uint32_t iop = code[pc + 5], iarg = code[pc + 6];
            if (mode == 1) {
                Py_ssize_t n = count_run(st, iop, iarg, pos, min);
                if (n < min)
                    goto fail;
                if (min < max)
                    PUSH(BT_REP1_LAZY, pc, pos, min);
                pos += min;
                pc = next;
                continue;
            }
            Py_ssize_t n = count_run(st, iop, iarg, pos, max);
            if (n < min)
                goto fail;
            if (mode == 0 && n > min) {
                if (code[next] == OP_CHAR) {
                    /* skip counts after which the following literal cannot match */
                    Py_UCS4 c = code[next + 1];
                    while (n > min && (pos + n >= end || rd(s, pos + n) != c))
                        n--;
                }
                else if (code[next] == OP_SUCCESS && !st->fullmatch && !st->must_advance) {
                    pos += n;
                    pc = next;
                    continue;
                }
                if (n > min)
                    PUSH(BT_REP1_GREEDY, pc, pos, n);
            }
            pos += n;
            pc = next;
            continue;
        }
        case OP_REP_INIT: {
            uint32_t r = code[pc + 1];
            PUSH(BT_REG, r, st->regs[2 * r], st->regs[2 * r + 1]);
            st->regs[2 * r] = 0;
            st->regs[2 * r + 1] = -1;
            pc += 2;
            continue;
        }
        case OP_REP_LOOP: {
            /* Like CPython, an optional iteration (count >= min) is not attempted at
             * the position where the previous optional iteration started: this stops
             * empty bodies from looping and keeps CPython's choice order. */
            uint32_t r = code[pc + 1];
            Py_ssize_t cnt = st->regs[2 * r];
            Py_ssize_t min = code[pc + 2];
            Py_ssize_t max = code[pc + 3] == SRE_UNBOUNDED ? PY_SSIZE_T_MAX
                                                            : (Py_ssize_t)code[pc + 3];
            uint32_t mode = code[pc + 4], exit = code[pc + 5];
            if (cnt < min) {
                pc += 6;
                continue;
            }
            if (cnt >= max) {
                pc = exit;
                continue;
            }
            if (mode == 1) {
                PUSH(BT_REP_LAZY, pc, pos, 0);
                pc = exit;
                continue;
            }
            if (pos == st->regs[2 * r + 1]) {
                pc = exit;
                continue;
            }
            PUSH(BT_CHOICE, exit, pos, 0);
            PUSH(BT_REG, r, cnt, st->regs[2 * r + 1]);
            st->regs[2 * r + 1] = pos;
            pc += 6;
            continue;
        }
        case OP_REP_END: {
            uint32_t r = code[pc + 1];
            PUSH(BT_REG, r, st->regs[2 * r], st->regs[2 * r + 1]);
            st->regs[2 * r]++;
            pc = code[pc + 2];
            continue;
        }
        case OP_ATOMIC:
            PUSH(BT_MARK_ATOMIC, 0, pos, 0);
            pc += 1;
            continue;
        case OP_ATOMIC_END: {
            size_t m = find_mark(st);
            if (m != (size_t)-1)
                cut(st, m);
            pc += 1;
            continue;
        }
        case OP_LOOK: {
            uint32_t kind = code[pc + 1];
            Py_ssize_t width = code[pc + 2];
            uint32_t next = code[pc + 3];
            if (kind >= 2 && pos - width < 0) {
                if (kind == 3) {
                    pc = next;
                    continue;
                }
                goto fail;
            }
            if (kind & 1)
                PUSH(BT_MARK_NEG, next, pos, 0);
            else
                PUSH(BT_MARK_POS, 0, pos, 0);
            if (kind >= 2)
                pos -= width;
            pc += 4;
            continue;
        }
        case OP_LOOK_END: {
            size_t m = find_mark(st);
            if (m == (size_t)-1)
                goto fail;
            pos = st->stack[m].pos;
            if (code[pc + 1] & 1) {
                /* the negated body matched: unwind it completely and fail */
                while (st->sp > m + 1) {
                    st->sp--;
                    undo(st, &st->stack[st->sp]);
                }
                st->sp = m;
                goto fail;
            }
            cut(st, m);
            pc += 2;
            continue;
        }
        case OP_COND: {
            uint32_t g = code[pc + 1];
            if (g <= (uint32_t)p->groups && st->slots[2 * g] >= 0 && st->slots[2 * g + 1] >= 0)
                pc += 3;
            else
                pc = code[pc + 2];
            continue;
        }
        case OP_SUCCESS:
            if (st->fullmatch && pos != end)
                goto fail;
            if (st->must_advance && pos == start && start == st->search_start)
                goto fail;
            st->slots[0] = start;
            st->slots[1] = pos;
            return 1;
        case OP_FAIL:
        default:
            goto fail;
        }

    fail:
        for (;;) {
            if (st->sp == 0)
                return 0;
            KrBtEntry *e = &st->stack[--st->sp];
            switch (e->kind) {
            case BT_CHOICE:
                pc = e->pc;
                pos = e->pos;
                break;
            case BT_SLOT: case BT_REG: case BT_LASTINDEX:
                undo(st, e);
                continue;
            case BT_REP1_GREEDY: {
                uint32_t rp = e->pc;
                Py_ssize_t min = code[rp + 1];
                uint32_t next = code[rp + 4];
                Py_ssize_t n = e->a - 1, base = e->pos;
                if (code[next] == OP_CHAR) {
                    Py_UCS4 c = code[next + 1];
                    while (n > min && (base + n >= end || rd(s, base + n) != c))
                        n--;
                    if (n == min && (base + n >= end || rd(s, base + n) != c))
                        continue;
                }
                if (n > min) {
                    e->a = n;
                    st->sp++;
                }
                pos = base + n;
                pc = next;
                break;
            }
            case BT_REP1_LAZY: {
                uint32_t rp = e->pc;
                Py_ssize_t max = code[rp + 2] == SRE_UNBOUNDED ? PY_SSIZE_T_MAX
                                                                : (Py_ssize_t)code[rp + 2];
                Py_ssize_t n = e->a, base = e->pos;
                if (n >= max || base + n >= end ||
                    !one(p, code[rp + 5], code[rp + 6], rd(s, base + n)))
                    continue;
                n++;
                if (n < max) {
                    e->a = n;
                    st->sp++;
                }
                pos = base + n;
                pc = code[rp + 4];
                break;
            }
            case BT_REP_LAZY: {
                uint32_t lp = e->pc, r = code[lp + 1];
                if (e->pos == st->regs[2 * r + 1])
                    continue;
                pos = e->pos;
                e->kind = BT_REG;
                e->pc = r;
                e->pos = st->regs[2 * r];
                e->a = st->regs[2 * r + 1];
                st->sp++;
                st->regs[2 * r + 1] = pos;
                pc = lp + 6;
                break;
            }
            case BT_MARK_NEG:
                pc = e->pc;
                pos = e->pos;
                break;
            default:
                continue;
            }
            break;
        }
    }
}

int _KrSre_Match(KrMatchState *st, Py_ssize_t start)
{
    st->search_start = start;
    if (start > st->end)
        return 0;
    return run(st, start);
}

int _KrSre_Search(KrMatchState *st, Py_ssize_t start)
{
    KrPatternObject *p = st->pat;
    const KrSubject *s = st->subj;
    Py_ssize_t end = st->end;
    st->search_start = start;
    if (start > end)
        return 0;
    if (p->anchored)
        return run(st, start);
    if (p->nprefix > 0) {
        Py_UCS4 c0 = p->prefix[0];
        Py_ssize_t np = p->nprefix;
        for (Py_ssize_t i = start; i + np <= end; i++) {
            if (s->kind == 1) {
                if (c0 > 255)
                    return 0;
                const Py_UCS1 *d = (const Py_UCS1 *)s->data;
                const void *hit = memchr(d + i, (int)c0, (size_t)(end - np + 1 - i));
                if (hit == NULL)
                    return 0;
                i = (const Py_UCS1 *)hit - d;
            }
            else if (rd(s, i) != c0)
                continue;
            Py_ssize_t k = 1;
            while (k < np && rd(s, i + k) == p->prefix[k])
                k++;
            if (k < np)
                continue;
            int r = run(st, i);
            if (r != 0)
                return r;
        }
        return 0;
    }
    if (p->firstset >= 0) {
        const KrClass *c = &p->classes[p->firstset];
        for (Py_ssize_t i = start; i < end; i++) {
            if (s->kind == 1) {
                const Py_UCS1 *d = (const Py_UCS1 *)s->data;
                while (i < end && !((c->bits[d[i] >> 5] >> (d[i] & 31)) & 1))
                    i++;
                if (i >= end)
                    break;
            }
            else if (!_KrSre_ClassMatch(c, rd(s, i)))
                continue;
            int r = run(st, i);
            if (r != 0)
                return r;
        }
        return 0;
    }
    for (Py_ssize_t i = start; i <= end; i++) {
        int r = run(st, i);
        if (r != 0)
            return r;
    }
    return 0;
}
