/// Demo guidelines documents: the 2007 ethical guidelines and the industry norm for call centres (2009, 2024).
/// The texts are paraphrases written for the demo and say so at the top; they are not the official texts.
public enum GuidelineDemo {
    /// Document key of the ethical guidelines.
    public static let ethicsKey = "etiske-retningslinjer"
    /// Document key of the industry norm for call centres.
    public static let industryNormKey = "bransjenorm-callcentre"

    /// Both demo documents.
    public static func documents() throws(GuidelineError) -> [GuidelineDocument] {
        [try ethicalGuidelines(), try industryNorm()]
    }

    /// Etiske retningslinjer: adopted 11 Oct 2007, binding NORDMA and HSH members from 1 April 2008.
    public static func ethicalGuidelines() throws(GuidelineError) -> GuidelineDocument {
        let v2007 = try GuidelineVersion(
            id: "etiske-retningslinjer-2007", documentKey: ethicsKey,
            title: "Etiske retningslinjer for telefonsalg", versionLabel: "2007",
            adoptedOn: LocalDate(uncheckedYear: 2007, month: 10, day: 11),
            inForceFrom: LocalDate(uncheckedYear: 2008, month: 4, day: 1),
            bindsMembersOf: ["NORDMA", "HSH"], markdown: GuidelineDemoEthics2007.markdown)
        return try GuidelineDocument(key: ethicsKey, publisher: "NORDMA og HSH", versions: [v2007])
    }

    /// Bransjenorm for callcentre: 19 Aug 2009 (NORDMA, HSH) and the revision of 13 Feb 2024 (ANFO, Virke).
    public static func industryNorm() throws(GuidelineError) -> GuidelineDocument {
        let v2009 = try GuidelineVersion(
            id: "bransjenorm-callcentre-2009", documentKey: industryNormKey,
            title: "Bransjenorm for callcentre", versionLabel: "2009",
            adoptedOn: LocalDate(uncheckedYear: 2009, month: 8, day: 19),
            inForceFrom: LocalDate(uncheckedYear: 2009, month: 8, day: 19),
            bindsMembersOf: ["NORDMA", "HSH"], markdown: GuidelineDemoIndustryNorm2009.markdown)
        let v2024 = try GuidelineVersion(
            id: "bransjenorm-callcentre-2024", documentKey: industryNormKey,
            title: "Bransjenorm for callcentre", versionLabel: "revidert 13.02.2024",
            adoptedOn: LocalDate(uncheckedYear: 2024, month: 2, day: 13),
            inForceFrom: LocalDate(uncheckedYear: 2024, month: 2, day: 13),
            bindsMembersOf: ["ANFO", "Virke"], markdown: GuidelineDemoIndustryNorm2024.markdown)
        return try GuidelineDocument(
            key: industryNormKey, publisher: "Godkjent Callcenter (NORDMA og HSH, i dag ANFO og Virke)",
            versions: [v2009, v2024])
    }
}
