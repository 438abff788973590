//! Sentence shapes: whether a block reads as prose (it ends as a sentence
//! ends, in any script) or as a label (a byline, a date, "Read more",
//! "Related:"), and trimming labels off the edges of the content and calls
//! to action ("Follow us on ...", "Subscribe for the full story") off its
//! end.

/// Characters that end a sentence, in the scripts excerpt segments
/// (Latin, Greek, Cyrillic, Arabic, Devanagari, Ethiopic, Myanmar, Khmer,
/// CJK full-width forms, ...).
const TERMINATORS: &[char] = &[
    '.', '．', '…', '?', '⁇', '؟', '!', '‼', '‽', '⁈', '⁉', '。', '｡', '！', '？', '।', '॥', '።',
    '፧', '။', '។', '۔', '։',
];

/// Characters that may follow the terminator (quotes, brackets).
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '»'
            | '«'
            | '”'
            | '“'
            | '’'
            | '‘'
            | ')'
            | ']'
            | '）'
            | '」'
            | '』'
            | '›'
            | '‹'
    )
}

/// Whether `text` ends as a sentence ends (after closing quotes and
/// brackets).
pub(crate) fn ends_as_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(is_closer)
        .ends_with(TERMINATORS)
}

/// Whether `text` reads as prose: a sentence of at least five words (or
/// fifteen characters of a script written without spaces), or a long run
/// of text whatever its end.
pub(crate) fn is_prose(text: &str) -> bool {
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    if chars >= 150 {
        return true;
    }
    let words = text.split_whitespace().count();
    let unspaced = text.chars().filter(|&c| is_unspaced(c)).count();
    ends_as_sentence(text) && (words >= 5 || unspaced >= 15)
}

/// Letters of scripts written without spaces between words.
fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F
        | 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// Labels at the edges shorter than this (characters) are trimmed.
const LABEL_CHARS: usize = 80;

/// Which of the content's paragraphs (text, whether a heading) to keep:
/// captions and picture credits anywhere are dropped (see [`is_caption`]),
/// and so are datelines before the body's second prose paragraph (see
/// [`is_dateline`]);
/// short labels after the last prose paragraph (a "Related:" heading, a
/// byline, tags, a date) and short labels other than headings before the
/// first (a date, "Updated:", a kicker) are trimmed, and so are up to
/// three calls to action at the end ("Follow us on ...", a subscription
/// pitch, a copyright line).
pub(crate) fn keep(paragraphs: &[(&str, bool)]) -> Vec<bool> {
    let prose: Vec<bool> = paragraphs.iter().map(|(t, _)| is_prose(t)).collect();
    let (Some(first), Some(last)) = (
        prose.iter().position(|&p| p),
        prose.iter().rposition(|&p| p),
    ) else {
        return vec![true; paragraphs.len()];
    };
    let mut keep: Vec<bool> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, (text, heading))| {
            let label = text.chars().count() < LABEL_CHARS;
            !(label && (i > last || (i < first && !heading)))
        })
        .collect();
    // Datelines sit before the story's body: after the headline and a lead
    // perhaps, before the second prose paragraph; alone, for several in a
    // row are a schedule.
    let body = prose
        .iter()
        .enumerate()
        .filter(|(_, p)| **p)
        .nth(1)
        .map_or(paragraphs.len(), |(i, _)| i);
    let dateline: Vec<bool> = paragraphs
        .iter()
        .zip(&prose)
        .map(|((text, heading), prose)| !heading && !prose && is_dateline(text))
        .collect();
    let alone = |i: usize| {
        let before = i > 0 && dateline[i - 1];
        let after = dateline.get(i + 1).copied().unwrap_or(false);
        !before && !after
    };
    for (i, (k, (text, heading))) in keep.iter_mut().zip(paragraphs).enumerate() {
        if !heading && (is_caption(text) || (i < body && dateline[i] && alone(i))) {
            *k = false;
        }
    }
    // Calls to action at the end: "Follow us on ...", "Subscribe for the
    // full story", a copyright line, "Get our app".
    let mut seen = 0;
    for i in (0..paragraphs.len()).rev() {
        if !keep[i] {
            continue;
        }
        if seen == MAX_TAIL_CALLS || i <= first || !is_call_to_action(paragraphs[i].0) {
            break;
        }
        keep[i] = false;
        seen += 1;
    }
    keep
}

/// At most this many calls to action are trimmed off the end.
const MAX_TAIL_CALLS: usize = 3;

/// Words that name a channel a page points its readers to: social networks,
/// messengers, app stores.
const CHANNELS: &[&str] = &[
    "facebook",
    "twitter",
    "instagram",
    "whatsapp",
    "telegram",
    "youtube",
    "tiktok",
    "linkedin",
    "app",
    "apps",
    "ios",
    "android",
];

