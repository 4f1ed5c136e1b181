//! The tasks page's list: its filters as a URL query (every link to the list is written from
//! one), which of them OCP applies and which the browser applies to what was loaded, and the
//! CSV export of the rows shown.
//!
//! OCP's task list (`GET /api/v2/tasks/instances`, docs/ocp-api.md T1) filters by `clusterId`,
//! `tenantId`, `status` (a comma list) and `name` (fuzzy), and has no creator or time filter.
//! So those four go to OCP, while creator and time range are applied here to the tasks one load
//! read ([`LOADED`] at most), and the page says so.

use super::shown::{task_matches, TaskSort};
use crate::i18n::{text, Lang, Text};
use crate::listing::SortKey;
use crate::name::name_or_id;
use crate::time::{parse_ms, Civil, Instant, Offset};
use crate::url::encode;
use crate::wire::TaskInstance;

/// Tasks one load of the list reads (one page of OCP's list); the browser's filters see these.
pub const LOADED: u32 = 200;

/// The task names of the launches this console makes, as OCP names them (the "kind" filter).
pub const KINDS: [(&str, Text); 4] = [
    ("Failover tenant", Text::KindTenantFailover),
    (
        "Switchover ob tenant for network mode",
        Text::KindTenantSwitchover,
    ),
    ("Failover OB cluster", Text::KindClusterFailover),
    ("Switchover OB cluster", Text::KindClusterSwitchover),
];

/// The statuses a task can have (OCP's `TaskStatus`), in the order the filter offers them.
pub const STATUSES: [&str; 3] = ["RUNNING", "FAILED", "SUCCESSFUL"];

/// A day of the calendar, as a date input gives it (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(Civil);

impl Day {
    /// `YYYY-MM-DD`, a date that exists; anything else is `None`.
    pub fn parse(s: &str) -> Option<Day> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Civil::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?, 0, 0, 0, 0).map(Day)
    }

    pub fn to_wire(self) -> String {
        format!("{:04}-{:02}-{:02}", self.0.year, self.0.month, self.0.day)
    }

    /// When this day begins on the clock `zone` gives (the browser's zone, which may change
    /// with daylight saving: asked at the day's own start).
    fn start_ms(self, zone: &dyn Fn(Instant) -> Offset) -> i64 {
        let guess = self.0.at(Offset::UTC);
        self.0.at(zone(guess)).epoch_ms
    }

    fn next(self) -> Day {
        let next = Instant::from_epoch_ms(self.0.at(Offset::UTC).epoch_ms + 86_400_000);
        Day(next.civil(Offset::UTC))
    }
}

/// A query value that could not be used, and was ignored (the page names it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub param: &'static str,
    pub value: String,
}

/// Every filter of the tasks page, as its URL query holds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub cluster_id: Option<i64>,
    pub tenant_id: Option<i64>,
    /// OCP status values (upper case, no repeats); empty: any.
    pub statuses: Vec<String>,
    /// The kind: a task name, which OCP matches fuzzily.
    pub name: Option<String>,
    /// Applied in the browser: the creator's name, matched whole, case aside.
    pub creator: Option<String>,
    /// Applied in the browser: the first and last day a task started on (in the browser's zone).
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Applied in the browser: the search box (id, name, creator, cluster or tenant).
    pub query: String,
    /// The rows' order on screen.
    pub sort: TaskSort,
}

