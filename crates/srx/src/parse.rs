//! Reading an SRX 2.0 file into an [`SrxDocument`].

use crate::SrxError;
use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

/// The SRX 2.0 namespace.
pub const SRX20_NAMESPACE: &str = "http://www.lisa.org/srx20";

/// A parsed SRX 2.0 file: its header flags, its language rules and its
/// language maps, in document order.
///
/// ```
/// let srx = excerpt_srx::SrxDocument::parse(r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0">
///   <header segmentsubflows="yes" cascade="no"/>
///   <body><languagerules><languagerule languagerulename="Default">
///     <rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
///   </languagerule></languagerules>
///   <maprules><languagemap languagepattern=".*" languagerulename="Default"/></maprules></body>
/// </srx>"#).unwrap();
/// assert!(!srx.cascade);
/// assert_eq!(srx.language_rules[0].rules.len(), 1);
/// ```
#[derive(Clone, Debug, Default)]
pub struct SrxDocument {
    /// `cascade="yes"`: every matching language map applies, not only the first.
    pub cascade: bool,
    /// `segmentsubflows="yes"` (kept, not used by plain-text segmentation).
    pub segment_subflows: bool,
    /// The `languagerule` elements, in document order.
    pub language_rules: Vec<LanguageRule>,
    /// The `languagemap` elements, in document order.
    pub maps: Vec<LanguageMap>,
}

/// A named list of rules (`<languagerule>`).
///
/// ```
/// let r = excerpt_srx::LanguageRule { name: "Default".into(), rules: vec![] };
/// assert!(r.rules.is_empty());
/// ```
#[derive(Clone, Debug, Default)]
pub struct LanguageRule {
    /// `languagerulename`.
    pub name: String,
    /// The rules, in document order.
    pub rules: Vec<Rule>,
}

/// One `<rule>`: a break rule, or an exception (`break="no"`).
///
/// ```
/// let r = excerpt_srx::Rule { is_break: false, before: r"\bDr\.".into(), after: r"\s".into(), line: 1 };
/// assert!(!r.is_break);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Rule {
    /// `break="yes"` (the default) or `break="no"`.
    pub is_break: bool,
    /// The `beforebreak` Java regex (may be empty).
    pub before: String,
    /// The `afterbreak` Java regex (may be empty).
    pub after: String,
    /// The line of the `<rule>` element in the file.
    pub line: usize,
}

/// One `<languagemap>`: a Java regex over language codes, and the rule it
/// selects.
///
/// ```
/// let m = excerpt_srx::LanguageMap { pattern: "en.*".into(), rule: 0, line: 9 };
/// assert_eq!(m.rule, 0);
/// ```
#[derive(Clone, Debug, Default)]
pub struct LanguageMap {
    /// `languagepattern`, matched against the whole code.
    pub pattern: String,
    /// Index into [`SrxDocument::language_rules`].
    pub rule: usize,
    /// The line of the element in the file.
    pub line: usize,
}

#[derive(PartialEq)]
enum Text {
    None,
    Before,
    After,
}

