//! Search over 50,000 staff, as typed in the window: median time per query
//! of `staff_list` (folded match, total count, Vietnamese order, first page
//! of 200), against a baseline measured in the same run that gives the same
//! answer without the database's folded column and sort keys: fold every
//! person's searchable text (name, CCCD, phone, position), keep those where
//! each word starts a word (digits: anywhere), count them, sort them with the
//! Vietnamese collator (given name, then the rest), take 200. Every query's
//! answer is checked to be the same (total and page). Writes
//! `target/bench-search.json`.
//!
//! `cargo bench -p chungthu-api --bench search`

use chungthu_api::Api;
use chungthu_api::model::staff::StaffQuery;
use chungthu_api::model::{Gender, NameOrder, StaffInput, VnDate, text::fold};
use std::time::{Duration, Instant};

const PEOPLE: usize = 50_000;
const FAMILY: [&str; 14] =
    ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"];
const MIDDLE: [&str; 10] = ["Thị", "Văn", "Minh", "Thu", "Ngọc", "Đức", "Thanh", "Hữu", "Thị Thu", "Quang"];
const GIVEN: [&str; 24] = [
    "An", "Anh", "Ánh", "Bình", "Cúc", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hương", "Hưng", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Ngọc", "Phương", "Quân", "Thảo", "Yến",
];
const QUERIES: [&str; 12] = [
    "n",
    "ng",
    "nguyen",
    "nguyen thi",
    "nguyen thi huong",
    "dang",
    "dang van duc",
    "huong",
    "thao",
    "0912",
    "0311",
    "zzz",
];

fn person(i: usize) -> StaffInput {
    let year = 1966 + (i % 38) as i32;
    let female = i % 2 == 1;
    StaffInput {
        full_name: format!("{} {} {}", FAMILY[i % 14], MIDDLE[(i / 14) % 10], GIVEN[(i / 140) % 24]),
        birth_date: format!("{:02}/{:02}/{year}", 1 + i % 28, 1 + i % 12),
        gender: Some(if female { Gender::Female } else { Gender::Male }),
        position: "Giáo viên".into(),
        cccd: format!("031{}{:02}{:06}", u8::from(female), year % 100, i),
        phone: format!("09{:08}", i),
        ..StaffInput::default()
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let today = || VnDate::from_ymd(2026, 11, 23).expect("date");
    let mut api = Api::open(&dir.path().join("bench.db")).expect("open").with_today(today);
    let start = Instant::now();
    api.add_staff_many(&(0..PEOPLE).map(person).collect::<Vec<_>>()).expect("fill");
    eprintln!("filled {PEOPLE} people in {:?}", start.elapsed());

    // Baseline: what a program without an index or folded column would do.
    let people: Vec<StaffInput> = (0..PEOPLE).map(person).collect();
    let order = NameOrder::new();
    let rounds = 5;
    let mut ours = Vec::new();
    let mut baseline = Vec::new();
    let mut per_query: Vec<Vec<Duration>> = vec![Vec::new(); QUERIES.len()];
    for _ in 0..rounds {
        for (qi, &q) in QUERIES.iter().enumerate() {
            let start = Instant::now();
            let query = StaffQuery { search: q.into(), limit: 200, ..StaffQuery::default() };
            let page = api.list_staff(&query).expect("search");
            ours.push(start.elapsed());
            per_query[qi].push(start.elapsed());

            let start = Instant::now();
            // Letters at a word start (after a space), digits anywhere.
            let needles: Vec<String> = fold(q)
                .split_whitespace()
                .map(|w| if w.bytes().all(|b| b.is_ascii_digit()) { w.to_owned() } else { format!(" {w}") })
                .collect();
            let mut hits: Vec<&StaffInput> = people
                .iter()
                .filter(|p| {
                    let text = format!(
                        " {}",
                        fold(&[&p.full_name, &p.cccd, &p.phone, &p.position].map(|s| s.as_str()).join(" | "))
                    );
                    needles.iter().all(|n| text.contains(n.as_str()))
                })
                .collect();
            let total = hits.len();
            // Stable: equal names stay in the order they were added, as the ids order them.
            hits.sort_by(|a, b| order.compare(&a.full_name, &b.full_name));
            hits.truncate(200);
            baseline.push(start.elapsed());

            let ours: Vec<&str> = page.items.iter().map(|p| p.cccd.as_deref().unwrap_or_default()).collect();
            let theirs: Vec<&str> = hits.iter().map(|p| p.cccd.as_str()).collect();
            assert_eq!(
                (page.total as usize, ours),
                (total, theirs),
                "the baseline answers {q:?} differently"
            );
        }
    }
    for (q, times) in QUERIES.iter().zip(per_query) {
        eprintln!("{q:>18}: {:?}", median(times));
    }
    let (m_ours, m_base) = (median(ours), median(baseline));
    let ratio = m_ours.as_secs_f64() / m_base.as_secs_f64();
    let report = format!(
        "{{\n  \"people\": {PEOPLE},\n  \"queries\": {},\n  \"median_ms\": {:.3},\n  \"baseline_median_ms\": {:.3},\n  \"ratio_to_baseline\": {ratio:.3},\n  \"target_ms\": 16\n}}\n",
        rounds * QUERIES.len(),
        m_ours.as_secs_f64() * 1e3,
        m_base.as_secs_f64() * 1e3,
    );
    print!("{report}");
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/bench-search.json");
    std::fs::create_dir_all(out.parent().expect("a folder")).expect("create target/");
    std::fs::write(&out, report).expect("write report");
    eprintln!("written to {}", out.display());
}
