//! Delivery reports arrive one request each, thousands within minutes of a reminder round.
//! Waiting for the disk once per report would make the gateway wait too; they are counted in
//! batches instead: one transaction for every report that arrived while the last one
//! committed.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::store::{Delivery, Store};

#[derive(Default)]
pub struct ReportQueue {
    pending: Mutex<Vec<([u8; 16], Delivery)>>,
    flushing: AtomicBool,
}

impl ReportQueue {
    /// Queues a report and, unless a flush is under way, starts one.
    pub fn push(self: &Arc<Self>, store: &Arc<Store>, id: [u8; 16], delivery: Delivery) {
        self.pending.lock().unwrap_or_else(|p| p.into_inner()).push((id, delivery));
        if self.flushing.swap(true, Ordering::AcqRel) {
            return;
        }
        let (queue, store) = (self.clone(), store.clone());
        tokio::task::spawn_blocking(move || queue.flush(&store));
    }

    /// Whether reports wait to be counted (for tests and the bench).
    pub fn is_idle(&self) -> bool {
        !self.flushing.load(Ordering::Acquire)
            && self.pending.lock().unwrap_or_else(|p| p.into_inner()).is_empty()
    }

    fn flush(&self, store: &Store) {
        // Whatever happens in here (a panic included), the next report starts a flush again.
        struct Done<'a>(&'a AtomicBool, bool);
        impl Drop for Done<'_> {
            fn drop(&mut self) {
                if self.1 {
                    self.0.store(false, Ordering::Release);
                }
            }
        }
        let mut done = Done(&self.flushing, true);
        loop {
            let batch = std::mem::take(&mut *self.pending.lock().unwrap_or_else(|p| p.into_inner()));
            if batch.is_empty() {
                self.flushing.store(false, Ordering::Release);
                // A report queued after the take found the flag still set and left it to us.
                let more = !self.pending.lock().unwrap_or_else(|p| p.into_inner()).is_empty();
                if !more || self.flushing.swap(true, Ordering::AcqRel) {
                    // The flag is no longer ours to clear.
                    done.1 = false;
                    return;
                }
                continue;
            }
            if let Err(e) = store.settle_reports(&batch) {
                // Kept for the next report's flush rather than tried again at once.
                tracing::error!(error = %e, reports = batch.len(), "delivery reports could not be counted yet");
                self.pending.lock().unwrap_or_else(|p| p.into_inner()).splice(0..0, batch);
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn reports_pushed_from_many_requests_at_once_are_each_counted_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap());
        let ids: Vec<[u8; 16]> = (0..500u16)
            .map(|i| [[0u8; 14].as_slice(), &i.to_be_bytes()].concat().try_into().unwrap())
            .collect();
        store.expect_reports(&ids, 20_908).unwrap();
        let queue = Arc::new(ReportQueue::default());
        let mut tasks = Vec::new();
        for chunk in ids.chunks(50) {
            let (queue, store, chunk) = (queue.clone(), store.clone(), chunk.to_vec());
            tasks.push(tokio::spawn(async move {
                for id in chunk {
                    // Every report twice, as a gateway retrying would.
                    queue.push(&store, id, Delivery::Delivered);
                    queue.push(&store, id, Delivery::Delivered);
                    tokio::task::yield_now().await;
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        while !queue.is_idle() {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        let counts = store.report_counts("2027-03").unwrap();
        assert_eq!((counts.delivered, counts.awaiting), (500, 0));
        assert!(store.writes() < 1_000, "batched: {} commits for 1,000 reports", store.writes());
    }
}
