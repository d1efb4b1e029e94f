import ArgumentParser
import Foundation
import TMNormCore

/// `tmnorm holidays YEAR [--json]`: Norwegian public holidays and holiday-equivalent days of a year.
struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List Norwegian public holidays and the days treated as holidays (1 and 17 May).",
        discussion: "Years 1900–2100. Dates are printed dd.mm.yyyy; --json prints YYYY-MM-DD.")

    @Argument(help: "The year, 1900–2100.")
    var year: Int

    @Flag(help: "Print a JSON array of {\"date\", \"name\", \"name_en\", \"kind\"}.")
    var json = false

    func run() throws {
        let holidays: [NorwegianHoliday]
        do { holidays = try NorwegianHolidays.holidays(in: year) } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\nfeil: \(error.norwegian)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(holidays), as: UTF8.self))
        } else {
            let width = holidays.map { $0.norwegianName.count }.max() ?? 0
            for h in holidays {
                let name = h.norwegianName.padding(toLength: width, withPad: " ", startingAt: 0)
                let kind = h.kind.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
                print("\(h.date.norwegianFormatted)  \(name)  \(kind)  \(h.englishName)")
            }
        }
    }
}
