import Foundation
import Testing

@testable import TMNormCore

@Suite("Register import")
struct RegisterImportTests {
    static let header = "reservation_id;first_name;last_name;street;house_number;postcode;city;phones;telephone;addressed_mail;voluntary_orgs\n"

    static func importText(_ text: String, plainVoluntary: Bool = false) throws -> RegisterImportResult {
        try importBytes(Array(text.utf8), plainVoluntary: plainVoluntary)
    }

    static func importBytes(_ bytes: [UInt8], plainVoluntary: Bool = false) throws -> RegisterImportResult {
        try RegisterImporter.importRegister(
            from: DataByteSource(bytes), fileName: "reg.csv", obtainedAt: WashFixture.obtainedAt, plainVoluntary: plainVoluntary)
    }

    @Test("a CSV delivery yields reserved numbers and persons, with the voluntary subset kept apart")
    func csv() throws {
        // given
        let text =
            Self.header + """
                r1;Kari;Nordmann;Storgata;12 B;0150;OSLO;912 34 567|+47 41234567;y;y;n
                r2;Per;Hansen;Kirkeveien;1;5003;BERGEN;;y;n;y
                r3;Ola;Olsen;Veien;2;7010;TRONDHEIM;98765432;n;y;y

                """
        // when
        let result = try Self.importText(text)
        let snapshot = result.snapshot
        // then
        #expect(result.report.format == .csv)
        #expect(result.report.rows == 3)
        #expect(result.report.telephoneReservations == 2)
        #expect(result.report.skippedNotTelephone == 1)
        #expect(snapshot.containsNumber(WashFixture.key("91234567")))
        #expect(snapshot.containsNumber(WashFixture.key("41234567")))
        #expect(!snapshot.containsNumber(WashFixture.key("98765432")))
        #expect(!snapshot.containsVoluntaryNumber(WashFixture.key("91234567")))
        #expect(snapshot.containsPerson(WashFixture.person("Kari", "Nordmann", "Storgata", "12b", "0150")))
        #expect(snapshot.containsVoluntaryPerson(WashFixture.person("Per", "Hansen", "Kirkeveien", "1", "5003")))
        #expect(!snapshot.containsPerson(WashFixture.person("Ola", "Olsen", "Veien", "2", "7010")))
        #expect(snapshot.metadata.numberCount == 2 && snapshot.metadata.personCount == 2)
        #expect(snapshot.metadata.voluntaryPersonCount == 1 && snapshot.metadata.voluntaryNumberCount == 0)
        #expect(result.report.problemCount == 0)
    }

    @Test("broken rows are reported with their line numbers and the rest is imported")
    func brokenRows() throws {
        let text =
            Self.header + """
                r1;Kari;Nordmann;Storgata;1;0150;OSLO;91234567;y;n;n
                r2;Per;Hansen;Vei;1;5003;BERGEN;41234567;ja;n;n
                r3;too;few;fields
                ;Ola;Olsen;Veien;2;7010;TRONDHEIM;98765432;y;n;n
                r5;Eva;Berg;Gata;3;0150;OSLO;12345|92345678;y;n;n
                r6;;;;;;;93456789;y;n;n
                r7;;;;;;;;y;n;n
                r8;Liv;"Dahl;9;0150;OSLO;94567890;y;n;n
                r9;Geir;Haugen;Gata;4;0150;OSLO;95678901;y;n;n

                """
        let result = try Self.importText(text)
        let problems = result.report.problems.map { "\($0.line) \($0.rowRejected)" }
        #expect(problems == ["3 true", "4 true", "5 true", "6 false", "7 false", "8 true", "9 true"])
        #expect(result.report.problems[0].reason == "telephone is 'ja', expected y or n")
        #expect(result.report.problems[1].reason == "4 fields, expected 11 separated by ';'")
        // Pages show the problem in bokmål too.
        #expect(result.report.problems[0].reasonNorwegian == "telephone er «ja», ventet y eller n")
        #expect(result.report.problems[1].reasonNorwegian == "4 felt, ventet 11 skilt med «;»")
        #expect(result.report.problems[2].reason == "reservation_id is empty")
        #expect(result.report.problems[3].reason.hasPrefix("phone '12345'"))
        #expect(result.report.rejectedRows == 5 && result.report.rejectedPhones == 1 && result.report.rowsWithoutPerson == 2)
        #expect(result.snapshot.containsNumber(WashFixture.key("92345678")))
        #expect(result.snapshot.containsNumber(WashFixture.key("93456789")))
        #expect(result.snapshot.containsNumber(WashFixture.key("95678901")))
        #expect(!result.snapshot.containsNumber(WashFixture.key("41234567")))
    }

    @Test("a plain file holds one reserved number per line; the voluntary flag comes from the option")
    func plain() throws {
        let result = try Self.importText("91234567\r\n+47 412 34 567\r\n\r\nnot a number\r\n", plainVoluntary: true)
        #expect(result.report.format == .plain)
        #expect(result.report.blankLines == 1)
        #expect(result.report.problems.map(\.line) == [4])
        #expect(result.snapshot.containsVoluntaryNumber(WashFixture.key("41234567")))
        #expect(result.snapshot.metadata.numberCount == 2)
    }

    @Test("a Windows-1252 delivery is read with its æ, ø and å")
    func windows1252() throws {
        guard let bytes = Windows1252.encode(Self.header + "r1;Bjørn;Sæther;Øvre gate;1;0150;OSLO;;y;n;n\n") else {
            Issue.record("fixture not encodable")
            return
        }
        let result = try Self.importBytes(bytes)
        #expect(result.report.encoding == .windows1252)
        #expect(result.snapshot.containsPerson(WashFixture.person("Bjørn", "Sæther", "Øvre gate", "1", "0150")))
    }

    @Test(
        "files that are not a register delivery are refused",
        arguments: [
            ("", RegisterImportError.emptyFile),
            ("id;name;phone\n1;Kari;91234567\n", .notARegisterFile("the header is 'id;name;phone'")),
            ("Hello world\n", .notARegisterFile("the first line is 'Hello world'")),
        ])
    func refused(_ text: String, _ expected: RegisterImportError) {
        #expect(throws: expected) { try Self.importText(text) }
    }

    @Test("binary and UTF-16 files are refused")
    func binary() {
        #expect(throws: RegisterImportError.binaryFile("it contains NUL bytes (first at byte 2)")) {
            try Self.importBytes([0x39, 0x31, 0x00, 0x32, 0x0A])
        }
        #expect(throws: RegisterImportError.unknownEncoding("UTF-16 (little-endian)")) { try Self.importBytes([0xFF, 0xFE, 0x39, 0x00]) }
    }

    @Test("the import report carries the file's SHA-256 and the snapshot gets a stable default id")
    func shaAndID() throws {
        let result = try Self.importText("91234567\n")
        // printf '91234567\n' | sha256sum
        #expect(result.report.sourceSHA256 == "8206599898f8020c1f1afe5d59e40aa5c2113983a964d9c3e5931340441cd72b")
        #expect(result.snapshot.metadata.id == "reg-2026-11-10-" + result.report.sourceSHA256.prefix(12))
        #expect(result.snapshot.metadata.obtainedAt == WashFixture.obtainedAt)
    }
}
