//! Stage 6: events — trigger, type, actor, target, place, date, casualties, modality, source.
use crate::model::{Event, Mention, Quote};
use crate::pipeline::DocContext;

pub fn extract(_ctx: &DocContext, _mentions: &[Mention], _quotes: &[Quote]) -> Vec<Event> {
    Vec::new()
}
