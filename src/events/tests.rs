use super::*;
use crate::model::{Argument, Days, EventType, Geo, Label, MentionSource, Modality, QuoteKind, Speaker};

/// A hand-made mention: the `nth` occurrence of `surface`.
#[derive(Clone)]
struct M {
    surface: &'static str,
    nth: usize,
    label: Label,
    canonical: Option<&'static str>,
    id: Option<&'static str>,
    geo: Option<(&'static str, f64, f64)>,
    value: Option<&'static str>,
}

fn m(surface: &'static str, label: Label) -> M {
    M { surface, nth: 0, label, canonical: Some(surface), id: None, geo: None, value: None }
}
fn place(surface: &'static str, id: &'static str, country: &'static str, lat: f64, lon: f64) -> M {
    M { id: Some(id), geo: Some((country, lat, lon)), ..m(surface, Label::Gpe) }
}
fn date(surface: &'static str, value: &'static str) -> M {
    M { value: Some(value), canonical: None, ..m(surface, Label::Date) }
}
fn norp(surface: &'static str, country: &'static str) -> M {
    M { geo: Some((country, f64::NAN, f64::NAN)), id: None, ..m(surface, Label::Norp) }
}

fn izium() -> M {
    place("Izium", "geonames:707292", "UA", 49.21, 37.25)
}

/// Byte span of the nth occurrence of `needle`.
fn find(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let s = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} not in {text:?}")).0;
    (s, s + needle.len())
}

struct Run {
    text: String,
    events: Vec<Event>,
}

fn run_with(text: &str, marks: &[M], quotes: impl Fn(&str) -> Vec<Quote>, published: Option<Days>) -> Run {
    crate::context::with_context(text, published, |ctx| run_in(ctx, marks, quotes))
}

/// Events of the text with the hand-made mentions `marks`, or with the recogniser's when
/// there are none (as the pipeline runs it).
fn run_in(ctx: &DocContext, marks: &[M], quotes: impl Fn(&str) -> Vec<Quote>) -> Run {
    if marks.is_empty() {
        let mut mentions = crate::entities::recognize(ctx);
        mentions.extend(crate::dates::recognize(ctx));
        mentions.extend(crate::numbers::recognize(ctx));
        let mentions = crate::resolve::resolve(ctx, mentions);
        let qs = quotes(ctx.text);
        let events = extract(ctx, &mentions, &qs);
        return Run { text: ctx.text.to_string(), events };
    }
    let mentions: Vec<Mention> = marks
        .iter()
        .map(|mk| {
            let (start, end) = find(ctx.text, mk.surface, mk.nth);
            Mention {
                start,
                end,
                sentence: ctx.sentence_of(start),
                label: mk.label,
                canonical: mk.canonical.map(str::to_string),
                entity_id: mk.id.map(str::to_string).or_else(|| mk.canonical.map(|c| format!("test:{c}"))),
                role: None,
                geo: mk.geo.map_or(Geo::default(), |(c, lat, lon)| Geo {
                    country: Some(c.to_string()),
                    lat: (!lat.is_nan()).then_some(lat),
                    lon: (!lon.is_nan()).then_some(lon),
                    ..Default::default()
                }),
                value: mk.value.map(str::to_string),
                source: MentionSource::Lexicon,
            }
        })
        .collect();
    let qs = quotes(ctx.text);
    let events = extract(ctx, &mentions, &qs);
    Run { text: ctx.text.to_string(), events }
}

fn run(text: &str, marks: &[M]) -> Run {
    run_with(text, marks, |_| Vec::new(), Some(day("2022-09-13")))
}

fn day(iso: &str) -> Days {
    crate::dates::parse_iso_day(iso).expect("valid date")
}

impl Run {
    fn trigger(&self, e: &Event) -> &str {
        &self.text[e.start..e.end]
    }
    fn of_type(&self, t: &str) -> Vec<&Event> {
        self.events.iter().filter(|e| e.event_type == t).collect()
    }
    fn one(&self, t: &str) -> &Event {
        let found = self.of_type(t);
        assert_eq!(found.len(), 1, "expected one {t} event, got {}", self.describe());
        found[0]
    }
    fn describe(&self) -> String {
        self.events
            .iter()
            .map(|e| {
                format!(
                    "\n  {} [{}] actor={:?} target={:?} loc={:?} killed={:?} injured={:?} qty={:?} mod={:?} src={:?} q={:?} date={:?}",
                    e.event_type,
                    self.trigger(e),
                    e.actor.as_ref().map(|a| &a.text),
                    e.target.as_ref().map(|a| &a.text),
                    e.location.as_ref().map(|a| &a.text),
                    e.killed,
                    e.injured,
                    e.quantity,
                    e.modality,
                    e.source.as_ref().map(|a| &a.text),
                    e.quote_id,
                    e.date
                )
            })
            .collect()
    }
}

fn text_of(a: &Option<Argument>) -> Option<&str> {
    a.as_ref().map(|a| a.text.as_str())
}

const IZIUM_SENTENCE: &str =
    "On Tuesday, shelling of Izium killed at least 5 civilians and wounded 12, the regional governor said.";

fn check_izium_event(r: &Run) -> &Event {
    assert_eq!(r.events.len(), 1, "{}", r.describe());
    let e = &r.events[0];
    assert_eq!(e.event_type, "ASSAULT");
    assert_eq!(e.subtype.as_deref(), Some("shelling"));
    assert_eq!(r.trigger(e), "shelling");
    let loc = e.location.as_ref().expect("location");
    assert_eq!(loc.text, "Izium");
    assert_eq!(loc.entity_id.as_deref(), Some("geonames:707292"));
    assert_eq!(e.geo.country.as_deref(), Some("UA"));
    assert_eq!(e.geo.lat, Some(49.21));
    assert_eq!(e.geo.lon, Some(37.25));
    assert_eq!(e.date, Some(day("2022-09-13")));
    assert_eq!(e.date_text.as_deref(), Some("Tuesday"));
    assert_eq!(e.killed, Some(5));
    assert_eq!(e.injured, Some(12));
    assert_eq!(e.modality, Modality::Asserted);
    assert!(e.source.as_ref().is_some_and(|s| s.text.contains("governor")), "{}", r.describe());
    e
}

#[test]
fn acceptance_shelling_of_izium_source_from_the_cue() {
    let r = run(IZIUM_SENTENCE, &[izium(), date("Tuesday", "2022-09-13")]);
    let e = check_izium_event(&r);
    assert_eq!(text_of(&e.source), Some("the regional governor"));
    assert_eq!(e.quote_id, None);
    assert_eq!(text_of(&e.target), Some("Izium"));
}

#[test]
fn acceptance_shelling_of_izium_inside_a_quote() {
    let quotes = |t: &str| {
        let (start, _) = find(t, "On Tuesday", 0);
        let (_, end) = find(t, "wounded 12", 0);
        let (ss, se) = find(t, "the regional governor", 0);
        vec![Quote {
            start,
            end,
            sentence: 0,
            kind: QuoteKind::Indirect,
            speaker: Some(Speaker {
                text: "the regional governor".into(),
                canonical: None,
                entity_id: None,
                label: None,
                start: ss,
                end: se,
            }),
            cue: Some("say".into()),
            confidence: 0.8,
            continues: None,
        }]
    };
    let r = run_with(IZIUM_SENTENCE, &[izium(), date("Tuesday", "2022-09-13")], quotes, Some(day("2022-09-13")));
    let e = check_izium_event(&r);
    assert_eq!(e.quote_id, Some(0));
}

#[test]
fn passive_voice_puts_the_target_first_and_the_actor_after_by() {
    let r = run(
        "Kharkiv was shelled by Russian forces overnight.",
        &[place("Kharkiv", "geonames:706483", "UA", 50.0, 36.2), norp("Russian", "RU")],
    );
    let e = r.one("ASSAULT");
    assert_eq!(text_of(&e.target), Some("Kharkiv"), "{}", r.describe());
    assert_eq!(text_of(&e.actor), Some("Russian forces"));
    assert_eq!(e.actor.as_ref().and_then(|a| a.canonical.as_deref()), Some("Russian Armed Forces"));
    assert_eq!(text_of(&e.location), Some("Kharkiv"));
}

#[test]
fn passive_with_a_plain_subject() {
    let r = run("The power plant was shelled again on Monday.", &[]);
    let e = r.one("ASSAULT");
    assert_eq!(text_of(&e.target), Some("The power plant"), "{}", r.describe());
}

#[test]
fn recapture_has_actor_target_and_place() {
    let r = run(
        "Ukrainian forces recaptured Lyman on Saturday.",
        &[norp("Ukrainian", "UA"), place("Lyman", "geonames:702658", "UA", 48.98, 37.8)],
    );
    let e = r.one("SEIZE");
    assert_eq!(text_of(&e.actor), Some("Ukrainian forces"), "{}", r.describe());
    assert_eq!(text_of(&e.target), Some("Lyman"));
    assert_eq!(text_of(&e.location), Some("Lyman"));
    assert_eq!(e.geo.country.as_deref(), Some("UA"));
}

#[test]
fn talks_between_two_parties_at_a_place() {
    let marks = [
        place("Russia", "geonames:2017370", "RU", 60.0, 100.0),
        place("Ukraine", "geonames:690791", "UA", 49.0, 32.0),
        place("Istanbul", "geonames:745044", "TR", 41.01, 28.95),
    ];
    let r = run("Russia and Ukraine held talks in Istanbul.", &marks);
    assert_eq!(r.events.len(), 1, "{}", r.describe());
    let e = &r.events[0];
    assert!(e.event_type == EventType::Consult || e.event_type == EventType::Negotiate);
    assert_eq!(text_of(&e.actor), Some("Russia"));
    assert_eq!(text_of(&e.target), Some("Ukraine"));
    assert_eq!(text_of(&e.location), Some("Istanbul"));
    assert_eq!(e.geo.country.as_deref(), Some("TR"));
    let r = run("Talks between Russia and Ukraine resumed in Istanbul.", &marks);
    let e = &r.events[0];
    assert_eq!((text_of(&e.actor), text_of(&e.target)), (Some("Russia"), Some("Ukraine")), "{}", r.describe());
}

#[test]
fn denial_negates_the_event() {
    let r = run("Moscow denied shelling the plant.", &[place("Moscow", "geonames:524901", "RU", 55.75, 37.6)]);
    let e = r.one("ASSAULT");
    assert_eq!(e.modality, Modality::Negated, "{}", r.describe());
    assert_eq!(text_of(&e.actor), Some("Moscow"));
    assert_eq!(text_of(&e.target), Some("the plant"));
    let r = run("Russian troops did not attack the city.", &[norp("Russian", "RU")]);
    assert_eq!(r.one("ASSAULT").modality, Modality::Negated, "{}", r.describe());
}

#[test]
fn hedges_plans_and_conditions() {
    let r = run(
        "Russian forces reportedly shelled Kherson.",
        &[norp("Russian", "RU"), place("Kherson", "geonames:706448", "UA", 46.6, 32.6)],
    );
    assert_eq!(r.one("ASSAULT").modality, Modality::Hedged, "{}", r.describe());
    let r = run("The strike, if confirmed, would be the deadliest this year.", &[]);
    assert_eq!(r.one("ASSAULT").modality, Modality::Hedged, "{}", r.describe());
    let r = run(
        "Zelensky will visit Washington next week.",
        &[m("Zelensky", Label::Person), place("Washington", "geonames:4140963", "US", 38.9, -77.0)],
    );
    let e = r.one("CONSULT");
    assert_eq!(e.modality, Modality::Planned, "{}", r.describe());
    assert_eq!(text_of(&e.actor), Some("Zelensky"));
    let r = run(
        "If talks fail, Russia could launch a new offensive.",
        &[place("Russia", "geonames:2017370", "RU", 60.0, 100.0)],
    );
    let e = r.one("FIGHT");
    assert_eq!(e.modality, Modality::Hypothetical, "{}", r.describe());
    assert_eq!(text_of(&e.actor), Some("Russia"));
}

