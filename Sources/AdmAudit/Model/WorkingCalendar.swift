/// Which local days are working days: the usual working week, minus public holidays, plus
/// make-up working days on weekends.
///
/// Days are local day numbers (days since 1970-01-01 in the pipeline's time zone, as
/// `LocalCalendar` gives them). Answers whether a day is a working day and, if not,
/// why; how many working days lie between two days; and which day is n working days
/// after another, for deadlines counted in working days (工作日). A day is wholly working
/// or wholly not: no working hours, shifts, a worker's own roster or leave. It knows only
/// the holidays it holds: `china` holds the State Council notices of
/// `ChinaHolidays.years` and is a plain Monday–Friday week outside them, so a report
/// should say when a date falls outside `coveredYears`.
///
/// Days are clamped to `supportedDays` (about ±2.7 million years around 1970), so that
/// arithmetic on absurd input neither overflows nor runs long.
public struct WorkingCalendar: Sendable, Equatable {
    /// ISO weekdays, 1 Monday … 7 Sunday.
    public var workDays: Set<Int> { didSet { indexExceptions() } }
    /// Local day numbers that are days off although their weekday is a working day (or any day in a holiday block).
    public var holidays: Set<Int64> { didSet { indexExceptions() } }
    /// Local day numbers that are working days although their weekday is not. A day that
    /// is also in `holidays` is a working day.
    public var makeUpWorkdays: Set<Int64> { didSet { indexExceptions() } }
    /// Days off that are statutory holidays (China's 法定节假日, worked at 300 % rather than a rest
    /// day's 200 %): a subset of the days off; a day also in `makeUpWorkdays` is not one.
    public var statutoryHolidays: Set<Int64>
    /// The years whose notices this calendar holds, for a report to say when a date falls outside them (nil for a plain week).
    public var coveredYears: ClosedRange<Int>?

    /// Days whose weekday is a working day but which are not working, and days whose
    /// weekday is not but which are, each ascending: counting working days in a range is
    /// then the weekday count corrected by two binary searches.
    private var lostDays: [Int64] = []
    private var gainedDays: [Int64] = []
    private var workDaysPerWeek = 0

    /// The days this type computes over; days outside are taken as its nearest end.
    public static let supportedDays: ClosedRange<Int64> = -1_000_000_000...1_000_000_000

    public init(workDays: Set<Int> = [1, 2, 3, 4, 5], holidays: Set<Int64> = [], makeUpWorkdays: Set<Int64> = [],
                statutoryHolidays: Set<Int64> = [], coveredYears: ClosedRange<Int>? = nil) {
        self.workDays = workDays
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
        self.statutoryHolidays = statutoryHolidays
        self.coveredYears = coveredYears
        indexExceptions()
    }

    /// The calendar of mainland China: Monday–Friday, with every notice's days off and make-up
    /// days, and the statutory holidays among the days off.
    /// A malformed date in `ChinaHolidays` is skipped here and caught by its tests.
    public static let china: WorkingCalendar = {
        let day = { (text: String) in AsOfDate(text).map(LocalCalendar.day(of:)) }
        return WorkingCalendar(holidays: Set(ChinaHolidays.notices.flatMap { $0.daysOff.compactMap(day) }),
                               makeUpWorkdays: Set(ChinaHolidays.notices.flatMap { $0.makeUpWorkdays.compactMap(day) }),
                               statutoryHolidays: Set(ChinaHolidays.statutoryDays.compactMap(day)),
                               coveredYears: ChinaHolidays.years)
    }()

    /// A day off in `holidays`, or a day whose weekday is not a working day.
    public enum RestReason: Sendable, Equatable { case holiday, restDay }

    /// A make-up workday is working; otherwise a holiday is not; otherwise the weekday decides.
    public func isWorkingDay(_ day: Int64) -> Bool {
        if makeUpWorkdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return workDays.contains(LocalCalendar.weekday(ofDay: day))
    }

    /// A statutory holiday that is not a working day (a pipeline can make any day one).
    public func isStatutoryHoliday(_ day: Int64) -> Bool {
        statutoryHolidays.contains(day) && !isWorkingDay(day)
    }

    /// Why a day is not a working day (.holiday when it is in `holidays`, else .restDay),
    /// or nil for a working day.
    public func restReason(_ day: Int64) -> RestReason? {
        if isWorkingDay(day) { return nil }
        return holidays.contains(day) ? .holiday : .restDay
    }

