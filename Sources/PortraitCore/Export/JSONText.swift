/// A JSON value, typed so that writing it needs no dynamic casts. `generated` is an array whose
/// elements are made while it is written, a group at a time, so a large export never sits in memory
/// as a tree.
enum JSONValue {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])
    case generated(groups: Int, make: (Int) -> [JSONValue])

    subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let members) = self else { return nil }
            return members[key]
        }
        set {
            guard case .object(var members) = self else { return }
            self = .null  // let go of the dictionary first, so it is changed in place
            members[key] = newValue
            self = .object(members)
        }
    }

    var stringValue: String? { if case .string(let text) = self { text } else { nil } }
    var arrayValue: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
}

/// Anything that can stand in a JSON literal: text, numbers, flags, optionals (nil is null), lists and maps.
protocol JSONConvertible {
    var jsonValue: JSONValue { get }
}

extension JSONValue: JSONConvertible, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    var jsonValue: JSONValue { self }
    init(dictionaryLiteral elements: (String, any JSONConvertible)...) {
        self = .object(Dictionary(elements.map { ($0.0, $0.1.jsonValue) }) { _, last in last })
    }
    init(arrayLiteral elements: any JSONConvertible...) { self = .array(elements.map(\.jsonValue)) }
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(nilLiteral: ()) { self = .null }
}

extension String: JSONConvertible { var jsonValue: JSONValue { .string(self) } }
extension Int: JSONConvertible { var jsonValue: JSONValue { .number(self) } }
extension Bool: JSONConvertible { var jsonValue: JSONValue { .bool(self) } }
extension Optional: JSONConvertible where Wrapped: JSONConvertible {
    var jsonValue: JSONValue { self?.jsonValue ?? .null }
}
extension Array: JSONConvertible where Element: JSONConvertible {
    var jsonValue: JSONValue { .array(map(\.jsonValue)) }
}
extension Dictionary: JSONConvertible where Key == String, Value: JSONConvertible {
    var jsonValue: JSONValue { .object(mapValues(\.jsonValue)) }
}

/// Writes JSON with keys sorted, byte for byte the same on every run: pretty with two-space
/// indentation for exports people diff, compact for files browsers download.
enum JSONText {
    static func pretty(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter(pretty: true)
        writer.write(value, indent: 0)
        writer.output.append(0x0A)
        return writer.output
    }

    static func compact(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter(pretty: false)
        writer.write(value, indent: 0)
        writer.output.append(0x0A)
        return writer.output
    }

    /// JSON made piece by piece, for files too large to hold: the value is walked again each time
    /// the bytes are produced.
    static func stream(pretty: Bool, _ value: @escaping @Sendable () -> JSONValue) -> StreamedBytes {
        StreamedBytes { sink in
            withoutActuallyEscaping(sink) { sink in
                var writer = JSONWriter(pretty: pretty, sink: sink)
                writer.write(value(), indent: 0)
                writer.output.append(0x0A)
                writer.flush()
            }
        }
    }

    /// For JSON inside HTML, such as JSON-LD: markup characters are escaped like everywhere else.
    static func compactText(_ value: JSONValue) -> String {
        var writer = JSONWriter(pretty: false)
        writer.write(value, indent: 0)
        return String(decoding: writer.output, as: UTF8.self)
    }
}

private struct JSONWriter {
    let pretty: Bool
    var output: [UInt8] = []
    /// Receives the output in pieces; nil keeps everything in `output`.
    let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    static let pieceSize = 1 << 18

    init(pretty: Bool, sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        self.pretty = pretty
        self.sink = sink
        output.reserveCapacity(sink == nil ? 1024 : Self.pieceSize + 4096)
    }

    mutating func flush() {
        guard let sink, !output.isEmpty else { return }
        output.withUnsafeBufferPointer { sink($0) }
        output.removeAll(keepingCapacity: true)
    }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .string(let text): string(text)
        case .number(let number): output.append(contentsOf: String(number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .object(let members):
            if members.isEmpty { return output.append(contentsOf: "{}".utf8) }
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 2)
                string(key)
                output.append(contentsOf: (pretty ? " : " : ":").utf8)
                write(members[key]!, indent: indent + 2)
            }
            newline(indent)
            output.append(UInt8(ascii: "}"))
        case .array(let items):
            if items.isEmpty { return output.append(contentsOf: "[]".utf8) }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 2)
                write(item, indent: indent + 2)
            }
            newline(indent)
            output.append(UInt8(ascii: "]"))
        case .generated(let groups, let make):
            var first = true
            output.append(UInt8(ascii: "["))
            for group in 0..<groups {
                for item in make(group) {
                    if !first { output.append(UInt8(ascii: ",")) }
                    first = false
                    newline(indent + 2)
                    write(item, indent: indent + 2)
                }
                if output.count >= Self.pieceSize { flush() }
            }
            if first { return output.append(UInt8(ascii: "]")) }
            newline(indent)
            output.append(UInt8(ascii: "]"))
        }
    }

    private mutating func newline(_ indent: Int) {
        guard pretty else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: indent))
    }

    private mutating func string(_ text: String) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                let escape: StaticString
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                // Markup characters as escapes: the same JSON value, but never live HTML if a consumer slips.
                case 0x3C: escape = "\\u003c"
                case 0x3E: escape = "\\u003e"
                case 0x26: escape = "\\u0026"
                case 0..<0x20: escape = ""
                default: continue
                }
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                if escape.utf8CodeUnitCount > 0 {
                    escape.withUTF8Buffer { output.append(contentsOf: $0) }
                } else {
                    let hex = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: "\\u00".utf8)
                    output.append(hex[Int(byte >> 4)])
                    output.append(hex[Int(byte & 0x0F)])
                }
                runStart = index + 1
            }
            if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        output.append(UInt8(ascii: "\""))
    }
}
