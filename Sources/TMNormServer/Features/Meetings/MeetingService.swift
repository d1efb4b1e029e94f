import Fluent
import Foundation
import TMNormCore
import Vapor

/// The meetings feature's work: who may do what, creating and inviting, answers, minutes, decisions,
/// action items and the poll. Handlers call these; each checks its rule in the core first.
enum Meetings {
    // MARK: Access

    /// How a signed-in person stands to one meeting.
    enum Viewer: Sendable, Equatable {
        /// An administrator of the association, or a member of its working group.
        case organiser
        /// Invited in person or through their organisation.
        case invitee
        /// A member of the association, once the minutes are opened to members.
        case member
    }

    /// The association a person organises meetings for: their own (association administrators) or
    /// the one whose working group they belong to.
    static func organisedAssociation(_ user: CurrentUser, on db: any Database) async throws -> UUID? {
        if user.role == .associationAdmin && user.organisationKind == .association { return user.organisationID }
        return try await MeetingWorkingGroupMemberModel.query(on: db).filter(\.$userID == user.id).first()?.associationID
    }

    /// Whether the person's organisation is a member of the association today.
    static func isMember(_ organisationID: UUID, of association: UUID, on db: any Database) async throws -> Bool {
        try await MembershipModel.query(on: db).filter(\.$member.$id == organisationID).filter(\.$association.$id == association).count() > 0
    }

    /// How `user` may see the meeting, or nil (then the meeting is answered as not found).
    static func viewer(_ meeting: MeetingModel, _ user: CurrentUser, on db: any Database) async throws -> Viewer? {
        if try await organisedAssociation(user, on: db) == meeting.organisationID { return .organiser }
        let meetingID = try meeting.requireID()
        let invited = try await MeetingInviteeModel.query(on: db).filter(\.$meetingID == meetingID)
            .group(.or) { $0.filter(\.$userID == user.id).filter(\.$organisationID == user.organisationID) }.count()
        if invited > 0 { return .invitee }
        if meeting.membersPublishedAt != nil, try await isMember(user.organisationID, of: meeting.organisationID, on: db) { return .member }
        return nil
    }

    /// The meeting at `:id` and how the person sees it; 404 for anyone else.
    static func meeting(_ req: Request, id: UUID, user: CurrentUser) async throws -> (MeetingModel, Viewer) {
        guard let meeting = try await MeetingModel.find(id, on: req.db), let viewer = try await viewer(meeting, user, on: req.db) else {
            throw AppError.notFound()
        }
        return (meeting, viewer)
    }

    /// The answer link's token for an invitee: derived with the server key, so every e-mail about the
    /// meeting carries the same link; only its hash is stored.
    static func inviteeToken(_ inviteeID: UUID, keys: ServerKeys) -> String {
        keys.mac("invitee:" + inviteeID.uuidString.lowercased(), purpose: "meeting-answer")
    }

    static func actionItemToken(_ itemID: UUID, keys: ServerKeys) -> String {
        keys.mac("action-item:" + itemID.uuidString.lowercased(), purpose: "meeting-action-item")
    }

    static func problems(_ list: [MeetingProblem]) -> AppError {
        AppError.invalid(list.map { FieldProblem(field: $0.field, Phrase(nb: $0.norwegian, en: $0.english)) })
    }

    static func problem(_ problem: MeetingProblem) -> AppError { problems([problem]) }

    // MARK: Creating and inviting

    /// Who to invite: organisations (each of their active users) and people by e-mail address.
    struct Invitations: Sendable {
        var organisations: [UUID]
        var emails: [String]
    }

