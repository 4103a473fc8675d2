//! Test support shared by the mail, api and cli tests: an SMTP server on
//! 127.0.0.1 ([`smtp_server`]), and a throwaway certificate authority made
//! at test time.
#![allow(dead_code)] // Each test binary uses part of this module.

mod smtp_server;

pub use smtp_server::{ServerOptions, SmtpServer};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

/// A CA and a server certificate for 127.0.0.1 signed by it, as PEM files.
pub struct TestCa {
    pub ca_pem: Vec<u8>,
    pub cert: PathBuf,
    pub key: PathBuf,
}

impl TestCa {
    pub fn new(dir: &Path) -> TestCa {
        use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose};
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.distinguished_name.push(DnType::CommonName, "CA thử nghiệm ChungThu");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_key = KeyPair::generate().unwrap();
        let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).unwrap();
        let leaf_key = KeyPair::generate().unwrap();
        let leaf = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
            .unwrap()
            .signed_by(&leaf_key, &ca)
            .unwrap();
        let cert = dir.join("server.crt");
        let key = dir.join("server.key");
        std::fs::write(&cert, leaf.pem()).unwrap();
        std::fs::write(&key, leaf_key.serialize_pem()).unwrap();
        TestCa { ca_pem: ca.pem().into_bytes(), cert, key }
    }
}

/// A port nothing listens on right now (bound, then released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A minimal but real .docx-shaped zip (what the sniffer checks) with
/// varied bytes, so byte-identity checks mean something.
pub fn docx_bytes() -> Vec<u8> {
    let mut b = b"PK\x03\x04".to_vec();
    b.extend_from_slice(b"[Content_Types].xml word/document.xml ");
    b.extend((0..50_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    b
}

/// PDF-shaped bytes of a signed scan.
pub fn pdf_bytes() -> Vec<u8> {
    let mut b = b"%PDF-1.7\n".to_vec();
    b.extend((0..80_000u32).map(|i| (i.wrapping_mul(40_503) >> 7) as u8));
    b
}
