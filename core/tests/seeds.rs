//! Round trip of every seed sample (mock-server/fixtures/seeds, copied verbatim from the documents the product came from): it
//! parses into the wire types and serializes back to equal JSON, so no field is lost or renamed.

use console_core::wire::{TaskInstance, TenantPreCheck};
use console_core::{Envelope, Paged};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../mock-server/fixtures/seeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

fn round_trip<T: DeserializeOwned + Serialize>(name: &str) -> Envelope<T> {
    let text = fixture(name);
    let original: Value = serde_json::from_str(&text).unwrap();
    let parsed: Envelope<T> = serde_json::from_str(&text).unwrap();
    let back = serde_json::to_value(&parsed).unwrap();
    assert_eq!(back, original, "{name} does not survive a round trip");
    parsed
}

#[test]
fn tenant_failover_precheck_seed_001() {
    let env = round_trip::<TenantPreCheck>("tenant-failover-precheck.zh.json");
    let data = env.data.unwrap();
    assert_eq!(data.valid, Some(false));
    let checks = data.check_results.unwrap();
    assert_eq!(checks.len(), 1);
    assert!(checks[0].is_blocking());
    assert_eq!(
        checks[0].error_code.as_ref().unwrap().to_string(),
        "OBE26107"
    );
    assert_eq!(env.trace_id.as_deref(), Some("8a4d817ee7e5aed8"));
}

#[test]
fn tenant_failover_seed_002() {
    let env = round_trip::<TaskInstance>("tenant-failover.json");
    let task = env.data.unwrap();
    assert_eq!(task.subtasks().len(), 5);
    assert_eq!(task.creator.as_ref().and_then(|c| c.name()), Some("admin"));
    assert_eq!(task.progress(), (0, 5));
}

#[test]
fn cluster_failover_seed_003() {
    let env = round_trip::<TaskInstance>("cluster-failover.json");
    let task = env.data.unwrap();
    assert_eq!(task.subtasks().len(), 9);
    assert_eq!(task.cluster_id.map(|c| c.get()), Some(6));
}

#[test]
fn batch_failover_precheck_seed_004() {
    let env = round_trip::<Paged<TenantPreCheck>>("batch-failover-precheck.en.json");
    let data = env.data.unwrap();
    assert_eq!(data.contents.len(), 1);
    assert!(data.page.is_none());
}
