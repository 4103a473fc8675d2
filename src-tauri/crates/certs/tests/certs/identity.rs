//! Identity numbers written the ways providers write them.

use chungthu_certs::{Identity, IdentityKind};

fn id(kind: IdentityKind, number: &str) -> Option<Identity> {
    Some(Identity { kind, number: number.into() })
}

#[test]
fn labelled_numbers_in_any_case_and_spacing() {
    let cases = [
        ("CCCD:001085012345", id(IdentityKind::Cccd, "001085012345")),
        ("cccd : 001 085 012 345", id(IdentityKind::Cccd, "001085012345")),
        ("CCCD=001.085.012345", id(IdentityKind::Cccd, "001085012345")),
        ("CMND:012345678", id(IdentityKind::Cmnd, "012345678")),
        ("CMT: 012345678", id(IdentityKind::Cmnd, "012345678")),
        ("MST:0101234567-001", id(IdentityKind::Mst, "0101234567-001")),
        ("hc: b1234567", id(IdentityKind::Passport, "B1234567")),
    ];
    for (text, expected) in cases {
        assert_eq!(Identity::from_labelled(text), expected, "{text}");
        assert_eq!(Identity::from_uid(text), expected, "{text} as UID");
    }
}

#[test]
fn only_known_labels_count_outside_uid() {
    // serialNumber and other attributes carry other things too.
    for text in ["MNS:1234567", "001085012345", "HCM", "CCCD:", "", "Nguyễn Văn A"] {
        assert_eq!(Identity::from_labelled(text), None, "{text:?}");
    }
}

#[test]
fn uid_without_label() {
    assert_eq!(Identity::from_uid(" 001085012345 "), id(IdentityKind::Cccd, "001085012345"));
    assert_eq!(Identity::from_uid("012345678"), id(IdentityKind::Cmnd, "012345678"));
    assert_eq!(Identity::from_uid("MNS:1234567"), id(IdentityKind::Other, "MNS:1234567"));
    assert_eq!(Identity::from_uid("  "), None);
}
