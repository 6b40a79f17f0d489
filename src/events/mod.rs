//! Stage 6: events — trigger, type, actor, target, place, date, casualties, modality, source.
//!
//! Work is done one sentence at a time (never across the whole document):
//!
//! 1. triggers from the lexicon (`event_triggers.tsv`), minus the ones that sit inside a
//!    name ("Security Council"), read as something else ("heart attack", "pounds" after a
//!    number, "the occupied territories") or lack the context that makes them an event
//!    ("sent a letter" is no aid);
//! 2. attributions ("…, the regional governor said", "according to X") are cut out of the
//!    sentence, and the rest is split into clauses at ";", ", and", ", but", ", which" …;
//! 3. within a clause a verb and a noun of the same type make one event ("signed an
//!    agreement"), and casualty words ("killed 5", "12 were wounded") fill the killed/injured
//!    of an attack or fight in the same clause instead of becoming events of their own;
//! 4. each event gets its actor, target, place, date, counts, modality and source; an
//!    event at several listed places ("struck Lviv, Ternopil and Dnipro") is one row per
//!    place, its figures on one of them;
//! 5. over the document: the headline's report of the lead's happening is dropped (the
//!    lead's row stays), places come from the discourse where the sentence names none
//!    (a place anaphor, the paragraph, the dateline, the headline), then dates the same way.
//!
//! Modules, in that order: `view` (the sentence: tokens, mentions, numbers, clauses),
//! `triggers`, `clauses`, `sentence` (drafts to events), `candidates` and `roles` (who did
//! what to whom, where), `counts` (casualties, quantities), `modality`, `dating`, `source`
//! (attributions), `discourse` (the document-level chains of step 5).
//!
//! Arguments come from the entity mentions, and capitalised phrases ("Russian forces") the
//! recogniser did not mark.

mod candidates;
mod clauses;
mod counts;
mod dating;
mod discourse;
mod modality;
mod roles;
mod sentence;
mod source;
#[cfg(test)]
mod tests;
mod triggers;
mod view;

use crate::context::DocContext;
use crate::model::{Event, Mention, Quote};
use discourse::*;
use sentence::*;
use view::*;

pub fn extract(ctx: &DocContext, mentions: &[Mention], quotes: &[Quote]) -> Vec<Event> {
    extract_with_numbers(ctx, mentions, quotes, &crate::numbers::scan_document(ctx))
}

/// As [`extract`], with the number phrases of every sentence already scanned
/// ([`crate::numbers::scan_document`]: the pipeline scans them once for both stages).
pub fn extract_with_numbers(
    ctx: &DocContext,
    mentions: &[Mention],
    quotes: &[Quote],
    numbers: &[Vec<crate::numbers::NumberPhrase>],
) -> Vec<Event> {
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| (m.start, m.end));
    // (paragraph, event)
    let mut events: Vec<(u32, Event)> = Vec::new();
    // (paragraph, whether the last sentence with context cues told of an accident)
    let mut scene: Option<(u32, bool)> = None;
    let accident_paragraphs = accident_paragraphs(ctx);
    for (si, s) in ctx.seg.sentences.iter().enumerate() {
        let lo = sorted.partition_point(|m| m.start < s.start);
        let hi = sorted.partition_point(|m| m.start < s.end);
        let in_sentence: Vec<Mention> =
            sorted[lo..hi].iter().filter(|m| m.end <= s.end).map(|m| (*m).clone()).collect();
        let numbers = numbers.get(si).cloned().unwrap_or_default();
        let mut view = EventSentence::new(ctx, si as u32, in_sentence, numbers);
        let carried =
            matches!(scene, Some((p, true)) if p == s.paragraph) || accident_paragraphs.contains(&s.paragraph);
        let (found, verdict) = sentence_events(&mut view, quotes, carried);
        if let Some(accident) = verdict {
            scene = Some((s.paragraph, accident));
        }
        for e in found {
            events.push((s.paragraph, e));
        }
    }
    events.sort_by_key(|(_, e)| (e.start, e.end));
    // (rows of one trigger at several places stay apart)
    events.dedup_by(|(_, a), (_, b)| {
        a.start == b.start
            && a.end == b.end
            && a.location.as_ref().map(|l| &l.text) == b.location.as_ref().map(|l| &l.text)
    });
    settle_denied_attacks(ctx, &mut events);
    merge_headline(ctx, &mut events);
    merge_captions(ctx, &mut events);
    inherit_casualty_places(&mut events);
    let countries = Countries::of(ctx, &sorted);
    fill_locations(ctx, &sorted, &countries, &mut events);
    fill_dates(ctx, &sorted, &mut events);
    city_districts(ctx, &sorted, &mut events);
    share_actors(ctx, &mut events);
    merge_repeats(ctx, &sorted, &mut events);
    fold_denied_casualties(&mut events);
    speakers_act_their_speech(ctx, &mut events);
    office_holders_act_for_their_side(ctx, &mut events);
    weapons_are_no_actors(&mut events);
    air_defence_over_its_own_ground(ctx, &mut events);
    enemy_of_the_ground(ctx, &mut events);
    unverified_claims(ctx, &mut events);
    // (the attacks implied fit the story's sides, so one reading serves both)
    let story = story_sides(&events);
    implied_attackers(ctx, &story, &mut events);
    implied_defenders(ctx, &story, &mut events);
    repelled_attacks_are_assaults(ctx, &mut events);
    mark_aggregates(&mut events);
    place_aggregates(ctx, &countries, &mut events);
    events.into_iter().map(|(_, e)| e).collect()
}
