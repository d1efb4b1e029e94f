import ArgumentParser

/// The `tmnorm` command line: each subcommand is a thin call into TMNormCore or TMNormServer.
@main
struct TMNorm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tmnorm",
        abstract: "TMNorm — the Norwegian telemarketing industry's self-regulation system.",
        subcommands: CommandRegistry.all
    )
}
