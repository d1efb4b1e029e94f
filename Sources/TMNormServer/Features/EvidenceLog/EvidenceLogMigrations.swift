import Fluent
import TMNormCore
import SQLKit

/// The evidence log's tables: the queue features append to inside their own transactions, the leaves in
/// tree order, the stored perfect-subtree hashes, the head (one row) and the signed checkpoints.
struct CreateEvidenceLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // Written by a feature in its own transaction; moved into the tree by the sequencer, oldest first.
        try await database.schema("evidence_log_queue")
            .id()
            .field("queued_ms", .int64, .required)
            .field("leaf_json", .string, .required)
            .field("subject_kind", .string, .required)
            .field("subject_id", .uuid)
            .field("subject_seq", .int)
            .create()
        try await database.schema("evidence_log_leaves")
            .field("leaf_index", .int64, .required)
            .field("leaf_json", .string, .required)
            .field("subject_kind", .string, .required)
            .field("subject_id", .uuid)
            .field("subject_seq", .int)
            .field("logged_at", .datetime, .required)
            .unique(on: "leaf_index")
            .create()
        // Perfect subtrees (2^level leaves from node_index·2^level), level 0 being the leaf hashes; hex.
        try await database.schema("evidence_log_nodes")
            .field("level", .int, .required)
            .field("node_index", .int64, .required)
            .field("hash", .string, .required)
            .unique(on: "level", "node_index")
            .create()
        try await database.schema("evidence_log_head")
            .field("id", .int, .required)
            .field("tree_size", .int64, .required)
            .field("root", .string, .required)
            .unique(on: "id")
            .create()
        try await database.schema("evidence_log_checkpoints")
            .field("tree_size", .int64, .required)
            .field("note", .string, .required)
            .field("signed_at", .datetime, .required)
            .unique(on: "tree_size")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX evidence_log_queue_order ON evidence_log_queue (queued_ms)").run()
            try await sql.raw("CREATE INDEX evidence_log_leaves_subject ON evidence_log_leaves (subject_id)").run()
            try await sql.raw(
                "INSERT INTO evidence_log_head (id, tree_size, root) VALUES (1, 0, \(bind: Hex.encode(MerkleTree.emptyRoot)))"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [
            "evidence_log_checkpoints", "evidence_log_head", "evidence_log_nodes", "evidence_log_leaves", "evidence_log_queue",
        ] {
            try await database.schema(table).delete()
        }
    }
}

/// The witnesses' latest cosignatures (one row a witness key), shown beside the log's checkpoints.
struct CreateEvidenceLogCosignatures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("evidence_log_cosignatures")
            .field("witness_key", .string, .required)
            .field("witness_name", .string, .required)
            .field("tree_size", .int64, .required)
            .field("signature_line", .string, .required)
            .field("cosigned_at", .datetime, .required)
            .field("received_at", .datetime, .required)
            .unique(on: "witness_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("evidence_log_cosignatures").delete()
    }
}
