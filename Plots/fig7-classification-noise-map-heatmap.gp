# fig7-classification-noise-map-heatmap.gp: written by cchsim 0.1.0 from Scenarios/fig7-classification-noise-map.toml (scenario fig7-classification-noise-map).
# Reads fig7-classification-noise-map-grid.dat; draws fig7-classification-noise-map-heatmap.png. Render again with: gnuplot fig7-classification-noise-map-heatmap.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" fig7-classification-noise-map-heatmap.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig7-classification-noise-map-heatmap.'.format
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
set title 'Where does KD help? Accuracy gain of soft-target KD over (σ_y, σ_t)'."\n".'{/*0.85 latent factors (k = 2, d_t = 1, d_s = 2), σ_s = 1}'."\n".'{/*0.85 teacher: posterior logit of C given T (oracle)}'."\n".'{/*0.85 student: logistic, n = 30, KD weight λ = 0.7, τ = 2}'
set xlabel 'label noise σ_y (standard deviation, units of Y)'
set xrange [0.1175:2.3825]
set ylabel 'teacher noise σ_t (standard deviation, units of T)'
set yrange [-0.19875:3.19875]
set rmargin 18
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
set palette defined (0 "#fff5eb", 0.35 "#fdae6b", 0.7 "#e6550d", 1 "#7f2704")
set cbrange [0:2.7623782716494816]
set cblabel 'KD accuracy gain acc(KD) − acc(no KD), percentage points (Monte Carlo)'
set colorbox user origin graph 1.04, graph 0 size character 2, graph 1
plot 'fig7-classification-noise-map-grid.dat' using 1:($8 == 1 ? $2 : NaN):3:4:5:6:10 with boxxyerror fs solid 1.0 noborder fc palette notitle, \
     NaN with boxes fs solid 1.0 noborder fc rgb "#fdae6b" title 'KD raises the accuracy (colour: size of the gain)', \
     'fig7-classification-noise-map-grid.dat' using 1:($7 == 1 && $8 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#c6dbef" title 'KD does not raise the accuracy', \
     $boundary using 1:2 with lines lw 2.5 lc rgb "black" title 'CCH boundary I(T;S) = I(S;C); CCH predicts a gain where I(T;S) > I(S;C)'
