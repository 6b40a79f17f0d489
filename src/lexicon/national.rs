//! Ukraine's national romanisation (KMU 2010) for Ukrainian place names already written in
//! Latin letters. Only `std`: `build.rs` includes this file (through `image.rs`), so the
//! respelt names are in the prepared gazetteer and cost nothing at start-up.

/// A Ukrainian place name in Latin letters respelt by the national romanisation (KMU 2010),
/// which Ukrainian institutions and most English-language war reporting use: GeoNames'
/// older forms write the iotated letters as y + vowel inside a word and keep the soft sign
/// as an apostrophe ("Andriyivka", "Kurdyumivka", "Pervomays'ke", "Kostyantynivka");
/// the national system writes "Andriivka", "Kurdiumivka", "Pervomaiske",
/// "Kostiantynivka". Rules, per word (a name already in the national system is unchanged):
/// - inside a word, `y` before a vowel (a, e, o, u) is `i` (я, є, ю → ia, ie, iu);
/// - inside a word, `y` before `i` is `i` (ї → i), except the adjective ending `-yi` (ий:
///   "Kryvyi");
/// - `y` after a vowel (or after `y`, "Zelenyy") before a consonant or at the end is `i`
///   (й → i);
/// - apostrophes (the soft sign and the separating apostrophe) are dropped.
///
/// A `y` that opens a word stays ("Yasynuvata", "Yenakiieve").
pub fn national_romanisation(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let letters: Vec<char> = word.chars().filter(|c| !matches!(c, '\'' | '’' | 'ʼ' | '`')).collect();
        let lower = |k: usize| letters.get(k).map(|c| c.to_ascii_lowercase());
        let vowel = |c: Option<char>| matches!(c, Some('a' | 'e' | 'i' | 'o' | 'u'));
        let is_letter = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic());
        for (k, &c) in letters.iter().enumerate() {
            if k == 0 || c != 'y' || !is_letter(lower(k - 1)) {
                out.push(c);
                continue;
            }
            let after_vowel = vowel(lower(k - 1)) || lower(k - 1) == Some('y');
            match lower(k + 1) {
                // я, є, ю, ьо: ya, ye, yu, yo -> ia, ie, iu, io
                Some('a' | 'e' | 'o' | 'u') => out.push('i'),
                // ї after a vowel: yi -> i ("Andriyivka"); not the ending -yi (ий: "Kryvyi")
                // nor и + ї after a consonant ("Kyiv")
                Some('i') if after_vowel && is_letter(lower(k + 2)) => {}
                // й: y -> i after a vowel, before a consonant or at the end
                next if after_vowel && !vowel(next) => out.push('i'),
                _ => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::national_romanisation as n;

    #[test]
    fn older_spellings_take_the_national_form() {
        for (older, national) in [
            ("Andriyivka", "Andriivka"),
            ("Kurdyumivka", "Kurdiumivka"),
            ("Pervomays'ke", "Pervomaiske"),
            ("Pervomayske", "Pervomaiske"),
            ("Kostyantynivka", "Kostiantynivka"),
            ("Pobyeda", "Pobieda"),
            ("Novoazovs'k", "Novoazovsk"),
            ("Zaporizhzhya", "Zaporizhzhia"),
            ("Svyatohirs'k", "Sviatohirsk"),
            ("Kryvyy Rih", "Kryvyi Rih"),
            ("Yenakiyeve", "Yenakiieve"),
        ] {
            assert_eq!(n(older), national, "{older}");
        }
    }

    #[test]
    fn national_forms_and_word_initial_y_are_kept() {
        for name in [
            "Kryvyi Rih",
            "Khmelnytskyi",
            "Kyiv",
            "Yasynuvata",
            "Lyman",
            "Andriivka",
            "Zaporizhzhia",
            "Mykolaiv",
            "Izium",
        ] {
            assert_eq!(n(name), name);
        }
    }
}
