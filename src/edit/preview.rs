//! Loading the data shown for unsaved edits on a thread of its own, so that the window keeps
//! drawing while a large corpus loads (over a second at 100,000 events in a debug build).
//!
//! Every request gets a generation number, one more than the last. Only the newest
//! generation's result is ever handed back: a request overtaken before its load began is never
//! started (the worker always takes the newest request waiting), and the result of a load
//! overtaken while it ran is dropped on the worker, not returned. What the worker produced and
//! is no longer wanted (a stale result, or data the caller has finished with, see
//! [`Latest::discard`]) is freed on the worker too: dropping a large store takes time as well.
//!
//! Nothing here knows of a window: the caller polls ([`Latest::poll`]) and may be woken by a
//! callback ([`Latest::set_notify`]) when a result is ready.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::store::{DataSource, Store};

/// The worker that loads the data shown for the edits: the edited data source in, its store
/// out.
pub type PreviewLoader = Latest<DataSource, Store>;

impl Default for PreviewLoader {
    fn default() -> PreviewLoader {
        Latest::new(|source: DataSource| Store::load(&source))
    }
}

type Notify = Arc<dyn Fn() + Send + Sync>;

/// A worker thread that runs `work` on the newest request only. See the module's doc.
pub struct Latest<Req, Out> {
    shared: Arc<Shared<Req, Out>>,
    work: Arc<dyn Fn(Req) -> Out + Send + Sync>,
    /// Started with the first request: an app that never edits has no extra thread.
    thread: Option<JoinHandle<()>>,
    /// A request was made whose result has not been taken (nor cancelled).
    pending: bool,
}

struct Shared<Req, Out> {
    state: Mutex<State<Req, Out>>,
    /// Signalled when a request arrives, a result is ready, or the owner is gone.
    changed: Condvar,
}

struct State<Req, Out> {
    /// The newest generation asked for (or cancelled): any other result is stale.
    newest: u64,
    /// The request waiting for the worker, with its generation.
    next: Option<(u64, Req)>,
    /// The newest generation's result, until taken.
    done: Option<(u64, Out)>,
    /// Values to be dropped on the worker.
    trash: Vec<Out>,
    notify: Option<Notify>,
    /// The owner is gone: the worker stops after what it is doing.
    closed: bool,
}

impl<Req: Send + 'static, Out: Send + 'static> Latest<Req, Out> {
    /// A worker for `work`; no thread runs until the first request.
    pub fn new(work: impl Fn(Req) -> Out + Send + Sync + 'static) -> Self {
        Latest {
            shared: Arc::new(Shared {
                state: Mutex::new(State {
                    newest: 0,
                    next: None,
                    done: None,
                    trash: Vec::new(),
                    notify: None,
                    closed: false,
                }),
                changed: Condvar::new(),
            }),
            work: Arc::new(work),
            thread: None,
            pending: false,
        }
    }

    /// Asks for `work(request)` as the newest generation, which it returns. A request still
    /// waiting is replaced (it is never started); a load running is left to finish and its
    /// result dropped.
    pub fn request(&mut self, request: Req) -> u64 {
        self.start();
        if self.thread.is_none() {
            // No thread to be had: the load runs here, as it would without a worker.
            let out = (self.work)(request);
            let mut state = lock(&self.shared);
            state.newest += 1;
            state.done = Some((state.newest, out));
            self.pending = true;
            return state.newest;
        }
        let stale = {
            let mut state = lock(&self.shared);
            state.newest += 1;
            state.next = Some((state.newest, request));
            let stale = state.done.take();
            self.pending = true;
            stale
        };
        self.shared.changed.notify_all();
        if let Some((_, out)) = stale {
            self.discard(out);
        }
        self.generation()
    }

    /// Drops what was asked for: nothing waiting is started, nothing running is returned.
    pub fn cancel(&mut self) {
        let stale = {
            let mut state = lock(&self.shared);
            state.newest += 1;
            state.next = None;
            state.done.take()
        };
        self.pending = false;
        if let Some((_, out)) = stale {
            self.discard(out);
        }
    }

