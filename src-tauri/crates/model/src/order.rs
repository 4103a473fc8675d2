//! Vietnamese order of staff lists: by given name (the last word), then by
//! the rest, with the Vietnamese alphabet (a ă â b c d đ e ê …) and tone marks
//! counted — as a school sorts its lists by hand.
//!
//! Collation is ICU4X's Vietnamese tailoring; sort keys let the database
//! order 50,000 people with an index instead of comparing strings in Rust.

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use icu_locale_core::locale;
use std::cmp::Ordering;

/// Changes whenever the stored sort keys must be recomputed (a new ICU4X or
/// CLDR may change key bytes).
pub const SORT_KEY_VERSION: &str = "icu_collator-2.4/vi/tertiary/1";

/// Vietnamese name order.
pub struct NameOrder {
    collator: CollatorBorrowed<'static>,
}

/// Sort keys of one name: compare `given` first, then `rest`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NameKey {
    /// Key of the given name (last word).
    pub given: Vec<u8>,
    /// Key of the family and middle names.
    pub rest: Vec<u8>,
}

impl Default for NameOrder {
    fn default() -> Self {
        Self::new()
    }
}

impl NameOrder {
    /// The Vietnamese collator (compiled-in data; cannot fail for "vi").
    pub fn new() -> Self {
        let mut options = CollatorOptions::default();
        options.strength = Some(Strength::Tertiary);
        let prefs = CollatorPreferences::from(locale!("vi"));
        let collator = Collator::try_new(prefs, options).expect("compiled-in Vietnamese collation data");
        NameOrder { collator }
    }

    /// Splits "Nguyễn Thị Hương" into ("Hương", "Nguyễn Thị").
    pub fn split(name: &str) -> (&str, &str) {
        let name = name.trim();
        match name.rsplit_once(char::is_whitespace) {
            Some((rest, given)) => (given, rest.trim_end()),
            None => (name, ""),
        }
    }

    /// Sort keys for a (cleaned) full name.
    pub fn key(&self, full_name: &str) -> NameKey {
        let (given, rest) = Self::split(full_name);
        let mut key = NameKey { given: Vec::new(), rest: Vec::new() };
        let Ok(()) = self.collator.write_sort_key_to(given, &mut key.given);
        let Ok(()) = self.collator.write_sort_key_to(rest, &mut key.rest);
        key
    }

    /// Compares two full names in list order.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        let (ga, ra) = Self::split(a);
        let (gb, rb) = Self::split(b);
        self.collator.compare(ga, gb).then_with(|| self.collator.compare(ra, rb))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_given_name_then_rest_with_vietnamese_letters() {
        let order = NameOrder::new();
        let mut names = vec![
            "Đỗ Văn Đức",
            "Trần Thị Ánh",
            "Lê Văn Dũng",
            "Nguyễn Thị Anh",
            "Phạm Ngọc Ân",
            "Bùi Thị Ân",
            "Hoàng Văn Ăn",
            "Vũ Thị Ba",
        ];
        let mut by_key = names.clone();
        names.sort_by(|a, b| order.compare(a, b));
        assert_eq!(
            names,
            vec![
                "Nguyễn Thị Anh",
                "Trần Thị Ánh",
                "Hoàng Văn Ăn",
                "Bùi Thị Ân",
                "Phạm Ngọc Ân",
                "Vũ Thị Ba",
                "Lê Văn Dũng",
                "Đỗ Văn Đức",
            ],
            "a < á (tone), a < ă < â (letters), then family name breaks ties, d < đ"
        );
        by_key.sort_by_key(|n| order.key(n));
        assert_eq!(by_key, names, "sort keys must order exactly as the comparison does");
    }

    #[test]
    fn tones_order_as_in_vietnamese_dictionaries() {
        let order = NameOrder::new();
        let mut tones = vec!["Mạ", "Má", "Mã", "Mả", "Mà", "Ma"];
        tones.sort_by(|a, b| order.compare(a, b));
        assert_eq!(tones, vec!["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]);
    }
}
