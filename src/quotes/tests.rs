use super::*;
use crate::model::{Geo, Label, MentionSource};
use crate::normalize::normalize;

/// Run the quote extractor on `text` with hand-made mentions: every whole-word occurrence
/// of each given surface becomes a mention with that label and canonical name.
fn run_with(text: &str, names: &[(&str, Label, &str)]) -> (String, Vec<Quote>) {
    crate::context::with_context(text, None, |ctx| (ctx.text.to_string(), extract(ctx, &name_mentions(ctx, names))))
}

/// Every whole-word occurrence of each given surface, as a mention.
fn name_mentions(ctx: &DocContext, names: &[(&str, Label, &str)]) -> Vec<Mention> {
    let text = ctx.text;
    let mut mentions = Vec::new();
    for (surface, label, canonical) in names {
        let mut from = 0;
        while let Some(p) = text[from..].find(surface) {
            let s = from + p;
            let e = s + surface.len();
            let before = text[..s].chars().next_back().is_some_and(|c| c.is_alphanumeric());
            let after = text[e..].chars().next().is_some_and(|c| c.is_alphanumeric());
            if !before && !after {
                mentions.push(Mention {
                    start: s,
                    end: e,
                    sentence: ctx.sentence_of(s),
                    label: *label,
                    canonical: Some(canonical.to_string()),
                    entity_id: Some(format!("test:{}", crate::lexicon::slug(canonical))),
                    role: None,
                    geo: Geo::default(),
                    value: None,
                    source: MentionSource::Rule,
                });
            }
            from = e;
        }
    }
    mentions.sort_by_key(|m| m.start);
    mentions
}

fn run(text: &str) -> (String, Vec<Quote>) {
    run_with(text, &[])
}

fn content<'a>(text: &'a str, q: &Quote) -> &'a str {
    &text[q.start..q.end]
}

fn speaker_text(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.text.as_str())
}

