//! All-or-nothing writing: temporary file in the same folder, flushed to
//! disk, then renamed over the target.

use crate::cause::Step;
use crate::error::{WriteError, folder_of};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Distinguishes temporary files of concurrent writes in one process.
static NEXT_TEMP: AtomicU32 = AtomicU32::new(0);

/// Attempts at finding a free temporary name before giving up.
const TEMP_ATTEMPTS: u32 = 100;

/// Writes `bytes` to `target`, replacing it only once the new content is
/// safely on disk. On error the target is unchanged and no temporary file is
/// left behind.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomic_with(target, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], for writers that stream into a file (`fill` gets
/// the open temporary file; it need not flush).
pub fn write_atomic_with(
    target: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), WriteError> {
    // Windows refuses to replace a read-only file (access denied, which would
    // read as "in use"); on Linux the rename would silently succeed. Checking
    // first gives the true reason and the same behaviour on both.
    if fs::metadata(target).is_ok_and(|m| m.is_file() && m.permissions().readonly()) {
        return Err(WriteError::ReadOnly { path: target.to_owned() });
    }
    let dir = folder_of(target);
    let (mut file, temp) = create_temp(&dir).map_err(|e| WriteError::from_io(Step::CreateTemp, target, e))?;
    let written = fill(&mut file).and_then(|()| file.sync_all());
    drop(file);
    let result = written
        .map_err(|e| WriteError::from_io(Step::Write, target, e))
        .and_then(|()| fs::rename(&temp, target).map_err(|e| WriteError::from_io(Step::Replace, target, e)));
    if result.is_err() {
        // Best effort: the error being reported matters more than a failure
        // to tidy up, and the name marks the file as ChungThu's leftover.
        let _ = fs::remove_file(&temp);
        return result;
    }
    sync_folder(&dir);
    Ok(())
}

/// Creates a new, empty temporary file in `dir`. The name is short so that
/// it fits wherever the target's name fits, and starts with `~` like Office's
/// own temporary files, so a leftover after a power cut is recognisable.
fn create_temp(dir: &Path) -> io::Result<(File, PathBuf)> {
    let pid = std::process::id();
    let mut last = None;
    for _ in 0..TEMP_ATTEMPTS {
        let n = NEXT_TEMP.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!("~chungthu-{pid}-{n}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists)))
}

/// Makes the rename itself durable on Linux (the folder's entry list is
/// flushed). Windows has no such call for folders; NTFS journals the rename.
/// A failure here is ignored: the new file is complete and in place.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
