import Glibc

extension String {
    /// Whether `needle` occurs in the text, byte for byte. Foundation's `contains` goes through
    /// locale-aware NSString search, which showed up in profiles of large builds.
    func includes(_ needle: String) -> Bool {
        let direct = utf8.withContiguousStorageIfAvailable { text in
            needle.utf8.withContiguousStorageIfAvailable { Self.search(text, for: $0) }
        }
        if let direct, let found = direct { return found }
        var haystack = self, needle = needle
        return haystack.withUTF8 { text in needle.withUTF8 { Self.search(text, for: $0) } }
    }

    private static func search(_ text: UnsafeBufferPointer<UInt8>, for pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !pattern.isEmpty else { return true }
        guard text.count >= pattern.count, let textBase = text.baseAddress, let patternBase = pattern.baseAddress else { return false }
        // memchr to each candidate first byte, then memcmp: both vectorised in the C library.
        var offset = 0
        let last = text.count - pattern.count
        while offset <= last {
            guard let hit = memchr(textBase + offset, Int32(pattern[0]), last - offset + 1) else { return false }
            let position = textBase.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(textBase + position, patternBase, pattern.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }
}
