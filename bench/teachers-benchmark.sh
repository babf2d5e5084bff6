#!/usr/bin/env bash
# `make bench-teachers`: the measured-KD experiment of `cchsim teachers` on UCI Multiple Features
# (30 ordered view pairs x 20 splits, bench/teachers-uci.toml) against the NumPy/SciPy reference
# of the same protocol (bench/teachers_reference.py), in the same session. Times are the KD
# experiment's wall clock (cchsim: `seconds_experiment` of NAME.meta.json, 1 thread and all
# cores); accuracies are compared pair by pair within Monte Carlo error (different random splits).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cores=$(nproc)
.build/release/cchsim teachers bench/teachers-uci.toml --out "$out/one" --threads 1 --no-plots >/dev/null
.build/release/cchsim teachers bench/teachers-uci.toml --out "$out/all" --threads "$cores" --no-plots >/dev/null
(cd bench && python3 teachers_reference.py teachers-uci.toml) > "$out/reference.json"
python3 - "$out" "$cores" <<'PY'
import csv, json, sys, math
out, cores = sys.argv[1], sys.argv[2]
one = json.load(open(f"{out}/one/bench-teachers-uci.meta.json"))["seconds_experiment"]
every = json.load(open(f"{out}/all/bench-teachers-uci.meta.json"))["seconds_experiment"]
ref = json.load(open(f"{out}/reference.json"))
rows = list(csv.DictReader(open(f"{out}/all/bench-teachers-uci.csv")))
assert open(f"{out}/one/bench-teachers-uci.csv").read() == open(f"{out}/all/bench-teachers-uci.csv").read(), "thread counts disagree"
worst = 0.0
for r in rows:
    p = ref["pairs"][f"{r['teacher']}->{r['student']}"]
    # Student without / with KD: cchsim mean vs reference mean, in units of their joint SE
    # (per-split sd from the gain columns is not the accuracy sd: use the reference's SEs twice).
    for key, mine in (("no_kd", float(r["score_no_kd"])), ("kd", float(r["score_kd"]))):
        se = math.sqrt(2) * p[f"{key}_se"]
        worst = max(worst, abs(mine - p[key]) / se if se > 0 else 0)
print(f"KD experiment, UCI Multiple Features, 30 pairs x 20 splits:")
print(f"  NumPy/SciPy reference: {ref['seconds_experiment']:.1f} s")
print(f"  cchsim, 1 thread:      {one:.1f} s   ({ref['seconds_experiment'] / one:.1f}x)")
print(f"  cchsim, {cores} threads:     {every:.1f} s   ({ref['seconds_experiment'] / every:.1f}x)")
print(f"  accuracies: largest |cchsim - reference| = {worst:.2f} joint standard errors over 60 means (target: < 4)")
PY
