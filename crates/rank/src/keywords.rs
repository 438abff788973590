//! TextRank keyphrases over recurring units.
//!
//! 1. Content words are read in runs that never cross punctuation, dashes,
//!    brackets, quotes or line breaks (a word-internal hyphen and spaces
//!    join; web addresses and elided articles are not candidates).
//! 2. Each run is cut into units: a sequence of words is one unit only when
//!    it recurs and its words follow each other far more often than chance
//!    would have it; otherwise its words stand alone. The cut is the most
//!    probable one under a unigram model of units (a Viterbi search).
//! 3. Units are ranked by PageRank over a graph of units that occur near
//!    each other, so a phrase competes with single words on equal terms and
//!    its score does not grow with its length.
//! 4. A unit found in one stretch of the text only (a licence, one quoted
//!    speaker) is worth less than one spread over the whole text; a unit
//!    written with a capital inside sentences (a name) and a recurring
//!    phrase weigh somewhat more.
//! 5. A title-like word (a capitalised word the text nearly always follows
//!    with a capitalised word: "Mr.", "Frau", "North") neither ends a phrase
//!    nor stands alone; it may open one across its abbreviation point.
//! 6. A phrase inside a better one, or holding a better one, is left out.

use crate::content;
use crate::language::Language;
use crate::terms::{Token, WordMap, for_each_token, is_apostrophe, is_cjk};

/// A keyphrase of the text and its score.
///
/// ```
/// use excerpt_rank::Keyword;
/// let k = Keyword { text: "night bus".to_string(), score: 1.5 };
/// assert_eq!(k.text, "night bus");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The phrase as it is most often written in the text.
    pub text: String,
    /// Its TextRank score, weighted by how evenly it is spread over the
    /// text (the best phrase scores 1).
    pub score: f64,
}

/// Units of a sentence closer than this (counting units, not stop words)
/// are linked.
const WINDOW: usize = 3;
/// Longest phrase, in words.
const MAX_PHRASE: usize = 4;
/// Two neighbouring words are bound into one unit when the pair recurs and
/// either follows far more often than chance (this many times) or makes up
/// at least half the occurrences of its rarer word.
const ASSOCIATION: f64 = 8.0;
/// A word is title-like when at least this share of its occurrences is
/// followed by a capitalised word.
const TITLE_SHARE: f64 = 0.8;
/// The text is cut into at most this many equal stretches to measure how
/// evenly a unit is spread.
const STRETCHES: usize = 10;
/// A unit written with a capital inside its sentences (a name; a noun in
/// German) weighs up to this much more: 1 + NAME_WEIGHT.
const NAME_WEIGHT: f64 = 1.0;
/// Each word beyond the first adds this share to a recurring phrase's weight
/// (a recurring sequence is a term more often than a lone word is).
const PHRASE_WEIGHT: f64 = 0.5;
/// Marks a token that cannot be part of a keyphrase.
const NONE: u32 = u32::MAX;

/// How a token is attached to the token before it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Glue {
    /// Spaces (no line break), a word-internal hyphen, or nothing (CJK pairs).
    Join,
    /// A full stop and spaces: joins only after a title-like word ("Mr. Knightley").
    Point,
    /// Anything else: punctuation, a dash, a line break, another sentence.
    Break,
}

/// One token of the text.
struct Tok {
    sentence: u32,
    start: u32,
    end: u32,
    /// Word id (its stem), or [`NONE`] when it is not a candidate.
    word: u32,
    /// Whether it starts with an upper-case letter.
    capital: bool,
    glue: Glue,
}

/// How the gap `gap` between two tokens of a sentence attaches them.
fn glue_of(gap: &str) -> Glue {
    if gap.is_empty() || gap == "-" || gap == "\u{2010}" {
        return Glue::Join;
    }
    let (point, rest) = match gap.strip_prefix('.') {
        Some(rest) => (true, rest),
        None => (false, gap),
    };
    if !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_whitespace() && !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))
    {
        return if point { Glue::Point } else { Glue::Join };
    }
    Glue::Break
}

