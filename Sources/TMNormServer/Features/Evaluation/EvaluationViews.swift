import Foundation
import TMNormCore

/// The evaluation's pages: the dashboard, the scorecards and the printable report. Charts are inline SVG
/// with the numbers in a table under each.
enum EvaluationViews {
    static func granularityLabel(_ g: EvaluationGranularity) -> Phrase {
        switch g {
        case .month: Phrase(nb: "Måned", en: "Month")
        case .quarter: Phrase(nb: "Kvartal", en: "Quarter")
        case .year: Phrase(nb: "År", en: "Year")
        }
    }

    static func topicTitle(_ topic: EvaluationTopic) -> Phrase {
        switch topic {
        case .washing: Phrase(nb: "Vasking av lister", en: "Washing of lists")
        case .mayCall: Phrase(nb: "«Kan jeg ringe?»", en: "May I call?")
        case .offers: Phrase(nb: "Skriftlige tilbud og angrerett", en: "Written offers and withdrawals")
        case .complaints: Phrase(nb: "Klager", en: "Complaints")
        case .authorization: Phrase(nb: "Godkjenning", en: "Authorization")
        case .register: Phrase(nb: "Reservasjonsregisteret", en: "The reservation register")
        }
    }

    /// A value with its unit, the way people read it; "skjult" when suppressed.
    static func value(_ point: EvaluationPoint?, unit: EvaluationUnit, context: PageContext) -> String {
        let norwegian = context.language == .nb
        guard let point else { return "–" }
        if point.suppressed { return context.t(Phrase(nb: "skjult (for få)", en: "hidden (too few)")) }
        guard let value = point.value else { return "–" }
        let number = EvaluationChart.number(value, norwegian: norwegian)
        switch unit {
        case .count: return number
        case .percent: return number + " %"
        case .perThousand: return number + (norwegian ? " per 1 000" : " per 1,000")
        case .hours: return number + (norwegian ? " t" : " h")
        }
    }

    static func light(_ light: TrafficLight, context: PageContext) -> Node {
        let tone: Badge.Tone =
            switch light {
            case .green: .ok
            case .amber: .warn
            case .red: .bad
            case .unknown: .neutral
            }
        return Badge.make(context.t(Phrase(nb: light.phrase.nb, en: light.phrase.en)), tone: tone)
    }

    static func goalText(_ goal: EvaluationGoal, indicator: EvaluationIndicator, context: PageContext) -> String {
        let target = value(
            EvaluationPoint(period: EvaluationPeriod(granularity: .year, year: 2000, index: 1), value: goal.threshold, basis: nil),
            unit: indicator.unit, context: context)
        return goal.direction == .atMost
            ? context.t(Phrase(nb: "Mål: høyst \(target)", en: "Target: at most \(target)"))
            : context.t(Phrase(nb: "Mål: minst \(target)", en: "Target: at least \(target)"))
    }

    /// The query of the current filter, for links (dates as ISO, the scope by organisation number).
    static func filterQuery(_ filter: EvaluationFilter) -> KeyValuePairs<String, String> {
        if let orgnr = filter.scopeOrgnr {
            if case .client = filter.scope {
                return ["granularity": filter.granularity.rawValue, "from": filter.from.iso8601, "to": filter.to.iso8601, "client": orgnr]
            }
            return ["granularity": filter.granularity.rawValue, "from": filter.from.iso8601, "to": filter.to.iso8601, "centre": orgnr]
        }
        return ["granularity": filter.granularity.rawValue, "from": filter.from.iso8601, "to": filter.to.iso8601]
    }

