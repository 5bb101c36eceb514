//! `disclose video`: a video item's face tracks (when each is seen and
//! what was chosen), keeping or blurring one whole track, and a sampled
//! frame written out as a JPEG, from the original or (`--as-disclosed`)
//! from the redacted rendition — the same use cases as the desktop's
//! frame view.

use std::path::PathBuf;

use clap::Args;

use disclose_core::cctv::frames;
use disclose_core::cctv::view::{self, TrackChoice, VideoView};

use super::Context;
use crate::Outcome;

#[derive(Args)]
pub struct VideoArgs {
    #[arg(long = "case")]
    case: String,
    /// The video item.
    item: i64,
    /// Keep this face track (`face-N`): the subject's own face, not blurred.
    #[arg(long, conflicts_with_all = ["blur", "frame"])]
    keep: Option<String>,
    /// Blur this face track (`face-N`) in every frame it covers.
    #[arg(long, conflicts_with = "frame")]
    blur: Option<String>,
    /// Write sample N (0-based, two a second) as a JPEG to --out.
    #[arg(long, requires = "out")]
    frame: Option<u32>,
    /// Where --frame writes the JPEG.
    #[arg(long, requires = "frame")]
    out: Option<PathBuf>,
    /// Take --frame from the redacted rendition (made now if it is missing
    /// or older than the marks): the frame as the requester will see it.
    #[arg(long, requires = "frame")]
    as_disclosed: bool,
}

pub fn run(ctx: &Context, args: VideoArgs) -> anyhow::Result<Outcome> {
    let mut folder = ctx.open(&args.case)?;
    if let Some(sample) = args.frame {
        let jpeg = if args.as_disclosed {
            frames::disclosed_frame(&mut folder, args.item, sample)?
        } else {
            frames::frame(&folder, args.item, sample)?
        };
        let out = args.out.unwrap_or_default();
        std::fs::write(&out, &jpeg)?;
        ctx.out.print(
            &serde_json::json!({
                "sample": sample,
                "bytes": jpeg.len(),
                "out": out,
                "as_disclosed": args.as_disclosed,
            }),
            |_| {
                println!(
                    "Wrote sample {sample}{} ({} bytes) to {}",
                    if args.as_disclosed {
                        " as disclosed"
                    } else {
                        ""
                    },
                    jpeg.len(),
                    out.display()
                )
            },
        );
        return Ok(Outcome::Ok);
    }
    let chosen = match (&args.keep, &args.blur) {
        (Some(person), _) => Some((person, TrackChoice::Keep)),
        (None, Some(person)) => Some((person, TrackChoice::Blur)),
        _ => None,
    };
    if let Some((person, choice)) = chosen {
        let changed = view::choose(&mut folder, args.item, person, choice, false)?;
        if !ctx.out.json {
            println!(
                "Track {person}: {} ({changed} face(s) changed)",
                choice.as_str()
            );
        }
    }
    let shown = view::view(&folder, args.item)?;
    ctx.out.print(&shown, |v: &VideoView| {
        println!(
            "Item {}: {:.1} s, {} samples ({} a second), {}x{}",
            v.item, v.duration, v.samples, v.rate, v.width, v.height
        );
        for t in &v.tracks {
            println!(
                "  {:<8} {:>6.1}–{:<6.1} s  {:>4} face(s)  {}",
                t.person,
                t.start,
                t.end,
                t.faces.len(),
                t.choice.as_str()
            );
        }
        if v.tracks.is_empty() {
            println!("  no face tracks (run `disclose detect --case ...` first)");
        }
    });
    Ok(Outcome::Ok)
}
