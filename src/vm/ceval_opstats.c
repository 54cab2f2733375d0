/* Dynamic opcode counts for profile-guided work on the eval loop. Compiled to nothing
 * unless the build defines KR_OPSTATS (make BUILD=build/stats OPT="-O2 -DKR_OPSTATS");
 * such a build prints, at exit, every opcode with its share of all dispatches, and the
 * most frequent consecutive pairs (candidates for superinstructions). The counters are
 * deliberately process-wide and unsynchronised: this is a measuring build, not Krait. */
#include "Python.h"
#include "internal/pycore_opcode.h"

#ifdef KR_OPSTATS
#include <stdio.h>
#include <stdlib.h>

static unsigned long long kr_opstats[256];
static unsigned long long kr_pairstats[256][256];
static int kr_prev_op;
static int kr_registered;

typedef struct {
    unsigned long long n;
    int a, b;
} kr_stat_row;

static int row_cmp(const void *x, const void *y)
{
    const kr_stat_row *p = x, *q = y;
    return p->n < q->n ? 1 : p->n > q->n ? -1 : 0;
}

static void opstats_dump(void)
{
    static kr_stat_row rows[256 * 256];
    unsigned long long total = 0;
    int n = 0;
    for (int i = 0; i < 256; i++) {
        total += kr_opstats[i];
        if (kr_opstats[i])
            rows[n++] = (kr_stat_row){kr_opstats[i], i, -1};
    }
    if (total == 0)
        return;
    qsort(rows, (size_t)n, sizeof rows[0], row_cmp);
    fprintf(stderr, "opcode counts (%llu dispatches)\n", total);
    for (int i = 0; i < n; i++) {
        const char *name = _KrOpcode_Name(rows[i].a);
        fprintf(stderr, "%10llu %5.2f%% %s\n", rows[i].n, 100.0 * (double)rows[i].n / (double)total,
                name ? name : "?");
    }
    n = 0;
    for (int i = 0; i < 256; i++)
        for (int j = 0; j < 256; j++)
            if (kr_pairstats[i][j])
                rows[n++] = (kr_stat_row){kr_pairstats[i][j], i, j};
    qsort(rows, (size_t)n, sizeof rows[0], row_cmp);
    fprintf(stderr, "top pairs\n");
    for (int i = 0; i < n && i < 40; i++) {
        const char *a = _KrOpcode_Name(rows[i].a), *b = _KrOpcode_Name(rows[i].b);
        fprintf(stderr, "%10llu %5.2f%% %s -> %s\n", rows[i].n,
                100.0 * (double)rows[i].n / (double)total, a ? a : "?", b ? b : "?");
    }
}

void _KrOpStats_Count(int opcode)
{
    if (!kr_registered) {
        kr_registered = 1;
        atexit(opstats_dump);
    }
    kr_opstats[opcode & 255]++;
    kr_pairstats[kr_prev_op][opcode & 255]++;
    kr_prev_op = opcode & 255;
}
#else
/* ISO C forbids an empty translation unit. */
typedef int kr_opstats_unused;
#endif
