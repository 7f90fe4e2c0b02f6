import FuzzEntryPoints

/// libFuzzer's entry: one input through the pipeline target (see FuzzEntryPoints).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntryPoints.run(.pipeline, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
