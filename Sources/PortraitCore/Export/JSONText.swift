import Foundation

/// Writes JSON from dictionaries and arrays with keys sorted and two-space indentation, byte for byte
/// the same on every run. Hand-written because Foundation's sorted-key writer dominated large builds.
enum JSONText {
    static func pretty(_ value: Any) -> String {
        var output = ""
        output.reserveCapacity(4096)
        write(value, indent: 0, into: &output)
        output.append("\n")
        return output
    }

    /// No spaces or line breaks: for files browsers download, such as the search index.
    static func compact(_ value: Any) -> String {
        var output = ""
        output.reserveCapacity(4096)
        write(value, indent: nil, into: &output)
        output.append("\n")
        return output
    }

    /// `indent` nil writes compact JSON.
    private static func write(_ value: Any, indent: Int?, into output: inout String) {
        // Containers and text first: testing a Swift dictionary against a class such as NSNull bridges
        // it to an NSDictionary, which was a fifth of a large build.
        switch value {
        case let object as [String: Any]:
            if object.isEmpty { output.append("{}"); return }
            output.append(indent == nil ? "{" : "{\n")
            let inner = indent.map { String(repeating: " ", count: $0 + 2) } ?? ""
            for (index, key) in object.keys.sorted().enumerated() {
                output.append(inner)
                string(key, into: &output)
                output.append(indent == nil ? ":" : " : ")
                write(object[key]!, indent: indent.map { $0 + 2 }, into: &output)
                output.append(separator(last: index == object.count - 1, indent: indent))
            }
            output.append(indent.map { String(repeating: " ", count: $0) } ?? "")
            output.append("}")
        case let array as [Any]:
            if array.isEmpty { output.append("[]"); return }
            output.append(indent == nil ? "[" : "[\n")
            let inner = indent.map { String(repeating: " ", count: $0 + 2) } ?? ""
            for (index, element) in array.enumerated() {
                output.append(inner)
                write(element, indent: indent.map { $0 + 2 }, into: &output)
                output.append(separator(last: index == array.count - 1, indent: indent))
            }
            output.append(indent.map { String(repeating: " ", count: $0) } ?? "")
            output.append("]")
        case let text as String: string(text, into: &output)
        case let flag as Bool: output.append(flag ? "true" : "false")
        case let number as Int: output.append(String(number))
        case let number as Double: output.append(number.rounded() == number ? String(Int(number)) : String(number))
        case is NSNull: output.append("null")
        default:
            string(String(describing: value), into: &output)
        }
    }

    private static func separator(last: Bool, indent: Int?) -> String {
        switch (last, indent) {
        case (true, nil): return ""
        case (false, nil): return ","
        case (true, _): return "\n"
        case (false, _): return ",\n"
        }
    }

    private static func string(_ text: String, into output: inout String) {
        output.append("\"")
        // Most text needs no escape at all; copy it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }) {
            output.append(text)
            output.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            // Markup characters as escapes: the same JSON value, but never live HTML if a consumer slips.
            case "<": output.append("\\u003c")
            case ">": output.append("\\u003e")
            case "&": output.append("\\u0026")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}
