/// The "how to answer" and "right of withdrawal" sections of an offer.
enum OfferAnswerText {
    static func lines(_ offer: ConfirmationOffer, language: OfferLanguage, acceptByDay: LocalDate, smsReplies: Bool) -> [String] {
        let date = OfferDateText.date(acceptByDay)
        switch language {
        case .norwegian:
            return [
                "Svarfrist: \(date) kl. 23.59. Svarer du ikke innen fristen, faller tilbudet bort.",
                "Aksepter: åpne lenken i meldingen du fikk og trykk «Jeg aksepterer tilbudet»"
                    + (smsReplies ? ", eller svar på SMS-en med JA og koden din." : "."),
                "Takk nei: åpne lenken og trykk «Nei takk»" + (smsReplies ? ", eller svar på SMS-en med NEI og koden din." : "."),
                "Du skal ikke betale for noe du ikke har akseptert skriftlig.",
            ]
        case .english:
            return [
                "Deadline: \(date) at 23:59 (Norwegian time). If you do not answer by then, the offer lapses.",
                "Accept: open the link in the message you received and press \"I accept the offer\""
                    + (smsReplies ? ", or reply to the SMS with JA and your code." : "."),
                "Decline: open the link and press \"No thanks\"" + (smsReplies ? ", or reply to the SMS with NEI and your code." : "."),
                "You never pay for anything you have not accepted in writing.",
            ]
        }
    }

    static func withdrawal(
        _ offer: ConfirmationOffer, language: OfferLanguage, smsReplies: Bool, policy: WithdrawalPolicy, confirmation: Bool = false
    ) -> [String] {
        let days = offer.withdrawalPeriodDays
        let addressee = ([offer.client.name] + WithdrawalFormText.addressParts(offer.client)).joined(separator: ", ")
        let goods = offer.productKind == .goods
        let newspaper = offer.productKind == .newspaperSubscription
        switch language {
        case .norwegian:
            let start =
                newspaper
                ? "dagen du mottar den første utgaven"
                : goods ? "dagen du mottar varen" : confirmation ? "dagen avtalen ble inngått" : "dagen du aksepterer tilbudet"
            let how = smsReplies ? "svare ANGRE og koden din på SMS, bruke lenken i meldingen, eller sende" : "bruke lenken i meldingen, eller sende"
            return [
                "Du har \(days) dagers angrerett etter angrerettloven. Angrefristen er \(days) dager fra \(start)."
                    + (policy.extendToNextWorkingDay
                        ? " Faller siste dag på en lørdag, søndag eller helligdag, forlenges fristen til neste virkedag." : ""),
                "Du kan gå fra avtalen uten å oppgi grunn. Du kan \(how) en tydelig melding, gjerne angreskjemaet nedenfor, til \(addressee). Det er nok at du sender meldingen før fristen går ut.",
            ]
        case .english:
            let start =
                newspaper
                ? "the day you receive the first issue"
                : goods ? "the day you receive the goods" : confirmation ? "the day the agreement was made" : "the day you accept the offer"
            let how = smsReplies ? "reply ANGRE and your code by SMS, use the link in the message, or send" : "use the link in the message, or send"
            return [
                "You have a \(days)-day right of withdrawal under the Norwegian Cancellation Act (angrerettloven). The withdrawal period is \(days) days from \(start)."
                    + (policy.extendToNextWorkingDay
                        ? " If the last day is a Saturday, Sunday or public holiday, the period ends on the next working day." : ""),
                "You may withdraw without giving a reason. You can \(how) a clear statement, for example the form below, to \(addressee). It is enough that you send it before the period ends.",
            ]
        }
    }
}
