#!/usr/bin/env python3
"""NumPy reference of the Monte Carlo KD experiment of `cchsim simulate` (for `make bench`).

The same work as one cchsim trial, written as a competent NumPy user would: batched over trials
(no Python loop per trial), drawing the triples. Per trial: fit the teacher (oracle weights, or
OLS / ridge on nt fresh (T, Y) pairs), draw n triples (T, S, Y) = L x through the Cholesky factor
of Sigma, form the KD target u = c theta'T, fit the student by ridge regression of Y and of
z = (1 - lambda) Y + lambda u on S, and score both fits by the exact risk
Var(Y|S) + (w - w*)' Sss (w - w*) and Sheppard's sign accuracy. Prediction target only; exact
scoring only (no test set).

BLAS runs on one thread (OPENBLAS_NUM_THREADS=1 unless set): the matrices are small (ds x n per
trial), and OpenBLAS's threads made this reference about 7x slower on the ds = 50 benchmark (749 vs
5048 trials/s measured). NumPy's random generator is single-threaded either way.

Prints one JSON object: trials, seconds, trials_per_second and the mean / standard error of the risks
and the KD gain (to check that both programs compute the same thing).

Usage: python3 bench/numpy_reference.py SCENARIO.toml [--seconds 2] [--seed 1] [--batch-numbers 1e6]
"""
import argparse
import json
import os
import sys
import time
import tomllib

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402  (after the thread settings, which BLAS reads at load time)


def covariance(model):
    """Sigma of (T, S, Y) and (dt, ds), as cchsim builds it (docs/theory.md section 1)."""
    kind = model["kind"]
    if kind == "correlations":
        ts, sy, ty = model["rho_ts"], model["rho_sy"], model["rho_ty"]
        return np.array([[1, ts, ty], [ts, 1, sy], [ty, sy, 1]], dtype=float), 1, 1
    if kind == "latent":
        at = np.atleast_2d(np.array(model["teacher_loadings"], dtype=float))
        as_ = np.atleast_2d(np.array(model["student_loadings"], dtype=float))
        beta = np.array(model["label_loadings"], dtype=float)
        loadings = np.vstack([at, as_, beta])
        dt, ds = at.shape[0], as_.shape[0]
        noise = np.r_[np.full(dt, model.get("teacher_noise", 0.0)), np.full(ds, model.get("student_noise", 0.0)),
                      model.get("label_noise", 0.0)]
        return loadings @ loadings.T + np.diag(noise ** 2), dt, ds
    if kind == "covariance":
        return np.array(model["matrix"], dtype=float), model["dt"], model["ds"]
    raise ValueError(f"unknown model kind {kind}")


def solve(gram, rhs):
    """Batched solve of gram x = rhs (gram: (B, p, p), rhs: (B, p, k)); a division when p = 1."""
    if gram.shape[-1] == 1:
        return rhs / gram
    return np.linalg.solve(gram, rhs)


def draw(rng, batch, rows, chol):
    """`batch` samples of `rows` Gaussian vectors L x, shape (batch, rows, d): one 2-D GEMM."""
    d = chol.shape[0]
    return (rng.standard_normal((batch * rows, d)) @ chol.T).reshape(batch, rows, d)


