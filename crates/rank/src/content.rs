//! Which sentences are article text and which are page furniture.
//!
//! Text pasted from a web page carries headlines, datelines, bylines, menus
//! and lists of other stories. None of the rules here knows a word of any
//! language; they read the shape of a sentence and its place in the text:
//! - a line without sentence punctuation is a heading or a label (a fragment);
//! - a line held together by separators (`|`, `•`, `·`, ...) is navigation or a byline;
//! - a sentence with hardly any letters (dates, scores, counters) is not prose;
//! - a short "place, date" line that opens a story is a dateline;
//! - the article is the stretch of text where prose outweighs furniture;
//!   prose far from it (a teaser in a list of other stories) is left out.

/// Why a sentence is not considered article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NotContent {
    /// A line without sentence punctuation: headline, heading, label, caption.
    Fragment,
    /// Held together by separators: navigation, byline, dateline, share bar.
    Navigation,
    /// Mostly digits and symbols, or too few words to say anything.
    NoProse,
    /// A place and a date that open a story ("Lyon, 3 May 2025.").
    Dateline,
    /// Outside the main body of the text (before or after the article).
    OutsideBody,
}

impl NotContent {
    /// A short explanation for people.
    ///
    /// ```
    /// use excerpt_rank::NotContent;
    /// assert_eq!(NotContent::Navigation.reason(), "separator-laden line (navigation, byline)");
    /// ```
    pub fn reason(self) -> &'static str {
        match self {
            NotContent::Fragment => "no sentence punctuation (heading, label)",
            NotContent::Navigation => "separator-laden line (navigation, byline)",
            NotContent::NoProse => "too few words to be prose",
            NotContent::Dateline => "a place and a date (dateline)",
            NotContent::OutsideBody => "outside the main body of the text",
        }
    }
}

const CLOSERS: &[char] = &[
    '"', '\'', '\u{201D}', '\u{2019}', '\u{00BB}', '\u{203A}', ')', ']', '}', '*', '_',
];

/// Whether `sentence` ends the way sentences end (full stop, question or
/// exclamation mark, ellipsis, ideographic full stop), maybe followed by
/// closing quotes or brackets.
pub(crate) fn has_sentence_punctuation(sentence: &str) -> bool {
    let core = sentence.trim_end().trim_end_matches(CLOSERS);
    matches!(
        core.chars().next_back(),
        Some(
            '.' | '!'
                | '?'
                | '\u{2026}'
                | '\u{3002}'
                | '\u{FF01}'
                | '\u{FF1F}'
                | '\u{061F}'
                | '\u{0964}'
                | ';'
        )
    )
}

/// The headline a text opens with, if it has one: its first non-blank line,
/// when that line has letters, no sentence punctuation, no separators (a
/// byline or a menu is not a headline), at most 25 words, and a blank line
/// after it.
///
/// ```
/// use excerpt_rank::headline;
/// let text = "Village school stays open\n\nThe board voted on Thursday to keep it open.";
/// assert_eq!(headline(text), Some("Village school stays open"));
/// assert_eq!(headline("The board voted.\n\nIt stays open."), None);
/// assert_eq!(headline("Village school stays open\nThe board voted."), None);
/// ```
pub fn headline(text: &str) -> Option<&str> {
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let first = lines.next()?.trim();
    let blank_after = lines.next().is_some_and(|l| l.trim().is_empty());
    let is_headline = blank_after
        && first.chars().any(char::is_alphabetic)
        && !has_sentence_punctuation(first)
        && !first.ends_with(':')
        && !first.chars().any(is_separator)
        && first.split_whitespace().count() <= 25;
    is_headline.then_some(first)
}

/// Whether `c` separates items of a menu or the parts of a byline.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '|' | '\u{00A6}' // broken bar
            | '\u{2022}' // bullet
            | '\u{00B7}' // middle dot
            | '\u{2219}' // bullet operator
            | '\u{25AA}'
            ..='\u{25AB}' // small squares
            | '\u{25CF}' // black circle
            | '\u{25E6}' // white bullet
            | '\u{2023}' // triangular bullet
            | '\u{25BA}' | '\u{25B6}' // pointers
            | '\u{25A0}' | '\u{25A1}' // squares
            | '\u{2043}' // hyphen bullet
    )
}

/// The shape of one sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Shape {
    pub words: usize,
    pub letters: usize,
    pub chars: usize,
    pub visible: usize,
    pub separators: usize,
    pub punctuated: bool,
    pub question: bool,
    /// Direct speech: opens with a quotation mark, or a colon introduces a
    /// quotation in it (`He said: "..."`).
    pub quotes: bool,
    /// Starts with a list marker (`- `, `* `, `– `): an item of a list.
    pub list_item: bool,
    /// Ends with a colon: introduces what follows.
    pub introduces: bool,
    /// Points into the document's numbered parts from brackets (`(Eq. 5)`,
    /// `(see Table 2)`).
    pub refers: bool,
    /// A short "place, date" line.
    pub dateline: bool,
}

