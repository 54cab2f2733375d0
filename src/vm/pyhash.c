/* Hashing of byte strings (siphash13) and pointers, keyed like CPython so that
 * PYTHONHASHSEED=N reproduces CPython's hash values and therefore set/dict orders. */
#include "Python.h"
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

static inline uint64_t rotl64(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

#define SIP_ROUND(v0, v1, v2, v3)                                   \
    do {                                                            \
        v0 += v1; v1 = rotl64(v1, 13); v1 ^= v0; v0 = rotl64(v0, 32); \
        v2 += v3; v3 = rotl64(v3, 16); v3 ^= v2;                    \
        v0 += v3; v3 = rotl64(v3, 21); v3 ^= v0;                    \
        v2 += v1; v1 = rotl64(v1, 17); v1 ^= v2; v2 = rotl64(v2, 32); \
    } while (0)

static uint64_t load_le64(const uint8_t *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t r;
    memcpy(&r, p, sizeof r);
    return r;
#else
    uint64_t r = 0;
    for (int i = 7; i >= 0; i--)
        r = (r << 8) | p[i];
    return r;
#endif
}

static uint64_t siphash13(uint64_t k0, uint64_t k1, const uint8_t *in, Py_ssize_t n)
{
    uint64_t b = (uint64_t)n << 56;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    while (n >= 8) {
        uint64_t m = load_le64(in);
        in += 8;
        n -= 8;
        v3 ^= m;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    uint64_t t = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--)
        t = (t << 8) | in[i];
    b |= t;
    v3 ^= b;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

Py_hash_t _Py_HashBytes(const void *src, Py_ssize_t len)
{
    if (len == 0)
        return 0;
    uint64_t h = siphash13(_PyRuntime.hash.k0, _PyRuntime.hash.k1, (const uint8_t *)src, len);
    Py_hash_t x = (Py_hash_t)h;
    if (x == -1)
        x = -2;
    return x;
}

Py_hash_t _Py_HashPointerRaw(const void *p)
{
    /* Low bits of pointers are always zero because of alignment: rotate them away. */
    size_t y = (size_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    return (Py_hash_t)y;
}

Py_hash_t _Py_HashPointer(const void *p)
{
    Py_hash_t x = _Py_HashPointerRaw(p);
    if (x == -1)
        x = -2;
    return x;
}

Py_hash_t Py_HashPointer(const void *p) { return _Py_HashPointer(p); }

/* CPython fills its 24-byte secret from a linear congruential generator seeded with the
 * decimal PYTHONHASHSEED value; the siphash key is the first 16 bytes of that secret. */
static void lcg_fill(unsigned long seed, uint8_t *buf, size_t n)
{
    uint32_t x = (uint32_t)seed;
    for (size_t i = 0; i < n; i++) {
        x = x * 214013u + 2531011u;
        buf[i] = (uint8_t)((x >> 16) & 0xff);
    }
}

/* getrandom(2) costs one system call; opening /dev/urandom through stdio costs several
 * plus a buffer, which matters because every start-up pays it.  The device stays as the
 * fallback for kernels or sandboxes without the call. */
static int random_fill_syscall(uint8_t *buf, size_t n)
{
#if defined(__linux__) && defined(SYS_getrandom)
    size_t got = 0;
    while (got < n) {
        long r = syscall(SYS_getrandom, buf + got, n - got, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        got += (size_t)r;
    }
    return 0;
#else
    (void)buf;
    (void)n;
    return -1;
#endif
}

static int random_fill_device(uint8_t *buf, size_t n)
{
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    return got == n ? 0 : -1;
}

static int random_fill(uint8_t *buf, size_t n)
{
    int saved_errno = errno;
    int ok = random_fill_syscall(buf, n) == 0 || random_fill_device(buf, n) == 0;
    errno = saved_errno;
    if (ok)
        return 0;
    /* Fall back to something that varies between runs rather than failing start-up. */
    uint64_t s = (uint64_t)(uintptr_t)buf ^ (uint64_t)time(NULL);
    for (size_t i = 0; i < n; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        buf[i] = (uint8_t)(s >> 56);
    }
    return 0;
}

int _Py_HashRandomization_Init(const char *seed_text)
{
    uint8_t secret[24];
    memset(secret, 0, sizeof(secret));
    if (seed_text == NULL || seed_text[0] == '\0' || strcmp(seed_text, "random") == 0) {
        _PyRuntime.hash.use_hash_seed = 0;
        _PyRuntime.hash.hash_seed = 0;
        random_fill(secret, sizeof(secret));
    }
    else {
        char *end;
        errno = 0;
        unsigned long seed = strtoul(seed_text, &end, 10);
        if (*end != '\0' || errno != 0 || seed > 4294967295UL)
            return -1;
        _PyRuntime.hash.use_hash_seed = 1;
        _PyRuntime.hash.hash_seed = seed;
        if (seed != 0)
            lcg_fill(seed, secret, sizeof(secret));
    }
    _PyRuntime.hash.k0 = load_le64(secret);
    _PyRuntime.hash.k1 = load_le64(secret + 8);
    _PyRuntime.hash.expat_salt = load_le64(secret + 16);
    return 0;
}
