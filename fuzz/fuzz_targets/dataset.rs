//! Any bytes → `Dataset::from_json` → `validate::report` and `check` →
//! Vietnamese messages. Only a panic (or a hang, or running out of memory) is
//! a finding; every error must be a value.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match danvan::Dataset::from_json(bytes) {
        Err(err) => {
            let _ = danvan::render::vi::message(err.kind());
        }
        Ok(dataset) => {
            // What is read can be written and read back to the same dataset.
            let again = danvan::Dataset::from_json(dataset.to_json().as_bytes());
            assert_eq!(again.as_ref().ok(), Some(&dataset), "{again:?}");
            let report = danvan::validate::report(&dataset);
            for issue in report.issues() {
                let _ = danvan::render::vi::issue(issue);
            }
            match danvan::check(dataset) {
                Ok(checked) => assert!(!checked.warnings().has_errors()),
                Err(report) => assert!(report.has_errors()),
            }
        }
    }
});
