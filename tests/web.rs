//! Browser tests of the explorer components (wasm-bindgen-test in headless
//! Chromium): mount the app on a hand-built analysis and read the DOM.
//!
//! Run: CHROMEDRIVER=/usr/bin/chromedriver
//!      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//!      cargo test --target wasm32-unknown-unknown --test web
#![cfg(target_arch = "wasm32")]

use article_explorer::analysis::{
    Actor, ActorId, ActorKind, Analysis, Attribution, Block, BlockKind, List, Quote, Span,
};
use article_explorer::ui::{App, AppState, Notices};
use article_explorer::view::Doc;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "# Talks\n\
Jane Doe met Acme Corp in Paris.\n\
“We will win,” said Jane Doe.\n\
“Nothing is agreed,” an official said.\n\
“Maybe,” someone wrote.\n\
The plan includes these guarantees:\n\
- More aid for Paris\n\
- Training\n\
Acme Corp agreed with Jane Doe.";

fn span(needle: &str, nth: usize) -> Span {
    let start = TEXT
        .match_indices(needle)
        .nth(nth)
        .expect("needle in TEXT")
        .0;
    Span::new(start, start + needle.len())
}

fn all(needle: &str) -> Vec<Span> {
    TEXT.match_indices(needle)
        .map(|(start, w)| Span::new(start, start + w.len()))
        .collect()
}

/// Jane Doe (3 mentions, 1 quote), Acme Corp (2), Paris (2), an official
/// (1, 1 quote); one unattributed quote; one list of two items.
fn fixture() -> Analysis {
    let actor = |id, name: &str, kind, mentions| Actor {
        id: ActorId(id),
        name: name.into(),
        kind,
        mentions,
    };
    let mut blocks = Vec::new();
    let mut start = 0;
    for line in TEXT.split('\n') {
        let (kind, skip) = if line.starts_with("# ") {
            (BlockKind::Heading, 2)
        } else if line.starts_with("- ") {
            (BlockKind::ListItem, 2)
        } else {
            (BlockKind::Paragraph, 0)
        };
        blocks.push(Block {
            kind,
            span: Span::new(start + skip, start + line.len()),
        });
        start += line.len() + 1;
    }
    Analysis {
        actors: vec![
            actor(0, "Jane Doe", ActorKind::Person, all("Jane Doe")),
            actor(1, "Acme Corp", ActorKind::Organization, all("Acme Corp")),
            actor(2, "Paris", ActorKind::Place, all("Paris")),
            actor(3, "an official", ActorKind::Anonymous, all("an official")),
        ],
        quotes: vec![
            Quote {
                span: span("We will win,", 0),
                speaker: Some(ActorId(0)),
                cue: None,
                attribution: Some(Attribution::Cue),
            },
            Quote {
                span: span("Nothing is agreed,", 0),
                speaker: Some(ActorId(3)),
                cue: None,
                attribution: Some(Attribution::Cue),
            },
            Quote {
                span: span("Maybe,", 0),
                speaker: None,
                cue: None,
                attribution: None,
            },
        ],
        lists: vec![List {
            lead: Some(span("The plan includes these guarantees:", 0)),
            topic: Some("guarantees".into()),
            items: vec![span("More aid for Paris", 0), span("Training", 0)],
        }],
        blocks,
        ..Analysis::default()
    }
}

/// Mounts the whole app showing `doc` in a fresh element; returns the
/// element and the state.
async fn mount(doc: Doc) -> (Element, AppState) {
    let document = document();
    let parent = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&parent).unwrap();
    let state = AppState::new(doc);
    let handle = leptos::mount::mount_to(parent.clone().unchecked_into(), move || {
        provide_context(state);
        // The share and export controls in the page report through this.
        provide_context(Notices::new());
        view! { <App/> }
    });
    handle.forget();
    settle().await;
    (parent, state)
}

async fn mount_fixture() -> (Element, AppState) {
    mount(Doc::new(TEXT.to_string(), fixture())).await
}

/// Lets effects, timers and animation frames run.
async fn settle() {
    TimeoutFuture::new(60).await;
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|idx| list.item(idx).unwrap().unchecked_into())
        .collect()
}

