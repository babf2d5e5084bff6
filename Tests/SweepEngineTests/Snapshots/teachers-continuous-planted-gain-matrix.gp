# planted-gain-matrix.gp: written by cchsim 0.1.0 (cchsim teachers) from DATA/planted.toml.
# Reads planted-gain-matrix.dat; draws planted-gain-matrix.png. Render again with: gnuplot planted-gain-matrix.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'planted-gain-matrix.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 16.67in,8.89in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1200,640 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1200,640 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set title 'Measured KD gain, teacher view (rows) to student view (columns)'."\n".'{/*0.85 planted: 120 rows, every column of each view (as principal components); student n = 20, teacher n = 40, λ = 0.5, 6 splits}'."\n".'{/*0.85 * significant gain (z > 1.96); CCH'."'".'s verdicts: + predicts a gain, - predicts none (g = gaussian, k = ksg); ✓/✗ against the measured truth}'
set xlabel "student view"
set ylabel "teacher view"
set cblabel 'measured KD gain: reduction of the test MSE (y1²)'
set xrange [-0.5:2 - 0.5]
set yrange [2 - 0.5:-0.5]
set xtics ('t' 0, 's' 1)
set ytics ('t' 0, 's' 1)
set cbrange [-0.05273343728065472:0.05273343728065472]
set palette defined (0 "#2166ac", 0.5 "#f7f7f7", 1 "#b2182b")
set size ratio -1
unset key
set label 1 '+0.04'."\n".'{/*0.8 g+✗ k+✗}' at 1, 0 center front
set label 2 '-0.05'."\n".'{/*0.8 g-✓ k-✓}' at 0, 1 center front
plot 'planted-gain-matrix.dat' using 1:2:3 with image
