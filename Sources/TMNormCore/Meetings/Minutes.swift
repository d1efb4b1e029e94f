import Foundation

/// The minutes of one agenda item: its title as on the agenda and the secretary's Markdown.
public struct MinutesSection: Sendable, Hashable, Codable {
    public var title: String
    public var markdown: String

    public init(title: String, markdown: String) {
        self.title = title
        self.markdown = markdown
    }
}

/// What the secretary writes: a section per agenda item and who attended (display names).
public struct MinutesDocument: Sendable, Hashable, Codable {
    public var sections: [MinutesSection]
    public var attended: [String]

    public init(sections: [MinutesSection], attended: [String]) {
        self.sections = sections
        self.attended = attended
    }

    /// The minutes as one Markdown file (the export): title, day, attendees, one `##` per item.
    public func markdown(title: String, day: LocalDate, version: Int?) -> String {
        var out = "# \(title)\n\n"
        out += "Dato: \(day.norwegianFormatted)" + (version.map { " · versjon \($0)" } ?? "") + "\n\n"
        if !attended.isEmpty { out += "Til stede: " + attended.joined(separator: ", ") + "\n\n" }
        for (index, section) in sections.enumerated() {
            out += "## \(index + 1). \(section.title)\n\n"
            let body = section.markdown.trimmingCharacters(in: .whitespacesAndNewlines)
            out += (body.isEmpty ? "—" : body) + "\n\n"
        }
        return out
    }
}

/// One published version: never changed once made.
public struct PublishedMinutes: Sendable, Hashable, Codable {
    public let version: Int
    public let document: MinutesDocument
    public let publishedAt: Date
    /// Why a correction was made (empty for the first version).
    public let note: String

    public init(version: Int, document: MinutesDocument, publishedAt: Date, note: String) {
        self.version = version
        self.document = document
        self.publishedAt = publishedAt
        self.note = note
    }
}

/// The versioning rule: publishing appends a version; a correction after publishing is a new version and
/// the earlier ones stay as they were.
public struct MinutesHistory: Sendable, Hashable {
    public private(set) var versions: [PublishedMinutes]

    public init(versions: [PublishedMinutes] = []) { self.versions = versions.sorted { $0.version < $1.version } }

    public var latest: PublishedMinutes? { versions.last }

    /// Publishes `document` as the next version. A correction (anything after version 1) needs a note;
    /// publishing the same text again is refused.
    @discardableResult
    public mutating func publish(_ document: MinutesDocument, at instant: Date, note: String = "") throws(MeetingProblem) -> PublishedMinutes {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if document.sections.allSatisfy({ $0.markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
            throw MeetingProblem(field: "minutes", norwegian: "Referatet er tomt.", english: "The minutes are empty.")
        }
        if let latest {
            if latest.document == document {
                throw MeetingProblem(
                    field: "minutes", norwegian: "Ingen endringer siden versjon \(latest.version).",
                    english: "Nothing changed since version \(latest.version).")
            }
            if note.isEmpty {
                throw MeetingProblem(
                    field: "note", norwegian: "En rettelse etter publisering må ha en begrunnelse.",
                    english: "A correction after publishing needs a note saying why.")
            }
        }
        let published = PublishedMinutes(version: (latest?.version ?? 0) + 1, document: document, publishedAt: instant, note: note)
        versions.append(published)
        return published
    }

    /// A published version is read only: asking to change one is refused with the rule.
    public func replace(version: Int, with document: MinutesDocument) throws(MeetingProblem) -> Never {
        throw MeetingProblem(
            field: "version",
            norwegian: "Versjon \(version) er publisert og kan ikke endres; publiser en rettelse som ny versjon.",
            english: "Version \(version) is published and cannot be changed; publish a correction as a new version.")
    }
}