    /// Creates a scheduled meeting with its agenda (open action items of the association first) and
    /// invitees, and queues the invitations, in one transaction.
    static func create(
        _ plan: MeetingPlan, association: UUID, invite: Invitations, by user: CurrentUser, app: Application, now: Date
    ) async throws -> MeetingModel {
        let meeting = MeetingModel()
        meeting.id = UUID()
        meeting.organisationID = association
        meeting.title = plan.title
        meeting.statusRaw = MeetingModel.Status.scheduled.rawValue
        set(meeting, plan: plan)
        meeting.sequence = 0
        meeting.createdBy = user.id
        meeting.createdAt = now
        let people = try await inviteeRows(invite, on: app.db)
        guard !people.isEmpty else {
            throw problem(
                MeetingProblem(
                    field: "organisations", norwegian: "Inviter minst én organisasjon eller person.",
                    english: "Invite at least one organisation or person."))
        }
        let openItems = try await MeetingActionItemModel.query(on: app.db).filter(\.$organisationID == association)
            .filter(\.$statusRaw == ActionItemStatus.open.rawValue).sort(\.$due).all()
        try await app.db.writeTransaction { db in
            try await meeting.create(on: db)
            try await saveAgenda(meeting, plan.agenda, carried: openItems, on: db)
            for person in people {
                person.meetingID = try meeting.requireID()
                person.tokenHash = TokenGenerator.hash(inviteeToken(try person.requireID(), keys: app.serverKeys))
                try await person.create(on: db)
            }
        }
        try await sendInvitations(meeting, app: app, now: now)
        return meeting
    }

    static func set(_ meeting: MeetingModel, plan: MeetingPlan) {
        meeting.startLocal = plan.start.iso8601
        meeting.startsAt = plan.startInstant
        meeting.endsAt = plan.endInstant
        meeting.durationMinutes = Int(plan.endInstant.timeIntervalSince(plan.startInstant) / 60)
        meeting.place = plan.place
        meeting.videoLink = plan.videoLink
        meeting.title = plan.title
    }

    /// The agenda: open action items carried over first, then the items entered.
    static func saveAgenda(_ meeting: MeetingModel, _ items: [AgendaItemDraft], carried: [MeetingActionItemModel], on db: any Database) async throws {
        let meetingID = try meeting.requireID()
        var position = 0
        for item in carried {
            position += 1
            let row = MeetingAgendaItemModel()
            row.meetingID = meetingID
            row.position = position
            row.title = "Oppfølging: " + item.title
            row.owner = item.ownerName
            row.timeBoxMinutes = 5
            row.notes = "Frist " + ((try? LocalDate(parsing: item.due))?.norwegianFormatted ?? item.due)
            row.actionItemID = item.id
            try await row.create(on: db)
        }
        for item in items {
            position += 1
            let row = MeetingAgendaItemModel()
            row.meetingID = meetingID
            row.position = position
            row.title = item.title
            row.owner = item.owner
            row.timeBoxMinutes = item.timeBoxMinutes
            row.notes = item.notes
            try await row.create(on: db)
        }
    }

    /// Invitee rows (not yet saved) for the organisations' active users and the addresses given.
    static func inviteeRows(_ invite: Invitations, on db: any Database) async throws -> [MeetingInviteeModel] {
        var rows: [String: MeetingInviteeModel] = [:]
        if !invite.organisations.isEmpty {
            let users = try await UserModel.query(on: db).filter(\.$organisation.$id ~~ invite.organisations).filter(\.$disabledAt == nil).all()
            for user in users {
                rows[user.email] = invitee(name: user.name, email: user.email, organisationID: user.$organisation.id, userID: user.id)
            }
        }
        for raw in invite.emails {
            let email = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard !email.isEmpty, rows[email] == nil else { continue }
            guard isEmail(email) else {
                throw problem(
                    MeetingProblem(
                        field: "people", norwegian: "«\(email)» er ikke en e-postadresse.", english: "“\(email)” is not an e-mail address."))
            }
            let user = try await UserModel.query(on: db).filter(\.$email == email).first()
            rows[email] = invitee(name: user?.name ?? email, email: email, organisationID: user?.$organisation.id, userID: user?.id)
        }
        return rows.values.sorted { $0.email < $1.email }
    }

    static func invitee(name: String, email: String, organisationID: UUID?, userID: UUID?) -> MeetingInviteeModel {
        let row = MeetingInviteeModel()
        row.id = UUID()
        row.name = name
        row.email = email
        row.organisationID = organisationID
        row.userID = userID
        row.attended = false
        row.tokenHash = ""
        return row
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.utf8.contains { $0 <= 0x20 || $0 == 0x7F }
            && text.utf8.count <= 254
    }

