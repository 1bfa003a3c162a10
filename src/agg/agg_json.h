/* agg_json.h: the JSON Lines event-record parser used by agg_read.c (and
 * compared with jansson in tests/unit/test_agg.c). Private to agg/. */
#ifndef DYAD_AGG_JSON_H
#define DYAD_AGG_JSON_H

#include "agg.h"

enum {
    AJ_DOC_ID, AJ_DATE, AJ_SOURCE, AJ_TARGET, AJ_CODE, AJ_ROOT, AJ_SOURCE_TEXT,
    AJ_TARGET_TEXT, AJ_VERB_TEXT, AJ_SENTENCE_TEXT, AJ_URL, AJ_ISSUES, AJ_NSTR
};
enum { AJ_SENTENCE, AJ_QUAD, AJ_GOLDSTEIN, AJ_SCHEMA, AJ_NNUM };

typedef struct agg_json {
    buf scratch;                 /* decoded strings, NUL-separated */
    size_t off[AJ_NSTR];         /* where each string starts; (size_t)-1: absent */
    const char *str[AJ_NSTR];    /* after a parse: the strings, "" when absent */
    double num[AJ_NNUM];
    int has_num[AJ_NNUM];        /* 1: a number; 2: an integer; -1: not a number */
    dyad_span span[4];           /* source, target, verb, sentence */
} agg_json;

/* Parses one line holding one JSON object. Returns NULL on success, else
 * why the line is not valid JSON (or not an object). Strings live in j until
 * the next call; agg_json_free releases them. */
const char *agg_json_parse(agg_json *j, const char *line, size_t len);
void agg_json_free(agg_json *j);

#endif
