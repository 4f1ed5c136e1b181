//! What real OCP sends that a strict client would choke on (docs/ocp-api.md §1.2, §10.6).

use console_core::wire::failure::decode;
use console_core::wire::{
    Cluster, ClusterStatus, Creator, SubtaskStatus, TaskInstance, TenantPreCheck, TenantRole,
};
use console_core::{Envelope, Long, Paged};

#[test]
fn sync_scn_above_2_pow_53_arrives_as_a_string() {
    let body = r#"{"data":{"syncScn":"1721726455929000000","tenantId":1002,"valid":true},"status":200,"successful":true}"#;
    let env = decode::<TenantPreCheck>(200, None, body, true).unwrap();
    assert_eq!(
        env.data.unwrap().sync_scn,
        Some(Long(1_721_726_455_929_000_000))
    );
}

#[test]
fn longs_as_numbers_or_strings_anywhere() {
    let body = r#"{"id":"12022226","subtasks":[{"id":13025788,"upstreams":["13025787"],"downstreams":[],"runTime":"2"}]}"#;
    let t: TaskInstance = serde_json::from_str(body).unwrap();
    assert_eq!(t.id, Some(Long(12022226)));
    assert_eq!(t.subtasks()[0].upstreams, Some(vec![Long(13025787)]));
    assert_eq!(t.subtasks()[0].run_time, Some(Long(2)));
}

#[test]
fn missing_optional_fields_are_fine() {
    let t: TaskInstance = serde_json::from_str("{}").unwrap();
    assert!(t.subtasks().is_empty());
    let c: Cluster = serde_json::from_str(r#"{"id":1}"#).unwrap();
    assert_eq!(c.name, None);
}

#[test]
fn unknown_enum_values_are_kept_not_rejected() {
    let c: Cluster =
        serde_json::from_str(r#"{"id":1,"status":"HIBERNATING","type":"standby"}"#).unwrap();
    assert_eq!(c.status, Some(ClusterStatus::Unknown("HIBERNATING".into())));
    // Lowercase is accepted for known values.
    assert_eq!(
        c.cluster_type,
        Some(console_core::wire::ClusterType::Standby)
    );
    let t: TaskInstance = serde_json::from_str(r#"{"subtasks":[{"status":"PAUSED"}]}"#).unwrap();
    assert_eq!(
        t.subtasks()[0].status,
        Some(SubtaskStatus::Unknown("PAUSED".into()))
    );
    // And written back exactly as received.
    assert!(serde_json::to_string(&t).unwrap().contains("\"PAUSED\""));
    let r: TenantRole = serde_json::from_str("\"LEARNER\"").unwrap();
    assert_eq!(r.as_wire(), "LEARNER");
}

#[test]
fn creator_as_string_or_object() {
    let a: TaskInstance = serde_json::from_str(r#"{"creator":"admin"}"#).unwrap();
    let b: TaskInstance = serde_json::from_str(r#"{"creator":{"id":1,"name":"admin"}}"#).unwrap();
    let c: TaskInstance = serde_json::from_str(r#"{"creator":{"id":1}}"#).unwrap();
    assert_eq!(a.creator.as_ref().and_then(Creator::name), Some("admin"));
    assert_eq!(b.creator.as_ref().and_then(Creator::name), Some("admin"));
    assert_eq!(c.creator.as_ref().and_then(Creator::name), None);
}

#[test]
fn no_data_key_on_no_data_replies() {
    let body = r#"{"duration":325,"server":"a83ad33525","status":200,"successful":true,"timestamp":"2020-12-15T18:35:38.874+08:00","traceId":"9dc0c94ed1d043dc"}"#;
    let env: Envelope<TaskInstance> = serde_json::from_str(body).unwrap();
    assert!(env.data.is_none());
    // Rollback may answer either way (docs/ocp-api.md §4 note).
    let with: Envelope<TaskInstance> =
        serde_json::from_str(r#"{"data":{"id":5},"successful":true}"#).unwrap();
    assert_eq!(with.data.and_then(|t| t.id), Some(Long(5)));
}

#[test]
fn paged_and_iterable_lists() {
    let paged: Paged<Cluster> = serde_json::from_str(
        r#"{"contents":[{"id":1}],"page":{"number":1,"size":10,"totalElements":1,"totalPages":1}}"#,
    )
    .unwrap();
    assert_eq!(paged.page.unwrap().total_pages, Some(Long(1)));
    let iterable: Paged<Cluster> = serde_json::from_str(r#"{"contents":[]}"#).unwrap();
    assert!(iterable.page.is_none());
}

#[test]
fn a_wrong_type_costs_only_its_field() {
    // Before issue 10 this rejected the whole list; now only the one id is unknown.
    let env = decode::<Paged<Cluster>>(
        200,
        None,
        r#"{"data":{"contents":[{"id":"abc","name":"c1"}]}}"#,
        true,
    )
    .unwrap();
    let c = &env.data.unwrap().contents[0];
    assert_eq!(c.id, None);
    assert_eq!(c.name.as_deref(), Some("c1"));
    assert_eq!(c.unreadable.get("/id"), Some(&serde_json::json!("abc")));
}

#[test]
fn null_contents_and_page_fields_are_an_empty_list() {
    for body in [
        r#"{"data":{"contents":null,"page":{"totalElements":null}}}"#,
        r#"{"data":{}}"#,
        r#"{"data":{"contents":[null,{"id":1}],"page":null}}"#,
    ] {
        let env = decode::<Paged<Cluster>>(200, None, body, true).unwrap();
        let data = env.data.unwrap();
        assert!(data.contents.len() <= 1, "{body}");
        assert!(
            data.page.as_ref().and_then(|p| p.pages()).is_none(),
            "{body}"
        );
    }
}

#[test]
fn gfc_replies_read_field_by_field_and_an_unreadable_check_never_passes() {
    use console_core::gfc::{check_verdict, may_launch, CheckStatus, PreCheckStatus};
    let body = r#"{"data":{"sessionId":7,"done":"true","results":[
        {"componentId":"7922","checkType":"VIP","status":"PASS","message":null},
        null,
        {"componentId":7923,"checkType":"VIP","status":1}]}}"#;
    let s: PreCheckStatus = decode::<PreCheckStatus>(200, None, body, true)
        .unwrap()
        .data
        .unwrap();
    assert_eq!(s.session_id, "7");
    assert!(s.done);
    assert_eq!(s.results[0].component_id, 7922);
    assert_eq!(s.results[0].message, "");
    assert_eq!(s.results[1].status, CheckStatus::Unknown("null".into()));
    assert_eq!(s.results[2].status, CheckStatus::Unknown("1".into()));
    let v = check_verdict(&s.results);
    assert!(!v.finished);
    assert!(!may_launch(&v, &[]));
}