/// Quotation marks that open a quotation, in the languages' conventions
/// (`"`, `'`, `‘`, `“`, `„`, `‚`, `«`, `»` as German opens with it, `‹`,
/// CJK corner brackets).
const QUOTE_OPENERS: [char; 11] = [
    '"', '\'', '\u{2018}', '\u{201C}', '\u{201E}', '\u{00AB}', '\u{00BB}', '\u{2039}', '\u{300C}',
    '\u{300E}', '\u{201A}',
];

/// Whether `sentence` is direct speech: it opens with a quotation mark, or
/// a colon introduces a quotation in it (`He said: 'We won.'`). A summary
/// reports what was said; the quotation itself seldom carries the gist.
fn is_direct_speech(sentence: &str) -> bool {
    let t = sentence.trim_start();
    if t.starts_with(QUOTE_OPENERS) {
        return true;
    }
    t.match_indices(':')
        .any(|(at, _)| t[at + 1..].trim_start().starts_with(QUOTE_OPENERS))
}

/// Whether `sentence` points into its own document's numbered parts from
/// inside brackets: a capitalised word or an abbreviation followed by a
/// number that is not a year, as in `(Eq. 5)`, `(see Table 2)`, `(cf.
/// Section 3.1)`, `(sec. 4)`. Out of its text such a sentence leans on a
/// part the summary's reader does not have. A citation `(Smith 2004)` names
/// a year, not a part, and does not count.
fn refers_to_parts(sentence: &str) -> bool {
    if !sentence.contains('(') {
        return false;
    }
    let mut depth = 0usize;
    let mut previous: Option<&str> = None;
    for token in sentence.split_whitespace() {
        depth += token.matches('(').count();
        let word = token.trim_start_matches('(');
        if depth > 0 && previous.is_some_and(names_a_part) && starts_with_part_number(word) {
            return true;
        }
        previous = (depth > 0).then_some(word);
        depth = depth.saturating_sub(token.matches(')').count());
    }
    false
}

/// Whether `word` can name a part of a document: an abbreviation (`Eq.`,
/// `sec.`) or a capitalised word (`Table`, `Section`).
fn names_a_part(word: &str) -> bool {
    let letters = word.strip_suffix('.').unwrap_or(word);
    let abbreviation = word.ends_with('.');
    !letters.is_empty()
        && letters.chars().all(char::is_alphabetic)
        && (abbreviation || letters.chars().next().is_some_and(char::is_uppercase))
}

/// Whether `word` starts with a number that is not a year (`5`, `3.1`,
/// `02-21`; not `1998` or `2004`).
fn starts_with_part_number(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let year = digits == 4 && (word.starts_with('1') || word.starts_with("20"));
    digits > 0 && !year
}

/// Whether `sentence` is a dateline: at most ten words, a comma, no digit
/// before it (the place), and after the last comma at most five words that
/// end in a number, or in a number and one short word ("2025 r.", "2025 г.").
fn is_dateline(sentence: &str, words: usize) -> bool {
    if words > 10 {
        return false;
    }
    let (Some((place, _)), Some((_, date))) = (sentence.split_once(','), sentence.rsplit_once(','))
    else {
        return false;
    };
    if place.is_empty() || place.chars().any(char::is_numeric) {
        return false;
    }
    let tokens: Vec<&str> = date.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 5 {
        return false;
    }
    let numeric = |t: &str| {
        let t = t.trim_end_matches(|c: char| !c.is_alphanumeric());
        !t.is_empty() && t.chars().all(char::is_numeric)
    };
    let last = tokens[tokens.len() - 1];
    numeric(last)
        || (tokens.len() >= 2 && numeric(tokens[tokens.len() - 2]) && last.chars().count() <= 3)
}

impl Shape {
    pub fn of(sentence: &str) -> Shape {
        let mut shape = Shape {
            words: sentence.split_whitespace().count(),
            punctuated: has_sentence_punctuation(sentence),
            question: sentence
                .trim_end()
                .trim_end_matches(CLOSERS)
                .ends_with(['?', '\u{FF1F}', '\u{061F}']),
            ..Shape::default()
        };
        shape.list_item = sentence.starts_with(['-', '*']) && sentence[1..].starts_with(' ')
            || sentence.starts_with("\u{2013} ")
            || sentence.starts_with("\u{2014} ");
        shape.introduces = sentence.trim_end().ends_with(':');
        shape.refers = refers_to_parts(sentence);
        shape.quotes = is_direct_speech(sentence);
        shape.dateline = is_dateline(sentence, shape.words);
        for c in sentence.chars() {
            shape.chars += 1;
            if !c.is_whitespace() {
                shape.visible += 1;
            }
            if c.is_alphabetic() {
                shape.letters += 1;
            } else if is_separator(c) {
                shape.separators += 1;
            }
        }
        shape
    }

