# fig13-multi-teacher-adding-heatmap.gp: written by cchsim 0.1.0 from Scenarios/fig13-multi-teacher.toml (scenario fig13-multi-teacher).
# Reads fig13-multi-teacher-adding-grid.dat; draws fig13-multi-teacher-adding-heatmap.png. Render again with: gnuplot fig13-multi-teacher-adding-heatmap.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" fig13-multi-teacher-adding-heatmap.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig13-multi-teacher-adding-heatmap.'.format
if (format eq 'pdf') {
    set terminal pdfcairo size 13.89in,13.06in enhanced font 'DejaVu Sans,11'
} else {
    if (format eq 'svg') {
        set terminal svg size 1000,940 dynamic enhanced font 'DejaVu Sans,11'
    } else {
        set terminal pngcairo size 1000,940 enhanced font 'DejaVu Sans,11'
    }
}
set encoding utf8
set output outfile
set title 'Where does adding a teacher modality help? Best set'."'".'s G(λ*) − best single'."'".'s over (ρ(T_{B}, Y), ρ(T_{A}, T_{B}))'."\n".'{/*0.85 teacher modalities A, B, student S and label Y: scalar, unit variances, ρ_{sy} = 0.3, ρ(T_{A}, S) = 0.2, ρ(T_{A}, Y) = 0.5, ρ(T_{B}, S) = 0.2}'."\n".'{/*0.85 teacher: prediction target θ'."'".'T, oracle θ, teacher set A+B}'."\n".'{/*0.85 student: n = 20, OLS, KD weight λ = 0.3}'."\n".'{/*0.85 adding helps: a teacher on several modalities has a larger best gain G(λ*) than every single one;}'."\n".'{/*0.85 CCH predicts it: its choice (the teacher set J of largest gap I(T_J; S) − I(S;Y)) has several modalities and a gap > 0}'
set xlabel 'ρ(T_{B}, Y): corr. of teacher modality B with the label (its strength)'
set xrange [-0.9764999999999998:0.9764999999999998]
set ylabel 'ρ(T_{A}, T_{B}): corr. of teacher modalities A and B'
set yrange [-0.9764999999999998:0.9764999999999998]
set size ratio -1
set key outside below center vertical Left reverse samplen 2.5
# The CCH boundary: the contour gap = I(T;S) - I(S;Y) = 0 of the grid.
set contour base
set cntrparam levels discrete 0
unset surface
set table $boundary
splot 'fig13-multi-teacher-adding-grid.dat' using 1:2:9 with lines notitle
unset table
unset contour
set surface
set palette defined (0 "#fff5eb", 0.35 "#fdae6b", 0.7 "#e6550d", 1 "#7f2704")
set cbrange [0:2.107757999511679]
set cblabel 'gain of adding: best G(λ*) of a set of ≥ 2 modalities − best G(λ*) of one, % of E R(0)'
set colorbox user origin graph 1.04, graph 0 size character 2, graph 1
plot 'fig13-multi-teacher-adding-grid.dat' using 1:($8 == 1 ? $2 : NaN):3:4:5:6:10 with boxxyerror fs solid 1.0 noborder fc palette notitle, \
     NaN with boxes fs solid 1.0 noborder fc rgb "#fdae6b" title 'adding helps: a set beats every single modality (colour: size of the gain)', \
     'fig13-multi-teacher-adding-grid.dat' using 1:($7 == 1 && $8 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#c6dbef" title 'adding does not help: the best single modality teaches as well or better', \
     'fig13-multi-teacher-adding-grid.dat' using 1:($7 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#8c8c8c" title 'invalid: covariance not positive definite (531 points)', \
     $boundary using 1:2 with lines lw 2.5 lc rgb "black" title 'CCH boundary I(T_{A}, T_{B}; S) = I(S;Y); CCH predicts a gain where I(T_{A}, T_{B}; S) > I(S;Y)'
