//! Reading an article from a file for "Add article": plain text and Markdown as they are, and
//! a saved web page (`.html`, `.htm`) turned into plain text, one paragraph a line, so that a
//! quote copied from the page is found in the stored text.
//!
//! The extracted text is what is stored under `articles/`, byte for byte: quotes are checked
//! against it, never against the HTML.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use html2text::render::TrivialDecorator;

/// Articles are limited to this size by the loader; a larger page would not load either.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Pages nested deeper than this many elements are refused before they are parsed: the
/// parser's work grows with the depth, and a page of 100,000 nested elements took minutes.
pub const MAX_DEPTH: usize = 512;

/// A title offered from a text file's first line is at most this many characters.
const MAX_TITLE_CHARS: usize = 200;

/// Paragraphs are not wrapped below this many columns: a line break inside a sentence would
/// make a quote spanning it impossible to find.
const NO_WRAP: usize = 100_000;

/// An article's text read from a file, and its title when the file has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub text: String,
    /// From `<title>`, or the first `<h1>`; a text file's first line (a Markdown heading's
    /// text without its `#`).
    pub title: Option<String>,
}

/// Why a file could not be opened as an article. Each says which file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("type the path of a .txt, .md, .html or .htm file in \"File\", then \"Open file\"")]
    NoPath,
    #[error("{}: open a .txt, .md, .html or .htm file", path.display())]
    Kind { path: PathBuf },
    #[error("{}: cannot read it: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: the file is {size} bytes, over the 4 MiB an article may have; is it the right file?", path.display())]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: not UTF-8 text; save it as UTF-8 (in a browser: save the page as \"Web page, HTML only\")", path.display())]
    NotUtf8 { path: PathBuf },
    #[error("{}: no text could be read from this page: {source}. Copy the article's text from the browser and paste it instead", path.display())]
    Html {
        path: PathBuf,
        #[source]
        source: html2text::Error,
    },
    #[error("{}: nesting deeper than {MAX_DEPTH} elements at line {line}; Frontline reads pages up to {MAX_DEPTH} elements deep — save the article as plain text and open that", path.display())]
    TooDeep { path: PathBuf, line: usize },
    #[error("{}: reading it stopped before it was done; try again, or paste the text instead", path.display())]
    Stopped { path: PathBuf },
    #[error("{}: the page holds no text; copy the article's text from the browser and paste it instead", path.display())]
    Empty { path: PathBuf },
}

/// Reads an article's text from a `.txt`, `.md`, `.html` or `.htm` file.
pub fn open(path: &Path) -> Result<Opened, OpenError> {
    if path.as_os_str().is_empty() {
        return Err(OpenError::NoPath);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let html = match ext.as_str() {
        "txt" | "md" => false,
        "html" | "htm" => true,
        _ => {
            return Err(OpenError::Kind {
                path: path.to_owned(),
            });
        }
    };
    let io = |source| OpenError::Io {
        path: path.to_owned(),
        source,
    };
    let too_large = |size| OpenError::TooLarge {
        path: path.to_owned(),
        size,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    // At most one byte past the limit is read, whatever the file says its size is (a pipe,
    // a file still growing).
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|_| OpenError::NotUtf8 {
        path: path.to_owned(),
    })?;
    if !html {
        let title = first_line_title(&text);
        return Ok(Opened { text, title });
    }
    if let Some(line) = too_deep(&text, MAX_DEPTH) {
        return Err(OpenError::TooDeep {
            path: path.to_owned(),
            line,
        });
    }
    let extracted = html_to_text(&text).map_err(|source| OpenError::Html {
        path: path.to_owned(),
        source,
    })?;
    if extracted.trim().is_empty() {
        return Err(OpenError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(Opened {
        text: extracted,
        title: html_title(&text),
    })
}

/// A file being read and converted on a thread of its own, so that the window keeps drawing
/// meanwhile (a large page takes a while; a pipe, until its writer is done).
#[derive(Debug)]
pub struct Reading {
    pub path: PathBuf,
    done: mpsc::Receiver<Result<Opened, OpenError>>,
}

impl Reading {
    /// Starts reading `path`; `finished` is called from the reading thread once it is done
    /// (to wake the window).
    pub fn start(path: PathBuf, finished: impl FnOnce() + Send + 'static) -> Reading {
        let (tx, done) = mpsc::channel();
        let p = path.clone();
        std::thread::spawn(move || {
            _ = tx.send(open(&p));
            finished();
        });
        Reading { path, done }
    }

    /// The outcome, once the file has been read; `None` while it is being read.
    pub fn poll(&self) -> Option<Result<Opened, OpenError>> {
        match self.done.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(OpenError::Stopped {
                path: self.path.clone(),
            })),
        }
    }

    /// The file's name, as the window says it is being read.
    pub fn name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// A text file's first line that holds something, as a title (a Markdown heading without its
/// `#`s); `None` when it is too long to be one.
fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = line.trim_start_matches('#').trim();
    (!line.is_empty() && line.chars().count() <= MAX_TITLE_CHARS).then(|| line.to_owned())
}

/// Elements whose end tag may be left out (`<p>` closed by the next `<p>`), and those that
/// have none: they are not counted as nesting.
const NOT_NESTING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
    "colgroup", "rt", "rp", "html", "head", "body", "area", "base", "br", "col", "embed", "hr",
    "img", "input", "link", "meta", "source", "track", "wbr", "param",
];

