//! Errors stay small however large the bad input.

use danvan::{Hierarchy, Period, Unit};

/// The stream keeps its first rejections: each must stay small however
/// large the bad value (the 1 MiB lines of the big-rejections repro).
#[test]
fn stored_stream_rejections_are_small() {
    let units = Hierarchy::new(vec![Unit::new("30".parse().unwrap(), "Tỉnh")]).unwrap();
    let head = r#"{"document": {"unit": ""#;
    let tail = r#"", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#;
    let fill = "9".repeat((1 << 20) - head.len() - tail.len() - 1);
    let word = "x".repeat((1 << 20) - 200);
    let lines = [
        format!("{head}{fill}{tail}"),
        format!(
            r#"{{"document": {{"unit": "30", "date": "2022-05-10", "actor": "{word}", "kind": "leadership"}}}}"#
        ),
        format!(
            r#"{{"document": {{"unit": "30", "date": "2022-05-10", "actor": "party_committees", "kind": "{word}"}}}}"#
        ),
    ];
    let input = lines.join("\n");
    let period = Period::year(2022).unwrap();
    let (_, stats) = danvan::stream_json_lines(input.as_bytes(), &units, period, &[]).unwrap();
    assert_eq!((stats.lines, stats.rejected_total), (3, 3));
    for (line, err) in &stats.rejected {
        let english = err.to_string();
        let vi = err.kind().message_vi();
        assert!(english.len() < 1024, "line {line}: {} bytes", english.len());
        assert!(vi.len() < 1024, "line {line}: {} bytes", vi.len());
        assert!(format!("{err:?}").len() < 2048, "line {line}");
    }
}
