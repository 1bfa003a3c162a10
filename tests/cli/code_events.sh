#!/usr/bin/env bash
# code_events.sh: 'dyad code' end to end with the coder: the embedded
# default dictionaries, every output format, --explain, -j order, -o, and the
# dictionary error paths. The events themselves are the golden tests' job;
# here the plumbing: records arrive, in order, well formed, with the right
# exit code.
set -u
. "$(dirname "$0")/../tap.sh"
T=$(mktemp -d /tmp/dyad_code_events.XXXXXX)
trap 'rm -rf "$T"' EXIT
cond() { local _name=$1; shift; if eval "$*"; then ok "$_name"; else not_ok "$_name"; fi; }

printf 'Russia condemned the United States on Monday.\n' >"$T/doc.txt"
if ! "$DYAD" code "$T/doc.txt" >/dev/null 2>"$T/probe.err"; then
    if grep -q "cannot create the coder" "$T/probe.err"; then
        skip "dyad code events" "the coder is not available yet"
        exit 0
    fi
fi

# The embedded default dictionaries: whatever they code, it is well formed.
"$DYAD" code --date 20160608 "$T/doc.txt" >"$T/def" 2>"$T/err"; rc=$?
cond "default dictionaries: exit 0" '[ "$rc" -eq 0 ]'
cond "default dictionaries: output is JSON Lines" '[ ! -s "$T/def" ] || jq -e . "$T/def" >/dev/null'

need_shared "code events with the PETRARCH2 dictionaries" || exit 0
A="$DYAD_SHARED/seed/article.txt"
PD=(--petrarch "$DYAD_SHARED/petrarch2/dictionaries" --cache-dir "$T/cache")
"$DYAD" code "${PD[@]}" --date 20160608 "$A" >"$T/ev" 2>"$T/err"; rc=$?
cond "PETRARCH2 dictionaries: exit 0" '[ "$rc" -eq 0 ]'
n=$(wc -l <"$T/ev")
cond "PETRARCH2 dictionaries: events written ($n)" '[ "$n" -ge 3 ]'
cond "every event is a JSON object with the schema-1 fields" \
    'jq -e "has(\"doc_id\") and has(\"sentence\") and has(\"source\") and has(\"target\") and has(\"code\") and has(\"spans\")" "$T/ev" | grep -vqx false'
cond "events carry the document id and the --date" \
    '[ "$(jq -r "[.doc_id, .date] | @tsv" "$T/ev" | sort -u)" = "$(printf "%s\t20160608" "$A")" ]'
cond "events are in sentence order" '[ "$(jq .sentence "$T/ev")" = "$(jq .sentence "$T/ev" | sort -n)" ]'
cond "PETRARCH2 dictionary warnings are summarised, not listed" '[ "$(wc -l <"$T/err")" -le 1 ]'

for f in tsv gdelt; do
    "$DYAD" code "${PD[@]}" --format "$f" --date 20160608 "$A" >"$T/$f" 2>/dev/null; rc=$?
    cond "--format $f: exit 0 and one line per event" '[ "$rc" -eq 0 ] && [ "$(wc -l <"$T/$f")" -eq "$n" ]'
done
"$DYAD" code "${PD[@]}" --format sqlite -o "$T/ev.sqlite" --date 20160608 "$A" 2>/dev/null; rc=$?
cond "--format sqlite -o: exit 0" '[ "$rc" -eq 0 ] && [ -s "$T/ev.sqlite" ]'
if command -v sqlite3 >/dev/null; then
    cond "--format sqlite: one row per event" '[ "$(sqlite3 "$T/ev.sqlite" "select count(*) from events")" -eq "$n" ]'
fi
"$DYAD" code "${PD[@]}" --format sqlite -o "$T/no/dir/ev.sqlite" "$A" 2>"$T/err"; rc=$?
cond "--format sqlite into a missing directory: exit 1, said" '[ "$rc" -eq 1 ] && grep -q "SQLite" "$T/err"'
"$DYAD" code "${PD[@]}" -o "$T/o.jsonl" --date 20160608 "$A" >"$T/stdout" 2>/dev/null
cond "-o: the events go to the file" 'cmp -s "$T/o.jsonl" "$T/ev" && [ ! -s "$T/stdout" ]'

