"""`make bench-scale`, step 2: the NumPy reference of cchsim's representation step.

For each view of the data scenario written by scale_data.py: load the CSV, standardise every
column (centred, unit sample variance), economy SVD, the first k scores U_k S_k. Then, for every
pair of views, the bias-corrected Gaussian plug-in I(T;S) of cchsim's GaussianPlugInEstimator on
these scores: 1/2 (L_T + L_S - L_TS), L = ln det W - d ln 2 - sum_{i=1..d} psi((N - i) / 2), W
the scatter matrix. Prints JSON: seconds (load, svd) and the MI per "teacher->student".

Usage: python3 scale_reference.py DIR (holding scale.toml and its CSV files)
"""
import json
import os
import sys
import time
import tomllib

import numpy as np
from scipy.special import digamma


def unbiased_log_det(w: np.ndarray, n: int) -> float:
    d = w.shape[0]
    sign, logdet = np.linalg.slogdet(w)
    assert sign > 0
    return logdet - d * np.log(2) - sum(digamma((n - i) / 2) for i in range(1, d + 1))


def gaussian_mi(a: np.ndarray, b: np.ndarray) -> float:
    x = np.hstack([a, b])
    n = x.shape[0]
    c = x - x.mean(axis=0)
    w = c.T @ c
    da = a.shape[1]
    return 0.5 * (unbiased_log_det(w[:da, :da], n) + unbiased_log_det(w[da:, da:], n) - unbiased_log_det(w, n))


def main() -> None:
    folder = sys.argv[1]
    with open(os.path.join(folder, "scale.toml"), "rb") as fh:
        scenario = tomllib.load(fh)
    k = scenario["data"]["components"]
    load = svd = 0.0
    scores = {}
    for view in scenario["data"]["views"]:
        started = time.perf_counter()
        x = np.loadtxt(os.path.join(folder, view["file"]), delimiter=",", skiprows=1)
        load += time.perf_counter() - started
        started = time.perf_counter()
        z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
        u, s, _ = np.linalg.svd(z, full_matrices=False)
        scores[view["name"]] = u[:, :k] * s[:k]
        svd += time.perf_counter() - started
        del x, z, u
    mi = {f"{t}->{s}": gaussian_mi(scores[t], scores[s]) for t in scores for s in scores if t != s}
    print(json.dumps({"seconds_load": load, "seconds_svd": svd, "mi_ts_gaussian": mi}))


if __name__ == "__main__":
    main()