#[test]
fn blackouts_are_disruptions() {
    let r = run(
        "Blackouts hit Odesa after Russian drones struck a substation.",
        &[place("Odesa", "geonames:698740", "UA", 46.48, 30.73), norp("Russian", "RU")],
    );
    let e = r.one("DISRUPT");
    assert_eq!(text_of(&e.location), Some("Odesa"), "{}", r.describe());
    let a = r.one("ASSAULT");
    assert_eq!(text_of(&a.actor), Some("Russian drones"));
}

#[test]
fn aid_with_its_amount_is_one_event() {
    let marks = [
        place("United States", "geonames:6252001", "US", 39.8, -98.5),
        place("Ukraine", "geonames:690791", "UA", 49.0, 32.0),
    ];
    let r = run("The United States pledged $2 billion in military aid to Ukraine.", &marks);
    let e = r.one("AID");
    assert_eq!(e.quantity.as_deref(), Some("$2 billion"), "{}", r.describe());
    assert_eq!(text_of(&e.actor), Some("United States"));
    assert_eq!(text_of(&e.target), Some("Ukraine"));
    assert!(e.location.is_none(), "an aid pledge has no place here: {}", r.describe());
}

#[test]
fn quantities_count_soldiers_and_refugees() {
    let r = run(
        "Russia deployed 10,000 soldiers to the border.",
        &[place("Russia", "geonames:2017370", "RU", 60.0, 100.0)],
    );
    assert_eq!(r.one("MOBILIZE").quantity.as_deref(), Some("10,000 soldiers"), "{}", r.describe());
    let r = run(
        "Some 3.6 million refugees have crossed into Poland.",
        &[place("Poland", "geonames:798544", "PL", 52.0, 20.0)],
    );
    assert_eq!(r.one("DISPLACE").quantity.as_deref(), Some("Some 3.6 million refugees"), "{}", r.describe());
}

#[test]
fn according_to_gives_the_source() {
    let r = run(
        "According to the Ukrainian military, Russian troops attacked Bakhmut.",
        &[norp("Ukrainian", "UA"), norp("Russian", "RU"), place("Bakhmut", "geonames:712165", "UA", 48.6, 38.0)],
    );
    let e = r.one("ASSAULT");
    assert_eq!(text_of(&e.source), Some("the Ukrainian military"), "{}", r.describe());
    assert_eq!(text_of(&e.actor), Some("Russian troops"));
    assert_eq!(text_of(&e.target), Some("Bakhmut"));
}

#[test]
fn a_trigger_inside_a_quote_takes_the_quote() {
    let text = "\"We repelled the attack on Avdiivka,\" the commander said.";
    let quotes = |t: &str| {
        let (start, end) = find(t, "We repelled the attack on Avdiivka,", 0);
        let (ss, se) = find(t, "the commander", 0);
        vec![Quote {
            start,
            end,
            sentence: 0,
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                text: "the commander".into(),
                canonical: None,
                entity_id: None,
                label: None,
                start: ss,
                end: se,
            }),
            cue: Some("say".into()),
            confidence: 0.9,
            continues: None,
        }]
    };
    let r = run_with(text, &[place("Avdiivka", "geonames:713174", "UA", 48.14, 37.74)], quotes, None);
    assert!(!r.events.is_empty(), "{}", r.describe());
    for e in &r.events {
        assert_eq!(e.quote_id, Some(0), "{}", r.describe());
        assert_eq!(text_of(&e.source), Some("the commander"));
    }
    // the attack repelled is one row, the attack on Avdiivka
    let a = r.one("ASSAULT");
    assert_eq!(text_of(&a.target), Some("Avdiivka"));
    assert!(r.of_type("FIGHT").is_empty(), "{}", r.describe());
}

#[test]
fn casualties_without_an_attack_are_one_event() {
    let r = run(
        "Three civilians were killed and 10 injured in Kharkiv.",
        &[place("Kharkiv", "geonames:706483", "UA", 50.0, 36.2)],
    );
    let e = r.one("CASUALTIES");
    assert_eq!((e.killed, e.injured), (Some(3), Some(10)), "{}", r.describe());
    assert_eq!(text_of(&e.location), Some("Kharkiv"));
}

#[test]
fn casualty_counts_in_many_shapes() {
    let cases: [(&str, Option<u32>, Option<u32>); 8] = [
        ("A child was killed in the attack.", Some(1), None),
        ("Dozens were killed overnight.", Some(24), None),
        ("The death toll rose to 20 on Friday.", Some(20), None),
        ("The blast left 3 dead and 10 injured.", Some(3), Some(10)),
        ("Two soldiers killed, four wounded.", Some(2), Some(4)),
        ("Russian missiles hit the city, killing five people.", Some(5), None),
        ("Twelve people were wounded by the shelling.", None, Some(12)),
        ("The strike on three villages injured a woman.", None, Some(1)),
    ];
    for (text, killed, injured) in cases {
        let r = run(text, &[]);
        assert!(!r.events.is_empty(), "{text}");
        let with_counts: Vec<&Event> = r.events.iter().filter(|e| e.killed.is_some() || e.injured.is_some()).collect();
        let got = with_counts.first().map_or((None, None), |e| (e.killed, e.injured));
        assert_eq!(got, (killed, injured), "{text}: {}", r.describe());
    }
}

#[test]
fn a_casualty_word_does_not_duplicate_the_attack() {
    let r = run(
        "A Russian missile strike killed 7 people in Zaporizhzhia.",
        &[norp("Russian", "RU"), place("Zaporizhzhia", "geonames:687700", "UA", 47.8, 35.2)],
    );
    assert_eq!(r.events.len(), 1, "{}", r.describe());
    let e = &r.events[0];
    assert_eq!(e.event_type, "ASSAULT");
    assert_eq!(text_of(&e.actor), Some("Russian"));
    assert_eq!(e.killed, Some(7));
    assert_eq!(e.quantity, None);
}

#[test]
fn dates_are_inherited_within_a_paragraph() {
    let text = "On Tuesday, shelling hit Izium. Two people died.\n\nFighting continued near Bakhmut.";
    let r = run(text, &[izium(), date("Tuesday", "2022-09-13")]);
    // "Two people died" is the shelling's toll: one row (see merge_repeats)
    assert_eq!(r.events.len(), 2, "{}", r.describe());
    assert_eq!(r.events[0].date, Some(day("2022-09-13")));
    assert_eq!(r.events[0].killed, Some(2), "{}", r.describe());
    // another paragraph: no date of its own, so the publication date, and it says so
    assert_eq!(r.events[1].date, Some(day("2022-09-13")), "{}", r.describe());
    assert_eq!(r.events[1].date_text, None);
    assert_eq!(r.events[1].date_source, Some("published"));
    // without a place of its own, a casualty report right after an attack is its toll
    let r = run("On Tuesday, shelling hit the outskirts. Two people died.", &[date("Tuesday", "2022-09-13")]);
    assert_eq!(r.events.len(), 1, "{}", r.describe());
    assert_eq!(r.events[0].killed, Some(2), "{}", r.describe());
    assert_eq!(r.events[0].date, Some(day("2022-09-13")));
    // after a tally of attacks it stays a report of its own, dated by its paragraph
    let r =
        run("On Tuesday, the enemy launched 12 missile strikes. Two people died.", &[date("Tuesday", "2022-09-13")]);
    let died = r.of_type("CASUALTIES");
    assert_eq!(died.len(), 1, "{}", r.describe());
    assert_eq!(died[0].date_source, Some("paragraph"), "{}", r.describe());
}

#[test]
fn what_an_attack_did_and_its_later_toll_are_the_attack() {
    // a participle after the attack verb is its consequence; the next sentence's toll and
    // "the overnight strike" further on point back at it
    let text = "Missiles hit the port of Izium overnight, destroying two warehouses. Four dockers were hurt.\n\n\
                Elsewhere, talks went on.\n\nIn Izium, the toll from the overnight strike rose to three dead.";
    let r = run(text, &[]);
    let assaults = r.of_type("ASSAULT");
    assert_eq!(assaults.len(), 1, "{}", r.describe());
    assert_eq!(assaults[0].injured, Some(4), "{}", r.describe());
    assert_eq!(assaults[0].killed, Some(3), "{}", r.describe());
    assert!(r.of_type("DESTROY").is_empty() && r.of_type("CASUALTIES").is_empty(), "{}", r.describe());
}

#[test]
fn what_a_demand_or_talks_are_about_is_no_event() {
    let r = run("The minister urged faster deliveries of shells and ruled out talks on a truce deal.", &[]);
    assert!(r.of_type("AID").is_empty(), "{}", r.describe());
    assert!(r.of_type("AGREE").is_empty(), "{}", r.describe());
    assert_eq!(r.of_type("DEMAND").len(), 1, "{}", r.describe());
    // "the 300th day of the invasion" is the war the story happens in
    let r = run("On the 300th day of the invasion, officials counted the damage.", &[]);
    assert!(r.of_type("FIGHT").is_empty(), "{}", r.describe());
}

#[test]
fn without_mentions_the_gazetteer_and_capitals_stand_in() {
    let r = run("Russian forces shelled Kharkiv overnight, the governor said.", &[]);
    let e = r.one("ASSAULT");
    assert_eq!(text_of(&e.actor), Some("Russian forces"), "{}", r.describe());
    assert_eq!(text_of(&e.target), Some("Kharkiv"));
    assert_eq!(text_of(&e.location), Some("Kharkiv"));
    assert_eq!(e.geo.country.as_deref(), Some("UA"));
    assert!(e.geo.lat.is_some());
    assert_eq!(text_of(&e.source), Some("the governor"));
}

#[test]
fn non_events_are_left_alone() {
    for text in [
        "He died of a heart attack in 2019.",
        "Aid workers opened a new office.",
        "The occupied territories remain tense.",
        "She sent a letter to the editor.",
        "The war in Ukraine is in its second year.",
        "The Security Council met in March.",
    ] {
        let marks = if text.contains("Security Council") { vec![m("Security Council", Label::Org)] } else { vec![] };
        let r = run(text, &marks);
        let bad: Vec<&Event> = r
            .events
            .iter()
            .filter(|e| e.event_type != EventType::Consult && e.event_type != EventType::Casualties)
            .collect();
        assert!(bad.is_empty(), "{text}: {}", r.describe());
    }
    let r = run("He died of a heart attack.", &[]);
    assert!(r.of_type("ASSAULT").is_empty());
}

#[test]
fn verb_and_noun_of_one_type_merge() {
    let r = run(
        "Kyiv and Warsaw signed a security agreement on Monday.",
        &[place("Kyiv", "geonames:703448", "UA", 50.45, 30.52), place("Warsaw", "geonames:756135", "PL", 52.2, 21.0)],
    );
    let e = r.one("AGREE");
    assert_eq!(r.trigger(e), "signed");
    assert_eq!((text_of(&e.actor), text_of(&e.target)), (Some("Kyiv"), Some("Warsaw")), "{}", r.describe());
}

#[test]
fn events_are_sorted_and_unique() {
    let r = run("Drones attacked Kyiv. Russian shelling of Kherson continued; three people were killed.", &[]);
    let starts: Vec<usize> = r.events.iter().map(|e| e.start).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(starts, sorted, "{}", r.describe());
    // "three people were killed" is in its own clause: a separate casualty event, placed
    // where the shelling was (not in Kyiv, and "Kherson continued" is no attribution)
    let died = r.of_type("CASUALTIES");
    assert_eq!(died.len(), 1, "{}", r.describe());
    assert_eq!(died[0].location.as_ref().map(|l| l.text.as_str()), Some("Kherson"), "{}", r.describe());
    assert_eq!(died[0].source, None, "{}", r.describe());
}

