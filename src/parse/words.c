/* words.c: the closed-class words of English that the tagger knows by heart
 * (determiners, pronouns, prepositions, auxiliaries, subordinators ...) and
 * the reporting and time words. A sorted table searched by bsearch. */
#include <stdlib.h>
#include <string.h>

#include "parse_int.h"

typedef struct closed_word {
    const char *w;
    uint8_t pos;
    uint16_t flags;
} closed_word;

/* Sorted bytewise (LC_ALL=C sort); checked by test_parse. */
static const closed_word closed[] = {
    {"'S", POS_POSS, 0}, {"A", POS_DET, 0}, {"ABOARD", POS_PREP, 0},
    {"ABOUT", POS_PREP, 0}, {"ACROSS", POS_PREP, 0}, {"AFTER", POS_SUB, 0},
    {"AGAIN", POS_ADV, 0}, {"AGAINST", POS_PREP, 0}, {"ALL", POS_DET, 0},
    {"ALMOST", POS_ADV, 0}, {"ALONG", POS_PREP, 0}, {"ALREADY", POS_ADV, 0},
    {"ALSO", POS_ADV, 0}, {"ALTHOUGH", POS_SUB, 0}, {"AM", POS_AUX, PF_BE},
    {"AMID", POS_PREP, 0}, {"AMONG", POS_PREP, 0}, {"AN", POS_DET, 0},
    {"AND", POS_CONJ, 0}, {"ANOTHER", POS_DET, 0}, {"ANY", POS_DET, 0},
    {"ARE", POS_AUX, PF_BE}, {"AROUND", POS_PREP, 0}, {"AS", POS_SUB, 0},
    {"AT", POS_PREP, 0}, {"BE", POS_AUX, PF_BE}, {"BECAUSE", POS_SUB, 0},
    {"BEEN", POS_AUX, PF_BE}, {"BEFORE", POS_SUB, 0}, {"BEHIND", POS_PREP, 0},
    {"BEING", POS_AUX, PF_BE}, {"BETWEEN", POS_PREP, 0}, {"BOTH", POS_DET, 0},
    {"BUT", POS_CONJ, 0}, {"BY", POS_PREP, 0}, {"CA", POS_MODAL, 0},
    {"CAN", POS_MODAL, 0}, {"COULD", POS_MODAL, 0}, {"DESPITE", POS_PREP, 0},
    {"DID", POS_AUX, PF_DO}, {"DO", POS_AUX, PF_DO}, {"DOES", POS_AUX, PF_DO},
    {"DURING", POS_PREP, 0}, {"EACH", POS_DET, 0}, {"EITHER", POS_DET, 0},
    {"EVEN", POS_ADV, 0}, {"EVER", POS_ADV, 0}, {"EVERY", POS_DET, 0},
    {"FEW", POS_DET, 0}, {"FOR", POS_PREP, 0}, {"FROM", POS_PREP, 0},
    {"HAD", POS_AUX, PF_HAVE}, {"HAS", POS_AUX, PF_HAVE},
    {"HAVE", POS_AUX, PF_HAVE}, {"HAVING", POS_AUX, PF_HAVE},
    {"HE", POS_PRON, 0}, {"HER", POS_PRON, PF_POSSDET}, {"HERE", POS_ADV, 0},
    {"HERS", POS_PRON, 0}, {"HIM", POS_PRON, 0}, {"HIS", POS_PRON, PF_POSSDET},
    {"HOWEVER", POS_ADV, 0}, {"I", POS_PRON, 0}, {"IF", POS_SUB, 0},
    {"IN", POS_PREP, 0}, {"INSIDE", POS_PREP, 0}, {"INTO", POS_PREP, 0},
    {"IS", POS_AUX, PF_BE}, {"IT", POS_PRON, 0}, {"ITS", POS_PRON, PF_POSSDET},
    {"JUST", POS_ADV, 0}, {"LATER", POS_ADV, 0}, {"LIKE", POS_PREP, 0},
    {"MANY", POS_DET, 0}, {"MAY", POS_MODAL, 0}, {"ME", POS_PRON, 0},
    {"MIGHT", POS_MODAL, 0}, {"MUST", POS_MODAL, 0},
    {"MY", POS_PRON, PF_POSSDET}, {"N'T", POS_NEG, 0}, {"NEAR", POS_PREP, 0},
    {"NEARLY", POS_ADV, 0}, {"NEITHER", POS_DET, 0}, {"NEVER", POS_NEG, 0},
    {"NO", POS_DET, 0}, {"NOR", POS_CONJ, 0}, {"NOT", POS_NEG, 0},
    {"NOW", POS_ADV, 0}, {"OF", POS_PREP, 0}, {"ON", POS_PREP, 0},
    {"ONLY", POS_ADV, 0}, {"ONTO", POS_PREP, 0}, {"OR", POS_CONJ, 0},
    {"OTHER", POS_DET, 0}, {"OUR", POS_PRON, PF_POSSDET | PF_PRON_PL},
    {"OVER", POS_PREP, 0}, {"PERHAPS", POS_ADV, 0}, {"REALLY", POS_ADV, 0},
    {"RECENTLY", POS_ADV, 0}, {"SEVERAL", POS_DET, 0}, {"SHALL", POS_MODAL, 0},
    {"SHE", POS_PRON, 0}, {"SHOULD", POS_MODAL, 0}, {"SINCE", POS_SUB, 0},
    {"SOME", POS_DET, 0}, {"SOON", POS_ADV, 0}, {"STILL", POS_ADV, 0},
    {"THAN", POS_SUB, 0}, {"THAT", POS_SUB, 0}, {"THE", POS_DET, 0},
    {"THEIR", POS_PRON, PF_POSSDET | PF_PRON_PL},
    {"THEM", POS_PRON, PF_PRON_PL}, {"THEN", POS_ADV, 0}, {"THERE", POS_ADV, 0},
    {"THESE", POS_DET, 0}, {"THEY", POS_PRON, PF_PRON_PL}, {"THIS", POS_DET, 0},
    {"THOSE", POS_DET, 0}, {"THOUGH", POS_SUB, 0}, {"THROUGH", POS_PREP, 0},
    {"THROUGHOUT", POS_PREP, 0}, {"TO", POS_TO, 0}, {"TOO", POS_ADV, 0},
    {"TOWARD", POS_PREP, 0}, {"TOWARDS", POS_PREP, 0}, {"UNDER", POS_PREP, 0},
    {"UNLESS", POS_SUB, 0}, {"UNTIL", POS_SUB, 0}, {"UPON", POS_PREP, 0},
    {"US", POS_PRON, PF_PRON_PL}, {"VERY", POS_ADV, 0}, {"VIA", POS_PREP, 0},
    {"WAS", POS_AUX, PF_BE}, {"WE", POS_PRON, PF_PRON_PL},
    {"WERE", POS_AUX, PF_BE}, {"WHEN", POS_SUB, 0}, {"WHERE", POS_SUB, 0},
    {"WHETHER", POS_SUB, 0}, {"WHICH", POS_REL, 0}, {"WHILE", POS_SUB, 0},
    {"WHO", POS_REL, 0}, {"WHOM", POS_REL, 0}, {"WHOSE", POS_REL, 0},
    {"WILL", POS_MODAL, 0}, {"WITH", POS_PREP, 0}, {"WITHIN", POS_PREP, 0},
    {"WITHOUT", POS_PREP, 0}, {"WO", POS_MODAL, 0}, {"WOULD", POS_MODAL, 0},
    {"YET", POS_ADV, 0}, {"YOU", POS_PRON, 0}, {"YOUR", POS_PRON, PF_POSSDET},
};

