//! Any text → the Vietnamese number readers → writers → readers: whenever a
//! reader accepts the text, writing its value and reading it again gives the
//! same value.

#![no_main]

use danvan::render::vi;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(r) = vi::parse_reported(text) {
        assert_eq!(
            vi::parse_reported(&vi::reported(r)).ok(),
            Some(r),
            "{text:?}"
        );
    }
    if let Ok((q, amount)) = vi::parse_amount(text) {
        let written = vi::decimal(amount);
        let (q2, again) =
            vi::parse_amount(&written).unwrap_or_else(|e| panic!("{text:?} → {written:?}: {e}"));
        assert_eq!(q2, danvan::Qualifier::Exact);
        assert_eq!(again, amount, "{text:?} → {written:?}");
        // The qualifier survives too, carried by a measure.
        if let Ok(m) =
            danvan::Measure::new(q, amount, "km".parse().unwrap_or_else(|e| panic!("{e}")))
        {
            assert_eq!(
                vi::parse_measure(&vi::measure(&m)).ok(),
                Some(m),
                "{text:?}"
            );
        }
    }
    if let Ok(p) = vi::parse_percent(text) {
        let written = format!("{}%", vi::decimal(p));
        assert_eq!(
            vi::parse_percent(&written).ok(),
            Some(p),
            "{text:?} → {written:?}"
        );
    }
});
