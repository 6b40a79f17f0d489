//! Field tests: short articles in the styles real war coverage comes in (wire copy, live
//! blogs, translated General Staff and MoD summaries, governors' posts, analysis), run
//! through the whole pipeline so that entities, dates, numbers and quotes feed the events
//! as in production. Written for this project; no corpus text.
use newsframe::dates::parse_iso_day;
use newsframe::lexicon::Resources;
use newsframe::model::{Argument, DocInput, DocResult, Event, Modality, Options};
use newsframe::pipeline::analyze;

const WIRE: &str = "KYIV, Sept 12 (Reuters) - Russian missiles struck an energy facility in Kharkiv on Monday, killing two people and injuring nine, regional governor Oleh Syniehubov said.\n\nThe attack caused a blackout across much of the city. Firefighters were searching the ruins of School No. 6 for survivors, officials said.";

const LIVE: &str = "10:42 - Air raid alert across eastern Ukraine.\n\n10:58 - A drone strike hit a residential building in Sumy, the city council said. Three people were injured.\n\n11:15 - Leaders of the Group of Seven met in Berlin to discuss more military aid for Ukraine.";

const GENERAL_STAFF: &str = "Over the past day, the enemy launched 3 missile strikes and 41 air strikes, and carried out 65 MLRS attacks on the positions of our troops and populated areas, the General Staff of the Armed Forces of Ukraine reported.";

const RUSSIAN_MOD: &str = "Units of the Southern group of forces improved their tactical position near Bakhmut. The enemy lost up to 140 servicemen, two tanks and three armoured vehicles, the Russian Defence Ministry said.";

const GOVERNOR: &str = "As a result of shelling of Kupiansk, a 67-year-old woman was injured. In Vovchansk, a 54-year-old man was killed by artillery fire.";

const ISW: &str = "Russian forces conducted offensive operations near Bakhmut on September 10 and made marginal gains. Ukrainian forces repelled Russian assaults near Avdiivka, according to the Ukrainian General Staff.";

const TWO_ATTACKS: &str =
    "Russian troops shelled Nikopol overnight and a drone attack hit Marhanets, killing four people.";

const RANGES: &str = "Between 10 and 15 people were killed when a missile hit a shopping centre in Kremenchuk. More than 50 people were wounded.";

const SAID_SCOPE: &str =
    "Ukrainian forces recaptured Izium last week. The mayor said that a missile hit a school in Kramatorsk on Tuesday.";

const TRANSLATED_RU: &str = "According to the Russian Defence Ministry, air defence systems shot down 12 Ukrainian drones over Belgorod region. Earlier, the governor reported that shelling damaged a power line in the village of Shebekino.";

const KHARKOV: &str = "Ukrainian artillery opened fire on Kharkov region villages, a local official said. Fire broke out at a warehouse in Kharkiv after the strike.";

const ORG_PLACE: &str = "The Kyiv City Military Administration said debris from a downed missile damaged a house in the Darnytskyi district of Kyiv.";

fn analyze_text(text: &str) -> DocResult {
    let res = Resources::shared();
    let published = parse_iso_day("2022-09-13");
    analyze(&DocInput { text: Some(text), published, title: None }, &res, &Options::default())
}

fn describe(r: &DocResult) -> String {
    r.events
        .iter()
        .map(|e| {
            format!(
                "\n  {} {:?} [{}] actor={:?} target={:?} loc={:?} date={:?} killed={:?} injured={:?} qty={:?} mod={:?} src={:?}",
                e.event_type,
                e.subtype,
                &r.text[e.start..e.end],
                e.actor.as_ref().map(|a| &a.text),
                e.target.as_ref().map(|a| &a.text),
                e.location.as_ref().map(|a| &a.text),
                e.date_text,
                e.killed,
                e.injured,
                e.quantity,
                e.modality,
                e.source.as_ref().map(|a| &a.text),
            )
        })
        .collect()
}

const AGES_AND_IDS: &str = "Russian shelling killed a 72-year-old man in Orikhiv on Sunday, the regional administration said. Two S-300 missiles hit Lyceum No. 3 in Kharkiv, injuring 10-12 people.";

const MIDDLE_SAID: &str = "Russian forces shelled Kherson on Friday, and President Volodymyr Zelensky said that Ukraine would receive more air defence systems.";

// ---------------------------------------------------------------------------------------
// Assertions: what a conflict researcher would check

