import ArgumentParser
import TMNormCore

/// `tmnorm phone normalize [NUMBER…]`
struct PhoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phone",
        abstract: "Norwegian phone numbers (Nkom numbering plan).",
        subcommands: [Normalize.self]
    )

    /// Prints one line per input; always exits 0 because an invalid number is an answer, not a failure.
    struct Normalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Normalise phone numbers to E.164 and classify them.",
            discussion: """
                Reads the numbers given as arguments or, when there are none, one per line from stdin.

                Prints one line per input:
                  E164 KIND          e.g. "+4791234567 mobile"; KIND is mobile, fixed, m2m, special or short
                  foreign: REASON    a number with a country code other than +47
                  invalid: REASON    empty, letters, wrong length, unallocated range …

                With --json: one JSON object per line with the keys input, e164, national, kind, valid, reason. \
                e164 and national are null unless valid; reason is null when valid; kind may also be foreign or invalid.

                Accepted: "+47 912 34 567", "0047…", "912 34 567", "91234567", "47 91234567"; \
                separators space, '-', '.', '(', ')'. The exit status is 0.
                """
        )

        @Flag(help: "One JSON object per line instead of text.")
        var json = false

        @Argument(help: "Numbers to normalise; none means read stdin, one a line.")
        var numbers: [String] = []

        func run() {
            if numbers.isEmpty {
                while let line = readLine(strippingNewline: true) { emit(line) }
            } else {
                numbers.forEach(emit)
            }
        }

        private func emit(_ input: String) {
            let line = PhoneNormalizationLine(input: input)
            print(json ? line.json : line.text)
        }
    }
}
