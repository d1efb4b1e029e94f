import Foundation
import Testing

@testable import TMNormCore

@Suite("A wash's callable numbers, stored for may-call")
struct WashCallableKeysTests {
    @Test("keys are sorted, unique, found by binary search and survive serialisation")
    func roundTrip() throws {
        let keys = WashCallableKeys([93_000_002, 41_234_567, 93_000_002, 95_555_555])
        #expect(keys.sorted == [41_234_567, 93_000_002, 95_555_555])
        #expect(keys.contains(93_000_002))
        #expect(!keys.contains(93_000_003))
        #expect(WashCallableKeys(serialized: keys.serialized()) == keys)
        #expect(WashCallableKeys(serialized: WashCallableKeys([]).serialized())?.count == 0)
    }

    @Test("anything else is refused, never trapped on")
    func malformed() {
        let good = WashCallableKeys([1, 2, 3]).serialized()
        #expect(WashCallableKeys(serialized: [UInt8]()) == nil)
        #expect(WashCallableKeys(serialized: Array(good.dropLast())) == nil)
        #expect(WashCallableKeys(serialized: Array("XXXX".utf8) + good.dropFirst(4)) == nil)
        var unsorted = good
        unsorted.swapAt(12, 16)
        #expect(WashCallableKeys(serialized: unsorted) == nil)
        var huge = good
        huge[11] = 0xFF
        #expect(WashCallableKeys(serialized: huge) == nil)
    }

    @Test("the wash reports exactly the callable rows' keys")
    func fromWash() throws {
        let washer = Washer(register: try WashFixture.register())
        var callable = DataByteSink()
        var rejected = DataByteSink()
        let list = "telefon\n93000001\n93000001\nnot a number\n41234567\n"
        let result = try washer.washWithKeys(source: DataByteSource(Data(list.utf8)), callable: &callable, rejected: &rejected)
        #expect(result.callableKeys.count == result.summary.callable)
        #expect(result.callableKeys.contains(93_000_001))
    }
}
