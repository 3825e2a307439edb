//! Every quote as a W3C Web Annotation (JSON-LD), for annotation tools: an
//! `AnnotationCollection` whose `first` page holds all the annotations.
//!
//! Each annotation targets its article: `source` is the article's IRI
//! (its `url` when the data gives one, else `urn:frontline:article:ID`), with two selectors of
//! the same passage: a `TextQuoteSelector` (`exact`, and up to [`CONTEXT_CHARS`] characters of
//! `prefix` and `suffix`) and a `TextPositionSelector` (`start`, `end` in Unicode code points,
//! end exclusive). Tools that count otherwise (Hypothesis counts UTF-16 units) re-anchor by the
//! quote selector. Its bodies tag the place and the actors of the claim (`TextualBody`,
//! `purpose: "tagging"`, the name as `value` and a `urn:frontline:place:ID` or
//! `urn:frontline:actor:ID` as `id`) and describe the claim in words (`purpose: "describing"`).

use std::io::Write;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use super::periods::states_before;
use super::{ExportError, ExportOptions, Window, claim_in_words};
use crate::store::{ActorIx, Event, Quote, Store};

/// The Web Annotation JSON-LD context.
pub const ANNOTATION_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// How many characters of context a quote selector's `prefix` and `suffix` hold at most.
pub const CONTEXT_CHARS: usize = 32;

/// What an id may keep as it is in an IRI: letters, digits and `-._~`; the rest is
/// percent-encoded, so that any id makes a valid IRI.
const ID_IN_IRI: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn iri(kind: &str, id: &str) -> String {
    format!(
        "urn:frontline:{kind}:{}",
        utf8_percent_encode(id, ID_IN_IRI)
    )
}

#[derive(Serialize)]
struct Annotation {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: [&'static str; 2],
    body: Vec<Body>,
    target: Target,
}

#[derive(Serialize)]
struct Body {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
    format: &'static str,
    language: &'static str,
}

#[derive(Serialize)]
struct Target {
    source: String,
    selector: (TextQuoteSelector, TextPositionSelector),
}

#[derive(Serialize)]
struct TextQuoteSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: String,
    prefix: String,
    suffix: String,
}

#[derive(Serialize)]
struct TextPositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

/// Writes every quote of the events (dated inside the window, if one is given) as a W3C Web
/// Annotation collection, one annotation per line.
pub fn write_annotations(
    store: &Store,
    options: &ExportOptions,
    mut out: impl Write,
) -> Result<(), ExportError> {
    let window = Window::of(options)?;
    let before = states_before(store);
    let events: Vec<&Event> = store
        .events
        .iter()
        .enumerate()
        .filter(|&(ix, ev)| before[ix].is_some() && window.contains(ev.at))
        .map(|(_, ev)| ev)
        .collect();
    let total: usize = events.iter().map(|ev| ev.quotes.len()).sum();
    // Written by hand around the items, so that they stream out one by one.
    write!(
        out,
        concat!(
            "{{\"@context\":{context},",
            "\"id\":\"urn:frontline:annotations\",",
            "\"type\":\"AnnotationCollection\",",
            "\"label\":\"Frontline: the quotes behind every claim of control\",",
            "\"total\":{total},",
            "\"first\":{{\"id\":\"urn:frontline:annotations:page:1\",",
            "\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":["
        ),
        context = serde_json::to_string(ANNOTATION_CONTEXT)?,
        total = total,
    )?;
    let mut first = true;
    for ev in events {
        for (n, q) in ev.quotes.iter().enumerate() {
            out.write_all(if first { b"\n" } else { b",\n" })?;
            first = false;
            serde_json::to_writer(&mut out, &annotation(store, ev, n, q))?;
        }
    }
    out.write_all(b"\n]}}\n")?;
    out.flush()?;
    Ok(())
}

fn annotation(store: &Store, ev: &Event, n: usize, q: &Quote) -> Annotation {
    let article = &store.articles[q.article];
    let place = &store.places[ev.place];
    let tag = |id, value: &str| Body {
        id: Some(id),
        kind: "TextualBody",
        purpose: "tagging",
        value: value.to_owned(),
        format: "text/plain",
        language: "en",
    };
    let mut body = vec![tag(iri("place", &place.id), &place.name)];
    let mut actors: Vec<ActorIx> = ev.to.actors();
    for a in ev.from.map(|c| c.actors()).unwrap_or_default() {
        if !actors.contains(&a) {
            actors.push(a);
        }
    }
    for a in actors {
        let actor = &store.actors[a];
        body.push(tag(iri("actor", &actor.id), &actor.name));
    }
    body.push(Body {
        id: None,
        kind: "TextualBody",
        purpose: "describing",
        value: claim_in_words(store, ev),
        format: "text/plain",
        language: "en",
    });
    let text = &article.text;
    Annotation {
        id: iri("annotation", &format!("{}/{}", ev.id, n + 1)),
        kind: "Annotation",
        motivation: ["describing", "tagging"],
        body,
        target: Target {
            // The article's own address when known, so that a reader can open it there.
            source: article
                .url
                .clone()
                .unwrap_or_else(|| iri("article", &article.id)),
            selector: (
                TextQuoteSelector {
                    kind: "TextQuoteSelector",
                    exact: q.exact(&store.articles).to_owned(),
                    prefix: last_chars(text.get(..q.byte_start).unwrap_or(""), CONTEXT_CHARS)
                        .to_owned(),
                    suffix: first_chars(text.get(q.byte_end..).unwrap_or(""), CONTEXT_CHARS)
                        .to_owned(),
                },
                TextPositionSelector {
                    kind: "TextPositionSelector",
                    start: q.start,
                    end: q.end,
                },
            ),
        },
    }
}

/// The last `n` characters (code points) of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    s.char_indices()
        .rev()
        .nth(n - 1)
        .map_or(s, |(i, _)| &s[i..])
}

/// The first `n` characters (code points) of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_counts_code_points_not_bytes() {
        assert_eq!(last_chars("abc’def", 4), "’def");
        assert_eq!(last_chars("ab", 4), "ab");
        assert_eq!(last_chars("ab", 0), "");
        assert_eq!(first_chars("abc’def", 4), "abc’");
        assert_eq!(first_chars("ab", 4), "ab");
        assert_eq!(first_chars("ab", 0), "");
    }

    #[test]
    fn the_target_is_the_articles_url_when_known() {
        let mut store = crate::bundled::store();
        let ev = store.events[0].clone();
        let q = ev.quotes[0].clone();
        let before = annotation(&store, &ev, 0, &q).target.source;
        assert_eq!(before, iri("article", &store.articles[q.article].id));
        store.articles[q.article].url = Some("https://example.org/story".into());
        let after = annotation(&store, &ev, 0, &q).target.source;
        assert_eq!(after, "https://example.org/story");
    }

    #[test]
    fn ids_become_valid_iris() {
        assert_eq!(
            iri("article", "mee-albu-kamal"),
            "urn:frontline:article:mee-albu-kamal"
        );
        assert_eq!(
            iri("annotation", "abu_kamal@2017-11-09/1"),
            "urn:frontline:annotation:abu_kamal%402017-11-09%2F1"
        );
        let arabic = iri("place", "دير الزور");
        assert!(arabic.is_ascii() && !arabic.contains(' '), "{arabic}");
        let encoded = arabic.strip_prefix("urn:frontline:place:").unwrap();
        let decoded = percent_encoding::percent_decode_str(encoded)
            .decode_utf8()
            .unwrap();
        assert_eq!(decoded, "دير الزور");
    }
}
