import Fluent
import Foundation
import TMNormCore
import Vapor

/// Demo data: NORDMA and HSH bind their members to the built-in example norm (closed on Christmas Eve,
/// New Year's Eve and Easter Saturday from 19 Aug 2009).
enum DemoNorms {
    static func seed(_ app: Application, organisations ids: [String: UUID]) async throws {
        for key in ["nordma", "hsh"] {
            guard let id = ids[key] else { continue }
            try await IndustryNormModel(associationID: id, norm: .exampleStricterNorm, at: app.clock.now()).create(on: app.db)
        }
    }
}
