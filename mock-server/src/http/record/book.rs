//! The recording's folder: which stub file holds which request, and how a reply becomes a stub.
//!
//! One file per method and path, named `NNNN-METHOD-path.json` (NNNN counts up in the order the
//! paths were first seen). A file holds one stub per distinct query; recording the same request
//! again replaces its stub, so the folder keeps the **last** reply to each request (a polled task
//! replays as it last looked). Stubs match a query by subset, and the last in a file wins, so a
//! file lists its stubs by ascending number of query keys: a request replayed gets the stub of
//! exactly its own query, never one recorded for fewer keys.

use crate::http::stubs::{load_dir, parse_stub, StubSpec};
use axum::http::{HeaderMap, HeaderName, StatusCode};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Response headers never written: credentials, cookies, hop-by-hop headers, and those the
/// replaying mock sets for itself (length, encoding, date, CORS).
pub(crate) fn written(name: &HeaderName) -> bool {
    let n = name.as_str();
    !(super::HOP_BY_HOP.contains(&n)
        || n.starts_with("access-control-")
        || matches!(
            n,
            "authorization"
                | "cookie"
                | "set-cookie"
                | "www-authenticate"
                | "content-length"
                | "content-encoding"
                | "date"
                | "vary"
        ))
}

/// What one exchange is recorded as: `Err` says why it is not (the reply was still passed on).
pub(crate) fn to_stub(
    method: &str,
    path: &str,
    query: &[(String, String)],
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<StubSpec, String> {
    if status == StatusCode::UNAUTHORIZED {
        // A 401 is about the credentials sent, which are not recorded; replayed (before any
        // authentication) it would lock every user out of that request.
        return Err("a 401 depends on the credentials sent, which are not recorded".into());
    }
    let mut kept: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in headers {
        if !written(name) {
            continue;
        }
        let Ok(text) = value.to_str() else {
            continue; // not visible ASCII: a stub cannot hold it, and no page reads it
        };
        kept.entry(name.as_str().to_string())
            .and_modify(|v| {
                v.push_str(", ");
                v.push_str(text);
            })
            .or_insert_with(|| text.to_string());
    }
    let body = body_value(status, body)?;
    let query: BTreeMap<&str, &str> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut request = json!({"method": method, "path": path});
    if !query.is_empty() {
        request["query"] = json!(query);
    }
    let mut response = json!({"status": status.as_u16(), "headers": kept});
    if let Some(b) = body {
        response["body"] = b;
    }
    // Read back as `--stubs` reads it, so a file written here always loads.
    parse_stub(json!({"request": request, "response": response})).map_err(|e| e.to_string())
}

/// JSON whose compact form is exactly the bytes received is kept as JSON (readable, editable);
/// any other text as a string, sent back byte for byte; no body as none.
fn body_value(status: StatusCode, body: &[u8]) -> Result<Option<Value>, String> {
    if body.is_empty() || matches!(status.as_u16(), 204 | 304) {
        return Ok(None);
    }
    let text = std::str::from_utf8(body).map_err(|_| {
        format!(
            "the body ({} bytes) is not UTF-8 text, which a stub file cannot hold",
            body.len()
        )
    })?;
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        if serde_json::to_vec(&v).is_ok_and(|again| again == body) {
            return Ok(Some(v));
        }
    }
    Ok(Some(Value::String(text.to_string())))
}

/// `NNNN-METHOD-path.json`: the path's `/` and anything unusual become `-`, at most 120 characters.
pub(crate) fn file_name(seq: u32, method: &str, path: &str) -> String {
    let slug: String = path
        .trim_start_matches('/')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .take(120)
        .collect();
    format!("{seq:04}-{method}-{slug}.json")
}

/// The folder as the recorder knows it.
#[derive(Debug)]
pub(crate) struct Book {
    dir: PathBuf,
    files: HashMap<(String, String), Page>,
    next: u32,
}

/// One file: its name and its stubs, in file order.
#[derive(Debug)]
struct Page {
    name: String,
    stubs: Vec<StubSpec>,
}