    static func filterForm(_ filter: EvaluationFilter, centres: [(orgnr: String, name: String)], action: String, context: PageContext) -> Node {
        let granularities: [(value: String, label: String)] = EvaluationGranularity.allCases.map {
            (value: $0.rawValue, label: context.t(granularityLabel($0)))
        }
        let whole: (value: String, label: String) = (value: "", label: context.t(Phrase(nb: "Hele bransjen", en: "The whole industry")))
        let scopes: [(value: String, label: String)] = [whole] + centres.map { (value: $0.orgnr, label: $0.name) }
        return el("form", .method("get"), .action(action), .class("evaluation-filter no-print")) {
            Form.select(
                context.t(Phrase(nb: "Inndeling", en: "Periods")), name: "granularity",
                options: granularities, selected: filter.granularity.rawValue)
            Form.field(context.t(Phrase(nb: "Fra", en: "From")), name: "from", type: "date", value: filter.from.iso8601)
            Form.field(context.t(Phrase(nb: "Til", en: "To")), name: "to", type: "date", value: filter.to.iso8601)
            if !centres.isEmpty {
                Form.select(
                    context.t(Phrase(nb: "Hvem", en: "Whose figures")), name: "centre",
                    options: scopes, selected: filter.scopeOrgnr ?? "")
            }
            Form.submit(context.t(Phrase(nb: "Vis", en: "Show")), class: "button secondary")
        }
    }

    static func generatedNotice(_ generated: (from: String, to: String)?, context: PageContext) -> Node {
        guard let generated, let from = try? LocalDate(parsing: generated.from), let to = try? LocalDate(parsing: generated.to) else {
            return .fragment([])
        }
        return el("p", .class("warning generated-notice"), .init("role", "note")) {
            el("strong") { context.t(Phrase(nb: "Genererte demotall. ", en: "Generated demo figures. ")) }
            context.t(
                Phrase(
                    nb:
                        "Tallene fra \(from.norwegianFormatted) til \(to.norwegianFormatted) er laget av demoen for å vise fem års historikk; de er ikke målt. De virkelige postene i demoen kommer i tillegg.",
                    en:
                        "The figures from \(from.norwegianFormatted) to \(to.norwegianFormatted) were generated by the demo to show five years of history; they were not measured. The demo's real records come on top."
                ))
        }
    }

    /// One indicator: heading, target, definition, chart, links and the numbers.
    static func block(_ block: EvaluationIndicatorBlock, filter: EvaluationFilter, index: Int, context: PageContext, links: Bool = true) -> Node {
        let norwegian = context.language == .nb
        let indicator = block.indicator
        let svg = EvaluationCharts.line(
            indicator, points: block.points, external: block.external, norwegian: norwegian, scopeName: filter.scopeName,
            idPrefix: "ch\(index)")
        return el("section", .class("chart-figure"), .id("indicator-" + indicator.name), .data("indicator", indicator.name)) {
            el("h3") { indicator.title(norwegian: norwegian) }
            el("p") {
                el("strong") {
                    context.t(Phrase(nb: "Hele perioden: ", en: "The whole period: ")) + value(block.total, unit: indicator.unit, context: context)
                }
                if let goal = block.goal, let light = block.light {
                    " · " + goalText(goal, indicator: indicator, context: context) + " "
                    EvaluationViews.light(light, context: context)
                }
            }
            el("p", .class("hint")) { indicator.definition(norwegian: norwegian) }
            el("figure") {
                Node.trusted(svg)
            }
            if links {
                el("p", .class("chart-links no-print")) {
                    el("a", .href(SiteRoute.evaluationChart(indicator.name).path(query: filterQuery(filter)))) {
                        context.t(Phrase(nb: "Diagram (SVG)", en: "Chart (SVG)"))
                    }
                    " · "
                    el("a", .href(csvPath(indicator, filter))) { context.t(Phrase(nb: "Tall (CSV)", en: "Figures (CSV)")) }
                }
            }
            el("details") {
                el("summary") { context.t(Phrase(nb: "Tallene i diagrammet", en: "The numbers in the chart")) }
                numbersTable(block, context: context)
            }
        }
    }

    static func csvPath(_ indicator: EvaluationIndicator, _ filter: EvaluationFilter) -> String {
        var path = SiteRoute.evaluation.path + "?indicator=" + indicator.name + "&format=csv"
        for (key, value) in filterQuery(filter) { path += "&" + key + "=" + value }
        return path
    }

    static func numbersTable(_ block: EvaluationIndicatorBlock, context: PageContext) -> Node {
        let norwegian = context.language == .nb
        let sources = block.external.keys.sorted()
        return Table.scrolling(
            headings: [context.t(Phrase(nb: "Periode", en: "Period")), block.indicator.title(norwegian: norwegian)] + sources,
            scope: .column
        ) {
            for point in block.points {
                el("tr") {
                    el("td") { point.period.label(norwegian: norwegian) }
                    el("td") { value(point, unit: block.indicator.unit, context: context) }
                    for source in sources {
                        el("td") { block.external[source]?[point.period.description].map { EvaluationChart.number($0, norwegian: norwegian) } ?? "–" }
                    }
                }
            }
        }
    }

