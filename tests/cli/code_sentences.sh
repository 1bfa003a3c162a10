#!/usr/bin/env bash
# code_sentences.sh: 'dyad code --sentences' over the outside corpora: the
# HuffPost sample (10,000 JSON Lines records, two text fields), the seed
# article, and the PETRARCH GigaWord sample. Checks the plumbing (every
# record read, ids, kinds filtered, -j order), not the segmentation itself,
# which tests/golden/segment owns.
set -u
. "$(dirname "$0")/../tap.sh"
T=$(mktemp -d /tmp/dyad_code_sentences.XXXXXX)
trap 'rm -rf "$T"' EXIT
cond() { local _name=$1; shift; if eval "$*"; then ok "$_name"; else not_ok "$_name"; fi; }

need_shared "code --sentences on the outside corpora" || exit 0
printf 'One sentence here. Another one there.\n' >"$T/probe.txt"
if ! "$DYAD" code --sentences "$T/probe.txt" >/dev/null 2>&1; then
    skip "code --sentences on the outside corpora" "dyad_segment not available yet"
    exit 0
fi

H="$DYAD_SHARED/corpora/huffpost/news_category_v3.first10k.jsonl"
HF=(--text-field headline,short_description --date-field date)
"$DYAD" code --sentences --all-sentences "${HF[@]}" "$H" >"$T/h1" 2>"$T/h1.err"; rc=$?
cond "HuffPost: exit 0" '[ "$rc" -eq 0 ]'
cond "HuffPost: zero rejects" '! grep -q "rejected\|error:" "$T/h1.err"'
n=$(jq -r .doc_id "$T/h1" | sort -u | wc -l)
cond "HuffPost: 10,000 distinct doc_ids with default ids ($n)" '[ "$n" -eq 10000 ]'
cond "HuffPost: default id is file:line" 'head -1 "$T/h1" | jq -e ".doc_id == \"$H:1\"" >/dev/null'

"$DYAD" code --sentences "${HF[@]}" --id-field link "$H" >"$T/h2" 2>"$T/h2.err"; rc=$?
cond "HuffPost --id-field link: exit 0" '[ "$rc" -eq 0 ]'
want=$(jq -r .link "$H" | sort -u | wc -l)
got=$(jq -r .doc_id "$T/h2" | sort -u | wc -l)
cond "HuffPost --id-field link: one id per distinct link ($got of $want)" '[ "$got" -eq "$want" ]'
cond "HuffPost: headline is its own sentence" \
    'jq -r "select(.sentence == 0) | .text" "$T/h2" | head -1 | grep -qx "Over 4 Million Americans Roll Up Sleeves For Omicron-Targeted COVID Boosters"'
bad=$(jq -r 'select(.kind != "prose" and .kind != "headline") | .kind' "$T/h2" | wc -l)
cond "without --all-sentences only prose and headlines ($bad others)" '[ "$bad" -eq 0 ]'
cond "spans match the text" \
    'jq -e "(.end - .begin) == (.text | utf8bytelength)" "$T/h2" | grep -vqx false'
"$DYAD" code --sentences "${HF[@]}" --id-field link -j 2 "$H" >"$T/h3" 2>/dev/null
cond "HuffPost -j 2 output identical to -j 1" 'cmp -s "$T/h2" "$T/h3"'

A="$DYAD_SHARED/seed/article.txt"
"$DYAD" code --sentences "$A" >"$T/a" 2>"$T/a.err"; rc=$?
cond "article: exit 0" '[ "$rc" -eq 0 ]'
n=$(wc -l <"$T/a")
cond "article: more than 10 sentence records ($n)" '[ "$n" -gt 10 ]'
cond "article: no record for the photo caption line" '! grep -q "LavrovReuters" "$T/a"'
cond "article: doc_id is the file name" '[ "$(jq -r .doc_id "$T/a" | sort -u)" = "$A" ]'
"$DYAD" code --sentences --all-sentences "$A" >"$T/a2" 2>/dev/null
cond "article --all-sentences: the caption line appears" 'grep -q "LavrovReuters" "$T/a2"'

X="$DYAD_SHARED/petrarch2/text/GigaWord.sample.PETR.xml"
"$DYAD" code --sentences --all-sentences "$X" >"$T/x" 2>"$T/x.err"; rc=$?
cond "GigaWord XML: exit 0" '[ "$rc" -eq 0 ]'
n=$(jq -r .doc_id "$T/x" | sort -u | wc -l)
# 76 <Sentence>s, 75 distinct ids (GOLD_9 twice), 9 with an empty <Text>.
cond "GigaWord XML: 66 ids with sentences ($n)" '[ "$n" -eq 66 ]'
cond "GigaWord XML: <Parse> is not read" '! grep -q "(NP" "$T/x"'
