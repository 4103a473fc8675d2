//! Certificate providers: the seed of the editable catalogue, and
//! recognising a provider from a certificate's issuer.
//!
//! The catalogue lives in the database and the user may edit it, so
//! [`recognise`] takes the list as input; [`seed_providers`] only fills a
//! new database.

use chungthu_model::text::fold;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whether a provider issues specialised or public certificates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    /// Chứng thư số chuyên dùng: Ban Cơ yếu Chính phủ, for administrative
    /// documents and school records.
    Specialised,
    /// Chứng thư số công cộng: a licensed public CA, for finance.
    Public,
}

/// One provider of the seed catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProviderSeed {
    /// Full name, as written in the "Đơn vị cung cấp" column of the forms.
    pub name: String,
    /// Name people use ("VNPT-CA").
    pub short_name: String,
    /// Specialised or public.
    pub kind: ProviderKind,
    /// Texts found in the issuer CN or O of its certificates.
    pub issuer_fragments: Vec<String>,
}

/// The providers a new database starts with.
///
/// Full names are given only where the operating company is well known;
/// otherwise the brand stands in, and the user can correct it.
pub fn seed_providers() -> Vec<ProviderSeed> {
    use ProviderKind::{Public, Specialised};
    let seed = |name: &str, short_name: &str, kind, fragments: &[&str]| ProviderSeed {
        name: name.to_owned(),
        short_name: short_name.to_owned(),
        kind,
        issuer_fragments: fragments.iter().map(|f| (*f).to_owned()).collect(),
    };
    vec![
        seed(
            "Ban Cơ yếu Chính phủ",
            "Ban Cơ yếu",
            Specialised,
            &[
                "Ban Cơ yếu Chính phủ",
                "CA phục vụ các cơ quan Nhà nước",
                "Cơ quan chứng thực số chuyên dùng Chính phủ",
                "CA phục vụ các cơ quan Đảng",
            ],
        ),
        seed(
            "Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)",
            "VNPT-CA",
            Public,
            &["VNPT Certification Authority", "VNPT-CA", "VNPT Group"],
        ),
        seed(
            "Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel)",
            "Viettel-CA",
            Public,
            &["Viettel-CA", "Viettel CA"],
        ),
        seed("Công ty Cổ phần BKAV", "BKAV-CA", Public, &["BkavCA", "Bkav-CA", "Bkav Corporation"]),
        seed(
            "Công ty TNHH Hệ thống Thông tin FPT",
            "FPT-CA",
            Public,
            &["FPT Certification Authority", "FPT-CA"],
        ),
        seed("Công ty Cổ phần MISA", "MISA-CA", Public, &["MISA-CA", "MISA Certification Authority"]),
        seed("Công ty Cổ phần Công nghệ thẻ Nacencomm", "CA2", Public, &["CA2", "Nacencomm"]),
        seed("Công ty Cổ phần Chữ ký số Vi Na", "SmartSign", Public, &["SmartSign", "Vina-CA", "VINA CA"]),
        seed("SAFE-CA", "SAFE-CA", Public, &["SAFE-CA", "SafeCA"]),
        seed("Công ty Cổ phần Công nghệ Tin học EFY Việt Nam", "EFY-CA", Public, &["EFY-CA", "EFYCA"]),
        seed("NewTel-CA", "NewTel-CA", Public, &["NewTel-CA", "NewTelCA"]),
        seed("CMC-CA", "CMC-CA", Public, &["CMC-CA", "CMCCA"]),
        seed("TrustCA", "TrustCA", Public, &["TrustCA", "Trust-CA"]),
        seed("Easy-CA", "Easy-CA", Public, &["Easy-CA", "EasyCA"]),
    ]
}

/// The provider whose issuer fragments appear in the issuer's name or
/// organisation, compared after [`fold`] (older certificates write
/// Vietnamese without diacritics) and only as whole words, so "CA2" does
/// not match inside "VNPT-CA2xyz". When several match, the longest
/// fragment wins: it is the most specific.
pub fn recognise<I: Clone>(
    issuer_name: &str,
    issuer_org: Option<&str>,
    providers: &[(I, Vec<String>)],
) -> Option<I> {
    let haystacks = [Some(issuer_name), issuer_org].map(|h| h.map(fold).unwrap_or_default());
    let mut best: Option<(usize, &I)> = None;
    for (id, fragments) in providers {
        for fragment in fragments.iter().map(|f| fold(f)).filter(|f| !f.is_empty()) {
            let longer = best.is_none_or(|(len, _)| fragment.len() > len);
            if longer && haystacks.iter().any(|h| contains_word(h, &fragment)) {
                best = Some((fragment.len(), id));
            }
        }
    }
    best.map(|(_, id)| id.clone())
}

/// Whether `needle` occurs in `haystack` with no letter or digit touching
/// it on either side.
fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
