//! GFC calls (docs/gfc-api.md). The precheck status is polled by the page with its own
//! tolerance for the legacy 500, so it is read with a single attempt.

use super::Api;
use console_core::gfc::{
    CheckType, LaunchBody, Operations, PreCheckStatus, PrecheckBody, Report, SearchResult,
    SessionRef,
};
use console_core::ApiFailure;

impl Api {
    pub async fn gfc_check_types(&self) -> Result<Vec<CheckType>, ApiFailure> {
        self.get("/gfc/failover/getCheckTypes", &[]).await
    }

    pub async fn gfc_search(&self, ids: &[i64]) -> Result<SearchResult, ApiFailure> {
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        self.get(
            "/gfc/failover/searchByComponentIds",
            &[("componentIdsStr", list)],
        )
        .await
    }

    /// Queues the checks (all, or only `checks`); returns the precheck session.
    pub async fn gfc_precheck(
        &self,
        body: &LaunchBody,
        checks: &[String],
    ) -> Result<String, ApiFailure> {
        let body = PrecheckBody {
            launch: body.clone(),
            check_types: checks.join(","),
        };
        let r: SessionRef = self
            .post_read("/gfc/failover/doPreFailBackCheck", Some(&body))
            .await?;
        Ok(r.session_id)
    }

    pub async fn gfc_precheck_status(&self, session: &str) -> Result<PreCheckStatus, ApiFailure> {
        self.get_once(
            "/gfc/failover/getPreCheckStatus",
            &[("sessionIdStr", session.to_string())],
        )
        .await
    }

    /// The launch: sent once.
    pub async fn gfc_launch(&self, body: &LaunchBody) -> Result<String, ApiFailure> {
        let r: SessionRef = self
            .write("/gfc/failover/doFailoverback", Some(body))
            .await?;
        Ok(r.session_id)
    }

    pub async fn gfc_operations(
        &self,
        session: &str,
        ids: &str,
        mark: &str,
    ) -> Result<Operations, ApiFailure> {
        self.get_once(
            "/gfc/failover/getFOBOperations",
            &[
                ("sessionIdStr", session.to_string()),
                ("componentIdsStr", ids.to_string()),
                ("failoverbackMark", mark.to_string()),
                ("firstVisit", "false".to_string()),
            ],
        )
        .await
    }

    pub async fn gfc_report(&self, session: &str) -> Result<Report, ApiFailure> {
        self.get(
            "/gfc/failover/report",
            &[("sessionIdStr", session.to_string())],
        )
        .await
    }
}
