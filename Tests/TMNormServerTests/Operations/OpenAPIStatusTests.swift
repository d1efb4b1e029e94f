import Foundation
import Testing
import TMNormCore
import Vapor
import VaporTesting

@testable import TMNormServer

/// What schemathesis (tools/api_fuzz.sh) found undocumented: each answer here is given by the API and must
/// be listed for its operation in /api/openapi.json, errors as problem documents.
@Suite("OpenAPI: the answers the API gives are documented")
struct OpenAPIStatusTests {
    @Test(
        "415 without a body, 422 for bad query and header values, 200 when nothing is added, 409 conflicts, 401 unsigned SMS, delivery receipt results"
    )
    func answersAreDocumented() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let document = try await app.get("/api/openapi.json", as: .anonymous).json()
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            func expectDocumented(
                _ response: TestingHTTPResponse, _ method: String, _ path: String, _ status: HTTPStatus,
                sourceLocation: SourceLocation = #_sourceLocation
            ) {
                #expect(response.status == status, "\(method) \(path): \(response.text)", sourceLocation: sourceLocation)
                let responses = (paths[path]?[method] as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                #expect(
                    responses[String(status.code)] != nil, "\(status.code) is not documented for \(method) \(path)", sourceLocation: sourceLocation)
                if status.code >= 400 {
                    #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true, sourceLocation: sourceLocation)
                }
            }
            let key = world.callCentreKey

            expectDocumented(try await app.api(.POST, "/api/v1/engagements", key: key), "post", "/api/v1/engagements", .unsupportedMediaType)
            expectDocumented(try await app.api(.GET, "/api/v1/sales?state=nonsense", key: key), "get", "/api/v1/sales", .unprocessableEntity)
            expectDocumented(try await app.api(.GET, "/api/v1/may-call?campaign=&number=", key: key), "get", "/api/v1/may-call", .unprocessableEntity)
            expectDocumented(try await app.api(.GET, "/api/v1/decisions?number=abc", key: key), "get", "/api/v1/decisions", .unprocessableEntity)
            expectDocumented(try await app.api(.POST, "/api/v1/sales", key: key, json: "{}"), "post", "/api/v1/sales", .unprocessableEntity)

            let numbers = #"{"phones":["+47 412 34 567"]}"#
            expectDocumented(try await app.api(.POST, "/api/v1/block-list", key: key, json: numbers), "post", "/api/v1/block-list", .created)
            expectDocumented(try await app.api(.POST, "/api/v1/block-list", key: key, json: numbers), "post", "/api/v1/block-list", .ok)

            let taken = #"{"name":"Again","orgnr":"\#(world.client.orgnr)","kind":"client"}"#
            expectDocumented(
                try await app.api(.POST, "/api/v1/organisations", key: world.associationKey, json: taken), "post", "/api/v1/organisations", .conflict)

            // A call centre's declaration stays pending; the right to record exemptions needs a confirmed one.
            let declared = try await app.api(
                .POST, "/api/v1/engagements", key: key,
                json: #"""
                    {"call_centre_id":"\#(world.callCentre.id)","client_id":"\#(world.client.id)","valid_from":"2026-01-01"}
                    """#)
            #expect(declared.status == .created)
            let pending = try #require(try declared.json()["id"] as? String)
            expectDocumented(
                try await app.api(
                    .POST, "/api/v1/engagements/\(pending)/exemptions", key: world.associationKey, json: #"{"may_record_exemptions":true}"#),
                "post", "/api/v1/engagements/{id}/exemptions", .conflict)

            expectDocumented(
                try await app.api(
                    .POST, "/api/v1/sms/inbound", key: nil, json: #"{"from":"x","to":"y","text":"","received_at":"2026-12-01T10:00:00Z"}"#),
                "post", "/api/v1/sms/inbound", .unauthorized)
            let receipt = try await app.deliveryReceipt(id: "no-such-message", status: "delivered")
            expectDocumented(receipt, "post", "/api/v1/sms/inbound", .ok)
            let answer = try #require(try receipt.json()["result"] as? String)
            #expect(answer == "unknown_message")
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
            let result = ((schemas?["InboundSMSAnswer"] as? [String: Any])?["properties"] as? [String: Any])?["result"] as? [String: Any]
            #expect((result?["enum"] as? [String])?.contains(answer) == true, "\(answer) is not among the documented results")
        }
    }

    @Test("a may-call answer always carries register and next_allowed, null when there is none (the document makes both required)")
    func mayCallAnswerKeys() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            // Year 1255 is outside the calling calendar: no next allowed moment (check_failed).
            for response in [
                try await app.api(.GET, "/api/v1/may-call?campaign=\(campaign)&number=93000005&at=1255-01-16T05:14:10Z", key: world.callCentreKey),
                try await app.api(
                    .POST, "/api/v1/may-call", key: world.callCentreKey,
                    json: #"{"campaign":"\#(campaign)","numbers":["93000005"],"at":"1255-01-16T05:14:10Z"}"#),
            ] {
                #expect(response.status == .ok, "\(response.text)")
                let body = try response.json()
                let answer = try #require((body["items"] as? [[String: Any]])?.first ?? body)
                #expect(answer["allowed"] as? Bool == false)
                #expect(answer.keys.contains("next_allowed"), "next_allowed is missing: \(response.text)")
                #expect(answer["next_allowed"] is NSNull)
                #expect(answer.keys.contains("register"))
            }
        }
    }
}
