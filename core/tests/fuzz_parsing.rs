//! Property test of the console's API parsing: tens of thousands of random and mutated replies,
//! derived from the fixtures, through the same `decode` the SPA uses. Never a panic; a bad reply
//! is a clear error; parsed tasks always give a graph or a graph error, never a hang.

use console_core::gfc::{CheckType, Operations, PreCheckStatus, Report, SearchResult};
use console_core::precheck::verdict::{
    summarize, summarize_cluster, summarize_switchover, Verdict,
};
use console_core::task::reader::TaskReader;
use console_core::wire::failure::decode;
use console_core::wire::{
    Cluster, ClusterPreCheck, SwitchoverPreCheckResult, TaskInstance, Tenant, TenantPreCheck,
};
use console_core::{graph::dag as graph, graph::layout, ApiFailure, Paged};
use serde_json::{json, Value};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: deterministic, so a failure reproduces.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../mock-server/fixtures");
    let mut out = Vec::new();
    for sub in ["seeds", "templates"] {
        for e in std::fs::read_dir(format!("{dir}/{sub}")).unwrap() {
            out.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
    }
    out.push(json!({"data": {"contents": [{"id": 1, "name": "c", "type": "STANDBY", "status": "RUNNING", "tenantCount": 3}],
        "page": {"number": 1, "size": 10, "totalElements": 1, "totalPages": 1}}, "status": 200, "successful": true}).to_string());
    out.push(json!({"data": {"syncScn": "1721726455929000000", "tenantId": 1, "valid": true, "checkResults": [{"errorCode": "OBE26120", "warning": true}]},
        "status": 200, "successful": true}).to_string());
    out.push(json!({"error": {"code": 20003, "message": "not in this state"}, "status": 400, "successful": false, "traceId": "0123456789abcdef"}).to_string());
    out.push(json!({"data": {"sessionId": "s", "done": false, "results": [{"componentId": 7922, "checkType": "VIP", "status": "RUNNING", "message": ""}]}}).to_string());
    out
}

const JUNK: &[&str] = &[
    "null",
    "[]",
    "{}",
    "\"\"",
    "-1",
    "1e999",
    "\"NaN\"",
    "true",
    "\"\u{202e}x\"",
    "18446744073709551616",
    "\"<script>\"",
];

/// Structure-aware: replaces random values in the JSON tree.
fn mutate_value(v: &mut Value, rng: &mut Rng) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            let keys: Vec<String> = m.keys().cloned().collect();
            let k = &keys[rng.below(keys.len())];
            match rng.below(4) {
                0 => {
                    m.remove(k);
                }
                1 => {
                    let junk: Value =
                        serde_json::from_str(JUNK[rng.below(JUNK.len())]).unwrap_or(Value::Null);
                    m.insert(k.clone(), junk);
                }
                _ => {
                    if let Some(child) = m.get_mut(k) {
                        mutate_value(child, rng)
                    }
                }
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let i = rng.below(a.len());
            match rng.below(3) {
                0 => {
                    a.remove(i);
                }
                1 => {
                    let dup = a[i].clone();
                    a.push(dup);
                }
                _ => mutate_value(&mut a[i], rng),
            }
        }
        Value::Number(n) => *v = Value::String(n.to_string()),
        Value::String(s) => {
            *v = if rng.below(2) == 0 {
                json!(s.len())
            } else {
                Value::String(format!("{s}\u{0}\u{fffd}"))
            }
        }
        _ => *v = serde_json::from_str(JUNK[rng.below(JUNK.len())]).unwrap_or(Value::Null),
    }
}

