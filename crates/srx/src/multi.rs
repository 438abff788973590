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

use crate::bits::Bits;
use crate::needle::Needle;
use crate::side::{Side, parse};
use crate::trim::{Edge, trim};
use crate::words::NonAsciiWords;
use regex_automata::util::pool::Pool;
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
/// when that is in no shared DFA (`None` when empty). With a [`Needle`],
/// its afterbreak is in the late afterbreak DFA (`late`, its id there),
/// walked only where the needle of such an exception is found.
struct Single {
    before: Option<Side>,
    after: Option<Side>,
    needle: Option<Needle>,
    late: Option<usize>,
}

impl Single {
    /// Whether it matches at `pos`; `None` when a DFA gives up or does not
    /// build. `bits` is scratch space.
    fn matches(
        &self,
        text: &str,
        pos: usize,
        words: &NonAsciiWords,
        bits: &mut Bits,
    ) -> Option<bool> {
        if let Some(a) = &self.after {
            if !a.matching(text, pos, words, bits) {
                return None;
            }
            if bits.is_empty() {
                return Some(false);
            }
        }
        match &self.before {
            Some(b) => b.matching(text, pos, words, bits).then(|| !bits.is_empty()),
            None => Some(true),
        }
    }
}

/// The scratch space of one test, kept between tests.
#[derive(Default)]
struct Scratch {
    after: Bits,
    late: Bits,
    before: Bits,
    own: Bits,
    unsure: Vec<usize>,
}

