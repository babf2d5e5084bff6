# fig5-teacher-noise-curves.gp: written by cchsim 0.1.0 from Scenarios/fig5-teacher-noise.toml (scenario fig5-teacher-noise).
# Reads fig5-teacher-noise-curves.dat; draws fig5-teacher-noise-curves.png. Render again with: gnuplot fig5-teacher-noise-curves.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" fig5-teacher-noise-curves.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig5-teacher-noise-curves.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 13.89in,14.72in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1000,1060 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1000,1060 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set multiplot layout 2,1 title 'KD gain (analytic and Monte Carlo) and the CCH gap along σ_t'."\n".'{/*0.85 latent factors (k = 3, d_t = 2, d_s = 2), σ_s = 0.5, σ_y = 0.7}'."\n".'{/*0.85 teacher: prediction target θ'."'".'T, θ fitted by OLS on n_t = 40}'."\n".'{/*0.85 student: OLS, KD weight λ = 0.4}'
set xlabel 'teacher noise σ_t (standard deviation, units of T)'
set xrange [-0.06:3.06]
set lmargin 12
set rmargin 4
set xzeroaxis lt 1 lc rgb "#808080"
set ylabel 'KD gain E R(0) − E R(λ) (squared label units)'
unset key
plot 'fig5-teacher-noise-curves.dat' index 0 using 1:2 with lines lw 2 lc rgb "#1f78b4" notitle, \
     'fig5-teacher-noise-curves.dat' index 0 using 1:3 with lines lw 1.5 dt 2 lc rgb "#1f78b4" notitle, \
     'fig5-teacher-noise-curves.dat' index 0 using 1:4:5 with yerrorbars pt 7 ps 0.7 lc rgb "#1f78b4" notitle, \
     'fig5-teacher-noise-curves.dat' index 1 using 1:2 with lines lw 2 lc rgb "#e31a1c" notitle, \
     'fig5-teacher-noise-curves.dat' index 1 using 1:3 with lines lw 1.5 dt 2 lc rgb "#e31a1c" notitle, \
     'fig5-teacher-noise-curves.dat' index 1 using 1:4:5 with yerrorbars pt 7 ps 0.7 lc rgb "#e31a1c" notitle, \
     'fig5-teacher-noise-curves.dat' index 2 using 1:2 with lines lw 2 lc rgb "#33a02c" notitle, \
     'fig5-teacher-noise-curves.dat' index 2 using 1:3 with lines lw 1.5 dt 2 lc rgb "#33a02c" notitle, \
     'fig5-teacher-noise-curves.dat' index 2 using 1:4:5 with yerrorbars pt 7 ps 0.7 lc rgb "#33a02c" notitle
unset arrow
unset label
unset object
set key outside below center vertical Left reverse samplen 2.5 height 1 maxrows 6
set ylabel 'CCH gap I(T;S) − I(S;Y) (nats)'
set label 2 'CCH predicts a gain above 0, no gain below' at graph 0.98, graph 0.92 right tc rgb "#404040"
plot 'fig5-teacher-noise-curves.dat' index 0 using 1:6 with lines lw 2 lc rgb "black" notitle, \
     keyentry with lines lw 2 lc rgb "#1f78b4" title 'n = 15', \
     keyentry with lines lw 2 lc rgb "#e31a1c" title 'n = 30', \
     keyentry with lines lw 2 lc rgb "#33a02c" title 'n = 60', \
     keyentry with lines lw 2 lc rgb "black" title 'analytic gain G(λ) at the scenario'."'".'s λ = 0.4', \
     keyentry with lines lw 1.5 dt 2 lc rgb "black" title 'analytic best gain G(λ*) (λ* chosen per point)', \
     keyentry with yerrorbars pt 7 ps 0.7 lc rgb "black" title 'Monte Carlo mean gain ± 95% interval (4000 paired trials per point)'
unset multiplot
