//! Lookups on the hot paths: unit codes to dense indices, and a fast map
//! for keys the crate makes itself.

use std::collections::HashMap;

use crate::UnitCode;

/// A map with a fast hasher (rustc-hash's FxHasher, no seed: no global
/// state), for keys the crate makes itself (the packed shapes of records, a
/// bounded set): hash flooding is not a concern there.
pub(crate) type FastMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;

/// Unit code → a `u32` (a dense index): national codes (province, district,
/// commune) in a direct table of 101,100 slots, village codes in a std
/// `HashMap` (SipHash with a random key: village codes are app-given text, so
/// an upload must not be able to make them collide). Resolving a unit is the
/// per-record hot spot of checking and folding; the table makes it one load.
#[derive(Clone, Debug, Default)]
pub(crate) struct UnitMap {
    /// By [`UnitCode::national_slot`]; `u32::MAX` for none. Empty until the
    /// first national code is inserted.
    national: Vec<u32>,
    villages: HashMap<UnitCode, u32>,
    len: usize,
}

impl UnitMap {
    /// Maps `code` to `value`, replacing an earlier value.
    pub(crate) fn insert(&mut self, code: UnitCode, value: u32) {
        match code.national_slot() {
            Some(slot) => {
                if self.national.is_empty() {
                    self.national = vec![u32::MAX; crate::unit::NATIONAL_SLOTS];
                }
                if let Some(x) = self.national.get_mut(slot) {
                    if *x == u32::MAX {
                        self.len += 1;
                    }
                    *x = value;
                }
            }
            None => {
                if self.villages.insert(code, value).is_none() {
                    self.len += 1;
                }
            }
        }
    }

    /// The value of `code`.
    pub(crate) fn get(&self, code: &UnitCode) -> Option<u32> {
        match code.national_slot() {
            Some(slot) => self.national.get(slot).copied().filter(|&v| v != u32::MAX),
            None => self.villages.get(code).copied(),
        }
    }

    /// Whether no code is mapped.
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The code → index map of a hierarchy.
pub(crate) fn unit_map(h: &crate::Hierarchy) -> UnitMap {
    let mut index = UnitMap::default();
    for (i, u) in h.iter() {
        // A hierarchy has fewer than u32::MAX units.
        if let Ok(i) = u32::try_from(i.get()) {
            index.insert(u.code(), i);
        }
    }
    index
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    #[test]
    fn equal_codes_hash_equal_and_different_codes_mostly_differ() {
        let b = rustc_hash::FxBuildHasher;
        let codes: Vec<crate::UnitCode> = ["30", "288", "10507", "10507-T01", "00004"]
            .iter()
            .map(|c| c.parse().expect("valid code"))
            .collect();
        let hashes: Vec<u64> = codes.iter().map(|c| b.hash_one(c)).collect();
        for (c, h) in codes.iter().zip(&hashes) {
            assert_eq!(b.hash_one(c), *h);
        }
        let mut distinct = hashes.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), hashes.len());
    }

    #[test]
    fn unit_map_keeps_national_and_village_codes_apart() {
        let mut m = super::UnitMap::default();
        assert!(m.is_empty());
        let code = |c: &str| -> crate::UnitCode { c.parse().expect("valid code") };
        // "00004" (a commune) and "04" (a province) share the number 4.
        for (i, c) in ["04", "004", "00004", "00004-T1", "99999"]
            .iter()
            .enumerate()
        {
            m.insert(code(c), i as u32);
        }
        m.insert(code("004"), 7);
        for (c, v) in [
            ("04", 0),
            ("004", 7),
            ("00004", 2),
            ("00004-T1", 3),
            ("99999", 4),
        ] {
            assert_eq!(m.get(&code(c)), Some(v), "{c}");
        }
        for c in ["05", "00005", "00004-T2", "99"] {
            assert_eq!(m.get(&code(c)), None, "{c}");
        }
        assert!(!m.is_empty());
    }
}
