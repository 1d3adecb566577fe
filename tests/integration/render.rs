//! The Vietnamese annual summary and plan, compared byte for byte with tests/golden.
//!
//! Run with `UPDATE_GOLDEN=1` to rewrite the golden files; check them by eye
//! before committing.

use danvan::render::vi::{self, Rounding, SummaryOptions};
use danvan::{Count, Dataset, Interval, Level, Period, Qualifier, Reported, Summary, SummaryValue};

fn seed() -> Dataset {
    Dataset::from_json(crate::read("tests/fixtures/seed-2022.json").as_bytes()).unwrap()
}

/// The seed's summary, through the crate: check, totals, and the summary
/// of the province with the words of its stated figures.
fn seed_summary() -> Summary {
    let checked = danvan::check(seed()).unwrap();
    let totals = danvan::Totals::compute(&checked).unwrap();
    Summary::from_checked(&checked, &totals, &"30".parse().unwrap()).unwrap()
}

/// Compares `text` with the golden file byte for byte, or rewrites it when
/// `UPDATE_GOLDEN=1`.
fn golden(name: &str, text: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::write(&path, text).unwrap();
        return;
    }
    let want = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        want == text.as_bytes(),
        "{} differs (UPDATE_GOLDEN=1 rewrites it)\n--- golden\n{}\n--- got\n{text}",
        path.display(),
        String::from_utf8_lossy(&want)
    );
}

fn summary_text(rounding: Rounding) -> String {
    let opts = SummaryOptions::default().with_rounding(rounding);
    format!("{}\n", vi::annual_summary(&seed_summary(), &opts))
}

#[test]
fn seed_2022_press() {
    golden("seed-2022-press.txt", &summary_text(Rounding::Press));
}

#[test]
fn seed_2022_exact() {
    golden("seed-2022-exact.txt", &summary_text(Rounding::Exact));
}

#[test]
fn seed_2022_press_all() {
    golden("seed-2022-press-all.txt", &summary_text(Rounding::PressAll));
}

#[test]
fn seed_2023_plan() {
    golden(
        "seed-2023-plan.txt",
        &vi::plan(seed().plan.as_ref().unwrap()),
    );
}

/// The seed reports its lower bounds as lower bounds and everything else
/// exactly, so press style on lower bounds changes nothing in it.
#[test]
fn seed_figures_are_already_press_style() {
    assert_eq!(summary_text(Rounding::Press), summary_text(Rounding::Exact));
}

#[test]
fn press_paragraph_reads_like_the_seed() {
    let text = summary_text(Rounding::Press);
    assert!(text.starts_with(
        "Năm 2022, toàn tỉnh hiện có 1.229 mô hình \u{201c}Dân vận khéo\u{201d}; 235 khối dân vận cơ sở, \
         1.347 tổ dân vận thôn, khu dân cư; cấp ủy, tổ chức đảng các cấp đã thực hiện 291 hội nghị \
         tuyên truyền, tập huấn về công tác dân vận cho 13.360 người tham gia; ban hành 919 văn bản \
         để lãnh đạo, chỉ đạo công tác dân vận; tiến hành 179 cuộc kiểm tra, giám sát 545 tổ chức \
         đảng, đảng viên. Ngành dân vận tổ chức tổng số 222 hội nghị tập huấn về công tác dân vận \
         cho hơn 6.800 người; ban hành hơn 500 văn bản hướng dẫn, đôn đốc hệ thống dân vận các cấp \
         triển khai thực hiện."
    ));
}

#[test]
fn every_seed_figure_is_in_the_press_paragraph() {
    let text = summary_text(Rounding::Press);
    for figure in [
        "1.229 mô hình",
        "235 khối",
        "1.347 tổ",
        "291 hội nghị",
        "13.360 người",
        "919 văn bản",
        "179 cuộc",
        "545 tổ chức đảng",
        "222 hội nghị",
        "hơn 6.800 người",
        "hơn 500 văn bản",
        "11 tập thể",
    ] {
        assert!(text.contains(figure), "{figure:?} missing from {text}");
    }
    assert!(!text.contains("None"));
}

#[test]
fn rounding_variants_on_synthetic_values() {
    let exact = |n| SummaryValue::stated(Reported::exact(Count::new(n)));
    let at_least = |n| SummaryValue::stated(Reported::new(Qualifier::AtLeast, Count::new(n)));
    let computed = |n| SummaryValue::from(Interval::at_least(n));
    // (figure, Exact, Press, PressAll), all synthetic. The one press rule
    // (issue 14): two significant figures, strictly below the lower bound
    // (512 was "hơn 500" by the old second rule); a stated "hơn 6.800" keeps
    // its word; a computed lower bound is "ít nhất" in exact style.
    let cases = [
        (exact(6853), "6.853", "6.853", "hơn 6.800"),
        (at_least(6853), "hơn 6.853", "hơn 6.800", "hơn 6.800"),
        (at_least(6800), "hơn 6.800", "hơn 6.800", "hơn 6.800"),
        (computed(6853), "ít nhất 6.853", "hơn 6.800", "hơn 6.800"),
        (computed(6800), "ít nhất 6.800", "hơn 6.700", "hơn 6.700"),
        (exact(13_360), "13.360", "13.360", "hơn 13.000"),
        (exact(512), "512", "512", "hơn 510"),
        (at_least(512), "hơn 512", "hơn 510", "hơn 510"),
        (exact(99), "99", "99", "99"),
        (at_least(99), "hơn 99", "hơn 99", "hơn 99"),
        (exact(500), "500", "500", "500"),
        (exact(0), "0", "0", "0"),
        (
            SummaryValue::stated(Reported::new(Qualifier::AtMost, Count::new(22_345))),
            "không quá 22.345",
            "không quá 22.345",
            "không quá 22.345",
        ),
        (
            SummaryValue::stated(Reported::new(Qualifier::About, Count::new(512))),
            "khoảng 512",
            "khoảng 512",
            "khoảng 512",
        ),
    ];
    for (v, e, p, a) in cases {
        assert_eq!(Rounding::Exact.text(v), e, "{v:?}");
        assert_eq!(Rounding::Press.text(v), p, "{v:?}");
        assert_eq!(Rounding::PressAll.text(v), a, "{v:?}");
    }
    // The same figures through the paragraph.
    let mut s = Summary::new(
        "Tỉnh (synthetic)",
        Level::Province,
        Period::year(2022).unwrap(),
    );
    s.sector.training_conferences = Some(Interval::exact(222).into());
    s.sector.participants = Some(at_least(6853));
    s.party.participants = Some(Interval::exact(6853).into());
    let text = |r| vi::annual_summary(&s, &SummaryOptions::default().with_rounding(r));
    assert!(text(Rounding::Exact).contains("cho 6.853 người tham gia"));
    assert!(text(Rounding::Exact).contains("cho hơn 6.853 người."));
    assert!(text(Rounding::Press).contains("cho 6.853 người tham gia"));
    assert!(text(Rounding::Press).contains("cho hơn 6.800 người."));
    assert!(text(Rounding::PressAll).contains("cho hơn 6.800 người tham gia"));
    assert!(text(Rounding::PressAll).contains("hơn 220 hội nghị tập huấn"));
}
