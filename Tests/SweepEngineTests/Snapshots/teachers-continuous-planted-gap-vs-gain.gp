# Error bars: gain +- 1.96 SE over the splits; gap: half-sample interval. Truth: KD helps (measured) when the reduction of the test MSE at lambda is significantly positive: z = gain / SE > 1.96 (paired over the splits; two-sided 5% level)
# planted-gap-vs-gain.gp: written by cchsim 0.1.0 (cchsim teachers) from DATA/planted.toml.
# Reads planted-gap-vs-gain.dat; draws planted-gap-vs-gain.png. Render again with: gnuplot planted-gap-vs-gain.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'planted-gap-vs-gain.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 16.11in,8.89in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1160,640 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1160,640 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set multiplot layout 1,2 title 'Measured KD gain against the estimated CCH gap, every ordered pair of views'."\n".'{/*0.85 planted: 120 rows, every column of each view (as principal components); student n = 20, teacher n = 40, λ = 0.5, 6 splits}' font ",13"
set ylabel 'measured KD gain: reduction of the test MSE (y1²)'
set grid lc rgb "#e0e0e0"
set key outside below center horizontal
set xzeroaxis lt 1 lc rgb "#808080"
set bmargin 7
set yrange [-0.19484051645506706:0.10213670223795578]
set title 'gaussian: CCH right for 1 of 2 pairs'
set xlabel 'estimated CCH gap I(T;S) - I(S;Y) (nats)'
set xrange [-0.3814643482717662:0.3814643482717662]
set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb "#404040"
plot 'planted-gap-vs-gain.dat' index 0 using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#1a9850" title "CCH's verdict matches the measured truth", \
     'planted-gap-vs-gain.dat' index 0 using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#d73027" title "CCH's verdict is wrong", \
     NaN with lines dt 2 lw 2 lc rgb "#404040" title "CCH boundary (gap = 0)"
set title 'ksg: CCH right for 1 of 2 pairs'
set xlabel 'estimated CCH gap I(T;S) - I(S;Y) (nats)'
set xrange [-0.2452529055573151:0.2452529055573151]
set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb "#404040"
plot 'planted-gap-vs-gain.dat' index 1 using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#1a9850" title "CCH's verdict matches the measured truth", \
     'planted-gap-vs-gain.dat' index 1 using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb "#d73027" title "CCH's verdict is wrong", \
     NaN with lines dt 2 lw 2 lc rgb "#404040" title "CCH boundary (gap = 0)"
unset multiplot
