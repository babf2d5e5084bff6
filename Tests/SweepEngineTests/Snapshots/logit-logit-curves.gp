# logit-curves.gp: written by cchsim 0.1.0 from OUT/s.toml (scenario logit).
# Reads logit-curves.dat; draws logit-curves.png. Render again with: gnuplot logit-curves.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" logit-curves.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'logit-curves.'.format
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
set title 'KD gain along λ (Monte Carlo)'."\n".'{/*0.85 latent factors (k = 2, d_t = 1, d_s = 2), σ_t = 0.1, σ_s = 1, σ_y = 1.5}'."\n".'{/*0.85 teacher: posterior logit of C given T (oracle)}'."\n".'{/*0.85 student: logistic, n = 30, τ = 2}'."\n".'{/*0.85 CCH gap I(T;S) − I(S;C) = 0.2901 nats: CCH predicts a gain}'
set xlabel 'KD weight λ'
set xrange [-0.013999999999999999:0.714]
set lmargin 12
set rmargin 4
set xzeroaxis lt 1 lc rgb "#808080"
set ylabel 'KD accuracy gain acc(KD) − acc(no KD) (fraction of test points)'
set key outside below center vertical Left reverse samplen 2.5 height 1 maxrows 2
plot 'logit-curves.dat' index 0 using 1:2 with lines lw 2 lc rgb "#1f78b4" notitle, \
     'logit-curves.dat' index 0 using 1:4:5 with yerrorbars pt 7 ps 0.7 lc rgb "#1f78b4" notitle, \
     keyentry with lines lw 2 lc rgb "#1f78b4" title 'Monte Carlo mean gain', \
     keyentry with yerrorbars pt 7 ps 0.7 lc rgb "#1f78b4" title 'Monte Carlo mean gain ± 95% interval (40 paired trials per point)'
