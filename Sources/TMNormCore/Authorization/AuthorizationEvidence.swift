import Foundation

/// An uploaded file as the application refers to it; the server stores the bytes under `storageKey`.
public struct AuthorizationDocumentEvidence: Sendable, Hashable, Codable {
    public let fileName: String
    /// The media type found by `AuthorizationUploadPolicy.check`, not the one the browser claimed.
    public let mediaType: String
    public let byteCount: Int
    /// Where the server keeps the file (e.g. a path or object key); opaque to the core.
    public let storageKey: String

    public init(fileName: String, mediaType: String, byteCount: Int, storageKey: String) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.byteCount = byteCount
        self.storageKey = storageKey
    }
}

/// The evidence attached to one criterion of an application.
public enum AuthorizationEvidence: Sendable, Hashable, Codable {
    case document(AuthorizationDocumentEvidence)
    /// The applicant's own words.
    case statement(String)
    /// A figure the platform computed, with the day it was computed for.
    case platformFigure(name: String, value: String, asOf: LocalDate)

    /// The kind, to compare with what the criterion asks for.
    public var kind: AuthorizationEvidenceKind {
        switch self {
        case .document: .document
        case .statement: .statement
        case .platformFigure(let name, _, _): .platformFigure(name: name)
        }
    }
}

/// How a criterion stands in an application: what the secretariat's completeness check shows.
public enum AuthorizationCriterionStatus: Sendable, Hashable, Codable {
    case provided
    case missing
}

/// The completeness check: every criterion of the catalogue has evidence of the kind it asks for.
public struct AuthorizationCompleteness: Sendable, Hashable, Codable {
    /// One row per criterion, in catalogue order.
    public let rows: [Row]

    /// A criterion and how it stands.
    public struct Row: Sendable, Hashable, Codable {
        public let criterion: AuthorizationCriterion
        public let status: AuthorizationCriterionStatus
    }

    /// Checks evidence (criterion id → evidence) against a catalogue; evidence of the wrong kind counts as missing.
    public init(catalogue: AuthorizationCriteriaCatalogue, evidence: [String: AuthorizationEvidence]) {
        rows = catalogue.criteria.map { criterion in
            let ok = evidence[criterion.id].map { $0.kind == criterion.evidence } ?? false
            return Row(criterion: criterion, status: ok ? .provided : .missing)
        }
    }

    /// Ids of criteria still lacking evidence.
    public var missing: [String] { rows.filter { $0.status == .missing }.map(\.criterion.id) }

    public var isComplete: Bool { missing.isEmpty }
}
