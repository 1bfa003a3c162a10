/* words.c: the small word lists sentence segmentation needs: abbreviations
 * that keep their period (titles, months, days, US states in AP style,
 * company suffixes), words that typically open a sentence, and news agency
 * and photo-credit names. General English and news conventions only; no
 * list names a particular story. Lookups are binary searches on lower-case
 * keys and run only at candidate boundaries, off the per-byte hot path. */
#include <stdlib.h>
#include <string.h>

#include "text_internal.h"

typedef struct abbrev {
    const char *w;
    unsigned flags;
} abbrev;

#define T ABBR_TITLE
#define P ABBR_PLAIN
#define C (ABBR_PLAIN | ABBR_NEEDCAP)
#define TC (ABBR_TITLE | ABBR_NEEDCAP)
#define N ABBR_NUM

/* Sorted by strcmp on the lower-case key. */
static const abbrev abbrevs[] = {
    {"adm", T}, {"al", P}, {"ala", C}, {"ald", T}, {"amb", T}, {"approx", P},
    {"apr", P}, {"ariz", C}, {"ark", C}, {"art", N}, {"assn", P}, {"asst", T},
    {"atty", T}, {"aug", P}, {"ave", P}, {"bldg", P}, {"blvd", P}, {"brig", T},
    {"bros", P}, {"ca", C}, {"calif", C}, {"capt", T}, {"cdr", T}, {"cf", P},
    {"ch", N}, {"cmdr", T}, {"co", P}, {"col", TC}, {"colo", C}, {"comdr", T},
    {"conn", C}, {"corp", P}, {"cpl", T}, {"cpt", T}, {"ct", C}, {"dec", P},
    {"del", C}, {"dept", P}, {"det", TC}, {"dist", P}, {"dr", T}, {"e.g", P},
    {"ens", TC}, {"esq", P}, {"est", C}, {"etc", P}, {"feb", P}, {"fig", N},
    {"fla", C}, {"fr", TC}, {"fri", C}, {"ft", C}, {"ga", C}, {"gen", TC},
    {"gov", TC}, {"govt", P}, {"hon", TC}, {"hwy", P}, {"i.e", P}, {"ill", C},
    {"inc", P}, {"ind", C}, {"insp", T}, {"intl", P}, {"jan", P}, {"jr", P},
    {"jul", P}, {"jun", P}, {"kan", C}, {"ky", C}, {"la", C}, {"lt", T},
    {"ltd", P}, {"maj", T}, {"mar", C}, {"mass", C}, {"md", C}, {"messrs", T},
    {"mich", C}, {"minn", C}, {"miss", C}, {"mo", C}, {"mon", C}, {"mont", C},
    {"mr", T}, {"mrs", T}, {"ms", T}, {"msgr", T}, {"mt", C}, {"mtn", P},
    {"natl", P}, {"neb", C}, {"nev", C}, {"no", N}, {"nos", N}, {"nov", P},
    {"oct", P}, {"okla", C}, {"ore", C}, {"org", C}, {"pa", C}, {"pfc", T}, {"ph.d", P},
    {"pp", N}, {"pres", TC}, {"prof", T}, {"pt", N}, {"pvt", T}, {"rd", P},
    {"rep", TC}, {"reps", TC}, {"rev", TC}, {"sat", C}, {"sec", TC},
    {"sen", TC}, {"sens", TC}, {"sep", P}, {"sept", P}, {"sgt", T},
    {"spc", T}, {"sq", P}, {"sr", P}, {"st", P}, {"ste", P}, {"sun", C},
    {"supt", T}, {"tenn", C}, {"tex", C}, {"thu", C}, {"thur", C},
    {"thurs", C}, {"tue", C}, {"tues", C}, {"univ", P}, {"v", T}, {"va", C},
    {"vol", N}, {"vs", P}, {"vt", C}, {"wash", C}, {"wed", C}, {"wis", C},
    {"wyo", C},
};

#undef T
#undef P
#undef C
#undef TC
#undef N

/* Words that open sentences far more often than they follow an
 * abbreviation inside one. Sorted. */
static const char *const starters[] = {
    "a", "after", "all", "also", "although", "an", "and", "as", "at",
    "because", "before", "both", "but", "by", "despite", "during", "each",
    "earlier", "for", "from", "he", "her", "here", "his", "how", "however",
    "i", "if", "in", "it", "its", "last", "later", "many", "meanwhile",
    "more", "most", "my", "no", "not", "now", "on", "one", "only", "or",
    "other", "our", "over", "she", "since", "so", "some", "still", "such",
    "that", "the", "their", "there", "these", "they", "this", "those",
    "though", "thus", "to", "two", "under", "until", "we", "what", "when",
    "where", "which", "while", "who", "why", "with", "yet", "you", "your",
};

/* Agencies and credit words that end photo captions. Sorted, exact case. */
static const char *const agencies[] = {
    "AFP", "ANSA", "AP", "Anadolu", "Bloomberg", "EFE", "EPA", "Getty",
    "IRNA", "Images", "Kyodo", "PA", "Photo", "Photos", "Pool", "RIA",
    "Reuters", "SANA", "Shutterstock", "Sputnik", "TASS", "UPI", "WENN",
    "Xinhua", "Yonhap",
};

/* Lower-cases an ASCII word into key; false when too long or not ASCII. */
static bool lower_key(const char *w, size_t len, char *key, size_t cap)
{
    if (len == 0 || len >= cap)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c & 0x80)
            return false;
        key[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    key[len] = '\0';
    return true;
}

static int cmp_abbrev(const void *k, const void *e)
{
    return strcmp(k, ((const abbrev *)e)->w);
}

static int cmp_str(const void *k, const void *e)
{
    return strcmp(k, *(const char *const *)e);
}

unsigned text_abbrev_lookup(const char *w, size_t len)
{
    char key[16];
    if (!lower_key(w, len, key, sizeof key))
        return 0;
    const abbrev *hit = bsearch(key, abbrevs, DYAD_COUNT(abbrevs),
                                sizeof abbrevs[0], cmp_abbrev);
    return hit ? hit->flags : 0;
}

bool text_is_starter(const char *w, size_t len)
{
    char key[16];
    if (!lower_key(w, len, key, sizeof key))
        return false;
    return bsearch(key, starters, DYAD_COUNT(starters), sizeof starters[0],
                   cmp_str) != NULL;
}

bool text_is_agency(const char *w, size_t len)
{
    char key[16];
    if (len == 0 || len >= sizeof key)
        return false;
    memcpy(key, w, len);
    key[len] = '\0';
    return bsearch(key, agencies, DYAD_COUNT(agencies), sizeof agencies[0],
                   cmp_str) != NULL;
}

bool text_ends_with_agency(const char *w, size_t len)
{
    /* The credit starts at the last capital that follows a lower-case
     * letter or a period. */
    for (size_t i = len; i-- > 1;) {
        unsigned char c = (unsigned char)w[i], prev = (unsigned char)w[i - 1];
        if (c >= 'A' && c <= 'Z' &&
            ((prev >= 'a' && prev <= 'z') || prev == '.'))
            return text_is_agency(w + i, len - i);
    }
    return false;
}
