//! Share links: round trips, every error a reader can meet, and fuzzing that
//! decoding never panics.

use article_explorer::share::{
    self, decode, encode, encode_checked, Layers, ShareError, SharedView, MAX_DECODED_LEN,
    MAX_LINK_LEN,
};
use article_explorer::SAMPLE;
use proptest::prelude::*;

mod share_support;
use share_support::{link_view, CHROMIUM_LINK, MINIZ_LINK};

fn view(text: &str, selected: Option<u32>, layers: Layers) -> SharedView {
    SharedView {
        text: text.to_string(),
        selected,
        layers,
    }
}

fn check_round_trip(view: SharedView) {
    let fragment = encode(&view);
    assert!(fragment.starts_with("v1."), "{fragment}");
    assert!(
        fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
        "fragment must need no percent-encoding: {fragment}"
    );
    assert_eq!(decode(&fragment), Ok(view));
}

fn check_error(fragment: &str, expected: ShareError, message_part: &str) {
    let err = decode(fragment).expect_err(fragment);
    assert_eq!(err, expected, "decoding {fragment:?}");
    let message = err.to_string();
    assert!(
        message.contains(message_part),
        "{message:?} lacks {message_part:?}"
    );
}

/// Builds `v1.` + base64url(bytes) by hand, to forge links the encoder
/// would never make.
fn forge(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::from("v1.");
    for chunk in bytes.chunks(3) {
        let mut group = 0u32;
        for (i, &b) in chunk.iter().enumerate() {
            group |= u32::from(b) << (16 - 8 * i);
        }
        for i in 0..=chunk.len() {
            out.push(char::from(
                ALPHABET[((group >> (18 - 6 * i)) & 0x3f) as usize],
            ));
        }
    }
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A link whose checksum is right for `payload`, however odd the payload.
fn forge_payload(payload: &[u8]) -> String {
    let mut bytes = crc32(payload).to_be_bytes().to_vec();
    bytes.extend(miniz_oxide::deflate::compress_to_vec(payload, 6));
    forge(&bytes)
}

/// News-like prose of at least `min_len` bytes: sentences of words drawn
/// at random from the sample's vocabulary. Unlike the sample repeated, it
/// compresses about as badly as a real article of that length.
fn news_text(min_len: usize) -> String {
    let words = SAMPLE.split_whitespace().collect::<Vec<_>>();
    let mut state = 0x9e37_79b9_u32;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state as usize % n
    };
    let mut text = String::new();
    while text.len() < min_len {
        for _ in 0..12 + next(14) {
            text.push_str(words[next(words.len())]);
            text.push(' ');
        }
        text.pop();
        text.push_str(if next(4) == 0 { ".\n" } else { ". " });
    }
    text
}

#[test]
fn links_made_by_the_browser_decode_natively() {
    assert_eq!(encode(&link_view()), MINIZ_LINK);
    assert_ne!(MINIZ_LINK, CHROMIUM_LINK, "another deflate");
    assert_eq!(decode(CHROMIUM_LINK), Ok(link_view()));
}

#[test]
fn the_web_apps_steps_compose_to_encode_and_decode() {
    let view = link_view();
    let payload = share::payload(&view);
    let deflated = miniz_oxide::deflate::compress_to_vec(&payload, 10);
    assert_eq!(share::fragment(&payload, &deflated), Ok(encode(&view)));
    let packed = share::unpack(&encode(&view)).expect("a link");
    assert_eq!(packed.deflated, deflated);
    assert_eq!(packed.open(&payload), Ok(view));
    assert_eq!(
        packed.open(b"\x07another article"),
        Err(ShareError::ChecksumMismatch)
    );
    let long = "x".repeat(MAX_DECODED_LEN + 1);
    let payload = share::payload(&SharedView::new(long));
    let deflated = miniz_oxide::deflate::compress_to_vec(&payload, 10);
    assert!(
        share::fragment(&payload, &deflated).is_err(),
        "over the cap"
    );
}

