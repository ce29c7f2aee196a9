//! Shared by `tests/share.rs` (native, `miniz_oxide`) and `tests/web.rs`
//! (Chromium's `CompressionStream`): one view and the link each side made
//! of it, so each side checks that it opens the other's.

use article_explorer::share::{Layers, SharedView};

/// The view both links carry.
pub fn link_view() -> SharedView {
    SharedView {
        text: "“We will win,” said Jane Doe in Kyiv. “We will win,” said John Roe in Kyiv.\n\
               - More aid\n- More training"
            .into(),
        selected: Some(2),
        layers: Layers {
            actors: true,
            quotes: false,
            lists: true,
        },
    }
}

/// `share::encode(&link_view())`, made natively.
#[allow(dead_code)]
pub const MINIZ_LINK: &str = "v1.6cKsGHWKsQmAQBAEwVCwhy1ArcJIMTExPvDQg-cOXlHMvhBt7ivxE8HEZBiYKbIYrpFxiHMJWsZwYyWZ0JIyGmOIojtlr_F72qIYPmdeoTfPSPHVzZOo6PwA";

/// The web app's link for `link_view()`, made in Chromium by tests/web.rs's
/// steps (`share::payload`, the browser's deflate, `share::fragment`).
#[allow(dead_code)]
pub const CHROMIUM_LINK: &str = "v1.6cKsGONletQwJzxVoTwzJwdI5Ok8apirUJyYmaLglZiXquCSn6qQmafgXZlZpqeAU2V-Rp5CEJJKLl0F3_yiVAWgJIxZUpSYmZeZlw4A";
