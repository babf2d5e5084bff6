#!/usr/bin/env python3
"""`make data`: the messy copy of nutrimouse (docs/real-data.md, "A messy data set").

Derived deterministically from the shipped nutrimouse files (40 mice; gene expression 120,
hepatic lipids 21, genotype, diet) so that one shipped data scenario exercises what real multi-omics
files look like: sample IDs in a different order per file, samples missing from some files,
missing cells, a tab-separated gzip file and the genes x samples layout.

  mice.csv          mouse,genotype,diet: the 40 mice m01..m40 in their original order (the labels);
  lipid.csv         mouse + the 21 lipids, rows in the order i -> 17 i mod 40, without m07 and m33,
                    with three missing cells (NA, NaN and an empty cell);
  gene.tsv          genes x mice (samples in columns), tab-separated, mice in the order
                    i -> 23 i + 5 mod 40, without m12, with one NA cell; `make data` gzips it
                    (gzip -n, reproducible bytes) into gene.tsv.gz.

Cells are copied as they are written. Usage: derive-messy-data.py NUTRIMOUSE_DIR OUT_DIR
"""
import csv
import os
import sys

source, out = sys.argv[1], sys.argv[2]


def read(name):
    with open(os.path.join(source, name), newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


gene_header, genes = read("gene.csv")
lipid_header, lipids = read("lipid.csv")
_, genotypes = read("genotype.csv")
_, diets = read("diet.csv")
n = len(genotypes)
if n != 40 or len(genes) != n or len(lipids) != n or len(diets) != n:
    sys.exit("make data: the nutrimouse files do not have 40 rows each")
ids = ["m%02d" % (i + 1) for i in range(n)]
os.makedirs(out, exist_ok=True)

with open(os.path.join(out, "mice.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["mouse", "genotype", "diet"])
    w.writerows([ids[i], genotypes[i][0], diets[i][0]] for i in range(n))

lipid_missing = {("m05", 3): "NA", ("m18", 10): "NaN", ("m29", 1): ""}
with open(os.path.join(out, "lipid.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["mouse"] + lipid_header)
    for i in ((17 * k) % n for k in range(n)):
        if ids[i] in ("m07", "m33"):
            continue
        cells = [lipid_missing.get((ids[i], j), cell) for j, cell in enumerate(lipids[i])]
        w.writerow([ids[i]] + cells)

mice = [i for i in ((23 * k + 5) % n for k in range(n)) if ids[i] != "m12"]
with open(os.path.join(out, "gene.tsv"), "w", newline="") as f:
    w = csv.writer(f, delimiter="\t", lineterminator="\n")
    w.writerow(["gene"] + [ids[i] for i in mice])
    for j, name in enumerate(gene_header):
        w.writerow([name] + ["NA" if (ids[i], j) == ("m22", 7) else genes[i][j] for i in mice])
