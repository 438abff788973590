//! Summaries of whole texts: the text is cut into sentences, its headline
//! taken as the title when none is given, the sentences ranked, and each
//! chosen sentence shown from its first word.
//!
//! This is what the command line and the Python package share; neither
//! reads a file here, and offsets are byte offsets into the text given.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use excerpt_segment::Segmenter;

use crate::{Budget, Keyword, Similarity, Summarizer, Verdict};

/// A chosen sentence as a summary shows it: from its first word (see
/// [`display_prefix`]) to its end.
///
/// ```
/// use excerpt_rank::{Budget, TextSummarizer};
///
/// let text = "The dam broke at dawn. Water reached the town by noon. Nobody was hurt.";
/// let summary = TextSummarizer::default().summarize(text, "en", None, Budget::Sentences(1), None);
/// let chosen = &summary.chosen[0];
/// assert_eq!(&text[chosen.start..chosen.end], chosen.text);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Chosen<'t> {
    /// Index of the sentence among the text's sentences, from 0.
    pub index: usize,
    /// Byte offset in the text of the first byte shown.
    pub start: usize,
    /// Byte offset in the text one past the sentence's last byte.
    pub end: usize,
    /// The sentence's score.
    pub score: f64,
    /// What is shown: `text[start..end]`.
    pub text: &'t str,
}

/// What a summary of a whole text knows: the chosen sentences, and every
/// sentence with its score and verdict.
///
/// ```
/// use excerpt_rank::{Budget, TextSummarizer};
///
/// let text = "The dam broke at dawn. Water reached the town by noon. Nobody was hurt.";
/// let s = TextSummarizer::default().summarize(text, "en", None, Budget::Sentences(2), Some(3));
/// assert_eq!(s.sentences.len(), 3);
/// assert_eq!(s.scores.len(), 3);
/// assert_eq!(s.chosen.len(), 2);
/// assert!(s.keywords.is_some());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct TextSummary<'t> {
    /// The chosen sentences, in document order.
    pub chosen: Vec<Chosen<'t>>,
    /// Every sentence of the text, whole, in order.
    pub sentences: Vec<&'t str>,
    /// One score per sentence.
    pub scores: Vec<f64>,
    /// One verdict per sentence.
    pub verdicts: Vec<Verdict>,
    /// How strongly the text puts its gist first (see
    /// [`crate::Summary::lead_strength`]).
    pub lead_strength: f64,
    /// The keyphrases, when they were asked for.
    pub keywords: Option<Vec<Keyword>>,
}

/// A segmenter and a summariser for one language.
type Engine = Arc<(Segmenter, Summarizer)>;

/// Summarises whole texts: segmenters and summarisers built once per
/// language and shared by threads.
///
/// ```
/// use excerpt_rank::{Budget, Similarity, TextSummarizer};
///
/// let engines = TextSummarizer::new(Similarity::Overlap);
/// let text = "Dr. Lee opened the new clinic on Monday. It has ten beds. The clinic serves three villages.";
/// let summary = engines.summarize(text, "en", None, Budget::Sentences(1), None);
/// assert_eq!(summary.chosen.len(), 1);
/// assert_eq!(summary.sentences[0], "Dr. Lee opened the new clinic on Monday.");
/// ```
#[derive(Debug, Default)]
pub struct TextSummarizer {
    similarity: Similarity,
    by_lang: Mutex<HashMap<String, Engine>>,
}

impl TextSummarizer {
    /// Summarises with `similarity` between sentences.
    ///
    /// ```
    /// use excerpt_rank::{Similarity, TextSummarizer};
    /// let engines = TextSummarizer::new(Similarity::Bm25);
    /// assert_eq!(engines.engine("en").1.similarity(), Similarity::Bm25);
    /// ```
    pub fn new(similarity: Similarity) -> TextSummarizer {
        TextSummarizer {
            similarity,
            by_lang: Mutex::new(HashMap::new()),
        }
    }

    /// The segmenter and summariser for ISO 639-1 code `lang`, built on
    /// first use.
    ///
    /// ```
    /// let engines = excerpt_rank::TextSummarizer::default();
    /// let engine = engines.engine("de");
    /// assert_eq!(engine.1.lang(), "de");
    /// assert!(std::sync::Arc::ptr_eq(&engine, &engines.engine("de")));
    /// ```
    pub fn engine(&self, lang: &str) -> Arc<(Segmenter, Summarizer)> {
        let mut map = self.by_lang.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(lang.to_string())
            .or_insert_with(|| {
                Arc::new((
                    Segmenter::new(lang),
                    Summarizer::new(lang).with_similarity(self.similarity),
                ))
            })
            .clone()
    }

