/* agg.c: counts events into dyad-period cells keyed by (period, source,
 * target, key) in an open-addressing hash table, and the optional
 * one-a-day duplicate filter. Owns the cells, the interned actor and code
 * strings (so keys compare by pointer) and the period arithmetic. Memory:
 * cells + distinct strings; with dedup also one key per distinct
 * (date, source, target, code), or per day only when input is date-sorted
 * and the caller says so (opts.sorted). Never per event. */
#include <stdlib.h>
#include <string.h>

#include "agg.h"

typedef struct dkey {
    int32_t date;
    const char *s, *t, *c;    /* interned; s == NULL: empty slot */
} dkey;

struct agg {
    agg_opts o;
    arena mem;                /* cells and interned strings */
    agg_cell **cells;         /* hash slots */
    size_t ncells, cap;
    const char **strs;        /* intern table */
    size_t nstrs, strcap;
    dkey *seen;               /* dedup set */
    size_t nseen, seencap;
    int32_t seen_date;        /* sorted dedup: the day the set holds */
    const agg_cell **sorted;
    uint64_t counted, dups;
};

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

static const char *intern(agg *a, const char *s, size_t len)
{
    if (a->nstrs * 2 >= a->strcap) {
        size_t cap = a->strcap ? a->strcap * 2 : 256;
        const char **t = calloc(cap, sizeof *t);
        if (!t)
            return NULL;
        for (size_t i = 0; i < a->strcap; i++) {
            if (!a->strs[i])
                continue;
            size_t j = hash_bytes(a->strs[i], strlen(a->strs[i])) & (cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = a->strs[i];
        }
        free(a->strs);
        a->strs = t;
        a->strcap = cap;
    }
    size_t j = hash_bytes(s, len) & (a->strcap - 1);
    for (; a->strs[j]; j = (j + 1) & (a->strcap - 1))
        if (!strncmp(a->strs[j], s, len) && a->strs[j][len] == '\0')
            return a->strs[j];
    char *copy = arena_strndup(&a->mem, s, len);
    if (copy) {
        a->strs[j] = copy;
        a->nstrs++;
    }
    return copy;
}

agg *agg_new(const agg_opts *opts)
{
    agg *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->o = *opts;
    arena_init(&a->mem, 64 * 1024);
    return a;
}

void agg_free(agg *a)
{
    if (!a)
        return;
    arena_free(&a->mem);
    free(a->cells);
    free(a->strs);
    free(a->seen);
    free(a->sorted);
    free(a);
}

const agg_opts *agg_options(const agg *a)
{
    return &a->o;
}

uint64_t agg_counted(const agg *a)
{
    return a->counted;
}

uint64_t agg_duplicates(const agg *a)
{
    return a->dups;
}

static uint64_t cell_hash(int32_t period, const char *s, const char *t, const char *k)
{
    uint64_t h = mix(0, (uint64_t)(uint32_t)period);
    h = mix(h, (uint64_t)(uintptr_t)s);
    h = mix(h, (uint64_t)(uintptr_t)t);
    return mix(h, (uint64_t)(uintptr_t)k);
}

static int grow_cells(agg *a)
{
    size_t cap = a->cap ? a->cap * 2 : 1024;
    agg_cell **t = calloc(cap, sizeof *t);
    if (!t)
        return 0;
    for (size_t i = 0; i < a->cap; i++) {
        agg_cell *c = a->cells[i];
        if (!c)
            continue;
        size_t j = cell_hash(c->period, c->source, c->target, c->key) & (cap - 1);
        while (t[j])
            j = (j + 1) & (cap - 1);
        t[j] = c;
    }
    free(a->cells);
    a->cells = t;
    a->cap = cap;
    return 1;
}

static agg_cell *find_cell(agg *a, int32_t period, const char *s, const char *t,
                           const char *k)
{
    if (a->ncells * 2 >= a->cap && !grow_cells(a))
        return NULL;
    size_t j = cell_hash(period, s, t, k) & (a->cap - 1);
    for (; a->cells[j]; j = (j + 1) & (a->cap - 1)) {
        agg_cell *c = a->cells[j];
        if (c->period == period && c->source == s && c->target == t && c->key == k)
            return c;
    }
    agg_cell *c = arena_calloc(&a->mem, 1, sizeof *c);
    if (!c)
        return NULL;
    *c = (agg_cell){period, s, t, k, 0, 0};
    a->cells[j] = c;
    a->ncells++;
    free(a->sorted);   /* a new cell outdates the sorted view */
    a->sorted = NULL;
    return c;
}

static uint64_t dkey_hash(const dkey *k)
{
    uint64_t h = mix(0, (uint64_t)(uint32_t)k->date);
    h = mix(h, (uint64_t)(uintptr_t)k->s);
    h = mix(h, (uint64_t)(uintptr_t)k->t);
    return mix(h, (uint64_t)(uintptr_t)k->c);
}

static int grow_seen(agg *a)
{
    size_t cap = a->seencap ? a->seencap * 2 : 1024;
    dkey *t = calloc(cap, sizeof *t);
    if (!t)
        return 0;
    for (size_t i = 0; i < a->seencap; i++) {
        if (!a->seen[i].s)
            continue;
        size_t j = dkey_hash(&a->seen[i]) & (cap - 1);
        while (t[j].s)
            j = (j + 1) & (cap - 1);
        t[j] = a->seen[i];
    }
    free(a->seen);
    a->seen = t;
    a->seencap = cap;
    return 1;
}

/* 1: first time this (date, source, target, code) is seen; 0: a duplicate;
 * -1: out of memory. */
static int first_sighting(agg *a, const dkey *k)
{
    if (a->nseen * 2 >= a->seencap && !grow_seen(a))
        return -1;
    size_t j = dkey_hash(k) & (a->seencap - 1);
    for (; a->seen[j].s; j = (j + 1) & (a->seencap - 1))
        if (!memcmp(&a->seen[j], k, sizeof *k))
            return 0;
    a->seen[j] = *k;
    a->nseen++;
    return 1;
}

static const char *actor(agg *a, const char *code)
{
    size_t len = strlen(code);
    if (a->o.actor_len > 0 && len > (size_t)a->o.actor_len && strcmp(code, "---"))
        len = (size_t)a->o.actor_len;
    return intern(a, code, len);
}

static const char *cell_key(agg *a, const agg_event *ev)
{
    static const char *const quads[] = {"0", "1", "2", "3", "4"};
    switch (a->o.by) {
    case AGG_BY_ROOT: return intern(a, ev->root, strlen(ev->root));
    case AGG_BY_QUAD: return intern(a, quads[ev->quad >= 1 && ev->quad <= 4 ? ev->quad : 0], 1);
    case AGG_BY_CODE: return intern(a, ev->code, strlen(ev->code));
    default: return intern(a, "", 0);
    }
}

dyad_status agg_add(agg *a, const agg_event *ev, int *counted)
{
    int dummy;
    counted = counted ? counted : &dummy;
    *counted = 0;
    const char *s = actor(a, ev->source), *t = actor(a, ev->target);
    const char *k = cell_key(a, ev);
    if (!s || !t || !k)
        return DYAD_ENOMEM;
    if (a->o.dedup) {
        if (a->o.sorted && ev->date != a->seen_date) {
            if (ev->date < a->seen_date)
                return DYAD_EINVAL;
            if (a->seen)
                memset(a->seen, 0, a->seencap * sizeof *a->seen);
            a->nseen = 0;
            a->seen_date = ev->date;
        }
        dkey dk = {ev->date, s, t, intern(a, ev->code, strlen(ev->code))};
        int first = dk.c ? first_sighting(a, &dk) : -1;
        if (first < 0)
            return DYAD_ENOMEM;
        if (!first) {
            a->dups++;
            return DYAD_OK;
        }
    }
    agg_cell *c = find_cell(a, agg_period_start(ev->date, a->o.period), s, t, k);
    if (!c)
        return DYAD_ENOMEM;
    c->events++;
    c->goldstein_sum += ev->goldstein;
    a->counted++;
    *counted = 1;
    return DYAD_OK;
}

static int cell_cmp(const void *x, const void *y)
{
    const agg_cell *a = *(const agg_cell *const *)x, *b = *(const agg_cell *const *)y;
    if (a->period != b->period)
        return a->period < b->period ? -1 : 1;
    int d = strcmp(a->source, b->source);
    if (!d)
        d = strcmp(a->target, b->target);
    return d ? d : strcmp(a->key, b->key);
}

const agg_cell *const *agg_sorted(agg *a, size_t *n)
{
    *n = 0;
    if (!a->ncells)
        return NULL;
    if (!a->sorted) {
        a->sorted = malloc(a->ncells * sizeof *a->sorted);
        if (!a->sorted)
            return NULL;
        size_t m = 0;
        for (size_t i = 0; i < a->cap; i++)
            if (a->cells[i])
                a->sorted[m++] = a->cells[i];
        qsort(a->sorted, m, sizeof *a->sorted, cell_cmp);
    }
    *n = a->ncells;
    return a->sorted;
}

/* ---- Periods (proleptic Gregorian, days since 1970-01-01) --------------- */

long agg_days(int32_t date)
{
    long y = date / 10000, m = date / 100 % 100, d = date % 100;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int32_t agg_date(long days)
{
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    long doe = days - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

int32_t agg_period_start(int32_t date, agg_period p)
{
    switch (p) {
    case AGG_DAY: return date;
    case AGG_WEEK: {
        long days = agg_days(date);
        long monday = days - ((days % 7 + 7 + 3) % 7);   /* 1970-01-01 was a Thursday */
        return agg_date(monday);
    }
    case AGG_MONTH: return date / 100 * 100 + 1;
    case AGG_YEAR: return date / 10000 * 10000 + 101;
    default: return 0;
    }
}

int32_t agg_period_next(int32_t start, agg_period p)
{
    switch (p) {
    case AGG_DAY: return agg_date(agg_days(start) + 1);
    case AGG_WEEK: return agg_date(agg_days(start) + 7);
    case AGG_MONTH:
        return start / 100 % 100 == 12 ? (start / 10000 + 1) * 10000 + 101 : start + 100;
    case AGG_YEAR: return start + 10000;
    default: return 0;
    }
}

void agg_period_format(int32_t start, agg_period p, char out[16])
{
    int y = start / 10000, m = start / 100 % 100, d = start % 100;
    switch (p) {
    case AGG_MONTH: snprintf(out, 16, "%04d-%02d", y, m); break;
    case AGG_YEAR: snprintf(out, 16, "%04d", y); break;
    case AGG_ALL: snprintf(out, 16, "all"); break;
    default: snprintf(out, 16, "%04d-%02d-%02d", y, m, d); break;
    }
}
