//! Recoverable parsing of a TOML file of `[[key]]` entries: each entry is deserialised on its
//! own, so that one bad entry (or a syntax error further down) does not hide the others, and
//! each keeps its byte span for the problems found in it later.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::super::diagnostics::Diagnostics;

/// The `[[key]]` entries of `text` (the contents of `file`, already added to `d`), each with
/// its span. Problems go into `d`; `required` files warn when they hold no entry.
pub(crate) fn parse_entries<T: DeserializeOwned>(
    d: &mut Diagnostics,
    file: &str,
    text: &str,
    key: &str,
    required: bool,
) -> Vec<(T, Range<usize>)> {
    let (root, errors) = DeTable::parse_recoverable(text);
    for e in &errors {
        d.error(
            file,
            e.span(),
            format!("malformed TOML: {}", first_line(e.message())),
            Some("check quotes, brackets and `key = value` syntax on this line".into()),
        );
    }
    let mut out = Vec::new();
    for (k, v) in root.into_inner() {
        if k.get_ref().as_ref() != key {
            d.error(
                file,
                Some(k.span()),
                format!("unexpected section `{}` in {file}", k.get_ref()),
                Some(format!("{file} holds [[{key}]] entries only")),
            );
            continue;
        }
        let span = v.span();
        let DeValue::Array(items) = v.into_inner() else {
            d.error(
                file,
                Some(span),
                format!("`{key}` must be a list of [[{key}]] tables"),
                None,
            );
            continue;
        };
        for item in items {
            let span = item.span();
            match T::deserialize(ValueDeserializer::from(item)) {
                Ok(t) => out.push((t, span)),
                Err(e) => {
                    let at = e
                        .span()
                        .filter(|s| s.start < text.len())
                        .unwrap_or(span.clone());
                    d.error(
                        file,
                        Some(at),
                        format!("in this [[{key}]]: {}", first_line(e.message())),
                        Some(format!(
                            "this {key} is skipped; see the data format in README.md for its fields"
                        )),
                    );
                }
            }
        }
    }
    if out.is_empty() && errors.is_empty() && required {
        d.warning(file, None, format!("{file} has no [[{key}]] entries"), None);
    }
    out
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_owned()
}
