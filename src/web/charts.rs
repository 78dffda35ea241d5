//! Charts as server-rendered HTML with small SVG shapes: readable without JavaScript,
//! printable, and from our own origin. Every word and number is HTML text at the page's
//! font size (an SVG scaled down to a phone would shrink its text to a few pixels); the
//! SVGs draw only lengths, with no text. Geometry is arithmetic on a handful of counts, so
//! plain string building is shorter and easier to check than a plotting crate. Colours come
//! from classes in app.css; the CSP allows no inline styles, so lengths are SVG attributes.
//!
//! A hidden count (`None`) is never drawn as a size: it shows as a labelled "hidden" mark
//! (or an empty ring in the triangle). Zero is drawn as zero: no bar, the number 0.

use std::fmt::Write;

use crate::i18n::{percent, t};
use crate::model::Lang;

/// Escapes text for HTML and SVG content and attribute values.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn share(n: u32, of: u32) -> f64 {
    if of == 0 { 0.0 } else { n as f64 * 100.0 / of as f64 }
}

/// The mark of a hidden value: a word, not a shape with a length.
fn hidden_mark(lang: Lang) -> String {
    format!(r#"<span class="hidden-mark">{}</span>"#, esc(t(lang, "hidden")))
}

/// A bar of `length` (0–100) as a stretchable SVG; nothing for zero.
fn bar_svg(length: f64) -> String {
    if length <= 0.0 {
        return r#"<svg class="hbar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"></svg>"#.into();
    }
    format!(
        r#"<svg class="hbar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="bar" x="0" y="0" width="{:.2}" height="10"/></svg>"#,
        length.clamp(0.4, 100.0)
    )
}

/// One row of a bar chart: its label (with an optional safe SVG icon before it) and count.
pub struct Bar {
    pub label: String,
    pub icon: Option<String>,
    pub count: Option<u32>,
}

/// Horizontal bars in the rows' order, one colour (the labels say what each is). With a
/// `base` (how many answered), lengths and values are shares of it, with the count beside;
/// without, lengths are relative to the largest count and values are counts.
pub fn bars(title: &str, rows: &[Bar], base: Option<u32>, lang: Lang) -> String {
    let max = rows.iter().filter_map(|r| r.count).max().unwrap_or(0);
    let mut html = format!(r#"<ol class="hbars" aria-label="{}">"#, esc(title));
    for row in rows {
        let icon = row.icon.as_deref().unwrap_or_default();
        let _ =
            write!(html, r#"<li class="hbar-row"><span class="hbar-label">{icon}{}</span>"#, esc(&row.label));
        match (row.count, base) {
            (Some(n), Some(b)) if b > 0 => {
                let s = share(n, b);
                let _ = write!(
                    html,
                    r#"<span class="hbar-track">{}</span><span class="hbar-value">{} <span class="muted">({n})</span></span>"#,
                    bar_svg(s),
                    percent(lang, s)
                );
            }
            (Some(n), _) => {
                let _ = write!(
                    html,
                    r#"<span class="hbar-track">{}</span><span class="hbar-value">{n}</span>"#,
                    bar_svg(share(n, max))
                );
            }
            (None, _) => {
                let _ = write!(
                    html,
                    r#"<span class="hbar-track">{}</span><span class="hbar-value">–</span>"#,
                    hidden_mark(lang)
                );
            }
        }
        html.push_str("</li>");
    }
    html + "</ol>"
}

/// One bar of a Likert chart: its label, the count of each scale step then "don't know",
/// how many answered, and the mean (only where every count is shown).
pub struct LikertRow {
    pub label: String,
    pub counts: Vec<Option<u32>>,
    pub answered: Option<u32>,
    pub mean: Option<f64>,
}

/// Likert bars, one per period, centred on the scale's middle (disagreeing to the left),
/// with a legend of the step colours, and per bar its N, mean and "don't know".
/// `legend` names the steps (their end labels at the ends).
pub fn diverging(title: &str, rows: &[LikertRow], steps: usize, legend: &[String], lang: Lang) -> String {
    let mut html =
        format!(r#"<div class="likert" role="group" aria-label="{}"><ul class="likert-legend">"#, esc(title));
    for (j, label) in legend.iter().take(steps).enumerate() {
        let _ = write!(
            html,
            r#"<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false"><rect class="s{}" width="10" height="10"/></svg>{}</li>"#,
            scale_class(j, steps),
            esc(label)
        );
    }
    html.push_str(r#"</ul><ol class="hbars">"#);
    for row in rows {
        let _ = write!(html, r#"<li class="hbar-row"><span class="hbar-label">{}</span>"#, esc(&row.label));
        let known = row.counts.iter().take(steps).all(Option::is_some);
        match row.answered {
            None => {
                let _ = write!(
                    html,
                    r#"<span class="hbar-track">{}</span><span class="hbar-value">–</span>"#,
                    hidden_mark(lang)
                );
            }
            Some(0) => {
                let _ = write!(
                    html,
                    r#"<span class="hbar-track">{}</span><span class="hbar-value">N = 0</span>"#,
                    bar_svg(0.0)
                );
            }
            Some(total) => {
                let _ = write!(html, r#"<span class="hbar-track">{}"#, likert_svg(&row.counts, steps, total));
                if !known {
                    html.push(' ');
                    html.push_str(&hidden_mark(lang));
                }
                let _ = write!(html, r#"</span><span class="hbar-value">N = {total}"#);
                if let Some(m) = row.mean {
                    let _ = write!(
                        html,
                        r#"<br><span class="muted">{} {}</span>"#,
                        esc(t(lang, "mean")),
                        decimal(lang, m)
                    );
                }
                match row.counts.get(steps).copied() {
                    Some(Some(0)) | None => {}
                    Some(Some(n)) => {
                        let _ = write!(
                            html,
                            r#"<br><span class="muted">{} {n}</span>"#,
                            esc(t(lang, "dont_know"))
                        );
                    }
                    Some(None) => {
                        let _ =
                            write!(html, r#"<br><span class="muted">{} –</span>"#, esc(t(lang, "dont_know")));
                    }
                }
                html.push_str("</span>");
            }
        }
        html.push_str("</li>");
    }
    html + "</ol></div>"
}

/// The stacked bar of one Likert row: 200 units wide, the middle at 100; each step's
/// share of `total`, the lower half to the left of the middle.
fn likert_svg(counts: &[Option<u32>], steps: usize, total: u32) -> String {
    let shares: Vec<f64> = counts.iter().take(steps).map(|c| c.map_or(0.0, |n| share(n, total))).collect();
    let low: f64 = shares[..steps / 2].iter().sum();
    let middle = if steps % 2 == 1 { shares[steps / 2] / 2.0 } else { 0.0 };
    let mut x = (100.0 - low - middle).max(0.0);
    let mut svg = String::from(
        r#"<svg class="hbar" viewBox="0 0 200 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">"#,
    );
    for (j, s) in shares.iter().enumerate() {
        if *s > 0.0 {
            let _ = write!(
                svg,
                r#"<rect class="s{}" x="{x:.2}" y="0" width="{s:.2}" height="10"/>"#,
                scale_class(j, steps)
            );
            x += s;
        }
    }
    svg + r#"<line class="axis" x1="100" y1="0" x2="100" y2="10"/></svg>"#
}

/// Colour class of scale step `j` of `steps`: 0–2 below the middle, 3 the middle, 4–6
/// above. Short scales take the strong ends first, so that no step is a near-white bar.
fn scale_class(j: usize, steps: usize) -> usize {
    const PICKS: [&[usize]; 6] =
        [&[0, 6], &[0, 3, 6], &[0, 1, 5, 6], &[0, 1, 3, 5, 6], &[0, 1, 2, 4, 5, 6], &[0, 1, 2, 3, 4, 5, 6]];
    match PICKS.get(steps.wrapping_sub(2)) {
        Some(picks) if j < picks.len() => picks[j],
        _ => ((((j as f64 + 0.5) / steps as f64) * 7.0).floor() as usize).min(6),
    }
}

/// A decimal in the reader's notation (3.4 / 3,4).
pub fn decimal(lang: Lang, v: f64) -> String {
    let s = format!("{v:.1}");
    if lang == Lang::EN { s } else { s.replace('.', ",") }
}

/// A small multiple: one value's share of the answered count, week by week, on a 0–100 %
/// scale; a hidden week is a gap. No text: its label is HTML beside it.
pub fn trend(shares: &[Option<f64>]) -> String {
    let (w, h) = (180.0, 60.0);
    let mut svg = format!(
        r#"<svg class="chart trend" viewBox="0 0 {w} {h}" aria-hidden="true" focusable="false"><rect class="frame" x="0.5" y="0.5" width="{}" height="{}"/>"#,
        w - 1.0,
        h - 1.0
    );
    let n = shares.len().max(2) as f64 - 1.0;
    let point = |i: usize, s: f64| (5.0 + i as f64 * (w - 10.0) / n, h - 5.0 - s / 100.0 * (h - 10.0));
    let mut path = String::new();
    for (i, share) in shares.iter().enumerate() {
        match share {
            Some(s) => {
                let (x, y) = point(i, *s);
                let join = if path.is_empty() || shares[i - 1].is_none() { "M" } else { "L" };
                let _ = write!(path, "{join}{x:.1},{y:.1} ");
                let _ = write!(svg, r#"<circle class="dot" cx="{x:.1}" cy="{y:.1}" r="2.5"/>"#);
            }
            None => {
                let (x, _) = point(i, 0.0);
                let _ = write!(svg, r#"<line class="gap" x1="{x:.1}" y1="5" x2="{x:.1}" y2="{}"/>"#, h - 5.0);
            }
        }
    }
    if !path.is_empty() {
        let _ = write!(svg, r#"<path class="line" d="{}"/>"#, path.trim_end());
    }
    svg + "</svg>"
}

/// A ternary plot: the triad's 66 cells as dots sized by their count; hidden cells are
/// small dashed rings whatever their count. The poles are HTML around the triangle.
pub fn ternary(title: &str, poles: &[String; 3], cells: &[Option<u32>], lang: Lang) -> String {
    let (w, h) = (400.0, 350.0);
    let a = (w / 2.0, 15.0);
    let b = (15.0, h - 15.0);
    let c = (w - 15.0, h - 15.0);
    let mut html = format!(
        r#"<div class="ternary" role="group" aria-label="{}"><p class="pole pole-top">{}</p><svg class="chart" viewBox="0 0 {w} {h}" aria-hidden="true" focusable="false"><polygon class="tri" points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}"/>"#,
        esc(title),
        esc(&poles[0]),
        a.0,
        a.1,
        b.0,
        b.1,
        c.0,
        c.1
    );
    let max = cells.iter().flatten().copied().max().unwrap_or(0).max(1) as f64;
    let mut index = 0;
    for i in 0..=10usize {
        for j in 0..=(10 - i) {
            let (wa, wb) = (i as f64 / 10.0, j as f64 / 10.0);
            let wc = 1.0 - wa - wb;
            let x = wa * a.0 + wb * b.0 + wc * c.0;
            let y = wa * a.1 + wb * b.1 + wc * c.1;
            match cells.get(index).copied().flatten() {
                Some(0) => {}
                Some(n) => {
                    let r = 3.0 + 12.0 * (n as f64 / max).sqrt();
                    let _ = write!(html, r#"<circle class="dot" cx="{x:.1}" cy="{y:.1}" r="{r:.1}"/>"#);
                }
                None => {
                    let _ = write!(html, r#"<circle class="ring" cx="{x:.1}" cy="{y:.1}" r="4"/>"#);
                }
            }
            index += 1;
        }
    }
    let _ = write!(
        html,
        r#"</svg><p class="poles-bottom"><span class="pole">{}</span><span class="pole">{}</span></p><p class="legend">{}</p></div>"#,
        esc(&poles[1]),
        esc(&poles[2]),
        esc(t(lang, "triad_legend"))
    );
    html
}

/// A mood face drawn the same on every page and in print (no emoji font needed): 0 is
/// very bad, 4 very good.
pub fn mood_face(n: usize) -> String {
    // The mouth's curve: negative frowns, positive smiles; the ends get more: knitted brows
    // for very bad, an open laugh for very good.
    let curve = [-8.0, -4.0, 0.0, 4.0, 8.0][n.min(4)];
    let y = 27.0 - curve / 3.0;
    let mouth = match n {
        4 => format!(r#"<path class="face-open" d="M11,{y:.1} Q20,{:.1} 29,{y:.1} Z"/>"#, y + 2.0 * curve),
        _ => format!(r#"<path class="face-mouth" d="M12,{y:.1} Q20,{:.1} 28,{y:.1}"/>"#, y + curve),
    };
    let brows = if n == 0 { r#"<path class="face-mouth" d="M10,10 L17,13 M30,10 L23,13"/>"# } else { "" };
    format!(
        r#"<svg class="face face-{n}" viewBox="0 0 40 40" aria-hidden="true" focusable="false"><circle class="face-head" cx="20" cy="20" r="18"/><circle class="face-eye" cx="14" cy="16" r="2.2"/><circle class="face-eye" cx="26" cy="16" r="2.2"/>{brows}{mouth}</svg>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_hidden_counts_have_no_size() {
        let rows = [
            Bar { label: "x & y".into(), icon: None, count: Some(5) },
            Bar { label: "z".into(), icon: None, count: None },
            Bar { label: "none".into(), icon: None, count: Some(0) },
        ];
        let html = bars("A <b>", &rows, Some(10), Lang::EN);
        assert!(html.contains("A &lt;b&gt;") && html.contains("x &amp; y"));
        assert!(html.contains("50%") && html.contains("hidden-mark"));
        assert_eq!(html.matches("<rect").count(), 1, "one bar: not for the hidden, not for zero");
        assert!(bars("t", &rows, Some(10), Lang::SV).contains("50\u{a0}%"));
        let html = ternary("t", &["a".into(), "b".into(), "c".into()], &[None; 66], Lang::EN);
        assert_eq!(html.matches("class=\"ring\"").count(), 66);
        assert!(!html.contains("<text"), "no text inside an SVG");
    }

    #[test]
    fn likert_rows_say_n_mean_and_hidden() {
        let rows = [
            LikertRow {
                label: "w1".into(),
                counts: vec![Some(2), Some(3), Some(5), Some(0)],
                answered: Some(10),
                mean: Some(2.3),
            },
            LikertRow {
                label: "w2".into(),
                counts: vec![None, Some(6), None, Some(0)],
                answered: Some(12),
                mean: None,
            },
            LikertRow { label: "w3".into(), counts: vec![None; 4], answered: None, mean: None },
        ];
        let html = diverging("t", &rows, 3, &["low".into(), "mid".into(), "high".into()], Lang::SV);
        assert!(html.contains("N = 10") && html.contains("Medelvärde 2,3"));
        assert_eq!(html.matches("hidden-mark").count(), 2);
        assert_eq!(html.matches("class=\"swatch\"").count(), 3, "a legend entry per step");
    }
}
