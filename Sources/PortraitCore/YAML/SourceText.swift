import Foundation

/// Turns a file's bytes into text the loaders can trust, refusing what a hand editor cannot see.
public enum SourceText {
    /// Content files are hand-written; anything this large is a mistake or an attack on memory.
    public static let maximumBytes = 2 * 1024 * 1024

    public static func decode(_ bytes: [UInt8], file: String) throws(Diagnostic) -> String {
        if bytes.count > maximumBytes {
            throw .error(
                at: SourceLocation(file: file, line: 1, column: 1),
                "file is \(bytes.count / 1024) KiB, larger than the \(maximumBytes / 1024 / 1024) MiB limit",
                suggestion: "split it into smaller files")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw .error(
                at: SourceLocation(file: file, line: 1, column: 1),
                "file starts with a byte-order mark",
                suggestion: "save it as UTF-8 without BOM")
        }
        if String(validating: bytes, as: UTF8.self) == nil, let offset = firstInvalidUTF8Offset(bytes) {
            throw .error(
                at: location(ofByte: offset, in: bytes, file: file),
                "file is not valid UTF-8",
                suggestion: "save it with UTF-8 encoding")
        }
        if bytes.contains(0) {
            let offset = bytes.firstIndex(of: 0)!
            throw .error(at: location(ofByte: offset, in: bytes, file: file), "file contains a NUL character")
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if bytes.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for continuation in bytes[(index + 1)..<(index + length)] where continuation & 0xC0 != 0x80 {
                return index
            }
            if length == 3 {
                let second = bytes[index + 1]
                if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) { return index }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { return index }
            }
            index += length
        }
        return nil
    }

    static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
