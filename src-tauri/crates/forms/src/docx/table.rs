//! A form's data table in Word: fixed column widths from the spec's
//! weights, a bold header row (marked to repeat on every page), cells in
//! 12 pt Times New Roman.

use super::package::HEADER_ROW_MARK;
use super::style::{self, Look, SMALL};
use crate::content::{Head, TableData};
use crate::spec::Align;
use docx_rs::{
    AlignmentType, HeightRule, Table, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType,
    WidthType,
};

/// Column widths in twips: proportional to the weights, summing exactly to
/// `width` (the last column takes the rounding rest).
pub(crate) fn column_widths(heads: &[Head], width: u32) -> Vec<usize> {
    let total: u32 = heads.iter().map(|h| u32::from(h.weight)).sum();
    let mut widths: Vec<usize> =
        heads.iter().map(|h| (u32::from(h.weight) * width / total.max(1)) as usize).collect();
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += width as usize - used;
    }
    widths
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
    }
}

fn cell(text: &str, look: Look, align: AlignmentType, width: usize, keep_next: bool) -> TableCell {
    TableCell::new()
        .add_paragraph(style::cell_text(text, look, align).keep_next(keep_next))
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// The bordered data table filling `width`.
pub(crate) fn data_table(data: &TableData, width: u32) -> Table {
    let widths = column_widths(&data.heads, width);
    let header_cells = data
        .heads
        .iter()
        .zip(&widths)
        .map(|(h, &w)| cell(h.header, Look::bold(SMALL), AlignmentType::Center, w, false))
        .collect();
    // The header row's minimum height doubles as the marker that packing
    // turns into a repeating header row (docx-rs cannot write w:tblHeader).
    let header = TableRow::new(header_cells).row_height(HEADER_ROW_MARK).height_rule(HeightRule::AtLeast);
    let mut rows = Vec::with_capacity(data.rows.len() + 1);
    rows.push(header);
    let last = data.rows.len().saturating_sub(1);
    for (i, row) in data.rows.iter().enumerate() {
        // The last row keeps with the signature block, so the block never
        // sits alone on a page without any of the list it signs.
        let keep_next = i == last;
        let cells = row
            .iter()
            .zip(&data.heads)
            .zip(&widths)
            .map(|((c, h), &w)| cell(&c.text(), Look::plain(SMALL), alignment(h.align), w, keep_next))
            .collect();
        // A row split over two pages is easy to misread (or to miss).
        rows.push(TableRow::new(cells).cant_split());
    }
    Table::new(rows)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(width as usize, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(28, 57, 28, 57))
}
