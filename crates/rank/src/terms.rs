//! Sentences as bags of terms: words split by Unicode rules, lower-cased,
//! stop words dropped, Snowball stems; runs of Chinese or Japanese characters
//! as overlapping character pairs.

use crate::language::Language;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast, non-cryptographic hasher for the per-document word tables (the
/// multiply-rotate scheme of rustc's FxHasher); the keys are the document's
/// own words, so there is nothing to defend against.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let v = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by words, with [`WordHasher`].
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
use unicode_segmentation::UnicodeSegmentation;

/// Whether `c` is written without spaces between words (Han, kana).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // hiragana, katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFF66..=0xFF9F // half-width katakana
        | 0x20000..=0x2FFFF)
}

/// One word of a sentence as the summariser sees it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token<'a> {
    /// The lower-cased word (or character pair).
    pub lower: &'a str,
    /// Whether it is a stop word (or a number or punctuation-only piece).
    pub stop: bool,
    /// Byte range of the token in the sentence.
    pub start: usize,
    pub end: usize,
}

/// Calls `f` with every token of `sentence`, in order.
pub(crate) fn for_each_token(sentence: &str, lang: &Language, mut f: impl FnMut(Token<'_>)) {
    let mut rest_start = 0;
    let bytes_len = sentence.len();
    let mut iter = sentence.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_cjk(c) {
            continue;
        }
        // A run of CJK characters starts at i.
        words_of(&sentence[rest_start..i], rest_start, lang, &mut f);
        let mut run = vec![(i, c)];
        while let Some(&(j, d)) = iter.peek() {
            if !is_cjk(d) {
                break;
            }
            run.push((j, d));
            iter.next();
        }
        let run_end = iter.peek().map_or(bytes_len, |&(j, _)| j);
        if run.len() == 1 {
            f(Token {
                lower: &sentence[i..run_end],
                stop: false,
                start: i,
                end: run_end,
            });
        } else {
            for pair in run.windows(2) {
                let end = pair[1].0 + pair[1].1.len_utf8();
                f(Token {
                    lower: &sentence[pair[0].0..end],
                    stop: false,
                    start: pair[0].0,
                    end,
                });
            }
        }
        rest_start = run_end;
    }
    words_of(&sentence[rest_start..], rest_start, lang, &mut f);
}

