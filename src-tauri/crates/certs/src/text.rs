//! Text inside certificates: ASN.1 string values decoded to Rust strings,
//! and bytes written as hex.

use x509_parser::asn1_rs::{Any, Class, Tag};

/// The text of a directory-string value, whatever its ASN.1 string type.
///
/// Providers are not consistent: Vietnamese is normally a UTF8String or a
/// BMPString (UTF-16), but older certificates put UTF-8 bytes in a
/// PrintableString or TeletexString. So the 8-bit types are read as UTF-8
/// when they are valid UTF-8 and as Latin-1 otherwise. `None` for values
/// that are not strings.
pub(crate) fn decode(value: &Any) -> Option<String> {
    if value.header.class() != Class::Universal {
        return None;
    }
    let data = value.data;
    match value.header.tag() {
        Tag::Utf8String => Some(String::from_utf8_lossy(data).into_owned()),
        Tag::PrintableString
        | Tag::Ia5String
        | Tag::VisibleString
        | Tag::TeletexString
        | Tag::NumericString
        | Tag::GeneralString
        | Tag::GraphicString => Some(match std::str::from_utf8(data) {
            Ok(s) => s.to_owned(),
            Err(_) => data.iter().map(|&b| char::from(b)).collect(),
        }),
        Tag::BmpString => {
            let units = data.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]]));
            Some(char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect())
        }
        Tag::UniversalString => Some(
            data.chunks_exact(4)
                .map(|c| {
                    char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]]))
                        .unwrap_or(char::REPLACEMENT_CHARACTER)
                })
                .collect(),
        ),
        _ => None,
    }
}

/// Upper-case hex without separators, as certificate tools show serials
/// and thumbprints.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0F)]));
    }
    out
}
