//! Cyrillic → Latin for names: the Latin canonical name and the id slug of a name written
//! in Cyrillic.
//!
//! The letter tables are data (`data/cyrillic.tsv`, loaded once by
//! [`crate::lexicon::cyrillic`]); this module only applies them:
//!
//! - **Ukrainian** words follow Ukraine's national romanisation (Cabinet of Ministers
//!   resolution No. 55, 2010): г → h, и → y, і → i, є/ї/й/ю/я → ye/yi/y/yu/ya at the start
//!   of a word and ie/i/i/iu/ia elsewhere, зг → zgh, ь and the apostrophe dropped.
//! - **Russian** words follow BGN/PCGN: г → g, и → i, й → y, ы → y, э → e, е → ye at the start
//!   of a word and after a vowel, й, ъ or ь, else e. Choices: ъ and ь are dropped (as English
//!   media and ids do, instead of BGN/PCGN's ” and ’); ё is spelt like е but with `yo` for
//!   `ye` (Russian print mostly writes ё as е, so Горбачёв and Горбачев both give Gorbachev).
//!
//! **Which language.** Each word is read by its own telling letters (the `only` column of
//! the table): і ї є ґ, the apostrophe between letters and the soft-sign clusters ськ цьк
//! зьк (-ський, -цький: Russian writes -ский, -цкий) make it Ukrainian; ы э ё ъ Russian. A word with neither (Олег, Синегубов, Шойгу) takes the
//! language of the other words of the same name ("Олег Синєгубов" is Ukrainian throughout),
//! and a name with no telling letter at all takes the caller's default. The default is
//! **Russian** ([`DEFAULT_LANG`]): і is among the most frequent Ukrainian letters, so
//! Ukrainian spelling nearly always shows one of them in the name or in the text around it
//! (resolve passes the document's language when the document tells), while a bare
//! Cyrillic name in an English article is mostly quoted from a Russian source — and a
//! Ukrainian name respelt in Russian ("Синегубов" for Синєгубов) has lost its telling
//! letters precisely because it *is* the Russian spelling.
//!
//! **Case.** Capitals are kept: a capital letter gives a capitalised Latin group
//! (Щербаков → Shcherbakov), a word in capitals stays in capitals (ШОЙГУ → SHOYGU).
//!
//! **Everything else** passes through unchanged: Latin letters, digits, punctuation, letters
//! of other scripts (Arabic, Chinese, ...) and Cyrillic letters the table does not list
//! (Belarusian ў, Serbian ј). Decomposed й ё ї (letter + combining breve/diaeresis) are
//! composed first, and stress accents on Cyrillic letters are dropped.
//!
//! ```text
//! Зеленський      → Zelenskyi        (-ськ- is Ukrainian: ь dropped, й → i inside a word)
//! Юлія            → Yuliia           (і: Ukrainian; ю initial, я not)
//! Згурівка        → Zghurivka        (зг → zgh)
//! Олег Синєгубов  → Oleh Syniehubov  (є makes the whole name Ukrainian)
//! Олег Синегубов  → Oleg Sinegubov   (no telling letter: the default, Russian)
//! Сергей Шойгу    → Sergey Shoygu
//! Васильев        → Vasilyev         (е after ь → ye)
//! Horlivka (Горлівка) → Horlivka (Horlivka)
//! ```

use crate::lexicon::{DataFile, FxHashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Uk,
    Ru,
}

/// The reading of a Cyrillic name with no letter that tells its language.
pub const DEFAULT_LANG: Lang = Lang::Ru;

impl Lang {
    pub fn other(self) -> Lang {
        match self {
            Lang::Uk => Lang::Ru,
            Lang::Ru => Lang::Uk,
        }
    }
}

/// Russian letters after which е/ё are written with their initial form (ye/yo).
const RU_AFTER_VOWEL: &str = "аеёиоуыэюяйъьєії";

/// One row of `data/cyrillic.tsv`.
#[derive(Debug, Clone)]
struct Spelling {
    only: Option<Lang>,
    /// [initial, other]
    uk: [String; 2],
    ru: [String; 2],
}

impl Spelling {
    fn form(&self, lang: Lang, initial: bool) -> &str {
        let pair = match lang {
            Lang::Uk => &self.uk,
            Lang::Ru => &self.ru,
        };
        &pair[usize::from(!initial)]
    }
}

