# grid-curves.gp: written by cchsim 0.1.0 from OUT/s.toml (scenario grid).
# Reads grid-curves.dat; draws grid-curves.png. Render again with: gnuplot grid-curves.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" grid-curves.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'grid-curves.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 13.89in,14.44in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1000,1040 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1000,1040 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set multiplot layout 2,1 title 'KD gain (analytic and Monte Carlo) and the CCH gap along ρ_{ts}'."\n".'{/*0.85 scalar T, S, Y with unit variances, ρ_{sy} = 0.4, ρ_{ty} = 0}'."\n".'{/*0.85 teacher: representation target, oracle θ}'."\n".'{/*0.85 student: OLS, KD weight λ = 0.5}'
set xlabel 'ρ_{ts} = corr(T, S)'
set xrange [0.192:0.608]
set lmargin 12
set rmargin 4
set xzeroaxis lt 1 lc rgb "#808080"
set ylabel 'KD gain E R(0) − E R(λ) (squared label units)'
unset key
plot 'grid-curves.dat' index 0 using 1:2 with lines lw 2 lc rgb "#1f78b4" notitle, \
     'grid-curves.dat' index 0 using 1:3 with lines lw 1.5 dt 2 lc rgb "#1f78b4" notitle, \
     'grid-curves.dat' index 0 using 1:4:5 with yerrorbars pt 7 ps 0.7 lc rgb "#1f78b4" notitle, \
     'grid-curves.dat' index 1 using 1:2 with lines lw 2 lc rgb "#e31a1c" notitle, \
     'grid-curves.dat' index 1 using 1:3 with lines lw 1.5 dt 2 lc rgb "#e31a1c" notitle, \
     'grid-curves.dat' index 1 using 1:4:5 with yerrorbars pt 7 ps 0.7 lc rgb "#e31a1c" notitle
unset arrow
unset label
unset object
set key outside below center vertical Left reverse samplen 2.5 height 1 maxrows 5
set ylabel 'CCH gap I(T;S) − I(S;Y) (nats)'
set label 2 'CCH predicts a gain above 0, no gain below' at graph 0.98, graph 0.92 right tc rgb "#404040"
plot 'grid-curves.dat' index 0 using 1:6 with lines lw 2 lc rgb "black" notitle, \
     keyentry with lines lw 2 lc rgb "#1f78b4" title 'n = 10', \
     keyentry with lines lw 2 lc rgb "#e31a1c" title 'n = 40', \
     keyentry with lines lw 2 lc rgb "black" title 'analytic gain G(λ) at the scenario'."'".'s λ = 0.5', \
     keyentry with lines lw 1.5 dt 2 lc rgb "black" title 'analytic best gain G(λ*) (λ* chosen per point)', \
     keyentry with yerrorbars pt 7 ps 0.7 lc rgb "black" title 'Monte Carlo mean gain ± 95% interval (50 paired trials per point)'
unset multiplot