    /// The newest generation's result, once, when it is ready.
    pub fn poll(&mut self) -> Option<Out> {
        if !self.pending {
            return None;
        }
        let mut state = lock(&self.shared);
        let newest = state.newest;
        match state.done.take() {
            Some((generation, out)) if generation == newest => {
                self.pending = false;
                Some(out)
            }
            // The worker checks before it stores a result; this is one that raced a request.
            Some((_, out)) => {
                state.trash.push(out);
                drop(state);
                self.shared.changed.notify_all();
                None
            }
            None => None,
        }
    }

    /// Waits up to `timeout` for the newest generation's result (for tests and tools: a
    /// window polls instead).
    pub fn wait(&mut self, timeout: Duration) -> Option<Out> {
        let until = Instant::now() + timeout;
        loop {
            if let Some(out) = self.poll() {
                return Some(out);
            }
            let left = until.checked_duration_since(Instant::now())?;
            if !self.pending {
                return None;
            }
            let state = lock(&self.shared);
            if state.done.is_none() {
                drop(self.shared.changed.wait_timeout(state, left));
            }
        }
    }

    /// Whether a result was asked for and has not arrived yet.
    pub fn is_loading(&self) -> bool {
        self.pending
    }

    /// The newest generation asked for (0 before the first request).
    pub fn generation(&self) -> u64 {
        lock(&self.shared).newest
    }

    /// Called on the worker each time a result is ready (to wake a window that waits for
    /// input, say).
    pub fn set_notify(&mut self, notify: impl Fn() + Send + Sync + 'static) {
        lock(&self.shared).notify = Some(Arc::new(notify));
    }

    /// Whether a notify callback is set.
    pub fn has_notify(&self) -> bool {
        lock(&self.shared).notify.is_some()
    }

    /// Hands `out` to the worker to be dropped there (or here, when no worker runs).
    pub fn discard(&self, out: Out) {
        if self.thread.is_none() {
            return; // dropped here: nothing was ever loaded on a worker
        }
        lock(&self.shared).trash.push(out);
        self.shared.changed.notify_all();
    }

    fn start(&mut self) {
        if self.thread.is_some() {
            return;
        }
        let shared = Arc::clone(&self.shared);
        let work = Arc::clone(&self.work);
        let spawned = std::thread::Builder::new()
            .name("preview".into())
            .spawn(move || run(&shared, &*work));
        // Without a thread, [`Latest::request`] loads on the caller's thread.
        self.thread = spawned.ok();
    }
}

impl<Req, Out> Drop for Latest<Req, Out> {
    /// The worker stops after the load it is running (it is not waited for).
    fn drop(&mut self) {
        let mut state = lock(&self.shared);
        state.closed = true;
        state.next = None;
        drop(state);
        self.shared.changed.notify_all();
    }
}

/// The state, also after a panic elsewhere: `work` runs outside the lock, so a poisoned lock
/// is still consistent.
fn lock<Req, Out>(shared: &Shared<Req, Out>) -> MutexGuard<'_, State<Req, Out>> {
    shared
        .state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The worker: takes the newest request, runs it, keeps its result if it is still the newest.