#[test]
fn parse_iso_day_accepts_only_full_days() {
    assert_eq!(crate::dates::parse_iso_day("1970-01-01"), Some(0));
    assert_eq!(crate::dates::parse_iso_day("2022-09-13"), Some(19248));
    for bad in ["2022-09", "2022-02-30", "13.09.2022", "", "2022-13-01", "2022-09-13T10:00"] {
        assert_eq!(crate::dates::parse_iso_day(bad), None, "{bad}");
    }
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "killed",
        "\"",
        "shelling of",
        "according to",
        ", said",
        "Killed killed killed 5 5 5 by by by",
        "The toll rose to",
        "Russia and and and held talks between and",
        "Обстріл Харкова 😀 shelling — attack… \"quoted\" ‘x’",
        "A\n\nB shelled\n\nC",
    ] {
        let _ = run(text, &[]);
        let _ = run_with(
            text,
            &[],
            |_| {
                vec![Quote {
                    start: 0,
                    end: text.len(),
                    sentence: 0,
                    kind: QuoteKind::Direct,
                    speaker: None,
                    cue: None,
                    confidence: 0.1,
                    continues: None,
                }]
            },
            None,
        );
    }
}

#[test]
fn an_accusation_is_the_event_not_the_act_it_names() {
    // the act is what the accusation says, told by one side: the row is the accusation
    // (an attack it refers to is reported, if at all, in its own words elsewhere)
    let marks =
        [place("Kyiv", "geonames:703448", "UA", 50.45, 30.52), place("Moscow", "geonames:524901", "RU", 55.75, 37.6)];
    let r = run("Kyiv accused Moscow of deliberately targeting power plants.", &marks);
    assert!(r.of_type("ASSAULT").is_empty(), "{}", r.describe());
    let a = r.one("ACCUSE");
    assert_eq!((text_of(&a.actor), text_of(&a.target)), (Some("Kyiv"), Some("Moscow")));
}

#[test]
fn death_toll_of_an_earlier_strike() {
    let r = run(
        "The death toll from Saturday's strike on Dnipro has risen to 40, rescuers said.",
        &[place("Dnipro", "geonames:709930", "UA", 48.45, 34.98)],
    );
    let e = r.one("ASSAULT");
    assert_eq!(e.killed, Some(40), "{}", r.describe());
    assert_eq!(text_of(&e.target), Some("Dnipro"));
    assert_eq!(text_of(&e.source), Some("rescuers"));
}

#[test]
fn counts_across_a_parenthesis() {
    let r = run(
        "At least 9 people, including two children, were killed in Kramatorsk.",
        &[place("Kramatorsk", "geonames:704147", "UA", 48.72, 37.56)],
    );
    let e = r.one("CASUALTIES");
    assert_eq!(e.killed, Some(9), "{}", r.describe());
}

#[test]
fn names_that_look_like_cues_or_triggers_are_names() {
    // a newsletter promo is no agreement
    assert!(run("Sign up for our morning briefing.", &[]).events.is_empty());
    // "States" is no cue, "live-fire" no attack, "attack helicopters" no attack
    let r = run("The United States held a live-fire drill with attack helicopters near Lviv.", &[]);
    assert!(r.of_type("ASSAULT").is_empty(), "{}", r.describe());
    assert!(r.events.iter().all(|e| e.source.is_none()), "{}", r.describe());
}

#[test]
fn aid_goes_to_the_recipient_and_wishes_are_hypothetical() {
    let r = run(
        "Zelensky urged Western allies to supply more air defence systems to Ukraine.",
        &[m("Zelensky", Label::Person), place("Ukraine", "geonames:690791", "UA", 49.0, 32.0)],
    );
    let aid = r.one("AID");
    assert_eq!(aid.modality, Modality::Hypothetical, "{}", r.describe());
    assert_eq!(text_of(&aid.actor), Some("Western allies"));
    assert_eq!(text_of(&aid.target), Some("Ukraine"));
    let demand = r.one("DEMAND");
    assert_eq!(text_of(&demand.actor), Some("Zelensky"));
}

#[test]
fn a_participle_clause_shares_the_main_subject() {
    let r = run(
        "Ukrainian troops pushed east after recapturing Kupiansk.",
        &[norp("Ukrainian", "UA"), place("Kupiansk", "geonames:704422", "UA", 49.7, 37.6)],
    );
    let e = r.one("SEIZE");
    assert_eq!(text_of(&e.actor), Some("Ukrainian troops"), "{}", r.describe());
    assert_eq!(text_of(&e.location), Some("Kupiansk"));
}

#[test]
fn a_run_on_sentence_is_read_whole() {
    // (Its speed is measured by bench/bench_speed.py, not asserted here.)
    let piece = "Russian forces shelled Kharkiv, killing 3 people, the governor said, and ";
    let text: String = piece.repeat(400) + "drones struck Odesa.";
    let r = run(&text, &[]);
    // the end of the sentence is read: its last event is there
    assert!(r.events.iter().any(|e| e.location.as_ref().is_some_and(|l| l.text == "Odesa")), "{}", r.describe());
}

// ---------------------------------------------------------------------------------------
// Accidents, new trigger classes, counts, date chain and aggregates (wording of our own)

/// (text, an event type that must appear or None for "no war event", killed, injured)
type Case<'a> = (&'a str, Option<&'a str>, Option<u32>, Option<u32>);

fn check_table(cases: &[Case]) {
    for (text, ty, killed, injured) in cases {
        let r = run(text, &[]);
        let war = r
            .events
            .iter()
            .filter(|e| {
                matches!(
                    e.event_type,
                    EventType::Assault
                        | EventType::Fight
                        | EventType::Seize
                        | EventType::Retreat
                        | EventType::Casualties
                )
            })
            .count();
        match ty {
            None => assert_eq!(war, 0, "{text}: {}", r.describe()),
            Some(t) => assert!(r.events.iter().any(|e| e.event_type == *t), "{text}: want {t}: {}", r.describe()),
        }
        if killed.is_some() || injured.is_some() {
            let k = r.events.iter().filter_map(|e| e.killed).max();
            let i = r.events.iter().filter_map(|e| e.injured).max();
            assert_eq!((k, i), (*killed, *injured), "{text}: {}", r.describe());
        }
    }
}

#[test]
fn accidents_and_disasters_are_no_war_events() {
    check_table(&[
        ("A boiler explosion at a textile factory killed four workers on Monday.", None, None, None),
        ("Three people died when a gas cylinder blast tore through a restaurant kitchen.", None, None, None),
        ("The typhoon struck the coast overnight, flattening hundreds of homes.", None, None, None),
        ("A fertiliser warehouse caught fire. The blasts that followed injured 30 people.", None, None, None),
        // a weapon or an armed actor keeps the attack
        ("A roadside bomb explosion near a fuel depot killed two soldiers.", Some("ASSAULT"), Some(2), None),
        ("Militants set off an explosion at the gas plant, wounding six guards.", Some("ASSAULT"), None, Some(6)),
        ("The power station was shelled again, officials said.", Some("ASSAULT"), None, None),
    ]);
}

#[test]
fn new_classes_of_violence_are_found() {
    check_table(&[
        ("Two attackers blew themselves up outside a police station.", Some("ASSAULT"), None, None),
        ("Monitors said a chlorine attack hit the rebel-held suburb.", Some("ASSAULT"), None, None),
        ("A crowd lynched a man accused of theft in the market.", Some("ASSAULT"), None, None),
        ("Soldiers raped two women at a checkpoint, a rights group said.", Some("ASSAULT"), None, None),
        ("Rioters torched a bus depot and several shops.", Some("DESTROY"), None, None),
        ("Troops recovered a cache of rifles and ammunition in the hills.", Some("SEIZE"), None, None),
        ("Police seized heroin worth two million dollars.", None, None, None),
        ("The governor asked the army to take control of the water services.", None, None, None),
        ("A rebel commander defected to the government side with 40 fighters.", Some("RETREAT"), None, None),
        ("The president spoke by phone with his French counterpart.", Some("CONSULT"), None, None),
        ("Fighters raised the flag over the town hall of Marinka.", Some("SEIZE"), None, None),
    ]);
}

#[test]
fn vague_listed_joint_and_zero_counts() {
    check_table(&[
        ("Several civilians were killed in the shelling.", Some("ASSAULT"), Some(3), None),
        ("The airstrike killed dozens of fighters.", Some("ASSAULT"), Some(24), None),
        ("Scores were wounded in the bombing.", Some("ASSAULT"), None, Some(40)),
        ("Two soldiers and five civilians were killed in the attack.", Some("ASSAULT"), Some(7), None),
        ("A shopkeeper was killed when a grenade went off.", Some("CASUALTIES"), Some(1), None),
        ("The ambush killed or wounded 26 soldiers.", Some("ASSAULT"), None, None),
        ("The rocket hit an empty field and no one was hurt.", Some("ASSAULT"), None, Some(0)),
    ]);
}

#[test]
fn approximate_counts_are_flagged() {
    let r = run("Shelling killed more than 20 people in Izium.", &[izium()]);
    let e = r.one("ASSAULT");
    assert_eq!((e.killed, e.approximate), (Some(20), Some(true)), "{}", r.describe());
    let r = run("Shelling killed 4 people in Izium.", &[izium()]);
    assert_eq!(r.one("ASSAULT").approximate, Some(false));
}

#[test]
fn totals_that_repeat_other_rows_are_aggregates() {
    // the first figure is a running total, the second a regional sum of two strikes
    let text = "Since the start of the invasion, shelling has killed 900 civilians in the region.\n\nShelling killed five people on Tuesday. A missile strike killed three in one village and artillery fire killed two in another.";
    let r = run(text, &[]);
    let agg: Vec<Option<u32>> = r.events.iter().filter(|e| e.aggregate == Some(true)).map(|e| e.killed).collect();
    assert_eq!(agg, vec![Some(900), Some(5)], "{}", r.describe());
    let sum: u32 = r.events.iter().filter(|e| e.aggregate != Some(true)).filter_map(|e| e.killed).sum();
    assert_eq!(sum, 5, "each death counted once: {}", r.describe());
}

#[test]
fn running_totals_since_a_war_began_are_aggregates() {
    for text in [
        "Nearly 9,000 civilians have died since the conflict erupted, the monitors said.",
        "At least 2,500 people have been killed since Moscow's all-out invasion in 2022.",
        "Some 700 residents were killed since hostilities resumed last spring.",
        "The mission counts 1,100 dead since February 2022.",
    ] {
        let r = run(text, &[]);
        assert!(!r.events.is_empty(), "{}", r.describe());
        assert!(r.events.iter().all(|e| e.aggregate == Some(true)), "{text}: {}", r.describe());
    }
    // a few days' reports told one by one are no running total
    let r = run("Shelling has killed four people in the town since Monday.", &[]);
    assert!(r.events.iter().all(|e| e.aggregate != Some(true)), "{}", r.describe());
}

#[test]
fn personnel_losses_are_no_death_toll() {
    // "lost 380 troops" counts the dead and the wounded together: the figure is the
    // quantity, and the actor is the side that dealt the losses
    let r =
        run("The defence ministry said Ukrainian forces lost as many as 380 troops across the front in a day.", &[]);
    let e = r.one("CASUALTIES");
    assert_eq!((e.killed, e.injured), (None, None), "{}", r.describe());
    assert_eq!(e.aggregate, Some(true), "the whole front sums up: {}", r.describe());
    assert!(e.quantity.as_deref().is_some_and(|q| q.contains("380")), "{}", r.describe());
    let actor = e.actor.as_ref().and_then(|a| a.canonical.as_deref()).unwrap_or("");
    assert!(actor.contains("Russia"), "{}", r.describe());
    let r = run("Moscow's losses in the sector amounted to 90 soldiers, the brigade said.", &[]);
    let e = r.one("CASUALTIES");
    assert_eq!(e.killed, None, "{}", r.describe());
    assert_eq!(e.aggregate, Some(false), "one sector is no total: {}", r.describe());
    // who inflicts the losses stays the actor
    let r = run("Our units inflicted losses of 60 servicemen on the invaders near Robotyne.", &[]);
    assert!(r.events.iter().all(|e| e.killed.is_none()), "{}", r.describe());
}

