//! The expiry calendar parsed back: line structure, folding, escaping,
//! alarms, and Vietnamese text intact.

use chungthu_certs::{ExpiryEvent, expiry_calendar};
use chungthu_model::VnDate;
use time::macros::utc_datetime;

fn events() -> Vec<ExpiryEvent> {
    vec![
        ExpiryEvent {
            holder_name: "Nguyễn Thị Hương".into(),
            provider: "VNPT-CA".into(),
            serial_hex: "8A3C5E7F00112233445566778899AABB".into(),
            not_after: VnDate::from_ymd(2028, 3, 9).expect("date"),
        },
        ExpiryEvent {
            // Characters that must be escaped, and a name long enough in
            // multi-byte letters to be folded in the middle of them.
            holder_name: "Trường THPT Ngô Quyền; tổ Văn, Sử\\Địa\nphòng Hành chính – Quản trị Ưu tiên Ưu đãi"
                .into(),
            provider: "Ban Cơ yếu".into(),
            serial_hex: "0123456789ABCDEF".into(),
            not_after: VnDate::from_ymd(2027, 12, 31).expect("date"),
        },
    ]
}

fn calendar() -> String {
    expiry_calendar(&events(), &[30, 90, 7, 30], utc_datetime!(2026-03-05 08:30:00))
}

/// Logical content lines: physical lines joined where a continuation
/// (leading space) was folded in.
fn unfold(ics: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in ics.split("\r\n").filter(|l| !l.is_empty()) {
        match physical.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("continuation after a line").push_str(rest),
            None => lines.push(physical.to_owned()),
        }
    }
    lines
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("dangling backslash in {text}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn values<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
    lines.iter().filter_map(|l| l.strip_prefix(name)?.strip_prefix(':')).collect()
}

#[test]
fn crlf_only_and_lines_of_at_most_75_octets_split_between_characters() {
    let ics = calendar();
    assert!(ics.ends_with("\r\n"));
    assert!(!ics.replace("\r\n", "").contains(['\r', '\n']), "no bare CR or LF");
    let bytes = ics.as_bytes();
    let mut folded = 0;
    for physical in bytes.split(|&b| b == b'\n') {
        let physical = physical.strip_suffix(b"\r").unwrap_or(physical);
        assert!(physical.len() <= 75, "{} octets: {}", physical.len(), String::from_utf8_lossy(physical));
        // Each physical line on its own is valid UTF-8: no character split.
        assert!(std::str::from_utf8(physical).is_ok(), "a fold split a character");
        folded += usize::from(physical.first() == Some(&b' '));
    }
    assert!(folded >= 2, "the long Vietnamese texts must have been folded");
}

#[test]
fn calendar_structure_and_events() {
    let lines = unfold(&calendar());
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert_eq!(values(&lines, "VERSION"), ["2.0"]);
    assert_eq!(values(&lines, "PRODID"), ["-//ChungThu//Lich het han chung thu so//VI"]);
    assert_eq!(
        values(&lines, "BEGIN"),
        ["VCALENDAR", "VEVENT", "VALARM", "VALARM", "VALARM", "VEVENT", "VALARM", "VALARM", "VALARM"]
    );
    assert_eq!(values(&lines, "END").len(), 9, "every BEGIN closed");
    assert_eq!(
        values(&lines, "UID"),
        ["8A3C5E7F00112233445566778899AABB-vnpt-ca@chungthu", "0123456789ABCDEF-ban-co-yeu@chungthu"]
    );
    assert_eq!(values(&lines, "DTSTAMP"), ["20260305T083000Z", "20260305T083000Z"]);
    assert_eq!(values(&lines, "DTSTART;VALUE=DATE"), ["20280309", "20271231"]);
    assert_eq!(values(&lines, "DTEND;VALUE=DATE"), ["20280310", "20280101"], "all-day: end is the next day");
}

#[test]
fn summary_is_vietnamese_and_escaped() {
    let lines = unfold(&calendar());
    let summaries = values(&lines, "SUMMARY");
    assert_eq!(summaries[0], "Hết hạn chứng thư số: Nguyễn Thị Hương (VNPT-CA)");
    assert_eq!(
        summaries[1],
        "Hết hạn chứng thư số: Trường THPT Ngô Quyền\\; tổ Văn\\, Sử\\\\Địa\\nphòng Hành chính – Quản trị Ưu tiên Ưu đãi (Ban Cơ yếu)"
    );
    assert_eq!(
        unescape(summaries[1]),
        format!("Hết hạn chứng thư số: {} (Ban Cơ yếu)", events()[1].holder_name),
        "the text survives escaping and folding intact"
    );
    let description = unescape(values(&lines, "DESCRIPTION")[0]);
    assert_eq!(
        description,
        "Chứng thư số của Nguyễn Thị Hương (VNPT-CA), số hiệu 8A3C5E7F00112233445566778899AABB, hết hạn ngày 09/03/2028.\nLiên hệ nhà cung cấp để gia hạn trước ngày này."
    );
}

#[test]
fn one_alarm_per_distinct_reminder_furthest_first() {
    let lines = unfold(&calendar());
    assert_eq!(values(&lines, "TRIGGER"), ["-P90D", "-P30D", "-P7D", "-P90D", "-P30D", "-P7D"]);
    assert_eq!(values(&lines, "ACTION"), ["DISPLAY"; 6]);
    let alarm = unescape(values(&lines, "DESCRIPTION")[1]);
    assert_eq!(alarm, "Còn 90 ngày: chứng thư số của Nguyễn Thị Hương (VNPT-CA) hết hạn ngày 09/03/2028");
}

#[test]
fn edge_cases_unknown_provider_same_day_reminder_last_date() {
    let event = ExpiryEvent {
        holder_name: "Lê Văn Tám".into(),
        provider: String::new(),
        serial_hex: "0f".into(),
        not_after: VnDate::from_ymd(9999, 12, 31).expect("date"),
    };
    let lines = unfold(&expiry_calendar(&[event], &[0], utc_datetime!(2026-01-01 00:00:00)));
    assert_eq!(values(&lines, "UID"), ["0F@chungthu"]);
    assert_eq!(values(&lines, "SUMMARY"), ["Hết hạn chứng thư số: Lê Văn Tám"]);
    assert_eq!(values(&lines, "TRIGGER"), ["PT0S"]);
    assert!(values(&lines, "DTEND;VALUE=DATE").is_empty(), "no day after 9999-12-31");
}

#[test]
fn no_events_is_still_a_valid_calendar() {
    let lines = unfold(&expiry_calendar(&[], &[30], utc_datetime!(2026-01-01 00:00:00)));
    assert_eq!(values(&lines, "BEGIN"), ["VCALENDAR"]);
    assert_eq!(values(&lines, "END"), ["VCALENDAR"]);
}
