import Foundation
import Vapor

/// Every page of the site; views build links from it, so a broken link is a compile error.
public enum SiteRoute: Sendable, Equatable {
    case home
    case login
    case logout
    case dashboard
    case organisations
    case newOrganisation
    case organisation(UUID)
    case memberships(UUID)
    case engagements(UUID)
    /// A client's decision on an engagement shown on organisation `UUID`: confirm, decline or exemptions.
    case engagementDecision(UUID, engagement: UUID, action: String)
    case users
    case invitations
    case invitation(token: String)
    case password
    case apiKeys
    case revokeAPIKey(UUID)
    case stylesheet
    case campaigns
    case blockList
    case washes
    case nationalRegister
    case decisions
    case outbox
    case jobs
    /// Run the named job now (administrators).
    case runJob(String)
    case requeueJob(UUID)
    case offerSettings
    case sales
    case sale(UUID)
    case exemptions
    case norms
    case publicRegister
    case registerEntry(String)
    case registerBadge(String)
    case registerAPI
    case authorization
    case authorizationApplications
    case authorizationApplication(UUID)
    case authorizationCentre(UUID)
    case guidelines
    case guideline(UUID)
    case healthz
    case metrics
    case openAPI

    /// The path to link to.
    public var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .dashboard: "/dashboard"
        case .organisations: "/organisations"
        case .newOrganisation: "/organisations/new"
        case .organisation(let id): "/organisations/\(id.uuidString.lowercased())"
        case .memberships(let id): "/organisations/\(id.uuidString.lowercased())/memberships"
        case .engagements(let id): "/organisations/\(id.uuidString.lowercased())/engagements"
        case .engagementDecision(let id, let engagement, let action):
            "/organisations/\(id.uuidString.lowercased())/engagements/\(engagement.uuidString.lowercased())/\(action)"
        case .users: "/users"
        case .invitations: "/invitations"
        case .invitation(let token): "/invite/\(token)"
        case .password: "/account/password"
        case .apiKeys: "/api-keys"
        case .revokeAPIKey(let id): "/api-keys/\(id.uuidString.lowercased())/revoke"
        case .stylesheet: "/static/app.css"
        case .campaigns: "/campaigns"
        case .blockList: "/block-list"
        case .washes: "/washes"
        case .nationalRegister: "/national-register"
        case .decisions: "/decisions"
        case .outbox: "/outbox"
        case .jobs: "/jobs"
        case .runJob(let name): "/jobs/\(name)/run"
        case .requeueJob(let id): "/jobs/runs/\(id.uuidString.lowercased())/requeue"
        case .offerSettings: "/offer-settings"
        case .sales: "/sales"
        case .sale(let id): "/sales/\(id.uuidString.lowercased())"
        case .exemptions: "/exemptions"
        case .norms: "/norms"
        case .publicRegister: "/register"
        case .registerEntry(let orgnr): "/register/\(orgnr)"
        case .registerBadge(let orgnr): "/register/\(orgnr)/badge.svg"
        case .registerAPI: "/api/v1/register"
        case .authorization: "/authorization"
        case .authorizationApplications: "/authorization/applications"
        case .authorizationApplication(let id): "/authorization/applications/\(id.uuidString.lowercased())"
        case .authorizationCentre(let id): "/authorization/centres/\(id.uuidString.lowercased())"
        case .guidelines: "/guidelines"
        case .guideline(let id): "/guidelines/\(id.uuidString.lowercased())"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .openAPI: "/api/openapi.json"
        }
    }
}

extension Request {
    /// A UUID path parameter; a malformed one is a 404, like an unknown id.
    public func uuidParameter(_ name: String = "id") throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else {
            throw AppError.notFound()
        }
        return id
    }

    /// A redirect that works for forms (303 See Other).
    public func redirect(to route: SiteRoute) -> Response {
        redirect(to: route.path, redirectType: .normal)
    }
}
