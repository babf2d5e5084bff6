# grid-curves.gp: written by cchsim 0.1.0 from OUT/s.toml (scenario grid).
# Reads grid-curves.dat; draws grid-curves.png. Render again with: gnuplot grid-curves.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" grid-curves.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'grid-curves.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 13.89in,10.28in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1000,740 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1000,740 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set title 'KD gain along n (analytic)'."\n".'{/*0.85 scalar T, S, Y with unit variances, ρ_{ts} = 0.6, ρ_{sy} = 0.4, ρ_{ty} = 0}'."\n".'{/*0.85 teacher: prediction target θ'."'".'T, θ fitted by OLS on n_t = 50}'."\n".'{/*0.85 student: OLS, KD weight λ = 0.3}'."\n".'{/*0.85 CCH gap I(T;S) − I(S;Y) = 0.136 nats: CCH predicts a gain}'
set xlabel 'student training samples n'
set logscale x
set xrange [7.692307692307692:1300.0]
set xtics (10, 30, 100, 300, 1000)
set lmargin 12
set rmargin 4
set xzeroaxis lt 1 lc rgb "#808080"
set ylabel 'KD gain E R(0) − E R(λ) (squared label units)'
set arrow 10 from 30.609792093859756, graph 0 to 30.609792093859756, graph 1 nohead dt 3 lw 1.5 lc rgb "#b2182b"
set label 10 'G(λ) = 0 at n ≈ 30.61' at 30.609792093859756, graph 0.9 offset 0.5, 0 tc rgb "#b2182b" front
set key outside below center vertical Left reverse samplen 2.5 height 1 maxrows 2
plot 'grid-curves.dat' index 0 using 1:2 with lines lw 2 lc rgb "#1f78b4" notitle, \
     'grid-curves.dat' index 0 using 1:3 with lines lw 1.5 dt 2 lc rgb "#1f78b4" notitle, \
     keyentry with lines lw 2 lc rgb "#1f78b4" title 'analytic gain G(λ) at the scenario'."'".'s λ = 0.3', \
     keyentry with lines lw 1.5 dt 2 lc rgb "#1f78b4" title 'analytic best gain G(λ*) (λ* chosen per point)'
