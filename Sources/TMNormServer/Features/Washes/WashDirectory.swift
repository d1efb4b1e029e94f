import Fluent
import Foundation
import TMNormCore
import Vapor

/// Washing operations for the command line.
public enum WashDirectory {
    /// Adds a client's block list and its consents (exemptions from the register) to a policy.
    public static func policy(base: WashPolicy, clientOrgnr: String, app: Application) async throws -> WashPolicy {
        let client = try await NetworkDirectory.organisation(orgnr: clientOrgnr, on: app.db)
        guard client.kind == .client else {
            throw CommandLineError("\(clientOrgnr) is a \(client.kind.rawValue), not a client")
        }
        var policy = base
        policy.blockLists.append(try await WashPolicyLoader.blockList(of: client, on: app.db))
        policy.exemptions = try await ExemptionLookup.washExemptions(client: client, category: nil, on: app.db)
        return policy
    }
}