fn events_of<'r>(r: &'r DocResult, t: &str) -> Vec<&'r Event> {
    r.events.iter().filter(|e| e.event_type == t).collect()
}
fn trigger<'r>(r: &'r DocResult, e: &Event) -> &'r str {
    &r.text[e.start..e.end]
}
fn by_trigger<'r>(r: &'r DocResult, word: &str) -> &'r Event {
    r.events.iter().find(|e| trigger(r, e) == word).unwrap_or_else(|| panic!("no event {word:?}: {}", describe(r)))
}
fn txt(a: &Option<Argument>) -> Option<&str> {
    a.as_ref().map(|a| a.text.as_str())
}

#[test]
fn wire_copy_attack_with_casualties_source_and_no_scene_destruction() {
    let r = analyze_text(WIRE);
    let d = describe(&r);
    let strike = &events_of(&r, "ASSAULT")[0];
    assert_eq!(trigger(&r, strike), "struck", "{d}");
    assert_eq!(strike.subtype.as_deref(), Some("missile strike"), "{d}");
    assert_eq!(txt(&strike.actor), Some("Russian missiles"), "{d}");
    assert_eq!(txt(&strike.target), Some("an energy facility"), "{d}");
    assert_eq!(txt(&strike.location), Some("Kharkiv"), "{d}");
    assert_eq!(strike.date_text.as_deref(), Some("Monday"), "{d}");
    assert_eq!(strike.date, parse_iso_day("2022-09-12"), "{d}");
    assert_eq!((strike.killed, strike.injured), (Some(2), Some(9)), "{d}");
    assert_eq!(txt(&strike.source), Some("Oleh Syniehubov"), "{d}");
    assert_eq!(strike.modality, Modality::Asserted);
    // "searching the ruins of School No. 6" is a scene, and "No. 6" no quantity
    assert!(events_of(&r, "DESTROY").is_empty(), "{d}");
    assert!(r.events.iter().all(|e| e.quantity.as_deref() != Some("6")), "{d}");
    assert_eq!(events_of(&r, "DISRUPT").len(), 1, "{d}");
}

#[test]
fn live_blog_fragments_numbers_in_names_and_discussed_aid() {
    let r = analyze_text(LIVE);
    let d = describe(&r);
    let strike = events_of(&r, "ASSAULT");
    assert_eq!(strike.len(), 1, "{d}");
    assert_eq!(strike[0].subtype.as_deref(), Some("drone strike"), "{d}");
    assert_eq!(txt(&strike[0].target), Some("a residential building"), "{d}");
    assert_eq!(txt(&strike[0].location), Some("Sumy"), "{d}");
    assert_eq!(txt(&strike[0].source), Some("the city council"), "{d}");
    // the next sentence's casualties (3 injured, no place of their own) are this strike's
    assert!(events_of(&r, "CASUALTIES").is_empty(), "{d}");
    assert_eq!((strike[0].killed, strike[0].injured), (None, Some(3)), "{d}");
    let met = &events_of(&r, "CONSULT")[0];
    assert_eq!(txt(&met.actor), Some("Group of Seven"), "{d}");
    assert_eq!(txt(&met.location), Some("Berlin"), "{d}");
    assert_eq!(met.quantity, None, "'Seven' in a name counts nothing: {d}");
    // aid the meeting is to discuss is what the talks are about, no event of its own
    assert!(events_of(&r, "AID").is_empty(), "aid to be discussed is not given: {d}");
}

#[test]
fn general_staff_summary_counts_each_kind_of_strike() {
    let r = analyze_text(GENERAL_STAFF);
    let d = describe(&r);
    let a = events_of(&r, "ASSAULT");
    assert_eq!(a.len(), 3, "{d}");
    let qty: Vec<Option<&str>> = a.iter().map(|e| e.quantity.as_deref()).collect();
    assert_eq!(qty, vec![Some("3 missile strikes"), Some("41 air strikes"), Some("65 MLRS attacks")], "{d}");
    let sub: Vec<Option<&str>> = a.iter().map(|e| e.subtype.as_deref()).collect();
    // multiple-launch rocket systems are artillery: their attacks are shelling
    assert_eq!(sub, vec![Some("missile strike"), Some("airstrike"), Some("shelling")], "{d}");
    // MLRS is the weapon, not the attacker
    assert!(a.iter().all(|e| txt(&e.actor) != Some("MLRS")), "{d}");
    assert!(a.iter().all(|e| txt(&e.source).is_some_and(|s| s.contains("Armed Forces of Ukraine"))), "{d}");
}

