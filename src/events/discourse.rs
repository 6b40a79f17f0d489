//! Over the document: the headline's report of the lead's happening is dropped, places
//! and dates come from the discourse where a sentence gives none, and totals are told from
//! the events they count.

use super::candidates::*;
use crate::context::DocContext;
use crate::dates::parse_iso_day;
use crate::lexicon::{Country, WordClass};
use crate::model::{Argument, Days, Event, EventType, Geo, Label, Mention, Modality, PlaceType, TokenKind};

/// The date chain: an event without a date of its own (clause, then sentence) takes the
/// paragraph's (the nearest full-day date written before it in the paragraph, else the
/// date of the previous event of the paragraph; never one written after it, which belongs
/// to what follows), then
/// the dateline's, then the publication date; `date_source` says which. An event whose
/// clause says when only vaguely ("earlier this week") keeps no date.
pub(super) fn fill_dates(ctx: &DocContext, sorted: &[&Mention], events: &mut [(u32, Event)]) {
    let sentences = &ctx.seg.sentences;
    // full-day dates: (byte start, paragraph, day, text)
    let dates: Vec<(usize, u32, Days, &str)> = sorted
        .iter()
        .filter(|m| m.label == Label::Date)
        .filter_map(|m| {
            let day = parse_iso_day(m.value.as_deref()?.trim())?;
            let para = sentences.get(m.sentence as usize)?.paragraph;
            Some((m.start, para, day, &ctx.text[m.start..m.end]))
        })
        .collect();
    // periods of earlier years: (byte start, paragraph)
    let periods: Vec<(usize, u32)> = sorted
        .iter()
        .filter(|m| m.label == Label::Date && super::dating::is_historic_period(m, ctx.published))
        .filter_map(|m| Some((m.start, sentences.get(m.sentence as usize)?.paragraph)))
        .collect();
    let dateline = ctx.dateline_sentence().map(|i| (sentences[i].start, sentences[i].end));
    let dateline_date = dateline.and_then(|(a, b)| dates.iter().find(|d| d.0 >= a && d.0 < b));
    let report_day = report_day(ctx, &dates);
    let mut last: Option<(u32, Days, Option<String>)> = None;
    for (para, e) in events.iter_mut() {
        if let Some(date) = e.date {
            last = Some((*para, date, e.date_text.clone()));
            continue;
        }
        if e.date_source == Some("vague") {
            e.date_source = None;
            continue;
        }
        let before = dates.iter().rfind(|d| d.1 == *para && d.0 < e.start);
        // a paragraph that went back in time ("held it until the end of March 2022, when
        // they pulled out. More than 60 houses were destroyed in the fighting.") dates what
        // follows vaguely, until a day is named again
        let back_in_time = periods.iter().rfind(|&&(start, p)| p == *para && start < e.start);
        if back_in_time.is_some_and(|&(start, _)| before.map_or(true, |d| d.0 < start)) {
            continue;
        }
        let prev_event = last.as_ref().filter(|(p, _, _)| p == para);
        let (day, text, source) = if let Some(d) = before {
            (Some(d.2), Some(d.3.to_string()), "paragraph")
        } else if let Some((_, d, t)) = prev_event {
            (Some(*d), t.clone(), "paragraph")
        } else if let Some(d) = dateline_date {
            (Some(d.2), Some(d.3.to_string()), "dateline")
        } else if let Some(d) = report_day {
            (Some(d.2), Some(d.3.to_string()), "document")
        } else if let Some(p) = ctx.published {
            (Some(p), None, "published")
        } else {
            (None, None, "")
        };
        if day.is_some() {
            e.date = day;
            e.date_text = text;
            e.date_source = Some(source);
        }
    }
}

/// The day a summary reports on, when its opening says so with a date: "Over the past day,
/// 1 November, 71 combat clashes took place" makes every undated event of the summary one
/// of 1 November, not of the day it was published (2 November).
///
/// Or the day the lead tells of: when the first paragraph of the body names one day, and
/// that day is the day before publication ("this Monday 5 December" in a piece published
/// on Tuesday), the story's undated events are of that day too, not of the day the piece
/// came out. (Two days or more before, the lead is more often a recap, and the later
/// paragraphs tell of the day of publication.)
fn report_day<'t>(ctx: &DocContext, dates: &[(usize, u32, Days, &'t str)]) -> Option<(usize, u32, Days, &'t str)> {
    let first_body = ctx.seg.sentences.iter().position(|s| !s.headline)?;
    summary_day(ctx, dates, first_body).or_else(|| lead_day(ctx, dates, first_body))
}

