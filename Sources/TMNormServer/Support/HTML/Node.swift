/// A typed HTML tree: text is escaped when rendered, so views cannot inject markup by accident.
indirect enum Node: Sendable {
    case element(String, [Attribute], [Node])
    case void(String, [Attribute])
    case text(String)
    /// Trusted markup produced by this program (never user input).
    case trusted(String)
    case fragment([Node])

    /// Renders the tree to an HTML string.
    func render() -> String {
        var out = ""
        out.reserveCapacity(4096)
        render(into: &out)
        return out
    }

    func render(into out: inout String) {
        switch self {
        case .element(let name, let attributes, let children):
            out += "<" + name
            for attribute in attributes { attribute.render(into: &out) }
            out += ">"
            for child in children { child.render(into: &out) }
            out += "</" + name + ">"
        case .void(let name, let attributes):
            out += "<" + name
            for attribute in attributes { attribute.render(into: &out) }
            out += ">"
        case .text(let text):
            Node.escape(text, into: &out)
        case .trusted(let markup):
            out += markup
        case .fragment(let children):
            for child in children { child.render(into: &out) }
        }
    }

    /// Escapes the five characters that matter in HTML text and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    /// Appends `text` escaped. Works on UTF-8 bytes: the five characters are ASCII, so a byte match is a
    /// character match, and the runs between them are copied whole (offer texts are several kilobytes).
    static func escape(_ text: String, into out: inout String) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            out += text
            return
        }
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let replacement: String? =
                switch utf8[index] {
                case 0x3C: "&lt;"
                case 0x3E: "&gt;"
                case 0x26: "&amp;"
                case 0x22: "&quot;"
                case 0x27: "&#39;"
                default: nil
                }
            let next = utf8.index(after: index)
            if let replacement {
                out += text[runStart..<index]
                out += replacement
                runStart = next
            }
            index = next
        }
        out += text[runStart...]
    }
}

/// An HTML attribute; a nil value renders as a boolean attribute.
struct Attribute: Sendable {
    let name: String
    let value: String?

    init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    func render(into out: inout String) {
        out += " " + name
        if let value {
            out += "=\""
            Node.escape(value, into: &out)
            out += "\""
        }
    }
}

/// Builds children lists with `if`, `for` and optionals.
@resultBuilder
enum NodeBuilder {
    static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    static func buildExpression(_ node: Node) -> [Node] { [node] }
    static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    static func buildOptional(_ nodes: [Node]?) -> [Node] { nodes ?? [] }
    static func buildEither(first nodes: [Node]) -> [Node] { nodes }
    static func buildEither(second nodes: [Node]) -> [Node] { nodes }
    static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
}