static int closed_cmp(const void *key, const void *elem)
{
    const closed_word *k = key, *e = elem;
    return strcmp(k->w, e->w);
}

int parse_closed_word(const char *w, size_t len, unsigned *pos, unsigned *flags)
{
    char tmp[16];
    if (len == 0 || len >= sizeof tmp)
        return 0;
    memcpy(tmp, w, len);
    tmp[len] = '\0';
    closed_word key = {tmp, 0, 0};
    const closed_word *e = bsearch(&key, closed, DYAD_COUNT(closed),
                                   sizeof closed[0], closed_cmp);
    if (!e)
        return 0;
    *pos = e->pos;
    *flags = e->flags;
    return 1;
}

int parse_closed_sorted(void)
{
    for (size_t i = 1; i < DYAD_COUNT(closed); i++)
        if (strcmp(closed[i - 1].w, closed[i].w) >= 0)
            return 0;
    return 1;
}

/* Words that name a time: never the subject of a verb ("on Thursday"). */
int parse_time_word(const char *w, size_t len)
{
    static const char *const t[] = {
        "APRIL", "AUGUST", "DECEMBER", "FEBRUARY", "FRIDAY", "JANUARY", "JULY",
        "JUNE", "MARCH", "MAY", "MONDAY", "MONTH", "MORNING", "NIGHT",
        "NOVEMBER", "OCTOBER", "SATURDAY", "SEPTEMBER", "SUNDAY", "THURSDAY",
        "TODAY", "TOMORROW", "TONIGHT", "TUESDAY", "WEDNESDAY", "WEEK",
        "WEEKEND", "YEAR", "YEARS", "YESTERDAY",
    };
    if (len < 3 || len > 9)
        return 0;   /* every token asks; most are not of these lengths */
    for (size_t i = 0; i < DYAD_COUNT(t); i++)
        if (t[i][0] == w[0] && strlen(t[i]) == len && !memcmp(t[i], w, len))
            return 1;
    return 0;
}

