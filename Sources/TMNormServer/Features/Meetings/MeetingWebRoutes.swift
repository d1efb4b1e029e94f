import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/moter…`: meetings of the association for its administrators and working group (organisers), the
/// invitees and, once the minutes are opened to them, the members; `/mote-svar/TOKEN` and `/tiltak/TOKEN`
/// are the links in the e-mails (no log-in).
struct MeetingWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.meetings, use: list)
        routes.get(.newMeeting, use: newForm)
        routes.post(.newMeeting, use: create)
        routes.get(.newMeetingPoll, use: newPollForm)
        routes.post(.newMeetingPoll, use: createPoll)
        routes.get(.meeting, use: show)
        routes.post(.meetingAction, use: action)
        routes.get(.meetingMinutes, use: minutes)
        routes.get(.meetingMinutesMarkdown, use: minutesMarkdown)
        routes.get(.meetingDecisions, use: decisions)
        routes.get(.meetingDecisionsCSV, use: decisionsCSV)
        routes.get(.meetingFeed, use: feed)
        routes.get(.meetingAnswer, use: answerPage)
        routes.post(.meetingAnswer, use: answer)
        routes.get(.actionItem, use: actionItemPage)
        routes.post(.actionItem, use: closeActionItem)
        routes.post(.actionItemStep, use: actionItemStep)
    }

    typealias Fields = [String: String]

    // MARK: Lists

    /// The meetings a person may see, newest first.
    static func visibleMeetings(_ user: CurrentUser, on db: any Database) async throws -> [(MeetingModel, Meetings.Viewer)] {
        var result: [UUID: (MeetingModel, Meetings.Viewer)] = [:]
        if let association = try await Meetings.organisedAssociation(user, on: db) {
            for meeting in try await MeetingModel.query(on: db).filter(\.$organisationID == association).all() {
                result[try meeting.requireID()] = (meeting, .organiser)
            }
        }
        let invited = try await MeetingInviteeModel.query(on: db)
            .group(.or) { $0.filter(\.$userID == user.id).filter(\.$organisationID == user.organisationID) }.all().map(\.meetingID)
        if !invited.isEmpty {
            for meeting in try await MeetingModel.query(on: db).filter(\.$id ~~ invited).all() {
                let id = try meeting.requireID()
                if result[id] == nil { result[id] = (meeting, .invitee) }
            }
        }
        let associations = try await MembershipModel.query(on: db).filter(\.$member.$id == user.organisationID).all().map(\.$association.id)
        if !associations.isEmpty {
            for meeting in try await MeetingModel.query(on: db).filter(\.$organisationID ~~ associations).filter(\.$membersPublishedAt != nil).all() {
                let id = try meeting.requireID()
                if result[id] == nil { result[id] = (meeting, .member) }
            }
        }
        return result.values.sorted { ($0.0.startsAt ?? $0.0.createdAt) > ($1.0.startsAt ?? $1.0.createdAt) }
    }

    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let meetings = try await Self.visibleMeetings(user, on: req.db)
        let organiser = try await Meetings.organisedAssociation(user, on: req.db) != nil
        var openItems: [MeetingViews.ActionItemRow] = []
        if let association = try await Meetings.organisedAssociation(user, on: req.db) {
            openItems = try await MeetingActionItemModel.query(on: req.db).filter(\.$organisationID == association)
                .filter(\.$statusRaw == ActionItemStatus.open.rawValue).sort(\.$due).all().map(MeetingViews.ActionItemRow.init)
        }
        let model = MeetingViews.ListModel(
            meetings: meetings.map { MeetingViews.ListItem(id: $0.0.id ?? UUID(), title: $0.0.title, start: $0.0.start, status: $0.0.status) },
            canOrganise: organiser, openItems: openItems)
        return .html(MeetingViews.list(model, context: req.pageContext))
    }

    // MARK: Creating

    func organiser(_ req: Request) async throws -> (CurrentUser, UUID) {
        let user = try req.requireUser()
        guard let association = try await Meetings.organisedAssociation(user, on: req.db) else { throw AppError.forbidden() }
        return (user, association)
    }

    /// The association itself and its member organisations, for the invitation checkboxes.
    static func invitable(_ association: UUID, on db: any Database) async throws -> [(UUID, String)] {
        let members = try await MembershipModel.query(on: db).filter(\.$association.$id == association).all().map(\.$member.id)
        let organisations = try await OrganisationModel.query(on: db).filter(\.$id ~~ (members + [association])).sort(\.$name).all()
        return organisations.compactMap { org in org.id.map { ($0, org.name) } }
    }

    func newForm(req: Request) async throws -> Response {
        let (_, association) = try await organiser(req)
        let model = MeetingViews.FormModel(organisations: try await Self.invitable(association, on: req.db), agendaRows: 6)
        return .html(MeetingViews.form(model, context: req.pageContext))
    }

    static func invitations(_ fields: Fields, allowed: [(UUID, String)]) -> Meetings.Invitations {
        let organisations = allowed.map(\.0).filter { fields["org_" + $0.uuidString.lowercased()] != nil }
        let emails = (fields["people"] ?? "").split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "\r" || $0 == ";" || $0 == " " }).map(
            String.init)
        return Meetings.Invitations(organisations: organisations, emails: emails)
    }

    func create(req: Request) async throws -> Response {
        let (user, association) = try await organiser(req)
        let fields = try req.content.decode(Fields.self)
        var problems: [MeetingProblem] = []
        var start: LocalDateTime?
        do { start = try MeetingTimeInput.dateTime(date: fields["date"] ?? "", time: fields["time"] ?? "") } catch { problems.append(error) }
        let duration = MeetingTimeInput.minutes(fields["duration"] ?? "") ?? 0
        var agenda: [AgendaItemDraft] = []
        for index in 1...MeetingPlan.agendaLimit {
            let title = fields["agenda_title_\(index)"] ?? ""
            let owner = fields["agenda_owner_\(index)"] ?? ""
            let box = fields["agenda_box_\(index)"] ?? ""
            let notes = fields["agenda_notes_\(index)"] ?? ""
            if (title + owner + box + notes).trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let minutes = MeetingTimeInput.minutes(box)
            if !box.trimmingCharacters(in: .whitespaces).isEmpty && minutes == nil {
                problems.append(
                    MeetingProblem(
                        field: "agenda_box_\(index)", norwegian: "Tidsrammen må være et antall minutter.",
                        english: "The time box must be a number of minutes."))
            }
            agenda.append(AgendaItemDraft(title: title, owner: owner, timeBoxMinutes: minutes, notes: notes))
        }
        guard let start else { throw Meetings.problems(problems) }
        let draft = MeetingDraft(
            title: fields["title"] ?? "", start: start, durationMinutes: duration, place: fields["place"] ?? "",
            videoLink: fields["video_link"] ?? "",
            agenda: agenda)
        problems += MeetingPlan.problems(draft, now: req.now)
        guard problems.isEmpty else { throw Meetings.problems(problems) }
        let plan: MeetingPlan
        do { plan = try MeetingPlan.validate(draft, now: req.now) } catch { throw Meetings.problem(error) }
        let invite = Self.invitations(fields, allowed: try await Self.invitable(association, on: req.db))
        let meeting = try await Meetings.create(plan, association: association, invite: invite, by: user, app: req.application, now: req.now)
        return req.redirect(to: .meeting(try meeting.requireID()))
    }

    func newPollForm(req: Request) async throws -> Response {
        let (_, association) = try await organiser(req)
        let model = MeetingViews.FormModel(organisations: try await Self.invitable(association, on: req.db), agendaRows: 0)
        return .html(MeetingViews.pollForm(model, context: req.pageContext))
    }

    func createPoll(req: Request) async throws -> Response {
        let (user, association) = try await organiser(req)
        let fields = try req.content.decode(Fields.self)
        var options: [LocalDateTime] = []
        var problems: [MeetingProblem] = []
        for index in 1...5 {
            let date = fields["option_date_\(index)"] ?? ""
            let time = fields["option_time_\(index)"] ?? ""
            if (date + time).trimmingCharacters(in: .whitespaces).isEmpty { continue }
            do {
                options.append(
                    LocalDateTime(
                        date: try MeetingTimeInput.date(date, field: "option_date_\(index)"),
                        time: try MeetingTimeInput.time(time, field: "option_time_\(index)")))
            } catch { problems.append(error) }
        }
        guard problems.isEmpty else { throw Meetings.problems(problems) }
        let meeting = try await Meetings.propose(
            title: fields["title"] ?? "", options: options, durationMinutes: MeetingTimeInput.minutes(fields["duration"] ?? "") ?? 0,
            place: fields["place"] ?? "", videoLink: fields["video_link"] ?? "", association: association,
            invite: Self.invitations(fields, allowed: try await Self.invitable(association, on: req.db)), by: user, app: req.application, now: req.now
        )
        return req.redirect(to: .meeting(try meeting.requireID()))
    }

    // MARK: One meeting

    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let raw = req.parameters.get("id") ?? ""
        if raw.hasSuffix(".ics") {
            guard let id = UUID(uuidString: String(raw.dropLast(4))) else { throw AppError.notFound() }
            let (meeting, viewer) = try await Meetings.meeting(req, id: id, user: user)
            let ics = try await Meetings.calendar(
                meeting, app: req.application, method: .publish, now: req.now, attendees: viewer != .member)
            return Self.calendarResponse(ics, fileName: "mote.ics")
        }
        let (meeting, viewer) = try await Meetings.meeting(req, id: try req.uuidParameter(), user: user)
        return .html(MeetingViews.page(try await pageModel(req, meeting: meeting, viewer: viewer, user: user), context: req.pageContext))
    }

    static func calendarResponse(_ ics: String, fileName: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: MeetingCalendar.mediaType)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: ics))
    }

    func pageModel(_ req: Request, meeting: MeetingModel, viewer: Meetings.Viewer, user: CurrentUser) async throws -> MeetingViews.PageModel {
        let id = try meeting.requireID()
        let agenda = try await MeetingAgendaItemModel.query(on: req.db).filter(\.$meetingID == id).sort(\.$position).all()
        let invitees = try await MeetingInviteeModel.query(on: req.db).filter(\.$meetingID == id).sort(\.$name).all()
        let versions = try await MeetingMinutesVersionModel.query(on: req.db).filter(\.$meetingID == id).sort(\.$version).all()
        let decisions = try await MeetingDecisionModel.query(on: req.db).filter(\.$meetingID == id).sort(\.$sequence).all()
        let items = try await MeetingActionItemModel.query(on: req.db).filter(\.$meetingID == id).sort(\.$due).all()
        let organisations = Dictionary(
            uniqueKeysWithValues: try await OrganisationModel.query(on: req.db).all().compactMap { org in org.id.map { ($0, org.name) } })
        var poll: MeetingViews.PollModel?
        if meeting.status == .proposed {
            let (tally, options, _) = try await Meetings.poll(id, on: req.db)
            poll = MeetingViews.PollModel(
                options: options.compactMap { option in
                    guard let optionID = option.id, let start = MeetingModel.localDateTime(option.startLocal) else { return nil }
                    let counts = tally.tally.first { $0.option == optionID.uuidString }
                    return MeetingViews.PollOption(
                        id: optionID, start: start, yes: counts?.yes ?? 0, maybe: counts?.maybe ?? 0, no: counts?.no ?? 0,
                        best: tally.best == optionID.uuidString)
                })
        }
        let minutesVisible = viewer != .member || meeting.membersPublishedAt != nil
        var draft: MinutesDocument?
        var invitable: [(UUID, String)] = []
        if viewer == .organiser {
            draft = try await Meetings.workingMinutes(meeting, on: req.db)
            invitable = try await Self.invitable(meeting.organisationID, on: req.db)
        }
        return MeetingViews.PageModel(
            id: id, title: meeting.title, status: meeting.status, start: meeting.start, end: meeting.endsAt.map(OsloTime.localDateTime(of:)),
            place: meeting.place, videoLink: meeting.videoLink,
            agenda: agenda.map { MeetingViews.AgendaRow(title: $0.title, owner: $0.owner, timeBox: $0.timeBoxMinutes, notes: $0.notes) },
            invitees: viewer == .member
                ? []
                : invitees.map {
                    MeetingViews.InviteeRow(
                        id: $0.id ?? UUID(), name: $0.name, organisation: $0.organisationID.flatMap { organisations[$0] },
                        answer: $0.answer.flatMap(Availability.init(rawValue:)), attended: $0.attended)
                },
            versions: minutesVisible ? versions.map { ($0.version, $0.publishedAt, $0.note) } : [],
            draft: draft,
            decisions: minutesVisible ? decisions.map(MeetingViews.DecisionRow.init) : [],
            actionItems: minutesVisible ? items.map(MeetingViews.ActionItemRow.init) : [],
            organisations: invitable,
            poll: poll, isOrganiser: viewer == .organiser, membersPublished: meeting.membersPublishedAt != nil,
            numbering: DecisionNumbering.perMeetingDate)
    }

    /// A step of the organiser on the meeting.
    func action(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (meeting, viewer) = try await Meetings.meeting(req, id: try req.uuidParameter(), user: user)
        guard viewer == .organiser else { throw AppError.forbidden() }
        let id = try meeting.requireID()
        let fields = try req.content.decode(Fields.self)
        let action = req.parameters.get("action") ?? ""
        switch action {
        case "minutes", "publish":
            var document = try await Meetings.workingMinutes(meeting, on: req.db)
            for index in document.sections.indices {
                if let text = fields["section_\(index + 1)"] { document.sections[index].markdown = String(text.prefix(20_000)) }
            }
            let invitees = try await MeetingInviteeModel.query(on: req.db).filter(\.$meetingID == id).sort(\.$name).all()
            var attended: [String] = []
            for person in invitees {
                let present = fields["attended_" + (person.id?.uuidString.lowercased() ?? "")] != nil
                if person.attended != present {
                    person.attended = present
                    try await person.save(on: req.db)
                }
                if present { attended.append(person.name) }
            }
            document.attended = attended
            if action == "publish" {
                try await Meetings.publish(meeting, document: document, note: fields["note"] ?? "", by: user, app: req.application, now: req.now)
            } else {
                meeting.minutesDraft = String(decoding: try JSONEncoder().encode(document), as: UTF8.self)
                try await meeting.save(on: req.db)
            }
        case "members":
            guard try await MeetingMinutesVersionModel.query(on: req.db).filter(\.$meetingID == id).count() > 0 else {
                throw AppError.conflict(Phrase(nb: "Publiser referatet først.", en: "Publish the minutes first."))
            }
            meeting.membersPublishedAt = meeting.membersPublishedAt ?? req.now
            try await meeting.save(on: req.db)
        case "decision":
            _ = try await Meetings.addDecision(
                meeting, text: fields["text"] ?? "", subject: fields["subject"] ?? "", effective: fields["effective_on"] ?? "",
                concerns: fields["concerns"] ?? "", numbering: DecisionNumbering(rawValue: fields["numbering"] ?? "") ?? .perMeetingDate, on: req.db,
                now: req.now)
        case "action-item":
            _ = try await Meetings.addActionItem(
                meeting, title: fields["title"] ?? "", ownerOrganisation: (fields["owner_organisation"]).flatMap(UUID.init(uuidString:)),
                ownerName: fields["owner_name"] ?? "", ownerEmail: fields["owner_email"] ?? "", due: fields["due"] ?? "", app: req.application,
                now: req.now)
        case "pick":
            guard let option = fields["option"].flatMap(UUID.init(uuidString:)) else {
                throw Meetings.problem(
                    MeetingProblem(field: "option", norwegian: "Velg et av de foreslåtte tidspunktene.", english: "Choose one of the proposed times.")
                )
            }
            try await Meetings.pick(meeting, option: option, app: req.application, now: req.now)
        case "change":
            guard meeting.status == .scheduled else {
                throw AppError.conflict(Phrase(nb: "Møtet kan ikke endres.", en: "The meeting cannot be changed."))
            }
            let start: LocalDateTime
            do { start = try MeetingTimeInput.dateTime(date: fields["date"] ?? "", time: fields["time"] ?? "") } catch {
                throw Meetings.problem(error)
            }
            let draft = MeetingDraft(
                title: fields["title"] ?? meeting.title, start: start,
                durationMinutes: MeetingTimeInput.minutes(fields["duration"] ?? "") ?? meeting.durationMinutes, place: fields["place"] ?? "",
                videoLink: fields["video_link"] ?? "")
            let plan: MeetingPlan
            do { plan = try MeetingPlan.validate(draft, now: req.now) } catch { throw Meetings.problem(error) }
            Meetings.set(meeting, plan: plan)
            meeting.sequence += 1
            try await meeting.save(on: req.db)
            try await Meetings.sendInvitations(meeting, app: req.application, now: req.now)
        case "cancel":
            guard meeting.status != .cancelled else { break }
            meeting.statusRaw = MeetingModel.Status.cancelled.rawValue
            meeting.sequence += 1
            try await meeting.save(on: req.db)
            if meeting.start != nil { try await Meetings.sendInvitations(meeting, app: req.application, now: req.now, cancelled: true) }
        default:
            throw AppError.notFound()
        }
        return req.redirect(to: .meeting(id), query: ["saved": "1"])
    }

    /// An organiser marks an action item done, dropped or open again.
    func actionItemStep(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let item = try await MeetingActionItemModel.find(try req.uuidParameter(), on: req.db),
            try await Meetings.organisedAssociation(user, on: req.db) == item.organisationID
        else { throw AppError.notFound() }
        let fields = try req.content.decode(Fields.self)
        try await Meetings.step(item, action: fields["step"] ?? "", note: fields["note"] ?? "", on: req.db, now: req.now)
        return req.redirect(to: .meeting(item.meetingID), query: ["saved": "1"])
    }

    // MARK: Minutes

    /// The published version asked for (the latest without `version`), for those who may see it.
    func publishedMinutes(_ req: Request) async throws -> (MeetingModel, PublishedMinutes, Int) {
        let user = try req.requireUser()
        let (meeting, viewer) = try await Meetings.meeting(req, id: try req.uuidParameter(), user: user)
        if viewer == .member && meeting.membersPublishedAt == nil { throw AppError.notFound() }
        let id = try meeting.requireID()
        let versions = try await MeetingMinutesVersionModel.query(on: req.db).filter(\.$meetingID == id).sort(\.$version).all()
        let wanted = (try? req.query.get(Int.self, at: "version")) ?? versions.last?.version
        guard let row = versions.first(where: { $0.version == wanted }) else { throw AppError.notFound() }
        return (meeting, try row.published(), versions.last?.version ?? row.version)
    }

    func minutes(req: Request) async throws -> Response {
        let (meeting, published, latest) = try await publishedMinutes(req)
        let id = try meeting.requireID()
        let decisions = try await MeetingDecisionModel.query(on: req.db).filter(\.$meetingID == id).sort(\.$sequence).all()
        let html = MeetingViews.minutesPage(
            MeetingViews.MinutesModel(
                id: id, title: meeting.title, day: meeting.start?.date, published: published, latest: latest,
                sections: published.document.sections.map { ($0.title, GuidelineMarkdown.render($0.markdown, headingOffset: 2)) },
                decisions: decisions.map(MeetingViews.DecisionRow.init)),
            context: req.pageContext)
        return .html(html)
    }

    func minutesMarkdown(req: Request) async throws -> Response {
        let (meeting, published, _) = try await publishedMinutes(req)
        let text = published.document.markdown(
            title: meeting.title, day: meeting.start?.date ?? OsloTime.localDate(of: meeting.createdAt), version: published.version)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/markdown; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"referat-v\(published.version).md\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    // MARK: Decisions register

    struct DecisionQuery: Content {
        var q: String?
        /// A string: the form sends `year=` for "all years".
        var year: String?
        var subject: String?
    }

    /// The decisions of every meeting the person may see the minutes of, filtered.
    func decisionRows(_ req: Request) async throws -> ([MeetingDecisionModel], [Int], DecisionQuery) {
        let user = try req.requireUser()
        let filters = (try? req.query.decode(DecisionQuery.self)) ?? DecisionQuery()
        let meetings = try await Self.visibleMeetings(user, on: req.db)
        let ids = meetings.compactMap { $0.0.id }
        guard !ids.isEmpty else { return ([], [], filters) }
        let all = try await MeetingDecisionModel.query(on: req.db).filter(\.$meetingID ~~ ids).sort(\.$year, .descending).sort(\.$scope, .descending)
            .sort(\.$sequence).all()
        let years = Array(Set(all.map(\.year))).sorted(by: >)
        let year = filters.year.flatMap { Int($0) }
        let needle = (filters.q ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let rows = all.filter { row in
            (year == nil || row.year == year) && ((filters.subject ?? "").isEmpty || row.subject == filters.subject)
                && (needle.isEmpty || row.text.lowercased().contains(needle) || row.number.description == needle)
        }
        return (rows, years, filters)
    }

    func decisions(req: Request) async throws -> Response {
        let (rows, years, filters) = try await decisionRows(req)
        let model = MeetingViews.DecisionsModel(
            rows: rows.map(MeetingViews.DecisionRow.init), years: years, query: filters.q ?? "", year: filters.year.flatMap { Int($0) },
            subject: filters.subject ?? "")
        return .html(MeetingViews.decisions(model, context: req.pageContext))
    }

    func decisionsCSV(req: Request) async throws -> Response {
        let (rows, _, _) = try await decisionRows(req)
        var lines = [["nummer", "vedtak", "gjelder", "i_kraft", "lenke"]]
        for row in rows {
            lines.append([
                row.number.description, row.text, row.subject, row.effectiveOn.flatMap { try? LocalDate(parsing: $0) }?.norwegianFormatted ?? "",
                row.concerns ?? "",
            ])
        }
        let csv = lines.map { $0.map(Self.csvCell).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"vedtak.csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }

    /// A cell quoted where needed, with a leading formula character neutralised for spreadsheets.
    static func csvCell(_ value: String) -> String {
        var text = value
        if let first = text.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@")].contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The person's meetings as one feed (without the attendees' addresses).
    func feed(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var events: [MeetingCalendarEvent] = []
        for (meeting, _) in try await Self.visibleMeetings(user, on: req.db) {
            if let event = try await Meetings.event(meeting, app: req.application, now: req.now, attendees: false) { events.append(event) }
        }
        return Self.calendarResponse(MeetingCalendar.document(events, method: .publish, name: "TMNorm møter"), fileName: "moter.ics")
    }

    // MARK: The links in the e-mails

    func answerModel(_ req: Request, token: String) async throws -> MeetingViews.AnswerModel {
        let (person, meeting) = try await Meetings.invitee(token: token, on: req.db)
        var poll: [MeetingViews.PollOption] = []
        var marks: [UUID: Availability] = [:]
        if meeting.status == .proposed {
            let (_, options, _) = try await Meetings.poll(try meeting.requireID(), on: req.db)
            let mine = try await MeetingPollMarkModel.query(on: req.db).filter(\.$inviteeID == person.requireID()).all()
            for mark in mine { marks[mark.optionID] = Availability(rawValue: mark.mark) }
            poll = options.compactMap { option in
                guard let id = option.id, let start = MeetingModel.localDateTime(option.startLocal) else { return nil }
                return MeetingViews.PollOption(id: id, start: start, yes: 0, maybe: 0, no: 0, best: false)
            }
        }
        let open = meeting.status == .scheduled && (meeting.endsAt.map { MeetingPlan.acceptsAnswers(meetingEnd: $0, now: req.now) } ?? false)
        return MeetingViews.AnswerModel(
            token: token, name: person.name, title: meeting.title, start: meeting.start, place: meeting.place, videoLink: meeting.videoLink,
            status: meeting.status, answer: person.answer.flatMap(Availability.init(rawValue:)), open: open, poll: poll, marks: marks)
    }

    func answerPage(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let response = Response.html(MeetingViews.answer(try await answerModel(req, token: token), context: req.pageContext))
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    func answer(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let fields = try req.content.decode(Fields.self)
        let (person, meeting) = try await Meetings.invitee(token: token, on: req.db)
        if meeting.status == .proposed {
            var marks: [UUID: Availability] = [:]
            for (name, value) in fields where name.hasPrefix("option_") {
                guard let id = UUID(uuidString: String(name.dropFirst(7))), let mark = Availability(rawValue: value) else {
                    throw Meetings.problem(MeetingProblem(field: name, norwegian: "Ukjent valg.", english: "Unknown choice."))
                }
                marks[id] = mark
            }
            try await Meetings.mark(person, meeting, marks: marks, on: req.db)
        } else {
            _ = try await Meetings.answer(token: token, answer: fields["answer"] ?? "", on: req.db, now: req.now)
        }
        return req.redirect(to: .meetingAnswer(token: token), query: ["saved": "1"])
    }

    func actionItemPage(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let item = try await Meetings.actionItem(token: token, on: req.db)
        let meeting = try await MeetingModel.find(item.meetingID, on: req.db)
        let response = Response.html(
            MeetingViews.actionItemPage(
                MeetingViews.ActionItemPageModel(token: token, item: MeetingViews.ActionItemRow(item), meetingTitle: meeting?.title ?? ""),
                context: req.pageContext))
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    func closeActionItem(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let item = try await Meetings.actionItem(token: token, on: req.db)
        let fields = try req.content.decode(Fields.self)
        let step = fields["step"] ?? ""
        // The owner reports done or dropped; reopening is the organiser's.
        guard step == "done" || step == "drop" else {
            throw Meetings.problem(MeetingProblem(field: "step", norwegian: "Velg utført eller droppet.", english: "Choose done or dropped."))
        }
        try await Meetings.step(item, action: step, note: fields["note"] ?? "", on: req.db, now: req.now)
        return req.redirect(to: .actionItem(token: token), query: ["saved": "1"])
    }
}
