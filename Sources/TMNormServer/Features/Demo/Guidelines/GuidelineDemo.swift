import TMNormCore

/// Demo guidelines documents: the 2007 ethical guidelines and the industry norm for call centres (2009, 2024).
/// The texts are paraphrases written for the demo and say so at the top; they are not the official texts.
/// Demo content, so it lives with the demo seeding (`DemoGuidelines`), not in Core. Throws only if a
/// version breaks a rule of `GuidelineDocument` or a date literal is invalid, which the tests would catch.
enum GuidelineDemo {
    /// Document key of the ethical guidelines.
    static let ethicsKey = "etiske-retningslinjer"
    /// Document key of the industry norm for call centres.
    static let industryNormKey = "bransjenorm-callcentre"

    /// Both demo documents.
    static func documents() throws -> [GuidelineDocument] {
        [try ethicalGuidelines(), try industryNorm()]
    }

    /// Etiske retningslinjer: adopted 11 Oct 2007, binding NORDMA and HSH members from 1 April 2008.
    static func ethicalGuidelines() throws -> GuidelineDocument {
        let v2007 = try GuidelineVersion(
            id: "etiske-retningslinjer-2007", documentKey: ethicsKey,
            title: "Etiske retningslinjer for telefonsalg", versionLabel: "2007",
            adoptedOn: try LocalDate(year: 2007, month: 10, day: 11),
            inForceFrom: try LocalDate(year: 2008, month: 4, day: 1),
            bindsMembersOf: ["NORDMA", "HSH"], markdown: GuidelineDemoEthics2007.markdown)
        return try GuidelineDocument(key: ethicsKey, publisher: "NORDMA og HSH", versions: [v2007])
    }

    /// Bransjenorm for callcentre: 19 Aug 2009 (NORDMA, HSH) and the revision of 13 Feb 2024 (ANFO, Virke).
    static func industryNorm() throws -> GuidelineDocument {
        let v2009 = try GuidelineVersion(
            id: "bransjenorm-callcentre-2009", documentKey: industryNormKey,
            title: "Bransjenorm for callcentre", versionLabel: "2009",
            adoptedOn: try LocalDate(year: 2009, month: 8, day: 19),
            inForceFrom: try LocalDate(year: 2009, month: 8, day: 19),
            bindsMembersOf: ["NORDMA", "HSH"], markdown: GuidelineDemoIndustryNorm2009.markdown)
        let v2024 = try GuidelineVersion(
            id: "bransjenorm-callcentre-2024", documentKey: industryNormKey,
            title: "Bransjenorm for callcentre", versionLabel: "revidert 13.02.2024",
            adoptedOn: try LocalDate(year: 2024, month: 2, day: 13),
            inForceFrom: try LocalDate(year: 2024, month: 2, day: 13),
            bindsMembersOf: ["ANFO", "Virke"], markdown: GuidelineDemoIndustryNorm2024.markdown)
        return try GuidelineDocument(
            key: industryNormKey, publisher: "Godkjent Callcenter (NORDMA og HSH, i dag ANFO og Virke)",
            versions: [v2009, v2024])
    }
}
