//! Clustering of map markers that would overlap on screen.
//!
//! With thousands of places on screen, markers closer than a marker's size hide one another;
//! they are drawn as one cluster instead (with a count and a small pie of who holds what), and
//! clicking a cluster zooms in until its members come apart ([`split_zoom_steps`]).
//!
//! The clustering is greedy, as in Mapbox's supercluster: markers are taken in the order given
//! (so a caller that puts cities first makes them the seeds), and each marker not yet in a
//! cluster gathers every free marker closer to it than the radius. A cluster is therefore at
//! most two radii across: markers along a dense river line form a string of clusters, not one
//! that chains along the whole valley. Neighbours are found through a grid of cells one radius
//! wide, so the cost is linear in the markers; the grid is a spatial hash with a fixed hash
//! function and markers are visited in input order, so the same input always gives the same
//! clusters.

/// A marker on screen: its position in pixels and who holds its place (any key that orders,
/// e.g. `Option<ActorIx>` with `None` for unknown or contested).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker<H> {
    pub pos: [f32; 2],
    pub holder: H,
}

/// Markers drawn as one.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster<H> {
    /// Indices into the markers, ascending; the first is the seed (the earliest in the input),
    /// the natural one to name the cluster after.
    pub members: Vec<usize>,
    /// The mean position of the members: where to draw the cluster and where to zoom to.
    pub centre: [f32; 2],
    /// How many members each holder has, most first (ties by key), for a pie.
    pub holders: Vec<(H, usize)>,
}

impl<H> Cluster<H> {
    pub fn count(&self) -> usize {
        self.members.len()
    }
}

/// The markers of one screen, grouped.
#[derive(Debug, Clone, PartialEq)]
pub struct Clusters<H> {
    /// Groups of two or more, in the order of their seeds.
    pub clusters: Vec<Cluster<H>>,
    /// Markers drawn alone, ascending.
    pub singletons: Vec<usize>,
}

/// Groups markers closer than `radius` pixels to a seed (see the module documentation).
///
/// A marker whose position is not finite is never close to anything, so it stays alone; a
/// radius that is not positive clusters nothing.
pub fn cluster<H: Copy + Ord>(markers: &[Marker<H>], radius: f32) -> Clusters<H> {
    let n = markers.len();
    if n == 0 || !(radius > 0.0 && radius.is_finite()) {
        return Clusters {
            clusters: Vec::new(),
            singletons: (0..n).collect(),
        };
    }
    let grid = Grid::new(markers, radius);
    let r2 = radius * radius;
    // Indexed by slot (a marker's place in the grid), so that a bucket's scan reads memory
    // in order.
    let mut assigned = vec![false; n];
    let mut clusters = Vec::new();
    let mut singletons = Vec::new();
    // The members found so far: a buffer written without branches (whether a marker is close
    // and free is a coin toss to the branch predictor, which cost half the time).
    let mut found = vec![0usize; n + 1];
    // Reused for every cluster's holders: a screen makes thousands of clusters.
    let mut scratch = Vec::new();
    for seed in 0..n {
        let seed_slot = grid.slot_of[seed] as usize;
        if assigned[seed_slot] {
            continue;
        }
        assigned[seed_slot] = true;
        found[0] = seed;
        let mut count = 1;
        let [sx, sy] = markers[seed].pos;
        let (cx, cy) = grid.cell_of(markers[seed].pos);
        for dy in -1..=1 {
            for dx in -1..=1 {
                for slot in grid.bucket(cx.wrapping_add(dx), cy.wrapping_add(dy)) {
                    let [x, y] = grid.pos[slot];
                    let d2 = (x - sx) * (x - sx) + (y - sy) * (y - sy);
                    let take = (d2 < r2) & !assigned[slot];
                    assigned[slot] |= take;
                    found[count] = grid.items[slot] as usize;
                    count += usize::from(take);
                }
            }
        }
        let members = &mut found[..count];
        if members.len() == 1 {
            singletons.push(seed);
        } else {
            members.sort_unstable();
            clusters.push(summarise(markers, members, &mut scratch));
        }
    }
    Clusters {
        clusters,
        singletons,
    }
}

