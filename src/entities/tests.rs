use super::*;

fn run(text: &str) -> Vec<(String, Label, Option<String>, Option<String>)> {
    crate::context::with_context(text, None, |ctx| {
        recognize(ctx)
            .into_iter()
            .map(|m| (ctx.text[m.start..m.end].to_string(), m.label, m.canonical, m.role))
            .collect()
    })
}

fn find<'a>(
    ms: &'a [(String, Label, Option<String>, Option<String>)],
    text: &str,
) -> Option<&'a (String, Label, Option<String>, Option<String>)> {
    ms.iter().find(|m| m.0 == text)
}

#[test]
fn a_cyrillic_name_is_its_own_run() {
    // (text, the person's surface, role)
    let cases = [
        ("On Monday Олег Синегубов spoke.", "Олег Синегубов", None),
        ("Олег Синегубов and Микола Гриценко met in Kharkiv.", "Микола Гриценко", None),
        ("Kharkiv Mayor Ігор Терехов said the city was shelled.", "Ігор Терехов", Some("Kharkiv Mayor")),
    ];
    for (text, surface, role) in cases {
        let ms = crate::context::with_context(text, None, |ctx| {
            recognize(ctx)
                .into_iter()
                .map(|m| (ctx.text[m.start..m.end].to_string(), m.label, m.role))
                .collect::<Vec<_>>()
        });
        let m = ms.iter().find(|m| m.0 == surface).unwrap_or_else(|| panic!("{text}: {ms:?}"));
        assert_eq!((m.1, m.2.as_deref()), (Label::Person, role), "{text}: {ms:?}");
    }
}

#[test]
fn lexicon_places_and_variants() {
    let ms = run("Shelling hit Kiev and Zaporizhzhya overnight, officials in Kharkov said.");
    assert_eq!(find(&ms, "Kiev").unwrap().2.as_deref(), Some("Kyiv"));
    assert_eq!(find(&ms, "Zaporizhzhya").unwrap().2.as_deref(), Some("Zaporizhzhia"));
    assert_eq!(find(&ms, "Kharkov").unwrap().1, Label::Gpe);
}

#[test]
fn people_from_lexicon_and_titles() {
    let ms = run("Ukrainian President Volodymyr Zelenskiy met Defence Minister Oleksandr Hrytsenko in Kyiv.");
    let z = find(&ms, "Volodymyr Zelenskiy").expect("zelenskiy");
    assert_eq!(z.1, Label::Person);
    assert_eq!(z.2.as_deref(), Some("Volodymyr Zelensky"));
    assert_eq!(z.3.as_deref(), Some("Ukrainian President"));
    let h = find(&ms, "Oleksandr Hrytsenko").unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(h.1, Label::Person);
    assert_eq!(h.3.as_deref(), Some("Defence Minister"));
    assert_eq!(find(&ms, "Ukrainian").unwrap().1, Label::Norp);
}

#[test]
fn organisation_runs_swallow_names() {
    let ms = run("The Russian Defence Ministry said the Kharkiv Regional Military Administration was hit.");
    assert_eq!(find(&ms, "Russian Defence Ministry").map(|m| m.1), Some(Label::Org), "{ms:?}");
    assert_eq!(find(&ms, "Kharkiv Regional Military Administration").map(|m| m.1), Some(Label::Org), "{ms:?}");
    assert!(find(&ms, "The Russian Defence Ministry").is_none());
}

#[test]
fn appositive_role_and_cue_rule() {
    let ms = run("Ivan Petrenko, the mayor of Bucha, said the town was quiet. Petrenko added more.");
    let p = find(&ms, "Ivan Petrenko").expect("petrenko");
    assert_eq!(p.1, Label::Person);
    assert_eq!(p.3.as_deref(), Some("mayor of Bucha"));
}

#[test]
fn given_names_are_not_towns_and_surnames_stay_apart() {
    let ms = run("Security chief Yuri Danilov said so. Defence Minister Oleksandr Hrytsenko agreed.");
    let y = find(&ms, "Yuri Danilov").unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(y.1, Label::Person);
    assert_eq!(y.2, None);
    assert_eq!(find(&ms, "Oleksandr Hrytsenko").unwrap().3.as_deref(), Some("Defence Minister"));
}

#[test]
fn headlines_in_capitals_are_not_full_of_names() {
    let ms =
        run("RUSSIAN STRIKES HIT POWER GRID AS WINTER NEARS\nShelling Kills Five Civilians In Izium\nText follows.");
    assert!(ms.iter().all(|m| m.1 != Label::Org && m.1 != Label::Person), "{ms:?}");
    assert!(find(&ms, "Izium").is_some());
}

#[test]
fn a_date_after_a_name_is_not_part_of_it() {
    let ms = run("Defence Minister Oleksandr Hrytsenko on Tuesday ruled out talks.");
    assert!(find(&ms, "Oleksandr Hrytsenko").is_some(), "{ms:?}");
}

#[test]
fn sentence_initial_words_are_not_names() {
    let ms = run("After the attack, Russian troops withdrew. The Pentagon said nothing.");
    assert!(find(&ms, "After").is_none());
    assert!(ms.iter().all(|m| !m.0.starts_with("The ")), "{ms:?}");
}

