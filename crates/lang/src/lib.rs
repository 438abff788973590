//! Language codes: validation of a language choice and detection with
//! whatlang.
//!
//! Every language excerpt prints or accepts is an ISO 639-1 code. A choice
//! may also be a region-tagged code (`en-GB`, `pt_BR`) or an ISO 639-3 code
//! (`deu`), both reduced to ISO 639-1, or `auto`, which detects the language
//! of each text.
//!
//! ```
//! use excerpt_lang::LangChoice;
//!
//! let choice = LangChoice::parse("pt_BR").unwrap();
//! assert_eq!(choice.resolve("Qualquer texto."), "pt");
//! let auto = LangChoice::parse("auto").unwrap();
//! assert_eq!(auto.resolve("Der Stadtrat hat am Dienstag beschlossen, die Radwege auszubauen."), "de");
//! assert!(LangChoice::parse("klingon").is_err());
//! ```

/// Every ISO 639-1 code.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch \
    co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he \
    hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw \
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj \
    om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta \
    te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// ISO 639-3 codes (as whatlang and common usage spell them) with their
/// ISO 639-1 equivalents.
const ISO_639_3: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("arb", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("eus", "eu"),
    ("fas", "fa"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("gle", "ga"),
    ("glg", "gl"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("isl", "is"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("kaz", "kk"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lao", "lo"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("msa", "ms"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nno", "nn"),
    ("nob", "nb"),
    ("nor", "no"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("sqi", "sq"),
    ("srp", "sr"),
    ("swa", "sw"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zho", "zh"),
    ("zul", "zu"),
];

/// A language code that names no language: the value as given.
///
/// ```
/// let err = excerpt_lang::LangChoice::parse("xx").unwrap_err();
/// assert_eq!(err.value, "xx");
/// assert!(err.to_string().starts_with("unknown language code 'xx'"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLanguage {
    /// The code that was given.
    pub value: String,
}

impl std::fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown language code '{}' (expected 'auto' or an ISO 639-1 code such as 'en', 'de', 'zh')",
            self.value
        )
    }
}

impl std::error::Error for UnknownLanguage {}

/// What a language option asked for: detection, or one language.
///
/// ```
/// use excerpt_lang::LangChoice;
///
/// assert_eq!(LangChoice::parse("AUTO").unwrap(), LangChoice::Auto);
/// assert_eq!(LangChoice::parse("deu").unwrap(), LangChoice::Code("de".into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LangChoice {
    /// Detect the language of each text.
    Auto,
    /// Use this ISO 639-1 code.
    Code(String),
}

impl LangChoice {
    /// Parses a language option: `auto`, an ISO 639-1 or 639-3 code,
    /// optionally with a region or script subtag.
    ///
    /// ```
    /// use excerpt_lang::LangChoice;
    ///
    /// assert_eq!(LangChoice::parse("EN-gb").unwrap(), LangChoice::Code("en".into()));
    /// assert!(LangChoice::parse("english").is_err());
    /// ```
    pub fn parse(value: &str) -> Result<LangChoice, UnknownLanguage> {
        if value.eq_ignore_ascii_case("auto") {
            return Ok(LangChoice::Auto);
        }
        match normalize(value) {
            Some(code) => Ok(LangChoice::Code(code.to_string())),
            None => Err(UnknownLanguage {
                value: value.to_string(),
            }),
        }
    }

    /// The language of `text`: the chosen code, or the detected one.
    ///
    /// ```
    /// use excerpt_lang::LangChoice;
    ///
    /// assert_eq!(LangChoice::Code("fr".into()).resolve("Hello."), "fr");
    /// assert_eq!(LangChoice::Auto.resolve(""), excerpt_lang::UNDETERMINED);
    /// ```
    pub fn resolve(&self, text: &str) -> String {
        match self {
            LangChoice::Code(code) => code.clone(),
            LangChoice::Auto => detect(text).to_string(),
        }
    }
}

