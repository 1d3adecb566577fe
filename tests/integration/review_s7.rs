//! Review of session 7's merged diff (`git diff f1c809c..HEAD`): hostile
//! input against the country's cell, eras, the report plan and the `danvan`
//! command. Every dataset here is synthetic.

use danvan::{check_v2, Catalogue, DatasetV2, FigureCube};

fn fixture(path: &str) -> DatasetV2 {
    DatasetV2::from_json(crate::read(path).as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The successor ward's report (current era, valid from 1 July 2025) must
/// not state its predecessor's first-half figures (same code, era 2020) as
/// its own, neither in the paragraph nor in the rows: the predecessor's
/// cells lie outside the current hierarchy the report walks.
#[test]
fn a_successors_report_does_not_state_its_predecessors_figures() {
    let checked = check_v2(
        fixture("tests/fixtures/v2-eras.json"),
        &Catalogue::builtin(),
    )
    .unwrap_or_else(|r| panic!("{r:?}"));
    let cube = FigureCube::from_checked(&checked).unwrap();
    for unit in ["26734", "79"] {
        let plan = danvan::render::plan_report(
            &cube,
            checked.catalogue(),
            &unit.parse().unwrap(),
            &Default::default(),
        )
        .unwrap();
        let text = danvan::render::vi::write_report(&plan);
        assert!(!text.contains("đầu năm 2025"), "{unit}: {text}");
        for row in plan.rows() {
            assert_ne!(row.period, "6 tháng đầu năm 2025", "{unit}: {row:?}");
        }
    }
}
