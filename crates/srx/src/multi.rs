//! All the exceptions of a rule set tested at a break position at once: the
//! beforebreaks that are regular as one reverse multi-pattern lazy DFA
//! anchored at the break, the afterbreaks as one forward one (see
//! [`crate::side`]). An exception with a large bounded repetition gets a
//! beforebreak DFA of its own; one whose beforebreak is not regular (look-
//! around, backreferences, possessive or atomic groups) is left to its
//! fancy-regex, as is every exception where a DFA gives up (a Unicode `\b`
//! next to a non-ASCII byte). The afterbreak of every exception, when it is
//! regular and small, joins the shared afterbreak DFA, which is asked first:
//! only exceptions whose afterbreak holds are tested further.

use crate::side::{Side, parse};
use crate::words::NonAsciiWords;
use regex_automata::{PatternID, PatternSet};
use regex_syntax::hir::{Hir, HirKind};

/// How one exception is tested. Each variant holds the id of its
/// afterbreak in the shared afterbreak DFA (`None`: empty, or not in it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Test {
    /// By its fancy-regex.
    Fancy(Option<usize>),
    /// By the shared DFAs: its beforebreak's id (`None` for an empty one,
    /// which always matches).
    Dfa(Option<usize>, Option<usize>),
    /// By a beforebreak DFA of its own (a large bounded repetition), the
    /// `n`th.
    Own(usize, Option<usize>),
}

impl Test {
    fn after(self) -> Option<usize> {
        match self {
            Test::Fancy(a) | Test::Dfa(_, a) | Test::Own(_, a) => a,
        }
    }
}

/// An exception with DFAs of its own: its beforebreak, and its afterbreak
/// when that is not in the shared DFA (`None` when empty).
struct Single {
    before: Option<Side>,
    after: Option<Side>,
}

impl Single {
    /// Whether it matches at `pos`; `None` when a DFA gives up or does not
    /// build.
    fn matches(&self, text: &str, pos: usize, words: &NonAsciiWords) -> Option<bool> {
        if let Some(a) = &self.after {
            if a.matching(text, pos, words)?.is_empty() {
                return Some(false);
            }
        }
        match &self.before {
            Some(b) => Some(!b.matching(text, pos, words)?.is_empty()),
            None => Some(true),
        }
    }
}

/// The exceptions of a rule set, for the DFAs.
pub(crate) struct Exceptions {
    tests: Vec<Test>,
    /// The shared DFAs.
    before: Option<Side>,
    after: Option<Side>,
    singles: Vec<Single>,
}

/// The largest bounded repetition that a pattern may hold to join a DFA:
/// the finitized `{0,100}` of an exception multiplies the states of a DFA
/// of many patterns, so such exceptions get DFAs of their own.
const MAX_REPEAT: u32 = 8;

/// Whether a regular pattern holds no bounded repetition above
/// [`MAX_REPEAT`].
fn small(h: &Hir) -> bool {
    match h.kind() {
        HirKind::Repetition(r) => r.max.is_none_or(|m| m <= MAX_REPEAT) && small(&r.sub),
        HirKind::Capture(c) => small(&c.sub),
        HirKind::Concat(hs) | HirKind::Alternation(hs) => hs.iter().all(small),
        _ => true,
    }
}

/// A part of an exception: empty, regular (with its HIR), or neither.
enum Part {
    Empty,
    Regular(Hir),
    Other,
}

