#!/usr/bin/env python3
"""Reference values of the README's worked example (Scenarios/example.toml: correlations model
rho_ts = 0.6, rho_sy = 0.4, rho_ty = 0.3, unit variances; student n = 50, ridge 0), computed at
50 digits with mpmath from the closed forms of docs/theory.md (section 2), independently of cchsim;
and the exact risk of the scaled example of docs/theory.md section 1 ("Scale").
ExampleReferenceTests holds cchsim's values to them; rerun this to recompute them. Needs mpmath
(never used by `make test`).
"""
import mpmath as mp

mp.mp.dps = 50
rts, rsy, rty = mp.mpf("0.6"), mp.mpf("0.4"), mp.mpf("0.3")
n = 50


def gaussian_mi(r):
    """I between two scalar Gaussians with correlation r, nats."""
    return -mp.log(1 - r * r) / 2


# Var(Y | T, S): 1 - r' R^-1 r with R the correlation of (T, S) and r their correlations with Y.
explained = (rty ** 2 + rsy ** 2 - 2 * rts * rty * rsy) / (1 - rts ** 2)
var_y_s = 1 - rsy ** 2
var_y_ts = 1 - explained


def sign_label_mi(r):
    """I(X; sign(Y)) for scalar Gaussians X, Y with correlation r: ln 2 - E h2(Phi(a X)), a = r / sqrt(1 - r^2)."""
    a = r / mp.sqrt(1 - r * r)

    def entropy(x):
        # h2(Phi(a x)) with both probabilities from the CDF (no 1 - p), a zero probability adding 0.
        return -sum(p * mp.log(p) for p in (mp.ncdf(a * x), mp.ncdf(-a * x)) if p > 0)

    integrand = lambda x: mp.npdf(x) * entropy(x)
    return mp.log(2) - mp.quad(integrand, [-mp.inf, 0, mp.inf])


# Regime 4(b), exact OLS with the oracle prediction target u = theta'T (theta = Stt^-1 Sty = rho_ty):
# E R(l) = Var(Y|S) + (b_l - w*)^2 + s2_l / (n - 2) with the moments of docs/theory.md section 3.4.
theta = rty
ssu, syu, suu = rts * theta, rty * theta, theta * theta


def risk(l):
    c = (1 - l) * rsy + l * ssu
    v = (1 - l) ** 2 + 2 * l * (1 - l) * syu + l * l * suu
    return var_y_s + (c - rsy) ** 2 + (v - c * c) / (n - 2)


# E R is a quadratic in l: its vertex, clamped to [0, 1].
a0, a2 = risk(0), (risk(1) + risk(-1)) / 2 - risk(0)
a1 = (risk(1) - risk(-1)) / 2
lambda_opt = min(max(-a1 / (2 * a2), 0), 1)

values = {
    "I(T;S)": gaussian_mi(rts),
    "I(S;Y)": gaussian_mi(rsy),
    "I(T;Y)": gaussian_mi(rty),
    "I(T;Y|S)": mp.log(var_y_s / var_y_ts) / 2,
    "CCH gap": gaussian_mi(rts) - gaussian_mi(rsy),
    "Var(Y|S)": var_y_s,
    # Exact OLS risk without KD, ds = 1, no intercept: Var(Y|S) (1 + ds / (n - ds - 1)).
    "E R(0)": var_y_s * (1 + mp.mpf(1) / (n - 2)),
    "E R(0.5)": risk(mp.mpf("0.5")),
    "lambda*": lambda_opt,
    "E R(lambda*)": risk(lambda_opt),
    # docs/theory.md section 1, "Scale": the model times 1e-200 with n = 20.
    "E R(0), 1e-200 x model, n = 20": mp.mpf("1e-200") * var_y_s * (1 + mp.mpf(1) / (20 - 2)),
    "I(S;C)": sign_label_mi(rsy),
    "I(T;C)": sign_label_mi(rty),
    "Bayes accuracy from S": mp.mpf(1) / 2 + mp.asin(rsy) / mp.pi,
    "Bayes accuracy from T": mp.mpf(1) / 2 + mp.asin(rty) / mp.pi,
}
for name, value in values.items():
    print(f"{name:24s} {mp.nstr(value, 25, min_fixed=-1, max_fixed=1)}")