#[test]
fn round_trips_plain_unicode_and_empty_articles() {
    let all = Layers::default();
    check_round_trip(view("", None, all));
    check_round_trip(view("A", None, all));
    check_round_trip(view(
        "“Ukraine seeks peace,” he said.\r\n- one\n- two",
        None,
        all,
    ));
    check_round_trip(view(
        "Ζελένσκι · 泽连斯基 · زيلينسكي · 🇺🇦\u{0}\u{feff}",
        None,
        all,
    ));
    check_round_trip(view(SAMPLE, None, all));
}

#[test]
fn round_trips_selection_and_layers() {
    for selected in [
        None,
        Some(0),
        Some(127),
        Some(128),
        Some(70_000),
        Some(u32::MAX),
    ] {
        for bits in 0..8u8 {
            let layers = Layers {
                actors: bits & 1 != 0,
                quotes: bits & 2 != 0,
                lists: bits & 4 != 0,
            };
            check_round_trip(view("Jane Doe said so.", selected, layers));
        }
    }
}

#[test]
fn new_view_selects_nothing_and_shows_every_layer() {
    let view = SharedView::new("text");
    assert_eq!(view.selected, None);
    assert_eq!(
        view.layers,
        Layers {
            actors: true,
            quotes: true,
            lists: true
        }
    );
}

#[test]
fn decode_accepts_hash_whole_url_whitespace_and_padding() {
    let view = SharedView {
        selected: Some(2),
        ..SharedView::new("Hello, world.")
    };
    let fragment = encode(&view);
    for input in [
        format!("#{fragment}"),
        format!("https://example.org/explorer/#{fragment}"),
        format!("  {fragment}\n"),
        format!("{fragment}=="),
    ] {
        assert_eq!(decode(&input), Ok(view.clone()), "{input}");
    }
}

#[test]
fn empty_fragment_is_empty_error() {
    check_error("", ShareError::Empty, "no shared article");
    check_error("#", ShareError::Empty, "no shared article");
    check_error("  ", ShareError::Empty, "no shared article");
}

#[test]
fn other_fragments_are_not_share_links() {
    for fragment in [
        "#about", "v", "v1", "vx.abc", "v.abc", "V1.abc", "v0.abc", "1.abc", "v-1.abc",
    ] {
        check_error(
            fragment,
            ShareError::NotAShareLink,
            "not an Article Explorer share link",
        );
    }
}

#[test]
fn future_versions_ask_for_a_newer_explorer() {
    check_error(
        "v9.AAAA",
        ShareError::UnknownVersion(9),
        "newer version of Article Explorer",
    );
    check_error("v2.", ShareError::UnknownVersion(2), "format v2");
    check_error(
        "v99999999999999999999.x",
        ShareError::UnknownVersion(u32::MAX),
        "newer version",
    );
}

#[test]
fn foreign_characters_are_bad_encoding() {
    let fragment = encode(&SharedView::new("Some article text."));
    for bad in [
        fragment.replacen('A', "+", 1).replace('-', "+"),
        format!("{fragment}/"),
        format!("{fragment}%20"),
        format!("{fragment}é"),
        format!("{}A", &fragment[..fragment.len() - fragment[3..].len() % 4]), // 4n+1 chars
    ] {
        if bad == fragment {
            continue;
        }
        check_error(
            &bad,
            ShareError::BadEncoding,
            "characters a share link never has",
        );
    }
}

#[test]
fn cut_off_links_are_truncated() {
    let fragment = encode(&SharedView::new(SAMPLE));
    // Cut at many points, keeping lengths base64 can express.
    for keep in (4..fragment.len() - 8).step_by(97).chain([3, 4, 5, 7, 8]) {
        let cut = &fragment[..keep];
        if (cut.len() - 3) % 4 == 1 {
            continue;
        }
        check_error(cut, ShareError::Truncated, "cut off");
    }
}

#[test]
fn changed_checksum_is_checksum_mismatch() {
    let fragment = encode(&SharedView::new(SAMPLE));
    // The first four characters after "v1." hold the checksum's top 24 bits.
    for pos in 3..7 {
        let mut bytes = fragment.clone().into_bytes();
        bytes[pos] = if bytes[pos] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(bytes).unwrap();
        check_error(&tampered, ShareError::ChecksumMismatch, "altered");
    }
}

