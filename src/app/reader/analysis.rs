//! What the assistant finds in the article shown, worked out once per article and data (the
//! assistant reads the whole text and builds its name tables from the data and the
//! gazetteer: far too slow for every frame), and what the reader derives from it.

use std::ops::Range;

use egui::Color32;

use super::highlights::{Layer, MentionIndex, SOME_ACTOR};
use crate::app::theme::actor_colour;
use crate::assist::coverage::sentence_chars;
use crate::assist::{Assistant, Candidate, Mentions};
use crate::store::{ArticleIx, Store};

pub struct Analysis {
    pub article: ArticleIx,
    pub mentions: Mentions,
    /// The assistant's candidate claims, in text order.
    pub candidates: Vec<Candidate>,
    /// The text's sentences (character offsets).
    pub sentences: Vec<Range<usize>>,
    /// The loaded data's quotes of this article (character offsets).
    pub store_quotes: Vec<Range<usize>>,
    /// The mentions as marks, actors in their colours.
    pub(crate) mention_layers: Vec<(Range<usize>, Layer)>,
    pub(crate) index: MentionIndex,
    /// The article's length in characters.
    pub chars: usize,
    /// Why the assistant has nothing to say about this article, if so.
    pub problem: Option<String>,
}

impl Analysis {
    pub fn new(store: &Store, article: ArticleIx) -> Analysis {
        let a = &store.articles[article];
        let mut problem = None;
        let (mentions, candidates) = match a.date {
            Some(published) => {
                let assistant = Assistant::new(store);
                match (
                    assistant.mentions(&a.text, published),
                    assistant.suggest(&a.text, published),
                ) {
                    (Ok(m), Ok(c)) => (m, c),
                    (Err(e), _) | (_, Err(e)) => {
                        problem = Some(crate::present::assistant_cannot_read(&e.to_string()));
                        Default::default()
                    }
                }
            }
            None => {
                problem = Some(crate::present::assistant_needs_a_date());
                Default::default()
            }
        };
        let colour = |id: &Option<String>| -> Color32 {
            id.as_deref()
                .and_then(|id| store.actors.iter().find(|a| a.id == id))
                .map_or(SOME_ACTOR, actor_colour)
        };
        let mention_layers = mentions
            .places
            .iter()
            .map(|p| {
                let layer = if p.new_place {
                    Layer::NewPlace
                } else {
                    Layer::Place
                };
                (p.start..p.end, layer)
            })
            .chain(
                mentions
                    .actors
                    .iter()
                    .map(|m| (m.start..m.end, Layer::Actor(colour(&m.actor)))),
            )
            .chain(mentions.dates.iter().map(|d| (d.start..d.end, Layer::Date)))
            .collect();
        Analysis {
            article,
            index: MentionIndex::new(&mentions),
            mentions,
            candidates,
            sentences: sentence_chars(&a.text),
            store_quotes: super::candidates::store_quotes(store, article),
            mention_layers,
            chars: a.text.chars().count(),
            problem,
        }
    }
}
