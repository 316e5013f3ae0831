// libFuzzer entry point for the front matter splitter and the YAML inside it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText.decode(bytes, file: "fuzz.md"),
          let parts = try? FrontMatter.split(text, file: "fuzz.md") else { return 0 }
    if let yaml = parts.yaml { _ = try? YAMLLoader(file: "fuzz.md", lineOffset: parts.yamlFirstLine - 1).load(yaml) }
    return 0
}
