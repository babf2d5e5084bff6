# nsweep-curves.gp: written by cchsim 0.1.0 from OUT/s.toml (scenario nsweep).
# Reads nsweep-curves.dat; draws nsweep-curves.png. Render again with: gnuplot nsweep-curves.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" nsweep-curves.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'nsweep-curves.'.format
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
set title 'KD gain along n (analytic)'."\n".'{/*0.85 latent factors (k = 3, d_t = 2, d_s = 5), σ_t = 0.5, σ_s = 0.8, σ_y = 0.5}'."\n".'{/*0.85 teacher: prediction target θ'."'".'T, θ fitted by OLS on n_t = 50}'."\n".'{/*0.85 student: OLS, KD weight λ = 0.5}'."\n".'{/*0.85 CCH gap I(T;S) − I(S;Y) = -0.08189 nats: CCH predicts no gain}'
set xlabel 'student training samples n'
set logscale x
set xrange [7.692307692307692:1300.0]
set xtics (10, 19, 37, 72, 139, 268, 518, 1000)
set lmargin 12
set rmargin 4
set xzeroaxis lt 1 lc rgb "#808080"
set ylabel 'KD gain E R(0) − E R(λ) (squared label units), symmetric-log scale'
unset xzeroaxis
set arrow 9 from graph 0, first 0 to graph 1, first 0 nohead lc rgb "#808080"
c_symlog = 1e-05
set nonlinear y via sgn(y)*log10(1 + abs(y)/c_symlog) inverse sgn(y)*c_symlog*(10**abs(y) - 1)
set ytics ("0" 0.0, "0.0001" 0.0001, "0.001" 0.001, "0.01" 0.01, "0.1" 0.1, "1" 1.0, "-0.0001" -0.0001, "-0.001" -0.001, "-0.01" -0.01, "-0.1" -0.1, "-1" -1.0)
set arrow 10 from 19.082176029804057, graph 0 to 19.082176029804057, graph 1 nohead dt 3 lw 1.5 lc rgb "#b2182b"
set label 10 'G(λ) = 0 at n ≈ 19.08' at 19.082176029804057, graph 0.9 offset 0.5, 0 tc rgb "#b2182b" front
set key outside below center vertical Left reverse samplen 2.5 height 1 maxrows 2
plot 'nsweep-curves.dat' index 0 using 1:2 with lines lw 2 lc rgb "#1f78b4" notitle, \
     'nsweep-curves.dat' index 0 using 1:3 with lines lw 1.5 dt 2 lc rgb "#1f78b4" notitle, \
     keyentry with lines lw 2 lc rgb "#1f78b4" title 'analytic gain G(λ) at the scenario'."'".'s λ = 0.5', \
     keyentry with lines lw 1.5 dt 2 lc rgb "#1f78b4" title 'analytic best gain G(λ*) (λ* chosen per point)'