/// The exceptions of a rule set, for the DFAs.
pub(crate) struct Exceptions {
    tests: Vec<Test>,
    /// The shared DFAs.
    before: Option<Side>,
    after: Option<Side>,
    /// The afterbreaks of the exceptions with a needle.
    late: Option<Side>,
    singles: Vec<Single>,
    /// The exception of each pattern of the shared beforebreak DFA.
    before_owner: Vec<usize>,
    /// The exceptions tested by the shared DFAs with an empty beforebreak,
    /// those with DFAs of their own, and those tested by fancy-regex, each
    /// in order.
    empty_before: Vec<usize>,
    own: Vec<usize>,
    fancy: Vec<usize>,
    /// The first exception whose afterbreak is in the shared afterbreak
    /// DFA, and the first whose beforebreak is in the shared one
    /// (`usize::MAX` when none).
    first_after: usize,
    first_before: usize,
    scratch: Pool<Scratch, fn() -> Scratch>,
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
    /// The part, its repetition at the free `edge` cut (see
    /// [`crate::trim`]).
    fn new(rust: Option<&str>, edge: Edge) -> Part {
        match rust {
            Some("") => Part::Empty,
            Some(p) => match parse(p).map(|h| trim(&h, edge)) {
                Some(h) if matches!(h.kind(), HirKind::Empty) => Part::Empty,
                Some(h) => Part::Regular(h),
                None => Part::Other,
            },
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
        let mut lates = Vec::new();
        let push = |list: &mut Vec<Hir>, h: Hir| {
            list.push(h);
            Some(list.len() - 1)
        };
        for p in parts {
            let before = Part::new(p.as_ref().map(|p| p.0.as_str()), Edge::Start);
            let after = Part::new(p.as_ref().map(|p| p.1.as_str()), Edge::End);
            let regular_after = !matches!(after, Part::Other);
            // a beforebreak with a large repetition and a needle: its
            // afterbreak (such as `[^)\n]*\)`, which would make every walk
            // of the shared DFA read to the end of the line) goes late
            let needle = match (&before, &after) {
                (Part::Regular(b), Part::Regular(a)) if !small(b) && small(a) => Needle::new(b),
                _ => None,
            };
            let mut late = None;
            // the afterbreak joins the shared DFA when it can
            let (a, own_after) = match after {
                Part::Regular(h) if needle.is_some() => {
                    late = push(&mut lates, h);
                    (None, None)
                }
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
                    singles.push(Single {
                        before,
                        after,
                        needle,
                        late,
                    });
                    Test::Own(singles.len() - 1, a)
                }
            };
            tests.push(test);
        }
        let which = |f: &dyn Fn(&Test) -> bool| -> Vec<usize> {
            (0..tests.len()).filter(|&i| f(&tests[i])).collect()
        };
        let before_owner = which(&|t| matches!(t, Test::Dfa(Some(_), _)));
        let empty_before = which(&|t| matches!(t, Test::Dfa(None, _)));
        let own = which(&|t| matches!(t, Test::Own(..)));
        let fancy = which(&|t| matches!(t, Test::Fancy(_)));
        let first_after = which(&|t| t.after().is_some()).first().copied();
        Exceptions {
            first_before: before_owner.first().copied().unwrap_or(usize::MAX),
            first_after: first_after.unwrap_or(usize::MAX),
            before_owner,
            empty_before,
            own,
            fancy,
            tests,
            before: Side::new(befores, true),
            after: Side::new(afters, false),
            late: Side::new(lates, false),
            singles,
            scratch: Pool::new(Scratch::default as fn() -> Scratch),
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
        let mut guard = self.scratch.get();
        let Scratch {
            after,
            late,
            before,
            own,
            unsure,
        } = &mut *guard;
        unsure.clear();
        // `sure` is false when the afterbreak DFA gave up: every afterbreak
        // in it may hold
        let sure = match &self.after {
            Some(side) if n > self.first_after => side.matching(text, pos, words, after),
            _ => true,
        };
        let tests = &self.tests;
        let after_ok = |i: usize| {
            tests[i]
                .after()
                .is_none_or(|id| !sure || after.contains(id))
        };
        let first = |list: &[usize]| list.partition_point(|&i| i < n);
        for &i in &self.empty_before[..first(&self.empty_before)] {
            if after_ok(i) {
                if sure {
                    return true;
                }
                unsure.push(i);
            }
        }
        if n > self.first_before {
            let side = self.before.as_ref().expect("a beforebreak is in the DFA");
            if side.matching(text, pos, words, before) {
                for id in before.iter() {
                    let i = self.before_owner[id];
                    if i < n && after_ok(i) {
                        if sure {
                            return true;
                        }
                        unsure.push(i);
                    }
                }
            } else {
                // the DFA gave up: each of its exceptions may match
                let k = first(&self.before_owner);
                unsure.extend(self.before_owner[..k].iter().filter(|&&i| after_ok(i)));
            }
        }
        // the late afterbreaks: `None` before the first need, then whether
        // the DFA answered
        let mut late_walked = None;
        for &i in &self.own[..first(&self.own)] {
            let Test::Own(j, _) = tests[i] else {
                unreachable!("an own-DFA exception")
            };
            if !after_ok(i) || !may(i) {
                continue;
            }
            let single = &self.singles[j];
            if single
                .needle
                .as_ref()
                .is_some_and(|n| !n.found(text.as_bytes(), pos))
            {
                continue;
            }
            let mut late_sure = true;
            if let Some(id) = single.late {
                let side = self.late.as_ref().expect("a late afterbreak is in the DFA");
                let walked =
                    *late_walked.get_or_insert_with(|| side.matching(text, pos, words, late));
                if !walked {
                    late_sure = false;
                } else if !late.contains(id) {
                    continue;
                }
            }
            match single.matches(text, pos, words, own) {
                Some(false) => {}
                Some(true) if sure && late_sure => return true,
                _ => unsure.push(i),
            }
        }
        unsure.iter().any(|&i| fancy(i))
            || self.fancy[..first(&self.fancy)]
                .iter()
                .any(|&i| after_ok(i) && fancy(i))
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
            (r"\bx\w{0,100}\.", ""),
            (r"x(?=y)", r"[a-z]"),
            ("", r"\s"),
            (r"x\.", r"\w{0,20}x"),
            // large repetitions at the free edges, cut: the shared DFAs
            (r"[(\[]{0,100}…", r"\p{Ll}+"),
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
        assert_eq!(ex.tests[5], Test::Dfa(Some(1), Some(3)));
        assert_eq!(ex.tests[6], Test::Dfa(Some(2), None));
        assert_eq!(ex.tests[7], Test::Fancy(None));
    }

    #[test]
    fn dfas_find_exceptions_at_the_break_and_give_up_on_unicode_boundaries() {
        let ex = Exceptions::new(&parts(&[
            (r"\b(?:Mr|Dr)\.", r"\s"),
            (r"\b[a-z]{0,20}:", ""),
        ]));
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

    #[test]
    fn a_needle_exception_walks_its_late_afterbreak_only_near_its_needle() {
        let ex = Exceptions::new(&parts(&[(r"\([a-z ]{0,100}\.\s", r"[^)\n]*\)")]));
        assert_eq!(ex.tests[0], Test::Own(0, None));
        assert!(ex.singles[0].needle.is_some());
        assert_eq!(ex.singles[0].late, Some(0));
        assert!(ex.after.is_none() && ex.late.is_some());
        let any = |text: &str, pos| {
            let words = NonAsciiWords::new(text);
            ex.any_match(text, pos, 1, &words, |_| true, |_| unreachable!("no fancy"))
        };
        assert!(any("see (p. 4) here", 8));
        // no `(` within reach, no `)` before the line ends, or a `)` in
        // the beforebreak: no exception
        assert!(!any("see p. 4) here", 7));
        assert!(!any("see (p. 4\n) here", 8));
        assert!(!any("(x) p. 4) here", 7));
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
