//! Why a file could not be read at all (as opposed to a row with a problem,
//! which is an [`crate::ImportProblem`]). Messages are Vietnamese, say what is
//! wrong and what to do, and never quote a cell's value.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, ImportError>;

/// A file-level failure.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be opened or read from disk.
    #[error("Không mở được tệp ({0}); kiểm tra tệp còn đó và không bị chương trình khác khoá.")]
    Io(#[from] std::io::Error),
    /// The file is larger than the size limit.
    #[error(
        "Tệp quá lớn ({size_mb} MB, tối đa {limit_mb} MB); hãy xuất lại danh sách chỉ gồm cán bộ của trường."
    )]
    FileTooLarge {
        /// Size of the file in MB (rounded up).
        size_mb: u64,
        /// The limit in MB.
        limit_mb: u64,
    },
    /// The file is empty (0 bytes).
    #[error("Tệp rỗng (0 byte); hãy xuất lại danh sách từ CSDL ngành.")]
    EmptyFile,
    /// Not a spreadsheet (a Word document, a PDF, a picture…).
    #[error(
        "Tệp này là {what}, không phải bảng tính; hãy chọn tệp Excel (.xlsx, .xls), .ods hoặc .csv xuất từ CSDL ngành."
    )]
    NotSpreadsheet {
        /// What the file looks like, in Vietnamese ("tài liệu Word", "tệp PDF"…).
        what: &'static str,
    },
    /// A password-protected (encrypted) workbook.
    #[error(
        "Tệp Excel đang đặt mật khẩu nên không đọc được; hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại."
    )]
    Encrypted,
    /// A spreadsheet kind that is recognised but not read (e.g. `.xlsb`).
    #[error("Định dạng {what} chưa được hỗ trợ; hãy mở bằng Excel và lưu lại thành .xlsx.")]
    Unsupported {
        /// The format's name.
        what: &'static str,
    },
    /// A text file that is not UTF-8.
    #[error(
        "Tệp CSV không ở bảng mã UTF-8 nên tiếng Việt sẽ bị lỗi; trong Excel hãy chọn Lưu thành → “CSV UTF-8 (Comma delimited)”."
    )]
    CsvEncoding,
    /// The workbook is damaged or not what its content claims.
    #[error("Tệp {format} bị hỏng hoặc không đúng định dạng nên không đọc được; hãy xuất lại từ CSDL ngành.")]
    Damaged {
        /// The detected format.
        format: &'static str,
    },
    /// The reader of a format failed on an unexpected input shape.
    #[error(
        "Gặp lỗi không mong muốn khi đọc tệp {format}; hãy mở bằng Excel, lưu lại thành .xlsx rồi thử lại."
    )]
    ReaderFailed {
        /// The detected format.
        format: &'static str,
    },
    /// The workbook has no worksheet.
    #[error("Tệp không có trang tính nào.")]
    NoSheets,
    /// The sheet the user chose does not exist.
    #[error("Không có trang tính “{name}” trong tệp; hãy chọn lại trang tính.")]
    SheetNotFound {
        /// The requested name.
        name: String,
    },
    /// The sheet holds no value at all.
    #[error("Trang tính “{sheet}” không có dữ liệu; hãy chọn trang tính có danh sách cán bộ.")]
    EmptySheet {
        /// Sheet name.
        sheet: String,
    },
    /// No row in the first rows looks like a staff list header.
    #[error(
        "Không tìm thấy dòng tiêu đề của danh sách cán bộ trong {rows} dòng đầu của trang tính “{sheet}”. Cần có ít nhất cột “Họ và tên” và một trong các cột: {expected}. Hãy kiểm tra đúng tệp xuất từ CSDL ngành, hoặc chỉ định cột bằng tay."
    )]
    NoHeader {
        /// Sheet name.
        sheet: String,
        /// How many rows were searched.
        rows: u32,
        /// The expected header names, comma separated.
        expected: String,
    },
    /// More data rows than the limit.
    #[error("Trang tính có hơn {limit} dòng dữ liệu; hãy xuất lại danh sách chỉ gồm cán bộ của trường.")]
    TooManyRows {
        /// The row limit.
        limit: u32,
    },
    /// An old-format workbook declares or holds cells over an area too large
    /// to load safely (a stray cell far away, or a damaged file).
    #[error(
        "Tệp {format} có vùng ô quá lớn (khoảng {cells} ô, tối đa {limit}), thường do có ô lạc ở rất xa; hãy xoá các hàng/cột thừa hoặc lưu lại thành .xlsx rồi thử lại."
    )]
    AreaTooLarge {
        /// The detected format.
        format: &'static str,
        /// Estimated number of cells.
        cells: u64,
        /// The limit.
        limit: u64,
    },
    /// A column mapping given by the caller cannot be used.
    #[error("Cách ghép cột không dùng được: {reason}")]
    MappingInvalid {
        /// What is wrong, in Vietnamese.
        reason: String,
    },
}

impl ImportError {
    /// Stable machine code, so callers never match on message text.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Io(_) => "io",
            ImportError::FileTooLarge { .. } => "file_too_large",
            ImportError::EmptyFile => "empty_file",
            ImportError::NotSpreadsheet { .. } => "not_spreadsheet",
            ImportError::Encrypted => "encrypted",
            ImportError::Unsupported { .. } => "unsupported_format",
            ImportError::CsvEncoding => "csv_encoding",
            ImportError::Damaged { .. } => "damaged",
            ImportError::ReaderFailed { .. } => "reader_failed",
            ImportError::NoSheets => "no_sheets",
            ImportError::SheetNotFound { .. } => "sheet_not_found",
            ImportError::EmptySheet { .. } => "empty_sheet",
            ImportError::NoHeader { .. } => "no_header",
            ImportError::TooManyRows { .. } => "too_many_rows",
            ImportError::AreaTooLarge { .. } => "area_too_large",
            ImportError::MappingInvalid { .. } => "mapping_invalid",
        }
    }
}

/// Errors cross the IPC as `{code, message}`.
impl Serialize for ImportError {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ImportError", 2)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}
