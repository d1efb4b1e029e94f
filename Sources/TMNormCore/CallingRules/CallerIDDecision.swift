import Foundation

/// Why a caller ID is or is not allowed; raw values are the API codes.
public enum CallerIDReason: String, Sendable, Codable, CaseIterable, Hashable {
    case ok
    case hiddenNumber = "hidden_number"
    case unlistedNumber = "unlisted_number"
    /// An ordinary 8-digit mobile number (from Nkom's guidance of November 2025).
    case mobileNumber = "mobile_number"
    /// A valid number of a class the rule in force does not allow (e.g. 800, a short code, foreign).
    case numberClassNotAllowed = "number_class_not_allowed"
    /// Not a phone number at all: never allowed, whatever the rules.
    case invalidNumber = "invalid_number"
}

/// The answer to "may a call centre show this caller ID at this moment?".
public struct CallerIDDecision: Sendable, Hashable {
    public let allowed: Bool
    public let reason: CallerIDReason
    /// The class of the number, when it is a valid number.
    public let numberClass: CallerIDNumberClass?
    /// The caller-ID rule-set version used.
    public let ruleSetID: String
    /// False for moments before the first recorded version (its rule is applied).
    public let ruleSetInForce: Bool
    public let textNorwegian: String
    public let textEnglish: String
    /// An allowed caller ID that a later rule forbids (a mobile number in January–October 2025).
    public var warningNorwegian: String? = nil
    public var warningEnglish: String? = nil
}

extension CallingRules {
    /// Judges a caller ID at a moment by the caller-ID rules in force on its Oslo date.
    public func judgeCallerID(_ callerID: CallerID, at: Date) -> CallerIDDecision {
        let (rules, inForce) = CallerIDRules.ruleSet(on: OsloTime.localDate(of: at), history: self.callerID)
        func decision(_ reason: CallerIDReason, _ cls: CallerIDNumberClass?, _ nb: String, _ en: String) -> CallerIDDecision {
            CallerIDDecision(
                allowed: reason == .ok, reason: reason, numberClass: cls, ruleSetID: rules.id,
                ruleSetInForce: inForce, textNorwegian: nb, textEnglish: en)
        }
        let since = rules.effectiveFrom
        switch callerID {
        case .hidden:
            guard rules.forbidsHidden else {
                return decision(.ok, nil, "Skjult nummer var ikke forbudt da.", "A hidden number was not forbidden then.")
            }
            return decision(
                .hiddenNumber, nil, "Telefonsalg fra skjult nummer er forbudt fra \(since.norwegianFormatted).",
                "Telephone marketing from a hidden number is forbidden from \(since.iso8601).")
        case .number(let raw, let listed):
            let cls: CallerIDNumberClass
            switch CallerIDRules.classify(raw) {
            case .failure(let invalid):
                return decision(
                    .invalidNumber, nil, "«\(raw)» er ikke et gyldig telefonnummer: \(invalid.reason).",
                    "'\(raw)' is not a valid phone number: \(invalid.reason).")
            case .success(let c): cls = c
            }
            if rules.requiresDirectoryListing && !listed {
                return decision(
                    .unlistedNumber, cls,
                    "Nummeret må kunne finnes i opplysningstjenester (fra \(since.norwegianFormatted)).",
                    "The number must be findable in directory services (from \(since.iso8601)).")
            }
            if let allowed = rules.allowedClasses, !allowed.contains(cls) {
                let names = CallerIDNumberClass.allCases.filter(allowed.contains).map(\.rawValue).joined(separator: ", ")
                if cls == .mobile {
                    return decision(
                        .mobileNumber, cls,
                        "Callsentre kan ikke vise vanlige 8-sifrede mobilnumre fra \(since.norwegianFormatted) (tillatt: \(names)).",
                        "Call centres may not show ordinary 8-digit mobile numbers from \(since.iso8601) (allowed: \(names)).")
                }
                return decision(
                    .numberClassNotAllowed, cls,
                    "Nummertypen «\(cls.rawValue)» er ikke tillatt som avsendernummer fra \(since.norwegianFormatted) (tillatt: \(names)).",
                    "Number class '\(cls.rawValue)' is not allowed as caller ID from \(since.iso8601) (allowed: \(names)).")
            }
            var ok = decision(.ok, cls, "Avsendernummeret er tillatt.", "The caller ID is allowed.")
            let day = OsloTime.localDate(of: at)
            if cls == .mobile, day >= CallerIDRules.mobileWarningFrom, day < CallerIDRules.nkomGuidance2025.effectiveFrom {
                ok.warningNorwegian =
                    "Advarsel: Nkom sa i november 2025 at callsentre ikke kan vise vanlige mobilnumre; samtaler før det er ikke brudd."
                ok.warningEnglish =
                    "Warning: Nkom stated in November 2025 that call centres may not show ordinary mobile numbers; calls before that are not breaches."
            }
            return ok
        }
    }

    /// `judgeCallerID` with the recorded Norwegian rules.
    public static func judgeCallerID(_ callerID: CallerID, at: Date) -> CallerIDDecision {
        standard.judgeCallerID(callerID, at: at)
    }
}
