//! A fingerprint of the original text, recorded in the written files so that
//! merge can tell when it is given another text than the one segmented.

use std::fmt;

/// Size and FNV-1a 64-bit hash of a text, written as
/// `bytes=N fnv1a64=XXXXXXXXXXXXXXXX`.
///
/// ```
/// use excerpt_tm::Fingerprint;
///
/// let f = Fingerprint::of("Hello.\n");
/// assert_eq!(f.bytes, 7);
/// assert_eq!(Fingerprint::parse(&f.to_string()), Some(f));
/// assert_ne!(Fingerprint::of("Hello.\r\n"), f);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Length of the text in bytes.
    pub bytes: usize,
    /// FNV-1a 64-bit hash of the text's bytes.
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `text`.
    ///
    /// ```
    /// assert_eq!(excerpt_tm::Fingerprint::of("").hash, 0xcbf2_9ce4_8422_2325);
    /// ```
    pub fn of(text: &str) -> Fingerprint {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for b in text.bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Fingerprint {
            bytes: text.len(),
            hash,
        }
    }

    /// Reads the form written by `Display`; `None` if a part is missing.
    ///
    /// ```
    /// assert!(excerpt_tm::Fingerprint::parse("bytes=3").is_none());
    /// ```
    pub fn parse(s: &str) -> Option<Fingerprint> {
        let mut bytes = None;
        let mut hash = None;
        for word in s.split_whitespace() {
            match word.split_once('=') {
                Some(("bytes", v)) => bytes = v.parse().ok(),
                Some(("fnv1a64", v)) => hash = u64::from_str_radix(v, 16).ok(),
                _ => {}
            }
        }
        Some(Fingerprint {
            bytes: bytes?,
            hash: hash?,
        })
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bytes={} fnv1a64={:016x}", self.bytes, self.hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fnv1a_value() {
        // FNV-1a 64 of "a", from the algorithm's published test vectors.
        assert_eq!(Fingerprint::of("a").hash, 0xaf63_dc4c_8601_ec8c);
    }
}
