import Fluent
import Foundation
import Testing
import Vapor

@testable import TMNormServer

@Suite("Migrations")
struct MigrationTests {
    @Test("every migration reverts, in reverse order, and the schema comes back whole")
    func revertAndMigrateAgain() async throws {
        try await withTestApp { app in
            try await app.autoRevert()
            try await app.autoMigrate()
            let world = try await TestWorld.make(app)
            let page = try await app.get("/dashboard", as: world.browser(.associationAdmin))
            #expect(page.status == .ok)
        }
    }
}
