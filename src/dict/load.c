/* load.c: the public way in: dyad_dict_load (files, with the cache),
 * dict_load_mem (buffers: defaults, tests, fuzzers), the PETRARCH2 file
 * set, and dyad_dict_free. Reads files, runs the readers in a fixed order
 * (verbs first: synsets), freezes, and keeps or fetches the cache. */
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dict_int.h"

#define MAX_FILES 64

static const char *kind_names[] = {"verbs", "actors", "agents", "discards", "issues"};

const char *dict_file_kind_str(dict_file_kind kind)
{
    return (unsigned)kind < DYAD_COUNT(kind_names) ? kind_names[kind] : "unknown";
}

dict_file_kind dict_file_kind_guess(const char *data, size_t len)
{
    return dict_guess_kind(data, len);
}

int dict_file_kind_from_name(const char *path)
{
    static const struct {
        const char *part;
        dict_file_kind kind;
    } names[] = {
        {".verbs.", DICT_FILE_VERBS}, {".actors.", DICT_FILE_ACTORS},
        {".agents.", DICT_FILE_AGENTS}, {".discards.", DICT_FILE_DISCARDS},
        {".issues.", DICT_FILE_ISSUES}, {"Issue", DICT_FILE_ISSUES},
    };
    const char *base = path ? strrchr(path, '/') : NULL;
    base = base ? base + 1 : path;
    for (size_t i = 0; base && i < DYAD_COUNT(names); i++)
        if (strstr(base, names[i].part))
            return (int)names[i].kind;
    return -1;
}

/* 64-bit hash, eight bytes a step: the cache key covers megabytes of
 * sources on every start, so it must be cheap. Not cryptographic. */
uint64_t dict_hash64(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    const uint64_t m = 0x9e3779b97f4a7c15ull;
    while (len >= 8) {
        uint64_t k;
        memcpy(&k, p, 8);
        h = (h ^ k) * m;
        h ^= h >> 29;
        p += 8;
        len -= 8;
    }
    uint64_t k = 0;
    memcpy(&k, p, len);
    h = (h ^ k ^ ((uint64_t)len << 56)) * m;
    h ^= h >> 32;
    return h;
}

/* The program itself is part of the key: a rebuilt dyad may read the same
 * files differently while its version string stays the same, so a cache
 * only serves the binary that wrote it (size and mtime of the executable,
 * which holds libdyad). */
static uint64_t program_key(void)
{
    struct stat st;
    if (stat("/proc/self/exe", &st) != 0)
        return 0;
    uint64_t v[3] = {(uint64_t)st.st_size, (uint64_t)st.st_mtim.tv_sec,
                     (uint64_t)st.st_mtim.tv_nsec};
    return dict_hash64(0, v, sizeof v);
}

static uint64_t files_key(const dict_mem_file *f, size_t n)
{
    uint64_t h = dict_hash64(DICT_IMAGE_FORMAT ^ program_key(), DYAD_VERSION_STRING,
                             strlen(DYAD_VERSION_STRING));
    for (size_t i = 0; i < n; i++) {
        uint64_t meta[2] = {(uint64_t)f[i].kind, (uint64_t)f[i].len};
        h = dict_hash64(h, meta, sizeof meta);
        h = dict_hash64(h, f[i].name, strlen(f[i].name));
        h = dict_hash64(h, f[i].data, f[i].len);
    }
    return h;
}

static void replay(const dyad_dict *d, dyad_diag_fn diag, void *ud)
{
    if (!diag)
        return;
    for (size_t i = 0; i < d->h->count[SEC_DIAGS]; i++) {
        const dict_rdiag *r = &d->diags[i];
        diag_emit(diag, ud, (dyad_severity)r->severity, dict_file_name(d, r->file),
                  (long)r->line, -1, "%s", d->strings + r->msg);
    }
}

static int kind_rank(dict_file_kind k)
{
    return (int)k;     /* verbs, actors, agents, discards, issues */
}

