//! Integration tests of chungthu-certs over the fixtures made by
//! `tests/fixtures/make_fixtures.py` (fictional CAs and people).

mod errors;
mod ics;
mod identity;
mod provider;
mod read;
mod robustness;

use std::path::PathBuf;

/// Path of a fixture file.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// Bytes of a fixture file.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// SHA-1 and SHA-256 thumbprints of a fixture certificate, as computed by
/// Python's `cryptography` when the fixtures were made.
pub fn thumbprints(stem: &str) -> (String, String) {
    let text = String::from_utf8(fixture("thumbprints.txt")).expect("thumbprints.txt is UTF-8");
    text.lines()
        .find_map(|line| {
            let mut parts = line.split(' ');
            (parts.next() == Some(stem))
                .then(|| (parts.next().expect("sha1").to_owned(), parts.next().expect("sha256").to_owned()))
        })
        .unwrap_or_else(|| panic!("no thumbprints for {stem}"))
}

/// Every fixture file, readable or not: the robustness tests cut and
/// mutate them all.
pub const ALL_FIXTURES: [&str; 18] = [
    "huong.cer",
    "huong-bundle.p7b",
    "duc.crt",
    "duc-bundle-pem.p7b",
    "lan.cer",
    "school.cer",
    "vgca-root.cer",
    "only-cas.p7b",
    "two-people.p7b",
    "truncated.cer",
    "random.cer",
    "renamed-docx.cer",
    "huong.pfx",
    "private-key.pem",
    "cert-and-key.pem",
    "request.csr",
    "empty.cer",
    "thumbprints.txt",
];
