//! Independent pieces of work spread over the machine's cores, their
//! answers handed back in the order of the inputs: detection over a case's
//! items and over the files of `disclose detect`. Each input is taken by
//! the first free thread, so one long text does not hold back the rest.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many threads to use: one per core.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// `work` done on every input over [`cores`] threads; the answers are in
/// the inputs' order. A panic in `work` is raised again here, as it would
/// be without threads.
pub fn map_in_order<T: Sync, R: Send>(inputs: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = cores().min(inputs.len());
    if threads <= 1 {
        return inputs.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let take_turns = || {
        let mut mine = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(input) = inputs.get(at) else {
                return mine;
            };
            mine.push((at, work(input)));
        }
    };
    // The calling thread is one of the workers: the caches its regexes
    // already hold serve it, and one thread fewer keeps its own.
    let mut answered: Vec<(usize, R)> = std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads).map(|_| scope.spawn(take_turns)).collect();
        let mut all = take_turns();
        for other in others {
            all.extend(
                other
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            );
        }
        all
    });
    answered.sort_unstable_by_key(|&(at, _)| at);
    answered.into_iter().map(|(_, answer)| answer).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_come_back_in_the_inputs_order() {
        let inputs: Vec<u64> = (0..1000).collect();
        // Uneven work, so threads finish out of order.
        let answers = map_in_order(&inputs, |&n| {
            std::hint::black_box((0..(n % 7) * 1000).sum::<u64>());
            n * 2
        });
        assert_eq!(answers, inputs.iter().map(|n| n * 2).collect::<Vec<_>>());
        assert!(map_in_order(&[] as &[u8], |&b| b).is_empty());
    }
}
