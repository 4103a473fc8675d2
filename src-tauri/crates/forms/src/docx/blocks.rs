//! The fixed parts around a form's table (Decree 30/2020/NĐ-CP): the
//! two-column header, the place-and-date line, the title, the page-number
//! header, and the "Nơi nhận" + signature block.

use super::style::{self, BODY, Look, RECIPIENTS, SMALL, TITLE};
use crate::input::{DateLine, Signer, UnitInfo};
use chungthu_model::VnDate;
use chungthu_model::text::clean_line;
use docx_rs::{
    AlignmentType, BorderType, FieldCharType, Header, InstrPAGE, InstrText, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, Table, TableCell, TableLayoutType, TableRow, VAlignType,
    WidthType,
};

/// The national title and motto on the right of the header.
pub(crate) const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub(crate) const NATIONAL_MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// The line under the signer's title.
pub(crate) const SIGNATURE_NOTE: &str = "(Ký, ghi rõ họ tên, đóng dấu)";
/// The heading of the recipients list.
pub(crate) const RECIPIENTS_HEADING: &str = "Nơi nhận:";

/// Share of the text width taken by the left column of the header and of
/// the signature block.
pub(crate) const LEFT_SHARE_PERCENT: u32 = 42;

/// Two cell widths, left and right, filling `width`.
fn split(width: u32) -> (usize, usize) {
    let left = width * LEFT_SHARE_PERCENT / 100;
    (left as usize, (width - left) as usize)
}

/// A borderless table of one row (shaped by `row`) and two cells with fixed
/// widths.
fn two_columns(width: u32, left: TableCell, right: TableCell, row: fn(TableRow) -> TableRow) -> Table {
    let (lw, rw) = split(width);
    let cells = vec![left.width(lw, WidthType::Dxa), right.width(rw, WidthType::Dxa)];
    Table::without_borders(vec![row(TableRow::new(cells))])
        .set_grid(vec![lw, rw])
        .layout(TableLayoutType::Fixed)
        .width(width as usize, WidthType::Dxa)
        .margins(docx_rs::TableCellMargins::new().margin(0, 57, 0, 57))
}

/// Left: managing body (upper case) and UNIT NAME (bold upper case) with a
/// short rule under it; right: the national title and motto.
pub(crate) fn national_header(unit: &UnitInfo, width: u32) -> Table {
    let center = AlignmentType::Center;
    let (left_width, _) = split(width);
    // The rule is a third of the column, centred: a top border on an empty
    // paragraph indented from both sides.
    let rule_indent = (left_width / 3) as i32;
    let mut rule = style::paragraph(Look::plain(8), center)
        .indent(Some(rule_indent), None, Some(rule_indent), None)
        .line_spacing(style::spacing(80, 0));
    // `set_border` alone would start from docx-rs's default box of four borders.
    let top = ParagraphBorder::new(ParagraphBorderPosition::Top).val(BorderType::Single).size(6).space(1);
    rule.property = rule.property.set_borders(ParagraphBorders::with_empty().set(top));
    let left = TableCell::new()
        .add_paragraph(style::text(
            &clean_line(&unit.managing_body).to_uppercase(),
            Look::plain(BODY),
            center,
        ))
        .add_paragraph(style::text(&clean_line(&unit.unit_name).to_uppercase(), Look::bold(BODY), center))
        .add_paragraph(rule);
    let motto = Look { underline: true, ..Look::bold(BODY) };
    let right = TableCell::new()
        .add_paragraph(style::text(NATIONAL_TITLE, Look::bold(SMALL), center))
        .add_paragraph(style::text(NATIONAL_MOTTO, motto, center));
    two_columns(width, left, right, |row| row)
}

/// "Hải Phòng, ngày 05 tháng 02 năm 2026": the decree writes days below 10
/// and the months January and February with a leading zero.
pub(crate) fn date_text(place: &str, date: DateLine) -> String {
    let place = clean_line(place);
    match date {
        DateLine::Today(d) => {
            let place = if place.is_empty() { "…………".to_owned() } else { place };
            format!("{place}, ngày {:02} tháng {} năm {}", d.date().day(), month(d), d.year())
        }
        DateLine::Blank => "…………, ngày …… tháng …… năm ……".to_owned(),
    }
}

fn month(d: VnDate) -> String {
    let m = u8::from(d.date().month());
    if m < 3 { format!("{m:02}") } else { m.to_string() }
}

/// The italic place-and-date line, right-aligned under the header.
pub(crate) fn date_line(place: &str, date: DateLine) -> Paragraph {
    style::text(&date_text(place, date), Look::italic(BODY), AlignmentType::Right)
        .line_spacing(style::spacing(120, 0))
}

/// A bold centred title kept on the page of what follows it.
pub(crate) fn title(text: &str, size: usize, before: u32) -> Paragraph {
    style::text(text, Look::bold(size), AlignmentType::Center)
        .line_spacing(style::spacing(before, 120))
        .keep_next(true)
}

