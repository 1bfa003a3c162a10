/* bench_write.c: speed of the event writers alone: N events (two per
 * document, spans into a 300-byte text) written in each format to a file
 * in DIR; prints CPU seconds and events per second per format.
 * Usage: bench_write N DIR [FORMAT] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dyad.h"

static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: bench_write N DIR [FORMAT]\n");
        return 2;
    }
    long n = atol(argv[1]);
    static const char text[] =
        "MOSCOW, June 8 (Reuters) - Russian Foreign Minister Sergei Lavrov met "
        "U.S. Secretary of State John Kerry in Geneva on Wednesday to discuss a "
        "ceasefire in Syria, and both sides said the talks were constructive. "
        "Lavrov later accused Washington of failing to rein in rebel groups "
        "that it backs, the ministry said in a statement.";
    static const char *const fmt[] = {"jsonl", "tsv", "gdelt", "sqlite"};
    for (int f = 0; f < 4; f++) {
        if (argc == 4 && strcmp(argv[3], fmt[f]))
            continue;
        char path[4096], id[32];
        snprintf(path, sizeof path, "%s/events.%s", argv[2], fmt[f]);
        FILE *out = f == 3 ? NULL : fopen(path, "wb");
        dyad_status st;
        dyad_writer *w = dyad_writer_open((dyad_output_format)f, out, path, &st);
        if (!w) {
            fprintf(stderr, "bench_write: %s: %s\n", path, dyad_status_str(st));
            return 1;
        }
        dyad_event ev[2] = {
            {.sentence = 0, .date = 20160608, .source = "RUSGOV", .target = "USAGOV",
             .code = "040", .root = "04", .quad = 1, .goldstein = 1.0,
             .source_span = {29, 68}, .target_span = {73, 106}, .verb_span = {69, 72},
             .sentence_span = {29, 196}, .pattern = "CAMEO.2.0.txt:1234",
             .source_entry = "Phoenix.Countries.actors.txt:100",
             .target_entry = "Phoenix.Countries.actors.txt:200", .issues = ""},
            {.sentence = 1, .date = 20160608, .source = "RUS", .target = "USA",
             .code = "112", .root = "11", .quad = 3, .goldstein = -2.0,
             .source_span = {197, 203}, .target_span = {216, 226}, .verb_span = {210, 217},
             .sentence_span = {197, sizeof text - 1}, .pattern = "CAMEO.2.0.txt:5678",
             .source_entry = "", .target_entry = "", .issues = "SYRIA"}};
        double t0 = cpu();
        for (long i = 0; i < n / 2; i++) {
            snprintf(id, sizeof id, "doc-%ld", i);
            dyad_doc d = {.id = id, .date = 20160608, .text = text, .text_len = sizeof text - 1,
                          .url = "https://example.org/a"};
            ev[0].doc_id = ev[1].doc_id = id;
            dyad_writer_write(w, &d, ev, 2);
        }
        st = dyad_writer_close(w);
        if (out)
            fclose(out);
        double t = cpu() - t0;
        printf("write %-6s %ld events  cpu %.2f s  %.0f events/s\n", fmt[f], n, t,
               (double)n / (t > 0 ? t : 1e-9));
        if (st != DYAD_OK)
            return 1;
    }
    return 0;
}
