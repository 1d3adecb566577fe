//! One broken document per rule: each gives its code at its path, and nothing panics.

use serde_json::{json, Value};

use danvan::{Dataset, Severity};

fn base() -> Value {
    serde_json::from_str(&crate::read("tests/fixtures/synthetic-small.json")).unwrap()
}

/// Sets the value at a JSON pointer, creating nothing: the pointer's parent must exist.
fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = doc
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    match target {
        Value::Object(map) => {
            map.insert(key.to_owned(), value);
        }
        Value::Array(items) => {
            let i: usize = key.parse().unwrap();
            if i == items.len() {
                items.push(value);
            } else {
                items[i] = value;
            }
        }
        _ => panic!("{parent} is not a container"),
    }
}

/// (what is broken, pointer, new value, expected severity, code, path)
type Case = (
    &'static str,
    &'static str,
    Value,
    Severity,
    &'static str,
    &'static str,
);

fn cases() -> Vec<Case> {
    use Severity::{Error as E, Warning as W};
    vec![
        (
            "unknown unit",
            "/conferences/0/unit",
            json!("10999"),
            E,
            "DV063",
            "conferences[0].unit",
        ),
        (
            "block on a district",
            "/blocks/1/unit",
            json!("288"),
            E,
            "DV065",
            "blocks[1].unit",
        ),
        (
            "team on a commune",
            "/teams/1/unit",
            json!("10510"),
            E,
            "DV065",
            "teams[1].unit",
        ),
        (
            "two blocks on one commune",
            "/blocks/1/unit",
            json!("10507"),
            E,
            "DV066",
            "blocks[1].unit",
        ),
        (
            "two teams on one village",
            "/teams/1/unit",
            json!("10507-T01"),
            E,
            "DV067",
            "teams[1].unit",
        ),
        (
            "date outside period",
            "/conferences/1/date",
            json!("2023-01-05"),
            E,
            "DV068",
            "conferences[1].date",
        ),
        (
            "consent above affected",
            "/clearances/0/households_consenting",
            json!(150),
            E,
            "DV069",
            "clearances[0].households_consenting",
        ),
        (
            "resolved above raised",
            "/dialogues/0/petitions_resolved",
            json!(15),
            E,
            "DV070",
            "dialogues[0].petitions_resolved",
        ),
        (
            "no subject",
            "/inspections/0/subjects",
            json!({}),
            E,
            "DV071",
            "inspections[0].subjects",
        ),
        (
            "no subject (zeros)",
            "/inspections/1/subjects",
            json!({"party_members": 0}),
            E,
            "DV071",
            "inspections[1].subjects",
        ),
        (
            "stages not nested",
            "/figures/1/value",
            json!(41),
            E,
            "DV072",
            "figures[1].value",
        ),
        (
            "exact parts do not sum",
            "/figures/2/value",
            json!(12),
            E,
            "DV073",
            "figures[2].parts",
        ),
        (
            "lower-bound total above parts",
            "/figures/2/value",
            json!({"at_least": 12}),
            E,
            "DV073",
            "figures[2].parts",
        ),
        (
            "duplicate conference id",
            "/conferences/1/id",
            json!("c1"),
            E,
            "DV074",
            "conferences[1].id",
        ),
        (
            "duplicate block id",
            "/blocks/1/id",
            json!("b1"),
            E,
            "DV074",
            "blocks[1].id",
        ),
        (
            "breakthroughs exceed key tasks",
            "/plan/breakthrough_tasks",
            json!(3),
            E,
            "DV075",
            "plan.breakthrough_tasks",
        ),
        (
            "breakthrough not key",
            "/plan/tasks/0/key",
            json!(false),
            E,
            "DV076",
            "plan.tasks[0].key",
        ),
        (
            "more tasks than declared",
            "/plan/key_tasks",
            json!(1),
            E,
            "DV077",
            "plan.tasks",
        ),
        (
            "fewer tasks than declared",
            "/plan/key_tasks",
            json!(5),
            W,
            "DV078",
            "plan.tasks",
        ),
        (
            "two actors in one figure",
            "/figures/0/actor",
            json!(["mobilization_sector", "party_committees"]),
            E,
            "DV079",
            "figures[0].actor",
        ),
        (
            "unknown indicator",
            "/figures/0/indicator",
            json!("houses_built"),
            E,
            "DV081",
            "figures[0].indicator",
        ),
        (
            "amount on a count indicator",
            "/figures/3/indicator",
            json!("dialogues"),
            E,
            "DV082",
            "figures[3]",
        ),
        (
            "figure period outside",
            "/figures/0/period",
            json!({"start": "2022-06-01", "end": "2023-01-31"}),
            E,
            "DV083",
            "figures[0].period",
        ),
        (
            "duplicate figure",
            "/figures/4",
            json!({"indicator": "skilful_models_registered", "unit": "288", "actor": "mobilization_sector", "value": 40}),
            E,
            "DV084",
            "figures[4]",
        ),
        (
            "custom indicator reuses a built-in id",
            "/indicators/0/id",
            json!("documents"),
            E,
            "DV085",
            "indicators[0].id",
        ),
        (
            "unknown criterion",
            "/plan/tasks/0/clear/0/criterion",
            json!("speed"),
            E,
            "DV086",
            "plan.tasks[0].clear[0].criterion",
        ),
        (
            "sibling names equal after NFC",
            "/units/3/name",
            json!(
                "Phu\u{031b}\u{01a1}\u{0300}ng Ca\u{0302}\u{0309}m Thu\u{031b}o\u{031b}\u{0323}ng"
            ),
            W,
            "DV087",
            "units[3].name",
        ),
        (
            "dissolved before established",
            "/blocks/0/dissolved",
            json!("2010-01-01"),
            E,
            "DV088",
            "blocks[0].dissolved",
        ),
        (
            "two leaders",
            "/teams/0/members/1/role",
            json!("party_cell_secretary"),
            E,
            "DV089",
            "teams[0].members",
        ),
        (
            "unit not valid on the date",
            "/units/1/valid_to",
            json!("2022-03-01"),
            E,
            "DV064",
            "conferences[0].unit",
        ),
        (
            "reception below norm",
            "/receptions",
            json!([{"unit": "10507", "date": "2022-06-15", "actor": "party_committees"}]),
            W,
            "DV080",
            "receptions[0].unit",
        ),
    ]
}

