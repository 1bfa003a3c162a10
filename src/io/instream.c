/* instream.c: the byte input stream under every document reader: a file
 * descriptor or a memory buffer, decoded through zlib (gzip, multi-member)
 * or zstd (multi-frame) when compressed. Owns the raw input buffer and the
 * decompressor state; knows nothing of documents. A compressed stream that
 * ends early is an error, never a silent short read. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read.h"

#define RAW_SIZE (128 * 1024)

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

static void fail(io_instream *s, const char *msg, const char *detail)
{
    s->failed = true;
    if (detail)
        snprintf(s->error, sizeof s->error, "%s: %s", msg, detail);
    else
        snprintf(s->error, sizeof s->error, "%s", msg);
}

/* Tops up the raw buffer, moving unread bytes to its start. */
static bool raw_fill(io_instream *s)
{
    if (s->raw_eof)
        return true;
    if (s->raw_pos > 0) {
        memmove(s->raw, s->raw + s->raw_pos, s->raw_len - s->raw_pos);
        s->raw_len -= s->raw_pos;
        s->raw_pos = 0;
    }
    while (s->raw_len < s->raw_cap) {
        ssize_t n;
        if (s->fd < 0) {
            size_t left = s->mem_len - s->mem_pos, want = s->raw_cap - s->raw_len;
            n = (ssize_t)(left < want ? left : want);
            memcpy(s->raw + s->raw_len, s->mem + s->mem_pos, (size_t)n);
            s->mem_pos += (size_t)n;
        } else {
            n = read(s->fd, s->raw + s->raw_len, s->raw_cap - s->raw_len);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                fail(s, "read error", strerror(errno));
                return false;
            }
        }
        if (n == 0) {
            s->raw_eof = true;
            break;
        }
        s->raw_len += (size_t)n;
        if (s->fd >= 0)
            break;  /* one read(2) per fill: pipes deliver what they have */
    }
    return true;
}

static bool start_decoder(io_instream *s)
{
    if (s->comp == IO_COMP_GZIP) {
        memset(&s->z, 0, sizeof s->z);
        if (inflateInit2(&s->z, 15 + 16) != Z_OK) {
            fail(s, "cannot start gzip decoder", NULL);
            return false;
        }
        s->z_live = true;
    } else if (s->comp == IO_COMP_ZSTD) {
        s->zs = ZSTD_createDStream();
        if (!s->zs || ZSTD_isError(ZSTD_initDStream(s->zs))) {
            fail(s, "cannot start zstd decoder", NULL);
            return false;
        }
        s->zs_hint = 0;
    }
    return true;
}

/* Settles the compression: the extension decides, else magic numbers. */
static bool sniff(io_instream *s)
{
    if (s->comp == IO_COMP_NONE) {
        while (s->raw_len < 4 && !s->raw_eof)
            if (!raw_fill(s))
                return false;
        const unsigned char *p = s->raw;
        if (s->raw_len >= 2 && p[0] == 0x1f && p[1] == 0x8b)
            s->comp = IO_COMP_GZIP;
        else if (s->raw_len >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f &&
                 p[3] == 0xfd)
            s->comp = IO_COMP_ZSTD;
    }
    return start_decoder(s);
}

static bool init_common(io_instream *s)
{
    /* A small memory input (tests, fuzzers) needs no big staging buffer. */
    s->raw_cap = s->fd < 0 && s->mem_len < RAW_SIZE ? s->mem_len + 16 : RAW_SIZE;
    s->raw = malloc(s->raw_cap);
    if (!s->raw) {
        fail(s, "out of memory", NULL);
        return false;
    }
    return sniff(s);
}

bool io_instream_open(io_instream *s, const char *path)
{
    memset(s, 0, sizeof *s);
    if (!path || !strcmp(path, "-")) {
        s->fd = 0;
    } else {
        s->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (s->fd < 0) {
            fail(s, "cannot open", strerror(errno));
            return false;
        }
        s->own_fd = true;
        if (ends_with(path, ".gz"))
            s->comp = IO_COMP_GZIP;
        else if (ends_with(path, ".zst"))
            s->comp = IO_COMP_ZSTD;
    }
    return init_common(s);
}

void io_instream_open_mem(io_instream *s, const void *data, size_t len,
                          io_compression comp)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    s->mem = data;
    s->mem_len = len;
    s->comp = comp;
    init_common(s);
}

