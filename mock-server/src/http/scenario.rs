//! Scenarios (`--scenario FILE`): the state the mock starts in, and returns to on every reset,
//! described in one JSON file: the estate (clusters, tenants, which primaries answer, each
//! standby's lag), the clock's speed, armed faults and task faults, replay stubs, large
//! generated tasks, finished drills, and keys of the console's config.json. Faults, task
//! faults and stubs have exactly the shapes the admin API takes.
//!
//! Every problem stops the start with the file, the line and what was expected: each record is
//! read on its own from its place in the file (serde_json's `RawValue` borrows that slice), so
//! a record's errors, the checks across records included, point at the record's own line.

use crate::http::faults::Fault;
use crate::http::stubs::{parse_stub, StubSpec};
use crate::sim::engine::TaskFault;
use crate::sim::estate::{
    ClusterSpec, Drills, Estate, Generate, SpecItem, TenantSpec, DEFAULT_SYNTHETIC_WIDTH,
    MAX_SYNTHETIC_SUBTASKS,
};
use crate::sim::templates::Templates;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::path::Path;

/// A loaded, checked scenario.
#[derive(Debug, Clone)]
pub(crate) struct Scenario {
    /// The file, as given (named in errors and in the stubs' `source`).
    pub(crate) file: String,
    /// Simulated seconds per real second; wins over `--speed`.
    pub(crate) speed: Option<f64>,
    /// `None`: the demo estate.
    estate: Option<(Vec<ClusterSpec>, Vec<TenantSpec>)>,
    pub(crate) faults: Vec<Fault>,
    pub(crate) task_faults: Vec<TaskFault>,
    pub(crate) stubs: Vec<StubSpec>,
    pub(crate) synthetic_tasks: Vec<SyntheticTask>,
    /// Requests per second on `/api` and `/gfc` (wins over `--rate-limit`).
    pub(crate) rate_limit: Option<u32>,
    /// Finished drills in the task list from the start.
    drills: Option<Drills>,
    /// Keys served over those of the console's own config.json (`http::spa`).
    pub(crate) console: Option<Map<String, Value>>,
}

/// A generated task the scenario starts with (`POST /__admin/tasks/synthetic` makes the same).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct SyntheticTask {
    /// 1 to 20,000.
    pub(crate) subtasks: usize,
    /// Parallel chains (default 20, at most 500).
    #[serde(default)]
    pub(crate) width: Option<usize>,
    /// The cluster it runs against (default 3000009, the demo's primary).
    #[serde(default)]
    pub(crate) cluster: Option<i64>,
    /// The task's name (default `Synthetic task of N subtasks`).
    #[serde(default)]
    pub(crate) name: Option<String>,
}

const DEFAULT_TASK_CLUSTER: i64 = 3000009;

/// The file's outline: each record kept as its slice of the file, read one by one below.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Outline<'a> {
    /// For whoever reads the file: checked to be a string, not kept.
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    speed: Option<f64>,
    #[serde(borrow, default)]
    estate: Option<EstateOutline<'a>>,
    #[serde(borrow, default)]
    faults: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    task_faults: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    stubs: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    synthetic_tasks: Vec<&'a RawValue>,
    #[serde(default)]
    rate_limit: Option<u32>,
    #[serde(borrow, default)]
    drills: Option<&'a RawValue>,
    #[serde(borrow, default)]
    console: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EstateOutline<'a> {
    /// An estate made from a few numbers instead of listed (`sim::estate::Generate`).
    #[serde(borrow, default)]
    generate: Option<&'a RawValue>,
    #[serde(borrow, default)]
    clusters: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    tenants: Vec<&'a RawValue>,
}

/// Reads `text` (the content of `file`) and positions in it.
struct Reader<'t> {
    file: &'t str,
    text: &'t str,
}

impl<'t> Reader<'t> {
    /// Line and column (1-based) of where `raw`, a slice of the text, starts.
    fn position(&self, raw: &RawValue) -> (usize, usize) {
        let offset = (raw.get().as_ptr() as usize)
            .saturating_sub(self.text.as_ptr() as usize)
            .min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        (line, column)
    }

