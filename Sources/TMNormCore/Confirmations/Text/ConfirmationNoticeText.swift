import Foundation

/// A follow-up message to the consumer, as SMS text and as e-mail.
public struct ConfirmationNotice: Sendable, Hashable, Codable {
    /// GSM-7 friendly SMS text.
    public let sms: String
    public let emailSubject: String
    public let emailBody: String
}

/// Reminder and receipts (accepted, declined, withdrawn) in Norwegian and English.
public enum ConfirmationNoticeText {
    /// The one reminder before the acceptance deadline.
    public static func reminder(
        _ offer: ConfirmationOffer, language: OfferLanguage, link: String, code: String, acceptByDay: LocalDate, smsReplies: Bool
    ) -> ConfirmationNotice {
        let date = OfferDateText.date(acceptByDay)
        let nb = language == .norwegian
        let how =
            smsReplies
            ? (nb ? "Svar JA \(code) for å akseptere eller NEI \(code) for å takke nei." : "Reply JA \(code) to accept or NEI \(code) to decline.")
            : (nb ? "Svar via lenken." : "Answer via the link.")
        let line =
            nb
            ? "Påminnelse: Tilbudet fra \(offer.client.name) om \(offer.product) gjelder til og med \(date). Du er bare bundet hvis du aksepterer skriftlig. Se tilbudet: \(link) \(how)"
            : "Reminder: The offer from \(offer.client.name) for \(offer.product) is open until \(date). You are bound only if you accept in writing. See the offer: \(link) \(how)"
        return notice(
            line, subject: nb ? "Påminnelse: tilbud fra \(offer.client.name)" : "Reminder: offer from \(offer.client.name)", offer, language)
    }

    /// The receipt after written acceptance: time, reference, withdrawal deadline and how to withdraw.
    public static func acceptanceReceipt(
        _ offer: ConfirmationOffer, language: OfferLanguage, acceptedAt: Date, reference: String, link: String,
        code: String, withdrawalDeadline: WithdrawalDeadline?, smsReplies: Bool
    ) -> ConfirmationNotice {
        let nb = language == .norwegian
        let when = OfferDateText.dateTime(OsloTime.localDateTime(of: acceptedAt), language)
        let deadline: String
        if let withdrawalDeadline {
            let day = OfferDateText.date(withdrawalDeadline.lastDay)
            deadline = nb ? "Angrefristen går ut \(day)." : "You may withdraw until \(day)."
        } else {
            let days = offer.withdrawalPeriodDays
            deadline = nb ? "Angrefristen er \(days) dager fra du mottar varen." : "You may withdraw within \(days) days of receiving the goods."
        }
        let how =
            smsReplies
            ? (nb ? "Vil du angre, svar ANGRE \(code) eller bruk \(link)" : "To withdraw, reply ANGRE \(code) or use \(link)")
            : (nb ? "Vil du angre, bruk \(link)" : "To withdraw, use \(link)")
        let line =
            nb
            ? "Kvittering: Du aksepterte tilbudet fra \(offer.client.name) om \(offer.product) \(when). Referanse: \(reference). \(deadline) \(how)"
            : "Receipt: You accepted the offer from \(offer.client.name) for \(offer.product) on \(when). Reference: \(reference). \(deadline) \(how)"
        return notice(
            line,
            subject: nb
                ? "Kvittering: avtale med \(offer.client.name) (\(reference))" : "Receipt: agreement with \(offer.client.name) (\(reference))", offer,
            language)
    }

    /// The receipt after the consumer declined.
    public static func declineReceipt(_ offer: ConfirmationOffer, language: OfferLanguage, reference: String) -> ConfirmationNotice {
        let nb = language == .norwegian
        let line =
            nb
            ? "Du har takket nei til tilbudet fra \(offer.client.name) om \(offer.product). Du er ikke bundet og skal ikke betale noe. Referanse: \(reference)."
            : "You declined the offer from \(offer.client.name) for \(offer.product). You are not bound and owe nothing. Reference: \(reference)."
        return notice(
            line, subject: nb ? "Du takket nei til tilbudet fra \(offer.client.name)" : "You declined the offer from \(offer.client.name)", offer,
            language)
    }

    /// The receipt after withdrawal.
    public static func withdrawalReceipt(
        _ offer: ConfirmationOffer, language: OfferLanguage, withdrawnAt: Date, reference: String
    ) -> ConfirmationNotice {
        let nb = language == .norwegian
        let when = OfferDateText.dateTime(OsloTime.localDateTime(of: withdrawnAt), language)
        let line =
            nb
            ? "Vi har registrert at du gikk fra avtalen med \(offer.client.name) om \(offer.product) \(when) (angrerett). Referanse: \(reference)."
            : "We have registered that you withdrew from the agreement with \(offer.client.name) for \(offer.product) on \(when). Reference: \(reference)."
        return notice(line, subject: nb ? "Kvittering for bruk av angrerett (\(reference))" : "Withdrawal receipt (\(reference))", offer, language)
    }

    private static func notice(_ line: String, subject: String, _ offer: ConfirmationOffer, _ language: OfferLanguage) -> ConfirmationNotice {
        let greeting = language == .norwegian ? "Hei \(offer.consumer.name)," : "Dear \(offer.consumer.name),"
        return ConfirmationNotice(
            sms: SMSSegmentCounter.gsmFriendly(line), emailSubject: subject,
            emailBody: [greeting, "", line].joined(separator: "\n"))
    }
}
