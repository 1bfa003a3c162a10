/* code.h: the coder's internals shared by the files of src/code, and the calls
 * the validate command and tests use beyond dyad.h (PETRARCH <Config>
 * options, the validation-file reader). */
#ifndef DYAD_CODE_H
#define DYAD_CODE_H

#include <string.h>

#include "../base/base.h"
#include "../dict/dict.h"
#include "../parse/parse.h"

/* ---- Coder configuration beyond the option bits -------------------------- */

typedef struct code_config {
    parse_opts parse;        /* comma rules */
    int new_actor_length;    /* PETRARCH option; read, not used (see COMPATIBILITY.md) */
    int attribution_events;  /* PETRARCH's statements, as its validation records
                                expect (dyad validate): a trailing ", X said" and a
                                targetless 010 give X --- 01x, the press is a target.
                                Off (dyad code): no such events */
    int petrarch_reading;    /* PETRARCH's literal reading, as its validation records
                                expect (dyad validate): every verb a fact, no CAMEO
                                refinements. Off (dyad code): modality (modality.c),
                                unasserted content, subcodes by content, domestic
                                and placed targets, air strikes, the press rule */
} code_config;

void code_config_default(code_config *cfg);
/* Replaces the coder's option bits and configuration. */
void code_coder_configure(dyad_coder *c, unsigned options, const code_config *cfg);
/* Whether the last document was dropped whole by a story discard, and how
 * many sentences a sentence discard dropped. */
int code_coder_story_discarded(const dyad_coder *c);
size_t code_coder_sentences_discarded(const dyad_coder *c);

/* ---- Pattern matching (match.c) ----------------------------------------- */

#define CODE_MAX_ACTORS 16

typedef struct code_match {
    const dict_pattern *pat;       /* NULL: the verb's own code */
    int score;
    uint32_t source, target;       /* groups bound by $ / +, or PARSE_NONE */
    uint32_t compound;             /* group bound by %, or PARSE_NONE */
    int compound_pre;              /* % stood before the verb */
    uint32_t post_end;             /* token after the last post-verb element */
    int uses_neg;                  /* a pattern word matched the negation */
    uint32_t tried;                /* patterns looked at (bounded) */
} code_match;

/* Synset phrases starting at each token, looked up once per sentence. */
typedef struct code_syn {
    uint8_t done, n;               /* n > 4: more than kept, ask the dictionary */
    uint32_t id[4], len[4];
} code_syn;

/* Finds the best pattern of verb for verb group v. syn: one code_syn per
 * token of the sentence (zeroed before the first verb), or NULL. clause:
 * words after a comma that starts another clause are out of reach (dyad's
 * reading; PETRARCH's records expect patterns to reach them). */
void code_match_verb(const dyad_dict *d, const parse_sent *ps, uint32_t v,
                     const dict_verb *verb, code_syn *syn, int clause, code_match *out);

/* ---- Actors (actors.c) ------------------------------------------------- */

typedef struct code_actor {
    const char *code;              /* arena string */
    uint32_t unit;                 /* the actor unit, or PARSE_NONE */
    uint32_t begin, end;           /* tokens */
} code_actor;

typedef struct code_coref {
    code_actor last[CODE_MAX_ACTORS];   /* the previous sentence's main actors */
    uint32_t nlast;
    code_actor pair[CODE_MAX_ACTORS];   /* the last compound ("A and B") */
    uint32_t npair;
} code_coref;

/* How code_group_actors reads actor phrases. */
enum {
    CODE_ACT_SPLIT = 1,     /* a code written "A/B" is two actors (PETRARCH-1) */
    CODE_ACT_OFFICE = 2     /* "former president" is elite (ELI), and a title
                             * before a named person is that person's dated
                             * office (dyad's reading; PETRARCH appends both) */
};

/* Actor codes of group g on date; pronouns resolve through the nearest
 * earlier actor group of the sentence, else coref. flags: CODE_ACT_*.
 * Returns the count. */
uint32_t code_group_actors(arena *a, const dyad_dict *d, const parse_sent *ps,
                           uint32_t g, int32_t date, const code_coref *coref,
                           int flags, code_actor *out, uint32_t max);

/* ---- Event anaphora (anaphora.c) --------------------------------------- */

/* "rejected the offer", "condemned the air strikes": when the noun phrase
 * starting at token `at` (and ending by `end`) is a definite event noun,
 * fills *out with the source of the latest event of that kind among ev[0,
 * nev) (this document's so far) that is none of src, spanning the noun
 * phrase. Returns 1 if so, else 0. */
uint32_t code_event_anaphor(const parse_sent *ps, uint32_t at, uint32_t end,
                            const dyad_event *ev, size_t nev,
                            const code_actor *src, uint32_t ns, code_actor *out);

/* ---- Modality (modality.c) ---------------------------------------------- */

typedef enum code_mood {
    CODE_MOOD_FACT,          /* it happened (or happens) */
    CODE_MOOD_INTENT,        /* "will", "plans to", "is ready to" */
    CODE_MOOD_SPECULATION,   /* "could", "might", "should": nothing asserted */
    CODE_MOOD_UNREALIZED,    /* "failed to", "no longer", "has no plans to" */
} code_mood;

