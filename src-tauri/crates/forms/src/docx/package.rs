//! Packing the parts docx-rs built into the .docx file, in one pass over the
//! zip it writes: the repeating header-row patch it has no API for, the
//! fixes that make every part valid against the WordprocessingML schema
//! (what Word's own validator checks: docx-rs 0.4 writes property elements
//! out of the schema's order, an undeclared attribute and no theme), and a
//! Deflate re-zip (docx-rs stores parts uncompressed, ~40× larger).

use super::schema;
use crate::error::FormError;
use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// Minimum height (twips, 8 mm) of a data table's header row. No other row
/// in a form sets a height, so it marks the rows to repeat on each page.
pub(crate) const HEADER_ROW_MARK: f32 = 454.0;

/// The theme part. The main document part must have one (ECMA-376 Part 1,
/// 11.3.10: a document part has an implicit relationship to a theme part,
/// which Word's validator requires); its fonts are the decree's, though
/// every run names its font itself.
const THEME_PART: &str = "word/theme/theme1.xml";
const THEME: &[u8] = include_bytes!("theme1.xml");

/// Packs the stored zip `stored` (docx-rs's output, `tables` data tables)
/// into the file to write.
pub(crate) fn package(stored: &[u8], tables: usize) -> Result<Vec<u8>, FormError> {
    let mut input = ZipArchive::new(Cursor::new(stored)).map_err(zip_error)?;
    let mut output = ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 8)));
    // Level 8 makes a 5,000-row list 2 % smaller than the default 6, which
    // pays for the theme part, in ~10 ms more; 9 is slower and larger.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(8));
    let mut buffer = Vec::new();
    for i in 0..input.len() {
        let mut entry = input.by_index(i).map_err(zip_error)?;
        // OPC packages need no directory entries; Word ignores them.
        if entry.is_dir() {
            continue;
        }
        buffer.clear();
        entry.read_to_end(&mut buffer).map_err(io_error)?;
        let name = entry.name().map_err(zip_error)?.to_string();
        let part = match name.as_str() {
            "word/document.xml" => {
                let (document, header_rows) = in_schema_order(&buffer)?;
                // Another count means the marker's spelling changed with
                // docx-rs, and the form would silently lose its repeated headers.
                if header_rows != tables {
                    return Err(FormError::Docx(format!(
                        "không đánh dấu được dòng tiêu đề lặp lại ({header_rows}/{tables} bảng)"
                    )));
                }
                document
            }
            "[Content_Types].xml" => with_last_child(
                &buffer,
                BytesStart::new("Override").with_attributes([
                    ("PartName", "/word/theme/theme1.xml"),
                    ("ContentType", "application/vnd.openxmlformats-officedocument.theme+xml"),
                ]),
            )?,
            "word/_rels/document.xml.rels" => with_last_child(
                &buffer,
                BytesStart::new("Relationship").with_attributes([
                    ("Id", "rIdTheme1"),
                    ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"),
                    ("Target", "theme/theme1.xml"),
                ]),
            )?,
            n if n.starts_with("word/") && n.ends_with(".xml") => in_schema_order(&buffer)?.0,
            _ => std::mem::take(&mut buffer),
        };
        output.start_file(name, options).map_err(zip_error)?;
        output.write_all(&part).map_err(io_error)?;
    }
    output.start_file(THEME_PART, options).map_err(zip_error)?;
    output.write_all(THEME).map_err(io_error)?;
    Ok(output.finish().map_err(zip_error)?.into_inner())
}

/// `part` with the children of every element the schema orders (see
/// [`schema::child_order`]) in that order, and without what it does not
/// declare; and every row marked with [`HEADER_ROW_MARK`] repeated on each
/// page (`w:tblHeader`, which docx-rs has no API for), with their count.
/// Everything else is copied byte for byte: a 5,000-row list's
/// document.xml is 16 MB, and copying untouched spans keeps this pass a
/// small part of the build.
fn in_schema_order(part: &[u8]) -> Result<(Vec<u8>, usize), FormError> {
    let xml = std::str::from_utf8(part).map_err(|e| FormError::Docx(e.to_string()))?;
    let mut reader = Reader::from_str(xml);
    let mut pass =
        Pass { xml: part, out: Vec::with_capacity(part.len()), children: Vec::new(), moved: Vec::new() };
    // Input before this offset is in `out` already.
    let mut copied = 0;
    let mut header_rows = 0;
    loop {
        let from = position(&reader);
        match reader.read_event().map_err(xml_error)? {
            Event::Eof => break,
            Event::Start(start) if schema::child_order(start.local_name().as_ref()).is_some() => {
                pass.out.extend_from_slice(&part[copied..from]);
                pass.element(&mut reader, &start, from, "")?;
                copied = position(&reader);
            }
            Event::Start(tag) | Event::Empty(tag)
                if schema::declared_attributes(tag.local_name().as_ref()).is_some() =>
            {
                pass.out.extend_from_slice(&part[copied..from]);
                pass.tag(&tag, from, position(&reader))?;
                copied = position(&reader);
            }
            // Row properties are a choice (any order), so they come here.
            Event::Empty(tag) if tag.local_name().as_ref() == "trHeight" && is_header_mark(&tag)? => {
                pass.out.extend_from_slice(&part[copied..from]);
                pass.out.extend_from_slice(b"<w:tblHeader />");
                copied = from;
                header_rows += 1;
            }
            _ => {}
        }
    }
    pass.out.extend_from_slice(&part[copied..]);
    Ok((pass.out, header_rows))
}

