use super::*;
use crate::model::{Days, Label};

/// (span text, label, value) of every mention.
fn run(text: &str, published: Option<Days>) -> Vec<(String, Label, Option<String>)> {
    crate::context::with_context(text, published, |ctx| {
        let found = recognize(ctx);
        for pair in found.windows(2) {
            assert!(pair[0].end <= pair[1].start, "overlap in {text:?}: {found:?}");
        }
        found.into_iter().map(|m| (ctx.text[m.start..m.end].to_string(), m.label, m.value)).collect()
    })
}

fn day(s: &str) -> Option<Days> {
    parse_iso_day(s)
}

/// The single DATE/TIME found in `text`: (span, value).
fn one(text: &str, published: &str) -> (String, Option<String>) {
    let found = run(text, day(published));
    assert_eq!(found.len(), 1, "{text:?} → {found:?}");
    let (s, _, v) = found.into_iter().next().unwrap();
    (s, v)
}

fn date(span: &str, value: &str) -> (String, Option<String>) {
    (span.to_string(), Some(value.to_string()))
}

// ----- calendar -----

#[test]
fn civil_round_trips() {
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(days_from_civil(2022, 9, 13), 19248);
    assert_eq!(civil_from_days(19248), (2022, 9, 13));
    assert_eq!(civil_from_days(-1), (1969, 12, 31));
    for d in (-800_000..800_000).step_by(997) {
        let (y, m, dd) = civil_from_days(d);
        assert_eq!(days_from_civil(y, m, dd), d);
    }
    assert_eq!(iso(days_from_civil(2024, 2, 29)), "2024-02-29");
}

#[test]
fn weekdays_start_on_monday() {
    assert_eq!(weekday(days_from_civil(2022, 9, 13)), 1); // Tuesday
    assert_eq!(weekday(days_from_civil(2022, 9, 12)), 0); // Monday
    assert_eq!(weekday(days_from_civil(1969, 12, 28)), 6); // Sunday
}

#[test]
fn parse_iso_day_is_strict() {
    assert_eq!(parse_iso_day("2022-09-13"), Some(19248));
    for bad in ["2022-09", "2022-02-30", "2022-13-01", "22-09-13", "2022/09/13", "2022-W36", "", "２０２２-09-13"] {
        assert_eq!(parse_iso_day(bad), None, "{bad}");
    }
}

#[test]
fn extreme_inputs_do_not_panic() {
    let _ = days_from_civil(i32::MAX, 12, u32::MAX);
    let _ = days_from_civil(i32::MIN, 0, 0);
    for d in [Days::MIN, Days::MAX, 0, -1] {
        let _ = (civil_from_days(d), weekday(d), iso(d), iso_week(d));
    }
    let text = "On Tuesday, yesterday, last week, next month, this Friday (25), \
                three days ago, in September, next September, September 13, 2022-09-13, \
                in 2014, this year, the day after tomorrow, Feb 30.";
    for p in [Some(Days::MIN), Some(Days::MAX), Some(Days::MAX - 3), Some(Days::MIN + 3), None] {
        let found = run(text, p);
        assert!(found.len() >= 10, "{p:?}: {found:?}");
    }
}

#[test]
fn iso_weeks() {
    assert_eq!(iso_week(days_from_civil(2022, 9, 6)), "2022-W36");
    assert_eq!(iso_week(days_from_civil(2021, 1, 3)), "2020-W53");
    assert_eq!(iso_week(days_from_civil(2024, 12, 30)), "2025-W01");
}

// ----- acceptance -----

#[test]
fn acceptance_tuesday_and_late_on_thursday() {
    let text = "On Tuesday, shelling of Izium killed at least 5 civilians and wounded 12, the regional \
                governor said. Late on Thursday, a missile hit the railway station.";
    let found = run(text, day("2022-09-13"));
    let dates: Vec<_> = found.iter().filter(|(_, l, _)| *l == Label::Date).cloned().collect();
    assert_eq!(
        dates,
        vec![
            ("Tuesday".to_string(), Label::Date, Some("2022-09-13".to_string())),
            ("Late on Thursday".to_string(), Label::Date, Some("2022-09-08".to_string())),
        ]
    );
}

#[test]
fn acceptance_this_friday_with_day_of_month() {
    assert_eq!(
        one("The deadline is this Friday (25) at the latest.", "2022-11-23"),
        date("this Friday (25)", "2022-11-25")
    );
}

