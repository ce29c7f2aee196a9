//! The crate's sorts: by an integer rank, and of plain numbers.
//!
//! Each call of a standard sort compiles its own copy of the standard
//! library's sort, 2–9 KB of WebAssembly apiece. Here every sort goes
//! through one small merge sort: items are ranked by a `u64` and the
//! (rank, position) pairs are sorted, the position making it stable. This
//! keeps the web build small at the same O(n log n).

/// Sorts `items` by `rank`, smallest first; equal ranks keep their order.
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, usize)> = items.iter().map(rank).zip(0..).collect();
    sort(&mut order);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|(_, i)| slots[i].take()));
}

/// Sorts `items` in ascending order, equal items keeping their order: a
/// bottom-up merge sort, a few hundred bytes of code.
pub fn sort<T: Copy + Ord>(items: &mut [T]) {
    let n = items.len();
    let mut merged = items.to_vec();
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, mid);
            for slot in &mut merged[start..end] {
                if right == end || (left < mid && items[left] <= items[right]) {
                    *slot = items[left];
                    left += 1;
                } else {
                    *slot = items[right];
                    right += 1;
                }
            }
        }
        items.copy_from_slice(&merged);
        width *= 2;
    }
}

/// Rank that sorts larger values first.
pub fn descending(value: usize) -> u64 {
    u64::from(u32::MAX) - capped(value)
}

/// Rank that sorts smaller values first.
pub fn ascending(value: usize) -> u64 {
    capped(value)
}

/// Rank by `first`, then by `second`; each is a rank from [`ascending`]
/// or [`descending`] (or a small number), so it fits in 32 bits.
pub fn then(first: u64, second: u64) -> u64 {
    (first.min(u64::from(u32::MAX)) << 32) | second.min(u64::from(u32::MAX))
}

fn capped(value: usize) -> u64 {
    (value as u64).min(u64::from(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_rank_and_keeps_ties_in_order() {
        let mut words = vec!["bb", "a", "ccc", "dd", "e"];
        sort_by_rank(&mut words, |w| descending(w.len()));
        assert_eq!(words, ["ccc", "bb", "dd", "a", "e"]);
        sort_by_rank(&mut words, |w| ascending(w.len()));
        assert_eq!(words, ["a", "e", "bb", "dd", "ccc"]);
    }

    #[test]
    fn sorts_numbers_of_any_length() {
        for n in 0..40usize {
            let mut numbers: Vec<usize> = (0..n).map(|i| (i * 7919 + 13) % 17).collect();
            let mut expected = numbers.clone();
            expected.sort();
            sort(&mut numbers);
            assert_eq!(numbers, expected, "length {n}");
        }
    }

    #[test]
    fn then_lets_the_first_rank_decide() {
        let mut spans = vec![(5, 9), (1, 3), (5, 12), (1, 8)];
        sort_by_rank(&mut spans, |&(start, end)| {
            then(ascending(start), descending(end))
        });
        assert_eq!(spans, [(1, 8), (1, 3), (5, 12), (5, 9)]);
        let mut flags = vec![(true, 9), (false, 1), (false, 4)];
        sort_by_rank(&mut flags, |&(last, n)| {
            then(u64::from(last), descending(n))
        });
        assert_eq!(flags, [(false, 4), (false, 1), (true, 9)]);
    }
}