    fn error(&self, line: usize, column: usize, what: &str, message: &str) -> String {
        format!(
            "scenario {}, line {line}, column {column}: {what}: {message}",
            self.file
        )
    }

    /// An error about the record `raw` (`what` names it, e.g. `faults[2]`).
    fn at(&self, raw: &RawValue, what: &str, message: &str) -> String {
        let (line, column) = self.position(raw);
        self.error(line, column, what, message)
    }

    /// Reads one record as `T`; a serde error is placed at its own line in the file.
    fn read<T: DeserializeOwned>(&self, raw: &RawValue, what: &str) -> Result<T, String> {
        serde_json::from_str(raw.get()).map_err(|e| {
            let (line, column) = self.position(raw);
            let (el, ec) = (e.line(), e.column());
            let (line, column) = if el <= 1 {
                (line, column + ec.saturating_sub(1))
            } else {
                (line + el - 1, ec)
            };
            self.error(line, column, what, &without_position(&e))
        })
    }
}

/// A JSON value's kind, for messages.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message without its trailing ` at line L column C` (ours replaces it).
fn without_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

impl Scenario {
    /// Reads and checks the scenario file at `path`.
    pub(crate) fn load(path: &Path) -> Result<Scenario, String> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the scenario {file}: {e}"))?;
        Scenario::parse(&file, &text)
    }

    /// Reads and checks a scenario's text; `file` names it in errors.
    pub(crate) fn parse(file: &str, text: &str) -> Result<Scenario, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let r = Reader { file, text };
        let outline: Outline = serde_json::from_str(text).map_err(|e| {
            r.error(
                e.line(),
                e.column(),
                "the scenario",
                &format!(
                    "{} (expected an object of description, speed, estate, faults, \
                     taskFaults, stubs, syntheticTasks, rateLimit, drills, console)",
                    without_position(&e)
                ),
            )
        })?;
        if let Some(s) = outline.speed {
            if !s.is_finite() || s < 0.0 {
                return Err(format!(
                    "scenario {file}: speed: expected simulated seconds per real second, 0 or more, got {s}"
                ));
            }
        }
        let mut faults = Vec::new();
        for (i, raw) in outline.faults.iter().enumerate() {
            let what = format!("faults[{i}]");
            let f: Fault = r.read(raw, &what)?;
            f.validate().map_err(|m| r.at(raw, &what, &m))?;
            faults.push(f);
        }
        let task_faults = outline
            .task_faults
            .iter()
            .enumerate()
            .map(|(i, raw)| r.read::<TaskFault>(raw, &format!("taskFaults[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let mut stubs = Vec::new();
        for (i, raw) in outline.stubs.iter().enumerate() {
            let what = format!("stubs[{i}]");
            let v: serde_json::Value = r.read(raw, &what)?;
            stubs.push(parse_stub(v).map_err(|e| r.at(raw, &what, &e.to_string()))?);
        }
        if outline.rate_limit == Some(0) {
            return Err(format!(
                "scenario {file}: rateLimit: expected requests per second, 1 or more, got 0"
            ));
        }
        let estate = match &outline.estate {
            None => None,
            Some(EstateOutline {
                generate: Some(raw),
                ..
            }) => {
                let (raw, o) = (*raw, outline.estate.as_ref().expect("matched above"));
                if !o.clusters.is_empty() || !o.tenants.is_empty() {
                    return Err(r.at(
                        raw,
                        "estate.generate",
                        "an estate is either generated or listed (clusters, tenants), not both",
                    ));
                }
                let g: Generate = r.read(raw, "estate.generate")?;
                g.check().map_err(|m| r.at(raw, "estate.generate", &m))?;
                Some(g.specs())
            }
            Some(o) => {
                let clusters = o
                    .clusters
                    .iter()
                    .enumerate()
                    .map(|(i, raw)| r.read::<ClusterSpec>(raw, &format!("estate.clusters[{i}]")))
                    .collect::<Result<Vec<_>, _>>()?;
                let tenants = o
                    .tenants
                    .iter()
                    .enumerate()
                    .map(|(i, raw)| r.read::<TenantSpec>(raw, &format!("estate.tenants[{i}]")))
                    .collect::<Result<Vec<_>, _>>()?;
                // Checked now, so a reset can never fail.
                if let Err(e) = Estate::from_spec(&clusters, &tenants, 1.0) {
                    let (raw, what) = match e.item {
                        SpecItem::Cluster(i) => (o.clusters[i], format!("estate.clusters[{i}]")),
                        SpecItem::Tenant(i) => (o.tenants[i], format!("estate.tenants[{i}]")),
                    };
                    return Err(r.at(raw, &what, &e.message));
                }
                Some((clusters, tenants))
            }
        };
        let mut scenario = Scenario {
            file: file.to_string(),
            speed: outline.speed,
            estate,
            faults,
            task_faults,
            stubs,
            synthetic_tasks: Vec::new(),
            rate_limit: outline.rate_limit,
            drills: None,
            console: None,
        };
        let base = scenario.base_estate(1.0);
        if let Some(raw) = outline.drills {
            let d: Drills = r.read(raw, "drills")?;
            d.check().map_err(|m| r.at(raw, "drills", &m))?;
            if !base.has_standbys() {
                let m = "the estate has no standby tenant or cluster to drill";
                return Err(r.at(raw, "drills", m));
            }
            scenario.drills = Some(d);
        }
        if let Some(raw) = outline.console {
            match r.read::<Value>(raw, "console")? {
                Value::Object(keys) => scenario.console = Some(keys),
                other => {
                    let m = format!(
                        "expected an object of config.json keys (e.g. {{\"objectives\": […]}}), got {}",
                        kind_of(&other)
                    );
                    return Err(r.at(raw, "console", &m));
                }
            }
        }
        let cluster_ids: Vec<i64> = base.clusters.iter().map(|c| c.id).collect();
        for (i, raw) in outline.synthetic_tasks.iter().enumerate() {
            let what = format!("syntheticTasks[{i}]");
            let t: SyntheticTask = r.read(raw, &what)?;
            if t.subtasks == 0 || t.subtasks > MAX_SYNTHETIC_SUBTASKS {
                return Err(r.at(
                    raw,
                    &what,
                    &format!(
                        "subtasks: expected 1 to {MAX_SYNTHETIC_SUBTASKS}, got {}",
                        t.subtasks
                    ),
                ));
            }
            let cluster = t.cluster.unwrap_or(DEFAULT_TASK_CLUSTER);
            if !cluster_ids.contains(&cluster) {
                return Err(r.at(
                    raw,
                    &what,
                    &format!("cluster: cluster {cluster} is not in the estate"),
                ));
            }
            scenario.synthetic_tasks.push(t);
        }
        Ok(scenario)
    }

    /// The estate as described, without tasks.
    fn base_estate(&self, speed: f64) -> Estate {
        let speed = self.speed.unwrap_or(speed);
        // The description was checked when loaded; the demo is only a formal fallback.
        match &self.estate {
            Some((clusters, tenants)) => {
                Estate::from_spec(clusters, tenants, speed).unwrap_or_else(|_| Estate::demo(speed))
            }
            None => Estate::demo(speed),
        }
    }

    /// The estate the scenario starts in (fresh each time: a reset calls it again), with its
    /// task faults, drills, generated tasks and clock speed.
    pub(crate) fn estate(&self, speed: f64, templates: &Templates) -> Estate {
        let mut estate = self.base_estate(speed);
        if let Some(d) = &self.drills {
            estate = estate.with_drills(d, templates);
        }
        estate.task_faults = self.task_faults.clone();
        for t in &self.synthetic_tasks {
            let width = t.width.unwrap_or(DEFAULT_SYNTHETIC_WIDTH);
            let cluster = t.cluster.unwrap_or(DEFAULT_TASK_CLUSTER);
            let task = estate.add_synthetic(t.subtasks, width, cluster);
            if let (Some(name), Some(id)) = (&t.name, task.id) {
                if let Some(rec) = estate.tasks.get_mut(&id.0) {
                    rec.task.name = Some(name.clone());
                }
            }
        }
        estate
    }

    /// The scenario's faults, armed afresh (their draws start over from their seeds).
    pub(crate) fn armed_faults(&self) -> Vec<Fault> {
        self.faults.iter().cloned().map(Fault::arm).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_file_the_line_and_what_was_expected() {
        let text = "{\n  \"faults\": [\n    {\"status\": 503},\n    {\"status\": 503,\n     \"probability\": 2}\n  ]\n}\n";
        let e = Scenario::parse("x.json", text).unwrap_err();
        assert!(
            e.starts_with(
                "scenario x.json, line 4, column 5: faults[1]: probability 2 is outside 0 to 1"
            ),
            "{e}"
        );
        let text = "{\n  \"faults\": [\n    {\"status\": 503,\n     \"sed\": 1}\n  ]\n}\n";
        let e = Scenario::parse("x.json", text).unwrap_err();
        assert!(
            e.contains("line 4") && e.contains("unknown field `sed`"),
            "{e}"
        );
        let e = Scenario::parse("x.json", "{\n \"fautls\": []\n}").unwrap_err();
        assert!(
            e.contains("line 2") && e.contains("unknown field `fautls`"),
            "{e}"
        );
        let e = Scenario::parse("x.json", "{\n \"faults\": [\n").unwrap_err();
        assert!(e.contains("line 3") && e.contains("EOF"), "{e}");
        let text = "{\"estate\": {\"clusters\": [{\"id\": 1, \"name\": \"p\"}],\n \"tenants\": [\n  {\"id\": 2, \"name\": \"t\", \"cluster\": 5}]}}";
        let e = Scenario::parse("x.json", text).unwrap_err();
        assert!(
            e.contains(
                "line 3, column 3: estate.tenants[0]: cluster: cluster 5 is not among the clusters"
            ),
            "{e}"
        );
        let text = "{\"estate\": {\"clusters\": [\n  {\"id\": 1, \"name\": \"p\"},\n  {\"id\": 2, \"name\": \"q\", \"region\": \"\"}]}}";
        let e = Scenario::parse("x.json", text).unwrap_err();
        assert!(
            e.contains("line 3, column 3: estate.clusters[1]: region: expected a region name"),
            "{e}"
        );
        let text = "{\"estate\": {\"clusters\": [\n  {\"id\": 1, \"name\": \"p\",\n   \"region\": [\"a\"]}]}}";
        let e = Scenario::parse("x.json", text).unwrap_err();
        assert!(
            e.contains("line 3") && e.contains("expected a string"),
            "{e}"
        );
        let text = "{\"drills\":\n {\"count\": 0}}";
        let e = Scenario::parse("x.json", text).unwrap_err();
        assert!(
            e.contains("line 2, column 2: drills: count: expected 1 to 20000, got 0"),
            "{e}"
        );
        let e =
            Scenario::parse("x.json", "{\"drills\": {\"count\": 5, \"month\": 3}}").unwrap_err();
        assert!(e.contains("drills: unknown field `month`"), "{e}");
        let e =
            Scenario::parse("x.json", "{\"drills\": {\"count\": 5, \"months\": 61}}").unwrap_err();
        assert!(e.contains("months: expected 1 to 60, got 61"), "{e}");
        let text = "{\"estate\": {\"clusters\": [{\"id\": 1, \"name\": \"p\"}]}, \"drills\": {\"count\": 5}}";
        let e = Scenario::parse("x.json", text).unwrap_err();
        assert!(
            e.contains("drills: the estate has no standby tenant or cluster"),
            "{e}"
        );
        let e = Scenario::parse("x.json", "{\n\"console\": [1]}").unwrap_err();
        assert!(
            e.contains("line 2, column 12: console: expected an object of config.json keys")
                && e.ends_with("got an array"),
            "{e}"
        );
        let ok = Scenario::parse(
            "x.json",
            "{\"console\": {\"objectives\": []}, \"drills\": {\"count\": 3}}",
        );
        assert!(ok.is_ok_and(|s| s.console.is_some() && s.drills.is_some()));
        let text = "{\"syntheticTasks\": [\n {\"subtasks\": 0}]}";
        let e = Scenario::parse("x.json", text).unwrap_err();
        assert!(
            e.contains("line 2") && e.contains("expected 1 to 20000"),
            "{e}"
        );
    }
}