#[test]
fn acceptance_future_monday() {
    assert_eq!(one("The talks will resume on Monday.", "2022-09-13"), date("Monday", "2022-09-19"));
}

// ----- absolute dates -----

#[test]
fn month_day_forms() {
    let p = "2022-09-20";
    assert_eq!(one("It happened on September 13.", p), date("September 13", "2022-09-13"));
    assert_eq!(one("It happened on Sept. 13 near Izium.", p), date("Sept. 13", "2022-09-13"));
    assert_eq!(one("It happened on 13 September.", p), date("13 September", "2022-09-13"));
    assert_eq!(one("It happened on 13 September 2021.", p), date("13 September 2021", "2021-09-13"));
    assert_eq!(one("It happened on September 13, 2021, in Kyiv.", p), date("September 13, 2021", "2021-09-13"));
    assert_eq!(one("It happened on Sep 13th.", p), date("Sep 13th", "2022-09-13"));
    assert_eq!(one("It happened on the 13th of September.", p), date("the 13th of September", "2022-09-13"));
    assert_eq!(one("It happened on Tuesday, September 13.", p), date("Tuesday, September 13", "2022-09-13"));
}

#[test]
fn month_day_without_year_takes_the_recent_year() {
    assert_eq!(one("The invasion began on February 24.", "2023-03-01"), date("February 24", "2023-02-24"));
    assert_eq!(one("The attack came on December 28.", "2023-01-02"), date("December 28", "2022-12-28"));
    // A future clause may reach further ahead.
    assert_eq!(one("The vote will be held on November 8.", "2022-09-13"), date("November 8", "2022-11-08"));
    assert_eq!(one("The vote was held on November 8.", "2022-09-13"), date("November 8", "2021-11-08"));
}

#[test]
fn impossible_days_are_not_dates() {
    let found = run("Officials met on Feb 30, not on April 31.", day("2022-09-13"));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn numeric_dates() {
    let p = "2022-09-20";
    assert_eq!(one("Filed on 2022-09-13 by the court.", p), date("2022-09-13", "2022-09-13"));
    assert_eq!(one("Filed on 13/09/2022 by the court.", p), date("13/09/2022", "2022-09-13"));
    assert_eq!(one("Filed on 04/09/2022 by the court.", p), date("04/09/2022", "2022-09-04"));
    assert_eq!(one("Filed on 9/13/2022 by the court.", p), date("9/13/2022", "2022-09-13"));
    assert_eq!(one("Filed on 13.09.2022 by the court.", p), date("13.09.2022", "2022-09-13"));
    assert!(run("Filed on 2022-13-45 and 31/31/2022.", day(p)).is_empty());
}

#[test]
fn dateline() {
    let text = "KYIV, Sept 13 (Reuters) - Russian forces shelled the city.";
    assert_eq!(one(text, "2022-09-13"), date("Sept 13", "2022-09-13"));
    let caps = "KYIV, SEPT 13 (Reuters) - Russian forces shelled the city.";
    assert_eq!(one(caps, "2022-09-13"), date("SEPT 13", "2022-09-13"));
}

#[test]
fn bare_months_need_context() {
    let p = "2022-09-13";
    assert_eq!(one("Russia invaded in February.", p), date("February", "2022-02"));
    assert_eq!(one("Russia withdrew in November 2021.", p), date("November 2021", "2021-11"));
    // Not after published + 1 month: "in December" is last December.
    assert_eq!(one("The offensive began in December.", p), date("December", "2021-12"));
    assert_eq!(one("The offensive begins in October.", p), date("October", "2022-10"));
    assert_eq!(one("Fighting eased in early September.", p), date("early September", "2022-09"));
    assert_eq!(one("Fighting eased in mid-September.", p), date("mid-September", "2022-09"));
    assert_eq!(one("Fighting eased last September.", p), date("last September", "2021-09"));
    assert_eq!(one("Elections are due next March.", p), date("next March", "2023-03"));
    let found = run("Talks ran from March to May.", day(p));
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].2.as_deref(), Some("2022-05"));
}

#[test]
fn modal_may_and_march_are_not_dates() {
    let p = day("2022-09-13");
    for text in [
        "Russia may attack again.",
        "May God protect Ukraine.",
        "Theresa May said the march on Kyiv had failed.",
        "March on the capital, the crowd chanted.",
        "The Sun reported a new strike.",
        "Jan Egeland visited Kherson.",
        "Crowds march through the city in may.",
    ] {
        assert!(run(text, p).is_empty(), "{text:?} → {:?}", run(text, p));
    }
}

