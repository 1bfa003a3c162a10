/* bench_read.c: times the document readers alone (no segmentation, no
 * coding): opens FILE with the given format and drains it RUNS times,
 * printing documents, CPU seconds and MB/s per run and the median. MB are
 * of DECODED bytes: pass the uncompressed size for .gz/.zst input.
 * Used by bench/read.
 * Usage: bench_read FORMAT FILE RUNS [TEXT_FIELDS [DECODED_BYTES]] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "io/io.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_read text|jsonl|xml FILE RUNS [TEXT_FIELDS [DECODED_BYTES]]\n");
        return 2;
    }
    dyad_reader_opts o = {0};
    o.format = !strcmp(argv[1], "jsonl") ? DYAD_INPUT_JSONL
             : !strcmp(argv[1], "xml") ? DYAD_INPUT_PETRARCH_XML : DYAD_INPUT_TEXT;
    o.text_field = argc > 4 && *argv[4] ? argv[4] : NULL;
    struct stat st;
    if (stat(argv[2], &st) != 0) {
        perror(argv[2]);
        return 1;
    }
    double bytes = argc > 5 ? atof(argv[5]) : (double)st.st_size;
    int runs = atoi(argv[3]);
    if (runs < 1 || runs > 100)
        runs = 3;
    double mbs[100];
    for (int i = 0; i < runs; i++) {
        dyad_status s;
        dyad_reader *r = dyad_reader_open(argv[2], &o, &s);
        if (!r)
            return 1;
        double t0 = now();
        size_t docs = 0, text = 0;
        dyad_doc d;
        while (dyad_reader_next(r, &d) == DYAD_OK) {
            docs++;
            text += d.text_len;
        }
        double t = now() - t0;
        mbs[i] = bytes / 1e6 / t;
        printf("run %d: %zu documents, %zu rejected, %.3f s CPU, %.1f MB/s of input, "
               "%.1f MB/s of text\n", i + 1, docs, dyad_reader_rejected(r), t, mbs[i],
               (double)text / 1e6 / t);
        dyad_reader_free(r);
    }
    qsort(mbs, (size_t)runs, sizeof mbs[0], cmp_double);
    printf("median: %.1f MB/s (%s reader, %s, %.0f MB decoded)\n", mbs[runs / 2], argv[1],
           strrchr(argv[2], '/') ? strrchr(argv[2], '/') + 1 : argv[2], bytes / 1e6);
    return 0;
}
