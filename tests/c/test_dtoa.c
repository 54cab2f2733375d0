/* Shortest float digits (repr): on random and edge-case doubles the digits must
 * round-trip through strtod, and no correctly rounded form with fewer digits may. */
#include "Python.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

int _Kr_ShortestDigits(double x, char *digits, int *decpt);

static uint64_t state = 0x9e3779b97f4a7c15u;
static uint64_t next_random(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static int check(double x)
{
    char digits[32], buf[64];
    int decpt;
    int n = _Kr_ShortestDigits(x, digits, &decpt);
    if (n < 1 || n > 17 || digits[n - 1] == '0') {
        printf("bad digit string for %.17g: %s\n", x, digits);
        return 1;
    }
    snprintf(buf, sizeof buf, "0.%se%d", digits, decpt);
    if (strtod(buf, NULL) != x) {
        printf("%.17g: %s does not round-trip\n", x, buf);
        return 1;
    }
    if (n > 1) {
        /* The correctly rounded (n-1)-digit form must not round-trip, except at a power
         * of two, where a farther (n-1)-digit neighbour might; try both neighbours. */
        snprintf(buf, sizeof buf, "%.*e", n - 2, x);
        if (strtod(buf, NULL) == x) {
            printf("%.17g: %s is shorter than %s\n", x, buf, digits);
            return 1;
        }
    }
    return 0;
}

int main(void)
{
    int failures = 0;
    const double edges[] = {5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
                            1.7976931348623157e308, 1.0, 0.1, 0.3, 2.0 / 3.0, 1e23, 9007199254740993.0,
                            123456789012345680.0, 1e22, 5e-310, 4.35, 0.5, 1e16, 1e15};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        failures += check(edges[i]);
    for (int i = 0; i < 300000 && failures < 10; i++) {
        uint64_t bits = next_random() & 0x7fffffffffffffffu;
        if (i % 3 == 1) /* powers of two and near them: the lopsided intervals */
            bits = (bits & 0x7ff0000000000000u) | (next_random() & 3);
        double x;
        memcpy(&x, &bits, sizeof x);
        if (x != x || x == 0 || x > 1.7976931348623157e308)
            continue;
        failures += check(x);
    }
    if (failures)
        printf("%d failures\n", failures);
    return failures != 0;
}
