/* inflect.c: regular English forms for dictionary words: noun plurals for
 * synset members and agents, and the -S, -ED, -ING forms of verbs written
 * without {...}. Words are upper case ASCII (what the files hold).
 *
 * PETRARCH's rules are simpler and in places wrong (a final S becomes ES,
 * so BUS gives BUES; Y always becomes IES, so PLAY gives PLAIES; no
 * consonant doubling, so STOP gives STOPED). We spell correctly and, where
 * English needs the stress to decide (COMMIT, VISIT), give both spellings:
 * an extra form that no text contains costs nothing. See
 * docs/COMPATIBILITY.md. */
#include <string.h>

#include "dict_int.h"

static bool vowel(char c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

static bool letter(char c)
{
    return c >= 'A' && c <= 'Z';
}

static size_t put(char out[][64], size_t n, size_t max, const char *stem,
                  size_t len, const char *suffix)
{
    size_t sl = strlen(suffix);
    if (n >= max || len + sl >= 64)
        return n;
    memcpy(out[n], stem, len);
    memcpy(out[n] + len, suffix, sl + 1);
    for (size_t i = 0; i < n; i++)
        if (strcmp(out[i], out[n]) == 0)
            return n;
    return n + 1;
}

static bool ends(const char *w, size_t len, const char *suf)
{
    size_t n = strlen(suf);
    return len >= n && memcmp(w + len - n, suf, n) == 0;
}

/* -S / -ES: the shared part of plurals and third person singular. */
static size_t add_s(const char *w, size_t len, char out[][64], size_t n,
                    size_t max, bool o_es)
{
    char last = w[len - 1];
    if (ends(w, len, "S") || ends(w, len, "X") || ends(w, len, "Z") ||
        ends(w, len, "CH") || ends(w, len, "SH") || (o_es && last == 'O' && len > 1 && !vowel(w[len - 2])))
        return put(out, n, max, w, len, "ES");
    if (last == 'Y' && len > 1 && !vowel(w[len - 2]))
        return put(out, n, max, w, len - 1, "IES");
    return put(out, n, max, w, len, "S");
}

size_t inflect_plural(const char *w, size_t len, char out[][64], size_t max)
{
    if (len == 0 || !letter(w[len - 1]))
        return 0;
    size_t n = 0;
    if (ends(w, len, "MAN") && len > 3)      /* CHAIRMAN -> CHAIRMEN; HUMANS below */
        n = put(out, n, max, w, len - 2, "EN");
    return add_s(w, len, out, n, max, false);
}

static int vowel_groups(const char *w, size_t len)
{
    int g = 0;
    for (size_t i = 0; i < len; i++)
        if ((vowel(w[i]) || (w[i] == 'Y' && i > 0 && !vowel(w[i - 1]))) &&
            (i == 0 || !vowel(w[i - 1])))
            g++;
    return g;
}

/* 0: never double the final consonant, 1: always, 2: both spellings. */
static int doubling(const char *w, size_t len)
{
    if (len < 3)
        return 0;
    char c = w[len - 1], v = w[len - 2], p = w[len - 3];
    if (vowel(c) || c == 'W' || c == 'X' || c == 'Y' || !letter(c))
        return 0;
    if (!vowel(v))
        return 0;
    if (p == 'U' && len >= 4 && w[len - 4] == 'Q')   /* QUIT, EQUIP: QU is a consonant */
        return vowel_groups(w, len) <= 2 ? 1 : 2;
    if (vowel(p))
        return 0;
    return vowel_groups(w, len) == 1 ? 1 : 2;
}

size_t inflect_verb(const char *w, size_t len, char out[][64], size_t max)
{
    if (len == 0 || !letter(w[len - 1]))
        return 0;
    size_t n = add_s(w, len, out, 0, max, true);
    char last = w[len - 1];
    int dbl = doubling(w, len);
    char dw[64];
    size_t dl = 0;
    if (dbl && len + 1 < sizeof dw) {
        memcpy(dw, w, len);
        dw[len] = last;
        dl = len + 1;
    }
    /* Past. */
    if (last == 'E')
        n = put(out, n, max, w, len, "D");
    else if (last == 'Y' && len > 1 && !vowel(w[len - 2]))
        n = put(out, n, max, w, len - 1, "IED");
    else {
        if (dbl != 1)
            n = put(out, n, max, w, len, "ED");
        if (dl)
            n = put(out, n, max, dw, dl, "ED");
        if (last == 'C')                      /* PANIC -> PANICKED */
            n = put(out, n, max, w, len, "KED");
    }
    /* Present participle. */
    if (ends(w, len, "IE"))
        n = put(out, n, max, w, len - 2, "YING");
    else if (last == 'E' && len > 2 && !ends(w, len, "EE") && !ends(w, len, "YE") &&
             !ends(w, len, "OE"))
        n = put(out, n, max, w, len - 1, "ING");
    else {
        if (dbl != 1)
            n = put(out, n, max, w, len, "ING");
        if (dl)
            n = put(out, n, max, dw, dl, "ING");
        if (last == 'C')
            n = put(out, n, max, w, len, "KING");
    }
    return n;
}