    static func dashboard(_ model: EvaluationDashboardModel, context: PageContext) -> String {
        let norwegian = context.language == .nb
        return Layout.page(title: context.t(Phrase(nb: "Evaluering", en: "Evaluation")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Ordningens tall siden 1. juni 2009, fra daglige sammendrag av loggene. Hver indikator har definisjonen skrevet under tittelen, og tallene står i en tabell under diagrammet.",
                        en:
                            "The scheme's figures since 1 June 2009, from daily summaries of the logs. Each indicator has its definition under its title, and the numbers are in a table under the chart."
                    ))
            }
            el("p", .class("no-print")) {
                el("a", .href(SiteRoute.evaluationScorecards.path(query: filterQuery(model.filter)))) {
                    context.t(Phrase(nb: "Resultatkort per callsenter", en: "Scorecards per call centre"))
                }
                " · "
                el("a", .href(SiteRoute.evaluationReport.path(query: filterQuery(model.filter)))) {
                    context.t(Phrase(nb: "Utskriftsvennlig rapport", en: "Printable report"))
                }
            }
            filterForm(model.filter, centres: model.centres, action: SiteRoute.evaluation.path, context: context)
            generatedNotice(model.generated, context: context)
            if !model.full {
                el("p", .class("notice")) {
                    context.t(
                        Phrase(
                            nb: "Tall som bygger på færre enn \(model.minimumCount) poster vises ikke for andre enn den de gjelder.",
                            en: "Figures resting on fewer than \(model.minimumCount) records are shown only to those they concern."))
                }
            }
            for topic in EvaluationTopic.allCases {
                let blocks = model.blocks.enumerated().filter { $0.element.indicator.topic == topic }
                if !blocks.isEmpty {
                    el("h2") { context.t(topicTitle(topic)) }
                    for (index, block) in blocks { EvaluationViews.block(block, filter: model.filter, index: index, context: context) }
                    if topic == .mayCall {
                        el("section", .class("chart-figure"), .id("refusal-reasons")) {
                            el("h3") { context.t(Phrase(nb: "Avslag per grunn", en: "Refusals by reason")) }
                            el("p", .class("hint")) {
                                context.t(
                                    Phrase(
                                        nb:
                                            "Andel av alle beslutninger i hele perioden som ble avslått med en grunn i gruppen. En beslutning kan ha grunner i flere grupper.",
                                        en:
                                            "Share of all decisions in the whole period refused with a reason in the group. A decision may have reasons in several groups."
                                    ))
                            }
                            el("figure") {
                                Node.trusted(EvaluationCharts.refusalBars(model.refusalTotals, norwegian: norwegian, idPrefix: "bars-refusal"))
                            }
                            el("details") {
                                el("summary") { context.t(Phrase(nb: "Tallene i diagrammet", en: "The numbers in the chart")) }
                                Table.scrolling(
                                    headings: [context.t(Phrase(nb: "Grunn", en: "Reason")), context.t(Phrase(nb: "Andel", en: "Share"))],
                                    scope: .column
                                ) {
                                    for (indicator, point) in model.refusalTotals {
                                        el("tr") {
                                            el("td") { EvaluationCharts.groupLabel(indicator, norwegian: norwegian) }
                                            el("td") { value(point, unit: .percent, context: context) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    if topic == .complaints { complaintReasons(model, context: context) }
                }
            }
            if model.canManage { externalForm(context: context) }
        }
    }

    static func complaintReasons(_ model: EvaluationDashboardModel, context: PageContext) -> Node {
        let norwegian = context.language == .nb
        let bars = model.complaintReasons.map { reason, count in
            ChartBar(label: context.t(ComplaintViews.reasonLabel(reason)), value: count < 0 ? nil : Double(count))
        }
        let description = bars.map { "\($0.label): \($0.value.map { EvaluationChart.number($0, norwegian: norwegian) } ?? "–")" }.joined(
            separator: "; ")
        let svg = EvaluationChart.bars(
            title: norwegian ? "Klager per grunn" : "Complaints by reason", description: description, bars: bars,
            unit: norwegian ? "antall klager" : "complaints", norwegian: norwegian, width: 820, idPrefix: "bars-complaints")
        return el("section", .class("chart-figure"), .id("complaint-reasons")) {
            el("h3") { context.t(Phrase(nb: "Klager per grunn", en: "Complaints by reason")) }
            el("p", .class("hint")) {
                context.t(
                    Phrase(
                        nb: "Antall klager i hele perioden som nevner grunnen. En klage kan nevne flere grunner.",
                        en: "Number of complaints in the whole period naming the reason. A complaint may name several."))
            }
            el("figure") { Node.trusted(svg) }
            el("details") {
                el("summary") { context.t(Phrase(nb: "Tallene i diagrammet", en: "The numbers in the chart")) }
                Table.scrolling(
                    headings: [context.t(Phrase(nb: "Grunn", en: "Reason")), context.t(Phrase(nb: "Klager", en: "Complaints"))], scope: .column
                ) {
                    for (reason, count) in model.complaintReasons {
                        el("tr") {
                            el("td") { context.t(ComplaintViews.reasonLabel(reason)) }
                            el("td") {
                                count < 0
                                    ? context.t(Phrase(nb: "skjult (for få)", en: "hidden (too few)"))
                                    : EvaluationChart.number(Double(count), norwegian: norwegian)
                            }
                        }
                    }
                }
            }
        }
    }

    static func externalForm(context: PageContext) -> Node {
        el("section", .class("card no-print")) {
            el("h2") { context.t(Phrase(nb: "Importer en ekstern serie", en: "Import an external series")) }
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "F.eks. Forbrukertilsynets månedlige klagetall for telefonsalg. CSV med periode og verdi per linje: 2024-03;125 (eller 2024-Q1, 2024). Serien tegnes ved siden av vår i diagrammet for indikatoren, når inndelingen er den samme.",
                        en:
                            "E.g. the consumer authority's monthly complaint counts for telephone sales. CSV with a period and a value per line: 2024-03;125 (or 2024-Q1, 2024). The series is drawn beside ours in the indicator's chart when the periods match."
                    ))
            }
            Form.post(SiteRoute.evaluationExternal.path, csrf: context.csrf, enctype: "multipart/form-data") {
                Form.select(
                    context.t(Phrase(nb: "Indikator", en: "Indicator")), name: "indicator",
                    options: EvaluationIndicator.all.map { ($0.name, $0.title(norwegian: context.language == .nb)) }, selected: "complaints")
                Form.field(
                    context.t(Phrase(nb: "Kilde (vises i forklaringen)", en: "Source (shown in the legend)")), name: "source_name",
                    value: "Forbrukertilsynet")
                Form.field(context.t(Phrase(nb: "CSV-fil", en: "CSV file")), name: "file", type: "file")
                Form.submit(context.t(Phrase(nb: "Importer", en: "Import")))
            }
        }
    }

    static func scorecards(_ model: EvaluationScorecardsModel, context: PageContext) -> String {
        let norwegian = context.language == .nb
        return Layout.page(title: context.t(Phrase(nb: "Resultatkort", en: "Scorecards")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Hvert callsenter målt mot foreningens mål for perioden \(model.filter.from.norwegianFormatted)–\(model.filter.to.norwegianFormatted). Oppfølgingen etter første og andre godkjenningsår bruker det samme kortet: velg året under senteret.",
                        en:
                            "Each call centre against the association's targets for \(model.filter.from.norwegianFormatted)–\(model.filter.to.norwegianFormatted). The follow-ups after the first and second year of approval use the same card: choose the year under the centre."
                    ))
            }
            el("p", .class("no-print")) {
                el("a", .href(SiteRoute.evaluation.path(query: filterQuery(model.filter)))) {
                    context.t(Phrase(nb: "Tilbake til evalueringen", en: "Back to the evaluation"))
                }
            }
            el("form", .method("get"), .action(SiteRoute.evaluationScorecards.path), .class("evaluation-filter no-print")) {
                Form.field(context.t(Phrase(nb: "Fra", en: "From")), name: "from", type: "date", value: model.filter.from.iso8601)
                Form.field(context.t(Phrase(nb: "Til", en: "To")), name: "to", type: "date", value: model.filter.to.iso8601)
                Form.submit(context.t(Phrase(nb: "Vis", en: "Show")), class: "button secondary")
            }
            if model.cards.isEmpty {
                EmptyState.make(
                    title: context.t(Phrase(nb: "Ingen callsentre", en: "No call centres")),
                    what: context.t(Phrase(nb: "Det er ingen callsentre å vise.", en: "There are no call centres to show.")))
            }
            el("div", .class("scorecards")) {
                for card in model.cards {
                    el("section", .class("card"), .data("centre", card.orgnr)) {
                        el("h2") { card.name }
                        Table.scrolling(
                            headings: [
                                context.t(Phrase(nb: "Indikator", en: "Indicator")), context.t(Phrase(nb: "Verdi", en: "Value")),
                                context.t(Phrase(nb: "Status", en: "Status")),
                            ], scope: .column
                        ) {
                            for row in card.rows {
                                el("tr") {
                                    el("td") {
                                        row.indicator.title(norwegian: norwegian)
                                        void("br")
                                        el("small", .class("hint")) { goalText(row.goal, indicator: row.indicator, context: context) }
                                    }
                                    el("td") { value(row.value, unit: row.indicator.unit, context: context) }
                                    el("td") { light(row.goal.light(for: row.value?.value), context: context) }
                                }
                            }
                        }
                        if !card.followUps.isEmpty {
                            el("p") {
                                for (n, followUp) in card.followUps.enumerated() {
                                    if n > 0 { " · " }
                                    el(
                                        "a",
                                        .href(
                                            SiteRoute.evaluationScorecards.path(query: [
                                                "centre": card.orgnr, "from": followUp.from.iso8601, "to": followUp.to.iso8601,
                                            ]))
                                    ) {
                                        context.t(Phrase(nb: "Oppfølging år \(followUp.year)", en: "Follow-up year \(followUp.year)"))
                                    }
                                }
                            }
                        }
                        if !card.miniChart.isEmpty { el("figure", .class("chart-figure")) { Node.trusted(card.miniChart) } }
                    }
                }
            }
            if model.canManage { targetForm(model, context: context) }
        }
    }