#[test]
fn russian_mod_summary_advance_and_claimed_losses() {
    let r = analyze_text(RUSSIAN_MOD);
    let d = describe(&r);
    let adv = &events_of(&r, "FIGHT")[0];
    assert_eq!(adv.subtype.as_deref(), Some("offensive"), "{d}");
    assert_eq!(txt(&adv.location), Some("Bakhmut"), "{d}");
    // "lost up to 140 servicemen": losses count the dead and the wounded together, so the
    // stated figure is the row's quantity, not a death toll
    let lost = by_trigger(&r, "lost");
    assert_eq!(lost.event_type, "CASUALTIES");
    assert_eq!(lost.subtype.as_deref(), Some("losses"), "{d}");
    assert_eq!(lost.killed, None, "{d}");
    assert!(lost.quantity.as_deref().is_some_and(|q| q.contains("140")), "{d}");
    assert_eq!(txt(&lost.source), Some("Russian Defence Ministry"), "{d}");
    assert_eq!(lost.modality, Modality::Asserted, "{d}");
}

#[test]
fn governor_posts_count_one_person_not_their_age() {
    let r = analyze_text(GOVERNOR);
    let d = describe(&r);
    let a = events_of(&r, "ASSAULT");
    assert_eq!(a.len(), 2, "{d}");
    assert_eq!((txt(&a[0].location), a[0].killed, a[0].injured), (Some("Kupiansk"), None, Some(1)), "{d}");
    assert_eq!((txt(&a[1].location), a[1].killed, a[1].injured), (Some("Vovchansk"), Some(1), None), "{d}");
    assert_eq!(a[1].subtype.as_deref(), Some("shelling"), "{d}");
    let r = analyze_text(AGES_AND_IDS);
    let d = describe(&r);
    let shelling = by_trigger(&r, "shelling");
    assert_eq!(shelling.killed, Some(1), "a 72-year-old man is one person: {d}");
    assert_eq!(txt(&shelling.location), Some("Orikhiv"), "{d}");
    assert_eq!(shelling.date_text.as_deref(), Some("Sunday"), "{d}");
    let hit = by_trigger(&r, "hit");
    assert_eq!(hit.subtype.as_deref(), Some("missile strike"), "{d}");
    assert_eq!(hit.injured, Some(10), "a range counts its lower bound: {d}");
    assert_eq!(txt(&hit.location), Some("Kharkiv"), "{d}");
    // the weapons are counted; the school's number is part of its name
    assert_eq!(hit.quantity.as_deref(), Some("Two S-300 missiles"), "{d}");
    assert_eq!(txt(&hit.target), Some("Lyceum No. 3"), "{d}");
    assert!(r.events.iter().all(|e| e.quantity.as_deref() != Some("3")), "identifiers are no quantities: {d}");
    // the administration's attribution covers the first sentence only
    assert_eq!(txt(&shelling.source), Some("the regional administration"), "{d}");
    assert_eq!(hit.source, None, "{d}");
}

#[test]
fn analysis_prose_offensives_gains_and_repelled_assaults() {
    let r = analyze_text(ISW);
    let d = describe(&r);
    let off = by_trigger(&r, "offensive");
    assert_eq!(
        (off.event_type.as_str(), txt(&off.actor), txt(&off.location)),
        ("FIGHT", Some("Russian forces"), Some("Bakhmut")),
        "{d}"
    );
    assert_eq!(off.date, parse_iso_day("2022-09-10"), "{d}");
    let gains = by_trigger(&r, "marginal gains");
    assert_eq!(txt(&gains.actor), Some("Russian forces"), "{d}");
    let rep = by_trigger(&r, "repelled");
    // (a repelled attack is the attacker's ground attack on the side that repelled it)
    assert_eq!(rep.event_type.as_str(), "ASSAULT", "{d}");
    assert_eq!(
        (txt(&rep.actor), txt(&rep.target), txt(&rep.location)),
        (Some("Russian Armed Forces"), Some("Ukrainian forces"), Some("Avdiivka")),
        "{d}"
    );
    assert_eq!(txt(&rep.source), Some("Ukrainian General Staff"), "{d}");
    assert_eq!(off.source, None, "'according to' of the next sentence is not this one's: {d}");
}

