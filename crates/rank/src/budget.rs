//! How much text a summary may take, and the meter that enforces it.

/// How much of the text a summary may take. Every budget is a hard limit.
///
/// Words are counted as runs of non-whitespace (what `str::split_whitespace`
/// yields) and characters as Unicode scalar values; the length of a summary is
/// the sum over its sentences (the separators a program prints between them
/// are not counted).
///
/// ```
/// use excerpt_rank::Budget;
///
/// assert_eq!(Budget::Ratio(0.25).sentence_limit(10), Some(2));
/// assert_eq!(Budget::Ratio(0.01).sentence_limit(10), Some(1)); // never empty
/// assert_eq!(Budget::Sentences(3).sentence_limit(10), Some(3));
/// assert_eq!(Budget::Words(50).sentence_limit(10), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many words in total.
    Words(usize),
    /// At most this many characters in total.
    Chars(usize),
    /// At most this fraction (0..=1) of the sentences, rounded down, but at
    /// least one sentence when the fraction is positive.
    Ratio(f64),
}

impl Budget {
    /// The most sentences a summary of `total` sentences may have, when the
    /// budget counts sentences.
    ///
    /// ```
    /// use excerpt_rank::Budget;
    /// assert_eq!(Budget::Ratio(1.5).sentence_limit(4), Some(4));
    /// assert_eq!(Budget::Ratio(0.0).sentence_limit(4), Some(0));
    /// ```
    pub fn sentence_limit(&self, total: usize) -> Option<usize> {
        match *self {
            Budget::Sentences(n) => Some(n),
            Budget::Ratio(r) if r.is_nan() || r <= 0.0 || total == 0 => Some(0),
            Budget::Ratio(r) => Some(((r.min(1.0) * total as f64).floor() as usize).max(1)),
            Budget::Words(_) | Budget::Chars(_) => None,
        }
    }
}

/// Number of words in `sentence` as [`Budget::Words`] counts them.
///
/// ```
/// assert_eq!(excerpt_rank::word_count("Rain, then sun."), 3);
/// ```
pub fn word_count(sentence: &str) -> usize {
    sentence.split_whitespace().count()
}

/// Number of characters in `sentence` as [`Budget::Chars`] counts them.
///
/// ```
/// assert_eq!(excerpt_rank::char_count("Été."), 4);
/// ```
pub fn char_count(sentence: &str) -> usize {
    sentence.chars().count()
}

/// What a summary has used of its budget so far.
#[derive(Clone, Debug)]
pub(crate) struct Meter {
    budget: Budget,
    sentence_limit: Option<usize>,
    sentences: usize,
    words: usize,
    chars: usize,
}

impl Meter {
    pub fn new(budget: Budget, total: usize) -> Meter {
        Meter {
            budget,
            sentence_limit: budget.sentence_limit(total),
            sentences: 0,
            words: 0,
            chars: 0,
        }
    }

    /// Whether no further sentence can be added, whatever its length.
    pub fn is_full(&self) -> bool {
        match (self.budget, self.sentence_limit) {
            (_, Some(limit)) => self.sentences >= limit,
            (Budget::Words(w), None) => self.words >= w,
            (Budget::Chars(c), None) => self.chars >= c,
            _ => true,
        }
    }

    /// Whether `sentence` can be added without going over.
    pub fn fits(&self, sentence: &str) -> bool {
        match (self.budget, self.sentence_limit) {
            (_, Some(limit)) => self.sentences < limit,
            (Budget::Words(w), None) => self.words + word_count(sentence) <= w,
            (Budget::Chars(c), None) => self.chars + char_count(sentence) <= c,
            _ => false,
        }
    }

    /// Counts `sentence` as used.
    pub fn take(&mut self, sentence: &str) {
        self.sentences += 1;
        self.words += word_count(sentence);
        self.chars += char_count(sentence);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_budget_is_a_hard_limit() {
        let mut m = Meter::new(Budget::Words(5), 10);
        assert!(m.fits("one two three"));
        m.take("one two three");
        assert!(!m.fits("four five six"));
        assert!(m.fits("four five"));
        m.take("four five");
        assert!(m.is_full());
    }

    #[test]
    fn chars_budget_counts_scalar_values() {
        let mut m = Meter::new(Budget::Chars(6), 3);
        assert!(m.fits("ééé"));
        m.take("ééé");
        assert!(!m.fits("abcd"));
        assert!(m.fits("abc"));
    }

    #[test]
    fn sentence_budget_counts_sentences() {
        let mut m = Meter::new(Budget::Sentences(1), 3);
        assert!(m.fits("a very long sentence indeed"));
        m.take("a very long sentence indeed");
        assert!(m.is_full());
        assert!(!m.fits("b"));
    }

    #[test]
    fn ratio_rounds_down_but_keeps_one() {
        assert_eq!(Budget::Ratio(0.5).sentence_limit(5), Some(2));
        assert_eq!(Budget::Ratio(0.1).sentence_limit(5), Some(1));
        assert_eq!(Budget::Ratio(f64::NAN).sentence_limit(5), Some(0));
        assert_eq!(Budget::Ratio(0.5).sentence_limit(0), Some(0));
    }
}
