import AdmAudit
import Foundation
import Synchronization

/// One updating line on stderr while `run` reads: rows, MB/s, rejects so far, time left.
/// Only on a terminal (a log or a pipe gets nothing), only after the first second (a short
/// run shows none), redrawn twice a second, and cleared before the summary is printed.
/// The line holds numbers and words only, nothing from an export.
final class ProgressLine: @unchecked Sendable {
    private let progress: RunProgress
    private let language: ReportLanguage
    private let delay: Double
    private let stopped = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)

    private init(progress: RunProgress, language: ReportLanguage, delay: Double) {
        (self.progress, self.language, self.delay) = (progress, language, delay)
    }

    /// The line, drawing on its own thread, when stderr is a terminal; nil otherwise.
    /// `ADMAUDIT_PROGRESS_AFTER` (seconds) sets when it first shows, for tests.
    static func start(_ progress: RunProgress, language: ReportLanguage) -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let delay = ProcessInfo.processInfo.environment["ADMAUDIT_PROGRESS_AFTER"].flatMap(Double.init) ?? 1
        let line = ProgressLine(progress: progress, language: language, delay: max(0, delay))
        let thread = Thread { line.draw() }
        thread.start()
        return line
    }

    /// Stops the line and clears it; waits for its thread. Calling it again does nothing.
    func finish() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        stopped.signal()
        finished.wait()
    }

    private func draw() {
        let start = DispatchTime.now()
        var shown = false
        while stopped.wait(timeout: .now() + 0.5) == .timedOut {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            guard elapsed >= delay else { continue }
            write("\r" + Self.text(progress.snapshot, elapsed: elapsed, language: language) + "\u{1B}[K")
            shown = true
        }
        if shown { write("\r\u{1B}[K") }
        finished.signal()
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    /// `1,234,567 rows · 212 MB/s · 17 rejected · 0:42 left`.
    static func text(_ snapshot: RunProgress.Snapshot, elapsed: Double, language: ReportLanguage) -> String {
        let rate = elapsed > 0 ? Double(snapshot.bytes) / elapsed : 0
        let left: String
        if rate > 0, snapshot.totalBytes > snapshot.bytes {
            let seconds = Int((Double(snapshot.totalBytes - snapshot.bytes) / rate).rounded(.up))
            let two = LocalCalendar.two
            left = seconds >= 3600 ? "\(seconds / 3600):\(two(seconds / 60 % 60)):\(two(seconds % 60))" : "\(seconds / 60):\(two(seconds % 60))"
        } else {
            left = snapshot.totalBytes > snapshot.bytes ? "…" : "0:00"
        }
        let (rows, rejects, speed) = (grouped(snapshot.rows), grouped(snapshot.rejects), "\(Int((rate / 1_000_000).rounded()))")
        if snapshot.totalBytes > 0, snapshot.bytes >= snapshot.totalBytes {
            return language.text("\(rows) rows · \(rejects) rejected · read; computing the statistics and writing the reports",
                                 "已读 \(rows) 行 · 拒收 \(rejects) 行 · 读取完毕，正在计算统计量并写出报告")
        }
        return language.text("\(rows) rows · \(speed) MB/s · \(rejects) rejected · \(left) left",
                             "已读 \(rows) 行 · \(speed) MB/秒 · 拒收 \(rejects) 行 · 约剩 \(left)")
    }

    /// A count (never negative), 1234567 as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
