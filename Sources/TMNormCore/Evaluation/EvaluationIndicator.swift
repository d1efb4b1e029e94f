import Foundation

/// How an indicator's value for a period comes out of the daily counters.
public enum EvaluationFormula: Sendable, Hashable {
    /// The sum of a counter over the period.
    case count(String)
    /// `numerator / denominator × scale` over the period (100 for a percentage, 1 000 for "per 1 000").
    case ratio(numerator: String, denominator: String, scale: Double)
    /// The counter's value on the last day of the period that has one (register size, approved centres).
    case gauge(String)
    /// The median hours from sending to acceptance, from the histogram counters.
    case medianAcceptHours

    /// Every counter the formula reads.
    public var metrics: [String] {
        switch self {
        case .count(let m), .gauge(let m): [m]
        case .ratio(let n, let d, _): [n, d]
        case .medianAcceptHours: (0..<AcceptTimeHistogram.bucketCount).map(EvaluationMetric.acceptTimeBucket)
        }
    }

    /// The counter whose size decides suppression: the denominator of a ratio, the count itself, the
    /// accepted offers behind a median. Gauges are never suppressed (they count centres or the register).
    public var basisMetric: String? {
        switch self {
        case .count(let m): m
        case .ratio(_, let d, _): d
        case .gauge: nil
        case .medianAcceptHours: EvaluationMetric.offersAccepted
        }
    }
}

/// The unit an indicator is measured in.
public enum EvaluationUnit: String, Sendable, Hashable, Codable {
    case count
    case percent
    case perThousand = "per_1000"
    case hours

    public var symbol: (nb: String, en: String) {
        switch self {
        case .count: ("antall", "count")
        case .percent: ("%", "%")
        case .perThousand: ("per 1 000", "per 1,000")
        case .hours: ("timer", "hours")
        }
    }
}

/// Which section of the dashboard an indicator belongs to.
public enum EvaluationTopic: String, Sendable, CaseIterable, Hashable {
    case washing, mayCall = "may_call", offers, complaints, authorization, register
}

/// One indicator of the evaluation: stable name (the API's `indicator=`), unit, definition and formula.
public struct EvaluationIndicator: Sendable, Hashable {
    public let name: String
    public let unit: EvaluationUnit
    public let topic: EvaluationTopic
    public let titleNB: String
    public let titleEN: String
    public let definitionNB: String
    public let definitionEN: String
    public let formula: EvaluationFormula
    /// Where the raw records come from (the report's "data sources").
    public let source: String

    public func title(norwegian: Bool) -> String { norwegian ? titleNB : titleEN }
    public func definition(norwegian: Bool) -> String { norwegian ? definitionNB : definitionEN }
}

extension EvaluationIndicator {
    private static func make(
        _ name: String, _ unit: EvaluationUnit, _ topic: EvaluationTopic, _ formula: EvaluationFormula, source: String,
        title: (String, String), definition: (String, String)
    ) -> EvaluationIndicator {
        EvaluationIndicator(
            name: name, unit: unit, topic: topic, titleNB: title.0, titleEN: title.1, definitionNB: definition.0,
            definitionEN: definition.1, formula: formula, source: source)
    }

    private static func refusedShare(_ group: RefusalGroup, _ nb: String, _ en: String) -> EvaluationIndicator {
        make(
            "decisions_refused_\(group.rawValue)_share", .percent, .mayCall,
            .ratio(numerator: EvaluationMetric.decisionsRefused(group), denominator: EvaluationMetric.decisions, scale: 100),
            source: "may_call_decisions",
            title: ("Avslag: \(nb)", "Refused: \(en)"),
            definition: (
                "Andel av alle «kan jeg ringe?»-beslutninger i perioden som ble avslått med minst én grunn i gruppen «\(nb)». En beslutning med grunner i flere grupper telles i hver av dem.",
                "Share of all may-call decisions in the period refused with at least one reason in the group “\(en)”. A decision with reasons in several groups counts in each."
            ))
    }

