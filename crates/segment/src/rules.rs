//! The boundary rules: where, inside one paragraph, sentences end.
//!
//! The paragraph is scanned once, byte by byte, with a lookup table that
//! flags the few bytes that can matter (terminators, brackets, line breaks
//! and the lead bytes of non-ASCII characters). Every other byte is skipped
//! at once, and the rules run only at candidates, looking at a bounded
//! window around them, so the work is linear in the length of the text.

use crate::abbrev::{Kind, WordLists};
use crate::aksara;
use crate::chars::{self, Term};
use crate::lines::LineShape;
use crate::profile::Profile;

/// How far the rules look back for the word before a period, and forward
/// for the word after it (bytes). Longer words are never abbreviations.
const WINDOW: usize = 64;
/// How far ahead the end of a quotation is looked for (bytes).
const QUOTE_REACH: usize = 240;
/// Words at least this long are never taken for unknown abbreviations.
const LONG_WORD: usize = 5;
/// How far ahead a closing bracket may be for a terminator inside brackets
/// to stay inside its sentence (bytes).
const BRACKET_REACH: usize = 160;

/// How far ahead the next item of a numbered list is looked for (bytes).
const ITEM_REACH: usize = 2000;

/// Bytes that may start something the rules look at.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let ascii = b".!?;:()[]#\n\r";
    let mut i = 0;
    while i < ascii.len() {
        t[ascii[i] as usize] = true;
        i += 1;
    }
    let mut b = 0xC2;
    while b < 256 {
        t[b] = true;
        b += 1;
    }
    t
};

/// The state of a scan over one paragraph.
pub(crate) struct Scan<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    profile: &'a Profile,
    learned: Option<&'a WordLists>,
    newline_boundary: bool,
    /// Where the current sentence starts (after the last cut).
    sent_start: usize,
    /// Open brackets in the current sentence.
    depth: u32,
    /// Where a quotation opened with „ in the current sentence
    /// starts, until it closes.
    quote_open: Option<usize>,
    /// The last list marker: (is a letter, its value).
    last_marker: Option<(bool, u32)>,
    /// Whether an item with a section number ("2.1.") began a segment in
    /// this paragraph.
    items: bool,
    shape: Option<LineShape>,
    /// Whether the paragraph is written without capitals (computed on
    /// first need).
    caseless: std::cell::Cell<Option<bool>>,
    /// Straight double quotes counted so far: (up to where, how many),
    /// from the paragraph start (counted on need, never twice).
    straight_quotes: (usize, usize),
    cuts: &'a mut Vec<usize>,
}

