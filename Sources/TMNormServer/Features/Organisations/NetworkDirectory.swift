import Fluent
import Foundation
import TMNormCore
import Vapor

/// Network operations for the command line.
public enum NetworkDirectory {
    /// One organisation as `tmnorm org list` prints it.
    public struct Summary: Codable, Sendable {
        public let name: String
        public let orgnr: String
        public let kind: String
    }

    public static func organisations(on db: any Database) async throws -> [Summary] {
        try await OrganisationModel.query(on: db).sort(\.$name).all()
            .map { Summary(name: $0.name, orgnr: $0.orgnr, kind: $0.kindRaw) }
    }

    /// The registered organisation with this number, or an error for the terminal.
    static func organisation(orgnr raw: String, on db: any Database) async throws -> OrganisationModel {
        let number: OrganisationNumber
        do { number = try OrganisationNumber(raw) } catch {
            throw CommandLineError("organisation number \(raw) is invalid: \(error.description)")
        }
        guard let organisation = try await OrganisationModel.query(on: db).filter(\.$orgnr == number.digits).first() else {
            throw CommandLineError("no organisation with number \(number.digits) is registered (see `tmnorm org list`)")
        }
        return organisation
    }
}