impl Book {
    /// Opens (creating it if missing) the folder. Files an earlier recording wrote (`NNNN-…`,
    /// one method and path each) are taken over, so recording again replaces their replies;
    /// numbering goes on after the highest. Other files are left alone. A file that `--stubs`
    /// could not load stops the start, with the same message.
    pub(crate) fn open(dir: &Path) -> Result<Book, String> {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create the recording folder {}: {e}", dir.display()))?;
        let mut by_file: BTreeMap<String, Vec<StubSpec>> = BTreeMap::new();
        for (file, spec) in load_dir(dir)? {
            by_file.entry(file).or_default().push(spec);
        }
        let mut book = Book {
            dir: dir.to_path_buf(),
            files: HashMap::new(),
            next: 1,
        };
        for (file, stubs) in by_file {
            let Some(name) = Path::new(&file).file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
            let Ok(seq) = digits.parse::<u32>() else {
                continue;
            };
            if !name[digits.len()..].starts_with('-') {
                continue;
            }
            book.next = book.next.max(seq.saturating_add(1));
            let key = (
                stubs[0].request.method.clone(),
                stubs[0].request.path.clone(),
            );
            if stubs
                .iter()
                .all(|s| s.request.method == key.0 && s.request.path == key.1)
            {
                let name = name.to_string();
                book.files.insert(key, Page { name, stubs });
            }
        }
        Ok(book)
    }

