import Foundation
import TMNormCore
import Vapor

/// The association's choices for the scheme (**policy**): validity and follow-up periods, upload limits,
/// the board's quorum and tie rule, the criteria catalogues and fee schedules. Injected, so tests and
/// installations can change them without code changes in handlers.
struct AuthorizationSettings: Sendable {
    var policy: AuthorizationPolicy = .standard
    var uploadPolicy: AuthorizationUploadPolicy = .standard
    /// Votes needed before the board decides: a majority of all members by default.
    var quorum: AuthorizationQuorum = .fraction(numerator: 1, denominator: 2)
    var tieRule: AuthorizationTieRule = .reject
    var catalogues: [AuthorizationCriteriaCatalogue] = (try? AuthorizationCriteriaCatalogue.demo()).map { [$0] } ?? []
    var feeSchedules: [AuthorizationFeeSchedule] = [.demo2020]
}
