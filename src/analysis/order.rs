//! One stable sort for the whole crate: by an integer rank.
//!
//! Each `sort_by_key` call site compiles its own copy of the standard
//! library's sort, about 4 KB of WebAssembly apiece. Ranking items by a
//! `u64` and sorting (rank, position) pairs shares a single copy, which
//! keeps the web build small; the position makes the sort stable.

/// Sorts `items` by `rank`, smallest first; equal ranks keep their order.
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, usize)> = items.iter().map(rank).zip(0..).collect();
    sort_pairs(&mut order);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|(_, i)| slots[i].take()));
}

/// The one instantiation of the standard sort behind [`sort_by_rank`].
#[inline(never)]
fn sort_pairs(order: &mut [(u64, usize)]) {
    order.sort_unstable();
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
    fn then_lets_the_first_rank_decide() {
        let mut spans = vec![(5, 9), (1, 3), (5, 12), (1, 8)];
        sort_by_rank(&mut spans, |&(start, end)| then(ascending(start), descending(end)));
        assert_eq!(spans, [(1, 8), (1, 3), (5, 12), (5, 9)]);
        let mut flags = vec![(true, 9), (false, 1), (false, 4)];
        sort_by_rank(&mut flags, |&(last, n)| then(u64::from(last), descending(n)));
        assert_eq!(flags, [(false, 4), (false, 1), (true, 9)]);
    }
}
