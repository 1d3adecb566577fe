//! The Vietnamese annual summary and plan, compared byte for byte with tests/golden.
//!
//! Run with `UPDATE_GOLDEN=1` to rewrite the golden files; check them by eye
//! before committing.

use danvan::notation;
use danvan::render::vi::{self, Rounding, SummaryOptions};
use danvan::{
    Actor, ActorSummary, Count, Dataset, Interval, Qualifier, Reported, StockSummary, Summary,
};

fn seed() -> Dataset {
    Dataset::from_json(crate::read("tests/fixtures/seed-2022.json").as_bytes()).unwrap()
}

/// The figure of `indicator` reported by `actor` for the whole dataset's unit.
fn figure(d: &Dataset, indicator: &str, actor: Actor) -> Option<Interval<u64>> {
    d.figures
        .iter()
        .find(|f| f.indicator.as_str() == indicator && f.actors == [actor])
        .and_then(|f| f.value)
        .map(|r| {
            let v = r.value().get();
            match r.qualifier() {
                Qualifier::AtLeast => Interval::at_least(v),
                Qualifier::AtMost => Interval::at_most(v),
                Qualifier::About => Interval::about(v),
                _ => Interval::exact(v),
            }
        })
}

/// The seed's summary, built by hand from its figures (the aggregation is
/// tested elsewhere).
fn seed_summary() -> Summary {
    let d = seed();
    let actor = |a: Actor| ActorSummary {
        conferences: figure(&d, "conferences", a),
        training_conferences: figure(&d, "training_conferences", a),
        participants: figure(&d, "conference_participants", a),
        leadership_documents: figure(&d, "leadership_documents", a),
        guidance_documents: figure(&d, "guidance_documents", a),
        documents: figure(&d, "documents", a),
        inspections: figure(&d, "inspections", a),
        inspection_subjects: figure(&d, "inspection_subjects", a),
        awarded_collectives: figure(&d, "awarded_collectives", a),
    };
    let s = Actor::MobilizationSector;
    Summary {
        unit_name: d.units[0].name().to_owned(),
        year: 2022,
        party: actor(Actor::PartyCommittees),
        sector: actor(s),
        stocks: StockSummary {
            skilful_models: figure(&d, "skilful_models", s),
            grassroots_blocks: figure(&d, "grassroots_blocks", s),
            village_teams: figure(&d, "village_teams", s),
        },
    }
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
    let exact = |n| Reported::exact(Count::new(n));
    let at_least = |n| Reported::new(Qualifier::AtLeast, Count::new(n));
    // (figure, Exact, Press, PressAll), all synthetic.
    let cases = [
        (exact(6853), "6.853", "6.853", "hơn 6.800"),
        (at_least(6853), "hơn 6.853", "hơn 6.800", "hơn 6.800"),
        (at_least(6800), "hơn 6.800", "hơn 6.800", "hơn 6.800"),
        (exact(13_360), "13.360", "13.360", "hơn 13.000"),
        (exact(512), "512", "512", "hơn 500"),
        (at_least(512), "hơn 512", "hơn 500", "hơn 500"),
        (exact(99), "99", "99", "99"),
        (at_least(99), "hơn 99", "hơn 99", "hơn 99"),
        (exact(500), "500", "500", "500"),
        (exact(0), "0", "0", "0"),
        (
            Reported::new(Qualifier::AtMost, Count::new(22_345)),
            "không quá 22.345",
            "không quá 22.345",
            "không quá 22.345",
        ),
        (
            Reported::new(Qualifier::About, Count::new(512)),
            "khoảng 512",
            "khoảng 512",
            "khoảng 512",
        ),
    ];
    for (r, e, p, a) in cases {
        assert_eq!(notation::reported(Rounding::Exact.apply(r)), e, "{r:?}");
        assert_eq!(notation::reported(Rounding::Press.apply(r)), p, "{r:?}");
        assert_eq!(notation::reported(Rounding::PressAll.apply(r)), a, "{r:?}");
    }
    // The same figures through the paragraph.
    let mut s = Summary {
        unit_name: "Tỉnh (synthetic)".into(),
        year: 2022,
        ..Summary::default()
    };
    s.sector.training_conferences = Some(Interval::exact(222));
    s.sector.participants = Some(Interval::at_least(6853));
    s.party.participants = Some(Interval::exact(6853));
    let text = |r| vi::annual_summary(&s, &SummaryOptions::default().with_rounding(r));
    assert!(text(Rounding::Exact).contains("cho 6.853 người tham gia"));
    assert!(text(Rounding::Exact).contains("cho hơn 6.853 người."));
    assert!(text(Rounding::Press).contains("cho 6.853 người tham gia"));
    assert!(text(Rounding::Press).contains("cho hơn 6.800 người."));
    assert!(text(Rounding::PressAll).contains("cho hơn 6.800 người tham gia"));
    assert!(text(Rounding::PressAll).contains("hơn 200 hội nghị tập huấn"));
}
