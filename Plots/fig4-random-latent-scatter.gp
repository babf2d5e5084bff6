# fig4-random-latent-scatter.gp: written by cchsim 0.1.0 from Scenarios/fig4-random-latent.toml (scenario fig4-random-latent).
# Reads fig4-random-latent-scatter.dat; draws fig4-random-latent-scatter.png. Render again with: gnuplot fig4-random-latent-scatter.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" fig4-random-latent-scatter.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig4-random-latent-scatter.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 13.89in,11.94in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1000,860 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1000,860 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set title 'KD gain against the CCH gap'."\n".'{/*0.85 random latent-factor models (k = 4, d_t = 1, d_s = 1) drawn from seed 4}'."\n".'{/*0.85 teacher: representation target, oracle θ}'."\n".'{/*0.85 student: population (n = ∞), ridge γ = 0.05, KD weight λ = 0.05}'."\n".'{/*0.85 300 scenarios (grid points)}'."\n".'{/*0.85 CCH is right for 211 of them (70.3%)}'
set xlabel 'CCH gap I(T;S) − I(S;Y) (nats); CCH predicts a gain right of 0'
set ylabel 'best KD gain G(λ*), % of the risk without KD (log scale)'
set xrange [-0.6455292004739788:0.6455292004739788]
set yzeroaxis lt 1 lc rgb "#808080"
set key outside below center vertical Left reverse maxrows 2 height 1
set logscale y
set yrange [1.0979679654368459e-09:0.15942786030945735]
set ytics ('10^{-8}' 1e-8, '10^{-7}' 1e-7, '10^{-6}' 1e-6, '10^{-5}' 1e-5, '10^{-4}' 1e-4, '10^{-3}' 1e-3, '10^{-2}' 1e-2, '10^{-1}' 1e-1, 'no gain' 2.1959359308736918e-09)
set arrow 10 from graph 0, first 6.587807792621075e-09 to graph 1, first 6.587807792621075e-09 nohead dt 3 lc rgb "#808080"
set label 1 'KD helps, CCH misses: 3' at graph 0.02, graph 0.96 left front
set label 2 'KD helps, CCH right: 54' at graph 0.98, graph 0.96 right front
set label 3 'no gain, CCH right: 157' at graph 0.02, graph 0.12 left front
set label 4 'no gain, CCH false alarm: 86' at graph 0.98, graph 0.12 right front
plot 'fig4-random-latent-scatter.dat' using 1:($3 == 0 ? $5 : NaN) with points pt 7 ps 0.8 lc rgb "#1b7837" title 'CCH right: predicts a gain, KD helps', \
     'fig4-random-latent-scatter.dat' using 1:($3 == 1 ? $5 : NaN) with points pt 7 ps 0.8 lc rgb "#a6dba0" title 'CCH right: predicts no gain, KD does not help', \
     'fig4-random-latent-scatter.dat' using 1:($3 == 2 ? $5 : NaN) with points pt 7 ps 0.8 lc rgb "#e66101" title 'false alarm: CCH predicts a gain, KD does not help', \
     'fig4-random-latent-scatter.dat' using 1:($3 == 3 ? $5 : NaN) with points pt 7 ps 0.8 lc rgb "#5e3c99" title 'miss: CCH predicts no gain, KD helps'
