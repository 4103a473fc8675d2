//! Crash safety: the `chungthu` binary is killed with SIGKILL at random
//! moments (a fixed seed, so every run tries the same delays) while it adds,
//! edits, marks people as left and imports a spreadsheet. After every kill
//! the database must open, pass `PRAGMA integrity_check`, and hold every
//! change the command reported as saved (exit 0 and the printed id); an
//! import is all or nothing.
//!
//! Unix only: SIGKILL is what a power cut or a killed process looks like to
//! SQLite; Windows' TerminateProcess is the same for the file.
#![cfg(unix)]

mod common;

use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

const TRIALS: usize = 72;
const SEED: u64 = 0x00C0_FFEE_2026_1123;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn spawn(db: &Path, args: &[String]) -> Child {
    common::chungthu(db)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chungthu")
}

/// How a command ended.
enum End {
    /// Ran to the end; `Some(stdout)` when with status 0.
    Finished(Option<Vec<u8>>),
    /// Killed before it ended.
    Killed,
}

impl End {
    fn saved(self) -> Option<Vec<u8>> {
        match self {
            End::Finished(out) => out,
            End::Killed => None,
        }
    }
}

/// Runs the command, killing it after `delay` unless it finished first.
fn run_or_kill(db: &Path, args: &[String], delay: Duration) -> End {
    let mut child = spawn(db, args);
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let out = child.wait_with_output().expect("output");
            return End::Finished(status.success().then_some(out.stdout));
        }
        if started.elapsed() >= delay {
            // SIGKILL: no destructor, no flush, no rollback — like a power cut.
            let _ = child.kill();
            let out = child.wait_with_output().expect("output");
            // It may have ended on its own between the check and the kill.
            return match out.status.code() {
                Some(0) => End::Finished(Some(out.stdout)),
                Some(_) => End::Finished(None),
                None => End::Killed,
            };
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn check_opens(db: &Path, trial: usize) -> Connection {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE).expect("the database opens");
    let check: String =
        c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("integrity_check runs");
    assert_eq!(check, "ok", "trial {trial}: integrity_check");
    c
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../import/tests/fixtures/export_clean.xlsx")
}

/// What the test knows was saved about one person.
#[derive(Default)]
struct Known {
    /// Notes values tried, in order, and whether each was reported saved.
    notes: Vec<(String, bool)>,
    left_confirmed: bool,
}

