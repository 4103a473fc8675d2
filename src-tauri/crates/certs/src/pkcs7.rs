//! The certificates of a PKCS#7 / CMS SignedData bundle (`.p7b`), as
//! Windows and the providers' portals export them: ContentInfo → SignedData
//! → `certificates [0]`. Signatures and CRLs in the bundle are ignored.

use crate::asn1::Element;
use crate::error::{CertError, Result};
use x509_parser::asn1_rs::Tag;

/// Content of the OID 1.2.840.113549.1.7.2 (id-signedData).
const SIGNED_DATA: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];

/// Whether a ContentInfo's content type is SignedData.
fn is_signed_data(content_type: &Element) -> bool {
    content_type.is(Tag::Oid) && content_type.any.data == SIGNED_DATA
}

/// The encoded certificates in the bundle, in file order.
pub(crate) fn certificates(content_info: &[u8]) -> Result<Vec<&[u8]>> {
    let content_info = Element::first(content_info)?;
    let mut parts = content_info.children();
    let content_type = parts.next().ok_or(CertError::Damaged)??;
    if !is_signed_data(&content_type) {
        return Err(CertError::NotCertificate {
            looks_like: "dữ liệu ký số hoặc mã hóa (PKCS#7) khác"
        });
    }
    let explicit = parts.next().ok_or(CertError::Damaged)??;
    if !explicit.is_context(0) {
        return Err(CertError::Damaged);
    }
    let signed_data = explicit.children().next().ok_or(CertError::Damaged)??;
    if !signed_data.is(Tag::Sequence) {
        return Err(CertError::Damaged);
    }
    // version, digestAlgorithms, encapContentInfo, then the optional
    // `certificates [0] IMPLICIT SET OF CertificateChoices`.
    for field in signed_data.children() {
        let field = field?;
        if field.is_context(0) {
            return field
                .children()
                // Other CertificateChoices (attribute certificates…) are tagged
                // [1]..[3]; only plain certificates are SEQUENCEs.
                .filter(|c| c.as_ref().map_or(true, |c| c.is(Tag::Sequence)))
                .map(|c| c.map(|c| c.raw))
                .collect();
        }
    }
    Ok(Vec::new())
}
