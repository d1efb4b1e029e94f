import Foundation
import Testing
@testable import TMNormCore

@Suite("Offer text and messages")
struct OfferTextTests {
    static let link = "https://tmnorm.example/t/AbCdEfGhIjKlMnOpQrStUvWx"
    static let acceptBy = (try? LocalDate(parsing: "2026-06-15")) ?? LocalDate(daysSinceEpoch: 0)

    static func offer(_ edit: (inout OfferComposition) -> Void = { _ in }) throws -> ConfirmationOffer {
        var composition = try ConfirmationFixtures.composition
        edit(&composition)
        guard case .ready(let offer) = ConfirmationChecker.check(composition) else { throw CancellationError() }
        return offer
    }

    static func document(_ offer: ConfirmationOffer, _ language: OfferLanguage, smsReplies: Bool = true) -> OfferDocument {
        OfferDocumentRenderer.render(offer, language: language, acceptByDay: acceptBy, smsReplies: smsReplies)
    }

    @Test("SHA-256 is the standard digest, in lower-case hex")
    func sha256Vector() {
        #expect(ConfirmationHashing.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ConfirmationHashing.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("the offer document carries every required item in both languages", arguments: OfferLanguage.allCases)
    func documentComplete(_ language: OfferLanguage) throws {
        let offer = try Self.offer()
        let document = Self.document(offer, language)
        #expect(OfferTextVerifier.missingItems(in: document, offer: offer) == [])
        #expect(document.sha256 == ConfirmationHashing.sha256Hex(document.text))
        #expect(document.text.contains("15.06.2026"))
        #expect(!document.text.contains("\r"))
    }

    static let removals: [(remove: String, missing: MissingOfferItem)] = [
        ("Du er bare bundet av avtalen hvis du aksepterer dette tilbudet skriftlig.", .bindingOnlyAfterWrittenAcceptance),
        ("Utfylt skjema sendes til:", .withdrawalForm),
        ("Angrefristen er 14 dager", .withdrawalDeadline),
        ("Takk nei:", .acceptanceInstructions),
        ("399,00 kr per måned", .price),
        ("974 760 673", .sellerOrganisationNumber),
        ("Postboks 1, 5804 Bergen", .clientAddress),
    ]

    @Test("the verifier notices when a required item is cut from the text", arguments: removals)
    func verifierDetectsRemoval(_ row: (remove: String, missing: MissingOfferItem)) throws {
        let offer = try Self.offer()
        let text = Self.document(offer, .norwegian).text.replacingOccurrences(of: row.remove, with: "")
        #expect(OfferTextVerifier.missingItems(in: text, offer: offer, language: .norwegian).contains(row.missing))
    }

    @Test("without SMS replies the texts mention only the link")
    func withoutSMSReplies() throws {
        let offer = try Self.offer()
        let document = Self.document(offer, .norwegian, smsReplies: false)
        #expect(!document.text.contains("JA og koden"))
        #expect(!document.text.contains("ANGRE"))
        #expect(OfferTextVerifier.missingItems(in: document, offer: offer) == [])
        var policy = ConfirmationPolicy()
        policy.smsRepliesEnabled = false
        let sms = try OfferMessageComposer.sms(
            offer, language: .norwegian, link: Self.link, code: "K7M2QX", acceptByDay: Self.acceptBy, policy: policy)
        #expect(!sms.text.contains("JA K7M2QX"))
        #expect(sms.text.contains("via lenken innen 15.06.2026"))
    }

    @Test("goods count the withdrawal period from receipt and tick 'varer' on the form")
    func goods() throws {
        let offer = try Self.offer {
            $0.productKind = .goods; $0.statutory.returnCostsPaidBy = .consumer
        }
        let text = Self.document(offer, .norwegian).text
        #expect(text.contains("Angrefristen er 14 dager fra dagen du mottar varen."))
        #expect(text.contains("[X] varer"))
        #expect(text.contains("[ ] tjenester"))
    }

    @Test("the working-day sentence follows the withdrawal policy flag")
    func workingDaySentenceIsPolicy() throws {
        var policy = WithdrawalPolicy()
        policy.extendToNextWorkingDay = false
        let text = OfferDocumentRenderer.render(
            try Self.offer(), language: .norwegian, acceptByDay: Self.acceptBy, smsReplies: true, withdrawal: policy
        ).text
        #expect(!text.contains("neste virkedag"))
        #expect(Self.document(try Self.offer(), .norwegian).text.contains("neste virkedag"))
    }

    @Test("no binding, a one-off price, no start date and no terms are written as such")
    func minimalTerms() throws {
        let offer = try Self.offer { c in
            c.bindingMonths = 0
            c.price = OfferPrice(amount: .zero, period: .once)
            c.startDate = nil
            c.terms = nil
        }
        let text = Self.document(offer, .norwegian).text
        #expect(text.contains("Bindingstid: ingen bindingstid"))
        #expect(text.contains("Pris: 0,00 kr (engangsbeløp)"))
        #expect(!text.contains("Oppstart:") && !text.contains("Vilkår:") && !text.contains("Sum i bindingstiden"))
    }

    static let shortening: [(maximum: Int, outcome: String)] = [
        (1, "refused"), (2, "name dropped"), (3, "name shortened"), (4, "name whole"),
    ]

    @Test("a long product name is shortened in the SMS only, to the policy's segments", arguments: shortening)
    func longProductShortened(_ row: (maximum: Int, outcome: String)) throws {
        let name =
            "Komplett bredbånd og TV-pakke med strømmetjenester, ruter, installasjon og ekstra dekoder for hytta"
            + String(repeating: " og mer", count: 14)
        let offer = try Self.offer { $0.product = name }
        var policy = ConfirmationPolicy()
        policy.maximumSMSSegments = row.maximum
        #expect(Self.document(offer, .norwegian).text.contains("Produkt: \(name)\n"))
        let sms: OfferSMS
        do {
            sms = try OfferMessageComposer.sms(
                offer, language: .norwegian, link: Self.link, code: "K7M2QX", acceptByDay: Self.acceptBy, policy: policy)
        } catch {
            #expect(row.outcome == "refused")
            #expect(error == .smsTooLong(segments: 2, maximum: 1))
            return
        }
        #expect(sms.size.segments <= row.maximum)
        switch row.outcome {
        case "name dropped": #expect(sms.productShortened && sms.text.contains("): Tilbud, 399,00 kr/mnd"))
        case "name shortened":
            #expect(sms.productShortened && sms.text.contains("Tilbud på Komplett bredbånd") && sms.text.contains("..., 399,00 kr/mnd"))
        default: #expect(!sms.productShortened && sms.text.contains(name))
        }
    }

    @Test("an SMS that cannot fit even without the product name is refused with the count")
    func smsTooLong() throws {
        let offer = try Self.offer { $0.client.name = String(repeating: "Veldig Langt Firmanavn ", count: 20) }
        #expect(throws: OfferTextProblem.self) {
            try OfferMessageComposer.sms(offer, language: .norwegian, link: Self.link, code: "K7M2QX", acceptByDay: Self.acceptBy)
        }
    }

