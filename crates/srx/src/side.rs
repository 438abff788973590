//! One side (beforebreaks run backwards, or afterbreaks run forwards) of
//! some exceptions as a multi-pattern lazy DFA anchored at the break, in
//! two variants: with Unicode word boundaries (exact on any text without
//! the characters on which the boundaries of Java and regex-automata
//! disagree, but giving up beside a non-ASCII byte) and with ASCII ones
//! (never giving up, exact wherever the bytes it can look at hold no
//! non-ASCII word character). Each variant is built on first use, with a
//! cache per thread.

use crate::words::NonAsciiWords;
use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind, PatternSet};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};
use std::sync::OnceLock;

type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

/// One built DFA with its caches.
struct Dfa {
    dfa: std::sync::Arc<DFA>,
    caches: CachePool,
}

impl Dfa {
    fn new(hirs: &[Hir], reverse: bool) -> Option<Dfa> {
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .reverse(reverse)
                    .which_captures(thompson::WhichCaptures::None),
            )
            .build_many_from_hir(hirs)
            .ok()?;
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .unicode_word_boundary(true)
                    .cache_capacity(32 << 20),
            )
            .build_from_nfa(nfa)
            .ok()?;
        let dfa = std::sync::Arc::new(dfa);
        let for_pool = dfa.clone();
        Some(Dfa {
            dfa,
            caches: Pool::new(Box::new(move || for_pool.create_cache())),
        })
    }
}

/// The patterns of one side, compiled on first use.
pub(crate) struct Side {
    hirs: Vec<Hir>,
    reverse: bool,
    /// With Unicode word boundaries, and with ASCII ones.
    built: [OnceLock<Option<Dfa>>; 2],
}

/// Parses a pattern as regex-automata does; `None` when it is not regular.
pub(crate) fn parse(rust: &str) -> Option<Hir> {
    syntax::parse(rust).ok()
}

/// What one walk of a DFA from the break found: the patterns that match,
/// and the bytes it read.
struct Walk {
    set: PatternSet,
    read: std::ops::Range<usize>,
}

impl Side {
    /// The side of `hirs`; `None` when there is none.
    pub fn new(hirs: Vec<Hir>, reverse: bool) -> Option<Side> {
        if hirs.is_empty() {
            return None;
        }
        Some(Side {
            hirs,
            reverse,
            built: Default::default(),
        })
    }

    fn dfa(&self, ascii: bool) -> Option<&Dfa> {
        self.built[usize::from(ascii)]
            .get_or_init(|| {
                if ascii {
                    let hirs: Vec<Hir> = self.hirs.iter().map(ascii_boundaries).collect();
                    Dfa::new(&hirs, self.reverse)
                } else {
                    Dfa::new(&self.hirs, self.reverse)
                }
            })
            .as_ref()
    }

    /// The patterns that match `text[s..pos]` for some `s` (reverse) or
    /// `text[pos..e]` for some `e` (forward); `None` when the DFA gives up
    /// or does not build. The DFA with ASCII word boundaries runs first: its
    /// answer is exact when no non-ASCII word character lies beside or
    /// among the bytes it read; otherwise the one with Unicode word
    /// boundaries answers, if it can.
    pub fn matching(&self, text: &str, pos: usize, words: &NonAsciiWords) -> Option<PatternSet> {
        // a boundary looks at one character beyond the bytes read
        const C: usize = 4;
        if let Some(w) = self.walk(true, text, pos) {
            if words.none_in(w.read.start.saturating_sub(C), w.read.end + C) {
                return Some(w.set);
            }
        }
        self.walk(false, text, pos).map(|w| w.set)
    }