fn lead_day<'t>(
    ctx: &DocContext,
    dates: &[(usize, u32, Days, &'t str)],
    first_body: usize,
) -> Option<(usize, u32, Days, &'t str)> {
    let published = ctx.published?;
    // the lead is the first body paragraph, or the one after a line that introduces it
    // ("Governor X on Telegram:" opens a digest)
    let opening = ctx.seg.sentences[first_body].paragraph;
    let introduces =
        ctx.seg.paragraphs.get(opening as usize).is_some_and(|p| ctx.text[p.start..p.end].trim_end().ends_with(':'));
    let lead = if introduces { opening + 1 } else { opening };
    // ("overnight into Wednesday": the night is the named day's, not a second day)
    let night = |d: &&(usize, u32, Days, &str)| {
        matches!(d.3.to_ascii_lowercase().as_str(), "overnight" | "last night" | "tonight" | "during the night")
    };
    let named = dates.iter().any(|d| d.1 == lead && !night(&d));
    let mut in_lead = dates.iter().filter(|d| d.1 == lead && !(named && night(d)));
    let first = *in_lead.next()?;
    let one_day = in_lead.all(|d| d.2 == first.2);
    (one_day && first.2 == published - 1).then_some(first)
}

fn summary_day<'t>(
    ctx: &DocContext,
    dates: &[(usize, u32, Days, &'t str)],
    first_body: usize,
) -> Option<(usize, u32, Days, &'t str)> {
    ctx.seg.sentences.iter().skip(first_body).take(3).find_map(|s| {
        let frame = (s.tok_start..s.tok_end).any(|i| {
            matches!(ctx.lower(i), "past" | "last")
                && (matches!(ctx.lower(i + 1), "day" | "24") || ctx.lower(i + 1) == "twenty-four")
        });
        if !frame {
            return None;
        }
        dates.iter().find(|d| d.0 >= s.start && d.0 < s.end).copied().or_else(|| {
            // "Over the past day, 143 combat engagements took place" in a report of 08:00:
            // the day before it was published
            let day = ctx.published? - 1;
            let para = s.paragraph;
            morning_report(ctx, first_body).then_some((s.start, para, day, ""))
        })
    })
}

/// The report's opening (headline or first body sentence) gives a morning hour as its time:
/// "as of 08:00", "at 8 a.m.".
fn morning_report(ctx: &DocContext, first_body: usize) -> bool {
    let Some(s) = ctx.seg.sentences.get(first_body) else { return false };
    let opening = &ctx.text[..s.end];
    let morning_hour = |before: &str| {
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        (1..=2).contains(&digits) && before[before.len() - digits..].parse::<u32>().is_ok_and(|h| (5..12).contains(&h))
    };
    // "08:00" (minutes after the colon), "8 a.m."
    opening.match_indices(':').any(|(i, _)| {
        opening[i + 1..].chars().take(2).filter(char::is_ascii_digit).count() == 2 && morning_hour(&opening[..i])
    }) || opening.match_indices(" a.m.").any(|(i, _)| morning_hour(&opening[..i]))
}

/// A photo caption ("A firefighter at a building hit by a Russian missile in Odesa ...
/// REUTERS/Stringer") shows what the story tells: its event of a type the story reports at
/// the same place (or where one of them has no place) is that event, not another one. A
/// caption's event the story does not tell stays.
pub(super) fn merge_captions(ctx: &DocContext, events: &mut Vec<(u32, Event)>) {
    let captions: Vec<u32> = (0..ctx.seg.paragraphs.len() as u32)
        .filter(|&p| {
            let para = &ctx.seg.paragraphs[p as usize];
            ends_with_photo_credit(&ctx.text[para.start..para.end])
        })
        .collect();
    if captions.is_empty() {
        return;
    }
    let in_caption = |p: u32| captions.contains(&p);
    let told = |c: &Event, events: &[(u32, Event)]| {
        events.iter().any(|(p, e)| {
            !in_caption(*p)
                && e.event_type == c.event_type
                && (place_key(e).is_none() || place_key(c).is_none() || place_key(e) == place_key(c))
        })
    };
    let drop: Vec<bool> = events.iter().map(|(p, e)| in_caption(*p) && told(e, events)).collect();
    retain_kept(events, &drop);
}

/// The paragraph ends with a photo credit: "REUTERS/Stringer", "AP Photo/Efrem
/// Lukatsky", "AFP via Getty Images", "Photo: Ukrinform", "(Photo by ...)".
fn ends_with_photo_credit(paragraph: &str) -> bool {
    let tail = paragraph.trim_end().trim_end_matches(')');
    let last = tail.rsplit(['.', '\n', '(']).next().unwrap_or("").trim();
    if last.is_empty() || last.split_whitespace().count() > 8 {
        return false;
    }
    let agency_slash = last.split_once('/').is_some_and(|(before, _)| {
        let word = before.split_whitespace().last().unwrap_or("");
        word == "Photo" || (word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()))
    });
    agency_slash
        || ["Photo:", "Photo by", "Photograph:", "Photograph by", "Credit:", "Image:"]
            .iter()
            .any(|p| last.starts_with(p))
        || last.ends_with("Getty Images")
}

/// One happening reported twice: the headline's event and the lead's (the first two body
/// sentences) are one row when they have the same type, compatible places (the same, or
/// one of them unnamed) and compatible dates. The lead's row stays (its arguments are
/// richer); it takes from the headline what it lacks.
pub(super) fn merge_headline(ctx: &DocContext, events: &mut Vec<(u32, Event)>) {
    let sentences = &ctx.seg.sentences;
    let Some(first_body) = sentences.iter().position(|s| !s.headline) else {
        return;
    };
    let dateline = ctx.dateline_sentence();
    let in_headline = |e: &Event| (e.sentence as usize) < first_body && Some(e.sentence as usize) != dateline;
    let in_lead = |e: &Event| (e.sentence as usize) >= first_body && (e.sentence as usize) < first_body + 2;
    // (the document's country, given to a row that names no place, is no place of its own)
    let place = |e: &Event| place_key(e).filter(|_| e.location_source != Some("document"));
    let mut drop = vec![false; events.len()];
    for hi in 0..events.len() {
        if !in_headline(&events[hi].1) {
            continue;
        }
        let h = &events[hi].1;
        // ("Drones kill two in Kharkiv" over "a drone attack on Kharkiv killed two": the
        // headline's toll is the attack's)
        let toll_of_attack = |l: &Event| {
            h.event_type == EventType::Casualties && matches!(l.event_type, EventType::Assault | EventType::Fight)
        };
        let compatible = |l: &Event| {
            (l.event_type == h.event_type || toll_of_attack(l))
                && (place(h).is_none() || place(l).is_none() || place(h) == place(l) || nearby(h, l))
                && (h.date.is_none() || l.date.is_none() || h.date == l.date)
        };
        // the same place first, then a row with no place; a live blog's headline sums up
        // entries further down: there, only a row of the same place
        let target = (0..events.len())
            .filter(|&li| in_lead(&events[li].1) && compatible(&events[li].1))
            .min_by_key(|&li| (place(&events[li].1) != place(h), li))
            .or_else(|| {
                (0..events.len()).find(|&li| {
                    let l = &events[li].1;
                    !in_headline(l) && compatible(l) && place(h).is_some() && place(l) == place(h)
                })
            });
        let Some(li) = target else { continue };
        drop[hi] = true;
        let h = events[hi].1.clone();
        let l = &mut events[li].1;
        if l.location.is_none() && h.location.is_some() {
            l.location = h.location;
            l.geo = h.geo;
            l.location_source = Some("headline");
        }
        if l.actor.is_none() {
            l.actor = h.actor;
        }
        // the headline's figure is often the lead's total over several places: it is taken
        // only when the lead gives no figure at all
        let lead_counts = events.iter().any(|(_, e)| in_lead(e) && (e.killed.is_some() || e.injured.is_some()));
        let l = &mut events[li].1;
        if !lead_counts && (h.killed.is_some() || h.injured.is_some()) {
            l.killed = h.killed;
            l.injured = h.injured;
            l.approximate = h.approximate;
        }
    }
    retain_kept(events, &drop);
}

/// A story that denies an attack ("police ruled out a drone attack", "There was no
/// attack") tells of an accident: its explosions and blasts with no attacker named are no
/// ASSAULT. One with a toll stays as the casualties it caused; one without goes.
pub(super) fn settle_denied_attacks(ctx: &DocContext, events: &mut Vec<(u32, Event)>) {
    let denied = events
        .iter()
        .any(|(_, e)| e.event_type == EventType::Assault && e.modality == Modality::Negated && e.actor.is_none());
    if !denied {
        return;
    }
    let accidental = |e: &Event| {
        // (an explosion or blast word, not "struck": "a drone struck the plant" in a story
        // where officials urge both sides to refrain from attacks is an attack)
        e.event_type == EventType::Assault
            && e.actor.is_none()
            && e.modality != Modality::Negated
            && e.subtype.as_deref() == Some("bombing")
            && ctx.res.guarded_triggers.contains(ctx.text[e.start..e.end].to_lowercase().as_str())
    };
    events.retain_mut(|(_, e)| {
        if !accidental(e) {
            return true;
        }
        if e.killed.is_none() && e.injured.is_none() {
            return false;
        }
        e.event_type = EventType::Casualties;
        e.subtype = Some(if e.killed.is_some() { "killed" } else { "injured" }.to_string());
        true
    });
}

/// A city and the region named after it ("Vinnytsia" and "Vinnytsia Oblast"): a report
/// of the region's strike and one of its capital's can be one happening.
fn nested_places(a: &Event, b: &Event) -> bool {
    let name = |e: &Event| e.location.as_ref().map(|l| l.canonical.clone().unwrap_or_else(|| l.text.clone()));
    let region = |e: &Event| e.geo.place_type == Some(PlaceType::Region);
    let within = |city: &Event, reg: &Event| {
        region(reg)
            && !region(city)
            && matches!((name(city), name(reg)), (Some(c), Some(r)) if r.strip_prefix(c.as_str()).is_some_and(|rest| rest.starts_with(' ')))
    };
    // ("the aftermath of the attack in Poltava and Kharkiv oblasts" after Russia "attacked
    // Ukraine" overnight: the country's attack, told region by region)
    let in_country = |reg: &Event, country: &Event| {
        region(reg)
            && country.geo.place_type == Some(PlaceType::Country)
            && reg.geo.country.is_some()
            && reg.geo.country == country.geo.country
    };
    within(a, b) || within(b, a) || in_country(b, a)
}

/// Two places within 30 km: a headline names the nearest town the reader knows ("Blast
/// near Chernivtsi") where the lead names the village.
fn nearby(a: &Event, b: &Event) -> bool {
    match (a.geo.lat, a.geo.lon, b.geo.lat, b.geo.lon) {
        (Some(la), Some(lo), Some(lb), Some(ob)) => crate::resolve::km((la, lo), (lb, ob)) <= 30.0,
        _ => false,
    }
}

/// Types that happen at a place and so take a place from the discourse when their
/// sentence names none (talks and calls do not: "spoke by phone" has no place).
pub(super) fn placed_type(t: EventType) -> bool {
    use EventType::*;
    matches!(t, Assault | Fight | Seize | Retreat | Destroy | Displace | Casualties | Disrupt)
}

/// Statements: a place their sentence names after the verb is what they are about, not
/// where they were made (see `roles::location`).
pub(super) fn said_type(t: EventType) -> bool {
    use EventType::*;
    matches!(t, Demand | Accuse | Threaten)
}

/// Statements and acts of authority, which take the dateline's place when their sentence
/// names none: where the demand was made or the arrest announced. Not talks and calls
/// ("spoke by phone" has no place), nor the paragraph's place, which is mostly what the
/// statement is about.
fn dateline_type(t: EventType) -> bool {
    said_type(t) || matches!(t, EventType::Arrest | EventType::Protest)
}

/// What a place anaphor ("the city", "the region", "there") can stand for: 2 a settlement,
/// 1 a region, 0 any place below the country.
pub(super) fn anaphor_rank(ctx: &DocContext, t0: usize, t1: usize) -> Option<u8> {
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    (t0..t1).find_map(|i| {
        let w = ctx.token_text(i);
        let the = i > t0 && ctx.token_text(i - 1).eq_ignore_ascii_case("the");
        // (not a possessive that names an office: "the city's military administration",
        // "the region's governor"; "the city's metro" is in the city)
        let possessive = i + 2 < t1 && matches!(ctx.token_text(i + 1), "'s" | "’s");
        let office = possessive && ctx.classes(i + 2).has(crate::lexicon::WordClass::RoleWord);
        if office {
            None
        } else if the && is(w, &["city", "town", "village"]) {
            Some(2)
        } else if the && is(w, &["region", "oblast", "province"]) {
            Some(1)
        } else if is(w, &["there", "locally"]) {
            Some(0)
        } else {
            None
        }
    })
}

/// The place chain: an event whose clause and sentence name no place takes one from the
/// discourse. A place anaphor ("the city", "the region", "there", "locally") stands for
/// the latest place of that kind before it (in the paragraph, else earlier in the
/// document); otherwise an event of a type that happens somewhere takes the latest place
/// below country level named before it in its paragraph, else the dateline's place, else
/// the headline's. `location_source` says which: paragraph, dateline, headline.
pub(super) fn fill_locations(
    ctx: &DocContext,
    sorted: &[&Mention],
    countries: &Countries,
    events: &mut [(u32, Event)],
) {
    let sentences = &ctx.seg.sentences;
    let dateline = ctx.dateline_sentence();
    let first_body = sentences.iter().position(|s| !s.headline).unwrap_or(sentences.len());
    let is_headline = |si: usize| si < first_body && Some(si) != dateline;
    // (mention, sentence, paragraph, rank)
    // (a river or sea the paragraph names is crossed or sailed, not where later things happen)
    let water = |m: &Mention| m.entity_id.as_deref().is_some_and(|i| ctx.res.place_kinds.waters.contains(i));
    let places: Vec<(&Mention, usize, u32, u8)> = sorted
        .iter()
        .filter(|m| m.label.is_place() && !water(m))
        .map(|m| {
            let si = ctx.sentence_of(m.start) as usize;
            let para = sentences.get(si).map_or(0, |s| s.paragraph);
            (*m, si, para, place_rank(ctx.res, m.label, m.canonical.as_deref(), m.entity_id.as_deref()))
        })
        .collect();
    let source_of = |si: usize| -> &'static str {
        if Some(si) == dateline {
            "dateline"
        } else if is_headline(si) {
            "headline"
        } else {
            "paragraph"
        }
    };
    // the most specific place of a line: a settlement before a region before a country
    let place_of_line =
        |si: usize| places.iter().filter(|p| p.1 == si).min_by_key(|p| (rank_order(p.3), p.0.start)).map(|p| p.0);
    let country = countries.document;
    // a dateline abroad ("VIENNA - ... a drone struck the Zaporizhzhia plant") is where the
    // reporter is, not where the story happens
    let main = countries.main.filter(|&(_, share)| share > 0.5).map(|(c, _)| c);
    let dateline_place = dateline
        .and_then(place_of_line)
        .filter(|m| main.map_or(true, |c| m.geo.country.as_deref().map_or(true, |x| x == c.code)));
    // the headline's place is where its news happened, not the side that acts in it
    // ("Russia attacks Ukraine with 146 drones" is about Ukraine)
    let acts = |m: &Mention| {
        ctx.triggers_in(m.end, (m.end + 40).min(ctx.text.len())).next().is_some_and(|(st, en, _)| {
            // (with a name after the verb: "Russia attacks Ukraine", not "Kharkiv hit
            // again", "Kharkiv strike kills three")
            let object_next = ctx.text[en..].trim_start().starts_with(|c: char| c.is_uppercase());
            object_next && ctx.text[m.end..st].trim().is_empty()
        })
    };
    let headline_place = (0..first_body).filter(|&i| is_headline(i)).find_map(|si| {
        places.iter().filter(|p| p.1 == si && !acts(p.0)).min_by_key(|p| (rank_order(p.3), p.0.start)).map(|p| p.0)
    });
    for (para, e) in events.iter_mut() {
        if e.location.is_some() {
            continue;
        }
        let si = e.sentence as usize;
        let Some(s) = sentences.get(si) else { continue };
        let before = |p: &&(&Mention, usize, u32, u8)| p.0.end <= e.start || p.1 < si;
        // "air defence downed 38 of the 52 drones": the share of a night's launch shot down
        // over the whole country its side defends, not over the town the paragraph told of
        if shot_down(e)
            && part_of_a_whole(ctx, s.tok_start, s.tok_end)
            && anaphor_rank(ctx, s.tok_start, s.tok_end).is_none()
        {
            let defended = e.actor.as_ref().and_then(actor_side).or(country.map(|c| c.code.as_str()));
            if let Some(c) = defended.and_then(|code| ctx.res.place_kinds.by_code.get(code)) {
                set_country(e, c);
                continue;
            }
        }
        let chosen: Option<(&Mention, &'static str)> = if let Some(want) = anaphor_rank(ctx, s.tok_start, s.tok_end) {
            let fits = |p: &&(&Mention, usize, u32, u8)| {
                if want == 0 {
                    p.3 >= 1
                } else {
                    p.3 == want || (want == 2 && p.3 == 3)
                }
            };
            let in_para = places.iter().rfind(|p| p.2 == *para && before(p) && fits(p));
            let earlier = places.iter().rfind(|p| before(p) && fits(p));
            in_para.or(earlier).map(|p| (p.0, source_of(p.1)))
        } else if placed_type(e.event_type) && !s.headline {
            // a place below country level first; a country the paragraph is about when it
            // names no other ("… aggression against Ukraine. Over the past day, the enemy
            // launched 4 missile strikes …")
            let in_para = |p: &&(&Mention, usize, u32, u8)| {
                p.2 == *para && p.1 < si && !is_headline(p.1) && Some(p.1) != dateline
            };
            places
                .iter()
                .rfind(|p| in_para(p) && p.3 >= 1)
                .or_else(|| places.iter().rfind(|p| in_para(p)))
                .map(|p| (p.0, "paragraph"))
                .or_else(|| dateline_place.map(|m| (m, "dateline")))
                .or_else(|| headline_place.map(|m| (m, "headline")))
        } else if dateline_type(e.event_type) && !s.headline {
            // a demand or accusation is made where the reporter heard it, abroad too
            // ("VIENNA - The IAEA called on both sides ...")
            dateline.and_then(place_of_line).map(|m| (m, "dateline"))
        } else {
            None
        };
        if let Some((m, source)) = chosen {
            e.location = Some(place_argument(ctx, m));
            e.geo = m.geo.clone();
            e.location_source = Some(source);
        } else if let Some(c) = country.filter(|_| placed_type(e.event_type) && !s.headline) {
            set_country(e, c);
        }
    }
}