fn line_of(xml: &str, pos: u64) -> usize {
    let pos = (pos as usize).min(xml.len());
    xml.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn attr(e: &BytesStart, name: &str, line: usize) -> Result<Option<String>, SrxError> {
    for a in e.attributes() {
        let a = a.map_err(|err| SrxError::xml(line, err))?;
        if a.key.local_name().as_ref() == name.as_bytes() {
            let v = a.unescape_value().map_err(|err| SrxError::xml(line, err))?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

impl SrxDocument {
    /// Parses an SRX 2.0 document. Errors name the line.
    ///
    /// ```
    /// let err = excerpt_srx::SrxDocument::parse("<srx version=\"1.0\"/>").unwrap_err();
    /// assert!(err.to_string().contains("line 1"));
    /// ```
    pub fn parse(xml: &str) -> Result<SrxDocument, SrxError> {
        let mut doc = SrxDocument {
            cascade: true,
            ..Default::default()
        };
        let mut reader = NsReader::from_str(xml);
        reader.config_mut().trim_text(false);
        let mut stack: Vec<String> = Vec::new();
        let mut skip_depth = 0usize;
        let mut text = Text::None;
        let mut rule = Rule::default();
        let mut pending_maps: Vec<(String, String, usize)> = Vec::new();
        let mut seen_root = false;
        let (mut counted_to, mut counted_line) = (0usize, 1usize);
        loop {
            let pos = (reader.buffer_position() as usize).min(xml.len());
            counted_line += xml.as_bytes()[counted_to..pos]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            counted_to = pos;
            let line = counted_line;
            let (ns, event) = match reader.read_resolved_event() {
                Ok(x) => x,
                Err(e) => {
                    let at = line_of(xml, reader.error_position());
                    return Err(SrxError::xml(at, e));
                }
            };
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(event, Event::Empty(_));
                    if skip_depth > 0 {
                        skip_depth += usize::from(!empty);
                        continue;
                    }
                    let foreign = match &ns {
                        ResolveResult::Bound(n) => n.as_ref() != SRX20_NAMESPACE.as_bytes(),
                        ResolveResult::Unbound => false,
                        ResolveResult::Unknown(p) => {
                            return Err(SrxError::invalid(
                                line,
                                format!("unknown namespace prefix {}", String::from_utf8_lossy(p)),
                            ));
                        }
                    };
                    if foreign {
                        // Elements of a private namespace are ignored, with their content.
                        skip_depth = usize::from(!empty);
                        continue;
                    }
                    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                    let parent = stack.last().map(String::as_str);
                    let expected = match name.as_str() {
                        "srx" => parent.is_none() && !seen_root,
                        "header" | "body" => parent == Some("srx"),
                        "formathandle" => parent == Some("header"),
                        "languagerules" | "maprules" => parent == Some("body"),
                        "languagerule" => parent == Some("languagerules"),
                        "rule" => parent == Some("languagerule"),
                        "beforebreak" | "afterbreak" => parent == Some("rule"),
                        "languagemap" => parent == Some("maprules"),
                        _ => false,
                    };
                    if !expected {
                        return Err(SrxError::invalid(
                            line,
                            match parent {
                                Some(p) => format!("unexpected element <{name}> inside <{p}>"),
                                None => format!("the root element is <{name}>, not <srx>"),
                            },
                        ));
                    }
                    match name.as_str() {
                        "srx" => {
                            seen_root = true;
                            let version = attr(e, "version", line)?;
                            if version.as_deref() != Some("2.0") {
                                return Err(SrxError::invalid(
                                    line,
                                    format!(
                                        "SRX version {} is not supported (only 2.0)",
                                        version.as_deref().unwrap_or("(none)")
                                    ),
                                ));
                            }
                        }
                        "header" => {
                            doc.cascade = attr(e, "cascade", line)?.as_deref() == Some("yes");
                            doc.segment_subflows =
                                attr(e, "segmentsubflows", line)?.as_deref() != Some("no");
                        }
                        "languagerule" => {
                            let name = attr(e, "languagerulename", line)?.ok_or_else(|| {
                                SrxError::invalid(line, "<languagerule> without languagerulename")
                            })?;
                            doc.language_rules.push(LanguageRule {
                                name,
                                rules: Vec::new(),
                            });
                        }
                        "rule" => {
                            rule = Rule {
                                is_break: attr(e, "break", line)?.as_deref() != Some("no"),
                                line,
                                ..Default::default()
                            };
                            if empty {
                                doc.language_rules
                                    .last_mut()
                                    .unwrap()
                                    .rules
                                    .push(rule.clone());
                            }
                        }
                        "beforebreak" => text = Text::Before,
                        "afterbreak" => text = Text::After,
                        "languagemap" => {
                            let pattern = attr(e, "languagepattern", line)?;
                            let target = attr(e, "languagerulename", line)?;
                            match (pattern, target) {
                                (Some(p), Some(t)) => pending_maps.push((p, t, line)),
                                _ => {
                                    return Err(SrxError::invalid(
                                        line,
                                        "<languagemap> needs languagepattern and languagerulename",
                                    ));
                                }
                            }
                        }
                        _ => {}
                    }
                    if empty {
                        text = Text::None;
                    } else {
                        stack.push(name);
                    }
                }
                Event::End(_) => {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    let name = stack.pop().unwrap_or_default();
                    text = Text::None;
                    if name == "rule" {
                        doc.language_rules
                            .last_mut()
                            .unwrap()
                            .rules
                            .push(std::mem::take(&mut rule));
                    }
                }
                Event::Text(ref t) if skip_depth == 0 => {
                    let s = t.unescape().map_err(|e| SrxError::xml(line, e))?;
                    match text {
                        Text::Before => rule.before.push_str(&s),
                        Text::After => rule.after.push_str(&s),
                        Text::None if !s.trim().is_empty() => {
                            return Err(SrxError::invalid(
                                line,
                                format!("unexpected text {:?}", s.trim()),
                            ));
                        }
                        Text::None => {}
                    }
                }
                Event::CData(ref t) if skip_depth == 0 => {
                    let s = String::from_utf8_lossy(t.as_ref()).into_owned();
                    match text {
                        Text::Before => rule.before.push_str(&s),
                        Text::After => rule.after.push_str(&s),
                        Text::None => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if !seen_root {
            return Err(SrxError::invalid(
                line_of(xml, xml.len() as u64),
                "no <srx> element",
            ));
        }
        for (pattern, target, line) in pending_maps {
            let rule = doc
                .language_rules
                .iter()
                .position(|r| r.name == target)
                .ok_or_else(|| {
                    SrxError::invalid(
                        line,
                        format!("<languagemap> names an unknown languagerule {target:?}"),
                    )
                })?;
            doc.maps.push(LanguageMap {
                pattern,
                rule,
                line,
            });
        }
        Ok(doc)
    }
}
