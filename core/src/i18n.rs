//! Every user-visible string of the console, in English and Chinese. Pages never hold literal
//! text: they ask for a [`Text`] in the current [`Lang`]. Templates use `{0}`, `{1}`… for values.

use crate::ApiFailure;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The `Accept-Language` value OCP understands; it localizes its own error messages with it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::Zh => "zh-CN",
        }
    }

    pub fn from_code(code: &str) -> Lang {
        if code.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

macro_rules! texts {
    ($($key:ident => $en:literal, $zh:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text { $($key,)* }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            fn pair(self) -> (&'static str, &'static str) {
                match self { $(Text::$key => ($en, $zh),)* }
            }
        }
    };
}

texts! {
    AppTitle => "Failover Console", "容灾切换控制台";
    NavClusters => "Clusters", "集群";
    NavSignOut => "Sign out", "退出登录";
    SwitchLanguage => "中文", "English";
    SignedInAs => "Signed in as {0}", "当前用户 {0}";
    SignInTitle => "Sign in to OCP", "登录 OCP";
    SignInHint => "Use your OCP account. Credentials stay in this browser tab and are forgotten when it closes.", "使用 OCP 账号登录。凭据仅保存在当前浏览器标签页中，关闭后即清除。";
    Username => "Username", "用户名";
    Password => "Password", "密码";
    SignInButton => "Sign in", "登录";
    SigningIn => "Signing in…", "正在登录…";
    UsernameRequired => "Enter a username.", "请输入用户名。";
    PasswordRequired => "Enter a password.", "请输入密码。";
    BadCredentials => "OCP rejected this username or password.", "OCP 拒绝了该用户名或密码。";
    SessionEnded => "Your session has ended. Sign in again to continue where you were.", "会话已结束，请重新登录以继续。";
    ClustersTitle => "Clusters", "集群";
    ClustersEmpty => "OCP manages no clusters yet.", "OCP 尚未管理任何集群。";
    ColName => "Name", "名称";
    ColRole => "Role", "角色";
    ColStatus => "Status", "状态";
    ColTenants => "Tenants", "租户数";
    ColVersion => "Version", "版本";
    ColId => "ID", "ID";
    RolePrimary => "Primary", "主集群";
    RoleStandby => "Standby", "备集群";
    RoleUnknown => "Unknown role ({0})", "未知角色（{0}）";
    StandbyOf => "standby of {0}", "{0} 的备集群";
    Loading => "Loading…", "加载中…";
    Retry => "Retry", "重试";
    Retrying => "Retrying…", "正在重试…";
    PageOf => "Page {0} of {1}", "第 {0} 页，共 {1} 页";
    PrevPage => "Previous", "上一页";
    NextPage => "Next", "下一页";
    NotFoundTitle => "Page not found", "页面不存在";
    NotFoundBody => "There is nothing at {0}.", "{0} 没有内容。";
    BackToClusters => "Back to clusters", "返回集群列表";
    FailNetwork => "Cannot reach the server. Check the network or whether OCP is up.", "无法连接服务器，请检查网络或 OCP 是否可用。";
    FailTimeout => "The server did not answer within {0} s.", "服务器在 {0} 秒内没有响应。";
    FailUnauthorized => "Not signed in, or the credentials were rejected (HTTP 401).", "未登录或凭据被拒绝（HTTP 401）。";
    FailForbidden => "Your account is not permitted to do this (HTTP 403).", "当前账号无权执行此操作（HTTP 403）。";
    FailNotFound => "Not found (HTTP 404).", "未找到（HTTP 404）。";
    FailClient => "The server refused the request (HTTP {0}).", "服务器拒绝了请求（HTTP {0}）。";
    FailServer => "The server failed to answer the request (HTTP {0}).", "服务器处理请求失败（HTTP {0}）。";
    FailMalformed => "The server's reply could not be read (HTTP {0}).", "无法解析服务器的响应（HTTP {0}）。";
    FieldHttpStatus => "HTTP status", "HTTP 状态";
    FieldErrorCode => "OCP error code", "OCP 错误码";
    FieldTraceId => "Trace ID", "Trace ID";
    FieldServerMessage => "Server message", "服务器消息";
    FieldDetail => "Detail", "详情";
    CrashTitle => "The console hit an internal error", "控制台发生内部错误";
    CrashBody => "Nothing was sent to OCP because of this error. Reload to continue; you stay signed in for this tab.", "此错误不会向 OCP 发送任何请求。请重新加载以继续，当前标签页的登录状态会保留。";
    CrashReload => "Reload the console", "重新加载控制台";
    ConfigFailed => "The console could not read its configuration (config.json): {0}", "控制台无法读取配置文件 config.json：{0}";
    InvalidId => "\"{0}\" is not a valid id.", "“{0}” 不是有效的 ID。";
    ColSync => "Standby sync", "备租户同步";
    ColService => "Service name", "服务名";
    LagSeconds => "{0} s behind", "落后 {0} 秒";
    LagUnknown => "unknown", "未知";
    StatusRunning => "Running", "运行中";
    StatusUnavailable => "Unavailable", "不可用";
    StatusOther => "{0}", "{0}";
}

/// The text of `t` in `lang`.
pub fn text(lang: Lang, t: Text) -> &'static str {
    let (en, zh) = t.pair();
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The text of `t` in `lang` with `{0}`, `{1}`… replaced by `args`.
pub fn fill(lang: Lang, t: Text, args: &[&str]) -> String {
    let mut out = text(lang, t).to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

/// One sentence saying what went wrong, in the operator's language. Details (code, trace id,
/// the server's own message) are shown beside it by the view.
pub fn describe_failure(lang: Lang, f: &ApiFailure) -> String {
    match f {
        ApiFailure::Network { .. } => text(lang, Text::FailNetwork).to_string(),
        ApiFailure::Timeout { after_ms } => fill(
            lang,
            Text::FailTimeout,
            &[&format!("{:.0}", f64::from(*after_ms) / 1000.0)],
        ),
        ApiFailure::Malformed { status, .. } => {
            fill(lang, Text::FailMalformed, &[&status.to_string()])
        }
        ApiFailure::Http { status, .. } => match status {
            401 => text(lang, Text::FailUnauthorized).to_string(),
            403 => text(lang, Text::FailForbidden).to_string(),
            404 => text(lang, Text::FailNotFound).to_string(),
            s if *s >= 500 => fill(lang, Text::FailServer, &[&s.to_string()]),
            s => fill(lang, Text::FailClient, &[&s.to_string()]),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in Text::ALL {
            let (en, zh) = t.pair();
            assert!(!en.trim().is_empty(), "{t:?} has no English text");
            assert!(!zh.trim().is_empty(), "{t:?} has no Chinese text");
            // Placeholders must match, or one language silently drops a value.
            for i in 0..4 {
                let p = format!("{{{i}}}");
                assert_eq!(en.contains(&p), zh.contains(&p), "{t:?} placeholder {p}");
            }
        }
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(fill(Lang::En, Text::PageOf, &["2", "5"]), "Page 2 of 5");
        assert_eq!(
            fill(Lang::Zh, Text::PageOf, &["2", "5"]),
            "第 2 页，共 5 页"
        );
    }

    #[test]
    fn failures_are_described_specifically() {
        let f = ApiFailure::Http {
            status: 500,
            code: None,
            message: None,
            trace_id: None,
        };
        assert_eq!(
            describe_failure(Lang::En, &f),
            "The server failed to answer the request (HTTP 500)."
        );
        let t = ApiFailure::Timeout { after_ms: 15000 };
        assert_eq!(
            describe_failure(Lang::En, &t),
            "The server did not answer within 15 s."
        );
        assert_eq!(Lang::from_code("zh-CN,zh;q=0.9"), Lang::Zh);
        assert_eq!(Lang::from_code("en-US"), Lang::En);
    }
}
