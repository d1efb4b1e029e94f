import Foundation
import TMNormCore

/// A moment given in a request (a query parameter or a JSON field).
enum TimestampInput {
    /// `raw` as an ISO 8601 time with offset; `now` when absent; a 422 naming `field` when unreadable.
    static func instant(_ raw: String?, field: String, now: Date) throws -> Date {
        guard let raw, !raw.isEmpty else { return now }
        do { return try OsloTime.parseTimestamp(raw) } catch {
            throw AppError.invalid([
                .init(
                    field: field, reason: "must be an ISO 8601 time such as 2026-12-01T10:00:00+01:00 (\(error.description))",
                    message: Phrase(nb: "må være et gyldig tidspunkt, f.eks. 01.12.2026 10:00", en: "must be a valid time, e.g. 01.12.2026 10:00"))
            ])
        }
    }
}
