import Foundation
import Testing

@testable import TMNormCore

@Suite("Evaluation: periods, indicators, suppression, goals")
struct EvaluationCoreTests {
    private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    @Test("a day falls in its Oslo month, quarter and year; labels are 2024-03, 2024-Q1, 2024")
    func bucketing() throws {
        let date = try day("2024-03-31")
        #expect(EvaluationPeriod(containing: date, granularity: .month).description == "2024-03")
        #expect(EvaluationPeriod(containing: date, granularity: .quarter).description == "2024-Q1")
        #expect(EvaluationPeriod(containing: date, granularity: .year).description == "2024")
        #expect(EvaluationPeriod(containing: try day("2024-04-01"), granularity: .quarter).description == "2024-Q2")
        #expect(EvaluationPeriod(granularity: .quarter, year: 2024, index: 4).lastDay == (try day("2024-12-31")))
        #expect(EvaluationPeriod(granularity: .month, year: 2024, index: 2).lastDay == (try day("2024-02-29")))
    }

    @Test("an instant just after midnight Oslo on 1 April belongs to April, not March (UTC would say March)")
    func osloBoundary() throws {
        let instant = try OsloTime.parseTimestamp("2024-03-31T22:30:00Z")
        let local = OsloTime.localDate(of: instant)
        #expect(EvaluationPeriod(containing: local, granularity: .month).description == "2024-04")
    }

    @Test("the range from June 2009 to March 2010 has 10 months, 4 quarters, 2 years")
    func ranges() throws {
        let from = try day("2009-06-01")
        let to = try day("2010-03-15")
        #expect(EvaluationPeriod.range(from: from, to: to, granularity: .month).count == 10)
        #expect(EvaluationPeriod.range(from: from, to: to, granularity: .quarter).map(\.description) == ["2009-Q2", "2009-Q3", "2009-Q4", "2010-Q1"])
        #expect(EvaluationPeriod.range(from: from, to: to, granularity: .year).count == 2)
        #expect(EvaluationPeriod.range(from: to, to: from, granularity: .month).isEmpty)
    }

    @Test("counts sum per period; ratios divide the sums, not average the daily ratios")
    func ratiosOfSums() throws {
        let share = try #require(EvaluationIndicator.named("decisions_refused_share"))
        let counts = [
            EvaluationDailyCount(day: try day("2024-01-05"), metric: EvaluationMetric.decisions, value: 100),
            EvaluationDailyCount(day: try day("2024-01-05"), metric: EvaluationMetric.decisionsRefused, value: 50),
            EvaluationDailyCount(day: try day("2024-01-20"), metric: EvaluationMetric.decisions, value: 900),
            EvaluationDailyCount(day: try day("2024-01-20"), metric: EvaluationMetric.decisionsRefused, value: 50),
        ]
        let points = EvaluationCalculator.series(share, counts: counts, from: try day("2024-01-01"), to: try day("2024-02-29"), granularity: .month)
        #expect(points.count == 2)
        #expect(points[0].value == 10, "100 refused of 1 000 is 10 %, not the 27.8 % mean of 50 % and 5.6 %")
        #expect(points[0].basis == 1000)
        #expect(points[1].value == nil, "no decisions: nothing to divide by")
        let total = try #require(EvaluationCalculator.total(share, counts: counts, from: try day("2024-01-01"), to: try day("2024-12-31")))
        #expect(total.value == 10)
    }

    @Test("complaints per 1 000 sales: 3 complaints on 1 500 sales is 2 per 1 000")
    func perThousand() throws {
        let indicator = try #require(EvaluationIndicator.named("complaints_per_1000_sales"))
        let counts = [
            EvaluationDailyCount(day: try day("2023-05-01"), metric: EvaluationMetric.salesRegistered, value: 1500),
            EvaluationDailyCount(day: try day("2023-06-01"), metric: EvaluationMetric.complaints, value: 3),
        ]
        let points = EvaluationCalculator.series(
            indicator, counts: counts, from: try day("2023-01-01"), to: try day("2023-12-31"), granularity: .year)
        #expect(points.map(\.value) == [2])
    }

    @Test("a gauge takes the last day of the period and carries forward into periods without a reading")
    func gauges() throws {
        let indicator = try #require(EvaluationIndicator.named("register_persons"))
        let counts = [
            EvaluationDailyCount(day: try day("2024-01-03"), metric: EvaluationMetric.registerPersons, value: 100),
            EvaluationDailyCount(day: try day("2024-01-28"), metric: EvaluationMetric.registerPersons, value: 120),
        ]
        let points = EvaluationCalculator.series(
            indicator, counts: counts, from: try day("2024-01-01"), to: try day("2024-03-31"), granularity: .month)
        #expect(points.map(\.value) == [120, 120, 120])
    }

