/* cache.c: the compiled-dictionary cache. A cache file is the frozen image
 * with its pointers rebased as if the image sat at DICT_CACHE_BASE. Loading
 * first asks the kernel to map the file read-only at exactly that address
 * (MAP_FIXED_NOREPLACE): then every pointer is already right and start-up
 * is one mmap, pages shared with every other process using the same cache.
 * If the address is taken (a second dictionary in the same process, an old
 * kernel), the file is mapped anywhere, copy-on-write, and the pointers are
 * rebased in one pass, checking each lies inside the file.
 *
 * The file name carries the key (a hash of every source file's name and
 * bytes, the image format, the dyad version and the size and mtime of the
 * running executable), so a changed dictionary or a rebuilt dyad simply
 * misses. Old cache files stay in the directory (several dictionary sets may
 * share it); deleting them is always safe. Files are written whole under a temporary name
 * and renamed, so a reader never sees a half-written cache. Beyond the checks
 * in dict_bind (header, section bounds) the image is trusted: it is dyad's
 * own output in a directory the user chose. */
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

static dyad_dict *bind_mapped(void *img, size_t size, uint64_t key)
{
    dyad_dict *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->image = img;
    d->size = size;
    d->mapped = 1;
    d->from_cache = 1;
    if (!dict_bind(d) || d->h->key != key) {
        free(d);
        return NULL;
    }
    return d;
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
    dyad_dict *d = NULL;
    void *want = (void *)DICT_CACHE_BASE;
    void *img = mmap(want, size, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);
    if (img == want) {
        d = bind_mapped(img, size, key);
        if (!d)
            munmap(img, size);
        close(fd);
        return d;
    }
    if (img != MAP_FAILED)              /* a kernel that took the address as a hint */
        munmap(img, size);
    img = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    close(fd);
    if (img == MAP_FAILED)
        return NULL;
    d = bind_mapped(img, size, key);
    if (!d || !dict_relocate(d, DICT_CACHE_BASE, (uintptr_t)img, true)) {
        free(d);
        munmap(img, size);
        return NULL;
    }
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

/* mkdir -p: the cache directory and any missing parents. */
static void make_dirs(const char *dir)
{
    char p[4096];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof p)
        return;
    memcpy(p, dir, n + 1);
    for (size_t i = 1; i < n; i++)
        if (p[i] == '/') {
            p[i] = '\0';
            mkdir(p, 0777);
            p[i] = '/';
        }
    mkdir(p, 0777);
}

/* Best effort: a cache that cannot be written only costs the next start. */
void dict_cache_store(const dyad_dict *d, const char *dir)
{
    make_dirs(dir);
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
    dict_relocate(&copy, (uintptr_t)d->image, DICT_CACHE_BASE, false);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd >= 0) {
        bool ok = write_all(fd, copy.image, copy.size);
        ok = close(fd) == 0 && ok;
        if (!ok || rename(tmp, path) != 0)
            unlink(tmp);
    }
    free(copy.image);
}
