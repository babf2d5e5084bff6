#!/usr/bin/env python3
"""Reference KSG (algorithm 1, max-norm, k = 3) by brute force in numpy, for cchsim's benchmark.

Writes a CSV of n Gaussian rows (columns t1, t2, s, y), estimates I(T;S) (3 dimensions) and
I(S;Y) (2 dimensions) by exhaustive distance computation, and prints both values and the time.
Compare with:
    cchsim estimate-mi --csv FILE --teacher t1,t2 --student s --label y --estimators ksg --replicates 0 --json
Needs numpy only (never used by `make test`).
"""
import argparse
import math
import time

import numpy as np


def digamma(x):
    # psi at positive integers: -gamma + H_{x-1}, exact enough for the comparison.
    x = np.asarray(x, dtype=np.int64)
    top = int(x.max())
    table = np.concatenate([[0.0], np.cumsum(1.0 / np.arange(1, top))])
    return -0.5772156649015329 + table[x - 1]


def ksg(a, b, k=3, chunk=500):
    n = a.shape[0]
    a = (a - a.mean(0)) / a.std(0, ddof=1)
    b = (b - b.mean(0)) / b.std(0, ddof=1)
    total = 0.0
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        da = np.abs(a[start:stop, None, :] - a[None, :, :]).max(-1)
        db = np.abs(b[start:stop, None, :] - b[None, :, :]).max(-1)
        dz = np.maximum(da, db)
        rows = np.arange(stop - start)
        dz[rows, rows + start] = np.inf
        eps = np.partition(dz, k - 1, axis=1)[:, k - 1]
        na = (da < eps[:, None]).sum(1) - 1
        nb = (db < eps[:, None]).sum(1) - 1
        total += (digamma(na + 1) + digamma(nb + 1)).sum()
    return float(digamma(k) + digamma(n) - total / n)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=10000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    rng = np.random.default_rng(args.seed)
    z = rng.standard_normal((args.n, 2))
    t = z @ np.array([[1.0, 0.3], [0.0, 1.0]]) + 0.6 * rng.standard_normal((args.n, 2))
    s = z @ np.array([[0.8], [0.5]]) + 0.7 * rng.standard_normal((args.n, 1))
    y = z @ np.array([[1.0], [0.4]]) + 0.8 * rng.standard_normal((args.n, 1))
    data = np.hstack([t, s, y])
    np.savetxt(args.out, data, delimiter=",", header="t1,t2,s,y", comments="", fmt="%.17g")
    started = time.perf_counter()
    ts = ksg(data[:, :2], data[:, 2:3])
    sy = ksg(data[:, 2:3], data[:, 3:4])
    elapsed = time.perf_counter() - started
    print(f"ksg_mi_ts {ts:.15g}\nksg_mi_sy {sy:.15g}\nseconds {elapsed:.3f}")


if __name__ == "__main__":
    main()
