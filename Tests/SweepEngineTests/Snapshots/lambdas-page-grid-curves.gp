# grid-curves.gp: written by cchsim 0.1.0 from OUT/s.toml (scenario grid).
# Reads grid-curves.dat; draws grid-curves.png. Render again with: gnuplot grid-curves.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" grid-curves.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'grid-curves.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 7in,6in enhanced font 'DejaVu Sans,9' fontscale 1 linewidth 0.8 dashlength 0.8 pointscale 0.7
} else {
    if (format eq 'svg') {
        set terminal svg size 504,432 dynamic enhanced font 'DejaVu Sans,9' linewidth 0.8 dashlength 0.8
    } else {
        set terminal pngcairo size 2100,1800 enhanced font 'DejaVu Sans,37.5' linewidth 3.333 dashlength 0.8 pointscale 2.917
    }
}
set key font ',7.5' width -12
set encoding utf8
set output outfile
set title ''
set xlabel 'student training samples n'
set xrange [18.8:81.2]
set lmargin 12
set rmargin 4
set xzeroaxis lt 1 lc rgb "#808080"
set ylabel 'KD gain E R(0) − E R(λ) (squared label units)'
set key outside below center vertical Left reverse samplen 2.5 height 1 maxrows 5
plot 'grid-curves.dat' index 0 using 1:2 with lines lw 2 lc rgb "#1f78b4" notitle, \
     'grid-curves.dat' index 0 using 1:3 with lines lw 1.5 dt 2 lc rgb "#1f78b4" notitle, \
     'grid-curves.dat' index 1 using 1:2 with lines lw 2 lc rgb "#e31a1c" notitle, \
     'grid-curves.dat' index 1 using 1:3 with lines lw 1.5 dt 2 lc rgb "#e31a1c" notitle, \
     'grid-curves.dat' index 2 using 1:2 with lines lw 2 lc rgb "#33a02c" notitle, \
     'grid-curves.dat' index 2 using 1:3 with lines lw 1.5 dt 2 lc rgb "#33a02c" notitle, \
     keyentry with lines lw 2 lc rgb "#1f78b4" title 'λ = 0.1', \
     keyentry with lines lw 2 lc rgb "#e31a1c" title 'λ = 0.5', \
     keyentry with lines lw 2 lc rgb "#33a02c" title 'λ = 0.9', \
     keyentry with lines lw 2 lc rgb "black" title 'analytic gain G(λ) at the λ of its line', \
     keyentry with lines lw 1.5 dt 2 lc rgb "black" title 'analytic best gain G(λ*) (λ* chosen per point)'