    /// Summarises `text`, in language `lang` (ISO 639-1), under `budget`;
    /// the `keywords` best keyphrases when asked for. Without a `title`, a
    /// headline the text opens with (see [`crate::headline`]) serves as one.
    ///
    /// ```
    /// use excerpt_rank::{Budget, TextSummarizer};
    ///
    /// let text = "(...) The ferry leaves at noon for the island. It returns at six.";
    /// let s = TextSummarizer::default().summarize(text, "en", None, Budget::Sentences(1), None);
    /// assert_eq!(s.chosen[0].text, "The ferry leaves at noon for the island.");
    /// assert_eq!(s.sentences[0], "(...) The ferry leaves at noon for the island.");
    /// ```
    pub fn summarize<'t>(
        &self,
        text: &'t str,
        lang: &str,
        title: Option<&str>,
        budget: Budget,
        keywords: Option<usize>,
    ) -> TextSummary<'t> {
        let engine = self.engine(lang);
        let (segmenter, summarizer) = &*engine;
        let sentences: Vec<_> = segmenter.segment(text).collect();
        let texts: Vec<&'t str> = sentences.iter().map(|s| s.as_str()).collect();
        // Without a title, a headline the text opens with serves as one.
        let title = title.or_else(|| crate::headline(text));
        let paragraphs: Vec<usize> = sentences.iter().map(|s| s.paragraph()).collect();
        let summary = summarizer.summarize_paragraphs(&texts, &paragraphs, title, budget);
        let keywords = keywords.map(|n| summarizer.keywords(&texts, n));
        let chosen = summary
            .picks
            .iter()
            .map(|pick| {
                let s = &sentences[pick.index];
                let start = s.start() + display_prefix(texts[pick.index]);
                Chosen {
                    index: pick.index,
                    start,
                    end: s.end(),
                    score: pick.score,
                    text: &text[start..s.end()],
                }
            })
            .collect();
        TextSummary {
            chosen,
            sentences: texts,
            scores: summary.scores,
            verdicts: summary.verdicts,
            lead_strength: summary.lead_strength,
            keywords,
        }
    }
}

/// The length of the omission marks (`(...)`, `[…]`) and spaces a sentence
/// opens with: they stand for words of the source left out before it, so a
/// summary shows the sentence from its first word.
///
/// ```
/// assert_eq!(excerpt_rank::omission_prefix("(...) Il faut savoir."), 6);
/// assert_eq!(excerpt_rank::omission_prefix("Il dit (...) non."), 0);
/// ```
pub fn omission_prefix(sentence: &str) -> usize {
    const MARKS: [&str; 4] = ["(...)", "[...]", "(…)", "[…]"];
    let mut rest = sentence;
    while let Some(after) = MARKS.iter().find_map(|m| rest.strip_prefix(m)) {
        let trimmed = after.trim_start();
        if trimmed.is_empty() || trimmed.len() == after.len() {
            break; // nothing after the mark, or a word glued to it
        }
        rest = trimmed;
    }
    sentence.len() - rest.len()
}

/// The length of what a summary leaves off the front of a chosen sentence:
/// omission marks, then a list or section number.
///
/// ```
/// assert_eq!(excerpt_rank::display_prefix("(...) 3. Then the tide came."), 9);
/// assert_eq!(excerpt_rank::display_prefix("Then the tide came."), 0);
/// ```
pub fn display_prefix(sentence: &str) -> usize {
    let omitted = omission_prefix(sentence);
    omitted + list_marker_prefix(&sentence[omitted..])
}