#[test]
fn a_city_borough_is_the_city_and_one_strike_is_one_row() {
    let text = "Russian missiles struck Odesa overnight, killing three people, officials said.\n\nRescuers found a fourth body in the rubble of a house in the Prymorskyi district. Falling debris also set fire to a shop in Kyivskyi district.\n\nTwelve people were wounded in the city, the mayor's office said.";
    let r = run(text, &[]);
    let violent: Vec<&Event> =
        r.events.iter().filter(|e| matches!(e.event_type, EventType::Assault | EventType::Casualties)).collect();
    assert_eq!(violent.len(), 1, "{}", r.describe());
    assert_eq!(loc(violent[0]), Some("Odesa"), "{}", r.describe());
    assert_eq!(violent[0].injured, Some(12), "{}", r.describe());
    // a raion named after its town is no borough of the city before it
    let r = run("Shelling hit Odesa on Monday. A drone hit a farm in the Bilhorod-Dnistrovskyi district.", &[]);
    assert!(r.events.iter().any(|e| loc(e) != Some("Odesa")), "{}", r.describe());
}

#[test]
fn a_denial_of_casualties_is_the_attacks_zero() {
    let r = run("A drone hit a warehouse in Izium overnight. Nobody was hurt, the governor said.", &[izium()]);
    assert!(r.of_type("CASUALTIES").is_empty(), "{}", r.describe());
    assert_eq!(r.one("ASSAULT").injured, Some(0), "{}", r.describe());
    let r = run("Shelling damaged a school in Izium. No civilians were killed.", &[izium()]);
    assert!(r.of_type("CASUALTIES").is_empty(), "{}", r.describe());
    assert!(r.events.iter().any(|e| e.killed == Some(0)), "{}", r.describe());
}

#[test]
fn what_a_truce_would_stop_is_no_attack() {
    for text in [
        "Diplomats discussed a moratorium on strikes against power plants.",
        "The envoy said a pause in the shelling could come within days.",
        "Both armies are bound by a ban on attacks on the dam.",
    ] {
        let r = run(text, &[]);
        assert!(r.of_type("ASSAULT").is_empty(), "{text}: {}", r.describe());
    }
}

#[test]
fn a_bracketed_acronym_does_not_cut_the_subject_from_its_verb() {
    let r = run("The Rapid Support Forces (RSF) shelled a camp near Nyala on Friday.", &[]);
    let e = r.one("ASSAULT");
    assert_eq!(e.actor.as_ref().map(|a| a.text.as_str()), Some("Rapid Support Forces"), "{}", r.describe());
}

#[test]
fn a_shoot_down_is_never_the_launchers() {
    let text = "Overnight Moscow launched 70 drones and 9 missiles at Ukraine, of which 62 drones were shot down, the air force said.";
    let r = run(text, &[]);
    assert_eq!(r.of_type("DESTROY").len(), 1, "{}", r.describe());
    for e in r.of_type("DESTROY") {
        let actor = e.actor.as_ref().map(|a| format!("{} {:?}", a.text, a.canonical)).unwrap_or_default();
        assert!(!actor.contains("Moscow") && !actor.contains("Russia"), "{}", r.describe());
        assert_ne!(loc(e), Some("Moscow"), "{}", r.describe());
    }
    // what air defence destroyed is no damage done by the attack before it
    let r = run("Russian missiles hit Izium overnight. Three of the missiles were shot down.", &[izium()]);
    assert_eq!(r.of_type("DESTROY").len(), 1, "{}", r.describe());
}

#[test]
fn how_an_attack_was_done_and_its_repulse_are_that_attack() {
    // a participle of manner after the strikes is no second attack
    let r = run("The occupiers carried out 31 air strikes, dropping 58 guided bombs on our positions.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    // the repulse told in the attack's own sentence
    let r = run("Near Kurakhove the enemy attacked three times; all three assaults were repelled.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    assert_eq!(r.events.len(), 1, "{}", r.describe());
}

#[test]
fn what_a_war_has_done_so_far_is_a_running_total() {
    let r = run("The conflict, which began in 2023, has killed at least 15,000 people, aid groups say.", &[]);
    let e = r.events.iter().find(|e| e.killed == Some(15000)).expect("a toll");
    assert_eq!(e.aggregate, Some(true), "{}", r.describe());
}

#[test]
fn a_list_that_ends_with_the_city_of_x_is_one_list() {
    let r = run("Russian troops shelled Beryslav, Tiahynka and the town of Kozatske overnight.", &[]);
    let places: Vec<Option<&str>> = r.of_type("ASSAULT").iter().map(|e| loc(e)).collect();
    assert_eq!(places.len(), 3, "{}", r.describe());
    assert!(places.contains(&Some("Kozatske")), "{}", r.describe());
}

#[test]
fn attacks_toward_listed_villages_are_one_row_each() {
    let r = run("Russian troops attacked near Toretsk itself and toward Shcherbynivka, Druzhba, and Dyliivka.", &[]);
    let places: Vec<Option<&str>> = r.of_type("ASSAULT").iter().map(|e| loc(e)).collect();
    assert_eq!(places.len(), 4, "{}", r.describe());
    // what is taken is where, over a place the next clause heads for
    let r = run("Should the enemy capture Kurakhove, it would push towards Andriivka.", &[]);
    assert_eq!(loc(r.one("SEIZE")), Some("Kurakhove"), "{}", r.describe());
}

#[test]
fn jets_scrambled_are_a_deployment() {
    let r = run("Romania scrambled two F-16 fighter jets after drones crossed into its airspace.", &[]);
    assert_eq!(r.of_type("MOBILIZE").len(), 1, "{}", r.describe());
    let r = run("Residents scrambled to the shelters as the sirens sounded.", &[]);
    assert!(r.of_type("MOBILIZE").is_empty(), "{}", r.describe());
}

#[test]
fn a_weapon_subject_reaches_its_second_verb() {
    let text = "A Russian attack drone flew along the river before dawn, circling twice over the port, and crashed into a grain terminal in Izmail.";
    let r = run(text, &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    // a plane is no weapon
    let r = run("The airliner taxied along the runway for several minutes in the fog and crashed into a fence.", &[]);
    assert!(r.of_type("ASSAULT").is_empty(), "{}", r.describe());
}

#[test]
fn two_days_after_puts_the_happening_two_days_back() {
    let text = "Much of Odesa still had no water on Saturday, three days after a Russian missile strike hit the pumping station.";
    let r = run_with(text, &[], |_| Vec::new(), crate::dates::parse_iso_day("2024-03-10"));
    let e = r.one("ASSAULT");
    assert_eq!(e.date, crate::dates::parse_iso_day("2024-03-06"), "{}", r.describe());
}

#[test]
fn dates_fall_back_along_the_chain() {
    let text = "On Tuesday, shelling hit Izium.\n\nA drone attack hit Kharkiv earlier this week.";
    let r = run(text, &[izium(), date("Tuesday", "2022-09-13"), date("earlier this week", "2022-W37")]);
    assert_eq!(r.events[0].date_source, Some("clause"), "{}", r.describe());
    assert_eq!(r.events[1].date, None, "a vague time keeps no date: {}", r.describe());
}

// ---------------------------------------------------------------------------------------
// Places as a document model, one row per place, one row per happening, sides

fn loc(e: &Event) -> Option<&str> {
    e.location.as_ref().map(|l| l.text.as_str())
}

#[test]
fn location_chain_clause_paragraph_dateline_headline() {
    // (text, type, the event's sentence, expected place, expected location_source)
    let cases: &[(&str, &str, u32, &str, &str)] = &[
        ("In Kherson, three people died after shelling hit a bus stop.", "ASSAULT", 0, "Kherson", "clause"),
        (
            "Shelling hit Sumy overnight. A second strike on the city wounded two people.",
            "ASSAULT",
            1,
            "Sumy",
            "paragraph",
        ),
        (
            "Night of sirens in Odesa\nA drone struck a grain terminal overnight, injuring two workers.",
            "ASSAULT",
            1,
            "Odesa",
            "headline",
        ),
        (
            "Rockets pounded Nikopol before dawn. Police said dozens of residents were evacuated there.",
            "DISPLACE",
            1,
            "Nikopol",
            "paragraph",
        ),
        (
            "Across the Kherson region, Russian forces fired on 27 settlements.",
            "ASSAULT",
            0,
            "Kherson Oblast",
            "clause",
        ),
    ];
    for &(text, ty, sentence, place, source) in cases {
        let r = run(text, &[]);
        let e = r
            .events
            .iter()
            .find(|e| e.event_type == ty && e.sentence == sentence)
            .unwrap_or_else(|| panic!("{text}: no {ty} in sentence {sentence}: {}", r.describe()));
        assert_eq!(loc(e), Some(place), "{text}: {}", r.describe());
        if source != "clause" {
            assert_eq!(e.location_source, Some(source), "{text}: {}", r.describe());
        } else {
            assert!(matches!(e.location_source, Some("clause") | Some("sentence")), "{text}: {:?}", e.location_source);
        }
    }
}

#[test]
fn the_dateline_place_is_a_fallback() {
    let text = "LVIV, May 3 (Newsframe) - A missile strike wounded two people overnight, the governor said.";
    let lviv = M { canonical: Some("Lviv"), ..place("LVIV", "geonames:702550", "UA", 49.84, 24.02) };
    let r = run(text, &[lviv]);
    let e = r.one("ASSAULT");
    assert_eq!(loc(e), Some("Lviv"), "{}", r.describe());
    assert_eq!(e.location_source, Some("dateline"));
}

#[test]
fn listed_places_give_one_row_each() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "Missiles also struck Lviv, Ternopil, Zhytomyr and Dnipro.",
            "ASSAULT",
            &["Lviv", "Ternopil", "Zhytomyr", "Dnipro"],
        ),
        ("Our defenders repelled attacks near Torske and Terny.", "ASSAULT", &["Torske", "Terny"]),
    ];
    for &(text, ty, places) in cases {
        let r = run(text, &[]);
        let rows = r.of_type(ty);
        let got: Vec<&str> = rows.iter().filter_map(|e| loc(e)).collect();
        assert_eq!(got, places, "{text}: {}", r.describe());
        assert!(rows.iter().all(|e| e.start == rows[0].start && e.end == rows[0].end), "{text}: one trigger");
    }
}

#[test]
fn general_staff_lists_have_the_enemy_as_actor() {
    let r =
        run("On the Bakhmut axis, the enemy shelled the areas of Vasiukivka, Bakhmut, Ivanivske and Chasiv Yar.", &[]);
    let rows = r.of_type("ASSAULT");
    assert_eq!(rows.len(), 4, "{}", r.describe());
    for e in rows {
        assert_eq!(
            e.actor.as_ref().and_then(|a| a.canonical.as_deref()),
            Some("Russian Armed Forces"),
            "{}",
            r.describe()
        );
    }
}

#[test]
fn figures_of_a_list_are_counted_once() {
    // summing killed over the rows of one happening gives the text's figure
    let cases: &[(&str, u32, Option<&str>)] = &[
        ("The enemy shelled Kherson and Beryslav, killing two civilians.", 2, None),
        ("Russian shells hit Marhanets and Nikopol, killing three people in Nikopol.", 3, Some("Nikopol")),
    ];
    for &(text, total, owner) in cases {
        let r = run(text, &[]);
        let rows = r.of_type("ASSAULT");
        assert_eq!(rows.len(), 2, "{text}: {}", r.describe());
        let sum: u32 = rows.iter().filter(|e| e.aggregate != Some(true)).filter_map(|e| e.killed).sum();
        assert_eq!(sum, total, "{text}: {}", r.describe());
        if let Some(place) = owner {
            let with = rows.iter().find(|e| e.killed.is_some()).expect("a row with the figure");
            assert_eq!(loc(with), Some(place), "{text}: {}", r.describe());
        }
    }
}