    /// Queues an e-mail with the .ics to every invitee (once per invitee and change: the sequence is in the key).
    static func sendInvitations(_ meeting: MeetingModel, app: Application, now: Date, cancelled: Bool = false) async throws {
        let meetingID = try meeting.requireID()
        let invitees = try await MeetingInviteeModel.query(on: app.db).filter(\.$meetingID == meetingID).all()
        var messages: [Messaging.Outgoing] = []
        let ics = try await calendar(meeting, app: app, method: cancelled ? .cancel : .request, now: now)
        for person in invitees {
            let id = try person.requireID()
            let token = inviteeToken(id, keys: app.serverKeys)
            if person.tokenHash != TokenGenerator.hash(token) {
                person.tokenHash = TokenGenerator.hash(token)
                try await person.save(on: app.db)
            }
            let link = app.config.publicBaseURL + SiteRoute.meetingAnswer(token: token).path
            let when = meeting.start.map { "\($0.date.norwegianFormatted) kl. \($0.time.formatted.prefix(5))" } ?? "—"
            let whereText = [meeting.place, meeting.videoLink].compactMap { $0 }.joined(separator: " · ")
            let change = meeting.sequence > 0
            let subject =
                cancelled
                ? "Avlyst: \(meeting.title) / Cancelled"
                : (change ? "Endret: \(meeting.title) / Changed" : "Invitasjon: \(meeting.title) / Invitation")
            let text = """
                \(cancelled ? "Møtet er avlyst." : (change ? "Møtet er endret." : "Du er invitert til møtet.")) \(meeting.title)
                Tid: \(when) (norsk tid)
                Sted: \(whereText)

                Svar ja, nei eller kanskje her (ingen innlogging): \(link)

                \(cancelled ? "The meeting is cancelled." : (change ? "The meeting has changed." : "You are invited to the meeting.")) Answer yes, no or maybe at the link above (no log-in needed).
                """
            messages.append(
                Messaging.Outgoing(
                    kind: .email, to: person.email, subject: subject, text: text,
                    idempotencyKey:
                        "meeting-invite:\(meetingID.uuidString.lowercased()):\(meeting.sequence):\(cancelled ? "x" : "r"):\(id.uuidString.lowercased())",
                    organisationID: meeting.organisationID, saleID: nil, queuedAt: now,
                    attachment: MessageAttachment(
                        name: "mote.ics", type: "text/calendar; charset=utf-8; method=\(cancelled ? "CANCEL" : "REQUEST")", body: ics)))
        }
        try await Messaging.queue(on: app.db, messages)
    }

    /// The meeting as an iCalendar document.
    static func calendar(_ meeting: MeetingModel, app: Application, method: MeetingCalendar.Method, now: Date, attendees: Bool = true) async throws
        -> String
    {
        guard let event = try await event(meeting, app: app, now: now, attendees: attendees) else {
            return MeetingCalendar.document([], method: method)
        }
        return MeetingCalendar.document([event], method: method)
    }

    static func event(_ meeting: MeetingModel, app: Application, now: Date, attendees: Bool) async throws -> MeetingCalendarEvent? {
        guard let start = meeting.start, let endsAt = meeting.endsAt else { return nil }
        let meetingID = try meeting.requireID()
        var people: [MeetingInviteeModel] = []
        if attendees { people = try await MeetingInviteeModel.query(on: app.db).filter(\.$meetingID == meetingID).sort(\.$email).all() }
        let agenda = try await MeetingAgendaItemModel.query(on: app.db).filter(\.$meetingID == meetingID).sort(\.$position).all()
        let organiser = try await OrganisationModel.find(meeting.organisationID, on: app.db)
        let description =
            agenda.enumerated().map { index, item in
                "\(index + 1). \(item.title)" + (item.owner.isEmpty ? "" : " (\(item.owner))") + (item.timeBoxMinutes.map { ", \($0) min" } ?? "")
            }.joined(separator: "\n")
        return MeetingCalendarEvent(
            uid: "meeting-\(meetingID.uuidString.lowercased())@tmnorm", sequence: meeting.sequence, start: start,
            end: OsloTime.localDateTime(of: endsAt), summary: meeting.title,
            location: [meeting.place, meeting.videoLink].compactMap { $0 }.joined(separator: " · "),
            url: app.config.publicBaseURL + SiteRoute.meeting(meetingID).path, description: description.isEmpty ? nil : "Agenda:\n" + description,
            organizerName: organiser?.name, organizerEmail: app.config.messaging.smtp?.fromAddress ?? "noreply@tmnorm.invalid",
            attendees: people.map {
                MeetingCalendarEvent.Attendee(name: $0.name, email: $0.email, participation: partstat($0.answer))
            }, cancelled: meeting.status == .cancelled, stamp: now)
    }

