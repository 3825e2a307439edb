//! The app's state in small plain types, below the panels: each is a value with methods and
//! unit tests, and none draws anything. Panels read them through the
//! [`ViewContext`](super::frame::ViewContext) and change them only by sending an
//! [`Action`](super::action::Action).

pub mod close;
pub mod compare;
pub mod dismissed;
pub mod notices;
pub mod story;
pub mod toggles;