    /// Puts `stub` in its file (replacing the stub of the same query) and writes the file
    /// whole: to a temporary name, then renamed, so a reader never sees half of it. Returns the
    /// file's path.
    pub(crate) fn put(&mut self, stub: StubSpec) -> Result<PathBuf, String> {
        let key = (stub.request.method.clone(), stub.request.path.clone());
        let page = match self.files.get_mut(&key) {
            Some(p) => p,
            None => {
                let name = file_name(self.next, &key.0, &key.1);
                self.next = self.next.saturating_add(1);
                self.files.entry(key).or_insert(Page {
                    name,
                    stubs: Vec::new(),
                })
            }
        };
        match page
            .stubs
            .iter_mut()
            .find(|s| s.request.query == stub.request.query)
        {
            Some(same) => *same = stub,
            None => page.stubs.push(stub),
        }
        // Stable: stubs with as many keys keep the order they were first recorded in.
        page.stubs.sort_by_key(|s| s.request.query.len());
        // Serialized from the structs, so fields read in their order: method, path, query;
        // status, headers, body.
        let text = match page.stubs.as_slice() {
            [one] => serde_json::to_string_pretty(one),
            many => serde_json::to_string_pretty(many),
        }
        .map_err(|e| format!("cannot write {}: {e}", page.name))?;
        let path = self.dir.join(&page.name);
        let tmp = self.dir.join(format!("{}.tmp", page.name));
        std::fs::write(&tmp, text + "\n")
            .and_then(|_| std::fs::rename(&tmp, &path))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn reply(body: &str) -> (HeaderMap, Vec<u8>) {
        let mut h = HeaderMap::new();
        h.insert("content-type", HeaderValue::from_static("application/json"));
        h.insert("set-cookie", HeaderValue::from_static("JSESSIONID=abc"));
        h.insert("connection", HeaderValue::from_static("keep-alive"));
        h.insert(
            "date",
            HeaderValue::from_static("Mon, 23 Nov 2026 14:00:00 GMT"),
        );
        (h, body.as_bytes().to_vec())
    }

    #[test]
    fn a_reply_keeps_its_status_body_and_plain_headers_only() {
        let (h, b) = reply(r#"{"data":{"id":1},"successful":true}"#);
        let s = to_stub(
            "GET",
            "/api/v2/x",
            &q(&[("page", "1")]),
            StatusCode::OK,
            &h,
            &b,
        )
        .unwrap();
        assert_eq!(s.response.status, 200);
        let names: Vec<&str> = s.response.headers.keys().map(|k| k.0.as_str()).collect();
        assert_eq!(names, ["content-type"]);
        assert_eq!(
            s.response.body,
            Some(json!({"data": {"id": 1}, "successful": true}))
        );
        assert_eq!(s.request.query.get("page").map(String::as_str), Some("1"));
        // Not in compact sorted form: kept as text, so the replay sends the same bytes.
        let (h, b) = reply("{ \"b\": 1, \"a\": 2 }");
        let s = to_stub("GET", "/api/v2/x", &[], StatusCode::OK, &h, &b).unwrap();
        assert_eq!(s.response.body, Some(json!("{ \"b\": 1, \"a\": 2 }")));
        let (h, b) = reply("<html>502</html>");
        let s = to_stub("GET", "/gfc/x", &[], StatusCode::BAD_GATEWAY, &h, &b).unwrap();
        assert_eq!(s.response.body, Some(json!("<html>502</html>")));
        let s = to_stub("POST", "/api/v2/x", &[], StatusCode::NO_CONTENT, &h, &[]).unwrap();
        assert_eq!(s.response.body, None);
    }

    #[test]
    fn what_is_not_recorded_says_why() {
        let (h, b) = reply("{}");
        let e = to_stub("GET", "/api/v2/x", &[], StatusCode::UNAUTHORIZED, &h, &b).unwrap_err();
        assert!(e.contains("credentials"), "{e}");
        let e = to_stub("GET", "/api/v2/x", &[], StatusCode::OK, &h, &[0xff, 0xfe]).unwrap_err();
        assert!(e.contains("not UTF-8"), "{e}");
        // Outside /api and /gfc: the stub format refuses it, and so does the recorder.
        let e = to_stub("GET", "/index.html", &[], StatusCode::OK, &h, &b).unwrap_err();
        assert!(e.contains("/api/"), "{e}");
    }

    #[test]
    fn file_names_are_numbered_and_readable() {
        assert_eq!(
            file_name(7, "GET", "/api/v2/ob/clusters/3000012/tenants"),
            "0007-GET-api-v2-ob-clusters-3000012-tenants.json"
        );
        assert_eq!(
            file_name(12345, "POST", "/gfc/failover/do%20it"),
            "12345-POST-gfc-failover-do-20it.json"
        );
    }

    fn temp_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("mock-book-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn the_last_reply_wins_and_the_exact_query_is_matched_last() {
        let dir = temp_dir("order");
        let mut book = Book::open(&dir).unwrap();
        let stub = |query: &[(&str, &str)], n: i64| {
            let (h, b) = reply(&format!(r#"{{"n":{n}}}"#));
            to_stub("GET", "/api/v2/t", &q(query), StatusCode::OK, &h, &b).unwrap()
        };
        book.put(stub(&[("page", "1"), ("size", "10")], 1)).unwrap();
        book.put(stub(&[], 2)).unwrap();
        let path = book.put(stub(&[("page", "1"), ("size", "10")], 3)).unwrap();
        assert!(path.ends_with("0001-GET-api-v2-t.json"), "{path:?}");
        let loaded = load_dir(&dir).unwrap();
        let bodies: Vec<_> = loaded
            .iter()
            .map(|(_, s)| (s.request.query.len(), s.response.body.clone()))
            .collect();
        assert_eq!(
            bodies,
            [(0, Some(json!({"n": 2}))), (2, Some(json!({"n": 3})))]
        );
        // A second recording into the folder takes the file over and numbers on.
        let mut again = Book::open(&dir).unwrap();
        again.put(stub(&[], 4)).unwrap();
        let other = {
            let (h, b) = reply("{}");
            to_stub("GET", "/api/v2/u", &[], StatusCode::OK, &h, &b).unwrap()
        };
        assert!(again
            .put(other)
            .unwrap()
            .ends_with("0002-GET-api-v2-u.json"));
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        let loaded = load_dir(&dir).unwrap();
        assert_eq!(loaded[0].1.response.body, Some(json!({"n": 4})));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_folder_that_does_not_load_stops_the_start() {
        let dir = temp_dir("bad");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("0001-GET-x.json"), "{").unwrap();
        let e = Book::open(&dir).unwrap_err();
        assert!(
            e.contains("0001-GET-x.json") && e.contains("not valid JSON"),
            "{e}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
