//! Total on any input: cut and mutated fixtures give `Ok` with clean facts
//! or `Err` with one of the reader's codes, never a panic. A later fuzzer
//! feeds the same entry point.

use crate::{ALL_FIXTURES, fixture};
use chungthu_certs::read_certificate;

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn every_prefix_of_every_fixture() {
    for name in ALL_FIXTURES {
        let bytes = fixture(name);
        for len in 0..bytes.len() {
            let result = read_certificate(&bytes[..len]);
            // A cut DER certificate must never pass for a whole one.
            if name.ends_with(".cer") || name.ends_with(".p7b") && !name.contains("pem") {
                assert!(result.is_err(), "{name} cut to {len} bytes was accepted");
            }
        }
    }
}

/// What a reader may refuse a (small) mutated file with: never an I/O or
/// size error, never a code the window does not know.
const REFUSALS: [&str; 6] = [
    "cert_empty",
    "cert_not_certificate",
    "cert_damaged",
    "cert_private_key",
    "cert_no_end_entity",
    "cert_several_end_entities",
];

/// What a read that succeeds must give whatever the bytes: a serial in
/// upper-case hex, names without control characters.
fn assert_clean(facts: &chungthu_certs::CertFacts, what: &str) {
    let hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b));
    assert!(hex(&facts.serial_hex), "{what}: serial {:?}", facts.serial_hex);
    assert!(hex(&facts.sha256_hex) && facts.sha256_hex.len() == 64, "{what}: sha256 {:?}", facts.sha256_hex);
    for text in [&facts.subject_name, &facts.issuer_name] {
        assert!(!text.chars().any(char::is_control), "{what}: control character in {text:?}");
    }
}

#[test]
fn thousands_of_mutations() {
    let mut rng = Rng(0x00C0_FFEE_2026_0305);
    let mut accepted = 0;
    let mut refused = 0;
    for name in ALL_FIXTURES {
        let original = fixture(name);
        let der = name.ends_with(".cer") || name.ends_with(".p7b") && !name.contains("pem");
        for round in 0..250 {
            let mut bytes = original.clone();
            let mut only_cut = true;
            for _ in 0..=rng.below(4) {
                let at = rng.below(bytes.len().max(1));
                match rng.below(5) {
                    0 if !bytes.is_empty() => bytes[at] ^= 1 << rng.below(8),
                    1 if !bytes.is_empty() => bytes[at] = 0xFF, // huge lengths
                    2 if !bytes.is_empty() => {
                        bytes.remove(at);
                    }
                    3 => bytes.insert(at.min(bytes.len()), rng.next() as u8),
                    _ => {
                        bytes.truncate(at);
                        continue;
                    }
                }
                only_cut = false;
            }
            let what = format!("{name}, mutation {round}");
            match read_certificate(&bytes) {
                Ok(facts) => {
                    assert!(
                        !(der && only_cut && bytes.len() < original.len()),
                        "{what}: a cut file was accepted"
                    );
                    assert_clean(&facts, &what);
                    accepted += 1;
                }
                Err(e) => {
                    assert!(REFUSALS.contains(&e.code()), "{what}: unexpected {} ({e})", e.code());
                    assert!(!e.to_string().is_empty(), "{what}: a refusal says why");
                    refused += 1;
                }
            }
        }
    }
    assert!(refused > 0 && accepted > 0, "mutations both broke and spared files ({accepted} accepted)");
}
