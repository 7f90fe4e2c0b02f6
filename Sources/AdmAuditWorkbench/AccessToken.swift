/// The one-time token that `admaudit serve` prints in its URL: whoever holds it may use the
/// workbench, no one else (another user of the machine can reach 127.0.0.1 too).
///
/// 32 random bytes from the system's generator, as hex. Compared in constant time, so the
/// time a wrong guess takes says nothing of how much of it was right.
public struct AccessToken: Sendable, Equatable {
    public let text: String

    public init() {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for _ in 0..<32 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 15)])
        }
        text = String(decoding: bytes, as: UTF8.self)
    }

    /// A given token (tests).
    public init(text: String) { self.text = text }

    /// Whether `candidate` is this token: every byte compared whatever the first difference.
    public func matches(_ candidate: String?) -> Bool {
        guard let candidate else { return false }
        let a = Array(text.utf8), b = Array(candidate.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<a.count { difference |= a[index] ^ (index < b.count ? b[index] : 0) }
        return difference == 0
    }
}