impl Part {
    fn new(rust: Option<&str>) -> Part {
        match rust {
            Some("") => Part::Empty,
            Some(p) => parse(p).map_or(Part::Other, Part::Regular),
            None => Part::Other,
        }
    }
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
        let push = |list: &mut Vec<Hir>, h: Hir| {
            list.push(h);
            Some(list.len() - 1)
        };
        for p in parts {
            let before = Part::new(p.as_ref().map(|p| p.0.as_str()));
            let after = Part::new(p.as_ref().map(|p| p.1.as_str()));
            let regular_after = !matches!(after, Part::Other);
            // the afterbreak joins the shared DFA when it can
            let (a, own_after) = match after {
                Part::Regular(h) if small(&h) => (push(&mut afters, h), None),
                Part::Regular(h) => (None, Some(h)),
                Part::Empty | Part::Other => (None, None),
            };
            let test = match before {
                Part::Other => Test::Fancy(a),
                _ if !regular_after => Test::Fancy(a),
                Part::Empty if own_after.is_none() => Test::Dfa(None, a),
                Part::Regular(h) if small(&h) && own_after.is_none() => {
                    Test::Dfa(push(&mut befores, h), a)
                }
                b => {
                    let before = match b {
                        Part::Regular(h) => Side::new(vec![h], true),
                        _ => None,
                    };
                    let after = own_after.and_then(|h| Side::new(vec![h], false));
                    singles.push(Single { before, after });
                    Test::Own(singles.len() - 1, a)
                }
            };
            tests.push(test);
        }
        Exceptions {
            tests,
            before: Side::new(befores, true),
            after: Side::new(afters, false),
            singles,
        }
    }

    /// Whether one of the first `n` exceptions matches at `pos`. `may(i)`
    /// is a cheap pre-test of exception `i`, asked before its own DFAs or
    /// its fancy-regex run; `fancy(i)` tests exception `i` by its
    /// fancy-regex, asked when no DFA can or where one gives up, and only
    /// when its afterbreak may hold. `words` says where the DFAs with ASCII
    /// word boundaries are exact.
    pub(crate) fn any_match(
        &self,
        text: &str,
        pos: usize,
        n: usize,
        words: &NonAsciiWords,
        may: impl Fn(usize) -> bool,
        fancy: impl Fn(usize) -> bool,
    ) -> bool {
        let tests = &self.tests[..n];
        // `None`: the DFA gave up, every afterbreak in it may hold
        let after = match &self.after {
            Some(side) if tests.iter().any(|t| t.after().is_some()) => {
                side.matching(text, pos, words)
            }
            _ => Some(PatternSet::new(0)),
        };
        let after_ok = |t: &Test| {
            t.after().is_none_or(|id| {
                after
                    .as_ref()
                    .is_none_or(|s| s.contains(PatternID::must(id)))
            })
        };
        let sure = after.is_some();
        // the shared beforebreaks: `None` before the first need, `Some(None)`
        // when the DFA gave up
        let mut before: Option<Option<PatternSet>> = None;
        let mut unsure = Vec::new();
        for (i, t) in tests.iter().enumerate() {
            let Test::Dfa(b, _) = *t else { continue };
            if !after_ok(t) {
                continue;
            }
            let Some(id) = b else {
                if sure {
                    return true;
                }
                unsure.push(i);
                continue;
            };
            let set = before.get_or_insert_with(|| {
                let side = self.before.as_ref().expect("a beforebreak is in the DFA");
                side.matching(text, pos, words)
            });
            match set {
                Some(set) if !set.contains(PatternID::must(id)) => {}
                Some(_) if sure => return true,
                _ => unsure.push(i),
            }
        }
        for (i, t) in tests.iter().enumerate() {
            if let Test::Own(j, _) = *t {
                if after_ok(t) && may(i) {
                    match self.singles[j].matches(text, pos, words) {
                        Some(false) => {}
                        Some(true) if sure => return true,
                        _ => unsure.push(i),
                    }
                }
            }
        }
        unsure.into_iter().any(&fancy)
            || tests
                .iter()
                .enumerate()
                .any(|(i, t)| matches!(t, Test::Fancy(_)) && after_ok(t) && fancy(i))
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
            (r"x(?=y)", r"[a-z]"),
            ("", r"\s"),
            (r"x\.", r"\w{0,20}"),
        ]);
        p.push(None);
        let ex = Exceptions::new(&p);
        assert_eq!(ex.tests[0], Test::Dfa(Some(0), Some(0)));
        assert_eq!(ex.tests[1], Test::Own(0, None));
        // a fancy beforebreak: its afterbreak is still asked first
        assert_eq!(ex.tests[2], Test::Fancy(Some(1)));
        assert_eq!(ex.tests[3], Test::Dfa(None, Some(2)));
        // a large afterbreak gets a DFA of its own
        assert_eq!(ex.tests[4], Test::Own(1, None));
        assert!(ex.singles[1].after.is_some());
        assert_eq!(ex.tests[5], Test::Fancy(None));
    }

    #[test]
    fn dfas_find_exceptions_at_the_break_and_give_up_on_unicode_boundaries() {
        let ex = Exceptions::new(&parts(&[(r"\b(?:Mr|Dr)\.", r"\s"), (r"[a-z]{0,20}:", "")]));
        let all = |_| true;
        let asked = std::cell::Cell::new(false);
        let any = |text: &str, pos, n, may: &dyn Fn(usize) -> bool| {
            let fancy = |_| {
                asked.set(true);
                false
            };
            ex.any_match(text, pos, n, &NonAsciiWords::new(text), may, fancy)
        };
        assert!(any("Dr. Who", 3, 2, &all));
        assert!(!any("Dr.Who", 3, 2, &all));
        assert!(!any("XDr. Who", 4, 2, &all));
        // only the exceptions placed before the rule count
        assert!(!any("Dr. Who", 3, 0, &all));
        assert!(any("see: it", 4, 2, &all));
        assert!(!any("see: it", 4, 1, &all));
        // the pre-test rules an own-DFA exception out
        assert!(!any("see: it", 4, 2, &|i| i != 1));
        // farther away from a non-ASCII word character, the ASCII
        // boundaries are exact; a curly quote is no word character
        assert!(any("é      Dr. Who", 11, 2, &all));
        assert!(any("“Dr. Who", 6, 2, &all));
        assert!(!asked.get());
        // a Unicode \b beside a non-ASCII word character: the DFA gives up,
        // and the exception's fancy-regex is asked
        assert!(!any("éDr. Who", 5, 2, &all));
        assert!(asked.get());
    }

    #[test]
    fn fancy_exceptions_run_only_where_their_afterbreak_holds() {
        let ex = Exceptions::new(&parts(&[(r"x(?=y)", r"[a-z]")]));
        let asked = std::cell::Cell::new(0);
        let fancy = |_| {
            asked.set(asked.get() + 1);
            true
        };
        let words = NonAsciiWords::new("a. B a. b");
        assert!(!ex.any_match("a. B a. b", 3, 1, &words, |_| true, fancy));
        assert_eq!(asked.get(), 0);
        assert!(ex.any_match("a. B a. b", 8, 1, &words, |_| true, fancy));
        assert_eq!(asked.get(), 1);
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
