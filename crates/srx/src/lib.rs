//! SRX 2.0 segmentation rules, parsed and applied exactly as the loomchild
//! reference engine (2.0.4, as LanguageTool calls it, on JDK 17) does.
//!
//! Load a file with [`SrxDocument::parse`], pick the rules for a language
//! code with [`SrxDocument::segmenter`], and cut text into lossless byte
//! spans with [`Segmenter::segments`]. The Java regexes of the file are
//! translated into `fancy-regex` with Java's meaning ([`translate_java_regex`]).
//!
//! ```
//! let srx = excerpt_srx::SrxDocument::parse(r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0">
//!   <header segmentsubflows="yes" cascade="yes"/>
//!   <body><languagerules><languagerule languagerulename="Default">
//!     <rule break="no"><beforebreak>\bDr\.</beforebreak><afterbreak>\s</afterbreak></rule>
//!     <rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
//!   </languagerule></languagerules>
//!   <maprules><languagemap languagepattern=".*" languagerulename="Default"/></maprules></body>
//! </srx>"#).unwrap();
//! let seg = srx.segmenter("en", excerpt_srx::Dialect::LanguageTool).unwrap();
//! let text = "Dr. Kim came. She left.";
//! let parts: Vec<&str> = seg.segments(text).into_iter().map(|r| &text[r]).collect();
//! assert_eq!(parts, ["Dr. Kim came.", " She left."]);
//! ```

mod bits;
mod engine;
mod export;
mod finitize;
mod first;
mod java;
mod java_class;
mod multi;
mod needle;
mod parse;
mod prefilter;
mod side;
mod slot;
mod trim;
mod words;

pub use export::{ExportRules, export_srx};
pub use finitize::{DEFAULT_CAP, finitize};
pub use java::{TranslateError, translate_java_regex};
pub use parse::{LanguageMap, LanguageRule, Rule, SRX20_NAMESPACE, SrxDocument};

use slot::{Slot, compile};
use std::ops::Range;
use std::sync::Arc;

/// An SRX file that cannot be read or used.
///
/// ```
/// let err = excerpt_srx::SrxDocument::parse("<srx").unwrap_err();
/// assert!(err.to_string().starts_with("line 1"));
/// ```
#[derive(Debug, thiserror::Error)]
pub enum SrxError {
    /// Not well-formed XML.
    #[error("line {line}: not well-formed XML: {message}")]
    Xml {
        /// The line in the file.
        line: usize,
        /// The parser's message.
        message: String,
    },
    /// Well-formed, but not SRX 2.0.
    #[error("line {line}: not valid SRX 2.0: {message}")]
    Invalid {
        /// The line in the file.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A rule's regex cannot be used.
    #[error("line {line}: regex {pattern:?}: {message}")]
    Regex {
        /// The line of the rule or language map.
        line: usize,
        /// The Java pattern.
        pattern: String,
        /// What is wrong.
        message: String,
    },
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
}

impl SrxError {
    pub(crate) fn xml(line: usize, e: impl std::fmt::Display) -> Self {
        SrxError::Xml {
            line,
            message: e.to_string(),
        }
    }

    pub(crate) fn invalid(line: usize, message: impl Into<String>) -> Self {
        SrxError::Invalid {
            line,
            message: message.into(),
        }
    }
}

/// How the regexes of a file are compiled: as LanguageTool (no flags, the
/// reference), OmegaT (`DOTALL | UNICODE_CASE`, case-insensitive language
/// map) or Okapi (`UNICODE_CHARACTER_CLASS`).
///
/// ```
/// assert_eq!("okapi".parse::<excerpt_srx::Dialect>(), Ok(excerpt_srx::Dialect::Okapi));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// No flags: loomchild as LanguageTool calls it.
    #[default]
    LanguageTool,
    /// OmegaT's flags.
    OmegaT,
    /// Okapi's flags.
    Okapi,
}

impl Dialect {
    /// The inline-flag prefix written before every non-empty pattern.
    fn prefix(self) -> &'static str {
        match self {
            Dialect::LanguageTool => "",
            Dialect::OmegaT => "(?su)",
            Dialect::Okapi => "(?U)",
        }
    }

    /// The name used on the command line and in headers.
    ///
    /// ```
    /// assert_eq!(excerpt_srx::Dialect::OmegaT.name(), "omegat");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Dialect::LanguageTool => "lt",
            Dialect::OmegaT => "omegat",
            Dialect::Okapi => "okapi",
        }
    }
}

impl std::str::FromStr for Dialect {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "lt" | "languagetool" | "none" => Ok(Dialect::LanguageTool),
            "omegat" => Ok(Dialect::OmegaT),
            "okapi" => Ok(Dialect::Okapi),
            _ => Err(format!("unknown SRX flags {s:?} (lt, omegat, okapi)")),
        }
    }
}