impl ListFilter {
    /// Reads the query (`get` answers one parameter); values that cannot be used are ignored
    /// and listed, never guessed at.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> (ListFilter, Vec<Ignored>) {
        let mut ignored = Vec::new();
        let text = |key: &str| {
            get(key)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        // One reading for every typed parameter: parsed, or ignored and listed.
        fn read<T>(
            text: Option<String>,
            key: &'static str,
            parse: impl Fn(&str) -> Option<T>,
            ignored: &mut Vec<Ignored>,
        ) -> Option<T> {
            let v = text?;
            parse(&v).or_else(|| {
                ignored.push(Ignored {
                    param: key,
                    value: v,
                });
                None
            })
        }
        let id = |v: &str| v.parse::<i64>().ok();
        let cluster_id = read(text("clusterId"), "clusterId", id, &mut ignored);
        let tenant_id = read(text("tenantId"), "tenantId", id, &mut ignored);
        let mut statuses: Vec<String> = Vec::new();
        for s in text("status").unwrap_or_default().split(',') {
            let s = s.trim().to_ascii_uppercase();
            if !s.is_empty() && !statuses.contains(&s) {
                statuses.push(s);
            }
        }
        let from = read(text("from"), "from", Day::parse, &mut ignored);
        let to = read(text("to"), "to", Day::parse, &mut ignored);
        let filter = ListFilter {
            cluster_id,
            tenant_id,
            statuses,
            name: text("name"),
            creator: text("creator"),
            from,
            to,
            query: text("q").unwrap_or_default(),
            sort: text("sort")
                .map(|s| TaskSort::parse(&s))
                .unwrap_or_default(),
        };
        (filter, ignored)
    }

    /// The tasks of a cluster, or of one tenant (of a cluster): where a page sends the operator
    /// to look ("Tasks", "Related tasks", an unknown launch outcome).
    pub fn of(cluster_id: Option<i64>, tenant_id: Option<i64>) -> ListFilter {
        ListFilter {
            cluster_id,
            tenant_id,
            ..ListFilter::default()
        }
    }

    /// Every filter that is set, as `(query key, value)` in the query's order, unencoded. The
    /// one place the keys are spelled: the page's URL and OCP's query are both written from it.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        [
            ("clusterId", self.cluster_id.map(|c| c.to_string())),
            ("tenantId", self.tenant_id.map(|t| t.to_string())),
            ("status", Some(self.statuses.join(","))),
            ("name", self.name.clone()),
            ("creator", self.creator.clone()),
            ("from", self.from.map(Day::to_wire)),
            ("to", self.to.map(Day::to_wire)),
            ("q", Some(self.query.clone())),
            (
                "sort",
                (self.sort != TaskSort::default()).then(|| self.sort.as_str().to_string()),
            ),
        ]
        .into_iter()
        .filter_map(|(k, v)| Some((k, v.filter(|v| !v.is_empty())?)))
        .collect()
    }

    /// The query string (without `?`) that [`ListFilter::from_query`] reads back; empty when
    /// nothing is filtered.
    pub fn to_query(&self) -> String {
        self.pairs()
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The tasks page with this filter (`/tasks` when nothing is filtered): every link to the
    /// list is written here.
    pub fn href(&self) -> String {
        match self.to_query() {
            q if q.is_empty() => "/tasks".to_string(),
            q => format!("/tasks?{q}"),
        }
    }

    /// The filters OCP applies (cluster, tenant, statuses, kind), the browser's cleared: the
    /// list's load is keyed by these, so changing a browser filter does not ask OCP again.
    pub fn at_ocp(&self) -> ListFilter {
        ListFilter {
            creator: None,
            from: None,
            to: None,
            query: String::new(),
            sort: TaskSort::default(),
            ..self.clone()
        }
    }

    /// OCP's query parameters for this filter (T1: `clusterId`, `tenantId`, `status` as a comma
    /// list, `name`), unencoded (the API client encodes them); the browser's filters never go.
    pub fn ocp_query(&self) -> Vec<(&'static str, String)> {
        self.at_ocp().pairs()
    }

    /// Whether any filter OCP cannot apply is set (then only the loaded tasks are filtered).
    pub fn in_browser(&self) -> bool {
        self.creator.is_some() || self.from.is_some() || self.to.is_some() || !self.query.is_empty()
    }

    /// Whether any filter at all is set.
    pub fn any(&self) -> bool {
        *self != ListFilter::default()
    }

    /// Whether `t` passes the browser's filters. Start times are read in `ocp` (OCP's zone, for
    /// a time sent without one); days are judged on the clock `zone` gives. A task whose start
    /// time cannot be read is left out while a time range is set: it cannot be shown to be in it.
    pub fn keep(&self, t: &TaskInstance, ocp: Offset, zone: &dyn Fn(Instant) -> Offset) -> bool {
        if !task_matches(t, &self.query) {
            return false;
        }
        if let Some(want) = &self.creator {
            let who = t.creator.as_ref().and_then(|c| c.label());
            if !who.is_some_and(|w| w.trim().eq_ignore_ascii_case(want.trim())) {
                return false;
            }
        }
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let start = t.start_time.as_deref().and_then(|s| parse_ms(s, ocp));
        in_days(self.from, self.to, start, zone)
    }
}