    /// Working days in [from, to) (local day numbers), for deadlines counted in working
    /// days; 0 when `to` is not after `from`.
    public func workingDays(from: Int64, to: Int64) -> Int {
        let bounds = Self.supportedDays.lowerBound...(Self.supportedDays.upperBound + 1)
        let from = from.clamped(to: bounds), to = to.clamped(to: bounds)
        guard from < to else { return 0 }
        let weeks = (to - from) / 7
        var count = Int(weeks) * workDaysPerWeek
        var day = from + weeks * 7
        while day < to {
            if workDays.contains(LocalCalendar.weekday(ofDay: day)) { count += 1 }
            day += 1
        }
        return count - Self.count(lostDays, from: from, to: to) + Self.count(gainedDays, from: from, to: to)
    }

    /// The first working day on or after `day` that has at least `n` working days in
    /// (day, that day]. So n == 0 gives `day` itself if it is a working day, else the next
    /// working day; n >= 1 gives the n-th working day strictly after `day` (1 working day
    /// after a Friday is the next Monday, after a Saturday too). A negative n counts as 0.
    /// When too few working days are left before the end of `supportedDays` (a calendar
    /// with no working weekday), gives that end.
    public func addingWorkingDays(_ n: Int, to day: Int64) -> Int64 {
        let last = Self.supportedDays.upperBound
        let day = day.clamped(to: Self.supportedDays)
        // n == 0 asks for the first working day from `day` on: one working day in [day, result].
        let first = n > 0 ? day + 1 : day
        let needed = max(n, 1)
        guard first <= last else { return last }
        func enough(through end: Int64) -> Bool { workingDays(from: first, to: end + 1) >= needed }
        // Gallop to a day with enough working days, then bisect: both halve or double, so
        // at most about 2 × 31 steps over the supported range.
        var low = first, high = first, span: Int64 = 8
        while true {
            high = last - first < span ? last : first + span
            if enough(through: high) { break }
            if high == last { return last }
            low = high + 1
            span *= 2
        }
        while low < high {
            let middle = low + (high - low) / 2
            if enough(through: middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// This calendar with extra holidays / make-up days / statutory holidays added (a pipeline
    /// can add days). An added day wins over the other list (an added holiday on a make-up day
    /// makes it a day off); a day added to both is a make-up day, as `isWorkingDay` reads it. An
    /// added statutory holiday is a holiday too.
    public func adding(holidays: Set<Int64>, makeUpWorkdays: Set<Int64>, statutoryHolidays: Set<Int64> = []) -> WorkingCalendar {
        let holidays = holidays.union(statutoryHolidays)
        return WorkingCalendar(workDays: workDays,
                               holidays: self.holidays.subtracting(makeUpWorkdays).union(holidays),
                               makeUpWorkdays: self.makeUpWorkdays.subtracting(holidays).union(makeUpWorkdays),
                               statutoryHolidays: self.statutoryHolidays.union(statutoryHolidays),
                               coveredYears: coveredYears)
    }

    public static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool {
        a.workDays == b.workDays && a.holidays == b.holidays && a.makeUpWorkdays == b.makeUpWorkdays
            && a.statutoryHolidays == b.statutoryHolidays && a.coveredYears == b.coveredYears
    }

    private mutating func indexExceptions() {
        workDaysPerWeek = workDays.filter { (1...7).contains($0) }.count
        let workDays = workDays, makeUpWorkdays = makeUpWorkdays
        let weekdayWorks = { (day: Int64) in workDays.contains(LocalCalendar.weekday(ofDay: day)) }
        lostDays = holidays.filter { weekdayWorks($0) && !makeUpWorkdays.contains($0) }.sorted()
        gainedDays = makeUpWorkdays.filter { !weekdayWorks($0) }.sorted()
    }

    /// How many of the ascending `days` lie in [from, to).
    private static func count(_ days: [Int64], from: Int64, to: Int64) -> Int {
        firstIndex(in: days, notBelow: to) - firstIndex(in: days, notBelow: from)
    }

    private static func firstIndex(in days: [Int64], notBelow value: Int64) -> Int {
        var low = 0, high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

private extension Int64 {
    func clamped(to range: ClosedRange<Int64>) -> Int64 { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