/// The line (from 1) where a page's elements first nest deeper than `limit`, read from its
/// tags in one pass (comments, scripts and styles skipped); `None` when they never do.
pub fn too_deep(html: &str, limit: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut line = 1;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                line += 1;
                i += 1;
                continue;
            }
            b'<' => {}
            _ => {
                i += 1;
                continue;
            }
        }
        let rest = &html[i..];
        // Comments, and the text of scripts and styles, hold no elements.
        let skip_to = if rest.starts_with("<!--") {
            Some("-->")
        } else if starts_with_tag(rest, "script") {
            Some("</script")
        } else if starts_with_tag(rest, "style") {
            Some("</style")
        } else {
            None
        };
        if let Some(end) = skip_to {
            let lower_end =
                find_ascii_ci(&rest[1..], end).map_or(rest.len(), |e| e + 1 + end.len());
            line += memchr::memchr_iter(b'\n', &bytes[i..i + lower_end]).count();
            i += lower_end;
            continue;
        }
        let close = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = if close { 2 } else { 1 };
        let name: String = rest[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let tag_end = memchr::memchr(b'>', &bytes[i..]).map_or(bytes.len() - i, |e| e + 1);
        let self_closing = bytes[i..i + tag_end].ends_with(b"/>");
        if !name.is_empty() && !NOT_NESTING.contains(&name.as_str()) && !self_closing {
            if close {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                if depth > limit {
                    return Some(line);
                }
            }
        }
        line += memchr::memchr_iter(b'\n', &bytes[i..i + tag_end]).count();
        i += tag_end;
    }
    None
}

