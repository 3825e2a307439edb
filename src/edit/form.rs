//! The "Add article" form as typed, checked as the user types: the app draws it, this says
//! what is wrong and builds the [`NewArticle`] once nothing is.

use chrono::NaiveDate;

use super::{NewArticle, valid_id};
use crate::store::{DateBasis, Precision};

/// The form's fields, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleForm {
    pub id: String,
    pub title: String,
    pub outlet: String,
    /// `YYYY-MM-DD`, empty when unknown.
    pub date: String,
    pub date_basis: DateBasis,
    pub date_precision: Precision,
    pub url: String,
    pub language: String,
    /// The text, exactly as it will be stored.
    pub text: String,
}

impl Default for ArticleForm {
    fn default() -> ArticleForm {
        ArticleForm {
            id: String::new(),
            title: String::new(),
            outlet: String::new(),
            date: String::new(),
            date_basis: DateBasis::Stated,
            date_precision: Precision::Day,
            url: String::new(),
            language: "en".into(),
            text: String::new(),
        }
    }
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

impl ArticleForm {
    /// The article, or every problem with the form. `taken` says whether an id is in use.
    pub fn check(&self, taken: impl Fn(&str) -> bool) -> Result<NewArticle, Vec<String>> {
        let mut problems = Vec::new();
        let id = self.id.trim();
        if id.is_empty() {
            problems.push("give the article an id (letters, digits, - and _)".to_owned());
        } else if !valid_id(id) {
            problems.push(format!(
                "the id \"{id}\" may hold only ASCII letters, digits, - and _ (it names the file)"
            ));
        } else if taken(id) {
            problems.push(format!(
                "the id \"{id}\" is already used by another article"
            ));
        }
        if self.title.trim().is_empty() {
            problems.push("give the article a title (its headline)".to_owned());
        }
        if self.text.trim().is_empty() {
            problems.push("paste the article's text, or open a file".to_owned());
        }
        let date = match (self.date.trim(), self.date_basis) {
            ("", DateBasis::Unknown) => None,
            ("", _) => {
                problems.push(
                    "give the publication date (YYYY-MM-DD), or choose date basis \"unknown\""
                        .to_owned(),
                );
                None
            }
            (_, DateBasis::Unknown) => {
                problems.push("with date basis \"unknown\", leave the date empty".to_owned());
                None
            }
            (d, _) => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    problems.push(format!("\"{d}\" is not a date: write it as 2017-11-12"));
                    None
                }
            },
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(NewArticle {
            id: id.to_owned(),
            text: self.text.clone(),
            title: self.title.trim().to_owned(),
            outlet: opt(&self.outlet),
            date,
            date_basis: self.date_basis,
            date_precision: self.date_precision,
            url: opt(&self.url),
            language: opt(&self.language),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> ArticleForm {
        ArticleForm {
            id: "a-1".into(),
            title: "Title".into(),
            date: "2017-11-12".into(),
            text: "Some text.".into(),
            ..ArticleForm::default()
        }
    }

    #[test]
    fn a_filled_form_makes_an_article() {
        let a = filled().check(|_| false).unwrap();
        assert_eq!(a.id, "a-1");
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2017, 11, 12));
        assert_eq!(a.outlet, None);
        assert_eq!(a.language.as_deref(), Some("en"));
    }

    #[test]
    fn every_problem_is_listed() {
        let empty = ArticleForm::default().check(|_| false).unwrap_err();
        assert_eq!(empty.len(), 4, "{empty:?}");
        let taken = filled().check(|id| id == "a-1").unwrap_err();
        assert!(taken[0].contains("already used"), "{taken:?}");
        let bad_date = ArticleForm {
            date: "12/11/2017".into(),
            ..filled()
        };
        assert!(bad_date.check(|_| false).unwrap_err()[0].contains("not a date"));
        let unknown = ArticleForm {
            date: String::new(),
            date_basis: DateBasis::Unknown,
            ..filled()
        };
        assert_eq!(unknown.check(|_| false).unwrap().date, None);
    }
}