#[test]
fn years_in_context_only() {
    let p = day("2022-09-13");
    assert_eq!(one("Russia annexed Crimea in 2014.", "2022-09-13"), date("2014", "2014"));
    assert_eq!(one("The war has gone on since 2014, he said.", "2022-09-13"), date("2014", "2014"));
    assert_eq!(one("It was built in early 2014 by engineers.", "2022-09-13"), date("early 2014", "2014"));
    assert_eq!(one("In 2014 Russia annexed Crimea.", "2022-09-13"), date("2014", "2014"));
    assert!(run("The brigade lost 2014 soldiers.", p).is_empty());
    assert!(run("In 2014 soldiers were sent.", p).is_empty());
    assert!(run("A total of 1950 people fled.", p).is_empty());
    let found = run("Prices rose between 2014 and 2016.", p);
    assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), vec!["2014", "2016"]);
}

#[test]
fn decades_have_no_value() {
    let found = run("The base was built in the 1990s.", day("2022-09-13"));
    assert_eq!(found, vec![("the 1990s".to_string(), Label::Date, None)]);
    assert_eq!(run("It dates from the early 2000s.", None)[0].0, "the early 2000s");
}

// ----- relative -----

#[test]
fn relative_days() {
    let p = "2022-09-13";
    assert_eq!(one("The city was quiet today.", p), date("today", "2022-09-13"));
    assert_eq!(one("The city was shelled yesterday.", p), date("yesterday", "2022-09-12"));
    assert_eq!(one("The talks resume tomorrow.", p), date("tomorrow", "2022-09-14"));
    assert_eq!(one("Explosions were heard tonight.", p), date("tonight", "2022-09-13"));
    assert_eq!(one("Explosions were heard last night.", p), date("last night", "2022-09-12"));
    assert_eq!(one("Explosions were heard late last night.", p), date("late last night", "2022-09-12"));
    assert_eq!(one("Drones attacked overnight.", p), date("overnight", "2022-09-13"));
    assert_eq!(one("Drones attacked this morning.", p), date("this morning", "2022-09-13"));
    assert_eq!(one("Drones attacked yesterday evening.", p), date("yesterday evening", "2022-09-12"));
    assert_eq!(one("He left the day before yesterday.", p), date("the day before yesterday", "2022-09-11"));
}

#[test]
fn relative_periods() {
    let p = "2022-09-13";
    assert_eq!(one("Troops advanced last week.", p), date("last week", "2022-W36"));
    assert_eq!(one("Troops advanced this week.", p), date("this week", "2022-W37"));
    assert_eq!(one("Troops will advance next week.", p), date("next week", "2022-W38"));
    assert_eq!(one("Troops advanced last month.", p), date("last month", "2022-08"));
    assert_eq!(one("Troops advanced earlier this month.", p), date("earlier this month", "2022-09"));
    assert_eq!(one("Troops advanced last year.", p), date("last year", "2021"));
    assert_eq!(one("Troops advanced last month.", "2022-01-05"), date("last month", "2021-12"));
}

#[test]
fn counts_ago_and_later() {
    let p = "2022-09-13";
    assert_eq!(one("The bridge was hit three days ago.", p), date("three days ago", "2022-09-10"));
    assert_eq!(one("The bridge was hit 3 days ago.", p), date("3 days ago", "2022-09-10"));
    assert_eq!(one("The bridge was hit two weeks ago.", p), date("two weeks ago", "2022-08-30"));
    assert_eq!(one("The bridge was hit a month ago.", p), date("a month ago", "2022-08"));
    assert_eq!(one("It was repaired days later.", p), ("days later".to_string(), None));
    assert_eq!(one("It was built weeks earlier.", p), ("weeks earlier".to_string(), None));
    assert_eq!(one("It was repaired two days later.", p), ("two days later".to_string(), None));
    assert_eq!(run("It fell hours later.", day(p)), vec![("hours later".to_string(), Label::Time, None)]);
}

#[test]
fn no_publication_date_no_relative_values() {
    let found = run("On Tuesday, yesterday and last week, and on 13 September 2022.", None);
    let values: Vec<_> = found.iter().map(|f| f.2.clone()).collect();
    assert_eq!(values, vec![None, None, None, Some("2022-09-13".to_string())]);
}

// ----- weekdays -----