/// The countries a document's place mentions lie in, computed once per document for the
/// place chain and for totals.
pub(super) struct Countries<'r> {
    /// The country most place mentions lie in, and its share of them.
    pub main: Option<(&'r Country, f64)>,
    /// The one country the document is about: the country of at least two in three of its
    /// place mentions (two or more). A General Staff summary names villages, never "Ukraine".
    pub document: Option<&'r Country>,
}

impl<'r> Countries<'r> {
    pub(super) fn of(ctx: &DocContext<'r>, sorted: &[&Mention]) -> Countries<'r> {
        // (code, mentions, index of its last mention): the most mentioned, the latest on a tie
        let mut counts: Vec<(&str, usize, usize)> = Vec::new();
        let codes = sorted.iter().filter(|m| m.label.is_place()).filter_map(|m| m.geo.country.as_deref());
        let mut total = 0;
        for (i, code) in codes.enumerate() {
            total += 1;
            match counts.iter_mut().find(|c| c.0 == code) {
                Some(c) => {
                    c.1 += 1;
                    c.2 = i;
                }
                None => counts.push((code, 1, i)),
            }
        }
        let main = counts
            .iter()
            .max_by_key(|c| (c.1, c.2))
            .and_then(|&(code, n, _)| ctx.res.place_kinds.by_code.get(code).map(|c| (c, n as f64 / total as f64)));
        let document = main.filter(|&(_, share)| total >= 2 && share * 3.0 >= 2.0).map(|(c, _)| c);
        Countries { main, document }
    }
}

/// A shoot-down ("shot down", "intercepted", drones "destroyed").
fn shot_down(e: &Event) -> bool {
    e.event_type == EventType::Destroy && e.subtype.as_deref() == Some("shot down")
}

/// "38 of the 52", "two of the missiles", "all 11", "of them": a sentence that counts a part
/// of a whole.
fn part_of_a_whole(ctx: &DocContext, t0: usize, t1: usize) -> bool {
    let number =
        |k: usize| ctx.seg.tokens[k].kind == TokenKind::Number || crate::numbers::parse_number(ctx.lower(k)).is_some();
    (t0 + 1..t1.saturating_sub(1))
        .any(|k| ctx.lower(k) == "of" && number(k - 1) && (matches!(ctx.lower(k + 1), "the" | "them") || number(k + 1)))
}

/// The event happened across `c`: the place is the country, read from the whole document.
pub(super) fn set_country(e: &mut Event, c: &Country) {
    e.location = Some(country_argument(c));
    e.geo = Geo { country: Some(c.code.clone()), lat: c.lat, lon: c.lon, ..Default::default() };
    e.location_source = Some("document");
}

/// A total over events of several places (an aggregate whose place was not read in its own
/// sentence) happened across their country: "killing nine as missiles struck Lviv, Ternopil
/// and Dnipro" is Ukraine, not the dateline's Kyiv. A total its sentence scopes to "the
/// region" keeps the region the anaphor stands for ("In total, one person was killed in
/// the region over the day").
pub(super) fn place_aggregates(ctx: &DocContext, countries: &Countries, events: &mut [(u32, Event)]) {
    let Some(c) = countries.document else { return };
    let scoped = |e: &Event| {
        e.location.is_some()
            && ctx
                .seg
                .sentences
                .get(e.sentence as usize)
                .is_some_and(|s| anaphor_rank(ctx, s.tok_start, s.tok_end) == Some(1))
    };
    for (_, e) in events.iter_mut() {
        if e.aggregate == Some(true) && !own_source(e.location_source) && placed_type(e.event_type) && !scoped(e) {
            set_country(e, c);
        }
    }
}

pub(super) fn place_argument(ctx: &DocContext, m: &Mention) -> Argument {
    let text = m.canonical.clone().unwrap_or_else(|| ctx.text[m.start..m.end].to_string());
    Argument { text, canonical: m.canonical.clone(), entity_id: m.entity_id.clone() }
}

/// Sort key for "most specific first": settlement (2), facility (3), region (1), country (0).
pub(super) fn rank_order(rank: u8) -> u8 {
    match rank {
        2 => 0,
        3 => 1,
        1 => 2,
        _ => 3,
    }
}

/// In one sentence, an attack or its outcome with no actor of its own has the actor of the
/// attack or fight told before it: "Russia launched a missile barrage, killing nine as
/// missiles struck Lviv" (Russia struck Lviv); "The enemy launched 2 missile strikes and 45
/// air strikes, and fired 63 times" (the enemy fired). An event brought in with "a"/"an" is
/// a new one with its own unknown actor ("... and a drone attack hit Marhanets").
pub(super) fn share_actors(ctx: &DocContext, events: &mut [(u32, Event)]) {
    let violent = |t: EventType| matches!(t, EventType::Assault | EventType::Fight);
    let takes = |t: EventType| {
        matches!(
            t,
            EventType::Assault | EventType::Fight | EventType::Casualties | EventType::Destroy | EventType::Disrupt
        )
    };
    for j in 0..events.len() {
        // (a shoot-down is the defender's, never the launcher's: "Russia launched 48
        // missiles, of which 41 were shot down")
        if events[j].1.actor.is_some() || !takes(events[j].1.event_type) || shot_down(&events[j].1) {
            continue;
        }
        let t = ctx.token_of(events[j].1.start);
        if (t.saturating_sub(3)..t).any(|k| matches!(ctx.lower(k), "a" | "an")) {
            continue;
        }
        let sentence = events[j].1.sentence;
        let giver = (0..j).rev().take_while(|&i| events[i].1.sentence == sentence).find(|&i| {
            let a = &events[i].1;
            a.actor.is_some()
                && violent(a.event_type)
                && a.modality == events[j].1.modality
                && a.start < events[j].1.start
        });
        if let Some(i) = giver {
            events[j].1.actor = events[i].1.actor.clone();
        }
    }
}

/// A demand, an accusation or a threat is a speech act: one with no actor of its own has
/// its speaker as actor when the speaker is the subject of the trigger itself ("Zelensky
/// urged allies to send ...": the attribution took "Zelensky" out of the clause the actor
/// is looked for in), not when it reports someone else's ("X had threatened to veto it,
/// two diplomats said").
pub(super) fn speakers_act_their_speech(ctx: &DocContext, events: &mut [(u32, Event)]) {
    for (_, e) in events.iter_mut() {
        let speech = matches!(e.event_type, EventType::Demand | EventType::Accuse | EventType::Threaten);
        if !speech || e.actor.is_some() {
            continue;
        }
        let Some(source) = e.source.as_ref() else { continue };
        let mut from = e.start.saturating_sub(source.text.len() + 24);
        while !ctx.text.is_char_boundary(from) {
            from -= 1;
        }
        if ctx.text[from..e.start].contains(source.text.as_str()) {
            e.actor = Some(source.clone());
        }
    }
}

/// An office-holder acts for a side: "Zelensky urged", "Putin ordered", "Stoltenberg said
/// NATO would" are acts of Ukraine, Russia and NATO, as event data counts them (one actor
/// per state or organisation, whichever of its officials spoke). The row keeps the
/// person's words in `actor`; `actor_canonical` and `actor_entity_id` name the side
/// (`people.tsv` `acts_for`). Private persons keep their own name.
pub(super) fn office_holders_act_for_their_side(ctx: &DocContext, events: &mut [(u32, Event)]) {
    for (_, e) in events.iter_mut() {
        let Some(actor) = e.actor.as_mut() else { continue };
        let side = actor.entity_id.as_deref().and_then(|id| ctx.res.sides.acts_for.get(id));
        if let Some((name, id)) = side {
            actor.canonical = Some(name.clone());
            actor.entity_id = Some(id.clone());
        }
    }
}

/// The side an actor stands for, from its name: "RU" for Russia, its forces, the Kremlin
/// or Moscow; "UA" for Ukraine, its forces or Kyiv (the two sides this domain's stories
/// are about).
pub(super) fn actor_side(a: &Argument) -> Option<&'static str> {
    side_named(&format!("{} {}", a.canonical.as_deref().unwrap_or(""), a.text))
}

