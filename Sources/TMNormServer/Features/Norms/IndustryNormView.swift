import Foundation
import TMNormCore

/// The norms page.
enum IndustryNormView {
    struct Model: Sendable {
        let norms: [(association: String, norm: IndustryNorm)]
        let canEdit: Bool
        let problems: [FieldProblem]
        let added: Bool
        let today: LocalDate
    }

    static func describe(_ version: IndustryNormVersion, _ context: PageContext) -> String {
        let days = version.closedSpecialDays.sorted { $0.rawValue < $1.rawValue }.map {
            context.language == .nb ? $0.norwegianName : $0.rawValue.replacingOccurrences(of: "_", with: " ")
        }
        let dates = version.closedDates.sorted().map(\.norwegianFormatted)
        return hours(version, context)
            + (days.isEmpty ? "" : context.t(Phrase(nb: "; stengt: ", en: "; closed: ")) + days.joined(separator: ", "))
            + (dates.isEmpty ? "" : "; " + dates.joined(separator: ", "))
    }

    /// "mandag–fredag 09:00–21:00" when the five days share their hours, else day by day; a day the norm
    /// closes says so, and Saturday or Sunday appear only when the norm opens them.
    static func hours(_ version: IndustryNormVersion, _ context: PageContext) -> String {
        let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
        let closed = context.t(Phrase(nb: "stengt", en: "closed"))
        func text(_ day: Weekday) -> String { version.hours[day].map(\.description) ?? closed }
        var parts: [String] = []
        if Set(weekdays.map(text)).count == 1 {
            parts.append(context.t(Phrase(nb: "mandag–fredag ", en: "Monday–Friday ")) + text(.monday))
        } else {
            parts += weekdays.map { dayName($0, context) + " " + text($0) }
        }
        parts += [Weekday.saturday, .sunday].filter { version.hours[$0] != nil }.map { dayName($0, context) + " " + text($0) }
        let joined = parts.joined(separator: ", ")
        return joined.prefix(1).uppercased() + joined.dropFirst()
    }

    static func dayName(_ day: Weekday, _ context: PageContext) -> String {
        switch day {
        case .monday: context.t(Phrase(nb: "mandag", en: "Monday"))
        case .tuesday: context.t(Phrase(nb: "tirsdag", en: "Tuesday"))
        case .wednesday: context.t(Phrase(nb: "onsdag", en: "Wednesday"))
        case .thursday: context.t(Phrase(nb: "torsdag", en: "Thursday"))
        case .friday: context.t(Phrase(nb: "fredag", en: "Friday"))
        case .saturday: context.t(Phrase(nb: "lørdag", en: "Saturday"))
        case .sunday: context.t(Phrase(nb: "søndag", en: "Sunday"))
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Bransjenorm for ringetider", en: "Industry norm for calling times")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Normen kan bare gjøre ringetidene strengere enn loven (mandag–fredag 09–21). Nye versjoner gjelder fra en framtidig dato; en samtale vurderes etter versjonen som gjaldt da den ble tatt.",
                        en:
                            "The norm can only make calling times stricter than the law (Monday–Friday 09–21). New versions apply from a future date; a call is judged by the version in force when it was made."
                    ))
            }
            if model.added {
                el("p", .class("notice"), .init("role", "status")) { context.t(Phrase(nb: "Ny versjon lagret.", en: "New version saved.")) }
            }
            if !model.problems.isEmpty {
                el("ul", .class("alert"), .init("role", "alert")) {
                    for problem in model.problems { el("li") { "\(problem.place(context.language)): \(problem.text(context.language))" } }
                }
            }
            for (association, norm) in model.norms {
                el("h2") { association + " — " + norm.name }
                el("ul") {
                    for version in norm.versions {
                        el("li") {
                            context.t(Phrase(nb: "Fra ", en: "From ")) + version.effectiveFrom.norwegianFormatted + ": " + describe(version, context)
                            if norm.version(on: model.today) == version { " " + context.t(Phrase(nb: "(gjelder nå)", en: "(in force)")) }
                        }
                    }
                }
            }
            if model.canEdit {
                el("h2") { context.t(Phrase(nb: "Ny versjon", en: "New version")) }
                Form.post(SiteRoute.normVersions.path, csrf: context.csrf) {
                    Form.field(context.t(Phrase(nb: "Gjelder fra", en: "In force from")), name: "effective_from", type: "date")
                    Form.field(context.t(Phrase(nb: "Åpner (hverdager)", en: "Opens (weekdays)")), name: "opens", type: "time", value: "09:00")
                    Form.field(context.t(Phrase(nb: "Stenger", en: "Closes")), name: "closes", type: "time", value: "21:00")
                    for (name, label) in [
                        ("christmas_eve", Phrase(nb: "Stengt julaften", en: "Closed on Christmas Eve")),
                        ("new_years_eve", Phrase(nb: "Stengt nyttårsaften", en: "Closed on New Year's Eve")),
                        ("easter_saturday", Phrase(nb: "Stengt påskeaften", en: "Closed on Easter Saturday")),
                    ] {
                        el("div", .class("field")) {
                            el("label") {
                                void("input", .type("checkbox"), .name(name), .init("checked", nil)); " " + context.t(label)
                            }
                        }
                    }
                    Form.field(
                        context.t(
                            Phrase(nb: "Andre stengte datoer (ÅÅÅÅ-MM-DD, kommaseparert)", en: "Other closed dates (YYYY-MM-DD, comma-separated)")),
                        name: "closed_dates", required: false)
                    Form.submit(context.t(Phrase(nb: "Lagre versjon", en: "Save version")))
                }
            }
        }
    }
}