    static func partstat(_ answer: String?) -> String {
        switch answer.flatMap(Availability.init(rawValue:)) {
        case .yes: "ACCEPTED"
        case .no: "DECLINED"
        case .maybe: "TENTATIVE"
        case nil: "NEEDS-ACTION"
        }
    }

    // MARK: Answers

    /// The invitee whose link this is, or 404.
    static func invitee(token: String, on db: any Database) async throws -> (MeetingInviteeModel, MeetingModel) {
        guard token.utf8.count == 64,
            let person = try await MeetingInviteeModel.query(on: db).filter(\.$tokenHash == TokenGenerator.hash(token)).first(),
            let meeting = try await MeetingModel.find(person.meetingID, on: db)
        else { throw AppError.notFound() }
        return (person, meeting)
    }

    /// Records yes, no or maybe; refused after the meeting has ended or when it is cancelled.
    static func answer(token: String, answer raw: String, on db: any Database, now: Date) async throws -> (MeetingInviteeModel, MeetingModel) {
        let (person, meeting) = try await invitee(token: token, on: db)
        guard let answer = Availability(rawValue: raw) else {
            throw problem(MeetingProblem(field: "answer", norwegian: "Svar ja, nei eller kanskje.", english: "Answer yes, no or maybe."))
        }
        guard meeting.status == .scheduled, let endsAt = meeting.endsAt, MeetingPlan.acceptsAnswers(meetingEnd: endsAt, now: now) else {
            throw AppError(
                .conflict, code: "meeting-over",
                Phrase(
                    nb: "Møtet er over eller avlyst; svaret kan ikke lenger endres.",
                    en: "The meeting is over or cancelled; the answer can no longer be changed."))
        }
        person.answer = answer.rawValue
        person.answeredAt = now
        try await person.save(on: db)
        return (person, meeting)
    }

    // MARK: Minutes

    /// The draft, or a fresh one with a section per agenda item and the people who said yes.
    static func workingMinutes(_ meeting: MeetingModel, on db: any Database) async throws -> MinutesDocument {
        let meetingID = try meeting.requireID()
        if let draft = meeting.draft() { return draft }
        if let latest = try await MeetingMinutesVersionModel.query(on: db).filter(\.$meetingID == meetingID).sort(\.$version, .descending).first() {
            return try latest.published().document
        }
        let agenda = try await MeetingAgendaItemModel.query(on: db).filter(\.$meetingID == meetingID).sort(\.$position).all()
        return MinutesDocument(sections: agenda.map { MinutesSection(title: $0.title, markdown: "") }, attended: [])
    }

    /// Publishes the draft as the next version (the core's rule), and tells the invitees.
    static func publish(_ meeting: MeetingModel, document: MinutesDocument, note: String, by user: CurrentUser, app: Application, now: Date)
        async throws
        -> PublishedMinutes
    {
        let meetingID = try meeting.requireID()
        let rows = try await MeetingMinutesVersionModel.query(on: app.db).filter(\.$meetingID == meetingID).all()
        var history = MinutesHistory(versions: try rows.map { try $0.published() })
        let published: PublishedMinutes
        do { published = try history.publish(document, at: now, note: note) } catch { throw problem(error) }
        let row = MeetingMinutesVersionModel()
        row.meetingID = meetingID
        row.version = published.version
        row.document = String(decoding: try JSONEncoder().encode(document), as: UTF8.self)
        row.note = published.note
        row.publishedAt = now
        row.publishedBy = user.id
        let invitees = try await MeetingInviteeModel.query(on: app.db).filter(\.$meetingID == meetingID).all()
        let link = app.config.publicBaseURL + SiteRoute.meetingMinutes(meetingID, version: published.version).path
        try await app.db.writeTransaction { db in
            try await row.create(on: db)
            meeting.minutesDraft = nil
            try await meeting.save(on: db)
            try await Messaging.queue(
                on: db,
                invitees.map { person in
                    Messaging.Outgoing(
                        kind: .email, to: person.email, subject: "Referat: \(meeting.title) (versjon \(published.version)) / Minutes",
                        text: """
                            Referatet fra \(meeting.title) er publisert (versjon \(published.version)).\(published.note.isEmpty ? "" : " Endring: \(published.note)")
                            \(link)

                            The minutes of \(meeting.title) are published (version \(published.version)).
                            """,
                        idempotencyKey: "meeting-minutes:\(meetingID.uuidString.lowercased()):\(published.version):\(person.email)",
                        organisationID: meeting.organisationID, saleID: nil, queuedAt: now)
                })
        }
        return published
    }