/// Whether `at_ms` falls on a day from `from` to `to` (both included; either open) on the clock
/// `zone` gives. A time that cannot be read is in no range, but passes when none is set.
pub fn in_days(
    from: Option<Day>,
    to: Option<Day>,
    at_ms: Option<i64>,
    zone: &dyn Fn(Instant) -> Offset,
) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(at) = at_ms else {
        return false;
    };
    from.is_none_or(|d| at >= d.start_ms(zone)) && to.is_none_or(|d| at < d.next().start_ms(zone))
}

/// The CSV of `rows` (the rows the page shows): a header in `lang`, then one line per task: id,
/// name, OCP status, creator, cluster, tenant, start and finish (ISO 8601 with OCP's offset, or
/// as sent when unreadable) and the duration in seconds (empty while running). RFC 4180: CRLF
/// line ends, fields quoted when they hold a comma, quote or line break. A UTF-8 BOM leads, so
/// Excel reads Chinese names; a cell that a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`.
pub fn csv(rows: &[TaskInstance], lang: Lang, ocp: Offset) -> String {
    let header = [
        Text::ColId,
        Text::ColName,
        Text::ColStatus,
        Text::ColCreator,
        Text::ColCluster,
        Text::ColTenant,
        Text::ColStarted,
        Text::ColFinished,
        Text::ColDurationSecs,
    ]
    .map(|t| text(lang, t).to_string());
    let mut out = String::from("\u{feff}");
    line(&mut out, &header);
    for t in rows {
        let time = |raw: &Option<String>| -> (String, Option<i64>) {
            match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => (String::new(), None),
                Some(s) => match parse_ms(s, ocp) {
                    Some(ms) => (Instant::from_epoch_ms(ms).to_ocp(ocp), Some(ms)),
                    None => (s.to_string(), None),
                },
            }
        };
        let (start, start_ms) = time(&t.start_time);
        let (finish, finish_ms) = time(&t.finish_time);
        let duration = match (start_ms, finish_ms) {
            (Some(s), Some(f)) if f >= s => ((f - s) / 1000).to_string(),
            _ => String::new(),
        };
        // A blank name reads as the id, as on screen.
        let named = |name: Option<&String>, id: Option<i64>| match id {
            Some(id) => name_or_id(name.map(String::as_str), id),
            None => name.cloned().unwrap_or_default(),
        };
        let cells = [
            t.id.map(|i| i.0.to_string()).unwrap_or_default(),
            t.name.clone().unwrap_or_default(),
            t.status
                .as_ref()
                .map(|s| s.as_wire().to_string())
                .unwrap_or_default(),
            t.creator
                .as_ref()
                .and_then(|c| c.label())
                .unwrap_or_default(),
            named(
                t.cluster.as_ref().and_then(|c| c.name.as_ref()),
                t.cluster_id
                    .or_else(|| t.cluster.as_ref().and_then(|c| c.id))
                    .map(|l| l.0),
            ),
            named(
                t.tenant.as_ref().and_then(|c| c.name.as_ref()),
                t.tenant_id
                    .or_else(|| t.tenant.as_ref().and_then(|c| c.id))
                    .map(|l| l.0),
            ),
            start,
            finish,
            duration,
        ];
        line(&mut out, &cells);
    }
    out
}

/// One CSV line (RFC 4180, CRLF), each cell guarded as [`csv`] says.
pub(crate) fn line(out: &mut String, cells: &[String]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell(c));
    }
    out.push_str("\r\n");
}