fn click(el: &Element) {
    el.unchecked_ref::<HtmlElement>().click();
}

fn dispatch(el: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document().body().unwrap().dispatch_event(&event).unwrap();
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn renders_blocks_and_highlights() {
    let (root, _) = mount_fixture().await;
    let article = find(&root, "[data-testid=article-view]");
    assert_eq!(text(&find(&article, "h2")), "Talks");
    assert_eq!(find_all(&article, "p").len(), 6);
    assert_eq!(find_all(&article, "ul > li.hl.hl--item").len(), 2);
    assert_eq!(find_all(&article, ".hl.hl--actor").len(), 3 + 2 + 2 + 1);
    assert_eq!(
        find_all(&article, ".hl.hl--actor[data-actor=\"0\"]").len(),
        3
    );
    let quotes = find_all(&article, ".hl.hl--quote");
    assert_eq!(quotes.len(), 3);
    assert_eq!(quotes[0].get_attribute("data-quote").as_deref(), Some("0"));
    assert_eq!(
        quotes[0].get_attribute("data-speaker").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        quotes[2].get_attribute("data-speaker").as_deref(),
        Some("Unattributed")
    );
    assert!(find(&article, ".hl--lead")
        .text_content()
        .unwrap()
        .contains("guarantees"));
    assert_eq!(
        text(&find(&root, "[data-testid=status]")),
        "4 actors · 3 quotes · 1 list"
    );
}

#[wasm_bindgen_test]
async fn article_text_is_never_parsed_as_markup() {
    let hostile = "<b>bold</b> <img src=x onerror=alert(1)> & <script>x</script>";
    let (root, _) = mount(Doc::new(hostile.to_string(), Analysis::default())).await;
    let article = find(&root, "[data-testid=article-view]");
    assert!(article.query_selector("b, img, script").unwrap().is_none());
    assert_eq!(text(&article), hostile);
}

#[wasm_bindgen_test]
async fn layer_toggles_set_hide_classes() {
    let (root, _) = mount_fixture().await;
    let article = find(&root, "[data-testid=article-view]");
    let before = find_all(&article, "*").len();
    for (toggle, class) in [
        ("actors", "hide-actors"),
        ("quotes", "hide-quotes"),
        ("lists", "hide-lists"),
    ] {
        click(&find(&root, &format!("[data-testid=toggle-{toggle}]")));
        settle().await;
        assert!(
            article.class_list().contains(class),
            "{class} after switching {toggle} off"
        );
    }
    // The article is not re-rendered, only re-classed.
    assert_eq!(find_all(&article, "*").len(), before);
    click(&find(&root, "[data-testid=toggle-quotes]"));
    settle().await;
    assert!(!article.class_list().contains("hide-quotes"));
    assert!(article.class_list().contains("hide-actors"));
}

#[wasm_bindgen_test]
async fn selecting_an_actor_marks_exactly_its_mentions() {
    let (root, _) = mount_fixture().await;
    let article = find(&root, "[data-testid=article-view]");
    let items = find_all(&root, "[data-testid=actor-item]");
    assert_eq!(items.len(), 4);
    // Grouped by kind in kind order: person, organization, place, anonymous.
    assert_eq!(items[0].get_attribute("data-actor").as_deref(), Some("0"));
    click(&find(&root, "[data-testid=actor-item][data-actor=\"2\"]"));
    settle().await;
    assert_eq!(article.get_attribute("data-selected").as_deref(), Some("2"));
    let selected = find_all(&article, ".is-selected");
    assert_eq!(selected.len(), 2);
    assert!(selected
        .iter()
        .all(|el| el.get_attribute("data-actor").as_deref() == Some("2")));
    assert_eq!(find(&root, "#selected-h").text_content().unwrap(), "Paris");

    // Clicking a mention in the article selects its actor instead.
    click(&find(&article, ".hl--actor[data-actor=\"1\"]"));
    settle().await;
    assert_eq!(article.get_attribute("data-selected").as_deref(), Some("1"));
    assert_eq!(find_all(&article, ".is-selected").len(), 2);
}

#[wasm_bindgen_test]
async fn next_and_previous_step_through_mentions() {
    let (root, _) = mount_fixture().await;
    click(&find(&root, "[data-testid=actor-item][data-actor=\"0\"]"));
    settle().await;
    let next = find(&root, "[data-testid=mention-next]");
    let prev = find(&root, "[data-testid=mention-prev]");
    let position = || text(&find(&root, ".stepper__pos"));
    // Selecting from the panel shows the first mention.
    assert_eq!(position(), "1 of 3");
    click(&next);
    settle().await;
    assert_eq!(position(), "2 of 3");
    click(&next);
    settle().await;
    assert_eq!(position(), "3 of 3");
    click(&prev);
    click(&prev);
    click(&prev);
    settle().await;
    assert_eq!(position(), "3 of 3", "wraps around");
}

#[wasm_bindgen_test]
async fn escape_clears_the_selection() {
    let (root, state) = mount_fixture().await;
    let article = find(&root, "[data-testid=article-view]");
    click(&find(&root, "[data-testid=actor-item][data-actor=\"0\"]"));
    settle().await;
    assert!(article.has_attribute("data-selected"));
    press("Escape");
    settle().await;
    assert_eq!(state.selected.get_untracked(), None);
    assert!(!article.has_attribute("data-selected"));
    assert!(find_all(&article, ".is-selected").is_empty());
}

/// Waits for smooth scrolling (started by an earlier test) to end: a
/// scroll hides the tooltip, as it would leave it pointing at nothing.
async fn scroll_idle() {
    let window = web_sys::window().unwrap();
    let mut last = f64::NAN;
    for _ in 0..100 {
        let now = window.scroll_y().unwrap();
        if now == last {
            return;
        }
        last = now;
        TimeoutFuture::new(100).await;
    }
}

#[wasm_bindgen_test]
async fn hovering_a_mention_shows_its_tooltip() {
    let (root, _) = mount_fixture().await;
    scroll_idle().await;
    let mention = find(&root, ".hl--actor[data-actor=\"0\"]");
    dispatch(&mention, "mouseover");
    settle().await;
    let tooltip = find(&root, "[role=tooltip][data-testid=tooltip]");
    let content = text(&tooltip);
    assert!(content.contains("Jane Doe"), "{content}");
    assert!(content.contains("Person"), "{content}");
    assert!(content.contains("3 mentions"), "{content}");
    dispatch(&mention, "mouseout");
    settle().await;
    assert!(root
        .query_selector("[data-testid=tooltip]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn quote_and_list_entries_mark_their_target() {
    let (root, _) = mount_fixture().await;
    let article = find(&root, "[data-testid=article-view]");
    let quotes = find_all(&root, "[data-testid=quote-item]");
    assert_eq!(quotes.len(), 3);
    click(&find(&root, "[data-testid=quote-item][data-quote=\"1\"]"));
    settle().await;
    let targets = find_all(&article, ".is-target");
    assert_eq!(targets.len(), 1);
    assert_eq!(targets[0].get_attribute("data-quote").as_deref(), Some("1"));

    let items = find_all(&root, "[data-testid=list-item]");
    assert_eq!(items.len(), 2);
    click(&items[1]);
    settle().await;
    let targets = find_all(&article, ".is-target");
    assert_eq!(targets.len(), 1);
    assert_eq!(text(&targets[0]), "Training");
    assert!(text(&root).contains("Guarantees"));
}

#[wasm_bindgen_test]
async fn overview_and_quote_chart_count_right() {
    let (root, _) = mount_fixture().await;
    let overview = find(&root, "[data-testid=overview]");
    assert_eq!(find_all(&overview, ".ov-row[data-actor]").len(), 4);
    assert_eq!(
        find_all(&overview, ".ov-row[data-actor=\"0\"] .ov-mark").len(),
        3
    );
    assert_eq!(find_all(&overview, ".ov-row--quotes .ov-mark").len(), 3);
    let chart = find(&root, "[data-testid=quote-chart]");
    let bars = find_all(&chart, "[data-testid=bar]");
    assert_eq!(bars.len(), 2, "one bar per speaker, unattributed left out");
    assert!(bars
        .iter()
        .all(|bar| bar.get_attribute("data-count").as_deref() == Some("1")));
    assert_eq!(bars[0].get_attribute("data-words").as_deref(), Some("3"));
    assert!(text(&root).contains("Unattributed: 1 quote"));
}

#[wasm_bindgen_test]
async fn chart_marks_say_what_they_are_and_go_there() {
    let (root, state) = mount_fixture().await;
    scroll_idle().await;
    let overview = find(&root, "[data-testid=overview]");
    let mark = find(&overview, ".ov-row[data-actor=\"2\"] .ov-mark");
    assert_eq!(
        mark.get_attribute("aria-label").as_deref(),
        Some("Paris: mention 1 of 2")
    );
    dispatch(&mark, "mouseover");
    settle().await;
    assert_eq!(
        text(&find(&root, "[data-testid=tooltip]")),
        "Paris: mention 1 of 2"
    );
    dispatch(&mark, "mouseout");
    settle().await;
    assert!(root
        .query_selector("[data-testid=tooltip]")
        .unwrap()
        .is_none());
    click(&mark);
    settle().await;
    assert_eq!(state.selected.get_untracked(), Some(ActorId(2)));
    assert_eq!(text(&find(&root, ".stepper__pos")), "1 of 2");

    let quote = find(&overview, ".ov-row--quotes .ov-mark");
    assert!(quote
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("Quote 1 of 3, Jane Doe: “We will win"));
    click(&quote);
    settle().await;
    let targets = find_all(&root, "[data-testid=article-view] .is-target");
    assert_eq!(targets[0].get_attribute("data-quote").as_deref(), Some("0"));

    let bar = find(
        &root,
        "[data-testid=quote-chart] [data-testid=bar][data-actor=\"3\"]",
    );
    assert_eq!(
        text(&find(&bar, ".qc-label")),
        "an official: 1 quote, 3 words"
    );
    click(&bar);
    settle().await;
    assert_eq!(state.selected.get_untracked(), Some(ActorId(3)));
    state.select(None);
}

#[wasm_bindgen_test]
async fn selecting_an_actor_outside_the_top_rows_adds_its_row() {
    // Eight actors, one mention each but the first: the last is not among
    // the six top rows until it is selected.
    let text = "Ann Bo Cy Di Ed Fay Gus Hal and Ann.";
    let names = ["Ann", "Bo", "Cy", "Di", "Ed", "Fay", "Gus", "Hal"];
    let actors = names
        .iter()
        .enumerate()
        .map(|(idx, name)| Actor {
            id: ActorId(idx as u32),
            name: name.to_string(),
            kind: ActorKind::Person,
            mentions: text
                .match_indices(name)
                .map(|(at, w)| Span::new(at, at + w.len()))
                .collect(),
        })
        .collect();
    let analysis = Analysis {
        actors,
        blocks: vec![Block {
            kind: BlockKind::Paragraph,
            span: Span::new(0, text.len()),
        }],
        ..Analysis::default()
    };
    let (root, state) = mount(Doc::new(text.to_string(), analysis)).await;
    let rows = || find_all(&root, "[data-testid=overview] .ov-row[data-actor]");
    assert_eq!(rows().len(), 6);
    click(&find(&root, "[data-testid=actor-item][data-actor=\"7\"]"));
    settle().await;
    let shown = rows();
    assert_eq!(shown.len(), 7);
    assert_eq!(shown[6].get_attribute("data-actor").as_deref(), Some("7"));
    assert!(shown[6].class_list().contains("ov-row--extra"));
    assert_eq!(text_of_position(&root), "1 of 1");
    state.select(None);
}

fn text_of_position(root: &Element) -> String {
    text(&find(root, ".stepper__pos"))
}

/// Issue 11: a speaker found through a pronoun or carried over from the
/// previous quote looks and reads uncertain; one named at the quote does not.
#[wasm_bindgen_test]
async fn inferred_speakers_look_and_read_uncertain() {
    let mut analysis = fixture();
    analysis.quotes[1].attribution = Some(Attribution::Pronoun);
    analysis.quotes.push(Quote {
        span: span("Training", 0),
        speaker: Some(ActorId(0)),
        cue: None,
        attribution: Some(Attribution::Continued),
    });
    let (root, _) = mount(Doc::new(TEXT.to_string(), analysis)).await;
    let article = find(&root, "[data-testid=article-view]");
    let quote = |idx: usize| find(&article, &format!(".hl--quote[data-quote=\"{idx}\"]"));

    let certain = quote(0);
    assert!(!certain.class_list().contains("is-uncertain"));
    assert_eq!(
        certain.get_attribute("data-badge").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        certain.get_attribute("data-label").as_deref(),
        Some("(Speaker: Jane Doe, named with the quote)")
    );
    let pronoun = quote(1);
    assert!(pronoun.class_list().contains("is-uncertain"));
    assert_eq!(
        pronoun.get_attribute("data-badge").as_deref(),
        Some("an official?")
    );
    assert_eq!(
        pronoun.get_attribute("data-label").as_deref(),
        Some("(Speaker: an official, inferred from a pronoun (he, she, they))")
    );
    let continued = quote(3);
    assert!(continued.class_list().contains("is-uncertain"));
    assert_eq!(
        continued.get_attribute("data-badge").as_deref(),
        Some("Jane Doe?")
    );
    assert_eq!(
        continued.get_attribute("data-how").as_deref(),
        Some("continued")
    );
    // The badge is never part of the article's text.
    assert!(!text(&article).contains("Jane Doe?"));

    // The hover tooltip says how the speaker was found.
    scroll_idle().await;
    dispatch(&pronoun, "mouseover");
    settle().await;
    let tip = text(&find(&root, "[data-testid=tooltip]"));
    assert!(tip.contains("an official?"), "{tip}");
    assert!(tip.contains("Speaker inferred from a pronoun"), "{tip}");
    dispatch(&pronoun, "mouseout");

    // In the quotes panel: a dashed, "?"-badged entry whose accessible text
    // gives the reason; a certain one has no badge.
    let item = |idx: usize| {
        find(
            &root,
            &format!(".panel [data-testid=quote-item][data-quote=\"{idx}\"]"),
        )
    };
    let uncertain = item(1);
    assert!(uncertain.class_list().contains("is-uncertain"));
    let badge = find(&uncertain, ".quote-item__how");
    assert_eq!(text(&badge), "an official?");
    assert_eq!(
        badge.get_attribute("title").as_deref(),
        Some("Speaker: an official, inferred from a pronoun (he, she, they)")
    );
    assert!(text(&find(&uncertain, ".sr-only")).contains("inferred from a pronoun"));
    let sure = item(0);
    assert!(!sure.class_list().contains("is-uncertain"));
    assert!(sure.query_selector(".quote-item__how").unwrap().is_none());
    assert!(text(&find(&sure, ".sr-only")).contains("Speaker: Jane Doe, named with the quote"));
}

#[wasm_bindgen_test]
async fn mentions_say_they_can_be_selected_and_whether_they_are() {
    let (root, state) = mount_fixture().await;
    let article = find(&root, "[data-testid=article-view]");
    let mentions = find_all(&article, ".hl--actor");
    assert!(mentions
        .iter()
        .all(|m| m.get_attribute("role").as_deref() == Some("button")
            && m.get_attribute("aria-pressed").as_deref() == Some("false")));
    state.select(Some(ActorId(1)));
    settle().await;
    let pressed: Vec<String> = find_all(&article, ".hl--actor[aria-pressed=true]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(pressed, ["Acme Corp", "Acme Corp"]);
    // "1 mention", not "1 mentions".
    let count = find(&root, "[data-testid=actor-item][data-actor=\"3\"] .count");
    assert_eq!(
        count.get_attribute("aria-label").as_deref(),
        Some("1 mention")
    );
    // The layer switches are named without their shortcut digits.
    let switch = find(&root, "[data-testid=toggle-quotes]");
    assert_eq!(text(&switch.parent_element().unwrap()).trim(), "AaQuotes");
    state.select(None);
}

#[wasm_bindgen_test]
async fn single_key_shortcuts_can_be_turned_off() {
    let (root, state) = mount_fixture().await;
    let article = find(&root, "[data-testid=article-view]");
    let switch = find(&root, "[data-testid=toggle-single-keys]");
    click(&switch);
    settle().await;
    assert!(!state.single_keys.get_untracked());
    press("3");
    settle().await;
    assert!(
        !article.class_list().contains("hide-lists"),
        "3 does nothing now"
    );
    click(&switch);
    settle().await;
    press("3");
    settle().await;
    assert!(article.class_list().contains("hide-lists"));
    press("3");
    settle().await;
}

#[wasm_bindgen_test]
async fn replaced_text_comes_back_with_one_click() {
    let (root, _) = mount_fixture().await;
    let input: web_sys::HtmlTextAreaElement =
        find(&root, "[data-testid=article-input]").unchecked_into();
    click(&find(&root, "[data-testid=clear]"));
    for _ in 0..40 {
        settle().await;
        if root
            .query_selector("[data-testid=restore-previous]")
            .unwrap()
            .is_some()
        {
            break;
        }
    }
    assert_eq!(input.value(), "");
    assert!(text(&find(&root, "[data-testid=kept-notice]")).contains("cleared"));
    click(&find(&root, "[data-testid=restore-previous]"));
    settle().await;
    assert_eq!(input.value(), TEXT, "exactly the text that was there");
}

#[wasm_bindgen_test]
async fn clear_empties_the_article_and_updates_the_status() {
    let (root, _) = mount_fixture().await;
    click(&find(&root, "[data-testid=clear]"));
    for _ in 0..40 {
        settle().await;
        if text(&find(&root, "[data-testid=status]")).starts_with("0 actors") {
            break;
        }
    }
    assert_eq!(
        text(&find(&root, "[data-testid=status]")),
        "0 actors · 0 quotes · 0 lists"
    );
    let input: web_sys::HtmlTextAreaElement =
        find(&root, "[data-testid=article-input]").unchecked_into();
    assert_eq!(input.value(), "");
    assert_eq!(
        find(&root, "[data-testid=article-view]").child_element_count(),
        0
    );
}

#[wasm_bindgen_test]
async fn typing_reanalyses_after_a_pause() {
    let (root, _) = mount_fixture().await;
    let input: web_sys::HtmlTextAreaElement =
        find(&root, "[data-testid=article-input]").unchecked_into();
    input.set_value("A short new article.\nSecond paragraph.");
    dispatch(&input, "input");
    for _ in 0..40 {
        settle().await;
        if find_all(&root, "[data-testid=article-view] p").len() == 2 {
            break;
        }
    }
    let article = find(&root, "[data-testid=article-view]");
    assert_eq!(find_all(&article, "p").len(), 2);
    assert!(text(&article).contains("Second paragraph."));
}

#[wasm_bindgen_test]
async fn keyboard_shortcuts_step_and_toggle() {
    let (root, state) = mount_fixture().await;
    let article = find(&root, "[data-testid=article-view]");
    state.select(Some(ActorId(2)));
    settle().await;
    press("n");
    settle().await;
    assert_eq!(text(&find(&root, ".stepper__pos")), "1 of 2");
    press("p");
    settle().await;
    assert_eq!(text(&find(&root, ".stepper__pos")), "2 of 2");
    press("3");
    settle().await;
    assert!(article.class_list().contains("hide-lists"));
    let toggle: web_sys::HtmlInputElement =
        find(&root, "[data-testid=toggle-lists]").unchecked_into();
    assert!(!toggle.checked(), "the switch follows the shortcut");
    press("3");
    settle().await;
    assert!(!article.class_list().contains("hide-lists"));
    press("Escape");
    settle().await;
    assert_eq!(text(&find(&root, ".stepper__pos")), "");
}

#[wasm_bindgen_test]
async fn tab_stops_at_each_actors_first_mention_only() {
    let (root, state) = mount_fixture().await;
    let mentions = find_all(&root, ".hl--actor");
    let tab_stops: Vec<String> = mentions
        .iter()
        .filter(|m| m.get_attribute("tabindex").as_deref() == Some("0"))
        .map(text)
        .collect();
    assert_eq!(tab_stops, ["Jane Doe", "Acme Corp", "Paris", "an official"]);
    assert!(
        mentions
            .iter()
            .all(|m| matches!(m.get_attribute("tabindex").as_deref(), Some("0" | "-1"))),
        "every other mention still takes focus when stepped to"
    );
    // Stepping to a later mention focuses it.
    click(&find(&root, "[data-testid=actor-item][data-actor=\"0\"]"));
    settle().await;
    let next = find(&root, "[data-testid=mention-next]");
    click(&next);
    click(&next);
    settle().await;
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .expect("a focused element");
    assert!(root.contains(Some(&focused)));
    assert_eq!(focused.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(focused.get_attribute("data-actor").as_deref(), Some("0"));
    state.select(None);
}

#[wasm_bindgen_test]
async fn enter_on_a_focused_mention_selects_its_actor() {
    let (root, state) = mount_fixture().await;
    let mention = find(&root, ".hl--actor[data-actor=\"3\"]");
    assert_eq!(mention.get_attribute("tabindex").as_deref(), Some("0"));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    mention.dispatch_event(&event).unwrap();
    settle().await;
    assert_eq!(state.selected.get_untracked(), Some(ActorId(3)));
    // Escape pressed anywhere clears; several apps are mounted in this page
    // and all of them listen, which is fine here.
    press("Escape");
}

// Share links in the browser: the raw deflate is the browser's own
// CompressionStream, and must agree with the native miniz_oxide one.

use article_explorer::share::{self, ShareError, SharedView, MAX_DECODED_LEN};
use article_explorer::ui::deflate::{deflate, inflate};

mod share_support;
use share_support::{link_view, MINIZ_LINK};

async fn open_in_browser(fragment: &str) -> Result<SharedView, ShareError> {
    let packed = share::unpack(fragment)?;
    packed.open(&inflate(&packed.deflated).await?)
}

#[wasm_bindgen_test]
async fn browser_deflate_makes_links_that_open_and_reads_native_ones() {
    let view = link_view();
    let payload = share::payload(&view);
    let deflated = deflate(&payload).await.expect("CompressionStream");
    assert!(deflated.len() < payload.len(), "repeated text compresses");
    let fragment = share::fragment(&payload, &deflated).expect("short link");
    assert_eq!(open_in_browser(&fragment).await, Ok(view.clone()));
    assert_eq!(open_in_browser(MINIZ_LINK).await, Ok(view));
}

#[wasm_bindgen_test]
async fn browser_inflate_names_cut_damaged_and_oversized_links() {
    let payload = share::payload(&SharedView::new("Jane Doe said so. ".repeat(200)));
    let deflated = deflate(&payload).await.expect("CompressionStream");
    let cut = inflate(&deflated[..deflated.len() / 2]).await;
    assert_eq!(cut, Err(ShareError::Truncated));
    assert_eq!(
        inflate(&[0xff; 40]).await,
        Err(ShareError::Decompression),
        "not deflate at all"
    );
    // A small link that would unpack past the cap is stopped at the cap.
    let bomb = deflate(&vec![0; MAX_DECODED_LEN + 1])
        .await
        .expect("CompressionStream");
    assert!(bomb.len() < 10_000);
    assert_eq!(
        inflate(&bomb).await,
        Err(ShareError::TooLarge {
            limit: MAX_DECODED_LEN
        })
    );
    let at_cap = deflate(&vec![b'a'; MAX_DECODED_LEN])
        .await
        .expect("CompressionStream");
    assert_eq!(inflate(&at_cap).await.map(|p| p.len()), Ok(MAX_DECODED_LEN));
}

#[wasm_bindgen_test]
async fn a_browser_without_decompression_streams_says_so() {
    let global = js_sys::global();
    let name = wasm_bindgen::JsValue::from_str("DecompressionStream");
    let saved = js_sys::Reflect::get(&global, &name).unwrap();
    js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &name).unwrap();
    let result = inflate(&[0x03, 0x00]).await;
    js_sys::Reflect::set(&global, &name, &saved).unwrap();
    assert_eq!(result, Err(ShareError::Unsupported));
    assert_eq!(inflate(&[0x03, 0x00]).await, Ok(Vec::new()), "restored");
}
