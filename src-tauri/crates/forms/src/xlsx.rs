//! The certificates-in-use list as an Excel workbook, with the same columns
//! as its Word form: text stays text (serials keep every digit), dates are
//! real dates shown dd/mm/yyyy, the header row is bold and frozen.

use crate::content::{Cell, table};
use crate::error::FormError;
use crate::input::CertificateRow;
use crate::spec::{self, Align};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// Sheet name (Excel allows at most 31 characters, no `/\?*[]:`).
const SHEET_NAME: &str = "Chứng thư số";

/// Builds the workbook of the certificates in use, in Vietnamese order by
/// holder name. An empty list is an error.
pub fn certificates_xlsx(rows: &[CertificateRow]) -> Result<Vec<u8>, FormError> {
    let data = table(rows, spec::CERTIFICATES, Some(|r| &r.holder_name));
    if data.rows.is_empty() {
        return Err(FormError::EmptyList { form: spec::layout(crate::FormKind::CertificatesInUse).title });
    }
    write(&data).map_err(|e| FormError::Xlsx(e.to_string()))
}

fn write(data: &crate::content::TableData) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name(SHEET_NAME)?;
    let border =
        Format::new().set_border(FormatBorder::Thin).set_font_name("Times New Roman").set_font_size(12);
    let header = border.clone().set_bold().set_align(FormatAlign::Center).set_text_wrap();
    let left = border.clone().set_text_wrap();
    let center = border.clone().set_align(FormatAlign::Center);
    let date = center.clone().set_num_format("dd/mm/yyyy");

    for (c, head) in data.heads.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, head.header, &header)?;
        // Weights are percent-like; about 1.2 characters each reads well.
        sheet.set_column_width(c, f64::from(head.weight) * 1.2)?;
    }
    for (r, row) in data.rows.iter().enumerate() {
        let r = (r + 1) as u32;
        for (c, (cell, head)) in row.iter().zip(&data.heads).enumerate() {
            let c = c as u16;
            let format = if head.align == Align::Center { &center } else { &left };
            match cell {
                Cell::Number(n) => sheet.write_number_with_format(r, c, *n as f64, format)?,
                Cell::Text(s) => sheet.write_string_with_format(r, c, s, format)?,
                Cell::Date(Some(d)) => {
                    let d = d.date();
                    let when = ExcelDateTime::from_ymd(d.year() as u16, u8::from(d.month()), d.day())?;
                    sheet.write_datetime_with_format(r, c, &when, &date)?
                }
                Cell::Date(None) => sheet.write_blank(r, c, format)?,
            };
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, data.rows.len() as u32, (data.heads.len() - 1) as u16)?;
    workbook.save_to_buffer()
}
