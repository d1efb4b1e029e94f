/// The list pages' table: a horizontally scrolling wrapper, an optional caption, one header row, the body.
enum Table {
    /// Header cells with `scope="col"` tell screen readers the heading belongs to the column below it.
    enum HeadingScope: Sendable {
        case none
        case column
    }

    /// A table whose headings are plain text; `rows` are the `<tr>` elements of the body.
    static func scrolling(
        headings: [String], scope: HeadingScope = .none, id: String? = nil, class className: String? = nil,
        caption: String? = nil, @NodeBuilder rows: () -> [Node]
    ) -> Node {
        scrolling(headingCells: headings.map { [Node.text($0)] }, scope: scope, id: id, class: className, caption: caption, rows: rows)
    }

    /// A table whose heading cells hold markup (e.g. links); each element of `headingCells` is one `<th>`'s content.
    static func scrolling(
        headingCells: [[Node]], scope: HeadingScope = .none, id: String? = nil, class className: String? = nil,
        caption: String? = nil, @NodeBuilder rows: () -> [Node]
    ) -> Node {
        var attributes: [Attribute] = []
        if let id { attributes.append(.id(id)) }
        if let className { attributes.append(.class(className)) }
        let headingAttributes: [Attribute] = scope == .column ? [.init("scope", "col")] : []
        let head = Node.element("thead", [], [.element("tr", [], headingCells.map { .element("th", headingAttributes, $0) })])
        var children: [Node] = []
        if let caption { children.append(.element("caption", [], [.text(caption)])) }
        children.append(head)
        children.append(.element("tbody", [], rows()))
        return el("div", .class("table-wrap")) { Node.element("table", attributes, children) }
    }
}
