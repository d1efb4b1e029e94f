import Foundation
import FuzzSupport
import TMNormCore

/// A whole wash of a list held in memory (sniffer, scanner, row loop, classifier, person keys, register,
/// block list and exemption lookups), against a small register.
///
/// Input: one parameter byte (voluntary campaign; phone column by position or from the header), then the
/// list. Properties when the wash succeeds:
/// - rows = callable + rejected, and the per-reason counts add up to rejected;
/// - byte accounting: the callable output is the header plus callable rows as in the input, the rejected
///   output every other row plus `;reason`: |callable| + |rejected| = |input| + |header| + |;reason| +
///   the suffixes, and the callable output starts with the input's header bytes;
/// - washing is idempotent: washing the callable output again rejects nothing and returns it unchanged
///   (when the encoding detected is the same).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let parameter = data[0]
    let list = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let washer = parameter & 1 == 0 ? Fixture.washer : Fixture.voluntaryWasher
    let chosen =
        parameter & 2 == 0
        ? washer : Washer(register: Fixture.register, policy: Fixture.policy(column: Int(parameter >> 2) % 4 + 1, voluntary: parameter & 1 == 1))
    let washed: WashedList
    do {
        washed = try chosen.wash(data: list)
    } catch {
        require(!error.description.isEmpty && !error.norwegian.isEmpty, "empty error text")
        return 0
    }
    let s = washed.summary
    require(s.rows == s.callable + s.rejected, "rows \(s.rows) != callable \(s.callable) + rejected \(s.rejected)")
    require(s.byReason.values.reduce(0, +) == s.rejected, "reasons do not add up to rejected")
    require(s.listBytes == list.count, "listBytes \(s.listBytes), input \(list.count)")
    require(s.malformedRows.count <= Washer.maxListedMalformedRows && s.malformedRows.count <= s.count(.malformedRow), "malformed rows listed")
    require(s.exempted <= s.callable, "exempted > callable")
    require(["';'", "','", "tab"].contains(s.delimiter), "delimiter \(s.delimiter)")

    let suffixes = WashReason.allCases.reduce(0) { $0 + s.count($1) * (1 + $1.code.utf8.count) }
    let input = Array(list)
    let extra = washed.callable.count + washed.rejected.count - input.count - suffixes
    let headerFits = ["reason", "wash_reason"].contains { name in
        let header = extra - 1 - name.utf8.count
        return header > 0 && header <= washed.callable.count && header <= input.count
            && Array(washed.callable.prefix(header)) == Array(input.prefix(header))
    }
    require(
        headerFits,
        "output sizes do not account for every input byte (callable \(washed.callable.count), rejected \(washed.rejected.count), input \(input.count))"
    )

    let again: WashedList
    do {
        again = try chosen.wash(data: Data(washed.callable))
    } catch {
        return 0  // e.g. fewer text rows left to outweigh control characters: not a property of the rows
    }
    if again.summary.encoding == s.encoding {
        require(again.summary.rejected == 0, "washing the callable output rejects \(again.summary.byReason)")
        require(again.summary.callable == s.callable, "washing the callable output: \(again.summary.callable) callable, was \(s.callable)")
        require(again.callable == washed.callable, "washing the callable output changes it")
    }
    return 0
}

enum Fixture {
    static let reservedNumbers: [UInt32] = [91_234_567, 41_234_567, 22_334_455]
    static let register: RegisterSnapshot = {
        var builder = RegisterSnapshotBuilder()
        for key in reservedNumbers { builder.addNumber(key, voluntary: key == 91_234_567) }
        for (first, last, street, number, postcode) in [
            ("Kari", "Nordmann", "Storgata", "12 B", "0150"), ("Per", "Hansen", "Kirkeveien", "1", "5003"),
        ] {
            if let person = PersonIdentity(firstName: first, lastName: last, street: street, houseNumber: number, postcode: postcode) {
                builder.addPerson(person.key, voluntary: first == "Kari")
            }
        }
        return builder.build(
            id: "fuzz", sourceFileName: "fuzz.csv", sourceSHA256: String(repeating: "0", count: 64),
            obtainedAt: Date(timeIntervalSince1970: 1_780_000_000), sourceFormat: .csv)
    }()

    static func policy(column: Int?, voluntary: Bool) -> WashPolicy {
        let blocked = PersonIdentity(firstName: "Ola", lastName: "Olsen", street: "Veien", houseNumber: "2", postcode: "7010")
        return WashPolicy(
            blockLists: [
                InternalBlockList(owner: "client 974760673", version: "1", numberKeys: [98_765_432], personKeys: blocked.map { [$0.key] } ?? [])
            ],
            exemptions: WashExemptions(numberKeys: [41_234_567]), isVoluntaryOrganisation: voluntary,
            phoneColumn: column.map { .position($0) }, maxRowBytes: 1024)
    }

    static let washer = Washer(register: register, policy: policy(column: nil, voluntary: false))
    static let voluntaryWasher = Washer(register: register, policy: policy(column: nil, voluntary: true))
}
