import Testing

@testable import TMNormCore

@Suite("CSV for people: formulas are neutralised (OWASP CSV injection)")
struct CSVFormulaGuardTests {
    @Test("cells starting with = + - @ get a leading apostrophe; other cells are unchanged")
    func plain() {
        #expect(
            CSVFormulaGuard.neutralise("phone;name;reason\n=HYPERLINK(\"x\");@SUM(A1);ok\n+4791234567;-1;a=b\n")
                == "phone;name;reason\n'=HYPERLINK(\"x\");'@SUM(A1);ok\n'+4791234567;'-1;a=b\n")
    }

    @Test("quoted cells keep their quotes, the apostrophe goes inside; escaped quotes and delimiters in quotes stay")
    func quoted() {
        #expect(
            CSVFormulaGuard.neutralise("a,b\n\"=1+1\",\"x,=y\"\n\"\"\"=z\",\"\"\n")
                == "a,b\n\"'=1+1\",\"x,=y\"\n\"\"\"=z\",\"\"\n")
    }

    @Test("a tab starts a formula in comma files but is the delimiter in tab files")
    func tabs() {
        #expect(CSVFormulaGuard.neutralise("a,b\n\tx,y\n") == "a,b\n'\tx,y\n")
        #expect(CSVFormulaGuard.neutralise("a\tb\n=x\t\n") == "a\tb\n'=x\t\n")
    }

    @Test("the result does not depend on where the chunks are cut")
    func chunking() {
        let text = Array("n;r\n\"=a\"\"b\";-2\r\n@x;\"q\"\n".utf8)
        var whole = CSVFormulaGuard(delimiter: UInt8(ascii: ";"))
        var expected: [UInt8] = []
        whole.feed(text, into: &expected)
        for cut in 0...text.count {
            var guardian = CSVFormulaGuard(delimiter: UInt8(ascii: ";"))
            var out: [UInt8] = []
            guardian.feed(text[..<cut], into: &out)
            guardian.feed(text[cut...], into: &out)
            #expect(out == expected, "cut at \(cut)")
        }
    }

    @Test("the delimiter is sniffed from the first line, outside quotes")
    func sniff() {
        #expect(CSVFormulaGuard.sniffDelimiter(Array("a;b;c\n1,2".utf8)) == UInt8(ascii: ";"))
        #expect(CSVFormulaGuard.sniffDelimiter(Array("\"a;b\",c\n".utf8)) == UInt8(ascii: ","))
        #expect(CSVFormulaGuard.sniffDelimiter(Array("a\tb\n".utf8)) == UInt8(ascii: "\t"))
        #expect(CSVFormulaGuard.sniffDelimiter(Array("phone\n".utf8)) == UInt8(ascii: ","))
    }
}

@Suite("Wash errors never echo a whole header line")
struct WashErrorEchoTests {
    @Test("a 100 000-character header with control characters is cut to a short, clean list")
    func capped() {
        let header = [String(repeating: "x", count: 100_000) + "\u{1B}[31m", "navn\u{0}"] + (0..<50).map { "kolonne\($0)" }
        let message = WashError.noPhoneColumn(header: header).description
        #expect(message.count < 600)
        #expect(!message.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(WashError.noPhoneColumn(header: header).norwegian.count < 600)
    }
}