/// Reduces a language tag to its ISO 639-1 code, if it names a language.
///
/// ```
/// assert_eq!(excerpt_lang::normalize("pt_BR"), Some("pt"));
/// assert_eq!(excerpt_lang::normalize("zho"), Some("zh"));
/// assert_eq!(excerpt_lang::normalize("xx"), None);
/// ```
pub fn normalize(tag: &str) -> Option<&'static str> {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.len() {
        2 => ISO_639_1.split_ascii_whitespace().find(|c| *c == primary),
        3 => ISO_639_3
            .iter()
            .find(|(long, _)| *long == primary)
            .map(|(_, short)| *short),
        _ => None,
    }
}

/// The code used when a text's language cannot be told: "undetermined".
///
/// ```
/// assert_eq!(excerpt_lang::detect("42"), excerpt_lang::UNDETERMINED);
/// ```
pub const UNDETERMINED: &str = "und";

/// Detects the language of `text` as an ISO 639-1 code, or
/// [`UNDETERMINED`] when the text gives no clue.
///
/// ```
/// let fr = "Le conseil municipal a décidé mardi d'agrandir les pistes cyclables.";
/// assert_eq!(excerpt_lang::detect(fr), "fr");
/// ```
pub fn detect(text: &str) -> &'static str {
    whatlang::detect(&sample(text))
        .and_then(|info| normalize(info.lang().code()))
        .unwrap_or(UNDETERMINED)
}

/// How many bytes of a text detection reads at most.
const SAMPLE_BYTES: usize = 1536;

/// What detection reads: a short text whole; of a longer one, three windows
/// from its first, middle and last parts, so that a boilerplate header in
/// another language (a licence, a menu) cannot decide alone, and detection
/// costs the same for an article and a book.
fn sample(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= SAMPLE_BYTES {
        return text.into();
    }
    let window = SAMPLE_BYTES / 3;
    let mut out = String::with_capacity(SAMPLE_BYTES + 8);
    for sixth in [1, 3, 5] {
        let mut start = (text.len() / 6 * sixth).saturating_sub(window / 2);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + window).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&text[start..end]);
        out.push('\n');
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_tags() {
        assert_eq!(LangChoice::parse("auto").unwrap(), LangChoice::Auto);
        assert_eq!(
            LangChoice::parse("de").unwrap(),
            LangChoice::Code("de".into())
        );
        assert_eq!(
            LangChoice::parse("pt_BR").unwrap(),
            LangChoice::Code("pt".into())
        );
        assert_eq!(
            LangChoice::parse("EN-gb").unwrap(),
            LangChoice::Code("en".into())
        );
        assert_eq!(
            LangChoice::parse("deu").unwrap(),
            LangChoice::Code("de".into())
        );
        assert!(LangChoice::parse("xx").is_err());
        assert!(LangChoice::parse("english").is_err());
        assert!(LangChoice::parse("").is_err());
    }

    #[test]
    fn every_whatlang_language_has_a_two_letter_code() {
        for lang in whatlang::Lang::all() {
            assert!(normalize(lang.code()).is_some(), "{}", lang.code());
        }
    }

    #[test]
    fn detects_real_text() {
        assert_eq!(
            detect("Der Stadtrat hat am Dienstag beschlossen, die Radwege auszubauen."),
            "de"
        );
        assert_eq!(
            detect("Le conseil municipal a décidé mardi d'agrandir les pistes cyclables."),
            "fr"
        );
        assert_eq!(detect(""), UNDETERMINED);
    }

    #[test]
    fn a_header_in_another_language_does_not_decide() {
        let header = "This text is distributed under the terms of the licence below. ".repeat(10);
        let body =
            "Le conseil municipal a décidé mardi d'agrandir les pistes cyclables du centre-ville. "
                .repeat(60);
        assert_eq!(detect(&format!("{header}\n\n{body}")), "fr");
    }

    #[test]
    fn sample_is_bounded_and_cut_at_characters() {
        let text = "é".repeat(10_000);
        let s = sample(&text);
        assert!(s.len() <= SAMPLE_BYTES + 3);
        assert!(s.chars().all(|c| c == 'é' || c == '\n'));
    }
}