/// The side a name says: see [`actor_side`].
fn side_named(name: &str) -> Option<&'static str> {
    let name = name.to_lowercase();
    let ru = name.contains("russia") || name.contains("kremlin") || name.contains("moscow");
    let ua = name.contains("ukrain") || name.contains("kyiv");
    match (ru, ua) {
        (true, false) => Some("RU"),
        (false, true) => Some("UA"),
        _ => None,
    }
}

/// Who attacked where the text names nobody ("Shelling hit Kherson", "the city was left
/// without power", "two houses were destroyed"): the side that attacks that country in
/// this story (see [`story_sides`]), as its armed forces. What was shot down over a country
/// was shot down by its own side, when the other side is the one attacking it. Damage to
/// the attacker's own ("a Russian tank was destroyed") is not the attacker's doing.
pub(super) fn implied_attackers(ctx: &DocContext, story: &StorySides, events: &mut [(u32, Event)]) {
    // A blast is an attack only as far as the story tells of attacks; so are damage and
    // outages: the attacker's only in a country the story reports other attacks in (not
    // a depot that blew up, or a town destroyed in fighting long past).
    let blast = |e: &Event| {
        let word = ctx.lower(ctx.token_of(e.start));
        word.starts_with("blast") || word.starts_with("explo")
    };
    let attacked: Vec<String> = events
        .iter()
        .filter(|(_, e)| e.event_type == EventType::Assault && e.modality == Modality::Asserted && !blast(e))
        .filter_map(|(_, e)| e.geo.country.clone())
        .collect();
    for (_, e) in events.iter_mut() {
        let shot_down = shot_down(e);
        let harm = matches!(e.event_type, EventType::Assault | EventType::Disrupt | EventType::Destroy);
        if !harm || e.actor.is_some() || !matches!(e.modality, Modality::Asserted | Modality::Hedged) {
            continue;
        }
        let Some(country) = e.geo.country.as_deref() else { continue };
        let Some(attacker) = story.attacker_of(country) else { continue };
        // (a shoot-down is itself the sign of an attack)
        if (e.event_type != EventType::Assault || blast(e)) && !shot_down && !attacked.iter().any(|c| c == country) {
            continue;
        }
        let side = if shot_down {
            match own_side(country) {
                Some(own) if own != attacker => own,
                _ => continue,
            }
        } else {
            if e.event_type != EventType::Assault && e.target.as_ref().and_then(actor_side) == Some(attacker) {
                continue;
            }
            attacker
        };
        if let Some((name, id)) = super::candidates::armed_forces_of(ctx.res, side) {
            e.actor = Some(forces(name, id));
        }
    }
}

/// Who repelled an attack nobody is named for ("nine assaults were repelled near X",
/// "repelled 14 attacks"): the side the attackers fight, that is the other side of an
/// attacker the clause names ("repelled Russian assaults"), else, in a country the story's
/// named attacks all come into from one side (see [`story_sides`]), the side attacked there.
pub(super) fn implied_defenders(ctx: &DocContext, story: &StorySides, events: &mut [(u32, Event)]) {
    for (_, e) in events.iter_mut() {
        if e.event_type != EventType::Fight || e.subtype.as_deref() != Some("defence") || e.actor.is_some() {
            continue;
        }
        let attacker = e.target.as_ref().and_then(actor_side);
        let defender = match attacker {
            Some(a) => Some(other_side(a)),
            // (only where an attack on it is named: the Russian army reports repelling
            // attacks in occupied Ukraine, so no default reading of the war holds here)
            None => e.geo.country.as_deref().filter(|c| story.named_attacker_of(c).is_some()).and_then(own_side),
        };
        if let Some((name, id)) = defender.and_then(|d| super::candidates::armed_forces_of(ctx.res, d)) {
            e.actor = Some(forces(name, id));
        }
    }
}