#[test]
fn changed_text_with_old_checksum_is_checksum_mismatch() {
    // The checksum of one article in front of another article's data.
    let mut bytes = crc32(b"\x07Jane Doe said yes.").to_be_bytes().to_vec();
    bytes.extend(miniz_oxide::deflate::compress_to_vec(
        b"\x07Jane Doe said no.",
        6,
    ));
    check_error(&forge(&bytes), ShareError::ChecksumMismatch, "altered");
}

#[test]
fn flipped_data_character_is_never_silently_accepted() {
    let view = SharedView::new(SAMPLE);
    let fragment = encode(&view);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for pos in (7..fragment.len()).step_by(13) {
        let mut bytes = fragment.clone().into_bytes();
        let old = alphabet.iter().position(|&c| c == bytes[pos]).unwrap();
        bytes[pos] = alphabet[(old + 17) % 64];
        let tampered = String::from_utf8(bytes).unwrap();
        match decode(&tampered) {
            // Padding bits after the end of the deflate stream carry nothing.
            Ok(decoded) => assert_eq!(decoded, view, "position {pos}"),
            Err(err) => assert!(
                matches!(
                    err,
                    ShareError::ChecksumMismatch
                        | ShareError::Decompression
                        | ShareError::Truncated
                        | ShareError::BadEncoding
                        | ShareError::TooLarge { .. }
                ),
                "position {pos}: {err:?}"
            ),
        }
    }
}

#[test]
fn garbage_after_version_is_decompression_error() {
    // A checksum then a deflate block with the reserved block type 3.
    check_error(
        &forge(&[0, 0, 0, 0, 0b111, 0, 0]),
        ShareError::Decompression,
        "could not be unpacked",
    );
}

#[test]
fn zip_bomb_is_capped() {
    let bomb = vec![b'a'; MAX_DECODED_LEN + 1];
    let fragment = forge_payload(&bomb);
    assert!(
        fragment.len() < 10_000,
        "a small link: {} chars",
        fragment.len()
    );
    check_error(
        &fragment,
        ShareError::TooLarge {
            limit: MAX_DECODED_LEN,
        },
        "more than 2 MB",
    );
}

#[test]
fn payload_at_the_cap_still_decodes() {
    let mut payload = vec![0b111u8];
    payload.resize(MAX_DECODED_LEN, b'a');
    let decoded = decode(&forge_payload(&payload)).unwrap();
    assert_eq!(decoded.text.len(), MAX_DECODED_LEN - 1);
}

#[test]
fn absurdly_long_fragment_is_too_large() {
    let fragment = format!("v1.{}", "A".repeat(MAX_DECODED_LEN * 2 + 4));
    check_error(
        &fragment,
        ShareError::TooLarge {
            limit: MAX_DECODED_LEN,
        },
        "not opened",
    );
}

#[test]
fn invalid_utf8_article_is_invalid_utf8() {
    check_error(
        &forge_payload(b"\x07caf\xe9"),
        ShareError::InvalidUtf8,
        "not valid text",
    );
}

#[test]
fn malformed_payloads_are_malformed() {
    // Empty payload, unknown flag bits, a selection with no id, an endless varint.
    for payload in [&b""[..], b"\xf0text", b"\x08", b"\x08\x80\x80\x80\x80\x80"] {
        check_error(
            &forge_payload(payload),
            ShareError::Malformed,
            "not laid out as expected",
        );
    }
}

#[test]
fn every_error_has_a_sentence_for_the_reader() {
    let errors = [
        ShareError::Empty,
        ShareError::NotAShareLink,
        ShareError::UnknownVersion(3),
        ShareError::BadEncoding,
        ShareError::Truncated,
        ShareError::Decompression,
        ShareError::ChecksumMismatch,
        ShareError::TooLarge {
            limit: MAX_DECODED_LEN,
        },
        ShareError::InvalidUtf8,
        ShareError::Malformed,
        ShareError::Unsupported,
    ];
    for err in errors {
        let message = err.to_string();
        assert!(message.starts_with("This "), "{message}");
        assert!(message.ends_with('.'), "{message}");
    }
}