#[test]
fn two_attacks_in_one_clause_keep_their_own_casualties() {
    let r = analyze_text(TWO_ATTACKS);
    let d = describe(&r);
    let a = events_of(&r, "ASSAULT");
    assert_eq!(a.len(), 2, "{d}");
    assert_eq!(
        (txt(&a[0].actor), txt(&a[0].location), a[0].killed),
        (Some("Russian troops"), Some("Nikopol"), None),
        "{d}"
    );
    assert_eq!(a[1].subtype.as_deref(), Some("drone strike"), "{d}");
    assert_eq!((txt(&a[1].location), a[1].killed), (Some("Marhanets"), Some(4)), "{d}");
    // the subject of the first clause did not send the drone; the story's side did (every
    // attacker it names is Russian and hits Ukraine)
    assert_ne!(txt(&a[1].actor), Some("Russian troops"), "{d}");
    assert_eq!(a[1].actor.as_ref().and_then(|x| x.canonical.as_deref()), Some("Russian Armed Forces"), "{d}");
}

#[test]
fn ranges_and_lower_bounds() {
    let r = analyze_text(RANGES);
    let d = describe(&r);
    let hit = &events_of(&r, "ASSAULT")[0];
    assert_eq!(hit.subtype.as_deref(), Some("missile strike"), "{d}");
    assert_eq!(hit.killed, Some(10), "'between 10 and 15' counts 10: {d}");
    assert_eq!(txt(&hit.target), Some("a shopping centre"), "{d}");
    assert_eq!(txt(&hit.location), Some("Kremenchuk"), "{d}");
    // the wounded of the next sentence are the same strike's
    assert!(events_of(&r, "CASUALTIES").is_empty(), "{d}");
    assert_eq!(hit.injured, Some(50), "'more than 50' counts 50: {d}");
}

#[test]
fn a_said_clause_covers_its_complement_not_what_came_before() {
    let r = analyze_text(SAID_SCOPE);
    let d = describe(&r);
    let seize = &events_of(&r, "SEIZE")[0];
    assert_eq!((txt(&seize.actor), txt(&seize.target)), (Some("Ukrainian forces"), Some("Izium")), "{d}");
    assert_eq!(seize.source, None, "{d}");
    let hit = &events_of(&r, "ASSAULT")[0];
    assert_eq!(
        (txt(&hit.target), txt(&hit.location), hit.date_text.as_deref()),
        (Some("a school"), Some("Kramatorsk"), Some("Tuesday")),
        "{d}"
    );
    assert_eq!(txt(&hit.source), Some("The mayor"), "{d}");
    let r = analyze_text(MIDDLE_SAID);
    let d = describe(&r);
    let shelled = by_trigger(&r, "shelled");
    assert_eq!((txt(&shelled.actor), txt(&shelled.location)), (Some("Russian forces"), Some("Kherson")), "{d}");
    assert_eq!(shelled.source, None, "Zelensky's words come after the shelling: {d}");
}

#[test]
fn translated_russian_statements() {
    let r = analyze_text(TRANSLATED_RU);
    let d = describe(&r);
    let down = by_trigger(&r, "shot down");
    assert_eq!(down.event_type, "DESTROY");
    assert_eq!(down.quantity.as_deref(), Some("12 Ukrainian drones"), "{d}");
    assert_eq!(down.geo.country.as_deref(), Some("RU"), "{d}");
    assert_eq!(txt(&down.source), Some("Russian Defence Ministry"), "{d}");
    // "shelling damaged a power line" is one attack, named by its subject
    let dmg = by_trigger(&r, "shelling");
    assert_eq!(dmg.event_type, "ASSAULT", "{d}");
    assert!(events_of(&r, "DESTROY").iter().all(|e| trigger(&r, e) != "damaged"), "{d}");
    assert_eq!(
        (txt(&dmg.target), txt(&dmg.location), txt(&dmg.source)),
        (Some("a power line"), Some("Shebekino"), Some("the governor")),
        "{d}"
    );
}

#[test]
fn opened_fire_and_places_in_org_names() {
    let r = analyze_text(KHARKOV);
    let d = describe(&r);
    let fire = by_trigger(&r, "opened fire on");
    assert_eq!((fire.event_type.as_str(), fire.subtype.as_deref()), ("ASSAULT", Some("shelling")), "{d}");
    assert_eq!(txt(&fire.actor), Some("Ukrainian artillery"), "{d}");
    let r = analyze_text(ORG_PLACE);
    let d = describe(&r);
    let dmg = by_trigger(&r, "damaged");
    assert_eq!(txt(&dmg.target), Some("a house"), "{d}");
    assert_eq!(txt(&dmg.location), Some("Kyiv"), "the city named after 'district of', not the administration: {d}");
    assert_eq!(txt(&dmg.source), Some("Kyiv City Military Administration"), "{d}");
    // under fire: the city is the target, never the attacker
    let r = analyze_text("The town, known as Kupyansk in Russian, had been under fire for weeks.");
    let d = describe(&r);
    assert!(r.events.iter().all(|e| e.actor.is_none()), "{d}");
}

