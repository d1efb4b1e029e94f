import Foundation

/// One adopted version of a guidelines document (ethical guidelines, industry norm): Markdown text plus dates.
public struct GuidelineVersion: Sendable, Hashable, Codable, Identifiable {
    /// Stable identifier, e.g. "etiske-retningslinjer-2007"; acknowledgements refer to it.
    public let id: String
    /// The document this version belongs to, e.g. "etiske-retningslinjer".
    public let documentKey: String
    public let title: String
    /// How the association names the version, e.g. "2007" or "revidert 13.02.2024".
    public let versionLabel: String
    /// The day the association adopted the text (vedtatt).
    public let adoptedOn: LocalDate
    /// The first day the text binds members (trer i kraft); never before adoption.
    public let inForceFrom: LocalDate
    /// Codes of the associations whose members this version binds, e.g. ["NORDMA", "HSH"].
    public let bindsMembersOf: [String]
    /// The text in the Markdown subset `GuidelineMarkdown` renders.
    public let markdown: String

    /// A checked version: texts non-empty, in force on or after adoption.
    public init(
        id: String, documentKey: String, title: String, versionLabel: String, adoptedOn: LocalDate,
        inForceFrom: LocalDate, bindsMembersOf: [String], markdown: String
    ) throws(GuidelineError) {
        for (field, value) in [
            ("version id", id), ("document key", documentKey), ("title", title), ("version label", versionLabel),
            ("body", markdown),
        ] where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .emptyField(field)
        }
        let associations = bindsMembersOf.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !associations.isEmpty else { throw .emptyField("bound associations") }
        guard inForceFrom >= adoptedOn else {
            throw .inForceBeforeAdoption(version: versionLabel, adopted: adoptedOn, inForce: inForceFrom)
        }
        self.id = id
        self.documentKey = documentKey
        self.title = title
        self.versionLabel = versionLabel
        self.adoptedOn = adoptedOn
        self.inForceFrom = inForceFrom
        self.bindsMembersOf = associations
        self.markdown = markdown
    }

    /// Whether members of the association with this code are bound by the version (codes compare case-insensitively).
    public func binds(association code: String) -> Bool {
        bindsMembersOf.contains { $0.caseInsensitiveCompare(code) == .orderedSame }
    }
}

/// A guidelines document with all its versions; exactly one version is in force on any day after the first.
public struct GuidelineDocument: Sendable, Hashable, Codable, Identifiable {
    /// The document key shared by its versions.
    public let id: String
    /// Who publishes it, e.g. "NORDMA og HSH".
    public let publisher: String
    /// The versions, oldest in force first.
    public let versions: [GuidelineVersion]

    /// Checks the versions belong together and that no two take effect on the same day.
    public init(key: String, publisher: String, versions: [GuidelineVersion]) throws(GuidelineError) {
        guard !key.trimmingCharacters(in: .whitespaces).isEmpty else { throw .emptyField("document key") }
        guard !publisher.trimmingCharacters(in: .whitespaces).isEmpty else { throw .emptyField("publisher") }
        var labels = Set<String>()
        var ids = Set<String>()
        for v in versions {
            guard v.documentKey == key else {
                throw .wrongDocument(version: v.versionLabel, expected: key, found: v.documentKey)
            }
            guard labels.insert(v.versionLabel).inserted else { throw .duplicateVersionLabel(v.versionLabel) }
            guard ids.insert(v.id).inserted else { throw .duplicateVersionID(v.id) }
        }
        let byStart = Dictionary(grouping: versions, by: \.inForceFrom)
        if let clash = byStart.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw .sameInForceDate(clash.key, versions: clash.value.map(\.versionLabel).sorted())
        }
        self.id = key
        self.publisher = publisher
        self.versions = versions.sorted { $0.inForceFrom < $1.inForceFrom }
    }

    /// The version in force on a day: the one that most recently came into force, or nil before the first.
    public func version(inForceOn date: LocalDate) -> GuidelineVersion? {
        versions.last { $0.inForceFrom <= date }
    }

    /// Like `version(inForceOn:)`, but a day before the first version is an error with a message.
    public func requireVersion(inForceOn date: LocalDate) throws(GuidelineError) -> GuidelineVersion {
        guard let v = version(inForceOn: date) else { throw .noVersionInForce(document: id, on: date) }
        return v
    }

    /// The version with an id, if it belongs to this document.
    public func version(id: String) -> GuidelineVersion? { versions.first { $0.id == id } }

    /// The version in force just before `version` (what a side-by-side comparison usually shows on the left).
    public func predecessor(of version: GuidelineVersion) -> GuidelineVersion? {
        versions.last { $0.inForceFrom < version.inForceFrom }
    }

    /// The last day a version is in force, or nil while no later version is known.
    public func lastDayInForce(of version: GuidelineVersion) -> LocalDate? {
        versions.first { $0.inForceFrom > version.inForceFrom }.map { $0.inForceFrom.adding(days: -1) }
    }
}
