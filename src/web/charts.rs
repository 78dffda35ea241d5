//! Charts as server-rendered SVG: readable without JavaScript, printable, and from our own
//! origin. Geometry is arithmetic on a handful of counts, so plain string building is
//! shorter and easier to check than a plotting crate (which would bring fonts and raster
//! backends we do not need). Colours come from classes in app.css; every chart sits next
//! to a table of its numbers, so the SVG itself is marked as an image with a title.
//!
//! A hidden count (`None`) is never drawn as a size: it shows as a dashed outline (or an
//! empty ring), which the page's legend explains in the reader's language.

use std::fmt::Write;

/// Escapes text for SVG content and attribute values.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn open(width: u32, height: u32, title: &str) -> String {
    format!(
        r#"<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = esc(title)
    )
}

fn pct(n: u32, of: u32) -> f64 {
    if of == 0 { 0.0 } else { n as f64 * 100.0 / of as f64 }
}

const WIDTH: u32 = 640;
const LABEL: f64 = 200.0;

/// The label of a horizontal bar whose top is at `y`, right-aligned before the bars.
fn row_label(svg: &mut String, y: f64, label: &str) {
    let _ = write!(
        svg,
        r#"<text class="label" x="{:.0}" y="{:.1}" text-anchor="end">{}</text>"#,
        LABEL - 8.0,
        y + 19.0,
        esc(label)
    );
}

/// Horizontal bars: one per value, as a share of `base` (the answered count).
pub fn bars(title: &str, labels: &[String], counts: &[Option<u32>], base: Option<u32>) -> String {
    let row = 30.0;
    let height = (labels.len() as f64 * row + 10.0) as u32;
    let mut svg = open(WIDTH, height, title);
    let span = WIDTH as f64 - LABEL - 70.0;
    for (i, (label, count)) in labels.iter().zip(counts).enumerate() {
        let y = 5.0 + i as f64 * row;
        row_label(&mut svg, y, label);
        match (count, base) {
            (Some(n), Some(b)) => {
                let share = pct(*n, b);
                let w = span * share / 100.0;
                let _ = write!(
                    svg,
                    r#"<rect class="bar c{}" x="{LABEL}" y="{y:.1}" width="{w:.1}" height="22"/><text class="value" x="{:.1}" y="{:.1}">{share:.0}% ({n})</text>"#,
                    i % 8,
                    LABEL + w + 6.0,
                    y + 17.0
                );
            }
            _ => {
                let _ = write!(
                    svg,
                    r#"<rect class="hidden-cell" x="{LABEL}" y="{y:.1}" width="{span:.1}" height="22"/>"#
                );
            }
        }
    }
    svg + "</svg>"
}

/// Vertical columns (responses per week or per day, a slider's histogram).
pub fn columns(title: &str, labels: &[String], counts: &[Option<u32>]) -> String {
    let height = 220.0;
    let mut svg = open(WIDTH, height as u32, title);
    let max = counts.iter().flatten().copied().max().unwrap_or(0).max(1) as f64;
    let n = labels.len().max(1) as f64;
    let slot = (WIDTH as f64 - 20.0) / n;
    let plot = height - 60.0;
    for (i, (label, count)) in labels.iter().zip(counts).enumerate() {
        let x = 10.0 + i as f64 * slot;
        let w = (slot * 0.7).max(2.0);
        match count {
            Some(c) => {
                let h = plot * *c as f64 / max;
                let _ = write!(
                    svg,
                    r#"<rect class="bar c0" x="{x:.1}" y="{:.1}" width="{w:.1}" height="{h:.1}"/><text class="value" x="{:.1}" y="{:.1}" text-anchor="middle">{c}</text>"#,
                    20.0 + plot - h,
                    x + w / 2.0,
                    15.0 + plot - h
                );
            }
            None => {
                let _ = write!(
                    svg,
                    r#"<rect class="hidden-cell" x="{x:.1}" y="20" width="{w:.1}" height="{plot:.1}"/>"#
                );
            }
        }
        if n <= 16.0 || i % ((n / 12.0).ceil() as usize) == 0 {
            let _ = write!(
                svg,
                r#"<text class="label" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                x + w / 2.0,
                height - 22.0,
                esc(label)
            );
        }
    }
    svg + "</svg>"
}

/// A Likert chart: one stacked bar per week, centred on the scale's middle; "don't know"
/// and hidden counts follow on the right, as a dashed outline when hidden.
/// One bar of a Likert chart: its label, the count of each value, the answered count.
pub type LikertRow = (String, Vec<Option<u32>>, Option<u32>);

