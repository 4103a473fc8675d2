//! Builds a form as a Word document: page set-up, header, date line,
//! title, table(s), "Nơi nhận" and signature, then packing.

pub(crate) mod blocks;
mod package;
mod schema;
pub(crate) mod style;
pub(crate) mod table;

use crate::content::content;
use crate::error::FormError;
use crate::input::{DateLine, Form, UnitInfo};
use crate::spec::Orientation;
use chungthu_model::text::clean_line;
use docx_rs::{Docx, PageMargin, PageOrientationType};
use std::io::Cursor;
use style::{BODY, Page, SMALL};

/// Builds the Word document of `form` for `unit`, dated by `date`.
///
/// Rows are printed in Vietnamese order by given name and numbered; every
/// text is cleaned of characters Word cannot hold. An empty list, or a unit
/// without its name or managing body, is an error.
pub fn build_docx(form: &Form, unit: &UnitInfo, date: DateLine) -> Result<Vec<u8>, FormError> {
    if clean_line(&unit.unit_name).is_empty() {
        return Err(FormError::MissingUnitField { field: "tên đơn vị" });
    }
    if clean_line(&unit.managing_body).is_empty() {
        return Err(FormError::MissingUnitField { field: "tên đơn vị quản lý" });
    }
    let content = content(form, unit)?;
    let page = Page::a4(content.layout.orientation);
    let width = page.text_width();
    let (page_header, first_page_header) = blocks::page_number_headers();

    // page_size must come before page_orient: it resets the orientation.
    let mut doc = Docx::new().page_size(page.width, page.height);
    if page.orientation == Orientation::Landscape {
        doc = doc.page_orient(PageOrientationType::Landscape);
    }
    let mut doc = doc
        .page_margin(
            PageMargin::new()
                .top(style::MARGIN_TOP)
                .bottom(style::MARGIN_BOTTOM)
                .left(style::MARGIN_LEFT)
                .right(style::MARGIN_RIGHT)
                .header(style::HEADER_DISTANCE)
                .footer(style::HEADER_DISTANCE)
                .gutter(0),
        )
        .default_fonts(style::fonts())
        .default_size(SMALL)
        .default_line_spacing(style::spacing(0, 0))
        .header(page_header)
        .first_header(first_page_header)
        .add_table(blocks::national_header(unit, width))
        .add_paragraph(blocks::date_line(&unit.place, date))
        .add_paragraph(blocks::form_title(content.layout.title));
    for (heading, data) in &content.tables {
        if let Some(heading) = heading {
            doc = doc.add_paragraph(blocks::title(heading, BODY, 240));
        }
        doc = doc.add_table(table::data_table(data, width));
    }
    doc = doc.add_paragraph(blocks::before_signature()).add_table(blocks::signature_block(unit, width));

    let mut stored = Cursor::new(Vec::new());
    doc.build().pack(&mut stored).map_err(|e| FormError::Docx(e.to_string()))?;
    package::package(stored.get_ref(), content.tables.len())
}