/// Byte-level: truncation, deletion, insertion, flips.
fn mutate_text(s: &str, rng: &mut Rng) -> String {
    let mut b = s.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        if b.is_empty() {
            break;
        }
        let i = rng.below(b.len());
        match rng.below(4) {
            0 => b.truncate(i),
            1 => {
                let end = (i + rng.below(16)).min(b.len());
                b.drain(i..end);
            }
            2 => {
                let j = JUNK[rng.below(JUNK.len())].as_bytes();
                b.splice(i..i, j.iter().copied());
            }
            _ => b[i] = (rng.next() & 0xff) as u8,
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

fn check<T: serde::de::DeserializeOwned>(text: &str, status: u16) -> Option<T> {
    match decode::<T>(status, None, text, true) {
        Ok(env) => env.data,
        Err(ApiFailure::Malformed { detail, .. }) => {
            assert!(!detail.is_empty(), "a malformed reply says why");
            None
        }
        Err(ApiFailure::Http { status: s, .. }) => {
            assert!(s >= 100, "an error keeps a status");
            None
        }
        Err(ApiFailure::NotJson { status: s, .. }) => {
            assert_eq!(s, status, "a page in OCP's place keeps its status");
            None
        }
        Err(other) => panic!("decode invented a transport failure: {other:?}"),
    }
}

#[test]
fn forty_thousand_mutated_replies_never_panic() {
    let corpus = corpus();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut parsed_tasks = 0;
    for i in 0..40_000 {
        let base = &corpus[rng.below(corpus.len())];
        let text = if i % 2 == 0 {
            let mut v: Value = serde_json::from_str(base).unwrap();
            for _ in 0..1 + rng.below(3) {
                mutate_value(&mut v, &mut rng);
            }
            v.to_string()
        } else {
            mutate_text(base, &mut rng)
        };
        let status = [200u16, 200, 200, 400, 500, 502][rng.below(6)];
        match rng.below(12) {
            0..=2 => {
                // A poll's reader, having read the reply before this one, gives exactly what a
                // whole read gives.
                let mut reader = TaskReader::default();
                let _ = reader.decode(200, None, base);
                assert_eq!(
                    reader.decode(status, None, &text),
                    decode::<TaskInstance>(status, None, &text, true),
                    "{text}"
                );
                if let Some(t) = check::<TaskInstance>(&text, status) {
                    parsed_tasks += 1;
                    // A graph or a clear graph error; layout only for valid graphs.
                    if let Ok(g) = graph::build(t.subtasks()) {
                        let l = layout::layout(&g);
                        assert_eq!(l.pos.len(), g.ids.len());
                    }
                }
            }
            3 => drop(check::<TenantPreCheck>(&text, status)),
            4 => drop(check::<Paged<TenantPreCheck>>(&text, status)),
            5 => drop(check::<Paged<Cluster>>(&text, status)),
            6 => drop(check::<Paged<Tenant>>(&text, status)),
            7 => drop(check::<ClusterPreCheck>(&text, status)),
            8 => drop(check::<SwitchoverPreCheckResult>(&text, status)),
            9 => drop(check::<PreCheckStatus>(&text, status)),
            10 => drop(check::<Vec<CheckType>>(&text, status)),
            _ => {
                drop(check::<SearchResult>(&text, status));
                drop(check::<Operations>(&text, status));
                drop(check::<Report>(&text, status));
            }
        }
    }
    assert!(
        parsed_tasks > 100,
        "the mutations must leave some tasks readable ({parsed_tasks})"
    );
}

#[test]
fn unknown_fields_and_enum_values_are_tolerated() {
    let mut rng = Rng(42);
    let base: Value = serde_json::from_str(&corpus()[0]).unwrap();
    for _ in 0..2000 {
        let mut v = base.clone();
        if let Some(obj) = v.as_object_mut() {
            obj.insert(format!("field{}", rng.next()), json!({"nested": [1, "x"]}));
        }
        let text = v
            .to_string()
            .replace("\"RUNNING\"", "\"HIBERNATING\"")
            .replace("\"PENDING\"", "\"QUEUED_V5\"");
        // Whatever the seed's type, an unknown field or enum value must not break it.
        let any: Result<_, _> = decode::<Value>(200, None, &text, true);
        assert!(any.is_ok());
        if text.contains("subtasks") {
            assert!(
                decode::<TaskInstance>(200, None, &text, true).is_ok(),
                "{text}"
            );
        }
    }
}

/// Mutations a real OCP or proxy might produce, none of which can state a new fact: a value
/// of another type, `null`, a removed key, an extra key, a huge number. (Never a `true`:
/// that would be a different answer, not a differently shaped one.)
fn reshape(v: &mut Value, rng: &mut Rng) {
    match v {
        Value::Object(m) if !m.is_empty() && rng.below(3) > 0 => {
            let keys: Vec<String> = m.keys().cloned().collect();
            let k = keys[rng.below(keys.len())].clone();
            match rng.below(5) {
                0 => {
                    m.remove(&k);
                }
                1 => {
                    m.insert(k, Value::Null);
                }
                2 => {
                    m.insert(format!("x{}", rng.below(1000)), json!({"added": [1, null]}));
                }
                _ => {
                    if let Some(child) = m.get_mut(&k) {
                        reshape(child, rng)
                    }
                }
            }
        }
        Value::Array(a) if !a.is_empty() && rng.below(3) > 0 => {
            let i = rng.below(a.len());
            if rng.below(4) == 0 {
                a.insert(i, Value::Null);
            } else {
                reshape(&mut a[i], rng);
            }
        }
        Value::Bool(b) => {
            *v = match rng.below(3) {
                0 => Value::String(b.to_string()),
                1 => json!(u8::from(*b)),
                _ => Value::Null,
            }
        }
        Value::Number(n) => {
            *v = match rng.below(3) {
                0 => Value::String(n.to_string()),
                1 => json!(1e30),
                _ => Value::String("99999999999999999999".into()),
            }
        }
        Value::String(s) => {
            *v = match rng.below(3) {
                0 => json!(s.len()),
                1 => json!([s.clone()]),
                _ => Value::String(String::new()),
            }
        }
        Value::Object(_) => *v = json!([v.clone()]),
        Value::Array(_) => *v = json!({"0": v.clone()}),
        Value::Null => *v = json!(18446744073709551616u128 as f64),
    }
}

/// Failing precheck replies of every kind: the seed samples and the documented shapes.
fn failing_samples() -> Vec<(&'static str, Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../mock-server/fixtures/seeds");
    let read = |f: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{f}")).unwrap()).unwrap()
    };
    vec![
        ("tenant", read("tenant-failover-precheck.zh.json")),
        ("batch", read("batch-failover-precheck.en.json")),
        (
            "cluster",
            json!({"data": {"result": {"messages": [
            "Switchover status of the specified cluster ob3231: NOT ALLOWED, unable to perform switchover, reason: PRIMARY CLUSTER DOING BACKUP",
            "Daily switchover pre-check failed, there are ongoing backup tasks, backup type: LOG_BACKUP"], "valid": false}},
            "duration": 168, "server": "x", "status": 200, "successful": true, "timestamp": "2022-09-05T13:33:06.328+08:00", "traceId": "613a37ece824402b"}),
        ),
        (
            "switchover",
            json!({"data": {"clusterId": 3000010, "name": "sales", "tenantId": 2000021, "valid": false,
            "standbyCheckResults": [
                {"name": "sales_dr", "tenantId": 2000031, "valid": false, "checkResults": [{"errorCode": "OBE26131", "errorMessage": "primary unreachable", "warning": false}]},
                {"name": "sales_dr2", "tenantId": 2000032, "valid": false, "checkResults": [{"errorCode": "OBE26101", "errorMessage": "not NORMAL", "warning": false}, {"errorCode": "OBE26120", "errorMessage": "lag", "warning": false}]}]},
            "status": 200, "successful": true}),
        ),
    ]
}

#[test]
fn no_reshaped_failing_precheck_ever_reads_as_pass() {
    let samples = failing_samples();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut read = 0;
    for _ in 0..20_000 {
        let (kind, base) = &samples[rng.below(samples.len())];
        let mut v = base.clone();
        for _ in 0..1 + rng.below(4) {
            reshape(&mut v, &mut rng);
        }
        let text = v.to_string();
        let verdicts: Vec<Verdict> = match *kind {
            "tenant" => check::<TenantPreCheck>(&text, 200).map(|p| vec![summarize(&p).verdict]),
            "batch" => check::<Paged<TenantPreCheck>>(&text, 200)
                .map(|p| p.contents.iter().map(|t| summarize(t).verdict).collect()),
            "cluster" => check::<ClusterPreCheck>(&text, 200)
                .map(|c| vec![summarize_cluster(&c, "c").verdict]),
            _ => check::<SwitchoverPreCheckResult>(&text, 200)
                .map(|r| vec![summarize_switchover(&r).verdict]),
        }
        .unwrap_or_default();
        read += usize::from(!verdicts.is_empty());
        assert!(
            !verdicts.contains(&Verdict::Pass),
            "a reshaped failing {kind} precheck read as Pass: {text}"
        );
    }
    assert!(read > 5_000, "many reshaped replies stay readable ({read})");
}

#[test]
fn adding_a_result_never_makes_a_verdict_more_permissive() {
    // Permissiveness: Blocked < NoVerdict < Pass.
    let rank = |v: Verdict| match v {
        Verdict::Blocked => 0,
        Verdict::NoVerdict => 1,
        Verdict::Pass => 2,
    };
    let mut rng = Rng(7);
    for _ in 0..5_000 {
        let valid = [json!(true), json!(false), Value::Null][rng.below(3)].clone();
        let result = |rng: &mut Rng| -> Value {
            match rng.below(5) {
                0 => json!({"errorCode": "E1", "warning": false}),
                1 => json!({"errorCode": "W1", "warning": true}),
                2 => json!({"errorMessage": "no flag"}),
                3 => json!({}),
                _ => Value::Null,
            }
        };
        let results: Vec<Value> = (0..rng.below(4)).map(|_| result(&mut rng)).collect();
        let before: TenantPreCheck =
            serde_json::from_value(json!({"valid": valid, "checkResults": results})).unwrap();
        let mut more = results.clone();
        more.insert(rng.below(more.len() + 1), result(&mut rng));
        let after: TenantPreCheck =
            serde_json::from_value(json!({"valid": valid, "checkResults": more})).unwrap();
        let (b, a) = (summarize(&before).verdict, summarize(&after).verdict);
        assert!(
            rank(a) <= rank(b),
            "{before:?} -> {after:?}: {b:?} became {a:?}"
        );
        // And a reply with no results never reads as Pass unless OCP said valid.
        if results.is_empty() && valid != json!(true) {
            assert_ne!(b, Verdict::Pass);
        }
    }
}
