//! All the exceptions of a rule set tested at a break position at once: the
//! beforebreaks that are regular as one reverse multi-pattern lazy DFA
//! anchored at the break, the afterbreaks as one forward one, each with a
//! cache per thread. An exception whose parts are not both regular (look-
//! around, backreferences, possessive or atomic groups) is left to its
//! fancy-regex, as is every exception on a text where the DFAs give up (a
//! Unicode `\b` next to a non-ASCII byte).

use regex_automata::hybrid::dfa::{Cache, DFA, OverlappingState};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind, PatternID, PatternSet};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};
use std::sync::Arc;

type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

/// One side (beforebreaks or afterbreaks) of the exceptions.
struct Side {
    dfa: Arc<DFA>,
    caches: CachePool,
    patterns: usize,
}

impl Side {
    /// The DFA of `patterns`; with `ascii`, every Unicode word boundary
    /// made an ASCII one (the same on a text without non-ASCII word
    /// characters, and a DFA that never gives up).
    fn new(patterns: &[String], reverse: bool, ascii: bool) -> Option<Side> {
        if patterns.is_empty() {
            return None;
        }
        let mut hirs = Vec::with_capacity(patterns.len());
        for p in patterns {
            let hir = syntax::parse(p).ok()?;
            hirs.push(if ascii { ascii_boundaries(&hir) } else { hir });
        }
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .reverse(reverse)
                    .which_captures(thompson::WhichCaptures::None),
            )
            .build_many_from_hir(&hirs)
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
        let dfa = Arc::new(dfa);
        let for_pool = dfa.clone();
        Some(Side {
            dfa,
            caches: Pool::new(Box::new(move || for_pool.create_cache())),
            patterns: patterns.len(),
        })
    }

    /// The patterns that match text[s..pos] for some s (reverse) or
    /// text[pos..e] for some e (forward); `None` when the DFA gives up.
    fn matching(&self, text: &str, pos: usize, reverse: bool) -> Option<PatternSet> {
        let mut set = PatternSet::new(self.patterns);
        let input = if reverse {
            Input::new(text).range(..pos)
        } else {
            Input::new(text).range(pos..)
        }
        .anchored(Anchored::Yes);
        let mut cache = self.caches.get();
        let mut state = OverlappingState::start();
        loop {
            let found = if reverse {
                self.dfa
                    .try_search_overlapping_rev(&mut cache, &input, &mut state)
            } else {
                self.dfa
                    .try_search_overlapping_fwd(&mut cache, &input, &mut state)
            };
            found.ok()?;
            match state.get_match() {
                None => return Some(set),
                Some(m) => {
                    set.insert(m.pattern());
                    if set.is_full() {
                        return Some(set);
                    }
                }
            }
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

/// How one exception is tested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Test {
    /// By its fancy-regex.
    Fancy,
    /// By the shared DFAs: its beforebreak's and afterbreak's pattern ids
    /// (`None` for an empty part, which always matches).
    Dfa(Option<usize>, Option<usize>),
    /// By DFAs of its own (a large bounded repetition), the `n`th.
    Own(usize),
}

/// The DFAs of one exception: beforebreak and afterbreak (`None` when
/// empty).
type OwnSides = (Option<Side>, Option<Side>);

/// An exception with DFAs of its own, built on first use.
struct Single {
    before: String,
    after: String,
    /// Its DFAs with Unicode and with ASCII word boundaries.
    built: [std::sync::OnceLock<Option<OwnSides>>; 2],
}

impl Single {
    /// Whether it matches at `pos`; `None` when a DFA gives up or does not
    /// build.
    fn matches(&self, text: &str, pos: usize, ascii: bool) -> Option<bool> {
        let (before, after) = self.built[usize::from(ascii)]
            .get_or_init(|| {
                let side = |p: &String, reverse| match p.is_empty() {
                    true => Some(None),
                    false => Side::new(std::slice::from_ref(p), reverse, ascii).map(Some),
                };
                Some((side(&self.before, true)?, side(&self.after, false)?))
            })
            .as_ref()?;
        if let Some(a) = after {
            if a.matching(text, pos, false)?.is_empty() {
                return Some(false);
            }
        }
        match before {
            Some(b) => Some(!b.matching(text, pos, true)?.is_empty()),
            None => Some(true),
        }
    }
}

/// The exceptions of a rule set, for the DFAs.
pub(crate) struct Exceptions {
    tests: Vec<Test>,
    /// The shared DFAs, with Unicode and with ASCII word boundaries.
    before: [Option<Side>; 2],
    after: [Option<Side>; 2],
    singles: Vec<Single>,
}

/// The largest bounded repetition that a pattern may hold to join a DFA:
/// the finitized `{0,100}` of an exception multiplies the states of a DFA
/// of many patterns, so such exceptions stay with their fancy-regex.
const MAX_REPEAT: u32 = 8;

/// Whether a translated pattern is regular: regex-automata parses it.
fn regular(rust: &str) -> bool {
    syntax::parse(rust).is_ok()
}

/// Whether a regular pattern holds no bounded repetition above
/// [`MAX_REPEAT`].
fn small(rust: &str) -> bool {
    fn small(h: &regex_syntax::hir::Hir) -> bool {
        use regex_syntax::hir::HirKind;
        match h.kind() {
            HirKind::Repetition(r) => r.max.is_none_or(|m| m <= MAX_REPEAT) && small(&r.sub),
            HirKind::Capture(c) => small(&c.sub),
            HirKind::Concat(hs) | HirKind::Alternation(hs) => hs.iter().all(small),
            _ => true,
        }
    }
    syntax::parse(rust).is_ok_and(|h| small(&h))
}

impl Exceptions {
    /// `parts` are each exception's beforebreak (finitized) and afterbreak,
    /// translated with the native word boundary, empty when absent; `None`
    /// when the exception could not be translated so.
    pub(crate) fn new(parts: &[Option<(String, String)>]) -> Exceptions {
        let mut befores = Vec::new();
        let mut afters = Vec::new();
        let mut tests = Vec::with_capacity(parts.len());
        let mut singles = Vec::new();
        for p in parts {
            let ok = |p: &String, test: fn(&str) -> bool| p.is_empty() || test(p);
            let test = match p {
                Some((b, a))
                    if ok(b, regular) && ok(a, regular) && !(ok(b, small) && ok(a, small)) =>
                {
                    singles.push(Single {
                        before: b.clone(),
                        after: a.clone(),
                        built: Default::default(),
                    });
                    Test::Own(singles.len() - 1)
                }
                Some((b, a)) if ok(b, regular) && ok(a, regular) => {
                    let id = |list: &mut Vec<String>, pat: &String| {
                        (!pat.is_empty()).then(|| {
                            list.push(pat.clone());
                            list.len() - 1
                        })
                    };
                    Test::Dfa(id(&mut befores, b), id(&mut afters, a))
                }
                _ => Test::Fancy,
            };
            tests.push(test);
        }
        let before = [
            Side::new(&befores, true, false),
            Side::new(&befores, true, true),
        ];
        let after = [
            Side::new(&afters, false, false),
            Side::new(&afters, false, true),
        ];
        // a side that does not build leaves its exceptions to fancy-regex
        for t in &mut tests {
            if let Test::Dfa(b, a) = *t {
                let missing = |side: &[Option<Side>; 2]| side.iter().any(Option::is_none);
                if b.is_some() && missing(&before) || a.is_some() && missing(&after) {
                    *t = Test::Fancy;
                }
            }
        }
        Exceptions {
            tests,
            before,
            after,
            singles,
        }
    }

    /// Whether the exception `i` is tested by the DFAs.
    pub(crate) fn by_dfa(&self, i: usize) -> bool {
        !matches!(self.tests[i], Test::Fancy)
    }

    /// Whether one of the first `n` exceptions tested by the DFAs matches
    /// at `pos`; `None` when a DFA gives up there. `may(i)` is a cheap
    /// pre-test of exception `i`, asked before its own DFAs run. `ascii`
    /// says that the text has no non-ASCII word character, so that the
    /// DFAs with ASCII word boundaries, which never give up, are exact.
    pub(crate) fn any_match(
        &self,
        text: &str,
        pos: usize,
        n: usize,
        ascii: bool,
        may: impl Fn(usize) -> bool,
    ) -> Option<bool> {
        let k = usize::from(ascii);
        let tests = &self.tests[..n];
        for (i, t) in tests.iter().enumerate() {
            if let Test::Own(j) = *t {
                if may(i) && self.singles[j].matches(text, pos, ascii)? {
                    return Some(true);
                }
            }
        }
        if !tests.iter().any(|t| matches!(t, Test::Dfa(..))) {
            return Some(false);
        }
        let after = match &self.after[k] {
            Some(side) => Some(side.matching(text, pos, false)?),
            None => None,
        };
        let after_ok = |a: Option<usize>| match (a, &after) {
            (None, _) => true,
            (Some(id), Some(set)) => set.contains(PatternID::must(id)),
            (Some(_), None) => false,
        };
        // only exceptions whose afterbreak holds need their beforebreak
        if !tests
            .iter()
            .any(|t| matches!(*t, Test::Dfa(_, a) if after_ok(a)))
        {
            return Some(false);
        }
        let before = match &self.before[k] {
            Some(side) => Some(side.matching(text, pos, true)?),
            None => None,
        };
        Some(tests.iter().any(|t| match *t {
            Test::Dfa(b, a) => {
                after_ok(a)
                    && match (b, &before) {
                        (None, _) => true,
                        (Some(id), Some(set)) => set.contains(PatternID::must(id)),
                        (Some(_), None) => false,
                    }
            }
            Test::Fancy | Test::Own(_) => false,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parts(list: &[(&str, &str)]) -> Vec<Option<(String, String)>> {
        list.iter()
            .map(|(b, a)| Some((b.to_string(), a.to_string())))
            .collect()
    }

    #[test]
    fn exceptions_are_sorted_by_how_they_can_be_tested() {
        let mut p = parts(&[
            (r"(?:Mr|Dr)\.", r"\s"),
            (r"\w{0,100}\.", ""),
            (r"x(?=y)", ""),
        ]);
        p.push(None);
        let ex = Exceptions::new(&p);
        assert_eq!(ex.tests[0], Test::Dfa(Some(0), Some(0)));
        assert_eq!(ex.tests[1], Test::Own(0));
        assert_eq!(ex.tests[2], Test::Fancy);
        assert_eq!(ex.tests[3], Test::Fancy);
    }

    #[test]
    fn dfas_find_exceptions_at_the_break_and_give_up_on_unicode_boundaries() {
        let ex = Exceptions::new(&parts(&[(r"\b(?:Mr|Dr)\.", r"\s"), (r"[a-z]{0,20}:", "")]));
        let all = |_| true;
        for ascii in [false, true] {
            assert_eq!(ex.any_match("Dr. Who", 3, 2, ascii, all), Some(true));
            assert_eq!(ex.any_match("Dr.Who", 3, 2, ascii, all), Some(false));
            assert_eq!(ex.any_match("XDr. Who", 4, 2, ascii, all), Some(false));
            // only the exceptions placed before the rule count
            assert_eq!(ex.any_match("Dr. Who", 3, 0, ascii, all), Some(false));
            assert_eq!(ex.any_match("see: it", 4, 2, ascii, all), Some(true));
            assert_eq!(ex.any_match("see: it", 4, 1, ascii, all), Some(false));
            // the pre-test rules an own-DFA exception out
            assert_eq!(
                ex.any_match("see: it", 4, 2, ascii, |i| i != 1),
                Some(false)
            );
        }
        // a Unicode \b beside a non-ASCII byte: the DFA gives up
        assert_eq!(ex.any_match("éDr. Who", 5, 2, false, all), None);
        // with ASCII boundaries it does not (exact when no non-ASCII
        // character is a word character)
        assert_eq!(ex.any_match("“Dr. Who", 6, 2, true, all), Some(true));
        assert_eq!(ex.any_match("“Dr. Who", 6, 2, false, all), None);
    }

    /// LanguageTool's rules, if `../shared` is beside the project.
    fn lt_rules() -> Option<crate::Segmenter> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/srx/rules/lt-segment.srx"
        );
        let doc = crate::SrxDocument::load(path).ok()?;
        doc.segmenter("en_two", crate::Dialect::LanguageTool).ok()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]
        #[test]
        fn dfas_and_fancy_regexes_cut_the_same(
            words in proptest::collection::vec(
                prop::sample::select(vec![
                    "Dr.", "Mr.", "etc.", "e.g.", "U.S.", "No.", " ", "  ", "\n", "\n\n", "A", "the",
                    "Smith", "é", "“", "”", ".", "?", "!", "...", "1.", "2", "(", ")", ":", "i.e.",
                    "Vol.", "p.", "St.", "Jan.", "a.m.", "\"", "'", "—",
                ]),
                0..24,
            )
        ) {
            let Some(seg) = lt_rules() else { return Ok(()) };
            let text: String = words.concat();
            prop_assert_eq!(
                seg.rules.segment_ends_with(&text, true),
                seg.rules.segment_ends_with(&text, false)
            );
        }
    }
}
