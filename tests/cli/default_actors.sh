#!/usr/bin/env bash
# default_actors.sh: dyad's own actor and agent dictionaries (dict/dyad.*.actors.txt,
# dict/dyad.agents.txt): they lint clean as a set, and a set of public facts
# resolve to the right CAMEO code on the right date, both from the files
# (--dict-dir dict) and from the copy embedded in the binary. TAP output;
# needs $DYAD (tests/run.sh sets it).
source tests/tap.sh
out=$(mktemp)
trap 'rm -f "$out"' EXIT

ACTORS="dyad.countries.actors.txt,dyad.leaders.actors.txt,dyad.organizations.actors.txt,dyad.nonstate.actors.txt"

if ! $DYAD dict lookup --help >/dev/null 2>&1; then
    skip "default actors" "'dyad dict lookup' is not available in this build"
    exit 0
fi

# ---- lint: the set is clean, read explicitly as actors and agents -----------
files=()
for f in ${ACTORS//,/ }; do files+=("dict/$f"); done
$DYAD dict lint --actors "${files[@]}" --agents dict/dyad.agents.txt >"$out" 2>&1
rc=$?
check "lint of dyad's actor and agent files exits 0" test "$rc" -eq 0
if grep -qE ': (error|warning): ' "$out"; then
    not_ok "lint of dyad's actor and agent files reports no problem"
    grep -E ': (error|warning): ' "$out" | head -20 | sed 's/^/# /'
else
    ok "lint of dyad's actor and agent files reports no problem"
fi
check "lint summary says 0 errors, 0 warnings" grep -q '^0 errors, 0 warnings' "$out"

# ---- facts ------------------------------------------------------------------
# fact SOURCE PHRASE DATE KIND CODE: the first entry 'dyad dict lookup' shows for
# PHRASE on DATE is of KIND (actor/agent) with CODE, from one of dyad's files.
lookup() { # SOURCE PHRASE DATE
    if [ "$1" = files ]; then
        $DYAD dict lookup "$2" --date "$3" -q --dict-dir dict --actors "$ACTORS" \
            --agents dyad.agents.txt 2>/dev/null
    else
        $DYAD dict lookup "$2" --date "$3" -q 2>/dev/null
    fi
}
fact() {
    local src=$1 phrase=$2 date=$3 kind=$4 want=$5 got
    got=$(lookup "$src" "$phrase" "$date" | awk -F'\t' -v k="$kind" \
        '$1 == k && $3 ~ /dyad\.([a-z]+\.)?(actors|agents)\.txt:/ { print $2; exit }')
    if [ "$got" = "$want" ]; then ok "$src: '$phrase' on $date is $kind $want"
    else not_ok "$src: '$phrase' on $date is $kind $want (got '${got:-nothing}')"; fi
}
for src in files embedded; do
    fact $src "John Kerry" 20160608 actor USAGOV
    fact $src "John Kerry" 20100101 actor USALEG
    fact $src "John Kerry" 20180101 actor USAELI
    fact $src "Sergei Lavrov" 20160608 actor RUSGOV
    fact $src "Sergey Lavrov" 20160608 actor RUSGOV
    fact $src "Vladimir Putin" 19990101 actor RUSSPY
    fact $src "Putin" 20160608 actor RUSGOV
    fact $src "Moscow" 20160608 actor RUS
    fact $src "Kremlin" 20160608 actor RUSGOV
    fact $src "White House" 20160608 actor USAGOV
    fact $src "Pentagon" 20160608 actor USAMIL
    fact $src "U.S." 20160608 actor USA
    fact $src "Latin America" 20160608 actor LAM
    fact $src "Syrians" 20160608 actor SYR
    fact $src "Islamic State" 20160608 actor IMGMUSISI
    fact $src "Daesh" 20160608 actor IMGMUSISI
    fact $src "al-Qaeda" 20160608 actor IMGMUSALQ
    fact $src "Hezbollah" 20160608 actor LBNREB
    fact $src "Taliban" 20000101 actor AFGGOV
    fact $src "Taliban" 20100101 actor AFGREB
    fact $src "Taliban" 20220101 actor AFGGOV
    fact $src "Rapid Support Forces" 20200101 actor SDNMIL
    fact $src "Rapid Support Forces" 20240101 actor SDNREB
    fact $src "Bashar al-Assad" 20150101 actor SYRGOV
    fact $src "Bashar al-Assad" 20250301 actor SYRELI
    fact $src "Assad" 19950101 actor SYRGOV
    fact $src "Bush" 19900101 actor USAGOV
    fact $src "Bush" 19980101 actor USAELI
    fact $src "Erdogan" 20200101 actor TURGOV
    fact $src "Ban Ki-moon" 20100101 actor IGOUNO
    fact $src "NATO" 20160608 actor IGOWSTNAT
    fact $src "European Union" 20160608 actor IGOEUREEC
    fact $src "UNHCR" 20160608 actor IGOUNOREFHCR
    fact $src "Red Cross" 20160608 actor NGOHLHIRC
    fact $src "an Islamic state" 20160608 actor ---
    fact $src "Texas" 20160608 actor USA
    fact $src "New South Wales" 20160608 actor AUS
    fact $src "Aleppo" 20160608 actor SYR
    fact $src "Social Democrats" 20160608 actor ---
    fact $src "foreign minister" 20160608 agent '~GOV'
    fact $src "troops" 20160608 agent '~MIL'
    fact $src "protesters" 20160608 agent '~OPP'
done
