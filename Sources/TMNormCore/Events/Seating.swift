/// Where a registration stands.
public enum RegistrationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case confirmed
    case waitlisted
    case cancelled
}

/// One registration as the seating rules see it: its place in the queue and whether it wants dinner.
public struct SeatHolder: Sendable, Hashable {
    /// Order of arrival (the waiting list is served in this order).
    public let sequence: Int
    public let dinner: Bool
    public var status: RegistrationStatus

    public init(sequence: Int, dinner: Bool, status: RegistrationStatus) {
        self.sequence = sequence
        self.dinner = dinner
        self.status = status
    }
}

/// The capacity rules of an event: a seat for the day, and a dinner seat for those who want dinner.
/// A registration is confirmed only when everything it asks for is free; otherwise it waits, in order.
public struct Seating: Sendable, Hashable {
    public let capacity: Int
    public let dinnerCapacity: Int

    public init(capacity: Int, dinnerCapacity: Int) {
        self.capacity = capacity
        self.dinnerCapacity = dinnerCapacity
    }

    /// Confirmed seats taken: (day, dinner).
    public func taken(_ holders: [SeatHolder]) -> (day: Int, dinner: Int) {
        let confirmed = holders.filter { $0.status == .confirmed }
        return (confirmed.count, confirmed.filter(\.dinner).count)
    }

    /// Whether one more registration (wanting dinner or not) fits now.
    public func fits(dinner: Bool, taken: (day: Int, dinner: Int)) -> Bool {
        taken.day < capacity && (!dinner || taken.dinner < dinnerCapacity)
    }

    /// The status of a new registration. Nobody jumps the queue: while anyone waits, a newcomer waits too,
    /// unless the waiting list holds only dinner guests and the newcomer wants no dinner and a day seat is free.
    public func admit(dinner: Bool, holders: [SeatHolder]) -> RegistrationStatus {
        let taken = self.taken(holders)
        guard fits(dinner: dinner, taken: taken) else { return .waitlisted }
        let waiting = holders.filter { $0.status == .waitlisted }
        if waiting.contains(where: { fits(dinner: $0.dinner, taken: taken) }) { return .waitlisted }
        return .confirmed
    }

    /// After a cancellation (or a larger capacity): the waiting registrations to confirm, in queue order.
    /// The list is walked in order; a registration is confirmed when it fits, so a dinner guest who cannot get a
    /// dinner seat keeps the first place while a later one without dinner may take the free day seat.
    public func promotions(_ holders: [SeatHolder]) -> [Int] {
        var taken = self.taken(holders)
        var promoted: [Int] = []
        for holder in holders.filter({ $0.status == .waitlisted }).sorted(by: { $0.sequence < $1.sequence }) {
            guard taken.day < capacity else { break }
            if fits(dinner: holder.dinner, taken: taken) {
                promoted.append(holder.sequence)
                taken.day += 1
                if holder.dinner { taken.dinner += 1 }
            }
        }
        return promoted
    }

    /// Seats left for the day (0 when full).
    public func seatsLeft(_ holders: [SeatHolder]) -> Int { max(0, capacity - taken(holders).day) }

    /// Whether a status may change to another: confirmed and waitlisted may be cancelled, a waitlisted one
    /// confirmed; a cancellation is final.
    public static func mayChange(from: RegistrationStatus, to: RegistrationStatus) -> Bool {
        switch (from, to) {
        case (.waitlisted, .confirmed), (.confirmed, .cancelled), (.waitlisted, .cancelled): true
        default: false
        }
    }
}
