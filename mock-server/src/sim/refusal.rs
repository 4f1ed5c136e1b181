//! The one way the simulation says no: an HTTP status (a plain number), OCP's error code, and the
//! message in English and Chinese. The http layer turns it into OCP's error envelope.

use console_core::i18n::Lang;

pub const BAD_REQUEST: u16 = 400;
pub const NOT_FOUND: u16 = 404;
pub const INTERNAL_ERROR: u16 = 500;

/// A request refused, as OCP would refuse it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The HTTP status of the reply (and its envelope's `status`).
    pub status: u16,
    /// OCP's error code (`error.code`).
    pub code: i64,
    pub en: String,
    pub zh: String,
}

impl Refusal {
    pub fn new(status: u16, code: i64, en: impl Into<String>, zh: impl Into<String>) -> Refusal {
        Refusal {
            status,
            code,
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// A refusal whose message is the same in both languages (OCP's English-only errors).
    pub fn same(status: u16, code: i64, message: impl Into<String>) -> Refusal {
        let message = message.into();
        Refusal::new(status, code, message.clone(), message)
    }

    /// OCP's 400 for an invalid request (code 10001).
    pub fn bad(en: impl Into<String>, zh: impl Into<String>) -> Refusal {
        Refusal::new(BAD_REQUEST, 10001, en, zh)
    }

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    pub fn cluster_not_found(id: i64) -> Refusal {
        Refusal::new(
            NOT_FOUND,
            10002,
            format!("No records of the cluster type found based on the id={id} parameter. Please check and try again."),
            format!("根据参数 id={id} 未找到集群类型的记录，请检查后重试。"),
        )
    }

    pub fn tenant_not_found(cluster: i64, id: i64) -> Refusal {
        Refusal::new(
            NOT_FOUND,
            10002,
            format!("No records of the tenant type found based on the clusterId={cluster}, tenantId={id} parameter. Please check and try again."),
            format!("根据参数 clusterId={cluster}, tenantId={id} 未找到租户类型的记录，请检查后重试。"),
        )
    }

    pub fn task_not_found(id: i64) -> Refusal {
        Refusal::same(NOT_FOUND, 20000, format!("The {id} task does not exist."))
    }
}
