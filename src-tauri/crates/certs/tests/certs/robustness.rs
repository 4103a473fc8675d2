//! Total on any input: cut and mutated fixtures give `Ok` or `Err`, never a
//! panic. A later fuzzer feeds the same entry point.

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

#[test]
fn thousands_of_mutations() {
    let mut rng = Rng(0x00C0_FFEE_2026_0305);
    let mut accepted = 0;
    let mut refused = 0;
    for name in ALL_FIXTURES {
        let original = fixture(name);
        for _ in 0..250 {
            let mut bytes = original.clone();
            for _ in 0..=rng.below(4) {
                let at = rng.below(bytes.len().max(1));
                match rng.below(5) {
                    0 if !bytes.is_empty() => bytes[at] ^= 1 << rng.below(8),
                    1 if !bytes.is_empty() => bytes[at] = 0xFF, // huge lengths
                    2 if !bytes.is_empty() => {
                        bytes.remove(at);
                    }
                    3 => bytes.insert(at.min(bytes.len()), rng.next() as u8),
                    _ => bytes.truncate(at),
                }
            }
            match read_certificate(&bytes) {
                Ok(_) => accepted += 1,
                Err(e) => {
                    assert!(!e.code().is_empty());
                    refused += 1;
                }
            }
        }
    }
    assert_eq!(accepted + refused, ALL_FIXTURES.len() * 250);
    assert!(refused > 0 && accepted > 0, "mutations both broke and spared files ({accepted} accepted)");
}
