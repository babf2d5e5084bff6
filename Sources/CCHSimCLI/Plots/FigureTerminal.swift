import CCHScenario

/// The gnuplot terminal of a figure in each format, at a size preset (docs/figures.md, "Formats"
/// and "Sizes").
///
/// Every script holds the terminal of every format and picks one from the gnuplot variable
/// `format` (`png` unless set, e.g. `gnuplot -e "format='pdf'" NAME.gp`), so one script draws
/// the whole set and does not depend on which formats a run asked for. A figure is laid out for
/// its screen size in pixels (`pixels`, the PNG cchsim has always drawn, 11-point text at 72
/// pixels per inch); the `column` and `page` presets keep its proportions at a print width, with
/// text a little larger relative to the figure so it stays legible when printed that small.
struct FigureTerminal {
    let size: FigureSize
    /// The figure's size at the screen preset, pixels (width, height).
    let pixels: (width: Int, height: Int)

    /// The font of every figure.
    static let font = "DejaVu Sans"

    /// Width (inches), text size (points) and relative height of a print preset; nil for screen.
    private var print: (width: Double, font: Double, stretch: Double)? {
        switch size {
        case .screen: nil
        case .column: (3.5, 6, 1.25)
        case .page: (7, 9, 1.1)
        }
    }

    /// Width and height in points (1/72 inch), and the text size in points.
    var points: (width: Double, height: Double, font: Double) {
        guard let print else { return (Double(pixels.width), Double(pixels.height), 11) }
        let width = 72 * print.width
        return (width, (width * Double(pixels.height) / Double(pixels.width) * print.stretch).rounded(), print.font)
    }

    /// PNG pixels per point: 1 on screen, 300 dots per inch in print.
    var pngScale: Double { size == .screen ? 1 : 300.0 / 72 }

    /// The script lines that choose the terminal from `format` and open `outfile` (default
    /// `NAME.<format>`).
    func lines(name: String) -> [String] {
        let p = points
        let s = pngScale
        var png = "set terminal pngcairo size \(Int((p.width * s).rounded())),\(Int((p.height * s).rounded())) enhanced "
            + "font \(GnuplotText.string("\(Self.font),\(PlotLabels.number(p.font * s))"))"
        if size != .screen { png += " linewidth \(PlotLabels.number(s))" }
        let fontSpec = GnuplotText.string("\(Self.font),\(PlotLabels.number(p.font))")
        let inches = "\(PlotLabels.number(p.width / 72))in,\(PlotLabels.number(p.height / 72))in"
        return [
            "if (!exists(\"format\")) format = 'png'",
            "if (!exists(\"outfile\")) outfile = \(GnuplotText.string(name + ".")).format",
            "if (format eq 'pdf') {",
            "    set terminal pdfcairo size \(inches) enhanced font \(fontSpec)",
            "} else {",
            "    if (format eq 'svg') {",
            "        set terminal svg size \(Int(p.width)),\(Int(p.height)) dynamic enhanced font \(fontSpec)",
            "    } else {",
            "        \(png)",
            "    }",
            "}",
        ]
    }
}
