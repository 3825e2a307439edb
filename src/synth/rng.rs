//! The generator's random numbers: a small, fast, deterministic generator, so that a seed
//! always writes the same corpus on every machine.

use std::collections::HashSet;

/// A small, fast, deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1A4_F87B)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize % n.max(1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub(crate) fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// An index drawn with the given weights (not all zero).
    pub(crate) fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// `k` distinct values of `0..n`, sorted (k <= n).
    pub(crate) fn distinct_sorted(&mut self, k: usize, n: usize) -> Vec<usize> {
        let mut out: Vec<usize> = if k * 2 <= n {
            // Floyd's algorithm.
            let mut chosen = HashSet::with_capacity(k);
            let mut out = Vec::with_capacity(k);
            for j in n - k..n {
                let t = self.below(j + 1);
                let v = if chosen.contains(&t) { j } else { t };
                chosen.insert(v);
                out.push(v);
            }
            out
        } else {
            let mut all: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = i + self.below(n - i);
                all.swap(i, j);
            }
            all.truncate(k);
            all
        };
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_samples_are_distinct_and_sorted() {
        let mut rng = Rng::new(1);
        for (k, n) in [(0, 5), (3, 10), (9, 10), (10, 10), (50, 1000)] {
            let v = rng.distinct_sorted(k, n);
            assert_eq!(v.len(), k);
            assert!(v.windows(2).all(|w| w[0] < w[1]));
            assert!(v.iter().all(|&x| x < n));
        }
    }

    #[test]
    fn the_same_seed_draws_the_same_numbers() {
        let (mut a, mut b, mut c) = (Rng::new(5), Rng::new(5), Rng::new(6));
        let draws = |r: &mut Rng| (0..20).map(|_| r.next_u64()).collect::<Vec<_>>();
        let first = draws(&mut a);
        assert_eq!(first, draws(&mut b));
        assert_ne!(first, draws(&mut c));
    }

    #[test]
    fn draws_stay_in_range_and_weights_exclude_zeros() {
        let mut rng = Rng::new(2);
        for _ in 0..1000 {
            assert!(rng.below(7) < 7);
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
            assert_ne!(rng.weighted(&[1.0, 0.0, 2.0]), 1);
        }
    }
}
