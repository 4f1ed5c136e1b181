//! Clusters and tenants: `GET /api/v2/ob/clusters[/{id}/tenants]`, and every tenant of the
//! estate at once: `GET /api/v2/ob/tenants` (docs/ocp-api.md §8).

use super::Api;
use console_core::wire::{Cluster, Tenant};
use console_core::{ApiFailure, Paged};

impl Api {
    pub async fn list_clusters(&self, page: u32, size: u32) -> Result<Paged<Cluster>, ApiFailure> {
        self.get(
            "/api/v2/ob/clusters",
            &[("page", page.to_string()), ("size", size.to_string())],
        )
        .await
    }

    pub async fn get_cluster(&self, id: i64) -> Result<Cluster, ApiFailure> {
        self.get(&format!("/api/v2/ob/clusters/{id}"), &[]).await
    }

    pub async fn get_tenant(&self, cluster_id: i64, tenant_id: i64) -> Result<Tenant, ApiFailure> {
        self.get(
            &format!("/api/v2/ob/clusters/{cluster_id}/tenants/{tenant_id}"),
            &[],
        )
        .await
    }

    pub async fn list_tenants(
        &self,
        cluster_id: i64,
        page: u32,
        size: u32,
    ) -> Result<Paged<Tenant>, ApiFailure> {
        self.get(
            &format!("/api/v2/ob/clusters/{cluster_id}/tenants"),
            &[("page", page.to_string()), ("size", size.to_string())],
        )
        .await
    }

    /// Every tenant of a cluster, at OCP's largest page, at most `parallel` pages in flight;
    /// with the number of entries that could not be read.
    pub(crate) async fn all_tenants(
        &self,
        cluster_id: i64,
        parallel: usize,
    ) -> Result<(Vec<Tenant>, usize), ApiFailure> {
        let mut all = Vec::new();
        let mut skipped = 0;
        super::paging::all_pages(
            parallel,
            |p| self.list_tenants(cluster_id, p, console_core::precheck::estate::MAX_PAGE_SIZE),
            |page| {
                skipped += page.unreadable.under("/contents").count();
                all.extend(page.contents);
            },
        )
        .await?;
        Ok((all, skipped))
    }

    /// One page of every tenant the user may read, across clusters (OCP's estate-wide list).
    pub async fn list_estate_tenants(
        &self,
        page: u32,
        size: u32,
    ) -> Result<Paged<Tenant>, ApiFailure> {
        self.get(
            "/api/v2/ob/tenants",
            &[("page", page.to_string()), ("size", size.to_string())],
        )
        .await
    }
}
