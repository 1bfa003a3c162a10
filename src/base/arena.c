/* arena.c: bump allocator for per-document and per-dictionary memory.
 * Blocks are chained; oversized requests get a block of their own. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

struct arena_block {
    arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a, size_t block_size)
{
    memset(a, 0, sizeof *a);
    a->block_size = block_size ? block_size : 64 * 1024;
}

static arena_block *block_new(size_t size)
{
    arena_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void *arena_alloc(arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t want = size > a->block_size / 4 ? size : a->block_size;
        arena_block *nb = block_new(want);
        if (!nb) {
            a->failed = true;
            return NULL;
        }
        if (b && want == size && b->size - b->used >= 256) {
            /* Big request: keep filling the current block afterwards. */
            nb->next = b->next;
            b->next = nb;
            nb->used = size;
            a->total += size;
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->total += size;
    return p;
}

void *arena_calloc(arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        a->failed = true;
        return NULL;
    }
    void *p = arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void arena_reset(arena *a)
{
    arena_block *keep = NULL, *b = a->head;
    /* Keep one standard-size block so the next document allocates nothing. */
    while (b) {
        arena_block *next = b->next;
        if (!keep && b->size == a->block_size) {
            keep = b;
            keep->used = 0;
            keep->next = NULL;
        } else {
            free(b);
        }
        b = next;
    }
    a->head = keep;
    a->total = 0;
    a->failed = false;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}