class Experiment:
    def __init__(self, scenario):
        sigma, dt, ds = covariance(scenario["model"])
        teacher, student = scenario.get("teacher", {}), scenario["student"]
        if teacher.get("target", "prediction") != "prediction":
            raise ValueError("the reference covers the prediction target only")
        self.dt, self.ds, self.d = dt, ds, dt + ds + 1
        self.chol = np.linalg.cholesky(sigma)
        t, s, y = slice(0, dt), slice(dt, dt + ds), dt + ds
        self.sss = sigma[s, s]
        self.ssy = sigma[s, y]
        self.syy = sigma[y, y]
        self.w_star = np.linalg.solve(self.sss, self.ssy)
        self.bayes_risk = self.syy - self.ssy @ self.w_star
        self.scale = teacher.get("scale", 1.0)
        self.theta_oracle = np.linalg.solve(sigma[t, t], sigma[t, y])
        self.fit = teacher.get("fit", "oracle")
        self.nt = teacher.get("n", 0)
        self.teacher_ridge = teacher.get("ridge", 0.0)
        ty = list(range(dt)) + [y]
        self.chol_ty = np.linalg.cholesky(sigma[np.ix_(ty, ty)])
        self.n = student["n"]
        self.ridge = student.get("ridge", 0.0)
        self.lam = student.get("lambda", 0.5)

    def teacher_weights(self, rng, batch):
        """theta_eff per trial, (B, dt)."""
        if self.fit == "oracle":
            return np.broadcast_to(self.scale * self.theta_oracle, (batch, self.dt))
        pairs = draw(rng, batch, self.nt, self.chol_ty)
        t, y = pairs[..., :self.dt], pairs[..., self.dt:]
        gram = np.swapaxes(t, 1, 2) @ t
        if self.fit == "ridge":
            gram += self.nt * self.teacher_ridge * np.eye(self.dt)
        return self.scale * solve(gram, np.swapaxes(t, 1, 2) @ y)[..., 0]

    def risk_and_accuracy(self, w):
        e = w - self.w_star
        risk = self.bayes_risk + np.einsum("bi,ij,bj->b", e, self.sss, e)
        var = np.einsum("bi,ij,bj->b", w, self.sss, w)
        r = np.clip((w @ self.ssy) / np.sqrt(var * self.syy), -1, 1)
        return risk, 0.5 + np.arcsin(r) / np.pi

    def batch(self, rng, batch):
        """Risks and accuracies without / with KD for `batch` trials."""
        theta = self.teacher_weights(rng, batch)
        v = draw(rng, batch, self.n, self.chol)
        t, s, y = v[..., :self.dt], v[..., self.dt:self.dt + self.ds], v[..., -1]
        u = np.einsum("bnt,bt->bn", t, theta)
        st = np.swapaxes(s, 1, 2)
        gram = st @ s
        if self.ridge > 0:
            gram += self.n * self.ridge * np.eye(self.ds)
        w = solve(gram, st @ np.stack([y, u], axis=-1))
        w_no_kd = w[..., 0]
        w_kd = (1 - self.lam) * w[..., 0] + self.lam * w[..., 1]
        return self.risk_and_accuracy(w_no_kd), self.risk_and_accuracy(w_kd)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenario")
    parser.add_argument("--seconds", type=float, default=2.0, help="run whole batches for at least this long")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-numbers", type=float, default=1e6, help="normal draws per batch (memory)")
    args = parser.parse_args()
    with open(args.scenario, "rb") as f:
        experiment = Experiment(tomllib.load(f))
    draws = experiment.n * experiment.d + (experiment.nt * (experiment.dt + 1) if experiment.fit != "oracle" else 0)
    batch = max(1, int(args.batch_numbers // draws))
    rng = np.random.default_rng(args.seed)
    experiment.batch(rng, batch)  # warm-up (allocations, BLAS threads)
    risks0, risks1 = [], []
    start = time.perf_counter()
    while True:
        (r0, _a0), (r1, _a1) = experiment.batch(rng, batch)
        risks0.append(r0)
        risks1.append(r1)
        seconds = time.perf_counter() - start
        if seconds >= args.seconds:
            break
    r0, r1 = np.concatenate(risks0), np.concatenate(risks1)
    gain = r0 - r1
    n = len(gain)
    summary = {
        "trials": n, "seconds": seconds, "trials_per_second": n / seconds, "batch": batch,
        "risk_no_kd": r0.mean(), "risk_kd": r1.mean(), "kd_gain": gain.mean(), "kd_gain_se": gain.std(ddof=1) / np.sqrt(n),
    }
    json.dump(summary, sys.stdout)
    print()


if __name__ == "__main__":
    main()
