import Fluent
import Foundation
import TMNormCore
import Vapor

/// The demo's guidelines: `GuidelineDemo`'s ethical guidelines (2007) and industry norm (2009, 2024), kept by NORDMA.
enum DemoGuidelines {
    static func seed(_ app: Application, organisations: [String: UUID]) async throws {
        guard let nordma = organisations["nordma"] else { return }
        let now = app.clock.now()
        for document in try GuidelineDemo.documents() {
            for version in document.versions {
                try await GuidelineVersionModel(associationID: nordma, publisher: document.publisher, version: version, createdAt: now)
                    .create(on: app.db)
            }
        }
    }
}
