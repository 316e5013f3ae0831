/// A YAML value with the place it was written, so decoding errors can point at it.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        /// `plain` is false for quoted and block scalars: only plain scalars may be read as numbers or booleans.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var kind: Kind
    public var line: Int
    public var column: Int
    /// Nodes in this subtree; aliases are charged this much against the expansion limit.
    var weight: Int

    public var typeName: String {
        switch kind {
        case .scalar(let text, let plain):
            if plain && text.isEmpty { return "nothing" }
            if plain && YAMLScalar.bool(text) != nil { return "true/false" }
            if plain && Int(text) != nil { return "a number" }
            return "text"
        case .sequence: return "a list"
        case .mapping: return "a set of keys"
        }
    }

    public var isNull: Bool {
        if case .scalar(let text, plain: true) = kind { return YAMLScalar.isNull(text) }
        return false
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public var keyText: String {
        if case .scalar(let text, _) = key.kind { return text }
        return ""
    }
}

/// YAML 1.2 core-schema resolution for plain scalars.
enum YAMLScalar {
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}
