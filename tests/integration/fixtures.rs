//! The fixtures under tests/fixtures are the contract of the exchange format.

use danvan::{Dataset, Severity};

const FIXTURES: &[&str] = &[
    "tests/fixtures/seed-2022.json",
    "tests/fixtures/synthetic-small.json",
];

#[test]
fn fixtures_round_trip() {
    for path in FIXTURES {
        let text = crate::read(path);
        let dataset = Dataset::from_json(text.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"));
        let again = Dataset::from_json(dataset.to_json().as_bytes()).unwrap();
        assert_eq!(again, dataset, "{path}");
        // The written form is stable: writing the re-read dataset gives the same text.
        assert_eq!(again.to_json(), dataset.to_json(), "{path}");
    }
}

#[test]
fn seed_validates_with_only_the_plan_warning() {
    let dataset =
        Dataset::from_json(crate::read("tests/fixtures/seed-2022.json").as_bytes()).unwrap();
    assert_eq!(dataset.figures.len(), 12);
    let checked = danvan::check(dataset).unwrap_or_else(|r| panic!("{r}"));
    let issues = checked.warnings().issues();
    assert_eq!(issues.len(), 1, "{}", checked.warnings());
    let issue = &issues[0];
    assert_eq!(issue.severity(), Severity::Warning);
    assert_eq!(issue.code(), "DV078");
    assert_eq!(issue.place().to_string(), "plan.tasks");
    assert_eq!(
        issue.to_string(),
        "warning DV078 plan.tasks: plan lists 2 of its 8 key tasks"
    );
    assert_eq!(
        danvan::render::vi::issue(issue),
        "cảnh báo DV078 plan.tasks: kế hoạch mới liệt kê 2 trong 8 nhiệm vụ trọng tâm"
    );
}

#[test]
fn seed_figures_are_all_there() {
    let dataset =
        Dataset::from_json(crate::read("tests/fixtures/seed-2022.json").as_bytes()).unwrap();
    let value = |id: &str, actor: danvan::Actor| {
        dataset
            .figures
            .iter()
            .find(|f| f.indicator.as_str() == id && f.actors == [actor])
            .and_then(|f| f.value)
            .map(danvan::notation::reported)
    };
    use danvan::Actor::{MobilizationSector as S, PartyCommittees as P};
    assert_eq!(value("skilful_models", S).as_deref(), Some("1.229"));
    assert_eq!(value("grassroots_blocks", S).as_deref(), Some("235"));
    assert_eq!(value("village_teams", S).as_deref(), Some("1.347"));
    assert_eq!(value("conferences", P).as_deref(), Some("291"));
    assert_eq!(
        value("conference_participants", P).as_deref(),
        Some("13.360")
    );
    assert_eq!(value("leadership_documents", P).as_deref(), Some("919"));
    assert_eq!(value("inspections", P).as_deref(), Some("179"));
    assert_eq!(value("inspection_subjects", P).as_deref(), Some("545"));
    assert_eq!(value("training_conferences", S).as_deref(), Some("222"));
    assert_eq!(
        value("conference_participants", S).as_deref(),
        Some("hơn 6.800")
    );
    assert_eq!(value("guidance_documents", S).as_deref(), Some("hơn 500"));
    assert_eq!(value("awarded_collectives", S).as_deref(), Some("11"));
    let plan = dataset.plan.as_ref().unwrap();
    assert_eq!((plan.key_tasks, plan.breakthrough_tasks), (8, 2));
    assert_eq!(plan.tasks.iter().filter(|t| t.breakthrough).count(), 2);
}

#[test]
fn synthetic_small_is_clean() {
    let dataset =
        Dataset::from_json(crate::read("tests/fixtures/synthetic-small.json").as_bytes()).unwrap();
    let report = danvan::validate::report(&dataset);
    assert!(report.is_empty(), "{report}");
    assert!(danvan::check(dataset).is_ok());
}
