//! A GFC report as CSV, for the operator to download: one row per component, quoted where
//! needed. Apart from the wire types it writes: only the report page asks for it.

use super::wire::Report;

/// The report as CSV: one row per component, quoted where needed.
pub fn report_csv(r: &Report) -> String {
    fn q(s: &str) -> String {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }
    let mut out = String::from("sessionId,mark,componentId,componentName,fromDc,toDc,stateBefore,stateAfter,result,startTime,endTime,ticket,message\n");
    for o in &r.operations {
        let row = [
            r.session_id.clone(),
            r.failoverback_mark.clone(),
            o.component_id.to_string(),
            o.component_name.clone(),
            o.from_dc.clone(),
            o.to_dc.clone(),
            o.state_before.as_wire().to_string(),
            o.state_after
                .as_ref()
                .map(|s| s.as_wire().to_string())
                .unwrap_or_default(),
            o.state.as_wire().to_string(),
            o.start_time.clone().unwrap_or_default(),
            o.end_time.clone().unwrap_or_default(),
            o.ticket.clone(),
            o.message.clone(),
        ];
        out.push_str(&row.iter().map(|c| q(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gfc::{ComponentState, Operation, OperationState};

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let report = Report {
            session_id: "s1".into(),
            user_name: "u".into(),
            failoverback_mark: "failover".into(),
            reason: "r".into(),
            est_failback_time: String::new(),
            start_time: None,
            end_time: None,
            operations: vec![Operation {
                component_id: 7922,
                component_name: "web, \"edge\"".into(),
                from_dc: "DFW".into(),
                to_dc: "ORD".into(),
                state: OperationState::Done,
                state_before: ComponentState::Auto,
                state_after: Some(ComponentState::Manual),
                start_time: None,
                end_time: None,
                message: "ok".into(),
                ticket: "CHG1".into(),
            }],
        };
        let csv = report_csv(&report);
        let line = csv.lines().nth(1).unwrap();
        assert_eq!(
            line,
            "s1,failover,7922,\"web, \"\"edge\"\"\",DFW,ORD,AUTO,MANU,DONE,,,CHG1,ok"
        );
    }
}
