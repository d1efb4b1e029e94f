import Foundation

/// The human explanation of a calling-time decision, in Norwegian bokmål and English.
struct CallingDecisionText {
    let norwegian: String
    let english: String

    init(plan: CallingDayPlan, reason: CallingReason, time: LocalTime, nextAllowed: Date?) {
        let day = plan.date
        let nbDay = "\(day.weekday.norwegianName) \(day.norwegianFormatted)"
        let enDay = "\(day.weekday.englishName) \(day.iso8601)"
        var nb: String
        var en: String
        switch reason {
        case .ok:
            let hours = plan.hours?.description ?? ""
            nb = "Telefonsalg til forbrukere er tillatt \(nbDay) kl. \(time.formatted) (tillatt \(hours))."
            en = "Telephone marketing to consumers is allowed on \(enDay) at \(time.formatted) (allowed \(hours))."
        case .saturday, .sunday:
            nb = "Telefonsalg til forbrukere er ikke tillatt på \(day.weekday.norwegianName)er (markedsføringsloven § 14)."
            en = "Telephone marketing to consumers is not allowed on \(day.weekday.englishName)s (Marketing Control Act § 14)."
        case .publicHoliday, .holidayEquivalent:
            let nbName = Self.holidayName(plan, english: false)
            let enName = Self.holidayName(plan, english: true)
            let nbKind = reason == .publicHoliday ? "helligdager" : "dager som er likestilt med helligdager"
            let enKind = reason == .publicHoliday ? "public holidays" : "days treated as public holidays"
            nb = "Telefonsalg til forbrukere er ikke tillatt på \(nbKind): \(day.norwegianFormatted) er \(nbName)."
            en = "Telephone marketing to consumers is not allowed on \(enKind): \(day.iso8601) is \(enName)."
        case .beforeOpening:
            let opens = plan.lawHours?.opens.formatted ?? ""
            nb = "Telefonsalg til forbrukere er ikke tillatt før kl. \(opens) på \(day.weekday.norwegianName)er."
            en = "Telephone marketing to consumers is not allowed before \(opens) on \(day.weekday.englishName)s."
        case .afterClosing:
            if let closes = plan.lawHours?.closes.formatted {
                nb = "Telefonsalg til forbrukere er ikke tillatt fra kl. \(closes) på \(day.weekday.norwegianName)er."
                en = "Telephone marketing to consumers is not allowed from \(closes) on \(day.weekday.englishName)s."
            } else {
                nb = "Loven tillater ikke telefonsalg til forbrukere på \(day.weekday.norwegianName)er."
                en = "The law allows no telephone marketing to consumers on \(day.weekday.englishName)s."
            }
        case .normClosed:
            (nb, en) = Self.normText(plan)
        }
        if let nextAllowed, reason != .ok {
            let next = OsloTime.localDateTime(of: nextAllowed)
            nb += " Neste tillatte tidspunkt: \(next.date.weekday.norwegianName) \(next.date.norwegianFormatted) kl. \(next.time.formatted)."
            en += " Next allowed: \(next.date.weekday.englishName) \(next.date.iso8601) at \(next.time.formatted) (Oslo time)."
        } else if nextAllowed == nil {
            nb += " Ingen tillatte tidspunkter funnet de neste \(CallingRules.searchHorizonDays) dagene."
            en += " No allowed moment found in the next \(CallingRules.searchHorizonDays) days."
        }
        if !plan.lawInForce {
            nb +=
                " Merk: regelen gjelder fra \(plan.law.effectiveFrom.norwegianFormatted); ingen tidligere regel er registrert, så den er brukt som et forsiktig svar."
            en +=
                " Note: the rule applies from \(plan.law.effectiveFrom.iso8601); no earlier rule is recorded, so it is applied as the cautious answer."
        }
        norwegian = nb
        english = en
    }

    private static func holidayName(_ plan: CallingDayPlan, english: Bool) -> String {
        guard case .holiday(let h) = plan.closure else { return "" }
        return english ? h.englishName : h.norwegianName
    }

    private static func normText(_ plan: CallingDayPlan) -> (String, String) {
        let name = plan.normName ?? ""
        let nbNorm = "Bransjenormen «\(name)»"
        let enNorm = "The industry norm '\(name)'"
        let day = plan.date
        switch plan.closure {
        case .normSpecialDay(let s):
            return (
                "\(nbNorm) tillater ikke telefonsalg på \(s.norwegianName.lowercased()) (\(day.norwegianFormatted)).",
                "\(enNorm) allows no telephone marketing on \(s.englishName) (\(day.iso8601))."
            )
        case .normClosedDate:
            return (
                "\(nbNorm) tillater ikke telefonsalg \(day.norwegianFormatted).",
                "\(enNorm) allows no telephone marketing on \(day.iso8601)."
            )
        case .normWeekday(let w), .lawWeekday(let w):
            return (
                "\(nbNorm) tillater ikke telefonsalg på \(w.norwegianName)er.",
                "\(enNorm) allows no telephone marketing on \(w.englishName)s."
            )
        case .normHoursOutsideLaw, .none:
            guard let hours = plan.normHours else { fallthrough }
            return (
                "\(nbNorm) tillater bare telefonsalg kl. \(hours) på \(day.weekday.norwegianName)er.",
                "\(enNorm) allows telephone marketing only \(hours) on \(day.weekday.englishName)s."
            )
        default:
            return ("\(nbNorm) tillater ikke telefonsalg nå.", "\(enNorm) allows no telephone marketing now.")
        }
    }
}
