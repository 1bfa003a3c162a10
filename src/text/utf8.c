/* utf8.c: strict UTF-8 decoding and validation, and the classes the
 * tokenizer gives non-ASCII code points (from utf8proc's Unicode tables).
 * Owns the definition of "invalid": overlong forms, surrogates, truncated
 * sequences and code points above U+10FFFF are all rejected byte by byte. */
#include <utf8proc.h>

#include "text_internal.h"

int32_t text_utf8_decode(const unsigned char *s, size_t n, size_t *adv)
{
    unsigned c = s[0];
    *adv = 1;
    if (c < 0x80)
        return (int32_t)c;
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    int32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = (int32_t)(c & 0x1F);
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = (int32_t)(c & 0x0F);
        if (c == 0xE0)
            lo = 0xA0;       /* overlong */
        else if (c == 0xED)
            hi = 0x9F;       /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = (int32_t)(c & 0x07);
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;       /* above U+10FFFF */
    } else {
        return -1;
    }
    if (n <= need)
        return -1;
    for (size_t i = 1; i <= need; i++) {
        unsigned b = s[i];
        if (i == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (int32_t)(b & 0x3F);
    }
    *adv = need + 1;
    return cp;
}

size_t text_utf8_check(const char *s, size_t len, long *first_bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t bad = 0, i = 0;
    if (first_bad)
        *first_bad = -1;
    while (i < len) {
        /* Skip ASCII eight bytes at a time: most news is ASCII. */
        while (i + 8 <= len) {
            uint64_t w;
            __builtin_memcpy(&w, u + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t adv;
        if (text_utf8_decode(u + i, len - i, &adv) < 0) {
            if (bad == 0 && first_bad)
                *first_bad = (long)i;
            bad++;
        }
        i += adv;
    }
    return bad;
}

cp_class text_cp_class(int32_t cp)
{
    switch (cp) {
    case 0x85: case 0x2028: return CP_NEWLINE;
    case 0x2029: return CP_PARA;
    case 0xFEFF: case 0x200B: case 0x2060: case 0x180E: return CP_SPACE;
    case 0xAD: case 0x200C: case 0x200D: case 0x034F: return CP_LETTER;
    case 0x2010: case 0x2011: return CP_HYPHEN;
    case 0x2212: case 0xFE63: case 0xFF0D: return CP_DASH;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB:
    case 0xBB: case 0x2033: case 0x301D: case 0x301E: case 0x301F:
    case 0xFF02:
        return CP_DQUOTE;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039:
    case 0x203A: case 0x2032: case 0xFF07:
        return CP_SQUOTE;
    case 0x2026: return CP_ELLIPSIS;
    case 0x3002: case 0xFF0E: case 0xFF01: case 0xFF1F: case 0x203C:
    case 0x2047: case 0x2048: case 0x2049:
        return CP_TERM;
    default: break;
    }
    if (cp < 0)
        return CP_LETTER;   /* invalid byte: kept inside words as U+FFFD */
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CO:
        return CP_LETTER;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return CP_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
        return CP_SPACE;
    case UTF8PROC_CATEGORY_ZL: return CP_NEWLINE;
    case UTF8PROC_CATEGORY_ZP: return CP_PARA;
    case UTF8PROC_CATEGORY_PD: return CP_DASH;
    default: return CP_PUNCT;
    }
}
