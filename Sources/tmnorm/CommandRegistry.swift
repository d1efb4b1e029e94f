import ArgumentParser

/// Every top-level subcommand, in the order `tmnorm --help` lists them.
enum CommandRegistry {
    static let all: [any ParsableCommand.Type] = [
        OrgnrCommand.self,
    ]
}