/// Whether `s` opens the tag `<name` (followed by `>`, a space or `/`), in any case.
fn starts_with_tag(s: &str, name: &str) -> bool {
    let b = s.as_bytes();
    b.len() > name.len() + 1
        && b[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
        && matches!(
            b[name.len() + 1],
            b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/'
        )
}

/// Where `needle` (ASCII) first occurs in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

/// The readable text of an HTML page: each paragraph, heading and list item on a line of its
/// own, blank lines between blocks, no link targets, no emphasis marks, tables read cell by
/// cell. Scripts and styles are left out, and so are the site's menus and footer (`<nav>`,
/// `<footer>`), which are not the article.
pub fn html_to_text(html: &str) -> Result<String, html2text::Error> {
    let html = without_elements(html, &["nav", "footer"]);
    let text = html2text::config::with_decorator(TrivialDecorator::new())
        .raw_mode(true)
        .no_link_wrapping()
        .allow_width_overflow()
        .string_from_read(html.as_bytes(), NO_WRAP)?;
    // Lines keep no trailing spaces, and the text ends with one line break.
    let mut out: String = text
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    let lead = out.len() - out.trim_start_matches('\n').len();
    out.replace_range(..lead, "");
    out.push('\n');
    Ok(out)
}

/// The page without the elements named (`<nav ...>...</nav>`; not nested in one another).
fn without_elements(html: &str, tags: &[&str]) -> String {
    let mut out = html.to_owned();
    for tag in tags {
        while let Some((start, end)) = element_span(&out, tag) {
            out.replace_range(start..end, "");
        }
    }
    out
}

/// The byte range of the first `<tag ...>...</tag>` element, tags included.
fn element_span(html: &str, tag: &str) -> Option<(usize, usize)> {
    let lower = html.to_ascii_lowercase();
    let (open, inner_start) = opening(&lower, tag)?;
    let close = inner_start + lower[inner_start..].find(&format!("</{tag}"))?;
    let end = close + lower[close..].find('>')? + 1;
    Some((open, end))
}

/// Where the first `<tag ...>` opens, and where its content starts (in a lowercased page).
fn opening(lower: &str, tag: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = lower[from..].find(&format!("<{tag}")) {
        let start = from + i;
        let after = start + 1 + tag.len();
        // `<nav>` or `<nav class=...>`, not `<navbar>`.
        if lower[after..].starts_with(['>', ' ', '\t', '\n', '\r', '/']) {
            return Some((start, after + lower[after..].find('>')? + 1));
        }
        from = after;
    }
    None
}

/// The page's title: its `<title>`, or else its first `<h1>`, as plain text on one line.
pub fn html_title(html: &str) -> Option<String> {
    ["title", "h1"]
        .into_iter()
        .filter_map(|tag| element_inner(html, tag))
        .map(|inner| {
            let text = html_to_text(&format!("<p>{inner}</p>")).unwrap_or_default();
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .find(|t| !t.is_empty())
}

/// The markup inside the first `<tag ...>...</tag>` of a page (tag names in any case).
fn element_inner<'a>(html: &'a str, tag: &str) -> Option<&'a str> {
    let lower = html.to_ascii_lowercase();
    let (_, inner_start) = opening(&lower, tag)?;
    let close = inner_start + lower[inner_start..].find(&format!("</{tag}"))?;
    Some(&html[inner_start..close])
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Iraqi forces enter Husaybah &amp; Al-Qa&#39;im | Test Wire</title>
<style>p { color: red }</style>
<script>var tracking = "do not keep";</script>
</head>
<body>
<nav><a href="/">Home</a></nav>
<h1>Iraqi forces enter <em>Husaybah</em></h1>
<p>BAGHDAD (Test Wire) - Iraqi forces <a href="https://example.org/q">entered Husaybah</a>
on Friday, a local official said.</p>
<p>The town is on the border with Syria.</p>
<ul><li>First item</li><li>Second item</li></ul>
<footer><a href="/terms">Terms</a></footer>
</body></html>
"#;

    #[test]
    fn a_page_becomes_paragraphs_of_plain_text_with_its_title() {
        let text = html_to_text(PAGE).unwrap();
        assert!(
            text.contains(
                "BAGHDAD (Test Wire) - Iraqi forces entered Husaybah on Friday, a local official said.\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("\nThe town is on the border with Syria.\n"),
            "{text}"
        );
        assert!(!text.contains("https://"), "no link targets: {text}");
        assert!(!text.contains("tracking"), "no scripts: {text}");
        assert!(!text.contains("color"), "no styles: {text}");
        assert!(
            !text.contains('*') && !text.contains('['),
            "no markup: {text}"
        );
        assert!(text.contains("First item") && text.contains("Second item"));
        assert!(
            !text.contains("Home") && !text.contains("Terms"),
            "no menus: {text}"
        );
        assert!(
            text.ends_with(".\n") || text.ends_with("item\n"),
            "{text:?}"
        );
        assert_eq!(
            html_title(PAGE).as_deref(),
            Some("Iraqi forces enter Husaybah & Al-Qa'im | Test Wire")
        );
        let no_title = PAGE.replace("<title>", "<!--").replace("</title>", "-->");
        assert_eq!(
            html_title(&no_title).as_deref(),
            Some("Iraqi forces enter Husaybah")
        );
    }

    #[test]
    fn files_are_read_by_kind_with_errors_that_name_them() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("story.HTML");
        std::fs::write(&page, PAGE).unwrap();
        let opened = open(&page).unwrap();
        assert!(opened.text.contains("entered Husaybah on Friday"));
        assert!(opened.title.unwrap().starts_with("Iraqi forces enter"));

        let txt = dir.path().join("a.txt");
        std::fs::write(&txt, "as it is <p>\n").unwrap();
        assert_eq!(open(&txt).unwrap().text, "as it is <p>\n");

        let pdf = dir.path().join("a.pdf");
        std::fs::write(&pdf, "x").unwrap();
        let e = open(&pdf).unwrap_err().to_string();
        assert!(e.contains("a.pdf") && e.contains(".html"), "{e}");

        let latin1 = dir.path().join("old.htm");
        std::fs::write(&latin1, b"<p>caf\xe9</p>").unwrap();
        let e = open(&latin1).unwrap_err().to_string();
        assert!(e.contains("old.htm") && e.contains("UTF-8"), "{e}");

        let empty = dir.path().join("empty.html");
        std::fs::write(&empty, "<html><body><script>x()</script></body></html>").unwrap();
        let e = open(&empty).unwrap_err().to_string();
        assert!(e.contains("empty.html") && e.contains("paste"), "{e}");

        let e = open(Path::new("")).unwrap_err().to_string();
        assert!(e.contains("type the path"), "{e}");

        let missing = dir.path().join("missing.html");
        let e = open(&missing).unwrap_err().to_string();
        assert!(e.contains("missing.html"), "{e}");
    }

    #[test]
    fn nesting_is_counted_by_elements_that_nest() {
        assert_eq!(too_deep(PAGE, 5), None);
        let deep = format!("<p>a\n{}x", "<div>".repeat(6));
        assert_eq!(too_deep(&deep, 5), Some(2));
        // Paragraphs and list items left open, void elements, comments and scripts do not nest.
        let flat = format!(
            "{}<!-- <div><div><div> -->\n<script>if (a<b) {{ x = '<div><div>'; }}</script>{}",
            "<p>one <li>two <br> <img src=x> ".repeat(50),
            "<div></div>".repeat(50)
        );
        assert_eq!(too_deep(&flat, 2), None);
        assert_eq!(too_deep("<DIV><Div><div/>", 1), Some(1));
    }

    #[test]
    fn a_text_file_offers_its_first_line_as_title() {
        assert_eq!(
            first_line_title("\n\n  A title \nbody").as_deref(),
            Some("A title")
        );
        assert_eq!(
            first_line_title("# Heading\ntext").as_deref(),
            Some("Heading")
        );
        assert_eq!(first_line_title(&"x".repeat(300)), None);
        assert_eq!(first_line_title("  \n"), None);
    }
}
