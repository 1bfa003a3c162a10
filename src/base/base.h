/* base.h: memory arenas, growable buffers, hashing and assertions shared by
 * every stage of dyad. Knows nothing of news, dictionaries or events. */
#ifndef DYAD_BASE_H
#define DYAD_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dyad.h"

/* Bugs, not bad input: report expression and place, then abort. */
#define DYAD_ASSERT(e) \
    ((e) ? (void)0 : dyad_assert_fail(#e, __FILE__, __LINE__))
_Noreturn void dyad_assert_fail(const char *expr, const char *file, int line);

#define DYAD_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Arena: bump allocation, released in one call -------------------- */

/* Memory for one document (or one dictionary): many small allocations freed
 * together. A failed allocation returns NULL and sets the sticky failed flag
 * that the stage checks once and returns as DYAD_ENOMEM. */
typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;
    size_t block_size;
    size_t total;     /* bytes handed out since the last reset */
    bool failed;
} arena;

void arena_init(arena *a, size_t block_size);
void *arena_alloc(arena *a, size_t size);            /* 16-byte aligned */
void *arena_calloc(arena *a, size_t n, size_t size);
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Keeps the first block, frees the rest: reuse across documents without
 * returning memory to malloc each time. */
void arena_reset(arena *a);
void arena_free(arena *a);

/* ---- buf: growable byte buffer ---------------------------------------- */

typedef struct buf {
    char *data;     /* always NUL-terminated when size > 0 */
    size_t len;
    size_t cap;
    bool failed;    /* sticky: an allocation failed */
} buf;

void buf_init(buf *b);
bool buf_reserve(buf *b, size_t extra);
void buf_append(buf *b, const void *data, size_t len);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends s as the body of a JSON string (no quotes), escaping as needed. */
void buf_json_escape(buf *b, const char *s, size_t len);
/* Appends the UTF-8 encoding of code point cp (at most 0x10FFFF). */
void buf_put_utf8(buf *b, unsigned long cp);
/* Reads four hex digits at s into *v; false when one is not a hex digit
 * (JSON's \uXXXX). */
bool hex4_decode(const char *s, unsigned *v);
void buf_clear(buf *b);
void buf_free(buf *b);

/* ---- vec: growable array of fixed-size items -------------------------- */

typedef struct vec {
    void *data;
    size_t len, cap, item;
} vec;

void vec_init(vec *v, size_t item_size);
void *vec_push(vec *v);            /* zeroed new slot, NULL on failure */
void vec_free(vec *v);
#define VEC_AT(v, T, i) (((T *)(v)->data)[i])

/* ---- Hashing ---------------------------------------------------------- */

uint64_t hash_bytes(const void *data, size_t len);

/* ---- Diagnostics ------------------------------------------------------ */

/* Sends one diagnostic to fn (if not NULL), formatting the message. */
void diag_emit(dyad_diag_fn fn, void *ud, dyad_severity sev, const char *file,
               long line, long offset, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* ---- Dates ------------------------------------------------------------ */

/* Parses YYYYMMDD, YYYY-MM-DD, or an ISO timestamp starting with either.
 * Returns the date as an integer YYYYMMDD, or 0 when not a valid date. */
int32_t date_parse(const char *s, size_t len);

#endif
