//! The fonts Disclose prints with, so names in any script print as
//! written: DejaVu Sans (Debian `fonts-dejavu-core`, Bitstream Vera
//! licence) for Latin, Vietnamese, Greek, Cyrillic, Hebrew and symbols,
//! and Noto Naskh Arabic (Debian `fonts-noto-core`, SIL Open Font Licence)
//! for Arabic, Urdu and Persian — both in `fonts/` beside this module.
//!
//! - [`face`]: the two typefaces, their character maps and metrics;
//! - [`shape`]: a line cut into runs, each in the first face that has it,
//!   shaped (joining, ligatures, marks, right-to-left order);
//! - [`embed`]: the shaped glyphs shown in a PDF, and each face used
//!   embedded as a subset CID font with a Unicode map.

pub mod embed;
pub mod face;
pub mod shape;

pub use embed::{Embedding, FontRefs};
pub use face::Face;
pub use shape::text_width;
