//! Editable subject and body templates. Placeholders in braces are replaced
//! by the list's facts; an unknown one is reported so a typo is not mailed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The placeholders a template may use, with what they stand for.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("don_vi", "tên đơn vị (trường)"),
    ("loai_danh_sach", "loại danh sách, ví dụ “danh sách đề nghị cấp chứng thư số”"),
    ("so_nguoi", "số người trong danh sách"),
    ("ngay", "ngày gửi (dd/mm/yyyy)"),
];

/// A subject and a body with `{placeholders}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Template {
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

impl Default for Template {
    fn default() -> Self {
        Template {
            subject: "{don_vi} gửi {loai_danh_sach} ({so_nguoi} người)".into(),
            body: "Kính gửi Quý cơ quan,\n\n\
                   {don_vi} xin gửi {loai_danh_sach} gồm {so_nguoi} người, kèm theo:\n\
                   - bản scan có chữ ký, đóng dấu;\n\
                   - tệp Word để tiện tổng hợp.\n\n\
                   Trân trọng.\n\
                   Ngày {ngay}"
                .into(),
        }
    }
}

/// The facts that fill a template.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct TemplateValues {
    /// `{don_vi}`
    pub don_vi: String,
    /// `{loai_danh_sach}`
    pub loai_danh_sach: String,
    /// `{so_nguoi}`
    pub so_nguoi: u32,
    /// `{ngay}`, already written dd/mm/yyyy.
    pub ngay: String,
}

impl Template {
    /// Placeholders used in the subject or body that are not known
    /// (`{don vi}`, `{ten_truong}`…), each once, in order of appearance.
    pub fn unknown_placeholders(&self) -> Vec<String> {
        let mut unknown = Vec::new();
        for text in [&self.subject, &self.body] {
            for name in placeholders_in(text) {
                if !PLACEHOLDERS.iter().any(|(known, _)| *known == name) && !unknown.iter().any(|u| u == name)
                {
                    unknown.push(name.to_owned());
                }
            }
        }
        unknown
    }

    /// The subject and body with the placeholders filled. The subject stays
    /// on one line whatever the values hold.
    pub fn render(&self, v: &TemplateValues) -> (String, String) {
        let subject = fill(&self.subject, v).split_whitespace().collect::<Vec<_>>().join(" ");
        (subject, fill(&self.body, v))
    }
}

fn placeholders_in(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

fn fill(text: &str, v: &TemplateValues) -> String {
    text.replace("{don_vi}", &v.don_vi)
        .replace("{loai_danh_sach}", &v.loai_danh_sach)
        .replace("{so_nguoi}", &v.so_nguoi.to_string())
        .replace("{ngay}", &v.ngay)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> TemplateValues {
        TemplateValues {
            don_vi: "Trường THCS Lê Lợi".into(),
            loai_danh_sach: "danh sách đề nghị cấp chứng thư số".into(),
            so_nguoi: 12,
            ngay: "05/03/2026".into(),
        }
    }

    #[test]
    fn default_template_fills_every_placeholder() {
        let t = Template::default();
        assert!(t.unknown_placeholders().is_empty());
        let (subject, body) = t.render(&values());
        assert_eq!(subject, "Trường THCS Lê Lợi gửi danh sách đề nghị cấp chứng thư số (12 người)");
        assert!(body.contains("gồm 12 người"), "{body}");
        assert!(body.ends_with("Ngày 05/03/2026"), "{body}");
        assert!(!body.contains('{'), "no placeholder left: {body}");
    }

    #[test]
    fn unknown_placeholders_are_reported_once() {
        let t = Template {
            subject: "{ten_truong} – {don_vi}".into(),
            body: "{ten_truong} {so nguoi} {ngay}".into(),
        };
        assert_eq!(t.unknown_placeholders(), vec!["ten_truong".to_owned(), "so nguoi".to_owned()]);
    }

    #[test]
    fn subject_stays_on_one_line() {
        let t = Template { subject: "{don_vi}\r\nBcc: x@example.com".into(), body: String::new() };
        let (subject, _) = t.render(&values());
        assert!(!subject.contains('\n') && !subject.contains('\r'), "{subject}");
    }
}
