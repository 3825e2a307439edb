//! The schema's values that TOML lets a writer put in more than one form: dates (a TOML date
//! or a string), holders (one actor or two), lists of actors (one or several), and entries
//! that are read on their own. Each reads every form, keeping what is wrong for validation to
//! report at its place, and is written in one form.

use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{ActorsInput, DateInput};

/// Who lost a place (`lost_by`): actor ids, written as one string or a list; `None` when the
/// file has something else there (validation says so).
#[derive(Debug, Clone, PartialEq)]
pub struct ActorList(pub Option<Vec<String>>);

/// An entry read on its own: one with a bad field is kept as the reason, so that its
/// neighbours (an event's other sources) are still read.
#[derive(Debug, Clone, PartialEq)]
pub enum Checked<T> {
    Valid(T),
    /// The first line of the reason.
    Invalid(String),
}

impl<'de> Deserialize<'de> for DateInput {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match toml::Value::deserialize(d)? {
            toml::Value::String(s) => DateInput::Text(s),
            toml::Value::Datetime(dt) => DateInput::Text(dt.to_string()),
            other => DateInput::NotText {
                found: other.type_str(),
            },
        })
    }
}

/// Written as a string (`"2017-11-09"`), as every writer has always written dates.
impl Serialize for DateInput {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DateInput::Text(text) => s.serialize_str(text),
            DateInput::NotText { found } => Err(S::Error::custom(format!(
                "a date cannot be written as a {found}"
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for ActorsInput {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match toml::Value::deserialize(d)? {
            toml::Value::String(s) => ActorsInput::One(s),
            toml::Value::Array(items) => match <[toml::Value; 2]>::try_from(items) {
                Ok([toml::Value::String(a), toml::Value::String(b)]) => ActorsInput::Two(a, b),
                _ => ActorsInput::Malformed,
            },
            _ => ActorsInput::Malformed,
        })
    }
}

/// One actor as a string, two (contested) as a list.
impl Serialize for ActorsInput {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ActorsInput::One(a) => s.serialize_str(a),
            ActorsInput::Two(a, b) => [a, b].serialize(s),
            ActorsInput::Malformed => Err(S::Error::custom(
                "a holder must be one actor or two to be written",
            )),
        }
    }
}

impl ActorsInput {
    /// The holder of a list of actor ids: one (held) or two (contested); `None` for any other
    /// number.
    pub fn of(ids: &[String]) -> Option<ActorsInput> {
        match ids {
            [a] => Some(ActorsInput::One(a.clone())),
            [a, b] => Some(ActorsInput::Two(a.clone(), b.clone())),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for ActorList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names = match toml::Value::deserialize(d)? {
            toml::Value::String(s) => Some(vec![s]),
            toml::Value::Array(items) => items
                .into_iter()
                .map(|i| match i {
                    toml::Value::String(s) => Some(s),
                    _ => None,
                })
                .collect(),
            _ => None,
        };
        Ok(ActorList(names))
    }
}

/// One actor as a string, several as a list, like `from` and `to`.
impl Serialize for ActorList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(ids) if ids.len() == 1 => s.serialize_str(&ids[0]),
            Some(ids) if !ids.is_empty() => ids.serialize(s),
            _ => Err(S::Error::custom("a list of actors needs at least one")),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Checked<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match T::deserialize(d) {
            Ok(t) => Checked::Valid(t),
            Err(e) => Checked::Invalid(e.to_string().lines().next().unwrap_or("").to_owned()),
        })
    }
}

impl<T: Serialize> Serialize for Checked<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Checked::Valid(t) => t.serialize(s),
            Checked::Invalid(why) => Err(S::Error::custom(format!(
                "an entry that could not be read cannot be written: {why}"
            ))),
        }
    }
}
