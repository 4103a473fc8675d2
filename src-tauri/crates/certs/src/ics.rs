//! An expiry calendar (RFC 5545 `.ics`) the clerk imports into Outlook,
//! Google Calendar or a phone: one all-day event per certificate on its
//! last valid day, with reminders ahead of it.
//!
//! Written by hand: the format is small, and the rules that matter (CRLF,
//! 75-octet folding that never splits a UTF-8 character, text escaping) are
//! easier to guarantee here than to check in a general library.

use chungthu_model::VnDate;
use chungthu_model::text::fold;
use std::collections::BTreeSet;
use time::UtcDateTime;

/// One certificate to put in the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiryEvent {
    /// Holder's name, as shown in the list.
    pub holder_name: String,
    /// Provider's short name ("VNPT-CA"); empty when not known.
    pub provider: String,
    /// Certificate serial number (hex); with the provider it makes the
    /// event's stable UID, so re-importing updates instead of duplicating.
    pub serial_hex: String,
    /// Last valid day.
    pub not_after: VnDate,
}

/// Longest content line, in octets, before folding (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// The calendar for `events`, with one reminder per entry of
/// `reminders_days` (days before the expiry day; duplicates ignored).
/// `now_utc` stamps the events (DTSTAMP).
pub fn expiry_calendar(events: &[ExpiryEvent], reminders_days: &[u32], now_utc: UtcDateTime) -> String {
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now_utc.year(),
        u8::from(now_utc.month()),
        now_utc.day(),
        now_utc.hour(),
        now_utc.minute(),
        now_utc.second()
    );
    // Furthest reminder first, as calendars list them.
    let reminders: BTreeSet<u32> = reminders_days.iter().copied().collect();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//ChungThu//Lich het han chung thu so//VI".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", escape("Hạn chứng thư số")),
    ];
    for event in events {
        let holder = match event.provider.as_str() {
            "" => event.holder_name.clone(),
            provider => format!("{} ({provider})", event.holder_name),
        };
        let day = event.not_after;
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!("UID:{}", escape(&uid(event))));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", ics_date(day)));
        // DTEND is exclusive; the last representable day simply has none,
        // which RFC 5545 reads as a one-day event too.
        if let Some(next) = day.date().next_day() {
            lines.push(format!("DTEND;VALUE=DATE:{}", ics_date(next.into())));
        }
        lines.push(format!("SUMMARY:{}", escape(&format!("Hết hạn chứng thư số: {holder}"))));
        lines.push(format!(
            "DESCRIPTION:{}",
            escape(&format!(
                "Chứng thư số của {holder}, số hiệu {}, hết hạn ngày {day}.\nLiên hệ nhà cung cấp để gia hạn trước ngày này.",
                event.serial_hex
            ))
        ));
        lines.push("TRANSP:TRANSPARENT".to_owned());
        for &days in reminders.iter().rev() {
            lines.push("BEGIN:VALARM".to_owned());
            lines.push("ACTION:DISPLAY".to_owned());
            lines.push(format!(
                "DESCRIPTION:{}",
                escape(&format!("Còn {days} ngày: chứng thư số của {holder} hết hạn ngày {day}"))
            ));
            lines.push(format!("TRIGGER:{}", trigger(days)));
            lines.push("END:VALARM".to_owned());
        }
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in &lines {
        fold_line(line, &mut out);
    }
    out
}

/// Serial and provider, e.g. `8A3C…-vnpt-ca@chungthu`: the same
/// certificate gets the same UID in every export.
fn uid(event: &ExpiryEvent) -> String {
    let serial: String = event.serial_hex.chars().filter(char::is_ascii_alphanumeric).collect();
    let mut provider = String::new();
    for c in fold(&event.provider).chars() {
        if c.is_ascii_alphanumeric() {
            provider.push(c);
        } else if !provider.is_empty() && !provider.ends_with('-') {
            provider.push('-');
        }
    }
    match provider.trim_end_matches('-') {
        "" => format!("{}@chungthu", serial.to_ascii_uppercase()),
        provider => format!("{}-{provider}@chungthu", serial.to_ascii_uppercase()),
    }
}

fn ics_date(day: VnDate) -> String {
    day.iso().replace('-', "")
}

/// How long before the start of the expiry day a reminder fires.
fn trigger(days: u32) -> String {
    if days == 0 { "PT0S".to_owned() } else { format!("-P{days}D") }
}

/// TEXT value escaping (RFC 5545 §3.3.11): backslash, `;`, `,` and line
/// breaks; other control characters are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to lines of at most 75 octets, each continuation
/// starting with one space, breaking only between characters.
fn fold_line(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}
