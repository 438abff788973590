//! One side (beforebreaks run backwards, or afterbreaks run forwards) of
//! some exceptions as a multi-pattern lazy DFA anchored at the break, in
//! two variants: with Unicode word boundaries (exact on any text without
//! the characters on which the boundaries of Java and regex-automata
//! disagree, but giving up beside a non-ASCII byte) and with ASCII ones
//! (never giving up, exact wherever the bytes it can look at hold no
//! non-ASCII word character). Each variant is built on first use, with a
//! cache per thread.

use crate::bits::Bits;
use crate::words::NonAsciiWords;
use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, Hir, HirKind, Look, Repetition,
};
use std::sync::OnceLock;

type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

/// One built DFA with its caches.
struct Dfa {
    dfa: std::sync::Arc<DFA>,
    caches: CachePool,
}

impl Dfa {
    /// With `quit_non_ascii`, the DFA gives up on any non-ASCII byte.
    fn new(hirs: &[Hir], reverse: bool, quit_non_ascii: bool) -> Option<Dfa> {
        let mut config = DFA::config()
            .match_kind(MatchKind::All)
            .unicode_word_boundary(true)
            .cache_capacity(32 << 20);
        if quit_non_ascii {
            for b in 0x80..=0xFF {
                config = config.quit(b, true);
            }
        }
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .reverse(reverse)
                    .which_captures(thompson::WhichCaptures::None),
            )
            .build_many_from_hir(hirs)
            .ok()?;
        let dfa = DFA::builder().configure(config).build_from_nfa(nfa).ok()?;
        let dfa = std::sync::Arc::new(dfa);
        let for_pool = dfa.clone();
        Some(Dfa {
            dfa,
            caches: Pool::new(Box::new(move || for_pool.create_cache())),
        })
    }
}

/// The variants of a side's DFA, in the order they are tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Variant {
    /// ASCII word boundaries, every class cut to ASCII, giving up on any
    /// non-ASCII byte: small and quick, exact where it does not give up.
    Ascii = 0,
    /// ASCII word boundaries, the full classes.
    AsciiBoundary = 1,
    /// Unicode word boundaries (giving up beside a non-ASCII byte).
    Unicode = 2,
}

/// The patterns of one side, compiled on first use.
pub(crate) struct Side {
    hirs: Vec<Hir>,
    reverse: bool,
    /// The DFA of each [`Variant`].
    built: [OnceLock<Option<Dfa>>; 3],
}