/// The romanisation table: lowercase Cyrillic keys (letters, letter pairs, apostrophes).
#[derive(Debug, Clone, Default)]
pub struct Table {
    rows: FxHashMap<String, Spelling>,
    /// Longest key, in chars.
    longest: usize,
}

pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Compose й ё ї ў written as letter + combining mark; drop stress accents after Cyrillic.
fn compose(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        let prev = out.last().copied();
        let composed = match (prev, c) {
            (Some('и'), '\u{0306}') => Some('й'),
            (Some('И'), '\u{0306}') => Some('Й'),
            (Some('у'), '\u{0306}') => Some('ў'),
            (Some('У'), '\u{0306}') => Some('Ў'),
            (Some('е'), '\u{0308}') => Some('ё'),
            (Some('Е'), '\u{0308}') => Some('Ё'),
            (Some('і'), '\u{0308}') => Some('ї'),
            (Some('І'), '\u{0308}') => Some('Ї'),
            _ => None,
        };
        if let Some(k) = composed {
            out.pop();
            out.push(k);
        } else if matches!(c, '\u{0300}' | '\u{0301}') && prev.is_some_and(is_cyrillic) {
            // stress mark: Влади́мир
        } else {
            out.push(c);
        }
    }
    out
}

impl Table {
    /// Read `data/cyrillic.tsv`: `letter only uk_initial uk_other ru_initial ru_other`.
    pub fn load(file: DataFile) -> Table {
        let mut rows = FxHashMap::default();
        let mut longest = 0;
        let columns = ["letter", "only", "uk_initial", "uk_other", "ru_initial", "ru_other"];
        for [letter, only, uk_initial, uk_other, ru_initial, ru_other] in file.rows(columns) {
            let key: String = letter.chars().map(lower).collect();
            if key.is_empty() {
                continue;
            }
            let only = match only {
                "uk" => Some(Lang::Uk),
                "ru" => Some(Lang::Ru),
                "" => None,
                _ => panic!("data/{}: only {only:?} of {letter:?} is neither uk nor ru", file.name),
            };
            longest = longest.max(key.chars().count());
            let s = |x: &str| x.to_string();
            rows.insert(key, Spelling { only, uk: [s(uk_initial), s(uk_other)], ru: [s(ru_initial), s(ru_other)] });
        }
        Table { rows, longest }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn letter(&self, c: char) -> Option<&Spelling> {
        if !is_cyrillic(c) {
            return None;
        }
        let mut buf = [0u8; 4];
        self.rows.get(lower(c).encode_utf8(&mut buf) as &str)
    }

    /// Does the text hold a Cyrillic letter this table spells?
    pub fn has_cyrillic(&self, text: &str) -> bool {
        text.chars().any(|c| self.letter(c).is_some())
    }

    /// The table row spelling `chars[j..]`: the longest key there. An apostrophe is a key
    /// only between two Cyrillic letters (O'Brien keeps its).
    fn unit(&self, chars: &[char], j: usize) -> Option<(usize, &Spelling)> {
        let c = chars[j];
        let between_cyrillic = j > 0 && is_cyrillic(chars[j - 1]) && chars.get(j + 1).is_some_and(|&n| is_cyrillic(n));
        if !is_cyrillic(c) && !between_cyrillic {
            return None;
        }
        (1..=self.longest.min(chars.len() - j)).rev().find_map(|len| {
            let key: String = chars[j..j + len].iter().map(|&c| lower(c)).collect();
            self.rows.get(&key).map(|sp| (len, sp))
        })
    }

    fn detect_chars(&self, chars: &[char]) -> Option<Lang> {
        let (mut uk, mut ru) = (0usize, 0usize);
        let mut j = 0;
        while j < chars.len() {
            let Some((len, sp)) = self.unit(chars, j) else {
                j += 1;
                continue;
            };
            match sp.only {
                Some(Lang::Uk) => uk += 1,
                Some(Lang::Ru) => ru += 1,
                None => {}
            }
            j += len;
        }
        match (uk, ru) {
            (0, 0) => None,
            (u, r) if u > r => Some(Lang::Uk),
            (u, r) if r > u => Some(Lang::Ru),
            _ => None,
        }
    }

    /// The language the letters of `text` point to: the one with more telling letters
    /// (і ї є ґ vs ы э ё ъ); None when there are none or as many of each.
    pub fn detect(&self, text: &str) -> Option<Lang> {
        self.detect_chars(&compose(text))
    }

    /// The Latin spelling of `text`; `default` is the language of names with no telling
    /// letter. None when the text has no Cyrillic letter to spell.
    pub fn to_latin_as(&self, text: &str, default: Lang) -> Option<String> {
        let chars = compose(text);
        if !chars.iter().any(|&c| self.letter(c).is_some()) {
            return None;
        }
        let fallback = self.detect_chars(&chars).unwrap_or(default);
        let is_apostrophe = |c: char| matches!(c, '\'' | '\u{2019}' | '\u{02BC}');
        // Letters, marks, and apostrophes between two letters make words.
        let wordy = |i: usize| {
            let c = chars[i];
            c.is_alphabetic()
                || matches!(c, '\u{0300}'..='\u{036F}')
                || is_apostrophe(c)
                    && i > 0
                    && chars[i - 1].is_alphabetic()
                    && chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
        };
        let mut out = String::with_capacity(text.len() + 8);
        let mut i = 0;
        while i < chars.len() {
            if !wordy(i) {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && wordy(i) {
                i += 1;
            }
            self.word(&chars[start..i], fallback, &mut out);
        }
        Some(out)
    }

    /// Spell one word (letters and inner apostrophes) into `out`.
    fn word(&self, w: &[char], fallback: Lang, out: &mut String) {
        let lang = self.detect_chars(w).unwrap_or(fallback);
        let letters = w.iter().filter(|c| c.is_alphabetic());
        let all_caps = letters.clone().count() >= 2 && letters.clone().all(|c| c.is_uppercase());
        let mut j = 0;
        while j < w.len() {
            let Some((len, sp)) = self.unit(w, j) else {
                out.push(w[j]);
                j += 1;
                continue;
            };
            let initial = j == 0 || (lang == Lang::Ru && RU_AFTER_VOWEL.contains(lower(w[j - 1])));
            let piece = sp.form(lang, initial);
            if all_caps {
                out.push_str(&piece.to_uppercase());
            } else if w[j].is_uppercase() {
                let mut cs = piece.chars();
                if let Some(c0) = cs.next() {
                    out.extend(c0.to_uppercase());
                    out.push_str(cs.as_str());
                }
            } else {
                out.push_str(piece);
            }
            j += len;
        }
    }

    /// [`Table::to_latin_as`] with the default language.
    pub fn to_latin(&self, text: &str) -> Option<String> {
        self.to_latin_as(text, DEFAULT_LANG)
    }
}

/// The Latin spelling of `text` with the built-in table (see the module doc); None when
/// there is no Cyrillic letter to spell.
pub fn to_latin(text: &str) -> Option<String> {
    crate::lexicon::cyrillic().to_latin(text)
}

/// [`to_latin`] reading names with no telling letter as `default`.
pub fn to_latin_as(text: &str, default: Lang) -> Option<String> {
    crate::lexicon::cyrillic().to_latin_as(text, default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ukrainian_names_by_the_2010_table() {
        let cases = [
            ("Зеленський", "Zelenskyi"),
            ("Синєгубов", "Syniehubov"),
            ("Харків", "Kharkiv"),
            ("Запоріжжя", "Zaporizhzhia"),
            ("Юлія", "Yuliia"),
            ("Ярослав", "Yaroslav"),
            ("Гнат", "Hnat"),
            ("Згурівка", "Zghurivka"),
            ("Розгон", "Rozghon"),
            ("Київ", "Kyiv"),
            ("Їжакевич", "Yizhakevych"),
            ("Йосип", "Yosyp"),
            ("Євген", "Yevhen"),
            ("Щербаков", "Shcherbakov"),
            ("Ґалаґан", "Galagan"),
            ("Мар'яна", "Mariana"),
            ("Мар’яна", "Mariana"),
            ("Івано-Франківськ", "Ivano-Frankivsk"),
            ("Володимир Зеленський", "Volodymyr Zelenskyi"),
        ];
        for (cyr, lat) in cases {
            assert_eq!(to_latin_as(cyr, Lang::Uk).as_deref(), Some(lat), "{cyr}");
        }
    }

    #[test]
    fn russian_names_by_bgn_pcgn() {
        let cases = [
            ("Шойгу", "Shoygu"),
            ("Щербаков", "Shcherbakov"),
            ("Сергей", "Sergey"),
            ("Юлия", "Yuliya"),
            ("Ярослав", "Yaroslav"),
            ("Гнат", "Gnat"),
            ("Зеленский", "Zelenskiy"),
            ("Васильев", "Vasilyev"),
            ("Андреевич", "Andreyevich"),
            ("Елена", "Yelena"),
            ("Горбачёв", "Gorbachev"),
            ("Ёлкин", "Yolkin"),
            ("Объедков", "Obyedkov"),
            ("Рыжков", "Ryzhkov"),
            ("Эдуард", "Eduard"),
            ("Хабаровск", "Khabarovsk"),
            ("Цой", "Tsoy"),
            ("Чечня", "Chechnya"),
            ("Владимир Путин", "Vladimir Putin"),
        ];
        for (cyr, lat) in cases {
            assert_eq!(to_latin_as(cyr, Lang::Ru).as_deref(), Some(lat), "{cyr}");
        }
    }

    #[test]
    fn telling_letters_choose_the_language_whatever_the_default() {
        let cases = [
            // (text, read with default Uk, read with default Ru)
            ("Олег Синєгубов", "Oleh Syniehubov", "Oleh Syniehubov"),
            ("Олег Синегубов", "Oleh Synehubov", "Oleg Sinegubov"),
            ("Юлія Свириденко", "Yuliia Svyrydenko", "Yuliia Svyrydenko"),
            ("Дмитрий Медведев", "Dmytryi Medvedev", "Dmitriy Medvedev"),
            ("Дмитрий Рыжков", "Dmitriy Ryzhkov", "Dmitriy Ryzhkov"),
        ];
        for (cyr, uk, ru) in cases {
            assert_eq!(to_latin_as(cyr, Lang::Uk).as_deref(), Some(uk), "{cyr}");
            assert_eq!(to_latin_as(cyr, Lang::Ru).as_deref(), Some(ru), "{cyr}");
        }
        // The built-in default reads a name with no telling letter as Russian.
        assert_eq!(to_latin("Олег Синегубов").as_deref(), Some("Oleg Sinegubov"));
        // Ukrainian spelling without і ї є ґ: the apostrophe, -ськ-/-цьк-/-зьк-.
        let auto = [
            ("Володимир Зеленський", "Volodymyr Zelenskyi"),
            ("Владимир Зеленский", "Vladimir Zelenskiy"),
            ("Мар'яна", "Mariana"),
            ("Хмельницький", "Khmelnytskyi"),
            ("Запорізький", "Zaporizkyi"),
            ("Хмельницкий", "Khmelnitskiy"),
        ];
        for (cyr, lat) in auto {
            assert_eq!(to_latin(cyr).as_deref(), Some(lat), "{cyr}");
        }
        let t = crate::lexicon::cyrillic();
        assert_eq!(t.detect("Харків і Суми"), Some(Lang::Uk));
        assert_eq!(t.detect("Москва и Рыбинск"), Some(Lang::Ru));
        assert_eq!(t.detect("Олег Синегубов"), None);
    }

    #[test]
    fn case_mixed_scripts_and_other_letters() {
        let cases = [
            ("ШОЙГУ", Some("SHOYGU")),
            ("ЗГУРІВКА", Some("ZGHURIVKA")),
            ("шойгу", Some("shoygu")),
            ("Щ.", Some("Shch.")),
            ("Mayor Ігор Терехов said", Some("Mayor Ihor Terekhov said")),
            ("O'Brien and Мар'яна", Some("O'Brien and Mariana")),
            ("Kyiv", None),
            ("", None),
            ("محمد", None),
            ("Лукашэнка ў Мінску", Some("Lukashenka ў Minsku")),
            // й and ё written with a combining mark, and a stress accent
            ("Сергеи\u{0306}", Some("Sergey")),
            ("Влади\u{0301}мир", Some("Vladimir")),
            ("Путин 2024 🙂", Some("Putin 2024 🙂")),
        ];
        for (text, want) in cases {
            assert_eq!(to_latin(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn table_parses_every_letter() {
        let t = crate::lexicon::cyrillic();
        assert!(t.len() >= 37, "{}", t.len());
        for c in "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя".chars() {
            assert!(t.has_cyrillic(&c.to_string()), "{c}");
        }
    }
}
