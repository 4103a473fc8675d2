//! Why a write failed, decided from the error alone. Pure, so both the
//! Windows and the Unix reading of a raw OS code are tested everywhere.

use std::io::ErrorKind;

/// The operating system whose numbering a raw OS error code follows
/// (`io::Error::raw_os_error` is a `GetLastError` code on Windows and an
/// `errno` elsewhere: 32 is a sharing violation on one, a broken pipe on the
/// other).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    /// Windows: `GetLastError` codes.
    Windows,
    /// Linux and other Unix systems: `errno` values (Linux numbering).
    Unix,
}

impl Os {
    /// The system this program runs on.
    pub const CURRENT: Os = if cfg!(windows) { Os::Windows } else { Os::Unix };
}

/// What was being done when the error came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Creating the temporary file in the target's folder.
    CreateTemp,
    /// Writing and flushing the temporary file.
    Write,
    /// Renaming the temporary file over the target.
    Replace,
}

/// The reason the user is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// The target is open in Word or another program.
    InUse,
    /// The folder does not let this user create files.
    FolderDenied,
    /// The folder is gone (a USB stick pulled out, a folder renamed).
    FolderMissing,
    /// No space left (or the user's quota is used up).
    DiskFull,
    /// The drive is write-protected (a USB stick with its lock switch on).
    WriteProtected,
    /// The name or the whole path is too long.
    NameTooLong,
    /// Anything else: the OS message is shown as it is.
    Other,
}

// Windows `GetLastError` codes (winerror.h).
const WIN_ACCESS_DENIED: i32 = 5;
const WIN_WRITE_PROTECT: i32 = 19;
const WIN_SHARING_VIOLATION: i32 = 32;
const WIN_LOCK_VIOLATION: i32 = 33;
const WIN_HANDLE_DISK_FULL: i32 = 39;
const WIN_DISK_FULL: i32 = 112;
const WIN_FILENAME_EXCED_RANGE: i32 = 206;
/// A user-mapped section is open (another program memory-maps the file).
const WIN_USER_MAPPED_FILE: i32 = 1224;

// Linux `errno` values.
const EBUSY: i32 = 16;
const ETXTBSY: i32 = 26;
const ENOSPC: i32 = 28;
const EROFS: i32 = 30;
const ENAMETOOLONG: i32 = 36;
const EDQUOT: i32 = 122;

