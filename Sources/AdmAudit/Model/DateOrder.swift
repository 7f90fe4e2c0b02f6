/// Order of day and month in numeric dates whose year comes last (`7/3/2025`).
public enum DateOrder: String, Sendable, CaseIterable { case ymd, dmy, mdy }
