#!/usr/bin/env bash
# `make bench-scale`: `cchsim teachers` on a planted omics-sized data set (600 rows x 20,000 +
# 5,000 + 200 columns, bench/scale_data.py) against a NumPy reference of its representation step
# (load, standardise, economy SVD, first k scores: bench/scale_reference.py), in the same session.
# Prints both times, their ratios and cchsim's peak resident memory, and checks that the Gaussian
# I(T;S) of every pair, computed by NumPy on its own scores, equals cchsim's to 1e-6.
# A benchmark, not a timed test. ROWS=N for another row count.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cores=$(nproc)
python3 bench/scale_data.py "$out/data" "${ROWS:-600}"
# NumPy twice: with OpenBLAS's default threads and with one (faster on a loaded 2-core machine);
# the faster of the two is the reference.
(cd "$out/data" && /usr/bin/time -v python3 "$OLDPWD/bench/scale_reference.py" . > "$out/reference.json" 2> "$out/reference.time")
(cd "$out/data" && OPENBLAS_NUM_THREADS=1 /usr/bin/time -v python3 "$OLDPWD/bench/scale_reference.py" . > "$out/reference1.json" 2> "$out/reference1.time")
/usr/bin/time -v .build/release/cchsim teachers "$out/data/scale.toml" --out "$out/cchsim" --threads "$cores" --no-plots \
  > "$out/cchsim.txt" 2> "$out/cchsim.time"
python3 - "$out" <<'PY'
import csv, json, re, sys
out = sys.argv[1]
runs = {name: json.load(open(f"{out}/{name}.json")) for name in ("reference", "reference1")}
for name, r in runs.items():
    print(f"NumPy ({'default threads' if name == 'reference' else 'one thread'}): load {r['seconds_load']:.1f} s + SVD {r['seconds_svd']:.1f} s")
best = min(runs, key=lambda name: runs[name]["seconds_load"] + runs[name]["seconds_svd"])
ref = runs[best]
meta = json.load(open(f"{out}/cchsim/bench-scale.meta.json"))
def peak(name):
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(f"{out}/{name}.time").read()).group(1)) / 1024
worst = 0.0
for r in csv.DictReader(open(f"{out}/cchsim/bench-scale.csv")):
    mine, theirs = float(r["mi_ts_gaussian"]), ref["mi_ts_gaussian"][f"{r['teacher']}->{r['student']}"]
    worst = max(worst, abs(mine - theirs))
numpy = ref["seconds_load"] + ref["seconds_svd"]
front = meta["seconds_information"]
print(f"NumPy   load {ref['seconds_load']:.1f} s + standardise and economy SVD {ref['seconds_svd']:.1f} s = {numpy:.1f} s (the faster run; peak {peak(best):.0f} MB)")
print(f"cchsim  load + representation {meta['seconds_loading']:.1f} s, + information estimates = {front:.1f} s; whole teachers run {meta['seconds']:.1f} s (peak {peak('cchsim'):.0f} MB)")
print(f"ratios  cchsim load + representation + information / NumPy load + SVD = {front / numpy:.2f} (target <= 1); whole run / NumPy = {meta['seconds'] / numpy:.2f} (target <= 3)")
print(f"Gaussian I(T;S), NumPy on its scores vs cchsim: largest difference {worst:.2e} nats (tolerance 1e-6); decompositions: "
      + ", ".join(f"{v['name']} {v['decomposition']}" for v in meta["views"]))
assert worst < 1e-6, "the Gaussian I(T;S) disagree"
PY
