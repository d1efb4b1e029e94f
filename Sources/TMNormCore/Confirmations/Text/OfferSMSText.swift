/// The whole offer text as SMS messages, for a consumer reached by SMS only: a link is not a durable medium
/// (CJEU C-49/11), so the text itself must reach the phone. Split at line ends into messages of at most
/// `maxCharacters` (10 UCS-2 segments of 67), each numbered "(1/4)".
public enum OfferSMSText {
    public static let maxCharacters = 600

    public static func parts(of text: String, maxCharacters: Int = maxCharacters) -> [String] {
        var chunks: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { chunks.append(current) }
            current = ""
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line)
            // A line longer than a message is cut at a space (or hard, if it has none).
            while rest.count > maxCharacters {
                flush()
                let window = rest.prefix(maxCharacters)
                let cut = window.lastIndex(of: " ").map { rest.distance(from: rest.startIndex, to: $0) } ?? maxCharacters
                let take = max(1, cut)
                chunks.append(String(rest.prefix(take)))
                rest = rest.dropFirst(take).drop { $0 == " " }
            }
            if current.count + rest.count + 1 > maxCharacters { flush() }
            current += current.isEmpty ? String(rest) : "\n" + rest
        }
        flush()
        let total = chunks.count
        return chunks.enumerated().map { index, chunk in "(\(index + 1)/\(total)) " + chunk }
    }
}
