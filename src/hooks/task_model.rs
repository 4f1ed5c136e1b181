//! The task page's reactive model. Structure (graph, layout, names) is rebuilt only when the
//! subtasks or their edges change; each subtask's changing state lives in its own signal, so a
//! poll that changes a few statuses re-renders only those nodes.

use crate::config::ocp_zone;
use console_core::graph::critical::{critical_path, CriticalPath};
use console_core::graph::dag::{self as graph, Graph, GraphError};
use console_core::graph::layout::{layout_oriented, Layout, OrientationChoice};
use console_core::graph::viewport::SpatialIndex;
use console_core::time::parse_ms;
use console_core::wire::{
    SubtaskInstance, SubtaskOperation, SubtaskStatus, TaskInstance, TaskOperation, TaskStatus,
};
use leptos::prelude::*;
use std::sync::Arc;

/// A step that is no longer remaining work (the critical path leaves it out).
fn is_done(s: Option<&SubtaskStatus>) -> bool {
    s == Some(&SubtaskStatus::Successful)
}

/// What never changes while the structure stays the same.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeInfo {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub timeout_s: Option<i64>,
    pub prohibit_rollback: bool,
}

/// What a poll may change.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NodeState {
    pub status: Option<SubtaskStatus>,
    pub operation: Option<SubtaskOperation>,
    pub run_time: Option<i64>,
    pub start: Option<String>,
    pub finish: Option<String>,
    pub executor: Option<String>,
}

impl NodeState {
    fn of(s: &SubtaskInstance) -> NodeState {
        NodeState {
            status: s.status.clone(),
            operation: s.operation.clone(),
            run_time: s.run_time.map(|r| r.0),
            start: s.start_time.clone(),
            finish: s.finish_time.clone(),
            executor: s.executor.clone(),
        }
    }

    /// Whether `s` would give this state, without building one (a poll compares 10,000).
    fn same_as(&self, s: &SubtaskInstance) -> bool {
        self.status == s.status
            && self.operation == s.operation
            && self.run_time == s.run_time.map(|r| r.0)
            && self.start == s.start_time
            && self.finish == s.finish_time
            && self.executor == s.executor
    }

    pub fn start_ms(&self) -> Option<i64> {
        self.start.as_deref().and_then(|t| parse_ms(t, ocp_zone()))
    }

    pub fn finish_ms(&self) -> Option<i64> {
        self.finish.as_deref().and_then(|t| parse_ms(t, ocp_zone()))
    }
}

pub struct Structure {
    pub graph: Graph,
    pub layout: Layout,
    pub info: Vec<NodeInfo>,
    pub nodes: Vec<RwSignal<NodeState>>,
    /// Which nodes and edges are where: the view renders only those on screen.
    pub index: SpatialIndex,
    /// `graph::fingerprint` of the subtasks this was built from.
    pub fingerprint: Option<u64>,
    /// Node indices in execution (topological) order: the order Tab walks the steps in.
    pub order: Vec<usize>,
}

impl Structure {
    /// The same steps drawn in another orientation (the graph and the state signals are
    /// shared, so nodes keep their states and the details panel its step).
    fn reoriented(&self, choice: OrientationChoice) -> Option<Structure> {
        let o = choice.resolve(&self.graph);
        if o == self.layout.orientation {
            return None;
        }
        let layout = layout_oriented(&self.graph, o);
        let index = SpatialIndex::new(&layout, &self.graph);
        Some(Structure {
            graph: self.graph.clone(),
            layout,
            info: self.info.clone(),
            nodes: self.nodes.clone(),
            index,
            fingerprint: self.fingerprint,
            order: self.order.clone(),
        })
    }
}

/// Task-level facts shown above the graph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Header {
    pub id: i64,
    pub name: String,
    pub status: Option<TaskStatus>,
    pub operation: Option<TaskOperation>,
    pub creator: Option<String>,
    pub start: Option<String>,
    pub finish: Option<String>,
    pub done: usize,
    pub total: usize,
    pub cluster_id: Option<i64>,
    pub tenant_id: Option<i64>,
    /// The names of what the task acts on (its tenant's, its cluster's), for objectives.
    pub target_names: Vec<String>,
}

impl Header {
    pub fn is_running(&self) -> bool {
        !matches!(
            self.status,
            Some(TaskStatus::Failed) | Some(TaskStatus::Successful)
        )
    }
}