/// Word beginnings of subscriptions and newsletters (English, German,
/// French, Spanish, Italian, Polish, ...).
const SUBSCRIBE: &[&str] = &[
    "subscri",
    "abonn",
    "suscri",
    "subskryp",
    "prenumer",
    "newsletter",
];

/// Phrases of copyright lines, lower-cased.
const RESERVED: &[&str] = &[
    "copyright",
    "rights reserved",
    "rechte vorbehalten",
    "droits réservés",
    "derechos reservados",
    "diritti riservati",
    "prawa zastrzeżone",
];

/// Calls to action are shorter than this (characters): a longer paragraph
/// that names an app or a subscription is telling a story about them.
const CALL_CHARS: usize = 300;

/// Whether `text` points the reader elsewhere rather than telling the
/// story: a short paragraph that is a copyright line, or names a
/// subscription or newsletter, an e-mail address, or two channels (social
/// networks, messengers, apps, app stores; one alone is often news), or a
/// label-length question to the reader ("Was this article helpful?",
/// "Share this story?").
pub(crate) fn is_call_to_action(text: &str) -> bool {
    if text.chars().count() >= CALL_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    if lower.contains('©') || RESERVED.iter().any(|p| lower.contains(p)) {
        return true;
    }
    if text.chars().count() < LABEL_CHARS && text.contains(['?', '？']) {
        return true;
    }
    let email = |token: &str| {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        token
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
    };
    if lower.split_whitespace().any(email) {
        return true;
    }
    let mut channels = 0;
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        if SUBSCRIBE.iter().any(|s| word.starts_with(s)) {
            return true;
        }
        if CHANNELS.contains(&word) {
            channels += 1;
        }
    }
    channels >= 2
}

/// Whether `text` is a short label with a date or a clock time in it
/// ("Updated: 11.04.2020, 10:27", "3 May 2021, 19:49 | J. Miller"): the
/// story's dateline or byline when it stands before the body.
pub(crate) fn is_dateline(text: &str) -> bool {
    text.chars().count() < LABEL_CHARS && has_date_or_time(text)
}

/// Whether `text` holds a numeric date (`11.04.2020`, `2020-04-11`) or a
/// clock time (`10:27`).
fn has_date_or_time(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    // The run of ASCII digits at `i`, if `i` starts one.
    let digits = |i: usize| chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let first = digits(i);
        let after = i + first;
        let sep = chars.get(after).copied();
        let second = if sep.is_some() && after + 1 < chars.len() {
            digits(after + 1)
        } else {
            0
        };
        let end = after + 1 + second;
        let next = chars.get(end).copied();
        let third = if next == sep && end + 1 < chars.len() {
            digits(end + 1)
        } else {
            0
        };
        let found = match sep {
            Some(':') => (1..=2).contains(&first) && second == 2,
            Some('.') => {
                (1..=2).contains(&first) && (1..=2).contains(&second) && (third == 2 || third == 4)
            }
            Some('-') => first == 4 && second == 2 && third == 2,
            _ => false,
        };
        if found {
            return true;
        }
        i = after.max(i + 1);
    }
    false
}

/// Words that open a picture's caption before a colon ("Abbildung 4:",
/// "Fig. 2:", "Foto:"), lower-cased.
const FIGURE_WORDS: &[&str] = &[
    "abbildung",
    "abb",
    "figure",
    "fig",
    "bild",
    "beitragsbild",
    "titelbild",
    "foto",
    "fotos",
    "photo",
    "photos",
    "grafik",
    "illustration",
    "image",
];

