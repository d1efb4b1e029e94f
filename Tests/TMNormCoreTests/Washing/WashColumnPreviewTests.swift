import Testing

@testable import TMNormCore

@Suite("Preview of a list's columns before washing")
struct WashColumnPreviewTests {
    @Test("the phone and person columns are found as the wash finds them; other columns are left alone")
    func detected() {
        let head = Array("Fornavn;Etternavn;Adresse;Postnr;Mobil;Kundenr\n Kari;Nordmann;Storgata 1;0155;41234567;7\n".utf8)
        let preview = WashColumnPreview.detect(head: head, phoneColumn: nil)
        #expect(preview.problem == nil)
        #expect(preview.columns.map(\.name) == ["Fornavn", "Etternavn", "Adresse", "Postnr", "Mobil", "Kundenr"])
        #expect(preview.columns.map(\.role) == [.firstName, .lastName, .street, .postcode, .phone, nil])
        #expect(preview.columns.map(\.isPhone) == [false, false, false, false, true, false])
        #expect(preview.missingPersonRoles.isEmpty)
    }

    @Test("a Windows-1252 header with ø, a BOM and a comma delimiter are read like the wash reads them")
    func encodings() {
        let latin1: [UInt8] = Array("telefon,f".utf8) + [0xF8] + Array("dselsdato\r\n".utf8)
        let preview = WashColumnPreview.detect(head: latin1, phoneColumn: nil)
        #expect(preview.columns.map(\.name) == ["telefon", "fødselsdato"])
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\"Tlf.nr\";\"Navn; fullt\"\n".utf8)
        let quoted = WashColumnPreview.detect(head: bom, phoneColumn: nil)
        #expect(quoted.columns.map(\.name) == ["Tlf.nr", "Navn; fullt"])
        #expect(quoted.columns.first?.isPhone == true)
        #expect(quoted.missingPersonRoles.contains(.firstName))
    }

    @Test("no phone column, two phone columns and a named column that is not there are problems, not crashes")
    func problems() {
        #expect(
            WashColumnPreview.detect(head: Array("navn;adresse\n".utf8), phoneColumn: nil).problem == .noPhoneColumn(header: ["navn", "adresse"]))
        #expect(
            WashColumnPreview.detect(head: Array("mobil;telefon\n".utf8), phoneColumn: nil).problem == .ambiguousPhoneColumn(["mobil", "telefon"]))
        let chosen = WashColumnPreview.detect(head: Array("mobil;telefon\n".utf8), phoneColumn: "2")
        #expect(chosen.problem == nil && chosen.columns.map(\.isPhone) == [false, true])
        #expect(WashColumnPreview.detect(head: Array("mobil\n".utf8), phoneColumn: "nummer").problem != nil)
        #expect(WashColumnPreview.detect(head: [], phoneColumn: nil).problem == .emptyInput)
        #expect(WashColumnPreview.detect(head: [0x00, 0x01, 0x02, 0xFF], phoneColumn: nil).problem != nil)
    }
}
