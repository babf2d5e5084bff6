# fig14-uci-multifeature-pairs-gain-matrix.gp: written by cchsim 0.1.0 (cchsim teachers) from Scenarios/fig14-uci-multifeature-pairs.toml.
# Reads fig14-uci-multifeature-pairs-gain-matrix.dat; draws fig14-uci-multifeature-pairs-gain-matrix.png. Render again with: gnuplot fig14-uci-multifeature-pairs-gain-matrix.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig14-uci-multifeature-pairs-gain-matrix.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 17.92in,30.78in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1290,2216 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1290,2216 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set title 'Measured KD gain, teacher (rows: a view, a+b: a teacher on both views, avg(a,b): the mean of their teachers'."'".' soft targets) to student view (columns)'."\n".'{/*0.85 fig14-uci-multifeature-pairs: 2000 rows, 5 principal components per view; student n = 100, teacher n = 500, λ = 0.5, τ = 2, 10 splits}'."\n".'{/*0.85 * significant gain (z > 1.96); CCH'."'".'s verdicts: + predicts a gain, - predicts none (g = gaussian, k = ksg, p = probe); ✓/✗ against the measured truth}'
set xlabel "student view"
set ylabel "teacher"
set cblabel 'measured KD gain in test accuracy (percentage points)'
set xrange [-0.5:6 - 0.5]
set yrange [36 - 0.5:-0.5]
set xtics ('fourier' 0, 'profile' 1, 'karhunen' 2, 'pixel' 3, 'zernike' 4, 'morph' 5)
set ytics ('fourier' 0, 'profile' 1, 'karhunen' 2, 'pixel' 3, 'zernike' 4, 'morph' 5, 'fourier+profile' 6, 'avg(fourier,profile)' 7, 'fourier+karhunen' 8, 'avg(fourier,karhunen)' 9, 'fourier+pixel' 10, 'avg(fourier,pixel)' 11, 'fourier+zernike' 12, 'avg(fourier,zernike)' 13, 'fourier+morph' 14, 'avg(fourier,morph)' 15, 'profile+karhunen' 16, 'avg(profile,karhunen)' 17, 'profile+pixel' 18, 'avg(profile,pixel)' 19, 'profile+zernike' 20, 'avg(profile,zernike)' 21, 'profile+morph' 22, 'avg(profile,morph)' 23, 'karhunen+pixel' 24, 'avg(karhunen,pixel)' 25, 'karhunen+zernike' 26, 'avg(karhunen,zernike)' 27, 'karhunen+morph' 28, 'avg(karhunen,morph)' 29, 'pixel+zernike' 30, 'avg(pixel,zernike)' 31, 'pixel+morph' 32, 'avg(pixel,morph)' 33, 'zernike+morph' 34, 'avg(zernike,morph)' 35)
set cbrange [-10.364285714285717:10.364285714285717]
set palette defined (0 "#2166ac", 0.5 "#f7f7f7", 1 "#b2182b")
unset key
set label 1 '-7.42'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 1, 0 center front
set label 2 '-7.19'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 2, 0 center front
set label 3 '-10.36'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 3, 0 center front
set label 4 '-2.11'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 4, 0 center front
set label 5 '-2.29'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 5, 0 center front
set label 6 '-0.87'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 1 center front
set label 7 '-0.19'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 1 center front
set label 8 '+3.04*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 3, 1 center front
set label 9 '+1.88*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 1 center front
set label 10 '-1.76'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 1 center front
set label 11 '-1.05'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 2 center front
set label 12 '-2.05'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 2 center front
set label 13 '+0.30'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 3, 2 center front
set label 14 '-0.88'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 4, 2 center front
set label 15 '-1.69'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 5, 2 center front
set label 16 '-0.36'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 3 center front
set label 17 '+1.19*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 1, 3 center front
set label 18 '+0.48'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 3 center front
set label 19 '+1.01'."\n".'{/*0.8 g-✓ k+✗ p+✗}' at 4, 3 center front
set label 20 '-2.09'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 3 center front
set label 21 '-1.00'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 4 center front
set label 22 '-5.24'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 1, 4 center front
set label 23 '-4.75'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 2, 4 center front
set label 24 '-5.96'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 3, 4 center front
set label 25 '-1.01'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 4 center front
set label 26 '-4.34'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 5 center front
set label 27 '-7.21'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 1, 5 center front
set label 28 '-5.92'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 2, 5 center front
set label 29 '-7.49'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 3, 5 center front
set label 30 '-2.04'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 4, 5 center front
set label 31 '+0.93'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 6 center front
set label 32 '+2.08*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 3, 6 center front
set label 33 '+1.36*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 6 center front
set label 34 '-0.28'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 6 center front
set label 35 '-0.83'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 7 center front
set label 36 '-1.71'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 3, 7 center front
set label 37 '+1.14*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 7 center front
set label 38 '-1.21'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 7 center front
set label 39 '+0.19'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 8 center front
set label 40 '+0.47'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 3, 8 center front
set label 41 '+0.77*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 8 center front
set label 42 '-0.66'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 8 center front
set label 43 '-2.59'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 9 center front
set label 44 '-2.36'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 3, 9 center front
set label 45 '-0.24'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 4, 9 center front
set label 46 '-0.91'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 9 center front
set label 47 '+1.60*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 1, 10 center front
set label 48 '+1.69*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 2, 10 center front
set label 49 '+1.23*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 10 center front
set label 50 '-0.03'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 10 center front
set label 51 '-0.83'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 11 center front
set label 52 '+0.12'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 11 center front
set label 53 '+0.77'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 4, 11 center front
set label 54 '-0.89'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 11 center front
set label 55 '-3.61'."\n".'{/*0.8 g-✓ k+✗ p+✗}' at 1, 12 center front
set label 56 '-3.19'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 2, 12 center front
set label 57 '-6.36'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 3, 12 center front
set label 58 '+0.36'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 12 center front
set label 59 '-4.14'."\n".'{/*0.8 g-✓ k+✗ p+✗}' at 1, 13 center front
set label 60 '-3.93'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 2, 13 center front
set label 61 '-6.24'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 3, 13 center front
set label 62 '-0.57'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 13 center front
set label 63 '-6.81'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 1, 14 center front
set label 64 '-4.35'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 2, 14 center front
set label 65 '-8.43'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 3, 14 center front
set label 66 '-0.57'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 4, 14 center front
set label 67 '-5.80'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 1, 15 center front
set label 68 '-5.11'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 2, 15 center front
set label 69 '-7.58'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 3, 15 center front
set label 70 '-1.04'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 4, 15 center front
set label 71 '+0.74'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 16 center front
set label 72 '+2.74*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 3, 16 center front
set label 73 '+1.91*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 16 center front
set label 74 '-1.34'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 16 center front
set label 75 '+0.07'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 17 center front
set label 76 '+2.60*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 3, 17 center front
set label 77 '+1.50*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 17 center front
set label 78 '-1.64'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 17 center front
set label 79 '+0.34'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 18 center front
set label 80 '+1.29*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 2, 18 center front
set label 81 '+1.96*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 18 center front
set label 82 '-1.31'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 18 center front
set label 83 '-0.24'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 19 center front
set label 84 '+0.66'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 19 center front
set label 85 '+1.86*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 19 center front
set label 86 '-1.76'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 19 center front
set label 87 '+0.36'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 20 center front
set label 88 '+0.38'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 20 center front
set label 89 '+2.31*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 3, 20 center front
set label 90 '-0.96'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 20 center front
set label 91 '-0.37'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 21 center front
set label 92 '-0.79'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 21 center front
set label 93 '-0.51'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 3, 21 center front
set label 94 '-1.10'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 21 center front
set label 95 '-0.73'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 22 center front
set label 96 '-0.23'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 22 center front
set label 97 '+1.99*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 3, 22 center front
set label 98 '+0.99'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 4, 22 center front
set label 99 '-1.39'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 23 center front
set label 100 '-0.83'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 23 center front
set label 101 '-1.17'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 3, 23 center front
set label 102 '+1.09'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 4, 23 center front
set label 103 '+0.44'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 24 center front
set label 104 '+1.53*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 1, 24 center front
set label 105 '+1.13*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 24 center front
set label 106 '-1.10'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 24 center front
set label 107 '-0.17'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 25 center front
set label 108 '+0.36'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 25 center front
set label 109 '+0.40'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 4, 25 center front
set label 110 '-1.65'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 25 center front
set label 111 '+0.80'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 26 center front
set label 112 '-0.62'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 26 center front
set label 113 '+0.74'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 3, 26 center front
set label 114 '-0.43'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 26 center front
set label 115 '+0.34'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 27 center front
set label 116 '-1.84'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 27 center front
set label 117 '-1.58'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 3, 27 center front
set label 118 '-1.05'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 27 center front
set label 119 '-0.49'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 28 center front
set label 120 '-0.82'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 28 center front
set label 121 '+0.73'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 3, 28 center front
set label 122 '-0.59'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 4, 28 center front
set label 123 '-1.81'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 29 center front
set label 124 '-2.94'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 29 center front
set label 125 '-1.87'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 3, 29 center front
set label 126 '-0.67'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 4, 29 center front
set label 127 '+0.54'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 30 center front
set label 128 '+1.08'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 30 center front
set label 129 '+0.52'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 30 center front
set label 130 '-0.92'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 30 center front
set label 131 '+0.10'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 31 center front
set label 132 '-0.51'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 31 center front
set label 133 '-0.44'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 31 center front
set label 134 '-1.31'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 31 center front
set label 135 '-0.49'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 32 center front
set label 136 '+1.04'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 32 center front
set label 137 '+0.65'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 32 center front
set label 138 '+0.39'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 4, 32 center front
set label 139 '-1.27'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 0, 33 center front
set label 140 '-1.44'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 33 center front
set label 141 '-0.21'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 2, 33 center front
set label 142 '+0.45'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 4, 33 center front
set label 143 '-1.66'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 34 center front
set label 144 '-5.12'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 34 center front
set label 145 '-5.15'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 2, 34 center front
set label 146 '-6.60'."\n".'{/*0.8 g-✓ k+✗ p+✗}' at 3, 34 center front
set label 147 '-1.51'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 35 center front
set label 148 '-4.99'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 35 center front
set label 149 '-4.25'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 2, 35 center front
set label 150 '-5.95'."\n".'{/*0.8 g-✓ k+✗ p+✗}' at 3, 35 center front
plot 'fig14-uci-multifeature-pairs-gain-matrix.dat' using 1:2:3 with image