    @Test("the e-mail has subject, link and code, the SMS alternative when a reply number is known, then the document")
    func email() throws {
        let offer = try Self.offer()
        let document = Self.document(offer, .norwegian)
        let mail = OfferMessageComposer.email(document, offer: offer, link: Self.link, code: "K7M2QX", smsReplyNumber: "2250")
        #expect(mail.subject == "Tilbud fra Fjordkraft Demo AS: Strømavtale Fastpris 12 (svar innen 15.06.2026)")
        #expect(mail.body.hasPrefix("Hei Kari Nordmann,"))
        #expect(mail.body.contains(Self.link) && mail.body.contains("Koden din: K7M2QX"))
        #expect(mail.body.contains("sende JA K7M2QX på SMS til 2250"))
        #expect(mail.body.hasSuffix(document.text))
        let noSMS = OfferMessageComposer.email(document, offer: offer, link: Self.link, code: "K7M2QX", smsReplyNumber: nil)
        #expect(!noSMS.body.contains("på SMS til"))
        let english = OfferMessageComposer.email(Self.document(offer, .english), offer: offer, link: Self.link, code: "K7M2QX", smsReplyNumber: nil)
        #expect(english.subject == "Offer from Fjordkraft Demo AS: Strømavtale Fastpris 12 (answer by 15.06.2026)")
    }

    @Test("the English SMS stays GSM-7 within three segments")
    func englishSMS() throws {
        let sms = try OfferMessageComposer.sms(try Self.offer(), language: .english, link: Self.link, code: "K7M2QX", acceptByDay: Self.acceptBy)
        #expect(sms.size.encoding == .gsm7 && sms.size.segments <= 3)
        #expect(sms.text.contains("Reply JA K7M2QX to accept or NEI K7M2QX to decline by 15.06.2026."))
    }
}
