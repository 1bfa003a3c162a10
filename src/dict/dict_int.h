/* dict_int.h: what the files of src/dict/ share and nobody else sees: the
 * builder that readers fill, the frozen image layout (one position-independent
 * block that is also the cache file), and the line scanner.
 *
 * Life of a dictionary: readers (read_verbs.c, read_actors.c, read_lists.c)
 * add entries to a dict_builder using indices and string offsets only;
 * freeze.c lays everything out in one blob (header, sections) and sets the
 * public structs' pointers into it; cache.c writes that blob with pointers
 * turned into offsets and maps it back. */
#ifndef DYAD_DICT_INT_H
#define DYAD_DICT_INT_H

#include "dict.h"

#define DICT_CACHE_MAGIC 0x31434944444159ull  /* "YADDIC1" */
#define DICT_IMAGE_FORMAT 6u                   /* bump when the layout changes */

/* ---- Builder ------------------------------------------------------------ */

typedef struct b_code {        /* an actor code with its date interval */
    int32_t from, to;
    uint32_t code;             /* string offset */
    uint32_t line;
} b_code;

typedef struct b_actor {
    uint32_t name, first_code, ncodes, file, line;
} b_actor;

typedef struct b_agent {
    uint32_t name, code, file, line;
    int prefix;
} b_agent;

typedef struct b_block {
    uint32_t name, code, first_pattern, npatterns, file, line;
    uint32_t code2;            /* [A:B]'s B, 0 when none */
} b_block;

typedef struct b_verb {
    uint32_t name, code, block, first_word, nwords, head, first_form, nforms,
        file, line;
    uint32_t code2;            /* [A:B]'s B (own or the block's), 0 when none */
} b_verb;

typedef struct b_pattern {
    uint32_t first_elem, nelems, code, code2, file, line;
    uint8_t syntax;
} b_pattern;

typedef struct b_synset {
    uint32_t name, nmembers, file, line;
    int no_plural;             /* the label ends in '_' */
    int defined;               /* a '&NAME' line was seen (else only referenced) */
} b_synset;

typedef struct b_discard {
    uint32_t phrase, file, line;
    int whole_story;
} b_discard;

typedef struct b_issue {
    uint32_t phrase, code, category, file, line;
    int negative;
} b_issue;

typedef struct b_transform {
    uint32_t text, file, line;
} b_transform;

typedef struct b_match {       /* build-time list of entries ending at a trie node */
    uint32_t kind, entry, next;
} b_match;

/* A synset member waiting for the end of the verb files: members may name
 * other synsets (TABARI) that are defined later. */
typedef struct b_member {
    uint32_t synset, first_word, nwords, file, line;
    int no_plural;
    uint32_t ref;              /* member is &OTHER: its synset id, else DICT_NONE */
} b_member;

typedef struct dict_builder {
    arena scratch;
    buf strings;               /* string pool; offset 0 is "" */
    vec word_off;              /* uint32: word id -> string offset */
    vec word_hash;             /* uint64: word id -> hash_bytes of the word */
    uint32_t *whash;           /* open addressing over word ids, 0 = empty */
    size_t whash_cap;
    vec nodes;                 /* uint32 per trie node: head of its b_match list */
    vec matches;               /* b_match */
    uint32_t *edges;           /* triples parent, word, child; parent UINT32_MAX = empty */
    size_t edges_cap, nedges;
    vec actors, codes, agents, blocks, verbs, verb_words, verb_forms, patterns,
        elems, synsets, members, discards, issues, transforms, files;
    vec diags;                 /* b_diag, replayed from a cache */
    uint32_t *syn_index;       /* synset names: open addressing, id + 1, 0 = empty */
    size_t syn_cap;
    /* Reporting. */
    dyad_diag_fn diag;
    void *ud;
    int strict;
    bool pedantic;             /* report each duplicate (lint) */
    size_t dups;               /* duplicates in the current file, not reported */
    size_t errors, warnings;
    bool stop;                 /* strict and an error was reported */
    bool oom;
    /* The file being read. */
    uint32_t file;
    const char *file_name;
    long cur_line;             /* line the scanner last returned */
} dict_builder;

