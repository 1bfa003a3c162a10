/* cameo.c: the CAMEO event code table (Goldstein value, quad class, label).
 *
 * Owns dyad_cameo_lookup. The table is dict/cameo.txt, compiled at build time
 * by tools/embed.c into $(B)/gen/cameo_table.inc as rows sorted by code, so a
 * lookup is a binary search over constant data: no initialisation, no state,
 * safe from any thread.
 *
 * Codes unknown to the table fall back to their parent: a four-digit code to
 * its three-digit base ("0235" -> "023"), a three-digit code to its root
 * ("199" -> "19"). Dictionaries in the wild carry such local refinements,
 * and their parent's Goldstein value and quad class are the sensible reading.
 * A root that does not exist ("21", "0") stays unknown. */
#include <string.h>

#include "dyad.h"

typedef struct cameo_row {
    const char *code;
    double goldstein;
    int quad;
    const char *label;
} cameo_row;

#include "cameo_table.inc"

static const cameo_row cameo_rows[] = { DYAD_CAMEO_ROWS };
enum { CAMEO_NROWS = sizeof cameo_rows / sizeof cameo_rows[0] };

/* The row for exactly the first len bytes of code, or NULL. */
static const cameo_row *cameo_find(const char *code, size_t len)
{
    size_t lo = 0, hi = CAMEO_NROWS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *c = cameo_rows[mid].code;
        int cmp = strncmp(c, code, len);
        if (cmp == 0 && c[len] != '\0')
            cmp = 1;   /* c is longer, so it sorts after the prefix */
        if (cmp == 0)
            return &cameo_rows[mid];
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Returns 1 for a code in the table, 2 when a parent code answered, 0 when
 * the code is unknown (outputs untouched then). */
int dyad_cameo_lookup(const char *code, double *goldstein, int *quad,
                      const char **label)
{
    if (!code)
        return 0;
    size_t len = strnlen(code, 5);
    if (len < 2 || len > 4 || strspn(code, "0123456789") != len)
        return 0;
    const cameo_row *r = NULL;
    size_t l = len;
    for (; l >= 2 && !r; l--)
        r = cameo_find(code, l);
    if (!r)
        return 0;
    if (goldstein)
        *goldstein = r->goldstein;
    if (quad)
        *quad = r->quad;
    if (label)
        *label = r->label;
    return l + 1 == len ? 1 : 2;
}
