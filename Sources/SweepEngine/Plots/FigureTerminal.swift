import CCHScenario
import Foundation

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

    /// Width (inches), text size (points), relative height, the scale of line widths, dash lengths
    /// and point sizes, and the legend's text size (points) and width correction (characters:
    /// gnuplot sizes the legend by the main font) of a print preset; nil for screen.
    private var print: (width: Double, font: Double, stretch: Double, lines: Double, points: Double, key: Double, keyWidth: Int)? {
        switch size {
        case .screen: nil
        case .column: (3.5, 6, 1.45, 0.6, 0.5, 4.5, -12)
        case .page: (7, 9, 1.1, 0.8, 0.7, 7.5, -12)
        }
    }

    /// Width and height in points (1/72 inch), and the text size in points. Print heights are whole
    /// quarter inches, so every format has exactly the same size (gnuplot keeps whole points only).
    var points: (width: Double, height: Double, font: Double) {
        guard let print else { return (Double(pixels.width), Double(pixels.height), 11) }
        let inches = (print.width * Double(pixels.height) / Double(pixels.width) * print.stretch * 4).rounded() / 4
        return (72 * print.width, 72 * inches, print.font)
    }

    /// PNG pixels per point: 1 on screen, 300 dots per inch in print.
    var pngScale: Double { size == .screen ? 1 : 300.0 / 72 }

    /// The script lines that choose the terminal from `format` and open `outfile` (default
    /// `NAME.<format>`); in print, the legend's text is smaller than the rest.
    func lines(name: String) -> [String] {
        let p = points
        let s = pngScale
        var png = "set terminal pngcairo size \(Int((p.width * s).rounded())),\(Int((p.height * s).rounded())) enhanced "
            + "font \(GnuplotText.string("\(Self.font),\(PlotLabels.number(p.font * s))"))"
        // Lines, dashes and points thinner and smaller in print (SVG has no point scale).
        var pdf = "", svg = ""
        if let print {
            let lines = "linewidth \(PlotLabels.number(print.lines)) dashlength \(PlotLabels.number(print.lines))"
            pdf = " fontscale 1 \(lines) pointscale \(PlotLabels.number(print.points))"
            svg = " \(lines)"
            png += " linewidth \(PlotLabels.number(print.lines * s)) dashlength \(PlotLabels.number(print.lines)) "
                + "pointscale \(PlotLabels.number(print.points * s))"
        }
        let fontSpec = GnuplotText.string("\(Self.font),\(PlotLabels.number(p.font))")
        let inches = "\(Self.decimal(p.width / 72))in,\(Self.decimal(p.height / 72))in"
        return [
            "if (!exists(\"format\")) format = 'png'",
            "if (!exists(\"outfile\")) outfile = \(GnuplotText.string(name + ".")).format",
            "if (format eq 'pdf') {",
            "    set terminal pdfcairo size \(inches) enhanced font \(fontSpec)\(pdf)",
            "} else {",
            "    if (format eq 'svg') {",
            "        set terminal svg size \(Int(p.width.rounded())),\(Int(p.height.rounded())) dynamic enhanced font \(fontSpec)\(svg)",
            "    } else {",
            "        \(png)",
            "    }",
            "}",
        ] + (print.map { ["set key font \(GnuplotText.string(",\(PlotLabels.number($0.key))")) width \($0.keyWidth)"] } ?? [])
    }

    /// `x` with at most two decimals and no trailing zeros.
    private static func decimal(_ x: Double) -> String {
        let text = String(format: "%.2f", x)
        return text.replacingOccurrences(of: "\\.?0+$", with: "", options: .regularExpression)
    }
}
