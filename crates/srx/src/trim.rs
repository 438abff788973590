//! Exceptions are lookarounds: only whether some match exists at the break
//! counts, not how long it is. A beforebreak is a lookbehind (its match
//! ends at the break and may start anywhere), an afterbreak a lookahead
//! (its match starts at the break and may end anywhere); the repetition at
//! the free edge can then be cut to its minimum, `X{m,n}Y` to `X{m}Y`
//! before and `YX{m,n}` to `YX{m}` after, with the same answer: a match of
//! the longer form holds one of the shorter form, the same characters at
//! the same places, so every assertion (`\b`, `^`, which see the whole
//! text) holds as before. The DFAs then read fewer bytes a walk (an
//! afterbreak `[a-z].*` stops after one letter instead of at the end of the
//! line), and the finitized `{0,100}` at the start of a lookbehind goes.

use regex_syntax::hir::{Hir, HirKind, Repetition};

/// Which edge of a pattern is free.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    /// The start (a lookbehind: the match ends at the break).
    Start,
    /// The end (a lookahead: the match starts at the break).
    End,
}

/// `hir` with the repetitions at its free `edge` cut to their minimum:
/// some match of the result ends (`Edge::Start`) or starts (`Edge::End`)
/// at a position exactly where some match of `hir` does.
pub(crate) fn trim(hir: &Hir, edge: Edge) -> Hir {
    match hir.kind() {
        HirKind::Repetition(r) => match r.min {
            0 => Hir::empty(),
            1 => trim(&r.sub, edge),
            m => Hir::repetition(Repetition {
                min: m,
                max: Some(m),
                greedy: true,
                sub: r.sub.clone(),
            }),
        },
        HirKind::Capture(c) => trim(&c.sub, edge),
        HirKind::Alternation(hs) => Hir::alternation(hs.iter().map(|h| trim(h, edge)).collect()),
        HirKind::Concat(hs) => {
            let mut hs: Vec<Hir> = hs.clone();
            if edge == Edge::End {
                hs.reverse();
            }
            // an element cut to nothing leaves the next one at the edge
            let mut kept = Vec::with_capacity(hs.len());
            let mut at_edge = true;
            for h in hs {
                if at_edge {
                    let t = trim(&h, edge);
                    if matches!(t.kind(), HirKind::Empty) {
                        continue;
                    }
                    at_edge = false;
                    kept.push(t);
                } else {
                    kept.push(h);
                }
            }
            if edge == Edge::End {
                kept.reverse();
            }
            Hir::concat(kept)
        }
        _ => hir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::meta::Regex;

    fn t(p: &str, edge: Edge) -> String {
        trim(&parse(p), edge).to_string()
    }

    fn parse(p: &str) -> Hir {
        regex_automata::util::syntax::parse(p).unwrap()
    }

    #[test]
    fn cuts_the_repetition_at_the_free_edge() {
        assert_eq!(t(r"[a-z].*", Edge::End), t(r"[a-z]", Edge::End));
        assert_eq!(t(r"\p{Ll}+", Edge::End), t(r"\p{Ll}", Edge::End));
        assert_eq!(t(r"[\[(]{0,100}…", Edge::Start), t(r"…", Edge::Start));
        assert_eq!(
            t(r"[.!?]{1,100}\)x", Edge::Start),
            t(r"[.!?]\)x", Edge::Start)
        );
        assert_eq!(t(r"a{3,9}b", Edge::Start), t(r"a{3}b", Edge::Start));
        assert_eq!(t(r"(?:x|y+)z", Edge::Start), t(r"(?:x|y)z", Edge::Start));
        assert!(matches!(
            trim(&parse(r"a*b*"), Edge::End).kind(),
            HirKind::Empty
        ));
        // the other edge and what follows an anchor stay as they are
        assert_eq!(t(r"[a-z].*", Edge::Start), parse(r"[a-z].*").to_string());
        assert_eq!(t(r"^\d+\.", Edge::Start), parse(r"^\d+\.").to_string());
        assert_eq!(t(r"[^)\n]*\)", Edge::End), parse(r"[^)\n]*\)").to_string());
        assert_eq!(
            t(r"\bx\w{0,5}\b", Edge::End),
            parse(r"\bx\w{0,5}\b").to_string()
        );
    }

    /// Whether `p` as a lookbehind (`Edge::Start`) or lookahead matches
    /// at `pos`, by a plain search for a match ending or starting there.
    fn holds(p: &Hir, text: &str, pos: usize, edge: Edge) -> bool {
        // `All`: the longest match in `s..e`, which ends at `e` if any does
        let re = Regex::builder()
            .configure(Regex::config().match_kind(regex_automata::MatchKind::All))
            .build_from_hir(p)
            .unwrap();
        let (lo, hi) = match edge {
            Edge::Start => (0..=pos, pos..=pos),
            Edge::End => (pos..=pos, pos..=text.len()),
        };
        lo.into_iter().any(|s| {
            hi.clone().any(|e| {
                text.is_char_boundary(s)
                    && text.is_char_boundary(e)
                    && re
                        .search(
                            &regex_automata::Input::new(text)
                                .range(s..e)
                                .anchored(regex_automata::Anchored::Yes),
                        )
                        .is_some_and(|m| m.end() == e)
            })
        })
    }

    #[test]
    fn the_cut_pattern_holds_exactly_where_the_full_one_does() {
        let patterns = [
            r"\b[a-z]{2,4}\. ",
            r"[(\[]*\.{1,3}[)\]]* ",
            r"(?:ab|c+)d",
            r"\w+\b",
            r" [a-z]+",
            r"x*\by",
        ];
        let texts = ["ab. (...) cd. e", "((.. x ab  abd ccd xy", "a bc, xxy y  "];
        for p in patterns {
            let h = regex_automata::util::syntax::parse(p).unwrap();
            for edge in [Edge::Start, Edge::End] {
                let cut = trim(&h, edge);
                for text in texts {
                    for pos in 0..=text.len() {
                        if text.is_char_boundary(pos) {
                            assert_eq!(
                                holds(&h, text, pos, edge),
                                holds(&cut, text, pos, edge),
                                "{p} {edge:?} {text:?} {pos}"
                            );
                        }
                    }
                }
            }
        }
    }
}
