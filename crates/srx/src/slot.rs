//! The fancy-regexes of the rules: each pattern translated once, compiled
//! at load or on first use.

use crate::{RegexId, SrxError, java, translate_java_regex};
use std::sync::OnceLock;

/// When a rule regex is compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Compile {
    /// At load.
    Now,
    /// On first use; at load only its syntax is checked.
    OnFirstUse,
}

impl Compile {
    /// `OnFirstUse` when `lazy`, else `Now`.
    pub fn lazy(lazy: bool) -> Compile {
        if lazy {
            Compile::OnFirstUse
        } else {
            Compile::Now
        }
    }
}

/// One rule regex: a variant with fancy-regex's Unicode `\b` (exact on
/// texts without [`java::BOUNDARY_DIVERGENT`] characters, and fast), and
/// JDK 17's `\b` spelled out, compiled on first use when it differs.
pub(crate) struct Slot {
    fast_source: String,
    fast: OnceLock<fancy_regex::Regex>,
    exact_source: Option<String>,
    exact: OnceLock<fancy_regex::Regex>,
}

impl Slot {
    /// The regex to run on a text; `fast` when the text has no character on
    /// which the two word boundaries disagree.
    pub fn get(&self, fast: bool) -> &fancy_regex::Regex {
        let (src, cell) = match &self.exact_source {
            Some(src) if !fast => (src, &self.exact),
            _ => (&self.fast_source, &self.fast),
        };
        cell.get_or_init(|| {
            build(src).unwrap_or_else(|e| panic!("regex {src} no longer compiles: {e}"))
        })
    }
}

fn build(rust: &str) -> Result<fancy_regex::Regex, fancy_regex::Error> {
    fancy_regex::RegexBuilder::new(rust)
        .backtrack_limit(10_000_000)
        .build()
}

/// Translates `pattern` (Java, with the rule's `line` for errors) and
/// adds it to `regexes` unless `cache` has it; its id.
pub(crate) fn compile(
    pattern: &str,
    line: usize,
    regexes: &mut Vec<Slot>,
    cache: &mut std::collections::HashMap<String, RegexId>,
    when: Compile,
) -> Result<RegexId, SrxError> {
    let err = |message: String| SrxError::Regex {
        line,
        pattern: pattern.to_string(),
        message,
    };
    let id = match cache.get(pattern) {
        Some(&id) => id,
        None => {
            let rust = translate_java_regex(pattern).map_err(|e| err(e.to_string()))?;
            let fast_source =
                java::translate_fast_boundary(pattern).map_err(|e| err(e.to_string()))?;
            fancy_regex::Expr::parse_tree(&fast_source)
                .map_err(|e| err(format!("{e} (translated: {fast_source})")))?;
            let exact_source = (fast_source != rust).then_some(rust);
            regexes.push(Slot {
                fast_source,
                fast: OnceLock::new(),
                exact_source,
                exact: OnceLock::new(),
            });
            cache.insert(pattern.to_string(), regexes.len() - 1);
            regexes.len() - 1
        }
    };
    let slot = &regexes[id];
    if when == Compile::Now && slot.fast.get().is_none() {
        let re = build(&slot.fast_source)
            .map_err(|e| err(format!("{e} (translated: {})", slot.fast_source)))?;
        let _ = slot.fast.set(re);
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use crate::{Dialect, SrxDocument};

    fn rules(name: &str) -> Option<SrxDocument> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/srx/rules/");
        SrxDocument::load(format!("{dir}{name}")).ok()
    }

    const TEXTS: &[&str] = &[
        "Mr. Smith met Dr. Brown at 3 p.m. in the U.S. office. They talked. “Yes.” He left!",
        "See (p. 4. and fig. 2.) here. Vol. 3 is out. e.g. this one. [A. B. c.] {x. y}",
        "Das ist z. B. gut. Er kam am 3. Mai. Café Ökonomie. Straße Nr. 5 ist hier.",
        "Il est 5 h. M. Dupont arrive. « Bon. » Ça va ? Oui !",
        "Это т. е. пример. Он пришёл в 5 ч. Всё. Ну…  Да.",
        "1. Punkt eins\r\n\r\n2. Punkt zwei\n\nhttp://www.example.com. Ende.",
    ];

    #[test]
    fn lazily_compiled_exceptions_cut_as_eager_ones() {
        for (file, codes) in [
            (
                "lt-segment.srx",
                &["en_two", "de_two", "fr_two", "ru_two", "uk_two"][..],
            ),
            ("okapi-alternate-default.srx", &["en", "de", "fr"][..]),
        ] {
            let Some(doc) = rules(file) else { continue };
            for code in codes {
                let lazy = doc
                    .segmenter_with(code, Dialect::LanguageTool, true)
                    .unwrap();
                let eager = doc
                    .segmenter_with(code, Dialect::LanguageTool, false)
                    .unwrap();
                for text in TEXTS {
                    for dfa in [true, false] {
                        assert_eq!(
                            lazy.rules.segment_ends_with(text, dfa),
                            eager.rules.segment_ends_with(text, dfa),
                            "{file} {code} {text}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_pattern_that_does_not_parse_is_an_error_at_load_even_when_lazy() {
        let xml = r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes" segmentsubflows="yes"/><body><languagerules><languagerule languagerulename="D">
<rule break="no"><beforebreak>a(b</beforebreak><afterbreak>\s</afterbreak></rule>
<rule><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="D"/></maprules></body></srx>"#;
        let doc = SrxDocument::parse(xml).unwrap();
        for lazy in [true, false] {
            let err = doc
                .segmenter_with("en", Dialect::LanguageTool, lazy)
                .unwrap_err();
            assert!(err.to_string().starts_with("line 2: regex"), "{err}");
        }
    }
}
