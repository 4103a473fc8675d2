//! The Vietnamese error of a failed write: what went wrong, which file or
//! folder, and what the clerk can do about it.

use crate::cause::{Cause, Os, Step, classify};
use std::io;
use std::path::{Path, PathBuf};

/// Why a file was not written. In every case the target is as it was.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target is open in Word or another program (Windows locks it).
    #[error(
        "Tệp đang mở trong Word (hoặc chương trình khác). Hãy đóng tệp rồi thử lại, hoặc lưu với tên khác. \
         Tệp: {}",
        .path.display()
    )]
    InUse {
        /// The file that could not be replaced.
        path: PathBuf,
    },
    /// The target is marked read-only.
    #[error(
        "Tệp «{}» chỉ cho phép đọc (read-only) nên không ghi đè được. Hãy lưu với tên khác, hoặc bỏ đánh \
         dấu «Chỉ đọc» (Read-only) trong Thuộc tính của tệp rồi thử lại.",
        .path.display()
    )]
    ReadOnly {
        /// The read-only file.
        path: PathBuf,
    },
    /// The folder does not let this user create files.
    #[error(
        "Không có quyền ghi vào thư mục «{}». Hãy lưu vào thư mục khác (ví dụ Tài liệu), hoặc nhờ bộ phận \
         tin học cho phép ChungThu ghi vào thư mục này.",
        .dir.display()
    )]
    FolderDenied {
        /// The folder.
        dir: PathBuf,
    },
    /// The folder does not exist (any more).
    #[error(
        "Không tìm thấy thư mục «{}» (có thể USB đã được rút ra hoặc thư mục đã đổi tên). Hãy chọn lại nơi lưu.",
        .dir.display()
    )]
    FolderMissing {
        /// The missing folder.
        dir: PathBuf,
    },
    /// No space left on the drive.
    #[error("Ổ đĩa chứa thư mục «{}» đã đầy. Hãy xoá bớt tệp không cần hoặc lưu sang ổ khác.", .dir.display())]
    DiskFull {
        /// The folder on the full drive.
        dir: PathBuf,
    },
    /// The drive refuses all writes.
    #[error(
        "Ổ đĩa chứa thư mục «{}» đang bị khoá ghi (ví dụ USB gạt lẫy khoá). Hãy mở khoá hoặc lưu sang ổ khác.",
        .dir.display()
    )]
    WriteProtected {
        /// The folder on the protected drive.
        dir: PathBuf,
    },
    /// The name or the path is too long.
    #[error(
        "Đường dẫn «{}» quá dài. Hãy lưu vào thư mục gần ổ đĩa hơn (ví dụ Tài liệu) hoặc đặt tên tệp ngắn hơn.",
        .path.display()
    )]
    NameTooLong {
        /// The path that was too long.
        path: PathBuf,
    },
    /// Any other failure, with the system's own message.
    #[error("Không ghi được tệp «{}»: {source}. Hãy thử lại hoặc lưu với tên khác.", .path.display())]
    Io {
        /// The file being written.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

impl WriteError {
    /// Turns an I/O error met at `step` while writing `target` into the
    /// error the user reads (for code that does its own writing, e.g. a
    /// database backup, and wants the same messages).
    pub fn from_io(step: Step, target: &Path, source: io::Error) -> Self {
        let path = target.to_owned();
        let dir = folder_of(target);
        match classify(step, source.kind(), source.raw_os_error(), Os::CURRENT) {
            Cause::InUse => WriteError::InUse { path },
            Cause::FolderDenied => WriteError::FolderDenied { dir },
            Cause::FolderMissing => WriteError::FolderMissing { dir },
            Cause::DiskFull => WriteError::DiskFull { dir },
            Cause::WriteProtected => WriteError::WriteProtected { dir },
            Cause::NameTooLong => WriteError::NameTooLong { path },
            Cause::Other => WriteError::Io { path, source },
        }
    }

    /// A stable code for the window and the CLI's JSON, which act on it
    /// (offer "save as" for `file_in_use`) instead of matching words.
    pub fn code(&self) -> &'static str {
        match self {
            WriteError::InUse { .. } => "file_in_use",
            WriteError::ReadOnly { .. } => "file_read_only",
            WriteError::FolderDenied { .. } => "folder_denied",
            WriteError::FolderMissing { .. } => "folder_missing",
            WriteError::DiskFull { .. } => "disk_full",
            WriteError::WriteProtected { .. } => "write_protected",
            WriteError::NameTooLong { .. } => "name_too_long",
            WriteError::Io { .. } => "file_io",
        }
    }
}

/// The folder a file goes in (`.` for a bare name).
pub(crate) fn folder_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locked_file_message_says_what_to_do() {
        let err =
            WriteError::InUse { path: PathBuf::from("Tài liệu/Danh sách đề nghị cấp CTS.docx") };
        assert_eq!(
            err.to_string(),
            "Tệp đang mở trong Word (hoặc chương trình khác). Hãy đóng tệp rồi thử lại, hoặc lưu với tên khác. \
             Tệp: Tài liệu/Danh sách đề nghị cấp CTS.docx"
        );
        assert_eq!(err.code(), "file_in_use");
    }

    #[test]
    fn io_errors_become_the_users_reason() {
        let target = Path::new("/nhà/Tài liệu/Lịch.ics");
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert!(matches!(WriteError::from_io(Step::Replace, target, denied), WriteError::InUse { .. }));
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let err = WriteError::from_io(Step::CreateTemp, target, denied);
        assert!(
            matches!(&err, WriteError::FolderDenied { dir } if dir == Path::new("/nhà/Tài liệu")),
            "{err:?}"
        );
        let other = io::Error::other("ổ mạng mất kết nối");
        let err = WriteError::from_io(Step::Write, target, other);
        assert_eq!(err.code(), "file_io");
        assert!(err.to_string().contains("ổ mạng mất kết nối"), "the system's words are kept: {err}");
        assert_eq!(folder_of(Path::new("Lịch.ics")), PathBuf::from("."));
    }
}
