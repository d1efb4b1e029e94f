import Testing

@testable import TMNormCore

@Suite("After log-in, only same-origin paths")
struct LocalRedirectTests {
    @Test("local paths with queries are kept", arguments: ["/", "/dashboard", "/washes?page=2", "/sales/abc#top", "/a/../b"])
    func local(_ path: String) {
        #expect(LocalRedirect.safePath(path) == path)
    }

    @Test(
        "anything a browser could read as another origin is refused",
        arguments: [
            "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "//evil.example", "/\\evil.example",
            "\\\\evil.example", "https://evil.example", "evil.example", " /dashboard", "/ /x", "/\u{0}x",
            "/d\u{E6}shboard", "", "javascript:alert(1)",
        ])
    func refused(_ path: String) {
        #expect(LocalRedirect.safePath(path) == nil)
    }

    @Test("nil and over-long paths are refused")
    func edges() {
        #expect(LocalRedirect.safePath(nil) == nil)
        #expect(LocalRedirect.safePath("/" + String(repeating: "a", count: 600)) == nil)
    }
}
