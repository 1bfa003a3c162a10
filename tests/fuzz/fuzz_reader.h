/* fuzz_reader.h: the body shared by the document-reader fuzz targets
 * (fuzz_read_jsonl.c, fuzz_read_xml.c, fuzz_read_text.c). The input is a
 * whole file read through the memory input stream; gzip or zstd data is
 * recognised by its magic number, so compressed seeds reach the decoders
 * too. A final '!' turns on strict mode. Every document must be well formed:
 * text readable for text_len bytes, id a string, and the reader must end. */
#ifndef DYAD_FUZZ_READER_H
#define DYAD_FUZZ_READER_H

#include <stdint.h>
#include <string.h>

#include "io/io.h"

static void fuzz_count_diag(const dyad_diag *d, void *ud)
{
    size_t *n = ud;
    *n += strlen(d->message) > 0;
}

static int fuzz_reader(const uint8_t *data, size_t size, dyad_input_format format,
                       const char *name)
{
    size_t diags = 0;
    dyad_reader_opts o = {
        .format = format,
        .text_field = "text,title",
        .strict = size > 0 && data[size - 1] == '!',
        .diag = fuzz_count_diag,
        .diag_userdata = &diags,
    };
    dyad_status st;
    dyad_reader *r = io_reader_open_mem(data, size, name, IO_COMP_NONE, &o, &st);
    if (!r)
        return 0;
    dyad_doc doc;
    size_t docs = 0;
    volatile unsigned sum = 0;
    while ((st = dyad_reader_next(r, &doc)) == DYAD_OK) {
        DYAD_ASSERT(doc.id && doc.text);
        for (size_t i = 0; i < doc.text_len; i++)
            sum += (unsigned char)doc.text[i];
        sum += (unsigned)strlen(doc.id);
        DYAD_ASSERT(++docs <= size + 1);
    }
    DYAD_ASSERT(st == DYAD_EEND || st == DYAD_EIO || st == DYAD_EFORMAT || st == DYAD_ENOMEM);
    DYAD_ASSERT(dyad_reader_next(r, &doc) == st);
    dyad_reader_free(r);
    return 0;
}

#endif
