//! What a file holds: unwraps PEM armour, DER, and PKCS#7 bundles into the
//! encoded certificates inside, and refuses private keys and other kinds of
//! files with the reason. Does not parse the certificates themselves.

use crate::asn1::Element;
use crate::error::{CertError, Result};
use crate::pkcs7;
use x509_parser::asn1_rs::Tag;
use x509_parser::pem::Pem;

const PEM_BEGIN: &[u8] = b"-----BEGIN ";

/// The encoded certificates in `bytes` (one for a `.cer`, several for a
/// bundle), in file order. `bytes` is known not to be blank.
pub(crate) fn certificates(bytes: &[u8]) -> Result<Vec<Vec<u8>>> {
    if find(bytes, PEM_BEGIN).is_some() {
        from_pem(bytes)
    } else if bytes.first() == Some(&0x30) {
        from_der(bytes)
    } else {
        Err(CertError::NotCertificate { looks_like: looks_like(bytes) })
    }
}

fn from_pem(bytes: &[u8]) -> Result<Vec<Vec<u8>>> {
    // Notepad saves with a byte order mark, which would hide the first
    // BEGIN line from the PEM reader.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Checked on the labels alone, before decoding, so an encrypted or
    // malformed key is still recognised as a key.
    if pem_labels(bytes).any(|label| find(label, b"PRIVATE KEY").is_some()) {
        return Err(CertError::PrivateKey);
    }
    let mut found = Vec::new();
    let mut other = None;
    for block in Pem::iter_from_buffer(bytes) {
        let block = block.map_err(|_| CertError::Damaged)?;
        match block.label.as_str() {
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => found.push(block.contents),
            "PKCS7" | "CMS" | "PKCS #7 SIGNED DATA" => {
                found.extend(pkcs7::certificates(&block.contents)?.into_iter().map(<[u8]>::to_vec));
            }
            "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => other = Some(CSR),
            "X509 CRL" => other = Some(CRL),
            _ => other = other.or(Some("một tệp PEM không chứa chứng thư số")),
        }
    }
    match (found.is_empty(), other) {
        (false, _) => Ok(found),
        (true, Some(looks_like)) => Err(CertError::NotCertificate { looks_like }),
        (true, None) => Err(CertError::Damaged),
    }
}

/// Sorts a DER SEQUENCE by its first fields: a certificate starts with a
/// SEQUENCE (tbsCertificate), a PKCS#7 ContentInfo with an OID, a PKCS#12
/// file and the private key formats with an INTEGER version.
fn from_der(bytes: &[u8]) -> Result<Vec<Vec<u8>>> {
    let outer = Element::first(bytes)?;
    let mut fields = outer.children();
    let first = fields.next().ok_or(CertError::Damaged)??;
    let second = fields.next().transpose()?;
    if first.is(Tag::Sequence) {
        if second.is_some_and(|s| s.is(Tag::OctetString)) {
            // EncryptedPrivateKeyInfo: algorithm, then the encrypted key.
            return Err(CertError::PrivateKey);
        }
        Ok(vec![outer.raw.to_vec()])
    } else if first.is(Tag::Oid) {
        // A ContentInfo; the bundle reader checks its content type.
        Ok(pkcs7::certificates(bytes)?.into_iter().map(<[u8]>::to_vec).collect())
    } else if first.is(Tag::Integer)
        && second.is_some_and(|s| s.is(Tag::Sequence) || s.is(Tag::Integer) || s.is(Tag::OctetString))
    {
        // PKCS#12 (3, ContentInfo), PKCS#8 (0, algorithm, key), PKCS#1 RSA
        // (0, modulus…), SEC1 EC (1, key).
        Err(CertError::PrivateKey)
    } else {
        Err(CertError::NotCertificate { looks_like: UNKNOWN })
    }
}

/// What a file shaped like a certificate may be instead: a request.
pub(crate) const CSR: &str = "một yêu cầu cấp chứng thư (CSR), chưa phải chứng thư số đã cấp";
/// What a file shaped like a certificate may be instead: a revocation list.
pub(crate) const CRL: &str = "một danh sách chứng thư số bị thu hồi (CRL)";
/// What a file of no recognisable kind is called.
const UNKNOWN: &str = "dữ liệu không rõ loại";

/// A guess at what a non-certificate file is, for the error message.
fn looks_like(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"PK\x03\x04") {
        "tài liệu Word/Excel hoặc tệp nén (.docx, .xlsx, .zip)"
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "tài liệu Word/Excel đời cũ (.doc, .xls)"
    } else if bytes.starts_with(b"%PDF") {
        "tệp PDF"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) || bytes.starts_with(b"\x89PNG") {
        "một ảnh"
    } else if std::str::from_utf8(bytes).is_ok() {
        "một tệp văn bản"
    } else {
        UNKNOWN
    }
}

/// The labels of the `-----BEGIN label-----` lines.
fn pem_labels(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        let at = find(rest, PEM_BEGIN)?;
        let after = &rest[at + PEM_BEGIN.len()..];
        let end = find(after, b"-----").unwrap_or(after.len());
        rest = &after[end..];
        Some(&after[..end])
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
