//! A fast, non-cryptographic hasher for the crate's own maps of unit codes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::{UnitCode, UnitIndex};

/// A fast, non-cryptographic hasher (the multiply-rotate of rustc's FxHasher)
/// for the accumulator's own unit index: the codes come from the hierarchy, so
/// hash flooding is not a concern, and SipHash was the fold's hot spot.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxHasher(u64);

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            for (d, s) in w.iter_mut().zip(rest) {
                *d = *s;
            }
            self.mix(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.mix(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.mix(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.mix(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map with the fast hasher. The keys are unit codes and similar values
/// the crate controls: hash flooding is not a concern, and SipHash was the
/// hot spot of folding records.
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Unit code → dense index of a hierarchy.
pub(crate) type UnitMap = FxMap<UnitCode, UnitIndex>;

/// The code → index map of a hierarchy, with the fast hasher.
pub(crate) fn unit_map(h: &crate::Hierarchy) -> UnitMap {
    let mut index = UnitMap::with_capacity_and_hasher(h.len(), Default::default());
    index.extend(h.iter().map(|(i, u)| (u.code(), i)));
    index
}

#[cfg(test)]
mod tests {
    use std::hash::{BuildHasher, BuildHasherDefault};

    use super::FxHasher;

    #[test]
    fn equal_codes_hash_equal_and_different_codes_mostly_differ() {
        let b = BuildHasherDefault::<FxHasher>::default();
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
}
