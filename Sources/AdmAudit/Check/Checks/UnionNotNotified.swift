/// LC-01: a dismissal without prior notice to the union.
///
/// Applies to decisions of type `dismissal` with an adverse outcome, automated or not
/// (LCL 43 binds every unilateral termination by the employer, whoever decided it).
/// Flags the record when `union_notified` is no; when `union_notified` is empty the
/// notice is not recorded, and since LCL 43 puts the duty on the employer that counts as
/// a violation, marked as such. `union_notified` yes is compliant.
/// Other decision types, and favourable outcomes, are not applicable. Does not judge
/// whether the notice came early enough, nor what the union answered (the export does
/// not carry either), nor whether the termination was unilateral: a dismissal agreed by
/// both parties needs no notice, and the export should not call it a dismissal.
public struct UnionNotNotified: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "LC-01",
        severity: .error,
        titleEnglish: "Dismissal without prior notice to the union",
        titleChinese: "解除劳动合同未事先通知工会",
        legalBasis: [Instruments.lcl.cite("43")],
        notRecordedIsViolation: true,
        notRecordedEnglish: "that the union was notified before the dismissal",
        notRecordedChinese: "解除劳动合同前已通知工会"
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard record.decisionType == .dismissal, record.outcome == .adverse else { return .notApplicable }
        switch record.unionNotified {
        case true?: return .compliant
        case false?:
            return .violation(.unionNotNotified)
        case nil:
            return .violationNotRecorded(.unionNotificationNotRecorded(unionNotified: context.absence(of: .unionNotified, in: record)))
        }
    }
}
