//! A thin walk over BER/DER elements, enough to tell what a file holds and
//! to unpack a PKCS#7 bundle. Certificates themselves are parsed by
//! `x509-parser`; this module never interprets their content.

use crate::error::{CertError, Result};
use x509_parser::asn1_rs::{Any, Class, FromBer, Tag};

/// One element and the exact bytes that encode it (the bytes a thumbprint
/// is computed over).
pub(crate) struct Element<'a> {
    /// Header and content.
    pub any: Any<'a>,
    /// Tag, length and content as they appear in the file.
    pub raw: &'a [u8],
}

impl<'a> Element<'a> {
    /// The first element of `input`; anything after it is ignored.
    pub fn first(input: &'a [u8]) -> Result<Self> {
        let (rest, any) = Any::from_ber(input).map_err(|_| CertError::Damaged)?;
        let raw = input.get(..input.len() - rest.len()).ok_or(CertError::Damaged)?;
        Ok(Element { any, raw })
    }

    /// Whether this is a universal element with `tag`.
    pub fn is(&self, tag: Tag) -> bool {
        self.any.header.class() == Class::Universal && self.any.header.tag() == tag
    }

    /// Whether this is the context-specific element `[n]`.
    pub fn is_context(&self, n: u32) -> bool {
        self.any.header.class() == Class::ContextSpecific && self.any.header.tag() == Tag(n)
    }

    /// The elements inside a constructed element, one at a time.
    pub fn children(&self) -> Children<'a> {
        Children(self.any.data)
    }
}

/// Iterator over consecutive elements; stops after the first error.
pub(crate) struct Children<'a>(&'a [u8]);

impl<'a> Iterator for Children<'a> {
    type Item = Result<Element<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.0.is_empty() {
            return None;
        }
        match Element::first(self.0) {
            Ok(element) => {
                self.0 = &self.0[element.raw.len()..];
                Some(Ok(element))
            }
            Err(e) => {
                self.0 = &[];
                Some(Err(e))
            }
        }
    }
}
