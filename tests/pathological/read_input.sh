#!/usr/bin/env bash
# read_input.sh: hostile input for the document readers, under time and
# memory limits: memory stays flat as input grows (streaming), a 20 MB XML
# <Text>, a million blank lines, a million tags, an unterminated comment, an
# unbalanced quote, a 1 MB line of JSON escapes.
set -u
. "$(dirname "$0")/../tap.sh"
T=$(mktemp -d /tmp/dyad_patho_read.XXXXXX)
trap 'rm -rf "$T"' EXIT
cond() { local _name=$1; shift; if eval "$*"; then ok "$_name"; else not_ok "$_name"; fi; }
LIMIT=60   # seconds per run; each takes well under this on one core
# Under AddressSanitizer freed memory sits in a quarantine that would read as
# growth; without it RSS is comparable (other binaries ignore the variable).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0"

# run ARGS...: dyad under a time limit; status in $rc, peak RSS (KB) in $rss.
run() {
    /usr/bin/time -f %M -o "$T/rss" timeout "$LIMIT" "$DYAD" "$@" >"$T/out" 2>"$T/err"
    rc=$?
    rss=$(tail -1 "$T/rss" 2>/dev/null | tr -dc 0-9)
    rss=${rss:-0}
}
if [ ! -x /usr/bin/time ]; then
    skip "pathological reader input" "/usr/bin/time is missing"
    exit 0
fi

# A document of about 2 KB, as one JSON line.
line=$(printf '{"id":"d","text":"%s"}' "$(for i in $(seq 1 30); do printf 'The minister met the envoy in the capital on Monday, officials said. '; done)")
gen() { yes "$line" | head -n "$1"; }

# ---- memory stays flat: 2,000 vs 20,000 documents through stdin ----
run code --sentences --input jsonl - < <(gen 2000)
small=$rss
cond "2,000 documents (4 MB) on stdin: exit 0" '[ "$rc" -eq 0 ]'
run code --sentences --input jsonl - < <(gen 20000)
cond "20,000 documents (40 MB) on stdin: exit 0" '[ "$rc" -eq 0 ]'
n=$(grep -c '"sentence":0,' "$T/out")
cond "20,000 documents: every one written ($n)" '[ "$n" -eq 20000 ]'
cond "memory flat: 40 MB input peaks at ${rss} KB vs ${small} KB for 4 MB" \
    '[ "$rss" -lt $((small + 16384)) ]'
run code --sentences -j 2 --input jsonl - < <(gen 20000)
cond "memory flat with -j 2 (${rss} KB)" '[ "$rc" -eq 0 ] && [ "$rss" -lt $((small + 32768)) ]'

# ---- a 20 MB <Text> (beyond every buffer's usual size) ----
{
    printf '<Sentences><Sentence date="20160608" id="big"><Text>'
    yes 'Officials &amp; envoys met in the capital on Monday.' | head -n 400000
    printf '</Text><Parse>(S)</Parse></Sentence>\n<Sentence date="20160609" id="after"><Text>After it.</Text></Sentence></Sentences>\n'
} >"$T/big.xml"
run code --sentences --input petrarch-xml "$T/big.xml"
cond "20 MB <Text>: exit 0" '[ "$rc" -eq 0 ]'
cond "20 MB <Text>: both documents read" '[ "$(jq -r .doc_id "$T/out" | sort -u | tr "\n" " ")" = "after big " ]'

# ---- a million blank lines, then a record ----
{ yes '' | head -n 1000000; printf '{"id":"last","text":"At the end."}\n'; } >"$T/blank.jsonl"
run code --sentences "$T/blank.jsonl"
cond "a million blank lines: the record after them is read" '[ "$rc" -eq 0 ] && grep -q "\"last\"" "$T/out"'
{ yes '' | head -n 1000000; printf '{"id":"x"\n'; } >"$T/blank2.jsonl"
run code --sentences "$T/blank2.jsonl"
cond "a million blank lines: the line number is still right" 'grep -q "blank2.jsonl:1000001: error" "$T/err"'

# ---- a million tags, an unterminated comment, unbalanced quotes ----
{ printf '<Sentences>'; yes '<a><b x="1"/></a>' | head -n 1000000; printf '<Sentence id="s"><Text>Found.</Text></Sentence></Sentences>\n'; } >"$T/tags.xml"
run code --sentences "$T/tags.xml"
cond "a million tags: the sentence after them is read" '[ "$rc" -eq 0 ] && grep -q "\"s\"" "$T/out"'
{ printf '<!-- never closed '; yes 'text <Sentence id="no"><Text>hidden</Text></Sentence>' | head -n 200000; } >"$T/comment.xml"
run code --sentences "$T/comment.xml"
cond "an unterminated comment: no documents, a warning, exit 0" \
    '[ "$rc" -eq 0 ] && [ ! -s "$T/out" ] && grep -q "no <Sentence>" "$T/err"'
{ printf '<Sentence id="q" x="'; yes 'unbalanced > quote' | head -n 200000; } >"$T/quote.xml"
run code --sentences "$T/quote.xml"
cond "an unbalanced attribute quote: ends, no crash (exit $rc)" '[ "$rc" -le 3 ]'

# ---- a 1 MB JSON line of escapes ----
{ printf '{"id":"esc","text":"'; yes '\" \\ \n \u00e9 ' | head -n 70000 | tr -d '\n'; printf '"}\n'; } >"$T/esc.jsonl"
run code --sentences --all-sentences "$T/esc.jsonl"
cond "1 MB of JSON escapes: read (exit $rc)" '[ "$rc" -eq 0 ] && grep -q "\"esc\"" "$T/out"'