#[test]
fn headline_and_lead_are_one_happening() {
    let text = "Russian shelling kills three in Kherson\nKHERSON, July 3 (Newsframe) - Russian artillery shelled a market in Kherson on Monday, killing three people.";
    let r = run(text, &[]);
    let rows = r.of_type("ASSAULT");
    assert_eq!(rows.len(), 1, "{}", r.describe());
    assert_ne!(rows[0].sentence, 0, "the lead's row stays");
    assert_eq!(rows[0].killed, Some(3));
    // two different places are two happenings
    let r = run("Drone hits Sumy\nA missile struck Poltava overnight, the governor said.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 2, "{}", r.describe());
}

#[test]
fn actors_with_sides() {
    // (text, type, actor_canonical)
    let cases: &[(&str, &str, &str)] = &[
        ("Russian troops shelled Kupiansk overnight.", "ASSAULT", "Russian Armed Forces"),
        ("Ukrainian forces recaptured Lyman on Saturday.", "SEIZE", "Armed Forces of Ukraine"),
        ("The occupiers shelled Nikopol again.", "ASSAULT", "Russian Armed Forces"),
        ("The invaders attacked Avdiivka from three sides.", "ASSAULT", "Russian Armed Forces"),
        // (the attacks repelled are the attacker's ground attacks)
        ("Our defenders repelled 9 attacks near Torske.", "ASSAULT", "Russian Armed Forces"),
        ("Ukrainian air defence destroyed 29 of 31 Shahed drones.", "DESTROY", "Armed Forces of Ukraine"),
        ("Air defences shot down 18 of 20 drones overnight.", "DESTROY", "Armed Forces of Ukraine"),
        ("Across the Kherson region, Russian forces fired on 27 settlements.", "ASSAULT", "Russian Armed Forces"),
        (
            "Over the past day, our missile and artillery units hit 2 ammunition depots.",
            "ASSAULT",
            "Armed Forces of Ukraine",
        ),
    ];
    for &(text, ty, canonical) in cases {
        let r = run(text, &[]);
        let e = r.of_type(ty).into_iter().next().unwrap_or_else(|| panic!("{text}: no {ty}: {}", r.describe()));
        assert_eq!(e.actor.as_ref().and_then(|a| a.canonical.as_deref()), Some(canonical), "{text}: {}", r.describe());
        assert!(
            e.actor.as_ref().and_then(|a| a.entity_id.as_deref()).is_some_and(|id| id.starts_with("org:")),
            "{text}: entity id"
        );
    }
}

#[test]
fn where_missiles_were_fired_from_is_no_location() {
    let r = run("Missiles fired from Belgorod struck Kharkiv overnight.", &[]);
    let e = r.one("ASSAULT");
    assert_eq!(loc(e), Some("Kharkiv"), "{}", r.describe());
}

#[test]
fn a_fronted_frame_yields_to_the_places_of_the_clause() {
    let r = run("On the Zaporizhzhia axis, the enemy shelled more than 25 settlements, including Orikhiv, Huliaipole and Stepnohirsk.", &[]);
    let got: Vec<&str> = r.of_type("ASSAULT").iter().filter_map(|e| loc(e)).collect();
    assert_eq!(got, ["Orikhiv", "Huliaipole", "Stepnohirsk"], "{}", r.describe());
}

#[test]
fn translation_calques_and_repeated_prepositions() {
    // "entered in" keeps the source language's preposition
    let r = run("Ukrainian soldiers entered in Kupiansk on Friday.", &[]);
    assert_eq!(r.of_type("SEIZE").len(), 1, "{}", r.describe());
    // one strike wave, two regions named each with its own preposition: two rows
    let r = run("Russian drones hit substations in the region of Sumy and in the region of Poltava overnight.", &[]);
    let hits = r.of_type("ASSAULT");
    assert_eq!(hits.len(), 2, "{}", r.describe());
    // the ministry's word for a withdrawal
    let r = run("Moscow announced a regrouping of its units from the Lyman area.", &[]);
    assert_eq!(r.of_type("RETREAT").len(), 1, "{}", r.describe());
    // an attack named as the subject of what it destroyed is one attack
    let r = run("A Russian glide bomb has destroyed a school in Kherson.", &[]);
    assert_eq!(r.events.len(), 1, "{}", r.describe());
    assert_eq!(r.events[0].event_type, "ASSAULT", "{}", r.describe());
}

#[test]
fn weapons_that_crash_or_fall_attack_and_other_things_do_not() {
    let r = run("A Russian rocket crashed into a warehouse in Sumy on Monday.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    let r = run("Grain prices fell in May and a cargo plane crashed into a hill.", &[]);
    assert!(r.of_type("ASSAULT").is_empty(), "{}", r.describe());
}

#[test]
fn statements_are_placed_where_made_not_by_what_they_name() {
    let r = run("In Kyiv, the minister demanded that allies allow strikes deep inside Russia.", &[]);
    let d = r.of_type("DEMAND");
    assert_eq!(d.len(), 1, "{}", r.describe());
    assert_eq!(d[0].location.as_ref().map(|l| l.text.as_str()), Some("Kyiv"), "{}", r.describe());
    let r = run("Moscow warned that it would retaliate against any strike on Crimea.", &[]);
    assert_eq!(r.of_type("THREATEN").len(), 1, "{}", r.describe());
    let r = run("The mayor warned residents to stay indoors.", &[]);
    assert!(r.of_type("THREATEN").is_empty(), "{}", r.describe());
}

#[test]
fn things_named_by_event_words_are_no_events() {
    // an event noun that modifies a thing, a participle that describes one
    let r = run("Officials said the shells landed near a former deployment point.", &[]);
    assert!(r.of_type("MOBILIZE").is_empty(), "{}", r.describe());
    let r = run("Kyiv wants the proceeds of frozen Russian assets.", &[]);
    assert!(r.of_type("SANCTION").is_empty(), "{}", r.describe());
    // a verb of giving takes the type of what it passes
    let r = run("EU ministers approved a new package of sanctions against Minsk.", &[]);
    assert!(r.of_type("AID").is_empty(), "{}", r.describe());
    assert_eq!(r.of_type("SANCTION").len(), 1, "{}", r.describe());
}

#[test]
fn an_explosion_in_a_story_that_rules_out_an_attack_is_an_accident() {
    let text = "An explosion at a gas depot in Sumy killed two workers on Friday.\n\nPolice ruled out an attack.";
    let r = run(text, &[]);
    assert!(r.events.iter().all(|e| e.event_type != "ASSAULT" || e.modality == Modality::Negated), "{}", r.describe());
    let c = r.of_type("CASUALTIES");
    assert_eq!(c.len(), 1, "{}", r.describe());
    assert_eq!(c[0].killed, Some(2), "{}", r.describe());
    // without the denial it stays an attack (an explosion is how most strikes are heard)
    let r = run("An explosion at a gas depot in Sumy killed two workers on Friday.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
}

#[test]
fn giving_up_is_no_gift() {
    let r = run("We will never give up Kherson, the commander said.", &[]);
    assert!(r.of_type("AID").is_empty(), "{}", r.describe());
    let r = run("Norway will give Ukraine military aid worth 5 billion euros.", &[]);
    assert_eq!(r.of_type("AID").len(), 1, "{}", r.describe());
}

#[test]
fn a_sides_own_name_for_its_forces_is_that_side() {
    let r = run("Aviation of the Defence Forces struck 12 areas where enemy personnel gathered.", &[]);
    let a = r.of_type("ASSAULT");
    assert_eq!(a.len(), 1, "{}", r.describe());
    let actor = a[0].actor.as_ref().expect("an actor");
    assert_eq!(actor.canonical.as_deref(), Some("Armed Forces of Ukraine"), "{}", r.describe());
}

#[test]
fn ukrainian_places_take_the_national_spelling() {
    // GeoNames spells it "Kurdyumivka"; Ukraine and the wires write "Kurdiumivka"
    let r = run("Russian troops shelled Kurdyumivka on Tuesday.", &[]);
    let a = r.of_type("ASSAULT");
    assert_eq!(a.len(), 1, "{}", r.describe());
    assert_eq!(a[0].location.as_ref().map(|l| l.text.as_str()), Some("Kurdiumivka"), "{}", r.describe());
}

#[test]
fn front_line_report_shapes() {
    // the places a passive names first are where it happened, one row each
    let r = run("Prymorske, Stepove and Mala Tokmachka came under mortar fire.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 3, "{}", r.describe());
    // attacks that were repelled are one row: the attacker's ground attack
    let r = run("Nine enemy assaults were repelled near Robotyne.", &[]);
    assert_eq!(r.events.len(), 1, "{}", r.describe());
    assert_eq!(r.events[0].event_type, "ASSAULT", "{}", r.describe());
    // bombs dropped on a village are an attack; an objection dropped is nothing
    let r = run("Russian aircraft dropped glide bombs on Vovchansk.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    let r = run("Hungary dropped its objections on Tuesday.", &[]);
    assert!(r.events.is_empty(), "{}", r.describe());
    // not giving up an attempt is no retreat
    let r = run("The enemy does not abandon its attempts to cross the river.", &[]);
    assert!(r.of_type("RETREAT").is_empty(), "{}", r.describe());
}

#[test]
fn one_denial_told_twice_is_one_row_and_a_refugee_is_a_person() {
    let text = "Officials ruled out a missile strike on the depot.\n\n\"There was no attack,\" the governor said.";
    let r = run(text, &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    let r = run("She spent a year as a refugee in Poland.", &[]);
    assert!(r.of_type("DISPLACE").is_empty(), "{}", r.describe());
    // troops sent are no aid
    let r = run("The Kremlin plans to send more troops to the front.", &[]);
    assert!(r.of_type("AID").is_empty(), "{}", r.describe());
}

#[test]
fn translated_report_shapes() {
    // two verbs of one kind side by side are one happening
    let r = run("Dozens of houses in Lyman were destroyed or damaged.", &[]);
    assert_eq!(r.of_type("DESTROY").len(), 1, "{}", r.describe());
    // the anonymity formula and a danger are no demand and no threat
    let r = run("An officer, who asked not to be named, spoke of the threat of encirclement.", &[]);
    assert!(r.of_type("DEMAND").is_empty() && r.of_type("THREATEN").is_empty(), "{}", r.describe());
    // people sent with nothing given are no aid; bread handed out is
    let r = run("The decree continues to send toward the front thousands of reservists.", &[]);
    assert!(r.of_type("AID").is_empty(), "{}", r.describe());
    let r = run("Volunteers distributed bread and blankets in Izium on Tuesday.", &[]);
    assert_eq!(r.of_type("AID").len(), 1, "{}", r.describe());
}

#[test]
fn live_blog_shapes() {
    // a negation that belongs to another phrase does not deny the strike
    let r = run("About 90,000 homes in the Sumy region are without electricity after the overnight strike.", &[]);
    assert!(r.events.iter().all(|e| e.modality != Modality::Negated), "{}", r.describe());
    // drones sent across a country are the attack, not a gift
    let r = run("Russia sent dozens of attack drones across southern Ukraine overnight.", &[]);
    assert!(r.of_type("AID").is_empty(), "{}", r.describe());
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    // a headline sums up an entry further down: same place, one row
    let text = "Live: families evacuated from Kupiansk\n\n9.10am Shelling hit Kharkiv overnight.\n\n\
                9.40am Officials said talks went on.\n\n10.05am Authorities began evacuating families from Kupiansk.";
    let r = run(text, &[]);
    assert_eq!(r.of_type("DISPLACE").len(), 1, "{}", r.describe());
}

#[test]
fn an_attack_with_no_attacker_named_takes_the_side_the_story_names() {
    let text =
        "Russian missiles hit Odesa overnight, the governor said.\n\nIn Mykolaiv, a drone attack killed two people.";
    let r = run(text, &[]);
    let a = r.of_type("ASSAULT");
    assert_eq!(a.len(), 2, "{}", r.describe());
    assert_eq!(
        a[1].actor.as_ref().and_then(|x| x.canonical.as_deref()),
        Some("Russian Armed Forces"),
        "{}",
        r.describe()
    );
    // where the sides trade blame, the unnamed attacker stays unnamed
    let text = "Russian missiles hit Odesa overnight.\n\nA drone hit the plant in Enerhodar. Kyiv accused Moscow of staging it.";
    let r = run(text, &[]);
    assert!(r.of_type("ASSAULT").iter().any(|e| e.actor.is_none()), "{}", r.describe());
}

#[test]
fn a_meeting_is_where_it_is_held() {
    let r = run("Foreign ministers met in Germany to discuss sanctions against Moscow.", &[]);
    let c = r.of_type("CONSULT");
    assert_eq!(c.len(), 1, "{}", r.describe());
    assert_eq!(c[0].location.as_ref().map(|l| l.text.as_str()), Some("Germany"), "{}", r.describe());
}

#[test]
fn the_place_the_speaker_is_in_places_what_they_report() {
    let r = run("Officials in Izium confirmed that two soldiers were killed when drones attacked their post.", &[]);
    let a = r.of_type("ASSAULT");
    assert_eq!(a.len(), 1, "{}", r.describe());
    assert_eq!(a[0].location.as_ref().map(|l| l.text.as_str()), Some("Izium"), "{}", r.describe());
}

#[test]
fn office_holders_act_for_the_side_they_serve() {
    // (text, type, actor_canonical): the person's words stay in `actor`
    let cases: &[(&str, &str, &str, &str)] = &[
        ("Emmanuel Macron held talks with Olaf Scholz in Berlin.", "CONSULT", "Emmanuel Macron", "France"),
        ("Dmitry Peskov accused Kyiv of dragging out the war.", "ACCUSE", "Dmitry Peskov", "Russia"),
        (
            "Jens Stoltenberg urged members to speed up deliveries of shells.",
            "DEMAND",
            "Jens Stoltenberg",
            "North Atlantic Treaty Organization",
        ),
    ];
    for &(text, ty, surface, side) in cases {
        let r = run(text, &[]);
        let e = r.of_type(ty).into_iter().next().unwrap_or_else(|| panic!("{text}: no {ty}: {}", r.describe()));
        let actor = e.actor.as_ref().unwrap_or_else(|| panic!("{text}: no actor: {}", r.describe()));
        assert_eq!(actor.text, surface, "{text}");
        assert_eq!(actor.canonical.as_deref(), Some(side), "{text}: {}", r.describe());
        assert!(!actor.entity_id.as_deref().unwrap_or("person:").starts_with("person:"), "{text}: side id");
    }
    // a private person acts for no state
    let r = run("Rinat Akhmetov sent generators to Kharkiv hospitals.", &[]);
    if let Some(e) = r.of_type("AID").into_iter().next() {
        assert_eq!(e.actor.as_ref().and_then(|a| a.canonical.as_deref()), Some("Rinat Akhmetov"), "{}", r.describe());
    }
}

#[test]
fn who_demands_or_accuses_is_the_actor_of_it() {
    let r = run("Volodymyr Zelensky called on partners to send more air defence systems.", &[]);
    let e = r.one("DEMAND");
    assert_eq!(e.actor.as_ref().and_then(|a| a.canonical.as_deref()), Some("Ukraine"), "{}", r.describe());
}

#[test]
fn the_speaker_of_a_trailing_attribution_is_no_listed_place() {
    for text in [
        "Drones struck Sumy, the General Staff said.",
        "Russian artillery hit Nikopol, the Operational Command South reported.",
    ] {
        let r = run(text, &[]);
        let places: Vec<_> = r.of_type("ASSAULT").iter().map(|e| loc(e).map(str::to_string)).collect();
        assert_eq!(places.len(), 1, "{text}: {}", r.describe());
    }
}

#[test]
fn who_repelled_an_attack_is_the_side_attacked() {
    // the story's attacks all come from Russia onto Ukraine: Ukraine repels Russia's attack
    let r = run("Russian troops shelled Kupiansk overnight. Eleven assaults were repelled near Robotyne.", &[]);
    let e = r.of_type("ASSAULT").into_iter().find(|e| loc(e) == Some("Robotyne")).expect("the repelled attack");
    assert_eq!(actor_name(e), Some("Russian Armed Forces"), "{}", r.describe());
    assert_eq!(e.target.as_ref().and_then(|a| a.canonical.as_deref()), Some("Armed Forces of Ukraine"));
    // no side named anywhere: nobody is implied
    let r = run("Eleven assaults were repelled near Robotyne.", &[]);
    assert!(r.one("ASSAULT").actor.is_none(), "{}", r.describe());
}

#[test]
fn holding_back_an_attack_is_fighting_and_supplies_are_no_aid() {
    let r = run("Ukrainian units are holding back enemy attempts to advance near Tonenke.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    let r = run("The minister held back tears as she spoke.", &[]);
    assert!(r.events.is_empty(), "{}", r.describe());
    for text in ["Russia was accused of targeting food supplies in the port.", "The supplies of the garrison ran low."]
    {
        assert!(run(text, &[]).of_type("AID").is_empty(), "{text}");
    }
    assert_eq!(run("Germany supplies Ukraine with air defence systems.", &[]).of_type("AID").len(), 1);
}

#[test]
fn casualties_go_to_the_attack_they_continue() {
    let cases: &[(&str, Option<u32>, Option<u32>)] = &[
        // ", and injuring" continues the participle after the attack
        (
            "A missile struck a clinic in Sumy, killing two nurses, one of them pregnant, and injuring 11.",
            Some(2),
            Some(11),
        ),
        // a weapon that damages is attacking: its casualties are the attack's
        ("Drones damaged a depot in Izium and wounded four guards.", None, Some(4)),
        // ", where" ties the deaths to the attack in the place named
        ("Three people died in Lozova, where a rocket destroyed a shop.", Some(3), None),
    ];
    for &(text, killed, injured) in cases {
        let r = run(text, &[]);
        assert!(r.of_type("CASUALTIES").is_empty(), "{text}: {}", r.describe());
        let e = r.one("ASSAULT");
        assert_eq!((e.killed, e.injured), (killed, injured), "{text}: {}", r.describe());
    }
}

#[test]
fn a_photo_caption_repeats_the_story() {
    let text = "Russian missiles struck Odesa overnight, killing two people.\n\
                Rescuers searched the rubble until noon.\n\
                A rescuer at a house hit by a Russian missile in Odesa, July 3. REUTERS/Staff";
    let r = run(text, &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    // without the credit the last line is a sentence of the story like any other
    let r = run(&text.replace(" REUTERS/Staff", ""), &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 2, "{}", r.describe());
}

#[test]
fn the_day_before_publication_the_lead_names_dates_the_story() {
    let text = "On Sunday 4 December, the sirens sounded over Kyiv again.\n\
                In Kryvyi Rih, a missile destroyed a warehouse.";
    let r = run_with(text, &[], |_| Vec::new(), Some(day("2022-12-05")));
    let e = r.one("ASSAULT");
    assert_eq!(e.date, Some(day("2022-12-04")), "{}", r.describe());
    // a lead about two days before is a recap: the later paragraph is of the day of publication
    let r = run_with(text, &[], |_| Vec::new(), Some(day("2022-12-06")));
    assert_eq!(r.one("ASSAULT").date, Some(day("2022-12-06")), "{}", r.describe());
}

#[test]
fn attacks_near_a_village_with_no_weapon_are_ground_attacks() {
    let r = run("The enemy attacked near Bohdanivka and Klishchiivka.", &[]);
    let rows = r.of_type("ASSAULT");
    assert_eq!(rows.len(), 2, "{}", r.describe());
    assert!(rows.iter().all(|e| e.subtype.as_deref() == Some("ground attack")), "{}", r.describe());
    assert!(r.of_type("FIGHT").is_empty(), "{}", r.describe());
    // with a weapon it is an attack of that weapon
    let r = run("Russian drones attacked near Kharkiv overnight.", &[]);
    assert_ne!(r.one("ASSAULT").subtype.as_deref(), Some("ground attack"), "{}", r.describe());
    // an attempt to advance is an attack that happened
    let r = run("The enemy tried without success to advance near Vesele.", &[]);
    assert_eq!(r.one("ASSAULT").modality, Modality::Asserted, "{}", r.describe());
}

#[test]
fn casualties_told_after_an_attribution_and_after_a_munitions_count() {
    let r = run("A missile hit a school in Izium, the governor said, wounding six.", &[]);
    assert!(r.of_type("CASUALTIES").is_empty(), "{}", r.describe());
    assert_eq!(r.one("ASSAULT").injured, Some(6), "{}", r.describe());
    // two bombs are one attack: the next sentence's casualties are its own
    let r = run("Russian aircraft dropped two glide bombs on Kupiansk. Five people were injured.", &[]);
    assert!(r.of_type("CASUALTIES").is_empty(), "{}", r.describe());
    assert_eq!(r.one("ASSAULT").injured, Some(5), "{}", r.describe());
    // a total sums up, it does not go on telling the attack before it
    let r = run("Our artillery struck 2 ammunition depots near Tokmak. The total losses of the enemy since February are 1,200 troops killed.", &[]);
    assert!(r.of_type("CASUALTIES").iter().any(|e| e.killed == Some(1200)), "{}", r.describe());
    assert!(r.of_type("ASSAULT").iter().all(|e| e.killed.is_none()), "{}", r.describe());
}

#[test]
fn a_reporter_of_a_threat_is_not_its_actor() {
    let r = run("The Slovak prime minister had threatened to block the package, two diplomats said.", &[]);
    let e = r.one("THREATEN");
    assert!(e.actor.as_ref().map_or(true, |a| a.text != "two diplomats"), "{}", r.describe());
}

#[test]
fn a_place_inside_a_named_town_gives_the_town() {
    // a city district the sentence places in a town, in either order
    let r =
        run("In Mykolaiv, a rocket tore through a block of flats in the Zavodskyi district, killing two people.", &[]);
    assert_eq!(loc(r.one("ASSAULT")), Some("Mykolaiv"), "{}", r.describe());
    let r = run("A shell hit a tram depot in the Saltivskyi district of Kharkiv.", &[]);
    assert_eq!(loc(r.one("ASSAULT")), Some("Kharkiv"), "{}", r.describe());
    // a facility named after its town is placed at the town
    let r = run("Drones set fire to the Kremenchuk oil refinery before dawn.", &[]);
    assert_eq!(loc(r.one("ASSAULT")), Some("Kremenchuk"), "{}", r.describe());
    // a district standing alone keeps its name
    let r = run("Artillery shelled the Nikopol district overnight.", &[]);
    assert_eq!(loc(r.one("ASSAULT")), Some("Nikopol district"), "{}", r.describe());
}

#[test]
fn a_weapon_opening_a_sentence_is_no_name() {
    let r = run("Drones slammed into a depot near Lviv.", &[]);
    let e = r.one("ASSAULT");
    assert!(e.actor.as_ref().is_none_or(|a| a.text != "Drones"), "{}", r.describe());
}

#[test]
fn a_description_of_the_attack_after_an_attribution_is_the_same_attack() {
    let r = run(
        "A missile hit a hospital in Chernihiv on Monday, killing four people, the mayor said, in the worst attack on the city this year.",
        &[],
    );
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
}

#[test]
fn the_wounded_counted_after_the_dead_join_the_attack() {
    let r = run_with(
        "Shelling hit the centre of Nikopol on Tuesday, killing two people. Officials said nine people were wounded.",
        &[],
        |_| Vec::new(),
        Some(crate::dates::parse_iso_day("2024-05-08").unwrap()),
    );
    let e = r.one("ASSAULT");
    assert_eq!((e.killed, e.injured), (Some(2), Some(9)), "{}", r.describe());
    assert!(r.of_type("CASUALTIES").is_empty(), "{}", r.describe());
}

#[test]
fn a_digest_line_is_the_event_of_the_place_heading_it() {
    let text = "Summary for the day, from the governor's channel:\n▪️ Krasnopillia — 12 attacks. A 60-year-old man was wounded and four houses were damaged.\n▪️ Bilopillia community: a drone hit a shop.";
    let r = run_with(text, &[], |_| Vec::new(), Some(crate::dates::parse_iso_day("2025-02-03").unwrap()));
    let places: Vec<&str> = r.of_type("ASSAULT").iter().filter_map(|e| loc(e)).collect();
    assert_eq!(places, ["Krasnopillia", "Bilopillia community"], "{}", r.describe());
    // the toll and the damage of the line are that place's event, not rows of their own
    assert_eq!(r.of_type("ASSAULT")[0].injured, Some(1), "{}", r.describe());
    assert!(r.of_type("CASUALTIES").is_empty() && r.of_type("DESTROY").is_empty(), "{}", r.describe());
}

#[test]
fn the_past_day_of_a_morning_report_is_the_day_before() {
    let day = |s: &str| crate::dates::parse_iso_day(s).unwrap();
    let text = "Operational update as of 07:30, 3 March 2025\nOver the past day, the enemy launched 40 air strikes and shelled Nikopol.";
    let r = run_with(text, &[], |_| Vec::new(), Some(day("2025-03-03")));
    assert!(r.events.iter().all(|e| e.date == Some(day("2025-03-02"))), "{}", r.describe());
    // an evening report's past day is the day it came out
    let text = "Operational update as of 18:00, 3 March 2025\nOver the past day, the enemy launched 40 air strikes and shelled Nikopol.";
    let r = run_with(text, &[], |_| Vec::new(), Some(day("2025-03-03")));
    assert!(r.events.iter().all(|e| e.date == Some(day("2025-03-03"))), "{}", r.describe());
}

#[test]
fn a_participle_opening_a_sentence_is_no_actor() {
    let r = run("Speaking in Lviv on Friday, the prime minister urged partners to speed up deliveries.", &[]);
    let e = r.one("DEMAND");
    assert!(e.actor.as_ref().is_none_or(|a| a.text != "Speaking"), "{}", r.describe());
}

#[test]
fn blame_for_an_accident_is_no_trade_of_blame_between_the_sides() {
    // the unnamed attacker of the strike is still the side the story names for the others
    let text = "Russian missiles hit Kharkiv overnight. Shelling also hit Kupiansk. Firefighters blamed a faulty boiler for a fire in Lviv.";
    let r = run(text, &[]);
    let kupiansk = r.of_type("ASSAULT").into_iter().find(|e| loc(e) == Some("Kupiansk")).expect("Kupiansk row");
    assert!(kupiansk.actor.is_some(), "{}", r.describe());
}

#[test]
fn a_town_before_an_attack_noun_is_where_not_who() {
    let text = "A missile hit a hotel in Kryvyi Rih late on Tuesday, killing four people. The death toll from the Kryvyi Rih strike has risen to five after a woman died overnight.";
    let r = run_with(text, &[], |_| Vec::new(), Some(crate::dates::parse_iso_day("2025-03-05").unwrap()));
    let hits = r.of_type("ASSAULT");
    assert_eq!(hits.len(), 1, "{}", r.describe());
    assert!(hits[0].actor.as_ref().is_none_or(|a| a.text != "Kryvyi Rih"), "{}", r.describe());
    assert_eq!(hits[0].killed, Some(5), "{}", r.describe());
}

#[test]
fn a_weapon_with_a_long_modifier_is_still_the_subject_of_an_impact() {
    let r = run("Rockets fired by the rebel Popular Front slammed into a crowded market in Goma.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
}

fn actor_name(e: &Event) -> Option<&str> {
    e.actor.as_ref().and_then(|a| a.canonical.as_deref().or(Some(a.text.as_str())))
}

#[test]
fn an_unnamed_attack_in_the_war_is_the_other_sides() {
    // nobody named: a strike on a Ukrainian town is Russia's, one on a Russian town Ukraine's
    let r = run("Shelling hit Nikopol overnight, wounding a woman.", &[]);
    assert_eq!(actor_name(r.one("ASSAULT")), Some("Russian Armed Forces"), "{}", r.describe());
    let r = run("A drone struck an oil depot in Bryansk before dawn.", &[]);
    assert_eq!(actor_name(r.one("ASSAULT")), Some("Armed Forces of Ukraine"), "{}", r.describe());
    // other wars have no default reading
    let r = run("Shelling hit a market in El Fasher, killing five.", &[]);
    assert!(r.one("ASSAULT").actor.is_none(), "{}", r.describe());
}

#[test]
fn a_region_or_town_is_no_attacker() {
    let r = run("The Kursk region reported that drones hit a bus near Rylsk, injuring two.", &[]);
    let a = r.one("ASSAULT");
    assert_ne!(actor_name(a), Some("Kursk Oblast"), "{}", r.describe());
    assert_eq!(actor_name(a), Some("Armed Forces of Ukraine"), "{}", r.describe());
}

#[test]
fn outages_after_strikes_are_the_attackers_and_an_accident_is_nobodys() {
    let r = run("A missile struck a substation near Lviv. Thousands of homes were left without power.", &[]);
    assert_eq!(actor_name(r.one("DISRUPT")), Some("Russian Armed Forces"), "{}", r.describe());
    let r = run("A blast at a fuel depot in Lutsk halted trains for six hours.", &[]);
    for e in r.of_type("DISRUPT") {
        assert!(e.actor.is_none(), "{}", r.describe());
    }
}

#[test]
fn blame_over_one_country_leaves_the_others_read() {
    let text = "A drone hit a car in Shebekino. Moscow accused Kyiv of targeting civilians in the Belgorod region.\n\nIn Kharkiv, a missile struck a warehouse.";
    let r = run(text, &[]);
    let kharkiv = r.of_type("ASSAULT").into_iter().find(|e| loc(e) == Some("Kharkiv")).expect("the Kharkiv strike");
    assert_eq!(actor_name(kharkiv), Some("Russian Armed Forces"), "{}", r.describe());
}

#[test]
fn a_river_is_not_placed_in_the_capital_that_gave_the_order() {
    let r = run(
        "Russian troops began pulling back across the Dnipro river on Friday, two days after Moscow ordered them out.",
        &[],
    );
    for e in r.of_type("RETREAT") {
        assert_ne!(loc(e), Some("Moscow"), "{}", r.describe());
    }
}

#[test]
fn what_is_shot_down_is_destroyed_by_the_side_below() {
    // a weapon as the subject of a passive shoot-down is its target, not an attacker
    let r = run("Eleven drones were shot down over the Poltava region before dawn.", &[]);
    let d = r.one("DESTROY");
    assert_eq!(actor_name(d), Some("Armed Forces of Ukraine"), "{}", r.describe());
    assert!(r.of_type("ASSAULT").is_empty(), "{}", r.describe());
}

#[test]
fn a_total_for_the_region_is_the_regions() {
    let text = "Kharkiv region: the day in brief\nThe enemy shelled Kupiansk and Vovchansk.\nAltogether, two people were killed and seven wounded in the region yesterday.";
    let r = run(text, &[]);
    let total = r.of_type("CASUALTIES").into_iter().find(|e| e.aggregate == Some(true)).expect("the total");
    assert_eq!(loc(total), Some("Kharkiv Oblast"), "{}", r.describe());
}

#[test]
fn an_air_arm_named_by_its_side_is_the_actor() {
    // (in Ukraine, where the unnamed attacker would be read as Russia)
    let r = run("Overnight, Ukrainian aviation and artillery struck enemy positions near Robotyne.", &[]);
    let e = r.of_type("ASSAULT").into_iter().chain(r.of_type("FIGHT")).next().expect("the strike");
    assert_eq!(actor_name(e), Some("Armed Forces of Ukraine"), "{}", r.describe());
}

#[test]
fn verbs_of_heavy_bombardment_are_attacks_but_descriptions_are_not() {
    let r = run("Russian artillery pummelled Nikopol through the night, wounding two men.", &[]);
    assert_eq!(r.one("ASSAULT").injured, Some(2), "{}", r.describe());
    let r = run("Kyiv battered the bridge with rockets on Sunday.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    // (an adjective, and a deal worked out, report no attack)
    let r = run("Diplomats hammered out a grain deal for the battered port of Mykolaiv.", &[]);
    assert!(r.of_type("ASSAULT").is_empty(), "{}", r.describe());
}

#[test]
fn entering_part_of_a_town_is_a_seizure() {
    let r = run("Russian assault groups entered the eastern districts of Chasiv Yar on Monday.", &[]);
    assert_eq!(r.of_type("SEIZE").len(), 1, "{}", r.describe());
    let r = run("The enemy has entered several streets on the edge of Kurakhove.", &[]);
    assert_eq!(r.of_type("SEIZE").len(), 1, "{}", r.describe());
    let r = run("The country entered a new phase of the war.", &[]);
    assert!(r.of_type("SEIZE").is_empty(), "{}", r.describe());
}

#[test]
fn a_weapon_that_lands_or_explodes_near_a_place_is_an_attack() {
    let r = run("An artillery shell landed next to a shop in Nikopol, killing its owner.", &[]);
    assert_eq!(r.one("ASSAULT").killed, Some(1), "{}", r.describe());
    let r = run("A drone exploded outside a school in Sumy on Friday.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    // (nothing but a weapon makes it one)
    let r = run("A boiler exploded in a basement in Poltava, injuring a plumber.", &[]);
    assert!(r.of_type("ASSAULT").is_empty(), "{}", r.describe());
}

#[test]
fn a_follow_up_with_no_place_of_its_own_joins_the_listed_place_it_continues() {
    let text = "Russian troops shelled Velyka Pysarivka, Myropillia and Bilopillia on Sunday. Myropillia's mayor said two shells had landed near the village clinic.";
    let r = run(text, &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 3, "{}", r.describe());
}

#[test]
fn a_river_named_like_a_city_is_no_place_for_later_events() {
    let text = "Residents queue for water in Kherson.\nThe power has been off since Russian troops, pulling back across the Dnipro in November, wrecked the substations.\nOn Tuesday, Russian artillery struck the city again, killing two people.";
    let r = run(text, &[]);
    let strike = r.of_type("ASSAULT").into_iter().find(|e| e.killed == Some(2)).expect("the strike");
    assert_eq!(loc(strike), Some("Kherson"), "{}", r.describe());
}

#[test]
fn weapons_sent_at_a_country_are_an_attack_and_a_battered_place_is_none() {
    let r = run("Air defence downed 40 of the 52 drones Russia sent over Ukraine overnight.", &[]);
    assert!(!r.of_type("ASSAULT").is_empty(), "{}", r.describe());
    assert!(r.of_type("AID").is_empty(), "{}", r.describe());
    let r = run("Norway sent 20 drones to Ukraine last month.", &[]);
    assert!(r.of_type("ASSAULT").is_empty(), "{}", r.describe());
    let r = run("A storm flooded the already battered coastal town on Sunday.", &[]);
    assert!(r.of_type("ASSAULT").is_empty(), "{}", r.describe());
}

#[test]
fn the_enemy_eliminated_is_a_toll_and_bombs_dropped_in_the_passive_an_attack() {
    let r = run("Over the past day 210 occupiers were eliminated on the Pokrovsk axis.", &[]);
    assert_eq!(r.one("CASUALTIES").killed, Some(210), "{}", r.describe());
    let r = run("The defending champions were eliminated in the semi-final.", &[]);
    assert!(r.events.is_empty(), "{}", r.describe());
    let r = run("Two glide bombs were dropped on Vovchansk in the afternoon.", &[]);
    assert_eq!(r.one("ASSAULT").start, find(&r.text, "dropped", 0).0, "{}", r.describe());
}

#[test]
fn a_lead_night_into_a_named_day_dates_the_story_by_that_day() {
    let text = "Grid hit again\nRussian missiles struck power plants overnight into Monday, the energy ministry said.\nIn the Lviv region, a substation was hit by a drone.";
    let r = run_with(text, &[], |_| Vec::new(), crate::dates::parse_iso_day("2025-03-04"));
    let lviv = r.of_type("ASSAULT").into_iter().find(|e| loc(e) == Some("Lviv Oblast")).expect("the Lviv strike");
    assert_eq!(lviv.date, crate::dates::parse_iso_day("2025-03-03"), "{}", r.describe());
}

#[test]
fn a_weapon_with_no_side_is_no_actor() {
    let r = run("Near Izium, an FPV drone hit a tractor on Friday, wounding the driver.", &[]);
    assert_eq!(actor_name(r.one("ASSAULT")), Some("Russian Armed Forces"), "{}", r.describe());
}

#[test]
fn a_speaker_who_acts_and_then_reports_keeps_the_actor_role() {
    // the quote stage names the person as the speaker of what follows "and announced";
    // the visit before it is still theirs
    let text = "Finnish Defence Minister Aino Virtanen arrived in Izium on Tuesday and announced a new \
                package of shells for the front.";
    let quotes = |t: &str| {
        let (start, end) = find(t, "a new package of shells for the front", 0);
        let (ss, se) = find(t, "Aino Virtanen", 0);
        vec![Quote {
            start,
            end,
            sentence: 0,
            kind: QuoteKind::Indirect,
            speaker: Some(Speaker {
                text: "Aino Virtanen".into(),
                canonical: Some("Aino Virtanen".into()),
                entity_id: None,
                label: Some(Label::Person),
                start: ss,
                end: se,
            }),
            cue: Some("announce".into()),
            confidence: 0.7,
            continues: None,
        }]
    };
    let r = run_with(text, &[izium(), m("Aino Virtanen", Label::Person), norp("Finnish", "FI")], quotes, None);
    let visit = r.one("CONSULT");
    assert!(visit.actor.is_some(), "{}", r.describe());
}

#[test]
fn air_defence_is_the_side_of_the_ground_it_defends() {
    // a Russian ministry's claim: the bare "air defences" are Russia's over a Russian region
    let r = run(
        "Moscow's defence ministry said its air defences destroyed nine drones over the Kursk region overnight.",
        &[],
    );
    let downed = r.one("DESTROY");
    assert_eq!(
        downed.actor.as_ref().and_then(|a| a.canonical.as_deref()),
        Some("Russian Armed Forces"),
        "{}",
        r.describe()
    );
    // over a Ukrainian town they stay Ukraine's
    let r = run("Air defences destroyed three drones over Poltava before dawn.", &[]);
    let downed = r.one("DESTROY");
    assert_eq!(
        downed.actor.as_ref().and_then(|a| a.canonical.as_deref()),
        Some("Armed Forces of Ukraine"),
        "{}",
        r.describe()
    );
}

#[test]
fn a_share_of_a_launch_shot_down_is_over_the_country_and_the_launcher_no_place() {
    let text = "A drone hit a warehouse in Lutsk overnight, the governor said. Ukraine's air force said it shot \
                down 41 of the 58 drones that Russia launched.";
    let r = run(text, &[]);
    let downed = r.one("DESTROY");
    assert_eq!(loc(downed), Some("Ukraine"), "{}", r.describe());
    // the launcher right before its verb is who acts, not where
    let r = run("Crews intercepted most of the missiles Russia fired on Tuesday.", &[]);
    assert_ne!(r.one("DESTROY").location.as_ref().map(|l| l.text.as_str()), Some("Russia"), "{}", r.describe());
}

#[test]
fn a_force_noun_before_a_facility_and_occupied_after_a_preposition_are_no_actor_or_capture() {
    let r = run("Partisans said a blast hit the Kherson military airfield in occupied Skadovsk overnight.", &[]);
    assert!(r.of_type("SEIZE").is_empty(), "{}", r.describe());
    let hit = r.one("ASSAULT");
    assert_ne!(loc(hit), Some("Armed Forces of Ukraine"), "{}", r.describe());
}

#[test]
fn a_live_blog_tells_one_strike_in_its_headline_bullet_entry_title_and_entry() {
    let text = "War day 900: Russian drones kill three in Sumy\n\
                Main points:\n\
                - Russian drone strike on Sumy kills three, wounds eight\n\
                09:40\n\
                Drone strike on Sumy: 3 dead, 8 wounded\n\
                Russia struck Sumy with a swarm of drones before dawn, killing three people and wounding eight, \
                the city's acting mayor wrote.";
    let r = run(text, &[]);
    let strikes: Vec<&Event> = r.events.iter().filter(|e| loc(e) == Some("Sumy")).collect();
    assert_eq!(strikes.len(), 1, "{}", r.describe());
    assert_eq!((strikes[0].killed, strikes[0].injured), (Some(3), Some(8)), "{}", r.describe());
}

#[test]
fn an_ordinal_that_counts_the_weapons_tells_the_same_strike() {
    let text = "Russian missiles hit Sumy on Monday, killing two people, officials said.\n\
                The mayor said one of the missiles hit a school and a second crashed near a bakery.";
    let r = run(text, &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 1, "{}", r.describe());
    // a second attack is still a new one
    let r = run("Russian missiles hit Sumy on Monday. A second strike hit Sumy an hour later.", &[]);
    assert_eq!(r.of_type("ASSAULT").len(), 2, "{}", r.describe());
}

#[test]
fn the_enemy_is_the_other_side_of_the_ground_it_attacks() {
    let canon = |r: &Run| r.one("ASSAULT").actor.as_ref().and_then(|a| a.canonical.clone());
    let r = run("The enemy shelled Shebekino with artillery overnight, the Belgorod governor wrote.", &[]);
    assert_eq!(canon(&r).as_deref(), Some("Armed Forces of Ukraine"), "{}", r.describe());
    let r = run("The enemy shelled Nikopol with artillery overnight, the regional governor wrote.", &[]);
    assert_eq!(canon(&r).as_deref(), Some("Russian Armed Forces"), "{}", r.describe());
}

#[test]
fn attacks_by_a_party_named_with_its_article_are_that_partys() {
    // (a story where both sides strike inside Ukraine names no default attacker)
    let text = "Ukrainian drones struck an ammunition depot in occupied Tokmak. Near Kurakhove, our units \
                halted 9 attacks by the invaders.";
    let r = run(text, &[]);
    let halted = r.events.iter().find(|e| loc(e) == Some("Kurakhove")).expect("the attacks near Kurakhove");
    assert_eq!(
        halted.actor.as_ref().and_then(|a| a.canonical.as_deref()),
        Some("Russian Armed Forces"),
        "{}",
        r.describe()
    );
}

#[test]
fn a_sentence_saying_the_claim_was_not_verified_hedges_the_claim_before_it() {
    let text = "Moscow said its forces had taken the hamlet of Pishchane. The report could not be verified \
                independently.\nLater, shelling hit Kupiansk.";
    let r = run(text, &[]);
    assert_eq!(r.one("SEIZE").modality, Modality::Hedged, "{}", r.describe());
    assert_eq!(r.one("ASSAULT").modality, Modality::Asserted, "{}", r.describe());
}

#[test]
fn a_demonym_before_an_area_noun_places_the_event_in_that_country() {
    let r = run("Air defences shot down 30 drones over several Russian regions overnight, the ministry said.", &[]);
    assert_eq!(loc(r.one("DESTROY")), Some("Russia"), "{}", r.describe());
    // (a place the clause names wins)
    let r = run("Ukrainian drones struck a depot in Rostov across the Russian border overnight.", &[]);
    assert_ne!(loc(r.one("ASSAULT")), Some("Russia"), "{}", r.describe());
}

#[test]
fn a_ceasefire_named_as_a_topic_is_no_agreement_but_one_declared_is() {
    let r = run("The foreign minister spoke of hopes for a truce before winter and left for Geneva.", &[]);
    assert!(r.of_type("AGREE").is_empty(), "{}", r.describe());
    let r = run("The two armies declared a 72-hour ceasefire on Sunday to let civilians leave.", &[]);
    assert_eq!(r.of_type("AGREE").len(), 1, "{}", r.describe());
}

#[test]
fn freezing_weather_and_captives_are_no_sanction_or_capture() {
    let text = "Thousands of homes in Sumy had no heat as the night fell below freezing. Families of \
                prisoners of war marched in Kyiv on Sunday.";
    let r = run(text, &[]);
    assert!(r.of_type("SANCTION").is_empty(), "{}", r.describe());
    assert!(r.of_type("CASUALTIES").is_empty(), "{}", r.describe());
    let r = run("Canada is freezing the bank accounts of 14 Russian officials, Ottawa said.", &[]);
    assert_eq!(r.of_type("SANCTION").len(), 1, "{}", r.describe());
}

#[test]
fn ground_gained_is_a_place_reached_and_an_attempt_stays_an_attack() {
    let r = run("Footage shows that Russian troops advanced west of Kurakhove on Tuesday.", &[]);
    assert_eq!(r.of_type("SEIZE").len(), 1, "{}", r.describe());
    let r = run("Analysts say Ukrainian units made marginal advances near Robotyne this week.", &[]);
    assert_eq!(r.of_type("SEIZE").len(), 1, "{}", r.describe());
    let r = run("The enemy tried to advance near Toretsk four times.", &[]);
    assert!(r.of_type("SEIZE").is_empty(), "{}", r.describe());
}

#[test]
fn places_the_weapons_came_from_are_not_where_they_struck() {
    let text = "Overnight the enemy attacked with 52 strike drones from the directions of Kursk, Shatalovo \
                and Millerovo; a drone hit a warehouse in Poltava.";
    let r = run(text, &[]);
    let places: Vec<Option<&str>> = r.of_type("ASSAULT").into_iter().map(loc).collect();
    for origin in ["Kursk", "Shatalovo", "Millerovo"] {
        assert!(!places.contains(&Some(origin)), "{}", r.describe());
    }
    assert!(places.contains(&Some("Poltava")), "{}", r.describe());
}

#[test]
fn a_headline_is_about_the_place_struck_not_the_side_that_strikes() {
    let text = "Russia pounds Ukraine with 80 drones overnight\n\
                The air force said 61 of them were shot down.\n\
                The enemy also used four missiles, officials said.";
    let r = run(text, &[]);
    assert!(r.events.iter().all(|e| loc(e) != Some("Russia")), "{}", r.describe());
}

#[test]
fn a_weapon_that_kills_is_the_strike_its_toll_belongs_to() {
    let r = run("Late on Sunday a Russian drone killed a 70-year-old woman in Marhanets.", &[]);
    let strike = r.one("ASSAULT");
    assert_eq!((strike.killed, loc(strike)), (Some(1), Some("Marhanets")), "{}", r.describe());
    assert!(r.of_type("CASUALTIES").is_empty(), "{}", r.describe());
}

#[test]
fn the_attack_told_region_by_region_is_the_countrys_attack_already_reported() {
    let text = "Russia attacked Ukraine overnight with 90 drones, the air force said.\n\
                Officials reported damage from the attack in the Sumy, Poltava and Odesa regions.\n\
                In Odesa, a drone hit a grain terminal, injuring a worker.";
    let r = run(text, &[]);
    let attacks = r.of_type("ASSAULT");
    assert!(attacks.iter().all(|e| !loc(e).is_some_and(|l| l.ends_with("Oblast"))), "{}", r.describe());
    assert!(attacks.iter().any(|e| loc(e) == Some("Odesa")), "{}", r.describe());
}

#[test]
fn a_passage_about_an_earlier_year_dates_its_events_vaguely() {
    let text = "KYIV, May 14 - A court on Tuesday jailed a former officer.\n\
                Troops held the village until the end of April 2022, when they withdrew from the region. \
                Dozens of homes were destroyed in the fighting.\n\
                On Monday, a missile hit Kharkiv.";
    let r = run_with(text, &[], |_| Vec::new(), Some(day("2026-05-15")));
    let by = |t: &str| r.one(t).date.map(crate::dates::iso);
    assert_eq!(by("RETREAT"), None, "{}", r.describe());
    assert_eq!(by("DESTROY"), None, "{}", r.describe());
    assert_eq!(by("ASSAULT").as_deref(), Some("2026-05-11"), "{}", r.describe());
    // (a day of that year stays: "On 3 October last year")
    let r = run_with(
        "On 3 October last year a missile hit a hospital in Sumy.",
        &[],
        |_| Vec::new(),
        Some(day("2026-04-17")),
    );
    assert_eq!(r.one("ASSAULT").date.map(crate::dates::iso).as_deref(), Some("2025-10-03"), "{}", r.describe());
}

#[test]
fn a_toll_since_an_earlier_years_turning_point_is_a_running_total_and_a_coup_no_capture() {
    let text = "The generals seized power in March 2019. More than 4,000 protesters have been killed since then, \
                a rights group said.";
    let r = run(text, &[]);
    assert!(r.of_type("SEIZE").is_empty(), "{}", r.describe());
    assert!(r.events.iter().filter(|e| e.killed.is_some()).all(|e| e.aggregate == Some(true)), "{}", r.describe());
    // (a toll that rose since a strike this week is the strike's)
    let r = run("A missile hit Dnipro on Monday. Two more of the wounded have died since then.", &[]);
    assert!(r.events.iter().all(|e| e.aggregate != Some(true)), "{}", r.describe());
}
