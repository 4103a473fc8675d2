//! Backups of the database file: consistent copies taken with `VACUUM INTO`
//! while the register stays open, written under a temporary name, checked,
//! flushed and only then renamed (a crash leaves either the old set of
//! backups or the new one, never half a file); listed by their names; pruned
//! by one retention rule; and put back with SQLite's online backup API.
//!
//! Only files whose names this module wrote are ever listed or deleted.

use crate::{Result, StoreError, setting};
use chungthu_model::backup::{BackupContent, BackupInfo, BackupReason};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use time::PrimitiveDateTime;
use time::macros::format_description;

/// The `setting` key holding the backups folder chosen by the user.
pub const DIR_SETTING: &str = "backup_dir";

/// The default backups folder's name, beside the database.
pub const DEFAULT_DIR_NAME: &str = "backups";

/// How many of the newest backups are always kept.
pub const KEEP_NEWEST: usize = 10;

/// For how many calendar months (this one included) the newest backup of
/// each month is kept.
pub const KEEP_MONTHS: i32 = 12;

const PREFIX: &str = "chungthu-";
const SUFFIX: &str = ".db";
/// `2026-11-23T18-05-00`: sortable, and no `:` (Windows refuses it in names).
const STAMP_LEN: usize = 19;

/// The current local time (Vietnam, UTC+7, when the offset cannot be read:
/// Vietnam has no daylight saving time).
pub fn now_local() -> PrimitiveDateTime {
    let offset = time::UtcOffset::current_local_offset()
        .unwrap_or_else(|_| time::UtcOffset::from_hms(7, 0, 0).expect("+07:00 is a valid offset"));
    let now = time::OffsetDateTime::now_utc().to_offset(offset);
    PrimitiveDateTime::new(now.date(), now.time().truncate_to_second())
}

fn stamp(at: PrimitiveDateTime) -> String {
    at.format(format_description!("[year]-[month]-[day]T[hour]-[minute]-[second]"))
        .expect("a date-time always formats")
}

fn parse_stamp(s: &str) -> Option<PrimitiveDateTime> {
    PrimitiveDateTime::parse(s, format_description!("[year]-[month]-[day]T[hour]-[minute]-[second]")).ok()
}

/// The file name of a backup taken at `at` for `reason`
/// (`chungthu-2026-11-23T18-05-00-truoc-khi-nhap.db`).
pub fn file_name(at: PrimitiveDateTime, reason: BackupReason) -> String {
    format!("{PREFIX}{}-{}{SUFFIX}", stamp(at), reason.slug())
}

/// Reads a backup's time and reason back from its name; `None` for any file
/// this module did not name (those are never touched).
pub fn parse_file_name(name: &str) -> Option<(PrimitiveDateTime, BackupReason)> {
    let core = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, rest) = (core.get(..STAMP_LEN)?, core.get(STAMP_LEN..)?);
    let at = parse_stamp(stamp)?;
    let rest = rest.strip_prefix('-')?;
    let reason = BackupReason::ALL.into_iter().find(|r| {
        rest == r.slug()
            || rest
                .strip_prefix(r.slug())
                .and_then(|n| n.strip_prefix('-'))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })?;
    Some((at, reason))
}

/// The default backups folder: `backups/` beside the database.
pub fn default_dir(db: &Path) -> PathBuf {
    db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).join(DEFAULT_DIR_NAME)
}

/// The folder the user chose (e.g. on a USB drive), if any.
pub fn chosen_dir(conn: &Connection) -> Result<Option<PathBuf>> {
    Ok(setting::get::<String>(conn, DIR_SETTING)?.filter(|s| !s.trim().is_empty()).map(PathBuf::from))
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Backup { path: path.to_owned(), source }
}

/// Writes a consistent copy of `conn`'s database into `dir` and returns its
/// path. The copy is made under a hidden temporary name, switched to the
/// rollback journal (a single self-contained file), checked, flushed to disk
/// and renamed; a failure leaves no partial backup behind.
pub fn write(conn: &Connection, dir: &Path, reason: BackupReason, at: PrimitiveDateTime) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(io_err(dir))?;
    let base = file_name(at, reason);
    let mut target = dir.join(&base);
    let mut n = 2;
    while target.exists() {
        target = dir.join(format!("{}-{n}{SUFFIX}", base.trim_end_matches(SUFFIX)));
        n += 1;
    }
    let tmp = dir.join(format!(
        ".{}.tmp",
        target.file_name().and_then(|n| n.to_str()).expect("names built here are UTF-8")
    ));
    let result = copy_checked(conn, &tmp).and_then(|()| {
        std::fs::rename(&tmp, &target).map_err(io_err(&target))?;
        sync_dir(dir);
        Ok(())
    });
    if result.is_err() {
        // Nothing half-written may look like a backup.
        let _ = std::fs::remove_file(&tmp);
    }
    result.map(|()| target)
}

