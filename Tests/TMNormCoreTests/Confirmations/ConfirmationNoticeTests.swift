import Foundation
import Testing
@testable import TMNormCore

@Suite("Offer deadlines and notices")
struct ConfirmationNoticeTests {
    static func instant(_ s: String) -> Date { (try? OsloTime.parseTimestamp(s)) ?? .distantPast }
    static func day(_ s: String) -> LocalDate { (try? LocalDate(parsing: s)) ?? LocalDate(daysSinceEpoch: 0) }

    @Test("an offer sent on 1 June may be accepted until 15 June 23:59:59 Oslo time; the reminder is due 4 June at the same time")
    func deadlines() {
        let deadlines = OfferDeadlines(sentAt: Self.instant("2026-06-01T10:00:00+02:00"))
        #expect(deadlines.acceptByDay == Self.day("2026-06-15"))
        #expect(deadlines.acceptBy == Self.instant("2026-06-15T21:59:59Z"))
        #expect(deadlines.reminderDueAt == Self.instant("2026-06-04T10:00:00+02:00"))
        #expect(deadlines.isOpenForAcceptance(at: Self.instant("2026-06-15T23:59:59.5+02:00")))
        #expect(!deadlines.isOpenForAcceptance(at: Self.instant("2026-06-16T00:00:00+02:00")))
    }

    @Test("the reminder keeps the Oslo wall-clock time across the change to summer time")
    func reminderAcrossDST() {
        let deadlines = OfferDeadlines(sentAt: Self.instant("2026-03-27T10:00:00+01:00"))
        #expect(deadlines.reminderDueAt == Self.instant("2026-03-30T10:00:00+02:00"))
    }

    @Test("deadlines follow the policy: no reminder, other acceptance days, sent late in the evening UTC")
    func deadlinesArePolicy() {
        var policy = ConfirmationPolicy()
        policy.reminderAfterDays = nil
        policy.acceptanceDeadlineDays = 7
        let deadlines = OfferDeadlines(sentAt: Self.instant("2026-06-01T22:30:00Z"), policy: policy)
        #expect(deadlines.reminderDueAt == nil)
        #expect(deadlines.acceptByDay == Self.day("2026-06-09"))
        policy.reminderAfterDays = 30
        #expect(
            OfferDeadlines(sentAt: Self.instant("2026-06-01T12:00:00Z"), policy: policy).reminderDueAt == Self.instant("2026-06-08T23:59:59+02:00"))
    }

    @Test("the reminder names client, product, deadline, link and code")
    func reminder() throws {
        let notice = ConfirmationNoticeText.reminder(
            try ConfirmationFixtures.offer, language: .norwegian, link: "https://x.example/t/T", code: "K7M2QX",
            acceptByDay: Self.day("2026-06-15"), smsReplies: true)
        #expect(
            notice.sms
                == "Påminnelse: Tilbudet fra Fjordkraft Demo AS om Strømavtale Fastpris 12 gjelder til og med 15.06.2026. Du er bare bundet hvis du aksepterer skriftlig. Se tilbudet: https://x.example/t/T Svar JA K7M2QX for å akseptere eller NEI K7M2QX for å takke nei."
        )
        #expect(notice.emailBody.hasPrefix("Hei Kari Nordmann,\n\n"))
    }

    @Test("the acceptance receipt gives Oslo time, reference, withdrawal deadline and how to withdraw")
    func acceptanceReceipt() throws {
        let offer = try ConfirmationFixtures.offer
        let accepted = Self.instant("2026-06-03T12:05:00Z")
        let deadline = WithdrawalDeadlineCalculator.deadline(for: .service, acceptedAt: accepted, goodsReceivedOn: nil)
        let notice = ConfirmationNoticeText.acceptanceReceipt(
            offer, language: .norwegian, acceptedAt: accepted, reference: "TM-7Q4K-9XRA", link: "https://x.example/t/T",
            code: "K7M2QX", withdrawalDeadline: deadline, smsReplies: true)
        #expect(notice.sms.contains("03.06.2026 kl. 14.05"))
        #expect(notice.sms.contains("Referanse: TM-7Q4K-9XRA."))
        #expect(notice.sms.contains("Angrefristen går ut 17.06.2026."))
        #expect(notice.sms.contains("svar ANGRE K7M2QX"))
        let english = ConfirmationNoticeText.acceptanceReceipt(
            offer, language: .english, acceptedAt: accepted, reference: "R", link: "L", code: "C", withdrawalDeadline: nil, smsReplies: false)
        #expect(english.sms.contains("on 03.06.2026 at 14:05 (Norwegian time)"))
        #expect(english.sms.contains("within 14 days of receiving the goods"))
        #expect(!english.sms.contains("ANGRE"))
    }

    @Test("decline and withdrawal receipts say the consumer is free, with the reference")
    func otherReceipts() throws {
        let offer = try ConfirmationFixtures.offer
        #expect(ConfirmationNoticeText.declineReceipt(offer, language: .norwegian, reference: "R1").sms.contains("Du er ikke bundet"))
        let withdrawal = ConfirmationNoticeText.withdrawalReceipt(
            offer, language: .english, withdrawnAt: Self.instant("2026-12-01T08:00:00Z"), reference: "R2")
        #expect(withdrawal.sms.contains("on 01.12.2026 at 09:00 (Norwegian time)"))
        #expect(withdrawal.emailSubject == "Withdrawal receipt (R2)")
    }
}
