//! Stage 3: entity mentions — lexicon names plus capitalisation and context rules.
use crate::model::Mention;
use crate::pipeline::DocContext;

pub fn recognize(_ctx: &DocContext) -> Vec<Mention> {
    Vec::new()
}