    @Test("the median time to accept interpolates within the histogram bucket that holds the middle")
    func median() throws {
        #expect(AcceptTimeHistogram.bucket(hours: 0.5) == 0)
        #expect(AcceptTimeHistogram.bucket(hours: 1) == 1)
        #expect(AcceptTimeHistogram.bucket(hours: 500) == AcceptTimeHistogram.bucketCount - 1)
        #expect(AcceptTimeHistogram.median(counts: []) == nil)
        // 10 in 0–1 h, 10 in 1–2 h: the middle (10th) is the top of the first bucket.
        #expect(AcceptTimeHistogram.median(counts: [10, 10]) == 1)
        // 4 in 2–4 h: the middle is halfway through.
        #expect(AcceptTimeHistogram.median(counts: [0, 0, 4]) == 3)
    }

    @Test("refusal reasons group into register, block list, calling time, no valid wash, other; each group once")
    func refusalGroups() {
        #expect(RefusalGroup.groups(ofReasonList: "reserved_phone,reserved_person,saturday") == [.register, .callingTime])
        #expect(RefusalGroup.groups(ofReasonList: "not_in_valid_wash") == [.noValidWash])
        #expect(RefusalGroup.groups(ofReasonList: "ok,exempt_consent") == [])
        #expect(RefusalGroup.groups(ofReasonList: "something_new") == [.other])
    }

    @Test("fewer than 5 (but some) records are suppressed for others, never for the subject; zero is shown")
    func suppression() {
        let rule = EvaluationSuppression()
        #expect(rule.suppresses(basis: 4, viewerIsSubject: false))
        #expect(!rule.suppresses(basis: 5, viewerIsSubject: false))
        #expect(!rule.suppresses(basis: 0, viewerIsSubject: false))
        #expect(!rule.suppresses(basis: 4, viewerIsSubject: true))
        #expect(!rule.suppresses(basis: nil, viewerIsSubject: false), "gauges are not counts of people")
        let period = EvaluationPeriod(granularity: .year, year: 2024, index: 1)
        let hidden = rule.apply([EvaluationPoint(period: period, value: 50, basis: 2)], viewerIsSubject: false)
        #expect(hidden[0].value == nil && hidden[0].suppressed)
        #expect(EvaluationSuppression(minimumCount: 10).suppresses(basis: 9, viewerIsSubject: false))
    }

    @Test("traffic light: within the target green, within 20 % past it amber, further red, no value unknown")
    func trafficLights() {
        let atMost = EvaluationGoal(indicator: "complaints_per_1000_sales", direction: .atMost, threshold: 2)
        #expect(atMost.light(for: 2) == .green)
        #expect(atMost.light(for: 2.4) == .amber)
        #expect(atMost.light(for: 2.41) == .red)
        #expect(atMost.light(for: nil) == .unknown)
        let atLeast = EvaluationGoal(indicator: "acceptance_rate", direction: .atLeast, threshold: 60)
        #expect(atLeast.light(for: 61) == .green)
        #expect(atLeast.light(for: 50) == .amber)
        #expect(atLeast.light(for: 47) == .red)
    }

    @Test("every indicator has a unique name, a definition in both languages and reads at least one counter")
    func definitions() {
        let names = EvaluationIndicator.all.map(\.name)
        #expect(Set(names).count == names.count)
        for indicator in EvaluationIndicator.all {
            #expect(!indicator.definitionNB.isEmpty && !indicator.definitionEN.isEmpty)
            #expect(!indicator.formula.metrics.isEmpty)
        }
        #expect(EvaluationIndicator.refusalShares.count == 4)
    }
}

@Suite("Evaluation: SVG charts")
struct EvaluationChartTests {
    private func months(_ from: String, _ to: String) throws -> [EvaluationPeriod] {
        EvaluationPeriod.range(from: try LocalDate(parsing: from), to: try LocalDate(parsing: to), granularity: .month)
    }