/// Parses a pattern as regex-automata does; `None` when it is not regular.
pub(crate) fn parse(rust: &str) -> Option<Hir> {
    syntax::parse(rust).ok()
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

    fn dfa(&self, v: Variant) -> Option<&Dfa> {
        self.built[v as usize]
            .get_or_init(|| {
                let hirs: Vec<Hir> = match v {
                    Variant::Ascii => self.hirs.iter().map(|h| ascii(h, true)).collect(),
                    Variant::AsciiBoundary => self.hirs.iter().map(|h| ascii(h, false)).collect(),
                    Variant::Unicode => self.hirs.clone(),
                };
                Dfa::new(&hirs, self.reverse, v == Variant::Ascii)
            })
            .as_ref()
    }

    /// Puts into `out` the patterns that match `text[s..pos]` for some `s`
    /// (reverse) or `text[pos..e]` for some `e` (forward); false when the
    /// DFA gives up or does not build. The DFAs with ASCII word boundaries
    /// run first (the one cut to ASCII, then the full one): an answer is
    /// exact when no non-ASCII word character lies beside or among the
    /// bytes it read; otherwise the one with Unicode word boundaries
    /// answers, if it can.
    pub fn matching(&self, text: &str, pos: usize, words: &NonAsciiWords, out: &mut Bits) -> bool {
        // a boundary looks at one character beyond the bytes read
        const C: usize = 4;
        for v in [Variant::Ascii, Variant::AsciiBoundary] {
            if let Some(read) = self.walk(v, text, pos, out) {
                if words.none_in(read.start.saturating_sub(C), read.end + C) {
                    return true;
                }
            }
        }
        self.walk(Variant::Unicode, text, pos, out).is_some()
    }

    /// Runs the DFA anchored at `pos` until it dies or the text ends,
    /// putting the patterns that match into `out`; the bytes it read, or
    /// `None` when it gives up (a quit byte) or does not build.
    fn walk(
        &self,
        v: Variant,
        text: &str,
        pos: usize,
        out: &mut Bits,
    ) -> Option<std::ops::Range<usize>> {
        let dfa = self.dfa(v)?;
        let (d, bytes) = (&*dfa.dfa, text.as_bytes());
        let mut cache = dfa.caches.get();
        let cache = &mut *cache;
        out.clear(self.hirs.len());
        // the last match state added: a state that repeats (`[a-z].*`
        // going on) adds nothing new
        let mut last = None;
        let mut add = |cache: &regex_automata::hybrid::dfa::Cache, sid: LazyStateID| {
            if sid.is_match() && last != Some(sid) {
                last = Some(sid);
                for i in 0..d.match_len(cache, sid) {
                    out.insert(d.match_pattern(cache, sid, i).as_usize());
                }
            }
        };
        let sid = if self.reverse {
            d.start_state_reverse(
                cache,
                &Input::new(text).range(..pos).anchored(Anchored::Yes),
            )
        } else {
            d.start_state_forward(
                cache,
                &Input::new(text).range(pos..).anchored(Anchored::Yes),
            )
        }
        .ok()?;
        // the bytes from `pos` on the side the DFA reads, nearest first
        Some(if self.reverse {
            let n = run(d, cache, sid, bytes[..pos].iter().rev(), &mut add)?;
            pos - n..pos
        } else {
            let n = run(d, cache, sid, bytes[pos..].iter(), &mut add)?;
            pos..pos + n
        })
    }
}

/// Runs `d` from `sid` over `bytes` until it dies or they end, giving each
/// match state to `add`; how many bytes it read, or `None` when it gives
/// up (a quit byte).
fn run<'a>(
    d: &DFA,
    cache: &mut Cache,
    mut sid: LazyStateID,
    bytes: impl Iterator<Item = &'a u8>,
    add: &mut impl FnMut(&Cache, LazyStateID),
) -> Option<usize> {
    let mut n = 0;
    for &b in bytes {
        sid = if sid.is_tagged() {
            d.next_state(cache, sid, b).ok()?
        } else {
            // the common case: an untagged state whose transition is known
            match d.next_state_untagged(cache, sid, b) {
                next if next.is_unknown() => d.next_state(cache, sid, b).ok()?,
                next => next,
            }
        };
        n += 1;
        if sid.is_tagged() {
            if sid.is_dead() {
                return Some(n);
            }
            if sid.is_quit() {
                return None;
            }
            add(cache, sid);
        }
    }
    sid = d.next_eoi_state(cache, sid).ok()?;
    add(cache, sid);
    Some(n)
}

/// Any non-ASCII byte (a byte on which the DFA cut to ASCII gives up).
fn non_ascii_byte() -> ClassBytesRange {
    ClassBytesRange::new(0x80, 0xFF)
}

