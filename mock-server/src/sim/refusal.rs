//! The one way the simulation says no: an HTTP status (a plain number), OCP's error code, and the
//! message in English and Chinese. The http layer turns it into OCP's error envelope.

use console_core::i18n::Lang;
use console_core::wire::codes;

pub(crate) const BAD_REQUEST: u16 = 400;
pub(crate) const NOT_FOUND: u16 = 404;
pub(crate) const INTERNAL_ERROR: u16 = 500;

/// A request refused, as OCP would refuse it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    /// The HTTP status of the reply (and its envelope's `status`).
    pub(crate) status: u16,
    /// OCP's error code (`error.code`).
    pub(crate) code: i64,
    pub(crate) en: String,
    pub(crate) zh: String,
}

impl Refusal {
    pub(crate) fn new(
        status: u16,
        code: i64,
        en: impl Into<String>,
        zh: impl Into<String>,
    ) -> Refusal {
        Refusal {
            status,
            code,
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// A refusal whose message is the same in both languages (OCP's English-only errors).
    pub(crate) fn same(status: u16, code: i64, message: impl Into<String>) -> Refusal {
        let message = message.into();
        Refusal::new(status, code, message.clone(), message)
    }

    /// OCP's 400 for an invalid request (ILLEGAL_ARGUMENT).
    pub(crate) fn bad(en: impl Into<String>, zh: impl Into<String>) -> Refusal {
        Refusal::new(BAD_REQUEST, codes::ILLEGAL_ARGUMENT, en, zh)
    }

    pub(crate) fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    pub(crate) fn cluster_not_found(id: i64) -> Refusal {
        Refusal::new(
            NOT_FOUND,
            codes::NOT_FOUND,
            format!("No records of the cluster type found based on the id={id} parameter. Please check and try again."),
            format!("根据参数 id={id} 未找到集群类型的记录，请检查后重试。"),
        )
    }

    pub(crate) fn tenant_not_found(cluster: i64, id: i64) -> Refusal {
        Refusal::new(
            NOT_FOUND,
            codes::NOT_FOUND,
            format!("No records of the tenant type found based on the clusterId={cluster}, tenantId={id} parameter. Please check and try again."),
            format!("根据参数 clusterId={cluster}, tenantId={id} 未找到租户类型的记录，请检查后重试。"),
        )
    }

    pub(crate) fn task_not_found(id: i64) -> Refusal {
        Refusal::same(
            NOT_FOUND,
            codes::TASK_NOT_EXISTS,
            format!("The {id} task does not exist."),
        )
    }
}
