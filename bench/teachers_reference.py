#!/usr/bin/env python3
"""Reference pipeline for `make bench-teachers`: the measured-KD protocol of `cchsim teachers`
(docs/real-data.md, "Measured KD") written with NumPy/SciPy, on the same data scenario.

Same protocol: each view standardised (constant columns dropped) and reduced to its first k
principal components on all rows; per split a random permutation (NumPy's generator, so other
splits than cchsim's: accuracies agree within Monte Carlo error, not digit for digit); student
rows, teacher rows of its own, test rows; softmax teacher; softmax students without and with KD,
loss (1 - lambda) CE + lambda tau^2 CE(teacher at tau, student at tau) + ridge |W|^2 (weights,
not intercepts; last class fixed at 0), minimised to tolerance by SciPy's trust-region Newton
(`trust-exact`, exact gradient and Hessian); the lambda grid chosen on validation rows; test
accuracy. Prints per-pair mean accuracies and the experiment's wall time as JSON.
"""
import json, sys, time, tomllib, os
import numpy as np
from scipy.optimize import minimize
from scipy.special import logsumexp, softmax


def load(path):
    with open(path, "rb") as f:
        sc = tomllib.load(f)
    base = os.path.dirname(path)
    data = sc["data"]
    def read(p):
        p = os.path.join(base, p)
        with open(p) as f:
            header = f.readline()
        return np.genfromtxt(p, delimiter=",", skip_header=1, dtype=float if True else str), header
    lab = data["label"]
    raw, _ = read(lab["file"])
    y = raw[:, lab["column"] - 1].astype(int)
    classes, y = np.unique(y, return_inverse=True)
    views = []
    for v in data["views"]:
        x, _ = read(v["file"])
        keep = [j for j in range(x.shape[1]) if j + 1 not in v.get("exclude", [])]
        x = x[:, keep]
        x = x[:, x.std(axis=0) > 0]
        z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
        r = z.T @ z / (len(z) - 1)
        w, vec = np.linalg.eigh(r)
        order = np.argsort(w)[::-1][: data.get("components", 10)]
        views.append((v["name"], z @ vec[:, order]))
    return sc, views, y, len(classes)


def fit(x, y, k, ridge, q=None, lam=0.0, tau=1.0, start=None):
    n, d = x.shape
    xa = np.hstack([x, np.ones((n, 1))])
    w_ = d + 1
    onehot = np.eye(k)[y]
    mask = np.ones((k - 1, w_)); mask[:, -1] = 0
    def unpack(t):
        return np.vstack([t.reshape(k - 1, w_), np.zeros((1, w_))])
    def f(t):
        W = unpack(t); z = xa @ W.T
        loss = (1 - lam) * np.mean(logsumexp(z, axis=1) - z[np.arange(n), y])
        if lam > 0:
            zt = z / tau
            loss += lam * tau * tau * np.mean(np.sum(q * (logsumexp(zt, axis=1)[:, None] - zt), axis=1))
        return loss + ridge * np.sum((t.reshape(k - 1, w_) * mask) ** 2)
    def grad(t):
        W = unpack(t); z = xa @ W.T
        g = (1 - lam) * (softmax(z, axis=1) - onehot)
        if lam > 0:
            g += lam * tau * (softmax(z / tau, axis=1) - q)
        G = (g[:, : k - 1].T @ xa) / n
        return (G + 2 * ridge * t.reshape(k - 1, w_) * mask).ravel()
    def hess(t):
        W = unpack(t); z = xa @ W.T
        p = softmax(z, axis=1)[:, : k - 1]
        hz = (1 - lam) * (p[:, :, None] * np.eye(k - 1)[None] - p[:, :, None] * p[:, None, :])
        if lam > 0:
            pt = softmax(z / tau, axis=1)[:, : k - 1]
            hz += lam * (pt[:, :, None] * np.eye(k - 1)[None] - pt[:, :, None] * pt[:, None, :])
        H = np.einsum("iab,ir,ic->arbc", hz, xa, xa).reshape((k - 1) * w_, (k - 1) * w_) / n
        return H + np.diag(2 * ridge * mask.ravel())
    t0 = np.zeros((k - 1) * w_) if start is None else start
    res = minimize(f, t0, jac=grad, hess=hess, method="trust-exact", options={"gtol": 1e-9})
    return res.x, unpack(res.x)


def scores(W, x, y):
    z = np.hstack([x, np.ones((len(x), 1))]) @ W.T
    return np.mean(np.argmax(z, axis=1) == y), np.mean(logsumexp(z, axis=1) - z[np.arange(len(y)), y])


def main(path):
    sc, views, y, k = load(path)
    n = len(y)
    st = sc.get("student", {}); te = sc.get("teacher", {})
    ns, nt = st.get("n", 100), te.get("n", 500)
    lam, tau, ridge = st.get("lambda", 0.5), st.get("temperature", 2.0), st.get("ridge", 1e-3)
    grid = st.get("lambda_grid", [0, 0.1, 0.25, 0.5, 0.75, 0.9]); vf = st.get("validation_fraction", 0.3)
    splits = sc.get("experiment", {}).get("splits", 20)
    rng = np.random.default_rng(sc.get("seed", 0))
    started = time.perf_counter()
    acc = {}
    for s in range(splits):
        order = rng.permutation(n)
        srows, trows, test = order[:ns], order[ns:ns + nt], order[ns + nt:]
        nv = int(round(ns * vf)); frows, vrows = srows[:ns - nv], srows[ns - nv:]
        soft = []
        for _, x in views:
            _, W = fit(x[trows], y[trows], k, ridge)
            soft.append(softmax((np.hstack([x, np.ones((n, 1))]) @ W.T) / tau, axis=1))
        for si, (sname, x) in enumerate(views):
            t0, W0 = fit(x[srows], y[srows], k, ridge)
            base = scores(W0, x[test], y[test])[0]
            tf, Wf = fit(x[frows], y[frows], k, ridge)
            base_val = scores(Wf, x[vrows], y[vrows])[1]
            for ti, (tname, _) in enumerate(views):
                if ti == si:
                    continue
                q = soft[ti]
                _, W = fit(x[srows], y[srows], k, ridge, q[srows], lam, tau, start=t0)
                kd = scores(W, x[test], y[test])[0]
                best = (0.0, base_val)
                for l in grid:
                    if l == 0:
                        continue
                    _, Wl = fit(x[frows], y[frows], k, ridge, q[frows], l, tau, start=tf)
                    v = scores(Wl, x[vrows], y[vrows])[1]
                    if v < best[1]:
                        best = (l, v)
                if best[0] not in (0.0, lam):
                    fit(x[srows], y[srows], k, ridge, q[srows], best[0], tau, start=t0)
                acc.setdefault(f"{tname}->{sname}", []).append((base, kd))
    seconds = time.perf_counter() - started
    out = {p: {"no_kd": float(np.mean([a for a, _ in v])), "kd": float(np.mean([b for _, b in v])),
               "no_kd_se": float(np.std([a for a, _ in v], ddof=1) / np.sqrt(len(v))),
               "kd_se": float(np.std([b for _, b in v], ddof=1) / np.sqrt(len(v)))} for p, v in acc.items()}
    print(json.dumps({"seconds_experiment": seconds, "pairs": out}))


if __name__ == "__main__":
    main(sys.argv[1])
