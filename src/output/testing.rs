//! Test helpers for writing into places that refuse it, and under a chosen umask.

use std::path::Path;
use std::sync::Mutex;

/// The umask is the process's: tests that set it, or that look at the mode of a new file, take
/// this lock so that they do not see each other's.
pub(crate) static UMASK: Mutex<()> = Mutex::new(());

/// Runs `f` with the process's umask set to `mask`, then puts the old one back.
pub(crate) fn with_umask<R>(mask: u32, f: impl FnOnce() -> R) -> R {
    let _lock = UMASK.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: umask(2) cannot fail; it only swaps the process's mask.
    let old = unsafe { libc::umask(mask as libc::mode_t) };
    let out = f();
    // SAFETY: as above.
    unsafe { libc::umask(old) };
    out
}

/// Runs `f` on a thread that cannot create files in `dir`, as a user meets a read-only
/// directory: `dir` is made `r-x` for everyone (and made writable again afterwards).
///
/// Root passes over permissions, and these tests often run as root. So when the process is
/// root, the thread also takes an unprivileged file-system identity (Linux's `setfsuid`,
/// which acts on the calling thread only and takes away the thread's capabilities to override
/// file permissions with it): the kernel then checks the directory's permissions for that
/// thread exactly as for a user. The rest of the process stays root. `dir`'s parents must let
/// everyone through (a `tempfile::tempdir()` does: `/tmp`, and `dir` itself is chmodded here).
///
/// Returns `None`, after printing why, when the directory still takes a file (some other
/// system): the caller then has nothing to check.
pub(crate) fn in_read_only_dir<R: Send>(dir: &Path, f: impl FnOnce() -> R + Send) -> Option<R> {
    use std::os::unix::fs::PermissionsExt;
    let mode = |m| std::fs::set_permissions(dir, std::fs::Permissions::from_mode(m));
    mode(0o555).expect("chmod the directory read-only");
    let out = std::thread::scope(|s| {
        s.spawn(|| {
            // SAFETY: plain system calls; they change this thread's credentials only, and the
            // thread ends with the scope.
            if unsafe { libc::geteuid() } == 0 {
                const NOBODY: u32 = 65534;
                unsafe {
                    libc::setfsgid(NOBODY);
                    libc::setfsuid(NOBODY);
                }
            }
            let probe = dir.join(".probe-writable");
            if std::fs::File::create(&probe).is_ok() {
                let _ = std::fs::remove_file(&probe);
                eprintln!(
                    "skipped: {} is still writable for this thread (not Linux permissions?)",
                    dir.display()
                );
                return None;
            }
            Some(f())
        })
        .join()
        .expect("the read-only thread panicked")
    });
    mode(0o755).expect("chmod the directory back");
    out
}
