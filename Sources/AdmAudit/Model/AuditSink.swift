/// Where findings and rejects go as they are found: files for `run`, counters for
/// `validate`. Streaming them keeps memory flat however many there are.
public protocol AuditSink: AnyObject {
    func finding(_ finding: Finding) throws(AuditError)
    func reject(_ reject: Reject) throws(AuditError)

    /// A sink for a later part of the file being read, audited at the same time on another
    /// thread (`SplitAudit`); its findings and rejects go after this sink's (`appendPart`).
    /// nil: this sink takes no parts, and files are audited in one piece.
    func makePart() throws(AuditError) -> (any AuditSink)?
    /// Adds a part's findings and rejects after this sink's own, and disposes of the part.
    func appendPart(_ part: any AuditSink) throws(AuditError)
    /// Forgets every finding and reject so far, and disposes of `part`: the split did not
    /// hold and the file is audited again in one piece.
    func discard(part: any AuditSink) throws(AuditError)
    /// Forgets every finding and reject so far: the inputs are read again from the start
    /// (an id repeated beyond the id table, found after the first reading).
    func restart() throws(AuditError)
    /// The reading has ended: what is written so far may go to disk while the run closes.
    func readingEnded() throws(AuditError)
}

extension AuditSink {
    public func makePart() throws(AuditError) -> (any AuditSink)? { nil }
    public func appendPart(_ part: any AuditSink) throws(AuditError) {}
    public func discard(part: any AuditSink) throws(AuditError) {}
    public func readingEnded() throws(AuditError) {}
}
