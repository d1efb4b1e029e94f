import Foundation

/// A user's confirmation that they have read a version of a guidelines document.
public struct GuidelineAcknowledgement: Sendable, Hashable, Codable {
    /// The user (the server's user id as text).
    public let userID: String
    /// The acknowledged `GuidelineVersion.id`.
    public let versionID: String
    /// When the user confirmed.
    public let acknowledgedAt: Date

    public init(userID: String, versionID: String, acknowledgedAt: Date) {
        self.userID = userID
        self.versionID = versionID
        self.acknowledgedAt = acknowledgedAt
    }
}

/// A user who must acknowledge a document because their organisation is a member of a bound association.
public struct GuidelineBoundUser: Sendable, Hashable, Codable {
    public let userID: String
    /// The user's organisation (for grouping in the association's overview).
    public let organisationName: String
    /// Codes of the associations the user's organisation is a member of on the day asked about.
    public let memberOf: [String]

    public init(userID: String, organisationName: String, memberOf: [String]) {
        self.userID = userID
        self.organisationName = organisationName
        self.memberOf = memberOf
    }
}

/// Who has and has not acknowledged the version of a document in force on a day.
public struct GuidelineAcknowledgementOverview: Sendable, Hashable, Codable {
    /// The version in force that users must acknowledge.
    public let version: GuidelineVersion
    /// Bound users who acknowledged that version, with when.
    public let acknowledged: [GuidelineAcknowledgement]
    /// Bound users who have not (an acknowledgement of an older version does not count).
    public let outstanding: [GuidelineBoundUser]

    /// The overview for a document on a day; users not bound by the version are left out.
    public init(
        document: GuidelineDocument, on date: LocalDate, users: [GuidelineBoundUser],
        acknowledgements: [GuidelineAcknowledgement]
    ) throws(GuidelineError) {
        let version = try document.requireVersion(inForceOn: date)
        let bound = users.filter { user in user.memberOf.contains { version.binds(association: $0) } }
        // The earliest acknowledgement per user counts; repeated clicks do not move the date.
        var firstByUser: [String: GuidelineAcknowledgement] = [:]
        for ack in acknowledgements where ack.versionID == version.id {
            if let seen = firstByUser[ack.userID], seen.acknowledgedAt <= ack.acknowledgedAt { continue }
            firstByUser[ack.userID] = ack
        }
        self.version = version
        self.acknowledged = bound.compactMap { firstByUser[$0.userID] }
        self.outstanding = bound.filter { firstByUser[$0.userID] == nil }
            .sorted { ($0.organisationName, $0.userID) < ($1.organisationName, $1.userID) }
    }

    /// Whether one user still has to acknowledge.
    public func isOutstanding(userID: String) -> Bool { outstanding.contains { $0.userID == userID } }
}