    /// Runs the DFA anchored at `pos` until it dies or the text ends;
    /// `None` when it gives up (a quit byte) or does not build.
    fn walk(&self, ascii: bool, text: &str, pos: usize) -> Option<Walk> {
        let dfa = self.dfa(ascii)?;
        let (d, bytes) = (&*dfa.dfa, text.as_bytes());
        let mut cache = dfa.caches.get();
        let cache = &mut *cache;
        let mut set = PatternSet::new(self.hirs.len());
        let mut add = |cache: &regex_automata::hybrid::dfa::Cache, sid: LazyStateID| {
            if sid.is_match() {
                for i in 0..d.match_len(cache, sid) {
                    set.insert(d.match_pattern(cache, sid, i));
                }
            }
        };
        let mut at = pos;
        if self.reverse {
            let input = Input::new(text).range(..pos).anchored(Anchored::Yes);
            let mut sid = d.start_state_reverse(cache, &input).ok()?;
            loop {
                if at == 0 {
                    sid = d.next_eoi_state(cache, sid).ok()?;
                    add(cache, sid);
                    break;
                }
                at -= 1;
                sid = d.next_state(cache, sid, bytes[at]).ok()?;
                if sid.is_tagged() {
                    if sid.is_dead() {
                        break;
                    }
                    if sid.is_quit() {
                        return None;
                    }
                    add(cache, sid);
                }
            }
            Some(Walk { set, read: at..pos })
        } else {
            let input = Input::new(text).range(pos..).anchored(Anchored::Yes);
            let mut sid = d.start_state_forward(cache, &input).ok()?;
            loop {
                if at == bytes.len() {
                    sid = d.next_eoi_state(cache, sid).ok()?;
                    add(cache, sid);
                    break;
                }
                sid = d.next_state(cache, sid, bytes[at]).ok()?;
                at += 1;
                if sid.is_tagged() {
                    if sid.is_dead() {
                        break;
                    }
                    if sid.is_quit() {
                        return None;
                    }
                    add(cache, sid);
                }
            }
            Some(Walk { set, read: pos..at })
        }
    }
}

/// `hir` with its Unicode word-boundary assertions made ASCII ones.
fn ascii_boundaries(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(look) => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => *other,
        }),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(ascii_boundaries(&r.sub)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(ascii_boundaries(&c.sub)),
            ..c.clone()
        }),
        HirKind::Concat(hs) => Hir::concat(hs.iter().map(ascii_boundaries).collect()),
        HirKind::Alternation(hs) => Hir::alternation(hs.iter().map(ascii_boundaries).collect()),
        _ => hir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(patterns: &[&str], reverse: bool) -> Side {
        Side::new(
            patterns.iter().map(|p| parse(p).unwrap()).collect(),
            reverse,
        )
        .unwrap()
    }

    #[test]
    fn ascii_variant_only_where_exact() {
        let s = side(&[r"\bDr\."], true);
        // a non-ASCII word character far before the break: ASCII is exact
        let text = format!("é{}Dr. Who", " ".repeat(20));
        let pos = text.find(". ").unwrap() + 1;
        let words = NonAsciiWords::new(&text);
        let w = s.walk(true, &text, pos).unwrap();
        assert_eq!(w.read.end, pos);
        assert!(w.read.start < pos - 3 && w.read.start > pos - 8);
        assert!(!w.set.is_empty());
        assert!(!s.matching(&text, pos, &words).unwrap().is_empty());
        // right before the match: the Unicode variant decides (and gives up)
        let text = "éDr. Who";
        let words = NonAsciiWords::new(text);
        assert!(!s.walk(true, text, 5).unwrap().set.is_empty());
        assert!(s.matching(text, 5, &words).is_none());
        // a curly quote is no word character: ASCII is exact
        let text = "“Dr. Who";
        let words = NonAsciiWords::new(text);
        assert!(!s.matching(text, 6, &words).unwrap().is_empty());
        // forwards: a match, and the bytes read up to where the DFA died
        let f = side(&[r"\s\p{Lu}", r"\s+\w\b"], false);
        let text = "Dr. Who";
        let w = f.walk(true, text, 3).unwrap();
        assert_eq!(w.set.len(), 1);
        assert_eq!(w.read.start, 3);
        assert!(w.read.end > 5 && w.read.end < 8);
        assert!(
            f.matching("Dr. éa", 3, &NonAsciiWords::new("Dr. éa"))
                .is_none()
        );
    }
}
