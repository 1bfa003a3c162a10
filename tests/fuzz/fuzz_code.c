/* fuzz_code.c: libFuzzer target for the coder (src/parse, src/code) and the
 * validation-file reader. The input is coded as a document's text with a
 * small in-memory dictionary set in both pattern syntaxes (PETRARCH2 and
 * PETRARCH-1/TABARI), with the explain trace on; it is also read as a
 * PETRARCH validation file. Events must be well formed: codes non-empty,
 * spans inside the text, sentences in order. */
#include <stdint.h>
#include <string.h>

#include "code/code.h"

static const char verbs_p2[] =
    "&CURRENCY\n+DOLLARS\n+SWISS FRANCS\n\n"
    "--- RESTORE [050] ---\nRESTORE\n- * {DIPLOMATIC TIES} (WITH +) [051]\n- * &CURRENCY [052]\n"
    "--- ATTACK [190] ---\nATTACK\n- + * (FROM $) [191]\n- * {AIR STRIKES} [195:190]\n"
    "--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n- * PLEASED [041]\n"
    "--- MEET [040:040] ---\nMEET {MET MEETS MEETING}\n";
static const char verbs_p1[] =
    "&NEG\n+DID N'T\n+WILL NOT\n\n"
    "--- RESTORE [064] ---\nRESTORE\n- * DIPLOMATIC_TIES [901]\n- &NEG * [904]\n"
    "--- AGREE [081] ---\nAGREE\n- % * [030:030]\n- * WITH % [031]\n"
    "--- SHOT [223] ---\nSHOT\n- + WAS * DEAD IN $ [224]\n- $ ^ FOR * [164]\n";
static const char actors[] =
    "ARNOR [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\nMORDOR [MOR]\n"
    "SAM_GAMGEE [HOB]\n\t[HOBCIV <20080120]\n\t[ORCHOB 20100109-20100112]\n"
    "LORIEN [ELR/GAL]\n";
static const char agents[] =
    "GOVERNMENT [~GOV]\nPOLICE {} [~COP]\nMSF {} [NGO~]\nOFFICIAL [~GOV]\nMINISTER [~GOV]\n";
static const char discards[] = "BASEBALL\n+WORLD CUP\n";

static dyad_dict *load(const char *verbs, const char *name)
{
    dict_mem_file f[] = {
        {DICT_FILE_VERBS, name, verbs, strlen(verbs)},
        {DICT_FILE_ACTORS, "actors.txt", actors, sizeof actors - 1},
        {DICT_FILE_AGENTS, "agents.txt", agents, sizeof agents - 1},
        {DICT_FILE_DISCARDS, "discards.txt", discards, sizeof discards - 1},
    };
    dyad_status st;
    return dict_load_mem(f, DYAD_COUNT(f), 0, NULL, NULL, &st);
}

static void check_events(const dyad_event *ev, size_t n, size_t len)
{
    uint32_t last = 0;
    for (size_t i = 0; i < n; i++) {
        DYAD_ASSERT(ev[i].source && ev[i].target && ev[i].code && ev[i].code[0]);
        DYAD_ASSERT(ev[i].sentence >= last);
        last = ev[i].sentence;
        DYAD_ASSERT(ev[i].verb_span.begin <= ev[i].verb_span.end && ev[i].verb_span.end <= len);
        DYAD_ASSERT(ev[i].source_span.end <= len && ev[i].target_span.end <= len);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dyad_dict *dicts[2];
    static dyad_coder *coders[2];
    if (!dicts[0]) {
        dicts[0] = load(verbs_p2, "verbs_p2.txt");
        dicts[1] = load(verbs_p1, "verbs_p1.txt");
        for (int i = 0; i < 2; i++) {
            DYAD_ASSERT(dicts[i]);
            coders[i] = dyad_coder_new(dicts[i], DYAD_OPT_EXPLAIN | DYAD_OPT_KEEP_NEGATED);
            DYAD_ASSERT(coders[i]);
        }
    }
    int which = size > 0 && (data[0] & 1);
    dyad_doc doc = {"fuzz", 20100110, (const char *)data, size, NULL, NULL, "fuzz", 0};
    const dyad_event *ev;
    size_t n;
    if (dyad_coder_code(coders[which], &doc, &ev, &n, NULL, NULL) == DYAD_OK)
        check_events(ev, n, size);
    const char *trace = dyad_coder_explain(coders[which]);
    DYAD_ASSERT(trace && trace[0] == '[');
    code_vfile vf;
    if (code_vfile_parse((const char *)data, size, "fuzz.xml", &vf, NULL, NULL) == DYAD_OK)
        for (size_t i = 0; i < vf.nrecords; i++)
            DYAD_ASSERT(vf.records[i].id && vf.records[i].text);
    code_vfile_free(&vf);
    return 0;
}
