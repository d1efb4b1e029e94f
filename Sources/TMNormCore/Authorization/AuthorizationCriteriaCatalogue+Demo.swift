/// The demo catalogue: the criteria of Godkjent Callcenter as public sources describe them (docs/domain.md, “Origin”).
extension AuthorizationCriteriaCatalogue {
    /// Names of the platform figures the demo catalogue asks for; the server fills them from its own data.
    public enum DemoFigure {
        /// Wash runs against the national register in the last 12 months.
        public static let washRuns = "wash_runs_last_12_months"
        /// Written offers sent after telephone sales in the last 12 months.
        public static let writtenOffers = "written_offers_last_12_months"
    }

    /// The demo catalogue, in force from 1 January 2020.
    public static func demo() throws(AuthorizationError) -> AuthorizationCriteriaCatalogue {
        let rows: [(String, String, String, AuthorizationEvidenceKind)] = [
            (
                "statutory-requirements", "Virksomheten oppfyller alle lovkrav",
                "The business meets all statutory requirements", .statement
            ),
            (
                "company-registered", "Selskapet er ordentlig organisert og registrert i Enhetsregisteret",
                "The company is properly organised and registered", .document
            ),
            (
                "taxes-paid", "Skatter og avgifter er betalt (skatteattest)",
                "Taxes and duties are paid (tax certificate)", .document
            ),
            (
                "accountant-auditor", "Regnskapsfører og revisor er oppgitt",
                "Accountant and auditor are named", .statement
            ),
            (
                "employment-contracts", "Skriftlige arbeidsavtaler for alle ansatte",
                "Written employment contracts for all employees", .document
            ),
            (
                "internal-control", "Internkontroll (HMS) er etablert",
                "Internal control (health and safety) is in place", .document
            ),
            (
                "safety-representative", "Opplært verneombud",
                "A trained safety representative", .statement
            ),
            (
                "list-washing", "Ringelister vaskes mot reservasjonsregistrene",
                "Call lists are washed against the reservation registers", .platformFigure(name: DemoFigure.washRuns)
            ),
            (
                "consent", "Samtykker innhentes og dokumenteres",
                "Consents are collected and documented", .document
            ),
            (
                "withdrawal-right", "Angrerett og skriftlig bekreftelse av salg",
                "Withdrawal right and written confirmation of sales", .platformFigure(name: DemoFigure.writtenOffers)
            ),
            (
                "client-agreements", "Dokumenterte avtaler med oppdragsgivere",
                "Documented agreements with clients", .document
            ),
            (
                "data-processing-agreements", "Databehandleravtaler med oppdragsgivere og underleverandører",
                "Data-processing agreements with clients and subcontractors", .document
            ),
            (
                "training-scheme", "Opplæringsordning for dem som ringer",
                "A training scheme for callers", .document
            ),
            (
                "employee-follow-up", "Oppfølging av ansatte (medlytt, tilbakemelding)",
                "Follow-up of employees (call listening, feedback)", .statement
            ),
        ]
        var criteria: [AuthorizationCriterion] = []
        for (id, nb, en, kind) in rows {
            criteria.append(try AuthorizationCriterion(id: id, titleNorwegian: nb, titleEnglish: en, evidence: kind))
        }
        return try AuthorizationCriteriaCatalogue(
            versionLabel: "2020", inForceFrom: LocalDate(uncheckedYear: 2020, month: 1, day: 1), criteria: criteria)
    }
}
