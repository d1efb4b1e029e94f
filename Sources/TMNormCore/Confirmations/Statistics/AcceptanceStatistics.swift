/// One offer as the statistics see it: campaign, agent (nil when unknown) and state.
public struct AcceptanceRow: Sendable, Hashable {
    public let campaignID: String
    public let agentID: String?
    public let state: OfferState

    public init(campaignID: String, agentID: String?, state: OfferState) {
        self.campaignID = campaignID
        self.agentID = agentID
        self.state = state
    }
}

/// Counts and rates for one group of offers (a campaign, an agent, or all).
public struct AcceptanceTally: Sendable, Hashable, Codable {
    /// Campaign or agent id; nil for the overall tally and for offers without an agent.
    public let key: String?
    public internal(set) var sent = 0
    public internal(set) var accepted = 0
    public internal(set) var declined = 0
    public internal(set) var expired = 0
    public internal(set) var withdrawn = 0
    public internal(set) var exempt = 0
    public internal(set) var drafts = 0

    init(key: String?) { self.key = key }

    /// Offers that reached the consumer (everything but drafts and exempt sales).
    public var offers: Int { sent + accepted + declined + expired + withdrawn }
    /// Accepted at some point (withdrawn offers were accepted first).
    public var everAccepted: Int { accepted + withdrawn }
    /// Offers with a final answer or none in time: open offers are left out so they do not lower the rate.
    public var concluded: Int { everAccepted + declined + expired }
    /// Ever accepted / concluded; nil when nothing is concluded.
    public var acceptanceRate: Double? { concluded == 0 ? nil : Double(everAccepted) / Double(concluded) }
    /// Withdrawn / ever accepted; nil when nothing was accepted.
    public var withdrawalRate: Double? { everAccepted == 0 ? nil : Double(withdrawn) / Double(everAccepted) }

    mutating func count(_ state: OfferState) {
        switch state {
        case .draft: drafts += 1
        case .sent: sent += 1
        case .accepted: accepted += 1
        case .declined: declined += 1
        case .expired: expired += 1
        case .withdrawn: withdrawn += 1
        case .exempt: exempt += 1
        }
    }
}

/// Acceptance statistics overall, per campaign and per agent (sorted by key; offers without agent last).
public struct AcceptanceReport: Sendable, Hashable, Codable {
    public let overall: AcceptanceTally
    public let perCampaign: [AcceptanceTally]
    public let perAgent: [AcceptanceTally]
}

/// Pure aggregation of offer states into acceptance rates (these feed the authorization follow-up).
public enum AcceptanceStatistics {
    public static func aggregate(_ rows: some Sequence<AcceptanceRow>) -> AcceptanceReport {
        var overall = AcceptanceTally(key: nil)
        var campaigns: [String: AcceptanceTally] = [:]
        var agents: [String?: AcceptanceTally] = [:]
        for row in rows {
            overall.count(row.state)
            campaigns[row.campaignID, default: AcceptanceTally(key: row.campaignID)].count(row.state)
            agents[row.agentID, default: AcceptanceTally(key: row.agentID)].count(row.state)
        }
        let byKey: (AcceptanceTally, AcceptanceTally) -> Bool = { a, b in
            switch (a.key, b.key) {
            case let (x?, y?): x < y
            case (.some, nil): true
            default: false
            }
        }
        return AcceptanceReport(
            overall: overall, perCampaign: campaigns.values.sorted(by: byKey), perAgent: agents.values.sorted(by: byKey))
    }

    /// "62,5 %" / "62.5%" (one decimal), or "–" when there is no rate.
    public static func percentText(_ rate: Double?, language: OfferLanguage) -> String {
        guard let rate else { return "–" }
        let tenths = Int((rate * 1000).rounded())
        let whole = tenths / 10
        let decimal = tenths % 10
        return language == .norwegian ? "\(whole),\(decimal) %" : "\(whole).\(decimal)%"
    }
}