/* What verb group v asserts about its event. */
code_mood code_mood_of(const parse_sent *ps, uint32_t v);
/* An infinitive after a noun for something meant ("an effort to scrap"):
 * intended, not done. */
int code_noun_complement(const parse_lexicon *lx, const parse_sent *ps, uint32_t v);
/* Inside what a report called false says ("falsely claimed that ..."). */
int code_false_report(const parse_sent *ps, uint32_t v);
/* CAMEO's code for the intent or threat to do what code does ("040" ->
 * "036", "163" -> "1312"), or NULL when the code is already verbal. */
const char *code_intent_of(const char *code);
/* A generic appeal, intent, demand, rejection or threat (020, 030, 100,
 * 120, 130) refined by the code of what it is about ("threatened to
 * attack": 130 + 190 -> 1384; "refused to hold talks": 120 + 040 -> 125),
 * an arena string; NULL when CAMEO has no such subcode. */
const char *code_by_content(arena *a, const char *code, const char *content);

/* ---- Roles (roles.c) -------------------------------------------------------- */

/* A code that makes no event: absent, empty or "---". */
static inline int code_none(const char *code)
{
    return !code || !*code || !strcmp(code, "---");
}

/* Is token t the word w (normalized, upper case)? */
int code_word_is(const parse_tok *t, const char *w);
/* Is the token one of the n upper-case words? */
int code_word_in(const parse_tok *t, const char *const *words, size_t n);
/* Is group g, seen from verb group v with code, a topic or a place rather
 * than a target ("discussed Syria", "met in Cairo")? ns: source count. */
int code_place_prep(const parse_tok *t);
int code_compound_place(const parse_sent *ps, uint32_t v, uint32_t g, const char *code,
                        const code_actor *src, uint32_t ns);
int code_topic_group(const parse_sent *ps, uint32_t v, uint32_t g, const char *code,
                     uint32_t ns);
/* "proposed joint air strikes with X": 030 or 0312 for a generic 020 whose
 * target group tg follows "with" after a joint act; else NULL. */
const char *code_joint_offer(const parse_sent *ps, const parse_vg *vg, uint32_t tg,
                             const char *code);
/* A role-only target tgt ("---MIL") in the source's country when the event
 * (code) is domestic by nature; an arena string, or NULL. */
const char *code_domestic_source(arena *a, const char *src, const char *tgt,
                                 const char *code);
const char *code_domestic_target(arena *a, const char *src, const char *tgt,
                                 const char *code);
/* A role-only target in the country of the place right after it ("an army
 * post near Damascus"); an arena string, or NULL. */
const char *code_placed_target(arena *a, const dyad_dict *d, const parse_sent *ps,
                               const code_actor *t, int32_t date);
/* Is group g the source's own people ("its army", "their ambassador"): what
 * the act is done with, not to ("put its army on alert", "recalled its
 * ambassador from X")? */
int code_own_people(const parse_sent *ps, uint32_t g);
/* Does group g name aircraft ("Russian warplanes")? */
int code_aerial(const parse_sent *ps, uint32_t g);
int code_figurative_force(const parse_lexicon *lx, const parse_sent *ps, uint32_t tg,
                          const char *code);
/* The dictionary code of the gerund after "of" in [from, to) ("accused X of
 * torturing"), or NULL. */
const char *code_gerund_content(const dyad_dict *d, const parse_sent *ps, uint32_t from,
                                uint32_t to);

/* ---- Validation files (vfile.c) ------------------------------------------ */

typedef struct code_vevent {
    char *source, *target, *code;  /* NULL when the record expects none */
    char *error;                   /* error="..." records */
} code_vevent;

typedef struct code_vconfig {
    char *option, *value;
} code_vconfig;

typedef struct code_vrecord {
    char *id, *category;
    int32_t date;
    int sentence;                  /* the sentence="true|false" attribute */
    char *text;                    /* whitespace collapsed, entities decoded */
    code_vevent *events;
    size_t nevents;
    code_vconfig *configs;         /* <Config> met before this record (and inside it) */
    size_t nconfigs;
    long line;
} code_vrecord;

typedef struct code_vfile {
    char *verbs, *actors, *agents, *discards, *issues;   /* <Environment> */
    code_vconfig *configs;         /* file-level <Config> in <Environment> */
    size_t nconfigs;
    code_vrecord *records;
    size_t nrecords;
    arena mem;
} code_vfile;

/* Reads a PETRARCH validation file. Problems go through diag. Returns
 * DYAD_OK, DYAD_EIO or DYAD_EFORMAT. */
dyad_status code_vfile_read(const char *path, code_vfile *out, dyad_diag_fn diag,
                            void *ud);
/* The same from memory (tests, fuzzing). */
dyad_status code_vfile_parse(const char *data, size_t len, const char *name,
                             code_vfile *out, dyad_diag_fn diag, void *ud);
void code_vfile_free(code_vfile *vf);

#endif