#[test]
fn sample_and_20kb_articles_fit_in_a_link() {
    let sample = encode_checked(&SharedView::new(SAMPLE)).unwrap();
    let news = news_text(20_000);
    let long = encode_checked(&SharedView {
        selected: Some(12),
        ..SharedView::new(news.clone())
    })
    .unwrap();
    println!(
        "sample: {} bytes of text -> {} character link",
        SAMPLE.len(),
        sample.len()
    );
    println!(
        "news: {} bytes of text -> {} character link",
        news.len(),
        long.len()
    );
    assert!(sample.len() < SAMPLE.len(), "compression must help");
    assert!(
        long.len() < MAX_LINK_LEN / 2,
        "20 KB gives {} chars",
        long.len()
    );
}

#[test]
fn incompressible_long_article_is_too_long_for_a_link() {
    // A xorshift stream of letters: the worst case for deflate.
    let mut state = 0x2545_f491_u32;
    let noise: String = (0..60_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            char::from(b'!' + (state % 90) as u8)
        })
        .collect();
    let err = encode_checked(&SharedView::new(noise)).unwrap_err();
    assert!(err.len > MAX_LINK_LEN);
    let message = err.to_string();
    assert!(message.contains("too long for a link ("), "{message}");
    assert!(
        message.contains("characters; links stop at 32000)"),
        "{message}"
    );
    assert!(
        message.ends_with("Download it as a file instead."),
        "{message}"
    );
}

#[test]
fn article_over_the_decode_cap_is_too_long_even_if_its_link_is_short() {
    let huge = SharedView::new("a".repeat(MAX_DECODED_LEN));
    let err = encode_checked(&huge).unwrap_err();
    assert!(
        err.len < MAX_LINK_LEN,
        "repetitive text compresses to {}",
        err.len
    );
    assert!(err.to_string().contains("(it is over 2 MB)"), "{err}");
    // The largest article that fits still round-trips.
    let largest = SharedView::new("a".repeat(MAX_DECODED_LEN - 1));
    assert_eq!(decode(&encode_checked(&largest).unwrap()), Ok(largest));
}

proptest! {
    #[test]
    fn round_trips_any_unicode_text(text in any::<String>(), selected in any::<Option<u32>>(), bits in 0u8..8) {
        let layers = Layers { actors: bits & 1 != 0, quotes: bits & 2 != 0, lists: bits & 4 != 0 };
        let view = SharedView { text, selected, layers };
        prop_assert_eq!(decode(&encode(&view)), Ok(view));
    }

    #[test]
    fn decode_never_panics_on_any_string(input in any::<String>()) {
        let _ = decode(&input);
    }

    #[test]
    fn decode_never_panics_on_base64ish_strings(body in "[A-Za-z0-9_=-]{0,200}") {
        let _ = decode(&format!("v1.{body}"));
    }

    #[test]
    fn decode_never_panics_on_mutated_links(
        text in "\\PC{0,300}",
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..4),
        cut in any::<prop::sample::Index>(),
    ) {
        let view = SharedView::new(text);
        let mut bytes = encode(&view).into_bytes();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                _ => bytes.insert(i, byte),
            }
        }
        let mutated = String::from_utf8_lossy(&bytes).into_owned();
        if let Ok(decoded) = decode(&mutated) {
            // Only an edit to padding bits may leave a link readable.
            prop_assert_eq!(decoded, view.clone());
        }
        let truncated: String = mutated.chars().take(cut.index(mutated.chars().count() + 1)).collect();
        let _ = decode(&truncated);
    }
}

#[test]
fn share_export_and_import_stay_pure() {
    // They are compiled natively and tested here; a UI dependency would
    // tie them to the browser.
    let sources = [
        ("share.rs", include_str!("../src/share.rs")),
        ("export.rs", include_str!("../src/export.rs")),
        ("import.rs", include_str!("../src/import.rs")),
    ];
    for (file, source) in sources {
        for ui_crate in ["leptos", "web_sys", "js_sys", "wasm_bindgen"] {
            assert!(!source.contains(ui_crate), "src/{file} names {ui_crate}");
        }
    }
}