#[test]
fn given_name_before_a_town_name_is_a_person() {
    let ms = run("The visitors scored late through Matt Lawton, and the coach praised Carla Sacramento.");
    assert_eq!(find(&ms, "Matt Lawton").map(|m| m.1), Some(Label::Person), "{ms:?}");
    assert_eq!(find(&ms, "Carla Sacramento").map(|m| m.1), Some(Label::Person), "{ms:?}");
    assert!(find(&ms, "Lawton").is_none(), "{ms:?}");
}

#[test]
fn name_particle_town_before_a_surname_is_a_person() {
    let ms = run("Police said the suspect Abu Ammar was held near the border.");
    assert_eq!(find(&ms, "Abu Ammar").map(|m| m.1), Some(Label::Person), "{ms:?}");
    // A region key stays a place.
    let ms = run("Drones struck Kharkiv Oblast again overnight.");
    assert_eq!(find(&ms, "Kharkiv Oblast").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
}

#[test]
fn capitalised_title_before_a_town_name_makes_a_surname() {
    let ms = run("The exiled King Sihanouk returned to the capital on Monday.");
    let k = find(&ms, "Sihanouk").unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(k.1, Label::Person);
    assert_eq!(k.3.as_deref(), Some("King"));
}

#[test]
fn clubs_named_after_places_are_organisations() {
    let ms = run("Dynamo Kyiv lost to Leeds United, while fans of the San Francisco Giants celebrated.");
    assert_eq!(find(&ms, "Dynamo Kyiv").map(|m| m.1), Some(Label::Org), "{ms:?}");
    assert_eq!(find(&ms, "Leeds United").map(|m| m.1), Some(Label::Org), "{ms:?}");
    assert_eq!(find(&ms, "San Francisco Giants").map(|m| m.1), Some(Label::Org), "{ms:?}");
    // A plain place stays a place.
    let ms = run("Shelling hit Kyiv on Friday and later Odesa.");
    assert_eq!(find(&ms, "Kyiv").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
}

#[test]
fn organisation_head_of_a_place_is_one_organisation() {
    let ms = run("The governor met the National Bank of Poland and the University of Kharkiv.");
    assert_eq!(find(&ms, "National Bank of Poland").map(|m| m.1), Some(Label::Org), "{ms:?}");
    assert_eq!(find(&ms, "University of Kharkiv").map(|m| m.1), Some(Label::Org), "{ms:?}");
    // A company "of" its home town is the company, then the town.
    let ms = run("Shares of Brandwell Corp of Odesa rose.");
    assert!(find(&ms, "Brandwell Corp of Odesa").is_none(), "{ms:?}");
    assert_eq!(find(&ms, "Odesa").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
}

#[test]
fn acronym_in_brackets_marks_an_organisation() {
    let ms = run("Auditors from the Grain Export Monitoring Bureaux (GEMB) arrived.");
    assert_eq!(find(&ms, "Grain Export Monitoring Bureaux").map(|m| m.1), Some(Label::Org), "{ms:?}");
}

#[test]
fn speech_verb_before_or_after_a_name() {
    let ms = run("\"We will rebuild the bridge,\" said Kowalczyk. Weber said the talks had stalled.");
    assert_eq!(find(&ms, "Kowalczyk").map(|m| m.1), Some(Label::Person), "{ms:?}");
    assert_eq!(find(&ms, "Weber").map(|m| m.1), Some(Label::Person), "{ms:?}");
    // Capitals that speak stay places.
    let ms = run("Moscow said the talks had stalled.");
    assert_eq!(find(&ms, "Moscow").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
}

#[test]
fn honorific_and_single_surname() {
    let ms = run("Mr. Blenkowitz declined to comment, and Dr Marchetti agreed.");
    assert_eq!(find(&ms, "Blenkowitz").map(|m| m.1), Some(Label::Person), "{ms:?}");
    assert_eq!(find(&ms, "Marchetti").map(|m| m.1), Some(Label::Person), "{ms:?}");
}

#[test]
fn numbered_facilities_are_never_people() {
    let ms = tests_run("Overnight a missile struck Lyceum No. 3 in Kharkiv. School No. 6 lost its windows, and doctors at Hospital No. 2 treated the wounded.");
    assert!(ms.iter().all(|m| m.1 != Label::Person), "{ms:?}");
    for name in ["Lyceum No. 3", "School No. 6", "Hospital No. 2"] {
        assert_eq!(ms.iter().find(|m| m.0 == name).map(|m| m.1), Some(Label::Org), "{name}: {ms:?}");
    }
    assert!(ms.iter().all(|m| !m.0.ends_with("No.")), "no half names: {ms:?}");
    assert_eq!(ms.iter().find(|m| m.0 == "Kharkiv").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    // A place before the numbered name keeps its own mention; documents are laws.
    let ms = tests_run("Teachers of the Kharkiv Lyceum No. 3 met. The president signed Decree No. 71 on Friday. Reactor Unit No. 4 was shut.");
    assert!(ms.iter().all(|m| m.1 != Label::Person && !m.0.contains("Unit")), "{ms:?}");
    assert_eq!(ms.iter().find(|m| m.0 == "Kharkiv").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    assert_eq!(ms.iter().find(|m| m.0 == "Decree No. 71").map(|m| m.1), Some(Label::Law), "{ms:?}");
}

#[test]
fn ordinary_words_opening_a_sentence_are_not_small_towns() {
    // "Marks" and "Orchards" are small towns in the lexicon, and plurals of common words.
    let ms = tests_run(
        "Marks of shrapnel covered the walls. Orchards burned near the front line. Firefighters arrived at dawn.",
    );
    assert!(ms.iter().all(|m| !m.1.is_place()), "{ms:?}");
    // A town whose name is no English word still counts at the start of a sentence,
    // and a big city always does.
    let ms = tests_run("Khojaly was shelled again. Kharkiv had no power.");
    assert_eq!(ms.iter().find(|m| m.0 == "Khojaly").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    assert_eq!(ms.iter().find(|m| m.0 == "Kharkiv").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
}

#[test]
fn weapon_systems_are_products_not_organisations() {
    let ms = tests_run("Kyiv used HIMARS and ATACMS against an S-300 battery, while Moscow fired Kh-101 and Kalibr missiles, Shahed drones and an Iskander. Germany sent Leopard tanks; Abrams tanks and a Patriot air defence system followed. MLRS units fired back.");
    for w in [
        "HIMARS",
        "ATACMS",
        "S-300",
        "Kh-101",
        "Kalibr",
        "Shahed",
        "Iskander",
        "Leopard",
        "Abrams tanks",
        "Patriot air defence system",
        "MLRS",
    ] {
        let m = ms.iter().find(|m| m.0 == w).unwrap_or_else(|| panic!("{w}: {ms:?}"));
        assert_eq!(m.1, Label::Product, "{w}: {ms:?}");
        assert!(m.2.as_deref().is_some_and(|id| id.starts_with("product:")), "{w}: {ms:?}");
    }
    // "Patriot" alone is not a key.
    let ms = tests_run("The Patriot Act was debated.");
    assert!(ms.iter().all(|m| m.1 != Label::Product), "{ms:?}");
}

#[test]
fn district_and_community_names_are_one_place() {
    let ms = tests_run("Debris fell on the Darnytskyi district of Kyiv. Fighting went on in the Bakhmut district, the Kupiansk raion and the Nikopol community.");
    let get = |t: &str| ms.iter().find(|m| m.0 == t).cloned();
    let d = get("Darnytskyi district").unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!((d.1, d.2.as_deref()), (Label::Gpe, Some("gpe:darnytskyi-district")));
    assert_eq!(get("Kyiv").map(|m| m.1), Some(Label::Gpe));
    let b = get("Bakhmut district").unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(
        (b.1, b.2.as_deref(), b.3.as_deref()),
        (Label::Gpe, Some("gpe:bakhmut-district"), Some("UA")),
        "the town lends its country"
    );
    assert_eq!(get("Kupiansk raion").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    assert_eq!(get("Nikopol community").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    // Groups and ordinary words before "community" are not places.
    let ms =
        tests_run("The international community and the Jewish community reacted. The Central district court ruled.");
    assert!(ms.iter().all(|m| !m.0.ends_with("community") && !m.0.ends_with("district")), "{ms:?}");
}

#[test]
fn head_word_before_of_makes_an_organisation() {
    let ms =
        tests_run("Officials at the Ministry of Higher Education and the Institute for Strategic Studies disagreed.");
    assert_eq!(ms.iter().find(|m| m.0 == "Ministry of Higher Education").map(|m| m.1), Some(Label::Org), "{ms:?}");
    assert_eq!(ms.iter().find(|m| m.0 == "Institute for Strategic Studies").map(|m| m.1), Some(Label::Org), "{ms:?}");
}

#[test]
fn a_label_does_not_depend_on_the_previous_sentence() {
    // (text, surface, label): each second sentence alone gives the same labels.
    let cases = [
        (
            "Three people died, officials said. Ukraine's air force said it shot down 34 cruise missiles.",
            "Ukraine's air force",
            Label::Org,
        ),
        (
            "Two were hurt, the mayor said. Russia's defence ministry said it downed a drone.",
            "Russia's defence ministry",
            Label::Org,
        ),
        (
            "The shelling went on all night, he added. Ukraine's air force reported 20 drones.",
            "Ukraine's air force",
            Label::Org,
        ),
        ("Nobody was hurt, the governor wrote. Kharkiv came under fire again on Sunday.", "Kharkiv", Label::Gpe),
        ("Damage was light, police said. Moscow denied the report.", "Moscow", Label::Gpe),
        ("The bridge was closed, the army said. Kharkiv region was shelled overnight.", "Kharkiv region", Label::Gpe),
        ("Roads were cut off in the region. Sumy oblast lost power.", "Sumy oblast", Label::Gpe),
    ];
    for (text, surface, label) in cases {
        let ms = run(text);
        let m = find(&ms, surface).unwrap_or_else(|| panic!("no {surface:?} in {text}: {ms:?}"));
        assert_eq!(m.1, label, "{text}: {ms:?}");
        assert!(ms.iter().all(|m| m.1 != Label::Person), "a person in {text}: {ms:?}");
        let second = &text[text.find(". ").unwrap() + 2..];
        let alone = run(second);
        let labels = |v: &[(String, Label, Option<String>, Option<String>)]| -> Vec<(String, Label)> {
            v.iter().map(|m| (m.0.clone(), m.1)).collect()
        };
        let tail: Vec<_> = labels(&ms).into_iter().filter(|m| second.contains(m.0.as_str())).collect();
        assert_eq!(tail, labels(&alone), "{text}");
    }
}

#[test]
fn a_lexicon_key_that_goes_on_in_lowercase_is_not_cut_by_a_place_noun_before_it() {
    let ms = run("Strikes hit the Donetsk region, Sumy oblast and Zaporizhzhia province overnight.");
    for surface in ["Donetsk region", "Sumy oblast", "Zaporizhzhia province"] {
        let m = find(&ms, surface).unwrap_or_else(|| panic!("no {surface:?}: {ms:?}"));
        assert_eq!(m.1, Label::Gpe, "{ms:?}");
        assert!(m.2.as_deref().is_some_and(|c| c.ends_with("Oblast")), "{surface}: {ms:?}");
    }
}

#[test]
fn a_said_before_a_possessive_does_not_make_a_person() {
    let ms = run("An official said Ukraine's air force had intercepted most of them.");
    assert_eq!(find(&ms, "Ukraine's air force").map(|m| m.1), Some(Label::Org), "{ms:?}");
    let ms = run("The attack was over, said Kowalski.");
    assert_eq!(find(&ms, "Kowalski").map(|m| m.1), Some(Label::Person), "{ms:?}");
}

#[test]
fn capitals_of_common_nouns_are_no_organisation() {
    for text in [
        "Air defence downed a UAV over the city.",
        "Three people died, officials said. A UAV hit a house.",
        "The GDP fell by a third, the ministry said.",
        "The ICBM test was announced on Monday.",
    ] {
        let ms = run(text);
        assert!(ms.iter().all(|m| m.1 != Label::Org), "{text}: {ms:?}");
    }
    // A real acronym of an organisation stays one.
    let ms = run("The OSCE sent observers.");
    assert_eq!(find(&ms, "OSCE").map(|m| m.1), Some(Label::Org), "{ms:?}");
}

/// (surface, entity_id, place_type, lat, lon) of a place mention, after `resolve`.
type PlaceRow = (String, String, Option<crate::model::PlaceType>, Option<f64>, Option<f64>);

fn places_of(text: &str) -> Vec<PlaceRow> {
    crate::context::with_context(text, None, |ctx| {
        crate::resolve::resolve(ctx, recognize(ctx))
            .into_iter()
            .filter(|m| m.label.is_place())
            .map(|m| {
                let id = m.entity_id.unwrap_or_default();
                (ctx.text[m.start..m.end].to_string(), id, m.geo.place_type, m.geo.lat, m.geo.lon)
            })
            .collect()
    })
}

#[test]
fn a_region_written_after_or_before_its_town_is_the_region() {
    use crate::model::PlaceType;
    // (text, surface, region id)
    let cases = [
        ("Shelling hit the Kharkiv region overnight.", "Kharkiv region", "iso:UA-63"),
        ("Shelling hit Donetsk region overnight.", "Donetsk region", "iso:UA-14"),
        ("Power was cut in Sumy oblast.", "Sumy oblast", "iso:UA-59"),
        ("Two died in Zaporizhzhia province.", "Zaporizhzhia province", "iso:UA-23"),
        ("Drones struck the region of Kherson on Friday.", "Kherson", "iso:UA-65"),
        ("Guided bombs hit Dnipropetrovsk region.", "Dnipropetrovsk region", "iso:UA-12"),
        ("Attacks on the Kharkiv and Sumy regions went on.", "Kharkiv", "iso:UA-63"),
        ("Attacks on the Kharkiv and Sumy regions went on.", "Sumy", "iso:UA-59"),
        ("Donetsk, Luhansk and Zaporizhzhia oblasts were annexed on paper.", "Luhansk", "iso:UA-09"),
        ("Evacuations continued in the Dnipro region.", "Dnipro region", "iso:UA-12"),
    ];
    for (text, surface, id) in cases {
        let ps = places_of(text);
        let p = ps.iter().find(|p| p.0 == surface).unwrap_or_else(|| panic!("no {surface:?} in {text}: {ps:?}"));
        assert_eq!((p.1.as_str(), p.2), (id, Some(PlaceType::Region)), "{text}: {ps:?}");
    }
    // The town itself stays the town, with its own id and point.
    let ps = places_of("Shelling hit the Kharkiv region, and Kharkiv itself was spared.");
    let (region, city) = (&ps[0], &ps[1]);
    assert_eq!((city.0.as_str(), city.2), ("Kharkiv", Some(PlaceType::City)), "{ps:?}");
    assert_ne!(region.1, city.1, "{ps:?}");
    assert_ne!((region.3, region.4), (city.3, city.4), "a region's point is not its capital's: {ps:?}");
}

#[test]
fn every_place_has_a_place_type() {
    use crate::model::PlaceType;
    let text = "Ukraine said the Kharkiv region, the city of Kharkiv, the village of Robotyne, the \
                Izium district, the Black Sea and the Zaporizhzhia nuclear power plant were hit near Blorvik.";
    let ps = places_of(text);
    assert!(ps.len() >= 7, "{ps:?}");
    assert!(ps.iter().all(|p| p.2.is_some()), "{ps:?}");
    let kind = |s: &str| ps.iter().find(|p| p.0.starts_with(s)).and_then(|p| p.2);
    assert_eq!(kind("Ukraine"), Some(PlaceType::Country));
    assert_eq!(kind("Kharkiv region"), Some(PlaceType::Region));
    assert_eq!(kind("Robotyne"), Some(PlaceType::Village));
    assert_eq!(kind("Izium district"), Some(PlaceType::District));
    assert_eq!(kind("Black Sea"), Some(PlaceType::Feature));
}

#[test]
fn country_and_region_points_are_centroids_inside_them() {
    // Population-weighted means of their places: near, but not on, the capital.
    let ps = places_of("Ukraine and the Kharkiv region and the Lviv region.");
    let point = |s: &str| ps.iter().find(|p| p.0.starts_with(s)).map(|p| (p.3.unwrap(), p.4.unwrap())).unwrap();
    let (lat, lon) = point("Ukraine");
    assert!((44.0..53.0).contains(&lat) && (22.0..40.0).contains(&lon), "{ps:?}");
    assert_ne!((lat, lon), (50.45466, 30.5238), "Kyiv's point: {ps:?}");
    let (lat, lon) = point("Lviv region");
    assert!((48.5..51.0).contains(&lat) && (22.5..25.5).contains(&lon), "{ps:?}");
}

#[test]
fn a_countrys_possessive_before_an_organisation_head_is_the_organisation() {
    // (text, surface, canonical)
    let cases = [
        (
            "Poland's interior ministry said the border was closed.",
            "Poland's interior ministry",
            "Polish Interior Ministry",
        ),
        (
            "Nobody was hurt, he said. Russia's foreign ministry denied it.",
            "Russia's foreign ministry",
            "Russian Foreign Ministry",
        ),
        ("Ukraine's navy said a landing craft was hit.", "Ukraine's navy", "Ukrainian Navy"),
        (
            "Ukraine's military intelligence said the drones came from Crimea.",
            "Ukraine's military intelligence",
            "Main Intelligence Directorate of Ukraine",
        ),
    ];
    for (text, surface, canonical) in cases {
        let ms = run(text);
        let m = find(&ms, surface).unwrap_or_else(|| panic!("no {surface:?} in {text}: {ms:?}"));
        assert_eq!((m.1, m.2.as_deref()), (Label::Org, Some(canonical)), "{text}: {ms:?}");
    }
    // No head noun: the country stays a place.
    for text in ["Russia's war on Ukraine went on.", "Ukraine's new air defence systems arrived."] {
        let ms = run(text);
        assert!(ms.iter().all(|m| m.1 != Label::Org), "{text}: {ms:?}");
        assert!(ms.iter().any(|m| m.1 == Label::Gpe), "{text}: {ms:?}");
    }
}

#[test]
fn towns_in_a_results_line_are_the_teams() {
    // (line, town) → ORG
    for (text, town) in [
        ("Blackpool 0 Wycombe 2", "Blackpool"),
        ("Postponed: Birmingham v Barnsley", "Birmingham"),
        ("Leeds 4 2 1 1 3 2 7", "Leeds"),
        ("Dnipro 1 Kharkiv 3", "Kharkiv"),
    ] {
        let ms = run(text);
        assert_eq!(find(&ms, town).map(|m| m.1), Some(Label::Org), "{text}: {ms:?}");
    }
    // Names no lexicon knows before scores are teams too; a batsman with an initial is not.
    let ms = run("Stranraer 3 1 1 1 3 3 4");
    assert_eq!(find(&ms, "Stranraer").map(|m| m.1), Some(Label::Org), "{ms:?}");
    let ms = run("Forfar 2 Brechin 1");
    assert_eq!(find(&ms, "Brechin").map(|m| m.1), Some(Label::Org), "{ms:?}");
    let ms = run("Gloucestershire 183 and 249 ( J. Russell 75 )");
    assert!(ms.iter().all(|m| !m.0.contains("Russell") || m.1 != Label::Org), "{ms:?}");
    // One name before one number is no results line.
    let ms = run("Zorbovka 12");
    assert!(ms.iter().all(|m| m.1 != Label::Org), "{ms:?}");
    // A dateline, a sentence with lowercase words and a country in a results line stay places.
    for (text, place) in [
        ("KYIV 2022-03-01", "KYIV"),
        ("Shelling hit Kharkiv 12 times on Monday.", "Kharkiv"),
        ("Japan 2 Syria 1", "Japan"),
    ] {
        let ms = run(text);
        assert_eq!(find(&ms, place).map(|m| m.1), Some(Label::Gpe), "{text}: {ms:?}");
    }
}

#[test]
fn a_capitalised_head_noun_after_the_is_the_organisation() {
    let ms = run("Aircraft of the Coalition struck two targets near Raqqa.");
    assert_eq!(find(&ms, "Coalition").map(|m| m.1), Some(Label::Org), "{ms:?}");
    // At the start of a sentence or without "the" it says nothing.
    let ms = run("Coalition aircraft struck two targets. Army units moved in.");
    assert!(ms.iter().all(|m| m.1 != Label::Org), "{ms:?}");
}

#[test]
fn numbered_units_and_facilities_named_after_places() {
    // the unit keeps its number: two brigades are two organisations
    let ms = run("The 47th Mechanized Brigade and the 110th Mechanized Brigade held the line.");
    assert_eq!(find(&ms, "47th Mechanized Brigade").map(|m| m.1), Some(Label::Org), "{ms:?}");
    assert_eq!(find(&ms, "110th Mechanized Brigade").map(|m| m.1), Some(Label::Org), "{ms:?}");
    // a place and a facility's head word are the facility, not a town and a place "Dam"
    let ms = run("Engineers inspected the Nova Kakhovka Port and the Tabqa Dam.");
    assert_eq!(find(&ms, "Tabqa Dam").map(|m| m.1), Some(Label::Fac), "{ms:?}");
    assert!(find(&ms, "Dam").is_none(), "{ms:?}");
    // a lowercase word after a town is no facility name
    let ms = run("The dam near Tabqa station was hit.");
    assert!(find(&ms, "Tabqa station").is_none(), "{ms:?}");
}

#[test]
fn governments_are_organisations_and_a_role_takes_its_of_the() {
    let ms = run("Officials of the Kurdistan Regional Government met envoys of the Government of Iraq.");
    assert_eq!(find(&ms, "Kurdistan Regional Government").map(|m| m.1), Some(Label::Org), "{ms:?}");
    assert_eq!(find(&ms, "Government of Iraq").map(|m| m.1), Some(Label::Org), "{ms:?}");
    // a capitalised "Government" opening a sentence is no name
    let ms = run("Government forces shelled the town.");
    assert!(ms.iter().all(|m| m.1 != Label::Org), "{ms:?}");
}

/// (text, span, label) rows: the span must be a mention with that label.
fn assert_rows(rows: &[(&str, &str, Label)]) {
    for &(text, span, label) in rows {
        let ms = run(text);
        assert_eq!(find(&ms, span).map(|m| m.1), Some(label), "{text}: {ms:?}");
    }
}

#[test]
fn a_lowercase_arabic_particle_goes_on_a_name() {
    assert_rows(&[
        ("Officials said Khalid al-Rawi met the envoy in Amman.", "Khalid al-Rawi", Label::Person),
        ("The decree was signed by Samir el-Haddad on Monday.", "Samir el-Haddad", Label::Person),
        ("Prime Minister Nouri al-Maliki spoke first.", "Nouri al-Maliki", Label::Person),
    ]);
    // the particle never starts a name
    let ms = run("They met al-Rawi twice.");
    assert!(ms.iter().all(|m| !m.0.starts_with("al-")), "{ms:?}");
}

#[test]
fn the_alone_does_not_join_a_word_to_a_name() {
    let ms = run("On Tuesday the UN Security Council met in New York.");
    assert_eq!(find(&ms, "UN Security Council").map(|m| m.1), Some(Label::Org), "{ms:?}");
    assert!(ms.iter().all(|m| !m.0.contains("Tuesday the")), "{ms:?}");
    // an article is no part of a lexicon name
    let ms = run("A spokesman for the UN said the Kremlin had not replied.");
    assert_eq!(find(&ms, "UN").map(|m| m.1), Some(Label::Org), "{ms:?}");
    assert_eq!(find(&ms, "Kremlin").map(|m| m.1), Some(Label::Org), "{ms:?}");
}

#[test]
fn a_middle_initial_keeps_a_town_surname_with_its_person() {
    assert_rows(&[("Petty Officer Alan R. Dayton was injured in the blast.", "Alan R. Dayton", Label::Person)]);
}

#[test]
fn a_capitalised_province_word_is_part_of_the_name() {
    let ms = run("Fighting spread from Anbar Province to the east of Kirkuk province.");
    assert_eq!(find(&ms, "Anbar Province").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    // lowercase, the province is named by the town's name alone
    assert_eq!(find(&ms, "Kirkuk").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
}

#[test]
fn where_an_organisations_name_starts_and_ends() {
    assert_rows(&[
        // words before "of" with no head word are no part of the name ...
        ("The Members of the Security Council condemned the attack.", "Security Council", Label::Org),
        ("She is Deputy Director of the Regional Water Authority.", "Regional Water Authority", Label::Org),
        // ... a head word before "of" keeps the whole name
        ("He spoke to the Council of the European Union.", "Council of the European Union", Label::Org),
        // a country before a head word or a head-of phrase is part of the name
        ("The U.S. Department of State issued a warning.", "U.S. Department of State", Label::Org),
        ("Staff of the Iraqi Ministry of Culture catalogued the finds.", "Iraqi Ministry of Culture", Label::Org),
        ("A crowd gathered outside the French Embassy.", "French Embassy", Label::Org),
        // an ordinal before a unit or the unit's acronym is part of it
        ("He served with the 2nd Battalion before the war.", "2nd Battalion", Label::Org),
        ("Tankers of the 412th AEW refuelled the jets.", "412th AEW", Label::Org),
        ("Crews of the 9th Air Support Group flew home.", "9th Air Support Group", Label::Org),
        // company suffixes are head words
        ("Shares of Trelawney Pharmaceuticals rose on Friday.", "Trelawney Pharmaceuticals", Label::Org),
        ("The film was released by Brandt Bros last year.", "Brandt Bros", Label::Org),
    ]);
}

#[test]
fn a_long_form_of_a_built_in_organisation_is_one_name() {
    let ms = run("Fighters of the Islamic State of Iraq and the Levant withdrew.");
    let m = find(&ms, "Islamic State of Iraq and the Levant").unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!((m.1, m.2.as_deref()), (Label::Org, Some("Islamic State")), "{ms:?}");
}

#[test]
fn an_acronym_defined_in_brackets_is_its_long_form_everywhere() {
    let ms = run("The Northern Valley Water Authority (NVWA) raised prices. Later the NVWA said it would review them.");
    let long = find(&ms, "Northern Valley Water Authority").unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(long.1, Label::Org, "{ms:?}");
    let acronyms: Vec<_> = ms.iter().filter(|m| m.0 == "NVWA").collect();
    assert_eq!(acronyms.len(), 2, "{ms:?}");
    for a in acronyms {
        assert_eq!((a.1, a.2.as_deref()), (Label::Org, Some("Northern Valley Water Authority")), "{ms:?}");
    }
}

#[test]
fn a_name_made_an_organisation_once_keeps_that_sense_in_the_document() {
    // "the Coalition" says organisation; the bare "Coalition" later is the same one
    let ms = run("The strikes were made by the Coalition on Monday. Coalition aircraft also hit a depot.");
    assert_eq!(ms.iter().filter(|m| m.0 == "Coalition" && m.1 == Label::Org).count(), 2, "{ms:?}");
    // a company written with its suffix once: its bare name before a speech verb is the
    // company, not a person
    let ms = run("Brennholt Holdings posted a loss. Brennholt said sales fell.");
    let bare = ms.iter().find(|m| m.0 == "Brennholt").unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!((bare.1, bare.2.as_deref()), (Label::Org, Some("Brennholt Holdings")), "{ms:?}");
    // without such a mention, nothing changes
    let ms = run("Brennholt said sales fell.");
    assert_eq!(find(&ms, "Brennholt").map(|m| m.1), Some(Label::Person), "{ms:?}");
}

#[test]
fn a_title_lets_an_ordinary_word_be_a_given_name() {
    assert_rows(&[("Defence Secretary Ash Pemberwick visited the base.", "Ash Pemberwick", Label::Person)]);
    // without a title two ordinary capitalised words stay nothing
    let ms = run("Supplies reached the front. Ash Grove residents left.");
    assert!(find(&ms, "Ash Grove").map_or(true, |m| m.1 != Label::Person), "{ms:?}");
}

#[test]
fn a_longer_acronym_that_is_no_word_is_an_organisation() {
    assert_rows(&[
        ("Ships under NAVSOUTH command sailed at dawn.", "NAVSOUTH", Label::Org),
        ("A statement from JTF-WEST followed.", "JTF-WEST", Label::Org),
    ]);
    // an English word in capitals is no acronym, and a long word in capitals opening a
    // line is a dateline's town or a header
    let ms = run("The sign said DANGEROUS in red letters.");
    assert!(find(&ms, "DANGEROUS").is_none(), "{ms:?}");
    let ms = run("OSTERVIKA, Norway - Rescuers searched the fjord.");
    assert!(find(&ms, "OSTERVIKA").map_or(true, |m| m.1 != Label::Org), "{ms:?}");
}

#[test]
fn the_coalition_opening_a_sentence_is_the_organisation() {
    let ms = run("The Coalition struck two bridges on Monday.");
    assert_eq!(find(&ms, "Coalition").map(|m| m.1), Some(Label::Org), "{ms:?}");
}

#[test]
fn place_prefixes_and_compass_words_are_part_of_a_place() {
    assert_rows(&[
        ("Families fled up Mount Sinjar in August.", "Mount Sinjar", Label::Loc),
        ("The trainers were based at Camp Velbrook near the river.", "Camp Velbrook", Label::Fac),
        ("Troops advanced into East Mosul on Sunday.", "East Mosul", Label::Gpe),
    ]);
    // a lowercase compass word stays outside the name
    let ms = run("Troops advanced into eastern Mosul on Sunday.");
    assert_eq!(find(&ms, "Mosul").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    // an ordinary word after the prefix makes no place
    let ms = run("The Camp Director spoke.");
    assert!(find(&ms, "Camp Director").map_or(true, |m| !m.1.is_place()), "{ms:?}");
}

#[test]
fn words_of_other_scripts_before_a_unit_are_no_ordinal() {
    // (a word ending in two Latin letters after a character of several bytes)
    run("\u{18df3}AA");
    let ms = run("\u{18df3}AA Battalion and the 3rd Battalion met.");
    assert_eq!(find(&ms, "3rd Battalion").map(|m| m.1), Some(Label::Org), "{ms:?}");
}

#[test]
fn an_arabic_article_or_a_place_preposition_opening_a_name() {
    assert_rows(&[
        // a place preposition opening the sentence is no part of the name
        ("Near Al Qurnayn, two strikes hit a depot.", "Al Qurnayn", Label::Gpe),
        ("Outside Velmara, the road was closed.", "Velmara", Label::Gpe),
        // an article opening an unknown name before a province word is the province's
        ("Two were killed in a village in northern El Varrado province on Monday.", "El Varrado", Label::Gpe),
        // the same article as a given name elsewhere is a person's
        ("The vote was close, Al Brennan told reporters.", "Al Brennan", Label::Person),
    ]);
}

#[test]
fn a_town_known_only_by_another_name_abroad_is_not_that_town() {
    // "Hamam" is an old name of a Turkish town; in a story placed in Iraq it is no evidence
    let text = "Militants attacked a police post near Mosul, the Iraqi army said. Two officers died in Hamam.";
    let ms =
        crate::context::with_context(text, None, |ctx| crate::resolve::resolve(ctx, crate::entities::recognize(ctx)));
    let hamam = ms.iter().find(|m| &text[m.start..m.end] == "Hamam").expect("Hamam is a mention");
    assert_eq!(hamam.geo.country, None, "{hamam:?}");
    assert_eq!(hamam.canonical.as_deref(), Some("Hamam"));
    // the same alias in a story about Turkey keeps its town
    let text = "Turkish police said a bus overturned near Ankara. Two passengers died in Hamam.";
    let ms =
        crate::context::with_context(text, None, |ctx| crate::resolve::resolve(ctx, crate::entities::recognize(ctx)));
    let hamam = ms.iter().find(|m| &text[m.start..m.end] == "Hamam").expect("Hamam is a mention");
    assert_eq!(hamam.geo.country.as_deref(), Some("TR"), "{hamam:?}");
}

fn place_of(text: &str, surface: &str) -> Mention {
    let ms =
        crate::context::with_context(text, None, |ctx| crate::resolve::resolve(ctx, crate::entities::recognize(ctx)));
    ms.into_iter().find(|m| &text[m.start..m.end] == surface).unwrap_or_else(|| panic!("{surface} is a mention"))
}

#[test]
fn a_village_shared_by_many_towns_is_the_one_near_the_other_places() {
    // Ukraine has a Mykolaivka in most regions: the region the story names chooses
    let m = place_of("Two shells fell on Mykolaivka in the Odesa region overnight, the governor said.", "Mykolaivka");
    let (lat, lon) = (m.geo.lat.expect("a point"), m.geo.lon.expect("a point"));
    assert!((45.5..47.5).contains(&lat) && (29.0..31.5).contains(&lon), "{m:?}");
    // every mention of the name is the same town
    let text = "Drones struck Mykolaivka near Izmail. Residents of Mykolaivka said the school burned.";
    let ms =
        crate::context::with_context(text, None, |ctx| crate::resolve::resolve(ctx, crate::entities::recognize(ctx)));
    let ids: Vec<_> =
        ms.iter().filter(|m| &text[m.start..m.end] == "Mykolaivka").map(|m| m.entity_id.clone()).collect();
    assert_eq!(ids.len(), 2, "{ms:?}");
    assert_eq!(ids[0], ids[1]);
    // near Sloviansk, the key's own Mykolaivka stays
    let near = place_of("Shelling hit Mykolaivka, a town outside Sloviansk.", "Mykolaivka");
    let alone = place_of("Shelling hit Mykolaivka overnight.", "Mykolaivka");
    assert_eq!(near.entity_id, alone.entity_id, "{near:?}");
}

#[test]
fn a_famous_town_stays_itself_beside_a_capital_and_a_front_axis_places_a_village() {
    // a village of the same name 140 km from Kyiv does not displace the town
    let m = place_of("Officials in Kyiv said troops near Avdiivka were short of shells.", "Avdiivka");
    assert!(m.geo.lat.is_some_and(|lat| lat < 49.0), "{m:?}");
    // an axis named after a town places the villages reported on it
    let m = place_of("On the Kupiansk axis, defenders repelled three assaults near Petropavlivka.", "Petropavlivka");
    let (lat, lon) = (m.geo.lat.expect("a point"), m.geo.lon.expect("a point"));
    assert!((49.4..50.0).contains(&lat) && (37.3..38.1).contains(&lon), "{m:?}");
}

#[test]
fn an_acronym_the_text_defines_wins_over_the_lexicons() {
    // "RSF" is another body in the lexicon; the text says what it means here
    let ms = run("The Rapid Support Forces (RSF) seized the town. Later the RSF withdrew to the hills.");
    let rsf: Vec<_> = ms.iter().filter(|m| m.0 == "RSF").collect();
    assert_eq!(rsf.len(), 2, "{ms:?}");
    assert!(rsf.iter().all(|m| m.2.as_deref() == Some("Rapid Support Forces")), "{ms:?}");
}

#[test]
fn a_name_before_a_place_noun_is_a_place() {
    for (text, name) in [
        ("Gunmen raided the Kalma Jadid camp at dawn.", "Kalma Jadid"),
        ("Looters emptied the Hamid Nour displacement camp overnight.", "Hamid Nour"),
    ] {
        let ms = run(text);
        let m = find(&ms, name).unwrap_or_else(|| panic!("{text}: {ms:?}"));
        assert!(m.1.is_place(), "{text}: {ms:?}");
    }
    // a person is still a person
    let ms = run("The envoy met Hamid Nour in the camp.");
    assert_eq!(find(&ms, "Hamid Nour").map(|m| m.1), Some(Label::Person), "{ms:?}");
}

#[test]
fn a_village_named_by_an_adjective_and_a_noun_is_one_place() {
    // (the second word alone is a town elsewhere, or unknown)
    let ms = run("Troops repelled attacks near Nova Poltavka and Bila Hora on Monday.");
    assert!(find(&ms, "Bila Hora").is_some_and(|m| m.1 == Label::Gpe), "{ms:?}");
    assert!(find(&ms, "Hora").is_none(), "{ms:?}");
    let ms = run("The ministry said its units had liberated Chervona Dibrova overnight.");
    assert!(find(&ms, "Chervona Dibrova").is_some_and(|m| m.1 == Label::Gpe), "{ms:?}");
}

#[test]
fn an_unknown_name_taken_or_freed_is_a_place() {
    let ms = run("Moscow said its forces had occupied Kotlyarivka after heavy fighting.");
    assert!(find(&ms, "Kotlyarivka").is_some_and(|m| m.1 == Label::Gpe), "{ms:?}");
}
