//! The bytes that can begin an afterbreak: a break rule's `lookingAt` runs
//! at the end of every beforebreak match (after every full stop, for
//! LanguageTool's `[.!?…]['"»’”›\p{Pe}]*` + `\p{Lu}[^\p{Lu}]`), and most of
//! those calls are ruled out by the byte at the break.

use regex_automata::Anchored;
use regex_automata::hybrid::dfa::DFA;
use regex_automata::nfa::thompson;
use regex_automata::util::start;
use std::sync::OnceLock;

/// The first bytes of an afterbreak, found on first use.
pub(crate) struct FirstBytes {
    /// The afterbreak, translated with the native word boundary.
    source: Option<String>,
    table: OnceLock<Option<Box<[bool; 256]>>>,
}

impl FirstBytes {
    /// For an afterbreak translated with the native word boundary (`None`
    /// when it could not be).
    pub fn new(source: Option<String>) -> FirstBytes {
        FirstBytes {
            source,
            table: OnceLock::new(),
        }
    }

    /// False only when no match of the afterbreak, run anchored at the
    /// start of its haystack (nothing seen before it, as in a region with
    /// opaque bounds), can begin with `byte`. Exact only for texts on which
    /// the native word boundary is Java's.
    pub fn may_start(&self, byte: u8) -> bool {
        self.table
            .get_or_init(|| self.source.as_deref().and_then(table))
            .as_ref()
            .is_none_or(|t| t[usize::from(byte)])
    }
}

/// Which bytes lead the DFA of `rust` out of its anchored start state
/// without dying; `None` when the pattern is not regular or can match the
/// empty string (then every position may match).
fn table(rust: &str) -> Option<Box<[bool; 256]>> {
    let hir = regex_automata::util::syntax::parse(rust).ok()?;
    if hir.properties().minimum_len().is_none_or(|m| m == 0) {
        return None;
    }
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
        .build_from_hir(&hir)
        .ok()?;
    // a Unicode `\b` makes non-ASCII bytes quit bytes: kept as possible
    let dfa = DFA::builder()
        .configure(DFA::config().unicode_word_boundary(true))
        .build_from_nfa(nfa)
        .ok()?;
    let mut cache = dfa.create_cache();
    let config = start::Config::new().anchored(Anchored::Yes);
    let sid = dfa.start_state(&mut cache, &config).ok()?;
    let mut t = Box::new([false; 256]);
    for b in 0..=255u8 {
        let next = dfa.next_state(&mut cache, sid, b).ok()?;
        t[usize::from(b)] = !next.is_dead();
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(p: &str) -> FirstBytes {
        FirstBytes::new(Some(p.to_string()))
    }

    #[test]
    fn rules_out_the_bytes_no_match_begins_with() {
        let f = first(r"\p{Lu}[^\p{Lu}]");
        assert!(f.may_start(b'A') && f.may_start(0xC3));
        assert!(!f.may_start(b' ') && !f.may_start(b'a') && !f.may_start(b'.'));
        let f = first(r"\s|x");
        assert!(f.may_start(b' ') && f.may_start(b'x') && !f.may_start(b'y'));
        // a boundary at the start of the region: a word character follows
        let f = first(r"\bI\b");
        assert!(f.may_start(b'I') && !f.may_start(b' '));
        // empty matches, lookaround and untranslated patterns: all bytes
        for f in [first(r"x*"), first(r"(?=a)b"), FirstBytes::new(None)] {
            assert!((0..=255).all(|b| f.may_start(b)));
        }
    }
}
