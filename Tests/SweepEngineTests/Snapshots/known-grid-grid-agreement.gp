# grid-agreement.gp: written by cchsim 0.1.0 from OUT/s.toml (scenario grid).
# Reads grid-grid.dat; draws grid-agreement.png. Render again with: gnuplot grid-agreement.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" grid-agreement.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'grid-agreement.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 13.89in,13.06in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1000,940 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1000,940 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set title 'Is CCH right? Its prediction I(T;S) > I(S;Y) against the truth G(λ*) > 0'."\n".'{/*0.85 scalar T, S, Y with unit variances, ρ_{ty} = 0}'."\n".'{/*0.85 teacher: representation target, oracle θ}'."\n".'{/*0.85 student: population (n = ∞), ridge γ = 0.05, KD weight λ = 0.05}'."\n".'{/*0.85 CCH is right at 6 of 8 valid points (75.0%)}'
set xlabel 'ρ_{ts} = corr(T, S)'
set xrange [-0.8119999999999999:1.1355]
set ylabel 'ρ_{sy} = corr(S, Y)'
set yrange [-0.8240000000000001:0.8240000000000001]
set size ratio -1
set key outside below center vertical Left reverse samplen 2.5
# The CCH boundary: the contour gap = I(T;S) - I(S;Y) = 0 of the grid.
set contour base
set cntrparam levels discrete 0
unset surface
set table $boundary
splot 'grid-grid.dat' using 1:2:9 with lines notitle
unset table
unset contour
set surface
unset colorbox
plot 'grid-grid.dat' using 1:($11 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#1b7837" title 'CCH right: predicts a gain, KD helps (2 points)', \
     'grid-grid.dat' using 1:($11 == 1 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#a6dba0" title 'CCH right: predicts no gain, KD does not help (4 points)', \
     'grid-grid.dat' using 1:($11 == 2 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#e66101" title 'false alarm: CCH predicts a gain, KD does not help (2 points)', \
     'grid-grid.dat' using 1:($11 == 3 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#5e3c99" title 'miss: CCH predicts no gain, KD helps (0 points)', \
     'grid-grid.dat' using 1:($7 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#8c8c8c" title 'invalid: covariance not positive definite (2 points)', \
     $boundary using 1:2 with lines lw 2.5 lc rgb "black" title 'CCH boundary I(T;S) = I(S;Y); CCH predicts a gain where I(T;S) > I(S;Y)'
