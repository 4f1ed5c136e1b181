//! The task engine over real HTTP, driven by the admin clock: runs in edge order, failures,
//! retry, skip, cancel, timeouts, rollback in reverse, OCP's state errors, and the estate
//! changing when a launch finishes.

mod common;

use common::Mock;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Task helpers on top of the shared mock client.
trait Tasks {
    async fn task(&self, id: &Value) -> Value;
    async fn launch(&self, path: &str) -> Value;
    async fn run_until_done(&self, id: &Value) -> Value;
}

impl Tasks for Mock {
    async fn task(&self, id: &Value) -> Value {
        let (st, v) = self.get(&format!("/api/v2/tasks/instances/{id}")).await;
        assert_eq!(st, StatusCode::OK);
        v["data"].clone()
    }
    async fn launch(&self, path: &str) -> Value {
        let (st, v) = self.post("admin", path, None).await;
        assert_eq!(st, StatusCode::OK, "{v}");
        v["data"]["id"].clone()
    }
    /// Advances until the task leaves RUNNING (bounded), returning it.
    async fn run_until_done(&self, id: &Value) -> Value {
        for _ in 0..200 {
            let t = self.task(id).await;
            if t["status"] != json!("RUNNING") {
                return t;
            }
            self.advance(1.0).await;
        }
        panic!("task {id} never ended");
    }
}

fn sub<'a>(task: &'a Value, name: &str) -> &'a Value {
    task["subtasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == json!(name))
        .unwrap_or_else(|| panic!("no subtask {name}"))
}

#[tokio::test]
async fn cluster_failover_runs_in_edge_order_and_the_standby_becomes_primary() {
    let s = Mock::paused().await;
    let id = s.launch("/api/v2/ob/clusters/6/failover").await;
    let t = s.task(&id).await;
    assert_eq!(t["status"], json!("RUNNING"));
    assert_eq!(sub(&t, "Mc lock ob clusters")["status"], json!("RUNNING"));
    assert!(sub(&t, "Mc lock ob clusters")["startTime"].is_string());
    assert!(
        sub(&t, "Wait node").get("startTime").is_none(),
        "pending subtasks carry no time"
    );
    let done = s.run_until_done(&id).await;
    assert_eq!(done["status"], json!("SUCCESSFUL"));
    assert!(done["finishTime"].is_string());
    // Every subtask started after each of its upstreams finished.
    for st in done["subtasks"].as_array().unwrap() {
        assert_eq!(st["status"], json!("SUCCESSFUL"));
        assert_eq!(st["executor"], done["executor"]);
        for up in st["upstreams"].as_array().unwrap() {
            let u = done["subtasks"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| &x["id"] == up)
                .unwrap();
            assert!(
                u["finishTime"].as_str().unwrap() <= st["startTime"].as_str().unwrap(),
                "{} before {}",
                u["name"],
                st["name"]
            );
        }
    }
    let (_, c) = s.get("/api/v2/ob/clusters/6").await;
    assert_eq!(c["data"]["type"], json!("PRIMARY"));
    let (_, old) = s.get("/api/v2/ob/clusters/5").await;
    assert_eq!(old["data"]["status"], json!("UNAVAILABLE"));
}

