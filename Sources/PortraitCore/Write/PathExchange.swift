import CPathExchange

enum PathExchange {
    /// False where the file system or kernel cannot exchange atomically; the caller then renames twice.
    static func exchange(_ first: String, _ second: String) -> Bool {
        portrait_exchange_paths(first, second) == 0
    }
}