/// An attack repelled is the attacker's ASSAULT ("our defenders repelled 18 enemy attacks
/// near Avdiivka" is a ground attack by Russia on Ukrainian forces), as the design's list of
/// types has ground attacks; the defender read above becomes its target. The attacker is
/// the side the clause names for the attacks ("repelled Russian assaults"), else the other
/// side of the defender; with neither, nobody.
pub(super) fn repelled_attacks_are_assaults(ctx: &DocContext, events: &mut [(u32, Event)]) {
    for (_, e) in events.iter_mut() {
        if e.event_type != EventType::Fight || e.subtype.as_deref() != Some("defence") {
            continue;
        }
        let named_attacker = e.target.as_ref().and_then(actor_side);
        let defender = e.actor.as_ref().and_then(actor_side);
        let attacker = named_attacker.or(defender.map(other_side));
        e.event_type = EventType::Assault;
        e.subtype = Some(super::sentence::GROUND_ATTACK.to_string());
        // (the defender is the target when it is a side; else what was attacked stays:
        // "we repelled the attack on Avdiivka")
        let defender_arg = e.actor.take();
        if defender.is_some() {
            e.target = defender_arg;
        } else if named_attacker.is_some() {
            e.target = None;
        }
        e.actor = attacker.and_then(|a| super::candidates::armed_forces_of(ctx.res, a)).map(|(n, id)| forces(n, id));
    }
}

/// A weapon named with no side is no actor: "an FPV drone hit a car" says who attacked no
/// more than "a drone hit a car" does, so the attacker is read as for an unnamed one
/// ([`implied_attackers`]). A weapon with a side keeps it ("Russian drones").
pub(super) fn weapons_are_no_actors(events: &mut [(u32, Event)]) {
    for (_, e) in events.iter_mut() {
        let weapon = e
            .actor
            .as_ref()
            .is_some_and(|a| last_word_is(&a.text, WordClass::WeaponSubject) && actor_side(a).is_none());
        if weapon {
            e.actor = None;
        }
    }
}

/// Air defence shoots down over its own ground: "air defences downed 11 drones over the
/// Voronezh region" (in a story told from either side), "its air defences intercepted ...
/// over the Belgorod region" are Russia's. A shoot-down whose actor's words name no side
/// (its side was read from the Ukrainian sources' "air defence") takes the side of the
/// country it happened over, where that is one of the two.
pub(super) fn air_defence_over_its_own_ground(ctx: &DocContext, events: &mut [(u32, Event)]) {
    for (_, e) in events.iter_mut() {
        if !shot_down(e) {
            continue;
        }
        let Some(actor) = e.actor.as_ref() else { continue };
        // (over a place the sentence names below a country: a country read from the story
        // may be the attacker's, "Russia fired 40 drones")
        if e.geo.place_type.map_or(true, |t| t == PlaceType::Country) || !own_source(e.location_source) {
            continue;
        }
        let Some(ground) = e.geo.country.as_deref().and_then(own_side) else { continue };
        if side_named(&actor.text).is_some() || actor_side(actor).map_or(true, |s| s == ground) {
            continue;
        }
        if let Some(forces) = read_as_forces_of(ctx, actor, ground) {
            e.actor = Some(forces);
        }
    }
}

/// "The enemy" is the other side of whoever reports: the lexicon reads it as Russia (this
/// domain's sources are mostly Ukrainian), but an attack by "the enemy" on a place in
/// Russia is told from the Russian side ("the enemy attacked Shebekino with drones", a
/// Belgorod governor writes) and is Ukraine's.
pub(super) fn enemy_of_the_ground(ctx: &DocContext, events: &mut [(u32, Event)]) {
    for (_, e) in events.iter_mut() {
        if !matches!(e.event_type, EventType::Assault | EventType::Destroy | EventType::Disrupt) {
            continue;
        }
        let Some(actor) = e.actor.as_ref() else { continue };
        let words = actor.text.to_lowercase();
        let enemy = matches!(words.trim_start_matches("the "), "enemy" | "adversary");
        let Some(ground) = e.geo.country.as_deref().and_then(own_side) else { continue };
        if !enemy || actor_side(actor) != Some(ground) {
            continue;
        }
        if let Some(forces) = read_as_forces_of(ctx, actor, other_side(ground)) {
            e.actor = Some(forces);
        }
    }
}

/// The actor's own words ("air defences", "the enemy") read as `side`'s armed forces.
fn read_as_forces_of(ctx: &DocContext, actor: &Argument, side: &str) -> Option<Argument> {
    let (name, id) = super::candidates::armed_forces_of(ctx.res, side)?;
    Some(Argument { text: actor.text.clone(), canonical: Some(name.to_string()), entity_id: Some(id.to_string()) })
}

/// "Neither claim could be independently verified", "Reuters could not verify the
/// report": a sentence that says the reporter could not check what was just reported
/// hedges the happenings told in the sentence before it, and the claims (reports with a
/// source) of the one before that, in its paragraph.
pub(super) fn unverified_claims(ctx: &DocContext, events: &mut [(u32, Event)]) {
    let sentences = &ctx.seg.sentences;
    let unverified = |si: usize| {
        let s = &sentences[si];
        let words = || (s.tok_start..s.tok_end).map(|k| ctx.lower(k));
        words().any(|w| w.starts_with("verif"))
            && words().any(|w| matches!(w, "not" | "unable" | "cannot" | "n't" | "neither" | "no"))
    };
    for si in (1..sentences.len()).filter(|&si| unverified(si)) {
        let para = sentences[si].paragraph;
        for (_, e) in events.iter_mut() {
            let sj = e.sentence as usize;
            let before = sj < si && sj + 2 >= si && sentences[sj].paragraph == para;
            if before && e.modality == Modality::Asserted && (sj + 1 == si || e.source.is_some()) {
                e.modality = Modality::Hedged;
            }
        }
    }
}

pub(super) fn other_side(side: &str) -> &'static str {
    if side == "RU" {
        "UA"
    } else {
        "RU"
    }
}

/// The side code of a country the sides' table knows as one ("UA", "RU").
fn own_side(country: &str) -> Option<&'static str> {
    ["UA", "RU"].into_iter().find(|s| *s == country)
}

/// A side's armed forces as an actor, by their own name.
pub(super) fn forces(name: &str, id: &str) -> Argument {
    Argument { text: name.to_string(), canonical: Some(name.to_string()), entity_id: Some(id.to_string()) }
}

/// For each country the story's asserted attacks land in: the one side every such attack
/// with a named attacker comes from, when that side is not the country's own ("Russian
/// missiles hit Kharkiv" and "Ukrainian drones struck Belgorod" in one story: attacks in
/// Ukraine are Russia's, in Russia Ukraine's). A country attacked by both sides, or by none
/// named, has none; so has a country the sides trade blame for.
#[derive(Debug, Default, Clone)]
pub(super) struct StorySides {
    /// Per country attacked with a named attacker: the one side all of them come from, or
    /// None where the sides disagree (or a country attacks itself).
    named: Vec<(String, Option<&'static str>)>,
    /// The countries the sides trade blame for what happened in: nobody unnamed is filled
    /// in there.
    blamed: Vec<String>,
}

impl StorySides {
    fn disputed(&self, country: &str) -> bool {
        self.blamed.iter().any(|c| c == country)
    }

    /// The one side the story's named attacks on `country` come from.
    fn named_attacker_of(&self, country: &str) -> Option<&'static str> {
        self.named.iter().find(|(c, _)| c == country).and_then(|&(_, side)| side).filter(|_| !self.disputed(country))
    }

    /// The side attacking `country`: the one its named attacks come from; where none is
    /// named, in the war this domain covers, the other of Ukraine and Russia (an unnamed
    /// strike on Kherson is Russia's, one on Belgorod Ukraine's).
    fn attacker_of(&self, country: &str) -> Option<&'static str> {
        if self.disputed(country) {
            return None;
        }
        match self.named.iter().find(|(c, _)| c == country) {
            Some(&(_, side)) => side,
            None => own_side(country).map(other_side),
        }
    }
}