/// A cluster's centre and holder breakdown.
fn summarise<H: Copy + Ord>(
    markers: &[Marker<H>],
    members: &[usize],
    holders: &mut Vec<H>,
) -> Cluster<H> {
    let (mut x, mut y) = (0.0f64, 0.0f64);
    holders.clear();
    for &m in members {
        x += f64::from(markers[m].pos[0]);
        y += f64::from(markers[m].pos[1]);
        holders.push(markers[m].holder);
    }
    let count = members.len() as f64;
    holders.sort_unstable();
    let mut breakdown: Vec<(H, usize)> = Vec::new();
    for &h in holders.iter() {
        match breakdown.last_mut() {
            Some((last, k)) if *last == h => *k += 1,
            _ => breakdown.push((h, 1)),
        }
    }
    // Stable: equal counts keep the key order.
    breakdown.sort_by_key(|h| std::cmp::Reverse(h.1));
    Cluster {
        members: members.to_vec(),
        centre: [(x / count) as f32, (y / count) as f32],
        holders: breakdown,
    }
}

/// Markers bucketed by grid cell (one radius wide) through a spatial hash: cells that share a
/// bucket only cost a few extra distance tests. Buckets are filled by counting sort, so the
/// whole grid is a few flat arrays, and a bucket's markers (indices and positions) lie side by
/// side in memory.
struct Grid {
    cell: f32,
    mask: u32,
    /// `starts[b]..starts[b + 1]` are bucket `b`'s slots.
    starts: Vec<u32>,
    /// Per slot: the marker and its position.
    items: Vec<u32>,
    pos: Vec<[f32; 2]>,
    /// Per marker: its slot.
    slot_of: Vec<u32>,
}

impl Grid {
    fn new<H>(markers: &[Marker<H>], cell: f32) -> Grid {
        let buckets = markers.len().next_power_of_two().max(16) as u32;
        let mut grid = Grid {
            cell,
            mask: buckets - 1,
            starts: vec![0; buckets as usize + 1],
            items: vec![0; markers.len()],
            pos: vec![[0.0; 2]; markers.len()],
            slot_of: vec![0; markers.len()],
        };
        let keys: Vec<u32> = markers
            .iter()
            .map(|m| {
                let (cx, cy) = grid.cell_of(m.pos);
                grid.bucket_of(cx, cy)
            })
            .collect();
        for &k in &keys {
            grid.starts[k as usize + 1] += 1;
        }
        for b in 0..buckets as usize {
            grid.starts[b + 1] += grid.starts[b];
        }
        let mut next = grid.starts.clone();
        for (i, &k) in keys.iter().enumerate() {
            let slot = next[k as usize] as usize;
            grid.items[slot] = i as u32;
            grid.pos[slot] = markers[i].pos;
            grid.slot_of[i] = slot as u32;
            next[k as usize] += 1;
        }
        grid
    }

    /// The cell of a position (non-finite coordinates land in some cell; their distances
    /// compare false, so they never join anything).
    fn cell_of(&self, [x, y]: [f32; 2]) -> (i32, i32) {
        (floor(x / self.cell), floor(y / self.cell))
    }

    fn bucket_of(&self, cx: i32, cy: i32) -> u32 {
        let h = (cx as u32).wrapping_mul(0x9E37_79B1) ^ (cy as u32).wrapping_mul(0x85EB_CA77);
        (h ^ (h >> 15)) & self.mask
    }

    /// The slots of the bucket that holds a cell.
    fn bucket(&self, cx: i32, cy: i32) -> std::ops::Range<usize> {
        let b = self.bucket_of(cx, cy) as usize;
        self.starts[b] as usize..self.starts[b + 1] as usize
    }
}

/// `v.floor() as i32` without the call into libm that `floor` is on baseline x86-64 (a tenth of
/// the clustering's time); saturating like `as`.
fn floor(v: f32) -> i32 {
    let t = v as i32;
    if (t as f32) > v {
        t.saturating_sub(1)
    } else {
        t
    }
}

/// How many zoom steps (each doubles on-screen distances) until no two of `positions` are
/// closer than `radius`, so that clicking a cluster can zoom in until its members all stand
/// apart. `Some(0)` when they already do (or there are fewer than two); `None` when two
/// positions coincide (or are not finite), since no zoom separates them: the caller then
/// zooms as far as the map allows or lists the members instead.
pub fn split_zoom_steps(positions: &[[f32; 2]], radius: f32) -> Option<u32> {
    let Some(closest) = closest_pair_distance(positions) else {
        return Some(0);
    };
    if closest >= f64::from(radius) {
        return Some(0);
    }
    if closest <= 0.0 || !closest.is_finite() {
        return None;
    }
    let ratio = f64::from(radius) / closest;
    let mut steps = ratio.log2().ceil().max(0.0) as u32;
    // Guard the logarithm's rounding at exact powers of two.
    while closest * 2f64.powi(steps as i32) < f64::from(radius) {
        steps += 1;
    }
    while steps > 0 && closest * 2f64.powi(steps as i32 - 1) >= f64::from(radius) {
        steps -= 1;
    }
    Some(steps)
}

