/* dict.h: compiled dictionaries, as the coder sees them. This is the only
 * header other stages include from src/dict/.
 *
 * A dyad_dict is built once (from source files or a cache) and is immutable
 * afterwards: any number of coders on any number of threads read it without
 * locks. Words are interned to integer ids; phrases (actors, agents, verbs,
 * discards, issues, synset members) sit in one trie over word ids for
 * longest-match lookup; every entry remembers the file:line it came from.
 *
 * Word forms are normalized as text_normalize() does (upper case, folded
 * punctuation), and PETRARCH's '_' joiners become separate words, so the
 * coder looks up the token stream directly.
 *
 * Every string and array a dict_* function returns is borrowed from the
 * dictionary and lives until dyad_dict_free.
 *
 * STATUS: the structures below are the contract between dict/ and code/.
 * Extend them; do not rename or remove fields without updating code/.
 * Implemented in src/dict/ (readers read_*.c, builder build.c, image
 * freeze.c, queries query.c, cache cache.c); semantics and differences from
 * PETRARCH in docs/COMPATIBILITY.md. */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include <stdint.h>

#include "../base/base.h"

typedef uint32_t dict_word;          /* interned word id; 0 = not in dictionary */
#define DICT_NONE UINT32_MAX         /* "no entry" for indexes */

/* Where an entry came from. file indexes dict_file_name(). */
typedef struct dict_src {
    uint32_t file;
    uint32_t line;
} dict_src;

/* ---- Words --------------------------------------------------------------- */

/* Id of a normalized word, 0 when no dictionary entry uses it. */
dict_word dict_word_find(const dyad_dict *d, const char *s, size_t len);
/* The same, with h = hash_bytes(s, len) already in hand. */
dict_word dict_word_find_hashed(const dyad_dict *d, const char *s, size_t len, uint64_t h);
const char *dict_word_str(const dyad_dict *d, dict_word w);

/* ---- Phrase lookup --------------------------------------------------------- */

enum dict_kind {
    DICT_ACTOR = 1u << 0,
    DICT_AGENT = 1u << 1,
    DICT_VERB = 1u << 2,      /* a verb form (inflected, compound) */
    DICT_DISCARD = 1u << 3,
    DICT_ISSUE = 1u << 4,
    DICT_SYNSET = 1u << 5     /* member of a verb-dictionary synset */
};

typedef struct dict_match {
    uint32_t len;            /* phrase length in words */
    uint32_t kind;           /* one enum dict_kind value */
    uint32_t entry;          /* index into that kind's table: actor, agent,
                                verb (any of its forms matched), discard,
                                issue, or the synset id for DICT_SYNSET */
} dict_match;

/* All phrases of the given kinds that start at words[0], longest first;
 * equally long ones by kind (the enum's order), then in file order. Writes
 * at most max matches; returns how many there are in total. A word id 0
 * (not in any dictionary) ends the walk. A trailing '_' (whole-word) entry
 * only matches at a word boundary, which is given: the tokens ARE words.
 * Entries marked as needing a following word (PETRARCH's "connector" forms)
 * are the reader's business. */
size_t dict_lookup(const dyad_dict *d, const dict_word *words, size_t n,
                   unsigned kinds, dict_match *out, size_t max);

/* ---- Actors ---------------------------------------------------------------- */

typedef struct dict_actor_code {
    int32_t from;            /* first valid date YYYYMMDD, inclusive (0: open) */
    int32_t to;              /* '<D': D, exclusive; 'D1-D2': D2, inclusive
                              * (INT32_MAX: open) */
    const char *code;        /* "USAGOV" */
    uint32_t line;           /* line of this code in the actor's file */
} dict_actor_code;

typedef struct dict_actor {
    const char *name;        /* the primary phrase as written */
    const dict_actor_code *codes;
    uint32_t ncodes;         /* restricted codes in file order, first match
                              * wins; the unrestricted one is the default */
    dict_src src;
} dict_actor;

const dict_actor *dict_actor_get(const dyad_dict *d, uint32_t entry);
/* The actor's code valid on date (YYYYMMDD): the first date-restricted code
 * that applies, else the unrestricted default. Undated (0): the default, else
 * the first code. NULL if none applies. */
const char *dict_actor_code_at(const dyad_dict *d, uint32_t entry, int32_t date);
/* As dict_actor_code_at, returning the whole code record (NULL if none). */
const dict_actor_code *dict_actor_code_rec_at(const dyad_dict *d, uint32_t entry,
                                              int32_t date);
/* A phrase may belong to several actor entries (the same name written twice,
 * possibly in different files): dict_lookup returns them all, in file order.
 * PETRARCH concatenates their code lists; to do the same, try the entries in
 * order and take the first whose dict_actor_code_at is not NULL. */