#[derive(Clone, Copy)]
pub struct TaskModel {
    pub header: RwSignal<Option<Header>>,
    pub structure: RwSignal<Option<Arc<Structure>>>,
    /// Set when the subtasks cannot form a graph (a cycle, a dangling id).
    pub graph_error: RwSignal<Option<GraphError>>,
    /// The steps as OCP sent them, while they cannot form a graph (`graph_error` set): the
    /// page lists them instead, and a step's intervention finds its id here.
    pub undrawable: RwSignal<Option<Arc<Vec<SubtaskInstance>>>>,
    /// Bumped on every rebuild: layout-dependent views key on it.
    pub version: RwSignal<u64>,
    /// Which way the graph is drawn; changing it lays the graph out again, nothing else does.
    pub orientation: RwSignal<OrientationChoice>,
    /// The critical path of the remaining work: recomputed only when a step becomes
    /// successful or stops being so, not on every status change (a poll of a 10,000-step
    /// task must stay cheap).
    pub critical: RwSignal<Arc<CriticalPath>>,
    /// Every step's state in one plain vector (graph order), equal to what the node signals
    /// hold. Readers of the whole task (critical path, ETA, alerts) subscribe once here
    /// instead of to 10,000 signals, and a poll compares against it without a signal
    /// lookup per step; it changes once per poll that changed any step.
    pub states: RwSignal<Vec<NodeState>>,
}

impl Default for TaskModel {
    fn default() -> Self {
        Self::new()
    }
}

impl TaskModel {
    pub fn new() -> TaskModel {
        TaskModel {
            header: RwSignal::new(None),
            structure: RwSignal::new(None),
            graph_error: RwSignal::new(None),
            undrawable: RwSignal::new(None),
            version: RwSignal::new(0),
            orientation: RwSignal::new(OrientationChoice::Auto),
            critical: RwSignal::new(Arc::new(CriticalPath::default())),
            states: RwSignal::new(Vec::new()),
        }
    }

    /// Recomputes the critical path from the nodes' statuses now.
    fn refresh_critical(&self) {
        let path = self.structure.with_untracked(|s| {
            s.as_ref().map(|s| {
                self.states.with_untracked(|states| {
                    critical_path(&s.graph, |i| {
                        states.get(i).is_none_or(|n| is_done(n.status.as_ref()))
                    })
                })
            })
        });
        let path = path.unwrap_or_default();
        if self.critical.with_untracked(|c| **c != path) {
            self.critical.set(Arc::new(path));
        }
    }

    /// Draws the graph in `choice`'s orientation: laid out again only when the drawn
    /// orientation actually changes (Auto may already be the forced one).
    pub fn set_orientation(&self, choice: OrientationChoice) {
        if self.orientation.get_untracked() == choice {
            return;
        }
        self.orientation.set(choice);
        let next = self
            .structure
            .with_untracked(|s| s.as_ref().and_then(|s| s.reoriented(choice)));
        if let Some(next) = next {
            self.structure.set(Some(Arc::new(next)));
            self.version.update(|v| *v += 1);
        }
    }

