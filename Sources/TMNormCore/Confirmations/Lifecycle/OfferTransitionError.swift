import Foundation

/// Why an event cannot apply to an offer in its current state; no state changes.
public enum OfferTransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The offer can no longer be accepted or declined: it expired, was declined or withdrawn (HTTP 410).
    case gone(OfferState)
    /// The offer is exempt: there is nothing to accept (409).
    case exempt
    /// The offer has not been sent yet (409).
    case notSent
    /// Already accepted: declining is no longer possible; the withdrawal right applies (409).
    case alreadyAccepted
    /// A withdrawal before acceptance: the consumer is not bound; decline instead (409).
    case notAccepted(OfferState)
    /// The withdrawal period ended (410).
    case withdrawalPeriodOver(WithdrawalDeadline)
    /// The job ran too early: the deadline or reminder time is later (409).
    case notDue(Date)
    /// The policy sends no reminder (409).
    case noReminderInPolicy
    /// Receipt of goods was already recorded, on this date (409).
    case goodsAlreadyReceived(LocalDate)
    /// Receipt of goods recorded for an offer that is not for goods (409).
    case notGoods
    /// Any other event that makes no sense in the state (409).
    case notApplicable(event: String, state: OfferState)
    /// An electricity offer accepted before its 24 hours' cooling-off ended; the earliest moment (409).
    case tooEarly(Date)

    /// The HTTP status the server should answer with.
    public var httpStatus: Int {
        switch self {
        case .gone, .withdrawalPeriodOver: 410
        default: 409
        }
    }

    public var description: String {
        switch self {
        case .gone(let state): "the offer is \(state.rawValue) and can no longer be answered"
        case .exempt: "the sale is exempt from written confirmation: there is no offer to answer"
        case .notSent: "the offer has not been sent yet"
        case .alreadyAccepted: "the offer is already accepted; use the withdrawal right to cancel it"
        case .notAccepted(let state): "the offer is \(state.rawValue), not accepted: the consumer is not bound, so there is nothing to withdraw from"
        case .withdrawalPeriodOver(let d): "the withdrawal period ended on \(d.lastDay.norwegianFormatted) at 23:59"
        case .notDue(let at): "not due until \(OsloTime.iso8601(at))"
        case .noReminderInPolicy: "the policy sends no reminder"
        case .goodsAlreadyReceived(let day): "receipt of the goods is already recorded (\(day.norwegianFormatted))"
        case .notGoods: "the offer is not for goods"
        case .notApplicable(let event, let state): "'\(event)' does not apply to an offer that is \(state.rawValue)"
        case .tooEarly(let earliest):
            "an electricity offer can be accepted at the earliest 24 hours after it was received (energiloven chapter 4 A): from \(OfferDateText.dateTime(OsloTime.localDateTime(of: earliest), .english))"
        }
    }

    /// The message in Norwegian bokmål, for the consumer's page or the staff UI.
    public var norwegian: String {
        switch self {
        case .gone(.expired): "Svarfristen for tilbudet har gått ut. Du er ikke bundet, og tilbudet kan ikke lenger aksepteres."
        case .gone(.declined): "Du har takket nei til dette tilbudet. Det kan ikke lenger aksepteres."
        case .gone(.withdrawn): "Du har gått fra denne avtalen (angrerett)."
        case .gone: "Tilbudet kan ikke lenger besvares."
        case .exempt: "Salget er unntatt fra kravet om skriftlig bekreftelse."
        case .notSent: "Tilbudet er ikke sendt ennå."
        case .alreadyAccepted: "Du har allerede akseptert tilbudet. Vil du ut av avtalen, kan du bruke angreretten."
        case .notAccepted: "Du har ikke akseptert tilbudet og er ikke bundet. Vil du takke nei, svar NEI og koden din."
        case .withdrawalPeriodOver(let d): "Angrefristen gikk ut \(d.lastDay.norwegianFormatted) kl. 23.59."
        case .notDue(let at): "Ikke aktuelt før \(OsloTime.iso8601(at))."
        case .noReminderInPolicy: "Policyen sender ingen påminnelse."
        case .goodsAlreadyReceived(let day): "Mottak av varen er allerede registrert (\(day.norwegianFormatted))."
        case .notGoods: "Tilbudet gjelder ikke varer."
        case .notApplicable(let event, let state): "Hendelsen «\(event)» passer ikke for et tilbud med status «\(state.rawValue)»."
        case .tooEarly(let earliest):
            "Et tilbud om strøm kan tidligst aksepteres 24 timer etter at du fikk det (energiloven kapittel 4 A). Du kan akseptere fra \(OfferDateText.dateTime(OsloTime.localDateTime(of: earliest), .norwegian))."
        }
    }
}
