import Foundation

/// The home page's Portrait wheel: one linked slice per competency, in its colour, drawn as inline SVG
/// so it needs no image file and each slice is a real, focusable link with a text name.
enum PortraitGraphic {
    static func svg(title: String, competencies: [(title: String, headline: String, color: String, url: String, icon: String?)]) -> String {
        let count = max(competencies.count, 1)
        let center = (x: 330.0, y: 210.0)
        let outer = 155.0, inner = 78.0, labelRadius = 177.0
        func point(_ radius: Double, _ angle: Double) -> String {
            "\(tenths(center.x + radius * cos(angle))) \(tenths(center.y + radius * sin(angle)))"
        }
        let names = competencies.map(\.title).joined(separator: ", ")
        var svg = """
        <svg class="portrait-wheel" viewBox="0 0 660 420" aria-labelledby="wheel-title wheel-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="wheel-title">\(escape(title))</title>
        <desc id="wheel-desc">A wheel of \(competencies.count) competencies: \(escape(names)). Each slice links to its page.</desc>

        """
        for (index, competency) in competencies.enumerated() {
            let start = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            let end = -Double.pi / 2 + 2 * Double.pi * Double(index + 1) / Double(count)
            let middle = (start + end) / 2
            let large = end - start > Double.pi ? 1 : 0
            let path = count == 1
                ? "M \(point(outer, -Double.pi / 2)) A \(Int(outer)) \(Int(outer)) 0 1 1 \(point(outer, -Double.pi / 2 - 0.001)) Z"
                : "M \(point(outer, start)) A \(Int(outer)) \(Int(outer)) 0 \(large) 1 \(point(outer, end)) L \(point(inner, end)) A \(Int(inner)) \(Int(inner)) 0 \(large) 0 \(point(inner, start)) Z"
            let labelX = center.x + labelRadius * cos(middle)
            let labelY = center.y + labelRadius * sin(middle)
            let anchor = abs(cos(middle)) < 0.2 ? "middle" : (cos(middle) > 0 ? "start" : "end")
            let iconPoint = (x: center.x + (outer + inner) / 2 * cos(middle), y: center.y + (outer + inner) / 2 * sin(middle))
            svg += "<a href=\"\(escape(competency.url))\" aria-label=\"\(escape(competency.title)): \(escape(competency.headline))\">"
            svg += "<path d=\"\(path)\" fill=\"\(escape(competency.color))\" stroke=\"#ffffff\" stroke-width=\"3\"/>"
            if let icon = competency.icon {
                svg += "<text x=\"\(tenths(iconPoint.x))\" y=\"\(tenths(iconPoint.y))\" class=\"wheel-icon\" text-anchor=\"middle\" dominant-baseline=\"central\" aria-hidden=\"true\">"
                svg += "\(escape(icon))</text>"
            }
            svg += "<text x=\"\(tenths(labelX))\" y=\"\(tenths(labelY))\" class=\"wheel-label\" text-anchor=\"\(anchor)\" dominant-baseline=\"central\" aria-hidden=\"true\">"
            svg += "\(escape(competency.title))</text></a>\n"
        }
        svg += "<text x=\"\(tenths(center.x))\" y=\"\(tenths(center.y))\" class=\"wheel-center\" text-anchor=\"middle\" dominant-baseline=\"central\" aria-hidden=\"true\">"
        svg += "\(escape(title))</text>\n</svg>"
        return svg
    }

    /// A coordinate with one decimal, as "%.1f" writes it; formatting through Foundation took most of
    /// the wheel's time on a site with hundreds of competencies.
    static func tenths(_ value: Double) -> String {
        let scaled = value * 10
        // Multiplying can round onto a half that the exact value is not on; the fused remainder says
        // which side it is really on, so ties are decided as printf decides them.
        let remainder = (-scaled).addingProduct(value, 10)
        var rounded = scaled.rounded(.toNearestOrEven)
        if remainder != 0, abs(scaled - scaled.rounded(.towardZero)) == 0.5 {
            rounded = remainder > 0 ? scaled.rounded(.up) : scaled.rounded(.down)
        }
        let units = Int(rounded.magnitude)
        return (value.sign == .minus ? "-" : "") + String(units / 10) + "." + String(units % 10)
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