fn copy_checked(conn: &Connection, tmp: &Path) -> Result<()> {
    if tmp.exists() {
        std::fs::remove_file(tmp).map_err(io_err(tmp))?;
    }
    let tmp_text = tmp.to_str().ok_or_else(|| StoreError::Backup {
        path: tmp.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "đường dẫn có ký tự không đọc được"),
    })?;
    conn.execute("VACUUM INTO ?1", [tmp_text])?;
    {
        let copy = Connection::open_with_flags(tmp, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        let mode: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        debug_assert_eq!(mode, "delete");
        check(&copy, tmp)?;
    }
    flush(tmp)
}

/// Forces a finished file to disk. The handle is opened for writing because
/// Windows' `FlushFileBuffers` refuses a read-only one ("Access denied").
fn flush(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new().write(true).open(path).and_then(|f| f.sync_all()).map_err(io_err(path))
}

/// Makes a rename durable (Unix: the directory entry is flushed separately).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn check(conn: &Connection, path: &Path) -> Result<()> {
    let result: String = match conn.query_row("PRAGMA quick_check", [], |r| r.get(0)) {
        Ok(s) => s,
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => e.to_string(),
        Err(e) => return Err(e.into()),
    };
    if result == "ok" {
        Ok(())
    } else {
        Err(StoreError::Damaged {
            path: path.to_owned(),
            detail: result.lines().next().unwrap_or("").to_owned(),
        })
    }
}

/// Opens a backup (or any database file) read-only and without locks, so a
/// backup on a write-protected USB drive can still be read.
fn open_read_only(path: &Path) -> Result<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
    )
    .map_err(|source| StoreError::Open { path: path.to_owned(), source })
}

/// Checks a backup and counts what it holds. A damaged file gives
/// [`StoreError::Damaged`].
pub fn inspect(path: &Path) -> Result<BackupContent> {
    let conn = open_read_only(path)?;
    check(&conn, path)?;
    let count = |table: &str| -> Result<u32> {
        let exists: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
            [table],
            |r| r.get(0),
        )?;
        if !exists {
            return Ok(0);
        }
        Ok(conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?)
    };
    Ok(BackupContent {
        staff: count("staff")?,
        certificates: count("certificate")?,
        requests: count("request")?,
        schema_version: conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
    })
}

/// Describes one backup file: counts when readable, else why not.
pub fn describe(path: &Path) -> Option<BackupInfo> {
    let name = path.file_name()?.to_str()?;
    let (at, reason) = parse_file_name(name)?;
    let size_bytes = std::fs::metadata(path).ok()?.len();
    let (content, problem) = match inspect(path) {
        Ok(c) if c.schema_version > crate::LATEST_VERSION => (
            Some(c),
            Some(
                "Bản sao lưu do phiên bản ChungThu mới hơn tạo ra; phiên bản này không khôi phục được."
                    .to_owned(),
            ),
        ),
        Ok(c) => (Some(c), None),
        Err(StoreError::Damaged { .. }) => {
            (None, Some("Bản sao lưu bị hỏng, không dùng để khôi phục được.".to_owned()))
        }
        Err(e) => (None, Some(format!("Không đọc được bản sao lưu: {e}"))),
    };
    Some(BackupInfo {
        file_name: name.to_owned(),
        taken_at: at.format(format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]")).ok()?,
        reason,
        size_bytes,
        content,
        problem,
    })
}

/// The backups in `dir`, newest first. A missing folder holds none.
pub fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    let mut items: Vec<BackupInfo> =
        backup_files(dir)?.iter().filter_map(|(path, _)| describe(path)).collect();
    items.sort_by(|a, b| b.file_name.cmp(&a.file_name));
    Ok(items)
}

/// The time and reason of each backup in `dir`, from the names alone
/// (nothing is opened: cheap enough for every start).
pub fn names(dir: &Path) -> Result<Vec<(PrimitiveDateTime, BackupReason)>> {
    Ok(backup_files(dir)?
        .iter()
        .filter_map(|(p, _)| p.file_name().and_then(|n| n.to_str()).and_then(parse_file_name))
        .collect())
}

fn backup_files(dir: &Path) -> Result<Vec<(PathBuf, PrimitiveDateTime)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_err(dir)(e)),
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if let Some((at, _)) = name.to_str().and_then(parse_file_name)
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            files.push((entry.path(), at));
        }
    }
    Ok(files)
}

