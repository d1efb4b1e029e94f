import ArgumentParser

extension RegisterCommand {
    /// `import` and `list` use the database; `build` makes a snapshot file without one.
    static let subcommands: [any ParsableCommand.Type] = [Import.self, List.self, RegisterBuildCommand.self]
}
