//! A form as plain data for an on-screen preview: the same page geometry,
//! texts, column headers, widths and cells that [`crate::build_docx`] puts in
//! the Word file, so a preview drawn from it cannot drift from the document.

use crate::content::content;
use crate::docx::blocks::{self, LEFT_SHARE_PERCENT, SIGNATURE_SPACE_LINES};
use crate::docx::style::{self, BODY, Page, RECIPIENTS, SMALL, TITLE};
use crate::docx::table::column_widths;
use crate::error::FormError;
use crate::input::{DateLine, Form, UnitInfo};
use crate::spec::{Align, Orientation};
use chungthu_model::text::clean_line;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How a column's text sits in its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CellAlign {
    /// Left-aligned text.
    Left,
    /// Centred text.
    Center,
}

/// Page geometry in twips (1/1440 inch; 1 mm ≈ 56.7 twips) and type sizes
/// in points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PageGeometry {
    /// Landscape (wider than high) or portrait.
    pub landscape: bool,
    /// Paper width.
    pub width: u32,
    /// Paper height.
    pub height: u32,
    /// Top margin.
    pub margin_top: u32,
    /// Bottom margin.
    pub margin_bottom: u32,
    /// Left (binding) margin.
    pub margin_left: u32,
    /// Right margin.
    pub margin_right: u32,
    /// Share (percent) of the text width taken by the left column of the
    /// header and of the signature block.
    pub left_share_percent: u32,
    /// Body text size (header, date line, signature).
    pub body_pt: u32,
    /// Table text size.
    pub table_pt: u32,
    /// Title size.
    pub title_pt: u32,
    /// "Nơi nhận" lines size.
    pub recipients_pt: u32,
}

/// One column of a printed table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PageColumn {
    /// Header text.
    pub header: String,
    /// Width in twips; the widths of a table add up to the text width.
    pub width: u32,
    /// Alignment of its cells.
    pub align: CellAlign,
}

/// A printed table: optional heading above it, columns and cell texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PageTable {
    /// Bold heading above the table (the e-mail request's people list).
    pub heading: Option<String>,
    /// Columns, left to right.
    pub columns: Vec<PageColumn>,
    /// Rows in document order, each cell as printed.
    pub rows: Vec<Vec<String>>,
}

/// Everything the Word document prints, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FormPage {
    /// Paper, margins and sizes.
    pub geometry: PageGeometry,
    /// Header, left: managing body (upper case).
    pub managing_body: String,
    /// Header, left: unit name (bold upper case, ruled under).
    pub unit_name: String,
    /// Header, right: the national title.
    pub national_title: String,
    /// Header, right: the motto (bold, underlined).
    pub national_motto: String,
    /// The italic place-and-date line.
    pub date_line: String,
    /// The form's title.
    pub title: String,
    /// The data tables.
    pub tables: Vec<PageTable>,
    /// "Nơi nhận:".
    pub recipients_heading: String,
    /// Recipient lines, "- Như trên;" …
    pub recipients: Vec<String>,
    /// Signer's title lines ("HIỆU TRƯỞNG", or "KT. HIỆU TRƯỞNG" / "PHÓ HIỆU TRƯỞNG").
    pub signer_titles: Vec<String>,
    /// "(Ký, ghi rõ họ tên, đóng dấu)".
    pub signature_note: String,
    /// Empty lines left for the signature and stamp.
    pub signature_space_lines: u32,
    /// The signer's name (empty: written by hand).
    pub signer_name: String,
}

/// The page of `form` as [`crate::build_docx`] prints it. Unlike the Word
/// builder it does not refuse a unit without its name (the preview shows
/// the gap; the caller reports it); an empty list is still an error.
pub fn form_page(form: &Form, unit: &UnitInfo, date: DateLine) -> Result<FormPage, FormError> {
    let content = content(form, unit)?;
    let page = Page::a4(content.layout.orientation);
    let width = page.text_width();
    let tables = content
        .tables
        .iter()
        .map(|(heading, data)| PageTable {
            heading: heading.map(str::to_owned),
            columns: data
                .heads
                .iter()
                .zip(column_widths(&data.heads, width))
                .map(|(h, w)| PageColumn {
                    header: h.header.to_owned(),
                    width: w as u32,
                    align: match h.align {
                        Align::Left => CellAlign::Left,
                        Align::Center => CellAlign::Center,
                    },
                })
                .collect(),
            rows: data.rows.iter().map(|r| r.iter().map(|c| c.text()).collect()).collect(),
        })
        .collect();
    let half_points = |size: usize| (size / 2) as u32;
    Ok(FormPage {
        geometry: PageGeometry {
            landscape: page.orientation == Orientation::Landscape,
            width: page.width,
            height: page.height,
            margin_top: style::MARGIN_TOP as u32,
            margin_bottom: style::MARGIN_BOTTOM as u32,
            margin_left: style::MARGIN_LEFT as u32,
            margin_right: style::MARGIN_RIGHT as u32,
            left_share_percent: LEFT_SHARE_PERCENT,
            body_pt: half_points(BODY),
            table_pt: half_points(SMALL),
            title_pt: half_points(TITLE),
            recipients_pt: half_points(RECIPIENTS),
        },
        managing_body: clean_line(&unit.managing_body).to_uppercase(),
        unit_name: clean_line(&unit.unit_name).to_uppercase(),
        national_title: blocks::NATIONAL_TITLE.to_owned(),
        national_motto: blocks::NATIONAL_MOTTO.to_owned(),
        date_line: blocks::date_text(&unit.place, date),
        title: content.layout.title.to_owned(),
        tables,
        recipients_heading: blocks::RECIPIENTS_HEADING.to_owned(),
        recipients: blocks::recipient_lines(&unit.recipients),
        signer_titles: blocks::signer_titles(unit.signer).iter().map(|s| (*s).to_owned()).collect(),
        signature_note: blocks::SIGNATURE_NOTE.to_owned(),
        signature_space_lines: SIGNATURE_SPACE_LINES as u32,
        signer_name: clean_line(&unit.signer_name),
    })
}