/// `hir` with its Unicode word-boundary assertions made ASCII ones, and
/// with `classes`, every class and literal cut to its ASCII part, each
/// non-ASCII character replaced by "a non-ASCII byte": on ASCII text it
/// matches as `hir` does, and a thread that could go on with a non-ASCII
/// character stays alive until the DFA reads one and gives up, so that
/// the cut DFA never dies before the full one would.
fn ascii(hir: &Hir, classes: bool) -> Hir {
    let sub = |h: &Hir| Box::new(ascii(h, classes));
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
        HirKind::Class(Class::Unicode(c)) if classes => {
            let mut bytes: Vec<ClassBytesRange> = c
                .ranges()
                .iter()
                .filter(|r| r.start().is_ascii())
                .map(|r| ClassBytesRange::new(r.start() as u8, r.end().min('\x7F') as u8))
                .collect();
            if c.ranges().iter().any(|r| !r.end().is_ascii()) {
                bytes.push(non_ascii_byte());
            }
            Hir::class(Class::Bytes(ClassBytes::new(bytes)))
        }
        HirKind::Literal(lit) if classes && !lit.0.is_ascii() => Hir::concat(
            lit.0
                .iter()
                .map(|&b| match b.is_ascii() {
                    true => Hir::literal([b]),
                    false => Hir::class(Class::Bytes(ClassBytes::new([non_ascii_byte()]))),
                })
                .collect(),
        ),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: sub(&r.sub),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: sub(&c.sub),
            ..c.clone()
        }),
        HirKind::Concat(hs) => Hir::concat(hs.iter().map(|h| ascii(h, classes)).collect()),
        HirKind::Alternation(hs) => {
            Hir::alternation(hs.iter().map(|h| ascii(h, classes)).collect())
        }
        _ => hir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What one walk found: the patterns that match, and the bytes read.
    struct Walk {
        set: Vec<usize>,
        read: std::ops::Range<usize>,
    }

    impl Side {
        fn walk_at(&self, v: Variant, text: &str, pos: usize) -> Option<Walk> {
            let mut out = Bits::default();
            let read = self.walk(v, text, pos, &mut out)?;
            Some(Walk {
                set: out.iter().collect(),
                read,
            })
        }

        fn matching_at(&self, text: &str, pos: usize, words: &NonAsciiWords) -> Option<Vec<usize>> {
            let mut out = Bits::default();
            self.matching(text, pos, words, &mut out)
                .then(|| out.iter().collect())
        }
    }

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
        let w = s.walk_at(Variant::AsciiBoundary, &text, pos).unwrap();
        assert_eq!(w.read.end, pos);
        assert!(w.read.start < pos - 3 && w.read.start > pos - 8);
        assert!(!w.set.is_empty());
        assert!(!s.matching_at(&text, pos, &words).unwrap().is_empty());
        // right before the match: the Unicode variant decides (and gives up)
        let text = "éDr. Who";
        let words = NonAsciiWords::new(text);
        assert!(
            !s.walk_at(Variant::AsciiBoundary, text, 5)
                .unwrap()
                .set
                .is_empty()
        );
        assert!(s.matching_at(text, 5, &words).is_none());
        // a curly quote is no word character: ASCII is exact
        let text = "“Dr. Who";
        let words = NonAsciiWords::new(text);
        assert!(!s.matching_at(text, 6, &words).unwrap().is_empty());
        // forwards: a match, and the bytes read up to where the DFA died
        let f = side(&[r"\s\p{Lu}", r"\s+\w\b"], false);
        let text = "Dr. Who";
        let w = f.walk_at(Variant::AsciiBoundary, text, 3).unwrap();
        assert_eq!(w.set.len(), 1);
        assert_eq!(w.read.start, 3);
        assert!(w.read.end > 5 && w.read.end < 8);
        assert!(
            f.matching_at("Dr. éa", 3, &NonAsciiWords::new("Dr. éa"))
                .is_none()
        );
    }

    #[test]
    fn the_dfa_cut_to_ascii_gives_up_rather_than_die_early() {
        let words = NonAsciiWords::new("");
        for reverse in [false, true] {
            let s = side(&[r"x”", r"\p{L}{2}\."], reverse);
            let (text, pos) = if reverse {
                ("x” ab.", 4)
            } else {
                ("x” ab.", 0)
            };
            assert!(s.walk_at(Variant::Ascii, text, pos).is_none(), "{reverse}");
            assert_eq!(s.matching_at(text, pos, &words).unwrap().len(), 1);
        }
        // on ASCII text it answers alone, as the full DFA does
        let s = side(&[r"\p{L}{2}\.", r"[^)]{1,3}\."], true);
        let w = s.walk_at(Variant::Ascii, "(ab. x", 4).unwrap();
        assert_eq!(w.set.len(), 2);
        // a non-ASCII letter on the way: it gives up
        assert!(s.walk_at(Variant::Ascii, "(éb. x", 5).is_none());
        assert_eq!(s.matching_at("(éb. x", 5, &words).unwrap().len(), 2);
    }
}
