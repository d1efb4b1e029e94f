/// Pages often hold several forms built from the same field helpers (`Form.field(name: "phone")` gives
/// `id="f-phone"`), so the same id can appear twice and a label then points at the wrong field. Before a page is
/// rendered, every form whose ids were already used earlier on the page gets its own: `f-phone-2`, with the
/// form's `for`, `aria-describedby` and `aria-labelledby` references renamed with them.
extension Node {
    func uniquingFormIDs() -> Node {
        var seen: [String: Int] = [:]
        return uniquing(&seen)
    }

    private func uniquing(_ seen: inout [String: Int]) -> Node {
        switch self {
        case .element("form", let attributes, let children):
            var ids: [String] = []
            for child in children { child.collectIDs(into: &ids) }
            var renames: [String: String] = [:]
            for id in ids {
                if let count = seen[id] {
                    var next = count + 1
                    while seen["\(id)-\(next)"] != nil { next += 1 }
                    seen[id] = next
                    renames[id] = "\(id)-\(next)"
                    seen["\(id)-\(next)"] = 1
                } else {
                    seen[id] = 1
                }
            }
            let renamed = renames.isEmpty ? children : children.map { $0.renaming(renames) }
            return .element("form", attributes, renamed)
        case .element(let name, let attributes, let children):
            if let id = attributes.first(where: { $0.name == "id" })?.value { seen[id, default: 0] += 1 }
            return .element(name, attributes, children.map { $0.uniquing(&seen) })
        case .void(_, let attributes):
            if let id = attributes.first(where: { $0.name == "id" })?.value { seen[id, default: 0] += 1 }
            return self
        case .fragment(let children):
            return .fragment(children.map { $0.uniquing(&seen) })
        case .text, .trusted:
            return self
        }
    }

    private func collectIDs(into ids: inout [String]) {
        switch self {
        case .element(_, let attributes, let children):
            if let id = attributes.first(where: { $0.name == "id" })?.value { ids.append(id) }
            for child in children { child.collectIDs(into: &ids) }
        case .void(_, let attributes):
            if let id = attributes.first(where: { $0.name == "id" })?.value { ids.append(id) }
        case .fragment(let children):
            for child in children { child.collectIDs(into: &ids) }
        case .text, .trusted:
            break
        }
    }

    private static let referencing: Set<String> = ["id", "for", "aria-describedby", "aria-labelledby", "aria-controls", "list"]

    private func renaming(_ renames: [String: String]) -> Node {
        func rename(_ attributes: [Attribute]) -> [Attribute] {
            attributes.map { attribute in
                guard Node.referencing.contains(attribute.name), let value = attribute.value else { return attribute }
                let words = value.split(separator: " ").map { renames[String($0)] ?? String($0) }
                return Attribute(attribute.name, words.joined(separator: " "))
            }
        }
        switch self {
        case .element(let name, let attributes, let children):
            return .element(name, rename(attributes), children.map { $0.renaming(renames) })
        case .void(let name, let attributes):
            return .void(name, rename(attributes))
        case .fragment(let children):
            return .fragment(children.map { $0.renaming(renames) })
        case .text, .trusted:
            return self
        }
    }
}
