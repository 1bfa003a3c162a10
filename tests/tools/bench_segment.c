/* bench_segment.c: driver for the text layer, used by the golden test and
 * by bench/segment.
 *
 *   bench_segment --dump FILE     one line per sentence: kind TAB text
 *                                 (line breaks inside shown as spaces)
 *   bench_segment --tokens FILE   one line per token: begin end flags norm
 *   bench_segment --bench FILE [RUNS]
 *                                 documents separated by form feed lines;
 *                                 times text_analyze (segmentation,
 *                                 tokenization, normalization) over all of
 *                                 them RUNS times (default 5), prints MB/s
 *                                 of each run and the median (bytes per
 *                                 second of this thread's CPU time). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/text.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b;
    buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    fclose(f);
    if (b.failed)
        return NULL;
    *len = b.len;
    return b.data ? b.data : calloc(1, 1);
}

static void on_diag(const dyad_diag *d, void *ud)
{
    (void)ud;
    fprintf(stderr, "%s:%ld: warning: %s (offset %ld)\n",
            d->file ? d->file : "-", d->line, d->message, d->offset);
}

static int dump(const char *path, bool tokens)
{
    size_t len;
    char *text = slurp(path, &len);
    if (!text) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 1;
    }
    arena a;
    arena_init(&a, 0);
    text_doc d;
    if (text_analyze(&a, text, len, &d, on_diag, NULL, path, 0) != DYAD_OK) {
        fprintf(stderr, "%s: text_analyze failed\n", path);
        return 1;
    }
    for (size_t i = 0; i < d.nsentences; i++) {
        const text_sentence *s = &d.sentences[i];
        printf("%s\t", dyad_sentence_kind_str(s->kind));
        if (!tokens) {
            for (uint32_t k = s->begin; k < s->end; k++)
                putchar(text[k] == '\n' || text[k] == '\r' ? ' ' : text[k]);
            putchar('\n');
            continue;
        }
        putchar('\n');
        for (uint32_t k = 0; k < s->ntokens; k++) {
            const text_token *t = &d.tokens[s->first_token + k];
            printf("  %u %u %03x %.*s\t%s\n", t->begin, t->end, t->flags,
                   (int)(t->end - t->begin), text + t->begin, d.norm + t->norm);
        }
    }
    arena_free(&a);
    free(text);
    return 0;
}

/* CPU time of this thread: the machine is shared, and the figure wanted is
 * the speed of one core, not how long others' jobs kept us waiting. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static int bench(const char *path, int runs)
{
    size_t len;
    char *text = slurp(path, &len);
    if (!text) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 1;
    }
    arena a;
    arena_init(&a, 1 << 20);
    double mbs[64];
    size_t docs = 0, sents = 0, toks = 0;
    if (runs < 1 || runs > 64)
        runs = 5;
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        docs = sents = toks = 0;
        for (char *p = text, *end = text + len; p < end;) {
            char *ff = memchr(p, '\f', (size_t)(end - p));
            char *de = ff ? ff : end;
            text_doc d;
            if (text_analyze(&a, p, (size_t)(de - p), &d, NULL, NULL, path,
                             0) != DYAD_OK) {
                fprintf(stderr, "text_analyze failed\n");
                return 1;
            }
            docs++;
            sents += d.nsentences;
            toks += d.ntokens;
            arena_reset(&a);
            p = ff ? ff + 1 : end;
        }
        mbs[r] = (double)len / 1e6 / (now() - t0);
        printf("run %d: %.1f MB/s\n", r + 1, mbs[r]);
    }
    qsort(mbs, (size_t)runs, sizeof mbs[0], cmp_double);
    printf("%zu bytes, %zu documents, %zu sentences, %zu tokens\n", len, docs,
           sents, toks);
    printf("median: %.1f MB/s\n", mbs[runs / 2]);
    arena_free(&a);
    free(text);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "--dump") == 0)
        return dump(argv[2], false);
    if (argc >= 3 && strcmp(argv[1], "--tokens") == 0)
        return dump(argv[2], true);
    if (argc >= 3 && strcmp(argv[1], "--bench") == 0)
        return bench(argv[2], argc > 3 ? atoi(argv[3]) : 5);
    fprintf(stderr, "usage: bench_segment --dump|--tokens|--bench FILE [RUNS]\n");
    return 2;
}