/// Reads the content sentences into tokens; `words` gets each word id's stem.
fn tokenize(
    sentences: &[&str],
    lang: &Language,
    skip: &[bool],
    words: &mut Vec<String>,
) -> Vec<Tok> {
    let mut ids: WordMap<String, u32> = WordMap::default();
    let mut forms: WordMap<String, u32> = WordMap::default();
    let mut toks: Vec<Tok> = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        if skip[s] {
            continue;
        }
        let first = toks.len();
        for_each_token(sentence, lang, |token: Token| {
            let letters = token.lower.chars().filter(|c| c.is_alphabetic()).count();
            let word = if token.stop || letters < 2 {
                NONE
            } else if let Some(&id) = forms.get(token.lower) {
                id
            } else {
                let stem = lang.stem(token.lower);
                let id = match ids.get(stem.as_ref()) {
                    Some(&id) => id,
                    None => {
                        let id = words.len() as u32;
                        words.push(stem.to_string());
                        ids.insert(stem.into_owned(), id);
                        id
                    }
                };
                forms.insert(token.lower.to_string(), id);
                id
            };
            let glue = match toks.last() {
                Some(prev) if toks.len() > first => {
                    let (a, b) = (prev.end as usize, token.start);
                    glue_of(if a < b { &sentence[a..b] } else { "" })
                }
                _ => Glue::Break,
            };
            toks.push(Tok {
                sentence: s as u32,
                start: token.start as u32,
                end: token.end as u32,
                word,
                capital: sentence[token.start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
                glue,
            });
        });
        drop_addresses_and_elisions(sentence, &mut toks[first..]);
    }
    toks
}

/// Web and mail addresses (tokens glued without spaces by `.`, `@`, `/`,
/// `:`) are not keyphrases, and neither is an elided word before an
/// apostrophe ("dell'archivio": "dell"; "Kim's" keeps "Kim").
fn drop_addresses_and_elisions(sentence: &str, toks: &mut [Tok]) {
    let mut chunk = 0;
    for i in 0..=toks.len() {
        let glued = i < toks.len()
            && i > 0
            && toks[i - 1].end <= toks[i].start
            && !sentence[toks[i - 1].end as usize..toks[i].start as usize]
                .chars()
                .any(char::is_whitespace);
        if glued {
            continue;
        }
        // toks[chunk..i] were written without spaces between them.
        let address = (chunk..i).any(|k| {
            let text = &sentence[toks[k].start as usize..toks[k].end as usize];
            let gap = if k > chunk && toks[k - 1].end <= toks[k].start {
                &sentence[toks[k - 1].end as usize..toks[k].start as usize]
            } else {
                ""
            };
            text.contains('.') || gap.contains(['.', '@', '/', ':'])
        });
        if address {
            for t in &mut toks[chunk..i] {
                t.word = NONE;
            }
        }
        chunk = i;
    }
    for i in 0..toks.len().saturating_sub(1) {
        let (a, b) = (toks[i].end as usize, toks[i + 1].start as usize);
        let elided = a < b
            && sentence[a..b].chars().count() == 1
            && sentence[a..b].chars().all(is_apostrophe)
            && sentence[toks[i].start as usize..a].chars().count() <= 4
            && sentence[b..toks[i + 1].end as usize].chars().count() >= 3;
        if elided {
            toks[i].word = NONE;
        }
    }
}

/// Shortest share of the content sentences a short word must occur in to be
/// read as a function word when the language has no stop-word list.
const FUNCTION_SHARE: f64 = 0.05;