/// The smallest distance between two positions (None: fewer than two; NaN when a position is
/// not finite). A sweep along x: sort, then compare each position only with those whose x is
/// within the best distance so far.
fn closest_pair_distance(positions: &[[f32; 2]]) -> Option<f64> {
    if positions.len() < 2 {
        return None;
    }
    if positions
        .iter()
        .any(|p| !p[0].is_finite() || !p[1].is_finite())
    {
        return Some(f64::NAN);
    }
    let mut sorted: Vec<[f64; 2]> = positions
        .iter()
        .map(|p| [f64::from(p[0]), f64::from(p[1])])
        .collect();
    sorted.sort_unstable_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    let mut best = f64::INFINITY;
    for i in 0..sorted.len() {
        for j in i + 1..sorted.len() {
            let dx = sorted[j][0] - sorted[i][0];
            if dx >= best {
                break;
            }
            let dy = sorted[j][1] - sorted[i][1];
            best = best.min((dx * dx + dy * dy).sqrt());
        }
    }
    Some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scattered markers' coordinates: the synthetic corpus' deterministic generator.
    fn scatter(seed: u64) -> crate::synth::Rng {
        crate::synth::Rng::new(seed)
    }

    fn markers(points: &[([f32; 2], Option<usize>)]) -> Vec<Marker<Option<usize>>> {
        points
            .iter()
            .map(|&(pos, holder)| Marker { pos, holder })
            .collect()
    }

    #[test]
    fn overlapping_markers_merge_and_distant_ones_do_not() {
        let m = markers(&[
            ([100.0, 100.0], Some(0)),
            ([500.0, 500.0], Some(1)),
            ([105.0, 103.0], Some(1)),
            ([110.0, 100.0], None),
            ([140.0, 100.0], Some(0)),
        ]);
        let c = cluster(&m, 20.0);
        assert_eq!(c.clusters.len(), 1);
        assert_eq!(c.clusters[0].members, vec![0, 2, 3]);
        assert_eq!(c.clusters[0].count(), 3);
        assert_eq!(c.singletons, vec![1, 4]);
        let [x, y] = c.clusters[0].centre;
        assert!(
            (x - 105.0).abs() < 1e-4 && (y - 101.0).abs() < 1e-4,
            "{x},{y}"
        );
    }

    #[test]
    fn neighbours_across_a_cell_boundary_merge() {
        // 19.9 and 20.1 lie in different cells of a 20-pixel grid, 0.2 apart.
        let m = markers(&[([19.9, 39.9], Some(0)), ([20.1, 40.1], Some(0))]);
        let c = cluster(&m, 20.0);
        assert_eq!(c.clusters.len(), 1);
        assert!(c.singletons.is_empty());
        // Exactly one radius apart do not overlap.
        let m = markers(&[([0.0, 0.0], Some(0)), ([20.0, 0.0], Some(0))]);
        assert_eq!(cluster(&m, 20.0).singletons, vec![0, 1]);
    }

    #[test]
    fn a_string_of_markers_does_not_chain_into_one_cluster() {
        let line: Vec<_> = (0..10).map(|i| ([i as f32 * 15.0, 0.0], Some(0))).collect();
        let c = cluster(&markers(&line), 20.0);
        // Each seed takes the next marker (15 px away) but not the one after (30 px).
        assert_eq!(c.clusters.len(), 5);
        assert!(c.clusters.iter().all(|k| k.count() == 2));
    }

    #[test]
    fn counts_and_breakdowns_add_up() {
        let mut rng = scatter(7);
        let m: Vec<Marker<Option<usize>>> = (0..2000)
            .map(|_| Marker {
                pos: [rng.unit() as f32 * 800.0, rng.unit() as f32 * 600.0],
                holder: [None, Some(0), Some(1), Some(2)][rng.below(4)],
            })
            .collect();
        let c = cluster(&m, 12.0);
        let mut seen = vec![0; m.len()];
        for k in &c.clusters {
            assert!(k.count() >= 2);
            assert_eq!(k.holders.iter().map(|h| h.1).sum::<usize>(), k.count());
            for &i in &k.members {
                seen[i] += 1;
                let d = ((m[i].pos[0] - m[k.members[0]].pos[0]).powi(2)
                    + (m[i].pos[1] - m[k.members[0]].pos[1]).powi(2))
                .sqrt();
                assert!(d < 12.0, "every member is within the radius of its seed");
            }
            for (h, count) in &k.holders {
                let real = k.members.iter().filter(|&&i| m[i].holder == *h).count();
                assert_eq!(real, *count);
            }
            assert!(k.holders.windows(2).all(|w| w[0].1 >= w[1].1));
        }
        for &s in &c.singletons {
            seen[s] += 1;
        }
        assert!(
            seen.iter().all(|&s| s == 1),
            "each marker is in exactly one group"
        );
        assert!(!c.clusters.is_empty() && !c.singletons.is_empty());
    }

    #[test]
    fn the_same_input_gives_the_same_output() {
        let mut rng = scatter(3);
        let m: Vec<Marker<u8>> = (0..3000)
            .map(|_| Marker {
                pos: [rng.unit() as f32 * 400.0, rng.unit() as f32 * 400.0],
                holder: rng.below(3) as u8,
            })
            .collect();
        let first = cluster(&m, 10.0);
        for _ in 0..3 {
            assert_eq!(cluster(&m, 10.0), first);
        }
        // The seed order is the input order: the first marker always seeds a group.
        assert!(first.singletons.first() == Some(&0) || first.clusters[0].members[0] == 0);
    }

    #[test]
    fn bad_positions_and_radii_cluster_nothing() {
        let m = markers(&[
            ([f32::NAN, 0.0], Some(0)),
            ([0.0, 0.0], Some(0)),
            ([f32::INFINITY, 0.0], Some(0)),
            ([f32::NEG_INFINITY, f32::NEG_INFINITY], Some(0)),
            ([0.5, 0.0], Some(0)),
        ]);
        let c = cluster(&m, 10.0);
        assert_eq!(c.clusters.len(), 1);
        assert_eq!(c.clusters[0].members, vec![1, 4]);
        assert_eq!(c.singletons, vec![0, 2, 3]);
        for radius in [0.0, -1.0, f32::NAN] {
            assert_eq!(cluster(&m, radius).singletons, vec![0, 1, 2, 3, 4]);
        }
        assert_eq!(cluster::<u8>(&[], 10.0).singletons, Vec::<usize>::new());
    }

    #[test]
    fn split_zoom_doubles_distances_until_all_stand_apart() {
        // Closest pair 3 px apart, radius 20: 3 -> 6 -> 12 -> 24, three steps.
        let p = [[0.0, 0.0], [3.0, 0.0], [0.0, 10.0]];
        assert_eq!(split_zoom_steps(&p, 20.0), Some(3));
        // Exactly a power of two: 5 -> 10 -> 20 is apart (not closer than the radius).
        assert_eq!(split_zoom_steps(&[[0.0, 0.0], [5.0, 0.0]], 20.0), Some(2));
        assert_eq!(split_zoom_steps(&[[0.0, 0.0], [0.0, 25.0]], 20.0), Some(0));
        assert_eq!(split_zoom_steps(&[[1.0, 1.0]], 20.0), Some(0));
        assert_eq!(split_zoom_steps(&[[1.0, 1.0], [1.0, 1.0]], 20.0), None);
        assert_eq!(split_zoom_steps(&[[f32::NAN, 1.0], [1.0, 1.0]], 20.0), None);
        // After the steps, clustering the scaled positions leaves every one alone.
        let steps = split_zoom_steps(&p, 20.0).unwrap();
        let scale = 2f32.powi(steps as i32);
        let scaled: Vec<_> = p
            .iter()
            .map(|&[x, y]| Marker {
                pos: [x * scale, y * scale],
                holder: (),
            })
            .collect();
        assert_eq!(cluster(&scaled, 20.0).clusters.len(), 0);
        let before: Vec<_> = scaled
            .iter()
            .map(|m| Marker {
                pos: [m.pos[0] / 2.0, m.pos[1] / 2.0],
                holder: (),
            })
            .collect();
        assert_eq!(
            cluster(&before, 20.0).clusters.len(),
            1,
            "one step less is not enough"
        );
    }
}
