//! The segmentation algorithm of the reference engine (loomchild 2.0.4 on a
//! whole text): one matcher per break rule, the earliest break wins (the
//! first rule on a tie), the exceptions of a break rule are the break="no"
//! rules placed before it, and after a break every matcher whose match
//! started before it searches again from the break, in a region that its
//! patterns cannot see behind.

use crate::words::NonAsciiWords;
use crate::{CompiledRules, RegexId};
use fancy_regex::RegexInput;

/// The state of one break rule's search, as loomchild's `RuleMatcher`.
struct Matcher {
    rule: usize,
    /// Start of the search region (0, or the last break that cut this rule).
    region: usize,
    /// Where the next `find` of the beforebreak starts.
    next: usize,
    /// Start and end of the last beforebreak match.
    start: usize,
    end: usize,
    /// Whether the last `find` succeeded.
    found: bool,
}

impl Matcher {
    /// The break position of the last match (the afterbreak starts there).
    fn break_at(&self) -> usize {
        self.end
    }
}

fn next_char(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(i + 1, |c| i + c.len_utf8())
}

impl CompiledRules {
    /// Java's `Matcher.find()` for the beforebreak, then `lookingAt()` of the
    /// afterbreak at its end, until both hold.
    fn find(&self, m: &mut Matcher, text: &str, fast: bool) {
        let rule = &self.breaks[m.rule];
        m.found = false;
        if rule.scan_after {
            // An empty beforebreak matches everywhere: the first break is
            // where the afterbreak first matches.
            let Some(id) = rule.after else { return };
            if m.next > text.len() {
                return;
            }
            let re = self.regexes[id].get(fast);
            let found = re
                .find(&text[m.next..])
                .unwrap_or_else(|e| panic!("regex {} failed: {e}", re.as_str()));
            if let Some(x) = found {
                let at = m.next + x.start();
                m.start = at;
                m.end = at;
                m.next = next_char(text, at);
                m.found = true;
            }
            return;
        }
        let hay = &text[m.region..];
        loop {
            let from = m.next - m.region;
            if from > hay.len() {
                return;
            }
            let Some((s, e)) = self.find_before(rule.before, hay, from, fast) else {
                return;
            };
            let (s, e) = (s + m.region, e + m.region);
            m.start = s;
            m.end = e;
            m.next = if s == e { next_char(text, e) } else { e };
            // the byte at the break rules most afterbreaks out (the table
            // is exact where the native word boundary is)
            let may = !fast
                || text
                    .as_bytes()
                    .get(e)
                    .is_none_or(|&b| rule.after_first.may_start(b));
            if may && self.looking_at(rule.after, &text[e..], fast) {
                m.found = true;
                return;
            }
        }
    }

    fn find_before(
        &self,
        id: RegexId,
        hay: &str,
        from: usize,
        fast: bool,
    ) -> Option<(usize, usize)> {
        let re = self.regexes[id].get(fast);
        let m = re
            .find_from_pos(hay, from)
            .unwrap_or_else(|e| panic!("regex {} failed: {e}", re.as_str()))?;
        Some((m.start(), m.end()))
    }

    /// `lookingAt()` in a region that starts at `hay`'s start (opaque,
    /// anchoring bounds).
    fn looking_at(&self, id: Option<RegexId>, hay: &str, fast: bool) -> bool {
        let Some(id) = id else { return true };
        let re = self.regexes[id].get(fast);
        re.find_input(RegexInput::new(hay).anchored(true))
            .unwrap_or_else(|e| panic!("regex {} failed: {e}", re.as_str()))
            .is_some()
    }

    /// Whether an exception (break="no" rule) placed before break rule
    /// `rule` matches at `pos` (transparent bounds: it sees the whole text).
    /// `words` is given when the DFAs may answer (see [`crate::multi`]).
    fn is_exception(
        &self,
        rule: usize,
        text: &str,
        pos: usize,
        fast: bool,
        words: Option<&NonAsciiWords>,
    ) -> bool {
        let n = self.breaks[rule].exceptions;
        if let Some(words) = words.filter(|_| fast) {
            return self.multi.any_match(
                text,
                pos,
                n,
                words,
                |i| self.exceptions[i].may_match(text, pos),
                |i| self.fancy_exception(&self.exceptions[i], text, pos, fast),
            );
        }
        self.exceptions[..n]
            .iter()
            .any(|ex| self.fancy_exception(ex, text, pos, fast))
    }

    /// Whether exception `ex` matches at `pos`, by its fancy-regex.
    fn fancy_exception(&self, ex: &crate::Exception, text: &str, pos: usize, fast: bool) -> bool {
        if !ex.may_match(text, pos) {
            return false;
        }
        let re = self.regexes[ex.regex].get(fast);
        re.find_input(RegexInput::new(text).from_pos(pos).anchored(true))
            .unwrap_or_else(|e| panic!("regex {} failed: {e}", re.as_str()))
            .is_some()
    }

    /// The end offsets (bytes) of the segments of `text`, the last one
    /// being `text.len()`; empty for an empty text.
    pub(crate) fn segment_ends(&self, text: &str) -> Vec<usize> {
        self.segment_ends_with(text, true)
    }

    /// [`CompiledRules::segment_ends`], with the exceptions tested by the
    /// DFAs where they can (`dfa`) or all by their fancy-regexes.
    pub(crate) fn segment_ends_with(&self, text: &str, dfa: bool) -> Vec<usize> {
        let mut ends = Vec::new();
        let (words, diverges) = NonAsciiWords::scan(text, &self.divergent);
        let fast = !diverges;
        let words = (dfa && fast).then_some(words);
        let mut matchers: Vec<Matcher> = Vec::with_capacity(self.breaks.len());
        for rule in 0..self.breaks.len() {
            let mut m = Matcher {
                rule,
                region: 0,
                next: 0,
                start: 0,
                end: 0,
                found: false,
            };
            self.find(&mut m, text, fast);
            if m.found {
                matchers.push(m);
            }
        }
        let mut start = 0;
        while start < text.len() {
            let mut found = false;
            while !found {
                let end;
                let min = matchers
                    .iter()
                    .enumerate()
                    .min_by_key(|(i, m)| (m.break_at(), *i))
                    .map(|(i, _)| i);
                match min {
                    None => {
                        found = true;
                        end = text.len();
                    }
                    Some(i) => {
                        end = matchers[i].break_at();
                        if end > start {
                            found = !self.is_exception(
                                matchers[i].rule,
                                text,
                                end,
                                fast,
                                words.as_ref(),
                            );
                            if found {
                                // cut: matchers whose match began before the break
                                // search again from it, in a region.
                                matchers.retain_mut(|m| {
                                    if m.start < end {
                                        m.region = end;
                                        m.next = end;
                                        self.find(m, text, fast);
                                        m.found
                                    } else {
                                        true
                                    }
                                });
                            }
                        }
                    }
                }
                // move: matchers at or before the position go on.
                matchers.retain_mut(|m| {
                    while m.break_at() <= end {
                        self.find(m, text, fast);
                        if !m.found {
                            return false;
                        }
                    }
                    true
                });
                if found {
                    ends.push(end);
                    start = end;
                }
            }
        }
        ends
    }
}