#[test]
fn a_place_inside_an_organisation_name_is_no_location() {
    let r = analyze_text("Drones attacked the Odesa Regional Council building overnight, officials said.");
    let d = describe(&r);
    let a = by_trigger(&r, "attacked");
    assert_eq!(a.subtype.as_deref(), Some("drone strike"), "{d}");
    assert_ne!(txt(&a.location), Some("Odesa"), "{d}");
}

#[test]
fn places_and_dates_stay_with_their_own_clause() {
    let r = analyze_text("A Russian airstrike on a market in Kostiantynivka killed at least 16 people and wounded 32, Prime Minister Denys Shmyhal said, while Ukraine's air force said it shot down 20 of 25 drones overnight.");
    let d = describe(&r);
    let air = by_trigger(&r, "airstrike");
    assert_eq!(
        (txt(&air.actor), txt(&air.location), air.killed, air.injured),
        (Some("Russian"), Some("Kostiantynivka"), Some(16), Some(32)),
        "{d}"
    );
    assert_eq!(air.date_text, None, "the night belongs to the drones: {d}");
    assert_eq!(txt(&air.source), Some("Denys Shmyhal"), "{d}");
    let down = by_trigger(&r, "shot down");
    // (not the market's town: a share of the night's drones was shot down over the country)
    assert_eq!((txt(&down.location), down.date_text.as_deref()), (Some("Ukraine"), Some("overnight")), "{d}");
}

#[test]
fn hit_with_weapons_is_a_strike() {
    let r = analyze_text("Russia hit the energy grid with 40 missiles on Thursday. Prices hit a record high.");
    let d = describe(&r);
    let a = events_of(&r, "ASSAULT");
    assert_eq!(a.len(), 1, "{d}");
    assert_eq!(
        (a[0].subtype.as_deref(), txt(&a[0].actor), a[0].quantity.as_deref()),
        (Some("missile strike"), Some("Russia"), Some("40 missiles")),
        "{d}"
    );
}

#[test]
fn a_long_summary_with_many_events_and_attributions_is_read_whole() {
    // (Its speed is measured by bench/bench_speed.py, not asserted here.)
    let one = "the enemy launched 3 missile strikes and 41 air strikes on Kharkiv, the governor said, while shelling of Kupiansk killed between 2 and 4 people, according to officials, and ";
    let text = format!("Over the past day, {}drones struck Odesa.", one.repeat(300));
    let r = analyze_text(&text);
    // one sentence: nothing merged across it, and its end is read
    assert!(r.events.len() >= 900, "{}", r.events.len());
    assert!(r.events.iter().any(|e| txt(&e.location) == Some("Odesa")), "{}", describe(&r));
}

#[test]
#[ignore]
fn dump_field_articles() {
    for t in [
        AGES_AND_IDS,
        MIDDLE_SAID,
        WIRE,
        LIVE,
        GENERAL_STAFF,
        RUSSIAN_MOD,
        GOVERNOR,
        ISW,
        TWO_ATTACKS,
        RANGES,
        SAID_SCOPE,
        TRANSLATED_RU,
        KHARKOV,
        ORG_PLACE,
    ] {
        let r = analyze_text(t);
        println!(
            "=== {}\n{}\n  entities: {:?}",
            &t[..60.min(t.len())],
            describe(&r),
            r.entities.iter().map(|m| (&r.text[m.start..m.end], m.label.as_str())).collect::<Vec<_>>()
        );
    }
}

/// Developer aid: `EVENT_DUMP_DIR=/some/dir cargo test --test events_field dump_files -- --ignored
/// --nocapture` prints the events of every text file in the directory.
#[test]
#[ignore]
fn dump_files_in_dir() {
    let Ok(path) = std::env::var("EVENT_DUMP_DIR") else {
        return;
    };
    let Ok(dir) = std::fs::read_dir(path) else { return };
    for f in dir.flatten() {
        if let Ok(t) = std::fs::read_to_string(f.path()) {
            let r = analyze_text(&t);
            println!("=== {:?}{}", f.path(), describe(&r));
        }
    }
}
