//! A precheck's verdict at a glance (icon, word, colour) with the counts as large numbers, then
//! every finding grouped into blocking errors and warnings, each with its code and message.

use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::precheck::{Action, Changes, Finding, Summary, Verdict};
use leptos::prelude::*;

#[component]
pub fn VerdictPanel(summary: Summary, action: Action) -> impl IntoView {
    let i18n = use_i18n();
    let pass = summary.verdict == Verdict::Pass;
    let (class, icon) = if pass {
        ("verdict verdict-pass", "✔")
    } else {
        ("verdict verdict-blocked", "✖")
    };
    let word = move || match (pass, action) {
        (true, Action::Failover) => i18n.t(Text::VerdictPassFailover),
        (true, Action::Switchover) => i18n.t(Text::VerdictPassSwitchover),
        (false, _) => i18n.t(Text::VerdictBlocked),
    };
    let blocking = summary.blocking.len();
    let warnings = summary.warnings.len();
    view! {
        <div class=class data-testid="verdict" role="status">
            <span class="verdict-icon" aria-hidden="true">{icon}</span>
            <span class="verdict-word">{word}</span>
            <span class="count count-blocking" data-testid="count-blocking"><b>{blocking}</b>" "{move || i18n.t(Text::CountBlocking)}</span>
            <span class="count count-warnings" data-testid="count-warnings"><b>{warnings}</b>" "{move || i18n.t(Text::CountWarnings)}</span>
        </div>
        <Findings summary />
    }
}

#[component]
pub fn Findings(summary: Summary) -> impl IntoView {
    let i18n = use_i18n();
    let none = summary.blocking.is_empty() && summary.warnings.is_empty();
    let group = move |title: Text,
                      items: Vec<Finding>,
                      class: &'static str,
                      testid: &'static str| {
        (!items.is_empty()).then(|| {
            view! {
                <section class=class data-testid=testid>
                    <h3>{move || i18n.t(title)}</h3>
                    <ul>
                        {items
                            .into_iter()
                            .map(|f| view! {
                                <li>
                                    {(!f.code.is_empty()).then(|| view! { <code class="finding-code">{f.code.clone()}</code>" " })}
                                    <span class="finding-message">{f.message.clone()}</span>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    };
    view! {
        {group(Text::GroupBlocking, summary.blocking.clone(), "findings findings-blocking", "blocking")}
        {group(Text::GroupWarnings, summary.warnings.clone(), "findings findings-warnings", "warnings")}
        {none.then(|| view! { <p class="findings-none">{move || i18n.t(Text::NoFindings)}</p> })}
    }
}

/// What changed since the previous run of the same precheck.
#[component]
pub fn ChangesView(changes: Changes) -> impl IntoView {
    let i18n = use_i18n();
    let verdict_word = move |v: Verdict| match v {
        Verdict::Pass => i18n.t(Text::VerdictPassShort),
        Verdict::Blocked => i18n.t(Text::VerdictBlocked),
    };
    let label = |f: &Finding| {
        if f.code.is_empty() {
            f.message.clone()
        } else {
            format!("{} {}", f.code, f.message)
        }
    };
    let empty = changes.is_empty();
    let verdict = changes.verdict;
    let appeared: Vec<String> = changes.appeared.iter().map(label).collect();
    let resolved: Vec<String> = changes.resolved.iter().map(label).collect();
    view! {
        <section class="changes" data-testid="changes" aria-live="polite">
            <h3>{move || i18n.t(Text::ChangesTitle)}</h3>
            {empty.then(|| view! { <p>{move || i18n.t(Text::ChangesNone)}</p> })}
            <ul>
                {verdict.map(|(a, b)| view! { <li>{move || i18n.f(Text::ChangeVerdict, &[verdict_word(a), verdict_word(b)])}</li> })}
                {appeared.into_iter().map(|x| view! { <li class="change-new">{move || i18n.f(Text::ChangeAppeared, &[&x])}</li> }).collect_view()}
                {resolved.into_iter().map(|x| view! { <li class="change-resolved">{move || i18n.f(Text::ChangeResolved, &[&x])}</li> }).collect_view()}
            </ul>
        </section>
    }
}
