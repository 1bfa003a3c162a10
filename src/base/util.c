/* util.c: assertions, status strings, diagnostics, hashing and date parsing:
 * the small pieces every stage uses. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

_Noreturn void dyad_assert_fail(const char *expr, const char *file, int line)
{
    fprintf(stderr, "dyad: internal error: assertion '%s' failed at %s:%d\n",
            expr, file, line);
    abort();
}

const char *dyad_status_str(dyad_status status)
{
    switch (status) {
    case DYAD_OK: return "success";
    case DYAD_ENOMEM: return "out of memory";
    case DYAD_EIO: return "input/output error";
    case DYAD_EFORMAT: return "malformed input";
    case DYAD_EINVAL: return "invalid argument";
    case DYAD_ELIMIT: return "input exceeds a limit";
    case DYAD_EEND: return "end of input";
    }
    return "unknown status";
}

const char *dyad_version(void)
{
    return DYAD_VERSION_STRING;
}

void dyad_free(void *ptr)
{
    free(ptr);
}

void diag_emit(dyad_diag_fn fn, void *ud, dyad_severity sev, const char *file,
               long line, long offset, const char *fmt, ...)
{
    if (!fn)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dyad_diag d = {sev, file, line, offset, msg};
    fn(&d, ud);
}

/* FNV-1a, 64 bit: short keys (words, codes) dominate, where it is fast. */
uint64_t hash_bytes(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int32_t date_check(int y, int m, int d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return 0;
    return (int32_t)(y * 10000 + m * 100 + d);
}

int32_t date_parse(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    if (len >= 10 && s[4] == '-' && s[7] == '-' &&
        (len == 10 || s[10] == 'T' || s[10] == ' '))
        return date_check(digits(s, 4), digits(s + 5, 2), digits(s + 8, 2));
    if (len >= 8 && digits(s, 8) >= 0 &&
        (len == 8 || s[8] == 'T' || s[8] == ' '))
        return date_check(digits(s, 4), digits(s + 4, 2), digits(s + 6, 2));
    return 0;
}
