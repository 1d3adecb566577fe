//! Administrative units, their hierarchy and the 2025 crosswalk.