#[test]
fn weekday_resolution() {
    let p = "2022-09-13"; // Tuesday
    assert_eq!(one("Kyiv was shelled on Sunday.", p), date("Sunday", "2022-09-11"));
    assert_eq!(one("Kyiv was shelled on Wednesday.", p), date("Wednesday", "2022-09-07"));
    assert_eq!(one("Kyiv was shelled last Tuesday.", p), date("last Tuesday", "2022-09-06"));
    assert_eq!(one("Kyiv was shelled last Monday.", p), date("last Monday", "2022-09-12"));
    assert_eq!(one("He arrives next Tuesday.", p), date("next Tuesday", "2022-09-20"));
    assert_eq!(one("He arrives next Wednesday.", p), date("next Wednesday", "2022-09-14"));
    assert_eq!(one("He is due to arrive on Friday.", p), date("Friday", "2022-09-16"));
    assert_eq!(one("He is expected to arrive this coming Tuesday.", p), date("this coming Tuesday", "2022-09-20"));
    assert_eq!(one("He arrives this Friday.", p), date("this Friday", "2022-09-16"));
    assert_eq!(one("A blast shook the city early on Monday.", p), date("early on Monday", "2022-09-12"));
    assert_eq!(one("A blast shook the city Thursday night.", p), date("Thursday night", "2022-09-08"));
    assert_eq!(one("The meeting is scheduled for Thursday.", p), date("Thursday", "2022-09-15"));
}

#[test]
fn reported_weekday_stays_past_despite_will() {
    let p = "2022-09-13";
    assert_eq!(one("On Monday, the minister said talks will resume.", p), date("Monday", "2022-09-12"));
    assert_eq!(one("He said on Friday that Russia will respond.", p), date("Friday", "2022-09-09"));
    assert_eq!(one("Talks will resume on Friday, officials said.", p), date("Friday", "2022-09-16"));
}

#[test]
fn day_and_year_ranges_are_intervals() {
    let p = "2022-09-13";
    assert_eq!(
        one("Drills ran on October 25-26, 2021, near Lviv.", p),
        date("October 25-26, 2021", "2021-10-25/2021-10-26")
    );
    assert_eq!(one("Drills ran on 5-6 April 2016 near Lviv.", p), date("5-6 April 2016", "2016-04-05/2016-04-06"));
    assert_eq!(one("Drills ran from September 5 - 9 near Lviv.", p), date("September 5 - 9", "2022-09-05/2022-09-09"));
    assert_eq!(one("He fought in the war of 1980-88 as a pilot.", p), date("1980-88", "1980/1988"));
    assert_eq!(one("He served 2014-2022 as mayor.", p), date("2014-2022", "2014/2022"));
}

#[test]
fn more_year_forms() {
    let p = "2022-09-13";
    assert_eq!(one("Since the 2014 annexation, Crimea has been occupied.", p), date("2014", "2014"));
    assert_eq!(one("He led the 1991 Gulf War coalition.", p), date("1991", "1991"));
    assert!(run("Officials counted the 2000 troops at the border.", day(p)).is_empty());
    assert_eq!(one("The dam was built in the summer of 2010 by engineers.", p), date("the summer of 2010", "2010"));
    assert_eq!(
        one("Prices doubled in the first hours of trading, by the end of 2021.", p),
        date("the end of 2021", "2021")
    );
    assert_eq!(one("It began on June 16th of last year.", p), date("June 16th of last year", "2021-06-16"));
}

#[test]
fn modified_relative_periods() {
    let p = "2022-09-13";
    assert_eq!(one("The plant reopens early next year.", p), date("early next year", "2023"));
    assert_eq!(one("The plant closed at the end of last year.", p), date("the end of last year", "2021"));
    assert_eq!(one("The plant will close before the end of the year.", p), date("the end of the year", "2022"));
    assert_eq!(one("Seventy-four years ago, a battle was fought here.", p), date("Seventy-four years ago", "1948"));
    assert_eq!(one("Sirens sounded in the early hours of Sunday.", p), date("the early hours of Sunday", "2022-09-11"));
    assert_eq!(one("Attacks rose in recent days.", p), ("recent days".to_string(), None));
}

