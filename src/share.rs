//! The article ↔ URL fragment codec: a whole article and what the reader was
//! looking at, packed into `#v1.…` so a link carries it with no server.
//!
//! # Format
//!
//! `v1.` followed by base64url (RFC 4648 §5, no padding) of
//!
//! ```text
//! crc32(payload) as 4 big-endian bytes ++ raw_deflate(payload)
//! ```
//!
//! where `payload` is one flag byte (bit 0 actors, bit 1 quotes, bit 2
//! lists, bit 3 "an actor is selected"), the selected actor id as a LEB128
//! varint when bit 3 is set, then the article as UTF-8.
//!
//! The checksum sits in front of the deflate stream so that a link cut
//! short (the common accident when copying from chat) ends the deflate
//! stream early and reads as [`ShareError::Truncated`], while an edited
//! character is caught by the checksum. Decoding is total: whatever the
//! fragment, it returns `Ok` or `Err`, never panics, and never inflates more
//! than [`MAX_DECODED_LEN`] bytes.
//!
//! # Who deflates
//!
//! This module frames and checks; the raw deflate itself comes from the
//! host. In the web app it is the browser's own `CompressionStream` and
//! `DecompressionStream` (`ui::deflate`), so the page ships no compressor;
//! natively (the CLI's library, the tests) [`encode`] and [`decode`] use
//! `miniz_oxide`. Both write standard raw deflate, so links made by either
//! open in the other. The steps, for a host with its own deflate:
//!
//! ```text
//! encode: payload(view) → deflate → fragment(payload, deflated)
//! decode: unpack(fragment) → inflate(packed.deflated) → packed.open(payload)
//! ```

use std::fmt;

/// The longest fragment [`encode_checked`] hands out, in characters.
///
/// Every current browser takes far longer URLs (Chromium about 2 MB,
/// Firefox and Safari several tens of thousands of characters and more),
/// so the limit is set by where links travel: 32,000 characters leave room
/// for the page address and still fit in a single Slack message (40,000)
/// or an email, and stay short enough for address bars and history to
/// remain responsive. Longer articles should be shared as a file.
pub const MAX_LINK_LEN: usize = 32_000;

/// The most bytes a fragment may inflate to (2 MiB), so a small hostile
/// link (a "zip bomb") cannot make the page allocate without bound.
pub const MAX_DECODED_LEN: usize = 2 * 1024 * 1024;

/// What a share link restores: the article and how it was being viewed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedView {
    pub text: String,
    /// The selected actor's id (`ActorId.0`), if any.
    pub selected: Option<u32>,
    pub layers: Layers,
}

/// Which highlight layers are switched on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layers {
    pub actors: bool,
    pub quotes: bool,
    pub lists: bool,
}

impl Default for Layers {
    /// Everything on, as on first load.
    fn default() -> Layers {
        Layers {
            actors: true,
            quotes: true,
            lists: true,
        }
    }
}

impl SharedView {
    /// An article with nothing selected and every layer on.
    pub fn new(text: impl Into<String>) -> SharedView {
        SharedView {
            text: text.into(),
            selected: None,
            layers: Layers::default(),
        }
    }
}