/* Verbs of saying. A reporting verb's clause, not the saying, is the news;
 * both kinds introduce a quotation and may come after it, before their
 * subject ("..., said the official", "'...,' writes a critic", "..., Slams
 * New York Post"). */
static const struct {
    const char *w;
    int reporting;
} speech[] = {
    {"SAY", 1}, {"SAYS", 1}, {"SAID", 1}, {"SAYING", 1}, {"TELL", 1}, {"TELLS", 1},
    {"TOLD", 1}, {"ANNOUNCE", 1}, {"ANNOUNCED", 1}, {"ANNOUNCES", 1}, {"STATE", 1},
    {"STATED", 1}, {"STATES", 1}, {"CLAIM", 1}, {"CLAIMED", 1}, {"CLAIMS", 1},
    {"REPORT", 1}, {"REPORTED", 1}, {"REPORTS", 1}, {"ADD", 1}, {"ADDED", 1}, {"ADDS", 1},
    {"NOTE", 1}, {"NOTED", 1}, {"NOTES", 1}, {"INSIST", 1}, {"INSISTED", 1},
    {"INSISTS", 1}, {"DECLARE", 1}, {"DECLARED", 1}, {"DECLARES", 1}, {"ASSERT", 1},
    {"ASSERTED", 1}, {"ASSERTS", 1},
    {"WRITES", 0}, {"WROTE", 0}, {"TWEETED", 0}, {"TWEETS", 0}, {"ARGUED", 0},
    {"ARGUES", 0}, {"SLAMS", 0}, {"SLAMMED", 0}, {"WARNS", 0}, {"WARNED", 0},
    {"URGES", 0}, {"URGED", 0}, {"ASKS", 0}, {"ASKED", 0}, {"CONCEDES", 0},
    {"CONCEDED", 0}, {"QUIPS", 0}, {"QUIPPED", 0}, {"EXPLAINS", 0}, {"EXPLAINED", 0},
    {"RECALLS", 0}, {"RECALLED", 0},
};

static int speech_kind(const char *w, size_t len)
{
    for (size_t i = 0; i < DYAD_COUNT(speech); i++)
        if (strlen(speech[i].w) == len && !memcmp(speech[i].w, w, len))
            return speech[i].reporting ? 2 : 1;
    return 0;
}

int parse_reporting_word(const char *w, size_t len)
{
    return speech_kind(w, len) == 2;
}

int parse_quoting_word(const char *w, size_t len)
{
    return speech_kind(w, len) != 0;
}

const char *parse_pos_str(unsigned pos)
{
    static const char *const names[POS_COUNT] = {
        "X", "NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM", "VERB", "AUX",
        "MODAL", "ADV", "NEG", "PREP", "TO", "CONJ", "SUB", "REL", "POSS",
        "COMMA", "PUNCT", "PART",
    };
    return pos < POS_COUNT ? names[pos] : "?";
}