#[test]
fn durations_have_no_value() {
    let p = day("2022-09-13");
    assert_eq!(run("The siege lasted two years.", p), vec![("two years".to_string(), Label::Date, None)]);
    assert_eq!(run("Power was cut for 24 hours.", p), vec![("24 hours".to_string(), Label::Time, None)]);
    assert_eq!(
        run("In the past 24 hours, ten strikes hit.", p),
        vec![("the past 24 hours".to_string(), Label::Time, None)]
    );
    assert_eq!(
        run("Over the last two weeks, ten strikes hit.", p),
        vec![("the last two weeks".to_string(), Label::Date, None)]
    );
    assert!(run("They met once a week and held a day of mourning.", p).is_empty());
    assert_eq!(
        run("It collapsed a few weeks before the vote.", p),
        vec![("a few weeks".to_string(), Label::Date, None)]
    );
}

#[test]
fn holidays() {
    let p = "2022-12-20";
    assert_eq!(one("Strikes continued on Christmas Day.", p), date("Christmas Day", "2022-12-25"));
    assert_eq!(
        one("Strikes continued over Orthodox Christmas.", "2023-01-10"),
        date("Orthodox Christmas", "2023-01-07")
    );
    assert_eq!(one("Strikes continued on New Year's Eve.", "2023-01-02"), date("New Year's Eve", "2022-12-31"));
    assert_eq!(one("Strikes continued during Ramadan.", p), ("Ramadan".to_string(), None));
    assert!(run("They sailed to Easter Island.", day(p)).is_empty());
}

#[test]
fn usa_today_is_not_a_date() {
    let found = run("A reporter told USA Today that the city was calm today.", day("2022-09-13"));
    assert_eq!(found, vec![("today".to_string(), Label::Date, Some("2022-09-13".to_string()))]);
}

#[test]
fn token_soup_and_long_sentences_do_not_panic() {
    const PIECES: [&str; 40] = [
        "on",
        "Monday",
        "will",
        "said",
        "May",
        "may",
        "13",
        "31",
        "2022",
        "1990s",
        "(",
        ")",
        "25",
        ",",
        ".",
        "-",
        "the",
        "end",
        "of",
        "last",
        "next",
        "this",
        "week",
        "a.m.",
        "p.m.",
        "14:30",
        "12:99",
        "ago",
        "days",
        "two",
        "Sept.",
        "2022-02-30",
        "31/31/2022",
        "9/13/2022",
        "1980-88",
        "Christmas",
        "early",
        "hours",
        "Київ",
        "'s",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..200 {
        let mut text = String::new();
        for _ in 0..40 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            text.push(if seed & 1 == 0 { ' ' } else { '\n' });
        }
        let published = [None, Some(0), Some(Days::MAX), Some(Days::MIN), Some(19248)][round % 5];
        let _ = run(&text, published);
    }
    // One 100k-character sentence: must stay fast (linear).
    let long = "will Monday said in May 2014 and ".repeat(3000);
    let found = run(&long, day("2022-09-13"));
    assert!(found.len() >= 6000);
}

// ----- times -----

#[test]
fn clock_times() {
    let t = |text: &str| {
        let found = run(text, day("2022-09-13"));
        assert_eq!(found.len(), 1, "{text:?} → {found:?}");
        assert_eq!(found[0].1, Label::Time);
        (found[0].0.clone(), found[0].2.clone().unwrap_or_default())
    };
    assert_eq!(t("Sirens sounded at 10 a.m. across the city."), ("10 a.m.".into(), "10:00".into()));
    assert_eq!(t("Sirens sounded at 10am across the city."), ("10am".into(), "10:00".into()));
    assert_eq!(t("Sirens sounded at 14:30 across the city."), ("14:30".into(), "14:30".into()));
    assert_eq!(t("Sirens sounded at 3:15 p.m. across the city."), ("3:15 p.m.".into(), "15:15".into()));
    assert_eq!(t("Sirens sounded at 12 a.m. across the city."), ("12 a.m.".into(), "00:00".into()));
    assert_eq!(t("Sirens sounded at 0700 GMT across the city."), ("0700 GMT".into(), "07:00".into()));
    assert_eq!(t("Sirens sounded at 9 p.m. local time."), ("9 p.m. local time".into(), "21:00".into()));
    assert_eq!(t("Sirens sounded at noon across the city."), ("noon".into(), "12:00".into()));
    assert_eq!(t("Sirens sounded at midnight across the city."), ("midnight".into(), "00:00".into()));
    assert_eq!(t("Troops crossed the river at dawn."), ("dawn".into(), "".into()));
}

#[test]
fn numbers_are_not_times() {
    let p = day("2022-09-13");
    for text in
        ["Prices rose 10.30 percent.", "They won 3:1 at home.", "The dawn of a new era.", "It cost 25:99 units."]
    {
        assert!(run(text, p).is_empty(), "{text:?} → {:?}", run(text, p));
    }
}

