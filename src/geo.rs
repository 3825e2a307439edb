//! The bundled basemap's GeoJSON (Natural Earth) read into plain lon/lat lines and polygons.
//! No drawing here: the app's basemap triangulates and draws them, and the synthetic corpus
//! strings its places along the rivers.

use serde_json::Value;

/// A ring or line in lon/lat degrees.
pub type Line = Vec<[f64; 2]>;

/// The features of a bundled layer (`countries`, `lakes`, `borders`, `rivers`). A missing or
/// malformed layer has none: the map works without it.
pub(crate) fn bundled_features(layer: &str) -> Vec<Value> {
    crate::bundled::basemap_layer(&format!("{layer}.geojson"))
        .and_then(|b| serde_json::from_slice::<Value>(b).ok())
        .and_then(|v| v.get("features").and_then(Value::as_array).cloned())
        .unwrap_or_default()
}

fn coords(v: &Value) -> Line {
    v.as_array()
        .map(|pts| {
            pts.iter()
                .filter_map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?]))
                .collect()
        })
        .unwrap_or_default()
}

/// The lines of a `LineString` or `MultiLineString` geometry; none for other geometries.
pub fn lines(geometry: &Value) -> Vec<Line> {
    match geometry["type"].as_str() {
        Some("LineString") => vec![coords(&geometry["coordinates"])],
        Some("MultiLineString") => geometry["coordinates"]
            .as_array()
            .map(|ls| ls.iter().map(coords).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Polygons (with holes) of a feature, each a list of rings.
pub(crate) fn polygons(geometry: &Value) -> Vec<Vec<Line>> {
    let rings = |p: &Value| -> Vec<Line> {
        p.as_array()
            .map(|r| r.iter().map(coords).collect())
            .unwrap_or_default()
    };
    match geometry["type"].as_str() {
        Some("Polygon") => vec![rings(&geometry["coordinates"])],
        Some("MultiPolygon") => geometry["coordinates"]
            .as_array()
            .map(|ps| ps.iter().map(rings).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Whether a lon/lat point is inside a polygon given as its rings (the outline, then its
/// holes): even-odd over all of them.
pub(crate) fn polygon_contains(rings: &[Line], x: f64, y: f64) -> bool {
    rings
        .iter()
        .filter(|ring| point_in_ring(x, y, ring))
        .count()
        % 2
        == 1
}

/// Even-odd test of a lon/lat point against a ring.
pub(crate) fn point_in_ring(x: f64, y: f64, ring: &[[f64; 2]]) -> bool {
    let mut inside = false;
    let n = ring.len();
    if n < 3 {
        return false;
    }
    let mut j = n - 1;
    for i in 0..n {
        let (xi, yi, xj, yj) = (ring[i][0], ring[i][1], ring[j][0], ring[j][1]);
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_rivers_are_lines_in_the_region() {
        let rivers = bundled_features("rivers");
        let euphrates: Vec<Line> = rivers
            .iter()
            .filter(|f| f["properties"]["name"] == "Euphrates")
            .flat_map(|f| lines(&f["geometry"]))
            .collect();
        assert!(!euphrates.is_empty());
        assert!(
            euphrates
                .iter()
                .flatten()
                .all(|p| (35.0..49.0).contains(&p[0]) && (29.0..40.0).contains(&p[1]))
        );
        assert!(bundled_features("no such layer").is_empty());
    }

    #[test]
    fn a_point_is_inside_syria_and_not_in_iraq() {
        let countries = bundled_features("countries");
        let inside = |iso: &str, lon: f64, lat: f64| {
            countries
                .iter()
                .filter(|f| f["properties"]["iso_a3"] == iso)
                .flat_map(|f| polygons(&f["geometry"]))
                .any(|rings| polygon_contains(&rings, lon, lat))
        };
        // Deir ez-Zor is in Syria; Mosul in Iraq.
        assert!(inside("SYR", 40.14, 35.33));
        assert!(!inside("IRQ", 40.14, 35.33));
        assert!(inside("IRQ", 43.13, 36.34));
    }

    #[test]
    fn other_geometries_have_no_lines_or_polygons() {
        let point: Value = serde_json::json!({"type": "Point", "coordinates": [40.0, 35.0]});
        assert!(lines(&point).is_empty());
        assert!(polygons(&point).is_empty());
        assert!(!point_in_ring(0.5, 0.5, &[[0.0, 0.0], [1.0, 0.0]]));
    }

    #[test]
    fn a_hole_is_outside_its_polygon() {
        let square = |lo: f64, hi: f64| vec![[lo, lo], [hi, lo], [hi, hi], [lo, hi], [lo, lo]];
        let with_hole = vec![square(0.0, 10.0), square(4.0, 6.0)];
        assert!(polygon_contains(&with_hole, 2.0, 2.0));
        assert!(!polygon_contains(&with_hole, 5.0, 5.0));
        assert!(!polygon_contains(&with_hole, 11.0, 5.0));
    }
}
