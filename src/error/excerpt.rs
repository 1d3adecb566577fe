//! A short, marked excerpt of an input value, for messages.

use std::fmt;

use unicode_segmentation::GraphemeCursor;

use super::words::group_with;

/// A short, marked excerpt of a text taken from the input.
///
/// Errors quote what they were given (a bad number, an unknown unit code, an
/// id), but never a whole value of any size: an excerpt keeps at most
/// [`Excerpt::MAX_CHARS`] characters and the value's length in bytes. Making
/// one reads at most that many characters and copies no more; a value cut
/// short is marked with `…` and its size:
///
/// ```
/// use danvan::Excerpt;
///
/// let short = Excerpt::new("1,229");
/// assert_eq!(short.to_string(), "1,229");
/// assert_eq!(format!("{short:?}"), "\"1,229\"");
/// assert_eq!(short, "1,229");
///
/// let huge = "9".repeat(1 << 20);
/// let cut = Excerpt::new(&huge);
/// assert!(cut.is_truncated());
/// assert_eq!(cut.as_str().len(), 64);
/// assert_eq!(cut.byte_len(), 1_048_576);
/// assert!(cut.to_string().ends_with("9… (1 048 576 bytes)"));
/// assert!(format!("{cut:?}").ends_with("9\"… (1 048 576 bytes)"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Excerpt {
    head: Box<str>,
    bytes: usize,
}

impl Excerpt {
    /// The most characters an excerpt keeps from a value.
    pub const MAX_CHARS: usize = 64;

    /// The most characters an excerpt of a reader's message keeps
    /// ([`Excerpt::message`]): such messages quote the input in turn.
    pub const MAX_MESSAGE_CHARS: usize = 256;

    /// The first [`Excerpt::MAX_CHARS`] characters of `text`, and its length.
    ///
    /// ```
    /// let e = danvan::Excerpt::new("abc");
    /// assert_eq!((e.as_str(), e.byte_len(), e.is_truncated()), ("abc", 3, false));
    /// ```
    #[must_use]
    pub fn new(text: &str) -> Excerpt {
        Excerpt::with_max_chars(text, Excerpt::MAX_CHARS)
    }

    /// The first [`Excerpt::MAX_MESSAGE_CHARS`] characters of a reader's
    /// message (which may itself quote the input), and its length.
    ///
    /// ```
    /// let e = danvan::Excerpt::message("expected `,` or `}`");
    /// assert_eq!(e, "expected `,` or `}`");
    /// ```
    #[must_use]
    pub fn message(text: &str) -> Excerpt {
        Excerpt::with_max_chars(text, Excerpt::MAX_MESSAGE_CHARS)
    }

    fn with_max_chars(text: &str, max: usize) -> Excerpt {
        let cut = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
        // Never inside a character as the reader sees it (a letter and its
        // marks, an emoji sequence, a flag): back to the grapheme boundary
        // at or before the cut. The cursor looks only at the kept head.
        let cut = grapheme_floor(text, cut);
        Excerpt {
            head: text[..cut].into(),
            bytes: text.len(),
        }
    }

    /// The text kept: the whole value, or its first characters when cut.
    ///
    /// ```
    /// assert_eq!(danvan::Excerpt::new("288").as_str(), "288");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.head
    }

    /// The length of the whole value, in bytes.
    ///
    /// ```
    /// assert_eq!(danvan::Excerpt::new("Tiền").byte_len(), 6);
    /// ```
    #[must_use]
    pub fn byte_len(&self) -> usize {
        self.bytes
    }

    /// Whether the value was longer than the excerpt.
    ///
    /// ```
    /// assert!(!danvan::Excerpt::new("288").is_truncated());
    /// assert!(danvan::Excerpt::new(&"x".repeat(65)).is_truncated());
    /// ```
    #[must_use]
    pub fn is_truncated(&self) -> bool {
        self.head.len() < self.bytes
    }

    /// Whether the value was empty.
    ///
    /// ```
    /// assert!(danvan::Excerpt::new("").is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.bytes == 0
    }

    fn write_mark(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_truncated() {
            let bytes = u64::try_from(self.bytes).unwrap_or(u64::MAX);
            write!(f, "… ({} bytes)", group_with(bytes, ' '))?;
        }
        Ok(())
    }
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.head)?;
        self.write_mark(f)
    }
}

/// Quoted and escaped as a string's `Debug`, then the mark if cut.
impl fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.head, f)?;
        self.write_mark(f)
    }
}

impl From<&str> for Excerpt {
    fn from(text: &str) -> Excerpt {
        Excerpt::new(text)
    }
}

impl From<&String> for Excerpt {
    fn from(text: &String) -> Excerpt {
        Excerpt::new(text)
    }
}

impl From<String> for Excerpt {
    fn from(text: String) -> Excerpt {
        Excerpt::new(&text)
    }
}

/// Equal when the excerpt holds the whole of `other`.
impl PartialEq<str> for Excerpt {
    fn eq(&self, other: &str) -> bool {
        !self.is_truncated() && &*self.head == other
    }
}

impl PartialEq<&str> for Excerpt {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::Excerpt;

    #[test]
    fn a_huge_value_makes_a_small_excerpt() {
        let huge = "9".repeat(1 << 20);
        let e = Excerpt::new(&huge);
        assert_eq!(e.as_str(), &huge[..64]);
        assert_eq!(e.to_string(), format!("{}… (1 048 576 bytes)", &huge[..64]));
        assert_ne!(e, huge.as_str());
    }

    #[test]
    fn cuts_at_a_character_boundary() {
        let text = "ễ".repeat(100);
        let e = Excerpt::new(&text);
        assert_eq!(e.as_str().chars().count(), 64);
        assert_eq!(e.byte_len(), text.len());
        let exact = "ễ".repeat(64);
        assert!(!Excerpt::new(&exact).is_truncated());
        assert_eq!(Excerpt::new(&exact), exact.as_str());
    }

    #[test]
    fn debug_is_a_string_debug_when_whole() {
        for text in ["", "a\"b", "tab\there", "Tiền"] {
            assert_eq!(format!("{:?}", Excerpt::new(text)), format!("{text:?}"));
        }
    }
}

/// The last grapheme cluster boundary of `text` at or before byte `at` (a
/// character boundary).
fn grapheme_floor(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) => at,
        // The whole text is one chunk, so the cursor needs no other context;
        // an error would leave the character cut, never worse.
        Ok(false) => cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0),
        Err(_) => at,
    }
}

#[cfg(test)]
mod grapheme_tests {
    use super::Excerpt;

    /// A cut never parts a letter from its marks nor splits a flag (found by review).
    #[test]
    fn a_cut_keeps_whole_graphemes() {
        // NFD "ệ": e + dot below + circumflex, at the cut.
        let text = format!("{}e\u{323}\u{302}{}", "a".repeat(63), "b".repeat(10));
        let head = Excerpt::new(&text).as_str().to_owned();
        assert_eq!(head, "a".repeat(63));
        // A flag of two regional indicators straddling the cut.
        let text = format!("{}\u{1F1FB}\u{1F1F3}{}", "a".repeat(63), "b".repeat(10));
        assert_eq!(Excerpt::new(&text).as_str(), "a".repeat(63));
        // A clean cut stays where it was.
        let text = "x".repeat(100);
        assert_eq!(Excerpt::new(&text).as_str().len(), Excerpt::MAX_CHARS);
    }
}
