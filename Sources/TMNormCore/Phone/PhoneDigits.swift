/// Up to 18 decimal digits held as an integer plus a count, so leading zeros survive ("02000", "0047…")
/// and prefixes can be compared without allocating strings.
struct PhoneDigits: Sendable, Equatable {
    /// 10^18 < 2^63: any count up to this fits in a UInt64.
    static let capacity = 18

    private(set) var value: UInt64 = 0
    /// Digits seen, including those beyond `capacity` (then `isTooLong` is true and `value` is frozen).
    private(set) var count = 0

    init() {}

    init(value: UInt64, count: Int) {
        self.value = value
        self.count = count
    }

    var isTooLong: Bool { count > Self.capacity }

    mutating func append(_ digit: UInt8) {
        count += 1
        if count <= Self.capacity { value = value &* 10 &+ UInt64(digit) }
    }

    /// The first `n` digits as an integer (n ≤ count).
    func prefix(_ n: Int) -> UInt64 { value / Self.power(count - n) }

    /// True when the digits start with the `length`-digit prefix `prefix` (leading zeros significant).
    func hasPrefix(_ prefix: UInt64, length: Int) -> Bool {
        length <= count && self.prefix(length) == prefix
    }

    /// The digits after the first `n`.
    func dropFirst(_ n: Int) -> PhoneDigits {
        PhoneDigits(value: value % Self.power(count - n), count: count - n)
    }

    /// The digits as text, zero-padded to `count`.
    var string: String {
        let plain = String(value)
        return plain.count >= count ? plain : String(repeating: "0", count: count - plain.count) + plain
    }

    static func power(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<max(0, exponent) { result &*= 10 }
        return result
    }
}