#[test]
fn time_and_date_side_by_side() {
    let found = run("The strike hit at 6 a.m. on Monday.", day("2022-09-13"));
    assert_eq!(
        found,
        vec![
            ("6 a.m.".to_string(), Label::Time, Some("06:00".to_string())),
            ("Monday".to_string(), Label::Date, Some("2022-09-12".to_string())),
        ]
    );
}

#[test]
fn offsets_follow_non_ascii_text() {
    let text = "«Київ» — on Tuesday, the city was hit. Later, at 14:30 “sirens” rang.";
    let found = run(text, day("2022-09-13"));
    assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), vec!["Tuesday", "14:30"]);
}

#[test]
fn calendar_names_agree_with_the_word_classes() {
    use crate::lexicon::{words, WordClass};
    for m in super::words::MONTHS {
        assert!(words().is(m, WordClass::Month), "{m} is no month in data/words.tsv");
    }
    for (m, _) in super::words::MONTH_ABBREVIATIONS {
        assert!(words().is(m, WordClass::MonthAbbreviation), "{m} is no month_abbreviation in data/words.tsv");
    }
    for d in super::words::WEEKDAYS {
        assert!(words().is(d, WordClass::Weekday), "{d} is no weekday in data/words.tsv");
    }
}

#[test]
fn the_anchor_test_skips_no_date() {
    // Tokens `may_anchor` rules out must anchor no candidate: every kind of date and time,
    // in lower case and in capitals, next to the words the recognisers look at.
    let text = "On september 13, 2022 and 13th of september, the day before yesterday, mid-june and \
        mid-2022, tuesday night, late on Monday, last week, earlier this year, three days ago, a \
        few weeks later, several months earlier, many years ago, two years, twenty-one days, the \
        past 24 hours, the coming weeks, days later, hours earlier, at 10 a.m. GMT, 14:30 local \
        time, 10.30pm, 0700 gmt, noon, midnight, midday, at dawn, by dusk, before sunrise, after \
        sunset, at daybreak, Christmas eve, new year's day, New Year's Eve, in the 1990s, the \
        early 2000s, 5-6 April 2016, 2014-2022, 13/09/2022, 9/13/2022, 2022-09-13, in 2014 and \
        2015, the 2014 annexation, from March to May, an hour ago, a week ago, one month later, \
        hundred years ago, recent days, the weekend, tonight, overnight, tomorrow morning. \
        TODAY, YESTERDAY AND LAST YEAR - (Reuters) - \"Sunday\" 'May' [2019] {noon} #1 $5 ...";
    for published in [None, parse_iso_day("2022-09-15")] {
        let ruled_out = crate::context::with_context(text, published, |ctx| {
            let mut ruled_out = 0;
            for s in &ctx.seg.sentences {
                let toks = &ctx.seg.tokens[s.tok_start..s.tok_end];
                let view = recognize::DateSentence::new(ctx, s.tok_start, toks, published);
                for (i, t) in toks.iter().enumerate() {
                    let mut out = Vec::new();
                    view.candidates_at(i, &mut out);
                    if !view.may_anchor(i) {
                        ruled_out += 1;
                        let w = &ctx.text[t.start..t.end];
                        assert!(out.is_empty(), "{w:?} ruled out but anchors {out:?}");
                    }
                }
            }
            ruled_out
        });
        assert!(ruled_out > 20, "the test rules out {ruled_out} tokens");
    }
}

#[test]
fn number_words_are_anchor_words() {
    let words = "a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
        sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred \
        thousand million dozen zero several the";
    for w in words.split(' ') {
        assert_eq!(number_word(w).is_some(), number_words().any(|x| x == w), "{w}");
    }
}

#[test]
fn a_night_between_two_days_is_dated_by_the_morning_it_ends_in() {
    let p = "2023-06-08";
    assert_eq!(
        one("Drones hit a depot on the night of June 5 to 6.", p),
        date("the night of June 5 to 6", "2023-06-06")
    );
    assert_eq!(one("Drones hit a depot in the night of 6-7 June.", p), date("the night of 6-7 June", "2023-06-07"));
    assert_eq!(
        one("Sirens sounded on the night of Monday into Tuesday.", p),
        date("the night of Monday into Tuesday", "2023-06-06")
    );
    // (not two days that do not follow each other)
    assert_ne!(one("Sirens sounded on the night of Monday.", p).0, "the night of Monday into Tuesday");
}
