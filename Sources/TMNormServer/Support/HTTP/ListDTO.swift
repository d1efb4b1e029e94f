import Vapor

/// A list wrapper so lists can grow metadata without breaking clients.
struct ListDTO<Item: Content>: Content {
    let items: [Item]
}