pub fn diverging(title: &str, rows: &[LikertRow], steps: usize) -> String {
    let row = 30.0;
    let height = (rows.len() as f64 * row + 30.0) as u32;
    let mut svg = open(WIDTH, height, title);
    let span = WIDTH as f64 - LABEL - 20.0;
    let centre = LABEL + span / 2.0;
    let unit = span / 2.0 / 100.0;
    let _ =
        write!(svg, r#"<line class="axis" x1="{centre:.1}" y1="0" x2="{centre:.1}" y2="{}"/>"#, height - 20);
    for (i, (label, counts, answered)) in rows.iter().enumerate() {
        let y = 5.0 + i as f64 * row;
        row_label(&mut svg, y, label);
        let Some(total) = answered.filter(|n| *n > 0) else {
            let _ = write!(
                svg,
                r#"<rect class="hidden-cell" x="{LABEL}" y="{y:.1}" width="{span:.1}" height="22"/>"#
            );
            continue;
        };
        let shares: Vec<Option<f64>> = counts.iter().map(|c| c.map(|n| pct(n, total))).collect();
        let low: f64 = shares[..steps / 2].iter().flatten().sum();
        let middle = if steps % 2 == 1 { shares[steps / 2].unwrap_or(0.0) / 2.0 } else { 0.0 };
        let mut x = (centre - (low + middle) * unit).max(LABEL);
        for (j, share) in shares.iter().take(steps).enumerate() {
            if let Some(s) = share {
                let w = s * unit;
                let _ = write!(
                    svg,
                    r#"<rect class="bar s{}" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="22"/>"#,
                    scale_class(j, steps)
                );
                x += w;
            }
        }
        let known: u32 = counts.iter().flatten().sum();
        let rest = pct(total.saturating_sub(known), total);
        if rest > 0.0 {
            let _ = write!(
                svg,
                r#"<rect class="hidden-cell" x="{x:.1}" y="{y:.1}" width="{:.1}" height="22"/>"#,
                rest * unit
            );
        }
    }
    svg + "</svg>"
}

/// Colour class of scale step `j` of `steps`: 0–2 below the middle, 3 the middle, 4–6 above.
fn scale_class(j: usize, steps: usize) -> usize {
    let pos = (j as f64 + 0.5) / steps as f64; // 0..1
    ((pos * 7.0).floor() as usize).min(6)
}

/// A small multiple: one value's share of the answered count, week by week.
pub fn trend(title: &str, shares: &[Option<f64>]) -> String {
    let (w, h) = (180.0, 60.0);
    let mut svg = open(w as u32, h as u32, title);
    let _ = write!(svg, r#"<rect class="frame" x="0.5" y="0.5" width="{}" height="{}"/>"#, w - 1.0, h - 1.0);
    let n = shares.len().max(2) as f64 - 1.0;
    let point = |i: usize, s: f64| (5.0 + i as f64 * (w - 10.0) / n, h - 5.0 - s / 100.0 * (h - 10.0));
    let mut path = String::new();
    for (i, share) in shares.iter().enumerate() {
        match share {
            Some(s) => {
                let (x, y) = point(i, *s);
                let _ = write!(
                    path,
                    "{}{x:.1},{y:.1} ",
                    if path.is_empty() || shares[i - 1].is_none() { "M" } else { "L" }
                );
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
/// drawn as empty rings whatever their count.
pub fn ternary(title: &str, poles: &[String; 3], cells: &[Option<u32>]) -> String {
    let (w, h) = (WIDTH as f64, 420.0);
    let a = (w / 2.0, 40.0);
    let b = (90.0, h - 40.0);
    let c = (w - 90.0, h - 40.0);
    let mut svg = open(w as u32, h as u32, title);
    let _ = write!(
        svg,
        r#"<polygon class="tri" points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}"/>"#,
        a.0, a.1, b.0, b.1, c.0, c.1
    );
    for (pole, (x, y)) in poles.iter().zip([(a.0, a.1 - 12.0), (b.0, b.1 + 24.0), (c.0, c.1 + 24.0)]) {
        let _ = write!(
            svg,
            r#"<text class="label" x="{x:.1}" y="{y:.1}" text-anchor="middle">{}</text>"#,
            esc(pole)
        );
    }
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
                    let r = 3.0 + 14.0 * (n as f64 / max).sqrt();
                    let _ = write!(svg, r#"<circle class="dot" cx="{x:.1}" cy="{y:.1}" r="{r:.1}"/>"#);
                }
                None => {
                    let _ = write!(svg, r#"<circle class="ring" cx="{x:.1}" cy="{y:.1}" r="5"/>"#);
                }
            }
            index += 1;
        }
    }
    svg + "</svg>"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_hidden_counts_have_no_size() {
        let svg = bars("A <b>", &["x & y".into(), "z".into()], &[Some(5), None], Some(10));
        assert!(svg.contains("A &lt;b&gt;") && svg.contains("x &amp; y"));
        assert!(svg.contains("50% (5)") && svg.contains("hidden-cell"));
        let svg = ternary("t", &["a".into(), "b".into(), "c".into()], &vec![None; 66]);
        assert_eq!(svg.matches("class=\"ring\"").count(), 66);
    }
}