#[test]
fn every_rule_has_a_broken_document() {
    let mut seen = std::collections::BTreeSet::new();
    for (what, pointer, value, severity, code, path) in cases() {
        let mut doc = base();
        set(&mut doc, pointer, value);
        let text = doc.to_string();
        let dataset = Dataset::from_json(text.as_bytes())
            .unwrap_or_else(|e| panic!("{what}: does not parse: {e}"));
        let report = danvan::validate::report(&dataset);
        let found = report
            .issues()
            .iter()
            .find(|i| i.code() == code && i.place().to_string() == path);
        let issue =
            found.unwrap_or_else(|| panic!("{what}: expected {code} at {path}, got:\n{report}"));
        assert_eq!(issue.severity(), severity, "{what}");
        // The Vietnamese message is rendered from the same fields, and differs from English.
        let vi = danvan::render::vi::issue(issue);
        assert!(vi.contains(code) && vi.contains(path), "{what}: {vi}");
        assert_ne!(
            danvan::render::vi::message(issue.kind()),
            issue.kind().to_string(),
            "{what}"
        );
        // check() agrees with report(): errors reject, warnings alone do not.
        let outcome = danvan::check(dataset);
        assert_eq!(outcome.is_err(), report.has_errors(), "{what}");
        seen.insert(code);
    }
    assert!(seen.len() >= 25, "{seen:?}");
}

#[test]
fn distinct_parts_may_overlap_but_not_exceed_the_whole() {
    let mut doc = base();
    let figure = json!({"indicator": "conference_persons", "unit": "288", "actor": "party_committees",
        "value": 100, "parts": [{"label": "training", "value": 80}, {"label": "propaganda", "value": 50}]});
    set(&mut doc, "/figures/4", figure);
    let dataset = Dataset::from_json(doc.to_string().as_bytes()).unwrap();
    assert!(danvan::validate::report(&dataset).is_empty());
    set(&mut doc, "/figures/4/parts/0/value", json!(101));
    let dataset = Dataset::from_json(doc.to_string().as_bytes()).unwrap();
    let report = danvan::validate::report(&dataset);
    assert_eq!(
        report.to_string(),
        "error DV002 figures[4].parts: part 101 exceeds whole 100\n"
    );
}

#[test]
fn stocks_over_sub_periods_do_not_overlap_twice() {
    // A stock reported for Q1 and for the year is the latest value, not a sum: no DV098.
    let mut doc = base();
    set(
        &mut doc,
        "/figures/4",
        json!({"indicator": "skilful_models_registered", "unit": "288", "actor": "mobilization_sector", "period": {"start": "2022-01-01", "end": "2022-03-31"}, "value": 30}),
    );
    let dataset = Dataset::from_json(doc.to_string().as_bytes()).unwrap();
    assert!(
        danvan::validate::report(&dataset).is_empty(),
        "{}",
        danvan::validate::report(&dataset)
    );
}

