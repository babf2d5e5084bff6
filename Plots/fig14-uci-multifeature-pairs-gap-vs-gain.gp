# Error bars: gain +- 1.96 SE over the splits; gap: half-sample interval. Truth: KD helps (measured) when the gain in test accuracy at lambda is significantly positive: z = gain / SE > 1.96 (paired over the splits; two-sided 5% level)
# fig14-uci-multifeature-pairs-gap-vs-gain.gp: written by cchsim 0.1.0 (cchsim teachers) from Scenarios/fig14-uci-multifeature-pairs.toml.
# Reads fig14-uci-multifeature-pairs-gap-vs-gain.dat; draws fig14-uci-multifeature-pairs-gap-vs-gain.png. Render again with: gnuplot fig14-uci-multifeature-pairs-gap-vs-gain.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig14-uci-multifeature-pairs-gap-vs-gain.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 23.89in,10.83in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1720,780 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1720,780 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set multiplot layout 1,3 title 'Measured KD gain against the estimated CCH gap, every teacher (a view, a set of views concatenated, a set'."'".'s ensemble) and student view'."\n".'{/*0.85 fig14-uci-multifeature-pairs: 2000 rows, 5 principal components per view; student n = 100, teacher n = 500, λ = 0.5, τ = 2, 10 splits}' font ",13"
set ylabel 'measured KD gain in test accuracy (percentage points)'
set grid lc rgb "#e0e0e0"
set key outside below center horizontal
set xzeroaxis lt 1 lc rgb "#808080"
set bmargin 12
set yrange [-13.283906613249428:5.637088831562726]
set title 'gaussian: CCH right for 100 of 150 pairs'
set xlabel 'estimated CCH gap I(T;S) - I(S;Y) (nats)'
set xrange [-4.968888392418529:4.968888392418529]
set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb "#404040"
plot 'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 0 using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#1a9850" title "CCH's verdict matches the measured truth", \
     'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 0 using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#d73027" title "CCH's verdict is wrong", \
     'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 0 using 1:($9 == 1 ? $4 : NaN) with points pt 6 ps 1.8 lc rgb "#202020" title "teacher: a set of views, concatenated", \
     'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 0 using 1:($9 == 2 ? $4 : NaN) with points pt 4 ps 1.8 lc rgb "#202020" title "teacher: a set's ensemble (mean soft targets)", \
     NaN with lines dt 2 lw 2 lc rgb "#404040" title "CCH boundary (gap = 0)"
set title 'ksg: CCH right for 47 of 150 pairs'
set xlabel 'estimated CCH gap I(T;S) - I(S;Y) (nats)'
set xrange [-1.8944696042810307:1.8944696042810307]
set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb "#404040"
plot 'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 1 using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#1a9850" title "CCH's verdict matches the measured truth", \
     'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 1 using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#d73027" title "CCH's verdict is wrong", \
     'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 1 using 1:($9 == 1 ? $4 : NaN) with points pt 6 ps 1.8 lc rgb "#202020" title "teacher: a set of views, concatenated", \
     'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 1 using 1:($9 == 2 ? $4 : NaN) with points pt 4 ps 1.8 lc rgb "#202020" title "teacher: a set's ensemble (mean soft targets)", \
     NaN with lines dt 2 lw 2 lc rgb "#404040" title "CCH boundary (gap = 0)"
set title 'probe: CCH right for 95 of 150 pairs'
set xlabel 'estimated CCH gap I(T;S) - I(S;Y) (nats)'
set xrange [-5.130164592758109:5.130164592758109]
set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb "#404040"
plot 'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 2 using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#1a9850" title "CCH's verdict matches the measured truth", \
     'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 2 using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#d73027" title "CCH's verdict is wrong", \
     'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 2 using 1:($9 == 1 ? $4 : NaN) with points pt 6 ps 1.8 lc rgb "#202020" title "teacher: a set of views, concatenated", \
     'fig14-uci-multifeature-pairs-gap-vs-gain.dat' index 2 using 1:($9 == 2 ? $4 : NaN) with points pt 4 ps 1.8 lc rgb "#202020" title "teacher: a set's ensemble (mean soft targets)", \
     NaN with lines dt 2 lw 2 lc rgb "#404040" title "CCH boundary (gap = 0)"
unset multiplot
