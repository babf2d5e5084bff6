# fig7-classification-noise-map-agreement.gp: written by cchsim 0.1.0 from Scenarios/fig7-classification-noise-map.toml (scenario fig7-classification-noise-map).
# Reads fig7-classification-noise-map-grid.dat; draws fig7-classification-noise-map-agreement.png. Render again with: gnuplot fig7-classification-noise-map-agreement.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" fig7-classification-noise-map-agreement.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig7-classification-noise-map-agreement.'.format
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
set title 'Is CCH right? Its prediction I(T;S) > I(S;C) against the Monte Carlo truth: KD raises the accuracy'."\n".'{/*0.85 latent factors (k = 2, d_t = 1, d_s = 2), σ_s = 1}'."\n".'{/*0.85 teacher: posterior logit of C given T (oracle)}'."\n".'{/*0.85 student: logistic, n = 30, KD weight λ = 0.7, τ = 2}'."\n".'{/*0.85 CCH is right at 53 of 81 valid points (65.4%)}'
set xlabel 'label noise σ_y (standard deviation, units of Y)'
set xrange [0.1175:2.3825]
set ylabel 'teacher noise σ_t (standard deviation, units of T)'
set yrange [-0.19875:3.19875]
set key outside below center vertical Left reverse samplen 2.5
# The CCH boundary: the contour gap = I(T;S) - I(S;Y) = 0 of the grid.
set contour base
set cntrparam levels discrete 0
unset surface
set table $boundary
splot 'fig7-classification-noise-map-grid.dat' using 1:2:9 with lines notitle
unset table
unset contour
set surface
unset colorbox
plot 'fig7-classification-noise-map-grid.dat' using 1:($11 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#1b7837" title 'CCH right: predicts a gain, KD helps (47 points)', \
     'fig7-classification-noise-map-grid.dat' using 1:($11 == 1 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#a6dba0" title 'CCH right: predicts no gain, KD does not help (6 points)', \
     'fig7-classification-noise-map-grid.dat' using 1:($11 == 2 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#e66101" title 'false alarm: CCH predicts a gain, KD does not help (0 points)', \
     'fig7-classification-noise-map-grid.dat' using 1:($11 == 3 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#5e3c99" title 'miss: CCH predicts no gain, KD helps (28 points)', \
     $boundary using 1:2 with lines lw 2.5 lc rgb "black" title 'CCH boundary I(T;S) = I(S;C); CCH predicts a gain where I(T;S) > I(S;C)'
