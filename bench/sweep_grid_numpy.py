#!/usr/bin/env python3
"""NumPy reference for the sweep benchmark: the analytic grid of bench/sweep-grid-1000.toml
(the paper's regime: population student, ridge gamma, representation target u = T, scalar model
with rho_ty fixed, rho_ts x rho_sy on a grid) computed and written as the same CSV that
`cchsim run bench/sweep-grid-1000.toml --no-plots` writes: same columns, same row order, numbers in
the shortest round-trip decimal form (Python's repr, as Swift's description), booleans 1/0, empty
result fields and the reason for invalid points.

Written as a competent NumPy user would: every column is computed for the whole grid at once, no
Python loop over grid points; the text is built column-wise with repr and joined once.

Usage: sweep_grid_numpy.py SCENARIO.toml OUT.csv      (needs numpy; Python >= 3.11 for tomllib)
       sweep_grid_numpy.py --compare A.csv B.csv      (numeric comparison of two such CSVs)
"""
import sys
import time
import tomllib

import numpy as np

GAIN_TOLERANCE = 1e-12  # KDAnalysis.gainTolerance


def axis(spec):
    """Values of a linear range as cchsim spaces them (ends exact, 9 significant digits of the step)."""
    lo, hi, steps = float(spec["from"]), float(spec["to"]), int(spec["steps"])
    step = (hi - lo) / (steps - 1)
    decimals = min(22, 9 - int(np.floor(np.log10(abs(step)))))
    values = np.round((lo + np.arange(steps) * step) * 10.0**decimals) / 10.0**decimals
    values[0], values[-1] = lo, hi
    return values