    @Test("a line chart has role img, a title and a description, and marks the milestones in its range")
    func lineChart() throws {
        let periods = try months("2009-06-01", "2024-12-31")
        let svg = EvaluationChart.line(
            title: "Klager <per> 1 000 salg", description: "Fra juni 2009", periods: periods,
            series: [ChartSeries(name: "TMNorm", values: periods.map { _ in 1.5 })], unit: "per 1 000",
            milestones: EvaluationMilestone.all, norwegian: true)
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=\"c-title\">Klager &lt;per&gt; 1 000 salg</title>"))
        #expect(svg.contains("<desc id=\"c-desc\">"))
        #expect(svg.components(separatedBy: "class=\"milestone\"").count - 1 == 3)
        #expect(svg.contains("01.06.2009") && svg.contains("01.01.2018") && svg.contains("13.02.2024"))
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test("milestones outside the range are left out; a missing value breaks the line")
    func gaps() throws {
        let periods = try months("2019-01-01", "2019-04-30")
        let svg = EvaluationChart.line(
            title: "t", description: "d", periods: periods, series: [ChartSeries(name: "a", values: [1, nil, 2, 3])], unit: "%",
            milestones: EvaluationMilestone.all, norwegian: false)
        #expect(!svg.contains("class=\"milestone\""))
        #expect(svg.components(separatedBy: "M").count - 1 >= 2, "two sub-paths around the gap")
        #expect(svg.contains("<circle"), "the lone first point is drawn as a dot")
    }

    @Test("a bar chart draws one bar per reason with its value as text")
    func barChart() {
        let svg = EvaluationChart.bars(
            title: "Avslag per grunn", description: "d",
            bars: [ChartBar(label: "Register", value: 12.5), ChartBar(label: "Ringetid", value: nil)], unit: "%", norwegian: true)
        #expect(svg.components(separatedBy: "<rect").count - 1 == 3, "background and two bars")
        #expect(svg.contains(">12,5<"))
        #expect(svg.contains(">–<"))
    }

    @Test("numbers read the Norwegian way: 1 234,5 with a no-break space; English 1,234.5; nice axis tops")
    func numbers() {
        #expect(EvaluationChart.number(1234.5, norwegian: true) == "1\u{00A0}234,5")
        #expect(EvaluationChart.number(1234.5, norwegian: false) == "1,234.5")
        #expect(EvaluationChart.number(2_000_000, norwegian: true) == "2\u{00A0}000\u{00A0}000")
        #expect(EvaluationChart.niceCeiling(0) == 1)
        #expect(EvaluationChart.niceCeiling(7.3) == 10)
        #expect(EvaluationChart.niceCeiling(180) == 200)
        #expect(EvaluationChart.niceCeiling(2.2) == 2.5)
    }
}

@Suite("Evaluation: external series CSV")
struct ExternalSeriesParserTests {
    @Test("a header, semicolons, decimal commas and spaced thousands are read; periods sorted")
    func reads() throws {
        let csv = "periode;klager\n2024-02;1 204,5\r\n2024-01;980\n"
        let values = try ExternalSeriesParser.parse(Array(csv.utf8)).get()
        #expect(values.map(\.period.description) == ["2024-01", "2024-02"])
        #expect(values.map(\.value) == [980, 1204.5])
    }

    @Test("quarters and years are periods too")
    func periods() {
        #expect(ExternalSeriesParser.parsePeriod(Array("2019-Q3".utf8))?.description == "2019-Q3")
        #expect(ExternalSeriesParser.parsePeriod(Array("2019".utf8))?.description == "2019")
        #expect(ExternalSeriesParser.parsePeriod(Array("2019-13".utf8)) == nil)
        #expect(ExternalSeriesParser.parsePeriod(Array("2019-Q5".utf8)) == nil)
        #expect(ExternalSeriesParser.parsePeriod(Array("١٢٣٤".utf8)) == nil, "only ASCII digits")
    }

    @Test("bad input names the line and the field")
    func problems() {
        func problem(_ text: String) -> ExternalSeriesProblem? {
            if case .failure(let problem) = ExternalSeriesParser.parse(Array(text.utf8)) { return problem }
            return nil
        }
        #expect(problem("2024-01;abc") == ExternalSeriesProblem(line: 1, field: "value", reason: .invalidValue))
        #expect(problem("2024-01;1\n2024-1;2") == ExternalSeriesProblem(line: 2, field: "period", reason: .invalidPeriod))
        #expect(problem("2024-01;1\n2024-Q1;2")?.reason == .mixedGranularity)
        #expect(problem("2024-01;1\n2024-01;2")?.reason == .duplicatePeriod)
        #expect(problem("2024-01")?.reason == .missingField)
        #expect(problem("")?.reason == .empty)
        #expect(problem("\u{FF}\u{FE};;;")?.reason != nil)
    }
}
