//! Slugs and name hashes: how every entity id is minted from a name.

use super::fold_char;

/// A slug for entity ids: lowercase ASCII letters and digits joined by hyphens. Every id
/// slug in the crate comes from here.
///
/// - Latin text: accents folded (`Dnipró (city)` → `dnipro-city`).
/// - Cyrillic is transliterated first ([`crate::translit`]: `Шойгу` → `shoygu`).
/// - Nothing spellable left (Arabic, Chinese, emoji, punctuation only): `u` and the
///   [`name_hash`] of the text, so the slug is never empty and two names differ.
/// - Some letters of another script or emoji left beside Latin ones (`Ali علي`): the
///   Latin slug, `-u` and the hash, so `Ali علي` and `Ali حسن` stay apart.
pub fn slug(s: &str) -> String {
    let latin = if s.is_ascii() { None } else { crate::translit::to_latin(s) };
    let text = latin.as_deref().unwrap_or(s);
    let base = ascii_slug(text);
    if base.is_empty() {
        format!("u{:016x}", name_hash(s))
    } else if text.chars().any(|c| c.is_alphanumeric() && !is_latin_script(c) || is_pictograph(c)) {
        format!("{base}-u{:016x}", name_hash(s))
    } else {
        base
    }
}

/// The Latin part of a slug: letters and digits after accent folding, the rest hyphens.
fn ascii_slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = fold_char(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Latin letters (Basic Latin to Latin Extended-B, IPA, Latin Extended Additional/C/D/E,
/// fullwidth): those `slug` spells or drops as Latin text always has.
fn is_latin_script(c: char) -> bool {
    matches!(c, '\0'..='\u{02AF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}' | '\u{AB30}'..='\u{AB6F}' | '\u{FF01}'..='\u{FF5E}')
}

/// Emoji and pictographic symbols (a name may be nothing else).
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}')
}

/// A stable 64-bit hash of a name: FNV-1a over the UTF-8 bytes of the text lowercased,
/// trimmed and with whitespace runs as one space (fixed constants: the same on every run,
/// platform and Rust version, unlike `DefaultHasher`). Not a full Unicode normalisation:
/// composed and decomposed spellings of a letter outside Latin and Cyrillic hash apart.
pub fn name_hash(s: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    let mut feed = |c: char| {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    };
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            feed(' ');
        }
        w.chars().flat_map(char::to_lowercase).for_each(&mut feed);
    }
    h
}
