//! The event rules: an event names a known place and known actors, a valid date, a kind its
//! `from` and `to` agree with, and at least one quote found verbatim in a known article; and,
//! over all events in time, no two leave one place in different states at one instant.

use std::collections::BTreeMap;

use super::super::anchor::anchor;
use super::super::diagnostics::Diagnostics;
use super::super::interval::{self, Interval};
use super::super::model::*;
use super::super::names::Lookup;
use super::catalog::{Catalog, suggest_id};
use super::parsed::{ActorsInput, DateInput, ParsedEvent, Spanned};
use super::quotes::{check_date_phrase, check_dated_after_event, report_anchor_error};

/// Checking the events of one unit, with problems of its own (units are checked on several
/// threads at once).
pub(crate) struct Check<'a> {
    pub d: Diagnostics,
    pub catalog: &'a Catalog,
    pub actors_unreadable: bool,
    pub places_unreadable: bool,
    /// Events left out because the actors or places could not be read at all.
    pub left_out: usize,
    /// Quotes citing an article whose entry has an error, per article id.
    pub unchecked_quotes: BTreeMap<String, usize>,
}

impl Check<'_> {
    /// Whether an unknown name is explained by its file being unreadable (then the event is
    /// counted, not reported).
    fn explained_by_unreadable(&mut self, unreadable: bool) -> bool {
        if unreadable {
            self.left_out += 1;
        }
        unreadable
    }

    /// The event, if it is valid. Its problems are reported; an event without a quote that
    /// could be checked is left out.
    pub fn event(&mut self, r: ParsedEvent) -> Option<Event> {
        let catalog = self.catalog;
        let file = r.origin.file.clone();
        let file = &*file;
        let place = match catalog.place_names.lookup(r.place.get_ref()) {
            Lookup::Found(i) => i,
            Lookup::Ambiguous(c) => {
                let ids: Vec<&str> = c.iter().map(|&i| catalog.places[i].id.as_str()).collect();
                self.d.error(
                    file,
                    Some(r.place.span()),
                    format!(
                        "place \"{}\" is ambiguous: it names {}",
                        r.place.get_ref(),
                        ids.join(", ")
                    ),
                    Some("use the place's id".into()),
                );
                return None;
            }
            Lookup::NotFound { .. } if self.explained_by_unreadable(self.places_unreadable) => {
                return None;
            }
            Lookup::NotFound { suggestion } => {
                let hint = match suggestion {
                    Some(s) => format!("did you mean \"{s}\"? Places are defined in places.toml"),
                    None => "add the place to places.toml, or use an id or alias defined there"
                        .to_owned(),
                };
                self.d.error(
                    file,
                    Some(r.place.span()),
                    format!("unknown place \"{}\"", r.place.get_ref()),
                    Some(hint),
                );
                return None;
            }
        };
        let interval = self.date(file, &r)?;
        let (date, precision) = (interval.applies_day(), interval.precision);
        let to = self.state_after(file, &r)?;
        let from = match &r.from {
            Some(v) => Some(self.control(file, v, "from")?),
            None => None,
        };
        let kind = *r.kind.get_ref();
        // Where a problem with the state after is shown: `to`, or `lost_by` for a lost place.
        let to_span =
            r.to.as_ref()
                .map(|t| t.span())
                .or_else(|| r.lost_by.as_ref().map(|l| l.span()))
                .unwrap_or_else(|| r.place.span());
        match (kind, from, to) {
            (EventKind::Report, Some(_), _) => {
                self.d.error(
                    file,
                    r.from.as_ref().map(|f| f.span()),
                    "a report has no `from`: it says who holds the place, not a change",
                    Some("remove `from`, or use kind = \"capture\" for a change of control".into()),
                );
                return None;
            }
            (EventKind::Entered, _, Control::Held(_) | Control::Lost(..)) => {
                self.d.error(
                    file,
                    Some(to_span.clone()),
                    "kind = \"entered\" means contested: `to` must name two actors",
                    Some("e.g. to = [\"islamic_state\", \"iraqi_government\"]".into()),
                );
                return None;
            }
            (_, Some(f), t) if f == t => {
                self.d.error(file, Some(to_span.clone()), "`from` and `to` are the same: this event changes nothing", Some("if the article says the place is still held, use kind = \"report\" without `from`".into()));
                return None;
            }
            _ => {}
        }
        if r.sources.is_empty() {
            self.d.error(
                file,
                Some(r.place.span()),
                "this event has no source",
                Some(
                    "add at least one [[event.source]] with an article id and a verbatim quote"
                        .into(),
                ),
            );
            return None;
        }
        let mut quotes = Vec::new();
        let mut damaged_sources = 0;
        let mut date_reported = false;
        for s in r.sources {
            let s = match s {
                Ok(s) => s,
                Err(bad) => {
                    damaged_sources += 1;
                    self.d.error(
                        file,
                        Some(bad.span),
                        format!("in this [[event.source]]: {}", bad.message),
                        Some("this source is left out (the event keeps its other sources); each source needs `article` and `quote`, and may have `prefix`, `suffix` and `date_phrase`".into()),
                    );
                    continue;
                }
            };
            let Some(&article) = catalog.article_ids.get(s.article.get_ref()) else {
                damaged_sources += 1;
                if catalog.declared_articles.contains(s.article.get_ref()) {
                    // Its entry has an error, reported already: count, do not cascade.
                    *self
                        .unchecked_quotes
                        .entry(s.article.get_ref().clone())
                        .or_default() += 1;
                    continue;
                }
                self.d.error(
                    file,
                    Some(s.article.span()),
                    format!("unknown article \"{}\"", s.article.get_ref()),
                    Some(suggest_id(
                        catalog.articles.iter().map(|a| a.id.as_str()),
                        s.article.get_ref(),
                    )),
                );
                continue;
            };
            let art = &catalog.articles[article];
            let exact = s.quote.get_ref();
            let a = match anchor(&art.text, exact, s.prefix.as_deref(), s.suffix.as_deref()) {
                Ok(a) => a,
                Err(e) => {
                    damaged_sources += 1;
                    report_anchor_error(&mut self.d, file, &s.quote, art, e);
                    continue;
                }
            };
            if let Some(phrase) = &s.date_phrase {
                check_date_phrase(&mut self.d, file, phrase, exact, art, &interval);
            }
            // One date problem per event is enough, whatever the number of its quotes.
            if !date_reported {
                date_reported = check_dated_after_event(&mut self.d, file, &r.date, date, art);
            }
            quotes.push(Quote {
                article,
                start: a.start,
                end: a.end,
                byte_start: a.byte_start,
                byte_end: a.byte_end,
                date_phrase: s.date_phrase.map(Spanned::into_inner),
                origin: s.origin,
            });
        }
        if quotes.is_empty() {
            // Every source failed; the errors above say why. Without a quote the claim is
            // unsupported.
            return None;
        }
        let annotated = match &r.annotated {
            Some(a) => match a.get_ref().resolve() {
                Ok((day, None)) => Some(day),
                _ => {
                    self.d.warning(
                        file,
                        Some(a.span()),
                        "`annotated` is not a date: it is ignored",
                        Some(
                            "write annotated = \"YYYY-MM-DD\", the day the claim was annotated"
                                .into(),
                        ),
                    );
                    None
                }
            },
            None => None,
        };
        let id =
            r.id.map(Spanned::into_inner)
                .unwrap_or_else(|| format!("{}@{}", catalog.places[place].id, date));
        Some(Event {
            id,
            place,
            date,
            at: interval.applies_at(),
            precision,
            kind,
            basis: r.basis.unwrap_or_default(),
            from,
            to,
            note: r.note,
            quotes,
            damaged_sources,
            annotator: r.annotator,
            annotated,
            reviewed_by: r.reviewed_by,
            origin: r.origin,
            contradicts: None,
            interval,
            rank: r.rank.unwrap_or_default(),
            rank_reason: r.rank_reason,
            joins: None,
            disputes: None,
            set_aside: false,
        })
    }

    /// The claim's time ([`Interval`]): its date as written, its precision, cut at the
    /// earliest dated article that reports it (a claim is true by the first article that
    /// reports it; today's year rule is one case of it).
    fn date(&mut self, file: &str, r: &ParsedEvent) -> Option<Interval> {
        let text = match r.date.get_ref() {
            DateInput::Text(t) => t,
            DateInput::NotText { found } => {
                self.d.error(
                    file,
                    Some(r.date.span()),
                    format!("a date must be \"YYYY-MM-DD\", not a {found}"),
                    Some("write date = \"YYYY-MM-DD\" (or \"YYYY-MM-DDTHH:MM\" when the hour is known)".into()),
                );
                return None;
            }
        };
        let reported = r
            .sources
            .iter()
            .flatten()
            .filter_map(|s| self.catalog.article_ids.get(s.article.get_ref()))
            .filter_map(|&a| self.catalog.articles[a].date)
            .min();
        match interval::parse(text).and_then(|w| Interval::resolve(w, r.precision, reported)) {
            Ok(i) => Some(i),
            Err(e) => {
                self.d
                    .error(file, Some(r.date.span()), e.message, Some(e.hint));
                None
            }
        }
    }

    /// The state an event leaves: `to` (held or contested), or `status = "lost"` with
    /// `lost_by`.
    fn state_after(&mut self, file: &str, r: &ParsedEvent) -> Option<Control> {
        let status = r.status.as_ref().map(|s| (s.get_ref().as_str(), s.span()));
        match (status, &r.to, &r.lost_by) {
            (None | Some(("held", _)), Some(to), None) => self.control(file, to, "to"),
            (Some(("lost", _)), None, Some(lost_by)) => {
                let span = lost_by.span();
                let Some(names) = lost_by.get_ref().as_ref().filter(|n| !n.is_empty()) else {
                    self.d.error(
                        file,
                        Some(span),
                        "`lost_by` must be a list of actor ids",
                        Some("e.g. lost_by = [\"islamic_state\"]".into()),
                    );
                    return None;
                };
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                match self
                    .actors(file, span.clone(), &names, "lost_by")?
                    .as_slice()
                {
                    [a] => Some(Control::lost(*a, None)),
                    [a, b] if a != b => Some(Control::lost(*a, Some(*b))),
                    _ => {
                        self.d.error(file, Some(span), "`lost_by` names one actor, or two different ones that lost the place together", None);
                        None
                    }
                }
            }
            (Some(("lost", _)), _, _) => {
                self.d.error(file, Some(r.place.span()), "status = \"lost\" needs `lost_by` and no `to`", Some("a lost place is no longer held by `lost_by`; who holds it is not said (use `to` when it is)".into()));
                None
            }
            (Some((other, span)), _, _) if other != "held" => {
                self.d.error(
                    file,
                    Some(span),
                    format!("unknown status \"{other}\""),
                    Some(
                        "status is \"held\" (the default, with `to`) or \"lost\" (with `lost_by`)"
                            .into(),
                    ),
                );
                None
            }
            (_, _, Some(lost_by)) => {
                self.d.error(
                    file,
                    Some(lost_by.span()),
                    "`lost_by` goes with status = \"lost\"",
                    Some("add status = \"lost\" and remove `to`, or remove `lost_by`".into()),
                );
                None
            }
            _ => {
                self.d.error(file, Some(r.place.span()), "this event says neither who holds the place (`to`) nor who lost it (status = \"lost\" with `lost_by`)", Some("add to = \"actor_id\"".into()));
                None
            }
        }
    }

    /// `to`/`from`: one actor (held) or two (contested), resolved.
    fn control(&mut self, file: &str, v: &Spanned<ActorsInput>, field: &str) -> Option<Control> {
        let span = v.span();
        let names: Vec<&str> = match v.get_ref() {
            ActorsInput::One(a) => vec![a],
            ActorsInput::Two(a, b) => vec![a, b],
            ActorsInput::Malformed => {
                self.d.error(file, Some(span), format!("`{field}` must be one actor id (held) or a list of two (contested)"), Some(format!("e.g. {field} = \"islamic_state\" or {field} = [\"islamic_state\", \"iraqi_government\"]")));
                return None;
            }
        };
        let ixs = self.actors(file, span.clone(), &names, field)?;
        match ixs.as_slice() {
            [a] => Some(Control::Held(*a)),
            [a, b] if a != b => Some(Control::contested(*a, *b)),
            _ => {
                self.d.error(
                    file,
                    Some(span),
                    format!("`{field}` names the same actor twice"),
                    Some("a contested place is contested between two different actors".into()),
                );
                None
            }
        }
    }

    /// Actor names resolved to actors; an unknown or ambiguous one is reported.
    fn actors(
        &mut self,
        file: &str,
        span: std::ops::Range<usize>,
        names: &[&str],
        field: &str,
    ) -> Option<Vec<ActorIx>> {
        let catalog = self.catalog;
        let mut ixs = Vec::new();
        for &name in names {
            match catalog.actor_names.lookup(name) {
                Lookup::Found(i) => ixs.push(i),
                Lookup::Ambiguous(c) => {
                    let ids: Vec<&str> = c.iter().map(|&i| catalog.actors[i].id.as_str()).collect();
                    self.d.error(
                        file,
                        Some(span.clone()),
                        format!("actor \"{name}\" is ambiguous: it names {}", ids.join(", ")),
                        Some("use the actor's id".into()),
                    );
                    return None;
                }
                Lookup::NotFound { .. } if self.explained_by_unreadable(self.actors_unreadable) => {
                    return None;
                }
                Lookup::NotFound { suggestion } => {
                    let hint = match suggestion {
                        Some(s) => {
                            format!("did you mean \"{s}\"? Actors are defined in actors.toml")
                        }
                        None => {
                            "add the actor to actors.toml, or use an id defined there".to_owned()
                        }
                    };
                    self.d.error(
                        file,
                        Some(span.clone()),
                        format!("unknown actor \"{name}\" in `{field}`"),
                        Some(hint),
                    );
                    return None;
                }
            }
        }
        Some(ixs)
    }
}