/// Whether `text` is a picture's caption or credit standing among the
/// paragraphs: a short paragraph with a `©` credit, or one that opens
/// with a figure word, a number perhaps, and a colon.
pub(crate) fn is_caption(text: &str) -> bool {
    if text.chars().count() >= CALL_CHARS {
        return false;
    }
    if text.contains('©') {
        return true;
    }
    let Some((head, _)) = text.split_once(':') else {
        return false;
    };
    let mut words = head.split_whitespace();
    let first = words
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_lowercase();
    FIGURE_WORDS.contains(&first.as_str())
        && words.all(|w| {
            w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_in_several_scripts_are_prose() {
        assert!(is_prose("The dam broke at dawn, said the mayor."));
        assert!(is_prose(
            "«Es ist höchste Zeit», sagte sie gestern in Berlin."
        ));
        assert!(is_prose(
            "法律では虐待をした親に専門家が子どもの育て方を教えます。"
        ));
        assert!(is_prose("Did the water reach the town by noon?\u{201d}"));
    }

    #[test]
    fn labels_bylines_and_dates_are_not() {
        assert!(!is_prose("You might also like:"));
        assert!(!is_prose("Mark Lavin"));
        assert!(!is_prose("03.04.2020"));
        assert!(!is_prose("Read more."));
    }

    #[test]
    fn labels_at_the_edges_are_trimmed() {
        let paras = [
            ("Updated: 3 May", false),
            ("Dam breaks", true),
            ("The dam broke at dawn, said the mayor.", false),
            ("Water", true),
            ("Nobody was hurt, the police said later.", false),
            ("Related stories", true),
            ("Mark Lavin", false),
        ];
        assert_eq!(keep(&paras), [false, true, true, true, true, false, false]);
        assert_eq!(keep(&[("Home", false), ("About", false)]), [true, true]);
    }

    #[test]
    fn calls_to_action_are_short_and_point_elsewhere() {
        assert!(is_call_to_action(
            "Follow the Valley Courier on Twitter and Instagram for the latest updates."
        ));
        assert!(is_call_to_action(
            "Subscribe to our weekly edition to read the whole story."
        ));
        assert!(is_call_to_action(
            "Abonnieren Sie unseren Newsletter, jeden Freitag neu."
        ));
        assert!(is_call_to_action(
            "Tips for the editors? Write to desk@valley-courier.example."
        ));
        assert!(is_call_to_action(
            "© 2031 Valley Courier. All rights reserved."
        ));
        assert!(is_call_to_action("Was this article helpful? (12 votes)"));
        assert!(is_call_to_action("Fancy a walk with company?"));
        // One channel named in the story is news, not a call to action.
        assert!(!is_call_to_action(
            "The mayor announced the closure on Facebook late on Sunday evening."
        ));
        // A long paragraph about an app tells a story about it.
        let long = format!(
            "The town's new parking app, available for Android and iOS, {}",
            "was downloaded by many drivers, the council said, and complaints fell. ".repeat(4)
        );
        assert!(!is_call_to_action(&long));
    }

    #[test]
    fn calls_to_action_at_the_end_are_trimmed() {
        let paras = [
            (
                "The dam broke at dawn, said the mayor, and the water rose.",
                false,
            ),
            ("Nobody was hurt, the police said later on Tuesday.", false),
            (
                "Follow us on Facebook and Twitter for live updates from the valley.",
                false,
            ),
            (
                "Subscribe now to our print edition for the full story.",
                false,
            ),
        ];
        assert_eq!(keep(&paras), [true, true, false, false]);
        // Only at the end: the same words before the story's last paragraph stay.
        let paras = [
            (
                "The dam broke at dawn, said the mayor, and the water rose.",
                false,
            ),
            (
                "Subscribe now to our print edition for the full story.",
                false,
            ),
            ("Nobody was hurt, the police said later on Tuesday.", false),
        ];
        assert_eq!(keep(&paras), [true, true, true]);
    }

    #[test]
    fn captions_and_credits_are_not_paragraphs() {
        assert!(is_caption("The old dam in 1931. © Town archive"));
        assert!(is_caption("Abbildung 3: Der Damm nach dem Bruch"));
        assert!(is_caption(
            "Fig. 2: Water levels in the valley, May to June"
        ));
        assert!(is_caption("Foto: Town archive / J. Miller"));
        // A sentence with a colon, and a long paragraph, are prose.
        assert!(!is_caption("The mayor said: nobody was hurt."));
        assert!(!is_caption(
            "Figures from May: the water rose by two metres."
        ));
        let paras = [
            (
                "The dam broke at dawn, said the mayor, and the water rose.",
                false,
            ),
            ("Abbildung 1: Der Damm am Morgen", false),
            ("Nobody was hurt, the police said later on Tuesday.", false),
        ];
        assert_eq!(keep(&paras), [true, false, true]);
    }

    #[test]
    fn datelines_before_the_body_are_dropped() {
        assert!(is_dateline("Updated: 11.04.2031, 10:27"));
        assert!(is_dateline("Published 2031-04-11 by J. Miller"));
        assert!(is_dateline("11 April 2031, 19:49 | J. Miller"));
        assert!(!is_dateline("Section 4.2 of the rules"));
        assert!(!is_dateline("J. Miller, Town News"));
        let paras = [
            (
                "The dam broke at dawn, and the valley was flooded by noon.",
                false,
            ),
            ("Updated: 11.04.2031, 10:27", false),
            ("Nobody was hurt, the police said later on Tuesday.", false),
            ("Kick-off: 19:30", false),
            ("The match was moved to Sunday, the club said.", false),
        ];
        // After the body has begun, a label with a time is the story's.
        assert_eq!(keep(&paras), [true, false, true, true, true]);
        // Several in a row are a schedule.
        let paras = [
            (
                "The club invites everyone to its summer party on the sports ground.",
                false,
            ),
            ("14:00 – Welcome", false),
            ("15:30 – The children's gymnastics group", false),
            (
                "Please sign up by 20 June, and bring a cake if you can.",
                false,
            ),
        ];
        assert_eq!(keep(&paras), [true, true, true, true]);
    }
}
