import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/national-register`: import history and upload of register deliveries.
/// A call centre's administrator manages its own licensed copy; the association the installation's copy.
struct RegisterWebRoutes: RouteCollection {
    static let maxUpload: ByteCount = "100mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.nationalRegister, use: page)
        routes.upload(.nationalRegister, maxSize: Self.maxUpload, use: upload)
    }

    /// The owner of the copies this user manages: own call centre, or nil (installation) for the association.
    private func owner(_ req: Request) throws -> (user: CurrentUser, ownerID: UUID?) {
        let user = try req.requireUser()
        switch user.role {
        case .callCentreAdmin: return (user, user.organisationID)
        case .associationAdmin: return (user, nil)
        default: throw AppError.forbidden()
        }
    }

    func page(req: Request) async throws -> Response {
        let (_, ownerID) = try owner(req)
        return .html(RegisterView.render(try await model(ownerID, on: req.db), context: req.pageContext))
    }

    private func model(_ ownerID: UUID?, on db: any Database, message: Phrase? = nil, failed: Bool = false) async throws -> RegisterView.Model {
        let rows = try await RegisterSnapshotModel.query(on: db)
            .filter(\.$organisation.$id == ownerID).sort(\.$importedAt, .descending).range(..<50).all()
        return RegisterView.Model(
            rows: rows.map { .init(model: $0, problems: RegisterImportService.problems(of: $0)) },
            installationCopy: ownerID == nil, message: message, failed: failed)
    }

    struct UploadInput: Content {
        var file: File?
        var obtained_at: String?
        var voluntary: String?
        var force: String?
    }

    func upload(req: Request) async throws -> Response {
        let (_, ownerID) = try owner(req)
        let input = try req.content.decode(UploadInput.self)
        guard let file = input.file, file.data.readableBytes > 0 else {
            throw AppError.invalid([
                .init(field: "file", Phrase(nb: "velg registerfilen som skal lastes opp", en: "choose the register file to upload"))
            ])
        }
        var obtainedAt = req.now
        if let raw = input.obtained_at?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { obtainedAt = try OsloTime.parseTimestamp(try LocalDate(parsing: raw).iso8601 + "T00:00:00") } catch {
                throw AppError.invalid([.init(field: "obtained_at", Phrase(nb: "må være en dato (dd.mm.åååå)", en: "must be a date YYYY-MM-DD"))])
            }
        }
        let upload = try await UploadSpool.save(file, on: req)
        defer { upload.remove() }
        let path = upload.path
        let status: HTTPResponseStatus
        let message: Phrase
        var failed = false
        do {
            let imported = try await RegisterImportService.importFile(
                path: path, fileName: file.filename, ownerID: ownerID, obtainedAt: obtainedAt,
                plainVoluntary: RegisterVoluntaryOption.parse(input.voluntary ?? "") ?? true,
                force: input.force == "on" || input.force == "true",
                obtainedAtBasis: (input.obtained_at ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? .imported : .given,
                app: req.application)
            status = .created
            let plainVoluntary = RegisterVoluntaryOption.parse(input.voluntary ?? "") ?? true
            let assumed: Phrase =
                imported.persons == 0 && imported.numbers > 0
                ? (plainVoluntary
                    ? Phrase(
                        nb: " Nummerfil: reservasjonene er regnet som også gjeldende frivillige organisasjoner.",
                        en: " Number file: the reservations are taken to cover voluntary organisations too.")
                    : Phrase(
                        nb: " Nummerfil: reservasjonene er regnet som ikke gjeldende frivillige organisasjoner.",
                        en: " Number file: the reservations are taken not to cover voluntary organisations."))
                : Phrase(nb: "", en: "")
            message = Phrase(
                nb:
                    "Importert: \(imported.numbers) numre og \(imported.persons) personer; \(imported.rejectedRows) rader avvist. Den nye kopien er aktiv."
                    + assumed.nb,
                en:
                    "Imported: \(imported.numbers) numbers and \(imported.persons) persons; \(imported.rejectedRows) rows rejected. The new copy is active."
                    + assumed.en)
        } catch let failure as RegisterImportService.Failure {
            status = .unprocessableEntity
            failed = true
            message = Phrase(
                nb: "Importen feilet, forrige kopi er fortsatt aktiv: \(failure.message.nb)",
                en: "The import failed; the previous copy stays active: \(failure.message.en)")
        }
        return .html(
            RegisterView.render(try await model(ownerID, on: req.db, message: message, failed: failed), context: req.pageContext), status: status)
    }
}