/* ---- Agents ---------------------------------------------------------------- */

typedef struct dict_agent {
    const char *name;
    const char *code;        /* "GOV", without the ~ */
    int prefix;              /* [X~]: X goes before the actor's code */
    dict_src src;
} dict_agent;

const dict_agent *dict_agent_get(const dyad_dict *d, uint32_t entry);

/* ---- Verbs and patterns ---------------------------------------------------- */

/* Element kinds of a compiled pattern. Both syntaxes compile to these:
 *   PETRARCH2:  "- pre-verb words * post-verb words (PREP words) {MOD HEAD}"
 *   PETRARCH-1/TABARI: "- $ words * ^ + words %"  */
enum dict_elem_kind {
    PAT_WORD,        /* a literal word: id */
    PAT_SYNSET,      /* any member of synset id */
    PAT_VERB,        /* '*': the verb itself */
    PAT_SOURCE,      /* '$' */
    PAT_TARGET,      /* '+' */
    PAT_SKIP,        /* '^': skip one noun phrase (TABARI) */
    PAT_COMPOUND,    /* '%': compound actor, source and target (TABARI) */
    PAT_PREP_BEGIN,  /* '(' */
    PAT_PREP_END,    /* ')' */
    PAT_GROUP_BEGIN, /* '{' */
    PAT_GROUP_END    /* '}' */
};

enum dict_elem_flag {
    PATF_ADJACENT = 1u << 0, /* '_' joined: must immediately follow the previous element */
    PATF_HEAD = 1u << 1      /* head word of a {..} group or compound */
};

typedef struct dict_elem {
    uint8_t kind;            /* enum dict_elem_kind */
    uint8_t flags;           /* enum dict_elem_flag */
    uint32_t id;             /* word or synset id */
} dict_elem;

enum dict_syntax { DICT_SYNTAX_P2 = 2, DICT_SYNTAX_P1 = 1 };

typedef struct dict_pattern {
    const dict_elem *elems;
    uint32_t nelems;
    dict_word need;          /* a word the pattern cannot match without (0: none):
                                a sentence lacking it skips the pattern unread */
    const char *code;        /* "042", or "---" (no event) */
    const char *code2;       /* [A:B]'s B, or NULL */
    uint8_t syntax;          /* enum dict_syntax */
    dict_src src;
} dict_pattern;

typedef struct dict_verb {
    const char *name;        /* the form as written in the file (base form) */
    const char *code;        /* the verb's own or its block's default code */
    uint32_t block;          /* index of its --- NAME [CODE] --- block */
    const dict_word *words;  /* compound verbs: all words, head included */
    uint32_t nwords;
    uint32_t head;           /* index of the inflected word in words */
    const dict_pattern *patterns;  /* the block's patterns, file order */
    uint32_t npatterns;
    dict_src src;
    /* Extension: the head word of every form of this verb (base, -S, -ED,
     * -ING, or the {...} forms), for finding compound verbs whose words are
     * not adjacent in the text ("called the meeting off"). */
    const dict_word *forms;
    uint32_t nforms;
    /* Extension: the [A:B] B that goes with code ("ARRIVE [032:033]"): the
     * verb's own, else its block's when it takes the block's code; NULL when
     * none. The coder emits it for the reversed event, as for patterns. */
    const char *code2;
} dict_verb;

const dict_verb *dict_verb_get(const dyad_dict *d, uint32_t entry);

/* A "--- NAME [CODE] ---" block: PETRARCH2 keys patterns by block. */
typedef struct dict_block {
    const char *name;
    const char *code;        /* the block's default code ("---": none) */
    const dict_pattern *patterns;
    uint32_t npatterns;
    dict_src src;
    const char *code2;       /* Extension: [A:B]'s B of the header, or NULL */
} dict_block;

const dict_block *dict_block_get(const dyad_dict *d, uint32_t block);
size_t dict_block_count(const dyad_dict *d);

/* Verbs whose form has head word w (for compound verbs: the inflected word).
 * Writes at most max verb entries, returns how many there are. */
size_t dict_verbs_by_head(const dyad_dict *d, dict_word w, uint32_t *out,
                          size_t max);

/* Verb transformations ("~ a (a b ATTACK) SAY = a b 015"), kept as written. */
typedef struct dict_transform {
    const char *text;        /* the line after '~', trimmed */
    dict_src src;
} dict_transform;

size_t dict_transform_count(const dyad_dict *d);
const dict_transform *dict_transform_get(const dyad_dict *d, uint32_t i);