/// Decides the reason for an error met at `step`.
///
/// The raw code is read in `os`'s numbering first, because std gives
/// Windows' sharing and lock violations no specific [`ErrorKind`]. Then the
/// kind decides; "permission denied" means the target is held by another
/// program when replacing it (Word opens documents without letting others
/// delete or rename them, so Windows answers "access denied"), and a folder
/// without write permission at the earlier steps.
pub fn classify(step: Step, kind: ErrorKind, raw: Option<i32>, os: Os) -> Cause {
    let by_code = match (os, raw) {
        (Os::Windows, Some(WIN_SHARING_VIOLATION | WIN_LOCK_VIOLATION | WIN_USER_MAPPED_FILE)) => {
            Some(Cause::InUse)
        }
        (Os::Windows, Some(WIN_ACCESS_DENIED)) if step == Step::Replace => Some(Cause::InUse),
        (Os::Windows, Some(WIN_WRITE_PROTECT)) => Some(Cause::WriteProtected),
        (Os::Windows, Some(WIN_DISK_FULL | WIN_HANDLE_DISK_FULL)) => Some(Cause::DiskFull),
        (Os::Windows, Some(WIN_FILENAME_EXCED_RANGE)) => Some(Cause::NameTooLong),
        (Os::Unix, Some(EBUSY | ETXTBSY)) => Some(Cause::InUse),
        (Os::Unix, Some(ENOSPC | EDQUOT)) => Some(Cause::DiskFull),
        (Os::Unix, Some(EROFS)) => Some(Cause::WriteProtected),
        (Os::Unix, Some(ENAMETOOLONG)) => Some(Cause::NameTooLong),
        _ => None,
    };
    by_code.unwrap_or(match kind {
        ErrorKind::PermissionDenied if step == Step::Replace => Cause::InUse,
        ErrorKind::PermissionDenied => Cause::FolderDenied,
        ErrorKind::NotFound => Cause::FolderMissing,
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => Cause::DiskFull,
        ErrorKind::ReadOnlyFilesystem => Cause::WriteProtected,
        ErrorKind::InvalidFilename => Cause::NameTooLong,
        _ => Cause::Other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    fn of(step: Step, err: &io::Error, os: Os) -> Cause {
        classify(step, err.kind(), err.raw_os_error(), os)
    }

    #[test]
    fn word_holding_the_file_is_in_use_on_windows() {
        for code in [WIN_SHARING_VIOLATION, WIN_LOCK_VIOLATION, WIN_USER_MAPPED_FILE] {
            // Built on Linux, this error's kind is Linux's reading of the
            // number (32 = broken pipe); only the Windows branch may call it
            // a sharing violation.
            let err = io::Error::from_raw_os_error(code);
            for step in [Step::CreateTemp, Step::Write, Step::Replace] {
                assert_eq!(of(step, &err, Os::Windows), Cause::InUse, "code {code} at {step:?}");
            }
        }
        let denied = io::Error::from_raw_os_error(WIN_ACCESS_DENIED);
        assert_eq!(
            classify(Step::Replace, ErrorKind::PermissionDenied, Some(WIN_ACCESS_DENIED), Os::Windows),
            Cause::InUse,
            "MoveFileEx over a document Word has open answers access denied"
        );
        assert_eq!(of(Step::Replace, &denied, Os::Windows), Cause::InUse);
        assert_eq!(
            classify(Step::CreateTemp, ErrorKind::PermissionDenied, Some(WIN_ACCESS_DENIED), Os::Windows),
            Cause::FolderDenied,
            "a new temporary file cannot be held by Word: the folder refuses writes"
        );
    }

    #[test]
    fn the_same_numbers_mean_other_things_on_linux() {
        // errno 32 is EPIPE and 33 is EDOM: nothing to do with a locked file.
        // The kinds are Linux's: this test also runs on Windows, where std
        // gives these numbers Windows' kinds (5: permission denied).
        for (code, kind) in
            [(WIN_SHARING_VIOLATION, ErrorKind::BrokenPipe), (WIN_LOCK_VIOLATION, ErrorKind::Other)]
        {
            assert_eq!(classify(Step::Replace, kind, Some(code), Os::Unix), Cause::Other, "errno {code}");
        }
        // errno 5 is EIO, not "access denied".
        assert_eq!(classify(Step::Replace, ErrorKind::Other, Some(5), Os::Unix), Cause::Other);
        assert_eq!(classify(Step::Replace, ErrorKind::PermissionDenied, Some(13), Os::Unix), Cause::InUse);
        assert_eq!(
            classify(Step::CreateTemp, ErrorKind::PermissionDenied, Some(13), Os::Unix),
            Cause::FolderDenied
        );
        assert_eq!(classify(Step::Replace, ErrorKind::ResourceBusy, Some(EBUSY), Os::Unix), Cause::InUse);
    }

    #[test]
    fn disks_and_names() {
        assert_eq!(
            classify(Step::Write, ErrorKind::Other, Some(WIN_DISK_FULL), Os::Windows),
            Cause::DiskFull
        );
        assert_eq!(
            classify(Step::Write, ErrorKind::Other, Some(WIN_HANDLE_DISK_FULL), Os::Windows),
            Cause::DiskFull
        );
        assert_eq!(classify(Step::Write, ErrorKind::StorageFull, Some(ENOSPC), Os::Unix), Cause::DiskFull);
        assert_eq!(classify(Step::Write, ErrorKind::QuotaExceeded, Some(EDQUOT), Os::Unix), Cause::DiskFull);
        assert_eq!(
            classify(Step::CreateTemp, ErrorKind::Other, Some(WIN_WRITE_PROTECT), Os::Windows),
            Cause::WriteProtected
        );
        assert_eq!(
            classify(Step::CreateTemp, ErrorKind::ReadOnlyFilesystem, Some(EROFS), Os::Unix),
            Cause::WriteProtected
        );
        assert_eq!(
            classify(
                Step::CreateTemp,
                ErrorKind::InvalidFilename,
                Some(WIN_FILENAME_EXCED_RANGE),
                Os::Windows
            ),
            Cause::NameTooLong
        );
        assert_eq!(
            classify(Step::Replace, ErrorKind::InvalidFilename, Some(ENAMETOOLONG), Os::Unix),
            Cause::NameTooLong
        );
        // ERROR_PATH_NOT_FOUND (3) and ENOENT (2) both read as NotFound.
        assert_eq!(
            classify(Step::CreateTemp, ErrorKind::NotFound, Some(3), Os::Windows),
            Cause::FolderMissing
        );
        assert_eq!(classify(Step::CreateTemp, ErrorKind::NotFound, Some(2), Os::Unix), Cause::FolderMissing);
        assert_eq!(classify(Step::Write, ErrorKind::Interrupted, None, Os::CURRENT), Cause::Other);
    }
}
