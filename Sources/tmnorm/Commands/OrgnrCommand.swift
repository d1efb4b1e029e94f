import ArgumentParser
import TMNormCore

/// `tmnorm orgnr validate NUMBER…`
struct OrgnrCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgnr",
        abstract: "Organisation numbers.",
        subcommands: [Validate.self]
    )

    /// Prints `NUMBER valid` or `NUMBER invalid: REASON`; exit 1 when any is invalid.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check organisation numbers (9 digits, modulus-11 check digit).")

        @Argument(help: "One or more organisation numbers.")
        var numbers: [String]

        func run() throws {
            var anyInvalid = false
            for number in numbers {
                do {
                    _ = try OrganisationNumber(number)
                    print("\(number) valid")
                } catch {
                    anyInvalid = true
                    print("\(number) invalid: \(error.description)")
                }
            }
            if anyInvalid { throw ExitCode(1) }
        }
    }
}