/// Marks function words the stop-word list does not know: a frequent word
/// of at most two characters (three when the language has no list at all:
/// "się", "में"), mostly written without capitals ("Mr" and acronyms stay);
/// not in scripts where one character is a syllable or a word (CJK, Hangul).
/// In Japanese, a pair of hiragana (particles, verb endings) is not a
/// candidate either.
fn drop_function_words(toks: &mut [Tok], sentences: &[&str], lang: &Language, v: usize) {
    let longest = if lang.has_stop_words() { 2 } else { 3 };
    let mut in_sentences = vec![0u32; v];
    let mut last = vec![u32::MAX; v];
    // Per word: occurrences short and without capitals, and all occurrences.
    let mut short = vec![0u32; v];
    let mut seen = vec![0u32; v];
    let mut content = 0;
    let mut previous = u32::MAX;
    for t in toks.iter() {
        if t.sentence != previous {
            content += 1;
            previous = t.sentence;
        }
        if t.word == NONE {
            continue;
        }
        let w = t.word as usize;
        let text = &sentences[t.sentence as usize][t.start as usize..t.end as usize];
        if last[w] != t.sentence {
            last[w] = t.sentence;
            in_sentences[w] += 1;
        }
        seen[w] += 1;
        let syllabic = text.chars().any(|c| is_cjk(c) || is_hangul(c));
        if !syllabic && text.chars().count() <= longest && !text.chars().any(char::is_uppercase) {
            short[w] += 1;
        }
    }
    for t in toks.iter_mut() {
        if t.word == NONE {
            continue;
        }
        let w = t.word as usize;
        let text = &sentences[t.sentence as usize][t.start as usize..t.end as usize];
        let frequent =
            in_sentences[w] >= 3 && in_sentences[w] as f64 >= FUNCTION_SHARE * content as f64;
        let kana = text.chars().all(|c| matches!(c as u32, 0x3040..=0x309F));
        if (2 * short[w] > seen[w] && frequent) || kana {
            t.word = NONE;
        }
    }
}

/// Whether `c` is a Hangul syllable or letter (one character can be a word).
fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF)
}

/// A sequence of up to [`MAX_PHRASE`] word ids, padded with [`NONE`].
type Key = [u32; MAX_PHRASE];

fn key_of(words: &[u32]) -> Key {
    let mut key = [NONE; MAX_PHRASE];
    key[..words.len()].copy_from_slice(words);
    key
}

fn key_len(key: &Key) -> usize {
    key.iter().position(|&w| w == NONE).unwrap_or(MAX_PHRASE)
}

/// One occurrence of a unit: its first and last token.
struct Unit {
    first: usize,
    last: usize,
    node: usize,
}

