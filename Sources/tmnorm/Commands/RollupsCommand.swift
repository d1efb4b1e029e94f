import ArgumentParser
import TMNormServer

/// `tmnorm rollups rebuild [--from DATE]`: rebuilds the evaluation's daily rollups from the raw records.
struct RollupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollups", abstract: "The evaluation's daily rollups.", subcommands: [Rebuild.self])

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild",
            abstract: "Rebuild the daily rollups from the raw records (generated demo history is kept).",
            discussion: "Each day is replaced as a whole, so a rebuild can be repeated or interrupted safely.")

        @Option(name: .long, help: "First day, yyyy-mm-dd (default 2009-06-01, the scheme's start).")
        var from: String?

        @Option(name: .long, help: "Last day, yyyy-mm-dd (default today).")
        var to: String?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let from = self.from
            let to = self.to
            let line = try await ServerBootstrap.withApplication(config: database.config()) { app in
                try await EvaluationRollupCommands.rebuild(app, from: from, to: to)
            }
            print(line)
        }
    }
}
