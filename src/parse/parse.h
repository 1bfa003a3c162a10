/* parse.h: shallow syntax of one sentence, as the coder sees it.
 *
 * parse_sentence() turns the text layer's tokens into: dictionary units
 * (longest-match actors, agents and verbs), coarse part-of-speech tags (a
 * WordNet-derived lexicon plus context rules), noun-phrase chunks, actor
 * groups (conjoined noun phrases with their "of/in/from" attachments), verb
 * groups (voice, negation, modality, infinitive) and, per verb group, its
 * subject group and the region where its objects lie. Everything lives in
 * the arena passed in; nothing is allocated per token outside it. */
#ifndef DYAD_PARSE_H
#define DYAD_PARSE_H

#include <stdint.h>

#include "../base/base.h"
#include "../dict/dict.h"
#include "../text/text.h"

#define PARSE_NONE UINT32_MAX

/* Coarse part-of-speech classes. */
enum parse_pos {
    POS_X = 0, POS_NOUN, POS_PROPN, POS_PRON, POS_DET, POS_ADJ, POS_NUM,
    POS_VERB, POS_AUX, POS_MODAL, POS_ADV, POS_NEG, POS_PREP, POS_TO,
    POS_CONJ, POS_SUB, POS_REL, POS_POSS, POS_COMMA, POS_PUNCT, POS_PART,
    POS_COUNT
};

/* Verb-form and token flags. */
enum {
    PF_ED = 1u << 0,       /* past tense or participle (-ed, irregular) */
    PF_ING = 1u << 1,
    PF_S = 1u << 2,
    PF_BE = 1u << 3,       /* a form of BE */
    PF_HAVE = 1u << 4,
    PF_DO = 1u << 5,
    PF_PRON_PL = 1u << 6,  /* they, their, them */
    PF_ERASED = 1u << 7,   /* inside a comma clause removed by the comma rules */
    PF_SAY = 1u << 8,      /* a reporting verb (say, tell, announce ...) */
    PF_POSSDET = 1u << 9,  /* its, his, their: a possessive pronoun */
    PF_TIME = 1u << 10,    /* Thursday, today, week: never a subject */
    PF_CAP = 1u << 11      /* capitalized, not sentence-initial */
};

/* Lexicon classes (the generated table's bits). */
enum { LX_N = 1, LX_V = 2, LX_ADJ = 4, LX_ADV = 8, LX_VIRR = 16, LX_NPL = 32, LX_ABS = 64,
       LX_PHYS = 128 };

typedef struct parse_lexicon parse_lexicon;

/* Builds the lookup table over the generated WordNet lexicon (once per coder). */
parse_lexicon *parse_lexicon_new(void);
void parse_lexicon_free(parse_lexicon *lx);
/* Lexicon classes of an upper-case word, 0 when unknown; *base receives the
 * lemma of an irregular form (or NULL). */
unsigned parse_lexicon_get(const parse_lexicon *lx, const char *w, size_t len,
                           const char **base);

typedef struct parse_tok {
    uint32_t tok;          /* index into text_doc.tokens */
    dict_word id;          /* interned word id, 0 when no dictionary uses it */
    const char *norm;      /* normalized (upper case) form */
    uint32_t len;
    uint8_t pos;           /* enum parse_pos */
    uint16_t flags;        /* PF_* */
    uint32_t unit;         /* dictionary unit covering this token, or PARSE_NONE */
    uint32_t np;           /* NP chunk containing it, or PARSE_NONE */
    uint8_t lex;           /* lexicon classes (LX_*), looked up once */
    int8_t verbish;        /* could be a verb form: -1 not yet known */
    uint32_t info;         /* lexicon facts (word_info bits) */
} parse_tok;

/* A dictionary phrase chosen for tokens [begin, end). */
typedef struct parse_unit {
    uint32_t begin, end;
    uint32_t kind;         /* DICT_ACTOR, DICT_AGENT or DICT_VERB */
    uint32_t entry;
    uint32_t alt[4];       /* further entries of the same phrase and kind */
    uint32_t nalt;
} parse_unit;

/* A noun-phrase chunk: tokens [begin, end). */
typedef struct parse_np {
    uint32_t begin, end;
    uint32_t actor;        /* first actor unit inside, or PARSE_NONE */
    uint32_t agents[4];    /* agent units inside, in order */
    uint32_t nagents;
    uint32_t pron;         /* token of a pronoun heading it, or PARSE_NONE */
    uint32_t group;        /* the actor group it belongs to */
} parse_np;

/* A conjunct of an actor group: one NP, or agents distributed over actors
 * ("lawmakers and officials in A and B"): np is the NP, dist_to the first
 * actor conjunct its agents combine with (PARSE_NONE when they stand alone). */