/* Synsets ("&CURRENCY"): name without '&' and trailing '_'. */
typedef struct dict_synset {
    const char *name;
    uint32_t nmembers;       /* member phrases, plurals not counted */
    dict_src src;
} dict_synset;

const dict_synset *dict_synset_get(const dyad_dict *d, uint32_t synset);
size_t dict_synset_count(const dyad_dict *d);

/* Synset members: each member is a phrase; the synset id is its index. */
const char *dict_synset_name(const dyad_dict *d, uint32_t synset);
/* Nonzero when the phrase at words (length n, longest match) belongs to
 * synset; *len receives its length. */
int dict_synset_match(const dyad_dict *d, uint32_t synset,
                      const dict_word *words, size_t n, uint32_t *len);

/* ---- Discards and issues --------------------------------------------------- */

typedef struct dict_discard {
    const char *phrase;
    int whole_story;         /* leading '+': drop the whole document */
    dict_src src;
} dict_discard;

const dict_discard *dict_discard_get(const dyad_dict *d, uint32_t entry);

typedef struct dict_issue {
    const char *phrase;
    const char *code;        /* issue code ("" for '~' entries) */
    int negative;            /* 1: '~' suppresses issues in the sentence,
                                2: '~~' in the whole story */
    const char *category;    /* CATEGORY of the enclosing <ISSUE>, "" when none */
    dict_src src;
} dict_issue;

const dict_issue *dict_issue_get(const dyad_dict *d, uint32_t entry);

/* ---- Loading from memory ---------------------------------------------------- */

/* One dictionary file held in memory (the embedded defaults, tests, fuzzers). */
typedef enum dict_file_kind {
    DICT_FILE_VERBS, DICT_FILE_ACTORS, DICT_FILE_AGENTS, DICT_FILE_DISCARDS,
    DICT_FILE_ISSUES
} dict_file_kind;

typedef struct dict_mem_file {
    dict_file_kind kind;
    const char *name;        /* shown in diagnostics and file:line references */
    const char *data;
    size_t len;
} dict_mem_file;

/* Compiles dictionaries from memory buffers, as dyad_dict_load does from
 * files. The buffers need not outlive the call. */
dyad_dict *dict_load_mem(const dict_mem_file *files, size_t nfiles, int strict,
                         dyad_diag_fn diag, void *ud, dyad_status *status);

/* ---- Files ------------------------------------------------------------------ */

/* The file name for a dict_src.file index (as given, relative to its dir). */
const char *dict_file_name(const dyad_dict *d, uint32_t file);

/* Counts per kind, for `dyad dict stats` and tests. */
typedef struct dict_stats {
    size_t words, actors, actor_codes, agents, verbs, verb_blocks, patterns,
        synsets, discards, issues, files, bytes;
    /* Extension: */
    size_t phrases, transforms, synset_members, verb_forms, errors, warnings;
} dict_stats;

void dict_get_stats(const dyad_dict *d, dict_stats *out);

/* Checks the compiled dictionary's invariants (tests and fuzzers). Returns
 * 0 when sound. */
int dict_check(const dyad_dict *d);

/* ---- Extensions for lint, the CLI and tests ------------------------------- */

/* Loads one or more files from memory with explicit options. kind_auto:
 * guess each file's kind from its content (the kind field is ignored). */
typedef struct dict_load_opts {
    int strict;
    int kind_auto;
    const char *cache_dir;   /* dict_load_mem_opts: cache keyed by content */
    int pedantic;            /* report every duplicate entry (lint) */
} dict_load_opts;

dyad_dict *dict_load_mem_opts(const dict_mem_file *files, size_t nfiles,
                              const dict_load_opts *opts, dyad_diag_fn diag,
                              void *ud, dyad_status *status);

/* The kind a file's content looks like (verbs, actors, ...). */
dict_file_kind dict_file_kind_guess(const char *data, size_t len);
/* The kind a file's name declares by PETRARCH's naming ("*.verbs.txt",
 * "Phoenix.Countries.actors.txt", "*.agents.txt", "*.discards.txt",
 * "*Issue*"), or -1 when it declares none. Names are more reliable than
 * content: a list of organisation names looks like a discard list. */
int dict_file_kind_from_name(const char *path);
const char *dict_file_kind_str(dict_file_kind kind);

/* Whether the last load came from the cache; the cache key. */
int dict_from_cache(const dyad_dict *d);
uint64_t dict_cache_key(const dyad_dict *d);

/* Normalizes a phrase the way dictionary phrases are (text_normalize, upper
 * case, '_' and blanks split words) and looks each word up. Returns the word
 * count (at most max); unknown words get id 0. For tools and tests. */
size_t dict_phrase_words(const dyad_dict *d, const char *phrase, dict_word *out,
                         size_t max);

#endif