#[test]
fn killed_at_random_moments_the_database_stays_whole_and_keeps_what_was_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    let mut rng = Rng(SEED);

    let first = run_or_kill(
        &db,
        &args(&["staff", "add", "--name", "Nguyễn Văn An", "--json"]),
        Duration::from_secs(30),
    )
    .saved()
    .expect("an uninterrupted add succeeds");
    let first_id = serde_json::from_slice::<Value>(&first).unwrap()["id"].as_i64().unwrap();
    // How long a whole command takes here; kills are drawn in 0..2× that.
    // The estimate then follows the machine (a kill stretches it, a finished
    // command shrinks it), so about half the commands are cut short however
    // busy the machine is, and half report a change to check.
    let t = Instant::now();
    let edit = ["staff", "edit", &first_id.to_string(), "--notes", "đo thời gian"].map(String::from);
    run_or_kill(&db, &edit, Duration::from_secs(30)).saved().expect("an uninterrupted edit succeeds");
    let mut span = t.elapsed();
    let whole = run_or_kill(
        &dir.path().join("nhap-tron-ven.db"),
        &args(&["staff", "import", fixture().to_str().unwrap(), "--json"]),
        Duration::from_secs(30),
    )
    .saved()
    .expect("an uninterrupted import succeeds");
    let whole = serde_json::from_slice::<Value>(&whole).unwrap()["added"].as_u64().unwrap();
    assert!(whole > 1, "the fixture holds several people");

    let mut known: BTreeMap<i64, Known> = BTreeMap::from([(first_id, Known::default())]);
    let mut confirmed_adds = vec![(first_id, "Nguyễn Văn An".to_owned())];
    let mut kills = 0;
    let mut import_trials = 0;
    let given = ["Hương", "Bình", "Lan", "Đức", "Thảo", "Minh", "Ngọc", "Tùng"];
    let started = Instant::now();

    for trial in 0..TRIALS {
        let delay = span.mul_f64(rng.below(2000) as f64 / 1000.0);
        let kills_before = kills;
        let ids: Vec<i64> = known.keys().copied().collect();
        let target = ids[rng.below(ids.len() as u64) as usize];
        match rng.below(10) {
            0..=3 => {
                let name = format!("Trần Thị {}", given[trial % given.len()]);
                let end = run_or_kill(&db, &args(&["staff", "add", "--name", &name, "--json"]), delay);
                kills += usize::from(matches!(end, End::Killed));
                if let Some(stdout) = end.saved() {
                    let id = serde_json::from_slice::<Value>(&stdout).unwrap()["id"].as_i64().unwrap();
                    confirmed_adds.push((id, name));
                    known.entry(id).or_default();
                }
            }
            4..=7 => {
                let note = format!("lần sửa {trial}");
                let end = run_or_kill(
                    &db,
                    &args(&["staff", "edit", &target.to_string(), "--notes", &note, "--json"]),
                    delay,
                );
                kills += usize::from(matches!(end, End::Killed));
                let out = end.saved();
                known.get_mut(&target).unwrap().notes.push((note, out.is_some()));
            }
            8 => {
                let end = run_or_kill(
                    &db,
                    &args(&[
                        "staff",
                        "leave",
                        &target.to_string(),
                        "--reason",
                        "retired",
                        "--on",
                        "01/09/2026",
                    ]),
                    delay,
                );
                kills += usize::from(matches!(end, End::Killed));
                // A second "leave" of someone who left already is refused: fine.
                if end.saved().is_some() {
                    known.get_mut(&target).unwrap().left_confirmed = true;
                }
            }
            _ => {
                // An import on its own fresh database: all of it, or none.
                import_trials += 1;
                let idb = dir.path().join(format!("nhap-{trial}.db"));
                let slow = delay.mul_f64(3.0);
                let end = run_or_kill(
                    &idb,
                    &args(&["staff", "import", fixture().to_str().unwrap(), "--json"]),
                    slow,
                );
                kills += usize::from(matches!(end, End::Killed));
                let out = end.saved();
                if idb.exists() {
                    let c = check_opens(&idb, trial);
                    let n: u32 =
                        c.query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0)).unwrap_or_default();
                    if let Some(stdout) = out {
                        let report: Value = serde_json::from_slice(&stdout).unwrap();
                        assert_eq!(
                            u64::from(n),
                            report["added"].as_u64().unwrap(),
                            "trial {trial}: reported import"
                        );
                    } else {
                        assert!(
                            n == 0 || u64::from(n) == whole,
                            "trial {trial}: a killed import left {n} of {whole} people: half an import"
                        );
                    }
                }
            }
        }

        span = span.mul_f64(if kills > kills_before { 1.1 } else { 0.9 });

        let c = check_opens(&db, trial);
        for (id, name) in &confirmed_adds {
            let found: Option<String> =
                c.query_row("SELECT full_name FROM staff WHERE id = ?1", [id], |r| r.get(0)).ok();
            assert_eq!(found.as_deref(), Some(name.as_str()), "trial {trial}: reported add of {id} is there");
        }
        for (id, k) in &known {
            let (notes, status): (Option<String>, String) = c
                .query_row("SELECT notes, status FROM staff WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .unwrap();
            if let Some(last_ok) = k.notes.iter().rposition(|(_, ok)| *ok) {
                // The last confirmed edit, or a later attempt that committed
                // just before its kill — never an older value.
                let allowed: Vec<&str> = k.notes[last_ok..].iter().map(|(n, _)| n.as_str()).collect();
                assert!(
                    notes.as_deref().is_some_and(|n| allowed.contains(&n)),
                    "trial {trial}: person {id} has notes {notes:?}, expected one of {allowed:?}"
                );
            }
            if k.left_confirmed {
                assert_eq!(status, "left", "trial {trial}: reported leave of {id}");
            }
        }
    }
    let elapsed = started.elapsed();
    eprintln!(
        "{TRIALS} trials, {kills} killed mid-way, {import_trials} imports, {} adds confirmed, {elapsed:?}",
        confirmed_adds.len()
    );
    assert!(kills >= TRIALS / 5, "the delays must actually interrupt commands ({kills} kills)");
    assert!(kills <= TRIALS * 4 / 5, "…and let some finish, to check what they reported ({kills} kills)");
    assert!(elapsed < Duration::from_secs(60), "kept short: {elapsed:?}");
}
