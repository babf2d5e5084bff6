# fig13-multi-teacher-adding-agreement.gp: written by cchsim 0.1.0 from Scenarios/fig13-multi-teacher.toml (scenario fig13-multi-teacher).
# Reads fig13-multi-teacher-adding-grid.dat; draws fig13-multi-teacher-adding-agreement.png. Render again with: gnuplot fig13-multi-teacher-adding-agreement.gp
# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e "format='pdf'" fig13-multi-teacher-adding-agreement.gp
if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'fig13-multi-teacher-adding-agreement.'.format
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
set title 'Does CCH on the teacher set predict when adding a modality helps?'."\n".'{/*0.85 teacher modalities A, B, student S and label Y: scalar, unit variances, ρ_{sy} = 0.3, ρ(T_{A}, S) = 0.2, ρ(T_{A}, Y) = 0.5, ρ(T_{B}, S) = 0.2}'."\n".'{/*0.85 teacher: prediction target θ'."'".'T, oracle θ, teacher set A+B}'."\n".'{/*0.85 student: n = 20, OLS, KD weight λ = 0.3}'."\n".'{/*0.85 adding helps: a teacher on several modalities has a larger best gain G(λ*) than every single one;}'."\n".'{/*0.85 CCH predicts it: its choice (the teacher set J of largest gap I(T_J; S) − I(S;Y)) has several modalities and a gap > 0}'."\n".'{/*0.85 CCH is right at 683 of 990 valid points (69.0%)}'
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
unset colorbox
plot 'fig13-multi-teacher-adding-grid.dat' using 1:($11 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#1b7837" title 'CCH right: predicts that adding helps, it does (144 points)', \
     'fig13-multi-teacher-adding-grid.dat' using 1:($11 == 1 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#a6dba0" title 'CCH right: predicts no help from adding, none (539 points)', \
     'fig13-multi-teacher-adding-grid.dat' using 1:($11 == 2 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#e66101" title 'false alarm: CCH predicts that adding helps, it does not (244 points)', \
     'fig13-multi-teacher-adding-grid.dat' using 1:($11 == 3 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#5e3c99" title 'miss: CCH predicts no help from adding, it helps (63 points)', \
     'fig13-multi-teacher-adding-grid.dat' using 1:($7 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder fc rgb "#8c8c8c" title 'invalid: covariance not positive definite (531 points)', \
     $boundary using 1:2 with lines lw 2.5 lc rgb "black" title 'CCH boundary I(T_{A}, T_{B}; S) = I(S;Y); CCH predicts a gain where I(T_{A}, T_{B}; S) > I(S;Y)'