/// The `n` best keyphrases of `sentences` in `lang`, best first.
pub(crate) fn keywords(sentences: &[&str], lang: &Language, n: usize) -> Vec<Keyword> {
    if n == 0 || sentences.is_empty() {
        return Vec::new();
    }
    let cjk: Vec<bool> = sentences
        .iter()
        .map(|s| lang.uses_character_bigrams() || s.chars().any(is_cjk))
        .collect();
    // Furniture is left out, and so is a sentence repeated word for word (a
    // headline printed twice must not make its word sequences recur).
    let mut seen: WordMap<&str, ()> = WordMap::default();
    let skip: Vec<bool> = content::classify(sentences, &cjk)
        .iter()
        .zip(sentences)
        .map(|(verdict, s)| verdict.is_some() || seen.insert(s.trim(), ()).is_some())
        .collect();
    let mut words: Vec<String> = Vec::new();
    let mut toks = tokenize(sentences, lang, &skip, &mut words);
    let v = words.len();
    if v == 0 {
        return Vec::new();
    }
    drop_function_words(&mut toks, sentences, lang, v);

    // Title-like words: capitalised, and nearly always followed by a
    // capitalised word (directly or after an abbreviation point).
    let mut count = vec![0u32; v];
    let mut capital = vec![0u32; v];
    let mut before_capital = vec![0u32; v];
    let mut before_point = vec![0u32; v];
    for (i, t) in toks.iter().enumerate() {
        if t.word == NONE {
            continue;
        }
        count[t.word as usize] += 1;
        capital[t.word as usize] += t.capital as u32;
        if let Some(next) = toks.get(i + 1) {
            before_point[t.word as usize] += (next.glue == Glue::Point) as u32;
            if next.glue != Glue::Break && next.word != NONE && next.capital {
                before_capital[t.word as usize] += 1;
            }
        }
    }
    let title: Vec<bool> = (0..v)
        .map(|w| {
            count[w] >= 2
                && capital[w] as f64 >= 0.9 * count[w] as f64
                && before_capital[w] as f64 >= TITLE_SHARE * count[w] as f64
        })
        .collect();
    // Abbreviations (a word mostly followed by a point inside its sentence:
    // "Zi. 214", "Sr. Molina") are treated like titles: never alone, never last.
    let prefix: Vec<bool> = (0..v)
        .map(|w| title[w] || (before_point[w] > 0 && 2 * before_point[w] >= count[w]))
        .collect();
    // joined[i]: token i continues the run of token i - 1.
    let joined: Vec<bool> = (0..toks.len())
        .map(|i| {
            i > 0
                && toks[i].word != NONE
                && toks[i - 1].word != NONE
                && match toks[i].glue {
                    Glue::Join => true,
                    Glue::Point => title[toks[i - 1].word as usize],
                    Glue::Break => false,
                }
        })
        .collect();

    // Runs of joined content words, as (start in toks, word ids).
    let runs = runs_of(&toks, &joined);

    // Counts of every sequence of up to MAX_PHRASE words inside a run.
    let mut grams: WordMap<Key, u32> = WordMap::default();
    let mut total = 0usize;
    for (_, run) in &runs {
        total += run.len();
        for a in 0..run.len() {
            for b in a + 2..=(a + MAX_PHRASE).min(run.len()) {
                *grams.entry(key_of(&run[a..b])).or_default() += 1;
            }
        }
    }
    let total = total as f64;
    let gram_count = |words: &[u32]| -> u32 {
        if words.len() == 1 {
            count[words[0] as usize]
        } else {
            grams.get(&key_of(words)).copied().unwrap_or(0)
        }
    };
    let bound = |a: u32, b: u32| -> bool {
        let together = gram_count(&[a, b]) as f64;
        let (ca, cb) = (count[a as usize] as f64, count[b as usize] as f64);
        together >= 2.0
            && (together * total >= ASSOCIATION * ca * cb || 2.0 * together >= ca.min(cb))
    };

    // Cut each run into units (Viterbi: the most probable sequence of units;
    // a sequence may be a unit when it recurs and its neighbours are bound).
    let mut nodes: WordMap<Key, usize> = WordMap::default();
    let mut keys: Vec<Key> = Vec::new();
    let mut units: Vec<Unit> = Vec::new();
    for &(i, ref run) in &runs {
        let len = run.len();
        // best[e]: log probability of the best cut of run[..e]; from[e]: its last unit's start.
        let mut best = vec![f64::NEG_INFINITY; len + 1];
        let mut from = vec![0usize; len + 1];
        best[0] = 0.0;
        for e in 1..=len {
            for b in e.saturating_sub(MAX_PHRASE)..e {
                let piece = &run[b..e];
                let k = piece.len();
                if k > 1
                    && (prefix[piece[k - 1] as usize]
                        || !piece.windows(2).all(|p| bound(p[0], p[1])))
                {
                    continue;
                }
                let c = gram_count(piece);
                if k > 1 && c < 2 {
                    continue;
                }
                let score = best[b] + (c as f64 / total).ln();
                if score > best[e] {
                    best[e] = score;
                    from[e] = b;
                }
            }
        }
        let mut e = len;
        let mut cut: Vec<(usize, usize)> = Vec::new();
        while e > 0 {
            cut.push((from[e], e));
            e = from[e];
        }
        for &(b, e) in cut.iter().rev() {
            let key = key_of(&run[b..e]);
            let next = keys.len();
            let node = *nodes.entry(key).or_insert(next);
            if node == next {
                keys.push(key);
            }
            units.push(Unit {
                first: i + b,
                last: i + e - 1,
                node,
            });
        }
    }
    let score = rank_units(&units, &toks, keys.len());
    let spread = spread(&units, &toks, sentences.len(), &skip, keys.len());
    let names = names(&units, &toks, keys.len());
    let weighted: Vec<f64> = (0..keys.len())
        .map(|u| {
            let extra_words = (key_len(&keys[u]) - 1) as f64;
            score[u]
                * spread[u]
                * (1.0 + NAME_WEIGHT * names[u])
                * (1.0 + PHRASE_WEIGHT * extra_words)
        })
        .collect();

    // A word that stands alone and in a phrase holding at least a third of
    // its occurrences is mostly a short mention of that phrase ("ferry"
    // after "river ferry", "Knightley" for "Mr. Knightley"): it adds its
    // weight to the best such phrase.
    let mut weighted = weighted;
    let mut times = vec![0u32; keys.len()];
    for unit in &units {
        times[unit.node] += 1;
    }
    let mut phrase_of: Vec<Option<usize>> = vec![None; v];
    for (u, key) in keys.iter().enumerate() {
        let key = &key[..key_len(key)];
        if key.len() < 2 {
            continue;
        }
        for &w in key {
            if 3 * times[u] < count[w as usize] {
                continue;
            }
            let slot = &mut phrase_of[w as usize];
            if slot.is_none_or(|p| weighted[u] > weighted[p]) {
                *slot = Some(u);
            }
        }
    }
    let own = weighted.clone();
    for (u, key) in keys.iter().enumerate() {
        if key_len(key) == 1
            && let Some(p) = phrase_of[key[0] as usize]
        {
            weighted[p] += own[u];
        }
    }

    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| weighted[b].total_cmp(&weighted[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = Vec::new();
    for &node in &order {
        if chosen.len() == n {
            break;
        }
        let key = &keys[node][..key_len(&keys[node])];
        if key.len() == 1 && prefix[key[0] as usize] {
            continue;
        }
        let overlaps = chosen.iter().any(|&c| {
            let other = &keys[c][..key_len(&keys[c])];
            contains(other, key) || contains(key, other)
        });
        if !overlaps {
            chosen.push(node);
        }
    }
    let best = chosen.first().map_or(1.0, |&c| weighted[c]);
    chosen
        .into_iter()
        .map(|node| Keyword {
            text: surface(node, &units, &toks, sentences),
            score: weighted[node] / best,
        })
        .collect()
}

/// Whether `inner` is a contiguous part of `outer`.
/// The runs of content words that `joined` ties together, each as its
/// first token's index and its word ids.
fn runs_of(toks: &[Tok], joined: &[bool]) -> Vec<(usize, Vec<u32>)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].word == NONE {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && joined[j] {
            j += 1;
        }
        runs.push((i, toks[i..j].iter().map(|t| t.word).collect()));
        i = j;
    }
    runs
}