pub(crate) type RegexId = usize;

pub(crate) struct BreakRule {
    pub before: RegexId,
    pub after: Option<RegexId>,
    /// The beforebreak is empty and the afterbreak never looks behind its
    /// start: the breaks are where an unanchored search finds the afterbreak.
    pub scan_after: bool,
    /// How many of the exceptions apply (those placed before this rule).
    pub exceptions: usize,
    /// The bytes its afterbreak can begin with.
    pub after_first: first::FirstBytes,
}

pub(crate) struct Exception {
    pub regex: RegexId,
    pub filter: prefilter::Filter,
}

impl Exception {
    pub fn may_match(&self, text: &str, pos: usize) -> bool {
        self.filter.may_match(text, pos)
    }
}

pub(crate) struct CompiledRules {
    pub regexes: Vec<Slot>,
    /// Finds the characters on which the word boundaries disagree.
    pub divergent: words::Divergent,
    pub breaks: Vec<BreakRule>,
    pub exceptions: Vec<Exception>,
    /// The exceptions as two multi-pattern DFAs, for texts where the
    /// native word boundary is exact.
    pub multi: multi::Exceptions,
}

/// The rules of one SRX file for one language code, compiled once; cheap to
/// clone and share between threads.
///
/// ```
/// # let srx = excerpt_srx::SrxDocument::parse(r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes" segmentsubflows="yes"/><body><languagerules><languagerule languagerulename="D"><rule><beforebreak>[.!?]</beforebreak><afterbreak>\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="D"/></maprules></body></srx>"#).unwrap();
/// let seg = srx.segmenter("xx", excerpt_srx::Dialect::default()).unwrap();
/// assert_eq!(seg.segments("A. B"), vec![0..2, 2..4]);
/// ```
#[derive(Clone)]
pub struct Segmenter {
    rules: Arc<CompiledRules>,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("break_rules", &self.rules.breaks.len())
            .field("exceptions", &self.rules.exceptions.len())
            .finish()
    }
}

impl Segmenter {
    /// The segments of `text` as byte ranges that cover it without gaps,
    /// whitespace placed where the reference places it.
    ///
    /// ```
    /// # let srx = excerpt_srx::SrxDocument::parse(r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes" segmentsubflows="yes"/><body><languagerules><languagerule languagerulename="D"><rule><beforebreak>[.!?]\s</beforebreak><afterbreak></afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="D"/></maprules></body></srx>"#).unwrap();
    /// let seg = srx.segmenter("xx", excerpt_srx::Dialect::default()).unwrap();
    /// assert_eq!(seg.segments("Hi. Yes"), vec![0..4, 4..7]);
    /// ```
    pub fn segments(&self, text: &str) -> Vec<Range<usize>> {
        let mut start = 0;
        self.rules
            .segment_ends(text)
            .into_iter()
            .map(|end| {
                let r = start..end;
                start = end;
                r
            })
            .collect()
    }

    /// The number of break rules that apply.
    ///
    /// ```
    /// # let srx = excerpt_srx::SrxDocument::parse(r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes" segmentsubflows="yes"/><body><languagerules><languagerule languagerulename="D"><rule><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern="en.*" languagerulename="D"/></maprules></body></srx>"#).unwrap();
    /// assert_eq!(srx.segmenter("de", Default::default()).unwrap().break_rules(), 0);
    /// ```
    pub fn break_rules(&self) -> usize {
        self.rules.breaks.len()
    }
}

impl SrxDocument {
    /// Reads and parses an SRX file.
    ///
    /// ```
    /// assert!(excerpt_srx::SrxDocument::load("/nonexistent.srx").is_err());
    /// ```
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<SrxDocument, SrxError> {
        let path = path.as_ref();
        let xml = std::fs::read_to_string(path).map_err(|source| SrxError::Io {
            path: path.display().to_string(),
            source,
        })?;
        SrxDocument::parse(&xml)
    }

