# fig9-uci-multifeature-gain-matrix.gp: written by cchsim 0.1.0 (cchsim teachers) from Scenarios/fig9-uci-multifeature.toml.
# Reads fig9-uci-multifeature-gain-matrix.dat; draws fig9-uci-multifeature-gain-matrix.png. Render again with: gnuplot fig9-uci-multifeature-gain-matrix.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig9-uci-multifeature-gain-matrix.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 17.92in,15.28in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1290,1100 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1290,1100 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set title 'Measured KD gain, teacher view (rows) to student view (columns)'."\n".'{/*0.85 fig9-uci-multifeature: 2000 rows, up to 10 principal components per view; student n = 100, teacher n = 500, λ = 0.5, τ = 2, 20 splits}'."\n".'{/*0.85 * significant gain (z > 1.96); CCH'."'".'s verdicts: + predicts a gain, - predicts none (g = gaussian, k = ksg, p = probe); ✓/✗ against the measured truth}'
set xlabel "student view"
set ylabel "teacher view"
set cblabel 'measured KD gain in test accuracy (percentage points)'
set xrange [-0.5:6 - 0.5]
set yrange [6 - 0.5:-0.5]
set xtics ('fourier' 0, 'profile' 1, 'karhunen' 2, 'pixel' 3, 'zernike' 4, 'morph' 5)
set ytics ('fourier' 0, 'profile' 1, 'karhunen' 2, 'pixel' 3, 'zernike' 4, 'morph' 5)
set cbrange [-7.075000000000001:7.075000000000001]
set palette defined (0 "#2166ac", 0.5 "#f7f7f7", 1 "#b2182b")
set size ratio -1
unset key
set label 1 '-4.69'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 1, 0 center front
set label 2 '-4.69'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 2, 0 center front
set label 3 '-6.65'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 3, 0 center front
set label 4 '-0.82'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 4, 0 center front
set label 5 '-3.25'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 5, 0 center front
set label 6 '+0.79*'."\n".'{/*0.8 g-✗ k+✓ p+✓}' at 0, 1 center front
set label 7 '+2.89*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 2, 1 center front
set label 8 '+2.86*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 3, 1 center front
set label 9 '+2.64*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 1 center front
set label 10 '-0.53'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 5, 1 center front
set label 11 '+0.68'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 2 center front
set label 12 '+1.45*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 1, 2 center front
set label 13 '+3.33*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 3, 2 center front
set label 14 '+2.12*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 2 center front
set label 15 '-1.75'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 2 center front
set label 16 '+1.15*'."\n".'{/*0.8 g-✗ k+✓ p-✗}' at 0, 3 center front
set label 17 '+2.66*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 1, 3 center front
set label 18 '+3.94*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 2, 3 center front
set label 19 '+3.04*'."\n".'{/*0.8 g+✓ k+✓ p+✓}' at 4, 3 center front
set label 20 '-1.00'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 3 center front
set label 21 '-0.20'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 4 center front
set label 22 '-2.60'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 1, 4 center front
set label 23 '-3.42'."\n".'{/*0.8 g-✓ k+✗ p+✗}' at 2, 4 center front
set label 24 '-4.69'."\n".'{/*0.8 g+✗ k+✗ p+✗}' at 3, 4 center front
set label 25 '-0.99'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 5, 4 center front
set label 26 '-2.94'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 0, 5 center front
set label 27 '-3.70'."\n".'{/*0.8 g-✓ k+✗ p+✗}' at 1, 5 center front
set label 28 '-4.69'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 2, 5 center front
set label 29 '-7.08'."\n".'{/*0.8 g-✓ k-✓ p-✓}' at 3, 5 center front
set label 30 '+0.78'."\n".'{/*0.8 g-✓ k+✗ p-✓}' at 4, 5 center front
plot 'fig9-uci-multifeature-gain-matrix.dat' using 1:2:3 with image
