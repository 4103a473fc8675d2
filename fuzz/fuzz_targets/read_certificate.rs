//! Any bytes given as a certificate file (.cer, .crt, PEM, .p7b…): facts
//! or a Vietnamese error, never a panic, an abort or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = chungthu_certs::read_certificate(data);
});
