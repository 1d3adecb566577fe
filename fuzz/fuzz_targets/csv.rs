//! Any bytes → `read_figures_csv` → `write_figures_csv` → `read_figures_csv`.
//! Fails on a panic; and when the first read succeeds, on a write that fails
//! (every figure a row gives can be written as a row), on a second read that
//! fails or gives other figures, or on a second write that gives other text
//! than the first (the written form is a fixed point).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(figures) = danvan::read_figures_csv(bytes) else {
        return;
    };
    let mut written = Vec::new();
    danvan::write_figures_csv(&figures, &mut written)
        .unwrap_or_else(|e| panic!("read {figures:?}, cannot write it: {e:?}"));
    let again = danvan::read_figures_csv(written.as_slice()).unwrap_or_else(|e| {
        panic!(
            "wrote {:?}, cannot read it back: {e:?}",
            String::from_utf8_lossy(&written)
        )
    });
    assert_eq!(again, figures, "{:?}", String::from_utf8_lossy(&written));
    let mut rewritten = Vec::new();
    danvan::write_figures_csv(&again, &mut rewritten).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        String::from_utf8_lossy(&rewritten),
        String::from_utf8_lossy(&written)
    );
});
