//! Looking at frames drawn offscreen (`frontline::app::screenshot::draw`, the path
//! `screenshot` and `export video` take): a part of a frame, and how many of its pixels are
//! near a colour.

use egui::{Color32, ColorImage, Rect};

/// The part of `image` inside `area`.
pub fn crop(image: &ColorImage, area: Rect) -> ColorImage {
    let (x0, y0) = (area.min.x.max(0.0) as usize, area.min.y.max(0.0) as usize);
    let [w, h] = image.size;
    let (x1, y1) = ((area.max.x as usize).min(w), (area.max.y as usize).min(h));
    let pixels = (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .map(|(x, y)| image[(x, y)])
        .collect();
    ColorImage::new([x1.saturating_sub(x0), y1.saturating_sub(y0)], pixels)
}

/// How many pixels of `image` are within `tolerance` (summed over red, green and blue) of
/// `colour`.
pub fn count_near(image: &ColorImage, colour: Color32, tolerance: i32) -> usize {
    image
        .pixels
        .iter()
        .filter(|p| {
            let d: i32 = (0..3)
                .map(|k| (i32::from(p.to_array()[k]) - i32::from(colour.to_array()[k])).abs())
                .sum();
            d <= tolerance
        })
        .count()
}
