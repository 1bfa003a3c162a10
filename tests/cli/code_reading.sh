#!/usr/bin/env bash
# code_reading.sh: `dyad code` reads modality and content as CAMEO means
# them; --petrarch-reading (DYAD_OPT_PETRARCH_READING) codes every verb as a
# fact, as PETRARCH does. Sentences written for this test. TAP output.
source tests/tap.sh
codes() {  # TEXT [OPTION...] -> "SRC TGT CODE" lines
    local text=$1; shift
    printf '%s\n' "$text" | $DYAD code --date 20160608 --format tsv "$@" 2>/dev/null |
        awk -F '\t' '{ print $2, $3, $4 }'
}
is() {  # NAME GOT WANT
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1"; echo "# got: '$2', want: '$3'"; fi
}
t="The United States will provide Ukraine with Javelin anti-tank missiles."
is "'will provide' military aid is an intent (0332)" "$(codes "$t")" "USA UKR 0332"
is "--petrarch-reading: the aid itself (072)" "$(codes "$t" --petrarch-reading)" "USA UKR 072"
t="Iran could retaliate against the United States."
is "'could' asserts no event" "$(codes "$t")" ""
is "--petrarch-reading: 'could retaliate' is coded" "$(codes "$t" --petrarch-reading | cut -d' ' -f1-2)" "IRN USA"
t="Ukraine demanded that Russia withdraw its troops from Crimea."
is "a demand takes the subcode of what it asks (1056)" "$(codes "$t")" "UKR RUS 1056"
t="North Korea threatened to attack South Korea."
is "a threat to attack is 1384, against the infinitive's target" "$(codes "$t")" "PRK KOR 1384"
$DYAD code --help 2>&1 | grep -q -- '--petrarch-reading'
check "code --help lists --petrarch-reading" test $? -eq 0
