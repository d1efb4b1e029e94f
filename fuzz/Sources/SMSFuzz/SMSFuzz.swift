import FuzzSupport
import TMNormCore

/// The inbound SMS reply parser.
///
/// Input: one byte for the code length (1–10), then the SMS body. Properties:
/// - a command's code is exactly `codeLength` ASCII capital letters and digits, and the input holds the
///   action's keyword (case-insensitively);
/// - the canonical reply "KEYWORD CODE" parses to the same command, and so do its lower-case and
///   hyphenated spellings;
/// - for ASCII input, case does not matter: the lower- and upper-cased bodies parse alike.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let codeLength = Int(data[0] % 10) + 1
    let body = text(data + 1, size - 1)
    let parsed = InboundSMSCommand.parse(body, codeLength: codeLength)
    switch parsed {
    case .command(let action, let code):
        let bytes = Array(code.utf8)
        require(bytes.count == codeLength && code.count == codeLength, "code \(show(code)) for length \(codeLength): \(show(body))")
        require(bytes.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }, "code \(show(code)) is not A–Z/0–9: \(show(body))")
        require(action.keywords.contains { body.uppercased().contains($0) }, "no \(action) keyword in \(show(body))")
        // A code that is itself a keyword ("JA YE S" with length 3) cannot be written back unambiguously.
        let keywords = InboundSMSAction.allCases.flatMap(\.keywords)
        for keyword in action.keywords where !keywords.contains(code) {
            for reply in ["\(keyword) \(code)", "\(keyword.lowercased()) \(code.lowercased())", "\(keyword)-\(code)"] {
                let again = InboundSMSCommand.parse(reply, codeLength: codeLength)
                require(again == parsed, "\(show(reply)) parses as \(again), expected \(parsed)")
            }
        }
        require(parsed.code == code && parsed.action == action, "accessors")
    case .unrecognised:
        require(parsed.code == nil && parsed.action == nil, "accessors of an unrecognised reply")
    }
    if body.utf8.allSatisfy({ $0 < 0x80 }) {
        let lower = InboundSMSCommand.parse(body.lowercased(), codeLength: codeLength)
        let upper = InboundSMSCommand.parse(body.uppercased(), codeLength: codeLength)
        require(lower.action == parsed.action && lower.code == parsed.code, "lower case parses differently: \(show(body))")
        require(upper.action == parsed.action && upper.code == parsed.code, "upper case parses differently: \(show(body))")
    }
    return 0
}
