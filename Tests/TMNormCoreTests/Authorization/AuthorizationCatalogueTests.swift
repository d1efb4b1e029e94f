import Foundation
import Testing
@testable import TMNormCore

@Suite("Criteria catalogue and completeness")
struct AuthorizationCatalogueTests {
    @Test(
        "the demo catalogue asks for the evidence each criterion implies (docs/domain.md, “Origin”)",
        arguments: [
            ("statutory-requirements", AuthorizationEvidenceKind.statement),
            ("company-registered", .document), ("taxes-paid", .document), ("accountant-auditor", .statement),
            ("employment-contracts", .document), ("internal-control", .document), ("safety-representative", .statement),
            ("list-washing", .platformFigure(name: "wash_runs_last_12_months")), ("consent", .document),
            ("withdrawal-right", .platformFigure(name: "written_offers_last_12_months")),
            ("client-agreements", .document), ("data-processing-agreements", .document),
            ("training-scheme", .document), ("employee-follow-up", .statement),
        ])
    func demoCriteria(id: String, kind: AuthorizationEvidenceKind) throws {
        let catalogue = try AuthorizationCriteriaCatalogue.demo()
        #expect(catalogue.criteria.count == 14)
        let criterion = try #require(catalogue.criterion(id: id))
        #expect(criterion.evidence == kind)
        #expect(!criterion.titleNorwegian.isEmpty && !criterion.titleEnglish.isEmpty)
    }

    @Test("a catalogue without criteria, or with a criterion twice, is refused")
    func invalidCatalogues() throws {
        let day = try LocalDate(parsing: "2020-01-01")
        #expect(throws: AuthorizationError.emptyCatalogue) {
            try AuthorizationCriteriaCatalogue(versionLabel: "x", inForceFrom: day, criteria: [])
        }
        let c = try AuthorizationCriterion(id: "a", titleNorwegian: "A", titleEnglish: "A", evidence: .statement)
        #expect(throws: AuthorizationError.duplicateCriterion("a")) {
            try AuthorizationCriteriaCatalogue(versionLabel: "x", inForceFrom: day, criteria: [c, c])
        }
        #expect(throws: AuthorizationError.emptyField("platform figure name")) {
            try AuthorizationCriterion(id: "b", titleNorwegian: "B", titleEnglish: "B", evidence: .platformFigure(name: " "))
        }
        #expect(throws: AuthorizationError.emptyField("English title")) {
            try AuthorizationCriterion(id: "b", titleNorwegian: "B", titleEnglish: "", evidence: .document)
        }
    }

    @Test(
        "the catalogue in force on a day is the latest that started on or before it",
        arguments: [("2019-12-31", nil), ("2020-01-01", "2020"), ("2023-12-31", "2020"), ("2024-01-01", "2024")] as [(String, String?)])
    func inForce(day: String, expected: String?) throws {
        let c = try AuthorizationCriterion(id: "a", titleNorwegian: "A", titleEnglish: "A", evidence: .statement)
        let catalogues = [
            try AuthorizationCriteriaCatalogue(versionLabel: "2024", inForceFrom: LocalDate(parsing: "2024-01-01"), criteria: [c]),
            try AuthorizationCriteriaCatalogue(versionLabel: "2020", inForceFrom: LocalDate(parsing: "2020-01-01"), criteria: [c]),
        ]
        #expect(AuthorizationCriteriaCatalogue.inForce(on: try LocalDate(parsing: day), among: catalogues)?.versionLabel == expected)
    }

    @Test("completeness lists every criterion without evidence of the kind it asks for, in catalogue order")
    func completeness() throws {
        let catalogue = try AuthorizationCriteriaCatalogue.demo()
        var evidence: [String: AuthorizationEvidence] = [:]
        #expect(AuthorizationCompleteness(catalogue: catalogue, evidence: evidence).missing.count == 14)
        for criterion in catalogue.criteria.dropFirst(2) { evidence[criterion.id] = try azEvidence(for: criterion) }
        // Evidence of the wrong kind does not count.
        evidence["company-registered"] = .statement("Vi er registrert.")
        let check = AuthorizationCompleteness(catalogue: catalogue, evidence: evidence)
        #expect(check.missing == ["statutory-requirements", "company-registered"])
        #expect(!check.isComplete)
        #expect(check.rows[2].status == .provided)
    }
}