impl<'a> Scan<'a> {
    /// Prepares a scan of `text[start..end]`, a paragraph without blank
    /// lines, that writes sentence ends into `cuts`.
    pub(crate) fn new(
        text: &'a str,
        start: usize,
        end: usize,
        profile: &'a Profile,
        learned: Option<&'a WordLists>,
        newline_boundary: bool,
        cuts: &'a mut Vec<usize>,
    ) -> Scan<'a> {
        Scan {
            text,
            start,
            end,
            profile,
            learned,
            newline_boundary,
            sent_start: start,
            depth: 0,
            quote_open: None,
            last_marker: None,
            items: false,
            shape: None,
            caseless: std::cell::Cell::new(None),
            straight_quotes: (start, 0),
            cuts,
        }
    }

    /// Runs the scan; afterwards `cuts` holds the sentence ends, in order.
    pub(crate) fn run(mut self) {
        let bytes = self.text.as_bytes();
        let mut i = self.start;
        self.closing(i);
        while i < self.end {
            // skip to the next byte that can matter
            match bytes[i..self.end]
                .iter()
                .position(|&b| INTERESTING[usize::from(b)])
            {
                Some(k) => i += k,
                None => break,
            }
            let b = bytes[i];
            i = match b {
                b'(' | b'[' => {
                    // "so sad (((" is a face, not an opening bracket
                    let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                    if !(next.is_ascii_whitespace() || next == b'(') {
                        self.depth += 1;
                    }
                    i + 1
                }
                b')' if self.depth == 0 => self.smiley(i),
                b')' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    i + 1
                }
                b'#' => self.hashtag(i),
                b'\n' | b'\r' => self.line_break(i),
                b';' if !self.profile.greek => {
                    self.semicolon(i);
                    i + 1
                }
                b':' if bytes.get(i + 1).is_some_and(|c| c.is_ascii_whitespace())
                    && (self.profile.colon_ends && self.label_colon(i)
                        || self.profile.dateline_colon && self.dateline_colon(i)) =>
                {
                    self.cut(i + 1);
                    i + 1
                }
                b':' if !self.profile.armenian => {
                    if self.text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(chars::has_own_full_stop)
                        && self.khmer_colon(i, 1)
                    {
                        i += 1;
                        continue;
                    }
                    if let Some(next) = self.time_stamp(i) {
                        i = next;
                        continue;
                    }
                    let face = bytes
                        .get(i + 1)
                        .is_some_and(|&c| matches!(c, b'D' | b'P' | b'p'))
                        && bytes.get(i + 2).is_none_or(|c| c.is_ascii_whitespace());
                    if face {
                        self.emoji_end(i + 2);
                    } else if self.profile.colon_quote_ends && self.quotation_follows(i + 1) {
                        self.cut(i + 1);
                    } else if !self.profile.noun_capitals
                        && bytes.get(i + 2).is_some_and(|&c| !chars::is_opener(ch(c)))
                        && self.words_before(i) > 2
                        && !self.title_colon(i)
                    {
                        // not before a quotation it introduces, nor after
                        // a speaker's name or a short label ("Anna: Yes.");
                        // German capitalises a whole clause after a colon
                        // inside its sentence (Duden: "Sie sagte: Wir
                        // kommen."), so there a capital says nothing
                        self.semicolon(i);
                    }
                    i + 1
                }
                b'.' if self.profile.armenian => i + 1,
                _ if b < 0x80 => self.terminator(i, ch(b)),
                _ => {
                    let c = self.text[i..].chars().next().unwrap_or(' ');
                    let n = c.len_utf8();
                    if chars::is_bracket_opener(c) {
                        self.depth += 1;
                        i + n
                    } else if chars::is_bracket_closer(c) {
                        self.depth = self.depth.saturating_sub(1);
                        i + n
                    } else if chars::is_bullet(c) {
                        self.inline_bullet(i);
                        i + n
                    } else if c == '„' {
                        self.quote_open = Some(i);
                        i + n
                    } else if matches!(c, '“' | '”') && self.quote_open.is_some() {
                        self.quote_open = None;
                        i + n
                    } else if c == '៖' {
                        self.khmer_colon(i, n);
                        i + n
                    } else if c == '།' {
                        self.tibetan_shad(i)
                    } else if chars::is_emoji(c) {
                        self.emoji(i)
                    } else {
                        self.terminator(i, c)
                    }
                }
            };
        }
    }

    fn cut(&mut self, at: usize) {
        if self.cuts.last().is_none_or(|&last| at > last) && at > self.sent_start {
            self.cuts.push(at);
            self.sent_start = at;
            self.depth = 0;
            self.quote_open = None;
            self.closing(at);
        }
    }

    /// Khmer sets its colon (៖, or `:`) apart from the words around it
    /// ("គាត់និយាយថា ៖ ..."), as it does every mark, since spaces there
    /// divide phrases; a colon glued to the Khmer word after it, with no
    /// space, closes a heading or a label whose line was run into the
    /// next one, and ends a segment.
    fn khmer_colon(&mut self, i: usize, len: usize) -> bool {
        let next = self.text[i + len..self.end].chars().next();
        let glued = next.is_some_and(|c| chars::has_own_full_stop(c) && chars::is_base_letter(c));
        if glued {
            self.cut(i + len);
        }
        glued
    }

    /// A letter's closing formula that opens a sentence ("Kind regards,")
    /// and is followed by a capitalised name is a sentence of its own.
    fn closing(&mut self, from: usize) {
        let closings = &self.profile.lists.closings;
        if closings.is_empty() {
            return;
        }
        let text = self.text;
        let rest = &text[from..self.end];
        let lead = rest.len() - rest.trim_start().len();
        let rest = &rest.as_bytes()[lead..];
        // a cheap byte scan first: at most three words of letters, then a
        // comma (runs once per sentence, so it must stay short)
        let mut spaces = 0;
        let mut comma = None;
        for (k, &b) in rest.iter().enumerate().take(40) {
            match b {
                b',' => {
                    comma = Some(k);
                    break;
                }
                b' ' => {
                    spaces += 1;
                    if spaces > 2 {
                        return;
                    }
                }
                _ if b.is_ascii_alphabetic() || b >= 0x80 => {}
                _ => return,
            }
        }
        let Some(comma) = comma.filter(|&c| c > 0) else {
            return;
        };
        let start = from + lead;
        let after = &text[start + comma + 1..self.end];
        let name_follows = after.starts_with([' ', '\t', '\n', '\r'])
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(chars::is_upper);
        if !name_follows {
            return;
        }
        let phrase = &text[start..start + comma];
        if !phrase.chars().all(|c| c.is_alphabetic() || c == ' ') {
            return;
        }
        let key = phrase
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if closings.contains(&key) {
            self.cut(start + comma + 1);
        }
    }

    /// Handles a possible terminator `c` at `i`; returns where to go on.
    fn terminator(&mut self, i: usize, c: char) -> usize {
        let Some(kind) = chars::terminator(c, self.profile.greek, self.profile.armenian) else {
            return i + c.len_utf8();
        };
        let mut cluster = Cluster::read(
            self.text,
            i,
            self.end,
            self.profile,
            self.quote_open.is_some(),
        );
        self.spaced_straight_quote(&mut cluster);
        if kind == Term::Period && c == '.' && cluster.dots == 1 && !cluster.other {
            self.list_marker(i);
            self.item_number(i);
        }
        let boundary = self.decide(i, c, kind, &cluster);
        if boundary {
            self.cut(cluster.end);
        } else {
            // brackets the cluster closed ("(...)", "(etc.)") are closed
            // for the rest of the sentence too
            self.depth = self.depth.saturating_sub(cluster.brackets);
            if cluster.closer && self.text[i..cluster.end].contains(['“', '”']) {
                self.quote_open = None;
            }
        }
        cluster.resume.max(i + c.len_utf8())
    }

    /// A straight double quote set apart by spaces after an end ('tired.
    /// " She') opens or closes: it closes when it is the even one of the
    /// paragraph's straight double quotes (a quotation is open), and then
    /// it belongs to the sentence it closes.
    fn spaced_straight_quote(&mut self, cl: &mut Cluster) {
        let bytes = self.text.as_bytes();
        let at = cl.end;
        if bytes.get(at) != Some(&b' ')
            || bytes.get(at + 1) != Some(&b'"')
            || at + 2 < self.end && !bytes[at + 2].is_ascii_whitespace()
            || at + 2 > self.end
        {
            return;
        }
        let (from, count) = if self.straight_quotes.0 <= at {
            self.straight_quotes
        } else {
            (self.start, 0)
        };
        let count = count + memchr::memchr_iter(b'"', &bytes[from..at]).count();
        self.straight_quotes = (at, count);
        if count % 2 == 1 {
            cl.end = at + 2;
            cl.resume = cl.resume.max(cl.end);
            cl.closer = true;
        }
    }

    fn decide(&self, i: usize, c: char, kind: Term, cl: &Cluster) -> bool {
        let text = self.text;
        let after = &text[cl.end..self.end];
        let glued = after.chars().next().is_some_and(|c| !c.is_whitespace());
        if kind == Term::Period && self.profile.spaced_marks && spaced_mark_follows(after) {
            // "R.E.M. ?" / "rire... !": the question or exclamation mark
            // after a space (French typography) ends the sentence
            return false;
        }
        // An ideographic full stop inside a quotation 「…。…」 or brackets
        // ends a sentence of it: Chinese and Japanese quote several
        // sentences in one pair of brackets.
        if self.depth > 0
            && cl.brackets == 0
            && !matches!(c, '。' | '｡')
            && self.bracket_closes_ahead(cl.end)
        {
            return false;
        }
        if self.quote_open.is_some() && !cl.closer && self.quotation_goes_on(cl.end) {
            return false;
        }
        if cl.closer && self.reporting_clause_follows(i, cl) {
            return false;
        }
        let strongest = if cl.full {
            Term::Full
        } else if cl.question {
            Term::Question
        } else if cl.exclamation {
            Term::Exclamation
        } else {
            kind
        };
        match strongest {
            Term::Full => self.decide_full(i, c, cl, glued),
            Term::Question | Term::Exclamation => self.decide_strong(i, strongest, cl, glued),
            Term::Period => self.decide_period(i, c, cl, glued),
        }
    }

    /// In a script without capitals, a quotation that ends with its own
    /// terminator and is followed by a clause of at most two words and a
    /// full stop ('"Where is he?" the lawyer asked.') is the object of
    /// that reporting clause: no sentence ends at the quotation. (Scripts
    /// with capitals tell the clause by its lower-case start.)
    fn reporting_clause_follows(&self, i: usize, cl: &Cluster) -> bool {
        let text = self.text;
        let prev = text[..i].chars().next_back();
        if !prev.is_some_and(|p| {
            p.is_alphabetic() && !chars::is_lower(p) && !chars::is_upper(p) && !chars::is_cjk(p)
        }) || !text[i..cl.end].contains(chars::is_quote)
        {
            return false;
        }
        let limit = floor_char(text, (cl.end + WINDOW * 2).min(self.end));
        let window = &text[cl.end..limit];
        let Some((k, c)) = window.char_indices().find(|&(_, c)| {
            c == '\n'
                || chars::is_quote(c)
                || chars::is_bracket_opener(c)
                || chars::is_bracket_closer(c)
                || chars::terminator(c, self.profile.greek, self.profile.armenian).is_some()
        }) else {
            return false;
        };
        let stop = chars::terminator(c, self.profile.greek, self.profile.armenian);
        let words = window[..k].split_whitespace().count();
        matches!(stop, Some(Term::Period | Term::Full))
            && (1..=2).contains(&words)
            && window[k + c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
    }

    /// Whether a closing bracket follows soon, before the paragraph ends.
    fn bracket_closes_ahead(&self, from: usize) -> bool {
        let limit = floor_char(self.text, (from + BRACKET_REACH).min(self.end));
        self.text[from..limit].chars().any(chars::is_bracket_closer)
    }

    /// Whether the open quotation closes soon and the sentence goes on
    /// after it ('„I am tired. Let us go,“ she said.'): then the quoted
    /// sentences stay inside the reporting sentence.
    fn quotation_goes_on(&self, from: usize) -> bool {
        let limit = floor_char(self.text, (from + QUOTE_REACH).min(self.end));
        let window = &self.text[from..limit];
        let Some(close) = window.find(['“', '”']) else {
            return false;
        };
        if window[..close].contains('„') {
            return false;
        }
        let q = window[close..].chars().next().map_or(1, char::len_utf8);
        let after = &window[close + q..];
        let mut it = after.chars();
        match it.next() {
            Some(',') => true,
            Some(c) if c.is_whitespace() => {
                let rest = it
                    .as_str()
                    .trim_start_matches(|c: char| chars::is_dash(c) || c.is_whitespace());
                rest.chars().next().is_some_and(chars::is_lower)
            }
            _ => false,
        }
    }

    fn decide_full(&self, i: usize, c: char, cl: &Cluster, glued: bool) -> bool {
        let next = self.text[cl.end..self.end].chars().next();
        if c == '．' {
            let prev = self.text[..i].chars().next_back();
            if prev.is_some_and(|p| p.is_ascii_digit() || ('０'..='９').contains(&p))
                && next.is_some_and(|n| n.is_ascii_digit() || ('０'..='９').contains(&n))
            {
                return false;
            }
        }
        // 「…。」と言った: a quotation closed and the sentence goes on.
        if glued && cl.closer && next.is_some_and(|n| n.is_alphabetic() && chars::is_cjk(n)) {
            return false;
        }
        true
    }

    fn decide_strong(&self, i: usize, kind: Term, cl: &Cluster, glued: bool) -> bool {
        let text = self.text;
        let prev = text[..i].chars().next_back();
        if glued {
            let next = text[cl.end..self.end].chars().next().unwrap_or(' ');
            // Chinese and Japanese need no space after the end.
            if prev.is_some_and(chars::is_cjk) && (next.is_alphanumeric() || chars::is_opener(next))
            {
                return true;
            }
            // "Really?Yes." or a script without spaces; not "?q=1" or "Yahoo!Inc".
            return next.is_alphabetic()
                && !chars::is_lower(next)
                && prev.is_some_and(|p| p.is_alphabetic() && !p.is_ascii());
        }
        let Some((pos, first)) = next_word_start(text, cl.end, self.end) else {
            return true;
        };
        if first == '#' {
            return false; // hashtags trail the sentence they tag
        }
        if matches!(first, ',' | ';' | ':' | '、' | '，') {
            return false;
        }
        if chars::is_dash(first) {
            // "Why? -- he asked." / "Stop! — she cried."
            let rest = &text[pos..self.end];
            let after_dash = rest
                .trim_start_matches(|c: char| chars::is_dash(c) || c.is_whitespace())
                .chars()
                .next();
            return !after_dash.is_some_and(chars::is_lower);
        }
        if chars::is_lower(first) {
            // '"Why?" he asked.': a quoted question inside a sentence.
            return kind == Term::Question && !cl.closer && !self.profile.speech_before_verb;
        }
        true
    }

    fn decide_period(&self, i: usize, c: char, cl: &Cluster, glued: bool) -> bool {
        let text = self.text;
        if glued {
            // "基地..另外": Chinese and Japanese need no space after the end
            let prev = text[..i].chars().next_back();
            let next = text[cl.end..self.end].chars().next();
            if c != '．' && prev.is_some_and(chars::is_cjk) && next.is_some_and(chars::is_cjk) {
                return true;
            }
            // Khmer and Burmese write no space between words: a period
            // between two letters ends a sentence after a word of two
            // letters or more, not after an initial ("ស.រ.អា.")
            if c == '.' && cl.dots == 1 && prev.is_some_and(chars::has_own_full_stop) {
                let (_, word) = word_before(text, i, self.sent_start);
                let part = word.rsplit('.').next().unwrap_or("");
                return next.is_some_and(chars::has_own_full_stop)
                    && part.chars().filter(|&c| chars::is_base_letter(c)).count() >= 2;
            }
            return cl.dots == 1 && c == '.' && self.glued_sentence(i, cl.end);
        }
        let Some((next_pos, first)) = next_word_start(text, cl.end, self.end) else {
            return true;
        };
        if first == '#' {
            return false; // hashtags trail the sentence they tag
        }
        // "13 inh. /km2": a unit goes on
        if first == '/' {
            return false;
        }
        // "(b. 1948.) -- an actor": after a closing bracket or quote, a
        // dash before a lower-case word goes on (a bare ". - word" is a
        // list item or a line of dialogue)
        if chars::is_dash(first) && cl.closer {
            let after_dash = text[next_pos..self.end]
                .trim_start_matches(|c: char| chars::is_dash(c) || c.is_whitespace())
                .chars()
                .next();
            if after_dash.is_some_and(chars::is_lower) {
                return false;
            }
        }
        // "affiliates. , 2000": the sentence goes on (",," is a Dutch
        // opening quote)
        if first == ';' || first == ',' && !text[next_pos + 1..].starts_with(',') {
            return false;
        }
        if cl.dots >= 2 {
            return self.decide_ellipsis(i, cl, first);
        }
        if first == '.' && text[next_pos..].starts_with(". .") {
            // "compounds. . . . The": a period, then an omission mark that
            // opens the next sentence.
            let rest = &text[next_pos..self.end];
            let after = rest.trim_start_matches(['.', ' ']);
            return after
                .chars()
                .next()
                .is_some_and(|f| !chars::is_lower(f) && f.is_alphabetic());
        }
        let (tok_start, word) = word_before(text, i, self.sent_start);
        if word.is_empty() {
            return !chars::is_lower(first);
        }
        if is_section_number(word) && self.is_sentence_initial(tok_start) {
            // "2.1.3. The applicant": the number of an item or a section
            return false;
        }
        let next_word = word_at(text, next_pos, self.end);
        let mut buf = [0u8; KEY_BUF];
        let lower = lower_key(word, &mut buf);
        let lower: &str = &lower;
        let lists = &self.profile.lists;
        let kind = self
            .spaced_abbreviation(tok_start, word)
            .or_else(|| lists.kind(lower))
            .or_else(|| self.learned.and_then(|l| l.kind(lower)));
        if chars::is_lower(first) {
            // Lower case goes on after abbreviations and ordinals; after a
            // long ordinary word it starts a sentence written in lower case.
            // A closing quote or bracket before it: a quoted or bracketed
            // sentence inside a sentence ('"Stop." she said').
            return kind.is_none()
                && !cl.closer
                && (is_plain_long_word(word)
                    || !self.profile.ordinal_dot && is_long_number(word)
                    || self.writes_without_capitals()
                        && !word.bytes().all(|b| b.is_ascii_digit())
                        && word.chars().count() > 1
                        && !is_initialism(word));
        }
        match aksara::initial(word) {
            Some(aksara::Initial::Sure) => return false,
            Some(aksara::Initial::Closed) if self.beside_initial(tok_start, next_pos) => {
                return false;
            }
            _ => {}
        }
        if self.is_sentence_initial(tok_start)
            && (word.bytes().all(|b| b.is_ascii_digit()) && word.len() <= 4
                || word.chars().count() == 1
                || chars::is_roman(word))
        {
            // A list marker or a heading number: "1. The first item".
            return false;
        }
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let single_letter =
            letters.next().is_some() && letters.next().is_none() && word.chars().count() == 1;
        let letter = word.chars().next().unwrap_or(' ');
        if single_letter && chars::is_upper(letter) {
            // An initial ("J. R. R. Tolkien", "Albert I. Jones") unless a
            // sentence starter follows ("you and I. Did you").
            if next_is_single_letter_abbrev(text, next_pos, self.end) {
                return false;
            }
            return self.is_starter(next_word);
        }
        if let Some(kind) = kind {
            // "at 10 a.m. (CDT) in": a number or a bracket goes on
            if first.is_ascii_digit() || text[cl.end..next_pos].contains(['(', '[']) {
                return false;
            }
            // '"Sure, Ed." Jenkins led him in': a quotation closed after the
            // abbreviation's period ended with it, and so did the sentence
            // when a capital follows.
            if text[i..cl.end].contains(chars::is_quote) && chars::is_upper(first) {
                return true;
            }
            if let Some(starter) = self.learned_case(next_word) {
                return starter;
            }
            let words_before = self.words_before(tok_start);
            return match kind {
                Kind::Inner => false,
                // "Let me in. Let me out": an abbreviation of a unit or a
                // reference written as a word in lower case ("in", "no",
                // "min") stands for the unit only after a number ("5 in.")
                // or at the start; after a word it ends the sentence. (A
                // capitalised one may be a name: "met Ed. Morgan".)
                Kind::Number => {
                    words_before > 2
                        || words_before > 0
                            && word.starts_with(|c: char| c.is_lowercase())
                            && !self.number_before(tok_start)
                }
                // "Jane and co. They": an end, unless the sentence would be
                // a fragment of two words ("At 5 a.m. Mr. Smith").
                Kind::General => words_before > 2,
            };
        }
        let is_number = word.bytes().all(|b| b.is_ascii_digit());
        if is_number && self.profile.ordinal_dot && self.is_month(next_word) {
            return false;
        }
        if is_number && word.len() <= 3 && self.profile.noun_capitals {
            // "im 6. Stock" (an ordinal) versus "Seite 12. Dort"
            return self.is_starter(next_word);
        }
        if single_letter {
            if next_is_single_letter_abbrev(text, next_pos, self.end) {
                return false;
            }
            // a letter of a caseless script is an abbreviation, unless it
            // is a word of its own (Pashto و "was")
            return chars::is_lower(letter) || self.profile.letter_words.contains(&letter);
        }
        if is_initialism(word) || (self.profile.ordinal_dot && chars::is_roman(word)) {
            return self.is_starter(next_word);
        }
        true
    }

    fn decide_ellipsis(&self, i: usize, cl: &Cluster, first: char) -> bool {
        let text = self.text;
        let before = text[..i].chars().next_back();
        if before.is_some_and(|b| b == '[' || b == '(') && cl.brackets > 0 {
            // "[...]": an omission inside a quotation
            return self.omission_ends(i - 1, cl, first);
        }
        if chars::is_lower(first) {
            return false;
        }
        if before.is_some_and(|b| chars::has_own_full_stop(b) || chars::is_semitic(b)) {
            // Khmer and Burmese end a sentence with their own full stop;
            // an ellipsis there marks an omission or an open list. In
            // Hebrew and Arabic script one between words marks a pause
            // inside the sentence, and no capital tells a new one.
            return false;
        }
        if chars::is_dash(first) {
            // "I only wanted... - she began": a dash before a lower-case
            // word leads to the narrator's words about the speech
            let after_dash = next_word_start(text, cl.end, self.end).and_then(|(pos, _)| {
                text[pos..self.end]
                    .trim_start_matches(|c: char| chars::is_dash(c) || c.is_whitespace())
                    .chars()
                    .next()
            });
            if after_dash.is_some_and(chars::is_lower) {
                return false;
            }
        }
        if cl.spaced && cl.dots == 3 && before.is_some_and(char::is_whitespace) {
            return false; // ". . ." between words: an omission, not an end
        }
        true
    }

    /// An omission mark ("(...)", "[…]") opening at `open`, with `first`
    /// the start of the next word. After words of the current sentence it
    /// ends the sentence when a terminator follows it ("perdu (...). Nous")
    /// or, as press quotations join two sentences with it ("il a tout
    /// perdu (...) Nous partons"), when a capitalised word follows it after
    /// a space with nothing in between (not a closing quote nor an opening
    /// bracket: '[...]" (Smith 1990)' cites a source). A lone capital letter
    /// says nothing ("I", "A"), unless an apostrophe follows it ("C'est"),
    /// nor does a word in capitals (an acronym, a name blacked out).
    fn omission_ends(&self, open: usize, cl: &Cluster, first: char) -> bool {
        let text = self.text;
        if self.is_sentence_initial(open) {
            return false;
        }
        let mark = &text[open..cl.end];
        let close = mark.rfind([')', ']']).map_or(0, |k| k + 1);
        let ended = mark[close..]
            .chars()
            .any(|c| chars::terminator(c, self.profile.greek, self.profile.armenian).is_some());
        if ended {
            return !chars::is_lower(first);
        }
        if cl.other || close != mark.len() {
            return false;
        }
        let Some((pos, first)) = first_char_at(text, cl.end, self.end) else {
            return true;
        };
        if !chars::is_upper(first) {
            return false;
        }
        let word = word_at(text, pos, self.end);
        if word.chars().count() == 1 {
            return text[pos + word.len()..self.end].starts_with(['\'', '’']);
        }
        word.chars().any(chars::is_lower)
    }

    /// "Pyrénées.Alors": a sentence end without the space, as scraped text
    /// has it; not "example.com", "Node.js", "ASP.NET" or "Jane.Doe@x.org".
    fn glued_sentence(&self, i: usize, after: usize) -> bool {
        let text = self.text;
        let left_start = floor_char(text, i.saturating_sub(WINDOW));
        let left = &text[left_start..i];
        // A quotation may close before the period: `"gauche radicale"."Personne`.
        let left_tok = left
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{00BB}']);
        let letters = left_tok
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .count();
        if letters < 2 || !left_tok.chars().next_back().is_some_and(chars::is_lower) {
            return false;
        }
        if left_tok.contains(['.', '@', '/', ':', '\\', '_', '=']) {
            return false;
        }
        let right_end = floor_char(text, (after + WINDOW).min(self.end));
        let right = &text[after..right_end];
        // ... and another may open after it: `presse."Nous`.
        let right_tok = right
            .split(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_start_matches(['"', '\'', '\u{201C}', '\u{2018}', '\u{00AB}', '\u{201E}']);
        let mut rc = right_tok.chars();
        if !rc.next().is_some_and(chars::is_upper) {
            return false;
        }
        let word: String = right_tok
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        // A capitalised generic top-level domain follows a capitalised host
        // name ("Newsfeed.Com"), an upper-case one any host ("example.COM");
        // a capitalised two-letter word starts a sentence, as a country
        // code is hardly ever capitalised ("mardi.De son côté", "Paris.It
        // rained").
        let upper = word.chars().all(chars::is_upper);
        let host_like =
            (left_tok.chars().next().is_some_and(chars::is_upper) && word.len() > 2) || upper;
        if word.chars().count() < 2 || (is_domain_suffix(&word) && host_like) {
            return false;
        }
        // A member of a program's class ("Console.WriteLine", "Color.FromArgb")
        // is not a sentence: a sentence rarely opens with a word that has
        // a capital after its first letter.
        if !upper && word.chars().skip(1).any(chars::is_upper) {
            return false;
        }
        let rest = &right_tok[word.len()..];
        !(rest.starts_with(['(', '.', '@', '/', '_', '=', ':']) && rest.len() > 1
            || rest.starts_with('(')
            || rest.contains('@'))
    }

    /// The kind of an abbreviation of several words written with spaces
    /// ("и т. д.", "ir t. t.", "u. ä."), of which `word` (before the period
    /// at the end) is the last part: the parts are looked up joined with
    /// periods ("т.д"), the longest first. Only short parts count.
    fn spaced_abbreviation(&self, tok_start: usize, word: &str) -> Option<Kind> {
        const PARTS: usize = 3;
        let short = |w: &str| {
            !w.is_empty()
                && w.split('.').all(|p| {
                    (1..=3).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic)
                })
        };
        let text = self.text;
        // most words have no period before them: look at that first
        let head = text[self.sent_start..tok_start].trim_end();
        if self.sent_start + head.len() == tok_start || !head.ends_with('.') || !short(word) {
            return None;
        }
        let mut parts: Vec<&str> = Vec::new();
        let mut pos = tok_start;
        while parts.len() < PARTS - 1 {
            let head = text[self.sent_start..pos].trim_end();
            let head_end = self.sent_start + head.len();
            if head_end == pos || !head.ends_with('.') {
                break;
            }
            let (start, prev) = word_before(text, head_end - 1, self.sent_start);
            if !short(prev) {
                break;
            }
            parts.push(prev);
            pos = start;
        }
        if parts.is_empty() {
            return None;
        }
        let lists = &self.profile.lists;
        (1..=parts.len()).rev().find_map(|n| {
            let mut key = String::new();
            for p in parts[..n].iter().rev() {
                key.push_str(p);
                key.push('.');
            }
            key.push_str(word);
            lists.kind(&key.to_lowercase())
        })
    }

    /// Whether the token before `tok_start` or the one at `next_pos` is a
    /// Dravidian initial with its period ("எம். ஜி. ஆர்."): a run of them
    /// is a name.
    fn beside_initial(&self, tok_start: usize, next_pos: usize) -> bool {
        let text = self.text;
        let is_initial = |tok: &str| {
            tok.strip_suffix('.')
                .is_some_and(|w| aksara::initial(w).is_some())
        };
        let limit = floor_char(text, (next_pos + WINDOW).min(self.end));
        let next = text[next_pos..limit]
            .split(char::is_whitespace)
            .next()
            .unwrap_or("");
        if is_initial(next) {
            return true;
        }
        let before_end = self.sent_start + text[self.sent_start..tok_start].trim_end().len();
        let (_, prev) = word_before(text, before_end, self.sent_start);
        is_initial(prev)
    }

    /// Whether the paragraph is written (nearly) without capitals, as chat
    /// and some e-mail is: then a lower-case word can start a sentence.
    /// Looks at the first 64 KiB.
    fn writes_without_capitals(&self) -> bool {
        if let Some(v) = self.caseless.get() {
            return v;
        }
        let limit = floor_char(self.text, (self.start + 65536).min(self.end));
        let (mut upper, mut lower) = (0usize, 0usize);
        for c in self.text[self.start..limit].chars() {
            if chars::is_upper(c) {
                upper += 1;
            } else if chars::is_lower(c) {
                lower += 1;
            }
        }
        let v = lower >= 40 && upper * 100 < lower;
        self.caseless.set(Some(v));
        v
    }

    /// Whether only whitespace, openers, bullets and dashes stand between
    /// the sentence start and `tok_start` (looking back at most `WINDOW`
    /// bytes, which keeps the scan linear).
    fn is_sentence_initial(&self, tok_start: usize) -> bool {
        let from = floor_char(self.text, tok_start.saturating_sub(WINDOW)).max(self.sent_start);
        let before = &self.text[from..tok_start];
        before.chars().rev().all(|c| {
            c.is_whitespace() || chars::is_bullet(c) || chars::is_opener(c) || chars::is_dash(c)
        })
    }

    /// Whether the word before the token at `pos`, in the current sentence,
    /// ends with a digit ("5 in.", "page 3 fig.").
    fn number_before(&self, pos: usize) -> bool {
        let before = self.text[self.sent_start..pos].trim_end();
        before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
    }

    /// Number of words in the current sentence before `pos` (at most 3).
    fn words_before(&self, pos: usize) -> usize {
        let from = floor_char(self.text, pos.saturating_sub(WINDOW)).max(self.sent_start);
        let n = self.text[from..pos].split_whitespace().count();
        if from > self.sent_start { n.max(3) } else { n }
    }

    /// A colon inside a title ("The Lord of the Rings: The Return of the
    /// King"): the word before it is capitalised, and so are the first two
    /// words after it.
    fn title_colon(&self, i: usize) -> bool {
        let text = self.text;
        let (_, before) = word_before(text, i, self.sent_start);
        before.chars().next().is_some_and(chars::is_upper)
            && next_word_start(text, i + 1, self.end).is_some_and(|(pos, _)| {
                let first = word_at(text, pos, self.end);
                next_word_start(text, pos + first.len(), self.end)
                    .is_some_and(|(_, c)| chars::is_upper(c))
            })
    }

    fn is_month(&self, word: &str) -> bool {
        let mut buf = [0u8; KEY_BUF];
        !word.is_empty()
            && self
                .profile
                .lists
                .months
                .contains(&*lower_key(word, &mut buf))
    }

    /// What the text taught about `word`: `Some(true)` for a sentence
    /// starter, `Some(false)` for a name, `None` when not learning or not
    /// known.
    fn learned_case(&self, word: &str) -> Option<bool> {
        let learned = self.learned?;
        let mut buf = [0u8; KEY_BUF];
        let lower = lower_key(word, &mut buf);
        if learned.starters.contains(&*lower) {
            Some(true)
        } else if learned.names.contains(&*lower) {
            Some(false)
        } else {
            None
        }
    }

    fn is_starter(&self, word: &str) -> bool {
        let Some(first) = word.chars().next() else {
            return true;
        };
        if !chars::is_upper(first) {
            // a caseless script says nothing; a number or a symbol goes on
            return first.is_alphabetic() && !chars::is_lower(first);
        }
        let mut buf = [0u8; KEY_BUF];
        let lower = lower_key(word, &mut buf);
        self.profile.lists.starters.contains(&*lower)
            || self.learned.is_some_and(|l| l.starters.contains(&*lower))
    }

    /// A list marker ("2." or "b)") inside a line that continues a
    /// numbered or lettered list starts a new segment.
    fn list_marker(&mut self, i: usize) {
        let text = self.text;
        // cheap test first: a digit, or one lower-case ASCII letter alone
        let bytes = text.as_bytes();
        let before = |k: usize| if i >= k { bytes[i - k] } else { b' ' };
        let digit = before(1).is_ascii_digit();
        let letter = before(1).is_ascii_lowercase() && !before(2).is_ascii_alphanumeric();
        if !(digit || letter) {
            return;
        }
        let from = floor_char(text, i.saturating_sub(4));
        let head = &text[from..i];
        let tok_len = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .map(char::len_utf8)
            .sum::<usize>();
        let tok_start = i - tok_len;
        let tok = &text[tok_start..i];
        let before = text[..tok_start].chars().next_back();
        let at_start = self.is_sentence_initial(tok_start);
        if !(at_start || before.is_some_and(|b| b.is_whitespace())) {
            return;
        }
        let marker = if !tok.is_empty() && tok.len() <= 3 && tok.bytes().all(|b| b.is_ascii_digit())
        {
            tok.parse::<u32>().ok().map(|v| (false, v))
        } else if tok.len() == 1 && tok.as_bytes()[0].is_ascii_lowercase() {
            Some((true, u32::from(tok.as_bytes()[0] - b'a') + 1))
        } else {
            None
        };
        let Some((letter, value)) = marker else {
            return;
        };
        // The marker must be followed by a space and more text.
        let mut rest = text[i..self.end].chars();
        rest.next();
        let mut rest = rest.as_str();
        if let Some(r) = rest.strip_prefix(')') {
            rest = r;
        }
        if !rest.starts_with([' ', '\t']) || rest.trim_start().is_empty() {
            return;
        }
        // "on the 20. and 21. July": ordinals of a date, not items
        if self.profile.ordinal_dot {
            let next = next_word_start(text, i + 1, self.end)
                .map_or("", |(pos, _)| word_at(text, pos, self.end));
            if self.is_month(next) {
                self.last_marker = None;
                return;
            }
        }
        let continues = self
            .last_marker
            .is_some_and(|(l, v)| l == letter && v + 1 == value);
        if continues && !at_start {
            let cut_at = text[..tok_start].trim_end().len();
            self.cut(cut_at);
        }
        if continues || at_start {
            self.last_marker = Some((letter, value));
        }
    }

    /// The number of a section or an item with several levels after a
    /// colon or a semicolon ("as follows: 2.1. Submit ...; 2.2. Check
    /// ...") starts a new segment, as each item of a legal text or a
    /// report does. (A one-level number after a colon is as often a rank
    /// in a list of results that stays in one sentence.)
    fn item_number(&mut self, i: usize) {
        let text = self.text;
        if !text.as_bytes()[..i].last().is_some_and(u8::is_ascii_digit)
            || !text[i + 1..self.end].starts_with([' ', '\t'])
        {
            return;
        }
        let (tok_start, word) = word_before(text, i, self.sent_start);
        let before = text[self.sent_start..tok_start].trim_end();
        if !before.ends_with([':', ';']) || tok_start == self.sent_start + before.len() {
            return;
        }
        if is_section_number(word) && (self.items || self.sibling_follows(word, i)) {
            self.items = true;
            self.cut(self.sent_start + before.len());
        }
    }

    /// Whether the next item after the section number `word` ("2.1" ->
    /// "2.2.") or its first sub-item ("2.1.1.") comes later in the
    /// paragraph: then `word` numbers an item, not a quantity.
    fn sibling_follows(&self, word: &str, i: usize) -> bool {
        let (head, last) = word.rsplit_once('.').unwrap_or(("", word));
        let Ok(n) = last.parse::<u32>() else {
            return false;
        };
        let limit = floor_char(self.text, (i + ITEM_REACH).min(self.end));
        let ahead = &self.text[i..limit];
        let sibling = format!(" {head}.{}.", n + 1);
        let child = format!(" {word}.1.");
        ahead.contains(&sibling) || ahead.contains(&child)
    }

    /// A bullet in the middle of a line starts a new segment.
    fn inline_bullet(&mut self, i: usize) {
        let before = self.text[..i].chars().next_back();
        let head = self.text[..i].trim_end();
        // after a colon, the items belong to the sentence that announces them
        if before.is_some_and(char::is_whitespace) && !head.ends_with(':') {
            let cut_at = self.text[..i].trim_end().len();
            self.cut(cut_at);
        }
    }

    /// A run of emoji followed by a sentence starter ends a sentence (as
    /// in messages, where emoji stand in for the final punctuation).
    fn emoji(&mut self, i: usize) -> usize {
        let rest = &self.text[i..self.end];
        // a keycap digit ("1\u{fe0f}\u{20e3}") is a list bullet
        if rest.starts_with(['\u{20e3}', '\u{fe0f}'])
            && self.text[..i].ends_with(|c: char| c.is_ascii_digit())
            && !self.text[..i - 1].ends_with(|c: char| c.is_ascii_digit())
        {
            self.inline_bullet(i - 1);
            let run = rest
                .find(|c: char| !chars::is_emoji(c))
                .unwrap_or(rest.len());
            return i + run.max(1);
        }
        let run = rest
            .find(|c: char| !chars::is_emoji(c))
            .unwrap_or(rest.len());
        self.emoji_end(i + run);
        (i + run).max(i + 1)
    }

    /// After an emoji or a smiley at `j`: a capitalised word or a mention
    /// after a space starts a new sentence.
    fn emoji_end(&mut self, j: usize) {
        let after = &self.text[j..self.end];
        if after.starts_with(char::is_whitespace) {
            if let Some((_, first)) = next_word_start(self.text, j, self.end) {
                if chars::is_upper(first) || first == '@' {
                    self.cut(j);
                }
            }
        }
    }

    /// A closing parenthesis that closes nothing: a list marker ("2) ") or
    /// a smiley ("so nice))", ":-)"), which can end a sentence.
    fn smiley(&mut self, i: usize) -> usize {
        self.list_marker(i);
        let rest = &self.text[i..self.end];
        let run = rest.find(|c: char| c != ')').unwrap_or(rest.len());
        let (tok_start, word) = word_before(self.text, i, self.sent_start);
        let marker = word.len() <= 3
            && word.chars().all(|c| c.is_ascii_alphanumeric())
            && (self.is_sentence_initial(tok_start)
                || self.text[..tok_start].ends_with(char::is_whitespace))
            && (word.len() == 1 || word.bytes().all(|b| b.is_ascii_digit()));
        if !marker {
            self.emoji_end(i + run);
        }
        i + run
    }

    /// "#travel #sea Next": a run of hashtags ends a sentence before a
    /// capitalised word.
    fn hashtag(&mut self, i: usize) -> usize {
        let text = self.text;
        let prev_tok = text[self.sent_start..i].trim_end();
        let prev_is_tag = text[..i].ends_with(char::is_whitespace)
            && prev_tok
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|t| t.starts_with('#') && t.len() > 1);
        if !prev_is_tag {
            return i + 1;
        }
        let limit = floor_char(text, (i + WINDOW).min(self.end));
        let len = text[i..limit]
            .find(char::is_whitespace)
            .unwrap_or(limit - i);
        let j = i + len;
        if let Some((_, first)) = next_word_start(text, j, self.end) {
            if j < self.end && chars::is_upper(first) {
                self.cut(j);
            }
        }
        j.max(i + 1)
    }

    /// A date and time stamp written by mail and forum software
    /// ("08/16/2000 03:48 PM") around the colon at `i`: a header line of its
    /// own, so it ends the sentence before it (unless a lower-case word such
    /// as "on" or "at" leads into it) and the text after it starts a new
    /// one. Returns where the stamp ends.
    fn time_stamp(&mut self, i: usize) -> Option<usize> {
        let stamp = time_stamp_at(self.text.as_bytes(), i, self.sent_start, self.end)?;
        let text = self.text;
        let before = text[..stamp.start].trim_end();
        let (_, word) = word_before(text, before.len(), self.sent_start);
        let header = !word.starts_with(|c: char| c.is_lowercase());
        if header {
            self.cut(before.len());
        }
        // after a header stamp anything starts anew; after a stamp inside
        // prose ("sent on ... by") only a capitalised word does
        let next = text[stamp.end..self.end].trim_start().chars().next();
        if text[stamp.end..self.end].starts_with([' ', '\t'])
            && next.is_some_and(|c| header || !c.is_lowercase())
        {
            self.cut(stamp.end);
        }
        Some(stamp.end)
    }

    /// A colon that closes a label opening a paragraph ("Questions and
    /// answers:", "Sunday, 21 May, 05:01 GMT The Times:"): the colon is in
    /// the paragraph's first sentence, at most three words follow the last
    /// comma or number before it, and no quotation follows it. Inside
    /// running text a colon introduces a quotation, a list or an
    /// explanation that belongs to its sentence.
    fn label_colon(&self, i: usize) -> bool {
        if self.sent_start != self.start {
            return false;
        }
        let Some(label) = self.colon_label(i) else {
            return false;
        };
        let from = label
            .rfind(|c: char| c.is_numeric() || matches!(c, ',' | '،'))
            .map_or(0, |k| {
                k + label[k..].chars().next().map_or(1, char::len_utf8)
            });
        label[from..].split_whitespace().count() <= 3
    }

    /// A colon that closes a dateline ("Tehran - IRNA:", "London -
    /// Central News Unit:"): at most five words since the sentence
    /// started, a dash between them, and no quotation after the colon.
    fn dateline_colon(&self, i: usize) -> bool {
        let Some(label) = self.colon_label(i) else {
            return false;
        };
        let mut words = 0;
        let mut dash = false;
        for w in label.split_whitespace() {
            if w.chars().all(chars::is_dash) {
                dash = true;
            } else {
                words += 1;
            }
        }
        dash && (2..=5).contains(&words)
    }

    /// The current sentence before the colon at `i`, if it may be a label
    /// or a dateline that the colon closes: short (which also keeps the
    /// scan linear) and with no quotation or bracket after the colon.
    fn colon_label(&self, i: usize) -> Option<&'a str> {
        let label = &self.text[self.sent_start..i];
        let next = self.text[i + 1..self.end].trim_start().chars().next();
        let quoted = next.is_some_and(|c| chars::is_quote(c) || chars::is_bracket_opener(c));
        (label.len() <= WINDOW * 4 && !quoted).then_some(label)
    }

    /// After a colon at `from`: one space, an opening quote, and a
    /// capitalised word (a quoted sentence, not a quoted term).
    fn quotation_follows(&self, from: usize) -> bool {
        let rest = &self.text[from..self.end];
        let Some(rest) = rest.strip_prefix(' ') else {
            return false;
        };
        let mut it = rest.chars();
        it.next().is_some_and(|q| chars::is_quote(q) || q == '«')
            && it.next().is_some_and(chars::is_upper)
    }

    /// A semicolon or a colon is followed by a lower-case word inside a
    /// sentence; a capitalised sentence starter after it begins a new
    /// sentence (items joined into one line, scraped text).
    fn semicolon(&mut self, i: usize) {
        let text = self.text;
        if !text[i + 1..self.end].starts_with(' ') {
            return;
        }
        if let Some((pos, first)) = next_word_start(text, i + 1, self.end) {
            if chars::is_upper(first) && pos - i <= 3 {
                let word = word_at(text, pos, self.end);
                // "I" is capitalised everywhere, so it says nothing
                if word.chars().count() > 1 && self.is_starter(word) {
                    self.cut(i + 1);
                }
            }
        }
    }

    /// Tibetan shad: ends a sentence when a space follows it.
    fn tibetan_shad(&mut self, i: usize) -> usize {
        let mut j = i + '།'.len_utf8();
        loop {
            let rest = &self.text[j..self.end];
            let trimmed = rest.trim_start_matches(' ');
            if trimmed.starts_with('།') && trimmed.len() < rest.len() {
                j += rest.len() - trimmed.len() + '།'.len_utf8();
            } else if let Some(r) = rest.strip_prefix('༎') {
                j += rest.len() - r.len();
            } else {
                break;
            }
        }
        let next = self.text[j..self.end].chars().next();
        if next.is_none_or(char::is_whitespace) {
            self.cut(j);
        }
        j
    }

    /// A line break inside a paragraph: ends a sentence when the lines look
    /// like one unit per line, not like hard-wrapped prose.
    fn line_break(&mut self, i: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let next_line = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
        let line_end = text[..i].trim_end().len();
        if line_end <= self.sent_start {
            return next_line;
        }
        if self.newline_boundary {
            self.cut(line_end);
            return next_line;
        }
        let Some((next_pos, first)) = first_char_at(text, next_line, self.end) else {
            return next_line;
        };
        let starts_list = crate::lines::starts_list_item(&text[next_pos..self.end]);
        let last = text[..line_end].chars().next_back().unwrap_or(' ');
        let ends_sentence_mark = chars::terminator(last, self.profile.greek, self.profile.armenian)
            .is_some()
            || chars::is_quote(last)
            || chars::is_bracket_closer(last);
        if starts_list {
            self.cut(line_end);
            return next_line;
        }
        if ends_sentence_mark {
            return next_line; // the terminator rules have decided
        }
        if chars::is_lower(first)
            || matches!(
                last,
                ',' | ';' | '-' | '–' | '—' | '(' | '/' | '&' | '、' | '，'
            )
        {
            return next_line;
        }
        let shape = *self
            .shape
            .get_or_insert_with(|| LineShape::measure(&text[self.start..self.end]));
        let line_start = text[..i]
            .rfind(['\n', '\r'])
            .map_or(0, |p| p + 1)
            .max(self.sent_start.min(i));
        let len = text[line_start..line_end].trim_start().chars().count();
        if !shape.wrapped || len * 2 < shape.width {
            self.cut(line_end);
        }
        next_line
    }
}

