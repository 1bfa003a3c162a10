/* replay_main.c: a main() for fuzz targets without libFuzzer. Feeds every
 * file named on the command line (or found in the directories named) to
 * LLVMFuzzerTestOneInput once, so `make test` (and its ASan build) replays the
 * seeds and every stored crash in tests/fuzz/regress/. Prints TAP. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16, len = 0;
    uint8_t *data = malloc(cap);
    size_t n;
    while (data && (n = fread(data + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            uint8_t *d = realloc(data, cap *= 2);
            if (!d) {
                free(data);
                data = NULL;
            }
            data = d;
        }
    }
    fclose(f);
    if (!data)
        return -1;
    LLVMFuzzerTestOneInput(data, len);
    free(data);
    return 0;
}

static int replay_path(const char *name, const char *path, int *count)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    if (!S_ISDIR(st.st_mode)) {
        (*count)++;
        if (replay_file(path) != 0) {
            printf("not ok - %s: cannot read %s\n", name, path);
            return 1;
        }
        return 0;
    }
    DIR *dir = opendir(path);
    if (!dir)
        return 0;
    struct dirent *e;
    int bad = 0;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        bad += replay_path(name, sub, count);
    }
    closedir(dir);
    return bad;
}

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "fuzz";
    int count = 0, bad = 0;
    for (int i = 2; i < argc; i++)
        bad += replay_path(name, argv[i], &count);
    /* A crash never gets here: the test runner counts the exit status. */
    if (!bad)
        printf("ok - %s replays %d stored inputs without a crash\n", name, count);
    return bad != 0;
}