    /// The verdict on the sentence alone, before its place in the text is known.
    pub fn verdict(&self, cjk: bool) -> Option<NotContent> {
        if self.separators >= 2 || (self.separators == 1 && self.words < 15) {
            return Some(NotContent::Navigation);
        }
        let too_few_words = if cjk { self.chars < 6 } else { self.words < 3 };
        if too_few_words || self.letters * 2 < self.visible {
            return Some(NotContent::NoProse);
        }
        if self.dateline {
            return Some(NotContent::Dateline);
        }
        // List items and lines that introduce a list carry content when they
        // are long enough to be more than a label.
        let part_of_prose = (self.list_item || self.introduces) && self.words >= 6;
        if !self.punctuated && !part_of_prose && self.words < 25 {
            return Some(NotContent::Fragment);
        }
        None
    }
}

/// The verdict on every sentence: `None` for article text.
///
/// When no sentence at all reads as article text, every sentence that has a
/// letter is kept, so that a summary is never empty for want of prose.
pub(crate) fn classify(sentences: &[&str], cjk: &[bool]) -> Vec<Option<NotContent>> {
    let shapes: Vec<Shape> = sentences.iter().map(|s| Shape::of(s)).collect();
    classify_shapes(sentences, &shapes, cjk)
}

/// [`classify`] with the sentences' shapes already measured.
pub(crate) fn classify_shapes(
    sentences: &[&str],
    shapes: &[Shape],
    cjk: &[bool],
) -> Vec<Option<NotContent>> {
    let mut verdicts: Vec<Option<NotContent>> = shapes
        .iter()
        .zip(cjk)
        .map(|(shape, &cjk)| shape.verdict(cjk))
        .collect();
    // The main body: the stretch with the largest surplus of prose over
    // furniture (maximum-sum segment, prose +1, furniture -1).
    let mut best = (0.0, 0, 0);
    let (mut sum, mut start) = (0.0, 0);
    for (i, v) in verdicts.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += if v.is_none() { 1.0 } else { -1.0 };
        if sum > best.0 {
            best = (sum, start, i + 1);
        }
    }
    if best.0 > 0.0 {
        for (i, v) in verdicts.iter_mut().enumerate() {
            if v.is_none() && (i < best.1 || i >= best.2) {
                *v = Some(NotContent::OutsideBody);
            }
        }
    } else {
        for (v, s) in verdicts.iter_mut().zip(sentences) {
            if s.chars().any(char::is_alphabetic) {
                *v = None;
            }
        }
    }
    verdicts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_is_a_bare_first_line_before_a_blank_line() {
        let story =
            "\n  Bakery wins the village prize  \r\n\r\nThe bakery on the square won on Sunday.";
        assert_eq!(headline(story), Some("Bakery wins the village prize"));
        for not_one in [
            "",
            "\n\n",
            "The bakery won the prize.\n\nIt opened in May.",
            "Bakery wins the village prize\nThe bakery on the square won.",
            "Bakery wins the village prize",
            "Home | News | Sport\n\nThe bakery won.",
            "The winners were:\n\nThe bakery on the square.",
            "2025-05-04\n\nThe bakery won.",
        ] {
            assert_eq!(headline(not_one), None, "{not_one:?}");
        }
        let long = format!("{}\n\nText.", "word ".repeat(26));
        assert_eq!(headline(&long), None);
    }

    #[test]
    fn a_pointer_to_a_numbered_part_in_brackets_refers_into_the_text() {
        for pointer in [
            "The loss falls fast (Eq. 4) once the rate is halved.",
            "Most errors are short words (see Table 2).",
            "The parser was trained on the news part (cf. Section 3.1) only.",
            "We kept the usual split (sec. 02-21) for training.",
        ] {
            assert!(refers_to_parts(pointer), "{pointer:?}");
        }
        for statement in [
            "The loss falls fast once the rate is halved (Smith 2004).",
            "Most errors are short words (about 12 of them).",
            "The bakery (opened in 1998) won the prize.",
            "Table 2 lists the words.",
            "The team won 3 of 5 games (a record).",
        ] {
            assert!(!refers_to_parts(statement), "{statement:?}");
        }
    }

    fn verdicts(sentences: &[&str]) -> Vec<Option<NotContent>> {
        classify(sentences, &vec![false; sentences.len()])
    }

    #[test]
    fn punctuation_is_found_behind_quotes() {
        assert!(has_sentence_punctuation("He said \"no.\""));
        assert!(has_sentence_punctuation("Really?)"));
        assert!(!has_sentence_punctuation("Weather for the weekend"));
        assert!(!has_sentence_punctuation("Contents:"));
    }

    #[test]
    fn shapes_of_page_furniture() {
        assert_eq!(
            Shape::of("Home | Sport | Weather").verdict(false),
            Some(NotContent::Navigation)
        );
        assert_eq!(
            Shape::of("3 March 2021 • Jane Roe • Leeds").verdict(false),
            Some(NotContent::Navigation)
        );
        assert_eq!(
            Shape::of("• 12").verdict(false),
            Some(NotContent::Navigation)
        );
        assert_eq!(
            Shape::of("Storm closes the coastal road").verdict(false),
            Some(NotContent::Fragment)
        );
        assert_eq!(
            Shape::of("12:30, 04/05/2021.").verdict(false),
            Some(NotContent::NoProse)
        );
        assert_eq!(Shape::of("Yes.").verdict(false), Some(NotContent::NoProse));
        assert_eq!(
            Shape::of("The storm closed the coastal road on Monday.").verdict(false),
            None
        );
    }

    #[test]
    fn datelines_are_not_content() {
        for line in [
            "Portmouth, 4 March 2024.",
            "Rivière-aux-Saules, le 12 juin 2023.",
            "Nowe Pole, 9 maja 2022 r.",
            "Santa Clara del Monte, 30 de abril de 2021.",
        ] {
            assert_eq!(
                Shape::of(line).verdict(false),
                Some(NotContent::Dateline),
                "{line}"
            );
        }
        for sentence in [
            "In Portmouth, 2024 was a dry year.",
            "Prices rose 4%, the highest in 2023.",
            "On Monday, the council met again.",
            "The bridge, built in 1901, reopened on 4 March 2024 after repairs to its deck.",
        ] {
            assert_eq!(Shape::of(sentence).verdict(false), None, "{sentence}");
        }
    }

    #[test]
    fn direct_speech_opens_with_a_quotation_or_quotes_after_a_colon() {
        for quoted in [
            "\u{2018}We kept the ferry running,\u{2019} said Berg.",
            "\"We kept the ferry running,\" said Berg.",
            "  \u{00AB} Nous avons tenu, \u{00BB} dit-elle.",
            "\u{201E}Wir haben durchgehalten\u{201C}, sagte sie.",
            "Berg said: \u{201C}We kept the ferry running.\u{201D}",
        ] {
            assert!(is_direct_speech(quoted), "{quoted}");
        }
        for reported in [
            "Berg said the crew had kept the ferry running.",
            "The ferry\u{2019}s crew kept it running: all winter, every day.",
            "Berg called the crew \u{201C}the best in the north\u{201D} on Friday.",
        ] {
            assert!(!is_direct_speech(reported), "{reported}");
        }
    }

    #[test]
    fn teasers_after_the_article_are_outside_the_body() {
        let page = [
            "Storm closes the coastal road",
            "Monday | Staff writer | Portmouth",
            "A storm closed the coastal road on Monday.",
            "Crews cleared fallen trees through the night.",
            "The road reopened on Tuesday morning.",
            "Drivers were asked to take care.",
            "More stories",
            "Council votes on the new budget",
            "Tuesday | Staff writer | Portmouth",
            "Library hours change",
            "Tuesday | Staff writer | Portmouth",
            "The library will open later on Sundays.",
        ];
        let v = verdicts(&page);
        assert!(v[2..6].iter().all(Option::is_none), "{v:?}");
        assert_eq!(v[0], Some(NotContent::Fragment));
        assert_eq!(v[1], Some(NotContent::Navigation));
        assert_eq!(v[11], Some(NotContent::OutsideBody));
    }

    #[test]
    fn headings_between_paragraphs_stay_inside_the_body() {
        let text = [
            "The first chapter opens in winter.",
            "Snow covers the valley for months.",
            "The thaw",
            "Rivers swell when spring arrives.",
            "Farmers wait for the fields to dry.",
        ];
        let v = verdicts(&text);
        assert!(v[2].is_some());
        assert!([0, 1, 3, 4].iter().all(|&i| v[i].is_none()), "{v:?}");
    }

    #[test]
    fn a_text_without_prose_keeps_its_lines() {
        let list = ["Apples and pears", "Milk and bread", "Eggs"];
        let v = verdicts(&list);
        assert!(v.iter().all(Option::is_none));
    }
}
