/**
 * Unicode's bidirectional controls (Bidi_Control) as the body of a character class: the Arabic
 * letter mark (ALM), the marks LRM and RLM, the embeddings and overrides U+202A–202E and the
 * isolates U+2066–2069. They reorder the text around them, so that what a reader sees is not the
 * log's order. One set for the reports (`output/common.ts` `inert` writes each as its escape) and
 * the page (`components/format.ts` `bidiPieces` shows each in an isolate of its own), which had each
 * written it out.
 */
export const BIDI_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
