#!/usr/bin/env python3
"""High-precision references for the exact scalar ridge regime (docs/finite-n-ridge.md, section 1).

Computes, for a scalar student on n samples with ridge gamma (Sss = 1, so g = n gamma), the three
design moments of `ScalarRidgeMoments`

    E[h]         = int_0^inf n e^{-gt} (1 + 2t)^{-n/2-1} dt
    E[h^2]       = int_0^inf t n (n + 2) e^{-gt} (1 + 2t)^{-n/2-2} dt
    E[X/(X+g)^2] = int_0^inf t n e^{-gt} (1 + 2t)^{-n/2-1} dt

twice: (1) by mpmath's tanh-sinh quadrature of these documented integrals in u = ln t, on pieces
that follow the mass from t = O(1) to t = O(1/g), at 40 digits; (2) in closed form, with
v = 1 + 2t: J1 = E[1/(X+g)] = e^{g/2} E_{n/2}(g/2) / 2 and
J2 = E[1/(X+g)^2] = e^{g/2} (E_{n/2-1}(g/2) - E_{n/2}(g/2)) / 4 (E_p the generalised exponential
integral), E[h] = 1 - g J1, E[h^2] = 1 - 2 g J1 + g^2 J2, E[X/(X+g)^2] = J1 - g J2 and
Var(h) = g^2 (J2 - J1^2), at 60 digits. It stops if the two disagree beyond 1e-25.

Then the expected risks E R(0), E R(0.5) of the correlations model rho_ts = 0.6, rho_sy = 0.4,
rho_ty = 0.3 with an oracle prediction teacher (u = 0.3 T):

    E R = Var(Y|S) + (E[h] b - w*)^2 + Var(h) b^2 + E[X/(X+g)^2] s2,
    b = (1 - l) 0.4 + l 0.18,  s2 = (1 - l)^2 + 2 l (1 - l) 0.09 + l^2 0.09 - b^2.

Prints the Swift literal table (a Var(h) below 1e-300, outside a Double's range, as 0) of Tests/CrossModalKDTests/ScalarRidgeReferenceTests.swift
(25 significant digits). Needs mpmath only; takes about a minute. Usage:
    python3 bench/scalar_ridge_reference.py
"""
import mpmath as mp

SAMPLES = [1, 2, 3, 10]
RIDGES = ["1e-10", "1e-50", "1e-100", "1e-200", "1e-300"]


def quadrature_moments(n, g):
    with mp.workdps(40):
        n, g = mp.mpf(n), mp.mpf(g)
        edge = -mp.log(g)  # u where e^{-gt} starts to fall

        def integral(coefficient, t_power, exponent):
            f = lambda u: coefficient * mp.exp((t_power + 1) * u - exponent * mp.log1p(2 * mp.exp(u)) - g * mp.exp(u))
            # Below u = -200 the integrand is below e^{-200}; beyond edge + 7 below e^{-1000}.
            pieces = sorted({mp.mpf(-200), mp.mpf(-40), mp.mpf(-10), mp.mpf(0), edge / 2, edge - 5, edge, edge + 3, edge + 7})
            return mp.quad(f, pieces)

        return (integral(n, 0, n / 2 + 1), integral(n * (n + 2), 1, n / 2 + 2), integral(n, 1, n / 2 + 1))


def closed_form_moments(n, g):
    with mp.workdps(60):
        n, g = mp.mpf(n), mp.mpf(g)
        x = g / 2
        j1 = mp.exp(x) * mp.expint(n / 2, x) / 2
        j2 = mp.exp(x) * (mp.expint(n / 2 - 1, x) - mp.expint(n / 2, x)) / 4
        return (1 - g * j1, 1 - 2 * g * j1 + g * g * j2, j1 - g * j2, g * g * (j2 - j1 * j1))


def risk(moments, lam):
    mean, _, noise, variance = moments
    b = (1 - lam) * mp.mpf("0.4") + lam * mp.mpf("0.18")
    s2 = (1 - lam) ** 2 + 2 * lam * (1 - lam) * mp.mpf("0.09") + lam ** 2 * mp.mpf("0.09") - b * b
    return mp.mpf("0.84") + (mean * b - mp.mpf("0.4")) ** 2 + variance * b * b + noise * s2


def main():
    mp.mp.dps = 60
    rows = []
    for n in SAMPLES:
        for ridge in RIDGES:
            g = n * mp.mpf(ridge)
            exact = closed_form_moments(n, g)
            for name, a, b in zip(["E[h]", "E[h^2]", "E[X/(X+g)^2]"], quadrature_moments(n, g), exact[:3]):
                if abs(a - b) > mp.mpf("1e-25") * abs(b):
                    raise SystemExit(f"n = {n}, ridge = {ridge}: {name} quadrature {a} vs closed form {b}")
            r0, r5 = risk(exact, mp.mpf(0)), risk(exact, mp.mpf("0.5"))
            values = list(exact) + [r0, r5]
            if abs(values[3]) < mp.mpf("1e-300"):
                values[3] = mp.mpf(0)  # Var(h) below the range of a Double: written 0
            rows.append((n, ridge, [mp.nstr(v, 25, min_fixed=0, max_fixed=0) for v in values]))
    print("    // (n, ridge, E[h], E[h^2], E[X/(X+g)^2], Var(h), E R(0), E R(0.5))")
    for n, ridge, v in rows:
        print(f"        ({n}, {ridge}, {', '.join(v)}),")


if __name__ == "__main__":
    main()