pub(super) fn story_sides(events: &[(u32, Event)]) -> StorySides {
    // A story where the sides trade blame for an attack leaves its attacker unnamed: in the
    // country the accusation is placed in, else that of the attack told last before it
    // ("A drone hit the plant in Enerhodar. Kyiv accused Moscow of staging it"); one tied
    // to no place and no attack just before it disputes no attack. Blame
    // for an accident ("emergency services blamed a leaking pipe") or between others
    // ("accused Berlin of pumping weapons") is no such trade.
    let trades_blame = |e: &Event| {
        let side = |a: &Option<Argument>| a.as_ref().and_then(actor_side);
        e.event_type == EventType::Accuse && side(&e.actor).is_some() && side(&e.target).is_some()
    };
    let blamed: Vec<String> = events
        .iter()
        .enumerate()
        .filter(|(_, (_, e))| trades_blame(e))
        .filter_map(|(j, (_, e))| {
            e.geo.country.clone().or_else(|| {
                events[..j]
                    .iter()
                    .rev()
                    .take_while(|(_, a)| a.sentence + 2 >= e.sentence)
                    .find(|(_, a)| a.event_type == EventType::Assault)
                    .and_then(|(_, a)| a.geo.country.clone())
            })
        })
        .collect();
    let mut named: Vec<(String, Option<&'static str>)> = Vec::new(); // None: sides disagree
    for (_, e) in events.iter().filter(|(_, e)| e.event_type == EventType::Assault && e.modality == Modality::Asserted)
    {
        let (Some(side), Some(country)) = (e.actor.as_ref().and_then(actor_side), e.geo.country.as_deref()) else {
            continue;
        };
        match named.iter_mut().find(|(c, _)| c == country) {
            Some((_, s)) => {
                if *s != Some(side) {
                    *s = None;
                }
            }
            None => named.push((country.to_string(), Some(side))),
        }
    }
    for (c, s) in named.iter_mut() {
        if *s == Some(c.as_str()) {
            *s = None;
        }
    }
    StorySides { named, blamed }
}

/// The place key of an event: its location's id, else its name.
fn place_key(e: &Event) -> Option<String> {
    e.location.as_ref().map(|l| l.entity_id.clone().unwrap_or_else(|| l.text.to_lowercase()))
}

/// The actor key of an event: its id, else its surface lowercased.
fn actor_key(e: &Event) -> Option<String> {
    e.actor.as_ref().map(|x| x.entity_id.clone().unwrap_or_else(|| x.text.to_lowercase()))
}

/// Where a date or place was read in the event's own sentence rather than inferred.
fn own_source(source: Option<&str>) -> bool {
    matches!(source, Some("clause") | Some("sentence"))
}

/// A report of the same happening: the same type (or a casualty report and the attack or
/// fight it counts), the same place, the same day, no sides that disagree, and neither a
/// denial nor something that has not happened.
/// `placed`: how many of the two read their place in their own words (see
/// `merge_repeats`). Actors of one side named in other words ("Russian", "Russia") are
/// the same only where both rows name their place.
fn same_happening(a: &Event, b: &Event, nested: bool, any_day: bool, placed: u8) -> bool {
    let host = |e: &Event| matches!(e.event_type, EventType::Assault | EventType::Fight);
    let casualty = |e: &Event| e.event_type == EventType::Casualties;
    let types = a.event_type == b.event_type || (host(a) && casualty(b)) || (casualty(a) && host(b));
    let factual = |e: &Event| matches!(e.modality, Modality::Asserted | Modality::Hedged);
    let actor = actor_key;
    types
        // the sentence stage has already joined what one sentence reports once, except a
        // noun that points back past an attribution ("…, officials said, in the deadliest
        // attack on the city in weeks")
        && (a.sentence != b.sentence || nested)
        && factual(a)
        && b.modality != Modality::Planned
        && b.modality != Modality::Hypothetical
        && a.aggregate != Some(true)
        && b.aggregate != Some(true)
        && place_key(a).is_some()
        && (place_key(a) == place_key(b) || nested && nested_places(a, b))
        // two places both inferred from the discourse are no evidence of one place
        && placed >= 1
        // an inferred date is no evidence against: "the death toll from the overnight strike
        // has risen to two" is dated by its paragraph
        && a.date.is_some()
        // (nor the day of a sentence that points back: "the toll from the Kryvyi Rih strike
        // rose overnight")
        && (a.date == b.date || any_day || !own_source(a.date_source) || !own_source(b.date_source))
        && (actor(a).is_none() || actor(b).is_none() || actor(a) == actor(b) || (placed == 2 && same_side(a, b)))
}

/// Two actors that name one side in other words ("a Russian drone attack", "Russia
/// launched ..."): both read as the same side.
fn same_side(a: &Event, b: &Event) -> bool {
    let side = |e: &Event| e.actor.as_ref().and_then(actor_side);
    side(a).is_some() && side(a) == side(b)
}

/// Two denials of one kind of happening with no figures and no places that disagree (a
/// place read in each sentence and different is two denials).
fn same_denial(a: &Event, b: &Event) -> bool {
    let figures = |e: &Event| e.killed.is_some() || e.injured.is_some();
    a.event_type == b.event_type
        && a.modality == Modality::Negated
        && b.modality == Modality::Negated
        && !figures(a)
        && !figures(b)
        && (place_key(a) == place_key(b)
            || !(own_source(a.location_source) && own_source(b.location_source))
            || a.location.is_none()
            || b.location.is_none())
}

/// One agreement, sanction, pledge or talk reported in two sentences in a row: the same
/// type and modality, no actors or days that disagree.
fn same_statement(a: &Event, b: &Event) -> bool {
    !placed_type(a.event_type)
        && a.event_type == b.event_type
        && b.sentence == a.sentence + 1
        && a.modality == b.modality
        && a.aggregate != Some(true)
        && (actor_key(a).is_none() || actor_key(b).is_none() || actor_key(a) == actor_key(b))
        && (a.date == b.date || !own_source(a.date_source) || !own_source(b.date_source))
}

/// "A second strike", "another attack", "fresh shelling": the text says it is a new one.
fn marked_as_new(ctx: &DocContext, e: &Event) -> bool {
    let t = ctx.token_of(e.start);
    // (an ordinal as the subject of a verb counts weapons, not attacks: "two of the bombs hit
    // a plant and a third landed next to a bus stop")
    let counts_weapons = |k: usize| k + 1 == t && ctx.lower(t).ends_with("ed");
    (t.saturating_sub(3)..t).any(|k| match ctx.lower(k) {
        "second" | "third" => !counts_weapons(k),
        w => matches!(w, "another" | "new" | "fresh" | "renewed" | "further" | "again" | "later"),
    })
}

/// A definite noun that names a happening the story has told: "the death toll from the
/// overnight strike", "Tuesday's attack", "this shelling". Up to two words may stand
/// between the determiner and the noun ("the deadly missile strike").
fn refers_back(ctx: &DocContext, e: &Event) -> bool {
    let t = ctx.token_of(e.start);
    let Some(s) = ctx.seg.sentences.get(e.sentence as usize) else {
        return false;
    };
    let definite = |k: usize| {
        matches!(ctx.lower(k), "the" | "this" | "that")
            || (ctx.lower(k).ends_with("'s") && ctx.classes(k).has(crate::lexicon::WordClass::Weekday))
    };
    (t.saturating_sub(3).max(s.tok_start)..t).rev().find(|&k| definite(k)).is_some_and(|k| {
        // nothing between but words: "the 12 strikes" counts new ones
        (k + 1..t).all(|m| ctx.lower(m).chars().all(|c| c.is_alphabetic() || c == '-'))
    }) && !marked_as_new(ctx, e)
}

/// A noun naming what a toll is from: "the death toll from the Kryvyi Rih strike".
fn toll_of(ctx: &DocContext, e: &Event) -> bool {
    let t = ctx.token_of(e.start);
    (t.saturating_sub(5)..t).any(|k| ctx.lower(k) == "toll" && ctx.lower(k + 1) == "from")
}

/// A trigger whose last word is a plural noun ("strikes", "attacks"): many happenings.
fn plural_trigger(ctx: &DocContext, e: &Event) -> bool {
    let last = ctx.lower(ctx.token_of(e.end.saturating_sub(1)));
    last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us")
}

/// A sentence that opens with "The"/"This" and a noun trigger with nothing of its own (no
/// actor, target or figure, no "of ..."): "The attack also cut power in Kharkiv" points back
/// at an attack already reported ("ordered the evacuation of ..." does not).
fn anaphoric(ctx: &DocContext, e: &Event) -> bool {
    let t = ctx.token_of(e.start);
    let opens = ctx.seg.sentences.get(e.sentence as usize).is_some_and(|s| s.tok_start + 1 == t);
    t > 0
        && opens
        && matches!(ctx.lower(t - 1), "the" | "this" | "that" | "these" | "those")
        && ctx.lower(ctx.token_at(e.end)) != "of"
        && e.actor.is_none()
        && e.target.is_none()
        && e.killed.is_none()
        && e.injured.is_none()
        && !ctx.classes(t).has(crate::lexicon::WordClass::Auxiliary)
}

/// One happening reported again later in the story ("missiles struck Lviv ..." and then
/// "In Lviv, five people were killed when a missile hit houses ...") is one row: the first
/// report stays and takes from the later ones what it lacks — the figures (the larger one
/// when both give one: a toll that rose), an actor, a target, and a place or date read in
/// the text where its own were inferred. A casualty report merged into an attack makes the
/// row an attack. A definite noun with nothing of its own ("the attack") that names a
/// type already reported is dropped as a reference back to it.
pub(super) fn merge_repeats(ctx: &DocContext, sorted: &[&Mention], events: &mut Vec<(u32, Event)>) {
    // headlines are merged with their lead by `merge_headline`, and nothing merges into
    // them: the body's report is the one with the arguments
    let first_body = ctx.seg.sentences.iter().position(|s| !s.headline).unwrap_or(0);
    let dateline = ctx.dateline_sentence();
    let headline = |e: &Event| (e.sentence as usize) < first_body && Some(e.sentence as usize) != dateline;
    let mut drop = vec![false; events.len()];
    for j in 1..events.len() {
        // "The total combat losses of the enemy ..." sums up: it repeats no single report
        let total = events[j].1.event_type == EventType::Casualties && sums_up(ctx, &events[j].1);
        if marked_as_new(ctx, &events[j].1) || total {
            continue;
        }
        // a denial told again ("police ruled out a drone attack ... 'There was no attack'")
        // is one denial: the first row of that type that denies too, headline included
        let denial = |i: usize| same_denial(&events[i].1, &events[j].1);
        if let Some(i) = (0..j).find(|&i| !drop[i] && denial(i)) {
            drop[j] = true;
            let b = events[j].1.clone();
            let a = &mut events[i].1;
            if a.location.is_none() || (!own_source(a.location_source) && own_source(b.location_source)) {
                a.location = b.location;
                a.geo = b.geo;
                a.location_source = b.location_source;
            }
            if a.source.is_none() {
                a.source = b.source;
                a.quote_id = a.quote_id.or(b.quote_id);
            }
            continue;
        }
        // a definite noun that points back at a report ("the toll from the overnight strike")
        // may join any earlier report of its place, or of the city whose region it names
        // ("the substation strike" in "the Vinnytsia region" after a strike on Vinnytsia)
        let back = refers_back(ctx, &events[j].1);
        // a report whose place is inferred ("Two people died.") is about the event just
        // before it in the paragraph, if about any; one that names its place may repeat
        // any earlier report of that place
        // (so may a definite noun that points back at one)
        // (a live blog's entry title names its place in its own line: "Drone attack on
        // Kharkiv: 2 killed" repeats the key-developments bullet above it)
        let titled = |e: &Event| {
            e.location_source == Some("headline")
                && ctx.seg.sentences.get(e.sentence as usize).is_some_and(|s| s.headline)
                && !headline(e)
        };
        let placed_here = |e: &Event| own_source(e.location_source) || titled(e);
        let candidates: Vec<usize> = if placed_here(&events[j].1) || back {
            (0..j).filter(|&i| !drop[i] && !headline(&events[i].1)).collect()
        } else {
            // (the event before may be one row of several: "shelled Khotin, Yunakivka and
            // Krasnopillia ... shells had landed near the village school" is Yunakivka's)
            let last = (0..j).rev().find(|&i| !drop[i]);
            let same_trigger = |i: usize| {
                last.is_some_and(|l| events[i].1.start == events[l].1.start && events[i].1.end == events[l].1.end)
            };
            (0..j)
                .filter(|&i| !drop[i] && same_trigger(i))
                .filter(|&i| events[i].0 == events[j].0 && !headline(&events[i].1))
                .collect()
        };
        // (a toll "from the Kryvyi Rih strike" that rose overnight is dated by its rise)
        let toll = back && toll_of(ctx, &events[j].1);
        let first = candidates
            .into_iter()
            .find(|&i| {
                let (a, b) = (&events[i].1, &events[j].1);
                same_happening(a, b, back, toll, placed_here(a) as u8 + placed_here(b) as u8)
            })
            .or_else(|| {
                // an agreement, a sanction or a pledge told again in the next sentence ("Norway
                // signed a security pact ... The document was signed by ...") has no place to
                // compare: the last report of its type, one sentence before
                (0..j)
                    .rev()
                    .find(|&i| !drop[i])
                    .filter(|&i| same_statement(&events[i].1, &events[j].1) && !headline(&events[i].1))
            });
        let Some(i) = first else {
            // "The attack took place on 22 December in the village of X": what it adds
            // (a place or day read in its own sentence) goes to the event it points back at
            let b = &events[j].1;
            // (a casualty report goes on telling the attack or fight before it: "Russian
            // missiles hit the port. Two workers were injured.")
            // (not a tally: "launched 4 missile strikes ... there are dead and wounded" is a
            // summary of many)
            // (a count of attacks on one place, with its toll in the next sentence, is that
            // place's event of the day: "Nikopol — 14 attacks. A man was killed.")
            let one_place = |i: usize| {
                let a = &events[i].1;
                events[i].0 == events[j].0
                    && place_key(a).is_some()
                    && place_key(a) == place_key(b)
                    && own_source(a.location_source)
                    && a.geo.place_type.is_some_and(|t| t != PlaceType::Country)
            };
            // (a repulse goes on telling its attack: "the enemy attacked twice near X; both
            // attacks were repelled", in one sentence too)
            let defence = b.event_type == EventType::Fight && b.subtype.as_deref() == Some("defence");
            let host = |i: usize| {
                let a = &events[i].1;
                // (so does the damage an attack did, told with no doer of its own: "Three
                // houses were damaged.")
                // (not a shoot-down: what air defence destroyed is no damage the attack did)
                let toll = b.event_type == EventType::Casualties
                    || (b.event_type == EventType::Destroy
                        && b.actor.is_none()
                        && !shot_down(b)
                        && a.event_type == EventType::Assault);
                a.event_type == b.event_type
                    || (defence && a.event_type == EventType::Assault)
                    || (toll
                        && matches!(a.event_type, EventType::Assault | EventType::Fight)
                        && ((!tally(a) && !plural_trigger(ctx, a)) || one_place(i)))
            };
            let earlier = |i: &usize| {
                let a = &events[*i].1;
                !drop[*i]
                    && host(*i)
                    && (a.sentence < b.sentence || (defence && a.sentence == b.sentence && a.end < b.start))
            };
            let referent = (0..j).rev().find(earlier);
            // the story's main report of that type: the latest with a place read in its text
            let told = (0..j)
                .rev()
                .filter(earlier)
                .take_while(|&i| events[i].0 + 2 >= events[j].0)
                .find(|&i| own_source(events[i].1.location_source))
                .or(referent);
            // "A Ukrainian drone hit the dome of reactor No. 6, injuring three workers": a
            // sentence that names no place and no day goes on telling the last event of its
            // type
            // (a country in it is mostly a party: "Ukraine's military intelligence denied")
            let below_country =
                |m: &Mention| place_rank(ctx.res, m.label, m.canonical.as_deref(), m.entity_id.as_deref()) > 0;
            let names_place = sorted.iter().any(|m| m.label.is_place() && m.sentence == b.sentence && below_country(m));
            // ("wounded in the city" goes on telling the strike on the city it points back at)
            let anaphor = ctx
                .seg
                .sentences
                .get(b.sentence as usize)
                .is_some_and(|s| anaphor_rank(ctx, s.tok_start, s.tok_end).is_some());
            let continues_rest = !own_source(b.location_source)
                && !own_source(b.date_source)
                // a vague time of its own ("earlier this week") left it without a date
                && b.date.is_some()
                && !headline(b)
                && !marked_as_new(ctx, b)
                && b.modality != Modality::Planned
                && b.modality != Modality::Hypothetical
                && b.aggregate != Some(true);
            let continues = !names_place && continues_rest;
            if let Some(i) = told.filter(|&i| {
                // the story goes on within two paragraphs (a repulse in the sentence of its
                // attack shares the attack's place)
                (continues || (defence && events[i].1.sentence == b.sentence && continues_rest))
                    && (!anaphor || place_key(&events[i].1) == place_key(b))
                    && events[j].0 <= events[i].0 + 2
                    && !headline(&events[i].1)
                    && events[i].1.aggregate != Some(true)
                    && {
                        let a = &events[i].1;
                        let actor = actor_key;
                        matches!(a.modality, Modality::Asserted | Modality::Hedged)
                        // (one side named in other words, unless what follows counts attacks
                        // of its own: "carried out 93 drone strikes")
                        && (actor(a).is_none()
                            || actor(b).is_none()
                            || actor(a) == actor(b)
                            || (same_side(a, b) && !tally(b) && !tally(a))
                            // (the defender of a repulse is the attack's target)
                            || defence)
                        // two tolls of the dead (or of the wounded) are two happenings, or
                        // parts of a total; the wounded after the dead go on with the story
                        && !(a.killed.is_some() && b.killed.is_some())
                        && !(a.injured.is_some() && b.injured.is_some())
                    }
            }) {
                drop[j] = true;
                let b = events[j].1.clone();
                let a = &mut events[i].1;
                add_denied_zero(a, &b);
                if b.modality != Modality::Negated {
                    if b.killed.is_some() || b.injured.is_some() {
                        let had_figures = a.killed.is_some() || a.injured.is_some();
                        a.killed = a.killed.or(b.killed);
                        a.injured = a.injured.or(b.injured);
                        a.approximate = if had_figures {
                            Some(a.approximate == Some(true) || b.approximate == Some(true))
                        } else {
                            b.approximate
                        };
                    }
                    // (not its actor: "a Ukrainian drone hit ..., the Russian-installed
                    // management said" is one side's claim about who did it)
                    if a.target.is_none() {
                        a.target = b.target;
                    }
                }
                continue;
            }
            if let Some(i) = referent.filter(|_| anaphoric(ctx, b)) {
                drop[j] = true;
                let b = events[j].1.clone();
                let rank = |e: &Event| {
                    let l = e.location.as_ref();
                    place_rank(
                        ctx.res,
                        Label::Gpe,
                        l.and_then(|l| l.canonical.as_deref()),
                        l.and_then(|l| l.entity_id.as_deref()),
                    )
                };
                let a = &mut events[i].1;
                let better_place = b.location.is_some()
                    && own_source(b.location_source)
                    && (!own_source(a.location_source) || a.location.is_none() || rank(&b) > rank(a));
                if better_place {
                    a.location = b.location.clone();
                    a.geo = b.geo.clone();
                    a.location_source = b.location_source;
                }
                if own_source(b.date_source) && !own_source(a.date_source) {
                    a.date = b.date;
                    a.date_text = b.date_text.clone();
                    a.date_source = b.date_source;
                }
            }
            continue;
        };
        drop[j] = true;
        let b = events[j].1.clone();
        let a = &mut events[i].1;
        if b.modality == Modality::Negated {
            add_denied_zero(a, &b); // "... but no casualties": a zero at most
            continue;
        }
        let larger = |x: Option<u32>, y: Option<u32>| match (x, y) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        };
        if b.killed.is_some() || b.injured.is_some() {
            if a.killed.is_none() && a.injured.is_none() {
                a.approximate = b.approximate;
            }
            a.killed = larger(a.killed, b.killed);
            a.injured = larger(a.injured, b.injured);
        }
        if a.actor.is_none() {
            a.actor = b.actor.clone();
        }
        if a.target.is_none() {
            a.target = b.target.clone();
        }
        if a.source.is_none() {
            a.source = b.source.clone();
            a.quote_id = a.quote_id.or(b.quote_id);
        }
        if !own_source(a.location_source) && own_source(b.location_source) {
            a.location_source = b.location_source;
        }
        if !own_source(a.date_source) && own_source(b.date_source) {
            a.date = b.date;
            a.date_text = b.date_text.clone();
            a.date_source = b.date_source;
        }
        if a.event_type == EventType::Casualties && b.event_type != EventType::Casualties {
            a.event_type = b.event_type;
            a.subtype = b.subtype.clone();
            a.start = b.start;
            a.end = b.end;
            a.sentence = b.sentence;
        }
    }
    retain_kept(events, &drop);
}