"$DYAD" code "${PD[@]}" --explain --date 20160608 "$A" >"$T/ex" 2>"$T/ex.err"; rc=$?
cond "--explain: exit 0, events unchanged" '[ "$rc" -eq 0 ] && cmp -s "$T/ex" "$T/ev"'
cond "--explain: one JSON trace line per document on stderr" \
    '[ "$(grep "^{" "$T/ex.err" | jq -r ".doc_id")" = "$A" ] && grep "^{" "$T/ex.err" | jq -e ".explain | type == \"array\"" >/dev/null'

# Dictionary errors are fatal.
"$DYAD" code --dict-dir "$T/none" --verbs v.txt "$T/doc.txt" >/dev/null 2>"$T/err"; rc=$?
cond "unreadable dictionary: exit 1" '[ "$rc" -eq 1 ]'
cond "unreadable dictionary: named on stderr" 'grep -q "$T/none/v.txt" "$T/err"'

# Rejected records and events together: exit 3, events of the others kept.
{ printf '{"id":"a","text":"The Syrian army attacked rebels near Aleppo on Tuesday."}\n'
  printf '{"id":"b","text":\n'
  printf '{"id":"c","text":"Russia condemned the United States on Monday."}\n'; } >"$T/m.jsonl"
"$DYAD" code "$T/m.jsonl" >"$T/m.ev" 2>"$T/m.err"; rc=$?
cond "a rejected record while coding: exit 3" '[ "$rc" -eq 3 ]'
cond "a rejected record while coding: reported as file:2" 'grep -q "m.jsonl:2: error:" "$T/m.err"'

# -j: the GigaWord sample twenty times over (1,520 documents, many batches).
X="$DYAD_SHARED/petrarch2/text/GigaWord.sample.PETR.xml"
for i in $(seq 1 20); do cat "$X"; done >"$T/many.xml"
"$DYAD" code "${PD[@]}" -j 1 "$T/many.xml" >"$T/j1" 2>"$T/j1.err"; rc=$?
cond "1,520 XML documents, -j 1: exit 0" '[ "$rc" -eq 0 ] && [ -s "$T/j1" ]'
"$DYAD" code "${PD[@]}" -j 3 "$T/many.xml" >"$T/j3" 2>"$T/j3.err"
cond "-j 3 events byte-identical to -j 1" 'cmp -s "$T/j1" "$T/j3"'
cond "-j 3 stderr identical to -j 1" 'cmp -s "$T/j1.err" "$T/j3.err"'
"$DYAD" code "${PD[@]}" --format tsv -j 2 "$T/many.xml" >"$T/t2" 2>/dev/null
"$DYAD" code "${PD[@]}" --format tsv -j 1 "$T/many.xml" >"$T/t1" 2>/dev/null
cond "-j 2 TSV identical to -j 1" '[ -s "$T/t1" ] && cmp -s "$T/t1" "$T/t2"'

# The HuffPost sample: 10,000 news records, thousands of events.
H="$DYAD_SHARED/corpora/huffpost/news_category_v3.first10k.jsonl"
HF=(--text-field headline,short_description --date-field date --id-field link)
"$DYAD" code "${PD[@]}" "${HF[@]}" -j 1 "$H" >"$T/h1" 2>"$T/h1.err"; rc=$?
cond "HuffPost, PETRARCH2 dictionaries: exit 0 ($(wc -l <"$T/h1") events)" '[ "$rc" -eq 0 ] && [ -s "$T/h1" ]'
"$DYAD" code "${PD[@]}" "${HF[@]}" -j 2 "$H" >"$T/h2" 2>"$T/h2.err"
cond "HuffPost: -j 2 events byte-identical to -j 1" 'cmp -s "$T/h1" "$T/h2" && cmp -s "$T/h1.err" "$T/h2.err"'

"$DYAD" code "${PD[@]}" "$X" >"$T/x" 2>"$T/x.err"; rc=$?
cond "GigaWord XML with the PETRARCH2 dictionaries: exit 0" '[ "$rc" -eq 0 ]'
cond "GigaWord XML: events written" '[ "$(wc -l <"$T/x")" -gt 10 ]'
