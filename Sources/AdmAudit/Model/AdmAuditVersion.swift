/// The tool's version, printed in every report (chain of custody).
public enum AdmAuditVersion {
    public static let current = "0.1.0"
}
