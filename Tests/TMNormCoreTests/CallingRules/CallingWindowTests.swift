import Foundation
import Testing
@testable import TMNormCore

@Suite("Allowed calling windows in a span")
struct CallingWindowTests {
    @Test("an ordinary week has five windows 09:00–21:00")
    func ordinaryWeek() throws {
        let windows = try CallingRules.allowedWindows(from: try date("2026-11-30"), through: try date("2026-12-06"))
        #expect(
            windows.map { OsloTime.iso8601($0.start) }
                == (0..<5).map { "2026-12-0\($0 + 1)T09:00:00+01:00" }.enumerated().map {
                    $0.offset == 0 ? "2026-11-30T09:00:00+01:00" : "2026-12-0\($0.offset)T09:00:00+01:00"
                })
        #expect(windows.allSatisfy { $0.end.timeIntervalSince($0.start) == 12 * 3600 })
    }

    @Test("Easter week 2026 has windows only Monday to Wednesday, and the norm changes nothing there")
    func easterWeek() throws {
        let law = try CallingRules.allowedWindows(from: try date("2026-03-30"), through: try date("2026-04-06"))
        #expect(law.map { OsloTime.localDate(of: $0.start).day } == [30, 31, 1])
        #expect(try CallingRules.allowedWindows(from: try date("2026-03-30"), through: try date("2026-04-06"), norm: .exampleStricterNorm) == law)
    }

    @Test("windows carry the offset in force: the week of the spring change switches to +02:00")
    func springChangeWeek() throws {
        let windows = try CallingRules.allowedWindows(from: try date("2026-03-27"), through: try date("2026-03-30"))
        #expect(windows.map { OsloTime.iso8601($0.start) } == ["2026-03-27T09:00:00+01:00", "2026-03-30T09:00:00+02:00"])
        #expect(windows.map { OsloTime.iso8601($0.end) } == ["2026-03-27T21:00:00+01:00", "2026-03-30T21:00:00+02:00"])
    }

    @Test("windows between two instants are clipped to the span")
    func clipped() throws {
        let windows = try CallingRules.allowedWindows(from: try at("2026-12-01T12:00:00+01:00"), to: try at("2026-12-02T10:00:00+01:00"))
        #expect(windows.map { OsloTime.iso8601($0.start) } == ["2026-12-01T12:00:00+01:00", "2026-12-02T09:00:00+01:00"])
        #expect(windows.map { OsloTime.iso8601($0.end) } == ["2026-12-01T21:00:00+01:00", "2026-12-02T10:00:00+01:00"])
    }

    @Test("a span whose end lies before its start is refused")
    func reversed() throws {
        #expect(throws: CallingRulesError.endBeforeStart(start: "2026-12-02", end: "2026-12-01")) {
            try CallingRules.allowedWindows(from: try date("2026-12-02"), through: try date("2026-12-01"))
        }
        #expect(throws: CallingRulesError.self) {
            try CallingRules.allowedWindows(from: try at("2026-12-02T00:00:00Z"), to: try at("2026-12-01T00:00:00Z"))
        }
    }

    @Test("a single day that is open gives one window; a closed day none")
    func singleDay() throws {
        #expect(try CallingRules.allowedWindows(from: try date("2026-12-01"), through: try date("2026-12-01")).count == 1)
        #expect(try CallingRules.allowedWindows(from: try date("2026-12-25"), through: try date("2026-12-25")).isEmpty)
    }

    @Test("a window encodes as start and end in Oslo time, and decodes back")
    func json() throws {
        let w = CallingWindow(start: try at("2026-12-01T09:00:00+01:00"), end: try at("2026-12-01T21:00:00+01:00"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(w), as: UTF8.self)
        #expect(text == #"{"end":"2026-12-01T21:00:00+01:00","start":"2026-12-01T09:00:00+01:00"}"#)
        #expect(try JSONDecoder().decode(CallingWindow.self, from: Data(text.utf8)) == w)
    }

    @Test("a decision summary has at, allowed, reason and next_allowed")
    func summary() throws {
        let d = try CallingRules.decide(at: try at("2026-12-01T08:00:00+01:00"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(d.summary), as: UTF8.self)
        #expect(text == #"{"allowed":false,"at":"2026-12-01T08:00:00+01:00","next_allowed":"2026-12-01T09:00:00+01:00","reason":"before_opening"}"#)
    }
}
