/* parse_int.h: declarations shared by the files of src/parse only. */
#ifndef DYAD_PARSE_INT_H
#define DYAD_PARSE_INT_H

#include "parse.h"

/* Closed-class word: 1 and its tag and flags, else 0. */
int parse_closed_word(const char *w, size_t len, unsigned *pos, unsigned *flags);
int parse_closed_sorted(void);
int parse_time_word(const char *w, size_t len);

/* Chunks, actor groups, verb groups and subjects (chunk.c). */
dyad_status parse_chunk(arena *a, const parse_lexicon *lx, parse_sent *ps);

#endif
