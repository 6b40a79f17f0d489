//! Stage 4: canonical names, stable ids and short-name coreference.
use crate::model::Mention;
use crate::pipeline::DocContext;

pub fn resolve(_ctx: &DocContext, mut mentions: Vec<Mention>) -> Vec<Mention> {
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    mentions
}
