//! Rendering figures and messages for people.
//!
//! Everything Vietnamese — number notation (`1.229`, `hơn 6.800`, `98,5%`),
//! dates (`02/02/2023`), messages for officials and the annual summary — lives
//! in [`vi`] and nowhere else.

pub mod vi;
