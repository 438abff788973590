//! A set of small integers (pattern ids) as a bit vector, kept and reused
//! between tests so that a DFA walk allocates nothing.

/// A set of ids below the capacity it was last cleared to.
#[derive(Clone, Debug, Default)]
pub(crate) struct Bits {
    words: Vec<u64>,
}

impl Bits {
    /// Empties the set, making room for ids below `n`.
    pub fn clear(&mut self, n: usize) {
        let len = n.div_ceil(64);
        self.words.clear();
        self.words.resize(len, 0);
    }

    /// Adds `i`.
    #[inline]
    pub fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    /// Whether `i` is in the set.
    #[inline]
    pub fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// The ids in the set, in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(k, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let b = w.trailing_zeros() as usize;
                    w &= w - 1;
                    k * 64 + b
                })
            })
        })
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_was_inserted_until_cleared() {
        let mut b = Bits::default();
        b.clear(130);
        assert!(b.is_empty());
        for i in [0, 63, 64, 129] {
            b.insert(i);
        }
        assert!(b.contains(63) && b.contains(64) && !b.contains(1) && !b.contains(500));
        assert_eq!(b.iter().collect::<Vec<_>>(), [0, 63, 64, 129]);
        b.clear(10);
        assert!(b.is_empty() && !b.contains(0));
    }
}
