//! Why a form could not be built, in Vietnamese, saying what to do.
//! Messages never include personal data (CCCD, birth dates, phones).

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    /// The list has nobody in it: an empty form must not be sent.
    #[error("Danh sách “{form}” chưa có ai. Hãy chọn ít nhất một người rồi xuất lại biểu mẫu.")]
    EmptyList {
        /// The form's title.
        form: &'static str,
    },
    /// A header field of the unit is missing.
    #[error("Chưa có {field} trong Thông tin đơn vị. Hãy nhập rồi xuất lại biểu mẫu.")]
    MissingUnitField {
        /// Which field, in Vietnamese.
        field: &'static str,
    },
    /// The Word file could not be written (a library or packing failure).
    #[error("Không tạo được tệp Word: {0}. Hãy thử lại; nếu vẫn lỗi, báo cho người hỗ trợ.")]
    Docx(String),
    /// The Excel file could not be written.
    #[error("Không tạo được tệp Excel: {0}. Hãy thử lại; nếu vẫn lỗi, báo cho người hỗ trợ.")]
    Xlsx(String),
}

/// Result of this crate.
pub type Result<T, E = FormError> = std::result::Result<T, E>;