/// Why a fragment could not be read as a share link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing after the `#`.
    Empty,
    /// Does not start with `v<number>.`: some other fragment or link.
    NotAShareLink,
    /// A well-formed version this build does not know, from a newer release.
    UnknownVersion(u32),
    /// A character outside the base64url alphabet, or an impossible length.
    BadEncoding,
    /// The link ends before its data does: it was cut off when copied.
    Truncated,
    /// The compressed data is not valid deflate.
    Decompression,
    /// The data decoded, but not to what was encoded: the link was altered.
    ChecksumMismatch,
    /// The data would inflate past [`MAX_DECODED_LEN`].
    TooLarge { limit: usize },
    /// The article is not valid UTF-8.
    InvalidUtf8,
    /// The checksum matched but the contents are not laid out as a link's
    /// are: a forged link, or an encoder bug.
    Malformed,
    /// The browser has no `DecompressionStream` to unpack links with.
    Unsupported,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => f.write_str("This link has no shared article in it."),
            ShareError::NotAShareLink => f.write_str("This is not an Article Explorer share link."),
            ShareError::UnknownVersion(v) => write!(
                f,
                "This link was made by a newer version of Article Explorer \
                 (format v{v}); reload the page to get the latest version."
            ),
            ShareError::BadEncoding => f.write_str(
                "This share link is damaged: it contains characters a share link never has.",
            ),
            ShareError::Truncated => f.write_str(
                "This share link is incomplete: it was probably cut off when it was copied.",
            ),
            ShareError::Decompression => {
                f.write_str("This share link is damaged: its data could not be unpacked.")
            }
            ShareError::ChecksumMismatch => f.write_str(
                "This share link has been altered: its contents do not match its checksum.",
            ),
            ShareError::TooLarge { limit } => write!(
                f,
                "This share link unpacks to more than {} MB, more than any article; \
                 it was not opened.",
                limit / (1024 * 1024)
            ),
            ShareError::InvalidUtf8 => {
                f.write_str("This share link is damaged: its article is not valid text.")
            }
            ShareError::Malformed => f.write_str(
                "This share link is damaged: its contents are not laid out as expected.",
            ),
            ShareError::Unsupported => f.write_str(
                "This browser cannot unpack share links (it has no DecompressionStream); \
                 open the link in a current Chrome, Edge, Firefox or Safari.",
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// The article is too long to share as a link: the fragment would be longer
/// than [`MAX_LINK_LEN`], or the article longer than [`MAX_DECODED_LEN`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong {
    /// The fragment's length in characters.
    pub len: usize,
}

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("This article is too long for a link ")?;
        match self.len > MAX_LINK_LEN {
            true => write!(f, "({} characters; links stop at {MAX_LINK_LEN})", self.len)?,
            false => write!(f, "(it is over {} MB)", MAX_DECODED_LEN / (1024 * 1024))?,
        }
        f.write_str(". Download it as a file instead.")
    }
}

impl std::error::Error for TooLong {}

/// Encodes a view as a URL fragment (without the `#`), with `miniz_oxide`.
/// Use [`encode_checked`] to know whether the result is fit to share.
///
/// # Examples
///
/// ```
/// use article_explorer::share::{decode, encode, SharedView};
/// let view = SharedView { selected: Some(3), ..SharedView::new("“Hi,” she said.") };
/// let fragment = encode(&view);
/// assert!(fragment.starts_with("v1."));
/// assert_eq!(decode(&fragment), Ok(view));
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(view: &SharedView) -> String {
    let payload = payload(view);
    frame(&payload, &miniz::deflate(&payload))
}

/// The fragment for a payload and its raw deflate, unchecked.
fn frame(payload: &[u8], deflated: &[u8]) -> String {
    let mut bytes = crc32(payload).to_be_bytes().to_vec();
    bytes.extend_from_slice(deflated);
    let mut fragment = String::from("v1.");
    base64url_encode(&bytes, &mut fragment);
    fragment
}

/// The fragment (without the `#`) for a [`payload`] and its raw deflate,
/// refused like [`encode_checked`] refuses: longer than [`MAX_LINK_LEN`],
/// or an article over [`MAX_DECODED_LEN`].
pub fn fragment(payload: &[u8], deflated: &[u8]) -> Result<String, TooLong> {
    let fragment = frame(payload, deflated);
    // A link that decode would refuse is no link, however well it compressed.
    if fragment.len() > MAX_LINK_LEN || payload.len() > MAX_DECODED_LEN {
        return Err(TooLong {
            len: fragment.len(),
        });
    }
    Ok(fragment)
}

/// Like [`encode`], but refuses fragments longer than [`MAX_LINK_LEN`], and
/// articles over [`MAX_DECODED_LEN`] (which [`decode`] would refuse).
///
/// # Examples
///
/// ```
/// use article_explorer::share::{encode_checked, SharedView, MAX_LINK_LEN};
/// assert!(encode_checked(&SharedView::new("A short article.")).is_ok());
/// // Random text barely compresses, so 60,000 characters of it cannot fit.
/// let mut state = 1u32;
/// let noise: String = (0..60_000)
///     .map(|_| {
///         state ^= state << 13;
///         state ^= state >> 17;
///         state ^= state << 5;
///         char::from(b'!' + (state % 90) as u8)
///     })
///     .collect();
/// let err = encode_checked(&SharedView::new(noise)).unwrap_err();
/// assert!(err.len > MAX_LINK_LEN);
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn encode_checked(view: &SharedView) -> Result<String, TooLong> {
    let payload = payload(view);
    fragment(&payload, &miniz::deflate(&payload))
}

