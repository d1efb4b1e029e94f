import Fluent
import Foundation
import TMNormCore
import Vapor

/// Demo data for washing and calling: a register delivery obtained today, a washed list, block-list
/// entries, an existing customer and an active campaign UniCall runs for Nordlys Energi.
enum DemoWashing {
    /// Fictional reserved people; 9xx 00 xxx numbers are not real subscribers' numbers in the demo.
    static let registerCSV = """
        reservation_id;first_name;last_name;street;house_number;postcode;city;phones;telephone;addressed_mail;voluntary_orgs
        D1;Kari;Nordmann;Storgata;12 B;0155;Oslo;91200001;y;n;y
        D2;Ola;Hansen;Fjordveien;3;5003;Bergen;;y;y;n
        D3;Astrid;Lie;Kirkegata;7;7011;Trondheim;41200003|22200003;y;n;n
        D4;Nils;Dahl;Strandvegen;21;9008;Tromsø;91200004;n;y;n

        """

    static let callList = """
        fornavn;etternavn;adresse;postnummer;telefon
        Kari;Nordmann;Storgata 12b;0155;912 00 001
        Ola;Hansen;Fjordvegen 3;5003;93000002
        Siri;Berg;Torget 2;0150;93000003
        Per;Olsen;Kirkegata 1;0150;+47 930 00 004
        Per;Olsen;Kirkegata 1;0150;93000004
        Eva;Moen;Bakken 5;3015;93000005

        """

    static func seed(_ app: Application, organisations ids: [String: UUID]) async throws {
        let db = app.db
        let now = app.clock.now()
        guard let unicall = ids["unicall"], let nordlys = ids["nordlys"] else { return }
        let directory = URL(fileURLWithPath: app.config.dataDirectory).appendingPathComponent("demo")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let registerPath = directory.appendingPathComponent("reservasjonsregisteret-demo.csv").path
        try Data(registerCSV.utf8).write(to: URL(fileURLWithPath: registerPath))
        _ = try await RegisterImportService.importFile(
            path: registerPath, fileName: "reservasjonsregisteret-demo.csv", ownerID: nil, obtainedAt: now, plainVoluntary: false, app: app)

        try await BlockListEntryModel(organisationID: nordlys, phone: "93000005", personKey: nil, source: .consumer, addedByID: nil, createdAt: now)
            .create(on: db)
        try await CustomerModel(clientID: nordlys, phone: "41200003", personKey: nil, category: "strøm", createdAt: now).create(on: db)
        try await app.blockListLookup.changed(nordlys, on: db)
        try await app.exemptionLookup.changed(nordlys, on: db)

        let listPath = directory.appendingPathComponent("ringeliste-nordlys.csv").path
        try Data(callList.utf8).write(to: URL(fileURLWithPath: listPath))
        let wash = try await WashService.run(
            .init(
                listPath: listPath, fileName: "ringeliste-nordlys.csv", callCentreID: unicall, clientID: nordlys, category: "strøm",
                voluntary: false, phoneColumn: nil, washedBy: "leder@unicall.demo"),
            app: app)

        let campaign = CampaignModel()
        campaign.$callCentre.id = unicall
        campaign.$client.id = nordlys
        campaign.name = DemoSales.electricityCampaign
        campaign.productCategory = "strøm"
        campaign.callerID = "22990000"
        campaign.callerIDListed = true
        campaign.voluntary = false
        campaign.newspaper = false
        let today = OsloTime.localDate(of: now)
        campaign.startsOn = today.adding(days: -7).iso8601
        campaign.endsOn = today.adding(days: 60).iso8601
        campaign.statusRaw = CampaignModel.Status.active.rawValue
        campaign.createdAt = now
        try await campaign.create(on: db)
        // An ordinary campaign of the same client (not electricity: its offers can be accepted at once), calling
        // the same washed list.
        let ordinary = CampaignModel()
        ordinary.$callCentre.id = unicall
        ordinary.$client.id = nordlys
        ordinary.name = DemoSales.ordinaryCampaign
        ordinary.productCategory = "smarthus"
        ordinary.callerID = "22990000"
        ordinary.callerIDListed = true
        ordinary.voluntary = false
        ordinary.newspaper = false
        ordinary.startsOn = campaign.startsOn
        ordinary.endsOn = campaign.endsOn
        ordinary.statusRaw = CampaignModel.Status.active.rawValue
        ordinary.createdAt = now
        try await ordinary.create(on: db)
        let agent = try await UserModel.query(on: db).filter(\.$email == "selger@unicall.demo").first()
        for each in [campaign, ordinary] {
            try await CampaignWashModel(campaignID: try each.requireID(), washID: try wash.requireID(), attachedAt: now).create(on: db)
            if let agent {
                try await CampaignAgentModel(campaignID: try each.requireID(), userID: try agent.requireID()).create(on: db)
            }
        }
    }
}
