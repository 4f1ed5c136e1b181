//! Shows why a request failed: one plain sentence, then what OCP said (its own message, which
//! may be English or Chinese), the HTTP status, OCP's error code and the trace id to quote to
//! support. Everything from the server is rendered as text.

use crate::i18n::use_i18n;
use console_core::i18n::{describe_failure, Text};
use console_core::ApiFailure;
use leptos::prelude::*;

#[component]
pub fn FailureView(
    #[prop(into)] failure: Signal<Option<ApiFailure>>,
    /// Offered when set: re-runs the failed read.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
    #[prop(optional, into)] busy: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        failure.get().map(|f| {
            let headline = describe_failure(i18n.lang.get(), &f);
            let status = f.status().map(|s| s.to_string());
            let code = f.code().map(|c| c.to_string());
            let trace = f.trace_id().map(str::to_string);
            let server_msg = f.server_message().map(str::to_string);
            let detail = match &f {
                ApiFailure::Network { detail } | ApiFailure::Malformed { detail, .. } => Some(detail.clone()),
                _ => None,
            };
            let row = move |label: Text, value: Option<String>| {
                value.map(|v| view! { <dt>{i18n.tr(label)}</dt><dd><code>{v}</code></dd> })
            };
            view! {
                <div class="failure" role="alert" data-testid="failure">
                    <p class="failure-headline">{headline}</p>
                    <dl class="failure-facts">
                        {row(Text::FieldServerMessage, server_msg)}
                        {row(Text::FieldHttpStatus, status)}
                        {row(Text::FieldErrorCode, code)}
                        {row(Text::FieldTraceId, trace)}
                        {row(Text::FieldDetail, detail)}
                    </dl>
                    {on_retry.map(|cb| view! {
                        <button class="btn" on:click=move |_| cb.run(()) disabled=move || busy.get()>
                            {move || if busy.get() { i18n.t(Text::Retrying) } else { i18n.t(Text::Retry) }}
                        </button>
                    })}
                </div>
            }
        })
    }
}
