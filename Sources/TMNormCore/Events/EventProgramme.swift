import Foundation

/// What a slot of the programme is: shown with its own mark on the timeline and in the calendar.
public enum ProgrammeSlotKind: String, Sendable, Hashable, Codable, CaseIterable {
    case talk
    case discussion
    case `break`
    case lunch
    case dinner
}

/// One slot of an event's programme, in Oslo wall-clock time on the event's day.
public struct ProgrammeSlot: Sendable, Hashable, Codable {
    public var start: LocalTime
    public var end: LocalTime
    public var title: String
    public var speaker: String
    public var kind: ProgrammeSlotKind

    public init(start: LocalTime, end: LocalTime, title: String, speaker: String = "", kind: ProgrammeSlotKind) {
        self.start = start
        self.end = end
        self.title = title
        self.speaker = speaker
        self.kind = kind
    }
}

/// An event as the association enters it, before any checks.
public struct EventDraft: Sendable, Hashable {
    public var title: String
    public var day: LocalDate
    public var venue: String
    public var description: String
    /// Seats for the day; 0 means no registration is taken.
    public var capacity: Int
    /// Seats at the dinner (at most the day's capacity).
    public var dinnerCapacity: Int
    /// The last day registrations are taken (inclusive, Oslo time).
    public var deadline: LocalDate
    /// Prices in øre (NOK × 100); may be 0.
    public var memberPrice: Int
    public var nonMemberPrice: Int

    public init(
        title: String, day: LocalDate, venue: String, description: String = "", capacity: Int, dinnerCapacity: Int, deadline: LocalDate,
        memberPrice: Int = 0, nonMemberPrice: Int = 0
    ) {
        self.title = title
        self.day = day
        self.venue = venue
        self.description = description
        self.capacity = capacity
        self.dinnerCapacity = dinnerCapacity
        self.deadline = deadline
        self.memberPrice = memberPrice
        self.nonMemberPrice = nonMemberPrice
    }
}

/// A problem with an event, a slot or a registration, by field, told in both languages.
public struct EventProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public let field: String
    public let english: String
    public let norwegian: String

    public init(field: String, english: String, norwegian: String) {
        self.field = field
        self.english = english
        self.norwegian = norwegian
    }

    public var description: String { "\(field): \(english)" }
}

/// The rules an event and its programme must follow.
public enum EventRules {
    public static let maximumTitle = 200
    public static let maximumVenue = 200
    public static let maximumDescription = 5_000
    public static let maximumSpeaker = 200
    public static let maximumCapacity = 100_000
    /// NOK 1 000 000 in øre: more is a typing error.
    public static let maximumPrice = 100_000_000

    /// Every problem with an event's details; empty when it may be saved.
    public static func check(_ draft: EventDraft) -> [EventProblem] {
        var problems: [EventProblem] = []
        problems += TextRules.required(draft.title, field: "title", maximum: maximumTitle)
        problems += TextRules.required(draft.venue, field: "venue", maximum: maximumVenue)
        problems += TextRules.optional(draft.description, field: "description", maximum: maximumDescription, multiline: true)
        if !(0...maximumCapacity).contains(draft.capacity) {
            problems.append(.init(field: "capacity", english: "must be 0 to \(maximumCapacity)", norwegian: "må være 0 til \(maximumCapacity)"))
        }
        if !(0...max(0, draft.capacity)).contains(draft.dinnerCapacity) {
            problems.append(
                .init(
                    field: "dinner_capacity", english: "must be 0 to the day's capacity (\(draft.capacity))",
                    norwegian: "må være 0 til dagens kapasitet (\(draft.capacity))"))
        }
        if draft.deadline > draft.day {
            problems.append(
                .init(
                    field: "deadline", english: "must be on or before the day of the event",
                    norwegian: "må være samme dag som arrangementet eller før"))
        }
        for (field, price) in [("member_price", draft.memberPrice), ("non_member_price", draft.nonMemberPrice)]
        where !(0...maximumPrice).contains(price) {
            problems.append(.init(field: field, english: "must be 0 to NOK 1 000 000", norwegian: "må være 0 til 1 000 000 kr"))
        }
        return problems
    }

    /// Every problem with a slot, and with how it sits among the other slots (no two overlap).
    public static func check(_ slot: ProgrammeSlot, among others: [ProgrammeSlot]) -> [EventProblem] {
        var problems: [EventProblem] = []
        problems += TextRules.required(slot.title, field: "title", maximum: maximumTitle)
        problems += TextRules.optional(slot.speaker, field: "speaker", maximum: maximumSpeaker, multiline: false)
        if slot.end <= slot.start {
            problems.append(.init(field: "end", english: "must be after the start", norwegian: "må være etter start"))
        } else if let clash = others.first(where: { $0.start < slot.end && slot.start < $0.end }) {
            problems.append(
                .init(
                    field: "start", english: "overlaps “\(clash.title)” (\(clash.start.formatted)–\(clash.end.formatted))",
                    norwegian: "overlapper «\(clash.title)» (\(clash.start.formatted)–\(clash.end.formatted))"))
        }
        return problems
    }

