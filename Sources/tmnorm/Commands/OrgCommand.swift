import ArgumentParser
import Foundation
import TMNormServer

/// `tmnorm org list [--json]`.
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "org", abstract: "Organisations.", subcommands: [List.self])

    /// Lists organisations: name, orgnr, kind.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organisations (name, orgnr, kind).")

        @OptionGroup var database: DatabaseOptions
        @Flag(help: "One JSON array of {\"name\", \"orgnr\", \"kind\"}.") var json = false

        func run() async throws {
            let rows = try await ServerBootstrap.withApplication(config: database.config()) { app in
                try await NetworkDirectory.organisations(on: app.db)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            } else {
                let width = rows.map(\.name.count).max() ?? 4
                for row in rows {
                    print(row.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + row.orgnr + "  " + row.kind)
                }
            }
        }
    }
}