    // MARK: Decisions

    /// The subjects a decision may concern (the register's filter).
    static let subjects = ["guidelines", "event", "authorization", "other"]

    static func subjectWords(_ subject: String) -> Phrase {
        switch subject {
        case "guidelines": Phrase(nb: "Retningslinjer", en: "Guidelines")
        case "event": Phrase(nb: "Arrangement", en: "Event")
        case "authorization": Phrase(nb: "Godkjenningsordning", en: "Authorization scheme")
        default: Phrase(nb: "Annet", en: "Other")
        }
    }

    /// Records a decision with the next number of the association's register.
    static func addDecision(
        _ meeting: MeetingModel, text: String, subject: String, effective: String, concerns: String, numbering: DecisionNumbering,
        on db: any Database,
        now: Date
    ) async throws -> MeetingDecisionModel {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [MeetingProblem] = []
        if text.isEmpty { problems.append(MeetingProblem(field: "text", norwegian: "Skriv vedtaket.", english: "Write the decision.")) }
        if !subjects.contains(subject) {
            problems.append(MeetingProblem(field: "subject", norwegian: "Velg hva vedtaket gjelder.", english: "Choose what the decision concerns."))
        }
        var effectiveOn: LocalDate?
        if !effective.trimmingCharacters(in: .whitespaces).isEmpty {
            do { effectiveOn = try MeetingTimeInput.date(effective, field: "effective_on") } catch { problems.append(error) }
        }
        let concerns = concerns.trimmingCharacters(in: .whitespaces)
        if !concerns.isEmpty && !(concerns.hasPrefix("/") && !concerns.hasPrefix("//")) {
            problems.append(
                MeetingProblem(
                    field: "concerns", norwegian: "Lenken må være en side i TMNorm (begynner med /).",
                    english: "The link must be a TMNorm page (starting with /)."))
        }
        guard problems.isEmpty, let day = meeting.start?.date else { throw Self.problems(problems) }
        let association = meeting.organisationID
        let effectiveDay = effectiveOn
        return try await db.writeTransaction { db in
            let existing = try await MeetingDecisionModel.query(on: db).filter(\.$organisationID == association).all().map(\.number)
            let number = DecisionNumber.next(after: existing, meetingDay: day, numbering: numbering)
            let row = MeetingDecisionModel()
            row.organisationID = association
            row.meetingID = try meeting.requireID()
            row.scope = number.scope
            row.sequence = number.sequence
            row.year = day.year
            row.text = text
            row.subject = subject
            row.effectiveOn = effectiveDay?.iso8601
            row.concerns = concerns.isEmpty ? nil : concerns
            row.createdAt = now
            try await row.create(on: db)
            return row
        }
    }

    // MARK: Action items

