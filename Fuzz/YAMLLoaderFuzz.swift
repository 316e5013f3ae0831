// libFuzzer entry point for the YAML loader: any bytes must give a tree or a Diagnostic, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText.decode(bytes, file: "fuzz.yml") else { return 0 }
    _ = try? YAMLLoader(file: "fuzz.yml").load(text)
    return 0
}
