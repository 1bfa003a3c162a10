/* normalize.c: the one normalization that text tokens and dictionary words
 * share, so that they meet in the same form: NFKC (utf8proc), letters upper
 * case, curly quotes and apostrophes folded to ASCII ' and ", dash
 * punctuation folded to '-', default-ignorable code points (soft hyphen,
 * zero-width joiners) dropped, invalid UTF-8 bytes replaced by U+FFFD.
 * ASCII input, most of the news, takes a table-free fast path. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text_internal.h"

bool text_norm_reserve(norm_out *o, size_t extra)
{
    if (o->failed)
        return false;
    if (o->cap - o->len >= extra)
        return true;
    size_t cap = o->cap ? o->cap : 256;
    while (cap - o->len < extra) {
        if (cap > SIZE_MAX / 2) {
            o->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *p;
    if (o->a) {
        /* Arena memory cannot grow in place; the old copy is dropped with
         * the arena, at most doubling what the document needs. */
        p = arena_alloc(o->a, cap);
        if (p && o->len)
            memcpy(p, o->p, o->len);
    } else {
        p = realloc(o->p, cap);
    }
    if (!p) {
        o->failed = true;
        return false;
    }
    o->p = p;
    o->cap = cap;
    return true;
}

static int32_t fold_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    switch (text_cp_class(cp)) {
    case CP_DQUOTE: return '"';
    case CP_SQUOTE: return '\'';
    case CP_HYPHEN: case CP_DASH: return '-';
    default: break;
    }
    if (cp == 0x02BC || cp == 0x00B4)   /* modifier apostrophe, acute accent */
        return '\'';
    return utf8proc_toupper(cp);
}

/* Copies s with every invalid byte replaced by U+FFFD (EF BF BD), for
 * utf8proc, which rejects invalid input outright. Uses small (cap bytes)
 * when it is large enough, else malloc (the caller frees what is not
 * small). */
static char *sanitize(const char *s, size_t len, size_t *out_len, char *small,
                      size_t cap)
{
    if (len > SIZE_MAX / 3)
        return NULL;
    char *d = len * 3 + 1 <= cap ? small : malloc(len * 3 + 1);
    if (!d)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; i < len;) {
        size_t adv;
        if (text_utf8_decode((const unsigned char *)s + i, len - i, &adv) < 0) {
            memcpy(d + j, "\xEF\xBF\xBD", 3);
            j += 3;
        } else {
            memcpy(d + j, s + i, adv);
            j += adv;
        }
        i += adv;
    }
    *out_len = j;
    return d;
}

static void norm_slow(norm_out *o, const char *s, size_t len)
{
    const utf8proc_option_t dopt =
        UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_IGNORE;
    char *clean = NULL, small[512];
    if (text_utf8_check(s, len, NULL)) {
        clean = sanitize(s, len, &len, small, sizeof small);
        if (!clean) {
            o->failed = true;
            return;
        }
        s = clean;
    }
    int32_t stack[256], *cps = stack;
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s,
                                            (utf8proc_ssize_t)len, cps,
                                            DYAD_COUNT(stack), dopt);
    if (n > (utf8proc_ssize_t)DYAD_COUNT(stack)) {
        cps = malloc((size_t)n * sizeof *cps);
        if (cps)
            n = utf8proc_decompose((const utf8proc_uint8_t *)s,
                                   (utf8proc_ssize_t)len, cps, n, dopt);
    }
    if (!cps || n < 0) {
        /* Cannot happen for sanitized input short of memory exhaustion. */
        o->failed = true;
        goto done;
    }
    for (utf8proc_ssize_t i = 0; i < n; i++)
        cps[i] = fold_cp(cps[i]);
    n = utf8proc_normalize_utf32(cps, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (n < 0 || !text_norm_reserve(o, (size_t)n * 4)) {
        o->failed = true;
        goto done;
    }
    for (utf8proc_ssize_t i = 0; i < n; i++)
        o->len += (size_t)utf8proc_encode_char(
            cps[i], (utf8proc_uint8_t *)o->p + o->len);
done:
    if (cps != stack)
        free(cps);
    if (clean != small)
        free(clean);
}

void text_norm_append(norm_out *o, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && !((unsigned char)s[i] & 0x80))
        i++;
    if (i < len) {
        norm_slow(o, s, len);
        return;
    }
    if (len == 0 || !text_norm_reserve(o, len))
        return;
    char *d = o->p + o->len;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        d[i] = (char)(c - ((unsigned)(c - 'a') < 26u ? 32 : 0));
    }
    o->len += len;
}

bool text_normalize(const char *s, size_t len, buf *out)
{
    norm_out o = {0};
    text_norm_append(&o, s, len);
    if (!o.failed)
        buf_append(out, o.p ? o.p : "", o.len);
    free(o.p);
    return !o.failed && !out->failed;
}
