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
    RoleOperator => "operator", "操作员";
    RoleReadOnly => "read only", "只读";
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
    ColRegion => "Region", "地域";
    ColId => "ID", "ID";
    RolePrimary => "Primary", "主集群";
    RoleStandby => "Standby", "备集群";
    StandbyOf => "standby of {0}", "{0} 的备集群";
    Loading => "Loading…", "加载中…";
    Retry => "Retry", "重试";
    Retrying => "Retrying…", "正在重试…";
    ChunkFailedTitle => "This page could not be downloaded", "无法下载此页面";
    ChunkFailedBody => "The browser could not fetch this page's code ({0}) from the server: the network or the server may be down. Nothing else on screen is lost; retry when the connection is back.", "浏览器无法从服务器获取此页面的代码（{0}）：网络或服务器可能不可用。屏幕上的其他内容不受影响；连接恢复后请重试。";
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
    FailNotJson => "The reply is not OCP's: HTTP {0}, {1} instead of JSON: “{2}”. A proxy or sign-in page may stand in front of OCP.", "收到的不是 OCP 的响应：HTTP {0}，类型为 {1} 而不是 JSON：“{2}”。OCP 前面可能有代理或登录页。";
    FailNoContentType => "no content type", "无内容类型";
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
    LagSeconds => "{0} behind", "落后 {0}";
    LagUnknown => "unknown", "未知";
    StatusRunning => "Running", "运行中";
    NavTasks => "Tasks", "任务";
    ColActions => "Actions", "操作";
    ActFailover => "Failover…", "容灾切换…";
    ActSwitchover => "Switchover…", "主备切换…";
    ActBatchFailover => "Batch failover precheck", "批量容灾切换预检查";
    ActClusterFailover => "Cluster failover…", "集群容灾切换…";
    ActClusterSwitchover => "Cluster switchover…", "集群主备切换…";
    ActClusterTasks => "Tasks of this cluster", "该集群的任务";
    TenantFailoverTitle => "Failover of tenant {0}", "租户 {0} 容灾切换";
    TenantSwitchoverTitle => "Switchover of tenant {0}", "租户 {0} 主备切换";
    ClusterFailoverTitle => "Failover of cluster {0}", "集群 {0} 容灾切换";
    ClusterSwitchoverTitle => "Switchover of cluster {0}", "集群 {0} 主备切换";
    BatchTitle => "Batch failover precheck of cluster {0}", "集群 {0} 批量容灾切换预检查";
    RunPrecheck => "Run precheck again", "重新预检查";
    RunningPrecheck => "Running precheck…", "正在预检查…";
    VerdictPassFailover => "Can fail over", "可以容灾切换";
    VerdictPassSwitchover => "Can switch over", "可以主备切换";
    VerdictBlocked => "Blocked", "不可切换";
    VerdictPassShort => "Passed", "通过";
    VerdictNone => "No verdict", "无结论";
    NoVerdictNoResults => "OCP returned no check results. Run the precheck again; nothing can be launched until OCP gives a verdict.", "OCP 未返回任何检查结果。请重新运行预检查；在 OCP 给出结论之前无法发起。";
    NoVerdictNoValid => "OCP listed no blocking error but did not say whether the standby may take over. Run the precheck again; nothing can be launched until OCP gives a verdict.", "OCP 未列出阻断错误，但也未说明备租户能否接管。请重新运行预检查；在 OCP 给出结论之前无法发起。";
    RunAgain => "Run again", "重新运行";
    FindingUnnamed => "Unnamed check (OCP sent no code or message)", "未命名的检查（OCP 未提供代码或信息）";
    FindingUnreadable => "Unreadable check result; OCP sent: {0}", "无法读取的检查结果，OCP 发送的内容：{0}";
    BlockedStandbys => "Blocked standbys: {0}", "不可切换的备租户：{0}";
    Unrecognised => "unrecognised", "未识别";
    UnreadableValue => "OCP sent a value that could not be read: {0}", "OCP 发送了无法读取的值：{0}";
    RowsUnreadable => "{0} item(s) of OCP's list could not be read and are not shown.", "OCP 列表中有 {0} 项无法读取，未显示。";
    CountBlocking => "blocking", "阻断";
    CountWarnings => "warnings", "警告";
    GroupBlocking => "Blocking errors", "阻断错误";
    GroupWarnings => "Warnings", "警告";
    NoFindings => "Every check passed.", "所有检查均通过。";
    FieldSyncScn => "Sync SCN", "同步 SCN";
    FieldStandbyLag => "Standby lag", "备租户延迟";
    FieldPrimaryService => "Primary service name", "主租户服务名";
    FieldPrimaryTenant => "Primary tenant", "主租户";
    ChangesTitle => "Changes since the previous run", "与上次预检查相比的变化";
    ChangesNone => "Nothing changed since the previous run.", "与上次预检查相比没有变化。";
    ChangeVerdict => "Verdict: {0} → {1}", "结论：{0} → {1}";
    ChangeAppeared => "New: {0}", "新增：{0}";
    ChangeResolved => "Resolved: {0}", "已解决：{0}";
    HistoryTitle => "History in this browser", "本浏览器中的预检查历史";
    HistoryHint => "The last 20 precheck results of this standby kept by this browser, newest first. Choose an earlier run to see what changed up to the latest.", "本浏览器为该备租户（或备集群）保留的最近 20 次预检查结果，最新的在前。选择较早的一次，查看它与最新一次之间的变化。";
    HistoryEmpty => "No precheck of this standby is kept in this browser yet.", "本浏览器尚未保留该备租户（或备集群）的任何预检查结果。";
    HistoryNotSaved => "This result could not be kept: the browser's storage is unavailable or full.", "无法保留此结果：浏览器存储不可用或已满。";
    HistoryColAt => "Run at", "运行时间";
    HistoryColBlocking => "Blocking codes", "阻断错误码";
    HistoryColWarnings => "Warning codes", "警告码";
    HistoryColLag => "Lag then", "当时延迟";
    HistoryColCompare => "Compare", "比较";
    HistoryLatest => "Latest", "最新";
    HistoryPick => "Compare with the latest", "与最新一次比较";
    HistoryDiffTitle => "Changes from the chosen run to the latest", "所选运行与最新一次相比的变化";
    HistoryDiffNone => "Nothing changed between the chosen run and the latest.", "所选运行与最新一次相比没有变化。";
    // The readiness board (readiness/board.rs).
    NavReadiness => "Readiness", "就绪状态";
    ReadinessTitle => "Failover readiness", "容灾切换就绪状态";
    ReadinessIntro => "Every standby tenant and standby cluster OCP manages: how far behind its primary it is, and the last failover precheck this browser kept. The board runs failover prechecks, which ask whether the standby could take over now and change nothing. For each primary, the recommended target is the least lagging standby whose last precheck passed.", "OCP 管理的所有备租户和备集群：落后主租户（或主集群）多少，以及本浏览器保留的最近一次容灾切换预检查。本页运行的是容灾切换预检查：它只判断该备租户（或备集群）现在能否接管，不做任何更改。每个主租户（或主集群）的推荐目标是最近一次预检查通过且延迟最小的备租户（或备集群）。";
    ReadinessRecheckEvery => "While this page is open, every standby is prechecked again every {0} min (paused while the tab is hidden).", "本页打开期间，每 {0} 分钟重新预检查所有备租户和备集群（标签页隐藏时暂停）。";
    ReadinessNextRecheck => "Prechecked again in {0}.", "距下次自动重新预检查还有 {0}。";
    ReadinessRpoMeaning => "RPO (recovery point objective): the writes a failover now would lose, those the standby has not replayed yet.", "RPO（恢复点目标）：现在容灾切换会丢失的写入，即备租户尚未回放的部分。";
    ReadinessPrecheckAll => "Precheck all", "全部预检查";
    ReadinessCancel => "Cancel", "取消";
    ReadinessQueueRunning => "Prechecking: {0} of {1} answered, {2} in flight", "正在预检查：已完成 {0}/{1} 个，{2} 个请求进行中";
    ReadinessQueueThrottled => "OCP asked the console to slow down: {0} at a time (of {1})", "OCP 要求放慢速度：每次 {0} 个（最多 {1} 个）";
    ReadinessQueuePaused => "OCP asked the console to slow down: next request in {0}", "OCP 要求放慢速度：{0}后发送下一个请求";
    ReadinessQueueStopping => "Canceled: finishing {0} in flight; nothing after them will start", "已取消：正在完成进行中的 {0} 个请求，之后不再开始新的预检查";
    ReadinessCount => "{0} standbys · {1} not ready · {2} lag unknown", "{0} 个备库 · {1} 个未就绪 · {2} 个延迟未知";
    ReadinessSearch => "Search", "搜索";
    ReadinessSearchHint => "name, cluster or region", "名称、集群或地域";
    ReadinessShown => "Showing {0} of {1}", "显示 {0}/{1} 个";
    TenantsCount => "{0} tenants · {1} standbys · {2} lag unknown", "{0} 个租户 · {1} 个备租户 · {2} 个延迟未知";
    TenantsSearchHint => "name, role, status or service", "名称、角色、状态或服务名";
    TenantsNoMatch => "No tenant matches the search.", "没有符合搜索条件的租户。";
    SortOcp => "OCP's order", "OCP 的顺序";
    SortStatusFirst => "Status, not normal first", "状态，非正常的在前";
    BatchCount => "{0} standby tenants · {1} pass · {2} blocked · {3} no verdict", "{0} 个备租户 · {1} 个通过 · {2} 个阻塞 · {3} 个无结论";
    BatchSearchHint => "name or error code", "名称或错误码";
    TasksCount => "{0} tasks · {1} running · {2} failed", "{0} 个任务 · {1} 个运行中 · {2} 个失败";
    TasksSearchHint => "id, name or creator", "编号、名称或创建者";
    SortNewest => "Newest first", "最新的在前";
    SortFailedFirst => "Status, failed first", "状态，失败的在前";
    SortLongest => "Duration, longest first", "耗时，最长的在前";
    ThemeLabel => "Colours", "配色";
    ObjectiveRpoMet => "RPO objective {0}: met", "RPO 目标 {0}：满足";
    ObjectiveRtoMet => "RTO objective {0}: met", "RTO 目标 {0}：满足";
    ObjectiveRtoMissed => "RTO objective {0}: missed by {1}", "RTO 目标 {0}：超出 {1}";
    ObjectiveRpoExceeded => "RPO {0} exceeded: {1} behind", "超出 RPO 目标 {0}：落后 {1}";
    ObjectiveRpoUnknown => "RPO objective {0}: lag unknown, cannot be shown to hold", "RPO 目标 {0}：延迟未知，无法确认满足";
    ThemeSystem => "As the system", "跟随系统";
    ThemeLight => "Light", "浅色";
    ThemeDark => "Dark", "深色";
    ReadinessQueueDone => "Prechecked {0} of {1}", "已预检查 {0}/{1} 个";
    ReadinessQueueCanceled => "Canceled after {0} of {1}", "已在完成 {0}/{1} 个后取消";
    ReadinessSort => "Sort by", "排序方式";
    ReadinessSortLag => "Lag, most behind first", "延迟，落后最多的在前";
    ReadinessSortAge => "Precheck age, oldest first", "预检查时间，最早的在前";
    ReadinessNotReadyOnly => "Only not ready", "仅显示未就绪";
    ReadinessColStandby => "Standby", "备租户 / 备集群";
    ReadinessColCluster => "Cluster", "所在集群";
    ReadinessColRole => "Role", "角色";
    ReadinessColPrimary => "Its primary", "对应主租户 / 主集群";
    ReadinessColLag => "Lag and RPO", "延迟与 RPO";
    ReadinessColLast => "Last precheck", "最近预检查";
    ReadinessColBlocking => "Blocking codes", "阻断错误码";
    ReadinessKindTenant => "Standby tenant", "备租户";
    ReadinessKindCluster => "Standby cluster", "备集群";
    ReadinessRpo => "up to {0} of writes at risk", "最多 {0} 的写入可能丢失";
    ReadinessLagUnknown => "lag unknown", "延迟未知";
    ReadinessRpoUnknown => "RPO unknown: OCP gives no sync position for it", "RPO 未知：OCP 未提供其同步位点";
    ReadinessNever => "Never prechecked in this browser", "本浏览器中尚未预检查";
    ReadinessRecommended => "Recommended", "推荐";
    ReadinessUnloaded => "Its standby tenants are unknown: the tenant list could not be loaded ({0})", "其备租户未知：无法加载租户列表（{0}）";
    ReadinessPrimaryUnknown => "unknown", "未知";
    ReadinessEmpty => "OCP lists no standby tenant or standby cluster.", "OCP 中没有任何备租户或备集群。";
    ReadinessAllReady => "Every standby is ready.", "所有备租户和备集群均已就绪。";
    ReadinessCheckFailed => "The last precheck request failed: {0}", "最近一次预检查请求失败：{0}";
    ReadinessInFlight => "Prechecking…", "正在预检查…";
    ReadinessWaiting => "Waiting in the queue", "排队等待中";
    LaunchFailover => "Fail over to this standby…", "切换到该备租户…";
    LaunchSwitchover => "Switch over…", "主备切换…";
    LaunchClusterFailover => "Fail over this cluster…", "对该集群进行容灾切换…";
    LaunchClusterSwitchover => "Switch over this cluster…", "对该集群进行主备切换…";
    LaunchBatch => "Fail over {0} selected tenants…", "对选中的 {0} 个租户进行容灾切换…";
    LaunchBlockedHint => "The precheck must pass before a launch is offered.", "预检查通过后才能发起切换。";
    ViewerNotice => "Launching needs the operator role. You are signed in as {0}, who may only read.", "发起切换需要操作员角色。当前用户 {0} 只有只读权限。";
    ConfirmTitle => "Confirm: {0}", "确认：{0}";
    ConsequenceTenantFailover => "Failover makes {0} the primary tenant. Its primary {1} is abandoned, and data written there that has not yet reached this standby is lost. This cannot be undone.", "容灾切换会将 {0} 提升为主租户。原主租户 {1} 将被放弃，尚未同步到该备租户的数据将会丢失。此操作不可撤销。";
    ConsequenceTenantSwitchover => "Switchover swaps the roles: {0} becomes the primary and {1} becomes its standby. No data is lost; clients are briefly interrupted.", "主备切换会交换角色：{0} 成为主租户，{1} 成为其备租户。不会丢失数据，客户端会短暂中断。";
    ConsequenceClusterFailover => "Failover makes cluster {0} the primary cluster. The current primary cluster is abandoned, and data not yet replicated to {0} is lost. This cannot be undone.", "容灾切换会将集群 {0} 提升为主集群。当前主集群将被放弃，尚未同步到 {0} 的数据将会丢失。此操作不可撤销。";
    ConsequenceClusterSwitchover => "Switchover swaps the roles of cluster {0} and its primary cluster. No data is lost; clients are briefly interrupted.", "主备切换会交换集群 {0} 与其主集群的角色。不会丢失数据，客户端会短暂中断。";
    ConsequenceBatch => "Failover makes each tenant below the primary. Their primaries are abandoned, and data not yet replicated to these standbys is lost. This cannot be undone.", "容灾切换会将下列每个租户提升为主租户。原主租户将被放弃，尚未同步到这些备租户的数据将会丢失。此操作不可撤销。";
    LagAtPrecheck => "At the precheck this standby was {0} behind.", "预检查时该备租户落后 {0}。";
    // The launch record (launch_record.rs): what was on screen when a launch was sent.
    ReasonLabel => "Reason (optional)", "原因（可选）";
    ReasonHint => "Kept in this browser with the task, shown on its page; not sent to OCP.", "随任务保存在本浏览器中并显示在任务页面上，不会发送给 OCP。";
    LaunchRecordTitle => "Launch record", "发起记录";
    LaunchRecordAfter => "Launched by {0} at {1} after precheck: {2}.", "由 {0} 于 {1} 发起，发起前预检查：{2}。";
    LaunchRecordNoPrecheck => "Launched by {0} at {1}.", "由 {0} 于 {1} 发起。";
    LaunchRecordReason => "Reason: {0}", "原因：{0}";
    LaunchRecordNoWarnings => "{0} blocking, no warnings", "{0} 个阻断项，无警告";
    LaunchRecordOneWarning => "{0} blocking, 1 warning accepted ({1})", "{0} 个阻断项，已接受 1 个警告（{1}）";
    LaunchRecordWarnings => "{0} blocking, {1} warnings accepted ({2})", "{0} 个阻断项，已接受 {1} 个警告（{2}）";
    LaunchRecordVerdictBlocked => "blocked", "存在阻断";
    LaunchRecordVerdictNone => "no verdict", "无结论";
    LaunchRecordNone => "No launch record in this browser: this task was launched elsewhere (another browser, OCP itself or an API call).", "本浏览器中没有发起记录：此任务是在别处发起的（其他浏览器、OCP 本身或 API 调用）。";
    TypeToConfirm => "Type {0} to confirm", "输入 {0} 以确认";
    NewServiceName => "New service name (optional)", "新服务名（可选）";
    NewServiceNameHint => "Leave empty to keep {0}.", "留空则沿用 {0}。";
    AcceptWarning => "I accept: {0}", "我接受：{0}";
    WarningsToAccept => "Warnings you accept by going ahead", "继续操作即表示接受以下警告";
    Cancel => "Cancel", "取消";
    ConfirmLaunch => "Launch", "确认发起";
    Launching => "Launching…", "正在发起…";
    LaunchedTask => "Task {0} started.", "任务 {0} 已开始。";
    OpenTask => "Open task {0}", "打开任务 {0}";
    OutcomeUnknown => "The outcome is unknown: the request may have reached OCP, but no reply came back. It was not sent again. Check the task list before trying again.", "结果未知：请求可能已到达 OCP，但没有收到响应，且未重新发送。再次尝试前请先检查任务列表。";
    CheckTaskList => "Check the task list", "查看任务列表";
    NeedsOperator => "Launching needs the operator role.", "发起切换需要操作员角色。";
    SelectPassing => "Select all passing", "选择所有通过的租户";
    SelectNone => "Clear selection", "清除选择";
    FilterVerdict => "Verdict", "结论";
    FilterCode => "Error code", "错误码";
    FilterAll => "All", "全部";
    SortBy => "Sort by", "排序";
    SortVerdict => "Verdict", "结论";
    SortName => "Name", "名称";
    SortErrors => "Errors", "错误数";
    SortWarnings => "Warnings", "警告数";
    ColSelect => "Select", "选择";
    ColVerdict => "Verdict", "结论";
    ColErrors => "Errors", "错误";
    ColWarnings => "Warnings", "警告";
    ColCodes => "Codes", "错误码";
    BatchHiddenSelected => "{0} selected tenant(s) are hidden by the filter and will not be failed over.", "有 {0} 个已选租户被筛选隐藏，不会执行容灾切换。";
    BatchEmpty => "No verdict: OCP returned no check results for this cluster's standby tenants.", "无结论：OCP 未返回该集群备租户的任何检查结果。";
    BatchNoMatch => "No tenant matches the filter.", "没有符合筛选条件的租户。";
    BatchLaunched => "{0} tasks started:", "已开始 {0} 个任务：";
    ClusterMessages => "Messages", "信息";
    TasksTitle => "Tasks", "任务";
    TasksEmpty => "No tasks match.", "没有符合条件的任务。";
    ColTask => "Task", "任务";
    ColProgress => "Progress", "进度";
    ColStarted => "Started", "开始时间";
    ColCreator => "Creator", "创建者";
    ColSubtask => "Subtask", "子任务";
    ColRuns => "Runs", "执行次数";
    TaskTitle => "Task {0}", "任务 {0}";
    ProgressOf => "{0} of {1} steps done", "已完成 {0}/{1} 个步骤";
    Refresh => "Refresh", "刷新";
    GraphInvalid => "The task's subtasks cannot be drawn as a graph: {0}", "无法将该任务的子任务绘制为图：{0}";
    StPending => "Pending", "等待中";
    StReady => "Ready", "就绪";
    StRunning => "Running", "运行中";
    StCanceling => "Canceling", "取消中";
    StFailed => "Failed", "失败";
    StSuccessful => "Successful", "成功";
    StUnknown => "Unknown status", "未知状态";
    LegendOverdue => "Past its timeout", "已超时";
    // Names for screen readers: in the page's language like every other text.
    AriaLegend => "Legend of step states", "步骤状态图例";
    AriaZoomIn => "Zoom in", "放大";
    AriaZoomOut => "Zoom out", "缩小";
    AriaPages => "Pages", "分页";
    AriaClusterActions => "Cluster actions", "集群操作";
    LegendNoRollback => "Cannot be rolled back", "不可回滚";
    FitToScreen => "Fit to screen", "适应屏幕";
    GraphLabel => "Subtask graph", "子任务图";
    GraphKeys => "Tab moves through the steps in execution order, the arrow keys follow the edges, Enter opens a step and Escape comes back from it; on the graph itself the arrows pan, + and − zoom, 0 fits.", "Tab 按执行顺序在步骤间移动，方向键沿连线移动，Enter 打开步骤，Esc 从步骤详情返回；焦点在图本身时方向键平移，+ 和 − 缩放，0 适应屏幕。";
    AriaOrientation => "Direction of the graph", "图的方向";
    OrientAuto => "Auto", "自动";
    OrientLeftRight => "Left → right", "从左到右";
    OrientTopBottom => "Top → bottom", "从上到下";
    StepAccessibleName => "{0}, {1}, {2}", "{0}，{1}，{2}";
    StepAccessibleNameNoTime => "{0}, {1}", "{0}，{1}";
    SayStep => "Step {0} {1}", "步骤 {0}：{1}";
    SayMore => "And {0} more steps changed", "另有 {0} 个步骤状态变化";
    SayTask => "Task {0}", "任务{0}";
    LegendCritical => "Critical path of the remaining work", "剩余工作的关键路径";
    AriaMinimap => "Overview of the graph: click or drag to move the view", "图的概览：点击或拖动以移动视图";
    Overdue => "overdue", "已超时";
    ColOperation => "Operation", "操作";
    ColElapsed => "Elapsed", "耗时";
    ColTimeout => "Timeout", "超时时间";
    ColRollback => "Rollback", "回滚";
    FieldFinished => "Finished", "结束时间";
    FieldExecutor => "Executor", "执行节点";
    SelectStep => "Select a step in the graph or the table to see its details and log.", "在图或表中选择一个步骤以查看详情和日志。";
    LogTitle => "Log", "日志";
    LogFollowing => "(following)", "（实时跟踪）";
    LogEmpty => "No log yet.", "暂无日志。";
    ActRetryTask => "Retry task…", "重试任务…";
    ActRollbackTask => "Roll back task…", "回滚任务…";
    ActRetryStep => "Retry step…", "重试步骤…";
    ActSkipStep => "Skip step…", "跳过步骤…";
    ActCancelStep => "Cancel step…", "取消步骤…";
    PreviewRetryTask => "Retry the task: the {0} highlighted steps (↻) run again.", "重试任务：高亮的 {0} 个步骤（↻）将重新执行。";
    PreviewRollback => "Roll back the task: the {0} highlighted steps are undone in the numbered order (↶1 first). This ends the failover attempt.", "回滚任务：高亮的 {0} 个步骤将按编号顺序撤销（先撤销 ↶1）。这将终止本次切换。";
    PreviewRetryStep => "Retry {0}: the {1} highlighted steps (↻) run again.", "重试 {0}：高亮的 {1} 个步骤（↻）将重新执行。";
    PreviewSkipStep => "Skip {0}: it is marked successful without running (⤼), and the steps after it run.", "跳过 {0}：该步骤不执行而直接标记为成功（⤼），其后的步骤将继续执行。";
    PreviewCancelStep => "Cancel {0}: it is stopped and marked failed (■).", "取消 {0}：该步骤将被停止并标记为失败（■）。";
    PreviewRetryStepNoGraph => "Retry {0}: it runs again; which steps run after it cannot be shown, since the task's steps cannot be drawn as a graph.", "重试 {0}：该步骤将重新执行；由于该任务的步骤无法绘制为图，无法显示其后将执行哪些步骤。";
    UndrawableTitle => "Steps, as OCP lists them (failed first)", "步骤（按 OCP 的顺序，失败的在前）";
    UndrawableHint => "The order of the steps cannot be drawn, so they are listed as OCP sent them. A step's actions work as on the graph.", "无法绘制步骤的先后关系，因此按 OCP 返回的顺序列出。步骤的操作与图中相同。";
    ColStep => "Step", "步骤";
    ConfirmAction => "Confirm", "确认";
    RollbackRefused => "OCP refused the rollback: some steps that already ran cannot be undone (marked ⊘). Retry or skip the failed step instead.", "OCP 拒绝回滚：部分已执行的步骤不可撤销（标记为 ⊘）。请改为重试或跳过失败的步骤。";
    OutcomeUnknownTask => "The outcome is unknown: no reply came back. It was not sent again; the graph shows whether it took effect.", "结果未知：没有收到响应，且未重新发送。请通过任务图确认是否生效。";
    Reconnecting => "Last updated {0} s ago, reconnecting…", "{0} 秒前更新，正在重新连接…";
    Connecting => "Connecting…", "正在连接…";
    LiveUpdating => "Live: updating every second", "实时：每秒更新";
    NotPolling => "The task has ended; updates stopped.", "任务已结束，停止更新。";
    PollGaveUp => "Updates stopped: asking OCP again would get the same answer. Reload once the cause is fixed.", "已停止更新：再次请求 OCP 也会得到同样的结果。请在问题解决后重新加载。";
    Reload => "Reload", "重新加载";
    ChecksEnded => "Every check has ended.", "所有检查均已结束。";
    TenantsEmpty => "This cluster has no tenants.", "该集群没有租户。";
    GfcOpsEmpty => "This session has no operations.", "该会话没有任何操作。";
    InterventionTitle => "Before it is sent", "发送前确认";
    PrecheckTitle => "Precheck", "预检查";
    ViewGraph => "Graph", "图";
    ViewTable => "Table", "表格";
    RelatedTasks => "Related tasks", "相关任务";
    FilterStatus => "Status", "状态";
    ColDuration => "Duration", "耗时";
    NavGfc => "Components", "组件切换";
    GfcTitle => "Component failover and failback", "组件容灾切换与回切";
    GfcStepComponents => "Components", "组件";
    GfcStepForm => "Direction and details", "方向与详情";
    GfcStepChecks => "Checks", "检查";
    GfcStepLaunch => "Launch", "发起";
    GfcIdsLabel => "Component ids", "组件 ID";
    GfcIdsHint => "Paste ids separated by commas, spaces, new lines or semicolons.", "粘贴 ID，可用逗号、空格、换行或分号分隔。";
    GfcSearch => "Find components", "查找组件";
    GfcNotFound => "Not found: {0}", "未找到：{0}";
    GfcService => "Service", "服务";
    GfcDataCenters => "Data centers", "数据中心";
    GfcState => "Failover state", "切换状态";
    GfcTicket => "Ticket", "工单";
    GfcComponent => "Component", "组件";
    GfcStateInva => "Invalid (not managed)", "无效（未纳管）";
    GfcStateManu => "Manual (failed over by an operator)", "手动（已由操作员切换）";
    GfcStateAuto => "Automatic", "自动";
    GfcStatePrim => "Primary (home data center)", "主（本地数据中心）";
    GfcStateManp => "Sticky automatic", "粘性自动";
    GfcStatePartly => "Partly failed over", "部分切换";
    GfcDirection => "Direction", "方向";
    GfcFailover => "Failover: move to the other data center", "容灾切换：切换到另一个数据中心";
    GfcFailback => "Failback: return to the home data center", "回切：回到本地数据中心";
    GfcReason => "Reason", "原因";
    GfcFailbackTime => "Estimated failback time", "预计回切时间";
    GfcFailbackHint => "Your local time; sent as {0} UTC.", "使用本地时间；将以 UTC {0} 发送。";
    GfcFailbackZone => "In your local time zone.", "使用本地时区。";
    GfcDcName => "Data center (optional)", "数据中心（可选）";
    GfcDcHint => "Leave empty to use each component's peer data center.", "留空则使用各组件的对端数据中心。";
    GfcOptions => "Options", "选项";
    GfcOptMaintain => "Maintenance", "维护模式";
    GfcOptMaintainHelp => "Put the components in maintenance while they move.", "切换期间将组件置于维护模式。";
    GfcOptPool => "Pool health check", "资源池健康检查";
    GfcOptPoolHelp => "Check the target pool's health before moving traffic.", "切换流量前检查目标资源池的健康状况。";
    GfcOptSvta => "SVTA", "SVTA";
    GfcOptSvtaHelp => "Run the synthetic verification tests after the move.", "切换后运行合成验证测试。";
    GfcOptMct => "MCT", "MCT";
    GfcOptMctHelp => "Notify the major-change team of this move.", "将此次切换通知重大变更团队。";
    GfcOptDcOut => "Data-center fail-out", "数据中心整体切出";
    GfcOptDcOutHelp => "Part of a whole data center leaving service.", "属于整个数据中心停止服务的一部分。";
    GfcRunChecks => "Run checks", "运行检查";
    GfcRerunFailed => "Re-run failed checks", "重新运行失败的检查";
    GfcNotReady => "The checks have not started yet; waiting for the first result…", "检查尚未开始，正在等待第一个结果…";
    GfcPass => "Pass", "通过";
    GfcWarn => "Warning", "警告";
    GfcFail => "Fail", "失败";
    GfcFailures => "Failed checks (they block the launch)", "失败的检查（阻止发起）";
    GfcWarnings => "Warnings (acknowledge each to go ahead)", "警告（逐项确认后才能继续）";
    GfcAcknowledge => "I acknowledge: {0}", "我已知悉：{0}";
    GfcHintRunChecks => "Run the checks first.", "请先运行检查。";
    GfcHintWait => "Waiting for every check to finish.", "正在等待所有检查完成。";
    GfcHintFailures => "A failed check blocks the launch: fix it and re-run the failed checks.", "有检查失败，无法发起：请修复后重新运行失败的检查。";
    GfcHintForm => "Complete the form: see the marked fields.", "请完善表单：见标记的字段。";
    GfcHintAck => "Acknowledge every warning to go ahead.", "请确认每一条警告后再继续。";
    GfcLaunchFailover => "Fail over these components…", "切换这些组件…";
    GfcLaunchFailback => "Fail back these components…", "回切这些组件…";
    GfcConfirmTitle => "{0} of {1} components", "{1} 个组件的 {0}";
    // The word an operator types to confirm: in their own language, so a Chinese page never
    // asks for an English word.
    GfcWordFailover => "failover", "切换";
    GfcWordFailback => "failback", "回切";
    GfcConsequenceFailover => "These components move to their other data center and stay there until failed back: {0}.", "以下组件将切换到另一个数据中心，直到回切：{0}。";
    GfcConsequenceFailback => "These components return to their home data center: {0}.", "以下组件将回到本地数据中心：{0}。";
    GfcErrReason => "Give the reason for this move.", "请填写切换原因。";
    GfcErrTimeRequired => "A failover needs an estimated failback time.", "容灾切换需要填写预计回切时间。";
    GfcErrTimePast => "The estimated failback time must be in the future.", "预计回切时间必须晚于当前时间。";
    GfcErrTimeFormat => "This is not a valid date and time.", "这不是有效的日期和时间。";
    GfcErrComponents => "Find at least one component that GFC knows.", "请至少查找一个 GFC 已知的组件。";
    GfcErrTickets => "Tickets must belong to the components of this request.", "工单必须属于本次请求中的组件。";
    GfcErrOther => "This value is not accepted.", "该值无效。";
    GfcOperationsTitle => "Operations: {0}", "操作：{0}";
    GfcQueued => "Queued", "排队中";
    GfcDone => "Done", "完成";
    GfcAllDone => "Every operation has ended.", "所有操作均已结束。";
    GfcMove => "Move", "迁移";
    GfcOpenReport => "Open the report", "打开报告";
    GfcReportTitle => "Report: component {0}", "报告：组件{0}";
    GfcDownloadJson => "Download JSON", "下载 JSON";
    GfcDownloadCsv => "Download CSV", "下载 CSV";
    GfcPrint => "Print", "打印";
    StatusUnavailable => "Unavailable", "不可用";
    StatusOther => "{0}", "{0}";
    AssumedZone => "Times without a zone are read as {0} (ocpTimeZone).", "未标时区的时间按 {0} 解读（ocpTimeZone）。";
    // Times as an operator reads them (time::human): {0} is the clock reading "13:52:17".
    TimeToday => "{0} today", "今天 {0}";
    TimeYesterday => "{0} yesterday", "昨天 {0}";
    TimeTomorrow => "{0} tomorrow", "明天 {0}";
    // {0} day, {1} month (month_short), {2} clock reading.
    TimeDate => "{0} {1} {2}", "{1}月{0}日 {2}";
    // {0} day, {1} month, {2} year, {3} clock reading.
    TimeDateYear => "{0} {1} {2} {3}", "{2}年{1}月{0}日 {3}";
    // {0} the time, {1} the zone ("UTC+8").
    TimeZoned => "{0} ({1})", "{0} ({1})";
    AgoJustNow => "just now", "刚刚";
    AgoMinutes => "{0} min ago", "{0} 分钟前";
    AgoHours => "{0} h ago", "{0} 小时前";
    AgoDays => "{0} d ago", "{0} 天前";
    InMinutes => "in {0} min", "{0} 分钟后";
    InHours => "in {0} h", "{0} 小时后";
    InDays => "in {0} d", "{0} 天后";
    DurSeconds => "{0} s", "{0} 秒";
    DurMinutes => "{0} m", "{0} 分";
    DurHours => "{0} h", "{0} 小时";
    DurDays => "{0} d", "{0} 天";
    UnreadableTime => "unreadable", "无法读取";
    ColStartedIn => "Started ({0})", "开始时间 ({0})";
    ColFinishedIn => "Finished ({0})", "结束时间 ({0})";
    // Words for OCP's machine words (present.rs).
    OpExecute => "Execute", "执行";
    OpRetry => "Retry", "重试";
    OpRollback => "Roll back", "回滚";
    OpSkip => "Skip", "跳过";
    OpRollbackSkip => "Skip in rollback", "回滚时跳过";
    OpCancel => "Cancel", "取消";
    TenantRolePrimary => "Primary", "主租户";
    TenantRoleStandby => "Standby", "备租户";
    StateNormal => "Normal", "正常";
    StateStopped => "Stopped", "已停止";
    StateCreating => "Creating", "创建中";
    StateTakingOver => "Taking over", "接管中";
    StateDeleting => "Deleting", "删除中";
    StateMovingOut => "Moving out", "迁出中";
    StateRestarting => "Restarting", "重启中";
    StateStarting => "Starting", "启动中";
    StateStopping => "Stopping", "停止中";
    StateSwitchingOver => "Switching over", "主备切换中";
    StateFailingOver => "Failing over", "容灾切换中";
    StateUpgrading => "Upgrading", "升级中";
    StateOperating => "Operation in progress", "运维中";
    StateAbandoned => "Abandoned", "已废弃";
    StateDisconnecting => "Disconnecting", "断开中";
    StateStartingReadOnly => "Starting read-only", "只读启动中";
    StateModifying => "Modifying", "修改中";
    StateRestoring => "Restoring", "恢复中";
    // Time left and recovery time (core::eta), learned from earlier runs of the same task.
    EtaTitle => "Time left", "剩余时间";
    EtaLeft => "≈ {0}, from {1} earlier runs", "约 {0}（依据 {1} 次历史运行）";
    EtaLeftOne => "≈ {0}, from 1 earlier run", "约 {0}（依据 1 次历史运行）";
    EtaLearning => "estimating from earlier runs…", "正在根据历史运行估算…";
    EtaNoHistory => "unknown: no earlier run of this task finished", "未知：此任务没有已完成的历史运行";
    EtaUnseen => "unknown: no earlier run finished “{0}”", "未知：历史运行中没有完成过“{0}”";
    EtaWaits => "unknown: a failed step waits on an operator", "未知：失败的步骤在等待操作员处理";
    EtaUnreadable => "unknown: the earlier runs could not be read", "未知：无法读取历史运行";
    // One step's ETA (eta::step_eta), in the step details and the subtask table.
    FieldStepEta => "Expected to take", "预计用时";
    ColEta => "ETA", "预计";
    StepEtaTake => "≈ {0}", "约 {0}";
    StepEtaTakeDone => "≈ {0} · done in ≈ {1}", "约 {0} · 约 {1}后完成";
    StepEtaNoHistory => "no history", "无历史";
    RtoTitle => "Measured recovery time", "实测恢复时间";
    RtoBoth => "{0} to “{1}”, {2} to the end", "到“{1}”用时 {0}，到结束用时 {2}";
    RtoEnd => "{0} to the end (no step made the standby primary by name)", "到结束用时 {0}（没有按名称识别出切为主的步骤）";
    RtoUnreadable => "Not measurable: OCP's times could not be read", "无法测量：无法读取 OCP 的时间";
    // Alerts while a task is watched (alert.rs): tab title, notification, the "Notify me" button.
    AlertFailed => "✖ Failed", "✖ 失败";
    AlertWaits => "⚠ Needs an operator", "⚠ 需要操作员处理";
    AlertSucceeded => "✔ Succeeded", "✔ 成功";
    AlertBodyFailedStep => "Step “{0}” failed in {1}. Retry, skip or roll back on the task page.", "{1} 中的步骤“{0}”失败。请在任务页面重试、跳过或回滚。";
    AlertBodyFailed => "{0} failed. Retry or roll back on the task page.", "{0} 失败。请在任务页面重试或回滚。";
    AlertBodyWaits => "Step “{0}” failed in {1} and waits on an operator; other steps are still running.", "{1} 中的步骤“{0}”失败，正在等待操作员处理；其他步骤仍在运行。";
    AlertBodySucceeded => "{0} finished successfully.", "{0} 已成功完成。";
    NotifyMe => "Notify me", "通知我";
    NotifyOn => "Notifications on: you are told when this task fails, needs you or ends", "通知已开启：此任务失败、需要处理或结束时会通知您";
    NotifyDenied => "Notifications are blocked in this browser's settings", "此浏览器的设置已阻止通知";
    NotifyUnsupported => "This browser cannot show notifications", "此浏览器无法显示通知";
    // The task list's filter line (present::task_filter): names, else "#id".
    TasksOfTenantInCluster => "Tasks of tenant {0} in cluster {1}", "集群 {1} 中租户 {0} 的任务";
    TasksOfTenant => "Tasks of tenant {0}", "租户 {0} 的任务";
    TasksOfCluster => "Tasks of cluster {0}", "集群 {0} 的任务";
    TasksWithStatus => "Tasks with status {0}", "状态为“{0}”的任务";
    TasksAndStatus => "{0}, status {1}", "{0}，状态为“{1}”";
    ClearFilter => "Show all tasks", "显示全部任务";
    KindTenantFailover => "Tenant failover", "租户容灾切换";
    KindTenantSwitchover => "Tenant switchover", "租户主备切换";
    KindClusterFailover => "Cluster failover", "集群容灾切换";
    KindClusterSwitchover => "Cluster switchover", "集群主备切换";
    FilterKind => "Kind", "类型";
    FilterAllKinds => "All kinds", "全部类型";
    FilterCreator => "Creator", "创建者";
    FilterFrom => "Started from", "开始日期自";
    FilterTo => "to", "至";
    FilterApply => "Apply", "应用";
    TasksBrowserFiltered => "Creator and dates are filtered in this browser among the {0} tasks loaded: {1} match. OCP filters status and kind itself.", "创建者和日期在本浏览器中筛选，范围是已加载的 {0} 个任务：{1} 个符合。状态和类型由 OCP 筛选。";
    TasksMoreThanLoaded => "OCP has {0} tasks matching status and kind; only the newest {1} were loaded.", "OCP 中符合状态和类型的任务共 {0} 个，只加载了最新的 {1} 个。";
    FilterIgnored => "{0}={1} in the address was not understood and is ignored.", "地址中的 {0}={1} 无法识别，已忽略。";
    DownloadCsv => "Download CSV", "下载 CSV";
    ColCluster => "Cluster", "集群";
    ColTenant => "Tenant", "租户";
    ColFinished => "Finished", "结束时间";
    ColDurationSecs => "Duration (s)", "耗时（秒）";
    // The page shell: the header's menu on narrow screens, breadcrumbs (crumbs.rs).
    MenuButton => "Menu", "菜单";
    AriaBreadcrumb => "Breadcrumb", "当前位置";
    CrumbFailoverPrecheck => "Failover precheck", "容灾切换预检查";
    CrumbSwitchoverPrecheck => "Switchover precheck", "主备切换预检查";
    CrumbClusterFailover => "Cluster failover", "集群容灾切换";
    CrumbClusterSwitchover => "Cluster switchover", "集群主备切换";
    CrumbBatchFailover => "Batch failover", "批量容灾切换";
    CrumbGfcOperations => "Operations of session {0}", "会话 {0} 的操作";
    CrumbGfcReport => "Report of session {0}", "会话 {0} 的报告";
    // When the verdict on screen was obtained.
    PrecheckCheckedAt => "Checked", "检查于";
    // GFC sessions launched from this browser (gfc_recent.rs).
    GfcRecentTitle => "Recent sessions in this browser", "本浏览器最近的会话";
    GfcRecentHint => "Component failovers and failbacks launched here, newest first; open one to follow its operations again.", "在此发起的组件切换与回切，最新的在前；打开即可继续查看其操作。";
    GfcRecentOpen => "Open operations", "查看操作";
    GfcRecentForget => "Forget this list", "清除此列表";
    ColLaunched => "Launched", "发起时间";
    ColDirection => "Direction", "方向";
    ColComponents => "Components", "组件";
    ColSession => "Session", "会话";
    // The drill ledger (pages/drills) and its exports (drill::export).
    NavDrills => "Drills", "演练";
    DrillsTitle => "Drill ledger", "演练台账";
    DrillsIntro => "Every failover and switchover in OCP's task list, with its result and measured recovery time against the objectives in config.json. The RPO at launch is known only for launches from this browser.", "OCP 任务列表中的每一次容灾切换和主备切换，及其结果与实测恢复时间，并与 config.json 中的目标对照。发起时的 RPO 仅对从本浏览器发起的任务可知。";
    DrillColKind => "Kind", "类型";
    DrillColTarget => "Target", "目标";
    DrillColLaunched => "Launched", "发起时间";
    DrillColResult => "Result", "结果";
    DrillColIntervened => "Intervened", "人工干预";
    DrillColRto => "Measured RTO", "实测 RTO";
    DrillColRpo => "RPO at launch", "发起时 RPO";
    DrillColObjective => "RTO objective", "RTO 目标";
    DrillColRtoSecs => "RTO (s)", "RTO（秒）";
    DrillColRpoSecs => "RPO at launch (s)", "发起时 RPO（秒）";
    DrillColRtoObjectiveSecs => "RTO objective (s)", "RTO 目标（秒）";
    DrillSucceeded => "Succeeded", "成功";
    DrillFailed => "Failed", "失败";
    DrillRolledBack => "Rolled back", "已回滚";
    DrillRunning => "Running", "运行中";
    DrillUnknown => "Unknown", "未知";
    KindOther => "Other failover or switchover", "其他切换";
    DrillObjMet => "met ({0})", "满足（{0}）";
    DrillObjMissed => "missed by {1} ({0})", "超出 {1}（目标 {0}）";
    DrillObjNotMeasured => "not measured ({0})", "未测得（目标 {0}）";
    DrillObjNone => "no objective", "无目标";
    DrillRpoNotRecorded => "not recorded", "未记录";
    DrillRpoUnknown => "lag unknown", "延迟未知";
    DrillRpoOver => "{0} (objective {1}: exceeded)", "{0}（目标 {1}：超出）";
    DrillIntervenedBadge => "intervened", "有干预";
    DrillFilterResult => "Result", "结果";
    DrillFilterObjective => "Objective", "目标";
    DrillFilterAny => "Any", "全部";
    DrillFilterFrom => "Launched from", "发起日期自";
    DrillFilterObjMet => "Met", "满足";
    DrillFilterObjMissed => "Missed", "未满足";
    DrillFilterObjNone => "Not shown to hold", "无法证明满足";
    DrillClearFilters => "Show all drills", "显示全部演练";
    DrillsCount => "{0} drills · {1} succeeded · {2} failed or rolled back · {3} over objective", "{0} 次演练 · {1} 次成功 · {2} 次失败或回滚 · {3} 次超出目标";
    DrillsReading => "Reading OCP's task list… {0} drills so far.", "正在读取 OCP 任务列表… 已读到 {0} 次演练。";
    DrillsEmpty => "No failover or switchover in OCP's task list matches.", "OCP 任务列表中没有符合条件的切换任务。";
    DrillsTable => "Drills, newest first", "演练，最新的在前";
    DrillDownloadJson => "Download JSON", "下载 JSON";
    DrillSummaryTitle => "Per standby", "按备库汇总";
    DrillSummaryHint => "Each standby drilled: its last drill, how long ago, and its measured recovery times against its RTO objective. Drills older than {0} days are flagged.", "每个演练过的备库：最近一次演练、距今多久，以及实测恢复时间与 RTO 目标的对比。超过 {0} 天的演练会被标出。";
    DrillSummaryLast => "Last drill", "最近演练";
    DrillSummaryCount => "Drills", "次数";
    DrillAgeDays => "{0} days ago", "{0} 天前";
    DrillAgeOneDay => "1 day ago", "1 天前";
    DrillAgeToday => "today", "今天";
    DrillColLaunchedIn => "Launched ({0})", "发起时间 ({0})";
    DrillStale => "older than {0} days", "超过 {0} 天";
    DrillAgeUnknown => "age unknown", "时间未知";
    DrillTrend => "RTO trend", "RTO 趋势";
    DrillTrendLabel => "Measured recovery times of {0}'s drills, oldest to newest, against its objective", "{0} 历次演练的实测恢复时间（从旧到新），与其目标对照";
    DrillTrendTable => "As a table", "以表格查看";
    DrillNoTrend => "no measured recovery", "无实测恢复";
    DrillObjectiveLine => "objective {0}", "目标 {0}";
    // The drill report (pages/drill_report, drill::report).
    ReportLink => "Drill report", "演练报告";
    ReportTitle => "Drill report: {0}", "演练报告：{0}";
    ReportFacts => "Summary", "概要";
    ReportTask => "Task", "任务";
    ReportRtoPromotion => "Launch to {0}", "发起至“{0}”";
    ReportRtoEnd => "Launch to end", "发起至结束";
    ReportRpoAtLaunch => "RPO at launch", "发起时 RPO";
    ReportLaunchRecord => "Launch record (kept in this browser)", "发起记录（保存在本浏览器）";
    ReportNoLaunchRecord => "Not launched from this browser: no operator, reason or precheck was kept.", "非本浏览器发起：没有保存操作员、原因或预检查。";
    ReportPrecheckCodes => "Precheck codes at launch: {0}", "发起时预检查代码：{0}";
    ReportFindings => "Findings", "发现";
    ReportNoFindings => "Nothing to point out.", "没有需要指出的问题。";
    ReportTimeline => "Step timeline", "步骤时间线";
    ReportTimelineHint => "Each step from its first start to its last end, by layer of the graph; the thin line before a bar is the wait after its last upstream ended. Up and down arrows move between steps.", "每个步骤从首次开始到最后结束，按图的层级排列；条形前的细线是其最后一个上游结束后的等待。上下方向键在步骤间移动。";
    ReportLayer => "Layer {0}", "第 {0} 层";
    ColLayer => "Layer", "层级";
    ReportCritical => "critical path", "关键路径";
    ReportWaited => "waited {0}", "等待 {0}";
    ReportColStep => "Step", "步骤";
    ReportColStart => "Start (after launch)", "开始（发起后）";
    ReportColTook => "Took", "耗时";
    ReportColWait => "Wait", "等待";
    ReportColState => "State", "状态";
    ReportNotStarted => "not started", "未开始";
    ReportNoGraph => "The steps' order could not be read, so layers and waits are not shown.", "无法读取步骤的先后关系，因此不显示层级和等待。";
    ReportGenerated => "Generated {0}", "生成于 {0}";
    ReportHistory => "Step times compared with {0} earlier successful runs.", "步骤耗时与此前 {0} 次成功运行比较。";
    ReportNoHistory => "No earlier successful run to compare step times with.", "没有此前的成功运行可用于比较步骤耗时。";
    ReportPrint => "Print", "打印";
    ReportDownloadMd => "Download Markdown", "下载 Markdown";
    ReportBackToTask => "Task page", "任务页面";
    MarkRetried => "retried ({0} runs)", "已重试（共 {0} 次）";
    MarkSkipped => "skipped", "已跳过";
    MarkCanceled => "canceled", "已取消";
    MarkRolledBack => "rolled back", "已回滚";
    FindingRtoMissed => "Recovery took longer than the RTO objective of {0}, by {1}.", "恢复时间超出 RTO 目标 {0}，超出 {1}。";
    FindingRtoNotMeasured => "An RTO objective of {0} applies, but this drill measured no recovery time.", "适用 RTO 目标 {0}，但本次演练没有实测恢复时间。";
    FindingTaskFailed => "The task ended failed: the standby was not shown to be promoted.", "任务以失败结束：无法证明备库已升为主库。";
    FindingRolledBack => "The task was rolled back: what it did was undone.", "任务已回滚：其操作已被撤销。";
    FindingStepFailed => "Step “{0}” failed.", "步骤“{0}”失败。";
    FindingRetried => "Step “{0}” ran {1} times (retried).", "步骤“{0}”运行了 {1} 次（重试）。";
    FindingSkipped => "Step “{0}” was skipped (set to successful without running).", "步骤“{0}”被跳过（未运行即设为成功）。";
    FindingCanceled => "Step “{0}” was canceled while running.", "步骤“{0}”在运行中被取消。";
    FindingStepRolledBack => "Step “{0}” was rolled back.", "步骤“{0}”已回滚。";
    FindingSlower => "Step “{0}” took {1}, more than twice its usual {2}.", "步骤“{0}”耗时 {1}，超过其通常耗时 {2} 的两倍。";
    FindingLongWait => "Step “{0}” waited {1} after its upstream steps ended.", "步骤“{0}”在上游步骤结束后等待了 {1}。";
    FindingNoTimes => "Step “{0}” finished, but OCP gave no readable start and end: a gap in the evidence.", "步骤“{0}”已完成，但 OCP 未给出可读的开始和结束时间：证据存在缺口。";
    // The recovery plan (pages/recovery, recovery::words).
    NavRecovery => "Recovery", "恢复计划";
    RecoveryTitle => "Recovery plan", "恢复计划";
    ReadinessPlanRecovery => "Plan recovery of a region…", "规划地域恢复…";
    RecoveryIntro => "When a region is down, this proposes a plan that fails over every primary in it: the target of each (the readiness board's recommendation: the least lagging standby whose last failover precheck passed), the data that target is behind, and the time earlier drills took. Groups run one after another; move groups and items as you need.", "当一个地域故障时，这里会提出一个将该地域内所有主库切换出去的计划：每个主库的目标（就绪状态页的推荐：最近一次容灾切换预检查通过且延迟最小的备库）、该目标落后的数据，以及以往演练的耗时。各组依次执行；可按需调整组和项目的顺序。";
    RecoveryRegion => "Region that failed", "故障地域";
    RecoveryChooseRegion => "Choose a region", "选择地域";
    RecoveryClusters => "Primary clusters {0}", "主集群 {0}";
    RecoveryNoScope => "Choose the region that failed to see a plan.", "请选择故障地域以查看计划。";
    RecoveryEmpty => "No primary there has a standby: nothing to fail over.", "该范围内没有带备库的主库：无需切换。";
    RecoveryLoading => "Reading the estate and the drill history…", "正在读取集群和演练历史…";
    RecoveryGroup => "Group {0}", "第 {0} 组";
    RecoveryNoTarget => "No safe target", "无安全目标";
    RecoveryExpected => "about {0} (earlier drills)", "约 {0}（依据以往演练）";
    RecoveryNoHistory => "no earlier drill to go by", "无以往演练可参考";
    RecoveryTotals => "{0} to fail over · {1} without a safe target · data at risk: {2} · expected time to recover everything: {3} ({4} launches at a time)", "待切换 {0} 项 · {1} 项无安全目标 · 数据风险：{2} · 全部恢复预计耗时：{3}（同时最多 {4} 个）";
    RecoveryAtLeast => "at least {0}", "至少 {0}";
    RecoveryUnknown => "unknown", "未知";
    RecoveryPrecheck => "Precheck", "预检查";
    RecoveryPrecheckPlan => "Precheck the plan", "预检查整个计划";
    RecoveryPrechecking => "Prechecking the plan's standbys: {0} of {1}", "正在预检查计划中的备库：{0} / {1}";
    RecoveryNextStep => "Running the whole plan from here is not built yet: launch each item from its standby's page (Precheck), in the order shown.", "尚未支持在此处执行整个计划：请按所示顺序，从每项备库的页面（预检查）发起切换。";
    RecoveryMoveUp => "Move {0} up", "上移 {0}";
    RecoveryMoveDown => "Move {0} down", "下移 {0}";
    RecoveryToPrevGroup => "Move {0} to the previous group", "将 {0} 移到上一组";
    RecoveryToNextGroup => "Move {0} to the next group", "将 {0} 移到下一组";
    RecoveryGroupEarlier => "Run group {0} earlier", "提前执行第 {0} 组";
    RecoveryGroupLater => "Run group {0} later", "推后执行第 {0} 组";
    UnsafeNeverPrechecked => "{0}: never prechecked", "{0}：从未预检查";
    UnsafeBlocked => "{0}: its last precheck was blocked", "{0}：最近一次预检查存在阻断";
    UnsafeNoVerdict => "{0}: its last precheck gave no verdict", "{0}：最近一次预检查无结论";
    UnsafeRpo => "{0}: {1} behind, over its RPO objective of {2}", "{0}：落后 {1}，超出 RPO 目标 {2}";
    UnsafeLagUnknown => "{0}: lag unknown, against an RPO objective of {1}", "{0}：延迟未知，RPO 目标为 {1}";
}

/// A month as the date templates ([`Text::TimeDate`]) take it: `Nov` in English, `11` in
/// Chinese (whose template adds 月). `?` for a month that does not exist.
pub fn month_short(lang: Lang, month: u8) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::En => EN
            .get(usize::from(month).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
            .to_string(),
        Lang::Zh => month.to_string(),
    }
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
        ApiFailure::NotJson {
            status,
            content_type,
            first_line,
        } => {
            let kind = content_type
                .clone()
                .unwrap_or_else(|| text(lang, Text::FailNoContentType).to_string());
            fill(
                lang,
                Text::FailNotJson,
                &[&status.to_string(), &kind, first_line],
            )
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
