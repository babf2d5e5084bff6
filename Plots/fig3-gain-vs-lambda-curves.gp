# fig3-gain-vs-lambda-curves.gp: written by cchsim 0.1.0 from Scenarios/fig3-gain-vs-lambda.toml (scenario fig3-gain-vs-lambda).
# Reads fig3-gain-vs-lambda-curves.dat; draws fig3-gain-vs-lambda-curves.png. Render again with: gnuplot fig3-gain-vs-lambda-curves.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" fig3-gain-vs-lambda-curves.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig3-gain-vs-lambda-curves.'.format
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
set title 'KD gain along λ (analytic and Monte Carlo)'."\n".'{/*0.85 scalar T, S, Y with unit variances, ρ_{ts} = 0.3, ρ_{sy} = 0.5, ρ_{ty} = 0.6}'."\n".'{/*0.85 teacher: prediction target θ'."'".'T, oracle θ}'."\n".'{/*0.85 student: n = 12, OLS}'."\n".'{/*0.85 CCH gap I(T;S) − I(S;Y) = -0.09669 nats: CCH predicts no gain}'
set xlabel 'KD weight λ'
set xrange [-0.02:1.02]
set lmargin 12
set rmargin 4
set xzeroaxis lt 1 lc rgb "#808080"
set ylabel 'KD gain E R(0) − E R(λ) (squared label units)'
set arrow 10 from 0.6139354838709679, graph 0 to 0.6139354838709679, graph 1 nohead dt 3 lw 1.5 lc rgb "#b2182b"
set label 10 'G(λ) = 0 at λ ≈ 0.6139' at 0.6139354838709679, graph 0.9 offset 0.5, 0 tc rgb "#b2182b" front
set arrow 1 from 0.3073770491803271, graph 0 to 0.3073770491803271, graph 1 nohead dt 3 lc rgb "#404040"
set label 1 'best weight λ* = 0.3074' at 0.3073770491803271, graph 0.05 offset 0.5, 0
set key outside below center vertical Left reverse samplen 2.5 height 1 maxrows 2
plot 'fig3-gain-vs-lambda-curves.dat' index 0 using 1:2 with lines lw 2 lc rgb "#1f78b4" notitle, \
     'fig3-gain-vs-lambda-curves.dat' index 0 using 1:4:5 with yerrorbars pt 7 ps 0.7 lc rgb "#1f78b4" notitle, \
     keyentry with lines lw 2 lc rgb "#1f78b4" title 'analytic gain G(λ)', \
     keyentry with yerrorbars pt 7 ps 0.7 lc rgb "#1f78b4" title 'Monte Carlo mean gain ± 95% interval (20000 paired trials per point)'
