# Theory: monte-carlo (20000 paired trials of the fitted model; no closed form for a teacher on the student's rows with dt or ds > 1). Linear learner: the theory agrees with its learner when |theory gain - measured linear gain| <= 1.96 sqrt(SE_theory^2 + SE_linear^2).
# fig12-nutrimouse-messy-theory-vs-measured.gp: written by cchsim 0.1.0 (cchsim teachers) from Scenarios/fig12-nutrimouse-messy.toml.
# Reads fig12-nutrimouse-messy-theory-vs-measured.dat; draws fig12-nutrimouse-messy-theory-vs-measured.png. Render again with: gnuplot fig12-nutrimouse-messy-theory-vs-measured.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig12-nutrimouse-messy-theory-vs-measured.'.format
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
set multiplot layout 1,2 title 'The Gaussian theory fitted to the data against the measured KD gain, every ordered pair of views'."\n".'{/*0.85 fig12-nutrimouse-messy: 33 rows, 5 principal components per view; student n = 24, teacher on the student'."'".'s rows, λ = 0.5, τ = 2, 20 splits}'."\n".'{/*0.85 theory: monte-carlo; label coded ppar = -1, wt = +1; MSE gains in squared label units; error bars: 95% intervals (1.96 SE)}' font ",13"
set grid lc rgb "#e0e0e0"
set key outside below center horizontal
set xzeroaxis lt 1 lc rgb "#808080"
set yzeroaxis lt 1 lc rgb "#808080"
set bmargin 7
set xrange [-0.009893987728177126:0.00954202446565311]
set xlabel 'theory: expected test-MSE gain (label units^2)'
set title 'Like with like: the theory'."'".'s own learner (OLS, quadratic KD penalty) on the data'
set ylabel 'measured test-MSE gain, linear learner (label units^2)'
set yrange [-0.009893987728177126:0.00954202446565311]
set label 1 'gene → lipid' at first 0.0004931862367282559, first -0.000175981631262008 offset 1,1 font ",10"
set label 2 'lipid → gene' at first -0.003514356189026152, first -0.0012602779703045366 offset 1,1 font ",10"
plot x with lines dt 2 lw 2 lc rgb "#404040" title "y = x (theory = measurement)", \
     'fig12-nutrimouse-messy-theory-vs-measured.dat' using 1:($7 == 1 ? $3 : NaN):($1 - $2):($1 + $2):($3 - $4):($3 + $4) with xyerrorbars pt 7 ps 1.1 lc rgb "#1a9850" title "agree (difference within 1.96 joint SE)", \
     'fig12-nutrimouse-messy-theory-vs-measured.dat' using 1:($7 == 0 ? $3 : NaN):($1 - $2):($1 + $2):($3 - $4):($3 + $4) with xyerrorbars pt 7 ps 1.1 lc rgb "#d73027" title "disagree (beyond 1.96 joint SE)"
unset label 1
unset label 2
set title 'Looser: the softmax student'."'".'s accuracy gain (compare signs)'
set ylabel 'measured accuracy gain, softmax student (percentage points)'
set yrange [-0.1:0.1]
set label 3 'gene → lipid' at first 0.0004931862367282559, first 0.0 offset 1,1 font ",10"
set label 4 'lipid → gene' at first -0.003514356189026152, first 0.0 offset 1,1 font ",10"
plot 'fig12-nutrimouse-messy-theory-vs-measured.dat' using 1:5:($1 - $2):($1 + $2):($5 - $6):($5 + $6) with xyerrorbars pt 7 ps 1.1 lc rgb "#2166ac" title "ordered pair of views"
unset multiplot
