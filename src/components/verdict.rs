//! A precheck's verdict at a glance (icon, word, colour) with the counts as large numbers, then
//! every finding grouped into blocking errors and warnings, each with its code and message.
//! A reply that proves neither way reads "No verdict" with the reason, never as a pass.

use crate::i18n::{use_i18n, I18n};
use console_core::i18n::Text;
use console_core::precheck::verdict::{Action, Changes, Finding, NoVerdict, Summary, Verdict};
use console_core::present;
use leptos::prelude::*;

/// The short word for a verdict (tables, changes).
pub fn verdict_word(i18n: I18n, v: Verdict) -> &'static str {
    i18n.t(present::verdict(v).text)
}

/// A finding in words: its code, its message, the standby it concerns; never blank.
pub fn finding_text(i18n: I18n, f: &Finding) -> String {
    let mut out = if let Some(raw) = &f.raw {
        i18n.f(Text::FindingUnreadable, &[raw])
    } else if f.is_unnamed() {
        i18n.t(Text::FindingUnnamed).to_string()
    } else {
        f.message.clone()
    };
    if let Some(who) = &f.subject {
        out = format!("[{who}] {out}");
    }
    out
}

#[component]
pub fn VerdictPanel(summary: Summary, action: Action) -> impl IntoView {
    let i18n = use_i18n();
    let verdict = summary.verdict;
    let (icon, look, _) = present::verdict(verdict).parts();
    let class = format!("verdict verdict-{look}");
    let word = move || match (verdict, action) {
        (Verdict::Pass, Action::Failover) => i18n.t(Text::VerdictPassFailover),
        (Verdict::Pass, Action::Switchover) => i18n.t(Text::VerdictPassSwitchover),
        (v, _) => verdict_word(i18n, v),
    };
    let blocking = summary.blocking.len();
    let warnings = summary.warnings.len();
    let why = summary.no_verdict.map(|w| match w {
        NoVerdict::NoResults => Text::NoVerdictNoResults,
        NoVerdict::NoValidFlag => Text::NoVerdictNoValid,
    });
    let standbys: Vec<String> = summary
        .blocked_standbys
        .iter()
        .filter(|n| !n.is_empty())
        .cloned()
        .collect();
    view! {
        <div class=class data-testid="verdict" data-verdict=look role="status">
            <span class="verdict-icon" aria-hidden="true">{icon}</span>
            <span class="verdict-word">{word}</span>
            <span class="count count-blocking" data-testid="count-blocking"><b>{blocking}</b>" "{i18n.tr(Text::CountBlocking)}</span>
            <span class="count count-warnings" data-testid="count-warnings"><b>{warnings}</b>" "{i18n.tr(Text::CountWarnings)}</span>
        </div>
        {why.map(|t| view! { <p class="hint no-verdict" data-testid="no-verdict">{i18n.tr(t)}</p> })}
        {(!standbys.is_empty()).then(|| {
            let list = standbys.join(", ");
            view! { <p class="hint" data-testid="blocked-standbys">{move || i18n.f(Text::BlockedStandbys, &[&list])}</p> }
        })}
        <Findings summary />
    }
}

#[component]
pub fn Findings(summary: Summary) -> impl IntoView {
    let i18n = use_i18n();
    let all_passed = summary.verdict == Verdict::Pass
        && summary.blocking.is_empty()
        && summary.warnings.is_empty();
    let group = move |title: Text,
                      items: Vec<Finding>,
                      class: &'static str,
                      testid: &'static str| {
        (!items.is_empty()).then(|| {
            view! {
                <section class=class data-testid=testid>
                    <h3>{i18n.tr(title)}</h3>
                    <ul>
                        {items
                            .into_iter()
                            .map(|f| {
                                let code = f.code.clone();
                                view! {
                                    <li>
                                        {(!code.is_empty()).then(|| view! { <code class="finding-code">{code}</code>" " })}
                                        <span class="finding-message">{move || finding_text(i18n, &f)}</span>
                                    </li>
                                }
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
        {all_passed.then(|| view! { <p class="findings-none">{i18n.tr(Text::NoFindings)}</p> })}
    }
}

/// What changed since the previous run of the same precheck (or, titled otherwise, between any
/// two kept runs).
#[component]
pub fn ChangesView(
    changes: Changes,
    /// Heading; "Changes since the previous run" unless given.
    #[prop(optional)]
    title: Option<Text>,
    /// Said when nothing changed.
    #[prop(optional)]
    none: Option<Text>,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = title.unwrap_or(Text::ChangesTitle);
    let none = none.unwrap_or(Text::ChangesNone);
    let testid = testid.unwrap_or("changes");
    let label = move |f: &Finding| {
        let text = finding_text(i18n, f);
        if f.code.is_empty() {
            text
        } else {
            // A kept run has codes only: no trailing space after the code.
            format!("{} {text}", f.code).trim_end().to_string()
        }
    };
    let empty = changes.is_empty();
    let verdict = changes.verdict;
    let appeared: Vec<String> = changes.appeared.iter().map(label).collect();
    let resolved: Vec<String> = changes.resolved.iter().map(label).collect();
    view! {
        <section class="changes" data-testid=testid aria-live="polite">
            <h3>{i18n.tr(title)}</h3>
            {empty.then(|| view! { <p>{i18n.tr(none)}</p> })}
            <ul>
                {verdict.map(|(a, b)| view! { <li>{move || i18n.f(Text::ChangeVerdict, &[verdict_word(i18n, a), verdict_word(i18n, b)])}</li> })}
                {appeared.into_iter().map(|x| view! { <li class="change-new">{move || i18n.f(Text::ChangeAppeared, &[&x])}</li> }).collect_view()}
                {resolved.into_iter().map(|x| view! { <li class="change-resolved">{move || i18n.f(Text::ChangeResolved, &[&x])}</li> }).collect_view()}
            </ul>
        </section>
    }
}
