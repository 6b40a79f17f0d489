//! Before the pipeline: what kind of text is this? Its language, and whether it carries
//! HTML markup.
//!
//! newsframe's rules are written for English. A text in another language still gets its
//! `documents` row (with `language` and a `not-english: xx` warning) so that a user sees it
//! rather than wondering why it has no rows.
//!
//! - **English fast path**: most input is English news, so the detector is asked only when
//!   the text's frequent function words ("the", "of", "said", ...) are too rare for English.
//!   That keeps detection off the hot path (one pass over the first 2,000 bytes).
//! - **Other languages**: `whatlang` (trigram profiles, MIT) on the first 2,000 bytes, its
//!   ISO 639-3 code mapped to ISO 639-1 through `data/languages.tsv`. Only a *reliable*
//!   non-English verdict raises `not-english` (a headline of three names is not evidence);
//!   five words in a script other than Latin are reliable enough.
//! - **HTML**: tags (`<p>`, `</div>`, `<br/>`) and character entities (`&ldquo;`, `&#8217;`)
//!   counted over the first 20,000 bytes; two or more raise `html: ...`. Reading HTML pages
//!   properly is the input layer's job; this is the warning that something slipped through.

use crate::lexicon::Resources;

/// How much of a text the checks read: the start says what the text is.
const SAMPLE_BYTES: usize = 2_000;
const HTML_SAMPLE_BYTES: usize = 20_000;
/// Share of function words among the sample's words above which a text is English:
/// English news runs at 0.35–0.45, other Latin-script languages below 0.05.
const ENGLISH_FUNCTION_SHARE: f64 = 0.15;

/// The first `max` bytes of `text`, cut on a char boundary.
fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Share of the sample's words that are English function words, with the word count.
fn function_word_share(text: &str, res: &Resources) -> (f64, usize) {
    let mut words = 0usize;
    let mut hits = 0usize;
    let mut buf = String::new();
    for w in text.split(|c: char| !c.is_alphabetic() && c != '\'').filter(|w| !w.is_empty()) {
        words += 1;
        buf.clear();
        if w.is_ascii() {
            // (nearly every word: one copy, lowercased in place)
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(w.chars().flat_map(char::to_lowercase));
        }
        if res.function_words_en.contains(buf.as_str()) {
            hits += 1;
        }
    }
    (if words == 0 { 0.0 } else { hits as f64 / words as f64 }, words)
}

/// The language of `text`: its ISO 639-1 code and whether the verdict is reliable.
/// `None` when nothing can be said (no letters, or a script the detector does not know).
pub fn detect(text: &str, res: &Resources) -> Option<(String, bool)> {
    let head = sample(text, SAMPLE_BYTES);
    let (share, words) = function_word_share(head, res);
    if share >= ENGLISH_FUNCTION_SHARE {
        return Some(("en".to_string(), words >= 8));
    }
    let info = whatlang::detect(head)?;
    let code = res.language_codes.get(info.lang().code())?;
    // Between close languages of one script (Russian, Ukrainian, Bulgarian) the detector
    // may hesitate, but a text not in Latin script is not English whichever it is.
    let certain = info.is_reliable() || (info.script() != whatlang::Script::Latin && words >= 5);
    Some((code.clone(), certain))
}

/// The language code to warn about: a reliable verdict other than English.
pub fn non_english(detected: &Option<(String, bool)>) -> Option<&str> {
    match detected {
        Some((code, true)) if code != "en" => Some(code.as_str()),
        _ => None,
    }
}

/// A description of the HTML markup in `text`, when there is enough to mention.
pub fn html_markup(text: &str) -> Option<String> {
    let head = sample(text, HTML_SAMPLE_BYTES);
    let bytes = head.as_bytes();
    // (a search for each mark skips the text between them, not a test at every byte)
    let tags = head.match_indices('<').filter(|&(i, _)| looks_like_tag(&bytes[i + 1..])).count();
    let entities = head.match_indices('&').filter(|&(i, _)| looks_like_entity(&bytes[i + 1..])).count();
    (tags + entities >= 2).then(|| format!("{tags} tags and {entities} character entities; the text was not cleaned"))
}

/// `p>`, `/div>`, `br/>`, `a href="...">`: a tag name of ASCII letters and digits, then
/// attributes or the closing `>` within a short distance.
fn looks_like_tag(rest: &[u8]) -> bool {
    let rest = rest.strip_prefix(b"/").unwrap_or(rest);
    let name = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    if name == 0 || !rest[0].is_ascii_alphabetic() || name > 10 {
        return false;
    }
    match rest.get(name) {
        Some(b'>') => true,
        Some(b'/') => rest.get(name + 1) == Some(&b'>'),
        Some(b' ') => {
            rest[name..].iter().take(200).any(|&b| b == b'>') && rest[name..].iter().take(200).any(|&b| b == b'=')
        }
        _ => false,
    }
}

/// `amp;`, `ldquo;`, `#8217;`, `#x201C;`.
fn looks_like_entity(rest: &[u8]) -> bool {
    let body = match rest.first() {
        Some(b'#') => &rest[1..],
        _ => rest,
    };
    let n = body.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    (2..=8).contains(&n) && body.get(n) == Some(&b';')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(text: &str) -> Option<(String, bool)> {
        detect(text, &Resources::shared())
    }

    #[test]
    fn english_news_takes_the_fast_path() {
        let t = "Shelling hit the centre of the town on Tuesday, and the governor said that two people were hurt.";
        assert_eq!(lang(t), Some(("en".to_string(), true)));
    }

    #[test]
    fn other_languages_are_named() {
        let cases = [
            ("Олег Синегубов заявив, що внаслідок обстрілу міста постраждали двоє людей, серед них дитина.", "uk"),
            ("Владимир Зеленский заявил, что в результате обстрела города пострадали два человека.", "ru"),
            (
                "Le gouverneur de la région a déclaré que deux personnes avaient été blessées lors des bombardements.",
                "fr",
            ),
            ("Der Gouverneur der Region sagte, dass bei dem Beschuss der Stadt zwei Menschen verletzt wurden.", "de"),
        ];
        for (text, code) in cases {
            let got = lang(text);
            assert_eq!(non_english(&got), Some(code), "{text}");
        }
    }

    #[test]
    fn short_or_letterless_text_raises_no_warning() {
        for t in ["Kyiv", "Zelensky in Bakhmut", "12 345 !!!", "🇺🇦🇺🇦", ""] {
            assert_eq!(non_english(&lang(t)), None, "{t:?}");
        }
    }

    #[test]
    fn html_markup_is_noticed() {
        assert!(html_markup("<p>Shelling hit the town.</p><p>Two were hurt.</p>").is_some());
        assert!(html_markup("He said &ldquo;no&rdquo; twice.").is_some());
        assert!(html_markup("<a href=\"/x\">link</a> and &#8217;").is_some());
        // Comparisons and ampersands in prose are not markup.
        for t in ["Casualties were < 5 and > 2, AT&T said.", "R&D spending; x<y", "a < b > c", "Tom & Jerry; me"] {
            assert_eq!(html_markup(t), None, "{t}");
        }
    }

    #[test]
    fn samples_cut_on_char_boundaries() {
        let t = "é".repeat(3_000);
        assert_eq!(sample(&t, SAMPLE_BYTES).len(), SAMPLE_BYTES);
        assert_eq!(sample("aé", 2), "a");
        lang(&t); // no panic on a cut inside a character
    }
}
