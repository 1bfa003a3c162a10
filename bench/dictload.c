/* dictload.c: times one dictionary load in-process (no process start-up,
 * no dynamic linking in the figure) and reports peak RSS. Built and run by
 * bench/dictload; prints "ms=<wall> cpu_ms=<this process's CPU time>
 * rss_kb=<peak> from_cache=<0|1>". The load is single-threaded, so CPU time
 * is the one-core figure even when the shared machine is busy. */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "dyad.h"
#include "dict/dict.h"

int main(int argc, char **argv)
{
    dyad_dict_files f;
    const char *dir = NULL, *cache = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--petrarch"))
            dir = argv[i + 1];
        else if (!strcmp(argv[i], "--cache-dir"))
            cache = argv[i + 1];
    }
    if (!dir) {
        fprintf(stderr, "usage: dictload --petrarch DIR [--cache-dir DIR]\n");
        return 2;
    }
    dyad_dict_files_petrarch(&f, dir);
    f.cache_dir = cache;
    struct timespec a, b, ca, cb;
    clock_gettime(CLOCK_MONOTONIC, &a);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
    dyad_status st;
    dyad_dict *d = dyad_dict_load(&f, 0, NULL, NULL, &st);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (!d) {
        fprintf(stderr, "dictload: %s\n", dyad_status_str(st));
        return 1;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("ms=%.2f cpu_ms=%.2f rss_kb=%ld from_cache=%d\n",
           (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6,
           (double)(cb.tv_sec - ca.tv_sec) * 1e3 + (double)(cb.tv_nsec - ca.tv_nsec) / 1e6,
           ru.ru_maxrss, dict_from_cache(d));
    dyad_dict_free(d);
    return 0;
}
