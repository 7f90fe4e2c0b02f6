/// A recoverable problem noticed on the way, for the report and the terminal.
public struct Diagnostic: Sendable, Equatable {
    public enum Level: String, Sendable { case note, warning }
    public var level: Level
    public var file: String?
    public var message: String
}