/// Decodes a URL fragment made by [`encode`] (or by the web app), with
/// `miniz_oxide`.
///
/// Accepts the fragment with or without its `#`, or a whole URL (the part
/// after the last `#` is used), and ignores surrounding whitespace.
///
/// # Examples
///
/// ```
/// use article_explorer::share::{decode, ShareError};
/// assert_eq!(decode("v9.AAAA"), Err(ShareError::UnknownVersion(9)));
/// assert_eq!(decode("#about"), Err(ShareError::NotAShareLink));
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(fragment: &str) -> Result<SharedView, ShareError> {
    let packed = unpack(fragment)?;
    packed.open(&miniz::inflate(&packed.deflated)?)
}

/// A share link's checksum and deflated payload, before inflating.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packed {
    crc: [u8; CRC_LEN],
    /// Raw deflate of the payload; inflate it to at most
    /// [`MAX_DECODED_LEN`] bytes and pass the result to [`Packed::open`].
    pub deflated: Vec<u8>,
}

impl Packed {
    /// The view in the inflated payload, once the checksum matches it.
    pub fn open(&self, payload: &[u8]) -> Result<SharedView, ShareError> {
        if crc32(payload).to_be_bytes() != self.crc {
            return Err(ShareError::ChecksumMismatch);
        }
        parse_payload(payload)
    }
}

/// The first step of [`decode`]: version, encoding and length, up to the
/// deflated payload. Accepts the same inputs as [`decode`].
pub fn unpack(fragment: &str) -> Result<Packed, ShareError> {
    let body = strip_version(fragment_of(fragment))?;
    // Base64 of MAX_DECODED_LEN bytes can never legitimately be longer;
    // refusing early bounds the work done on absurd input.
    if body.len() > MAX_DECODED_LEN * 2 {
        return Err(ShareError::TooLarge {
            limit: MAX_DECODED_LEN,
        });
    }
    let bytes = base64url_decode(body).ok_or(ShareError::BadEncoding)?;
    if bytes.len() <= CRC_LEN {
        return Err(ShareError::Truncated);
    }
    let (crc, deflated) = bytes.split_at(CRC_LEN);
    Ok(Packed {
        crc: [crc[0], crc[1], crc[2], crc[3]],
        deflated: deflated.to_vec(),
    })
}

const CRC_LEN: usize = 4;

const FLAG_ACTORS: u8 = 1;
const FLAG_QUOTES: u8 = 1 << 1;
const FLAG_LISTS: u8 = 1 << 2;
const FLAG_SELECTED: u8 = 1 << 3;

fn fragment_of(input: &str) -> &str {
    let input = input.trim();
    match input.rsplit_once('#') {
        Some((_, fragment)) => fragment.trim(),
        None => input,
    }
}

/// Splits `v<digits>.` off the front and checks it is a version we read.
fn strip_version(fragment: &str) -> Result<&str, ShareError> {
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    let rest = fragment
        .strip_prefix('v')
        .ok_or(ShareError::NotAShareLink)?;
    let (digits, body) = rest.split_once('.').ok_or(ShareError::NotAShareLink)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::NotAShareLink);
    }
    // An absurdly long version number is still "newer than us".
    let version = digits.parse::<u32>().unwrap_or(u32::MAX);
    match version {
        1 => Ok(body),
        0 => Err(ShareError::NotAShareLink),
        v => Err(ShareError::UnknownVersion(v)),
    }
}

/// Raw deflate natively, by `miniz_oxide` (the web app uses the browser's).
#[cfg(not(target_arch = "wasm32"))]
mod miniz {
    use miniz_oxide::deflate::compress_to_vec;
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

    use super::{ShareError, MAX_DECODED_LEN};

    /// miniz_oxide's best ratio: links are made rarely and must be short.
    const COMPRESSION_LEVEL: u8 = 10;

    pub fn deflate(payload: &[u8]) -> Vec<u8> {
        compress_to_vec(payload, COMPRESSION_LEVEL)
    }

