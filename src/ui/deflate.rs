//! Raw deflate by the browser: `CompressionStream` and
//! `DecompressionStream` ("deflate-raw"), so the page ships no compressor
//! of its own. Share links are framed and checked by [`crate::share`].

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStreamDefaultReader, ReadableWritablePair};

use crate::share::{ShareError, MAX_DECODED_LEN};

#[wasm_bindgen]
extern "C" {
    /// Both stream types are a `{ readable, writable }` pair.
    #[wasm_bindgen(extends = js_sys::Object, js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(constructor, catch, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<Compressor, JsValue>;

    #[wasm_bindgen(extends = js_sys::Object, js_name = DecompressionStream)]
    type Decompressor;
    #[wasm_bindgen(constructor, catch, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<Decompressor, JsValue>;
}

const FORMAT: &str = "deflate-raw";

/// Why the browser could not inflate.
enum Failure {
    /// More output than the limit: reading stopped there.
    TooLarge,
    /// The stream failed: the browser's error.
    Stream(JsValue),
}

/// `bytes` deflated; `Err` only where the browser lacks the streams.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let pair = Compressor::new(FORMAT)?;
    run(bytes, pair.unchecked_ref(), usize::MAX)
        .await
        .map_err(|failure| match failure {
            Failure::Stream(err) => err,
            Failure::TooLarge => JsValue::NULL,
        })
}

/// `deflated` inflated, to at most [`MAX_DECODED_LEN`] bytes; a hostile
/// link stops there without the rest being produced.
pub async fn inflate(deflated: &[u8]) -> Result<Vec<u8>, ShareError> {
    let pair = Decompressor::new(FORMAT).map_err(|_| ShareError::Unsupported)?;
    run(deflated, pair.unchecked_ref(), MAX_DECODED_LEN)
        .await
        .map_err(|failure| match failure {
            Failure::TooLarge => ShareError::TooLarge {
                limit: MAX_DECODED_LEN,
            },
            // Chromium says "Compressed input was truncated." for a stream
            // that stops early; anything else is damage.
            Failure::Stream(err) => match error_message(&err).contains("truncated") {
                true => ShareError::Truncated,
                false => ShareError::Decompression,
            },
        })
}

/// Feeds `input` through the transform and collects up to `limit` bytes.
async fn run(input: &[u8], pair: &ReadableWritablePair, limit: usize) -> Result<Vec<u8>, Failure> {
    let parts = Array::of1(&Uint8Array::from(input));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(Failure::Stream)?;
    let reader: ReadableStreamDefaultReader = blob
        .stream()
        .pipe_through(pair)
        .get_reader()
        .unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(Failure::Stream)?;
        if Reflect::get(&chunk, &"done".into()).is_ok_and(|done| done.is_truthy()) {
            return Ok(out);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(Failure::Stream)?
            .unchecked_into();
        let start = out.len();
        let len = value.length() as usize;
        if len > limit - start {
            _ = reader.cancel();
            return Err(Failure::TooLarge);
        }
        out.resize(start + len, 0);
        value.copy_to(&mut out[start..]);
    }
}

fn error_message(err: &JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}
