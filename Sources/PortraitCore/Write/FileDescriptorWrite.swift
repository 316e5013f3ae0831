import Glibc

/// Writes all of `bytes` to an open file, retrying short writes and interruptions.
/// Returns 0, or the errno that stopped it.
func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var offset = 0
    while offset < bytes.count {
        let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return errno == 0 ? EIO : errno }
        offset += count
    }
    return 0
}
