#!/usr/bin/env bash
# dict.sh: 'dyad dict' lint, stats and lookup: help and usage errors, every
# defect of the deliberately broken files in tests/dict/ at its line, every
# dictionary in ../shared/data loading without errors, CAMEO.2.0.txt counts
# checked against an independent grep/awk count, the John Kerry dates, and
# the cache. TAP output; needs $DYAD (tests/run.sh sets it).
source tests/tap.sh
out=$(mktemp)
err=$(mktemp)
cache=$(mktemp -d)
trap 'rm -rf "$out" "$err" "$cache"' EXIT

# ---- help and usage ---------------------------------------------------------
for sub in "" lint stats lookup; do
    $DYAD dict $sub --help >"$out" 2>&1
    rc=$?
    check "dict $sub --help exits 0 with usage" test "$rc" -eq 0 -a -n "$(grep -m1 usage "$out")"
done
$DYAD dict frobnicate >/dev/null 2>&1
check "dict: unknown command is a usage error (2)" test $? -eq 2
$DYAD dict lint >/dev/null 2>&1
check "dict lint: no files is a usage error (2)" test $? -eq 2
$DYAD dict lint --bogus x >/dev/null 2>&1
check "dict lint: unknown option is a usage error (2)" test $? -eq 2
$DYAD dict lint /nonexistent/file.txt >/dev/null 2>&1
check "dict lint: unreadable file is fatal (1)" test $? -eq 1

# ---- broken files: each defect at its line ----------------------------------
# expect FILE LINE SEVERITY TEXT: lint printed "FILE:LINE: SEVERITY: ...TEXT..."
expect() {
    if grep -F "$1:$2: $3:" "$err" | grep -qF -- "$4"; then ok "lint $1:$2 $3 ($4)"
    else not_ok "lint $1:$2 $3 ($4)"; grep -F "$1:" "$err" | sed 's/^/# /'; fi
}
f=tests/dict/broken.verbs.txt
$DYAD dict lint "$f" >/dev/null 2>"$err"
check "lint broken verbs exits 1 (errors)" test $? -eq 1
expect $f 7 warning "control byte 0x01"
expect $f 8 error "malformed event code [07 0]"
expect $f 9 warning "[999!]"
expect $f 10 error "unbalanced '{'"
expect $f 11 warning "undefined synset &NOSUCH"
expect $f 13 error "unbalanced '{' '}'"
expect $f 14 warning "already listed for 'GIVE' at line 6"
expect $f 15 error "empty event code"
expect $f 16 warning "without '*'"
f=tests/dict/broken.actors.txt
$DYAD dict lint "$f" >/dev/null 2>"$err"
check "lint broken actors exits 1 (errors)" test $? -eq 1
expect $f 4 error "invalid date '20131345'"
expect $f 5 warning "control byte 0x1A"
expect $f 6 warning "duplicate actor phrase 'GOOD_ACTOR'"
expect $f 7 error "empty actor code"
expect $f 8 error "unbalanced '['"
expect $f 9 warning "'W\$X'"
expect $f 10 warning "empty date range"
f=tests/dict/broken.agents.txt
$DYAD dict lint "$f" >/dev/null 2>"$err"
check "lint broken agents exits 1 (errors)" test $? -eq 1
expect $f 3 error "unbalanced '{'"
expect $f 4 error "empty agent code"
expect $f 5 warning "duplicate entry 'PRESIDENT'"
expect $f 6 error "!UNDEFINED!"
$DYAD dict lint --strict tests/dict/broken.actors.txt >/dev/null 2>"$err"
check "lint --strict stops at the first error" test "$(grep -c ': error:' "$err")" -eq 1

need_shared "dict on ../shared/data" || exit 0
P=$DYAD_SHARED/petrarch2/dictionaries

# ---- every dictionary file in ../shared/data: zero errors --------------------
# PETR.Internal.Coding.Ontology.txt is a CAMEO <-> PICO code table, not a
# dictionary of any kind dyad (or PETRARCH) loads as one: left out.
while IFS= read -r f; do
    case $f in */PETR.Internal.Coding.Ontology.txt) continue ;; esac
    $DYAD dict lint "$f" >/dev/null 2>"$err"
    rc=$?
    summary=$(tail -1 "$err")
    check "lint ${f#$DYAD_SHARED/}: zero errors ($summary)" test "$rc" -eq 0 -a -n "$(grep '^0 errors' <<<"$summary")"
done < <(find "$DYAD_SHARED" -path '*dictionaries*' -name '*.txt' -o -path '*validate*' -name '*.txt' | sort)
$DYAD dict lint "$P/Phoenix.Countries.actors.txt" >/dev/null 2>"$err"
check "lint reports the stray 0x1A bytes of Phoenix.Countries.actors.txt (lines 745, 12159)" \
    test "$(grep -cE 'actors.txt:(745|12159): warning: stray control byte 0x1A' "$err")" -eq 2