/// Whether `after` (the text after a period or an ellipsis) is a space and
/// then a question or exclamation mark, as French sets them.
fn spaced_mark_follows(after: &str) -> bool {
    let mut it = after.chars();
    it.next()
        .is_some_and(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        && it
            .next()
            .is_some_and(|c| matches!(c, '?' | '!' | '⁈' | '‽'))
}

/// Finds a stamp "MM/DD/YYYY HH:MM[:SS][ AM]" whose first colon is at `i`;
/// returns its byte range. The date must start after `floor`.
fn time_stamp_at(b: &[u8], i: usize, floor: usize, end: usize) -> Option<std::ops::Range<usize>> {
    let digits_back = |to: usize| (0..to).rev().take_while(|&k| b[k].is_ascii_digit()).count();
    let digits_fwd = |from: usize| {
        b[from..end]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    // hours
    let h = digits_back(i);
    if !(1..=2).contains(&h) || i < h + 1 || b[i - h - 1] != b' ' {
        return None;
    }
    // date: d{1,2}/d{1,2}/d{2,4}, then an optional comma
    let mut k = i - h - 1;
    if k > 0 && b[k - 1] == b',' {
        k -= 1;
    }
    let mut parts = 0;
    loop {
        let n = digits_back(k);
        let ok = if parts == 0 {
            (2..=4).contains(&n)
        } else {
            (1..=2).contains(&n)
        };
        if !ok {
            return None;
        }
        k -= n;
        parts += 1;
        if parts == 3 {
            break;
        }
        if k == 0 || b[k - 1] != b'/' {
            return None;
        }
        k -= 1;
    }
    if k < floor || (k > 0 && !b[k - 1].is_ascii_whitespace()) {
        return None;
    }
    // minutes and optional seconds
    let mut j = i + 1;
    if j >= end || digits_fwd(j) != 2 {
        return None;
    }
    j += 2;
    if j + 3 <= end && b[j] == b':' && digits_fwd(j + 1) == 2 {
        j += 3;
    }
    // an optional AM / PM
    let m = if b.get(j) == Some(&b' ') { j + 1 } else { j };
    if m + 2 <= end
        && matches!(b[m].to_ascii_uppercase(), b'A' | b'P')
        && b[m + 1].eq_ignore_ascii_case(&b'm')
        && b.get(m + 2).is_none_or(|c| !c.is_ascii_alphanumeric())
    {
        j = m + 2;
    }
    if j < end && !b[j].is_ascii_whitespace() {
        return None;
    }
    Some(k..j)
}

/// The terminator run at a candidate, with the closing quotes and brackets
/// that belong to it.
#[derive(Debug, Default)]
struct Cluster {
    /// Byte offset just past the cluster: where the sentence would end.
    end: usize,
    /// Where the scan resumes (the cluster's end, or earlier for a period
    /// that only looked ahead at a spaced ellipsis).
    resume: usize,
    /// Number of periods (an ellipsis character counts three).
    dots: usize,
    /// The periods are spaced (". . .").
    spaced: bool,
    question: bool,
    exclamation: bool,
    full: bool,
    /// Contains something other than periods.
    other: bool,
    /// Ends with a closing quote or bracket.
    closer: bool,
    /// Number of closing brackets in it.
    brackets: u32,
}

impl Cluster {
    /// Reads the cluster at the terminator at `i`; `quote_open` tells
    /// that a quotation opened with „ is open, which “ closes.
    fn read(text: &str, i: usize, end: usize, profile: &Profile, quote_open: bool) -> Cluster {
        let mut cl = Cluster::default();
        let mut j = i;
        let attached = text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
        while j < end {
            let rest = &text[j..end];
            let c = rest.chars().next().unwrap_or(' ');
            if let Some(t) = chars::terminator(c, profile.greek, profile.armenian) {
                match t {
                    Term::Period => {
                        cl.dots += if c == '…' { 3 } else { 1 };
                    }
                    Term::Question => cl.question = true,
                    Term::Exclamation => cl.exclamation = true,
                    Term::Full => cl.full = true,
                }
                if t != Term::Period {
                    cl.other = true;
                }
                cl.closer = false;
                j += c.len_utf8();
                continue;
            }
            if c == ' ' && cl.dots > 0 && !cl.other && !cl.closer && rest[1..].starts_with('.') {
                // spaced ellipsis ". . ."; a period attached to a word keeps
                // its own decision.
                if attached && cl.dots == 1 && j == i + 1 {
                    break;
                }
                cl.spaced = true;
                j += 1;
                continue;
            }
            if chars::is_format(c) {
                j += c.len_utf8();
                continue;
            }
            if chars::is_bracket_closer(c) {
                cl.closer = true;
                cl.brackets += 1;
                j += c.len_utf8();
                continue;
            }
            // A footnote mark after the end: ".[12]", ". [3]", ".[...]",
            // or a bare note number glued to the period ("rights.4 Even").
            if j > i {
                let spaced = rest.trim_start_matches(' ');
                if let Some(len) = footnote_len(spaced) {
                    j += rest.len() - spaced.len() + len;
                    continue;
                }
                if c.is_ascii_digit() && cl.dots == 1 && !cl.other && j == i + 1 {
                    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                    let prev = text[..i].chars().next_back();
                    let after = &rest[digits..];
                    let starts_upper = after
                        .strip_prefix(' ')
                        .and_then(|a| a.chars().next())
                        .is_some_and(chars::is_upper);
                    if digits <= 2
                        && prev.is_some_and(|p| p.is_alphabetic() && chars::is_lower(p))
                        && starts_upper
                    {
                        j += digits;
                        continue;
                    }
                }
            }
            let next = rest[c.len_utf8()..].chars().next();
            // in Chinese and Japanese “ and ‘ open a quotation
            let opens_cjk = matches!(c, '“' | '‘') && next.is_some_and(chars::is_cjk);
            if chars::is_quote(c) && !opens_cjk && quote_closes(&rest[c.len_utf8()..], profile) {
                cl.closer = true;
                j += c.len_utf8();
                continue;
            }
            // French spacing "fin. »", or "end. ''": a closing quote after a
            // space; emoji after the end of a sentence belong to it.
            let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
            // only quotes, faces and emoji can follow after a space
            let worth = trimmed.bytes().next().is_some_and(|b| {
                b >= 0x80
                    || matches!(
                        b,
                        b'"' | b'\'' | b':' | b';' | b'=' | b'(' | b')' | b'?' | b'!'
                    )
            });
            if worth && trimmed.len() < rest.len() && j > i {
                let q = trimmed.chars().next().unwrap_or(' ');
                let qlen = q.len_utf8();
                // „…“ quotations close with “, set apart by a space in
                // some texts ("viskas. “ Jis")
                if matches!(q, '»' | '›' | '”' | '’' | '"' | '\'')
                    && quote_closes(&trimmed[qlen..], profile)
                    && !trimmed[qlen..].starts_with(' ')
                    || (matches!(q, '»' | '›' | '”') || q == '“' && quote_open)
                        && quote_closes(&trimmed[qlen..], profile)
                {
                    j += rest.len() - trimmed.len() + qlen;
                    cl.closer = true;
                    continue;
                }
                // a question or exclamation mark, an ideographic full
                // stop or a closing bracket of Chinese and Japanese set
                // apart by a space ("何ですか ？ 」") belongs to the end
                let full =
                    chars::terminator(q, profile.greek, profile.armenian) == Some(Term::Full);
                let bracket = matches!(q, '」' | '』' | '）' | '】' | '》' | '〉');
                if full || matches!(q, '?' | '!') && cl.dots == 0 || bracket {
                    j += rest.len() - trimmed.len() + qlen;
                    if bracket {
                        cl.closer = true;
                        cl.brackets += 1;
                    } else {
                        cl.other = true;
                        cl.closer = false;
                        match q {
                            '！' | '!' => cl.exclamation = true,
                            '？' | '?' => cl.question = true,
                            _ => cl.full = true,
                        }
                    }
                    continue;
                }
                let tok_len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
                let tok = &trimmed[..tok_len];
                let face = tok.contains([':', ';', '='])
                    || tok.len() >= 2 && tok.bytes().all(|b| b == b')' || b == b'(');
                if tok.len() <= 5
                    && face
                    && tok.contains([')', '('])
                    && tok.chars().all(|c| ":;=8-^()DPp*_'".contains(c))
                {
                    j += rest.len() - trimmed.len() + tok_len;
                    continue;
                }
                if q == '\u{2800}' {
                    // a blank used as a spacer in posts
                    let run = trimmed
                        .find(|c: char| c != '\u{2800}')
                        .unwrap_or(trimmed.len());
                    j += rest.len() - trimmed.len() + run;
                    continue;
                }
                if chars::is_emoji(q) && !chars::is_bullet(q) {
                    let run = trimmed
                        .find(|c: char| !chars::is_emoji(c))
                        .unwrap_or(trimmed.len());
                    if trimmed[run..]
                        .chars()
                        .next()
                        .is_none_or(char::is_whitespace)
                    {
                        j += rest.len() - trimmed.len() + run;
                        continue;
                    }
                }
            }
            break;
        }
        cl.end = j;
        cl.resume = j;
        cl
    }
}

/// The length of a footnote mark at the start of `s`: "[12]", "[...]" or
/// "[…]".
fn footnote_len(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('[')?;
    if inner.starts_with("…]") {
        return Some("[…]".len());
    }
    let len = inner
        .bytes()
        .take_while(|&b| b.is_ascii_digit() || b == b'.' || b == b',')
        .count();
    let body = &inner[..len];
    let ok = (1..=8).contains(&len)
        && (body.bytes().all(|b| b.is_ascii_digit() || b == b',') || body == "...");
    (ok && inner[len..].starts_with(']')).then_some(len + 2)
}

/// A quote mark closes when what follows it is a space, the end, more
/// closing punctuation or a comma-like mark.
fn quote_closes(after: &str, profile: &Profile) -> bool {
    // A run of quotes closes or opens as one: `end.''` closes, `. ''We` opens.
    let after = after.trim_start_matches(chars::is_quote);
    match after.chars().next() {
        None => true,
        Some(n) => {
            n.is_whitespace()
                || chars::is_bracket_closer(n)
                || chars::is_quote(n)
                || chars::terminator(n, profile.greek, profile.armenian).is_some()
                || matches!(n, ',' | ';' | ':')
                || chars::is_cjk(n)
        }
    }
}

/// The start of the next word after `from` (skipping whitespace and
/// opening quotes and brackets), and its first character.
fn next_word_start(text: &str, from: usize, end: usize) -> Option<(usize, char)> {
    let mut skipped_opener = None;
    for (off, c) in text[from..end].char_indices() {
        if c.is_whitespace() || chars::is_format(c) {
            continue;
        }
        if chars::is_opener(c) && !matches!(c, '*' | '_') {
            skipped_opener.get_or_insert((from + off, c));
            continue;
        }
        return Some((from + off, c));
    }
    skipped_opener
}

/// The first non-whitespace character at or after `from`.
fn first_char_at(text: &str, from: usize, end: usize) -> Option<(usize, char)> {
    text[from..end]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map(|(o, c)| (from + o, c))
}

/// The word that starts at `pos`: letters, digits and inner apostrophes.
fn word_at(text: &str, pos: usize, end: usize) -> &str {
    let limit = floor_char(text, (pos + WINDOW).min(end));
    let s = &text[pos..limit];
    let len = s
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(o, _)| o);
    &s[..len]
}

/// The token before the period at `i` (back to whitespace, at most
/// `WINDOW` bytes, never before `floor`), without leading openers, with its
/// start offset.
fn word_before(text: &str, i: usize, floor: usize) -> (usize, &str) {
    let from = floor_char(text, i.saturating_sub(WINDOW)).max(floor);
    let s = &text[from..i];
    let start = s
        .rfind(char::is_whitespace)
        .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8));
    if start == 0 && from > floor && from > 0 {
        return (i, ""); // a very long token: not an abbreviation
    }
    let tok = &s[start..];
    let trimmed = tok.trim_start_matches(|c: char| {
        chars::is_opener(c) || chars::is_bullet(c) || chars::is_format(c)
    });
    let tok_start = from + start + (tok.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(chars::is_format);
    (tok_start, trimmed)
}

