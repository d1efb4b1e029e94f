import Fluent
import Foundation
import TMNormCore
import Vapor

/// The to-do lists of the start pages: each a few queries over the features that own the data.
enum DashboardToDos {
    /// How many items a list shows before "see all".
    static let limit = 8

    /// The board and the association: applications awaiting them, follow-ups and approvals with deadlines,
    /// members who have not acknowledged the guidelines, messages that did not get through.
    static func oversight(
        _ user: CurrentUser, today: LocalDate, now: Date, app: Application, on db: any Database
    ) async throws -> [DashboardView.ToDoList] {
        let policy = app.authorizationSettings.policy
        let overview = try await AuthorizationOverviewView.Model.query(
            for: user, access: .oversight(user.role), today: today, policy: policy, on: db)
        let me = user.id.uuidString.lowercased()
        var lists: [DashboardView.ToDoList] = []

        if user.role == .boardMember {
            let awaitingVote = overview.applications.filter { _, application in
                application.state == .underReview && application.board?.isMember(me) == true
                    && !application.votes.contains { $0.memberID == me } && !application.recusals.contains { $0.memberID == me }
            }
            lists.append(
                .init(
                    id: "vote", title: Phrase(nb: "Søknader som venter på din stemme", en: "Applications awaiting your vote"),
                    empty: Phrase(nb: "Ingen søknader venter på stemmen din.", en: "No applications are waiting for your vote."),
                    items: awaitingVote.map { id, application in
                        .init(
                            title: application.applicantName, href: SiteRoute.authorizationApplication(id).path,
                            detail: application.submittedAt.map {
                                Phrase(nb: "Sendt inn \(NorwegianFormat.date($0))", en: "Submitted \(NorwegianFormat.date($0))")
                            },
                            badge: (Phrase(nb: "Stem", en: "Vote"), .warn))
                    }, all: .authorization))
        } else {
            let submitted = overview.applications.filter { $0.application.state == .submitted }
            lists.append(
                .init(
                    id: "check", title: Phrase(nb: "Søknader som venter på kontroll", en: "Applications awaiting checking"),
                    empty: Phrase(nb: "Ingen nye søknader å kontrollere.", en: "No new applications to check."),
                    items: submitted.map { id, application in
                        .init(
                            title: application.applicantName, href: SiteRoute.authorizationApplication(id).path,
                            detail: application.submittedAt.map {
                                Phrase(nb: "Sendt inn \(NorwegianFormat.date($0))", en: "Submitted \(NorwegianFormat.date($0))")
                            },
                            badge: (Phrase(nb: "Kontroller", en: "Check"), .warn))
                    }, all: .authorization))
        }

        // Deadlines: overdue follow-up reports (flagged to the board), and approvals running out within 90 days.
        var deadlines: [DashboardView.ToDoItem] = []
        for centre in overview.centres {
            for year in centre.overdue {
                deadlines.append(
                    .init(
                        title: centre.record.name, href: SiteRoute.authorizationCentre(centre.organisationID).path,
                        detail: Phrase(nb: "Oppfølgingsrapport år \(year) er forfalt", en: "Follow-up report for year \(year) is overdue"),
                        badge: (Phrase(nb: "Forfalt", en: "Overdue"), .bad)))
            }
            if centre.standing.status == .approved, let until = centre.standing.validUntil, until <= today.adding(days: 90) {
                deadlines.append(
                    .init(
                        title: centre.record.name, href: SiteRoute.authorizationCentre(centre.organisationID).path,
                        detail: Phrase(nb: "Godkjenningen går ut \(until.norwegianFormatted)", en: "The approval ends \(until.norwegianFormatted)"),
                        badge: (Phrase(nb: "Frist", en: "Deadline"), .warn)))
            }
        }
        lists.append(
            .init(
                id: "deadlines",
                title: user.role == .boardMember
                    ? Phrase(nb: "Frister og forfalte oppfølginger", en: "Deadlines and overdue follow-ups")
                    : Phrase(nb: "Forfalte oppfølginger og frister", en: "Overdue follow-ups and deadlines"),
                empty: Phrase(nb: "Ingen frister de neste 90 dagene.", en: "No deadlines in the next 90 days."), items: deadlines, all: .authorization
            ))

        if user.role == .associationAdmin {
            lists.append(try await unacknowledged(user, today: today, on: db))
            lists.append(try await deadLetters(organisation: nil, on: db))
        }
        return lists
    }

