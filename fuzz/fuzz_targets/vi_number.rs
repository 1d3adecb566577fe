//! Any text → the Vietnamese number readers → writers → readers: whenever a
//! reader accepts the text, writing its value and reading it again gives the
//! same value.

#![no_main]

use danvan::notation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(r) = notation::parse_reported(text) {
        assert_eq!(
            notation::parse_reported(&notation::reported(r)).ok(),
            Some(r),
            "{text:?}"
        );
    }
    if let Ok((q, amount)) = notation::parse_amount(text) {
        let written = notation::decimal(amount);
        let (q2, again) = notation::parse_amount(&written)
            .unwrap_or_else(|e| panic!("{text:?} → {written:?}: {e}"));
        assert_eq!(q2, danvan::Qualifier::Exact);
        assert_eq!(again, amount, "{text:?} → {written:?}");
        // The qualifier survives too, carried by a measure.
        if let Ok(m) =
            danvan::Measure::new(q, amount, "km".parse().unwrap_or_else(|e| panic!("{e}")))
        {
            assert_eq!(
                notation::parse_measure(&notation::measure(&m)).ok(),
                Some(m),
                "{text:?}"
            );
        }
    }
    if let Ok(p) = notation::parse_percent(text) {
        let written = format!("{}%", notation::decimal(p));
        assert_eq!(
            notation::parse_percent(&written).ok(),
            Some(p),
            "{text:?} → {written:?}"
        );
    }
});
