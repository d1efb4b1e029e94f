import Foundation

/// What kind of evidence a criterion asks the applicant for.
public enum AuthorizationEvidenceKind: Sendable, Hashable, Codable, CustomStringConvertible {
    /// An uploaded document (e.g. a certificate of tax paid, a contract template).
    case document
    /// A written statement by the applicant.
    case statement
    /// A figure the platform already knows, by name (e.g. "wash_runs_last_12_months").
    case platformFigure(name: String)

    public var description: String {
        switch self {
        case .document: "a document"
        case .statement: "a statement"
        case .platformFigure(let name): "the platform figure '\(name)'"
        }
    }

    /// The kind in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .document: "et dokument"
        case .statement: "en erklæring"
        case .platformFigure(let name): "plattformtallet «\(name)»"
        }
    }
}

/// One requirement a call centre must show it meets, with the evidence it asks for.
public struct AuthorizationCriterion: Sendable, Hashable, Codable, Identifiable {
    /// Stable key, e.g. "taxes-paid"; evidence is attached under it.
    public let id: String
    public let titleNorwegian: String
    public let titleEnglish: String
    public let evidence: AuthorizationEvidenceKind

    /// A checked criterion: id and both titles non-empty, a figure has a name.
    public init(
        id: String, titleNorwegian: String, titleEnglish: String, evidence: AuthorizationEvidenceKind
    ) throws(AuthorizationError) {
        for (field, value) in [("criterion id", id), ("Norwegian title", titleNorwegian), ("English title", titleEnglish)]
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .emptyField(field)
        }
        if case .platformFigure(let name) = evidence, name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .emptyField("platform figure name")
        }
        self.id = id
        self.titleNorwegian = titleNorwegian
        self.titleEnglish = titleEnglish
        self.evidence = evidence
    }
}

/// A versioned list of criteria; an application is judged against the version in force when it was opened.
public struct AuthorizationCriteriaCatalogue: Sendable, Hashable, Codable {
    /// How the association names the version, e.g. "2020".
    public let versionLabel: String
    /// First day new applications use this version.
    public let inForceFrom: LocalDate
    public let criteria: [AuthorizationCriterion]

    /// A checked catalogue: a label, at least one criterion, no id twice.
    public init(versionLabel: String, inForceFrom: LocalDate, criteria: [AuthorizationCriterion]) throws(AuthorizationError) {
        guard !versionLabel.trimmingCharacters(in: .whitespaces).isEmpty else { throw .emptyField("version label") }
        guard !criteria.isEmpty else { throw .emptyCatalogue }
        var seen = Set<String>()
        for c in criteria where !seen.insert(c.id).inserted { throw .duplicateCriterion(c.id) }
        self.versionLabel = versionLabel
        self.inForceFrom = inForceFrom
        self.criteria = criteria
    }

    /// The criterion with an id.
    public func criterion(id: String) -> AuthorizationCriterion? { criteria.first { $0.id == id } }

    /// The catalogue version in force on a day: the latest whose `inForceFrom` is on or before it.
    public static func inForce(on date: LocalDate, among catalogues: [AuthorizationCriteriaCatalogue]) -> AuthorizationCriteriaCatalogue? {
        catalogues.filter { $0.inForceFrom <= date }.max { $0.inForceFrom < $1.inForceFrom }
    }
}
