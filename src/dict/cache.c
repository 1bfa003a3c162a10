/* cache.c: the compiled-dictionary cache. A cache file is the frozen image
 * with its pointers written as offsets from the image start; loading maps
 * it privately (copy on write) and turns offsets back into pointers, so
 * start-up costs one mmap and one pass over the struct tables.
 *
 * The file name carries the key (a hash of every source file's name and
 * bytes, the image format and the dyad version), so a changed dictionary
 * or a new dyad simply misses. Files are written whole under a temporary
 * name and renamed, so a reader never sees a half-written cache. The image
 * is trusted beyond the checks in dict_bind and dict_relocate (offsets
 * inside the file): it is dyad's own output. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dict_int.h"

static void cache_path(char *out, size_t n, const char *dir, uint64_t key)
{
    snprintf(out, n, "%s/dyad-dict-%016llx.cache", dir, (unsigned long long)key);
}

dyad_dict *dict_cache_load(const char *dir, uint64_t key)
{
    char path[4096];
    cache_path(path, sizeof path, dir, key);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0 || (size_t)st.st_size < sizeof(dict_image_header)) {
        close(fd);
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    void *img = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    close(fd);
    if (img == MAP_FAILED)
        return NULL;
    dyad_dict *d = calloc(1, sizeof *d);
    if (!d) {
        munmap(img, size);
        return NULL;
    }
    d->image = img;
    d->size = size;
    d->mapped = 1;
    if (!dict_bind(d) || d->h->key != key ||
        !dict_relocate(d, (intptr_t)img, size)) {
        munmap(img, size);
        free(d);
        return NULL;
    }
    d->from_cache = 1;
    return d;
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* Best effort: a cache that cannot be written only costs the next start. */
void dict_cache_store(const dyad_dict *d, const char *dir)
{
    mkdir(dir, 0777);
    char path[4096], tmp[4200];
    cache_path(path, sizeof path, dir, d->h->key);
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    dyad_dict copy = {0};
    copy.image = malloc(d->size);
    if (!copy.image)
        return;
    memcpy(copy.image, d->image, d->size);
    copy.size = d->size;
    if (!dict_bind(&copy)) {
        free(copy.image);
        return;
    }
    dict_relocate(&copy, -(intptr_t)d->image, 0);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd >= 0) {
        bool ok = write_all(fd, copy.image, copy.size);
        ok = close(fd) == 0 && ok;
        if (!ok || rename(tmp, path) != 0)
            unlink(tmp);
    }
    free(copy.image);
}
