import Fluent
import Foundation
import TMNormCore

/// The complaint cases that need a person now, for the start pages: the board's votes and confirmations and
/// the cases past a deadline; a business's answers to give. The one lookup this feature offers the dashboard.
enum ComplaintToDos {
    struct Item: Sendable {
        enum Need: Sendable { case vote, confirm, answer, late, sendToBoard }
        let id: UUID
        let reference: String
        let business: String
        let deadline: Date?
        let need: Need
    }

    static func items(for user: CurrentUser, now: Date, on db: any Database) async throws -> [Item] {
        guard let viewer = try? ComplaintCases.viewer(user) else { return [] }
        var query = ComplaintModel.query(on: db).filter(\.$caseJSON != nil)
            .filter(\.$stateRaw ~~ [ComplaintState.awaitingAnswer, .answered, .overdue, .withBoard].map(\.rawValue))
        switch viewer {
        case .oversight: break
        case .party(.callCentre, let id): query = query.filter(\.$callCentreID == id)
        case .party(.client, let id): query = query.filter(\.$clientID == id)
        }
        let me = user.id.uuidString.lowercased()
        var items: [Item] = []
        for row in try await query.sort(\.$createdAt, .ascending).limit(200).all() {
            guard let handling = try row.handling(), let id = row.id else { continue }
            let business = row.businessName ?? row.businessOrgnr ?? "—"
            func item(_ need: Item.Need) -> Item {
                Item(id: id, reference: row.reference, business: business, deadline: handling.currentDeadline, need: need)
            }
            switch viewer {
            case .party(let side, _):
                if [.awaitingAnswer, .overdue].contains(handling.state), !handling.answeredBy.contains(side) { items.append(item(.answer)) }
            case .oversight:
                let late = handling.state == .overdue || handling.isAnswerLate(at: now)
                if handling.state == .withBoard, user.role == .boardMember {
                    if let decision = handling.decision, decision.confirmedAt == nil, decision.proposedBy != me {
                        items.append(item(.confirm))
                    } else if handling.board?.isMember(me) == true, !handling.votes.contains(where: { $0.memberID == me }),
                        !handling.recusals.contains(where: { $0.memberID == me })
                    {
                        items.append(item(.vote))
                    }
                } else if handling.state == .answered || handling.state == .overdue {
                    items.append(item(late ? .late : .sendToBoard))
                } else if late {
                    items.append(item(.late))
                }
            }
        }
        return items
    }
}
