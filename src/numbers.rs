//! Numbers: CARDINAL, ORDINAL, MONEY, PERCENT and QUANTITY mentions with normalised values.
use crate::model::Mention;
use crate::pipeline::DocContext;

pub fn recognize(_ctx: &DocContext) -> Vec<Mention> {
    Vec::new()
}