typedef struct parse_conj {
    uint32_t np;
    uint32_t dist_from, dist_to;   /* range of conjunct indexes it distributes over */
} parse_conj;

/* Conjoined NPs with attached "of/in/from" phrases: one or more actors. */
typedef struct parse_group {
    uint32_t begin, end;           /* tokens */
    uint32_t first_conj, nconj;    /* into parse_sent.conjs */
    uint32_t nactors;              /* conjuncts with an actor */
} parse_group;

/* A verb group: auxiliaries, adverbs, negation and the main verb. */
typedef struct parse_vg {
    uint32_t begin, end;           /* tokens */
    uint32_t head;                 /* main verb token */
    uint32_t unit;                 /* dictionary verb unit, or PARSE_NONE */
    uint32_t neg_tok;              /* negation token, or PARSE_NONE */
    uint8_t passive, negated, infinitive, modal, finite, participle;
    uint32_t subject;              /* subject group, or PARSE_NONE */
    uint32_t subject_from;         /* vg the subject was inherited from, or PARSE_NONE */
    uint32_t obj_end;              /* end of the region where objects are sought */
} parse_vg;

typedef struct parse_sent {
    const text_doc *doc;
    uint32_t sentence;             /* index in doc */
    parse_tok *toks;
    uint32_t n;
    parse_unit *units;
    uint32_t nunits;
    parse_np *nps;
    uint32_t nnps;
    parse_conj *conjs;
    uint32_t nconjs;
    parse_group *groups;
    uint32_t ngroups;
    parse_vg *vgs;
    uint32_t nvgs;
    uint32_t *tok_group;           /* per token: group covering it, or PARSE_NONE */
    struct parse_wcache *wc;       /* the coder's word cache (may be NULL) */
    uint32_t discard;              /* discard entry matched, or PARSE_NONE */
    uint32_t issues[8];            /* issue entries matched */
    uint32_t nissues;
} parse_sent;

/* TABARI/PETRARCH comma rules: a comma-delimited clause whose length in
 * words lies in [min, max] is removed before coding (max 0: off). */
typedef struct parse_opts {
    int comma_min, comma_max;      /* internal clauses */
    int comma_bmin, comma_bmax;    /* the clause before the first comma */
    int comma_emin, comma_emax;    /* the clause after the last comma */
} parse_opts;

void parse_opts_default(parse_opts *o);

/* Per-coder memo of what the lexicon and the closed-class table say about
 * each dictionary word id (the same words recur in every sentence). */
/* A recently seen word, its dictionary id and lexicon facts. The word is
 * kept inline so a hit is checked byte for byte within one cache line: the
 * dictionary's word table and the lexicon are large, and each of their
 * probes is a cache miss. */
typedef struct parse_wmemo {
    char w[22];
    uint8_t len;           /* 0: empty slot */
    uint8_t pad;
    uint32_t id;
    uint32_t info;
} parse_wmemo;
#define PARSE_WMEMO 65536

typedef struct parse_wcache {
    uint32_t *e;           /* 0: not yet known */
    size_t n;
    parse_wmemo *memo;     /* PARSE_WMEMO slots by word hash (may be NULL): 2 MiB, about
                              the working vocabulary of a news stream */
} parse_wcache;

/* Parses sentence s of doc. Returns DYAD_OK or DYAD_ENOMEM. At most
 * PARSE_MAX_TOKENS tokens of a sentence are looked at (bounded time). */
#define PARSE_MAX_TOKENS 400
dyad_status parse_sentence(arena *a, const dyad_dict *d, const parse_lexicon *lx,
                           parse_wcache *wc, const parse_opts *o, const text_doc *doc,
                           uint32_t s, parse_sent *out);

/* The lexicon classes of a noun token, a plural looked up by its stem when
 * the form itself is not listed ("remarks": REMARK). */
unsigned parse_noun_classes(const parse_lexicon *lx, const parse_tok *t);
/* Is the token a noun for something said or thought ("boast", "plans",
 * "remarks"), by WordNet's first sense? */
int parse_abstract_noun(const parse_lexicon *lx, const parse_tok *t);
/* A verb of saying (say, tell, announce, claim ...), by its upper-case form. */
int parse_reporting_word(const char *w, size_t len);
/* A reporting verb, or another verb that introduces a quotation (writes,
 * slams, warns, urges ...): either may follow the quotation, before its
 * subject. */
int parse_quoting_word(const char *w, size_t len);
const char *parse_pos_str(unsigned pos);

/* Appends the sentence's chunks as JSON (explain traces). */
void parse_explain(const parse_sent *ps, const dyad_dict *d, buf *b);

#endif
