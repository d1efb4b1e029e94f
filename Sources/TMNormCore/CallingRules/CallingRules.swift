import Foundation

/// Calling-time decisions: the statutory rule in force at the moment, narrowed by an optional industry norm.
///
/// All questions are about Oslo wall-clock time. A moment is judged by the versions in force on its Oslo
/// date (the law and the norm version), so a past moment is answered with the rules of that moment.
public struct CallingRules: Sendable {
    /// The statutory calling-time history used.
    public let statutory: [CallingTimeRuleSet]
    /// The caller-ID rule history used.
    public let callerID: [CallerIDRuleSet]

    public init(
        statutory: [CallingTimeRuleSet] = StatutoryCallingRules.history,
        callerID: [CallerIDRuleSet] = CallerIDRules.history
    ) {
        self.statutory = statutory
        self.callerID = callerID
    }

    /// The recorded Norwegian rules.
    public static let standard = CallingRules()

    /// Years (Oslo dates) the rules answer for: Oslo time is exact from 1980, the holidays end in 2100.
    public static let supportedYears = 1980...2100

    /// How far ahead `nextAllowed` is searched; only a norm closing nearly everything gets this far.
    public static let searchHorizonDays = 731

    /// Whether telephone marketing to consumers is allowed at `at`, why, and when it next is.
    public func decide(at: Date, norm: IndustryNorm? = nil) throws(CallingRulesError) -> CallingDecision {
        let local = OsloTime.localDateTime(of: at)
        let plan = try dayPlan(local.date, norm: norm)
        let reason = plan.reason(at: local.time)
        let next = reason == .ok ? at : nextAllowed(after: local, plan: plan, norm: norm)
        let text = CallingDecisionText(plan: plan, reason: reason, time: local.time, nextAllowed: next)
        var holiday: NorwegianHoliday? = nil
        var special: NorwegianSpecialDay? = nil
        switch plan.closure {
        case .holiday(let h): holiday = h
        case .normSpecialDay(let s): special = s
        default: break
        }
        return CallingDecision(
            at: at, local: local, allowed: reason == .ok, reason: reason, nextAllowed: next,
            ruleSetID: plan.law.id, statutoryInForce: plan.lawInForce,
            normName: norm?.name, normVersionID: plan.normVersion?.id,
            holiday: holiday, specialDay: special, hours: plan.hours,
            textNorwegian: text.norwegian, textEnglish: text.english)
    }

    /// `decide` with the recorded Norwegian rules.
    public static func decide(at: Date, norm: IndustryNorm? = nil) throws(CallingRulesError) -> CallingDecision {
        try standard.decide(at: at, norm: norm)
    }

    /// The allowed windows overlapping [from, to), each clipped to that span, in order.
    public func allowedWindows(from: Date, to: Date, norm: IndustryNorm? = nil) throws(CallingRulesError) -> [CallingWindow] {
        guard from <= to else { throw .endBeforeStart(start: OsloTime.iso8601(from), end: OsloTime.iso8601(to)) }
        let first = OsloTime.localDate(of: from)
        let last = OsloTime.localDate(of: to)
        return try windows(first, last, norm: norm).compactMap { w in
            let start = max(w.start, from)
            let end = min(w.end, to)
            return start < end ? CallingWindow(start: start, end: end) : nil
        }
    }

    /// The allowed windows on every Oslo date from `from` through `through` (both included), in order.
    public func allowedWindows(
        from: LocalDate, through: LocalDate, norm: IndustryNorm? = nil
    ) throws(CallingRulesError) -> [CallingWindow] {
        guard from <= through else { throw .endBeforeStart(start: from.iso8601, end: through.iso8601) }
        return try windows(from, through, norm: norm)
    }

    /// Static forms of `allowedWindows` with the recorded Norwegian rules.
    public static func allowedWindows(
        from: LocalDate, through: LocalDate, norm: IndustryNorm? = nil
    ) throws(CallingRulesError) -> [CallingWindow] {
        try standard.allowedWindows(from: from, through: through, norm: norm)
    }

    public static func allowedWindows(from: Date, to: Date, norm: IndustryNorm? = nil) throws(CallingRulesError) -> [CallingWindow] {
        try standard.allowedWindows(from: from, to: to, norm: norm)
    }

    // MARK: Internals

    private func windows(_ first: LocalDate, _ last: LocalDate, norm: IndustryNorm?) throws(CallingRulesError) -> [CallingWindow] {
        var result: [CallingWindow] = []
        var day = first
        while day <= last {
            if let w = try dayPlan(day, norm: norm).window { result.append(w) }
            day = day.next
        }
        return result
    }

    func dayPlan(_ date: LocalDate, norm: IndustryNorm?) throws(CallingRulesError) -> CallingDayPlan {
        guard Self.supportedYears.contains(date.year) else {
            throw .outOfSupportedRange(date, supported: Self.supportedYears)
        }
        do { return try CallingDayPlan(date: date, statutory: statutory, norm: norm) } catch {
            throw .outOfSupportedRange(date, supported: Self.supportedYears)
        }
    }

    /// The first allowed moment after a refused local time: later the same day, else the next open day.
    private func nextAllowed(after local: LocalDateTime, plan: CallingDayPlan, norm: IndustryNorm?) -> Date? {
        if let hours = plan.hours, local.time < hours.opens {
            return OsloTime.instant(for: LocalDateTime(date: local.date, time: hours.opens))
        }
        var day = local.date
        for _ in 0..<Self.searchHorizonDays {
            day = day.next
            guard let next = try? dayPlan(day, norm: norm) else { return nil }
            if let w = next.window { return w.start }
        }
        return nil
    }
}
