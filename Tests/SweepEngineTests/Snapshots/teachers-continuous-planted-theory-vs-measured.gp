# Theory: exact-ols-fitted-teacher (exact, docs/theory.md section 4). Linear learner: the theory agrees with its learner when |theory gain - measured linear gain| <= 1.96 sqrt(SE_theory^2 + SE_linear^2).
# planted-theory-vs-measured.gp: written by cchsim 0.1.0 (cchsim teachers) from DATA/planted.toml.
# Reads planted-theory-vs-measured.dat; draws planted-theory-vs-measured.png. Render again with: gnuplot planted-theory-vs-measured.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'planted-theory-vs-measured.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 19.44in,10in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1400,720 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1400,720 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set multiplot layout 1,1 title 'The Gaussian theory fitted to the data against the measured KD gain, every ordered pair of views'."\n".'{/*0.85 planted: 120 rows, every column of each view (as principal components); student n = 20, teacher n = 40, λ = 0.5, 6 splits}'."\n".'{/*0.85 theory: exact-ols-fitted-teacher; MSE gains in squared label units; error bars: 95% intervals (1.96 SE)}' font ",13"
set grid lc rgb "#e0e0e0"
set key outside below center horizontal
set xzeroaxis lt 1 lc rgb "#808080"
set yzeroaxis lt 1 lc rgb "#808080"
set bmargin 7
set xrange [-0.19996081332908472:0.10725699911197341]
set xlabel 'theory: expected test-MSE gain (y1²)'
set title 'Like with like: the theory'."'".'s own learner (OLS, quadratic KD penalty) on the data'
set ylabel 'measured test-MSE gain, linear learner (y1²)'
set yrange [-0.19996081332908472:0.10725699911197341]
set label 1 't → s' at first 0.023366320634517157, first 0.03650823435378634 offset 1,1 font ",10"
set label 2 's → t' at first -0.09913340744128074, first -0.05273343728065472 offset 1,1 font ",10"
plot x with lines dt 2 lw 2 lc rgb "#404040" title "y = x (theory = measurement)", \
     'planted-theory-vs-measured.dat' using 1:($7 == 1 ? $3 : NaN):($1 - $2):($1 + $2):($3 - $4):($3 + $4) with xyerrorbars pt 7 ps 1.1 lc rgb "#1a9850" title "agree (difference within 1.96 joint SE)", \
     'planted-theory-vs-measured.dat' using 1:($7 == 0 ? $3 : NaN):($1 - $2):($1 + $2):($3 - $4):($3 + $4) with xyerrorbars pt 7 ps 1.1 lc rgb "#d73027" title "disagree (beyond 1.96 joint SE)"
unset multiplot
