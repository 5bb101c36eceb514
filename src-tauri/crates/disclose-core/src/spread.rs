//! Independent pieces of work spread over the machine's cores, their
//! answers handed back in the order of the inputs: detection over a case's
//! items and over the files of `disclose detect`. The calling thread reads
//! the inputs and takes the answers; one worker a core does the work, and
//! the workers stay for the whole run, so each builds the caches of the
//! regexes it uses once. Each input goes to the first free worker, so one
//! long text does not hold back the rest, and only a few inputs wait at
//! any time.

use std::collections::BTreeMap;

use crossbeam_channel::{bounded, unbounded};

/// How many workers: one a core.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// Inputs read ahead of the answers taken, a few a worker.
const AHEAD_PER_CORE: usize = 4;

/// `work` done on every input over [`cores`] workers, each answer given
/// to `take` with its input in the inputs' order. Reading stops at the
/// first input that is an error (returned once the answers before it are
/// taken), or when `take` answers `false` (the inputs already handed out
/// are finished and their answers dropped). A panic in `work` is raised
/// again here.
pub fn map_in_order<T: Send, R: Send, E>(
    inputs: impl IntoIterator<Item = Result<T, E>>,
    work: impl Fn(&T) -> R + Sync,
    mut take: impl FnMut(T, R) -> Result<bool, E>,
) -> Result<(), E> {
    let workers = cores();
    let (task_tx, task_rx) = bounded::<(usize, T)>(workers * AHEAD_PER_CORE);
    let (answer_tx, answer_rx) = unbounded::<(usize, T, R)>();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..workers)
            .map(|_| {
                let (tasks, answers, work) = (task_rx.clone(), answer_tx.clone(), &work);
                scope.spawn(move || {
                    for (at, input) in tasks.iter() {
                        let answer = work(&input);
                        if answers.send((at, input, answer)).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop((task_rx, answer_tx));
        let mut waiting: BTreeMap<usize, (T, R)> = BTreeMap::new();
        let mut next = 0;
        let mut outcome = Ok(());
        let mut taking = true;
        // Hands every answer that is next in order to `take`.
        let mut take_ready = |waiting: &mut BTreeMap<usize, (T, R)>, next: &mut usize| {
            while let Some((input, answer)) = waiting.remove(next) {
                *next += 1;
                if taking {
                    match take(input, answer) {
                        Ok(true) => {}
                        Ok(false) => taking = false,
                        Err(e) => {
                            taking = false;
                            return Err(e);
                        }
                    }
                }
            }
            Ok(taking)
        };
        for (at, input) in inputs.into_iter().enumerate() {
            let input = match input {
                Ok(input) => input,
                Err(e) => {
                    outcome = Err(e);
                    break;
                }
            };
            if task_tx.send((at, input)).is_err() {
                break;
            }
            for (done, input, answer) in answer_rx.try_iter() {
                waiting.insert(done, (input, answer));
            }
            match take_ready(&mut waiting, &mut next) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    outcome = Err(e);
                    break;
                }
            }
        }
        drop(task_tx);
        for (done, input, answer) in answer_rx.iter() {
            waiting.insert(done, (input, answer));
            if let Err(e) = take_ready(&mut waiting, &mut next) {
                outcome = outcome.and(Err(e));
            }
        }
        for worker in workers {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_come_back_in_the_inputs_order() {
        let inputs: Vec<u64> = (0..1000).collect();
        let mut taken = Vec::new();
        // Uneven work, so workers finish out of order.
        let work = |n: &u64| {
            std::hint::black_box((0..(n % 7) * 1000).sum::<u64>());
            n * 2
        };
        map_in_order(
            inputs.iter().copied().map(Ok::<_, ()>),
            work,
            |n, doubled| {
                taken.push((n, doubled));
                Ok(true)
            },
        )
        .unwrap();
        let expected: Vec<(u64, u64)> = inputs.iter().map(|&n| (n, n * 2)).collect();
        assert_eq!(taken, expected);
    }

    #[test]
    fn reading_stops_at_an_error_or_when_told() {
        let mut taken = Vec::new();
        let inputs = (0..100).map(|n| if n == 50 { Err("bad input") } else { Ok(n) });
        let outcome = map_in_order(
            inputs,
            |n| *n,
            |n, _| {
                taken.push(n);
                Ok(true)
            },
        );
        assert_eq!(outcome, Err("bad input"));
        assert!(taken.len() <= 50 && taken.iter().enumerate().all(|(i, &n)| i == n));
        let mut taken = Vec::new();
        let outcome = map_in_order(
            (0..100).map(Ok::<_, ()>),
            |n| *n,
            |n, _| {
                taken.push(n);
                Ok(n < 9)
            },
        );
        assert_eq!(outcome, Ok(()));
        assert_eq!(taken, (0..10).collect::<Vec<_>>());
    }
}