#[tokio::test]
async fn a_failed_subtask_is_retried_then_another_skipped() {
    let s = Mock::paused().await;
    s.admin(
        "/__admin/task-faults",
        json!({"subtaskName": "Failover to Primary", "kind": "fail"}),
    )
    .await;
    s.admin(
        "/__admin/task-faults",
        json!({"subtaskName": "Sync all cluster info", "kind": "fail"}),
    )
    .await;
    let id = s.launch("/api/v2/ob/clusters/6/failover").await;
    let t = s.run_until_done(&id).await;
    assert_eq!(t["status"], json!("FAILED"));
    let failed = sub(&t, "Failover to Primary");
    assert_eq!(failed["status"], json!("FAILED"));
    assert_eq!(
        sub(&t, "Update OB cluster status")["status"],
        json!("PENDING")
    );
    // Retrying a RUNNING task or a successful subtask is refused with 20003.
    let ok_sub = &sub(&t, "Mc lock ob clusters")["id"];
    let (st, v) = s
        .post(
            "admin",
            &format!("/api/v2/tasks/instances/{id}/subtasks/{ok_sub}/retry"),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(v["error"]["code"], json!(20003));

    let (st, v) = s
        .post(
            "admin",
            &format!(
                "/api/v2/tasks/instances/{id}/subtasks/{}/retry",
                failed["id"]
            ),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["data"]["runTime"], json!(2));
    assert_eq!(v["data"]["operation"], json!("RETRY"));
    let t = s.run_until_done(&id).await;
    assert_eq!(
        sub(&t, "Failover to Primary")["status"],
        json!("SUCCESSFUL")
    );
    assert_eq!(
        t["status"],
        json!("FAILED"),
        "the second fault stops it again"
    );
    let second = sub(&t, "Sync all cluster info")["id"].clone();
    let (st, v) = s
        .post(
            "admin",
            &format!("/api/v2/tasks/instances/{id}/subtasks/{second}/skip"),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert!(v.get("data").is_none(), "skip answers without data");
    let t = s.run_until_done(&id).await;
    assert_eq!(t["status"], json!("SUCCESSFUL"));
    assert_eq!(sub(&t, "Sync all cluster info")["operation"], json!("SKIP"));
    let (_, log) = s
        .get(&format!(
            "/api/v2/tasks/instances/{id}/subtasks/{}/log",
            sub(&t, "Failover to Primary")["id"]
        ))
        .await;
    let log = log["data"]["log"].as_str().unwrap();
    assert_eq!(log.matches("############{").count(), 2, "{log}");
    assert!(log.contains("ERROR Subtask failed: injected fault"));
}

#[tokio::test]
async fn rollback_undoes_steps_in_reverse_and_a_prohibited_one_is_refused() {
    let s = Mock::paused().await;
    s.admin(
        "/__admin/task-faults",
        json!({"subtaskName": "Wait standby log sync", "kind": "fail"}),
    )
    .await;
    let id = s
        .launch("/api/v2/ob/clusters/3000012/tenants/2000033/switchover")
        .await;
    let (st, v) = s
        .post(
            "admin",
            &format!("/api/v2/tasks/instances/{id}/rollback"),
            None,
        )
        .await;
    assert_eq!(
        st,
        StatusCode::BAD_REQUEST,
        "a RUNNING task cannot roll back"
    );
    assert_eq!(v["error"]["code"], json!(20003));
    let t = s.run_until_done(&id).await;
    assert_eq!(t["status"], json!("FAILED"));
    let (st, v) = s
        .post(
            "admin",
            &format!("/api/v2/tasks/instances/{id}/rollback"),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert!(v.get("data").is_none());
    let t = s.run_until_done(&id).await;
    assert_eq!(t["status"], json!("SUCCESSFUL"));
    assert_eq!(t["operation"], json!("ROLLBACK"));
    assert!(t["subtasks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["status"] == json!("PENDING")));
    // The later step was undone first.
    let wait = sub(&t, "Wait standby log sync")["finishTime"]
        .as_str()
        .unwrap()
        .to_string();
    let check = sub(&t, "Check tenant switchover status")["finishTime"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(wait < check, "undo order: {wait} then {check}");
    // The tenant did not change role.
    let (_, tn) = s.get("/api/v2/ob/clusters/3000012/tenants/2000033").await;
    assert_eq!(tn["data"]["tenantRole"], json!("STANDBY"));

    s.admin(
        "/__admin/task-faults",
        json!({"subtaskName": "Switchover primary to standby", "kind": "fail"}),
    )
    .await;
    let id = s.launch("/api/v2/ob/clusters/8/switchover").await;
    let t = s.run_until_done(&id).await;
    assert_eq!(t["status"], json!("FAILED"));
    let (st, v) = s
        .post(
            "admin",
            &format!("/api/v2/tasks/instances/{id}/rollback"),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(v["error"]["code"], json!(20004));
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("Switchover primary to standby"));
}

#[tokio::test]
async fn cancel_and_timeout_end_failed_with_operation_cancel() {
    let s = Mock::paused().await;
    s.admin(
        "/__admin/task-faults",
        json!({"subtaskName": "Mc lock ob clusters", "kind": "hang", "times": 2}),
    )
    .await;
    let id = s.launch("/api/v2/ob/clusters/6/failover").await;
    s.advance(3.0).await;
    let t = s.task(&id).await;
    let lock = sub(&t, "Mc lock ob clusters").clone();
    assert_eq!(lock["status"], json!("RUNNING"));
    let (_, log1) = s
        .get(&format!(
            "/api/v2/tasks/instances/{id}/subtasks/{}/log",
            lock["id"]
        ))
        .await;
    s.advance(2.0).await;
    let (_, log2) = s
        .get(&format!(
            "/api/v2/tasks/instances/{id}/subtasks/{}/log",
            lock["id"]
        ))
        .await;
    assert!(
        log2["data"]["log"].as_str().unwrap().len() > log1["data"]["log"].as_str().unwrap().len(),
        "the log grows while it runs"
    );
    let (st, _) = s
        .post(
            "admin",
            &format!(
                "/api/v2/tasks/instances/{id}/subtasks/{}/cancel",
                lock["id"]
            ),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(
        sub(&s.task(&id).await, "Mc lock ob clusters")["status"],
        json!("CANCELING")
    );
    s.advance(1.0).await;
    let t = s.task(&id).await;
    assert_eq!(t["status"], json!("FAILED"));
    assert_eq!(sub(&t, "Mc lock ob clusters")["operation"], json!("CANCEL"));
    // Retried, it hangs again (the fault had two runs) past its 60 s timeout, until the
    // timeout sweep cancels it.
    let (st, _) = s
        .post(
            "admin",
            &format!("/api/v2/tasks/instances/{id}/retry"),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    s.advance(100.0).await;
    let dbg = s.task(&id).await;
    assert_eq!(
        dbg["status"],
        json!("RUNNING"),
        "{}",
        sub(&dbg, "Mc lock ob clusters")
    );
    s.advance(21.0).await;
    let t = s.task(&id).await;
    assert_eq!(t["status"], json!("FAILED"));
    let (_, log) = s
        .get(&format!(
            "/api/v2/tasks/instances/{id}/subtasks/{}/log",
            lock["id"]
        ))
        .await;
    assert!(log["data"]["log"]
        .as_str()
        .unwrap()
        .contains("exceeded its timeout of 60 s"));
}

#[tokio::test]
async fn a_finished_tenant_failover_makes_the_standby_primary() {
    let s = Mock::paused().await;
    let id = s
        .launch("/api/v2/ob/clusters/3000012/tenants/2000031/failover")
        .await;
    let (_, list) = s
        .get("/api/v2/tasks/instances?status=RUNNING&tenantId=2000031")
        .await;
    assert_eq!(list["data"]["contents"].as_array().unwrap().len(), 1);
    assert_eq!(s.run_until_done(&id).await["status"], json!("SUCCESSFUL"));
    let (_, t) = s.get("/api/v2/ob/clusters/3000012/tenants/2000031").await;
    assert_eq!(t["data"]["tenantRole"], json!("PRIMARY"));
    assert_eq!(t["data"]["serviceName"], json!("SERVICE_SALES"));
    let (st, _) = s
        .post(
            "admin",
            "/api/v2/ob/clusters/3000012/tenants/2000031/failoverPreCheck",
            None,
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "it is no longer a standby");
    let (_, batch) = s
        .post(
            "admin",
            "/api/v2/ob/clusters/3000012/tenants/failoverPreCheck",
            None,
        )
        .await;
    assert_eq!(batch["data"]["contents"].as_array().unwrap().len(), 3);
    let (_, list) = s.get("/api/v2/tasks/instances?status=SUCCESSFUL").await;
    assert_eq!(list["data"]["contents"][0]["id"], id);
    let (st, v) = s
        .post("admin", "/api/v2/tasks/instances/999999/retry", None)
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert_eq!(v["error"]["code"], json!(20000));
}

#[tokio::test]
async fn the_kept_task_detail_is_what_the_list_renders_afresh_as_the_task_moves() {
    // The detail is rendered once per change of the task and kept; the list renders every
    // time. Both must show the same task, poll after poll, while it runs and after a rename.
    let s = Mock::paused().await;
    let id = s
        .launch("/api/v2/ob/clusters/3000012/tenants/2000033/switchover")
        .await;
    let listed = |v: Value| {
        v["data"]["contents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .cloned()
            .unwrap()
    };
    let mut seen = Vec::new();
    for step in 0..6 {
        let first = s.task(&id).await;
        let again = s.task(&id).await;
        assert_eq!(first, again, "step {step}");
        let (_, list) = s.get("/api/v2/tasks/instances").await;
        assert_eq!(first, listed(list), "step {step}");
        seen.push(first["subtasks"].clone());
        if step == 3 {
            s.admin("/__admin/tenants/2000033", json!({"name": "renamed"}))
                .await;
            assert_eq!(s.task(&id).await["tenant"]["name"], json!("renamed"));
        }
        s.advance(5.0).await;
    }
    assert_ne!(seen.first(), seen.last(), "the task moved on");
    // The envelope around a kept rendering: OCP's fields, keys sorted.
    let (st, text) = s
        .get_as(
            Some(("admin", "admin")),
            &format!("/api/v2/tasks/instances/{id}"),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let v: Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "data",
            "duration",
            "server",
            "status",
            "successful",
            "timestamp",
            "traceId"
        ]
    );
    assert!(text.starts_with("{\"data\":{"), "{text:.40}");
    assert_eq!(v["status"], json!(200));
    assert_eq!(v["successful"], json!(true));
}

/// Earlier drills are in the list, finished, findable by name, and a new launch's steps take
/// about what theirs took: what the console's time estimates learn from.
#[tokio::test]
async fn earlier_drills_are_listed_and_a_new_launch_takes_their_step_times() {
    let s = Mock::paused().await;
    let (_, list) = s
        .get("/api/v2/tasks/instances?name=failover%20TENANT&status=SUCCESSFUL&size=100")
        .await;
    let drills = list["data"]["contents"].as_array().unwrap().clone();
    // 7 recent runs and 12 older ones (tests/drills.rs reads the whole history).
    assert_eq!(drills.len(), 19, "{list}");
    assert!(drills.iter().all(|t| t["name"] == json!("Failover tenant")));
    // Run in turn by four operators, newest first.
    let creators: Vec<&Value> = drills
        .iter()
        .take(5)
        .map(|t| &t["creator"]["name"])
        .collect();
    assert_eq!(
        creators,
        ["ops_li", "ops_chen", "admin", "dba_wang", "ops_li"]
    );
    let drill = s.task(&drills[0]["id"]).await;
    let took = |t: &Value, step: &str| {
        let ms = |k: &str| {
            console_core::time::parse_ms(
                sub(t, step)[k].as_str().unwrap(),
                console_core::time::Offset::parse("+08:00").unwrap(),
            )
            .unwrap()
        };
        ms("finishTime") - ms("startTime")
    };
    let id = s
        .launch("/api/v2/ob/clusters/3000012/tenants/2000031/failover")
        .await;
    // `status` takes a comma list: the running launch and every drill.
    let (_, both) = s
        .get("/api/v2/tasks/instances?status=RUNNING,%20successful&size=100")
        .await;
    // 76 drills, one of them left FAILED.
    assert_eq!(both["data"]["page"]["totalElements"], json!(76), "{both}");
    assert_eq!(both["data"]["contents"][0]["id"], id);
    let done = s.run_until_done(&id).await;
    for step in ["Reset log restore source", "Failover to primary tenant"] {
        let (a, b) = (took(&drill, step), took(&done, step));
        // Usual runs vary by up to 8 %.
        assert!(
            a > 0 && (a - b).abs() <= b / 10,
            "{step}: drill {a} ms, launch {b} ms"
        );
    }
    // The drills sit below launches: the list shows the new task first.
    let (_, all) = s.get("/api/v2/tasks/instances").await;
    assert_eq!(all["data"]["contents"][0]["id"], id);
}
