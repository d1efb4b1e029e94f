import Testing

@testable import TMNormCore

@Suite("The CSRF field is read from the start of a multipart body")
struct MultipartFieldScannerTests {
    func body(_ parts: [(String, String, Bool)], boundary: String = "b0undary") -> [UInt8] {
        var text = ""
        for (name, value, isFile) in parts {
            text +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"" + (isFile ? "; filename=\"x.csv\"\r\nContent-Type: text/csv" : "")
                + "\r\n\r\n\(value)\r\n"
        }
        return Array((text + "--\(boundary)--\r\n").utf8)
    }

    @Test("the field before the file is found, with the value exactly")
    func found() {
        let bytes = body([("_csrf", "abc123", false), ("file", String(repeating: "x", count: 100_000), true)])
        #expect(MultipartFieldScanner.value(of: "_csrf", boundary: "b0undary", in: bytes) == "abc123")
    }

    @Test("after other fields too; but not after a file, nor a similar name")
    func order() {
        #expect(MultipartFieldScanner.value(of: "_csrf", boundary: "b0undary", in: body([("a", "1", false), ("_csrf", "t", false)])) == "t")
        #expect(MultipartFieldScanner.value(of: "_csrf", boundary: "b0undary", in: body([("file", "x", true), ("_csrf", "t", false)])) == nil)
        #expect(MultipartFieldScanner.value(of: "_csrf", boundary: "b0undary", in: body([("x_csrf", "t", false)])) == nil)
    }

    @Test(
        "malformed bodies give nil, never a trap",
        arguments: [
            "", "--", "--b0undary", "--b0undary\r\n", "--b0undary\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nunterminated",
            "garbage\r\n\r\n",
        ])
    func malformed(_ text: String) {
        #expect(MultipartFieldScanner.value(of: "_csrf", boundary: "b0undary", in: Array(text.utf8)) == nil)
    }
}