check "lint reads the 7-digit date at line 2039 with a warning" grep -q 'actors.txt:2039: warning: 7-digit date' "$err"
$DYAD dict lint "$P/CAMEO.2.0.txt" >/dev/null 2>"$err"
check "lint flags codes missing from the CAMEO table (1213 at CAMEO.2.0.txt:1535)" \
    grep -q 'CAMEO.2.0.txt:1535: warning: event code 1213 is not in the CAMEO table' "$err"
check "lint reads '[080!]' at CAMEO.2.0.txt:5787 with a warning" grep -q 'txt:5787: warning: unusual event code \[080!\]' "$err"
$DYAD dict lint "$P/PETR.Validate.verbs.txt" >/dev/null 2>"$err"
check "lint warns about the '<!' line inside PETR.Validate.verbs.txt" grep -q "txt:1304: warning: line starting '<!'" "$err"

# ---- CAMEO.2.0.txt: counts against an independent count -----------------------
# Independent reading with awk: synsets are '&' lines, blocks '---' lines,
# patterns '-' lines that are not blocks, verb lines the other non-comment,
# non-blank lines after the VERB PATTERNS marker that are not
# transformations ('~'). The issue's figures are 40, 397, 1,817 and 4,668.
C=$P/CAMEO.2.0.txt
read -r syn blk pat verb < <(awk '
    /^####### VERB PATTERNS/ { inverbs = 1 }
    /^#/ || /^[ \t\r]*$/ { next }
    /^&/ { s++; next }
    /^---/ { b++; next }
    /^-/ { p++; next }
    /^~/ { next }
    inverbs { v++ }
    END { print s, b, p, v }' "$C")
check "independent count of CAMEO.2.0.txt is 40/397/4668/1817" test "$syn $blk $pat $verb" = "40 397 4668 1817"
$DYAD dict stats --dict-dir "$P" --verbs CAMEO.2.0.txt >"$out" 2>"$err"
stat() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$out"; }
check "stats synsets = $syn" test "$(stat synsets)" = "$syn"
check "stats verb_blocks = $blk" test "$(stat verb_blocks)" = "$blk"
check "stats verbs = $verb" test "$(stat verbs)" = "$verb"
# Two pattern lines name synsets that CAMEO.2.0.txt never defines (&WEATHER,
# &DEMONSTRATION); dyad skips them with a warning as PETRARCH does.
undef=$(grep -c 'undefined synset' "$err")
check "stats patterns = $pat - $undef undefined-synset patterns (2)" test "$(stat patterns)" -eq $((pat - undef)) -a "$undef" -eq 2
check "stats errors = 0" test "$(stat errors)" = 0

# ---- lookup: John Kerry's dated codes ------------------------------------------
$DYAD dict lookup "John Kerry" --date 20160608 --petrarch "$P" >"$out" 2>"$err"
check "lookup John Kerry 20160608 -> USAGOV at Phoenix.Countries.actors.txt:51401" \
    grep -qP '^actor\tUSAGOV\tPhoenix.Countries.actors.txt:51401\t' "$out"
$DYAD dict lookup "John Kerry" --date 20100101 --petrarch "$P" >"$out" 2>"$err"
check "lookup John Kerry 20100101 -> USAGOVLEG at Phoenix.Countries.actors.txt:51400" \
    grep -qP '^actor\tUSAGOVLEG\tPhoenix.Countries.actors.txt:51400\t' "$out"
$DYAD dict lookup "asked for" --petrarch "$P" >"$out" 2>&1
check "lookup 'asked for' finds the compound verb +ASK_FOR [020]" grep -qP '^verb\t020\tCAMEO.2.0.txt:\d+\t\+ASK_FOR' "$out"
$DYAD dict lookup "zzqx unknown" --petrarch "$P" >"$out" 2>&1
check "lookup of an unknown phrase exits 1" test $? -eq 1

# ---- cache -------------------------------------------------------------------------
$DYAD dict stats -q --petrarch "$P" --cache-dir "$cache" >"$out.1" 2>/dev/null
$DYAD dict stats -q --petrarch "$P" --cache-dir "$cache" >"$out.2" 2>/dev/null
check "first stats load compiles (from_cache 0)" grep -qP '^from_cache\t0' "$out.1"
check "second stats load maps the cache (from_cache 1)" grep -qP '^from_cache\t1' "$out.2"
check "cache gives the same counts" diff <(grep -v from_cache "$out.1") <(grep -v from_cache "$out.2")
$DYAD dict lookup "John Kerry" --date 20160608 --petrarch "$P" --cache-dir "$cache" >"$out" 2>&1
check "lookup from the cache -> USAGOV" grep -qP '^actor\tUSAGOV\t' "$out"
rm -f "$out.1" "$out.2"
