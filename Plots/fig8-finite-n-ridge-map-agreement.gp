# fig8-finite-n-ridge-map-agreement.gp: written by cchsim 0.1.0 from Scenarios/fig8-finite-n-ridge-map.toml (scenario fig8-finite-n-ridge-map).
# Reads fig8-finite-n-ridge-map-grid.dat; draws fig8-finite-n-ridge-map-agreement.png. Render again with: gnuplot fig8-finite-n-ridge-map-agreement.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" fig8-finite-n-ridge-map-agreement.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig8-finite-n-ridge-map-agreement.'.format
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
set title 'Is CCH right? Its prediction I(T;S) > I(S;Y) against the truth G(λ*) > 0'."\n".'{/*0.85 scalar T, S, Y with unit variances, ρ_{ty} = 0.6}'."\n".'{/*0.85 teacher: prediction target θ'."'".'T, oracle θ}'."\n".'{/*0.85 student: n = 5, ridge γ = 0.05, KD weight λ = 0.3}'."\n".'{/*0.85 CCH is right at 538 of 995 valid points (54.1%)}'
set xlabel 'ρ_{ts} = corr(T, S)'
set xrange [-0.9764999999999998:0.9764999999999998]
set ylabel 'ρ_{sy} = corr(S, Y)'
set yrange [-0.9764999999999998:0.9764999999999998]
set size ratio -1
set key outside below center vertical Left reverse samplen 2.5
# The CCH boundary: the contour gap = I(T;S) - I(S;Y) = 0 of the grid.
set contour base
set cntrparam levels discrete 0
unset surface
set table $boundary
splot 'fig8-finite-n-ridge-map-grid.dat' using 1:2:9 with lines notitle
unset table
unset contour
set surface
unset colorbox
plot 'fig8-finite-n-ridge-map-grid.dat' using 1:($11 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#1b7837" title 'CCH right: predicts a gain, KD helps (472 points)', \
     'fig8-finite-n-ridge-map-grid.dat' using 1:($11 == 1 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#a6dba0" title 'CCH right: predicts no gain, KD does not help (66 points)', \
     'fig8-finite-n-ridge-map-grid.dat' using 1:($11 == 2 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#e66101" title 'false alarm: CCH predicts a gain, KD does not help (0 points)', \
     'fig8-finite-n-ridge-map-grid.dat' using 1:($11 == 3 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#5e3c99" title 'miss: CCH predicts no gain, KD helps (457 points)', \
     'fig8-finite-n-ridge-map-grid.dat' using 1:($7 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#8c8c8c" title 'invalid: covariance not positive definite (526 points)', \
     $boundary using 1:2 with lines lw 2.5 lc rgb "black" title 'CCH boundary I(T;S) = I(S;Y); CCH predicts a gain where I(T;S) > I(S;Y)'
