//! Stage 5: quotations — direct, mixed and indirect — with speaker and cue.
use crate::model::{Mention, Quote};
use crate::pipeline::DocContext;

pub fn extract(_ctx: &DocContext, _mentions: &[Mention]) -> Vec<Quote> {
    Vec::new()
}
