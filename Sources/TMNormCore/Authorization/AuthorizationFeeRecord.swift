import Foundation

/// Where a fee stands. The platform records it; it does not take payments.
public enum AuthorizationFeeStatus: String, Sendable, Hashable, Codable {
    case due
    case invoiced
    case paid
    case waived

    /// Paid and waived fees are settled and change no more.
    public var isSettled: Bool { self == .paid || self == .waived }
}

/// A fee owed for an application, with its status history.
public struct AuthorizationFeeRecord: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public let applicationID: String
    public let kind: AuthorizationApplicationKind
    public let membership: AuthorizationMembership
    public let amount: AuthorizationFeeAmount
    public private(set) var status: AuthorizationFeeStatus
    /// Every status with the day it was set, oldest first.
    public private(set) var history: [Entry]

    /// A status change: the day, the new status and a note (invoice number, reason for waiving).
    public struct Entry: Sendable, Hashable, Codable {
        public let on: LocalDate
        public let status: AuthorizationFeeStatus
        public let note: String?
    }

    /// A fee due from `on`, priced from the schedule.
    public init(
        id: String, applicationID: String, kind: AuthorizationApplicationKind, membership: AuthorizationMembership,
        schedule: AuthorizationFeeSchedule, on: LocalDate
    ) {
        self.id = id
        self.applicationID = applicationID
        self.kind = kind
        self.membership = membership
        self.amount = schedule.amount(for: kind, membership: membership)
        self.status = .due
        self.history = [Entry(on: on, status: .due, note: nil)]
    }

    /// The association has sent an invoice (its number or reference as the note).
    public mutating func markInvoiced(on: LocalDate, reference: String? = nil) throws(AuthorizationError) {
        try move(to: .invoiced, allowedFrom: [.due], on: on, note: reference)
    }

    /// The fee has been paid (as the association's accounts show; no payment passes through here).
    public mutating func markPaid(on: LocalDate, reference: String? = nil) throws(AuthorizationError) {
        try move(to: .paid, allowedFrom: [.due, .invoiced], on: on, note: reference)
    }

    /// The association waives the fee; the reason is required.
    public mutating func waive(on: LocalDate, reason: String) throws(AuthorizationError) {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyField("reason for waiving") }
        try move(to: .waived, allowedFrom: [.due, .invoiced], on: on, note: reason)
    }

    private mutating func move(
        to next: AuthorizationFeeStatus, allowedFrom: Set<AuthorizationFeeStatus>, on: LocalDate, note: String?
    ) throws(AuthorizationError) {
        guard allowedFrom.contains(status) else { throw .feeTransitionNotAllowed(from: status, to: next) }
        if let last = history.last?.on, on < last { throw .dateBeforePrevious(on, previous: last) }
        status = next
        history.append(Entry(on: on, status: next, note: note))
    }
}