/// The retention rule, as a pure function: for each backup time, whether it
/// is kept. Kept: the [`KEEP_NEWEST`] newest; the newest of each of the
/// [`KEEP_MONTHS`] calendar months ending with `now`'s month; anything dated
/// after `now` (a clock that was wrong — never guess, keep it).
pub fn retained(stamps: &[PrimitiveDateTime], now: PrimitiveDateTime) -> Vec<bool> {
    let mut order: Vec<usize> = (0..stamps.len()).collect();
    order.sort_by(|&a, &b| stamps[b].cmp(&stamps[a]));
    let mut keep = vec![false; stamps.len()];
    let month_index = |t: PrimitiveDateTime| t.year() * 12 + i32::from(u8::from(t.month())) - 1;
    let this_month = month_index(now);
    let mut months_seen = std::collections::HashSet::new();
    let mut rank = 0;
    for &i in &order {
        let t = stamps[i];
        if t > now {
            keep[i] = true;
            continue;
        }
        let age = this_month - month_index(t);
        // Newest first, so the first one met in a month is that month's newest.
        let monthly = (0..KEEP_MONTHS).contains(&age) && months_seen.insert(month_index(t));
        keep[i] = rank < KEEP_NEWEST || monthly;
        rank += 1;
    }
    keep
}

/// Deletes the backups in `dir` that the retention rule does not keep;
/// returns what was deleted. Files not named by this module are left alone,
/// and so are leftover temporary files of a copy in progress elsewhere.
pub fn prune(dir: &Path, now: PrimitiveDateTime) -> Result<Vec<PathBuf>> {
    let files = backup_files(dir)?;
    let stamps: Vec<PrimitiveDateTime> = files.iter().map(|(_, at)| *at).collect();
    let mut removed = Vec::new();
    for ((path, _), keep) in files.into_iter().zip(retained(&stamps, now)) {
        if !keep {
            std::fs::remove_file(&path).map_err(io_err(&path))?;
            removed.push(path);
        }
    }
    Ok(removed)
}

/// Copies `backup` over the live database behind `conn` with the online
/// backup API: the copy goes through SQLite's own locking and journal, so a
/// crash halfway leaves the old data, and another process holding the file
/// makes it wait (the busy timeout), then fail with [`StoreError::Busy`].
pub(crate) fn restore_into(conn: &mut Connection, backup: &Path) -> Result<()> {
    let source = open_read_only(backup)?;
    check(&source, backup)?;
    let copy = Backup::new(&source, conn)?;
    match copy.step(-1)? {
        StepResult::Done => Ok(()),
        StepResult::Busy | StepResult::Locked => Err(StoreError::Busy),
        // step(-1) copies every page in one go; More cannot happen.
        _ => Err(StoreError::Busy),
    }
}

/// Where a damaged database is moved before a backup takes its place:
/// `chungthu.damaged-2026-11-23T18-05-00.db` beside it.
pub fn damaged_name(live: &Path, at: PrimitiveDateTime) -> PathBuf {
    let stem = live.file_stem().and_then(|s| s.to_str()).unwrap_or("chungthu");
    let ext = live.extension().and_then(|s| s.to_str()).unwrap_or("db");
    let mut target = live.with_file_name(format!("{stem}.damaged-{}.{ext}", stamp(at)));
    let mut n = 2;
    while target.exists() {
        target = live.with_file_name(format!("{stem}.damaged-{}-{n}.{ext}", stamp(at)));
        n += 1;
    }
    target
}

/// Puts a backup in place of a database that cannot be opened (damaged):
/// the damaged file and its `-wal`/`-shm` companions are first moved aside
/// (never overwritten, never deleted), then the backup is copied to a
/// temporary file beside it, checked, flushed and renamed into place.
/// Returns where the damaged file went. Nothing may have the file open.
pub fn recover(live: &Path, backup: &Path, at: PrimitiveDateTime) -> Result<Option<PathBuf>> {
    let source = open_read_only(backup)?;
    check(&source, backup)?;
    let dir = live.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = live.file_name().and_then(|n| n.to_str()).unwrap_or("chungthu.db");
    let tmp = dir.join(format!(".{name}.restoring"));
    if tmp.exists() {
        std::fs::remove_file(&tmp).map_err(io_err(&tmp))?;
    }
    source.backup(rusqlite::MAIN_DB, &tmp, None::<fn(rusqlite::backup::Progress)>)?;
    drop(source);
    {
        let copy = Connection::open(&tmp)?;
        check(&copy, &tmp)?;
    }
    flush(&tmp)?;

    let moved = if live.exists() {
        let target = damaged_name(live, at);
        std::fs::rename(live, &target).map_err(io_err(live))?;
        for companion in ["-wal", "-shm", "-journal"] {
            let from = PathBuf::from(format!("{}{companion}", live.display()));
            if from.exists() {
                let to = PathBuf::from(format!("{}{companion}", target.display()));
                std::fs::rename(&from, &to).map_err(io_err(&from))?;
            }
        }
        Some(target)
    } else {
        None
    };
    std::fs::rename(&tmp, live).map_err(io_err(live))?;
    sync_dir(dir);
    Ok(moved)
}