    static func targetForm(_ model: EvaluationScorecardsModel, context: PageContext) -> Node {
        el("section", .class("card no-print")) {
            el("h2") { context.t(Phrase(nb: "Sett et mål", en: "Set a target")) }
            el("p") {
                context.t(
                    Phrase(
                        nb: "Foreningen setter målet per indikator. Gul betyr inntil 20 % forbi målet, rød lenger.",
                        en: "The association sets the target per indicator. Amber means up to 20 % past the target, red further."))
            }
            Form.post(SiteRoute.evaluationTargets.path, csrf: context.csrf) {
                Form.select(
                    context.t(Phrase(nb: "Indikator", en: "Indicator")), name: "indicator",
                    options: EvaluationIndicator.all.map { ($0.name, $0.title(norwegian: context.language == .nb)) })
                Form.select(
                    context.t(Phrase(nb: "Retning", en: "Direction")), name: "direction",
                    options: [
                        ("at_most", context.t(Phrase(nb: "Høyst", en: "At most"))), ("at_least", context.t(Phrase(nb: "Minst", en: "At least"))),
                    ])
                Form.field(
                    context.t(Phrase(nb: "Mål", en: "Target")), name: "threshold",
                    hint: context.t(Phrase(nb: "F.eks. 2 eller 60,5", en: "E.g. 2 or 60.5")))
                Form.submit(context.t(Phrase(nb: "Lagre mål", en: "Save target")))
            }
        }
    }

