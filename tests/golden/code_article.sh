#!/usr/bin/env bash
# code_article.sh: the seed article (Kerry, Lavrov, Syria; 8 June 2016)
# coded with the PETRARCH2 production dictionaries yields the events a
# reader sees in it: Russia and the USA consulting each other (04x, both
# ways), Russia proposing joint strikes with the USA (03x: CAMEO.2.0 files
# PROPOSE under 02, but proposing to act jointly with someone is an offer to
# cooperate with them), Russia's air campaign striking rebels (19x), France
# criticizing or accusing Russia (01x/11x); and no consultation with the
# Nusra Front, whom the ministers discussed acting against.
. "$(dirname "$0")/../tap.sh"
need_shared "code article" || exit 0
dicts=$DYAD_SHARED/petrarch2/dictionaries
out=$("$DYAD" code --petrarch "$dicts" --date 20160608 --format tsv \
      "$DYAD_SHARED/seed/article.txt" 2>/dev/null)
check "code article exits 0" test $? -eq 0
has() {  # SOURCE-REGEX TARGET-REGEX CODE-REGEX
    echo "$out" | awk -F '\t' -v s="$1" -v t="$2" -v c="$3" \
        '$2 ~ s && $3 ~ t && $4 ~ c { f = 1 } END { exit !f }'
}
check "Russia consults the USA (04x)" has '^RUS' '^USA' '^04'
check "the USA consults Russia (04x)" has '^USA' '^RUS' '^04'
check "Russia offers joint strikes to the USA (03x)" has '^RUS' '^USA' '^03'
lacks() { ! has "$@"; }
check "no consultation with the Nusra Front" lacks '' 'SYRREB' '^04'
check "Russia strikes rebels (19x)" has '^RUS' 'REB' '^19'
check "France criticizes/accuses Russia (01x/11x)" has '^FRA' '^RUS' '^(01|11)'
