# Error bars: gain +- 1.96 SE over the splits; gap: half-sample interval. Truth: KD helps (measured) when the gain in test accuracy at lambda is significantly positive: z = gain / SE > 1.96 (paired over the splits; two-sided 5% level)
# planted-gap-vs-gain.gp: written by cchsim 0.1.0 (cchsim teachers) from DATA/planted.toml.
# Reads planted-gap-vs-gain.dat; draws planted-gap-vs-gain.png. Render again with: gnuplot planted-gap-vs-gain.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'planted-gap-vs-gain.'.format
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
set multiplot layout 1,3 title 'Measured KD gain against the estimated CCH gap, every ordered pair of views'."\n".'{/*0.85 planted: 120 rows, every column of each view (as principal components); student n = 20, teacher n = 40, λ = 0.5, τ = 2, 6 splits}' font ",13"
set ylabel 'measured KD gain in test accuracy (percentage points)'
set grid lc rgb "#e0e0e0"
set key outside below center horizontal
set xzeroaxis lt 1 lc rgb "#808080"
set bmargin 7
set yrange [-3.7413914588343884:4.429248081202924]
set title 'gaussian: CCH right for 1 of 2 pairs'
set xlabel 'estimated CCH gap I(T;S) - I(S;Y) (nats)'
set xrange [-0.1398279391789613:0.1398279391789613]
set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb "#404040"
plot 'planted-gap-vs-gain.dat' index 0 using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#1a9850" title "CCH's verdict matches the measured truth", \
     'planted-gap-vs-gain.dat' index 0 using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#d73027" title "CCH's verdict is wrong", \
     NaN with lines dt 2 lw 2 lc rgb "#404040" title "CCH boundary (gap = 0)"
set title 'ksg: CCH right for 1 of 2 pairs'
set xlabel 'estimated CCH gap I(T;S) - I(S;Y) (nats)'
set xrange [-0.19182805301673503:0.19182805301673503]
set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb "#404040"
plot 'planted-gap-vs-gain.dat' index 1 using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#1a9850" title "CCH's verdict matches the measured truth", \
     'planted-gap-vs-gain.dat' index 1 using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#d73027" title "CCH's verdict is wrong", \
     NaN with lines dt 2 lw 2 lc rgb "#404040" title "CCH boundary (gap = 0)"
set title 'probe: CCH right for 1 of 2 pairs'
set xlabel 'estimated CCH gap I(T;S) - I(S;Y) (nats)'
set xrange [-0.16308680653479196:0.16308680653479196]
set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb "#404040"
plot 'planted-gap-vs-gain.dat' index 2 using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#1a9850" title "CCH's verdict matches the measured truth", \
     'planted-gap-vs-gain.dat' index 2 using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#d73027" title "CCH's verdict is wrong", \
     NaN with lines dt 2 lw 2 lc rgb "#404040" title "CCH boundary (gap = 0)"
unset multiplot