    /// Every indicator, in the order the dashboard and the API list them.
    public static let all: [EvaluationIndicator] = [
        make(
            "rows_washed", .count, .washing, .count(EvaluationMetric.washRows), source: "washes",
            title: ("Rader vasket", "Rows washed"),
            definition: (
                "Antall rader i lister vasket mot reservasjonsregisteret og sperrelistene i perioden (etter vasketidspunkt, Europe/Oslo).",
                "Number of rows in lists washed against the reservation register and the block lists in the period (by time of wash, Europe/Oslo)."
            )),
        make(
            "rows_rejected_share", .percent, .washing,
            .ratio(numerator: EvaluationMetric.washRejected, denominator: EvaluationMetric.washRows, scale: 100), source: "washes",
            title: ("Andel rader avvist i vask", "Share of rows rejected in washing"),
            definition: (
                "Rader som ikke kan ringes etter vask (reservert, sperret eller ugyldig nummer), delt på alle vaskede rader i perioden.",
                "Rows that may not be called after washing (reserved, blocked or an invalid number), divided by all rows washed in the period."
            )),
        make(
            "decisions", .count, .mayCall, .count(EvaluationMetric.decisions), source: "may_call_decisions",
            title: ("«Kan jeg ringe?»-beslutninger", "May-call decisions"),
            definition: (
                "Antall svar på «kan jeg ringe dette nummeret nå?» gitt i perioden, fra API og nettsider.",
                "Number of answers to “may I call this number now?” given in the period, through the API and the web pages."
            )),
        make(
            "decisions_refused_share", .percent, .mayCall,
            .ratio(numerator: EvaluationMetric.decisionsRefused, denominator: EvaluationMetric.decisions, scale: 100),
            source: "may_call_decisions",
            title: ("Andel avslått", "Share refused"),
            definition: (
                "Avslåtte «kan jeg ringe?»-beslutninger delt på alle beslutninger i perioden.",
                "Refused may-call decisions divided by all decisions in the period."
            )),
        refusedShare(.register, "Reservasjonsregisteret", "reservation register"),
        refusedShare(.blockList, "sperreliste", "block list"),
        refusedShare(.callingTime, "ringetid", "calling time"),
        refusedShare(.noValidWash, "ingen gyldig vask", "no valid wash"),
        make(
            "offers_sent", .count, .offers, .count(EvaluationMetric.offersSent), source: "sale_evidence",
            title: ("Tilbud sendt", "Offers sent"),
            definition: (
                "Antall skriftlige tilbud sendt forbrukeren i perioden (hendelsen «sendt» i salgets bevislogg).",
                "Number of written offers sent to consumers in the period (the “sent” event in the sale's evidence log)."
            )),
        make(
            "acceptance_rate", .percent, .offers,
            .ratio(numerator: EvaluationMetric.offersAccepted, denominator: EvaluationMetric.offersSent, scale: 100),
            source: "sale_evidence",
            title: ("Akseptandel", "Acceptance rate"),
            definition: (
                "Tilbud akseptert skriftlig i perioden delt på tilbud sendt i perioden. Et tilbud sendt sent i en periode kan bli akseptert i den neste.",
                "Offers accepted in writing in the period divided by offers sent in the period. An offer sent late in one period may be accepted in the next."
            )),
        make(
            "median_hours_to_accept", .hours, .offers, .medianAcceptHours, source: "sale_evidence",
            title: ("Median tid til aksept", "Median time to accept"),
            definition: (
                "Median antall timer fra tilbudet ble sendt til forbrukeren aksepterte, for tilbud akseptert i perioden. Beregnet fra et histogram (0–1, 1–2, 2–4, 4–8, 8–12, 12–24, 24–48, 48–72, 72–168, over 168 timer) med lineær interpolasjon.",
                "Median hours from sending the offer to the consumer's acceptance, for offers accepted in the period. Estimated from a histogram (0–1, 1–2, 2–4, 4–8, 8–12, 12–24, 24–48, 48–72, 72–168, over 168 hours) by linear interpolation."
            )),
        make(
            "expired_share", .percent, .offers,
            .ratio(numerator: EvaluationMetric.offersExpired, denominator: EvaluationMetric.offersSent, scale: 100),
            source: "sale_evidence",
            title: ("Andel utløpt", "Share expired"),
            definition: (
                "Tilbud som utløp uten svar i perioden delt på tilbud sendt i perioden.",
                "Offers that expired without an answer in the period divided by offers sent in the period."
            )),
        make(
            "declined_share", .percent, .offers,
            .ratio(numerator: EvaluationMetric.offersDeclined, denominator: EvaluationMetric.offersSent, scale: 100),
            source: "sale_evidence",
            title: ("Andel avslått av forbruker", "Share declined by the consumer"),
            definition: (
                "Tilbud forbrukeren avslo i perioden delt på tilbud sendt i perioden.",
                "Offers the consumer declined in the period divided by offers sent in the period."
            )),
        make(
            "withdrawals", .count, .offers, .count(EvaluationMetric.withdrawals), source: "sale_evidence",
            title: ("Angrede kjøp", "Withdrawals"),
            definition: (
                "Antall kjøp forbrukeren gikk fra med angreretten i perioden.",
                "Number of purchases the consumer withdrew from under the withdrawal right in the period."
            )),
        make(
            "complaints", .count, .complaints, .count(EvaluationMetric.complaints), source: "complaints",
            title: ("Klager", "Complaints"),
            definition: (
                "Antall klager mottatt i perioden (bekreftet av forbrukeren eller videresendt av Forbrukertilsynet).",
                "Number of complaints received in the period (confirmed by the consumer or forwarded by the consumer authority)."
            )),
        make(
            "complaints_per_1000_sales", .perThousand, .complaints,
            .ratio(numerator: EvaluationMetric.complaints, denominator: EvaluationMetric.salesRegistered, scale: 1000),
            source: "complaints, sales",
            title: ("Klager per 1 000 salg", "Complaints per 1,000 sales"),
            definition: (
                "Klager mottatt i perioden per 1 000 salg registrert i perioden.",
                "Complaints received in the period per 1,000 sales registered in the period."
            )),
        make(
            "complaints_upheld_share", .percent, .complaints,
            .ratio(numerator: EvaluationMetric.complaintsUpheld, denominator: EvaluationMetric.complaintsDecided, scale: 100),
            source: "complaints",
            title: ("Andel klager gitt medhold", "Share of complaints upheld"),
            definition: (
                "Klager nemnda ga forbrukeren medhold i (helt eller delvis), delt på alle klager avgjort i perioden.",
                "Complaints the board upheld (in whole or in part) divided by all complaints decided in the period."
            )),
        make(
            "approved_centres", .count, .authorization, .gauge(EvaluationMetric.approvedCentres), source: "authorization_records",
            title: ("Godkjente callsentre", "Approved call centres"),
            definition: (
                "Antall callsentre med gyldig godkjenning ved utgangen av perioden.",
                "Number of call centres holding a valid approval at the end of the period."
            )),
        make(
            "warnings", .count, .authorization, .count(EvaluationMetric.warnings), source: "authorization_records",
            title: ("Advarsler", "Warnings"),
            definition: ("Antall advarsler nemnda ga i perioden.", "Number of warnings the board issued in the period.")),
        make(
            "suspensions", .count, .authorization, .count(EvaluationMetric.suspensions), source: "authorization_records",
            title: ("Suspensjoner", "Suspensions"),
            definition: ("Antall godkjenninger suspendert i perioden.", "Number of approvals suspended in the period.")),
        make(
            "revocations", .count, .authorization, .count(EvaluationMetric.revocations), source: "authorization_records",
            title: ("Tilbakekallinger", "Revocations"),
            definition: ("Antall godkjenninger tilbakekalt i perioden.", "Number of approvals revoked in the period.")),
        make(
            "register_persons", .count, .register, .gauge(EvaluationMetric.registerPersons), source: "register_snapshots",
            title: ("Personer i reservasjonsregisteret", "Persons in the reservation register"),
            definition: (
                "Antall reserverte personer i den siste innleste kopien av reservasjonsregisteret i perioden.",
                "Number of reserved persons in the last copy of the reservation register imported in the period."
            )),
    ]

    /// The indicator named `name`, if any.
    public static func named(_ name: String) -> EvaluationIndicator? { all.first { $0.name == name } }

    /// The refusal-share indicators, one per reason group, for the bar chart per reason.
    public static let refusalShares: [EvaluationIndicator] = all.filter {
        $0.name.hasPrefix("decisions_refused_") && $0.name != "decisions_refused_share"
    }
}