fn cell(v: &str) -> String {
    let guarded = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{v}")
    } else {
        v.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The download's file name: `tasks-YYYY-MM-DD-HHMM.csv`, on the clock at `zone`.
pub fn csv_file_name(now: Instant, zone: Offset) -> String {
    let c = now.civil(zone);
    format!(
        "tasks-{:04}-{:02}-{:02}-{:02}{:02}.csv",
        c.year, c.month, c.day, c.hour, c.minute
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn task(v: serde_json::Value) -> TaskInstance {
        serde_json::from_value(v).unwrap()
    }

    fn query(q: &str) -> (ListFilter, Vec<Ignored>) {
        let pairs: Vec<(String, String)> = q
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ListFilter::from_query(|k| pairs.iter().find(|(p, _)| p == k).map(|(_, v)| v.clone()))
    }

    const UTC8: Offset = Offset::UTC8;

    #[test]
    fn the_query_round_trips_and_bad_values_are_named_not_guessed() {
        let (f, bad) = query(
            "clusterId=3000012&tenantId=x&status=running,FAILED,running&name=Failover tenant&creator=ops_chen&from=2026-11-01&to=2026-02-30",
        );
        assert_eq!(f.cluster_id, Some(3000012));
        assert_eq!(f.tenant_id, None);
        assert_eq!(f.statuses, vec!["RUNNING", "FAILED"]);
        assert_eq!(f.name.as_deref(), Some("Failover tenant"));
        assert_eq!(f.creator.as_deref(), Some("ops_chen"));
        assert_eq!(f.from, Day::parse("2026-11-01"));
        assert_eq!(f.to, None);
        assert_eq!(
            bad,
            vec![
                Ignored {
                    param: "tenantId",
                    value: "x".into()
                },
                Ignored {
                    param: "to",
                    value: "2026-02-30".into()
                }
            ]
        );
        assert!(f.in_browser());
        assert_eq!(
            f.to_query(),
            "clusterId=3000012&status=RUNNING%2CFAILED&name=Failover%20tenant&creator=ops_chen&from=2026-11-01"
        );
        let empty = ListFilter::default();
        assert_eq!(empty.to_query(), "");
        assert!(!empty.any() && !empty.in_browser());
        for bad_day in [
            "2026-1-01",
            "2026-13-01",
            "20261101",
            "2026-11-0x",
            "",
            "2026-11-01x",
        ] {
            assert_eq!(Day::parse(bad_day), None, "{bad_day}");
        }
    }

    #[test]
    fn links_to_the_list_and_ocps_query_are_written_from_the_filter() {
        assert_eq!(
            ListFilter::of(Some(3000012), Some(2000031)).href(),
            "/tasks?clusterId=3000012&tenantId=2000031"
        );
        assert_eq!(ListFilter::of(Some(6), None).href(), "/tasks?clusterId=6");
        assert_eq!(ListFilter::of(None, Some(9)).href(), "/tasks?tenantId=9");
        assert_eq!(ListFilter::of(None, None).href(), "/tasks");
        // A link round-trips through the page's reading of its query.
        let (f, bad) = query("clusterId=3000012&tenantId=2000031");
        assert!(bad.is_empty());
        assert_eq!(f, ListFilter::of(Some(3000012), Some(2000031)));

        // OCP gets its four filters, unencoded and never the browser's.
        let (f, _) = query(
            "clusterId=6&status=failed,running&name=Failover tenant&creator=ops_chen&from=2026-11-01&to=2026-11-02",
        );
        assert_eq!(
            f.ocp_query(),
            vec![
                ("clusterId", "6".to_string()),
                ("status", "FAILED,RUNNING".to_string()),
                ("name", "Failover tenant".to_string()),
            ]
        );
        let ocp = f.at_ocp();
        assert!(!ocp.in_browser());
        assert_eq!(ocp.ocp_query(), f.ocp_query());
        assert_eq!(ocp.statuses, f.statuses);
        // Changing only a browser filter keeps what OCP is asked.
        let (g, _) = query("clusterId=6&status=failed,running&name=Failover tenant&creator=admin");
        assert_eq!(g.at_ocp(), ocp);
        assert!(ListFilter::default().ocp_query().is_empty());
    }

    #[test]
    fn creator_and_days_filter_what_was_loaded() {
        let (f, _) = query("creator=ADMIN&from=2026-11-20&to=2026-11-21");
        let utc = |_: Instant| Offset::UTC;
        let at = |start: &str, creator: serde_json::Value| {
            task(json!({"id": 1, "startTime": start, "creator": creator}))
        };
        // Days are the browser's (UTC here); OCP's times carry their own offset.
        assert!(f.keep(&at("2026-11-20T00:00:00Z", json!("admin")), UTC8, &utc));
        assert!(f.keep(
            &at("2026-11-22T07:59:59.999+08:00", json!({"name": "admin"})),
            UTC8,
            &utc
        ));
        assert!(!f.keep(&at("2026-11-22T08:00:00+08:00", json!("admin")), UTC8, &utc));
        assert!(!f.keep(&at("2026-11-19T23:59:59Z", json!("admin")), UTC8, &utc));
        // A time without an offset is OCP's zone: 07:00 at +08:00 is the 19th in UTC.
        assert!(!f.keep(&at("2026-11-20 07:00:00", json!("admin")), UTC8, &utc));
        assert!(!f.keep(&at("2026-11-20T12:00:00Z", json!("ops_chen")), UTC8, &utc));
        assert!(!f.keep(&at("2026-11-20T12:00:00Z", json!(null)), UTC8, &utc));
        // An unreadable start cannot be shown to be in the range.
        assert!(!f.keep(&at("yesterday", json!("admin")), UTC8, &utc));
        let (by_creator, _) = query("creator=admin");
        assert!(by_creator.keep(&at("yesterday", json!("admin")), UTC8, &utc));
        // The browser's zone decides the day: at +08:00 the 20th begins at 16:00Z on the 19th.
        let east = |_: Instant| Offset::UTC8;
        assert!(f.keep(&at("2026-11-19T16:00:00Z", json!("admin")), UTC8, &east));
    }

    #[test]
    fn csv_quotes_guards_formulas_and_starts_with_a_bom() {
        let rows = [
            task(
                json!({"id": 171603, "name": "Failover tenant", "status": "SUCCESSFUL",
                "creator": {"id": 1, "name": "admin"}, "cluster": {"id": 3000012, "name": "OB424_B"},
                "tenant": {"id": 2000031, "name": "sales_dr"},
                "startTime": "2026-11-20T10:00:00.000+08:00", "finishTime": "2026-11-20T10:02:05.500+08:00"}),
            ),
            task(
                json!({"id": "7", "name": "=HYPERLINK(\"x\"), \"quoted\"\nnext", "status": "RUNNING",
                "creator": "-ops", "clusterId": 6, "startTime": "2026-11-20 10:00:00"}),
            ),
            task(
                json!({"id": 8, "name": "租户切换", "creator": "@me", "startTime": "soon",
                "tenant": {"id": 9, "name": " "}}),
            ),
        ];
        let out = csv(&rows, Lang::En, UTC8);
        assert!(out.starts_with('\u{feff}'));
        let lines: Vec<&str> = out.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            lines[0],
            "ID,Name,Status,Creator,Cluster,Tenant,Started,Finished,Duration (s)"
        );
        assert_eq!(
            lines[1],
            "171603,Failover tenant,SUCCESSFUL,admin,OB424_B,sales_dr,2026-11-20T10:00:00.000+08:00,2026-11-20T10:02:05.500+08:00,125"
        );
        assert_eq!(
            lines[2],
            "7,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\nnext\",RUNNING,'-ops,#6,,2026-11-20T10:00:00.000+08:00,,"
        );
        // A blank name is the id, as on screen.
        assert_eq!(lines[3], "8,租户切换,,'@me,,#9,soon,,");
        assert_eq!(lines[4], "", "every line ends with CRLF");
        assert_eq!(lines.len(), 5);
        let zh = csv(&[], Lang::Zh, UTC8);
        assert!(zh.starts_with("\u{feff}ID,名称,状态,创建者,"), "{zh}");
        assert_eq!(
            csv_file_name(Instant::from_epoch_ms(0), UTC8),
            "tasks-1970-01-01-0800.csv"
        );
    }
}
