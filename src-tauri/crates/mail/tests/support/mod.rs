//! Test support shared by the mail and api tests: the vendored SMTP server
//! (`tests/smtp_server.py`, standard library only) on 127.0.0.1, and a
//! throwaway certificate authority made at test time.
#![allow(dead_code)] // Each test binary uses part of this module.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

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

/// How the test server behaves.
#[derive(Default, Clone)]
pub struct ServerOptions {
    /// Fixed port (0: any free port).
    pub port: u16,
    /// Offer STARTTLS with this certificate and key.
    pub tls: Option<(PathBuf, PathBuf)>,
    /// Speak TLS from the first byte (needs `tls`).
    pub implicit_tls: bool,
    /// Require this login.
    pub login: Option<(String, String)>,
    /// Recipients refused with 550.
    pub refuse: Vec<String>,
    /// Recipients deferred with 451.
    pub defer: Vec<String>,
}

/// A running test server; killed when dropped.
pub struct SmtpServer {
    child: Child,
    pub port: u16,
    pub dir: PathBuf,
}

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../mail/tests/smtp_server.py")
}

impl SmtpServer {
    /// Starts the server; messages land in `dir`.
    pub fn start(dir: &Path, o: &ServerOptions) -> SmtpServer {
        std::fs::create_dir_all(dir).unwrap();
        let mut cmd = Command::new("python3");
        cmd.arg(script()).arg("--port").arg(o.port.to_string()).arg("--dir").arg(dir);
        if let Some((cert, key)) = &o.tls {
            cmd.arg("--cert").arg(cert).arg("--key").arg(key);
        }
        if o.implicit_tls {
            cmd.arg("--implicit-tls");
        }
        if let Some((user, password)) = &o.login {
            cmd.arg("--user").arg(user).arg("--password").arg(password);
        }
        for r in &o.refuse {
            cmd.arg("--refuse").arg(r);
        }
        for r in &o.defer {
            cmd.arg("--defer").arg(r);
        }
        let mut child = cmd.stdout(Stdio::piped()).spawn().expect("python3 runs the test SMTP server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let port = line.trim().strip_prefix("READY ").and_then(|p| p.parse().ok()).unwrap_or_else(|| {
            let _ = child.kill();
            panic!("the test SMTP server did not start: {line:?}")
        });
        SmtpServer { child, port, dir: dir.to_owned() }
    }

    /// The raw messages received so far, in order.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        names.sort();
        names.iter().map(|p| std::fs::read(p).unwrap()).collect()
    }

    /// Waits (a little) until `n` messages have arrived.
    pub fn wait_for(&self, n: usize) -> Vec<Vec<u8>> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let got = self.messages();
            if got.len() >= n || Instant::now() > deadline {
                return got;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
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
