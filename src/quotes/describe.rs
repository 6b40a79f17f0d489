//! Definite descriptions as speakers: "the regional governor" said something, and the
//! article names the regional governor elsewhere ("Regional governor Mykola Dovhan").
//! Linking the two fills `speaker_canonical`/`speaker_entity_id`, so the quote groups with
//! the person's other quotes.

use crate::model::{Label, Mention, Quote};

/// Words a description may carry that say nothing about the office.
const FILLERS: &[&str] = &["the", "a", "an", "local", "top", "senior", "country's", "city's", "region's"];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty() && !FILLERS.contains(&w.as_str()))
        .collect()
}

/// For each quote whose speaker is an unlinked singular description ("the governor"), the
/// one person of the document whose role has the same head noun (and shares most words).
pub fn link_descriptions(text: &str, mentions: &[Mention], quotes: &mut [Quote]) {
    // (role words, canonical, entity id) of people introduced with a role.
    let mut people: Vec<(Vec<String>, &str, &str)> = Vec::new();
    for m in mentions.iter().filter(|m| m.label == Label::Person) {
        if let (Some(role), Some(c), Some(id)) = (&m.role, &m.canonical, &m.entity_id) {
            let w = words(role);
            if !w.is_empty() && !people.iter().any(|p| p.2 == id) {
                people.push((w, c, id));
            }
        }
    }
    if people.is_empty() {
        return;
    }
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker.as_mut() else { continue };
        if sp.canonical.is_some() || sp.label.is_some() {
            continue;
        }
        let surface = text.get(sp.start..sp.end).unwrap_or("");
        if !surface.to_lowercase().starts_with("the ") {
            continue; // "a spokesman", "officials": not one known person
        }
        let w = words(surface);
        let Some(head) = w.last() else { continue };
        if head.ends_with('s') && !head.ends_with("ss") {
            continue; // plural
        }
        let mut best: Option<(usize, &str, &str)> = None;
        let mut tie = false;
        for (role, canonical, id) in &people {
            if role.last() != Some(head) {
                continue;
            }
            // Every word of the description must fit the role ("the defence minister" is
            // not the foreign minister).
            if !w.iter().all(|x| role.contains(x)) {
                continue;
            }
            let score = w.iter().filter(|x| role.contains(x)).count();
            match best {
                Some((b, _, _)) if b > score => {}
                Some((b, _, _)) if b == score => tie = true,
                _ => {
                    best = Some((score, canonical, id));
                    tie = false;
                }
            }
        }
        if let (Some((_, canonical, id)), false) = (best, tie) {
            sp.canonical = Some(canonical.to_string());
            sp.entity_id = Some(id.to_string());
            sp.label = Some(Label::Person);
        }
    }
}

/// "The Kremlin, through its spokesman Dmitry Peskov, said ..." / "“…,” the ministry said
/// through spokesman X": the institution spoke through a person the sentence names, and
/// that person is the quote's speaker.
pub fn link_spokespeople(text: &str, mentions: &[Mention], quotes: &mut [Quote]) {
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker.as_mut() else { continue };
        if !matches!(sp.label, Some(Label::Org) | Some(Label::Gpe)) {
            continue;
        }
        // Cheap tests first, and at most nine words read: the gap to a mention late in a
        // long document is most of the text, and reading it all for every mention made
        // this the costliest step of the pipeline.
        let after = |m: &&Mention| {
            if m.label != Label::Person || m.start < sp.end {
                return false;
            }
            let Some(gap) = text.get(sp.end..m.start) else { return false };
            gap.split_whitespace().nth(8).is_none()
                && !gap.contains(['.', '“', '”', '"', ';'])
                && gap.split_whitespace().any(|w| matches!(w.trim_matches(','), "through" | "via"))
        };
        let content = q.start..q.end;
        if let Some(m) = mentions.iter().filter(|m| !content.contains(&m.start)).find(after) {
            sp.text = text.get(m.start..m.end).unwrap_or("").to_string();
            sp.canonical = m.canonical.clone();
            sp.entity_id = m.entity_id.clone();
            sp.label = Some(Label::Person);
            sp.start = m.start;
            sp.end = m.end;
        }
    }
}

// Behaviour: the role-to-name cases of tests/behaviour/cases.jsonl ("a role described in one
// sentence links to the name in another", "a different office stays unlinked", ...).
