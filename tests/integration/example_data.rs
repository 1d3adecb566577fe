//! The main example's default input, examples/data/hai-duong-2022.json:
//! synthetic records on real units whose province totals are the seed's.

use danvan::{Actor, ConferenceKind, Dataset, DocumentKind, Level, Qualifier, Severity};

// The generator itself, so that the shipped file is checked to be its output.
#[allow(dead_code)]
#[path = "../../examples/gen_hai_duong.rs"]
mod gen_hai_duong;

const PATH: &str = "examples/data/hai-duong-2022.json";

fn dataset() -> Dataset {
    Dataset::from_json(crate::read(PATH).as_bytes()).unwrap()
}

#[test]
fn shipped_file_is_the_generators_output() {
    let generated = gen_hai_duong::generate().unwrap();
    let text = crate::read(PATH);
    assert!(
        text == format!("{}\n", generated.to_json()),
        "{PATH} is stale: cargo run --example gen_hai_duong > {PATH}"
    );
}

#[test]
fn validates_with_only_the_plan_warning() {
    let checked = danvan::check(dataset()).unwrap_or_else(|r| panic!("{r}"));
    let issues = checked.warnings().issues();
    assert_eq!(issues.len(), 1, "{}", checked.warnings());
    assert_eq!(issues[0].severity(), Severity::Warning);
    assert_eq!(issues[0].code(), "DV078");
    assert_eq!(
        issues[0].to_string(),
        "warning DV078 plan.tasks: plan lists 2 of its 8 key tasks"
    );
}

#[test]
fn real_units_and_synthetic_villages() {
    let d = dataset();
    let count = |level| d.units.iter().filter(|u| u.level() == level).count();
    assert_eq!(count(Level::Province), 1);
    assert_eq!(count(Level::District), 12);
    assert_eq!(count(Level::Commune), 235);
    assert_eq!(count(Level::Village), 1347);
    for u in d.units.iter().filter(|u| u.level() == Level::Village) {
        assert!(u.name().ends_with(" (synthetic)"), "{}", u.name());
    }
    let title = d.title.as_deref().unwrap();
    assert!(title.contains("synthetic records on real units"), "{title}");
    // Every commune has a village.
    let communes: std::collections::HashSet<_> = d
        .units
        .iter()
        .filter(|u| u.level() == Level::Village)
        .filter_map(|u| u.parent())
        .collect();
    assert_eq!(communes.len(), 235);
}

/// Totals counted by hand, record by record (not through the aggregation).
#[test]
fn province_totals_are_the_seeds() {
    let d = dataset();
    assert_eq!(d.models.len(), 1229);
    assert_eq!(d.blocks.len(), 235);
    assert_eq!(d.teams.len(), 1347);

    let party = |a: Actor| a == Actor::PartyCommittees;
    let sector = |a: Actor| a == Actor::MobilizationSector;

    let party_conf: Vec<_> = d.conferences.iter().filter(|c| party(c.actor)).collect();
    assert_eq!(party_conf.len(), 291);
    assert!(party_conf.iter().all(|c| c.participants.is_exact()));
    let participants: u64 = party_conf
        .iter()
        .map(|c| c.participants.value().get())
        .sum();
    assert_eq!(participants, 13_360);
    // Propaganda, training and both kinds all occur.
    for kind in [
        ConferenceKind::Propaganda,
        ConferenceKind::Training,
        ConferenceKind::Both,
    ] {
        assert!(party_conf.iter().any(|c| c.kind == kind));
    }

    let party_docs = d.documents.iter().filter(|x| party(x.actor));
    assert_eq!(
        party_docs
            .filter(|x| x.kind == DocumentKind::Leadership)
            .count(),
        919
    );
    assert_eq!(d.documents.len(), 919);

    assert_eq!(d.inspections.len(), 179);
    assert!(d.inspections.iter().all(|x| party(x.actor)));
    let subjects: u64 = d
        .inspections
        .iter()
        .map(|x| x.subjects.total().unwrap().get())
        .sum();
    assert_eq!(subjects, 545);

    let sector_conf: Vec<_> = d.conferences.iter().filter(|c| sector(c.actor)).collect();
    assert_eq!(sector_conf.len(), 222);
    assert!(sector_conf
        .iter()
        .all(|c| c.kind == ConferenceKind::Training
            && c.participants.qualifier() == Qualifier::AtLeast));
    let lower: u64 = sector_conf
        .iter()
        .map(|c| c.participants.value().get())
        .sum();
    assert_eq!(lower, 6853);
    assert_eq!(d.conferences.len(), 291 + 222);

    // Sector guidance documents: 12 district figures, lower bounds summing to 505 ("hơn 500").
    assert_eq!(d.figures.len(), 12);
    let mut guidance = 0;
    for f in &d.figures {
        assert_eq!(f.indicator.as_str(), "guidance_documents");
        assert_eq!(f.actors, [Actor::MobilizationSector]);
        assert_eq!(f.unit.level(), Level::District);
        let v = f.value.unwrap();
        assert_eq!(v.qualifier(), Qualifier::AtLeast);
        guidance += v.value().get();
    }
    assert_eq!(guidance, 505);

    assert_eq!(d.awards.len(), 11);
    for a in &d.awards {
        assert_eq!(a.kind, danvan::AwardKind::GiayKhen);
        assert_eq!(a.recipient, danvan::Recipient::Collective);
        assert_eq!(a.issuer, Actor::MobilizationSector);
        assert_eq!(a.unit.to_string(), "30");
        assert_eq!(a.date.to_string(), "2022-12-20");
    }

    let plan = d.plan.as_ref().unwrap();
    assert_eq!((plan.key_tasks, plan.breakthrough_tasks), (8, 2));
    assert_eq!(plan.tasks.len(), 2);
    assert!(plan.tasks.iter().all(|t| t.breakthrough && t.key));
    let seed = Dataset::from_json(crate::read("tests/fixtures/seed-2022.json").as_bytes()).unwrap();
    assert_eq!(Some(plan), seed.plan.as_ref());
}