typedef struct b_diag {
    uint32_t severity, file, line, msg;
} b_diag;

void builder_init(dict_builder *b, dyad_diag_fn diag, void *ud, int strict);
void builder_free(dict_builder *b);

uint32_t builder_str(dict_builder *b, const char *s, size_t len);
const char *builder_strp(const dict_builder *b, uint32_t off);
uint32_t builder_file(dict_builder *b, const char *name);

/* Normalizes s (text_normalize, then ASCII upper case) and interns it. 0 on
 * failure or an empty word. */
dict_word builder_word(dict_builder *b, const char *s, size_t len);
/* Interns an already normalized word. */
dict_word builder_word_norm(dict_builder *b, const char *s, size_t len);
const char *builder_word_str(const dict_builder *b, dict_word w);

/* Splits a phrase on blanks and '_' into normalized word ids (at most max).
 * Returns the count; 0 when empty. *trunc is set when words were dropped. */
size_t builder_phrase(dict_builder *b, const char *s, size_t len,
                      dict_word *out, size_t max);

/* Adds a phrase -> (kind, entry) mapping to the trie. Returns an earlier
 * entry of the same kind with the same phrase (duplicates), else DICT_NONE. */
uint32_t builder_add_phrase(dict_builder *b, const dict_word *w, size_t n,
                            uint32_t kind, uint32_t entry);

/* A duplicate entry: a warning under pedantic (lint), else only counted
 * and summed up in one note per file (the production files hold ~1,300). */