static ssize_t read_plain(io_instream *s, unsigned char *dst, size_t n)
{
    if (s->raw_pos == s->raw_len) {
        s->raw_pos = s->raw_len = 0;
        if (!raw_fill(s))
            return -1;
        if (s->raw_len == 0)
            return 0;
    }
    size_t k = s->raw_len - s->raw_pos;
    if (k > n)
        k = n;
    memcpy(dst, s->raw + s->raw_pos, k);
    s->raw_pos += k;
    return (ssize_t)k;
}

/* After a gzip member ends: another member may follow (as `cat a.gz b.gz`). */
static bool gzip_next_member(io_instream *s)
{
    if (s->raw_pos == s->raw_len && !raw_fill(s))
        return false;
    if (s->raw_pos == s->raw_len)
        return true;  /* clean end */
    if (s->raw_len - s->raw_pos < 2 && !raw_fill(s))
        return false;
    const unsigned char *p = s->raw + s->raw_pos;
    if (s->raw_len - s->raw_pos < 2 || p[0] != 0x1f || p[1] != 0x8b) {
        fail(s, "trailing garbage after gzip data", NULL);
        return false;
    }
    inflateReset(&s->z);
    s->z_member_done = false;
    return true;
}

static ssize_t read_gzip(io_instream *s, unsigned char *dst, size_t n)
{
    for (;;) {
        if (s->z_member_done) {
            if (!gzip_next_member(s))
                return -1;
            if (s->z_member_done)
                return 0;
        }
        if (s->raw_pos == s->raw_len && !s->raw_eof) {
            s->raw_pos = s->raw_len = 0;
            if (!raw_fill(s))
                return -1;
        }
        s->z.next_in = s->raw + s->raw_pos;
        s->z.avail_in = (uInt)(s->raw_len - s->raw_pos);
        s->z.next_out = dst;
        s->z.avail_out = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
        int rc = inflate(&s->z, Z_NO_FLUSH);
        s->raw_pos = s->raw_len - s->z.avail_in;
        size_t got = (size_t)(s->z.next_out - dst);
        if (rc == Z_STREAM_END) {
            s->z_member_done = true;
            if (got)
                return (ssize_t)got;
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            fail(s, "corrupt gzip data", s->z.msg ? s->z.msg : "inflate failed");
            return -1;
        }
        if (got)
            return (ssize_t)got;
        if (s->raw_eof && s->raw_pos == s->raw_len) {
            fail(s, "truncated gzip data (unexpected end of file)", NULL);
            return -1;
        }
    }
}

static ssize_t read_zstd(io_instream *s, unsigned char *dst, size_t n)
{
    for (;;) {
        if (s->raw_pos == s->raw_len && !s->raw_eof) {
            s->raw_pos = s->raw_len = 0;
            if (!raw_fill(s))
                return -1;
        }
        if (s->raw_pos == s->raw_len && s->raw_eof && s->zs_hint == 0)
            return 0;
        ZSTD_inBuffer in = {s->raw, s->raw_len, s->raw_pos};
        ZSTD_outBuffer out = {dst, n, 0};
        size_t rc = ZSTD_decompressStream(s->zs, &out, &in);
        s->raw_pos = in.pos;
        if (ZSTD_isError(rc)) {
            fail(s, "corrupt zstd data", ZSTD_getErrorName(rc));
            return -1;
        }
        s->zs_hint = rc;
        if (out.pos)
            return (ssize_t)out.pos;
        if (s->raw_eof && s->raw_pos == s->raw_len) {
            if (rc == 0)
                return 0;
            fail(s, "truncated zstd data (unexpected end of file)", NULL);
            return -1;
        }
    }
}

ssize_t io_instream_read(io_instream *s, void *dst, size_t n)
{
    if (s->failed)
        return -1;
    if (s->eof || n == 0)
        return 0;
    ssize_t got;
    switch (s->comp) {
    case IO_COMP_GZIP: got = read_gzip(s, dst, n); break;
    case IO_COMP_ZSTD: got = read_zstd(s, dst, n); break;
    default: got = read_plain(s, dst, n); break;
    }
    if (got == 0)
        s->eof = true;
    return got;
}

void io_instream_close(io_instream *s)
{
    if (s->z_live)
        inflateEnd(&s->z);
    if (s->zs)
        ZSTD_freeDStream(s->zs);
    if (s->own_fd && s->fd >= 0)
        close(s->fd);
    free(s->raw);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}
