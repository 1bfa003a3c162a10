#!/usr/bin/env bash
# default_verbs.sh: dyad's own verb, discard and issue dictionaries
# (dict/dyad.verbs.txt, dyad.discards.txt, dyad.issues.txt): they lint clean,
# and the embedded defaults code plain news sentences (written for this test)
# with the CAMEO category a reader gives them, including light-verb phrases
# ("imposed sanctions", "held talks", "floated a proposal"). The seed
# article check needs ../shared/data and skips without it. TAP output.
source tests/tap.sh
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# ---- lint -------------------------------------------------------------------
$DYAD dict lint --verbs dict/dyad.verbs.txt --discards dict/dyad.discards.txt \
    --issues dict/dyad.issues.txt >"$out" 2>&1
check "lint of dyad's verb, discard and issue files exits 0" test $? -eq 0
if grep -qE ': (error|warning): ' "$out"; then
    not_ok "lint of dyad's verb, discard and issue files reports no problem"
    grep -E ': (error|warning): ' "$out" | head -20 | sed 's/^/# /'
else
    ok "lint of dyad's verb, discard and issue files reports no problem"
fi
check "lint summary says 0 errors, 0 warnings" grep -q '^0 errors, 0 warnings' "$out"

# ---- sentences ----------------------------------------------------------------
# expect 'SENTENCE' SOURCE TARGET CODE: some event of the sentence (coded with
# the embedded defaults) has a source and target starting with SOURCE and
# TARGET and a code matching the regex CODE.
n=0
expect() {
    local text=$1 src=$2 tgt=$3 code=$4
    n=$((n + 1))
    printf '%s\n' "$text" | $DYAD code --date 20200115 --id "v$n" --format tsv \
        >"$out" 2>/dev/null
    if awk -F '\t' -v s="^$src" -v t="^$tgt" -v c="^($code)\$" \
        '$2 ~ s && $3 ~ t && $4 ~ c { f = 1 } END { exit !f }' "$out"; then
        ok "'$text' -> $src $tgt $code"
    else
        not_ok "'$text' -> $src $tgt $code"
        sed 's/^/# got: /' "$out" | head -5
    fi
}
expect "France condemned Russia on Tuesday." FRA RUS 111
expect "Turkey accused Greece of war crimes." TUR GRC 1124
expect "Germany imposed sanctions on Iran." DEU IRN 163
expect "Japan sent humanitarian aid to the Philippines." JPN PHL 073
expect "The United States urged Israel to halt the offensive." USA ISR 0256   # appeal for de-escalation
expect "China praised Pakistan for its support." CHN PAK 051
expect "India and Pakistan signed a peace agreement on Friday." IND PAK 057
expect "North Korea threatened South Korea with military action." PRK KOR 138
expect "Russian forces shelled Ukrainian positions near Kharkiv." RUS UKR 194
expect "Russia launched air strikes on rebels in Syria." RUS SYR 195
expect "Saudi Arabia held talks with Iran in Baghdad." SAU IRN 040
expect "The German chancellor visited Poland on Wednesday." DEU POL 042
expect "The president of France spoke by phone with the president of Egypt." FRA EGY 041
expect "Egypt hosted talks between Israel and the Palestinians." EGY ISR 043
expect "Brazil expelled the Venezuelan ambassador." BRA VEN 174
expect "Israel killed three Palestinians in the West Bank." ISR PSE '19.'
expect "Russia floated a proposal for joint air strikes with the United States." RUS USA '03.*'

# ---- issues and discards ------------------------------------------------------
printf 'Iran rejected new talks on its nuclear program with the United States.\n' |
    $DYAD code --date 20200115 --id issue1 >"$out" 2>/dev/null
check "issues: a nuclear program sentence carries NUCLEAR_PROGRAM" grep -q '"NUCLEAR_PROGRAM"' "$out"
printf 'Preheat the oven. Russia praised France on Monday.\n' |
    $DYAD code --date 20200115 --id discard1 >"$out" 2>/dev/null
check "discards: a recipe story yields no event" test ! -s "$out"
printf 'Russia praised France on Monday.\n' |
    $DYAD code --date 20200115 --id discard2 >"$out" 2>/dev/null
check "discards: the same sentence alone is coded" grep -q '"code":"051"' "$out"

# ---- the seed article ---------------------------------------------------------
if need_shared "default dictionaries on the seed article"; then
    $DYAD code --date 20160608 --format tsv "$DYAD_SHARED/seed/article.txt" \
        >"$out" 2>/dev/null
    check "seed article with the defaults exits 0" test $? -eq 0
    has() {  # SOURCE-REGEX TARGET-REGEX CODE-REGEX
        awk -F '\t' -v s="$1" -v t="$2" -v c="$3" \
            '$2 ~ s && $3 ~ t && $4 ~ c { f = 1 } END { exit !f }' "$out"
    }
    check "seed article: Russia consults the USA (04x)" has '^RUS' '^USA' '^04'
    check "seed article: the USA consults Russia (04x)" has '^USA' '^RUS' '^04'
    check "seed article: Russia proposes to the USA (03x)" has '^RUS' '^USA' '^03'
    check "seed article: Russian air strikes on rebels (19x)" has '^RUS' 'REB' '^19'
    check "seed article: France against Russia (01x/11x)" has '^FRA' '^RUS' '^(01|11)'
fi
