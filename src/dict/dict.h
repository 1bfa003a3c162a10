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
 * STATUS: the structures below are the contract between dict/ and code/.
 * Extend them; do not rename or remove fields without updating code/. */
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
    uint32_t entry;          /* index into that kind's table */
} dict_match;

/* All phrases of the given kinds that start at words[0], longest first.
 * Writes at most max matches; returns how many there are in total. A trailing
 * '_' (whole-word) entry only matches at a word boundary, which is given: the
 * tokens ARE words. Entries marked as needing a following word (PETRARCH's
 * "connector" forms) are the reader's business. */
size_t dict_lookup(const dyad_dict *d, const dict_word *words, size_t n,
                   unsigned kinds, dict_match *out, size_t max);

/* ---- Actors ---------------------------------------------------------------- */

typedef struct dict_actor_code {
    int32_t from;            /* first valid date YYYYMMDD, inclusive (0: open) */
    int32_t to;              /* last valid date, exclusive (INT32_MAX: open) */
    const char *code;        /* "USAGOV" */
} dict_actor_code;

typedef struct dict_actor {
    const char *name;        /* the primary phrase as written */
    const dict_actor_code *codes;
    uint32_t ncodes;         /* tried in file order, first match wins */
    dict_src src;
} dict_actor;

const dict_actor *dict_actor_get(const dyad_dict *d, uint32_t entry);
/* The actor's code valid on date (YYYYMMDD; 0 = undated: the first code
 * without a restriction, else the first). NULL if none applies. */
const char *dict_actor_code_at(const dyad_dict *d, uint32_t entry, int32_t date);

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
} dict_verb;

const dict_verb *dict_verb_get(const dyad_dict *d, uint32_t entry);

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
    const char *code;        /* issue category code */
    int negative;            /* '~' entry: suppresses the issue */
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
} dict_stats;

void dict_get_stats(const dyad_dict *d, dict_stats *out);

/* Checks the compiled dictionary's invariants (tests and fuzzers). Returns
 * 0 when sound. */
int dict_check(const dyad_dict *d);

#endif
