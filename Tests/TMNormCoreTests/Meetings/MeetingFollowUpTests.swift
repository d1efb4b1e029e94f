import Foundation
import Testing

@testable import TMNormCore

@Suite("Meetings: minutes versions, action items, reminders, poll")
struct MeetingFollowUpTests {
    let t0 = Date(timeIntervalSince1970: 1_198_000_000)
    let doc = MinutesDocument(
        sections: [MinutesSection(title: "Retningslinjer", markdown: "Gjelder fra **1. april**.")], attended: ["NORDMA", "HSH"])

    @Test("publishing makes version 1; a correction makes version 2 and version 1 stays as it was")
    func versions() throws {
        var history = MinutesHistory()
        let first = try history.publish(doc, at: t0)
        #expect(first.version == 1)
        var fixed = doc
        fixed.sections[0].markdown = "Gjelder fra **1. april 2008**."
        #expect(throws: MeetingProblem.self) { try history.publish(fixed, at: t0 + 60) }  // a correction needs a note
        let second = try history.publish(fixed, at: t0 + 60, note: "Årstall")
        #expect(second.version == 2)
        #expect(history.versions.map(\.version) == [1, 2])
        #expect(history.versions[0].document == doc)
        #expect(throws: MeetingProblem.self) { try history.publish(fixed, at: t0 + 120, note: "igjen") }  // unchanged
    }

    @Test("empty minutes are not published")
    func empty() {
        var history = MinutesHistory()
        #expect(throws: MeetingProblem.self) {
            try history.publish(MinutesDocument(sections: [MinutesSection(title: "x", markdown: " ")], attended: []), at: t0)
        }
    }

    @Test("the Markdown export has the title, the day, who attended and one heading per item")
    func export() throws {
        let text = doc.markdown(title: "Nettverksmøte", day: try LocalDate(year: 2007, month: 12, day: 17), version: 2)
        #expect(text.hasPrefix("# Nettverksmøte\n\nDato: 17.12.2007 · versjon 2"))
        #expect(text.contains("Til stede: NORDMA, HSH"))
        #expect(text.contains("## 1. Retningslinjer\n\nGjelder fra **1. april**."))
    }

    @Test("action items: open → done (note optional), open → dropped needs a note, closed → reopen needs a note")
    func machine() throws {
        let done = try ActionItemMachine.apply(.complete(note: " "), to: .open)
        #expect(done.0 == .done)
        #expect(done.1 == "")
        #expect(throws: MeetingProblem.self) { try ActionItemMachine.apply(.drop(note: " "), to: .open) }
        #expect(try ActionItemMachine.apply(.drop(note: "Overtatt av styret"), to: .open).0 == .dropped)
        #expect(throws: MeetingProblem.self) { try ActionItemMachine.apply(.complete(note: ""), to: .done) }
        #expect(throws: MeetingProblem.self) { try ActionItemMachine.apply(.reopen(note: ""), to: .done) }
        #expect(try ActionItemMachine.apply(.reopen(note: "Ikke svar"), to: .dropped).0 == .open)
        #expect(throws: MeetingProblem.self) { try ActionItemMachine.apply(.reopen(note: "x"), to: .open) }
    }

    @Test("reminders 7 and 1 days before the due date, then weekly when overdue, each once; none from before the item existed")
    func reminders() throws {
        let policy = ActionItemReminderPolicy.standard
        let due = try LocalDate(year: 2008, month: 1, day: 7)
        let created = try LocalDate(year: 2007, month: 12, day: 17)
        #expect(policy.reminder(due: due, createdOn: created, today: due.adding(days: -8)) == nil)
        #expect(policy.reminder(due: due, createdOn: created, today: due.adding(days: -7)) == .before(days: 7))
        #expect(policy.reminder(due: due, createdOn: created, today: due.adding(days: -3)) == .before(days: 7))
        #expect(policy.reminder(due: due, createdOn: created, today: due.adding(days: -1)) == .before(days: 1))
        #expect(policy.reminder(due: due, createdOn: created, today: due) == .before(days: 1))
        #expect(policy.reminder(due: due, createdOn: created, today: due.adding(days: 1)) == .overdue(n: 1))
        #expect(policy.reminder(due: due, createdOn: created, today: due.adding(days: 8)) == .overdue(n: 2))
        #expect(policy.reminder(due: due, createdOn: created, today: due.adding(days: 100))?.key == "overdue-4")
        // Made three days before it is due: the 7-day reminder never existed.
        #expect(policy.reminder(due: due, createdOn: due.adding(days: -3), today: due.adding(days: -2)) == nil)
    }

    @Test("the poll tallies yes, maybe and no per option and picks most yes, then maybe, then the earliest")
    func poll() throws {
        var poll = AvailabilityPoll(options: ["a", "b", "c"], invitees: ["nordma", "hsh", "unicall"])
        try poll.mark(invitee: "nordma", ["a": .yes, "b": .yes, "c": .no])
        try poll.mark(invitee: "hsh", ["a": .maybe, "b": .yes])
        try poll.mark(invitee: "unicall", ["a": .yes, "b": .no])
        #expect(poll.tally.map(\.yes) == [2, 2, 0])
        #expect(poll.tally[2].unanswered == 2)
        #expect(poll.best == "a")
        #expect(throws: MeetingProblem.self) { try poll.mark(invitee: "stranger", ["a": .yes]) }
        #expect(throws: MeetingProblem.self) { try poll.mark(invitee: "hsh", ["z": .yes]) }
        #expect(AvailabilityPoll(options: ["x", "y"], invitees: []).best == "x")
    }
}