static dyad_dict *build(const dict_mem_file *files, char *const *paths, size_t n,
                        const dict_load_opts *o,
                        dyad_diag_fn diag, void *ud, uint64_t key, dyad_status *st)
{
    dict_builder b;
    builder_init(&b, diag, ud, o->strict);
    b.pedantic = o->pedantic;
    size_t bytes = 0;
    for (int rank = 0; rank < 5 && !b.stop; rank++)
        for (size_t i = 0; i < n && !b.stop; i++) {
            dict_file_kind k = o->kind_auto ? dict_guess_kind(files[i].data, files[i].len)
                                            : files[i].kind;
            if (kind_rank(k) != rank)
                continue;
            builder_file(&b, files[i].name ? files[i].name : "<memory>");
            if (paths && paths[i])
                b.file_name = paths[i];
            bytes += files[i].len;
            switch (k) {
            case DICT_FILE_VERBS: read_verbs(&b, files[i].data, files[i].len); break;
            case DICT_FILE_ACTORS: read_actors(&b, files[i].data, files[i].len); break;
            case DICT_FILE_AGENTS: read_agents(&b, files[i].data, files[i].len); break;
            case DICT_FILE_DISCARDS: read_discards(&b, files[i].data, files[i].len); break;
            case DICT_FILE_ISSUES: read_issues(&b, files[i].data, files[i].len); break;
            }
            if (b.dups)
                bdiag(&b, DYAD_NOTE, 0, "%zu duplicate entr%s (each listed by 'dyad dict "
                      "lint')", b.dups, b.dups == 1 ? "y" : "ies");
            b.dups = 0;
        }
    b.file_name = NULL;
    if (!b.stop)
        verbs_finish(&b);
    dyad_dict *d = NULL;
    if (b.stop)
        *st = DYAD_EFORMAT;
    else if (b.oom || !(d = dict_freeze(&b, key, bytes)))
        *st = DYAD_ENOMEM;
    else
        *st = DYAD_OK;
    builder_free(&b);
    return d;
}

/* paths: what diagnostics call each file (the name relative to the
 * dictionary folder is what entries remember). */
static dyad_dict *load_mem(const dict_mem_file *files, char *const *paths, size_t nfiles,
                           const dict_load_opts *opts, dyad_diag_fn diag, void *ud,
                           dyad_status *status)
{
    dyad_status tmp;
    if (!status)
        status = &tmp;
    dict_load_opts o = opts ? *opts : (dict_load_opts){0};
    if (nfiles && !files) {
        *status = DYAD_EINVAL;
        return NULL;
    }
    uint64_t key = files_key(files, nfiles) ^ (uint64_t)o.kind_auto ^ ((uint64_t)o.pedantic << 1);
    if (o.cache_dir && !o.strict) {
        dyad_dict *d = dict_cache_load(o.cache_dir, key);
        if (d) {
            replay(d, diag, ud);
            *status = DYAD_OK;
            return d;
        }
    }
    dyad_dict *d = build(files, paths, nfiles, &o, diag, ud, key, status);
    if (d && o.cache_dir)
        dict_cache_store(d, o.cache_dir);
    return d;
}

dyad_dict *dict_load_mem_opts(const dict_mem_file *files, size_t nfiles,
                              const dict_load_opts *opts, dyad_diag_fn diag, void *ud,
                              dyad_status *status)
{
    return load_mem(files, NULL, nfiles, opts, diag, ud, status);
}

dyad_dict *dict_load_mem(const dict_mem_file *files, size_t nfiles, int strict,
                         dyad_diag_fn diag, void *ud, dyad_status *status)
{
    dict_load_opts o = {.strict = strict};
    return dict_load_mem_opts(files, nfiles, &o, diag, ud, status);
}

/* ---- Files ------------------------------------------------------------------- */

/* Source files are mapped, not read: a cache hit only hashes them, and the
 * readers scan them once. MAP_POPULATE maps every page in one call. */
static char *map_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return NULL;
    }
    *len = (size_t)st.st_size;
    void *p = *len ? mmap(NULL, *len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0)
                   : mmap(NULL, 1, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    close(fd);
    return p == MAP_FAILED ? NULL : p;
}

