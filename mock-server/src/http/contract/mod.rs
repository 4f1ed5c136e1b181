//! The OpenAPI 3.1 contract (`docs/openapi.json`, embedded at build time): served at
//! `GET /__admin/openapi.json`, checked against `/api` and `/gfc` request bodies and, with
//! `--check-replies FILE`, against every reply the handlers write.
//!
//! Holds the compiled contract (`Contract`, here) and `layer`, the middleware that checks
//! requests and replies against it. The contract imports no other `http` module (`state` holds
//! it); `layer` may import the rest of `http` and `crate::sim`.
//!
//! Operations are keyed by method and path template, the same text axum matched (`MatchedPath`),
//! so looking one up costs a hash, not a path match. Every schema is compiled once, at start,
//! with the document's `components` beside it so `#/components/schemas/…` references resolve
//! locally (the validator is built without remote reference fetching).

pub(crate) mod layer;

use jsonschema::error::ValidationErrorKind;
use jsonschema::{Draft, ValidationError, Validator};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// The contract as written in the repository.
const OPENAPI: &str = include_str!("../../../../docs/openapi.json");

/// One way a body breaks the contract: where (a JSON pointer into the body) and what the
/// contract expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub pointer: String,
    pub expected: String,
}

struct BodyRule {
    required: bool,
    schema: Arc<Validator>,
}

struct Op {
    body: Option<BodyRule>,
    /// By status (`"200"`, `"201"`…) or `"default"`.
    replies: HashMap<String, Arc<Validator>>,
}

pub struct Contract {
    doc: Value,
    /// Template → (METHOD, operation): found from borrowed text, no allocation per request.
    ops: HashMap<String, Vec<(String, Op)>>,
    error_envelope: Arc<Validator>,
}

const METHODS: [&str; 5] = ["get", "post", "put", "delete", "patch"];

impl Contract {
    /// The embedded contract. Fails (naming the place) only if `docs/openapi.json` is broken,
    /// which the crate's tests catch before a release.
    pub fn load() -> Result<Contract, String> {
        Contract::from_text(OPENAPI)
    }

