#!/usr/bin/env python3
"""Reading wide CSVs: `cchsim estimate-mi --csv` on files of 20 rows and 12,500 to 100,000
columns of which it uses 3 (first, middle, last). Reading linear in the file size means time
proportional to the columns. Release build (`make bench-csv` builds it); best of 3 runs per size.
Usage: bench/csv_benchmark.py [--bin .build/release/cchsim] [--columns 12500,25000,50000,100000]"""
import argparse, os, random, subprocess, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("--bin", default=".build/release/cchsim")
parser.add_argument("--columns", default="12500,25000,50000,100000")
args = parser.parse_args()
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "wide.csv")
    for cols in map(int, args.columns.split(",")):
        random.seed(1)
        names = ["c%d" % i for i in range(cols)]
        names[0], names[cols // 2], names[-1] = "t", "s", "y"
        with open(path, "w") as f:
            f.write(",".join(names) + "\n")
            for _ in range(20):
                f.write(",".join("%.3f" % random.gauss(0, 1) for _ in range(cols)) + "\n")
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([args.bin, "estimate-mi", "--csv", path, "--teacher", "t", "--student", "s", "--label", "y",
                            "--replicates", "0"], check=True, stdout=subprocess.DEVNULL)
            best = min(best, time.perf_counter() - start)
        print("%7d columns, %5.1f MB: %.3f s" % (cols, os.path.getsize(path) / 1e6, best))
