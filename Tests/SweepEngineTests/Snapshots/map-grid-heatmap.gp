# grid-heatmap.gp: written by cchsim 0.1.0 from OUT/s.toml (scenario grid).
# Reads grid-grid.dat; draws grid-heatmap.png. Render again with: gnuplot grid-heatmap.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" grid-heatmap.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'grid-heatmap.'.format
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
set title 'Where does KD help? Best KD gain G(λ*) over (ρ_{ts}, ρ_{sy})'."\n".'{/*0.85 scalar T, S, Y with unit variances, ρ_{ty} = 0}'."\n".'{/*0.85 teacher: representation target, oracle θ}'."\n".'{/*0.85 student: population (n = ∞), ridge γ = 0.05, KD weight λ = 0.05}'
set xlabel 'ρ_{ts} = corr(T, S)'
set xrange [-0.8119999999999999:1.1355]
set ylabel 'ρ_{sy} = corr(S, Y)'
set yrange [-0.665:0.559]
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
set palette defined (0 "#fff5eb", 0.35 "#fdae6b", 0.7 "#e6550d", 1 "#7f2704")
set cbrange [0:0.043173232595788195]
set cblabel 'best KD gain G(λ*) = E R(0) − E R(λ*), % of the risk E R(0) without KD'
set colorbox user origin graph 1.04, graph 0 size character 2, graph 1
plot 'grid-grid.dat' using 1:($8 == 1 ? $2 : NaN):3:4:5:6:10 with boxxyerror fs solid 1.0 noborder fc palette notitle, \
     NaN with boxes fs solid 1.0 noborder fc rgb "#fdae6b" title 'KD helps: G(λ*) > 0 (colour: size of the gain)', \
     'grid-grid.dat' using 1:($7 == 1 && $8 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#c6dbef" title 'KD does not help: best λ* = 0, G(λ*) = 0', \
     'grid-grid.dat' using 1:($7 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#8c8c8c" title 'invalid: covariance not positive definite (2 points)', \
     $boundary using 1:2 with lines lw 2.5 lc rgb "black" title 'CCH boundary I(T;S) = I(S;Y); CCH predicts a gain where I(T;S) > I(S;Y)'
