#!/usr/bin/env bash
# The sweep benchmark (`make bench-sweep`): the release cchsim writes the 1,000 x 1,000 analytic
# grid of bench/sweep-grid-1000.toml; the NumPy reference (bench/sweep_grid_numpy.py) writes the
# same CSV; both wall times, their ratio, and a check that the two files agree.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product cchsim >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
threads=${THREADS:-$(nproc)}

calc() { python3 -c "print($1)"; }
seconds() { local s e; s=$(date +%s.%N); "$@" >"$out/log"; e=$(date +%s.%N); calc "$e - $s"; }

swift_s=$(seconds .build/release/cchsim run bench/sweep-grid-1000.toml --out "$out" --no-plots --threads "$threads")
numpy_s=$(seconds python3 bench/sweep_grid_numpy.py bench/sweep-grid-1000.toml "$out/numpy.csv")
cat "$out/log"
printf 'cchsim (release, %s threads): %6.2f s   %s bytes\n' "$threads" "$swift_s" "$(stat -c %s "$out/sweep-grid-1000.csv")"
printf 'NumPy reference:              %6.2f s   %s bytes\n' "$numpy_s" "$(stat -c %s "$out/numpy.csv")"
printf 'ratio NumPy / cchsim:         %6.1fx\n' "$(calc "$numpy_s / $swift_s")"
python3 bench/sweep_grid_numpy.py --compare "$out/sweep-grid-1000.csv" "$out/numpy.csv"