/// The length of the list or section number a sentence opens with (`2. `,
/// `7.1) `), with the spaces after it, when a capital letter follows: the
/// number belongs to the layout of the source, and a summary line that opens
/// with it reads as an item of a list that is not there.
///
/// ```
/// assert_eq!(excerpt_rank::list_marker_prefix("7.1)  Results of the survey."), 6);
/// assert_eq!(excerpt_rank::list_marker_prefix("2.5 million people voted."), 0);
/// ```
pub fn list_marker_prefix(sentence: &str) -> usize {
    let bytes = sentence.as_bytes();
    let mut i = 0;
    loop {
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 3 {
            return 0;
        }
        i += digits;
        match bytes.get(i) {
            Some(b'.') if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => i += 1,
            Some(b'.' | b')') => {
                i += 1;
                break;
            }
            _ => return 0,
        }
    }
    let rest = sentence[i..].trim_start();
    let spaced = rest.len() < sentence.len() - i;
    if spaced && rest.chars().next().is_some_and(char::is_uppercase) {
        sentence.len() - rest.len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The river ferry returns to service on Monday after a month of repairs. \
        Engineers replaced the ferry engine and painted the hull. \
        The ferry carries two hundred passengers across the river each morning. \
        A café on the pier will open at the same time. \
        Tickets for the river ferry cost the same as before.";

    #[test]
    fn a_summary_sentence_starts_after_leading_omission_marks() {
        assert_eq!(omission_prefix("(...) Il faut savoir."), 6);
        assert_eq!(omission_prefix("[…] (...)  Elle part."), 13);
        assert_eq!(omission_prefix("Il dit (...) non."), 0);
        assert_eq!(omission_prefix("(...)"), 0);
        assert_eq!(omission_prefix("(...)Glued."), 0);
        assert_eq!(omission_prefix("(1) First."), 0);
    }

    #[test]
    fn a_summary_sentence_starts_after_a_list_or_section_number() {
        assert_eq!(list_marker_prefix("2. Given the ferry times, we left."), 3);
        assert_eq!(list_marker_prefix("7.1)  Results of the survey."), 6);
        assert_eq!(list_marker_prefix("12. THE HARBOUR The boats left."), 4);
        assert_eq!(display_prefix("(...) 3. Then the tide came."), 9);
        // Not a list marker: a number that is part of the statement.
        assert_eq!(list_marker_prefix("2 boats left the harbour."), 0);
        assert_eq!(list_marker_prefix("2.5 million people voted."), 0);
        assert_eq!(list_marker_prefix("1999. The year ended."), 0);
        assert_eq!(list_marker_prefix("3. the tide came."), 0);
        assert_eq!(list_marker_prefix("4.Glued text."), 0);
        assert_eq!(list_marker_prefix("5."), 0);
    }

    #[test]
    fn chosen_spans_are_slices_of_the_text_in_order() {
        let s = TextSummarizer::default().summarize(STORY, "en", None, Budget::Words(25), Some(2));
        let used: usize = s
            .chosen
            .iter()
            .map(|c| c.text.split_whitespace().count())
            .sum();
        assert!(used <= 25 && used > 0);
        for pair in s.chosen.windows(2) {
            assert!(pair[0].end <= pair[1].start);
        }
        for c in &s.chosen {
            assert_eq!(&STORY[c.start..c.end], c.text);
            assert_eq!(s.sentences[c.index], c.text);
            assert_eq!(s.verdicts[c.index], Verdict::Chosen);
        }
        assert_eq!(s.keywords.as_ref().map(Vec::len), Some(2));
    }

    #[test]
    fn a_headline_serves_as_the_title_unless_one_is_given() {
        let body = [
            "The district council met on Friday to talk about the river path and the east bank.",
            "Councillors chose to close the old bridge to cars from next spring.",
            "The river bridge and the river path were built in the same year.",
            "Walkers said the river path was often muddy after rain.",
            "The district engineer said the old bridge was too weak for cars.",
            "Cars will use the new road on the east bank.",
            "The river path will get new lamps in autumn.",
            "A school band played outside after the meeting.",
            "Snow fell during the night.",
            "Some residents could not come to the meeting.",
            "The minutes will be posted at the library.",
            "The next council meeting is in June.",
        ]
        .join(" ");
        let engines = TextSummarizer::default();
        let headed = format!("Old bridge to close to cars\n\n{body}");
        let by_headline = engines.summarize(&headed, "en", None, Budget::Sentences(1), None);
        let titled = engines.summarize(
            &body,
            "en",
            Some("Old bridge to close to cars"),
            Budget::Sentences(1),
            None,
        );
        assert!(titled.chosen[0].text.starts_with("Councillors chose"));
        assert_eq!(by_headline.chosen[0].text, titled.chosen[0].text);
    }
}