fn show(text: &str, qs: &[Quote]) -> String {
    qs.iter()
        .map(|q| {
            format!(
                "[{:?} {:?} spk={:?} cue={:?} conf={:.2}]",
                q.kind,
                content(text, q),
                speaker_text(q),
                q.cue,
                q.confidence
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Content texts compared in normalised form (curly marks become straight ones).
fn norm(s: &str) -> String {
    normalize(s).text
}

fn assert_sane(text: &str, qs: &[Quote]) {
    for w in qs.windows(2) {
        assert!(w[0].start <= w[1].start, "not sorted");
    }
    for q in qs {
        assert!(q.start < q.end && q.end <= text.len());
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert!((0.0..=1.0).contains(&q.confidence));
        if let Some(s) = &q.speaker {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(s.end <= q.start || s.start >= q.end, "speaker inside content: {}", show(text, qs));
        }
    }
}

#[test]
fn direct_with_role_speaker_after() {
    let (t, qs) = run("“We will not give up a single village,” the minister said.");
    assert_sane(&t, &qs);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    let q = &qs[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(content(&t, q), "We will not give up a single village");
    assert_eq!(speaker_text(q), Some("the minister"));
    assert_eq!(q.cue.as_deref(), Some("say"));
    assert!(q.confidence >= 0.85);
}

#[test]
fn single_marks_with_apostrophe_and_pronoun_resolved_to_person() {
    let text = "Volodymyr Zelensky spoke in Kyiv on Monday.\n\n'I don't want to negotiate,' he said.";
    let (t, qs) = run_with(text, &[("Volodymyr Zelensky", Label::Person, "Volodymyr Zelensky")]);
    assert_sane(&t, &qs);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    let q = &qs[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(content(&t, q), "I don't want to negotiate");
    let s = q.speaker.as_ref().unwrap();
    assert_eq!(s.text, "Volodymyr Zelensky");
    assert_eq!(s.canonical.as_deref(), Some("Volodymyr Zelensky"));
    assert_eq!(s.label, Some(Label::Person));
    assert_eq!(&t[s.start..s.end], "he");
    assert_eq!(q.sentence, 1);
}

#[test]
fn pronoun_prefers_the_fullest_name() {
    let text = "Olaf Brandt arrived late. Later Brandt met the press. 'We need more time,' he said.";
    let (t, qs) =
        run_with(text, &[("Olaf Brandt", Label::Person, "Olaf Brandt"), ("Brandt", Label::Person, "Olaf Brandt")]);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Olaf Brandt"));
}

#[test]
fn guillemets_and_low_high_marks() {
    let (t, qs) = run("«The bridge is open again», the mayor said.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "The bridge is open again");
    assert_eq!(speaker_text(&qs[0]), Some("the mayor"));
    let (t, qs) = run("„We have no fuel left“, a local doctor told reporters.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "We have no fuel left");
    assert_eq!(speaker_text(&qs[0]), Some("a local doctor"));
    assert_eq!(qs[0].cue.as_deref(), Some("tell"));
}

#[test]
fn speaker_before_with_colon() {
    let (t, qs) =
        run("The regional governor Oleh Marchenko wrote on Telegram: “Three people were hurt in the strike.”");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    let q = &qs[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(content(&t, q), "Three people were hurt in the strike.");
    assert!(speaker_text(q).unwrap().contains("Oleh Marchenko"), "{}", show(&t, &qs));
    assert_eq!(q.cue.as_deref(), Some("write"));
}

#[test]
fn colon_intro_without_a_verb() {
    let (t, qs) = run_with("Kuleba: “Nobody will trade our land.”", &[("Kuleba", Label::Person, "Dmytro Kuleba")]);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Kuleba"));
    assert_eq!(qs[0].speaker.as_ref().unwrap().canonical.as_deref(), Some("Dmytro Kuleba"));
    assert_eq!(qs[0].cue.as_deref(), Some("say"));
    assert!(qs[0].confidence < 0.9);
}

#[test]
fn quote_split_around_he_said() {
    let text = "Anna Koval runs the shelter. “We will stay,” she said, “as long as the children need us.”";
    let (t, qs) = run_with(text, &[("Anna Koval", Label::Person, "Anna Koval")]);
    assert_sane(&t, &qs);
    assert_eq!(qs.len(), 2, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "We will stay");
    assert_eq!(content(&t, &qs[1]), "as long as the children need us.");
    for q in &qs {
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(speaker_text(q), Some("Anna Koval"));
    }
}

#[test]
fn speaker_named_after_verb_and_appositive() {
    let text = "“The talks are over,” said Dmitry Peskov, the Kremlin spokesman.";
    let (t, qs) = run(text);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Dmitry Peskov"));
    let text = "“The talks are over,” Dmitry Peskov, the Kremlin spokesman, told journalists.";
    let (t, qs) = run(text);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Dmitry Peskov"));
}

#[test]
fn multi_paragraph_quote_keeps_its_speaker() {
    let text = "“We lost power at dawn,” the plant director said. “Then the water stopped.\n\n“By noon the whole district was dark. We are still waiting.”\n\nRepairs began on Friday.";
    let (t, qs) = run(text);
    assert_sane(&t, &qs);
    assert_eq!(qs.len(), 3, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[1]), "Then the water stopped.");
    assert_eq!(content(&t, &qs[2]), "By noon the whole district was dark. We are still waiting.");
    // the second paragraph continues the first paragraph's open quote, not the closed one
    assert_eq!(qs.iter().map(|q| q.continues).collect::<Vec<_>>(), vec![None, None, Some(1)]);
    for q in &qs {
        assert_eq!(speaker_text(q), Some("the plant director"), "{}", show(&t, &qs));
        assert_eq!(q.kind, QuoteKind::Direct);
    }
}

#[test]
fn unbalanced_quote_runs_to_paragraph_end() {
    let text = "The governor said: “The evacuation continues and buses leave every hour.\n\nOfficials gave no figures.";
    let (t, qs) = run(text);
    assert_sane(&t, &qs);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "The evacuation continues and buses leave every hour.");
    assert_eq!(speaker_text(&qs[0]), Some("The governor"));
}

#[test]
fn scare_quotes_are_not_quotes() {
    let (t, qs) = run("Moscow staged a so-called “referendum” in the occupied region last week.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
    let (t, qs) = run("The “special military operation” entered its third year.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn mixed_quote_takes_the_whole_clause() {
    let (t, qs) = run("The defence ministry said that the town had been “completely liberated” by its troops.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    let q = &qs[0];
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(content(&t, q), norm("the town had been “completely liberated” by its troops"));
    assert_eq!(speaker_text(q), Some("The defence ministry"));
    assert_eq!(q.cue.as_deref(), Some("say"));
}

#[test]
fn scare_quote_inside_a_reported_clause_makes_it_mixed() {
    let (t, qs) = run("The so-called “referendum” was illegal, the foreign minister said.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(qs[0].kind, QuoteKind::Mixed);
    assert_eq!(content(&t, &qs[0]), norm("The so-called “referendum” was illegal"));
    assert_eq!(speaker_text(&qs[0]), Some("the foreign minister"));
    let (t, qs) = run("The agency ''only counts confirmed deaths'' the report says.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(qs[0].kind, QuoteKind::Mixed);
    assert_eq!(content(&t, &qs[0]), "The agency ''only counts confirmed deaths''");
}

#[test]
fn doubled_apostrophes_and_participle_cues() {
    let (t, qs) = run("''We are not leaving,'' said Mr. Hale, a farmer near the river.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "We are not leaving");
    assert_eq!(speaker_text(&qs[0]), Some("Mr. Hale"));
    let (t, qs) = run("Maria Lind criticised the plan on Monday, saying, “It will cost lives.”");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "It will cost lives.");
    assert_eq!(speaker_text(&qs[0]), Some("Maria Lind"));
}

#[test]
fn indirect_said_that() {
    let (t, qs) = run_with(
        "Olaf Scholz said on Tuesday that Germany would send more air defence systems.",
        &[("Olaf Scholz", Label::Person, "Olaf Scholz")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    let q = &qs[0];
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(content(&t, q), "Germany would send more air defence systems");
    assert_eq!(speaker_text(q), Some("Olaf Scholz"));
    assert_eq!(q.cue.as_deref(), Some("say"));
    assert!(q.confidence < 0.9);
}

#[test]
fn indirect_without_that_and_without_mentions() {
    let (t, qs) = run("Local officials said the bridge was destroyed overnight.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the bridge was destroyed overnight");
    assert_eq!(speaker_text(&qs[0]), Some("Local officials"));
}

#[test]
fn according_to_both_ways() {
    let (t, qs) = run("According to the local police, two drones hit a fuel depot near the border.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "two drones hit a fuel depot near the border");
    assert_eq!(speaker_text(&qs[0]), Some("the local police"));
    assert_eq!(qs[0].cue.as_deref(), Some("according to"));
    let (t, qs) = run("Two drones hit a fuel depot near the border, according to the local police.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "Two drones hit a fuel depot near the border");
    assert_eq!(speaker_text(&qs[0]), Some("the local police"));
}

#[test]
fn trailing_attribution_regional_governor() {
    let (t, qs) = run("Shelling damaged four houses in the village overnight, the regional governor said.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    let q = &qs[0];
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(content(&t, q), "Shelling damaged four houses in the village overnight");
    assert_eq!(speaker_text(q), Some("the regional governor"));
    assert_eq!(q.cue.as_deref(), Some("say"));
}

#[test]
fn apostrophes_do_not_end_quotes() {
    let text = "‘Ukraine’s soldiers’ courage is not for sale,’ the commander said.";
    let (t, qs) = run(text);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), norm("Ukraine’s soldiers’ courage is not for sale"));
    let (t, qs) = run("“Our soldiers’ families need help,” the mayor said.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), norm("Our soldiers’ families need help"));
}

#[test]
fn straight_double_quotes_pair_by_context() {
    let (t, qs) = run("\"We are ready for winter,\" the energy minister said. \"The grid will hold.\"");
    assert_sane(&t, &qs);
    assert_eq!(qs.len(), 2, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[1]), "The grid will hold.");
    // the floating second quote inherits the speaker
    assert_eq!(speaker_text(&qs[1]), Some("the energy minister"));
    assert!(qs[1].confidence < qs[0].confidence);
}

#[test]
fn relative_clause_is_not_an_attribution() {
    let (t, qs) = run("The attack, which officials said killed five people, happened at night.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
    let (t, qs) = run("He did not say whether the talks would resume.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn cue_first_inverted_and_trailing_dash() {
    let (t, qs) = run("“Help is coming,” said a spokesman for the Red Cross.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert!(speaker_text(&qs[0]).unwrap().starts_with("a spokesman"), "{}", show(&t, &qs));
    let (t, qs) = run_with(
        "“We will rebuild every school” - Volodymyr Zelensky",
        &[("Volodymyr Zelensky", Label::Person, "Volodymyr Zelensky")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Volodymyr Zelensky"));
}

#[test]
fn no_panic_on_random_glyph_soup() {
    let pieces = [
        "“",
        "”",
        "\"",
        "'",
        "’",
        "‘",
        "«",
        "»",
        "„",
        "‹",
        "›",
        "‟",
        " ",
        " ",
        "\n",
        "\n\n",
        "a",
        "He",
        "said",
        ",",
        ".",
        ":",
        "don't",
        "s",
        "the minister",
        "according to",
        "that",
        "-",
        "Zelensky",
        "é",
        "🇺🇦",
        "told reporters",
        "?",
        "''",
        "'s",
        "(",
        ")",
        "said,",
        "Said",
        " - ",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..400 {
        let mut text = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let n = (seed % 60) as usize;
        for _ in 0..n {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        crate::context::with_context(&text, None, |ctx| assert_sane(ctx.text, &extract(ctx, &[])));
    }
}

#[test]
fn long_document_is_fast_enough() {
    let para = "“We will hold the line,” the commander said. Shelling continued overnight, officials said. The “so-called” vote was held. According to the police, roads were closed.\n\n";
    let text = para.repeat(800);
    let (_, qs) = run(&text);
    assert_eq!(qs.len(), 2400, "{}", qs.len());
}

#[test]
fn trailing_attribution_after_an_opening_adverbial() {
    let (t, qs) =
        run("On Tuesday, shelling of Izium killed at least 5 civilians and wounded 12, the regional governor said.");
    assert_eq!(qs.len(), 1);
    assert_eq!(&t[qs[0].start..qs[0].end], "On Tuesday, shelling of Izium killed at least 5 civilians and wounded 12");
    assert_eq!(speaker_text(&qs[0]), Some("the regional governor"));
    // the adverbial alone is no reported clause
    let (_, qs) = run("At the debate, the senator said little.");
    assert!(qs.is_empty());
}

#[test]
fn appositive_after_the_speaker_is_not_a_reported_clause() {
    let text = "\u{201c}Nobody expected this,\u{201d} said Olena Kovalenko, an engineer for the city water utility, who has been repairing pipes since March. \u{201c}We are tired.\u{201d}";
    let (t, qs) = run_with(text, &[("Olena Kovalenko", Label::Person, "Olena Kovalenko")]);
    assert_sane(&t, &qs);
    assert!(qs.iter().all(|q| !content(&t, q).contains("engineer")), "{}", show(&t, &qs));
    assert!(
        qs.iter().any(|q| content(&t, q) == "Nobody expected this" && speaker_text(q) == Some("Olena Kovalenko")),
        "{}",
        show(&t, &qs)
    );
}

#[test]
fn fragments_are_not_speakers() {
    // a measure named after "according to" is no source
    let text = "The soldier is 1.9 metres tall and weighs 110 kilograms, which makes him heavy according to his body mass index.";
    let (t, qs) = run(text);
    assert!(qs.iter().all(|q| speaker_text(q).map_or(true, |s| !s.contains("index"))), "{}", show(&t, &qs));
    // a phrase opening with a preposition after a quote is no speaker
    let text = "Her allies called her \u{201c}a careful negotiator\u{201d} for her handling of the grain deal talks.";
    let (t, qs) = run(text);
    assert!(qs.iter().all(|q| speaker_text(q).map_or(true, |s| !s.starts_with("for "))), "{}", show(&t, &qs));
}

#[test]
fn vox_pops_take_their_own_signatures() {
    let text = "Readers wrote to us about the blackouts.\n\n\u{201c}The lights went out twice today. We cook by candle.\u{201d} \u{2015} Iryna Bondar\n\u{201c}My children sleep in the corridor now.\u{201d} \u{2015} Taras Melnyk\n\u{201c}We will rebuild everything.\u{201d} \u{2015} Oksana Hrytsenko";
    let (t, qs) = run_with(
        text,
        &[
            ("Iryna Bondar", Label::Person, "Iryna Bondar"),
            ("Taras Melnyk", Label::Person, "Taras Melnyk"),
            ("Oksana Hrytsenko", Label::Person, "Oksana Hrytsenko"),
        ],
    );
    assert_sane(&t, &qs);
    let who = |w: &str| qs.iter().find(|q| content(&t, q).contains(w)).and_then(speaker_text);
    assert_eq!(who("candle"), Some("Iryna Bondar"), "{}", show(&t, &qs));
    assert_eq!(who("corridor"), Some("Taras Melnyk"), "{}", show(&t, &qs));
    assert_eq!(who("rebuild"), Some("Oksana Hrytsenko"), "{}", show(&t, &qs));
}

#[test]
fn speaker_never_inside_the_quoted_words() {
    let text = "Talks will resume only if Minister Petrenko returns to the capital by Friday, the source added.";
    let (t, qs) = run_with(text, &[("Petrenko", Label::Person, "Ivan Petrenko")]);
    assert_sane(&t, &qs);
    let q = qs.iter().find(|q| content(&t, q).contains("Talks will resume")).expect("quote found");
    assert_eq!(speaker_text(q), Some("the source"), "{}", show(&t, &qs));
}

#[test]
fn interview_transcript_turns() {
    let text = "Partial transcript follows:\n\n\"HOST: Thank you for joining us this morning, Minister.\n\n\"KULEBA: Thank you for having me. The situation at the front is difficult.\n\n\"(CROSSTALK.)\n\n\"HOST: Let me ask about the grain corridor.\n\n\"KULEBA: The corridor works, and it will keep working.\n\n\"We have guarantees from our partners.";
    let (t, qs) = run_with(text, &[("Dmytro Kuleba", Label::Person, "Dmytro Kuleba")]);
    assert_sane(&t, &qs);
    assert!(qs.iter().all(|q| !content(&t, q).contains("CROSSTALK")), "{}", show(&t, &qs));
    assert!(
        qs.iter().all(|q| !content(&t, q).contains("KULEBA") && !content(&t, q).contains("HOST:")),
        "{}",
        show(&t, &qs)
    );
    let who = |w: &str| qs.iter().find(|q| content(&t, q).contains(w)).and_then(speaker_text);
    assert_eq!(who("joining us"), Some("HOST"), "{}", show(&t, &qs));
    assert_eq!(who("front is difficult"), Some("KULEBA"), "{}", show(&t, &qs));
    assert_eq!(who("guarantees"), Some("KULEBA"), "{}", show(&t, &qs));
    let q = qs.iter().find(|q| content(&t, q).contains("corridor works")).unwrap();
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!((q.confidence - 0.6).abs() < 1e-6);
    // a headline with a name and a colon is no transcript
    let (t, qs) = run("Kuleba: Grain Deal Will Survive\n\nThe minister spoke on Sunday.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
    // turns written as names: an exchange counts, a list of "Name: verdict." headings
    // over sections of prose does not
    let text =
        "Moore: We start at nine.\n\nLane: And the budget?\n\nMoore: The budget is settled.\n\nLane: Good to hear.";
    let (t, qs) = run(text);
    assert_eq!(qs.len(), 4, "{}", show(&t, &qs));
    let text = "Moore: Hold the line.\n\nThe mayor has the most to lose this week and knows it.\n\nLane: Time to build.\n\nThe council chair is pushing a housing plan.\n\nOrtiz: Start over.\n\nThe newcomer wants a fresh vote.";
    let (t, qs) = run(text);
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn titles_in_marks_are_not_quotes() {
    let text = "In his 2019 book, \u{201c}Winter on the Front Line,\u{201d} the colonel described the siege in detail.\n\nSpeaking on \u{201c}Face the Nation,\u{201d} the senator said the aid package would pass next week.";
    let (t, qs) = run(text);
    assert_sane(&t, &qs);
    assert!(qs.iter().all(|q| !content(&t, q).contains("Winter on the Front")), "{}", show(&t, &qs));
    assert!(qs.iter().all(|q| !content(&t, q).contains("Face the Nation")), "{}", show(&t, &qs));
    // a short title-case answer after a cue is still a quote
    let (t, qs) = run("Asked whether he would resign, the mayor said: \u{201c}Never Again.\u{201d}");
    assert!(qs.iter().any(|q| content(&t, q).contains("Never Again")), "{}", show(&t, &qs));
}

#[test]
fn a_quote_opening_the_sentence_is_not_its_subject() {
    let text = "\u{201c}Stay with us tonight,\u{201d} Halyna sang to the crowd before asking them, \u{201c}Where do we go from here?\u{201d}";
    let (t, qs) = run_with(text, &[("Halyna", Label::Person, "Halyna Petrova")]);
    assert_sane(&t, &qs);
    let q = qs.iter().find(|q| content(&t, q).contains("Where do we go")).expect("second quote");
    assert_eq!(speaker_text(q), Some("Halyna"), "{}", show(&t, &qs));
}

#[test]
fn who_said_hands_the_clause_to_the_person_described() {
    let text = "\u{201c}We lost the harvest,\u{201d} said Mykola Shevchuk, a farmer near Kherson, who said that mines still cover half of his fields.";
    let (t, qs) = run_with(text, &[("Mykola Shevchuk", Label::Person, "Mykola Shevchuk")]);
    assert_sane(&t, &qs);
    let q = qs.iter().find(|q| content(&t, q).contains("mines still cover")).expect("reported clause");
    assert!(!content(&t, q).contains("farmer"), "{}", show(&t, &qs));
    assert_eq!(speaker_text(q), Some("Mykola Shevchuk"), "{}", show(&t, &qs));
}

#[test]
fn datelines_with_colons_are_not_transcript_turns() {
    let text = "KYIV: Air raid sirens sounded across the capital overnight.\n\nODESA: Drones struck the port, damaging grain silos.";
    let (t, qs) = run_with(text, &[("KYIV", Label::Gpe, "Kyiv"), ("ODESA", Label::Gpe, "Odesa")]);
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

// ---- war reporting: places, descriptions, colons, collective speakers, reported speech

#[test]
fn a_place_after_of_or_inside_is_never_the_speaker() {
    let (t, qs) =
        run_with("“The water stopped on Monday,” a pensioner from Irpin told us.", &[("Irpin", Label::Gpe, "Irpin")]);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("a pensioner from Irpin"), "{}", show(&t, &qs));
    // a headline "Place: “…”" keeps its quote, with no speaker
    let text = "Near Bakhmut: “We sleep in our boots”\n\nThe town has been shelled for weeks.";
    let (t, qs) = run_with(text, &[("Bakhmut", Label::Gpe, "Bakhmut")]);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "We sleep in our boots");
    assert_eq!(speaker_text(&qs[0]), None, "{}", show(&t, &qs));
}

#[test]
fn a_description_before_an_appositive_name_is_not_the_content() {
    let text =
        "The commander of the eastern grouping of forces, Oleh Hrytsenko, said that the bridge had held overnight.";
    let (t, qs) = run_with(text, &[("Oleh Hrytsenko", Label::Person, "Oleh Hrytsenko")]);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the bridge had held overnight");
    assert_eq!(speaker_text(&qs[0]), Some("Oleh Hrytsenko"));
}

#[test]
fn a_speaker_with_was_adamant_before_a_colon() {
    let text = "Kovalenko was adamant: “Nobody leaves the plant. Not one of us.”";
    let (t, qs) = run_with(text, &[("Kovalenko", Label::Person, "Ivan Kovalenko")]);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Kovalenko"));
    assert_eq!(qs[0].kind, QuoteKind::Direct);
}

#[test]
fn reported_content_after_a_colon_without_marks() {
    let (t, qs) = run("The governor wrote on Telegram: the convoy had reached the city before dawn.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the convoy had reached the city before dawn");
    assert_eq!(speaker_text(&qs[0]), Some("The governor"));
}

#[test]
fn collective_speakers_report_claims() {
    let (t, qs) = run("Pro-Kremlin military bloggers claimed that the village had been taken.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert!(speaker_text(&qs[0]).is_some_and(|s| s.ends_with("bloggers")), "{}", show(&t, &qs));
    let (t, qs) = run("Evacuees said the last bus had left without them.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Evacuees"));
}

#[test]
fn reported_clause_after_long_appositive_bracket_and_coordinated_verb() {
    let text = "Olena Marchuk, head of the evacuation service at the regional military administration in Zaporizhzhia, said the buses would run again on Friday.";
    let (t, qs) = run_with(text, &[("Olena Marchuk", Label::Person, "Olena Marchuk")]);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the buses would run again on Friday");
    assert_eq!(speaker_text(&qs[0]), Some("Olena Marchuk"));
    let (t, qs) = run_with(
        "Rep. Dana Holt (D-Ore.) said her committee would vote on the aid package.",
        &[("Dana Holt", Label::Person, "Dana Holt")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "her committee would vote on the aid package");
    assert_eq!(speaker_text(&qs[0]), Some("Dana Holt"));
    let (t, qs) = run_with(
        "Shmyhal visited the damaged substation and said power would be restored within two days.",
        &[("Shmyhal", Label::Person, "Denys Shmyhal")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "power would be restored within two days");
    assert_eq!(speaker_text(&qs[0]), Some("Shmyhal"));
}

#[test]
fn adverbial_then_attribution_then_clause() {
    let text = "Near the front line, the brigade commander said, his men had held the village for a week.";
    let (t, qs) = run(text);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "his men had held the village for a week");
    assert_eq!(speaker_text(&qs[0]), Some("the brigade commander"));
}

#[test]
fn tell_with_object_then_clause_relative_who_and_long_bridges() {
    let (t, qs) = run("The governor told volunteers at the station he expected another train by noon.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "he expected another train by noon");
    let (t, qs) = run("Police questioned a driver who said he had seen the missile hit the depot.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "he had seen the missile hit the depot");
    assert_eq!(speaker_text(&qs[0]), Some("a driver"));
    let (t, qs) = run_with(
        "Kuleba said at a briefing in Lviv, Ukraine, that the talks had stalled.",
        &[("Kuleba", Label::Person, "Dmytro Kuleba")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the talks had stalled");
    // a relative clause with its own subject is still no report
    let (t, qs) = run("The strike, which officials said killed five, came at dawn.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn according_to_a_long_source_after_a_comma() {
    let (t, qs) = run("At least 40 people were wounded in the city overnight, according to the regional health department, more than on any night this month.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "At least 40 people were wounded in the city overnight");
}

#[test]
fn progressives_promises_and_participles_after_an_adverbial() {
    let (t, qs) = run("The defence ministry is warning residents that the strikes will continue.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the strikes will continue");
    assert_eq!(speaker_text(&qs[0]), Some("The defence ministry"));
    let (t, qs) = run_with(
        "Budanov vowed to retake every village on the left bank.",
        &[("Budanov", Label::Person, "Kyrylo Budanov")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "to retake every village on the left bank");
    let (t, qs) = run_with(
        "On Friday, Budanov visited the bridgehead, promising to send more drones.",
        &[("Budanov", Label::Person, "Kyrylo Budanov")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Budanov"));
    // a passive stays out
    let (t, qs) = run("The convoy was said to have reached the city.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn officials_in_a_place_are_the_speakers_not_the_place() {
    let (t, qs) =
        run_with("Officials in Kherson said at least five people were killed.", &[("Kherson", Label::Gpe, "Kherson")]);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Officials in Kherson"), "{}", show(&t, &qs));
}

#[test]
fn impersonal_passive_reports_have_no_speaker() {
    let (t, qs) = run("It was reported that the dam had been breached overnight.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the dam had been breached overnight");
    assert_eq!(qs[0].speaker, None);
    // "it" as a real subject with a reporting verb keeps its own rule; "it is said to" stays out
    let (t, qs) = run("The bridge is said to have collapsed.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn plain_subjects_before_that_and_said_no() {
    let (t, qs) = run("Still, the relief fund warned that the money would run out by spring.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the money would run out by spring");
    let (t, qs) = run_with(
        "A spokesman for the operator, Petro Kotin, said no radiation leak had been detected.",
        &[("Petro Kotin", Label::Person, "Petro Kotin")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "no radiation leak had been detected");
    assert_eq!(speaker_text(&qs[0]), Some("Petro Kotin"));
}

#[test]
fn attribution_inside_the_sentence_keeps_the_clause_side() {
    let (t, qs) = run_with(
        "The bridge was intact, Kotin said, until the second strike hit it.",
        &[("Kotin", Label::Person, "Petro Kotin")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "The bridge was intact");
    let (t, qs) = run("Too often, the mayor said, the sirens come after the missiles.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the sirens come after the missiles");
}

#[test]
fn participles_verb_groups_and_questions_report_what_follows() {
    let text = "Regional leaders backed a joint air defence, warning that the winter would be hard.";
    let (t, qs) = run(text);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the winter would be hard");
    assert_eq!(speaker_text(&qs[0]), Some("Regional leaders"));
    // the participle reports its own clause, not the stretch after the first verb
    let (t, qs) = run("“Unity matters,” she said in the capital, emphasizing it was time to lift the blockade.");
    assert!(qs.iter().any(|q| content(&t, q) == "it was time to lift the blockade"), "{}", show(&t, &qs));
    let (t, qs) = run("The general continues to insist that the bridgehead is secure.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(qs[0].cue.as_deref(), Some("insist"));
    assert_eq!(speaker_text(&qs[0]), Some("The general"));
    let (t, qs) = run("The general explained why the brigade had pulled back.");
    assert_eq!(content(&t, &qs[0]), "why the brigade had pulled back", "{}", show(&t, &qs));
}

#[test]
fn time_adjuncts_and_datelines_stay_out_of_the_speaker() {
    let (t, qs) = run("The governor on Tuesday said the evacuation would continue.");
    assert_eq!(speaker_text(&qs[0]), Some("The governor"), "{}", show(&t, &qs));
    let text = "KYIV -- President Petrenko, visiting a hospital on Saturday, said the wounded would get the best care.";
    let (t, qs) = run_with(text, &[("Petrenko", Label::Person, "Ivan Petrenko")]);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the wounded would get the best care");
}

#[test]
fn people_within_an_institution_speak_for_themselves() {
    let (t, qs) = run("Officials at the defence ministry said the ship had sunk.");
    assert_eq!(speaker_text(&qs[0]), Some("Officials at the defence ministry"), "{}", show(&t, &qs));
}

#[test]
fn an_according_to_source_may_run_long_and_holds_no_cue() {
    let (t, qs) = run("The strike killed four people, according to a police report released on Sunday.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "The strike killed four people");
}

#[test]
fn a_copula_and_an_adjective_before_a_colon_introduce_a_quote() {
    let (t, qs) = run_with(
        "Hrytsenko was quite direct: “Nobody leaves the bridgehead.”",
        &[("Hrytsenko", Label::Person, "Oleh Hrytsenko")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Hrytsenko"));
}

/// The quote whose content is exactly `want`, or a panic listing all of them.
fn find<'a>(t: &str, qs: &'a [Quote], want: &str) -> &'a Quote {
    qs.iter().find(|q| content(t, q) == want).unwrap_or_else(|| panic!("no quote {want:?}: {}", show(t, qs)))
}

/// The speaker text of the quote whose content is exactly `want` in `text`.
fn said_by(text: &str, names: &[(&str, Label, &str)], want: &str) -> Option<String> {
    let (t, qs) = run_with(text, names);
    speaker_text(find(&t, &qs, want)).map(str::to_string)
}

#[test]
fn a_plain_noun_phrase_speaks_before_a_verb_that_only_reports_clauses() {
    let (t, qs) = run("The retired schoolteacher said the water had been off for a week.");
    let q = find(&t, &qs, "the water had been off for a week");
    assert_eq!(speaker_text(q), Some("The retired schoolteacher"));
    // "told" takes an object, so a plain phrase before it is not enough on its own
    let (t, qs) = run("The old map told a different story about the border.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn a_plain_noun_phrase_speaks_after_a_closed_clause() {
    let text = "The convoy left the city before dawn, the aid agency said.";
    assert_eq!(said_by(text, &[], "The convoy left the city before dawn").as_deref(), Some("the aid agency"));
}

#[test]
fn a_prepositional_object_is_not_the_subject_and_adverbs_never_speak() {
    let text = "Kuleba at the time said the talks were over.";
    let names = [("Kuleba", Label::Person, "Dmytro Kuleba")];
    assert_eq!(said_by(text, &names, "the talks were over").as_deref(), Some("Kuleba"));
    let (t, qs) = run("He mocked the plan, pointedly saying the army was not ready.");
    assert!(qs.iter().all(|q| speaker_text(q) != Some("pointedly")), "{}", show(&t, &qs));
}

#[test]
fn according_to_takes_any_source_and_the_name_after_a_description() {
    let text = "Grain exports fell by a third in March, according to one shipping index.";
    assert_eq!(said_by(text, &[], "Grain exports fell by a third in March").as_deref(), Some("one shipping index"));
    let text = "According to the head of the port authority, Ivan Petrenko, two cranes were destroyed.";
    let names = [("Ivan Petrenko", Label::Person, "Ivan Petrenko")];
    assert_eq!(said_by(text, &names, "two cranes were destroyed").as_deref(), Some("Ivan Petrenko"));
}

#[test]
fn a_participle_after_an_attribution_keeps_its_speaker() {
    let text = "“We need more shells,” the brigade commander said, adding that the winter would be long.";
    assert_eq!(said_by(text, &[], "the winter would be long").as_deref(), Some("the brigade commander"));
}

#[test]
fn a_place_closing_an_appositive_or_a_symbol_inside_it_does_not_hide_the_name() {
    let names = [
        ("Olena Koval", Label::Person, "Olena Koval"),
        ("Irpin", Label::Gpe, "Irpin"),
        ("Ukraine", Label::Gpe, "Ukraine"),
    ];
    let (t, qs) = run_with("Olena Koval, a teacher from Irpin, Ukraine, said the school had reopened.", &names);
    assert_eq!(speaker_text(find(&t, &qs, "the school had reopened")), Some("Olena Koval"));
    let text = "Petro Ivanov, who works for Smith & Partners in Lviv, said the firm had moved west.";
    let (t, qs) = run_with(text, &[("Petro Ivanov", Label::Person, "Petro Ivanov")]);
    assert_eq!(speaker_text(find(&t, &qs, "the firm had moved west")), Some("Petro Ivanov"));
}

#[test]
fn a_colon_after_a_short_clause_introduces_a_quotation() {
    let (t, qs) = run("The general went further: “We will take back every village.”");
    let q = find(&t, &qs, "We will take back every village.");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker_text(q), Some("The general"));
    // a headline keeps its quotation with no speaker; a place before the colon is not one
    let text = "Odesa after the storm: “We have no roof left”\n\nThe port stayed closed on Monday.";
    let (t, qs) = run_with(text, &[("Odesa", Label::Gpe, "Odesa")]);
    let q = find(&t, &qs, "We have no roof left");
    assert!(q.speaker.is_none(), "{}", show(&t, &qs));
    // in the body, a slogan after a colon with no speaking subject is no quotation
    let (t, qs) = run("The march went on for hours. The banner at the front carried one line: “Stop the war.”");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn a_stance_before_a_colon_introduces_reported_speech_without_marks() {
    let text = "The governor of the region, Oleh Syniehubov, was clear: nobody can stay in the villages by the river.";
    let (t, qs) = run_with(text, &[("Oleh Syniehubov", Label::Person, "Oleh Syniehubov")]);
    let q = find(&t, &qs, "nobody can stay in the villages by the river");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker_text(q), Some("Oleh Syniehubov"));
}

#[test]
fn a_unit_named_in_marks_is_part_of_the_speaker_not_a_quotation() {
    let (t, qs) = run("Troops shelled the harbour overnight, the operational command “South” reported.");
    assert!(qs.iter().all(|q| q.kind != QuoteKind::Direct), "{}", show(&t, &qs));
    let q = find(&t, &qs, "Troops shelled the harbour overnight");
    assert!(speaker_text(q).is_some_and(|s| s.contains("operational command")), "{}", show(&t, &qs));
}

#[test]
fn a_weekday_with_a_possessive_opens_a_reported_clause() {
    let text = "Petrenko said Friday's vote had been fair.";
    let (t, qs) = run_with(text, &[("Petrenko", Label::Person, "Ivan Petrenko")]);
    find(&t, &qs, "Friday's vote had been fair");
}

#[test]
fn a_pronoun_resolves_to_a_person_introduced_by_first_name() {
    let (t, qs) = run("Halyna, 64, stayed in her village all winter.\n\n“The shelling never stops,” she said.");
    let q = find(&t, &qs, "The shelling never stops");
    assert_eq!(speaker_text(q), Some("Halyna"));
    // a sentence opening with an adverb and a comma introduces nobody
    let (t, qs) = run("However, the army stayed.\n\n“The shelling never stops,” she said.");
    assert_ne!(speaker_text(&qs[0]), Some("However"), "{}", show(&t, &qs));
}

#[test]
fn modifiers_before_a_capitalised_adjective_stay_in_a_role_speaker() {
    // a lower-case role head keeps "senior" before "Ukrainian"
    let (t, qs) = run("The bridge will be repaired within a month, a senior Polish diplomat told reporters.");
    let q = find(&t, &qs, "The bridge will be repaired within a month");
    assert_eq!(speaker_text(q), Some("a senior Polish diplomat"));
    // an age before a name in apposition belongs to the name, which is the speaker
    let text = "A farmer from Hlukhiv, 68-year-old Petro Sydorenko, said the harvest was lost.";
    let (t, qs) =
        run_with(text, &[("Petro Sydorenko", Label::Person, "Petro Sydorenko"), ("Hlukhiv", Label::Gpe, "Hlukhiv")]);
    assert_eq!(speaker_text(find(&t, &qs, "the harvest was lost")), Some("Petro Sydorenko"));
}

#[test]
fn a_trailing_attribution_followed_by_adding_reports_both_clauses() {
    let text = "Shelling cut power to three districts of the city, the utility said on Monday, adding that crews would work through the night.";
    let (t, qs) = run(text);
    assert_eq!(speaker_text(find(&t, &qs, "Shelling cut power to three districts of the city")), Some("the utility"));
    assert_eq!(speaker_text(find(&t, &qs, "crews would work through the night")), Some("the utility"));
}

#[test]
fn a_stance_colon_after_an_opening_participle_names_the_speaker() {
    // "brief" after a copula is an adjective, not the verb "to brief"
    let text =
        "The plant was shut.\n\nQuestioned about the leak, the site director was brief: “We are checking every pipe.”";
    let (t, qs) = run(text);
    let q = find(&t, &qs, "We are checking every pipe.");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker_text(q), Some("the site director"));
    // an opening adverbial with a date works the same way
    let text = "The plant was shut.\n\nOn Monday, Olha Marchuk was curt: “No comment until the inspection ends.”";
    let (t, qs) = run_with(text, &[("Olha Marchuk", Label::Person, "Olha Marchuk")]);
    assert_eq!(speaker_text(find(&t, &qs, "No comment until the inspection ends.")), Some("Olha Marchuk"));
}

#[test]
fn he_is_a_person_described_by_role_not_a_document_quoted_before() {
    let text = "The report said that grain exports had fallen by a third.\n\nThe ministry's press secretary rejected the figures. “These numbers are simply wrong,” he said.";
    let (t, qs) = run(text);
    let q = find(&t, &qs, "These numbers are simply wrong");
    assert_eq!(speaker_text(q), Some("The ministry's press secretary"), "{}", show(&t, &qs));
    // with no person in between, a document is still never "he"
    let text =
        "The report said that grain exports had fallen by a third.\n\n“These numbers are simply wrong,” he said.";
    let (t, qs) = run(text);
    let q = find(&t, &qs, "These numbers are simply wrong");
    assert_ne!(speaker_text(q), Some("The report"), "{}", show(&t, &qs));
}

#[test]
fn reported_clauses_after_an_aside_a_day_word_or_a_subordinate_clause() {
    let names = [("Marta Hlib", Label::Person, "Marta Hlib")];
    let said = |text: &str, want: &str| {
        let (t, qs) = run_with(text, &names);
        assert_eq!(speaker_text(find(&t, &qs, want)), Some("Marta Hlib"), "{}", show(&t, &qs));
    };
    said("Marta Hlib said, among other things, that the budget was too small.", "the budget was too small");
    said("Marta Hlib said Thursday she would run again.", "she would run again");
    said(
        "Marta Hlib said if the rains came early, the harvest would be saved.",
        "if the rains came early, the harvest would be saved",
    );
    // a negated verb still reports nothing
    let (t, qs) = run_with("Marta Hlib did not say if the rains came early, the harvest was saved.", &names);
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn a_discourse_adverb_between_commas_leaves_the_subject_the_speaker() {
    let (t, qs) = run("The defence ministry, however, said the convoy had turned back.");
    assert_eq!(speaker_text(find(&t, &qs, "the convoy had turned back")), Some("The defence ministry"));
    let (t, qs) = run("Local farmers, meanwhile, say the fields are still mined.");
    assert_eq!(speaker_text(find(&t, &qs, "the fields are still mined")), Some("Local farmers"));
}

#[test]
fn a_participle_of_speech_reports_a_plain_subject_opening_the_sentence() {
    let text = "The charities have pulled their staff out of the town, saying the roads were no longer safe.";
    let (t, qs) = run(text);
    assert_eq!(speaker_text(find(&t, &qs, "the roads were no longer safe")), Some("The charities"));
}

#[test]
fn relative_pronoun_as_the_subject_of_a_report() {
    // "which" / "whose N" / a noun's "that" right before the verb is its subject
    let (t, qs) =
        run("The appeal was filed by the county council, which argued that the new road would split the village.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the new road would split the village");
    assert_eq!(speaker_text(&qs[0]), Some("the county council"));
    let (t, qs) = run("The verdict was a blow to the bakery, whose owners argued that the recipe was their own.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the recipe was their own");
    assert_eq!(speaker_text(&qs[0]), Some("owners"));
    let (t, qs) = run("The board published a study that warned that the lake could dry out within ten years.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the lake could dry out within ten years");
    // the relative inside the content stays out
    let (t, qs) = run("The levy, which critics say is far too high, passed on Monday.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn a_poll_share_as_the_subject() {
    for (s, who, said) in [
        ("Seven in 10 say the river is cleaner than it was.", "Seven in 10", "the river is cleaner than it was"),
        (
            "About 38 percent of renters said they would move if rents rose again.",
            "About 38 percent of renters",
            "they would move if rents rose again",
        ),
        (
            "Clear majorities of parents in both towns say the school day is too long.",
            "Clear majorities of parents in both towns",
            "the school day is too long",
        ),
        ("Among the farmers asked, most of them said the harvest was late.", "most of them", "the harvest was late"),
        ("One in four even said that the ferry should be free.", "One in four", "the ferry should be free"),
    ] {
        let (t, qs) = run(s);
        assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
        assert_eq!(content(&t, &qs[0]), said, "{}", show(&t, &qs));
        assert_eq!(speaker_text(&qs[0]), Some(who), "{}", show(&t, &qs));
    }
    // a quantifier standing alone for people, or before "of"
    for (s, who) in [
        ("Many said they would keep their shops open all winter.", "Many"),
        ("Some of the drivers say the new road is slower.", "Some of the drivers"),
    ] {
        let (t, qs) = run(s);
        assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
        assert_eq!(speaker_text(&qs[0]), Some(who), "{}", show(&t, &qs));
    }
    // "said about half of ...": a share opens the clause
    let (t, qs) = run("The ministry said about half of the pipes were older than fifty years.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "about half of the pipes were older than fifty years");
    // a share that is no subject of the verb
    let (t, qs) = run("The mayor won 52 percent and said the count was fair.");
    assert_eq!(speaker_text(&qs[0]), Some("The mayor"), "{}", show(&t, &qs));
}

#[test]
fn attribution_set_off_by_commas_after_an_opening_clause() {
    // the clause after the attribution is said; a determiner opening it is no description
    let (t, qs) = run("If the rains fail again, the growers warn, the orchards will be lost by autumn.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the orchards will be lost by autumn");
    assert_eq!(speaker_text(&qs[0]), Some("the growers"));
    // a plain subject with a preposition between the commas
    let (t, qs) = run("On most evenings, friends of the painter said, the studio stayed open past midnight.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the studio stayed open past midnight");
    assert_eq!(speaker_text(&qs[0]), Some("friends of the painter"));
    let (t, qs) = run("At the height of the storm, aides to the governor said, the phone lines went dead.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("aides to the governor"));
    // a description after the attribution still hands it the clause before
    let (t, qs) = run("The ferry stopped running on Friday, said Anna Berg, a clerk at the harbour office, who saw the last crossing.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "The ferry stopped running on Friday");
}

#[test]
fn subjects_far_from_their_reporting_verb() {
    // a short opening phrase before the subject of a participle cue
    let (t, qs) = run_with(
        "Last spring, Anna Berg took the side of the striking bakers, saying the owners should pay them more.",
        &[("Anna Berg", Label::Person, "Anna Berg")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the owners should pay them more");
    assert_eq!(speaker_text(&qs[0]), Some("Anna Berg"));
    // a past form right after the determiner is no verb
    let (t, qs) = run("The retired pilot has shared few details of the trip, saying only that the weather was rough.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("The retired pilot"));
    // a plain noun phrase before a coordinated reporting verb, and ", then"
    let (t, qs) = run("The audit listed three late payments and said that the accounts were otherwise in order.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the accounts were otherwise in order");
    assert_eq!(speaker_text(&qs[0]), Some("The audit"));
    let (t, qs) = run_with(
        "Tom Ruiz thanked the crowd, then says he will run again next year.",
        &[("Tom Ruiz", Label::Person, "Tom Ruiz")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "he will run again next year");
    assert_eq!(speaker_text(&qs[0]), Some("Tom Ruiz"));
}

#[test]
fn subjects_set_off_by_a_description_or_an_aside() {
    // a relative description marks any phrase before it as the subject
    let (t, qs) =
        run("The inspector, who asked not to be named because the case is open, said that the wiring had been cut.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the wiring had been cut");
    assert_eq!(speaker_text(&qs[0]), Some("The inspector"));
    // a two-word aside between commas
    let (t, qs) = run("Dairy farmers, for example, argue that milk prices have fallen for a decade.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Dairy farmers"));
    let (t, qs) = run("Supporters of the levy, however, say it would pay for two new schools.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "it would pay for two new schools");
    assert_eq!(speaker_text(&qs[0]), Some("Supporters of the levy"));
}

#[test]
fn modals_before_and_after_a_reporting_verb() {
    let (t, qs) = run("The mayor tells parents they must collect the children by six.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "they must collect the children by six");
    let (t, qs) = run("We can now say, after two years of tests, that the vaccine works.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the vaccine works");
    // a discourse adverb with no commas between subject and verb
    let (t, qs) = run_with("Okafor however said he would back the merger.", &[("Okafor", Label::Person, "Ben Okafor")]);
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("Okafor"));
}

#[test]
fn a_clause_after_the_verb_is_what_was_said_not_what_came_before() {
    // an age and a home town with a state abbreviation are a description of the speaker
    let (t, qs) = run_with(
        "Rosa Lind, 31, of Dayton, Ohio, said she had driven all night to vote.",
        &[("Rosa Lind", Label::Person, "Rosa Lind"), ("Dayton", Label::Gpe, "Dayton"), ("Ohio", Label::Gpe, "Ohio")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "she had driven all night to vote");
    assert_eq!(speaker_text(&qs[0]), Some("Rosa Lind"));
    // an opening participle phrase is no content when a clause follows the verb
    let (t, qs) = run_with(
        "Pointing to the empty shelves, Ortega said they would be restocked on Monday.",
        &[("Ortega", Label::Person, "Luis Ortega")],
    );
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "they would be restocked on Monday");
    // the trailing form still holds
    let (t, qs) = run("The bridge will reopen in May, the engineer said on Tuesday.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "The bridge will reopen in May");
}

#[test]
fn bare_answers_and_reports_joined_by_a_semicolon() {
    let (t, qs) = run("Asked whether the ferry should run at night, 58 percent of residents said yes.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "yes");
    assert_eq!(speaker_text(&qs[0]), Some("58 percent of residents"));
    let (t, qs) = run("The council said no to the new car park.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "no to the new car park");
    // "no" opening a clause stays a clause
    let (t, qs) = run("The ministry said no decision on the tariffs had been taken.");
    assert_eq!(content(&t, &qs[0]), "no decision on the tariffs had been taken");
    // a semicolon before another report ends the first
    let (t, qs) = run("Most said the buses were late too often; 30 percent said they had stopped using them.");
    assert_eq!(qs.len(), 2, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the buses were late too often");
    assert_eq!(content(&t, &qs[1]), "they had stopped using them");
}

#[test]
fn the_charge_of_an_accusation_is_any_of_phrase() {
    let (t, qs) = run("The union accused the owners of greed.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert_eq!(content(&t, &qs[0]), "the owners of greed");
    assert_eq!(speaker_text(&qs[0]), Some("The union"));
    // "of" inside the object of another verb is no charge
    let (t, qs) = run("The union warned the owners of the mill.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn a_long_opening_adverbial_before_a_trailing_attribution() {
    let (t, qs) = run("As the choir gathered on the steps of the old town hall on Sunday, a window above them shattered, police said.");
    assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
    assert!(content(&t, &qs[0]).ends_with("a window above them shattered"), "{}", show(&t, &qs));
    assert_eq!(speaker_text(&qs[0]), Some("police"));
    // the adverbial alone is still no content
    let (t, qs) = run("During the long meeting with the growers in the valley on Friday, the minister said little.");
    assert!(qs.is_empty(), "{}", show(&t, &qs));
}

#[test]
fn manner_of_speaking_verbs_attribute_quotes() {
    for (s, who) in [
        ("\u{201c}Close the door behind you,\u{201d} the sergeant barked.", "the sergeant"),
        ("\u{201c}That is simply not true,\u{201d} the minister fired back.", "the minister"),
        ("The treasurer interjected: \u{201c}We cannot afford a second bridge.\u{201d}", "The treasurer"),
    ] {
        let (t, qs) = run(s);
        assert_eq!(qs.len(), 1, "{}", show(&t, &qs));
        assert_eq!(qs[0].kind, QuoteKind::Direct, "{}", show(&t, &qs));
        assert_eq!(speaker_text(&qs[0]), Some(who), "{}", show(&t, &qs));
    }
}

#[test]
fn a_reported_clause_stops_before_a_quotation_it_runs_into() {
    // a dash before the interrupting quotation cuts the clause as a comma does
    let (t, qs) = run_with(
        "Moreno suggested that the new budget was unrealistic - \u{201c}We need to see the numbers,\u{201d} she said - and asked for a vote.",
        &[("Moreno", Label::Person, "Ana Moreno")],
    );
    assert!(qs.iter().any(|q| content(&t, q) == "the new budget was unrealistic"), "{}", show(&t, &qs));
    assert!(qs.iter().any(|q| content(&t, q) == "We need to see the numbers"), "{}", show(&t, &qs));
}

#[test]
fn a_place_after_a_role_and_of_is_where_the_role_is_not_the_speaker() {
    let names = [("Kirov region", Label::Gpe, "Kirov Oblast"), ("Pskov", Label::Gpe, "Pskov")];
    let text = "The governor of the Kirov region said the depot fire had been put out by the morning.";
    assert_eq!(
        said_by(text, &names, "the depot fire had been put out by the morning").as_deref(),
        Some("The governor of the Kirov region")
    );
    let text = "Two warehouses burned overnight, the mayor of Pskov said.";
    assert_eq!(said_by(text, &names, "Two warehouses burned overnight").as_deref(), Some("the mayor of Pskov"));
}

#[test]
fn a_participle_after_a_trailing_attribution_is_not_what_was_said() {
    // the sentence opens with a time adverbial; the participle phrase after the attribution
    // describes what the speaker did, so the clause before it is the report
    let text = "On Friday, marines landed near the old lighthouse, the navy said, publishing \
                photographs of boats pulled up on the shingle beach below the cliffs.";
    let (t, qs) = run(text);
    let q = find(&t, &qs, "On Friday, marines landed near the old lighthouse");
    assert_eq!(speaker_text(q), Some("the navy"));
    assert!(qs.iter().all(|q| !content(&t, q).starts_with("publishing")), "{}", show(&t, &qs));
}

#[test]
fn a_person_named_after_a_capitalised_institution_is_the_speaker() {
    let names = [("Harbour Board", Label::Org, "Harbour Board"), ("Marta Levchuk", Label::Person, "Marta Levchuk")];
    let text = "Two cranes were damaged, the chair of the Harbour Board, Marta Levchuk, reported on Facebook.";
    assert_eq!(said_by(text, &names, "Two cranes were damaged").as_deref(), Some("Marta Levchuk"));
}

#[test]
fn a_person_inside_a_description_is_not_the_named_speaker() {
    let names = [("Oksana Brel", Label::Person, "Oksana Brel"), ("Petro Hnat", Label::Person, "Petro Hnat")];
    let text = "“The river is rising,” Oksana Brel, a Petro Hnat supporter, told the local paper.";
    let (t, qs) = run_with(text, &names);
    assert_eq!(speaker_text(find(&t, &qs, "The river is rising")), Some("Oksana Brel"), "{}", show(&t, &qs));
    // a description with an adverb before the verb is no reported clause
    let text = "The head of the Rail Authority, Petro Hnat, briefly asked the engineers a question.";
    let (t, qs) = run_with(
        text,
        &[("Petro Hnat", Label::Person, "Petro Hnat"), ("Rail Authority", Label::Org, "Rail Authority")],
    );
    assert!(qs.iter().all(|q| !content(&t, q).starts_with("The head")), "{}", show(&t, &qs));
}

#[test]
fn according_to_a_unit_with_its_name_in_marks() {
    let text = "According to the Naval Command “West”, two patrol boats were sunk near the spit overnight.";
    let (t, qs) = run(text);
    let q = find(&t, &qs, "two patrol boats were sunk near the spit overnight");
    assert!(speaker_text(q).is_some_and(|s| s.contains("Naval Command")), "{}", show(&t, &qs));
    assert!(qs.iter().all(|q| !content(&t, q).contains("West")), "{}", show(&t, &qs));
}

#[test]
fn according_to_inside_a_relative_clause_reports_its_predicate() {
    let names = [("Treasury", Label::Org, "Treasury"), ("Ministry of Finance", Label::Org, "Ministry of Finance")];
    let text = "The Treasury announced penalties for three shipping firms which, according to the Ministry \
                of Finance, moved grain out of the occupied ports.";
    let (t, qs) = run_with(text, &names);
    let q = find(&t, &qs, "moved grain out of the occupied ports");
    assert_eq!(speaker_text(q), Some("Ministry of Finance"), "{}", show(&t, &qs));
    // the outer report ends where the inner one's relative clause begins
    assert!(qs.iter().filter(|q| q.start < q.end).all(|q| !content(&t, q).contains("which")), "{}", show(&t, &qs));
}

#[test]
fn he_resolves_to_a_person_named_by_call_sign() {
    let text = "At the gun position, a sergeant with the call sign “Bober” checks the shells. \
                “We have twenty left,” he says.\n\n\
                Olha Marchenko, a medic, said the wounded wait hours for evacuation.\n\n\
                Bober lights a cigarette. “It will be enough,” he says.";
    let names = [("Olha Marchenko", Label::Person, "Olha Marchenko")];
    let (t, qs) = run_with(text, &names);
    assert_eq!(speaker_text(find(&t, &qs, "We have twenty left")), Some("Bober"), "{}", show(&t, &qs));
    assert_eq!(speaker_text(find(&t, &qs, "It will be enough")), Some("Bober"), "{}", show(&t, &qs));
}

#[test]
fn a_described_person_named_by_first_name_speaks_as_the_description() {
    let names = [("Halyna", Label::Person, "Halyna"), ("Irpin", Label::Gpe, "Irpin")];
    let text = "“The roof came down at four,” a nurse from Irpin, 61-year-old Halyna, told us. \
                Her son, she said, slept through it.";
    let (t, qs) = run_with(text, &names);
    let q = find(&t, &qs, "The roof came down at four");
    assert_eq!(speaker_text(q), Some("a nurse from Irpin"), "{}", show(&t, &qs));
    assert_eq!(q.speaker.as_ref().and_then(|s| s.canonical.as_deref()), Some("Halyna"));
    // the pronoun is the name
    assert_eq!(speaker_text(find(&t, &qs, "slept through it")), Some("Halyna"), "{}", show(&t, &qs));
    // a surname standing for a full name is the speaker, as before
    let names = [("Koval", Label::Person, "Taras Koval")];
    let text = "“The roof came down at four,” the brigade's chief medic, Koval, told us.";
    let (t, qs) = run_with(text, &names);
    assert_eq!(speaker_text(find(&t, &qs, "The roof came down at four")), Some("Koval"), "{}", show(&t, &qs));
}

#[test]
fn a_nationality_before_a_title_and_name_is_not_the_subject() {
    let names = [("Finnish", Label::Norp, "Finnish"), ("Aino Virtanen", Label::Person, "Aino Virtanen")];
    let text = "Finnish Defence Minister Aino Virtanen landed in Odesa on Monday and said the next \
                shipment of shells would arrive within weeks.";
    assert_eq!(
        said_by(text, &names, "the next shipment of shells would arrive within weeks").as_deref(),
        Some("Aino Virtanen")
    );
}
