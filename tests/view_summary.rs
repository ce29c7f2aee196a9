//! Native tests of the panel and chart data: prominence, colours, grouping,
//! labels, stepping, the overview and the who-is-quoted chart.

use article_explorer::analysis::{
    Actor, ActorId, ActorKind, Analysis, Attribution, List, Quote, Span,
};
use article_explorer::view::{
    actors_by_kind, colour_slots, excerpt, list_title, plural, prominence, quotes_by_speaker,
    status_line, step, word_count, N_COLOURS,
};

fn actor(id: u32, kind: ActorKind, n_mentions: usize) -> Actor {
    let mentions = (0..n_mentions)
        .map(|idx| Span::new(idx * 10, idx * 10 + 3))
        .collect();
    Actor {
        id: ActorId(id),
        name: format!("A{id}"),
        kind,
        mentions,
    }
}

fn quote(start: usize, end: usize, speaker: Option<u32>) -> Quote {
    Quote {
        span: Span::new(start, end),
        speaker: speaker.map(ActorId),
        cue: None,
        attribution: speaker.map(|_| Attribution::Cue),
    }
}

fn ids(ids: &[ActorId]) -> Vec<u32> {
    ids.iter().map(|id| id.0).collect()
}

#[test]
fn prominence_sorts_by_mentions_then_first_mention() {
    let analysis = Analysis {
        actors: vec![
            actor(0, ActorKind::Person, 1),
            actor(1, ActorKind::Country, 5),
            actor(2, ActorKind::Person, 1),
            actor(3, ActorKind::Person, 2),
        ],
        ..Analysis::default()
    };
    assert_eq!(ids(&prominence(&analysis)), [1, 3, 0, 2]);
    let groups = actors_by_kind(&analysis);
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].kind, ActorKind::Person);
    assert_eq!(ids(&groups[0].actors), [3, 0, 2]);
    assert_eq!(ids(&groups[1].actors), [1]);
}

#[test]
fn the_most_prominent_actors_get_distinct_colours() {
    let actors = (0..12)
        .map(|id| actor(id, ActorKind::Group, id as usize + 1))
        .collect();
    let slots = colour_slots(&Analysis {
        actors,
        ..Analysis::default()
    });
    // Actor 11 has the most mentions, so the first colour.
    assert_eq!(slots[11], 0);
    assert_eq!(slots[4], 7);
    assert!(slots[..4].iter().all(|&slot| slot == N_COLOURS));
}

#[test]
fn quotes_group_by_speaker_most_quoted_first_unattributed_last() {
    let analysis = Analysis {
        actors: vec![
            actor(0, ActorKind::Person, 1),
            actor(1, ActorKind::Person, 1),
        ],
        quotes: vec![
            quote(0, 1, None),
            quote(2, 3, Some(0)),
            quote(4, 5, Some(1)),
            quote(6, 7, Some(1)),
        ],
        ..Analysis::default()
    };
    let groups = quotes_by_speaker(&analysis);
    let shape: Vec<(Option<u32>, Vec<usize>)> = groups
        .iter()
        .map(|g| (g.speaker.map(|id| id.0), g.quotes.clone()))
        .collect();
    assert_eq!(
        shape,
        [(Some(1), vec![2, 3]), (Some(0), vec![1]), (None, vec![0])]
    );
}

#[test]
fn status_line_counts_with_plurals() {
    let mut analysis = Analysis::default();
    assert_eq!(status_line(&analysis), "0 actors · 0 quotes · 0 lists");
    analysis.actors.push(actor(0, ActorKind::Person, 1));
    analysis.quotes.push(quote(0, 1, None));
    analysis.lists.push(List {
        lead: None,
        topic: None,
        items: vec![],
    });
    assert_eq!(status_line(&analysis), "1 actor · 1 quote · 1 list");
    // Regression: a screen reader heard "1 mentions" on an actor's count.
    assert_eq!(plural(1, "mention", "mentions"), "1 mention");
    assert_eq!(plural(0, "mention", "mentions"), "0 mentions");
}

#[test]
fn list_titles_capitalise_the_topic() {
    let list = |topic: Option<&str>| List {
        lead: None,
        topic: topic.map(String::from),
        items: vec![],
    };
    assert_eq!(list_title(&list(Some("guarantees")), 0), "Guarantees");
    assert_eq!(list_title(&list(Some("élan")), 0), "Élan");
    assert_eq!(list_title(&list(Some("  ")), 2), "List 3");
    assert_eq!(list_title(&list(None), 0), "List 1");
}

#[test]
fn excerpts_cut_on_characters_not_bytes() {
    assert_eq!(excerpt("short  text\n here", 40), "short text here");
    assert_eq!(excerpt("ééééééééé", 5), "éééé…");
    assert_eq!(excerpt("", 5), "");
    assert_eq!(word_count("We will — win, 2 times."), 5);
}

#[test]
fn stepping_wraps_both_ways() {
    let cases = [
        (None, 3, true, Some(0)),
        (None, 3, false, Some(2)),
        (Some(2), 3, true, Some(0)),
        (Some(0), 3, false, Some(2)),
        (Some(1), 3, true, Some(2)),
        (Some(9), 3, false, Some(1)),
        (Some(0), 0, true, None),
    ];
    for (current, len, forward, expected) in cases {
        assert_eq!(
            step(current, len, forward),
            expected,
            "{current:?} of {len}, forward {forward}"
        );
    }
}

#[test]
fn doc_helpers_name_colour_and_quotes_of_an_actor() {
    use article_explorer::view::Doc;
    let text = "aaa bbb ccc ddd eee fff ggg hhh iii jjj".to_string();
    let mut actors: Vec<Actor> = (0..10).map(|id| actor(id, ActorKind::Person, 1)).collect();
    actors[9].mentions.push(Span::new(36, 39));
    let analysis = Analysis {
        actors,
        quotes: vec![
            quote(0, 3, Some(9)),
            quote(4, 7, None),
            quote(8, 11, Some(9)),
        ],
        ..Analysis::default()
    };
    let doc = Doc::new(text, analysis);
    assert_eq!(doc.colour_class(ActorId(9)), "c0");
    assert_eq!(doc.colour_class(ActorId(0)), "c1");
    assert_eq!(doc.colour_class(ActorId(8)), "c-other");
    assert_eq!(doc.colour_class(ActorId(99)), "c-other");
    assert_eq!(doc.actor_name(ActorId(9)), "A9");
    assert_eq!(doc.actor_name(ActorId(99)), "");
    assert_eq!(doc.n_mentions(ActorId(9)), 2);
    assert_eq!(doc.quotes_of(ActorId(9)), [0, 2]);
    assert_eq!(doc.slice(Span::new(4, 7)), "bbb");
}