#[test]
fn a_report_lists_every_issue_not_just_the_first() {
    let mut doc = base();
    set(&mut doc, "/clearances/0/households_consenting", json!(150));
    set(&mut doc, "/dialogues/0/petitions_resolved", json!(15));
    set(&mut doc, "/conferences/0/unit", json!("10999"));
    let dataset = Dataset::from_json(doc.to_string().as_bytes()).unwrap();
    let report = danvan::check(dataset).unwrap_err();
    let codes: Vec<&str> = report.issues().iter().map(|i| i.code().as_str()).collect();
    assert_eq!(codes, ["DV063", "DV070", "DV069"]);
}

/// Documents the reader rejects: each is DV050 with a line and column.
#[test]
fn malformed_documents_say_where() {
    let cases: &[(&str, &str)] = &[
        ("{", "EOF while parsing an object"),
        (
            r#"{"schema": "danvan/dataset/v2", "period": {"start": "2022-01-01", "end": "2022-12-31"}}"#,
            "unknown variant `danvan/dataset/v2`",
        ),
        (
            r#"{"schema": "danvan/dataset/v1", "period": {"start": "2022-01-01", "end": "2022-12-31"}, "extra": 1}"#,
            "unknown field `extra`",
        ),
        (
            r#"{"schema": "danvan/dataset/v1"}"#,
            "missing field `period`",
        ),
        (
            r#"{"schema": "danvan/dataset/v1", "period": {"start": "2023-02-30", "end": "2023-12-31"}}"#,
            "input is out of range",
        ),
        (
            r#"{"schema": "danvan/dataset/v1", "period": {"start": "2022-01-01", "end": "2022-12-31"}, "units": [{"code": "3", "name": "x"}]}"#,
            "invalid unit code \"3\"",
        ),
        (
            r#"{"schema": "danvan/dataset/v1", "period": {"start": "2022-01-01", "end": "2022-12-31"}, "figures": [{"indicator": "documents", "unit": "30", "actor": "party", "value": 1}]}"#,
            "unknown actor \"party\"",
        ),
        (
            r#"{"schema": "danvan/dataset/v1", "period": {"start": "2022-01-01", "end": "2022-12-31"}, "figures": [{"indicator": "documents", "unit": "30", "actor": "government", "value": -1}]}"#,
            "",
        ),
        (
            r#"{"schema": "danvan/dataset/v1", "period": {"start": "2022-01-01", "end": "2022-12-31"}} trailing"#,
            "trailing characters",
        ),
    ];
    for (text, needle) in cases {
        let err = Dataset::from_json(text.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "DV050", "{text}");
        let danvan::ErrorKind::Json {
            line,
            column,
            message,
        } = err.kind()
        else {
            panic!("{text}: {err}");
        };
        assert!(*line >= 1 && *column >= 1, "{text}: {err}");
        assert!(message.as_str().contains(needle), "{text}: {message}");
    }
}

#[test]
fn reception_norm_counts_only_months_the_unit_existed_and_each_head_alone() {
    // Synthetic: district 288 ends on 30 June; its Party head receives on the 5th of
    // every month it exists; the government head of commune 10507 receives, the Party head does not.
    let mut doc = base();
    set(&mut doc, "/units/1/valid_to", json!("2022-06-30"));
    for unit in [2, 3, 4, 5] {
        set(
            &mut doc,
            &format!("/units/{unit}/valid_to"),
            json!("2022-06-30"),
        );
    }
    // Keep every dated record inside the validity of its unit.
    set(
        &mut doc,
        "/period",
        json!({"start": "2022-01-01", "end": "2022-12-31"}),
    );
    let receptions: Vec<Value> = (1..=6)
        .map(|m| json!({"unit": "288", "date": format!("2022-{m:02}-05"), "actor": "party_committees"}))
        .collect();
    set(&mut doc, "/receptions", Value::Array(receptions));
    let dataset = Dataset::from_json(doc.to_string().as_bytes()).unwrap();
    let report = danvan::validate::report(&dataset);
    assert_eq!(
        report
            .issues()
            .iter()
            .filter(|i| i.code() == "DV080")
            .count(),
        0,
        "{report}"
    );

    let mut doc = base();
    set(
        &mut doc,
        "/period",
        json!({"start": "2022-01-01", "end": "2022-01-31"}),
    );
    set(
        &mut doc,
        "/receptions",
        json!([
            {"unit": "10507", "date": "2022-01-05", "actor": "government"},
            {"unit": "10507", "date": "2022-01-06", "actor": "government"},
            {"unit": "10507", "date": "2022-01-07", "actor": "party_committees"}
        ]),
    );
    let dataset = Dataset::from_json(doc.to_string().as_bytes()).unwrap();
    let report = danvan::validate::report(&dataset);
    let norms: Vec<String> = report
        .issues()
        .iter()
        .filter(|i| i.code() == "DV080")
        .map(|i| i.to_string())
        .collect();
    assert_eq!(norms, ["warning DV080 receptions[2].unit: the head of \"10507\" (party_committees) received citizens on too few days in 2022-01: 1, expected at least 2"]);
}