    /// Records an action item; its due day may not be before the meeting.
    static func addActionItem(
        _ meeting: MeetingModel, title: String, ownerOrganisation: UUID?, ownerName: String, ownerEmail: String, due: String, app: Application,
        now: Date
    ) async throws -> MeetingActionItemModel {
        var problems: [MeetingProblem] = []
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            problems.append(MeetingProblem(field: "title", norwegian: "Skriv hva som skal gjøres.", english: "Say what is to be done."))
        }
        var dueDay: LocalDate?
        do { dueDay = try MeetingTimeInput.date(due, field: "due") } catch { problems.append(error) }
        if let dueDay, let day = meeting.start?.date {
            do { try MeetingPlan.checkDue(dueDay, meetingDay: day) } catch { problems.append(error) }
        }
        let email = ownerEmail.trimmingCharacters(in: .whitespaces).lowercased()
        if !email.isEmpty && !isEmail(email) {
            problems.append(MeetingProblem(field: "owner_email", norwegian: "Ugyldig e-postadresse.", english: "Invalid e-mail address."))
        }
        var organisation: OrganisationModel?
        if let ownerOrganisation {
            organisation = try await OrganisationModel.find(ownerOrganisation, on: app.db)
            if organisation == nil {
                problems.append(MeetingProblem(field: "owner_organisation", norwegian: "Ukjent organisasjon.", english: "Unknown organisation."))
            }
        }
        guard problems.isEmpty, let dueDay else { throw Self.problems(problems) }
        let row = MeetingActionItemModel()
        row.id = UUID()
        row.organisationID = meeting.organisationID
        row.meetingID = try meeting.requireID()
        row.title = title
        row.ownerOrganisationID = organisation?.id
        row.ownerOrgnr = organisation?.orgnr
        row.ownerName =
            ownerName.trimmingCharacters(in: .whitespaces).isEmpty ? (organisation?.name ?? "") : ownerName.trimmingCharacters(in: .whitespaces)
        row.ownerEmail = email.isEmpty ? nil : email
        row.due = dueDay.iso8601
        row.statusRaw = ActionItemStatus.open.rawValue
        row.note = ""
        row.createdOn = min(OsloTime.localDate(of: now), meeting.start?.date ?? OsloTime.localDate(of: now)).iso8601
        row.tokenHash = TokenGenerator.hash(actionItemToken(try row.requireID(), keys: app.serverKeys))
        try await row.create(on: app.db)
        return row
    }

    /// Applies a step to the item (the core's state machine).
    static func step(_ item: MeetingActionItemModel, _ step: ActionItemStep, on db: any Database, now: Date) async throws {
        let result: (ActionItemStatus, String)
        do { result = try ActionItemMachine.apply(step, to: item.status) } catch { throw problem(error) }
        let (status, note) = result
        item.statusRaw = status.rawValue
        item.note = note
        item.closedAt = status == .open ? nil : now
        try await item.save(on: db)
    }

    static func step(_ item: MeetingActionItemModel, action: String, note: String, on db: any Database, now: Date) async throws {
        let step: ActionItemStep
        switch action {
        case "done": step = .complete(note: note)
        case "drop": step = .drop(note: note)
        case "reopen": step = .reopen(note: note)
        default: throw problem(MeetingProblem(field: "action", norwegian: "Ukjent handling.", english: "Unknown action."))
        }
        try await Self.step(item, step, on: db, now: now)
    }

    static func actionItem(token: String, on db: any Database) async throws -> MeetingActionItemModel {
        guard token.utf8.count == 64,
            let item = try await MeetingActionItemModel.query(on: db).filter(\.$tokenHash == TokenGenerator.hash(token)).first()
        else { throw AppError.notFound() }
        return item
    }

    /// The reminder job: each open item's due reminder once (idempotency key per item and reminder).
    static let reminderJob = JobDefinition(
        name: "meeting-action-reminders",
        summary: Phrase(
            nb: "Minner ansvarlige om oppfølgingspunkter før fristen og når fristen er passert.",
            en: "Reminds owners of action items before the due date and when it has passed."),
        schedule: .every(seconds: 3600)
    ) { context in
        let sent = try await runReminders(context.app, now: context.now)
        return sent == 0 ? nil : "\(sent) reminded"
    }

    @discardableResult
    static func runReminders(_ app: Application, now: Date, policy: ActionItemReminderPolicy = .standard) async throws -> Int {
        let today = OsloTime.localDate(of: now)
        let horizon = today.adding(days: policy.daysBefore.max() ?? 0).iso8601
        let items = try await MeetingActionItemModel.query(on: app.db).filter(\.$statusRaw == ActionItemStatus.open.rawValue)
            .filter(\.$due <= horizon).filter(\.$ownerEmail != nil).all()
        var messages: [Messaging.Outgoing] = []
        for item in items {
            guard let email = item.ownerEmail, let due = try? LocalDate(parsing: item.due), let created = try? LocalDate(parsing: item.createdOn),
                let reminder = policy.reminder(due: due, createdOn: created, today: today)
            else { continue }
            let id = try item.requireID()
            let link = app.config.publicBaseURL + SiteRoute.actionItem(token: actionItemToken(id, keys: app.serverKeys)).path
            let late: Bool
            if case .overdue = reminder { late = true } else { late = false }
            messages.append(
                Messaging.Outgoing(
                    kind: .email, to: email,
                    subject: (late ? "Frist passert: " : "Påminnelse: ") + item.title + (late ? " / Overdue" : " / Reminder"),
                    text: """
                        \(late ? "Fristen for oppfølgingspunktet er passert" : "Oppfølgingspunktet har frist") \(due.norwegianFormatted): \(item.title)
                        Meld det utført eller droppet her: \(link)

                        \(late ? "The action item is overdue" : "The action item is due") on \(due.norwegianFormatted). Close it at the link above.
                        """,
                    idempotencyKey: "meeting-action-reminder:\(id.uuidString.lowercased()):\(reminder.key)", organisationID: item.organisationID,
                    saleID: nil, queuedAt: now))
        }
        try await Messaging.queue(on: app.db, messages)
        return messages.count
    }

    // MARK: Poll

    /// Proposes a meeting with several times; invitees mark them from their link.
    static func propose(
        title: String, options: [LocalDateTime], durationMinutes: Int, place: String, videoLink: String, association: UUID, invite: Invitations,
        by user: CurrentUser, app: Application, now: Date
    ) async throws -> MeetingModel {
        var problems: [MeetingProblem] = []
        if options.count < 2 {
            problems.append(MeetingProblem(field: "options", norwegian: "Foreslå minst to tidspunkter.", english: "Propose at least two times."))
        }
        for option in options {
            let draft = MeetingDraft(title: title, start: option, durationMinutes: durationMinutes, place: place, videoLink: videoLink)
            for problem in MeetingPlan.problems(draft, now: now) where !problems.contains(problem) { problems.append(problem) }
        }
        guard problems.isEmpty else { throw Self.problems(problems) }
        let people = try await inviteeRows(invite, on: app.db)
        let meeting = MeetingModel()
        meeting.id = UUID()
        meeting.organisationID = association
        meeting.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        meeting.statusRaw = MeetingModel.Status.proposed.rawValue
        meeting.durationMinutes = durationMinutes
        let trimmedPlace = place.trimmingCharacters(in: .whitespaces)
        let trimmedLink = videoLink.trimmingCharacters(in: .whitespaces)
        meeting.place = trimmedPlace.isEmpty ? nil : trimmedPlace
        meeting.videoLink = trimmedLink.isEmpty ? nil : trimmedLink
        meeting.sequence = 0
        meeting.createdBy = user.id
        meeting.createdAt = now
        try await app.db.writeTransaction { db in
            try await meeting.create(on: db)
            for (index, option) in options.sorted().enumerated() {
                let row = MeetingPollOptionModel()
                row.meetingID = try meeting.requireID()
                row.position = index
                row.startLocal = option.iso8601
                try await row.create(on: db)
            }
            for person in people {
                person.meetingID = try meeting.requireID()
                person.tokenHash = TokenGenerator.hash(inviteeToken(try person.requireID(), keys: app.serverKeys))
                try await person.create(on: db)
            }
        }
        let meetingID = try meeting.requireID()
        try await Messaging.queue(
            on: app.db,
            try people.map { person in
                let link = app.config.publicBaseURL + SiteRoute.meetingAnswer(token: inviteeToken(try person.requireID(), keys: app.serverKeys)).path
                return Messaging.Outgoing(
                    kind: .email, to: person.email, subject: "Når passer det? \(meeting.title) / When suits you?",
                    text: """
                        Det foreslås flere tidspunkter for \(meeting.title). Kryss av for hva som passer: \(link)

                        Several times are proposed for \(meeting.title). Mark which suit you at the link above.
                        """,
                    idempotencyKey: "meeting-poll:\(meetingID.uuidString.lowercased()):\(person.email)", organisationID: association, saleID: nil,
                    queuedAt: now)
            })
        return meeting
    }

    /// The poll of a proposed meeting as the core tallies it (options by id, invitees by id).
    static func poll(_ meetingID: UUID, on db: any Database) async throws -> (AvailabilityPoll, [MeetingPollOptionModel], [MeetingInviteeModel]) {
        let options = try await MeetingPollOptionModel.query(on: db).filter(\.$meetingID == meetingID).sort(\.$position).all()
        let invitees = try await MeetingInviteeModel.query(on: db).filter(\.$meetingID == meetingID).sort(\.$email).all()
        let optionIDs = try options.map { try $0.requireID() }
        var marks: [MeetingPollMarkModel] = []
        if !optionIDs.isEmpty { marks = try await MeetingPollMarkModel.query(on: db).filter(\.$optionID ~~ optionIDs).all() }
        var table: [String: [String: Availability]] = [:]
        for mark in marks {
            if let value = Availability(rawValue: mark.mark) { table[mark.inviteeID.uuidString, default: [:]][mark.optionID.uuidString] = value }
        }
        let poll = AvailabilityPoll(
            options: optionIDs.map(\.uuidString), invitees: try invitees.map { try $0.requireID().uuidString }, marks: table)
        return (poll, options, invitees)
    }

    /// An invitee marks the proposed times.
    static func mark(_ person: MeetingInviteeModel, _ meeting: MeetingModel, marks: [UUID: Availability], on db: any Database) async throws {
        guard meeting.status == .proposed else {
            throw AppError.conflict(Phrase(nb: "Tidspunktet er allerede valgt.", en: "The time has already been chosen."))
        }
        var (poll, _, _) = try await Self.poll(try meeting.requireID(), on: db)
        let personID = try person.requireID()
        do {
            try poll.mark(invitee: personID.uuidString, Dictionary(uniqueKeysWithValues: marks.map { ($0.key.uuidString, $0.value) }))
        } catch { throw problem(error) }
        try await db.writeTransaction { db in
            for (option, value) in marks {
                try await MeetingPollMarkModel.query(on: db).filter(\.$optionID == option).filter(\.$inviteeID == personID).delete()
                let row = MeetingPollMarkModel()
                row.optionID = option
                row.inviteeID = personID
                row.mark = value.rawValue
                try await row.create(on: db)
            }
        }
    }

    /// The organiser picks a time: the meeting is scheduled there (still not in the past) and invited.
    static func pick(_ meeting: MeetingModel, option optionID: UUID, app: Application, now: Date) async throws {
        guard meeting.status == .proposed else {
            throw AppError.conflict(Phrase(nb: "Tidspunktet er allerede valgt.", en: "The time has already been chosen."))
        }
        guard let option = try await MeetingPollOptionModel.find(optionID, on: app.db), option.meetingID == meeting.id,
            let start = MeetingModel.localDateTime(option.startLocal)
        else {
            throw problem(
                MeetingProblem(field: "option", norwegian: "Velg et av de foreslåtte tidspunktene.", english: "Choose one of the proposed times."))
        }
        let draft = MeetingDraft(
            title: meeting.title, start: start, durationMinutes: meeting.durationMinutes, place: meeting.place ?? "",
            videoLink: meeting.videoLink ?? "")
        let plan: MeetingPlan
        do { plan = try MeetingPlan.validate(draft, now: now) } catch { throw problem(error) }
        let open = try await MeetingActionItemModel.query(on: app.db).filter(\.$organisationID == meeting.organisationID)
            .filter(\.$statusRaw == ActionItemStatus.open.rawValue).sort(\.$due).all()
        set(meeting, plan: plan)
        meeting.statusRaw = MeetingModel.Status.scheduled.rawValue
        try await app.db.writeTransaction { db in
            try await meeting.save(on: db)
            if try await MeetingAgendaItemModel.query(on: db).filter(\.$meetingID == meeting.requireID()).count() == 0 {
                try await saveAgenda(meeting, [], carried: open, on: db)
            }
        }
        try await sendInvitations(meeting, app: app, now: now)
    }
}

extension MeetingModel {
    /// "YYYY-MM-DDTHH:MM:SS" back to a wall-clock time.
    static func localDateTime(_ text: String) -> LocalDateTime? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let date = try? LocalDate(parsing: String(parts[0])), let time = try? LocalTime(parsing: String(parts[1])) else {
            return nil
        }
        return LocalDateTime(date: date, time: time)
    }
}
