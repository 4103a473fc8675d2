//! Entry points: bytes or a file path in, [`CertFacts`] or a [`CertError`]
//! out. Total: size-guarded, and every parse failure becomes an error.

use crate::container::{self, CRL, CSR};
use crate::error::{CertError, Result};
use crate::facts::CertFacts;
use std::io::Read;
use std::path::Path;
use x509_parser::certificate::X509Certificate;
use x509_parser::certification_request::X509CertificationRequest;
use x509_parser::prelude::FromDer;
use x509_parser::revocation_list::CertificateRevocationList;

/// Largest file accepted. Certificates are a few KB and a bundle with its
/// chain rarely passes 20 KB; anything bigger is the wrong file.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// Reads a certificate from the bytes of a `.cer`/`.crt` (DER or PEM) or a
/// `.p7b` (DER or PEM). From a bundle it takes the holder's certificate,
/// not the provider's CA certificates.
pub fn read_certificate(bytes: &[u8]) -> Result<CertFacts> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(CertError::TooLarge { bytes: bytes.len() as u64 });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(CertError::Empty);
    }
    let mut encoded = Vec::new();
    for der in container::certificates(bytes)? {
        // The same certificate twice in a bundle is still one holder.
        if !encoded.contains(&der) {
            encoded.push(der);
        }
    }
    let parsed = encoded.iter().map(|der| parse(der)).collect::<Result<Vec<_>>>()?;
    let (der, cert) = end_entity(&parsed)?;
    CertFacts::new(der, cert)
}

/// Reads a certificate file; see [`read_certificate`].
pub fn read_file(path: impl AsRef<Path>) -> Result<CertFacts> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > MAX_FILE_BYTES as u64 {
        return Err(CertError::TooLarge { bytes: size });
    }
    // Read at most one byte past the limit, in case the file grew.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    read_certificate(&bytes)
}

/// One certificate and its exact encoding (trailing bytes cut off, so the
/// thumbprint is the one Windows shows).
fn parse(der: &[u8]) -> Result<(&[u8], X509Certificate<'_>)> {
    match X509Certificate::from_der(der) {
        Ok((rest, cert)) => Ok((&der[..der.len() - rest.len()], cert)),
        Err(_) if X509CertificationRequest::from_der(der).is_ok() => {
            Err(CertError::NotCertificate { looks_like: CSR })
        }
        Err(_) if CertificateRevocationList::from_der(der).is_ok() => {
            Err(CertError::NotCertificate { looks_like: CRL })
        }
        Err(_) => Err(CertError::Damaged),
    }
}

/// The holder's certificate. A single certificate is taken as it is (the
/// caller sees `is_ca`); in a bundle it is the one that is not a CA, not
/// self-issued and not the issuer of another certificate of the bundle.
fn end_entity<'a, 'b>(
    certs: &'b [(&'a [u8], X509Certificate<'a>)],
) -> Result<&'b (&'a [u8], X509Certificate<'a>)> {
    if let [only] = certs {
        return Ok(only);
    }
    let issues_another = |i: usize, cert: &X509Certificate| {
        certs
            .iter()
            .enumerate()
            .any(|(j, (_, other))| j != i && other.issuer().as_raw() == cert.subject().as_raw())
    };
    let holders: Vec<_> = certs
        .iter()
        .enumerate()
        .filter(|(i, (_, cert))| {
            !cert.is_ca() && cert.subject().as_raw() != cert.issuer().as_raw() && !issues_another(*i, cert)
        })
        .map(|(_, c)| c)
        .collect();
    match holders.as_slice() {
        [holder] => Ok(holder),
        [] => Err(CertError::NoEndEntity),
        _ => Err(CertError::SeveralEndEntities { count: holders.len() }),
    }
}
