//! Sentences that are really several: captions and labels run into the text.
//!
//! Text copied from a web page often loses the line breaks between a photo
//! caption and the article, so one "sentence" holds a caption, then the next
//! sentence: `... saved him from a muddy grave The dog was filmed ...`. Such a
//! span is long and shares words with everything around it, so a graph ranks
//! it high, yet it reads badly and repeats what the clean sentences say.
//!
//! Two marks give a run-on away, in any language with capital letters and a
//! stop-word list:
//! - a **restart**: a word ending in a lower-case letter, then a capitalised
//!   stop word that opens other sentences of the same text, then a lower-case
//!   word (`grave The black`), where a sentence would never capitalise a
//!   function word; a title such as `The Times` is not a restart, because
//!   the word after the stop word is capitalised too, and neither is a name
//!   that happens to be spelt like a stop word (`since May last year`,
//!   `Formula One racing`), because it does not open sentences;
//! - a **label**: a sentence that opens with a short phrase and a colon,
//!   then a capitalised word (`Going, going: This ...`, `CLAIM: The MP ...`),
//!   the way captions are headed.

use crate::language::Language;
use std::collections::HashSet;

/// Most words before a colon for the phrase to count as a caption label.
const LABEL_WORDS: usize = 4;

/// The stop words that open sentences of `sentences`, lower-cased.
pub(crate) fn sentence_openers(sentences: &[&str], lang: &Language) -> HashSet<String> {
    sentences
        .iter()
        .filter_map(|s| s.split_whitespace().next())
        .filter(|w| is_capitalised(w))
        .map(str::to_lowercase)
        .filter(|w| lang.is_stop_word(w))
        .collect()
}

/// How many caption restarts and labels `sentence` holds (0 for a clean
/// sentence); `openers` are the stop words that open sentences of the text
/// ([`sentence_openers`]).
pub(crate) fn marks(sentence: &str, openers: &HashSet<String>) -> usize {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut restarts = 0;
    for w in words.windows(3) {
        let ends_lower = w[0].chars().next_back().is_some_and(char::is_lowercase);
        let next_lower = w[2].chars().next().is_some_and(char::is_lowercase);
        if ends_lower
            && next_lower
            && is_capitalised(w[1])
            && openers.contains(&w[1].to_lowercase())
        {
            restarts += 1;
        }
    }
    restarts + labels(&words)
}

/// A word with a capital first letter and lower-case letters after it.
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}

/// A caption label: the sentence (its `words`) opens with one to [`LABEL_WORDS`] words and
/// a colon, then a capitalised word. (A colon later in a sentence is more
/// often a title's: `Star Wars: The Phantom Menace`.)
fn labels(words: &[&str]) -> usize {
    let opening = &words[..words.len().min(LABEL_WORDS)];
    let Some(colon) = opening.iter().position(|w| w.len() > 1 && w.ends_with(':')) else {
        return 0;
    };
    let next_capital = words
        .get(colon + 1)
        .and_then(|n| n.chars().next())
        .is_some_and(char::is_uppercase);
    usize::from(next_capital)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Marks of `s` in a text whose other sentences open with common words.
    fn en(s: &str) -> usize {
        let text = ["The tide turned.", "She waved.", "Two boats left.", s];
        marks(s, &sentence_openers(&text, &Language::new("en")))
    }

    #[test]
    fn a_caption_run_into_the_next_sentence_is_marked() {
        assert_eq!(
            en("The lifeboat crew reached the yacht before dark The storm had torn its sail."),
            1
        );
        assert_eq!(
            en("Rescued: The lifeboat crew reached the yacht before dark and towed it home."),
            1
        );
        assert_eq!(
            en("Safe at last: Two sailors wave from the deck The storm had torn their sail."),
            2
        );
        assert_eq!(
            en("The film critic praised Harbour Lights: The Return as bold."),
            0
        );
    }

    #[test]
    fn titles_names_and_quotes_are_not_marked() {
        assert_eq!(
            en("The mayor told The Evening Post that the ferry would stay."),
            0
        );
        assert_eq!(en("She met Anna Berg in the harbour office on Monday."), 0);
        assert_eq!(en("The mayor said: 'The ferry stays.'"), 0);
        assert_eq!(
            en("He listed three reasons for the vote: cost, time and safety."),
            0
        );
        assert_eq!(
            en(
                "The council, which met on Monday for six hours, said the ferry would stay: It is loved."
            ),
            0
        );
    }

    #[test]
    fn a_name_spelt_like_a_stop_word_is_not_a_restart() {
        // "May" is an English stop word, but in this text it opens no sentence.
        assert_eq!(en("The council has met every week since May last year."), 0);
        assert_eq!(
            en("The council has met every week since The tide turned."),
            1
        );
    }

    #[test]
    fn languages_without_stop_words_still_find_labels() {
        let text = [
            "Rescued: Crew reached the yacht",
            "Crew reached the yacht before dark The sail tore",
        ];
        let openers = sentence_openers(&text, &Language::new("xx"));
        assert_eq!(marks(text[0], &openers), 1);
        assert_eq!(marks(text[1], &openers), 0);
    }
}