/// The form's title under the date line.
pub(crate) fn form_title(text: &str) -> Paragraph {
    title(text, TITLE, 360)
}

/// Page numbers: top centre from page 2 on; the first page's header is
/// empty (the decree numbers pages from the second).
pub(crate) fn page_number_headers() -> (Header, Header) {
    let look = Look::plain(BODY);
    let number = Run::new()
        .fonts(style::fonts())
        .size(look.size)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("2")
        .add_field_char(FieldCharType::End, false);
    let header = Header::new().add_paragraph(style::paragraph(look, AlignmentType::Center).add_run(number));
    let first = Header::new().add_paragraph(style::paragraph(look, AlignmentType::Center));
    (header, first)
}

/// "Nơi nhận" lines: given lines (or the usual two), each "- X;" and the
/// last "- X.".
pub(crate) fn recipient_lines(recipients: &[String]) -> Vec<String> {
    let cleaned: Vec<String> = recipients
        .iter()
        .map(|r| {
            clean_line(r)
                .trim_start_matches(['-', '–', ' '])
                .trim_end_matches([';', '.', ',', ' '])
                .to_owned()
        })
        .filter(|r| !r.is_empty())
        .collect();
    let lines =
        if cleaned.is_empty() { vec!["Như trên".to_owned(), "Lưu: VT".to_owned()] } else { cleaned };
    let last = lines.len() - 1;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| format!("- {l}{}", if i == last { "." } else { ";" }))
        .collect()
}

/// The signer's title lines.
pub(crate) fn signer_titles(signer: Signer) -> &'static [&'static str] {
    match signer {
        Signer::Principal => &["HIỆU TRƯỞNG"],
        Signer::Deputy => &["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"],
    }
}

/// Blank lines left for the signature and the stamp.
pub(crate) const SIGNATURE_SPACE_LINES: usize = 4;

/// "Nơi nhận" on the left and the signature block on the right, in one
/// row that cannot split across pages.
pub(crate) fn signature_block(unit: &UnitInfo, width: u32) -> Table {
    let left_align = AlignmentType::Left;
    let mut left = TableCell::new().add_paragraph(style::text(
        RECIPIENTS_HEADING,
        Look { bold: true, ..Look::italic(SMALL) },
        left_align,
    ));
    for line in recipient_lines(&unit.recipients) {
        left = left.add_paragraph(style::text(&line, Look::plain(RECIPIENTS), left_align));
    }
    let center = AlignmentType::Center;
    let mut right = TableCell::new();
    for t in signer_titles(unit.signer) {
        right = right.add_paragraph(style::text(t, Look::bold(BODY), center));
    }
    right = right.add_paragraph(style::text(SIGNATURE_NOTE, Look::italic(BODY), center));
    for _ in 0..SIGNATURE_SPACE_LINES {
        right = right.add_paragraph(style::paragraph(Look::plain(BODY), center));
    }
    right = right.add_paragraph(style::text(&clean_line(&unit.signer_name), Look::bold(BODY), center));
    let (left, right) = (left.vertical_align(VAlignType::Top), right.vertical_align(VAlignType::Top));
    two_columns(width, left, right, TableRow::cant_split)
}

/// An empty line between the table and the signature block, kept with the
/// block so that the block never starts a page alone with no space above.
pub(crate) fn before_signature() -> Paragraph {
    style::paragraph(Look::plain(BODY), AlignmentType::Left)
        .line_spacing(style::spacing(0, 0))
        .keep_next(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_line_follows_the_decree() {
        let d = VnDate::from_ymd(2026, 11, 23).unwrap();
        assert_eq!(date_text("Hải Phòng", DateLine::Today(d)), "Hải Phòng, ngày 23 tháng 11 năm 2026");
        let d = VnDate::from_ymd(2026, 2, 5).unwrap();
        assert_eq!(date_text(" Hải  Phòng ", DateLine::Today(d)), "Hải Phòng, ngày 05 tháng 02 năm 2026");
        let d = VnDate::from_ymd(2026, 3, 5).unwrap();
        assert_eq!(date_text("Hải Phòng", DateLine::Today(d)), "Hải Phòng, ngày 05 tháng 3 năm 2026");
        assert_eq!(date_text("Hải Phòng", DateLine::Blank), "…………, ngày …… tháng …… năm ……");
    }

    #[test]
    fn recipients_get_dashes_and_final_full_stop() {
        assert_eq!(recipient_lines(&[]), ["- Như trên;", "- Lưu: VT."]);
        let given = ["Sở GDĐT;".to_owned(), "- Lưu: VT, VP.".to_owned(), "  ".to_owned()];
        assert_eq!(recipient_lines(&given), ["- Sở GDĐT;", "- Lưu: VT, VP."]);
    }
}
