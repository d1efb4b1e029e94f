import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Every object the application shares between requests, jobs and commands, made once by `setUp` at boot,
/// before any request or job can run (`Application.storage` is not safe to fill from several event loops
/// at once, and a service made lazily by a request would be a race). Reading a service before `setUp`
/// stops the process with a message instead of quietly making a second, unshared one.
final class AppServices: Sendable {
    let keys: ServerKeys
    let metrics: MetricsRegistry
    let passwordHashing: PasswordHashing
    let rateLimiters: RateLimiters
    let messaging: MessagingState
    let registerStore: RegisterStore
    let washCallableIndex: WashCallableIndex
    let blockListLookup: BlockListLookup
    let exemptionLookup: ExemptionLookup
    let apiKeyCache: APIKeyCache
    let mayCallCache: MayCallContextCache
    let decisionLogWriter: DecisionLogWriter
    let saleAnswerWriter: SaleAnswerWriter
    let evidenceLog: EvidenceLog
    /// Replaceable by tests (a job that fails on purpose); set once at boot otherwise.
    let jobs: NIOLockedValueBox<JobRegistry>
    let authorizationSettings: NIOLockedValueBox<AuthorizationSettings>
    let complaintSettings: NIOLockedValueBox<ComplaintSettings>

    private init(config: AppConfig) {
        keys = ServerKeys(secret: config.secret)
        metrics = MetricsRegistry()
        passwordHashing = PasswordHashing(cost: config.bcryptCost)
        rateLimiters = RateLimiters()
        messaging = MessagingState()
        registerStore = RegisterStore()
        washCallableIndex = WashCallableIndex()
        blockListLookup = BlockListLookup()
        exemptionLookup = ExemptionLookup()
        apiKeyCache = APIKeyCache()
        mayCallCache = MayCallContextCache()
        decisionLogWriter = DecisionLogWriter()
        saleAnswerWriter = SaleAnswerWriter()
        evidenceLog = EvidenceLog(signer: EvidenceLog.signer(config: config, keys: keys))
        jobs = NIOLockedValueBox(JobRegistry(JobList.all))
        authorizationSettings = NIOLockedValueBox(AuthorizationSettings())
        complaintSettings = NIOLockedValueBox(ComplaintSettings())
    }

    private struct Key: StorageKey { typealias Value = AppServices }

    /// Makes the services from `app.config` and registers what must stop with the application.
    static func setUp(_ app: Application) {
        precondition(app.storage[Key.self] == nil, "the services are set up once")
        let services = AppServices(config: app.config)
        app.storage[Key.self] = services
        app.lifecycle.use(PasswordHashingLifecycle(hashing: services.passwordHashing))
    }

    static func of(_ app: Application) -> AppServices {
        guard let services = app.storage[Key.self] else {
            preconditionFailure("a service is read before configure(_:config:) set the services up")
        }
        return services
    }
}

extension Application {
    var services: AppServices { AppServices.of(self) }

    var serverKeys: ServerKeys { services.keys }
    var metricsRegistry: MetricsRegistry { services.metrics }
    var passwordHashing: PasswordHashing { services.passwordHashing }
    var rateLimiters: RateLimiters { services.rateLimiters }
    /// Transports and retry schedule of this process.
    var messaging: MessagingState { services.messaging }
    /// The process's register snapshot cache.
    var registerStore: RegisterStore { services.registerStore }
    var washCallableIndex: WashCallableIndex { services.washCallableIndex }
    var blockListLookup: BlockListLookup { services.blockListLookup }
    var exemptionLookup: ExemptionLookup { services.exemptionLookup }
    var apiKeyCache: APIKeyCache { services.apiKeyCache }
    var mayCallCache: MayCallContextCache { services.mayCallCache }
    var decisionLogWriter: DecisionLogWriter { services.decisionLogWriter }
    var saleAnswerWriter: SaleAnswerWriter { services.saleAnswerWriter }

    /// The jobs of this application.
    var jobs: JobRegistry {
        get { services.jobs.withLockedValue { $0 } }
        set { services.jobs.withLockedValue { $0 = newValue } }
    }

    /// The scheme's settings: the defaults until an installation or a test sets them.
    var authorizationSettings: AuthorizationSettings {
        get { services.authorizationSettings.withLockedValue { $0 } }
        set { services.authorizationSettings.withLockedValue { $0 = newValue } }
    }

    /// The complaint handling's settings: the defaults until an installation or a test sets them.
    var complaintSettings: ComplaintSettings {
        get { services.complaintSettings.withLockedValue { $0 } }
        set { services.complaintSettings.withLockedValue { $0 = newValue } }
    }
}
