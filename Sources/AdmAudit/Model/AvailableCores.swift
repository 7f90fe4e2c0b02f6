import Foundation

/// The cores this process may run on: the CPUs of its affinity mask (`taskset`, a container's
/// cpuset), never more than Foundation's count (which also reads a CPU quota). Foundation's
/// count alone is the machine's: pinned to one core, a run would split its file and put two
/// halves and their readers on it.
package enum AvailableCores {
    package static var count: Int {
        let active = ProcessInfo.processInfo.activeProcessorCount
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let inMask = allowed(status: status) else { return active }
        return max(1, min(active, inMask))
    }

    /// The CPUs in `Cpus_allowed:` of /proc/self/status (a hex mask in comma-separated
    /// words, `ff,ffffffff`), or nil when the line is not there or not a mask.
    package static func allowed(status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else { return nil }
        var count = 0
        for character in line.dropFirst("Cpus_allowed:".count) where character != "," && !character.isWhitespace {
            guard let nibble = character.hexDigitValue else { return nil }
            count += nibble.nonzeroBitCount
        }
        return count > 0 ? count : nil
    }
}
