import Foundation

/// The daily counters the evaluation rollups keep (`evaluation_daily` rows): one name per counted thing.
/// Names are stable: they are stored, and the benchmark and the demo write them directly.
public enum EvaluationMetric {
    public static let washLists = "wash.lists"
    public static let washRows = "wash.rows"
    public static let washRejected = "wash.rejected"
    public static let decisions = "decision.total"
    public static let decisionsRefused = "decision.refused"
    public static let salesRegistered = "sale.registered"
    public static let offersSent = "offer.sent"
    public static let offersAccepted = "offer.accepted"
    public static let offersDeclined = "offer.declined"
    public static let offersExpired = "offer.expired"
    public static let withdrawals = "sale.withdrawn"
    public static let complaints = "complaint.received"
    public static let complaintsUpheld = "complaint.upheld"
    public static let complaintsDecided = "complaint.decided"
    /// Gauges: the value of the day, not a count of events (the period's value is its last day's).
    public static let approvedCentres = "authorization.approved"
    public static let registerPersons = "register.persons"
    public static let warnings = "authorization.warning"
    public static let suspensions = "authorization.suspension"
    public static let revocations = "authorization.revocation"

    /// Refused may-call decisions with a reason in `group` (a decision counts once per group).
    public static func decisionsRefused(_ group: RefusalGroup) -> String { "decision.refused." + group.rawValue }
    /// Complaints that name `reason` (raw complaint reason code).
    public static func complaints(reason: String) -> String { "complaint.reason." + reason }
    /// Accepted offers whose time from sending to acceptance fell in histogram bucket `index`.
    public static func acceptTimeBucket(_ index: Int) -> String { "offer.accept_hours.b\(index)" }

    /// Which metrics are gauges (summed over centres per day, then the last day of a period counts).
    public static func isGauge(_ metric: String) -> Bool { metric == approvedCentres || metric == registerPersons }
}

/// The reasons a may-call decision is refused, grouped the way the evaluation reports them.
public enum RefusalGroup: String, Sendable, CaseIterable, Hashable, Codable {
    /// The national reservation register (by number or by person).
    case register
    /// The client's or the call centre's own block list.
    case blockList = "block_list"
    /// Outside the calling times (weekend, holiday, evening, the norm's closed days).
    case callingTime = "calling_time"
    /// No valid wash of the campaign, or the number was not callable in it.
    case noValidWash = "no_valid_wash"
    /// Everything else: the number, the campaign, the engagement, failing closed.
    case other

    /// The group of a refusal reason; nil for reasons that only explain an allowed answer.
    public static func group(of reason: MayCallReason) -> RefusalGroup? {
        switch reason {
        case .ok, .exemptConsent, .exemptExistingCustomer: nil
        case .reservedPhone, .reservedPerson: .register
        case .clientBlockList, .callCentreBlockList: .blockList
        case .saturday, .sunday, .publicHoliday, .holidayEquivalent, .beforeOpening, .afterClosing, .normClosed: .callingTime
        case .noValidWash, .notInValidWash: .noValidWash
        case .invalidNumber, .foreignNumber, .specialNumber, .campaignNotActive, .campaignOutsidePeriod, .callerIDNotAllowed,
            .noEngagement, .registerUnavailable, .checkFailed:
            .other
        }
    }

    /// The groups of a refused decision's comma-separated reason codes, each once; unknown codes count as `other`.
    public static func groups(ofReasonList list: String) -> Set<RefusalGroup> {
        var groups: Set<RefusalGroup> = []
        for code in list.split(separator: ",") {
            let trimmed = code.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            if let reason = MayCallReason(rawValue: trimmed) {
                if let group = group(of: reason) { groups.insert(group) }
            } else {
                groups.insert(.other)
            }
        }
        return groups
    }

    public var phrase: (nb: String, en: String) {
        switch self {
        case .register: ("Reservasjonsregisteret", "Reservation register")
        case .blockList: ("Sperreliste", "Block list")
        case .callingTime: ("Ringetid", "Calling time")
        case .noValidWash: ("Ingen gyldig vask", "No valid wash")
        case .other: ("Annet", "Other")
        }
    }
}

/// Hours from sending an offer to its acceptance, as a histogram: the rollup keeps counts per bucket so the
/// median of any period can be estimated without the raw records.
public enum AcceptTimeHistogram {
    /// Upper bounds of the buckets in hours; the last bucket is open.
    public static let upperBounds: [Double] = [1, 2, 4, 8, 12, 24, 48, 72, 168]
    public static var bucketCount: Int { upperBounds.count + 1 }

    /// The bucket of a duration in hours (negative durations count as 0).
    public static func bucket(hours: Double) -> Int {
        let value = max(0, hours)
        return upperBounds.firstIndex { value < $0 } ?? upperBounds.count
    }

    /// The median estimated by linear interpolation inside the bucket that holds it; nil when empty.
    /// The open last bucket is taken as 168–336 hours.
    public static func median(counts: [Int]) -> Double? {
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        let half = Double(total) / 2
        var seen = 0
        for (index, count) in counts.enumerated() where count > 0 {
            if Double(seen + count) >= half {
                let lower = index == 0 ? 0 : upperBounds[min(index - 1, upperBounds.count - 1)]
                let upper = index < upperBounds.count ? upperBounds[index] : 336
                let fraction = (half - Double(seen)) / Double(count)
                return lower + (upper - lower) * fraction
            }
            seen += count
        }
        return nil
    }
}
