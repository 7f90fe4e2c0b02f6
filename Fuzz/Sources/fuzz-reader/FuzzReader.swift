import FuzzEntryPoints

/// libFuzzer's entry: one input through the reader target (see FuzzEntryPoints).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntryPoints.run(.reader, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
