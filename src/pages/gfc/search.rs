//! Step 1: find components by id. Owns what was typed, what could not be found and the search's
//! failure; hands the components found to the page, and keeps each one's ticket (typed in its row).

use super::form::FieldError;
use crate::api::use_api;
use crate::components::failure_view::FailureView;
use crate::i18n::use_i18n;
use console_core::gfc::{parse_ids, Component, Invalid};
use console_core::i18n::Text;
use console_core::present;
use console_core::ApiFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

#[component]
pub fn ComponentSearch(
    /// The components found, for the rest of the page.
    components: RwSignal<Vec<Component>>,
    /// Change tickets by component id.
    tickets: RwSignal<BTreeMap<i64, String>>,
    #[prop(into)] problems: Signal<Vec<Invalid>>,
    #[prop(into)] show_errors: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let ids_text = RwSignal::new(String::new());
    let bad_tokens = RwSignal::new(Vec::<String>::new());
    let not_found = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<ApiFailure>);
    let searching = RwSignal::new(false);
    let search = move || {
        let (ids, junk) = parse_ids(&ids_text.get_untracked());
        bad_tokens.set(junk);
        if ids.is_empty() {
            components.set(Vec::new());
            not_found.set(Vec::new());
            return;
        }
        searching.set(true);
        let api = api.clone();
        spawn_local(async move {
            match api.gfc_search(&ids).await {
                Ok(r) => {
                    components.try_set(r.components);
                    not_found.try_set(r.not_found);
                    error.try_set(None);
                }
                Err(f) => {
                    error.try_set(Some(f));
                }
            }
            searching.try_set(false);
        });
    };
    let missing = move || {
        let mut missing = not_found.get();
        missing.extend(bad_tokens.get());
        missing.dedup();
        missing
    };

    view! {
        <h2>"1. "{i18n.tr(Text::GfcStepComponents)}</h2>
        <form class="gfc-search" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); search(); }>
            <label for="component-ids">{i18n.tr(Text::GfcIdsLabel)}</label>
            <textarea id="component-ids" rows="2" prop:value=move || ids_text.get()
                on:input=move |ev| ids_text.set(event_target_value(&ev)) placeholder="7922, 7923 7924"></textarea>
            <p class="hint">{i18n.tr(Text::GfcIdsHint)}</p>
            <button class="btn" type="submit" disabled=move || searching.get()>{i18n.tr(Text::GfcSearch)}</button>
        </form>
        <FailureView failure=error />
        {move || {
            let missing = missing();
            (!missing.is_empty()).then(|| view! { <p class="form-error" role="alert" data-testid="not-found">{i18n.f(Text::GfcNotFound, &[&missing.join(", ")])}</p> })
        }}
        {move || (!components.with(Vec::is_empty)).then(|| view! {
            <div class="grid-scroll" tabindex="0">
            <table class="grid" data-testid="components">
                <thead><tr>
                    <th scope="col">{i18n.t(Text::ColId)}</th>
                    <th scope="col">{i18n.t(Text::ColName)}</th>
                    <th scope="col">{i18n.t(Text::GfcService)}</th>
                    <th scope="col">{i18n.t(Text::GfcDataCenters)}</th>
                    <th scope="col">{i18n.t(Text::GfcState)}</th>
                    <th scope="col">{i18n.t(Text::GfcTicket)}</th>
                </tr></thead>
                <tbody>{components.get().into_iter().map(|c: Component| {
                    let id = c.id;
                    view! {
                        <tr data-testid="component-row">
                            <td>{c.id}</td>
                            <td>{c.name.clone()}</td>
                            <td>{c.service.clone()}</td>
                            <td>{format!("{} ⇄ {}", c.data_center, c.peer_data_center)}</td>
                            <td data-testid="component-state">{i18n.t(present::component_state(&c.state).text)}" "<code>{c.state.as_wire().to_string()}</code></td>
                            <td><input class="ticket" aria-label=move || format!("{} {id}", i18n.t(Text::GfcTicket)) prop:value=move || tickets.get().get(&id).cloned().unwrap_or_default()
                                on:input=move |ev| { let v = event_target_value(&ev); tickets.update(|t| { t.insert(id, v); }); } /></td>
                        </tr>
                    }
                }).collect_view()}</tbody>
            </table>
            </div>
        })}
        <FieldError field="componentIDs" problems show=show_errors />
    }
}
