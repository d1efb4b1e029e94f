import Foundation

extension AuthorizationError {
    /// The reason in Norwegian bokmål, for people.
    public var norwegian: String {
        switch self {
        case .emptyField(let f): "feltet «\(Self.norwegianField(f))» kan ikke være tomt"
        case .emptyCatalogue: "en kriteriekatalog må ha minst ett kriterium"
        case .duplicateCriterion(let id): "kriteriet «\(id)» er oppført to ganger"
        case .invalidPolicy(let field, let value): "regelverdien \(field) = \(value) er utenfor gyldig område"
        case .negativeFee(let a): "et gebyr kan ikke være negativt (\(a.formatted))"
        case .dateBeforePrevious(let d, let p):
            "\(d.norwegianFormatted) ligger før \(p.norwegianFormatted): datoene er i feil rekkefølge"
        case .unknownCriterion(let id): "katalogen har ikke kriteriet «\(id)»"
        case .evidenceKindMismatch(let c, let expected, let found):
            "kriteriet «\(c)» krever \(expected.norwegian), ikke \(found.norwegian)"
        case .noEvidenceToRemove(let c): "kriteriet «\(c)» har ingen dokumentasjon å fjerne"
        case .emptyUpload(let name): "filen «\(name)» er tom"
        case .uploadTooLarge(let name, let bytes, let limit): "filen «\(name)» er på \(bytes) byte; grensen er \(limit)"
        case .uploadTypeNotAllowed(let name, let allowed):
            "filen «\(name)» er ikke av en godtatt type (\(allowed.joined(separator: ", ")))"
        case .uploadExtensionMismatch(let name, let expected):
            "filen «\(name)» har ikke filendelsen innholdet tilsier (\(expected.joined(separator: ", ")))"
        case .actionNotAllowed(let action, let state):
            "kan ikke \(action.norwegian) en søknad som \(state.norwegian)"
        case .incompleteApplication(let missing):
            "søknaden mangler dokumentasjon for: \(missing.joined(separator: ", "))"
        case .timeBeforePreviousEvent(let t, let p):
            "\(OsloTime.iso8601(t)) ligger før søknadens siste hendelse \(OsloTime.iso8601(p))"
        case .boardWithoutMembers: "nemnda har ingen medlemmer"
        case .duplicateBoardMember(let id): "nemndsmedlemmet «\(id)» er oppført to ganger"
        case .invalidQuorum(let q, let size): "beslutningsdyktigheten \(q.norwegian) kan ikke nås av en nemnd på \(size)"
        case .notABoardMember(let id): "«\(id)» er ikke medlem av nemnda som behandler søknaden"
        case .memberRecused(let id): "nemndsmedlemmet «\(id)» har erklært seg inhabil og kan ikke stemme"
        case .alreadyRecused(let id): "nemndsmedlemmet «\(id)» har allerede erklært seg inhabil"
        case .alreadyVoted(let id): "nemndsmedlemmet «\(id)» har allerede stemt"
        case .quorumNotMet(let votes, let required): "bare \(votes) av de \(required) stemmene som trengs, er avgitt"
        case .noMajority(let a, let r): "stemmene står likt (\(a) for, \(r) mot): det er ikke flertall"
        case .decisionAgainstVotes(let o, let a, let r):
            "vedtaket «\(o.norwegian)» går mot stemmene (\(a) for godkjenning, \(r) mot)"
        case .reasonsRequired: "et vedtak må begrunnes"
        case .feeTransitionNotAllowed(let from, let to): "et gebyr som er \(from.norwegian), kan ikke bli \(to.norwegian)"
        case .applicationNotApproved(let s): "bare en godkjent søknad gir godkjenning; denne søknaden \(s.norwegian)"
        case .approvalForOtherCentre(let expected, let found):
            "dette gjelder organisasjonsnummer \(found.formatted), ikke \(expected.formatted)"
        case .approvalOverlaps(let until, let from):
            "den nye godkjenningen starter \(from.norwegianFormatted), men den forrige gjelder til \(until.norwegianFormatted)"
        case .unknownApproval(let id): "godkjenningen «\(id)» finnes ikke i senterets historikk"
        case .unknownFollowUpYear(let y): "regelverket har ingen oppfølging etter år \(y)"
        case .followUpNotOpen(let y, let opens): "oppfølgingen for år \(y) kan sendes inn fra \(opens.norwegianFormatted)"
        case .followUpAlreadySubmitted(let y): "oppfølgingen for år \(y) er allerede sendt inn"
        case .invalidFollowUpReport(let problems):
            "oppfølgingsrapporten er ikke gyldig: " + problems.map(\.norwegian).joined(separator: "; ")
        case .sanctionNotAllowed(let action, let standing):
            "\(action.norwegian) er ikke mulig for et senter som er \(standing.norwegian)"
        case .noActiveApproval(let d): "senteret har ingen gjeldende godkjenning \(d.norwegianFormatted)"
        case .suspensionEndNotAfterStart(let start, let end):
            "suspensjonen ville slutte \(end.norwegianFormatted), ikke etter at den starter \(start.norwegianFormatted)"
        }
    }

    /// Field names as users see them in Norwegian.
    static func norwegianField(_ field: String) -> String {
        switch field {
        case "criterion id": "kriterie-id"
        case "Norwegian title": "norsk tittel"
        case "English title": "engelsk tittel"
        case "platform figure name": "navn på plattformtall"
        case "platform figure value": "verdi for plattformtall"
        case "version label": "versjonsbetegnelse"
        case "applicant name": "søkerens navn"
        case "statement": "erklæring"
        case "storage key": "lagringsnøkkel"
        case "comment": "kommentar"
        case "reason for recusal": "begrunnelse for inhabilitet"
        case "reason for waiving": "begrunnelse for frafall"
        case "suspension condition": "vilkår for å oppheve suspensjonen"
        default: field
        }
    }
}

extension AuthorizationApplicationAction {
    /// The action as a verb phrase in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .attachEvidence: "legge ved dokumentasjon i"
        case .removeEvidence: "fjerne dokumentasjon fra"
        case .submit: "sende inn"
        case .returnForCompletion: "sende tilbake for utfylling"
        case .startReview: "sende til nemnda"
        case .recuse: "registrere inhabilitet i"
        case .vote: "stemme over"
        case .decide: "fatte vedtak i"
        case .withdraw: "trekke"
        }
    }
}

extension AuthorizationApplicationState {
    /// The state as a Norwegian phrase completing "en søknad som …".
    public var norwegian: String {
        switch self {
        case .draft: "fortsatt er et utkast (den er aldri sendt inn)"
        case .submitted: "er sendt inn og venter på sekretariatets kontroll"
        case .returnedForCompletion: "er sendt tilbake til senteret for utfylling"
        case .underReview: "er til behandling i nemnda"
        case .approved: "allerede er godkjent"
        case .rejected: "allerede er avslått"
        case .withdrawn: "er trukket"
        }
    }
}

extension AuthorizationOutcome {
    /// "godkjent" or "avslått".
    public var norwegian: String { self == .approve ? "godkjent" : "avslått" }
}

extension AuthorizationFeeStatus {
    /// The status in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .due: "til betaling"
        case .invoiced: "fakturert"
        case .paid: "betalt"
        case .waived: "frafalt"
        }
    }
}

extension AuthorizationQuorum {
    /// "3 stemmer" or "2/3 av medlemmene".
    public var norwegian: String {
        switch self {
        case .count(let n): "\(n) stemmer"
        case .fraction(let num, let den): "\(num)/\(den) av medlemmene"
        }
    }
}