/// "z. B." and "J. R. R.": the next token is one letter and a period.
fn next_is_single_letter_abbrev(text: &str, pos: usize, end: usize) -> bool {
    let mut it = text[pos..end].chars();
    matches!((it.next(), it.next()), (Some(l), Some('.')) if l.is_alphabetic())
}

/// A word of at least `LONG_WORD` letters that is not all capitals: not an
/// abbreviation, so a period after it ends a sentence even before a
/// lower-case word.
fn is_plain_long_word(word: &str) -> bool {
    word.chars().count() >= LONG_WORD
        && word.chars().all(char::is_alphabetic)
        && word.chars().any(chars::is_lower)
}

/// A number of at least three digits (with group or decimal marks):
/// where ordinals take no period, a period after it ends a sentence even
/// before a lower-case word.
fn is_long_number(word: &str) -> bool {
    word.bytes().filter(u8::is_ascii_digit).count() >= 3
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && word.as_bytes()[0].is_ascii_digit()
}

/// The number of an item or a section with several levels: "2.1",
/// "2.1.3" (parts of one or two digits, the first not zero; "1.311" is a
/// number with a group mark).
fn is_section_number(word: &str) -> bool {
    let mut parts = 0;
    for p in word.split('.') {
        if p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        parts += 1;
    }
    parts >= 2 && !word.starts_with('0')
}

