import FuzzEntryPoints
import Foundation

/// libFuzzer's entry: one input through the state target (see FuzzEntryPoints).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntryPoints.run(.state, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// libFuzzer calls this once before reading the corpus: with `ADMAUDIT_FUZZ_SEEDS` set to a
/// folder, the state files of the fixture shards, as this build writes them, are put there
/// as seeds (`scripts/fuzz` points it at the corpus), so the seeds follow the state format.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
    guard let folder = ProcessInfo.processInfo.environment["ADMAUDIT_FUZZ_SEEDS"] else { return 0 }
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (index, state) in FuzzEntryPoints.seedStates().enumerated() {
        FileManager.default.createFile(atPath: "\(folder)/shard_\(index + 1).state.json", contents: Data(state))
    }
    return 0
}
