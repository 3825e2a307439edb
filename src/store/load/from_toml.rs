//! The TOML directory's entries ([`crate::store::schema`]) turned into the parsed model that
//! every format shares.

use super::super::model::Origin;
use super::super::schema::{ActorEntry, ArticleEntry, Checked, EventEntry, PlaceEntry};
use super::super::source::ReadError;
use super::parsed::{
    InvalidSource, ParsedActor, ParsedArticle, ParsedEvent, ParsedPlace, ParsedSource,
};

pub(crate) fn actor(e: ActorEntry, origin: Origin) -> ParsedActor {
    ParsedActor {
        origin,
        id: e.id,
        name: e.name,
        short: e.short,
        colour: e.colour,
        aliases: e.aliases,
    }
}

pub(crate) fn place(e: PlaceEntry, origin: Origin) -> ParsedPlace {
    ParsedPlace {
        origin,
        id: e.id,
        name: e.name,
        kind: e.kind,
        country: e.country,
        lat: e.lat,
        lon: e.lon,
        aliases: e.aliases,
        source: e.source,
        note: e.note,
    }
}

pub(crate) fn article(
    e: ArticleEntry,
    origin: Origin,
    text: Result<String, ReadError>,
) -> ParsedArticle {
    ParsedArticle {
        origin,
        id: e.id,
        file: e.file,
        text,
        title: e.title,
        title_basis: e.title_basis,
        outlet: e.outlet,
        outlet_note: e.outlet_note,
        dateline: e.dateline,
        date: e.date,
        date_basis: e.date_basis,
        date_precision: e.date_precision,
        rewrite_of: e.rewrite_of,
        date_note: e.date_note,
        url: e.url,
        language: e.language,
    }
}

/// `origin_of` gives the origin of a span in the event's file (the event's own and each
/// source's).
pub(crate) fn event(
    e: EventEntry,
    origin: Origin,
    origin_of: impl Fn(std::ops::Range<usize>) -> Origin,
) -> ParsedEvent {
    ParsedEvent {
        origin,
        id: e.id,
        place: e.place,
        date: e.date,
        precision: e.precision,
        kind: e.kind,
        basis: e.basis,
        from: e.from,
        to: e.to,
        status: e.status,
        lost_by: e.lost_by.map(|l| {
            let span = l.span();
            toml::Spanned::new(span, l.into_inner().0)
        }),
        note: e.note,
        annotator: e.annotator,
        annotated: e.annotated,
        reviewed_by: e.reviewed_by,
        rank: e.rank,
        rank_reason: e.rank_reason,
        sources: e
            .source
            .into_iter()
            .map(|s| {
                let span = s.span();
                let origin = origin_of(span.clone());
                match s.into_inner() {
                    Checked::Valid(s) => Ok(ParsedSource {
                        origin,
                        article: s.article,
                        quote: s.quote,
                        prefix: s.prefix,
                        suffix: s.suffix,
                        date_phrase: s.date_phrase,
                    }),
                    Checked::Invalid(message) => Err(InvalidSource { span, message }),
                }
            })
            .collect(),
    }
}
