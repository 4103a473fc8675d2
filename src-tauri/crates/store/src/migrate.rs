//! Forward-only schema migrations, embedded in the binary and keyed on
//! `PRAGMA user_version`; each runs in its own transaction.

use crate::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};

const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_staff_list_index.sql"),
    include_str!("../migrations/0003_batch_files.sql"),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// True when the file is older than this build (a migration will run).
pub(crate) fn pending(conn: &Connection) -> Result<bool> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(found < LATEST_VERSION)
}

pub(crate) fn run(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > LATEST_VERSION {
        return Err(StoreError::NewerVersion { found, supported: LATEST_VERSION });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
