/// What a consumer asks for in an SMS reply.
public enum InboundSMSAction: String, Sendable, Codable, CaseIterable, Hashable {
    case accept
    case decline
    case withdraw

    /// Reply keywords, Norwegian first: JA/YES, NEI/NO, ANGRE/WITHDRAW.
    public var keywords: [String] {
        switch self {
        case .accept: ["JA", "YES"]
        case .decline: ["NEI", "NO"]
        case .withdraw: ["ANGRE", "WITHDRAW"]
        }
    }
}

/// Why an SMS reply was not understood (answered with a help text, never acted on).
public enum InboundSMSUnrecognised: Sendable, Hashable {
    case empty
    case unknownKeyword(String)
    case missingCode(InboundSMSAction)
    case malformedCode(InboundSMSAction, String)
    /// More than one keyword, e.g. "JA NEI K7M2QX".
    case ambiguous
}

/// A parsed SMS reply: "JA K7M2QX", "nei k7m2qx", "Ja, K7M 2QX", "ANGRE-K7M2QX", "jak7m2qx" … or not understood.
public enum InboundSMSCommand: Sendable, Hashable {
    case command(InboundSMSAction, code: String)
    case unrecognised(InboundSMSUnrecognised)

    /// The normalised code of a recognised command.
    public var code: String? {
        if case .command(_, let code) = self { return code }
        return nil
    }

    /// The action of a recognised command.
    public var action: InboundSMSAction? {
        if case .command(let action, _) = self { return action }
        return nil
    }

    /// Case-insensitive; anything that is not a letter or digit separates words; the code may be split
    /// by spaces ("K7M 2QX"); words after the code are ignored unless they are another keyword.
    public static func parse(_ text: String, codeLength: Int = 6) -> InboundSMSCommand {
        var words = text.uppercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        guard let first = words.first else { return .unrecognised(.empty) }
        guard let (action, keyword) = keyword(startingWith: first) else { return .unrecognised(.unknownKeyword(first)) }
        words.removeFirst()
        if first.count > keyword.count { words.insert(String(first.dropFirst(keyword.count)), at: 0) }
        if words.contains(where: { isKeyword($0) }) { return .unrecognised(.ambiguous) }
        guard !words.isEmpty else { return .unrecognised(.missingCode(action)) }
        var candidate = ""
        for word in words where candidate.count < codeLength { candidate += word }
        // Syntax only (ASCII letters and digits of the code length): whether the code is right is decided by
        // the keyed-hash lookup, so "ja, ABC123" reads as a command even though 1 is not in the alphabet.
        guard candidate.utf8.count == codeLength, candidate.utf8.allSatisfy(ASCII.isAlphanumeric) else {
            return .unrecognised(.malformedCode(action, words.joined(separator: " ")))
        }
        return .command(action, code: candidate)
    }

    /// The keyword a first word is or begins with (longest first, so "ANGREK7M2QX" reads as ANGRE + code).
    private static func keyword(startingWith word: String) -> (InboundSMSAction, String)? {
        let all = InboundSMSAction.allCases.flatMap { action in action.keywords.map { (action, $0) } }
        if let exact = all.first(where: { $0.1 == word }) { return exact }
        return all.sorted { $0.1.count > $1.1.count }.first { word.hasPrefix($0.1) }
    }

    private static func isKeyword(_ word: String) -> Bool {
        InboundSMSAction.allCases.contains { $0.keywords.contains(word) }
    }
}
