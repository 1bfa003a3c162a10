# dyad: plain Makefile. `make` builds libdyad.a and the dyad CLI; `make test`
# runs every test and ends with "N passed, N failed"; BUILD=asan builds the
# same into build/asan with AddressSanitizer and UBSan.
#
# Targets: all test check-asan check-tsan fuzz fuzzlib fuzz-run bench install uninstall clean

BUILD ?= release
PREFIX ?= /usr/local
CC ?= cc
BUILD_DIR ?= build/$(BUILD)
B := $(BUILD_DIR)

PKGS := libutf8proc jansson libzstd zlib sqlite3 cairo fontconfig
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
CSTD := -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
CFLAGS_release := -O2 -g
CFLAGS_asan := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
CFLAGS_debug := -O0 -g
CFLAGS_fuzzlib := -O1 -g
CFLAGS_tsan := -O1 -g -fsanitize=thread
CFLAGS_$(BUILD) ?= -O2 -g
ALL_CFLAGS := $(CSTD) $(WARN) $(CFLAGS_$(BUILD)) -Iinclude -I$(B)/gen $(PKG_CFLAGS) -MMD -MP $(CFLAGS)
LDFLAGS_asan := -fsanitize=address,undefined
LDFLAGS_tsan := -fsanitize=thread
ALL_LDFLAGS := $(LDFLAGS_$(BUILD)) $(LDFLAGS)
LIBS := $(PKG_LIBS) -lpthread -lm

STAGES := base text io dict parse code agg report
LIB_SRC := $(foreach s,$(STAGES),$(wildcard src/$(s)/*.c))
CLI_SRC := $(wildcard src/cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
TOOL_SRC := $(wildcard tests/tools/*.c)
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(B)/tests/%)

# Generated sources (tables built from Debian data files and dict/) are
# produced into $(B)/gen by the rules in the GENERATED section below.
GEN_HDR :=

all: $(B)/dyad $(B)/libdyad.a
	@ln -sf $(B)/dyad dyad 2>/dev/null || true

# ---- GENERATED (rules for generated tables; add yours here) ----
# parse/: word classes and irregular verb forms from Debian's wordnet-base.
GEN_HDR += $(B)/gen/lexicon.inc
$(B)/gen/lexicon.inc: tools/gen-lexicon.sh
	@mkdir -p $(dir $@)
	sh tools/gen-lexicon.sh $@
# dyad's default dictionaries and CAMEO table, embedded in libdyad by
# tools/embed.c (plain C, built with $(CC) but none of the target's sanitizer
# or fuzzer flags, since it runs on the build host). Actor files load in the
# order listed, then any other dict/*.actors.txt. The dictionary header is a
# prerequisite of default.o alone, not of GEN_HDR: editing a dictionary
# rebuilds one object, not the whole library.
EMBED_ACTORS := $(wildcard dict/dyad.countries.actors.txt dict/dyad.leaders.actors.txt \
	dict/dyad.organizations.actors.txt dict/dyad.nonstate.actors.txt)
EMBED_DICTS := $(wildcard dict/*.verbs.txt) $(EMBED_ACTORS) \
	$(filter-out $(EMBED_ACTORS),$(wildcard dict/*.actors.txt)) \
	$(wildcard dict/*.agents.txt dict/*.discards.txt dict/*.issues.txt)
$(B)/gen/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -O1 -o $@ $<
$(B)/gen/default_dict.inc: $(B)/gen/embed $(EMBED_DICTS)
	$(B)/gen/embed dicts $@ $(EMBED_DICTS)
$(B)/gen/cameo_table.inc: $(B)/gen/embed dict/cameo.txt
	$(B)/gen/embed cameo $@ dict/cameo.txt
$(B)/src/dict/default.o: $(B)/gen/default_dict.inc
GEN_HDR += $(B)/gen/cameo_table.inc
# ---- END GENERATED ----

$(B)/%.o: %.c $(GEN_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/libdyad.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/dyad: $(CLI_OBJ) $(B)/libdyad.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libdyad.a $(LIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libdyad.a $(GEN_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Isrc -o $@ $< $(B)/libdyad.a $(LIBS) -lcmocka

$(B)/tests/%: tests/tools/%.c $(B)/libdyad.a $(GEN_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Isrc -o $@ $< $(B)/libdyad.a $(LIBS)

# Fuzz targets, built without libFuzzer to replay stored inputs in `make test`.
REPLAY_BIN := $(wildcard tests/fuzz/fuzz_*.c)
REPLAY_BIN := $(REPLAY_BIN:tests/fuzz/%.c=$(B)/tests/replay_%)
$(B)/tests/replay_%: tests/fuzz/%.c tests/fuzz/replay_main.c $(B)/libdyad.a $(GEN_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Isrc -o $@ $< tests/fuzz/replay_main.c $(B)/libdyad.a $(LIBS)

tests-build: $(B)/dyad $(UNIT_BIN) $(TOOL_BIN) $(REPLAY_BIN)

# Every test: unit, golden, CLI, validation suites. Ends "N passed, N failed".
test: tests-build
	@bash tests/run.sh $(B)

check-asan:
	$(MAKE) BUILD=asan test

# ThreadSanitizer over the test that shares one dictionary among threads.
check-tsan:
	$(MAKE) BUILD=tsan build/tsan/tests/test_threads
	CMOCKA_MESSAGE_OUTPUT=TAP build/tsan/tests/test_threads

# The README's test command: installs what is missing, then every test, then
# every test again under AddressSanitizer and UBSan.
check: deps
	$(MAKE) test
	$(MAKE) check-asan

# The README's first command: build and code the bundled sample article.
demo: deps all
	@echo "demo: dyad code examples/sample.txt --date 20160608 (embedded default dictionaries)"
	@$(B)/dyad code --date 20160608 examples/sample.txt

deps:
	@bash tools/install-deps.sh

# ---- Fuzzing (clang, libFuzzer) ----
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_FLAGS := $(CSTD) -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude -Isrc -Ibuild/fuzzlib/gen $(PKG_CFLAGS)

# The library is built once with clang and fuzzer instrumentation into
# build/fuzzlib; each target links against it.
fuzzlib:
	@$(MAKE) --no-print-directory BUILD=fuzzlib BUILD_DIR=build/fuzzlib CC=clang \
		CFLAGS="-fsanitize=fuzzer-no-link,address,undefined" build/fuzzlib/libdyad.a

build/fuzz/%: tests/fuzz/%.c fuzzlib
	@mkdir -p $(dir $@)
	clang $(FUZZ_FLAGS) -o $@ $< build/fuzzlib/libdyad.a $(LIBS)

fuzz: $(FUZZ_BIN)

FUZZ_SECONDS ?= 60
fuzz-run: fuzz
	@bash tests/fuzz/run.sh $(FUZZ_SECONDS)

bench: all
	@bash bench/run-all.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include
	install -m 755 $(B)/dyad $(DESTDIR)$(PREFIX)/bin/dyad
	install -m 644 $(B)/libdyad.a $(DESTDIR)$(PREFIX)/lib/libdyad.a
	install -m 644 include/dyad.h $(DESTDIR)$(PREFIX)/include/dyad.h

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/dyad $(DESTDIR)$(PREFIX)/lib/libdyad.a $(DESTDIR)$(PREFIX)/include/dyad.h

clean:
	rm -rf build dyad

.PHONY: all check demo deps test tests-build check-asan check-tsan fuzz fuzzlib fuzz-run bench install uninstall clean
.SECONDARY:

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
