//! Articles read from files in "Add article": dropped onto the window, and read off the
//! window's thread, so that a hostile page is refused in bounded time while the window keeps
//! drawing.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::app::shows;
use egui_kittest::Harness;
use frontline::app::FrontlineApp;

/// A file dropped onto the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut Harness<FrontlineApp>, path: &Path) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_owned())));
    h.step();
}

/// Draws frames until the file is read; returns how many were drawn meanwhile.
fn wait_read(h: &mut Harness<FrontlineApp>, within: Duration) -> usize {
    let deadline = Instant::now() + within;
    let mut frames = 0;
    while h.state().windows.add_article.is_reading() {
        assert!(Instant::now() < deadline, "still reading after {within:?}");
        std::thread::sleep(Duration::from_millis(5));
        h.step();
        frames += 1;
    }
    h.run();
    frames
}

#[test]
fn a_text_file_dropped_on_the_window_opens_add_article_with_its_first_line_as_title() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("rawa.txt");
    let text = "\n  Iraqi forces retake Rawa  \nIraqi forces recaptured Rawa on Friday.\n";
    std::fs::write(&file, text).unwrap();
    let mut h = common::app::bundled();
    assert!(!h.state().windows.add_article.open);
    drop_file(&mut h, &file);
    assert!(
        h.state().windows.add_article.open,
        "a drop opens Add article"
    );
    wait_read(&mut h, Duration::from_secs(10));
    let w = &h.state().windows.add_article;
    assert_eq!(w.form.text, text, "the text as it is in the file");
    assert_eq!(w.form.title, "Iraqi forces retake Rawa");
    assert_eq!(w.path, file.display().to_string());
    assert!(w.file_error.is_none());
}

#[test]
fn a_dropped_file_of_another_kind_is_refused_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("scan.pdf");
    std::fs::write(&file, "%PDF").unwrap();
    let mut h = common::app::bundled();
    drop_file(&mut h, &file);
    wait_read(&mut h, Duration::from_secs(10));
    assert!(shows(&h, "scan.pdf: open a .txt, .md, .html or .htm file"));
    assert!(h.state().windows.add_article.form.text.is_empty());
}

/// A page of 100,000 nested elements, about 1.1 MB.
fn hostile_page() -> String {
    let mut page = String::from("<html><body>\n");
    for _ in 0..100_000 {
        page.push_str("<div>");
    }
    page.push_str("deep");
    for _ in 0..100_000 {
        page.push_str("</div>");
    }
    page.push_str("\n</body></html>\n");
    page
}

#[cfg(unix)]
#[test]
fn a_deeply_nested_page_is_refused_in_bounded_time_while_the_window_keeps_drawing() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    // A pipe: reading it waits for its writer, so the read is certainly still going while
    // the test draws frames.
    let pipe = tmp.path().join("page.html");
    let c = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let mut h = common::app::bundled();
    drop_file(&mut h, &pipe);
    // The window draws, and says what it is doing, while the file cannot be read yet.
    for _ in 0..5 {
        let started = Instant::now();
        h.step();
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "a frame took too long"
        );
    }
    assert!(h.state().windows.add_article.is_reading());
    assert!(shows(&h, "Reading page.html…"));
    let page = hostile_page();
    assert!(page.len() > 1_000_000);
    let writer = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new().write(true).open(&pipe).unwrap();
        // The reader may stop at the limit and close its end: a broken pipe is fine then.
        _ = f.write_all(page.as_bytes());
    });
    let started = Instant::now();
    wait_read(&mut h, Duration::from_secs(10));
    writer.join().unwrap();
    let error = h.state().windows.add_article.file_error.clone().unwrap();
    assert!(
        error.contains("page.html: nesting deeper than 512 elements at line 2"),
        "{error}"
    );
    assert!(error.contains("save the article as plain text"), "{error}");
    assert!(shows(&h, "nesting deeper than 512 elements"));
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_deeply_nested_page_file_is_refused_quickly() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("page.html");
    std::fs::write(&file, hostile_page()).unwrap();
    let started = Instant::now();
    let e = frontline::edit::import::open(&file)
        .unwrap_err()
        .to_string();
    eprintln!(
        "a page of 100,000 nested elements refused in {:?}",
        started.elapsed()
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert!(
        e.contains("nesting deeper than 512 elements at line 2"),
        "{e}"
    );
    // Just under the limit, a page is read, and in bounded time too.
    let nested = format!(
        "<html><body>{}<p>Iraqi forces recaptured Rawa.</p>{}</body></html>",
        "<div>".repeat(500),
        "</div>".repeat(500)
    );
    std::fs::write(&file, nested).unwrap();
    let started = Instant::now();
    let opened = frontline::edit::import::open(&file).unwrap();
    eprintln!(
        "a page of 500 nested elements read in {:?}",
        started.elapsed()
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(opened.text, "Iraqi forces recaptured Rawa.\n");
}

#[test]
fn a_file_chosen_in_the_file_dialog_is_read_into_add_article() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("rawa.txt"),
        "Rawa retaken\nIraqi forces recaptured Rawa.\n",
    )
    .unwrap();
    std::fs::write(tmp.path().join("notes.pdf"), "%PDF").unwrap();
    // The dialog's own path and file-name fields have no accessible names (egui_file draws
    // them unlabelled): the check that every field is named is off for this test only.
    let app = FrontlineApp::new(
        frontline::bundled::store(),
        &frontline::app::LaunchOptions::default(),
        None,
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(64)
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut FrontlineApp| app.ui(ui), app);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    // The dialog opens in the folder of the file typed.
    let typed = tmp.path().join("x.txt");
    h.get_by_role_and_label(Role::TextInput, "File").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "File")
        .type_text(typed.to_str().unwrap());
    h.run();
    h.get_by_label("Browse…").click();
    h.run();
    assert!(shows(&h, "Open an article"), "the dialog is open");
    assert!(
        !shows(&h, "notes.pdf"),
        "only the kinds an article is read from"
    );
    h.get_by_label_contains("rawa.txt").click();
    h.run();
    h.get_by_label("Open").click();
    h.run();
    wait_read(&mut h, Duration::from_secs(10));
    let w = &h.state().windows.add_article;
    assert_eq!(w.form.title, "Rawa retaken");
    assert_eq!(w.form.text, "Rawa retaken\nIraqi forces recaptured Rawa.\n");
    assert!(!shows(&h, "Open an article"), "the dialog closed");
}
