/// One internal block list (a client's or a call centre's): entries never expire, and they bind every
/// call centre calling on that client's behalf. The server loads them from the database.
public struct InternalBlockList: Sendable, Equatable {
    /// Whose list it is, e.g. "client 974760673" or "call centre 923609016".
    public var owner: String
    /// The list's version (e.g. a change counter or timestamp), recorded on the wash certificate.
    public var version: String
    /// Blocked numbers as `PhoneNumber.eightDigitKey`.
    public var numberKeys: [UInt32]
    /// Blocked persons as `PersonIdentity.key`.
    public var personKeys: [UInt64]

    public init(owner: String, version: String, numberKeys: [UInt32] = [], personKeys: [UInt64] = []) {
        self.owner = owner
        self.version = version
        self.numberKeys = numberKeys
        self.personKeys = personKeys
    }
}

/// Rows the national register must not stop: the client's existing customers of the campaign's product
/// category and consumers who explicitly asked this business to call. Never overrides a block list.
public struct WashExemptions: Sendable, Equatable {
    public var numberKeys: [UInt32]
    public var personKeys: [UInt64]

    public init(numberKeys: [UInt32] = [], personKeys: [UInt64] = []) {
        self.numberKeys = numberKeys
        self.personKeys = personKeys
    }

    /// No exemptions.
    public static let none = WashExemptions()
}

/// Everything besides the register that decides a wash; the server fills it from its database, the
/// file-only CLI uses the defaults.
public struct WashPolicy: Sendable {
    /// Internal block lists that apply (the client's and the call centre's).
    public var blockLists: [InternalBlockList]
    /// Exemptions from the national register (not from block lists).
    public var exemptions: WashExemptions
    /// The campaign is for a voluntary organisation: only reservations that cover voluntary
    /// organisations apply.
    public var isVoluntaryOrganisation: Bool
    /// The phone column, when not detected from the header.
    public var phoneColumn: WashColumnSelector?
    /// Rows longer than this many bytes are rejected as `malformed_row` (memory stays bounded).
    public var maxRowBytes: Int
    /// The numbering plan numbers are classified by.
    public var phoneTable: PhoneAllocationTable
    /// The language of the rejected file's `reason_text` column (the page's language of whoever washed);
    /// nil writes the code alone.
    public var reasonLanguage: WashReasonLanguage? = nil

    public init(
        blockLists: [InternalBlockList] = [], exemptions: WashExemptions = .none,
        isVoluntaryOrganisation: Bool = false, phoneColumn: WashColumnSelector? = nil,
        maxRowBytes: Int = 1 << 20, phoneTable: PhoneAllocationTable = .nkom2026
    ) {
        self.blockLists = blockLists
        self.exemptions = exemptions
        self.isVoluntaryOrganisation = isVoluntaryOrganisation
        self.phoneColumn = phoneColumn
        self.maxRowBytes = max(1024, maxRowBytes)
        self.phoneTable = phoneTable
    }
}
