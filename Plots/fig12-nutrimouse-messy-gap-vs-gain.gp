# Error bars: gain +- 1.96 SE over the splits; gap: half-sample interval. Truth: KD helps (measured) when the gain in test accuracy at lambda is significantly positive: z = gain / SE > 1.96 (paired over the splits; two-sided 5% level)
# fig12-nutrimouse-messy-gap-vs-gain.gp: written by cchsim 0.1.0 (cchsim teachers) from Scenarios/fig12-nutrimouse-messy.toml.
# Reads fig12-nutrimouse-messy-gap-vs-gain.dat; draws fig12-nutrimouse-messy-gap-vs-gain.png. Render again with: gnuplot fig12-nutrimouse-messy-gap-vs-gain.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig12-nutrimouse-messy-gap-vs-gain.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 23.89in,8.89in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1720,640 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1720,640 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set multiplot layout 1,3 title 'Measured KD gain against the estimated CCH gap, every ordered pair of views'."\n".'{/*0.85 fig12-nutrimouse-messy: 33 rows, 5 principal components per view; student n = 24, teacher on the student'."'".'s rows, λ = 0.5, τ = 2, 20 splits}' font ",13"
set ylabel 'measured KD gain in test accuracy (percentage points)'
set grid lc rgb "#e0e0e0"
set key outside below center horizontal
set xzeroaxis lt 1 lc rgb "#808080"
set bmargin 7
set yrange [-0.08:0.08]
set title 'gaussian: CCH right for 0 of 2 pairs'
set xlabel 'estimated CCH gap I(T;S) - I(S;Y) (nats)'
set xrange [-2.3149741741992416:2.3149741741992416]
set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb "#404040"
plot 'fig12-nutrimouse-messy-gap-vs-gain.dat' index 0 using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#1a9850" title "CCH's verdict matches the measured truth", \
     'fig12-nutrimouse-messy-gap-vs-gain.dat' index 0 using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#d73027" title "CCH's verdict is wrong", \
     NaN with lines dt 2 lw 2 lc rgb "#404040" title "CCH boundary (gap = 0)"
set title 'ksg: CCH right for 0 of 2 pairs'
set xlabel 'estimated CCH gap I(T;S) - I(S;Y) (nats)'
set xrange [-0.43945885177817107:0.43945885177817107]
set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb "#404040"
plot 'fig12-nutrimouse-messy-gap-vs-gain.dat' index 1 using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#1a9850" title "CCH's verdict matches the measured truth", \
     'fig12-nutrimouse-messy-gap-vs-gain.dat' index 1 using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#d73027" title "CCH's verdict is wrong", \
     NaN with lines dt 2 lw 2 lc rgb "#404040" title "CCH boundary (gap = 0)"
set title 'probe: CCH right for 0 of 2 pairs'
set xlabel 'estimated CCH gap I(T;S) - I(S;Y) (nats)'
set xrange [-2.8933278334799377:2.8933278334799377]
set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb "#404040"
plot 'fig12-nutrimouse-messy-gap-vs-gain.dat' index 2 using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#1a9850" title "CCH's verdict matches the measured truth", \
     'fig12-nutrimouse-messy-gap-vs-gain.dat' index 2 using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#d73027" title "CCH's verdict is wrong", \
     NaN with lines dt 2 lw 2 lc rgb "#404040" title "CCH boundary (gap = 0)"
unset multiplot
