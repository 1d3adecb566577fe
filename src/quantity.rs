//! Counts, qualified reported numbers, shares and measures.
