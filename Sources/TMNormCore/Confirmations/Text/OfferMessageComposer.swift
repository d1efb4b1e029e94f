import Foundation

/// An offer SMS ready for the gateway: the text and how many segments it costs.
public struct OfferSMS: Sendable, Hashable, Codable {
    public let text: String
    public let size: SMSSegmentCount
    /// True when the product name was shortened to stay within the policy's segments (the full name is
    /// in the offer document behind the link and in the e-mail).
    public let productShortened: Bool
}

/// An offer e-mail: subject and plain-text body (LF line endings; the SMTP client sends CRLF).
public struct OfferEmail: Sendable, Hashable, Codable {
    public let subject: String
    public let body: String
}

/// Why an offer message could not be composed.
public enum OfferTextProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Even with the product name cut to nothing the SMS needs more segments than the policy allows.
    case smsTooLong(segments: Int, maximum: Int)

    public var description: String {
        switch self {
        case .smsTooLong(let n, let max): "the offer SMS needs \(n) segments; the policy allows \(max): shorten the client name or raise the limit"
        }
    }

    /// The reason in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .smsTooLong(let n, let max):
            "tilbuds-SMS-en trenger \(n) deler; policyen tillater \(max): forkort navnet på oppdragsgiveren eller øk grensen"
        }
    }
}

/// Wraps an offer in the messages that carry it: a short SMS and a full e-mail, each with link and code.
public enum OfferMessageComposer {
    /// The SMS: who offers what at which price and binding, the statement, the link, how to answer, the
    /// withdrawal period. Typographic characters are mapped to GSM-7; the product name is shortened if needed.
    public static func sms(
        _ offer: ConfirmationOffer, language: OfferLanguage, link: String, code: String, acceptByDay: LocalDate,
        policy: ConfirmationPolicy = .standard
    ) throws(OfferTextProblem) -> OfferSMS {
        let replies = policy.smsRepliesEnabled
        let full = SMSSegmentCounter.gsmFriendly(offer.product)
        // Longest first: the whole name, then ever shorter prefixes marked "...", then no name at all.
        let lengths = [full.count] + Array(stride(from: full.count - 1, through: 0, by: -1))
        var segments = 0
        for length in lengths {
            let product = length == full.count ? full : length == 0 ? "" : String(full.prefix(length)).trimmingCharacters(in: .whitespaces) + "..."
            let text = smsText(offer, product: product, language, link, code, acceptByDay, replies)
            let size = SMSSegmentCounter.count(text)
            if size.segments <= policy.maximumSMSSegments {
                return OfferSMS(text: text, size: size, productShortened: product != full)
            }
            segments = size.segments
        }
        throw .smsTooLong(segments: segments, maximum: policy.maximumSMSSegments)
    }

    static func smsText(
        _ offer: ConfirmationOffer, product: String, _ language: OfferLanguage, _ link: String, _ code: String,
        _ acceptByDay: LocalDate, _ replies: Bool
    ) -> String {
        let client = SMSSegmentCounter.gsmFriendly(offer.client.name)
        let price = offer.price.shortFormatted(language)
        let date = OfferDateText.date(acceptByDay)
        let days = offer.withdrawalPeriodDays
        switch language {
        case .norwegian:
            let what = product.isEmpty ? "Tilbud" : "Tilbud på \(product)"
            let binding = offer.bindingMonths == 0 ? "ingen binding" : "bindingstid \(offer.bindingMonths) mnd"
            let answer =
                replies
                ? "Svar JA \(code) for å akseptere eller NEI \(code) for å takke nei innen \(date)."
                : "Aksepter eller takk nei via lenken innen \(date)."
            return
                "\(client) (org.nr. \(offer.client.organisationNumber.formatted)): \(what), \(price), \(binding). Du er bare bundet hvis du aksepterer skriftlig. Se hele tilbudet: \(link) \(answer) Angrerett \(days) dager."
        case .english:
            let what = product.isEmpty ? "Offer" : "Offer for \(product)"
            let binding = offer.bindingMonths == 0 ? "no binding" : "\(offer.bindingMonths) months binding"
            let answer =
                replies
                ? "Reply JA \(code) to accept or NEI \(code) to decline by \(date)."
                : "Accept or decline via the link by \(date)."
            return
                "\(client) (org. no. \(offer.client.organisationNumber.formatted)): \(what), \(price), \(binding). You are bound only if you accept in writing. Full offer: \(link) \(answer) \(days)-day right of withdrawal."
        }
    }

    /// The e-mail: greeting, link and code, the SMS alternative when `smsReplyNumber` is given, then the
    /// whole offer document exactly as hashed.
    public static func email(
        _ document: OfferDocument, offer: ConfirmationOffer, link: String, code: String, smsReplyNumber: String?
    ) -> OfferEmail {
        let date = OfferDateText.date(document.acceptByDay)
        let rule = String(repeating: "-", count: 60)
        switch document.language {
        case .norwegian:
            var intro = [
                "Hei \(offer.consumer.name),", "",
                "her er det skriftlige tilbudet etter telefonsamtalen. Du er bare bundet hvis du aksepterer det skriftlig innen \(date).",
                "", "Se tilbudet og svar her: \(link)", "Koden din: \(code)",
            ]
            if let number = smsReplyNumber {
                intro.append("Du kan også sende JA \(code) på SMS til \(number) for å akseptere, eller NEI \(code) for å takke nei.")
            }
            return OfferEmail(
                subject: "Tilbud fra \(offer.client.name): \(offer.product) (svar innen \(date))",
                body: (intro + ["", rule, document.text]).joined(separator: "\n"))
        case .english:
            var intro = [
                "Dear \(offer.consumer.name),", "",
                "here is the written offer following our phone call. You are bound only if you accept it in writing by \(date).",
                "", "See the offer and answer here: \(link)", "Your code: \(code)",
            ]
            if let number = smsReplyNumber {
                intro.append("You can also text JA \(code) to \(number) to accept, or NEI \(code) to decline.")
            }
            return OfferEmail(
                subject: "Offer from \(offer.client.name): \(offer.product) (answer by \(date))",
                body: (intro + ["", rule, document.text]).joined(separator: "\n"))
        }
    }
}
