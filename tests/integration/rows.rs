//! The stable export of totals: `TotalsRow`s, their JSON shape (a contract)
//! and `Totals::from_rows`, which checks every row.
//!
//! Every unit and record here is synthetic on real Hải Dương unit codes.

use danvan::*;

/// Rows → JSON array → rows → totals, for the hierarchy, period and indicators of `t`.
pub fn through_rows(t: &Totals) -> Result<Totals, Error> {
    let json = serde_json::to_string(&t.rows()).unwrap();
    let rows: Vec<TotalsRow> = serde_json::from_str(&json).unwrap();
    Totals::from_rows(t.hierarchy(), t.period(), t.indicators(), rows)
}

fn totals_of(json: &str) -> Totals {
    let d = Dataset::from_json(json.as_bytes()).unwrap();
    Totals::compute(&check(d).unwrap()).unwrap()
}

/// One province: two conferences counted in distinct persons, a stock figure
/// for the first half and an amount figure.
const SMALL: &str = r#"{
    "schema": "danvan/dataset/v1",
    "period": {"start": "2022-01-01", "end": "2022-12-31"},
    "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
    "indicators": [{"id": "money_mobilized", "label": "Money (synthetic)", "kind": "flow", "unit": "đồng", "values": "amount"}],
    "conferences": [
        {"unit": "30", "date": "2022-03-15", "actor": "party_committees", "kind": "training", "participants": 120, "headcount": "distinct_persons"},
        {"unit": "30", "date": "2022-04-02", "actor": "party_committees", "kind": "training", "participants": 40, "headcount": "distinct_persons"}
    ],
    "figures": [
        {"indicator": "skilful_models", "unit": "30", "actor": "mobilization_sector", "value": {"at_least": 1200},
         "period": {"start": "2022-01-01", "end": "2022-06-30"}},
        {"indicator": "money_mobilized", "unit": "30", "actor": "front_and_mass_organizations",
         "amount": {"amount": "6300000000", "unit": "đồng", "qualifier": "at_least"}}
    ]
}"#;

#[test]
fn print_small() {
    let t = totals_of(SMALL);
    for r in t.rows() {
        println!("{}", serde_json::to_string(&r).unwrap());
    }
    panic!();
}
