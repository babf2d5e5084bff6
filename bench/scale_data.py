"""`make bench-scale`, step 1: a planted omics-sized multi-view data set (seeded).

600 rows; three views of 20,000, 5,000 and 200 columns ("expression", "methylation",
"clinical"); a binary label. Latent-factor structure: r = 8 shared factors F (n x r, standard
normal); the label is the sign of a linear score of the first three factors plus noise; view v is
F A_v' + unit noise with a loading matrix A_v (p_v x r) whose columns have decreasing norms, so
the leading principal components of each view estimate the factors (spikes above the noise). Written as
CSV (header, 6 significant digits, as real omics tables are) plus the data scenario TOML.

Usage: python3 scale_data.py OUTDIR [ROWS]
"""
import os
import sys

import numpy as np

SEED = 20261207
VIEWS = (("expression", 20_000), ("methylation", 5_000), ("clinical", 200))
FACTORS = 8


def main() -> None:
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(SEED)
    f = rng.standard_normal((n, FACTORS))
    score = f[:, :3] @ np.array([1.0, -0.7, 0.5]) + 0.8 * rng.standard_normal(n)
    label = np.where(score > 0, "case", "control")
    with open(os.path.join(out, "label.csv"), "w") as fh:
        fh.write("status\n")
        fh.writelines(f"{c}\n" for c in label)
    for name, p in VIEWS:
        # Squared column norms of A_v from 4 to 1.5 times sqrt(p / n), the spike-detection
        # threshold of PCA on p noise columns: every factor stands out of the noise bulk,
        # the weaker ones barely, as in real omics data.
        strength = np.sqrt(np.sqrt(p / n) * np.linspace(4.0, 1.5, FACTORS))
        a = rng.standard_normal((p, FACTORS)) * strength / np.sqrt(p)
        x = f @ a.T + rng.standard_normal((n, p))
        with open(os.path.join(out, f"{name}.csv"), "w") as fh:
            fh.write(",".join(f"{name[:4]}{j}" for j in range(p)) + "\n")
            np.savetxt(fh, x, fmt="%.6g", delimiter=",")
    with open(os.path.join(out, "scale.toml"), "w") as fh:
        fh.write(f'''# make bench-scale: the planted omics-sized data set of bench/scale_data.py ({n} rows).
name = "bench-scale"
seed = 16

[data]
components = 10
label = {{ file = "label.csv", column = "status", kind = "class" }}
''')
        for name, _ in VIEWS:
            fh.write(f'''
[[data.views]]
name = "{name}"
file = "{name}.csv"
''')
        fh.write(f'''
[teacher]
n = {n // 2}

[student]
n = {n // 6}
lambda = 0.5
temperature = 2
ridge = 0.001

[experiment]
splits = 20

[estimation]
k = 3
replicates = 40
''')


if __name__ == "__main__":
    main()
