//! Provider recognition from issuer names, with the seed and an edited
//! catalogue.

use crate::fixture;
use chungthu_certs::{ProviderKind, read_certificate, recognise, seed_providers};

fn catalogue() -> Vec<(String, Vec<String>)> {
    seed_providers().into_iter().map(|p| (p.short_name, p.issuer_fragments)).collect()
}

fn recognised(name: &str, org: Option<&str>) -> Option<String> {
    recognise(name, org, &catalogue())
}

#[test]
fn fixture_issuers_are_recognised() {
    for (file, provider) in [("huong.cer", "Ban Cơ yếu"), ("lan.cer", "Ban Cơ yếu"), ("duc.crt", "VNPT-CA")]
    {
        let facts = read_certificate(&fixture(file)).expect("readable");
        assert_eq!(
            recognise(&facts.issuer_name, facts.issuer_org.as_deref(), &catalogue()).as_deref(),
            Some(provider),
            "{file}"
        );
    }
}

#[test]
fn issuers_written_without_diacritics_or_in_other_case() {
    let cases = [
        ("CA phuc vu cac co quan Nha nuoc G3", None, "Ban Cơ yếu"),
        ("Some CA", Some("BAN CO YEU CHINH PHU"), "Ban Cơ yếu"),
        ("CA PHỤC VỤ CÁC CƠ QUAN ĐẢNG", None, "Ban Cơ yếu"),
        ("Co quan chung thuc so chuyen dung Chinh phu", None, "Ban Cơ yếu"),
        ("BKAVCA SHA256", Some("Bkav Corporation"), "BKAV-CA"),
        ("Viettel-CA SHA-256", Some("Viettel Group"), "Viettel-CA"),
        ("FPT Certification Authority", None, "FPT-CA"),
        ("CA2", Some("NACENCOMM SCT"), "CA2"),
        ("SmartSign", None, "SmartSign"),
        ("MISA-CA", None, "MISA-CA"),
    ];
    for (name, org, provider) in cases {
        assert_eq!(recognised(name, org).as_deref(), Some(provider), "{name} / {org:?}");
    }
}

#[test]
fn fragments_match_whole_words_only() {
    assert_eq!(recognised("XCA2 Root", None), None, "CA2 inside a longer word is not Nacencomm");
    assert_eq!(recognised("Unknown Certification Authority", Some("Nobody")), None);
    assert_eq!(recognised("", None), None);
}

#[test]
fn longest_matching_fragment_wins() {
    let providers = vec![
        (1, vec!["Trust".to_owned()]),
        (2, vec!["Trust Network CA".to_owned()]),
        (3, vec!["".to_owned()]),
    ];
    assert_eq!(recognise("Trust Network CA G2", None, &providers), Some(2));
    assert_eq!(recognise("Trust", None, &providers), Some(1));
}

#[test]
fn an_edited_catalogue_is_used_as_given() {
    let mut providers = catalogue();
    providers.push(("Nhà cung cấp mới".into(), vec!["Trường Sơn CA".into()]));
    assert_eq!(
        recognise("TRUONG SON CA", None, &providers).as_deref(),
        Some("Nhà cung cấp mới"),
        "a provider the user added is recognised, diacritics folded"
    );
    providers.retain(|(id, _)| id != "VNPT-CA");
    assert_eq!(recognise("VNPT Certification Authority", Some("VNPT Group"), &providers), None, "removed");
}

#[test]
fn seed_is_coherent() {
    let seed = seed_providers();
    let specialised: Vec<_> = seed.iter().filter(|p| p.kind == ProviderKind::Specialised).collect();
    assert_eq!(specialised.len(), 1, "only the Government Cipher Committee issues specialised certificates");
    assert_eq!(specialised[0].name, "Ban Cơ yếu Chính phủ");
    let mut short: Vec<_> = seed.iter().map(|p| p.short_name.as_str()).collect();
    short.sort_unstable();
    short.dedup();
    assert_eq!(short.len(), seed.len(), "short names are unique");
    for p in &seed {
        assert!(!p.issuer_fragments.is_empty() && !p.name.is_empty(), "{}", p.short_name);
        // Each provider's own fragments must lead back to it, not to another.
        for fragment in &p.issuer_fragments {
            assert_eq!(recognised(fragment, None).as_deref(), Some(p.short_name.as_str()), "{fragment}");
        }
    }
}
