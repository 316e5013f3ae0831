/// What a template can read: text, a flag, a number, a list or a set of named values.
/// Typed rather than `Any`, so looking a name up never needs a dynamic cast.
public enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case number(Int)
    case list([TemplateValue])
    case object(TemplateObject)

    public init(_ text: String) { self = .text(text) }

    public subscript(key: String) -> TemplateValue? {
        get {
            guard case .object(let values) = self else { return nil }
            return values[key]
        }
        set {
            guard case .object(var values) = self else { return }
            self = .text("")  // drop the reference first, so the dictionary is changed in place
            values[key] = newValue
            self = .object(values)
        }
    }

    /// The text a value shows when printed, as the Mustache reference prints it.
    var printed: String? {
        switch self {
        case .text(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return String(number)
        case .list, .object: return nil
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

extension TemplateValue {
    /// The same tree as plain Swift values, for tools that read `Any` (the reference renderer in tests).
    public var plain: Any {
        switch self {
        case .text(let text): return text
        case .bool(let flag): return flag
        case .number(let number): return number
        case .list(let items): return items.map(\.plain)
        case .object(let values): return Dictionary(values.entries.map { ($0.key, $0.value.plain) }) { _, last in last }
        }
    }

    /// Every key anywhere in the tree; tests use it to keep the template vocabulary complete.
    func collectKeys(into keys: inout Set<String>) {
        switch self {
        case .list(let items): for item in items { item.collectKeys(into: &keys) }
        case .object(let values):
            for entry in values.entries {
                keys.insert(entry.key)
                entry.value.collectKeys(into: &keys)
            }
        default: break
        }
    }
}

/// Named values in the order they were given. Most objects a page is made of are small (a list
/// item's text and id, a card's ten fields) and are made for one page and read a few times, so they
/// are an array searched in order: making one is a single allocation with no hashing, where a
/// dictionary hashed every key twice. The few large ones (the interface text, with a hundred keys)
/// also get an index.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    public struct Entry: Sendable {
        public var key: String
        public var value: TemplateValue
    }

    public private(set) var entries: [Entry]
    private var index: [String: Int]?
    private static let indexedSize = 24

    /// The keys must differ, as in a dictionary literal; they are not searched for twins.
    public init(_ pairs: [(String, TemplateValue)]) {
        entries = pairs.map { Entry(key: $0.0, value: $0.1) }
        if entries.count >= Self.indexedSize { buildIndex() }
    }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(elements) }

    public init(_ dictionary: [String: TemplateValue]) {
        entries = dictionary.map { Entry(key: $0.key, value: $0.value) }
        if entries.count >= Self.indexedSize { buildIndex() }
    }

    private mutating func buildIndex() {
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() { index[entry.key] = position }
        self.index = index
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        // Lengths first: reading a length is cheap, and most keys that differ differ in length, where
        // comparing the text itself goes through the general string comparison.
        let length = key.utf8.count
        return entries.firstIndex { $0.key.utf8.count == length && $0.key == key }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(key: String) -> TemplateValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let found = position(of: key) {
                if let newValue {
                    entries[found].value = newValue
                } else {
                    entries.remove(at: found)
                    if index != nil { buildIndex() }
                }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
                if index != nil {
                    index![key] = entries.count - 1
                } else if entries.count >= Self.indexedSize {
                    buildIndex()
                }
            }
        }
    }
}
