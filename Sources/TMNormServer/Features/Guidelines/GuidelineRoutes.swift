import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/guidelines` (documents with the version in force), `/guidelines/:id` (one version, rendered safely),
/// `/guidelines/compare` (two versions side by side), acknowledgement by bound users, and new versions by
/// the publishing association's administrator. The documents are published industry norms and readable
/// without logging in; acknowledgements are shown only to the user and to their own association.
struct GuidelineRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.guidelines, use: list)
        routes.get(.guidelineComparison, use: compare)
        routes.get(.guideline, use: show)
        routes.post(.guidelineAcknowledge, use: acknowledge)
        routes.post(.guidelineVersions, body: .collect(maxSize: "512kb"), use: addVersion)
    }

    func list(req: Request) async throws -> Response {
        let today = req.osloToday
        let stored = try await GuidelineService.documents(on: req.db)
        let rows = stored.map { item in
            GuidelineListView.Row(
                document: item.document, inForce: item.document.version(inForceOn: today),
                ids: item.rowIDs)
        }
        return .html(GuidelineListView.render(.init(today: today, rows: rows), context: req.pageContext))
    }

    func show(req: Request) async throws -> Response {
        let row = try await GuidelineService.row(req)
        let stored = try await GuidelineService.document(of: row, on: req.db)
        let version = try row.version()
        let today = req.osloToday
        let inForce = stored.document.version(inForceOn: today)
        let isInForce = inForce?.id == version.id
        var acknowledgement: GuidelineVersionView.Acknowledgement = .none
        var overview: GuidelineService.Overview?
        var canAddVersion = false
        if let user = req.auth.get(CurrentUser.self) {
            if isInForce, try await GuidelineService.binds(version, user: user, on: today, db: req.db) {
                if let ack = try await GuidelineService.acknowledgement(versionRowID: try row.requireID(), userID: user.id, on: req.db) {
                    acknowledgement = .done(ack.acknowledgedAt)
                } else {
                    acknowledgement = .due
                }
            }
            if user.role == .associationAdmin && user.organisationID == stored.associationID {
                canAddVersion = true
                overview = try await GuidelineService.overview(stored, associationID: user.organisationID, on: today, db: req.db)
            }
        }
        let predecessor = stored.document.predecessor(of: version)
        let model = GuidelineVersionView.Model(
            id: try row.requireID(), document: stored.document, version: version, today: today, isInForce: isInForce,
            lastDay: stored.document.lastDayInForce(of: version),
            predecessorID: predecessor.flatMap { stored.rowID($0) },
            otherVersions: stored.document.versions.compactMap { v in stored.rowID(v).map { (id: $0, version: v) } },
            html: GuidelineMarkdown.render(version.markdown, headingOffset: 1),
            acknowledgement: acknowledgement, overview: overview, canAddVersion: canAddVersion)
        return .html(GuidelineVersionView.render(model, context: req.pageContext))
    }

    func compare(req: Request) async throws -> Response {
        guard let fromRaw = req.query[String.self, at: "from"], let fromID = UUID(uuidString: fromRaw),
            let toRaw = req.query[String.self, at: "to"], let toID = UUID(uuidString: toRaw),
            let from = try await GuidelineVersionModel.find(fromID, on: req.db),
            let to = try await GuidelineVersionModel.find(toID, on: req.db),
            from.documentKey == to.documentKey
        else { throw AppError.notFound() }
        let old = try from.version()
        let new = try to.version()
        let diff: GuidelineDiff
        do { diff = try GuidelineDiff(from: old, to: new) } catch { throw AppError.invalid([GuidelineService.problem(for: error)]) }
        let model = GuidelineCompareView.Model(fromID: fromID, toID: toID, from: old, to: new, diff: diff)
        return .html(GuidelineCompareView.render(model, context: req.pageContext))
    }

    /// A user of a member organisation bound by the version in force acknowledges it; repeating is harmless.
    func acknowledge(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let row = try await GuidelineService.row(req)
        let stored = try await GuidelineService.document(of: row, on: req.db)
        let version = try row.version()
        let today = req.osloToday
        guard stored.document.version(inForceOn: today)?.id == version.id else {
            throw AppError.conflict(Phrase(nb: "Bare versjonen som gjelder nå, kan bekreftes.", en: "Only the version in force can be acknowledged."))
        }
        guard try await GuidelineService.binds(version, user: user, on: today, db: req.db) else { throw AppError.forbidden() }
        let rowID = try row.requireID()
        if try await GuidelineService.acknowledgement(versionRowID: rowID, userID: user.id, on: req.db) == nil {
            try await GuidelineAcknowledgementModel(versionID: rowID, userID: user.id, organisationID: user.organisationID, at: req.now).create(
                on: req.db)
        }
        return req.redirect(to: .guideline(rowID))
    }

    /// The publishing association's administrator adds a version; the core checks dates and texts.
    func addVersion(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.role == .associationAdmin else { throw AppError.forbidden() }
        let row = try await GuidelineService.row(req)
        let stored = try await GuidelineService.document(of: row, on: req.db)
        guard stored.associationID == user.organisationID else { throw AppError.notFound() }
        let input = try req.content.decode(GuidelineService.NewVersionInput.self)
        let id = try await GuidelineService.addVersion(to: stored, input, at: req.now, on: req.db)
        return req.redirect(to: .guideline(id))
    }
}