    /// Complaint cases that need the person: the board's votes and confirmations, cases to send to the board
    /// or past a deadline (association), answers a business owes (its call-centre admin or client user).
    static func complaints(_ user: CurrentUser, now: Date, on db: any Database) async throws -> DashboardView.ToDoList {
        let items = try await ComplaintToDos.items(for: user, now: now, on: db).prefix(limit).map { item -> DashboardView.ToDoItem in
            let deadline = item.deadline.map { NorwegianFormat.date($0) }
            let detail =
                deadline.map { Phrase(nb: "Sak \(item.reference) · frist \($0)", en: "Case \(item.reference) · due \($0)") }
                ?? Phrase(nb: "Sak \(item.reference)", en: "Case \(item.reference)")
            let badge: (Phrase, Badge.Tone) =
                switch item.need {
                case .vote: (Phrase(nb: "Stem", en: "Vote"), .warn)
                case .confirm: (Phrase(nb: "Bekreft vedtak", en: "Confirm decision"), .warn)
                case .answer: (Phrase(nb: "Svar", en: "Answer"), .warn)
                case .late: (Phrase(nb: "Forfalt", en: "Overdue"), .bad)
                case .sendToBoard: (Phrase(nb: "Til nemnda", en: "To the board"), .warn)
                }
            return .init(title: item.business, href: SiteRoute.complaintCaseFile(item.id).path, detail: detail, badge: badge)
        }
        let title: Phrase =
            switch user.role {
            case .boardMember: Phrase(nb: "Klagesaker som venter på nemnda", en: "Complaint cases awaiting the board")
            case .associationAdmin: Phrase(nb: "Klagesaker som må følges opp", en: "Complaint cases to follow up")
            default: Phrase(nb: "Klager dere må svare på", en: "Complaints you must answer")
            }
        return .init(
            id: "complaints", title: title, empty: Phrase(nb: "Ingen klagesaker venter på deg.", en: "No complaint cases are waiting for you."),
            items: Array(items), all: .complaintCases)
    }

    /// Member organisations with people who have not acknowledged the association's guidelines in force.
    static func unacknowledged(_ user: CurrentUser, today: LocalDate, on db: any Database) async throws -> DashboardView.ToDoList {
        var items: [DashboardView.ToDoItem] = []
        for stored in try await GuidelineService.documents(on: db) where stored.associationID == user.organisationID {
            guard let overview = try await GuidelineService.overview(stored, associationID: user.organisationID, on: today, db: db),
                let rowID = stored.rowID(overview.overview.version)
            else { continue }
            let byOrganisation = Dictionary(grouping: overview.overview.outstanding, by: \.organisationName)
            for (organisation, people) in byOrganisation.sorted(by: { $0.key < $1.key }) {
                items.append(
                    .init(
                        title: organisation, href: SiteRoute.guideline(rowID).path,
                        detail: Phrase(
                            nb:
                                "\(people.count) \(people.count == 1 ? "person" : "personer") har ikke bekreftet «\(overview.overview.version.title)»",
                            en:
                                "\(people.count) \(people.count == 1 ? "person has" : "people have") not acknowledged “\(overview.overview.version.title)”"
                        ),
                        badge: (Phrase(nb: "Ikke bekreftet", en: "Not acknowledged"), .warn)))
            }
        }
        return .init(
            id: "guidelines",
            title: Phrase(nb: "Medlemmer som ikke har bekreftet retningslinjene", en: "Members who have not acknowledged the guidelines"),
            empty: Phrase(
                nb: "Alle medlemmer har bekreftet retningslinjene som gjelder.", en: "Every member has acknowledged the guidelines in force."),
            items: items, all: .guidelines)
    }

    /// Messages the outbox gave up on (dead letters): the association sees all, a call centre its own.
    static func deadLetters(organisation: UUID?, on db: any Database) async throws -> DashboardView.ToDoList {
        let query = OutboxMessageModel.query(on: db).filter(\.$statusRaw == OutboxMessageModel.Status.dead.rawValue).sort(\.$createdAt, .descending)
        if let organisation { query.filter(\.$organisationID == organisation) }
        let rows = try await query.range(..<limit).all()
        return .init(
            id: "dead-letters", title: Phrase(nb: "Meldinger som ikke kom fram", en: "Messages that did not get through"),
            empty: Phrase(nb: "Alle meldinger er sendt.", en: "Every message was sent."),
            items: rows.map { row in
                .init(
                    title: row.subject ?? (row.kind == .sms ? "SMS" : row.kind == .email ? "E-post" : "Webhook"),
                    href: SiteRoute.outbox.path(query: ["status": "dead"]),
                    detail: Phrase(
                        nb: "Ga opp etter \(row.attempts) forsøk · \(NorwegianFormat.dateTime(row.createdAt))",
                        en: "Gave up after \(row.attempts) attempts · \(NorwegianFormat.dateTime(row.createdAt))"),
                    badge: (Phrase(nb: "Send på nytt", en: "Requeue"), .bad))
            }, all: .outbox)
    }

