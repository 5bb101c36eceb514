//! Schema migrations, applied in order; `PRAGMA user_version` records how
//! many have run. Never edit a released migration: add a new one.

use rusqlite::Connection;

use crate::error::Result;

const MIGRATIONS: &[&str] = &[
    // 1: case, items and their text, pages, records, search log.
    "CREATE TABLE case_info (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        reference TEXT NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        paths TEXT NOT NULL,
        user_name TEXT NOT NULL
    );
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        parent_id INTEGER REFERENCES items(id),
        import_id INTEGER NOT NULL REFERENCES imports(id),
        source_key TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'failed')),
        reason TEXT,
        duplicate_of INTEGER REFERENCES items(id),
        message_id TEXT,
        date TEXT,
        file_modified TEXT,
        metadata TEXT NOT NULL DEFAULT '{}',
        text_bytes INTEGER NOT NULL DEFAULT 0,
        indexed INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL
    );
    CREATE INDEX items_sha ON items(sha256);
    CREATE INDEX items_parent ON items(parent_id);
    CREATE INDEX items_message_id ON items(message_id);
    CREATE INDEX items_unindexed ON items(indexed) WHERE indexed = 0;
    CREATE TABLE item_text (
        item_id INTEGER PRIMARY KEY REFERENCES items(id),
        text TEXT NOT NULL
    );
    CREATE TABLE item_pages (
        item_id INTEGER NOT NULL REFERENCES items(id),
        page INTEGER NOT NULL,
        width REAL NOT NULL,
        height REAL NOT NULL,
        words TEXT NOT NULL,
        PRIMARY KEY (item_id, page)
    );
    CREATE TABLE records (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id),
        table_name TEXT NOT NULL,
        hidden INTEGER NOT NULL,
        columns TEXT NOT NULL,
        rows TEXT NOT NULL
    );
    CREATE TABLE searches (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        query TEXT NOT NULL,
        hits INTEGER NOT NULL
    );",
    // 2: the append-only, hash-chained audit trail.
    "CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
    // 3: conversation threads and near-duplicate groups.
    "ALTER TABLE items ADD COLUMN thread_id INTEGER;
    ALTER TABLE items ADD COLUMN inclusive INTEGER;
    ALTER TABLE items ADD COLUMN near_dup_of INTEGER;
    CREATE INDEX items_thread ON items(thread_id);",
    // 4: OCR of images and scanned pages: pending, done or failed.
    "ALTER TABLE items ADD COLUMN ocr_state TEXT;
    ALTER TABLE items ADD COLUMN ocr_confidence REAL;
    CREATE INDEX items_ocr_pending ON items(ocr_state) WHERE ocr_state = 'pending';",
    // 5: review decisions, one row per decision taken; the newest for an
    // item is its current decision, earlier rows are its history.
    "CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id),
        decision TEXT NOT NULL,
        reason TEXT,
        note TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL
    );
    CREATE INDEX decisions_item ON decisions(item_id, id);",
    // 6: redaction marks (text ranges and page areas) and the redacted
    // renditions made from them.
    "CREATE TABLE marks (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id),
        start INTEGER,
        end INTEGER,
        page INTEGER,
        x0 REAL, y0 REAL, x1 REAL, y1 REAL,
        text TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL,
        whose TEXT NOT NULL,
        person TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL,
        confidence REAL,
        source TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected', 'removed')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        decided_at TEXT,
        decided_by TEXT,
        CHECK ((start IS NOT NULL AND end IS NOT NULL) OR (page IS NOT NULL AND x0 IS NOT NULL))
    );
    CREATE INDEX marks_item ON marks(item_id, status);
    CREATE TABLE renditions (
        item_id INTEGER PRIMARY KEY REFERENCES items(id),
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        marks TEXT NOT NULL,
        redactions INTEGER NOT NULL,
        pages INTEGER NOT NULL,
        rendered_at TEXT NOT NULL
    );",
    // 7: the case's closure (when and how it ended), which starts the
    // retention period.
    "CREATE TABLE closure (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        closed_on TEXT NOT NULL,
        outcome TEXT NOT NULL,
        closed_by TEXT NOT NULL
    );",
    // 8: leak-check findings a caseworker recorded as "not this person":
    // a word taken for a trace of one redacted string, and why it is not.
    "CREATE TABLE leak_waivers (
        id INTEGER PRIMARY KEY,
        found TEXT NOT NULL,
        redacted TEXT NOT NULL,
        reason TEXT NOT NULL,
        waived_at TEXT NOT NULL,
        waived_by TEXT NOT NULL
    );",
    // 9: the due date the case last recorded, with its history, so a
    // change of rules or bank holidays that moves it can be said.
    "CREATE TABLE due_dates (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        due TEXT NOT NULL,
        previous TEXT,
        cause TEXT NOT NULL
    );",
    // 10: which rows and columns of a sheet were hidden, so its rendition
    // can say so (JSON arrays of indexes into the stored rows and columns).
    "ALTER TABLE records ADD COLUMN hidden_rows TEXT NOT NULL DEFAULT '[]';
     ALTER TABLE records ADD COLUMN hidden_columns TEXT NOT NULL DEFAULT '[]';",
    // 11: the leak check's findings in each produced file, kept under the
    // fingerprint of what they depend on (the file's SHA-256, the case's
    // redacted strings, the boxes to be black, the check's version), so a
    // file is read again only when one of those changes.
    "CREATE TABLE leak_checks (
        key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        files INTEGER NOT NULL,
        findings TEXT NOT NULL
    );",
    // 12: the SHA-256 of a recording's transcript PDF, written beside its
    // rendition, so integrity checks and the export cover it too.
    "ALTER TABLE renditions ADD COLUMN transcript_sha256 TEXT;",
    // 13: the items the index must hold, counted from a small index when a
    // case is opened instead of by reading every item's row.
    "CREATE INDEX items_in_index ON items(indexed) WHERE indexed = 1 AND duplicate_of IS NULL;",
    // 14: that count kept by triggers, so opening a case for a search reads
    // one row (counting through the index above still visited every row:
    // about 5 ms at 100,000 items).
    "CREATE TABLE index_expected (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        items INTEGER NOT NULL
    );
    INSERT INTO index_expected (id, items)
        SELECT 1, COUNT(*) FROM items WHERE indexed = 1 AND duplicate_of IS NULL;
    CREATE TRIGGER index_expected_insert AFTER INSERT ON items
        WHEN NEW.indexed = 1 AND NEW.duplicate_of IS NULL
        BEGIN UPDATE index_expected SET items = items + 1 WHERE id = 1; END;
    CREATE TRIGGER index_expected_delete AFTER DELETE ON items
        WHEN OLD.indexed = 1 AND OLD.duplicate_of IS NULL
        BEGIN UPDATE index_expected SET items = items - 1 WHERE id = 1; END;
    CREATE TRIGGER index_expected_update AFTER UPDATE OF indexed, duplicate_of ON items
        WHEN (NEW.indexed = 1 AND NEW.duplicate_of IS NULL)
            != (OLD.indexed = 1 AND OLD.duplicate_of IS NULL)
        BEGIN UPDATE index_expected SET items = items
            + (NEW.indexed = 1 AND NEW.duplicate_of IS NULL)
            - (OLD.indexed = 1 AND OLD.duplicate_of IS NULL) WHERE id = 1; END;",
    // 15: the suggestions waiting, by group and text, so the Review
    // screen's panel counts them and finds each group's first texts in the
    // index instead of reading every mark of the case.
    "CREATE INDEX marks_waiting ON marks(kind, person, whose, text, item_id) WHERE status = 'suggested';",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(crate::error::Error::Invalid(format!(
            "this case was written by a newer Disclose (schema {current}, this build knows {SCHEMA_VERSION})"
        )));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
