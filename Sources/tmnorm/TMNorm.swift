import ArgumentParser
import Foundation
import TMNormServer

/// The `tmnorm` command line: each subcommand is a thin call into TMNormCore or TMNormServer.
@main
struct TMNorm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tmnorm",
        abstract: "TMNorm — the Norwegian telemarketing industry's self-regulation system.",
        subcommands: CommandRegistry.all
    )

    /// Hands Swift concurrency to the event loops before anything async starts, then runs the command
    /// as ArgumentParser's own `main` would.
    static func main() async {
        if ProcessInfo.processInfo.environment["TMNORM_EVENT_LOOP_EXECUTOR"] != "0" {
            ServerBootstrap.runConcurrencyOnEventLoops()
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