    /// The language rules that apply to `code`: every map whose pattern
    /// matches the whole code (case-sensitively), in document order, or only
    /// the first one when the file does not cascade.
    ///
    /// ```
    /// # let srx = excerpt_srx::SrxDocument::parse(r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes" segmentsubflows="yes"/><body><languagerules><languagerule languagerulename="En"/><languagerule languagerulename="D"/></languagerules><maprules><languagemap languagepattern="en.*" languagerulename="En"/><languagemap languagepattern=".*" languagerulename="D"/></maprules></body></srx>"#).unwrap();
    /// let names: Vec<&str> = srx.rules_for("en_US", Default::default()).unwrap().iter().map(|r| r.name.as_str()).collect();
    /// assert_eq!(names, ["En", "D"]);
    /// ```
    pub fn rules_for(&self, code: &str, dialect: Dialect) -> Result<Vec<&LanguageRule>, SrxError> {
        let mut out = Vec::new();
        for map in &self.maps {
            let pattern = if dialect == Dialect::OmegaT {
                format!("(?iu){}", map.pattern)
            } else {
                map.pattern.clone()
            };
            let err = |message: String| SrxError::Regex {
                line: map.line,
                pattern: map.pattern.clone(),
                message,
            };
            let rust = translate_java_regex(&pattern).map_err(|e| err(e.to_string()))?;
            let re = fancy_regex::Regex::new(&format!(r"\A(?:{rust})\z"))
                .map_err(|e| err(e.to_string()))?;
            if re.is_match(code).map_err(|e| err(e.to_string()))? {
                out.push(&self.language_rules[map.rule]);
                if !self.cascade {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// Compiles the rules for `code` into a [`Segmenter`]. Exceptions
    /// (break="no" rules) apply to the break rules placed after them; their
    /// beforebreak is finitized as the reference does.
    ///
    /// ```
    /// # let srx = excerpt_srx::SrxDocument::parse(r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes" segmentsubflows="yes"/><body><languagerules><languagerule languagerulename="D"><rule><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="D"/></maprules></body></srx>"#).unwrap();
    /// let seg = srx.segmenter("en", excerpt_srx::Dialect::LanguageTool).unwrap();
    /// assert_eq!(seg.break_rules(), 1);
    /// ```
    pub fn segmenter(&self, code: &str, dialect: Dialect) -> Result<Segmenter, SrxError> {
        self.segmenter_with(code, dialect, true)
    }

    /// [`SrxDocument::segmenter`]; with `lazy_exceptions`, the fancy-regex
    /// of an exception is compiled on first use (only its syntax is
    /// checked now), otherwise every regex is compiled at once.
    pub(crate) fn segmenter_with(
        &self,
        code: &str,
        dialect: Dialect,
        lazy_exceptions: bool,
    ) -> Result<Segmenter, SrxError> {
        let (eager, lazy) = (slot::Compile::Now, slot::Compile::lazy(lazy_exceptions));
        let prefix = dialect.prefix();
        let with = |p: &str| {
            if p.is_empty() {
                String::new()
            } else {
                format!("{prefix}{p}")
            }
        };
        let mut regexes = Vec::new();
        let mut cache = std::collections::HashMap::new();
        let mut breaks = Vec::new();
        let mut exceptions = Vec::new();
        let mut parts = Vec::new();
        for lr in self.rules_for(code, dialect)? {
            for rule in &lr.rules {
                let (before, after) = (with(&rule.before), with(&rule.after));
                if rule.is_break {
                    let b = compile(&before, rule.line, &mut regexes, &mut cache, eager)?;
                    let a = if after.is_empty() {
                        None
                    } else {
                        Some(compile(&after, rule.line, &mut regexes, &mut cache, eager)?)
                    };
                    let looks_left = ["(?<", r"\b", r"\B", "^", r"\A", r"\G"]
                        .iter()
                        .any(|t| after.contains(t));
                    breaks.push(BreakRule {
                        before: b,
                        after: a,
                        scan_after: before.is_empty() && a.is_some() && !looks_left,
                        exceptions: exceptions.len(),
                        after_first: first::FirstBytes::new(
                            java::translate_fast_boundary(&after).ok(),
                        ),
                    });
                } else {
                    let fin = if before.is_empty() {
                        String::new()
                    } else {
                        finitize(&before, DEFAULT_CAP)
                    };
                    let mut java = String::from("(?:");
                    if !fin.is_empty() {
                        java.push_str(&format!("(?<={fin})"));
                    }
                    if !after.is_empty() {
                        java.push_str(&format!("(?={after})"));
                    }
                    java.push(')');
                    // asked only where no DFA answers: compiled on first use
                    let regex = compile(&java, rule.line, &mut regexes, &mut cache, lazy)?;
                    let filter = prefilter::Filter::new(&fin, &after);
                    exceptions.push(Exception { regex, filter });
                    let fast = |p: &str| {
                        if p.is_empty() {
                            Ok(String::new())
                        } else {
                            java::translate_fast_boundary(p)
                        }
                    };
                    parts.push(fast(&fin).and_then(|b| Ok((b, fast(&after)?))).ok());
                }
            }
        }
        Ok(Segmenter {
            rules: Arc::new(CompiledRules {
                regexes,
                divergent: words::Divergent::new(),
                breaks,
                exceptions,
                multi: multi::Exceptions::new(&parts),
            }),
        })
    }
}