fn run<Req, Out>(shared: &Shared<Req, Out>, work: &(dyn Fn(Req) -> Out + Send + Sync)) {
    loop {
        let (job, trash) = {
            let mut state = lock(shared);
            while state.next.is_none() && state.trash.is_empty() && !state.closed {
                state = shared
                    .changed
                    .wait(state)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
            (state.next.take(), std::mem::take(&mut state.trash))
        };
        drop(trash);
        let Some((generation, request)) = job else {
            if lock(shared).closed {
                return;
            }
            continue;
        };
        let out = work(request);
        let notify = {
            let mut state = lock(shared);
            if generation != state.newest || state.closed {
                drop(state);
                drop(out); // overtaken while it loaded
                continue;
            }
            state.done = Some((generation, out));
            state.notify.clone()
        };
        shared.changed.notify_all();
        if let Some(notify) = notify {
            notify();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    const LONG: Duration = Duration::from_secs(10);

    /// A worker whose every job says it started (with its request) and then waits for the
    /// test's go-ahead before it returns its request doubled.
    fn gated() -> (Latest<u32, u32>, mpsc::Receiver<u32>, mpsc::Sender<()>) {
        let (started_tx, started) = mpsc::channel();
        let (go, go_rx) = mpsc::channel::<()>();
        let go_rx = Mutex::new(go_rx);
        let worker = Latest::new(move |n: u32| {
            started_tx.send(n).unwrap();
            go_rx.lock().unwrap().recv_timeout(LONG).unwrap();
            n * 2
        });
        (worker, started, go)
    }

    #[test]
    fn a_result_is_handed_back_once_and_loading_says_so_until_then() {
        let (mut w, started, go) = gated();
        assert!(!w.is_loading() && w.poll().is_none());
        assert_eq!(w.request(21), 1);
        assert!(w.is_loading());
        assert_eq!(started.recv_timeout(LONG), Ok(21));
        assert_eq!(w.poll(), None, "not done before the go-ahead");
        assert!(w.is_loading());
        go.send(()).unwrap();
        assert_eq!(w.wait(LONG), Some(42));
        assert!(!w.is_loading());
        assert_eq!(w.poll(), None, "handed back once");
    }

    #[test]
    fn a_request_overtaken_before_it_started_is_never_started() {
        let (mut w, started, go) = gated();
        w.request(1);
        assert_eq!(started.recv_timeout(LONG), Ok(1));
        // The worker is busy with 1: 2 waits and is replaced by 3 before it starts.
        w.request(2);
        assert_eq!(w.request(3), 3);
        go.send(()).unwrap(); // 1 ends, stale
        assert_eq!(started.recv_timeout(LONG), Ok(3), "2 was never started");
        go.send(()).unwrap();
        assert_eq!(w.wait(LONG), Some(6), "only the newest result comes back");
        assert!(started.try_recv().is_err());
        assert_eq!(w.poll(), None);
    }

    #[test]
    fn the_result_of_a_load_overtaken_while_it_ran_is_dropped() {
        let (mut w, started, go) = gated();
        w.request(1);
        assert_eq!(started.recv_timeout(LONG), Ok(1));
        w.request(5);
        go.send(()).unwrap();
        assert_eq!(started.recv_timeout(LONG), Ok(5));
        // 1's result (2) was ready by now and is not handed back.
        assert_eq!(w.poll(), None);
        go.send(()).unwrap();
        assert_eq!(w.wait(LONG), Some(10));
    }

    #[test]
    fn a_cancelled_load_is_not_handed_back() {
        let (mut w, started, go) = gated();
        w.request(1);
        assert_eq!(started.recv_timeout(LONG), Ok(1));
        w.cancel();
        assert!(!w.is_loading());
        go.send(()).unwrap();
        assert_eq!(w.wait(Duration::from_millis(200)), None);
        // The worker is still there for the next request.
        w.request(4);
        go.send(()).unwrap();
        assert_eq!(w.wait(LONG), Some(8));
    }

    /// Records on which thread it is dropped.
    struct Tracked(Arc<Mutex<Vec<std::thread::ThreadId>>>);

    impl Drop for Tracked {
        fn drop(&mut self) {
            self.0.lock().unwrap().push(std::thread::current().id());
        }
    }

    #[test]
    fn discarded_and_stale_results_are_freed_on_the_worker_and_notify_wakes_the_caller() {
        let drops = Arc::new(Mutex::new(Vec::new()));
        let d = Arc::clone(&drops);
        let mut w = Latest::new(move |()| Tracked(Arc::clone(&d)));
        let (woken_tx, woken) = mpsc::channel();
        let woken_tx = Mutex::new(woken_tx);
        w.set_notify(move || woken_tx.lock().unwrap().send(()).unwrap());
        assert!(w.has_notify());
        w.request(());
        woken.recv_timeout(LONG).unwrap();
        let first = w.poll().expect("ready once notified");
        w.discard(first);
        let here = std::thread::current().id();
        let until = Instant::now() + LONG;
        while drops.lock().unwrap().is_empty() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
        let dropped = drops.lock().unwrap().clone();
        assert_eq!(dropped.len(), 1);
        assert_ne!(dropped[0], here, "freed on the worker");
    }
}