    /// Takes a freshly fetched task. Returns true when the structure was rebuilt.
    pub fn apply(&self, task: &TaskInstance) -> bool {
        let (done, total) = task.progress();
        let header = Header {
            id: task.id.map(|l| l.0).unwrap_or_default(),
            name: task.name.clone().unwrap_or_default(),
            status: task.status.clone(),
            operation: task.operation.clone(),
            creator: task.creator.as_ref().and_then(|c| c.label()),
            start: task.start_time.clone(),
            finish: task.finish_time.clone(),
            done,
            total,
            // Some OCP versions send `cluster: {id, name}` or an object as `clusterId`.
            cluster_id: task.cluster_id().map(|l| l.0),
            tenant_id: task.tenant_id().map(|l| l.0),
            target_names: [
                task.tenant.as_ref().and_then(|t| t.name.clone()),
                task.cluster.as_ref().and_then(|c| c.name.clone()),
            ]
            .into_iter()
            .flatten()
            .collect(),
        };
        if self.header.with_untracked(|h| h.as_ref() != Some(&header)) {
            self.header.set(Some(header));
        }
        let subs = task.subtasks();
        // Same structure as shown (the usual poll): update the changed nodes only, without
        // building the graph again.
        let fingerprint = graph::fingerprint(subs);
        if fingerprint.is_some()
            && self.graph_error.with_untracked(Option::is_none)
            && self
                .structure
                .with_untracked(|s| s.as_ref().is_some_and(|s| s.fingerprint == fingerprint))
        {
            self.update_nodes(subs);
            return false;
        }
        let g = match graph::build(subs) {
            Ok(g) => g,
            Err(e) => {
                // No graph: the steps are listed instead, never an older graph beside them.
                if self
                    .graph_error
                    .with_untracked(|old| old.as_ref() != Some(&e))
                {
                    self.graph_error.set(Some(e));
                }
                if self.structure.with_untracked(Option::is_some) {
                    self.structure.set(None);
                    self.version.update(|v| *v += 1);
                }
                let changed = self
                    .undrawable
                    .with_untracked(|u| u.as_deref().map(Vec::as_slice) != Some(subs));
                if changed {
                    self.undrawable.set(Some(Arc::new(subs.to_vec())));
                }
                return false;
            }
        };
        if self.graph_error.with_untracked(Option::is_some) {
            self.graph_error.set(None);
            self.undrawable.set(None);
        }
        let same = self.structure.with_untracked(|s| {
            s.as_ref()
                .is_some_and(|s| s.graph.ids == g.ids && s.graph.edges == g.edges)
        });
        if same {
            self.update_nodes(subs);
            return false;
        }
        let info = subs
            .iter()
            .map(|s| NodeInfo {
                id: s.id.map(|l| l.0).unwrap_or_default(),
                name: s.name.clone().unwrap_or_default(),
                description: s.description.clone().unwrap_or_default(),
                timeout_s: s.timeout.map(|t| t.0),
                prohibit_rollback: s.prohibit_rollback.unwrap_or(false),
            })
            .collect();
        let states: Vec<NodeState> = subs.iter().map(NodeState::of).collect();
        let nodes = states.iter().cloned().map(RwSignal::new).collect();
        let layout = layout_oriented(&g, self.orientation.get_untracked().resolve(&g));
        let index = SpatialIndex::new(&layout, &g);
        let order = g.topo_order();
        self.structure.set(Some(Arc::new(Structure {
            graph: g,
            layout,
            info,
            nodes,
            index,
            fingerprint,
            order,
        })));
        self.states.set(states);
        self.version.update(|v| *v += 1);
        self.refresh_critical();
        true
    }

    /// Sets the state of each node whose state changed; the rest are not touched.
    fn update_nodes(&self, subs: &[SubtaskInstance]) {
        let changes: Vec<(usize, NodeState)> = self.states.with_untracked(|cur| {
            cur.iter()
                .zip(subs)
                .enumerate()
                .filter(|(_, (c, s))| !c.same_as(s))
                .map(|(i, (_, s))| (i, NodeState::of(s)))
                .collect()
        });
        if changes.is_empty() {
            return;
        }
        let finished_changed = self.states.with_untracked(|cur| {
            changes.iter().any(|(i, next)| {
                cur.get(*i).map(|c| is_done(c.status.as_ref()))
                    != Some(is_done(next.status.as_ref()))
            })
        });
        self.structure.with_untracked(|s| {
            if let Some(s) = s {
                for (i, next) in &changes {
                    if let Some(node) = s.nodes.get(*i) {
                        node.set(next.clone());
                    }
                }
            }
        });
        self.states.update(|cur| {
            for (i, next) in changes {
                if let Some(c) = cur.get_mut(i) {
                    *c = next;
                }
            }
        });
        if finished_changed {
            self.refresh_critical();
        }
    }

    /// The first failed step in execution order (untracked).
    pub fn first_failed(&self) -> Option<usize> {
        self.structure.with_untracked(|s| {
            let s = s.as_ref()?;
            self.states.with_untracked(|states| {
                s.order.iter().copied().find(|&i| {
                    states
                        .get(i)
                        .is_some_and(|n| n.status == Some(SubtaskStatus::Failed))
                })
            })
        })
    }

    /// Every node's status now (for impact previews).
    pub fn statuses(&self) -> Vec<Option<SubtaskStatus>> {
        self.states
            .with(|v| v.iter().map(|n| n.status.clone()).collect())
    }
}