    /// The call centre's administrator: washes that run out this month, campaigns that cannot call for want of a
    /// valid wash, dead letters.
    static func callCentre(_ user: CurrentUser, now: Date, on db: any Database) async throws -> [DashboardView.ToDoList] {
        let today = OsloTime.localDate(of: now)
        let nextMonth = try LocalDate(year: today.month == 12 ? today.year + 1 : today.year, month: today.month % 12 + 1, day: 1)
        let monthEnd = OsloTime.startOfDay(nextMonth)
        let expiring = try await WashRecordModel.query(on: db).filter(\.$organisation.$id == user.organisationID)
            .filter(\.$validUntil > now).filter(\.$validUntil <= monthEnd).sort(\.$validUntil).range(..<limit).all()
        let washes = DashboardView.ToDoList(
            id: "washes", title: Phrase(nb: "Vaskinger som går ut denne måneden", en: "Washes expiring this month"),
            empty: Phrase(nb: "Ingen vaskinger går ut denne måneden.", en: "No washes expire this month."),
            items: try expiring.map { wash in
                let until = wash.validUntil.map(NorwegianFormat.dateTime) ?? "—"
                return .init(
                    title: wash.fileName, href: SiteRoute.wash(try wash.requireID()).path,
                    detail: Phrase(nb: "Gyldig til \(until) – vask listen på nytt", en: "Valid until \(until) – wash the list again"),
                    badge: (Phrase(nb: "Går ut", en: "Expiring"), .warn))
            }, all: .washes)

        let campaigns = try await CampaignModel.query(on: db).filter(\.$callCentre.$id == user.organisationID)
            .filter(\.$statusRaw == CampaignModel.Status.active.rawValue).filter(\.$endsOn >= today.iso8601).sort(\.$name).all()
        var withoutWash: [DashboardView.ToDoItem] = []
        for campaign in campaigns where !(try await CampaignValidity.check(campaign, at: now, on: db)).hasValidWash {
            withoutWash.append(
                .init(
                    title: campaign.name, href: SiteRoute.campaign(try campaign.requireID()).path,
                    detail: Phrase(
                        nb: "Ingen gyldig vasking – selgerne får nei på alle nummer", en: "No valid wash – agents are refused every number"),
                    badge: (Phrase(nb: "Kan ikke ringe", en: "Cannot call"), .bad)))
        }
        let campaignList = DashboardView.ToDoList(
            id: "campaigns", title: Phrase(nb: "Kampanjer uten gyldig vasking", en: "Campaigns without a valid wash"),
            empty: Phrase(nb: "Alle aktive kampanjer har en gyldig vasking.", en: "Every active campaign has a valid wash."),
            items: withoutWash, all: .campaigns)
        return [campaignList, washes, try await deadLetters(organisation: user.organisationID, on: db)]
    }

    /// The campaigns a person of a call centre can check numbers for: an agent's own active campaigns (or, if
    /// none are assigned, all active ones of the centre), an administrator's active ones.
    static func campaigns(for user: CurrentUser, now: Date, on db: any Database) async throws -> [DashboardView.CampaignLink] {
        let today = OsloTime.localDate(of: now).iso8601
        let active = try await CampaignModel.query(on: db).filter(\.$callCentre.$id == user.organisationID)
            .filter(\.$statusRaw == CampaignModel.Status.active.rawValue).filter(\.$endsOn >= today).with(\.$client).sort(\.$name).all()
        var chosen = active
        if user.role == .agent {
            let mine = Set(try await CampaignAgentModel.query(on: db).filter(\.$user.$id == user.id).all().map { $0.$campaign.id })
            let assigned = active.filter { $0.id.map(mine.contains) ?? false }
            if !assigned.isEmpty { chosen = assigned }
        }
        return try chosen.map {
            .init(id: try $0.requireID(), name: $0.name, client: $0.client.name, startsOn: $0.startsOn, endsOn: $0.endsOn)
        }
    }
}
