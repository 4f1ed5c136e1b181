//! The board's first request, sent as its route is matched: the board's code is still on its
//! way then (a chunk), and on a slow link waiting for it before asking OCP costs a round trip
//! and the transfer of the reply (measured on the large estate: the cluster list went out
//! 600 ms after sign-in, 20 ms after the chunk arrived). The reply is kept for the board's
//! first load, taken once, and only if it is fresh; anything else reads OCP as before.

use crate::api::Api;
use console_core::precheck::estate::MAX_PAGE_SIZE;
use console_core::wire::Cluster;
use console_core::{ApiFailure, Paged};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::future::Future;
use std::task::{Poll, Waker};

type FirstPage = Result<Paged<Cluster>, ApiFailure>;

/// An early request older than this is not used (the operator went elsewhere meanwhile).
const FRESH_MS: f64 = 10_000.0;

struct Early {
    sent_ms: f64,
    reply: Option<FirstPage>,
    waker: Option<Waker>,
    taken: bool,
}

thread_local! {
    static EARLY: RefCell<Option<Early>> = const { RefCell::new(None) };
}

/// Sends the estate's first request (the clusters, OCP's largest page) now.
pub(crate) fn start() {
    let Some(api) = use_context::<Api>() else {
        return;
    };
    EARLY.with(|e| {
        *e.borrow_mut() = Some(Early {
            sent_ms: js_sys::Date::now(),
            reply: None,
            waker: None,
            taken: false,
        })
    });
    spawn_local(async move {
        let reply = api.list_clusters(1, MAX_PAGE_SIZE).await;
        EARLY.with(|e| {
            if let Some(e) = e.borrow_mut().as_mut() {
                e.reply = Some(reply);
                if let Some(w) = e.waker.take() {
                    w.wake();
                }
            }
        });
    });
}

/// The early request's reply, if one was sent in the last [`FRESH_MS`] and not taken yet.
pub(crate) fn take() -> Option<impl Future<Output = FirstPage>> {
    let usable = EARLY.with(|e| {
        let mut e = e.borrow_mut();
        match e.as_mut() {
            Some(early) if !early.taken && js_sys::Date::now() - early.sent_ms < FRESH_MS => {
                early.taken = true;
                true
            }
            _ => false,
        }
    });
    usable.then(|| {
        std::future::poll_fn(|cx| {
            EARLY.with(|e| {
                let mut slot = e.borrow_mut();
                match slot.as_mut() {
                    Some(early) => match early.reply.take() {
                        Some(reply) => {
                            *slot = None;
                            Poll::Ready(reply)
                        }
                        None => {
                            early.waker = Some(cx.waker().clone());
                            Poll::Pending
                        }
                    },
                    // Replaced by a newer early request: never left waiting.
                    None => Poll::Ready(Err(ApiFailure::Network {
                        detail: "the early request was dropped".into(),
                    })),
                }
            })
        })
    })
}
