//! No input may panic the core or give a span outside its text. Replays every crashing
//! input the fuzz run (`examples/fuzz_pipeline.rs`) found, and the shapes of the bug class
//! behind them: texts that end in a name, a number, a quote mark, an abbreviation, a hyphen
//! or an opening bracket, with and without final punctuation.

use newsframe::lexicon::Resources;
use newsframe::model::{DocInput, Options};
use newsframe::pipeline::{analyze_caught, check_spans};
use std::path::PathBuf;

fn assert_survives(text: &str) {
    let res = Resources::shared();
    for published in [None, Some(19_500)] {
        let input = DocInput { text: Some(text), published, title: None };
        match analyze_caught(0, &input, &res, &Options::default()) {
            Ok(r) => check_spans(&r).unwrap_or_else(|e| panic!("{text:?}: {e}")),
            Err(f) => panic!("{text:?} failed: {}", f.message),
        }
    }
}

#[test]
fn inputs_the_fuzzer_found() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("fuzz_regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fuzz_regressions") {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        assert_survives(&String::from_utf8_lossy(&bytes));
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}

/// The sentence bodies and endings are combined every way, with each final mark or none.
#[test]
fn texts_ending_in_every_dangerous_shape() {
    let bodies = [
        "",
        "The night raid terrified residents of",
        "Shelling hit the centre, the governor said, and",
        "\u{201C}We will hold,\u{201D} said",
        "KYIV, March 9 (Reuters) - Drones struck",
    ];
    let endings = [
        "Nova-Kakhovka", // a lexicon hit that starts inside a token
        "Some-Town",
        "Bila Hora",
        "Kharkiv",
        "Volodymyr Zelensky",
        "Gen. Valery",
        "12",
        "1,000",
        "3.5",
        "No. 6",
        "\u{201C}", // opening quote mark
        "\u{201D}",
        "\"",
        "'",
        "U.S.",
        "Gen.",
        "a.m.",
        "-",
        "\u{2014}",
        "(",
        "[",
        "Olena (",
    ];
    let finals = ["", ".", "!", "?", "\"", ")", "...", " ", "\n"];
    for body in bodies {
        for ending in endings {
            for last in finals {
                let sep = if body.is_empty() { "" } else { " " };
                assert_survives(&format!("{body}{sep}{ending}{last}"));
            }
        }
    }
}

#[test]
fn hostile_shapes() {
    let many_marks: String = "\u{201C}\"'\u{00AB}".repeat(2_500);
    let long_word: String = "a".repeat(100_000);
    let long_name: String = format!("Kharkiv {}", "Z".repeat(50_000));
    let cases = [
        "\u{0}".to_string(),
        "\u{0}Kyiv\u{0} was shelled.\u{0}".to_string(),
        "\u{202E}Kyiv \u{200F}said \u{200B}\u{200D}\u{FEFF}".to_string(),
        "e\u{301}\u{302}\u{303} Kyiv\u{301}\u{301}\u{301}".to_string(),
        "\u{1F1FA}\u{1F1E6} \u{10FFFF} \u{E000}".to_string(),
        ".,;:!?-()[]\"'".repeat(200),
        many_marks,
        long_word,
        long_name,
        "\r\r\r\n\n\u{2028}\u{2029}\u{85}".to_string(),
    ];
    for text in &cases {
        assert_survives(text);
    }
}
