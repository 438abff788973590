//! A pre-test for an exception whose DFAs would read far (a finitized
//! `\([^)]{0,100}[.:]\s` before the break, `[^)\n]*\)` after it): a rare
//! byte that every match of its beforebreak holds (ASCII punctuation other
//! than `. , ' " -`), looked for with `memrchr` within the longest match
//! before the break. Where it is absent, the exception cannot match and
//! neither side walks.

use regex_syntax::hir::{Class, Hir, HirKind};

/// The bytes (one to three) of which every match holds one, and the
/// longest match in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Needle {
    bytes: Vec<u8>,
    max_len: usize,
}

/// Whether `b` is rare enough in text to be worth looking for.
fn rare(b: u8) -> bool {
    b.is_ascii_punctuation() && !b".,'\"-".contains(&b)
}

/// The rare bytes of which every match of `h` holds one, if `h` is a
/// literal holding one or a class of at most three of them.
fn rare_bytes(h: &Hir) -> Option<Vec<u8>> {
    let bytes: Vec<u8> = match h.kind() {
        HirKind::Literal(lit) => return lit.0.iter().copied().find(|&b| rare(b)).map(|b| vec![b]),
        HirKind::Class(Class::Unicode(c)) => {
            let mut out = Vec::new();
            for r in c.ranges() {
                if !r.end().is_ascii() || r.end() as u32 - r.start() as u32 >= 3 {
                    return None;
                }
                out.extend(r.start() as u8..=r.end() as u8);
            }
            out
        }
        HirKind::Class(Class::Bytes(c)) => {
            let mut out = Vec::new();
            for r in c.ranges() {
                if r.end() - r.start() >= 3 {
                    return None;
                }
                out.extend(r.start()..=r.end());
            }
            out
        }
        HirKind::Capture(c) => return rare_bytes(&c.sub),
        HirKind::Repetition(r) if r.min > 0 => return rare_bytes(&r.sub),
        _ => return None,
    };
    (!bytes.is_empty() && bytes.len() <= 3 && bytes.iter().all(|&b| rare(b))).then_some(bytes)
}

impl Needle {
    /// The needle of a beforebreak, if it has a rare byte in every match
    /// (in a literal or small class of its top-level sequence) and a
    /// longest match.
    pub fn new(hir: &Hir) -> Option<Needle> {
        let max_len = hir.properties().maximum_len()?;
        let parts = match hir.kind() {
            HirKind::Concat(hs) => hs.as_slice(),
            _ => std::slice::from_ref(hir),
        };
        let bytes = parts.iter().find_map(rare_bytes)?;
        Some(Needle { bytes, max_len })
    }

    /// False only when no match can end at `pos`: none of the bytes lies
    /// within the longest match before it.
    pub fn found(&self, text: &[u8], pos: usize) -> bool {
        let hay = &text[pos.saturating_sub(self.max_len)..pos];
        match self.bytes[..] {
            [a] => memchr::memrchr(a, hay).is_some(),
            [a, b] => memchr::memrchr2(a, b, hay).is_some(),
            [a, b, c] => memchr::memrchr3(a, b, c, hay).is_some(),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needle(p: &str) -> Option<Needle> {
        Needle::new(&regex_automata::util::syntax::parse(p).unwrap())
    }

    #[test]
    fn finds_a_rare_byte_every_match_holds() {
        let n = needle(r"\([^)]{0,100}[.:]\s").unwrap();
        assert_eq!(n.bytes, b"(");
        assert!(n.max_len >= 100);
        assert_eq!(needle(r"\b\[x").unwrap().bytes, b"[");
        assert_eq!(needle(r"\p{Ps}[!?]{1,100}\p{Pe} ").unwrap().bytes, b"!?");
        // common punctuation, letters, large classes, optional parts: none
        assert_eq!(needle(r"\bMr\.\s"), None);
        assert_eq!(needle(r"[a-c]x"), None);
        assert_eq!(needle(r"(?:\()?x"), None);
        assert_eq!(needle(r"\(|x"), None);
        // no longest match: none
        assert_eq!(needle(r"\(.*"), None);
    }

    #[test]
    fn rules_out_only_where_the_byte_is_not_within_reach() {
        let n = needle(r"\([a-z]{0,5}\.").unwrap();
        let text = b"(abc. x. (abcdefgh. y.";
        // the longest match is 7 bytes: `(` at 0 is within reach of 5,
        // not of 8; `(` at 9 within reach of 15, not of 22
        assert!(n.found(text, 5));
        assert!(!n.found(text, 8));
        assert!(n.found(text, 15));
        assert!(!n.found(text, 22));
    }
}