fn contains(outer: &[u32], inner: &[u32]) -> bool {
    inner.len() <= outer.len() && outer.windows(inner.len()).any(|w| w == inner)
}

/// PageRank over units linked when they occur within [`WINDOW`] units of
/// each other in a sentence.
fn rank_units(units: &[Unit], toks: &[Tok], v: usize) -> Vec<f64> {
    let mut edges: WordMap<(usize, usize), f64> = WordMap::default();
    for (a, unit) in units.iter().enumerate() {
        for other in units[a + 1..].iter().take(WINDOW - 1) {
            if toks[other.first].sentence != toks[unit.last].sentence {
                break;
            }
            if other.node != unit.node {
                *edges.entry((unit.node, other.node)).or_default() += 1.0;
                *edges.entry((other.node, unit.node)).or_default() += 1.0;
            }
        }
    }
    let mut adjacency: Vec<Vec<(usize, f64)>> = vec![Vec::new(); v];
    for (&(a, b), &w) in &edges {
        adjacency[a].push((b, w));
    }
    for list in &mut adjacency {
        list.sort_by_key(|e| e.0);
    }
    let degree: Vec<f64> = adjacency
        .iter()
        .map(|l| l.iter().map(|e| e.1).sum())
        .collect();
    let mut rank = vec![1.0 / v as f64; v];
    for _ in 0..100 {
        let mut next = vec![0.15 / v as f64; v];
        let mut dangling = 0.0;
        for a in 0..v {
            if degree[a] == 0.0 {
                dangling += rank[a];
                continue;
            }
            for &(b, w) in &adjacency[a] {
                next[b] += 0.85 * rank[a] * w / degree[a];
            }
        }
        let change: f64 = next
            .iter_mut()
            .zip(&rank)
            .map(|(x, r)| {
                *x += 0.85 * dangling / v as f64;
                (*x - r).abs()
            })
            .sum();
        rank = next;
        if change < 1e-8 {
            break;
        }
    }
    let best = rank.iter().cloned().fold(0.0, f64::max);
    rank.iter().map(|r| r / best).collect()
}