/// Common top-level domains, which follow a period inside a host name
/// ("Newsfeed.Com").
fn is_domain_suffix(word: &str) -> bool {
    const TLDS: &[&str] = &[
        "com", "net", "org", "edu", "gov", "info", "biz", "io", "co", "uk", "de", "fr", "ru", "es",
        "it", "nl", "pl", "eu", "us", "ca", "au", "jp", "cn", "br", "in",
    ];
    word.len() <= 4 && TLDS.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Letters separated by periods, each part one or two letters: "U.S",
/// "E.U", "Ph.D", "т.б".
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// Size of the stack buffer for lower-casing short ASCII words.
const KEY_BUF: usize = 32;

/// `word` in lower case, without allocating for short ASCII words.
fn lower_key<'b>(word: &'b str, buf: &'b mut [u8; KEY_BUF]) -> std::borrow::Cow<'b, str> {
    if word.len() <= KEY_BUF && word.is_ascii() {
        let out = &mut buf[..word.len()];
        for (o, b) in out.iter_mut().zip(word.bytes()) {
            *o = b.to_ascii_lowercase();
        }
        // ASCII in, ASCII out: always valid UTF-8
        std::borrow::Cow::Borrowed(std::str::from_utf8(out).unwrap_or(word))
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// The largest char boundary of `text` not above `i`.
pub(crate) fn floor_char(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[inline]
fn ch(b: u8) -> char {
    char::from(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_stamps() {
        fn find(s: &str) -> Option<&str> {
            let i = s.find(':').unwrap();
            time_stamp_at(s.as_bytes(), i, 0, s.len()).map(|r| &s[r])
        }
        assert_eq!(find("x 08/16/2000 03:48 PM y"), Some("08/16/2000 03:48 PM"));
        assert_eq!(find("x 1/2/05, 7:05:59 am"), Some("1/2/05, 7:05:59 am"));
        assert_eq!(find("x 08/16/2000 03:48"), Some("08/16/2000 03:48"));
        assert_eq!(find("at 03:48 PM"), None);
        assert_eq!(find("x 16/2000 03:48"), None);
        assert_eq!(find("x 08/16/2000 03:4"), None);
        assert_eq!(find("x 08/16/2000 03:48h"), None);
    }

    #[test]
    fn initialisms() {
        assert!(is_initialism("U.S"));
        assert!(is_initialism("Ph.D"));
        assert!(!is_initialism("example.com"));
        assert!(!is_initialism("US"));
    }

    #[test]
    fn word_before_strips_openers() {
        let t = "see (Dr. Who";
        let (start, w) = word_before(t, 7, 0);
        assert_eq!((start, w), (5, "Dr"));
    }

    #[test]
    fn floor_char_stays_on_boundaries() {
        let t = "aé";
        assert_eq!(floor_char(t, 2), 1);
        assert_eq!(floor_char(t, 9), 3);
    }
}
