//! Synthetic test data shared by the test modules (labelled synthetic).

use danvan::{Unit, UnitCode};

fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

/// A synthetic hierarchy: province 90, one district per entry of `shape`, and
/// for each district its communes with their number of villages.
pub fn units(shape: &[Vec<u8>]) -> (Vec<Unit>, Vec<UnitCode>, Vec<UnitCode>) {
    let mut units = vec![Unit::new(code("90"), "Province (synthetic)")];
    let (mut communes, mut villages) = (Vec::new(), Vec::new());
    for (d, comms) in shape.iter().enumerate() {
        let dc = code(&format!("9{:02}", d + 1));
        units
            .push(Unit::new(dc, format!("District {d} (synthetic)")).with_parent(Some(code("90"))));
        for (c, &nv) in comms.iter().enumerate() {
            let cc = code(&format!("{:05}", 90000 + (d + 1) * 100 + c + 1));
            units.push(Unit::new(cc, format!("Commune {d}.{c} (synthetic)")).with_parent(Some(dc)));
            communes.push(cc);
            for v in 0..nv {
                let vc = code(&format!("{cc}-V{v}"));
                units.push(Unit::new(vc, format!("Village {v} (synthetic)")).with_parent(Some(cc)));
                villages.push(vc);
            }
        }
    }
    (units, communes, villages)
}