/// Whether a row's height is the header row's mark.
fn is_header_mark(height: &BytesStart<'_>) -> Result<bool, FormError> {
    let value = height.try_get_attribute("w:val").map_err(|e| FormError::Docx(e.to_string()))?;
    Ok(value.is_some_and(|v| v.value.parse::<f32>() == Ok(HEADER_ROW_MARK)))
}

/// Where `reader` is in its input: the end of the last event, the start of
/// the next (no text is trimmed, so events cover the input).
fn position(reader: &Reader<&[u8]>) -> usize {
    reader.buffer_position() as usize
}

/// One part being put in schema order, with buffers reused from one
/// element to the next (a 5,000-row list has some 200,000).
struct Pass<'a> {
    /// The part as read.
    xml: &'a [u8],
    /// The part as written so far.
    out: Vec<u8>,
    /// For every element being read, outermost first: its children's rank
    /// and where each one starts and ends in `out`.
    children: Vec<(usize, usize, usize)>,
    /// An element's children while they are put back in order.
    moved: Vec<u8>,
}

impl Pass<'_> {
    /// Writes the rest of the element that `start` (at `from` in the input)
    /// opened inside an element named `parent` ("" when not known), with its
    /// children (and theirs) in schema order, and those the schema does not
    /// declare there left out.
    fn element(
        &mut self,
        reader: &mut Reader<&[u8]>,
        start: &BytesStart<'_>,
        from: usize,
        parent: &str,
    ) -> Result<(), FormError> {
        let xml = self.xml;
        let name = start.local_name();
        let order = schema::child_order(name.as_ref());
        let rank = |child: &str| order.map_or(0, |o| o.iter().position(|n| *n == child).unwrap_or(o.len()));
        self.tag(start, from, position(reader))?;
        let first = self.out.len();
        let base = self.children.len();
        loop {
            let from = position(reader);
            let event = reader.read_event().map_err(xml_error)?;
            let to = position(reader);
            let at = self.out.len();
            match event {
                Event::End(_) => {
                    self.reorder(base, first, at);
                    self.out.extend_from_slice(&xml[from..to]);
                    return Ok(());
                }
                Event::Start(child) => {
                    self.children.push((rank(child.local_name().as_ref()), at, 0));
                    self.element(reader, &child, from, name.as_ref())?;
                }
                Event::Empty(child)
                    if !schema::declares_child(parent, name.as_ref(), child.local_name().as_ref()) => {}
                Event::Empty(child) => {
                    self.children.push((rank(child.local_name().as_ref()), at, 0));
                    self.tag(&child, from, to)?;
                }
                Event::Eof => return Err(FormError::Docx("XML bị cắt cụt".to_owned())),
                // Text or a comment stays with the child before it.
                _ => {
                    if self.children.len() == base {
                        self.children.push((0, at, 0));
                    }
                    self.out.extend_from_slice(&xml[from..to]);
                }
            }
        }
    }

    /// Writes the tag at `from..to` in the input without the attributes
    /// the schema does not declare on it.
    fn tag(&mut self, tag: &BytesStart<'_>, from: usize, to: usize) -> Result<(), FormError> {
        let Some(allowed) = schema::declared_attributes(tag.local_name().as_ref()) else {
            self.out.extend_from_slice(&self.xml[from..to]);
            return Ok(());
        };
        self.out.push(b'<');
        self.out.extend_from_slice(tag.name().as_ref().as_bytes());
        for attribute in tag.attributes() {
            let attribute = attribute.map_err(|e| FormError::Docx(e.to_string()))?;
            if allowed.contains(&attribute.key.local_name().as_ref()) {
                let (key, value) = (attribute.key.as_ref(), attribute.value.as_ref());
                self.out.extend_from_slice(format!(r#" {key}="{value}""#).as_bytes());
            }
        }
        let empty = self.xml[..to].ends_with(b"/>");
        self.out.extend_from_slice(if empty { b"/>" } else { b">" });
        Ok(())
    }

    /// Sorts the children recorded from `base` on, which fill
    /// `out[first..end]`, by rank (stably: repeated children keep their
    /// order), and forgets them.
    fn reorder(&mut self, base: usize, first: usize, end: usize) {
        let mine = &mut self.children[base..];
        for i in 0..mine.len() {
            mine[i].2 = mine.get(i + 1).map_or(end, |next| next.1);
        }
        if !mine.is_sorted_by_key(|c| c.0) {
            mine.sort_by_key(|c| c.0);
            self.moved.clear();
            self.moved.extend_from_slice(&self.out[first..end]);
            self.out.truncate(first);
            for &(_, from, to) in mine.iter() {
                self.out.extend_from_slice(&self.moved[from - first..to - first]);
            }
        }
        self.children.truncate(base);
    }
}

/// `xml` with `child` added as the last child of its root element.
fn with_last_child(xml: &[u8], child: BytesStart<'_>) -> Result<Vec<u8>, FormError> {
    let xml = std::str::from_utf8(xml).map_err(|e| FormError::Docx(e.to_string()))?;
    let mut reader = Reader::from_str(xml);
    let mut writer = Writer::new(Vec::with_capacity(xml.len() + 200));
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match &event {
            Event::Eof => break,
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    writer.write_event(Event::Empty(child.borrow())).map_err(io_error)?;
                }
            }
            _ => {}
        }
        writer.write_event(event).map_err(io_error)?;
    }
    Ok(writer.into_inner())
}

fn zip_error(e: zip::result::ZipError) -> FormError {
    FormError::Docx(e.to_string())
}

fn io_error(e: std::io::Error) -> FormError {
    FormError::Docx(e.to_string())
}

fn xml_error(e: quick_xml::Error) -> FormError {
    FormError::Docx(e.to_string())
}
