import Fluent
import Foundation
import TMNormCore
import Vapor

/// Applies the access policy's organisation scope to queries, so no route can forget it.
enum OrganisationAccess {
    /// The ids the principal may see, or nil for "all".
    static func visibleIDs(_ principal: RequestPrincipal, on db: any Database) async throws -> Set<UUID>? {
        switch AccessPolicy.organisationScope(principal.actor) {
        case .all:
            return nil
        case .ownAndEngaged:
            let own = principal.organisationID
            // A confirmed engagement makes the parties visible to each other; a pending one shows the
            // declaring call centre to the client who must decide on it, not the client to the centre.
            let engagements = try await EngagementModel.query(on: db)
                .group(.or) { $0.filter(\.$callCentre.$id == own).filter(\.$client.$id == own) }
                .all()
            var ids: Set<UUID> = [own]
            for engagement in engagements {
                let status = engagement.engagementStatus
                guard status == .confirmed || (status == .pending && engagement.$client.id == own) else { continue }
                ids.insert(engagement.$callCentre.id)
                ids.insert(engagement.$client.id)
            }
            return ids
        }
    }

    /// The organisations the principal may see, sorted by name.
    static func visible(_ principal: RequestPrincipal, on db: any Database) async throws -> [OrganisationModel] {
        let query = OrganisationModel.query(on: db).sort(\.$name)
        if let ids = try await visibleIDs(principal, on: db) {
            query.filter(\.$id ~~ Array(ids))
        }
        return try await query.all()
    }

    /// One organisation, or 404 when it does not exist or is outside the principal's scope.
    static func find(_ id: UUID, _ principal: RequestPrincipal, on db: any Database) async throws -> OrganisationModel {
        if let ids = try await visibleIDs(principal, on: db), !ids.contains(id) {
            throw AppError.notFound()
        }
        guard let organisation = try await OrganisationModel.find(id, on: db) else { throw AppError.notFound() }
        return organisation
    }
}
