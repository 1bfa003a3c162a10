/* test_threads.c: one dictionary shared by coders on several threads gives
 * every thread the same events as a lone coder (no hidden global state). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "dyad.h"
#include "base/base.h"

#define NTHREADS 4
#define ROUNDS 40

static const char *texts[] = {
    "Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State John "
    "Kerry talked by telephone on Wednesday about the fighting in Syria.",
    "France accused Russia of bombing moderate rebels.",
    "Turkey condemned the air strikes and called for an investigation.",
    "Russian warplanes struck rebel positions near Aleppo on Tuesday.",
    "The Syrian government and opposition groups agreed a 48-hour truce.",
};

/* Renders a document's events as one string so runs can be compared. */
static void render(dyad_coder *c, const char *text, buf *out)
{
    dyad_doc doc = {.id = "t", .date = 20160608, .text = text,
                    .text_len = strlen(text)};
    const dyad_event *ev;
    size_t n;
    assert_int_equal(dyad_coder_code(c, &doc, &ev, &n, NULL, NULL), DYAD_OK);
    for (size_t i = 0; i < n; i++)
        buf_printf(out, "%u %s %s %s %u-%u|", ev[i].sentence, ev[i].source,
                   ev[i].target, ev[i].code, ev[i].verb_span.begin,
                   ev[i].verb_span.end);
    buf_putc(out, '\n');
}

struct job {
    const dyad_dict *dict;
    char **expected;       /* per text, as a lone coder renders it */
    int mismatches;
};

/* Each round codes the texts in a different order, so state leaking from one
 * document into the next would show as a mismatch. */
static void *worker(void *arg)
{
    struct job *job = arg;
    dyad_coder *c = dyad_coder_new(job->dict, 0);
    buf got;
    buf_init(&got);
    for (int r = 0; r < ROUNDS; r++) {
        for (size_t k = 0; k < DYAD_COUNT(texts); k++) {
            size_t i = (k + (size_t)r) % DYAD_COUNT(texts);
            buf_clear(&got);
            render(c, texts[i], &got);
            if (strcmp(got.data, job->expected[i]) != 0)
                job->mismatches++;
        }
    }
    buf_free(&got);
    dyad_coder_free(c);
    return NULL;
}

static void coders_share_a_dictionary(void **state)
{
    (void)state;
    dyad_status st;
    dyad_dict *dict = dyad_dict_load_default(NULL, NULL, &st);
    assert_non_null(dict);
    dyad_coder *c = dyad_coder_new(dict, 0);
    assert_non_null(c);
    buf expected[DYAD_COUNT(texts)];
    char *want[DYAD_COUNT(texts)];
    size_t with_events = 0;
    for (size_t i = 0; i < DYAD_COUNT(texts); i++) {
        buf_init(&expected[i]);
        render(c, texts[i], &expected[i]);
        want[i] = expected[i].data;
        with_events += strchr(want[i], '|') != NULL;
    }
    dyad_coder_free(c);
    /* The test is only meaningful if the texts produce events. */
    assert_true(with_events >= 3);

    pthread_t tid[NTHREADS];
    struct job jobs[NTHREADS];
    for (int t = 0; t < NTHREADS; t++) {
        jobs[t] = (struct job){dict, want, 0};
        assert_int_equal(pthread_create(&tid[t], NULL, worker, &jobs[t]), 0);
    }
    for (int t = 0; t < NTHREADS; t++) {
        pthread_join(tid[t], NULL);
        assert_int_equal(jobs[t].mismatches, 0);
    }
    for (size_t i = 0; i < DYAD_COUNT(texts); i++)
        buf_free(&expected[i]);
    dyad_dict_free(dict);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(coders_share_a_dictionary),
    };
    return cmocka_run_group_tests_name("threads", tests, NULL, NULL);
}
