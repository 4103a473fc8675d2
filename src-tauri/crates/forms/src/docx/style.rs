//! Page geometry and text style of the forms (Decree 30/2020/NĐ-CP): A4,
//! margins, Times New Roman on every run, sizes. Nothing about content.

use crate::spec::Orientation;
use docx_rs::{AlignmentType, LineSpacing, Paragraph, Run, RunFonts};

/// The only typeface the decree allows.
pub(crate) const FONT: &str = "Times New Roman";
/// Body text, 13 pt (sizes are half-points).
pub(crate) const BODY: usize = 26;
/// Table text and "Nơi nhận", 12 pt; also the document default.
pub(crate) const SMALL: usize = 24;
/// Recipient lines, 11 pt.
pub(crate) const RECIPIENTS: usize = 22;
/// Form title, 14 pt.
pub(crate) const TITLE: usize = 28;

/// Margins in twips (1 mm = 56.7 twips): top and bottom 20 mm, left 30 mm
/// (binding side), right 15 mm — the decree's smallest, to widen tables.
pub(crate) const MARGIN_TOP: i32 = 1134;
pub(crate) const MARGIN_BOTTOM: i32 = 1134;
pub(crate) const MARGIN_LEFT: i32 = 1701;
pub(crate) const MARGIN_RIGHT: i32 = 851;
/// Distance of the page-number header from the top edge, 10 mm.
pub(crate) const HEADER_DISTANCE: i32 = 567;

/// A4 in twips, portrait.
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;

/// Page size of a form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page {
    pub width: u32,
    pub height: u32,
    pub orientation: Orientation,
}

impl Page {
    /// A4 in the given orientation.
    pub fn a4(orientation: Orientation) -> Self {
        let (width, height) = match orientation {
            Orientation::Portrait => (A4_SHORT, A4_LONG),
            Orientation::Landscape => (A4_LONG, A4_SHORT),
        };
        Page { width, height, orientation }
    }

    /// Width between the margins, in twips.
    pub fn text_width(self) -> u32 {
        self.width - (MARGIN_LEFT + MARGIN_RIGHT) as u32
    }
}

/// How a piece of text looks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Look {
    pub size: usize,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
}

impl Look {
    /// Plain text of the given size.
    pub const fn plain(size: usize) -> Self {
        Look { size, bold: false, italic: false, underline: false }
    }
    /// Bold text of the given size.
    pub const fn bold(size: usize) -> Self {
        Look { bold: true, ..Look::plain(size) }
    }
    /// Italic text of the given size.
    pub const fn italic(size: usize) -> Self {
        Look { italic: true, ..Look::plain(size) }
    }
}

/// Times New Roman for every script, so Word never substitutes a font for
/// Vietnamese letters (which it may treat as any of them).
pub(crate) fn fonts() -> RunFonts {
    RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT)
}

/// A run of text with the font set.
pub(crate) fn run(text: &str, look: Look) -> Run {
    let mut r = Run::new().fonts(fonts()).size(look.size);
    if look.bold {
        r = r.bold();
    }
    if look.italic {
        r = r.italic();
    }
    if look.underline {
        r = r.underline("single");
    }
    r.add_text(text)
}

/// An empty paragraph whose mark has the font and size (so its height is
/// that of the text around it) and no spacing.
pub(crate) fn paragraph(look: Look, align: AlignmentType) -> Paragraph {
    Paragraph::new().fonts(fonts()).size(look.size).align(align).line_spacing(spacing(0, 0))
}

/// A table-cell paragraph: only its run carries font and size. The
/// document defaults (table size, no spacing) cover its mark, which keeps a
/// 5,000-row table's XML a quarter smaller.
pub(crate) fn cell_text(text: &str, look: Look, align: AlignmentType) -> Paragraph {
    Paragraph::new().align(align).add_run(run(text, look))
}

/// A paragraph holding one run of text.
pub(crate) fn text(text: &str, look: Look, align: AlignmentType) -> Paragraph {
    paragraph(look, align).add_run(run(text, look))
}

/// Single line spacing with the given space before and after (twips).
pub(crate) fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after).line(240).line_rule(docx_rs::LineSpacingType::Auto)
}
