//! The knobs of the ranking, for experiments.

/// Knobs of the ranking, for experiments; the defaults are what the
/// summariser uses.
///
/// ```
/// use excerpt_rank::{Budget, Summarizer, Tuning};
/// let tuning = Tuning { lead_fraction: 0.0, ..Tuning::default() }; // never lead mode
/// let s = Summarizer::new("en").with_tuning(tuning);
/// assert_eq!(s.summarize(&["One sentence here."], Budget::Sentences(1)).picks.len(), 1);
/// ```
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tuning {
    /// PageRank damping.
    pub damping: f64,
    /// Score factor for questions (addressed to the reader, rarely the gist).
    pub question_penalty: f64,
    /// Lead mode: score factor for direct speech (a sentence that opens
    /// with a quotation mark or quotes after a colon).
    pub quote_penalty: f64,
    /// Graph mode: exponent of the length normalisation.
    pub graph_length_exponent: f64,
    /// Graph mode: cosine above which a sentence repeats a chosen one.
    pub graph_redundancy: f64,
    /// Share of the cosine centrality in graph mode (the rest is the
    /// chosen similarity's).
    pub graph_cosine_share: f64,
    /// Lead mode: exponent of the length normalisation.
    pub lead_length_exponent: f64,
    /// Lead mode: cosine above which a sentence repeats a chosen one.
    pub lead_redundancy: f64,
    /// Lead mode: the opening window holds the budget plus this many sentences.
    pub lead_extra: f64,
    /// Largest share of sentences more central than the opening one for which
    /// a text counts as gist-first.
    pub lead_opening: f64,
    /// Budget fraction of the text at which a summary is half short: a
    /// summary of a quarter of the text states its gist; one of a third or
    /// more condenses the whole text.
    pub lead_fraction: f64,
    /// Width of the ramp around `lead_fraction`: a budget fraction this much
    /// below it counts as fully short, this much above it as not short.
    pub lead_fraction_width: f64,
    /// BM25 `k1`.
    pub bm25_k1: f64,
    /// BM25 `b`.
    pub bm25_b: f64,
    /// With a title, in lead mode: score factor `1 + title_boost * r`, `r`
    /// being the sentence's similarity to the title relative to the most
    /// similar sentence's.
    pub title_boost: f64,
    /// Sentences with fewer words than this rank lower, in proportion (a
    /// line of dialogue, a label): the summary of a text is made of its
    /// statements.
    pub short_sentence_words: f64,
    /// Sentences with more words than this rank lower, in proportion (a
    /// caption run into the next sentence, a table or a formula flattened
    /// into text).
    pub long_sentence_words: f64,
    /// Texts of up to this many words can be gist-first as a whole (the
    /// length of a news article).
    pub article_words: f64,
    /// Texts of this many words or more have no one lead (a story, a paper,
    /// a book); between the two the lead strength fades.
    pub long_text_words: f64,
    /// Score factor for each caption restart or label run into a sentence.
    pub run_on_penalty: f64,
    /// In a text of several paragraphs, the most sentences its opening
    /// paragraph may hold and still be a lead (a news lead stands as a
    /// paragraph of one or two sentences; a longer one opens a body).
    pub lead_paragraph_sentences: f64,
    /// Of two sentences that overlap, the earlier is shown in place of the
    /// later when its score is at least this share of the later one's.
    pub earlier_copy_score: f64,
    /// Below lead mode, the opening window's sentences rank higher by up to
    /// `1 + opening_prior * lead_strength` (the first, fading to 1 at the
    /// window's end): a text that is nearly gist-first still leans on its
    /// opening.
    pub opening_prior: f64,
    /// Score factor for a sentence that points into its document's numbered
    /// parts (`(Eq. 5)`, `(see Table 2)`): out of its text it leans on what
    /// the reader of a summary does not have.
    pub refers_penalty: f64,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            damping: 0.85,
            question_penalty: 0.5,
            quote_penalty: 0.5,
            graph_length_exponent: 0.0,
            graph_redundancy: 0.9,
            graph_cosine_share: 0.5,
            lead_length_exponent: 0.3,
            lead_redundancy: 0.4,
            lead_extra: 2.0,
            lead_opening: 0.9,
            lead_fraction: 0.3,
            lead_fraction_width: 0.05,
            bm25_k1: 1.2,
            bm25_b: 0.75,
            title_boost: 2.0,
            short_sentence_words: 10.0,
            long_sentence_words: 40.0,
            article_words: 1500.0,
            long_text_words: 3000.0,
            run_on_penalty: 0.75,
            lead_paragraph_sentences: 2.0,
            earlier_copy_score: 0.5,
            opening_prior: 2.0,
            refers_penalty: 0.5,
        }
    }
}

impl Tuning {
    /// The defaults with the knobs named in `spec` changed, as in
    /// `"damping=0.8,lead_extra=1"` (for experiments).
    ///
    /// ```
    /// use excerpt_rank::Tuning;
    /// let t = Tuning::with_overrides("damping=0.8").unwrap();
    /// assert_eq!(t.damping, 0.8);
    /// assert!(Tuning::with_overrides("nonsense=1").is_err());
    /// ```
    pub fn with_overrides(spec: &str) -> Result<Tuning, String> {
        let mut t = Tuning::default();
        for kv in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (k, v) = kv
                .split_once('=')
                .ok_or_else(|| format!("{kv:?}: expected name=value"))?;
            let v: f64 = v.parse().map_err(|_| format!("{kv:?}: not a number"))?;
            let knob = match k {
                "damping" => &mut t.damping,
                "question_penalty" => &mut t.question_penalty,
                "quote_penalty" => &mut t.quote_penalty,
                "graph_length_exponent" => &mut t.graph_length_exponent,
                "graph_redundancy" => &mut t.graph_redundancy,
                "graph_cosine_share" => &mut t.graph_cosine_share,
                "lead_length_exponent" => &mut t.lead_length_exponent,
                "lead_redundancy" => &mut t.lead_redundancy,
                "lead_extra" => &mut t.lead_extra,
                "lead_opening" => &mut t.lead_opening,
                "lead_fraction" => &mut t.lead_fraction,
                "lead_fraction_width" => &mut t.lead_fraction_width,
                "bm25_k1" => &mut t.bm25_k1,
                "bm25_b" => &mut t.bm25_b,
                "title_boost" => &mut t.title_boost,
                "short_sentence_words" => &mut t.short_sentence_words,
                "long_sentence_words" => &mut t.long_sentence_words,
                "article_words" => &mut t.article_words,
                "long_text_words" => &mut t.long_text_words,
                "run_on_penalty" => &mut t.run_on_penalty,
                "lead_paragraph_sentences" => &mut t.lead_paragraph_sentences,
                "earlier_copy_score" => &mut t.earlier_copy_score,
                "opening_prior" => &mut t.opening_prior,
                "refers_penalty" => &mut t.refers_penalty,
                other => return Err(format!("unknown knob {other:?}")),
            };
            *knob = v;
        }
        Ok(t)
    }
}
