/// What a template can read: text, a flag, a number, a list or a set of named values.
/// Typed rather than `Any`, so looking a name up is a dictionary read and never a dynamic cast.
public enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case number(Int)
    case list([TemplateValue])
    case object([String: TemplateValue])

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
        self = .object(Dictionary(elements) { _, last in last })
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
        case .object(let values): return values.mapValues(\.plain)
        }
    }

    /// Every key anywhere in the tree; tests use it to keep the template vocabulary complete.
    func collectKeys(into keys: inout Set<String>) {
        switch self {
        case .list(let items): for item in items { item.collectKeys(into: &keys) }
        case .object(let values):
            for (key, value) in values {
                keys.insert(key)
                value.collectKeys(into: &keys)
            }
        default: break
        }
    }
}