/// The backup setting read from a database that may not open normally
/// (damaged): best effort, `None` on any failure.
pub fn chosen_dir_of_file(db: &Path) -> Option<PathBuf> {
    let conn = open_read_only(db).ok()?;
    chosen_dir(&conn).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn names_round_trip_and_foreign_names_are_ignored() {
        let at = datetime!(2026-11-23 18:05:00);
        let name = file_name(at, BackupReason::BeforeImport);
        assert_eq!(name, "chungthu-2026-11-23T18-05-00-truoc-khi-nhap.db");
        assert!(!name.contains(':'), "Windows refuses ':' in file names");
        assert_eq!(parse_file_name(&name), Some((at, BackupReason::BeforeImport)));
        assert_eq!(
            parse_file_name("chungthu-2026-11-23T18-05-00-truoc-khi-nhap-2.db"),
            Some((at, BackupReason::BeforeImport)),
            "a second backup in the same second"
        );
        for foreign in [
            "chungthu.db",
            "chungthu-2026-11-23T18-05-00-something-else.db",
            "chungthu-2026-11-23T18-05-00-truoc-khi-nhap-x.db",
            "chungthu-2026-13-23T18-05-00-thu-cong.db",
            "notes-2026-11-23T18-05-00-thu-cong.db",
            ".chungthu-2026-11-23T18-05-00-thu-cong.db.tmp",
            "chungthu-2026-11-23T18-05-00-thu-cong.db.tmp",
        ] {
            assert_eq!(parse_file_name(foreign), None, "{foreign} is not ours and must never be deleted");
        }
    }

    #[test]
    fn retention_keeps_ten_newest_and_one_per_month_for_a_year() {
        let now = datetime!(2026-11-23 18:00:00);
        let mut stamps = Vec::new();
        // Fifteen backups this month, one a day.
        for day in 1..=15u8 {
            stamps.push(PrimitiveDateTime::new(
                time::Date::from_calendar_date(2026, time::Month::November, day).unwrap(),
                time::Time::MIDNIGHT,
            ));
        }
        // Three a month for the 14 months before.
        let mut month = time::Month::October;
        let mut year = 2026;
        for _ in 0..14 {
            for day in [3u8, 12, 25] {
                stamps.push(PrimitiveDateTime::new(
                    time::Date::from_calendar_date(year, month, day).unwrap(),
                    time::Time::from_hms(9, 0, 0).unwrap(),
                ));
            }
            month = month.previous();
            if month == time::Month::December {
                year -= 1;
            }
        }
        stamps.push(datetime!(2027-01-01 00:00:00));
        let keep = retained(&stamps, now);
        let kept: Vec<PrimitiveDateTime> =
            stamps.iter().zip(&keep).filter(|(_, k)| **k).map(|(s, _)| *s).collect();
        for day in 6..=15u8 {
            let t = PrimitiveDateTime::new(
                time::Date::from_calendar_date(2026, time::Month::November, day).unwrap(),
                time::Time::MIDNIGHT,
            );
            assert!(kept.contains(&t), "the ten newest are kept ({t})");
        }
        assert!(!kept.contains(&datetime!(2026-11-05 00:00:00)), "the 11th newest of this month goes");
        assert!(kept.contains(&datetime!(2026-10-25 09:00:00)), "October's newest");
        assert!(!kept.contains(&datetime!(2026-10-12 09:00:00)), "only one per month");
        assert!(kept.contains(&datetime!(2025-12-25 09:00:00)), "the 12th month back is still kept");
        assert!(!kept.contains(&datetime!(2025-11-25 09:00:00)), "13 months back: gone");
        assert!(!kept.contains(&datetime!(2025-09-25 09:00:00)));
        assert!(
            kept.contains(&datetime!(2027-01-01 00:00:00)),
            "a future date (wrong clock) is never deleted"
        );
        // 1 future + 10 newest of November + 11 earlier months.
        assert_eq!(kept.len(), 22);
    }

    #[test]
    fn few_old_backups_are_all_kept() {
        let now = datetime!(2026-11-23 18:00:00);
        let stamps = [datetime!(2020-01-01 00:00:00), datetime!(2021-06-01 00:00:00)];
        assert_eq!(retained(&stamps, now), [true, true], "the ten newest are kept however old");
    }

    #[test]
    fn damaged_name_sits_beside_the_database() {
        let at = datetime!(2026-11-23 18:05:00);
        assert_eq!(
            damaged_name(Path::new("/data/ChungThu/chungthu.db"), at),
            Path::new("/data/ChungThu/chungthu.damaged-2026-11-23T18-05-00.db")
        );
    }
}
