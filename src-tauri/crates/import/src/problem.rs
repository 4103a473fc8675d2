//! A problem tied to a place in the file: the model's `Problem` knows the
//! field; the user needs the row and the column as Excel shows them.

use crate::header::{ColumnMapping, MappedColumn};
use chungthu_model::{Field, Problem, Severity};
use serde::Serialize;
use ts_rs::TS;

/// One problem of one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportProblem {
    /// Row number as Excel shows it (1-based, title rows counted).
    pub row: u32,
    /// The field concerned, when the problem is about one.
    pub field: Option<Field>,
    /// The column's header as written in the file.
    pub column: Option<String>,
    /// The column's letter ("F").
    pub column_letter: Option<String>,
    /// Error (row not imported) or warning (imported, flagged).
    pub severity: Severity,
    /// Stable machine code (`cccd_length`, `cccd_duplicate`…).
    pub code: String,
    /// Vietnamese message starting with the field's label; never quotes a
    /// CCCD, birth date or phone number.
    pub message: String,
}

impl ImportProblem {
    /// Places a model problem at `row`, in the column mapped to its field.
    pub fn from_problem(problem: Problem, row: u32, mapping: &ColumnMapping) -> Self {
        let column = mapping.column_of(problem.field);
        ImportProblem::at(row, Some(problem.field), column, problem.severity, problem.code, problem.message)
    }

    /// A problem at `row` in `column`.
    pub(crate) fn at(
        row: u32,
        field: Option<Field>,
        column: Option<&MappedColumn>,
        severity: Severity,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ImportProblem {
            row,
            field,
            column: column.map(|c| c.header.clone()),
            column_letter: column.map(|c| c.letter.clone()),
            severity,
            code: code.into(),
            message: message.into(),
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for ImportProblem {
    /// "Dòng 7, cột F (Số CCCD): Số CCCD: …".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Dòng {}", self.row)?;
        if let (Some(letter), Some(column)) = (&self.column_letter, &self.column) {
            write!(f, ", cột {letter} ({column})")?;
        }
        write!(f, ": {}", self.message)
    }
}