    fn from_text(text: &str) -> Result<Contract, String> {
        let doc: Value = serde_json::from_str(text)
            .map_err(|e| format!("docs/openapi.json is not JSON: {e}"))?;
        let components = doc
            .get("components")
            .cloned()
            .ok_or("docs/openapi.json has no components")?;
        // Half the operations share a schema (every error reply, for one): each distinct one
        // is compiled once, since each compiled copy carries the components it references.
        let compiled: RefCell<HashMap<String, Arc<Validator>>> = RefCell::default();
        let compile = |schema: &Value, at: &str| -> Result<Arc<Validator>, String> {
            let key = schema.to_string();
            if let Some(v) = compiled.borrow().get(&key) {
                return Ok(v.clone());
            }
            let mut root = match schema {
                Value::Object(m) => m.clone(),
                other => {
                    return Err(format!(
                        "docs/openapi.json {at}: a schema must be an object, not {other}"
                    ))
                }
            };
            root.insert("components".into(), components.clone());
            let v = jsonschema::options()
                .with_draft(Draft::Draft202012)
                .build(&Value::Object(root))
                .map(Arc::new)
                .map_err(|e| format!("docs/openapi.json {at}: {e}"))?;
            compiled.borrow_mut().insert(key, v.clone());
            Ok(v)
        };
        let resolve = |v: &'_ Value| -> Value {
            // A response may be `{"$ref": "#/components/responses/X"}`.
            match v.get("$ref").and_then(Value::as_str) {
                Some(r) => r
                    .strip_prefix('#')
                    .and_then(|p| doc.pointer(p))
                    .cloned()
                    .unwrap_or(Value::Null),
                None => v.clone(),
            }
        };
        let json_schema = |v: &Value| v.pointer("/content/application~1json/schema").cloned();
        let mut ops = HashMap::new();
        let paths = doc
            .get("paths")
            .and_then(Value::as_object)
            .ok_or("docs/openapi.json has no paths")?;
        for (path, item) in paths {
            for method in METHODS {
                let Some(op) = item.get(method) else { continue };
                let at = format!("{} {path}", method.to_uppercase());
                let body = match op.get("requestBody") {
                    Some(rb) => {
                        let schema = json_schema(rb)
                            .ok_or(format!("{at}: requestBody has no application/json schema"))?;
                        Some(BodyRule {
                            required: rb.get("required").and_then(Value::as_bool) == Some(true),
                            schema: compile(&schema, &format!("{at} requestBody"))?,
                        })
                    }
                    None => None,
                };
                let mut replies = HashMap::new();
                let responses = op
                    .get("responses")
                    .and_then(Value::as_object)
                    .ok_or(format!("{at}: no responses"))?;
                for (status, resp) in responses {
                    let schema = json_schema(&resolve(resp))
                        .ok_or(format!("{at} {status}: no application/json schema"))?;
                    replies.insert(status.clone(), compile(&schema, &format!("{at} {status}"))?);
                }
                ops.entry(path.clone())
                    .or_insert_with(Vec::new)
                    .push((method.to_uppercase(), Op { body, replies }));
            }
        }
        let error_envelope = compile(
            &serde_json::json!({"$ref": "#/components/schemas/ErrorEnvelope"}),
            "ErrorEnvelope",
        )?;
        Ok(Contract {
            doc,
            ops,
            error_envelope,
        })
    }

    /// The whole document, served as JSON.
    pub(crate) fn doc(&self) -> &Value {
        &self.doc
    }

    /// `(METHOD, template)` of every operation.
    pub fn operations(&self) -> Vec<(String, String)> {
        let mut v: Vec<_> = self
            .ops
            .iter()
            .flat_map(|(t, ops)| ops.iter().map(move |(m, _)| (m.clone(), t.clone())))
            .collect();
        v.sort();
        v
    }

    /// Does the operation take a JSON body? Lets the request check skip every other request
    /// before it reads anything.
    pub(crate) fn takes_body(&self, method: &str, template: &str) -> bool {
        self.op(method, template).is_some_and(|o| o.body.is_some())
    }

    fn op(&self, method: &str, template: &str) -> Option<&Op> {
        self.ops
            .get(template)?
            .iter()
            .find(|(m, _)| m == method)
            .map(|(_, op)| op)
    }

    /// A request body (`None`: empty) against the operation's `requestBody`. Only the first
    /// mismatch: the reply names one problem, as OCP's validation errors do.
    pub(crate) fn check_request(
        &self,
        method: &str,
        template: &str,
        body: Option<&Value>,
    ) -> Result<(), Mismatch> {
        let Some(rule) = self.op(method, template).and_then(|o| o.body.as_ref()) else {
            return Ok(());
        };
        match body {
            None if rule.required => Err(Mismatch {
                pointer: String::new(),
                expected: "a JSON body (this operation requires one)".into(),
            }),
            None => Ok(()),
            Some(v) => match rule.schema.iter_errors(v).next() {
                Some(e) => Err(mismatch(&e)),
                None => Ok(()),
            },
        }
    }

    /// A reply against the contract: the operation's schema for `status` (or its `default`);
    /// a reply of no operation (a fallback's 404 or 405) must still be OCP's error envelope
    /// when `envelope` is set. Every mismatch, or one saying the contract has no such reply.
    pub fn check_reply(
        &self,
        method: &str,
        template: Option<&str>,
        status: u16,
        body: &Value,
        envelope: bool,
    ) -> Vec<Mismatch> {
        let op = template.and_then(|t| self.op(method, t));
        let validator = match op {
            Some(op) => op
                .replies
                .get(&status.to_string())
                .or_else(|| op.replies.get("default")),
            None if envelope && status >= 400 => Some(&self.error_envelope),
            None => None,
        };
        let Some(validator) = validator else {
            return vec![Mismatch {
                pointer: String::new(),
                expected: match (op, template) {
                    (Some(_), _) => format!("no {status} reply in the contract for this operation"),
                    (None, Some(t)) => format!("an operation {method} {t} in the contract"),
                    (None, None) => "a reply of a route the contract names".into(),
                },
            }];
        };
        validator.iter_errors(body).map(|e| mismatch(&e)).collect()
    }
}

/// Longest expectation text kept: a wrong-typed object would otherwise be printed whole.
const MAX_TEXT: usize = 300;

fn short(text: String) -> String {
    if text.chars().count() <= MAX_TEXT {
        return text;
    }
    let cut: String = text.chars().take(MAX_TEXT).collect();
    format!("{cut}…")
}

fn mismatch(e: &ValidationError<'_>) -> Mismatch {
    let expected = match e.kind() {
        // "not valid under any of the schemas" says nothing; name each alternative instead.
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            let options: Vec<String> = context
                .iter()
                .filter_map(|branch| branch.first())
                .map(|b| b.to_string())
                .collect();
            format!("one of: {}", options.join(" | "))
        }
        _ => e.to_string(),
    };
    Mismatch {
        pointer: e.instance_path().to_string(),
        expected: short(expected),
    }
}

/// A mismatch as one line of JSON for the `--check-replies` file.
pub(crate) fn report_line(method: &str, path: &str, status: u16, m: &Mismatch) -> String {
    let mut o = Map::new();
    o.insert("method".into(), method.into());
    o.insert("path".into(), path.into());
    o.insert("status".into(), status.into());
    o.insert("pointer".into(), m.pointer.clone().into());
    o.insert("expected".into(), m.expected.clone().into());
    Value::Object(o).to_string()
}
