#!/usr/bin/env bash
# `make fuzz-lib`: libFuzzer on the scenario (TOML) and CSV readers (docs/robustness.md,
# "libFuzzer"). Usage: scripts/fuzz-lib.sh BUILD_DIR SECONDS
# BUILD_DIR holds the release build of the fuzz/ package (built with -sanitize=fuzzer by the
# Makefile); each fuzzer runs SECONDS from a seed corpus (Scenarios/*.toml and fuzz/corpus/toml;
# fuzz/corpus/csv and the first lines of data/'s CSVs when `make data` has run), in fork mode so
# that a finding is saved and the run goes on. The growing corpora stay in BUILD_DIR/corpus-*
# (later runs start from them), findings in BUILD_DIR/findings/ (crash-*, timeout-*, oom-*), a
# summary in BUILD_DIR/fuzz-lib-summary.txt. Exits 1 when the run found anything.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/fuzz-lib.sh BUILD_DIR SECONDS}
seconds=${2:?usage: scripts/fuzz-lib.sh BUILD_DIR SECONDS}
bin="$build/release"
findings="$build/findings"
seeds="$build/seeds"
mkdir -p "$findings" "$build/corpus-toml" "$build/corpus-csv" "$seeds/toml" "$seeds/csv"
cp Scenarios/*.toml fuzz/corpus/toml/* "$seeds/toml/"
cp fuzz/corpus/csv/* "$seeds/csv/"
for f in data/*/*.csv; do
  [ -f "$f" ] && head -c 4000 "$f" | head -n 6 > "$seeds/csv/$(basename "$(dirname "$f")")-$(basename "$f")"
done

summary="$build/fuzz-lib-summary.txt"
: > "$summary"
new=0
for target in toml csv; do
  log="$build/fuzz-lib-$target.log"
  before=$(find "$findings" -name "*-$target-*" | wc -l)
  # -rss_limit_mb: an input that makes a reader hold more than 2 GiB is a finding (cchsim's own
  # ceilings keep a scenario's reading far below it); -timeout: one input over 10 s is a hang.
  # SWIFT_BACKTRACE=enable=no: a Swift trap then reaches libFuzzer's handler, which saves the
  # input (Swift's backtracer would take the signal first and the finding look like a timeout).
  SWIFT_BACKTRACE=enable=no "$bin/cchsim-fuzz-$target" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict="fuzz/$target.dict" -artifact_prefix="$findings/" \
    "$build/corpus-$target" "$seeds/$target" > "$log" 2>&1 || true
  # Artifacts are named crash-HASH etc.; prefix this target's new ones with its name.
  for a in "$findings"/*; do
    base=$(basename "$a")
    [[ $base =~ ^(crash|timeout|oom|slow-unit)-([0-9a-f]{40})$ ]] || continue
    mv "$a" "$findings/${BASH_REMATCH[1]}-$target-${BASH_REMATCH[2]}"
  done
  after=$(find "$findings" -name "*-$target-*" | wc -l)
  new=$((new + after - before))
  runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  echo "cchsim-fuzz-$target: ${runs:-0} inputs in $seconds s, $((after - before)) new findings ($findings), corpus $(ls "$build/corpus-$target" | wc -l) inputs" | tee -a "$summary"
  # Distinct crash sites of every crashing input in BUILD_DIR/findings (this run's and earlier
  # ones'): each rerun alone, named by the first project (or toml++) source line of its stack.
  for a in "$findings"/crash-"$target"-*; do
    [ -e "$a" ] || continue
    SWIFT_BACKTRACE=enable=no "$bin/cchsim-fuzz-$target" "$a" 2>&1 | grep -v '/fuzz/Sources/' \
      | grep -oE '(Sources/[A-Za-z0-9_/+.-]+\.swift|toml\.hpp):[0-9]+' | head -1 | sed 's|.*/Sources/|Sources/|' || true
  done | sort | uniq -c | sed "s/^ */  crash site, inputs: /" | tee -a "$summary"
done
[ "$new" = 0 ] || { echo "fuzz-lib: $new new findings in $findings" >&2; exit 1; }
