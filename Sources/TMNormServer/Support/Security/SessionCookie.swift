/// The cookie that carries a signed-in browser's session token (set by the accounts feature, read by CSRF).
enum SessionCookie {
    static let name = "tmnorm_session"
}