/// An apostrophe, straight or typographic, which splits a word in two.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Words of a stretch without CJK characters; apostrophes split words
/// ("l'accord" -> "l", "accord"; "Kim's" -> "kim", "s").
fn words_of(text: &str, offset: usize, lang: &Language, f: &mut impl FnMut(Token<'_>)) {
    let mut buffer = String::new();
    for (start, word) in text.unicode_word_indices() {
        for piece in word.split(is_apostrophe) {
            // where the piece starts in `word` (apostrophes are 1 to 3 bytes)
            let begin = offset + start + (piece.as_ptr() as usize - word.as_ptr() as usize);
            if piece.is_empty() {
                continue;
            }
            let lower: &str = if piece.chars().any(char::is_uppercase) {
                buffer.clear();
                buffer.extend(piece.chars().flat_map(char::to_lowercase));
                &buffer
            } else {
                piece
            };
            let has_letter = lower.chars().any(char::is_alphabetic);
            let stop = !has_letter || lang.is_stop_word(lower);
            f(Token {
                lower,
                stop,
                start: begin,
                end: begin + piece.len(),
            });
        }
    }
}

/// A thread's stem cache: the language it holds, and word -> stem.
type StemCache = (String, WordMap<String, Option<Box<str>>>);

thread_local! {
    /// Stems of the words this thread has seen, for one language at a time
    /// (`None` for words that stem to a stop word): most words of a corpus
    /// recur, and stemming is the costliest step of reading a text.
    static STEMS: std::cell::RefCell<StemCache> =
        std::cell::RefCell::new((String::new(), WordMap::default()));
}

/// Most words kept in a thread's stem cache before it starts afresh.
const STEM_CACHE_WORDS: usize = 1 << 18;

/// The stem of the lower-cased content word `lower`, or `None` when the stem
/// is empty or a stop word; `f` gets it without copying.
fn with_stem<R>(lang: &Language, lower: &str, f: impl FnOnce(Option<&str>) -> R) -> R {
    STEMS.with(|cell| {
        let mut guard = cell.borrow_mut();
        let (code, cache) = &mut *guard;
        if code != lang.code() || cache.len() >= STEM_CACHE_WORDS {
            code.clear();
            code.push_str(lang.code());
            cache.clear();
        }
        if let Some(known) = cache.get(lower) {
            return f(known.as_deref());
        }
        let stem = lang.stem(lower);
        let value: Option<Box<str>> = if stem.is_empty() || lang.is_stop_word(&stem) {
            None
        } else {
            Some(Box::from(stem.as_ref()))
        };
        let result = f(value.as_deref());
        cache.insert(lower.to_string(), value);
        result
    })
}

/// The content terms of a set of sentences, as ids into one vocabulary.
#[derive(Clone, Debug, Default)]
pub(crate) struct TermMatrix {
    /// Per sentence: (term id, count), sorted by term id.
    pub rows: Vec<Vec<(u32, u32)>>,
    /// Per sentence: number of content tokens (with repeats).
    pub lengths: Vec<u32>,
    /// Per term: in how many sentences it occurs.
    pub document_frequency: Vec<u32>,
}

impl TermMatrix {
    /// Analyses `sentences` in `lang`.
    #[cfg(test)]
    pub fn build(sentences: &[&str], lang: &Language) -> TermMatrix {
        Self::build_with_query(sentences, None, lang).0
    }

    /// Analyses `sentences` in `lang`, and `query` (if any) into the same
    /// vocabulary: its row (term id, count) holds only terms that occur in
    /// the sentences, and it counts in no document frequency. The sentences' rows are those of
    /// [`TermMatrix::build`].
    pub fn build_with_query(
        sentences: &[&str],
        query: Option<&str>,
        lang: &Language,
    ) -> (TermMatrix, Option<Vec<(u32, u32)>>) {
        let mut ids: WordMap<String, u32> = WordMap::default();
        // lower-cased word -> term id, so each word form is stemmed once.
        let mut word_ids: WordMap<String, Option<u32>> = WordMap::default();
        let mut rows = Vec::with_capacity(sentences.len());
        let mut lengths = Vec::with_capacity(sentences.len());
        let mut document_frequency: Vec<u32> = Vec::new();
        let mut row: Vec<u32> = Vec::new();
        for sentence in sentences {
            row.clear();
            for_each_token(sentence, lang, |token| {
                if token.stop {
                    return;
                }
                let id = match word_ids.get(token.lower) {
                    Some(id) => *id,
                    None => {
                        let id = with_stem(lang, token.lower, |stem| {
                            stem.map(|stem| match ids.get(stem) {
                                Some(&id) => id,
                                None => {
                                    let next = ids.len() as u32;
                                    ids.insert(stem.to_string(), next);
                                    next
                                }
                            })
                        });
                        word_ids.insert(token.lower.to_string(), id);
                        id
                    }
                };
                if let Some(id) = id {
                    row.push(id);
                }
            });
            lengths.push(row.len() as u32);
            row.sort_unstable();
            let mut counted: Vec<(u32, u32)> = Vec::with_capacity(row.len());
            for &id in &row {
                match counted.last_mut() {
                    Some((last, count)) if *last == id => *count += 1,
                    _ => counted.push((id, 1)),
                }
            }
            document_frequency.resize(ids.len(), 0);
            for &(id, _) in &counted {
                document_frequency[id as usize] += 1;
            }
            rows.push(counted);
        }
        let query_row = query.map(|query| {
            let mut query_row: Vec<(u32, u32)> = Vec::new();
            for_each_token(query, lang, |token| {
                if token.stop {
                    return;
                }
                let id = match word_ids.get(token.lower) {
                    Some(id) => *id,
                    None => with_stem(lang, token.lower, |stem| {
                        stem.and_then(|stem| ids.get(stem).copied())
                    }),
                };
                if let Some(id) = id {
                    query_row.push((id, 1));
                }
            });
            query_row.sort_unstable();
            query_row.dedup_by(|b, a| {
                let same = a.0 == b.0;
                if same {
                    a.1 += b.1;
                }
                same
            });
            query_row
        });
        let matrix = TermMatrix {
            rows,
            lengths,
            document_frequency,
        };
        (matrix, query_row)
    }

    /// Number of distinct terms.
    pub fn vocabulary_size(&self) -> usize {
        self.document_frequency.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(sentence: &str, code: &str) -> Vec<(String, bool)> {
        let lang = Language::new(code);
        let mut out = Vec::new();
        for_each_token(sentence, &lang, |t| {
            assert_eq!(sentence[t.start..t.end].to_lowercase(), t.lower);
            out.push((t.lower.to_string(), t.stop))
        });
        out
    }

    #[test]
    fn english_words_are_lower_cased_and_stop_words_marked() {
        let got = lowers("The Harbour's cranes rose.", "en");
        assert_eq!(
            got,
            vec![
                ("the".into(), true),
                ("harbour".into(), false),
                ("s".into(), true),
                ("cranes".into(), false),
                ("rose".into(), false),
            ]
        );
    }

    #[test]
    fn french_elision_is_split() {
        let got = lowers("L'accord d'hier", "fr");
        assert_eq!(got[0], ("l".into(), true));
        assert_eq!(got[1], ("accord".into(), false));
        assert_eq!(got[3], ("hier".into(), false));
    }

    #[test]
    fn typographic_apostrophes_keep_the_offsets_right() {
        // ’ and ʼ are longer than one byte: every span must still be a word
        let got = lowers("L’emprise d’une secte, ʼOkina’s", "fr");
        let words: Vec<_> = got.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            words,
            vec!["l", "emprise", "d", "une", "secte", "okina", "s"]
        );
    }

    #[test]
    fn chinese_runs_become_character_pairs() {
        let got = lowers("我们喜欢茶 tea", "zh");
        let pairs: Vec<_> = got.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(pairs, vec!["我们", "们喜", "喜欢", "欢茶", "tea"]);
    }

    #[test]
    fn a_query_shares_the_vocabulary_and_counts_in_no_frequency() {
        let lang = Language::new("en");
        let sentences = ["Owls hunt at night.", "An owl sleeps by day."];
        let plain = TermMatrix::build(&sentences, &lang);
        let (m, query) = TermMatrix::build_with_query(
            &sentences,
            Some("The owl and the owls of the night forest"),
            &lang,
        );
        assert_eq!(m.rows, plain.rows);
        assert_eq!(m.document_frequency, plain.document_frequency);
        // owl (twice) and night; "forest" is not in the text.
        assert_eq!(query, Some(vec![(0, 2), (2, 1)]));
        assert_eq!(
            TermMatrix::build_with_query(&sentences, None, &lang).1,
            None
        );
    }

    #[test]
    fn matrix_counts_stems_and_document_frequency() {
        let lang = Language::new("en");
        let m = TermMatrix::build(
            &["Cats chase cats.", "A cat sleeps.", "Numbers 12 34."],
            &lang,
        );
        assert_eq!(m.rows[0].len(), 2); // cat, chase
        assert!(m.rows[0].contains(&(0, 2)));
        assert_eq!(m.lengths[0], 3);
        assert_eq!(m.document_frequency[0], 2);
        assert_eq!(m.lengths[2], 1); // numbers without letters are not terms
    }
}
