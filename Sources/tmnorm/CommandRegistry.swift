import ArgumentParser

/// Every top-level subcommand, in the order `tmnorm --help` lists them.
enum CommandRegistry {
    static let all: [any ParsableCommand.Type] = [
        DemoCommand.self,
        SeedDemoCommand.self,
        ServeCommand.self,
        MigrateCommand.self,
        JobsCommand.self,
        OrgCommand.self,
        APIKeyCommand.self,
        RegisterCommand.self,
        WashCommand.self,
        OrgnrCommand.self,
        PhoneCommand.self,
        HolidaysCommand.self,
        CallingWindowCommand.self,
        EvidenceCommand.self,
        RollupsCommand.self,
    ]
}
