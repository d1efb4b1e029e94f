import Testing
@testable import TMNormCore

@Suite("Acceptance statistics")
struct AcceptanceStatisticsTests {
    static let rows: [AcceptanceRow] = [
        .init(campaignID: "strom", agentID: "ola", state: .accepted),
        .init(campaignID: "strom", agentID: "ola", state: .accepted),
        .init(campaignID: "strom", agentID: "ola", state: .declined),
        .init(campaignID: "strom", agentID: "kari", state: .withdrawn),
        .init(campaignID: "strom", agentID: "kari", state: .expired),
        .init(campaignID: "strom", agentID: "kari", state: .sent),
        .init(campaignID: "mobil", agentID: "kari", state: .accepted),
        .init(campaignID: "mobil", agentID: nil, state: .declined),
        .init(campaignID: "avis", agentID: "ola", state: .exempt),
        .init(campaignID: "mobil", agentID: "ola", state: .draft),
    ]

    @Test("rates count withdrawn offers as accepted and leave open offers, drafts and exempt sales out")
    func perCampaign() {
        let report = AcceptanceStatistics.aggregate(Self.rows)
        #expect(report.perCampaign.map(\.key) == ["avis", "mobil", "strom"])
        let strom = report.perCampaign[2]
        #expect((strom.offers, strom.everAccepted, strom.concluded) == (6, 3, 5))
        #expect(strom.acceptanceRate == 0.6)
        #expect(strom.withdrawalRate == 1.0 / 3.0)
        let avis = report.perCampaign[0]
        #expect(avis.exempt == 1 && avis.acceptanceRate == nil && avis.withdrawalRate == nil)
        #expect(report.perCampaign[1].drafts == 1 && report.perCampaign[1].acceptanceRate == 0.5)
    }

    @Test("per agent, with offers without an agent grouped last")
    func perAgent() {
        let report = AcceptanceStatistics.aggregate(Self.rows)
        #expect(report.perAgent.map(\.key) == ["kari", "ola", nil])
        #expect(report.perAgent[0].acceptanceRate == 2.0 / 3.0)
        #expect(report.perAgent[1].acceptanceRate == 2.0 / 3.0)
        #expect(report.perAgent[2].acceptanceRate == 0)
        #expect(report.overall.offers == 8 && report.overall.concluded == 7 && report.overall.everAccepted == 4)
    }

    @Test("no rows give empty groups and no rate")
    func empty() {
        let report = AcceptanceStatistics.aggregate([AcceptanceRow]())
        #expect(report.perCampaign.isEmpty && report.perAgent.isEmpty && report.overall.acceptanceRate == nil)
    }

    @Test(
        "percentages are written with one decimal in each language",
        arguments: [(0.625, "62,5 %", "62.5%"), (1.0, "100,0 %", "100.0%"), (2.0 / 3.0, "66,7 %", "66.7%"), (0, "0,0 %", "0.0%")])
    func percent(_ row: (Double, String, String)) {
        #expect(AcceptanceStatistics.percentText(row.0, language: .norwegian) == row.1)
        #expect(AcceptanceStatistics.percentText(row.0, language: .english) == row.2)
        #expect(AcceptanceStatistics.percentText(nil, language: .english) == "–")
    }
}
