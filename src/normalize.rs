//! Stage 1: a normalised view of the text.
//!
//! Every character is replaced by exactly one character, so the view has the same number of
//! code points as the original and a code-point offset in the view is the same offset in the
//! original: nothing needs mapping back. Quote marks, dashes, spaces and line ends are unified
//! so later stages compare against a handful of ASCII characters; what the original quote
//! glyph was (opening, closing or either) is kept in `QuoteMark` because it helps pairing.

/// Which way a quote glyph faces in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facing {
    Open,
    Close,
    /// Straight quotes (and ‟/‛-style marks) face either way.
    Either,
}

/// One quote glyph of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteMark {
    /// Byte offset in the normalised text (the glyph is one ASCII byte there).
    pub pos: usize,
    /// `"`-level (true) or `'`-level (false).
    pub double: bool,
    pub facing: Facing,
}

#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// Every quote glyph in text order, including apostrophes (`'` and `’`).
    pub marks: Vec<QuoteMark>,
}

/// Classify a quote glyph: (double-level, facing). `None` for other characters.
pub fn quote_glyph(c: char) -> Option<(bool, Facing)> {
    Some(match c {
        '"' | '\u{FF02}' => (true, Facing::Either),
        '\u{201C}' => (true, Facing::Open),   // “
        '\u{201D}' => (true, Facing::Close),  // ”
        '\u{201E}' => (true, Facing::Open),   // „
        '\u{201F}' => (true, Facing::Open),   // ‟
        '\u{00AB}' => (true, Facing::Open),   // «
        '\u{00BB}' => (true, Facing::Close),  // »
        '\u{2033}' => (true, Facing::Either), // ″ (often a mangled straight quote)
        '\'' => (false, Facing::Either),
        '\u{2018}' => (false, Facing::Open),  // ‘
        '\u{2019}' => (false, Facing::Close), // ’ (also the typographic apostrophe)
        '\u{201A}' => (false, Facing::Open),  // ‚
        '\u{201B}' => (false, Facing::Open),  // ‛
        '\u{2039}' => (false, Facing::Open),  // ‹
        '\u{203A}' => (false, Facing::Close), // ›
        '\u{2032}' | '`' | '\u{00B4}' => (false, Facing::Either),
        _ => return None,
    })
}

/// The one-character replacement of `c` in the normalised view.
fn unify(c: char, next: Option<char>) -> char {
    if let Some((double, _)) = quote_glyph(c) {
        return if double { '"' } else { '\'' };
    }
    match c {
        // CR before LF would otherwise double every line break; a lone CR is a line break.
        '\r' => {
            if next == Some('\n') {
                ' '
            } else {
                '\n'
            }
        }
        '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{000B}' | '\u{000C}' => '\n',
        '\t' | '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        // Zero-width characters and the soft hyphen: a space keeps the 1:1 mapping; the
        // tokenizer treats them as word-internal when letters surround them.
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => ' ',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{FE58}'
        | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2026}' => '.', // … (one char for one char; "..." handled by the segmenter too)
        c if c.is_control() && c != '\n' => ' ',
        c => c,
    }
}

/// An ASCII byte that `unify` keeps as it is and that is no quote glyph: printable ASCII
/// but `"`, `'` and `` ` ``, and the line feed.
const fn is_plain_ascii(b: u8) -> bool {
    matches!(b, b'\n' | b' '..=b'~') && !matches!(b, b'"' | b'\'' | b'`')
}

/// `is_plain_ascii` of every byte, for the runs: one load a byte instead of the tests.
const PLAIN_ASCII: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_plain_ascii(b as u8);
        b += 1;
    }
    table
};

pub fn normalize(original: &str) -> Normalized {
    let mut text = String::with_capacity(original.len());
    let mut marks = Vec::new();
    let bytes = original.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Runs of plain ASCII (most of any text) are copied whole, not char by char.
        let run = bytes[i..].iter().take_while(|&&b| PLAIN_ASCII[usize::from(b)]).count();
        if run > 0 {
            text.push_str(&original[i..i + run]);
            i += run;
            continue;
        }
        let c = original[i..].chars().next().unwrap_or_default();
        let after = i + c.len_utf8();
        let u = unify(c, original[after..].chars().next());
        if let Some((double, facing)) = quote_glyph(c) {
            marks.push(QuoteMark { pos: text.len(), double, facing });
        }
        text.push(u);
        i = after;
    }
    Normalized { text, marks }
}

/// True when the text looks like binary data rather than prose: many control or
/// replacement characters.
pub fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(20_000) {
        total += 1;
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
            bad += 1;
        }
    }
    total > 0 && bad * 10 > total
}