/// Per unit: how evenly it is spread over the text, from near 0 (all in one
/// stretch) to 1 (in as many stretches as chance would put it).
fn spread(units: &[Unit], toks: &[Tok], sentences: usize, skip: &[bool], v: usize) -> Vec<f64> {
    // The content sentences, numbered in order.
    let mut rank_of = vec![0usize; sentences];
    let mut content = 0;
    for (s, &skipped) in skip.iter().enumerate() {
        rank_of[s] = content;
        content += !skipped as usize;
    }
    let stretches = STRETCHES.min(content).max(1);
    let mut seen = vec![0u32; v];
    let mut times = vec![0u32; v];
    for unit in units {
        let s = rank_of[toks[unit.first].sentence as usize];
        seen[unit.node] |= 1 << (s * stretches / content.max(1));
        times[unit.node] += 1;
    }
    let miss = 1.0 - 1.0 / stretches as f64;
    (0..v)
        .map(|u| {
            let expected = stretches as f64 * (1.0 - miss.powi(times[u] as i32));
            (seen[u].count_ones() as f64 / expected).min(1.0)
        })
        .collect()
}

/// Per unit: the share of its occurrences inside a sentence (not opening
/// it) that start with a capital letter; all 0 when the text has no capitals.
fn names(units: &[Unit], toks: &[Tok], v: usize) -> Vec<f64> {
    let mut inner = vec![0u32; v];
    let mut capital = vec![0u32; v];
    for unit in units {
        let t = unit.first;
        let opening = t == 0 || toks[t - 1].sentence != toks[t].sentence;
        if opening {
            continue;
        }
        inner[unit.node] += 1;
        capital[unit.node] += (toks[t].capital || toks[unit.last].capital) as u32;
    }
    (0..v)
        .map(|u| capital[u] as f64 / inner[u].max(1) as f64)
        .collect()
}