    /// The programme in the order of the day.
    public static func ordered(_ slots: [ProgrammeSlot]) -> [ProgrammeSlot] {
        slots.sorted { ($0.start, $0.end, $0.title) < ($1.start, $1.end, $1.title) }
    }

    /// Whether registrations are taken on `today` (Oslo date): open until the deadline, never on or after the day.
    public static func registrationOpen(day: LocalDate, deadline: LocalDate, today: LocalDate) -> RegistrationWindow {
        if today >= day { return .eventPast }
        if today > deadline { return .deadlinePassed }
        return .open
    }

    /// Slugs: lower-case ASCII letters, digits and single hyphens, 1–80 bytes ("tm-dag-2008").
    public static func isSlug(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...80).contains(bytes.count), bytes.first != 0x2D, bytes.last != 0x2D else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            let ok = (byte &- 0x61 < 26) || ASCII.isDigit(byte) || (byte == 0x2D && previous != 0x2D)
            guard ok else { return false }
            previous = byte
        }
        return true
    }

    /// A slug made from a title and a year: "TM-dag" + 2008 → "tm-dag-2008" (æøå spelled out).
    public static func slug(title: String, year: Int) -> String {
        var out: [UInt8] = []
        func add(_ bytes: [UInt8]) {
            for byte in bytes {
                if byte == 0x2D {
                    if let last = out.last, last != 0x2D { out.append(byte) }
                } else {
                    out.append(byte)
                }
            }
        }
        for scalar in title.lowercased().unicodeScalars {
            switch scalar {
            case "æ": add(Array("ae".utf8))
            case "ø": add(Array("o".utf8))
            case "å": add(Array("a".utf8))
            default:
                if scalar.isASCII, let byte = UInt8(exactly: scalar.value), ASCII.isAlphanumeric(byte) { add([byte]) } else { add([0x2D]) }
            }
            if out.count >= 60 { break }
        }
        while out.last == 0x2D { out.removeLast() }
        let base = String(decoding: out, as: UTF8.self)
        return (base.isEmpty ? "arrangement" : base) + "-\(year)"
    }
}

/// Whether an event takes registrations.
public enum RegistrationWindow: String, Sendable, Hashable {
    case open
    case deadlinePassed = "deadline_passed"
    case eventPast = "event_past"
}

/// Length and character rules for typed-in text, counted in Unicode scalars; control characters refused.
public enum TextRules {
    public static func required(_ text: String, field: String, maximum: Int) -> [EventProblem] {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            return [.init(field: field, english: "is required", norwegian: "må fylles ut")]
        }
        return optional(text, field: field, maximum: maximum, multiline: false)
    }

    public static func optional(_ text: String, field: String, maximum: Int, multiline: Bool) -> [EventProblem] {
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > maximum {
                return [.init(field: field, english: "is too long: at most \(maximum) characters", norwegian: "er for langt: høyst \(maximum) tegn")]
            }
            let v = scalar.value
            let allowedControl = multiline && (v == 0x0A || v == 0x0D || v == 0x09)
            if (v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v)) && !allowedControl {
                return [.init(field: field, english: "contains a control character", norwegian: "inneholder et kontrolltegn")]
            }
        }
        return []
    }
}

/// Kroner as typed in a form ("950", "1 234,50", "0") → øre; nil for anything else. Read byte by byte.
public enum KronerInput {
    public static func ore(_ text: String) -> Int? {
        var kroner = 0
        var digits = 0
        var decimals: [Int] = []
        var afterComma = false
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09: continue
            case 0x2C, 0x2E:
                guard !afterComma, digits > 0 else { return nil }
                afterComma = true
            default:
                guard ASCII.isDigit(byte) else { return nil }
                let value = Int(byte - 0x30)
                if afterComma {
                    guard decimals.count < 2 else { return nil }
                    decimals.append(value)
                } else {
                    guard digits < 9 else { return nil }
                    kroner = kroner * 10 + value
                    digits += 1
                }
            }
        }
        guard digits > 0 else { return nil }
        let ore = decimals.count == 0 ? 0 : decimals.count == 1 ? decimals[0] * 10 : decimals[0] * 10 + decimals[1]
        return kroner * 100 + ore
    }
}
