import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import TMNormCore

@Suite("The Godkjent Callcenter badge")
struct AuthorizationBadgeTests {
    static func entry(_ status: AuthorizationPublicStatus, name: String = "UniCall AS", until: String? = "2027-01-31") throws
        -> AuthorizationRegisterEntry
    {
        AuthorizationRegisterEntry(
            orgnr: try AZOrg.number(AZOrg.unicall), name: name, status: status, validUntil: try until.map { try LocalDate(parsing: $0) })
    }

    @Test(
        "each status has its colour and label, and the date is written dd.mm.yyyy",
        arguments: [
            (AuthorizationPublicStatus.approved, "#1a7f37", "Godkjent · Gyldig til 31.01.2027"),
            (.suspended, "#9a6700", "Suspendert – ikke gyldig nå"), (.revoked, "#cf222e", "Tilbakekalt"),
            (.expired, "#57606a", "Utløpt 31.01.2027"), (.underReview, "#0969da", "Under behandling"),
            (.notApproved, "#57606a", "Ikke godkjent"),
        ])
    func perStatus(status: AuthorizationPublicStatus, colour: String, line: String) throws {
        let withDate: Bool = [.approved, .suspended, .expired].contains(status)
        let svg = AuthorizationBadge.svg(for: try Self.entry(status, until: withDate ? "2027-01-31" : nil))
        #expect(svg.contains(#"fill="\#(colour)""#))
        #expect(svg.contains(">\(line)</text>"))
        #expect(svg.contains(status == .approved ? ">Godkjent Callcenter</text>" : ">Callcenternemnda</text>"))
        // Only an approved centre's badge says "Godkjent" or shows a date it is valid until.
        if status != .approved {
            #expect(!svg.contains("Godkjent"))
            #expect(!svg.contains("Gyldig til"))
        }
        #expect(
            svg.hasPrefix(
                #"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64" role="img" aria-labelledby="badge-title">"#))
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test("white text on every status colour meets WCAG AA contrast (4.5:1)", arguments: AuthorizationPublicStatus.allCases)
    func contrast(status: AuthorizationPublicStatus) {
        let hex = AuthorizationBadge.colour(status).dropFirst()
        let channels = stride(from: 0, to: 6, by: 2).map { i -> Double in
            let start = hex.index(hex.startIndex, offsetBy: i)
            let v = Double(Int(hex[start..<hex.index(start, offsetBy: 2)], radix: 16) ?? 0) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        #expect(1.05 / (luminance + 0.05) >= 4.5)
    }

    @Test("the accessible title names the centre, escaped, so a hostile name cannot inject markup")
    func escaping() throws {
        let svg = AuthorizationBadge.svg(for: try Self.entry(.approved, name: #"Evil</title><script>alert("x")</script> & Co"#))
        #expect(!svg.contains("<script"))
        #expect(
            svg.contains(
                "<title id=\"badge-title\">Godkjent Callcenter – Evil&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co (org.nr. 912 345 009): Godkjent · Gyldig til 31.01.2027</title>"
            ))
        // The badge is well-formed XML.
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse())
    }
}