void bdup(dict_builder *b, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Diagnostics at a line of the current file. Errors set stop under strict. */
void bdiag(dict_builder *b, dyad_severity sev, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#define VEC_PUSH(v, T) ((T *)vec_push(v))
#define VEC_LEN(v) ((v)->len)

/* ---- Line scanner ---------------------------------------------------------- */

/* One logical line of a dictionary file, comments removed: lines starting
 * with '#' or '<!', '<!-- ... -->' spans, text after a '#' outside [...]. */
typedef struct dict_line {
    char *s;                   /* NUL-terminated copy, trimmed; scratch memory */
    size_t len;
    long lineno;
    long offset;               /* byte offset of the line in the file */
} dict_line;

typedef struct line_reader {
    const char *data;
    size_t len, pos;
    long lineno;
    buf line;
    dict_builder *b;
    bool in_comment;           /* inside a multi-line <!-- --> */
    long comment_line;
    bool warned_ctrl;
    size_t ctrl_bytes;
    long bang_lines;           /* lines skipped for starting with '<!' */
    long last_bang;            /* the last of them */
} line_reader;

void line_reader_init(line_reader *r, dict_builder *b, const char *data, size_t len);
/* Next non-empty line; false at the end. Stray control bytes are removed with
 * a warning. */
bool line_next(line_reader *r, dict_line *out);
void line_reader_free(line_reader *r);

/* ---- Shared parsing helpers ------------------------------------------------ */

/* Reads a YYMMDD / YYYYMMDD date (7 digits tolerated with a warning). Returns
 * 0 and reports when invalid. */
int32_t dict_parse_date(dict_builder *b, long line, const char *s, size_t len);

/* Whether code looks like a CAMEO event code ("---", 2-4 digits, an optional
 * letter suffix). */
bool dict_code_is_cameo(const char *s, size_t len);

/* Regular English forms, written into out (separated by NUL, counted). */
size_t inflect_plural(const char *w, size_t len, char out[][64], size_t max);
size_t inflect_verb(const char *w, size_t len, char out[][64], size_t max);

/* Readers: one per file kind. They report through the builder. */
void read_verbs(dict_builder *b, const char *data, size_t len);
void read_actors(dict_builder *b, const char *data, size_t len);
void read_agents(dict_builder *b, const char *data, size_t len);
void read_discards(dict_builder *b, const char *data, size_t len);
void read_issues(dict_builder *b, const char *data, size_t len);
/* After all verb files: expand synset members into the trie. */
void verbs_finish(dict_builder *b);

/* Guesses a file's kind from its content (lint without flags). */
dict_file_kind dict_guess_kind(const char *data, size_t len);

/* ---- Frozen image ------------------------------------------------------------ */

typedef struct dict_node {      /* a trie node: its entries, sorted by kind, entry */
    uint32_t first_match, nmatch;
    uint32_t nkids;             /* edges leaving it: 0 ends a walk without a probe */
} dict_node;

typedef struct dict_fmatch {
    uint32_t kind, entry;
} dict_fmatch;

typedef struct dict_edge {
    uint32_t parent, word, child;
} dict_edge;

typedef struct dict_head {      /* head word -> verb, sorted by word then verb */
    uint32_t word, verb;
} dict_head;

typedef struct dict_rdiag {     /* a load diagnostic kept for cache replay */
    uint32_t severity, file, line, msg;
} dict_rdiag;

/* Sections of the image, in order. Offsets are from the start of the image. */
enum dict_section {
    SEC_STRINGS, SEC_WORD_OFF, SEC_WHASH, SEC_NODES, SEC_MATCHES, SEC_EDGES,
    SEC_ACTORS, SEC_CODES, SEC_AGENTS, SEC_BLOCKS, SEC_VERBS, SEC_VERB_WORDS,
    SEC_VERB_FORMS, SEC_PATTERNS, SEC_ELEMS, SEC_SYNSETS, SEC_DISCARDS,
    SEC_ISSUES, SEC_TRANSFORMS, SEC_FILES, SEC_DIAGS, SEC_HEADS, SEC_ROOT, SEC_COUNT
};

typedef struct dict_image_header {
    uint64_t magic;
    uint32_t format;
    uint32_t ptr_size;
    uint64_t key;               /* hash of the sources and the dyad version */
    uint64_t size;              /* total image bytes */
    uint64_t off[SEC_COUNT];
    uint64_t count[SEC_COUNT];  /* items (bytes for strings) */
    uint64_t whash_cap, edges_cap;
    uint64_t source_bytes;
    uint64_t errors, warnings;
} dict_image_header;

/* The runtime handle: the image plus typed views into it. */
struct dyad_dict {
    char *image;
    size_t size;
    int mapped;                 /* image is an mmap (munmap on free) */
    int from_cache;
    const dict_image_header *h;
    const char *strings;
    const uint32_t *word_off;
    const uint32_t *whash;
    const dict_node *nodes;
    const dict_fmatch *matches;
    const dict_edge *edges;
    const uint32_t *root;       /* word id -> its node under the root, DICT_NONE */
    const dict_actor *actors;
    const dict_actor_code *codes;
    const dict_agent *agents;
    const dict_block *blocks;
    const dict_verb *verbs;
    const dict_word *verb_words;
    const dict_word *verb_forms;
    const dict_pattern *patterns;
    const dict_elem *elems;
    const dict_synset *synsets;
    const dict_discard *discards;
    const dict_issue *issues;
    const dict_transform *transforms;
    const uint32_t *files;      /* string offsets */
    const dict_rdiag *diags;
    const dict_head *heads;
};

/* Lays out the builder's content as an image; NULL on allocation failure. */
dyad_dict *dict_freeze(dict_builder *b, uint64_t key, size_t source_bytes);
/* Sets the typed views from d->image. Returns false when the image is not
 * sound (bad magic, sections outside the image). */
bool dict_bind(dyad_dict *d);
/* Moves every pointer in the image's public structs from base `from` to base
 * `to` (NULL stays NULL). With check, each pointer must lie within the image
 * relative to `from` (an image read from a file); false if one does not. */
bool dict_relocate(dyad_dict *d, uintptr_t from, uintptr_t to, bool check);

/* Cache files hold pointers as if the image sat at this address; a cache
 * mapped there needs no relocation at all (see cache.c). */
#define DICT_CACHE_BASE ((uintptr_t)0x3f0000000000ull)

/* Cache: NULL when absent or stale. */
dyad_dict *dict_cache_load(const char *dir, uint64_t key);
void dict_cache_store(const dyad_dict *d, const char *dir);
uint64_t dict_hash64(uint64_t h, const void *data, size_t len);

#endif
