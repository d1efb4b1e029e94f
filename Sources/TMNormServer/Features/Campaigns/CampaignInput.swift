import Foundation
import TMNormCore
import Vapor

/// Input for a new campaign (form or JSON).
struct CampaignInput: Content {
    var client_id: String?
    var name: String?
    var product_category: String?
    var caller_id: String?
    var caller_id_listed: String?
    var voluntary: String?
    var newspaper: String?
    var starts_on: String?
    var ends_on: String?

    /// Form checkboxes send "on"; JSON sends true/false as strings here.
    static func flag(_ value: String?) -> Bool {
        guard let value = value?.lowercased() else { return false }
        return ["on", "true", "1", "yes", "ja"].contains(value)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String? {
            if let string = try? container.decodeIfPresent(String.self, forKey: key) { return string }
            if let bool = try? container.decodeIfPresent(Bool.self, forKey: key) { return bool ? "true" : "false" }
            return nil
        }
        client_id = try text(.client_id)
        name = try text(.name)
        product_category = try text(.product_category)
        caller_id = try text(.caller_id)
        caller_id_listed = try text(.caller_id_listed)
        voluntary = try text(.voluntary)
        newspaper = try text(.newspaper)
        starts_on = try text(.starts_on)
        ends_on = try text(.ends_on)
    }
}
