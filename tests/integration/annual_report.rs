//! The main example's code path: every seed figure reaches the output.

#[allow(dead_code)]
#[path = "../../examples/annual_report.rs"]
mod example;

fn run(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    // The example reads paths relative to the crate root, where cargo runs tests.
    let code = example::run(&args, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// The figures of the seed article, as the press-style paragraph prints them.
const SEED_FIGURES: [&str; 12] = [
    "1.229 mô hình “Dân vận khéo”",
    "235 khối dân vận cơ sở",
    "1.347 tổ dân vận",
    "291 hội nghị",
    "13.360 người tham gia",
    "919 văn bản để lãnh đạo, chỉ đạo",
    "179 cuộc kiểm tra, giám sát",
    "545 tổ chức đảng, đảng viên",
    "222 hội nghị tập huấn",
    "hơn 6.800 người",
    "hơn 500 văn bản hướng dẫn, đôn đốc",
    "11 tập thể",
];

#[test]
fn default_input_prints_every_seed_figure() {
    let (code, out, err) = run(&[]);
    assert_eq!(code, 0, "{err}");
    for figure in SEED_FIGURES {
        assert!(out.contains(figure), "missing {figure:?} in:\n{out}");
    }
    // The table by district ends with the province row, the plan lists the two
    // breakthrough tasks and says honestly that the source names 2 of 8.
    assert!(out.contains("Huyện Thanh Miện"));
    assert!(out.contains("Toàn tỉnh"));
    assert_eq!(out.matches("[đột phá]").count(), 2);
    assert!(out.contains("(nguồn chỉ nêu 2/8 nhiệm vụ trọng tâm)"));
    assert!(out.contains("Khối dân vận cơ sở / xã, phường, thị trấn: 100%"));
    assert!(out.starts_with("cảnh báo DV078 plan.tasks"));
}

#[test]
fn exact_prints_the_totalled_lower_bound() {
    let (code, out, _) = run(&["--exact"]);
    assert_eq!(code, 0);
    // A computed lower bound is "ít nhất" (issue 14): the records' lower
    // bounds sum to exactly 6.853, which "hơn 6.853" overstated.
    assert!(out.contains("cho ít nhất 6.853 người"), "{out}");
    assert!(out.contains("ít nhất 505 văn bản hướng dẫn"), "{out}");
    assert!(!out.contains("hơn 6.800"));
}

#[test]
fn seed_fixture_reads_like_the_seed() {
    let (code, out, _) = run(&["tests/fixtures/seed-2022.json"]);
    assert_eq!(code, 0);
    for figure in SEED_FIGURES {
        assert!(out.contains(figure), "missing {figure:?} in:\n{out}");
    }
}

#[test]
fn json_prints_totals_that_read_back() {
    let (code, out, _) = run(&["--json"]);
    assert_eq!(code, 0);
    // JSON Lines: one row per line, read back with the dataset's units.
    let rows: Vec<danvan::TotalsRow> = out
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert!(rows.len() > 100, "{}", rows.len());
    let d = danvan::Dataset::from_json(crate::read("examples/data/hai-duong-2022.json").as_bytes())
        .unwrap();
    let checked = danvan::check(d).unwrap();
    let computed = danvan::Totals::compute(&checked).unwrap();
    let totals = danvan::Totals::from_rows(
        checked.hierarchy(),
        checked.dataset().period,
        &checked.dataset().indicators,
        rows,
    )
    .unwrap();
    assert_eq!(totals, computed);
    let province: danvan::UnitCode = "30".parse().unwrap();
    let models = totals.stock(&province, danvan::Builtin::SkilfulModels);
    assert_eq!(models.and_then(danvan::Interval::exact_value), Some(1229));
}

#[test]
fn bad_inputs_have_exit_codes() {
    assert_eq!(run(&["no/such/file.json"]).0, 2);
    assert_eq!(run(&["--frobnicate"]).0, 2);
    let (code, _, err) = run(&["Cargo.toml"]);
    assert_eq!(code, 2);
    assert_eq!(err, "Cargo.toml:1:2: expected value\n");
    let (code, out, _) = run(&["tests/bad/066-consent-exceeds-affected.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("error DV069"), "{out}");
}