/// How `node` is most often written (the first of the commonest forms),
/// with runs of spaces as one space.
fn surface(node: usize, units: &[Unit], toks: &[Tok], sentences: &[&str]) -> String {
    let mut forms: Vec<(String, usize)> = Vec::new();
    for unit in units.iter().filter(|u| u.node == node) {
        let (first, last) = (&toks[unit.first], &toks[unit.last]);
        let text = &sentences[first.sentence as usize][first.start as usize..last.end as usize];
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match forms.iter_mut().find(|f| f.0 == text) {
            Some(f) => f.1 += 1,
            None => forms.push((text, 1)),
        }
    }
    let most = forms.iter().map(|f| f.1).max().unwrap_or(0);
    forms
        .into_iter()
        .find(|f| f.1 == most)
        .map(|f| f.0)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: [&str; 5] = [
        "The night bus network grows again this winter.",
        "Each night bus stops at the central station.",
        "Riders asked for a night bus to the airport.",
        "The central station gets new lifts.",
        "Tickets cost the same at night.",
    ];

    #[test]
    fn repeated_neighbours_form_the_top_phrase() {
        let k = keywords(&TEXT, &Language::new("en"), 5);
        assert_eq!(k.len(), 5);
        assert_eq!(k[0].text, "night bus", "{k:?}");
        assert!(k.iter().any(|k| k.text == "central station"), "{k:?}");
        assert!(k.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn words_of_a_better_phrase_are_not_repeated_alone() {
        let k = keywords(&TEXT, &Language::new("en"), 5);
        assert!(!k.iter().any(|k| k.text == "bus"), "{k:?}");
    }

    fn texts(k: &[Keyword]) -> Vec<&str> {
        k.iter().map(|k| k.text.as_str()).collect()
    }

    #[test]
    fn a_verb_between_two_names_is_not_a_phrase() {
        let article = [
            "Mayor Okafor met Governor Dene in Carlow on Monday.",
            "Okafor wants the ferry link restored before the summer.",
            "Dene said the ferry link would cost more than planned.",
            "The ferry link closed three years ago after a storm.",
            "Okafor and Dene will meet again in Carlow next month.",
        ];
        let k = keywords(&article, &Language::new("en"), 8);
        assert!(texts(&k).contains(&"ferry link"), "{k:?}");
        assert!(k.iter().all(|k| !k.text.contains(" met ")), "{k:?}");
    }

    #[test]
    fn phrases_stop_at_dashes_punctuation_and_line_breaks() {
        let text = [
            "They rebuilt the harbour--cranes and all--within a year.",
            "The harbour--cranes and all--was rebuilt again.",
            "Old harbour, cranes idle, boats gone.",
            "The harbour\ncranes were painted red.",
        ];
        let k = keywords(&text, &Language::new("en"), 6);
        assert!(!k.is_empty());
        for k in &k {
            assert!(!k.text.contains(['-', ',', '\n']), "{k:?}");
            assert_ne!(k.text, "harbour cranes", "{k:?}");
        }
    }

    #[test]
    fn a_title_opens_a_name_but_never_ends_a_phrase_or_stands_alone() {
        let text = [
            "Dr. Lind opened the new clinic on the hill.",
            "Patients thanked Dr. Lind for the long evenings.",
            "The clinic hired two nurses, said Dr. Lind.",
            "Next year the clinic will add a dentist, Dr. Aske.",
        ];
        let k = keywords(&text, &Language::new("en"), 5);
        assert!(texts(&k).contains(&"Dr. Lind"), "{k:?}");
        assert!(
            k.iter().all(|k| k.text != "Dr" && !k.text.ends_with("Dr")),
            "{k:?}"
        );
    }

    #[test]
    fn a_burst_in_one_stretch_weighs_less_than_a_word_spread_over_the_text() {
        let story = [
            "The keeper climbed to the lamp before dawn.",
            "Fog rolled over the rocks, and the keeper lit the lamp.",
            "A trawler passed close to the reef at noon.",
            "The keeper wrote the trawler's name in his log.",
            "Gulls circled the lamp all afternoon.",
            "By evening the keeper had trimmed the wick twice.",
            "The supply boat came late with oil for the lamp.",
            "The keeper slept while the lamp turned.",
        ];
        let licence = [
            "This notice may be copied freely.",
            "The notice must stay with every copy.",
            "Whoever removes the notice loses the right to copy.",
            "Questions about the notice go to the publisher.",
        ];
        let mut text: Vec<&str> = story.to_vec();
        text.extend(licence);
        let k = keywords(&text, &Language::new("en"), 3);
        let place = |w: &str| texts(&k).iter().position(|t| *t == w);
        assert!(place("keeper").is_some(), "{k:?}");
        assert!(
            place("notice").is_none_or(|p| p > place("keeper").unwrap()),
            "{k:?}"
        );
    }

    #[test]
    fn frequent_short_words_are_function_words_without_a_stop_list() {
        let text = [
            "Pociąg na Gdańsk odjeżdża na czas.",
            "Dworzec na nowo otwarto po remoncie.",
            "Pasażerowie czekają na peronie na pociąg.",
            "Remont dworca trwał dwa lata.",
        ];
        let k = keywords(&text, &Language::new("pl"), 5);
        assert!(!k.is_empty());
        assert!(k.iter().all(|k| k.text != "na"), "{k:?}");
    }

    #[test]
    fn web_addresses_are_not_keyphrases() {
        let text = [
            "Read the plan at www.harbour-town.example today.",
            "The harbour plan is online at www.harbour-town.example now.",
            "The harbour plan adds a ferry.",
        ];
        let k = keywords(&text, &Language::new("en"), 5);
        assert!(k.iter().all(|k| !k.text.contains("town")), "{k:?}");
    }

    #[test]
    fn chinese_pairs_chain_into_phrases() {
        let text = [
            "地铁五号线今天开通。",
            "地铁五号线连接城北和城南。",
            "市民乘坐地铁上班。",
        ];
        let k = keywords(&text, &Language::new("zh"), 3);
        assert!(k[0].text.starts_with("地铁"), "{k:?}");
    }

    #[test]
    fn no_keywords_from_nothing() {
        assert!(keywords(&[], &Language::new("en"), 5).is_empty());
        assert!(keywords(&TEXT, &Language::new("en"), 0).is_empty());
    }
}
