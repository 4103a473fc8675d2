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

/// How docx-rs writes the marked row's properties.
const MARKED_ROW: &str = r#"<w:trPr><w:trHeight w:val="454" w:hRule="atLeast" />"#;
/// The same with the repeat flag (CT_TrPrBase is a choice, any order).
const REPEATED_ROW: &str = r#"<w:trPr><w:tblHeader /><w:trHeight w:val="454" w:hRule="atLeast" />"#;

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
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
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
            "word/document.xml" => in_schema_order(&repeat_header_rows(&buffer, tables)?)?,
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
            n if n.starts_with("word/") && n.ends_with(".xml") => in_schema_order(&buffer)?,
            _ => std::mem::take(&mut buffer),
        };
        output.start_file(name, options).map_err(zip_error)?;
        output.write_all(&part).map_err(io_error)?;
    }
    output.start_file(THEME_PART, options).map_err(zip_error)?;
    output.write_all(THEME).map_err(io_error)?;
    Ok(output.finish().map_err(zip_error)?.into_inner())
}

/// Turns every marked row of `document.xml` into a repeating header row.
/// `expected` is the number of data tables: a different count means the
/// marker's spelling changed with docx-rs, and the form would silently lose
/// its repeated headers.
fn repeat_header_rows(document: &[u8], expected: usize) -> Result<Vec<u8>, FormError> {
    let xml = std::str::from_utf8(document).map_err(|e| FormError::Docx(e.to_string()))?;
    let found = xml.matches(MARKED_ROW).count();
    if found != expected {
        return Err(FormError::Docx(format!(
            "không đánh dấu được dòng tiêu đề lặp lại ({found}/{expected} bảng)"
        )));
    }
    Ok(xml.replace(MARKED_ROW, REPEATED_ROW).into_bytes())
}

/// `part` with the children of every element the schema orders (see
/// [`schema::child_order`]) in that order, and without the attributes it
/// does not declare. Everything else is copied as it is.
fn in_schema_order(part: &[u8]) -> Result<Vec<u8>, FormError> {
    let xml = std::str::from_utf8(part).map_err(|e| FormError::Docx(e.to_string()))?;
    let mut reader = Reader::from_str(xml);
    let mut writer = Writer::new(Vec::with_capacity(part.len()));
    let mut events = Vec::new();
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Eof => break,
            Event::Start(start) if schema::child_order(start.local_name().as_ref()).is_some() => {
                element(&mut reader, start, "", &mut events)?;
                for event in events.drain(..) {
                    writer.write_event(event).map_err(io_error)?;
                }
            }
            Event::Start(start) => writer.write_event(Event::Start(declared(start)?)).map_err(io_error)?,
            Event::Empty(empty) => writer.write_event(Event::Empty(declared(empty)?)).map_err(io_error)?,
            event => writer.write_event(event).map_err(io_error)?,
        }
    }
    Ok(writer.into_inner())
}

/// Reads the rest of the element that `start` opened (inside an element
/// named `parent`, "" when not known) and appends its events to `out`, with
/// its children (and theirs) in schema order and those the schema does not
/// declare there left out.
fn element<'a>(
    reader: &mut Reader<&'a [u8]>,
    start: BytesStart<'a>,
    parent: &str,
    out: &mut Vec<Event<'a>>,
) -> Result<(), FormError> {
    let name = start.local_name().as_ref().to_owned();
    let order = schema::child_order(&name);
    let rank = |name: &str| order.map_or(0, |o| o.iter().position(|n| *n == name).unwrap_or(o.len()));
    out.push(Event::Start(declared(start)?));
    let first = out.len();
    // Each child's rank and where its events start in `out`.
    let mut children: Vec<(usize, usize)> = Vec::new();
    loop {
        let at = out.len();
        match reader.read_event().map_err(xml_error)? {
            Event::End(end) => {
                if !children.is_sorted_by_key(|c| c.0) {
                    // A stable sort keeps repeated children in their order.
                    let ends: Vec<usize> = children.iter().skip(1).map(|c| c.1).chain([at]).collect();
                    let mut spans: Vec<_> =
                        children.iter().zip(ends).map(|(c, end)| (c.0, c.1..end)).collect();
                    spans.sort_by_key(|s| s.0);
                    let tail = out.split_off(first);
                    for (_, span) in spans {
                        out.extend_from_slice(&tail[span.start - first..span.end - first]);
                    }
                }
                out.push(Event::End(end));
                return Ok(());
            }
            Event::Start(child) => {
                children.push((rank(child.local_name().as_ref()), at));
                element(reader, child, &name, out)?;
            }
            Event::Empty(child) if !schema::declares_child(parent, &name, child.local_name().as_ref()) => {}
            Event::Empty(child) => {
                children.push((rank(child.local_name().as_ref()), at));
                out.push(Event::Empty(declared(child)?));
            }
            Event::Eof => return Err(FormError::Docx("XML bị cắt cụt".to_owned())),
            // Text or a comment stays with the child before it.
            event => {
                if children.is_empty() {
                    children.push((0, at));
                }
                out.push(event);
            }
        }
    }
}

/// `tag` without the attributes the schema does not declare on it.
fn declared(tag: BytesStart<'_>) -> Result<BytesStart<'_>, FormError> {
    let Some(allowed) = schema::declared_attributes(tag.local_name().as_ref()) else {
        return Ok(tag);
    };
    let mut kept = BytesStart::new(tag.name().as_ref().to_owned());
    for attribute in tag.attributes() {
        let attribute = attribute.map_err(|e| FormError::Docx(e.to_string()))?;
        if allowed.contains(&attribute.key.local_name().as_ref()) {
            kept.push_attribute(attribute);
        }
    }
    Ok(kept)
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