/// Byte offset → code-point offset table for one text, for the final tables.
pub struct CharIndex {
    /// `starts[i]` = byte offset of char i; plus the total length at the end.
    starts: Vec<u32>,
    ascii: bool,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex { starts: Vec::new(), ascii: true };
        }
        let mut starts: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
        starts.push(text.len() as u32);
        CharIndex { starts, ascii: false }
    }
    /// Code-point offset of a byte offset that lies on a char boundary.
    pub fn char_of(&self, byte: usize) -> u32 {
        if self.ascii {
            return byte as u32;
        }
        match self.starts.binary_search(&(byte as u32)) {
            Ok(i) => i as u32,
            Err(i) => i as u32, // not on a boundary: round up (never happens for our spans)
        }
    }
}

/// Turns byte spans of the normalised text into code-point offsets and slices of the
/// original text (the two have the same characters one for one, not the same bytes).
pub struct SpanMapper<'a> {
    norm: CharIndex,
    original: &'a str,
    orig: CharIndex,
}

impl<'a> SpanMapper<'a> {
    pub fn new(normalised: &str, original: &'a str) -> Self {
        SpanMapper { norm: CharIndex::new(normalised), original, orig: CharIndex::new(original) }
    }
    /// Code-point offsets of a byte span of the normalised text.
    pub fn chars(&self, start: usize, end: usize) -> (u32, u32) {
        (self.norm.char_of(start), self.norm.char_of(end))
    }
    /// The original text of a byte span of the normalised text.
    pub fn original(&self, start: usize, end: usize) -> &'a str {
        let (s, e) = self.chars(start, end);
        let (bs, be) = (self.orig.byte_of(s), self.orig.byte_of(e));
        self.original.get(bs..be).unwrap_or("")
    }
}

impl CharIndex {
    /// Byte offset of code-point offset `ch` (clamped to the end).
    pub fn byte_of(&self, ch: u32) -> usize {
        if self.ascii {
            return ch as usize;
        }
        let i = (ch as usize).min(self.starts.len().saturating_sub(1));
        self.starts.get(i).copied().unwrap_or(0) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_runs_unify_as_every_character_does() {
        // Every ASCII character and a few others, between letters and before "\n": the
        // copied runs of plain ASCII give what `unify` and `quote_glyph` give char by char.
        let mut chars: Vec<char> = (0u8..128).map(char::from).collect();
        chars.extend(['\u{00A0}', '\u{2019}', '\u{201C}', '\u{2014}', '\u{2026}', 'é', '\u{200B}']);
        for c in chars {
            for next in ['b', '\n'] {
                let text = format!("a{c}{next}");
                let n = normalize(&text);
                assert_eq!(n.text, format!("a{}{next}", unify(c, Some(next))), "{c:?}");
                let mark = quote_glyph(c).map(|(double, facing)| QuoteMark { pos: 1, double, facing });
                assert_eq!(n.marks, mark.into_iter().collect::<Vec<_>>(), "{c:?}");
            }
        }
    }

    #[test]
    fn one_char_for_one_char() {
        let s = "“Kyiv”\u{00A0}— it’s «here»\r\n‘x’ 🇺🇦 e\u{301}";
        let n = normalize(s);
        assert_eq!(n.text.chars().count(), s.chars().count());
        assert_eq!(n.text, "\"Kyiv\" - it's \"here\" \n'x' 🇺🇦 e\u{301}");
    }

    #[test]
    fn marks_keep_their_facing() {
        let n = normalize("“a” 'b' «c»");
        let f: Vec<_> = n.marks.iter().map(|m| (m.double, m.facing)).collect();
        assert_eq!(
            f,
            vec![
                (true, Facing::Open),
                (true, Facing::Close),
                (false, Facing::Either),
                (false, Facing::Either),
                (true, Facing::Open),
                (true, Facing::Close)
            ]
        );
        assert_eq!(&n.text[n.marks[4].pos..n.marks[4].pos + 1], "\"");
    }

    #[test]
    fn char_index_maps_bytes_to_code_points() {
        let t = "é“a” 🇺🇦b";
        let n = normalize(t);
        let idx = CharIndex::new(&n.text);
        let b = n.text.find('b').unwrap();
        assert_eq!(idx.char_of(b) as usize, t.chars().position(|c| c == 'b').unwrap());
        assert_eq!(idx.char_of(n.text.len()) as usize, t.chars().count());
    }

    #[test]
    fn span_mapper_slices_the_original() {
        let orig = "“Kyiv” — é 🇺🇦 ‘x’";
        let n = normalize(orig);
        let m = SpanMapper::new(&n.text, orig);
        let b = n.text.find("Kyiv").unwrap();
        assert_eq!(m.original(b - 1, b + 5), "“Kyiv”");
        let x = n.text.find('x').unwrap();
        assert_eq!(m.original(x - 1, x + 2), "‘x’");
        assert_eq!(
            m.chars(x, x + 1),
            (
                orig.chars().position(|c| c == 'x').unwrap() as u32,
                orig.chars().position(|c| c == 'x').unwrap() as u32 + 1
            )
        );
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary("\u{0}\u{1}\u{2}abc\u{3}\u{4}"));
        assert!(!looks_binary("An ordinary sentence.\n"));
    }
}
