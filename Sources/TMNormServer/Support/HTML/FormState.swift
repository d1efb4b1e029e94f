import Foundation

/// What a person typed into a form the server refused, and why: the page is drawn again with the values kept
/// and each message next to its field (`Form.field`, `Form.select`, `Form.checkbox` read it while rendering).
struct FormState: Sendable {
    /// The path the refused form posted to: only that form on the page gets the values and messages.
    let action: String
    /// The fields as posted (several values for repeated names), without passwords, codes or the CSRF token.
    let values: [String: [String]]
    /// Messages per field, already in the page's language.
    let errors: [String: String]
    /// What to say above the form: the general message and problems of fields the page has no input for.
    let summary: String

    /// The refused form of the page being rendered (set by `Layout.page`).
    @TaskLocal static var current: FormState?
    /// The path of the page being rendered (set by `Layout.page`), which `Form.post` writes into its forms.
    @TaskLocal static var pagePath: String?
    /// The action of the form whose fields are being built (set by `Form.post`).
    @TaskLocal static var renderingAction: String?

    /// The state for the form now being built, when it is the refused one.
    static var forThisForm: FormState? {
        guard let state = current, let action = renderingAction, action == state.action else { return nil }
        return state
    }

    static func typed(_ name: String) -> String? { forThisForm?.values[name]?.first }
    static func error(_ name: String) -> String? { forThisForm?.errors[name] }

    /// Fields never echoed back into a page.
    static func isSecret(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains("password") || lowered.contains("csrf") || lowered.contains("token") || lowered == "code"
    }

    /// Reads an `application/x-www-form-urlencoded` body; `+` is a space, bad escapes are kept as typed.
    static func decodeForm(_ body: String) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ raw: Substring) -> String {
                let spaced = raw.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decode(parts[0])
            guard !name.isEmpty, !isSecret(name) else { continue }
            values[name, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return values
    }
}