def analyse(ts, sy, ty, ridge, lam):
    """Every analyze column for arrays of rho_ts, rho_sy (docs/theory.md section 4(a), scalar representation target)."""
    det = 1 + 2 * ts * sy * ty - ts * ts - sy * sy - ty * ty
    valid = det > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        u_ts, u_sy, u_ty = 1 - ts * ts, 1 - sy * sy, 1 - ty * ty
        mi_ts = np.maximum(0, -0.5 * np.log(u_ts))
        mi_sy = np.maximum(0, -0.5 * np.log(u_sy))
        mi_ty = np.maximum(0, -0.5 * np.log(u_ty)) * np.ones_like(ts)
        mi_ty_s = np.maximum(0, 0.5 * np.log(u_ts * u_sy / det))
        mi_sy_t = np.maximum(0, 0.5 * np.log(u_ts * u_ty / det))
        mi_ts_y = np.maximum(0, 0.5 * np.log(u_ty * u_sy / det))
    gap = mi_ts - mi_sy
    theta = 1.0  # u = T: c a / sqrt(a' Stt a) with a = 1, c = 1
    shrink = 1 / (1 + ridge)
    bayes = 1 - sy * sy

    def risk(l):
        b = (1 - l) * sy + l * ts * theta
        mean = shrink * b
        return bayes + (mean - sy) * (mean - sy)

    def accuracy(l):
        w = shrink * ((1 - l) * sy + l * ts * theta)
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.clip(w * sy / np.abs(w), -1, 1)
        return np.where(w * w > 0, 0.5 + np.arcsin(r) / np.pi, 0.5)

    r0, rh, r1 = risk(0.0), risk(0.5), risk(1.0)
    a2 = 2 * (r1 - 2 * rh + r0)
    a1 = r1 - r0 - a2
    best = np.where(r1 < r0, 1.0, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        vertex = -a1 / (2 * a2)
    inside = (a2 > 0) & (vertex > 0) & (vertex < 1)
    best = np.where(inside, vertex, best)
    best = np.where(r0 - (r0 + best * (a1 + best * a2)) > GAIN_TOLERANCE * r0, best, 0.0)
    risk_kd = risk(lam)
    gain_opt = r0 - (r0 + best * (a1 + best * a2))
    helps = gain_opt > GAIN_TOLERANCE * r0
    predicts = gap > 0
    columns = [
        ("mi_ts", mi_ts), ("mi_sy", mi_sy), ("mi_ty", mi_ty), ("mi_ty_given_s", mi_ty_s),
        ("mi_sy_given_t", mi_sy_t), ("mi_ts_given_y", mi_ts_y), ("cch_gap", gap),
        ("cch_predicts_gain", predicts), ("regime", "population"), ("regime_exact", True),
        ("lambda", np.full_like(ts, lam)), ("bayes_risk", bayes), ("risk_no_kd", r0), ("risk_kd", risk_kd),
        ("kd_gain", r0 - risk_kd), ("kd_gain_relative", (r0 - risk_kd) / r0), ("lambda_opt", best),
        ("kd_gain_opt", gain_opt), ("kd_helps", helps), ("cch_agrees", predicts == helps),
        ("accuracy_no_kd", accuracy(0.0)), ("accuracy_kd", accuracy(lam)), ("accuracy_opt", accuracy(best)),
        # The verdict is exact here: the slope a1 = dE R/dlambda at 0 decides it, no approximation
        # error bound, nothing flagged; no Monte Carlo, so no standard error and no truth trials.
        ("kd_helps_method", "exact"), ("risk_slope", a1), ("verdict_error_bound", np.full_like(ts, np.nan)),
        ("verdict_uncertain", False), ("kd_gain_opt_se", np.full_like(ts, np.nan)), ("truth_trials", np.full_like(ts, np.nan)),
    ]
    return valid, det, columns


def text(values, n):
    """A column as CSV text: repr of floats, 1/0 for booleans, a constant string repeated."""
    if isinstance(values, str):
        return [values] * n
    if isinstance(values, bool):
        return ["1" if values else "0"] * n
    if values.dtype == bool:
        return np.where(values, "1", "0").tolist()
    return list(map(repr, values.tolist()))


def write(scenario_path, out_path):
    with open(scenario_path, "rb") as f:
        s = tomllib.load(f)
    model, student, sweep = s["model"], s["student"], s["sweep"]
    assert model["kind"] == "correlations" and s["teacher"]["target"] == "representation" and student["n"] == "inf"
    keys = list(sweep)
    xs, ys = axis(sweep[keys[0]]), axis(sweep[keys[1]])
    started = time.perf_counter()
    ts, sy = (a.ravel() for a in np.meshgrid(xs, ys, indexing="ij"))  # first axis slowest, as cchsim
    valid, det, columns = analyse(ts, sy, float(model["rho_ty"]), float(student["ridge"]), float(student["lambda"]))
    computed = time.perf_counter()
    n = ts.size
    fields = [list(map(str, range(n))), text(ts, n), text(sy, n), text(valid, n)]
    for _, values in columns:
        column = text(values, n)
        fields.append([v if ok else "" for v, ok in zip(column, valid.tolist())])
    reasons = ["model.rho_ts/rho_sy/rho_ty: the correlations violate 1 + 2 rho_ts rho_sy rho_ty - rho_ts^2 - rho_sy^2 - rho_ty^2 > 0 "
               f"(it is {d!r})" if not ok else "" for d, ok in zip(det.tolist(), valid.tolist())]
    fields.append(reasons)
    header = ["point"] + keys + ["valid"] + [name for name, _ in columns] + ["invalid_reason"]
    with open(out_path, "w") as f:
        f.write(",".join(header) + "\n")
        f.write("\n".join(map(",".join, zip(*fields))))
        f.write("\n")
    done = time.perf_counter()
    print(f"numpy: {n} points, compute {computed - started:.2f} s, format and write {done - computed:.2f} s, "
          f"total {done - started:.2f} s")


def compare(a_path, b_path):
    """Same header and rows; identical text fields; numbers within 1e-12 relative."""
    worst, identical, rows = 0.0, 0, 0
    with open(a_path) as a, open(b_path) as b:
        header_a, header_b = a.readline(), b.readline()
        assert header_a == header_b, "headers differ"
        fields = header_a.count(",")  # split no further than the last column (invalid_reason)
        for line_a, line_b in zip(a, b):
            rows += 1
            if line_a == line_b:
                identical += 1
                continue
            for x, y in zip(line_a.rstrip("\n").split(",", fields), line_b.rstrip("\n").split(",", fields)):
                if x == y:
                    continue
                fx, fy = float(x), float(y)
                worst = max(worst, abs(fx - fy) / max(1.0, abs(fx), abs(fy)))
        assert a.readline() == b.readline() == "", "row counts differ"
    print(f"compare: {rows} rows, {identical} byte-identical, largest relative difference {worst:.3g}")
    assert worst <= 1e-12, "the two CSVs disagree beyond rounding"


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3:
        write(sys.argv[1], sys.argv[2])
    else:
        sys.exit(__doc__)
