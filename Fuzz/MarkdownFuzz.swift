// libFuzzer entry point for the Markdown renderer, with its tree rewriting and link resolution.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText.decode(bytes, file: "fuzz.md") else { return 0 }
    let renderer = MarkdownRenderer(allowRawHTML: size % 2 == 0) { target, _ in target.hasPrefix("a") ? "/a/" : nil }
    var ids = HeadingIDs(reserved: ["main"])
    _ = renderer.render(MarkdownSource(text: text, file: "fuzz.md", firstLine: 1), ids: &ids)
    return 0
}
