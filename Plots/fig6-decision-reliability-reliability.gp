# fig6-decision-reliability-reliability.gp: written by cchsim 0.1.0 from Scenarios/fig6-decision-reliability.toml (scenario fig6-decision-reliability).
# Reads fig6-decision-reliability-reliability.dat; draws fig6-decision-reliability-reliability.png. Render again with: gnuplot fig6-decision-reliability-reliability.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" fig6-decision-reliability-reliability.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig6-decision-reliability-reliability.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 13.89in,11.67in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1000,840 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1000,840 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set title 'How often does the estimated CCH gap get the decision wrong?'."\n".'{/*0.85 scalar T, S, Y with unit variances, ρ_{sy} = 0.4, ρ_{ty} = 0.3}'."\n".'{/*0.85 teacher: prediction target θ'."'".'T, oracle θ}'."\n".'{/*0.85 student: n = 50, OLS, KD weight λ = 0.5}'."\n".'{/*0.85 500 samples per point}'
set xlabel 'sample size n of the MI estimates'
set logscale x
set xrange [15.384615384615383:6500.0]
set xtics (20, 50, 100, 200, 500, 1000, 2000, 5000)
set ylabel 'P(flip): share of samples whose estimated gap has the wrong sign'
set yrange [0:*]
set key outside below center vertical Left reverse samplen 2.5 height 1
plot 'fig6-decision-reliability-reliability.dat' index 0 using 1:2 with lines lw 2 lc rgb "#1f78b4" notitle, \
     'fig6-decision-reliability-reliability.dat' index 0 using 1:2:3 with yerrorbars pt 7 ps 0.8 lc rgb "#1f78b4" title 'Gaussian plug-in (bias-corrected), ρ_{ts} = 0.6, true gap 0.136 nats (± 1.96 binomial standard errors)', \
     'fig6-decision-reliability-reliability.dat' index 1 using 1:2 with lines lw 2 lc rgb "#e31a1c" notitle, \
     'fig6-decision-reliability-reliability.dat' index 1 using 1:2:3 with yerrorbars pt 7 ps 0.8 lc rgb "#e31a1c" title 'KSG (k = 3), ρ_{ts} = 0.6, true gap 0.136 nats (± 1.96 binomial standard errors)', \
     'fig6-decision-reliability-reliability.dat' index 2 using 1:2 with lines lw 2 lc rgb "#33a02c" notitle, \
     'fig6-decision-reliability-reliability.dat' index 2 using 1:2:3 with yerrorbars pt 7 ps 0.8 lc rgb "#33a02c" title 'Gaussian plug-in (bias-corrected), ρ_{ts} = 0.45, true gap 0.02596 nats (± 1.96 binomial standard errors)', \
     'fig6-decision-reliability-reliability.dat' index 3 using 1:2 with lines lw 2 lc rgb "#ff7f00" notitle, \
     'fig6-decision-reliability-reliability.dat' index 3 using 1:2:3 with yerrorbars pt 7 ps 0.8 lc rgb "#ff7f00" title 'KSG (k = 3), ρ_{ts} = 0.45, true gap 0.02596 nats (± 1.96 binomial standard errors)'