/// The events whose `drop` flag is not set, in order.
/// The sentence of `e` sums up: "in total", "overall", "in all", "since the start".
fn sums_up(ctx: &DocContext, e: &Event) -> bool {
    ctx.seg.sentences.get(e.sentence as usize).is_some_and(|s| {
        (s.tok_start..s.tok_end).any(|i| matches!(ctx.lower(i), "total" | "overall" | "since" | "altogether"))
            || (s.tok_start..s.tok_end.saturating_sub(1)).any(|i| ctx.lower(i) == "in" && ctx.lower(i + 1) == "all")
    })
}

/// The event counts happenings or the places they hit ("launched 4 missile strikes",
/// "shelled 12 times", "shelled 27 settlements"), not the weapons of one ("dropped two
/// guided bombs").
fn tally(e: &Event) -> bool {
    e.quantity.as_deref().is_some_and(|q| {
        q.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            [
                "strike",
                "attack",
                "shelling",
                "bombardment",
                "raid",
                "assault",
                "airstrike",
                "times",
                "settlement",
                "localit",
                "town",
                "village",
                "cities",
                "region",
                "communit",
            ]
            .iter()
            .any(|n| w.starts_with(n))
        })
    })
}

fn retain_kept(events: &mut Vec<(u32, Event)>, drop: &[bool]) {
    let mut i = 0;
    events.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// Totals that repeat other rows: an event whose killed figure equals the sum of the
/// figures of two or more events reported after it in the document ("five people were
/// killed in the region: three in A and two in B") is an aggregate, as is a running total
/// already flagged in its sentence. Summing `killed` over the other rows counts each death
/// once.
pub(super) fn mark_aggregates(events: &mut [(u32, Event)]) {
    for i in 0..events.len() {
        let Some(total) = events[i].1.killed.filter(|&k| k > 0) else {
            continue;
        };
        if events[i].1.aggregate == Some(true) {
            continue;
        }
        let mut sum = 0;
        let mut parts = 0;
        for (_, o) in events[i + 1..].iter() {
            if o.aggregate == Some(true) {
                continue;
            }
            if let Some(k) = o.killed.filter(|&k| k > 0) {
                sum += k;
                parts += 1;
                if sum >= total {
                    break;
                }
            }
        }
        if parts >= 2 && sum == total {
            events[i].1.aggregate = Some(true);
        }
    }
}

pub(super) fn is_entity_label(l: Label) -> bool {
    matches!(l, Label::Person | Label::Org | Label::Gpe | Label::Norp | Label::Loc | Label::Fac)
}

/// "No one was hurt", "there were no casualties": a denial of casualties is no happening
/// of its own but the figure of the attack it follows. It gives that attack (in its
/// sentence, else up to two sentences back in its paragraph) a zero where it has no figure,
/// and goes.
pub(super) fn fold_denied_casualties(events: &mut Vec<(u32, Event)>) {
    let denial = |e: &Event| e.event_type == EventType::Casualties && e.modality == Modality::Negated;
    let mut drop = vec![false; events.len()];
    for j in 0..events.len() {
        if !denial(&events[j].1) {
            continue;
        }
        drop[j] = true;
        let (para, sentence) = (events[j].0, events[j].1.sentence);
        let host = (0..events.len()).rev().find(|&i| {
            let a = &events[i].1;
            !drop[i]
                && matches!(a.event_type, EventType::Assault | EventType::Fight | EventType::Destroy)
                && events[i].0 == para
                && a.sentence <= sentence
                && a.sentence + 2 >= sentence
                && a.modality != Modality::Negated
        });
        if let Some(i) = host {
            let b = events[j].1.clone();
            add_denied_zero(&mut events[i].1, &b);
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// The zero a casualty denial `b` gives the attack `a` where it has no figure: "No one was
/// killed" (its `killed` 0), "No people were injured" (the subtype's figure, 0).
fn add_denied_zero(a: &mut Event, b: &Event) {
    if b.event_type != EventType::Casualties || b.modality != Modality::Negated {
        return;
    }
    let figureless = b.killed.is_none() && b.injured.is_none();
    let zero_if = |kind: &str| (figureless && b.subtype.as_deref() == Some(kind)).then_some(0);
    if b.killed.or(zero_if("killed")) == Some(0) && a.killed.is_none() {
        a.killed = Some(0);
    }
    if b.injured.or(zero_if("wounded")) == Some(0) && a.injured.is_none() {
        a.injured = Some(0);
    }
}

/// A district of a city stands for the city: "pulled two bodies from the rubble in the
/// Darnytskyi district" after "Russia pounded Kyiv", "a drone hit the Kholodnohirskyi
/// district" in a paragraph about Kharkiv. A row placed in a district whose name is an
/// adjective (a city's borough, not a rural raion named after its town, "Bila Tserkva
/// district") takes the latest town named before it, so the reports of one strike on one
/// city join into one row. (The gazetteer's point for such a name is no evidence: many
/// cities have a "Kyivskyi district".)
pub(super) fn city_districts(ctx: &DocContext, sorted: &[&Mention], events: &mut [(u32, Event)]) {
    for (_, e) in events.iter_mut() {
        let Some(place) = e.location.as_ref() else { continue };
        if !is_borough(&place.text) {
            continue;
        }
        let town = sorted
            .iter()
            .rev()
            .filter(|m| m.start < e.start && m.label.is_place())
            .filter(|m| matches!(m.geo.place_type, Some(PlaceType::City)) && m.geo.lat.is_some())
            .find(|m| !is_borough(&place_argument(ctx, m).text));
        if let Some(town) = town {
            e.location = Some(place_argument(ctx, town));
            e.geo = town.geo.clone();
        }
    }
}

/// "Solomianskyi district", "the Shevchenkivskyi raion": a borough named by one adjective
/// (a compound, "Bilhorod-Dnistrovskyi district", is the raion around a town of that name).
fn is_borough(name: &str) -> bool {
    let lower = name.to_lowercase();
    let Some(stem) = ["district", "raion", "rayon"].iter().find_map(|d| lower.strip_suffix(d)) else {
        return false;
    };
    let stem = stem.trim_end();
    !stem.contains([' ', '-']) && ["skyi", "skyy", "skiy", "skoy", "yi"].iter().any(|x| stem.ends_with(x))
}

/// A casualty report with no place of its own takes the place of the attack or fight just
/// before it in the paragraph, at most two sentences back ("A drone hit a building in Sumy.
/// Three people were injured.").
pub(super) fn inherit_casualty_places(events: &mut [(u32, Event)]) {
    let mut last: Option<(u32, u32, Argument, Geo)> = None; // (paragraph, sentence, place, geo)
    for (para, e) in events.iter_mut() {
        let physical =
            matches!(e.event_type, EventType::Assault | EventType::Fight | EventType::Casualties | EventType::Destroy);
        match (&e.location, &last) {
            (Some(loc), _) if physical => last = Some((*para, e.sentence, loc.clone(), e.geo.clone())),
            (None, Some((p, s, loc, geo)))
                if e.event_type == EventType::Casualties && p == para && e.sentence <= s + 2 =>
            {
                e.location = Some(loc.clone());
                e.geo = geo.clone();
                e.location_source = Some(if e.sentence == *s { "sentence" } else { "paragraph" });
            }
            _ => {}
        }
    }
}