    pub fn inflate(deflated: &[u8]) -> Result<Vec<u8>, ShareError> {
        decompress_to_vec_with_limit(deflated, MAX_DECODED_LEN).map_err(|err| match err.status {
            TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                limit: MAX_DECODED_LEN,
            },
            // Without the "more input" flag, a stream that stops early
            // reports that it cannot make progress.
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                ShareError::Truncated
            }
            _ => ShareError::Decompression,
        })
    }
}

/// What a link carries before deflating: flags, selected actor, article.
pub fn payload(view: &SharedView) -> Vec<u8> {
    let layers = view.layers;
    let mut flags = 0;
    for (on, flag) in [
        (layers.actors, FLAG_ACTORS),
        (layers.quotes, FLAG_QUOTES),
        (layers.lists, FLAG_LISTS),
        (view.selected.is_some(), FLAG_SELECTED),
    ] {
        if on {
            flags |= flag;
        }
    }
    let mut payload = vec![flags];
    if let Some(id) = view.selected {
        write_varint(id, &mut payload);
    }
    payload.extend_from_slice(view.text.as_bytes());
    payload
}

fn parse_payload(payload: &[u8]) -> Result<SharedView, ShareError> {
    // The checksum already matched, so a short or odd payload means the
    // encoder was wrong or the link was forged with a valid checksum.
    let (&flags, mut rest) = payload.split_first().ok_or(ShareError::Malformed)?;
    if flags & !(FLAG_ACTORS | FLAG_QUOTES | FLAG_LISTS | FLAG_SELECTED) != 0 {
        return Err(ShareError::Malformed);
    }
    let selected = match flags & FLAG_SELECTED {
        0 => None,
        _ => Some(read_varint(&mut rest).ok_or(ShareError::Malformed)?),
    };
    let text = String::from_utf8(rest.to_vec()).map_err(|_| ShareError::InvalidUtf8)?;
    let layers = Layers {
        actors: flags & FLAG_ACTORS != 0,
        quotes: flags & FLAG_QUOTES != 0,
        lists: flags & FLAG_LISTS != 0,
    };
    Ok(SharedView {
        text,
        selected,
        layers,
    })
}

/// LEB128: small ids (the usual case) take one byte.
fn write_varint(mut value: u32, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn read_varint(bytes: &mut &[u8]) -> Option<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        let bits = u32::from(byte & 0x7f);
        value |= bits.checked_shl(shift).filter(|v| v >> shift == bits)?;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8], out: &mut String) {
    out.reserve(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            let sextet = (group >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(BASE64URL[sextet as usize]));
        }
    }
}

/// `None` for foreign characters or an impossible length. Stray low bits
/// in the last character are ignored rather than refused, so that a link
/// cut off mid-character reads as truncated, not as foreign. Trailing `=`
/// padding, which some tools add, is tolerated.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let group = chunk.iter().enumerate().try_fold(0u32, |acc, (i, &c)| {
            Some(acc | u32::from(sextet(c)?) << (18 - 6 * i))
        })?;
        let n_bytes = chunk.len() - 1;
        out.extend((0..n_bytes).map(|i| (group >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// CRC-32 (IEEE, as in zip and PNG), table built at compile time.
fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &b| {
        CRC_TABLE[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8)
    })
}

const CRC_TABLE: [u32; 256] = crc_table();

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        for (raw, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut out = String::new();
            base64url_encode(raw.as_bytes(), &mut out);
            assert_eq!(out, encoded);
            assert_eq!(base64url_decode(encoded).as_deref(), Some(raw.as_bytes()));
        }
        assert_eq!(
            base64url_decode("Zh").as_deref(),
            Some(&b"f"[..]),
            "stray low bits"
        );
        assert_eq!(base64url_decode("Zm9vY"), None, "4n+1 characters");
        assert_eq!(
            base64url_decode("+/"),
            None,
            "standard alphabet is not url-safe"
        );
    }

    #[test]
    fn varint_round_trips_and_rejects_overflow() {
        for id in [0, 1, 127, 128, 300, u32::MAX] {
            let mut bytes = Vec::new();
            write_varint(id, &mut bytes);
            assert_eq!(read_varint(&mut bytes.as_slice()), Some(id));
        }
        assert_eq!(
            read_varint(&mut [0xff, 0xff, 0xff, 0xff, 0x7f].as_slice()),
            None
        );
        assert_eq!(read_varint(&mut [0x80].as_slice()), None);
    }
}