typedef struct file_list {
    dict_mem_file f[MAX_FILES];
    char *paths[MAX_FILES];
    size_t n;
} file_list;

static bool add_files(file_list *L, const char *dir, const char *names,
                      dict_file_kind kind, dyad_diag_fn diag, void *ud, dyad_status *st)
{
    const char *p = names;
    while (p && *p) {
        const char *c = strchr(p, ',');
        size_t n = c ? (size_t)(c - p) : strlen(p);
        while (n && (*p == ' ' || *p == '\t'))
            p++, n--;
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        if (n) {
            if (L->n == MAX_FILES) {
                diag_emit(diag, ud, DYAD_ERROR, NULL, 0, -1, "more than %d dictionary files",
                          MAX_FILES);
                *st = DYAD_ELIMIT;
                return false;
            }
            bool rel = dir && *dir && p[0] != '/';
            size_t dl = rel ? strlen(dir) : 0;
            char *path = malloc(dl + n + 2);
            if (!path) {
                *st = DYAD_ENOMEM;
                return false;
            }
            snprintf(path, dl + n + 2, "%.*s%s%.*s", (int)dl, rel ? dir : "",
                     rel && dir[dl - 1] != '/' ? "/" : "", (int)n, p);
            size_t len = 0;
            char *data = map_file(path, &len);
            if (!data) {
                diag_emit(diag, ud, DYAD_ERROR, path, 0, -1, "cannot read %s dictionary",
                          dict_file_kind_str(kind));
                free(path);
                *st = DYAD_EIO;
                return false;
            }
            L->paths[L->n] = path;
            L->f[L->n++] = (dict_mem_file){kind, path + (rel ? dl + (dir[dl - 1] != '/') : 0),
                                           data, len};
        }
        p = c ? c + 1 : NULL;
    }
    return true;
}

static void free_files(file_list *L)
{
    for (size_t i = 0; i < L->n; i++) {
        munmap((void *)L->f[i].data, L->f[i].len ? L->f[i].len : 1);
        free(L->paths[i]);
    }
}

dyad_dict *dyad_dict_load(const dyad_dict_files *files, int strict, dyad_diag_fn diag,
                          void *userdata, dyad_status *status)
{
    dyad_status tmp;
    if (!status)
        status = &tmp;
    if (!files) {
        *status = DYAD_EINVAL;
        return NULL;
    }
    file_list *L = calloc(1, sizeof *L);
    if (!L) {
        *status = DYAD_ENOMEM;
        return NULL;
    }
    *status = DYAD_OK;
    const char *names[] = {files->verbs, files->actors, files->agents, files->discards,
                           files->issues};
    bool ok = true;
    for (int k = 0; k < 5 && ok; k++)
        ok = add_files(L, files->dir, names[k], (dict_file_kind)k, diag, userdata, status);
    dyad_dict *d = NULL;
    if (ok) {
        dict_load_opts o = {.strict = strict, .cache_dir = files->cache_dir};
        d = load_mem(L->f, L->paths, L->n, &o, diag, userdata, status);
    }
    free_files(L);
    free(L);
    return d;
}

void dyad_dict_files_petrarch(dyad_dict_files *files, const char *dir)
{
    memset(files, 0, sizeof *files);
    files->dir = dir;
    files->verbs = "CAMEO.2.0.txt";
    files->actors = "Phoenix.Countries.actors.txt,Phoenix.International.actors.txt,"
                    "Phoenix.MilNonState.actors.txt";
    files->agents = "Phoenix.agents.txt";
    files->discards = "Phoenix.discards.txt";
    files->issues = "Phoenix.IssueCoding.txt";
}

void dyad_dict_free(dyad_dict *d)
{
    if (!d)
        return;
    if (d->mapped)
        munmap(d->image, d->size);
    else
        free(d->image);
    free(d);
}

int dict_from_cache(const dyad_dict *d)
{
    return d ? d->from_cache : 0;
}

uint64_t dict_cache_key(const dyad_dict *d)
{
    return d ? d->h->key : 0;
}