    static func report(_ model: EvaluationReportModel, context: PageContext) -> String {
        let norwegian = context.language == .nb
        let span = "\(model.filter.from.norwegianFormatted)–\(model.filter.to.norwegianFormatted)"
        let whose = model.filter.scopeName ?? context.t(Phrase(nb: "hele bransjen", en: "the whole industry"))
        return Layout.page(title: context.t(Phrase(nb: "Evalueringsrapport \(span)", en: "Evaluation report \(span)")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Tall for \(whose), \(span), per \(context.t(granularityLabel(model.filter.granularity)).lowercased()). Laget \(NorwegianFormat.dateTime(model.producedAt)). Skriv ut med nettleserens utskriftsfunksjon; menyene tas ikke med.",
                        en:
                            "Figures for \(whose), \(span), by \(context.t(granularityLabel(model.filter.granularity)).lowercased()). Produced \(NorwegianFormat.dateTime(model.producedAt)). Print with the browser's print function; the menus are left out."
                    ))
            }
            el("form", .method("get"), .action(SiteRoute.evaluationReport.path), .class("evaluation-filter no-print")) {
                Form.field(context.t(Phrase(nb: "Fra", en: "From")), name: "from", type: "date", value: model.filter.from.iso8601)
                Form.field(context.t(Phrase(nb: "Til", en: "To")), name: "to", type: "date", value: model.filter.to.iso8601)
                Form.submit(context.t(Phrase(nb: "Lag rapport", en: "Make report")), class: "button secondary")
            }
            generatedNotice(model.generated, context: context)
            el("h2") { context.t(Phrase(nb: "Sammendrag", en: "Summary")) }
            Table.scrolling(
                headings: [
                    context.t(Phrase(nb: "Indikator", en: "Indicator")), context.t(Phrase(nb: "Hele perioden", en: "Whole period")),
                    context.t(Phrase(nb: "Mål", en: "Target")),
                ], scope: .column
            ) {
                for block in model.blocks {
                    el("tr") {
                        el("td") { el("a", .href("#indicator-" + block.indicator.name)) { block.indicator.title(norwegian: norwegian) } }
                        el("td") { value(block.total, unit: block.indicator.unit, context: context) }
                        el("td") {
                            if let goal = block.goal, let light = block.light {
                                goalText(goal, indicator: block.indicator, context: context) + " "
                                EvaluationViews.light(light, context: context)
                            } else {
                                "–"
                            }
                        }
                    }
                }
            }
            for topic in EvaluationTopic.allCases {
                let blocks = model.blocks.enumerated().filter { $0.element.indicator.topic == topic }
                if !blocks.isEmpty {
                    el("h2") { context.t(topicTitle(topic)) }
                    for (index, block) in blocks { EvaluationViews.block(block, filter: model.filter, index: index, context: context, links: false) }
                }
            }
            el("h2") { context.t(Phrase(nb: "Definisjoner", en: "Definitions")) }
            el("dl") {
                for indicator in EvaluationIndicator.all {
                    el("dt") { indicator.title(norwegian: norwegian) }
                    el("dd") { indicator.definition(norwegian: norwegian) }
                }
            }
            el("h2") { context.t(Phrase(nb: "Datakilder og dekning", en: "Data sources and coverage")) }
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Indikatorene regnes fra daglige sammendrag som bygges hver natt fra loggene under, og kan bygges på nytt fra kommandolinjen (tmnorm rollups rebuild). Tall under \(model.minimumCount) poster skjules for andre enn den de gjelder.",
                        en:
                            "The indicators are computed from daily summaries built every night from the logs below, and can be rebuilt from the command line (tmnorm rollups rebuild). Figures under \(model.minimumCount) records are hidden from all but those they concern."
                    ))
            }
            Table.scrolling(
                headings: [
                    context.t(Phrase(nb: "Kilde", en: "Source")), context.t(Phrase(nb: "Første dag", en: "First day")),
                    context.t(Phrase(nb: "Siste dag", en: "Last day")), context.t(Phrase(nb: "Dager med data", en: "Days with data")),
                    context.t(Phrase(nb: "Herav genererte", en: "Of which generated")),
                ], scope: .column
            ) {
                for source in model.coverage {
                    el("tr") {
                        el("td") { context.t(source.label) }
                        el("td") { source.firstDay.flatMap { try? LocalDate(parsing: $0) }?.norwegianFormatted ?? "–" }
                        el("td") { source.lastDay.flatMap { try? LocalDate(parsing: $0) }?.norwegianFormatted ?? "–" }
                        el("td") { EvaluationChart.number(Double(source.days), norwegian: norwegian) }
                        el("td") { EvaluationChart.number(Double(source.generatedDays), norwegian: norwegian) }
                    }
                }
            }
        }
    }
}
