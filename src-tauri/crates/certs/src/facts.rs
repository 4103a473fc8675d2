//! The facts the app keeps about one certificate, taken from a parsed
//! X.509 certificate. Nothing here judges validity (no clock, no chain
//! check): the caller compares dates with today.

use crate::error::{CertError, Result};
use crate::identity::Identity;
use crate::text::{decode, hex};
use chungthu_model::VnDate;
use chungthu_model::text::clean_line;
use serde::{Deserialize, Serialize};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use time::UtcOffset;
use time::macros::offset;
use ts_rs::TS;
use x509_parser::asn1_rs::Oid;
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::GeneralName;
use x509_parser::oid_registry::{
    OID_PKCS9_EMAIL_ADDRESS, OID_USERID, OID_X509_COMMON_NAME, OID_X509_ORGANIZATION_NAME,
};
use x509_parser::x509::X509Name;

/// What a certificate says about its holder and its issuer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CertFacts {
    /// Holder's name (subject CN; the organisation when there is no CN),
    /// NFC, spaces collapsed, case as written ("ĐẶNG VĂN ĐỨC" stays upper).
    pub subject_name: String,
    /// Holder's organisation (subject O).
    pub subject_org: Option<String>,
    /// Serial number: upper-case hex, no separators, no leading zero bytes.
    pub serial_hex: String,
    /// First day of validity, in Vietnam time (UTC+7).
    pub not_before: VnDate,
    /// Last day of validity, in Vietnam time (UTC+7).
    pub not_after: VnDate,
    /// Issuer's name (issuer CN; its organisation when there is no CN).
    pub issuer_name: String,
    /// Issuer's organisation (issuer O).
    pub issuer_org: Option<String>,
    /// Holder's e-mail: subject emailAddress, else the first rfc822Name of
    /// the subject alternative name.
    pub email: Option<String>,
    /// Holder's identity number, if the subject carries one.
    pub identity: Option<Identity>,
    /// SHA-1 of the certificate, upper-case hex (Windows' "Thumbprint").
    pub sha1_hex: String,
    /// SHA-256 of the certificate, upper-case hex.
    pub sha256_hex: String,
    /// A CA certificate (basicConstraints CA=true), not a person's.
    pub is_ca: bool,
}

/// Vietnam has no daylight saving time: always UTC+7.
const VIETNAM: UtcOffset = offset!(+7);

impl CertFacts {
    /// Facts of `cert`, whose exact encoding is `der`.
    pub(crate) fn new(der: &[u8], cert: &X509Certificate) -> Result<Self> {
        let subject = cert.subject();
        let issuer = cert.issuer();
        let validity = cert.validity();
        Ok(CertFacts {
            subject_name: name(subject),
            subject_org: first(subject, &OID_X509_ORGANIZATION_NAME),
            serial_hex: serial_hex(cert.raw_serial()),
            not_before: vietnam_date(validity.not_before.to_datetime())?,
            not_after: vietnam_date(validity.not_after.to_datetime())?,
            issuer_name: name(issuer),
            issuer_org: first(issuer, &OID_X509_ORGANIZATION_NAME),
            email: email(cert),
            identity: identity(subject),
            sha1_hex: hex(&Sha1::digest(der)),
            sha256_hex: hex(&Sha256::digest(der)),
            is_ca: cert.is_ca(),
        })
    }
}

/// The first attribute of `name` with type `oid` that has text, cleaned.
fn first(name: &X509Name, oid: &Oid) -> Option<String> {
    name.iter_attributes()
        .filter(|a| a.attr_type() == oid)
        .filter_map(|a| decode(a.attr_value()))
        .map(|s| clean_line(&s))
        .find(|s| !s.is_empty())
}

fn name(name: &X509Name) -> String {
    first(name, &OID_X509_COMMON_NAME)
        .or_else(|| first(name, &OID_X509_ORGANIZATION_NAME))
        .unwrap_or_default()
}

/// DER pads a serial whose high bit is set with a 00 byte; tools show it
/// without, so leading zero bytes are dropped (a zero serial stays "00").
fn serial_hex(raw: &[u8]) -> String {
    let start = raw.iter().position(|&b| b != 0).unwrap_or(raw.len().saturating_sub(1));
    hex(&raw[start..])
}

/// The calendar date in Vietnam: a certificate ending 17:00 UTC ends at
/// midnight Vietnam time, which is the next day there.
fn vietnam_date(at: time::OffsetDateTime) -> Result<VnDate> {
    at.checked_to_offset(VIETNAM).map(|t| VnDate::from(t.date())).ok_or(CertError::Damaged)
}

fn email(cert: &X509Certificate) -> Option<String> {
    if let Some(email) = first(cert.subject(), &OID_PKCS9_EMAIL_ADDRESS) {
        return Some(email);
    }
    let san = cert.subject_alternative_name().ok()??;
    san.value.general_names.iter().find_map(|n| match n {
        GeneralName::RFC822Name(s) => Some(clean_line(s)).filter(|s| !s.is_empty()),
        _ => None,
    })
}

/// The UID attribute is where providers put the number; some put it in
/// serialNumber or another attribute, so those are read too when they
/// carry a known prefix. The most personal number wins.
fn identity(subject: &X509Name) -> Option<Identity> {
    subject
        .iter_attributes()
        .filter_map(|a| {
            let text = decode(a.attr_value())?;
            if a.attr_type() == &OID_USERID {
                Identity::from_uid(&text)
            } else {
                Identity::from_labelled(&text)
            }
        })
        .min_by_key(Identity::rank)
}
