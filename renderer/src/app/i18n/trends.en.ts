import type { trendsZhCN } from './trends.zh-CN';

/** The dashboard's strings (English); same keys as trends.zh-CN.ts. */
export const trendsEn: typeof trendsZhCN = {
  total: 'Requests under the filter',
  recordsTitle: 'Requests',
  preparing: 'Preparing this project\'s statistics (needed once for a project from an older version); the charts refresh when it is done.',
  empty: 'No data under the current filter',
  emptyValue: '(blank)',
  other: 'Other',
  crumbs: { back: 'Previous filter', forward: 'Next filter', applied: 'Applied:', none: 'No filter', query: 'Search', set: 'set' },
  tabs: { overview: 'Overview', categories: 'Categories', pivot: 'Cross-tab', performance: 'Performance', sources: 'Hotlines', records: 'Records' },
  kpi: { vsPrevious: '{{change}} vs the previous period', noPeriod: 'Set a time range to compare periods', closed: 'Closed', closedCount: '{{n}} closed', limit: 'limit {{hours}} h' },
  gran: { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year' },
  dim: {
    source: 'Hotline', district: 'District', street: 'Street', community: 'Community', department: 'Department', status: 'Status',
    channel: 'Channel', requestType: 'Request type', categoryOriginal: 'Source category', category1: 'Category L1', category2: 'Category L2', category3: 'Category L3',
    day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year', hour: 'Hour', weekday: 'Weekday',
  },
  weekdays: { 0: 'Mon', 1: 'Tue', 2: 'Wed', 3: 'Thu', 4: 'Fri', 5: 'Sat', 6: 'Sun' },
  channel: { phone: 'Phone', web: 'Web', app: 'App', wechat: 'WeChat', weibo: 'Weibo', email: 'Email', sms: 'SMS', walk_in: 'Walk-in', other: 'Other' },
  requestType: { complaint: 'Complaint', consultation: 'Consultation', suggestion: 'Suggestion', report: 'Report', help: 'Help', praise: 'Praise', other: 'Other' },
  export: {
    menu: 'Export', png: 'Image (PNG)', svg: 'Vector image (SVG)', csv: 'Data (CSV)', xlsx: 'Data (XLSX)',
    addToReport: 'Add to report', added: '"{{title}}" added to the report material', failed: 'Export failed: {{error}}',
  },
  volume: {
    title: 'Request volume over time', count: 'Requests', ma: 'Moving average', maShort: 'Moving avg', previous: 'Previous period', popShort: 'PoP', yearAgo: 'A year earlier', yoyShort: 'YoY',
    period: 'Period', popChange: 'Change vs previous', yoyChange: 'Change vs a year earlier', latest: 'Latest {{label}}: {{count}}, {{pop}} vs previous, {{yoy}} year on year',
  },
  calendar: { title: 'Calendar heatmap (one cell a day)', day: 'Date' },
  cycle: { title: 'Hour of day × weekday', weekday: 'Weekday' },
  top: {
    title: 'Top {{dim}}', change: 'Change', share: 'Share', previous: 'Comparison', vsPrevious: 'vs previous', vsYear: 'vs year before',
    periodNote: 'Change against {{from}} – {{to}}', noPeriod: 'Set a time range in the filter bar to see changes', others: '{{groups}} more with {{count}} requests',
  },
  cat: {
    sunburst: 'Category composition (3 levels)', level1: 'Level-1 categories', childrenOf: 'Within "{{name}}"', all: 'All', level: 'Level', name: 'Category', parent: 'Parent',
    uncategorised: 'Not in the unified taxonomy: {{count}}',
  },
  pivot: {
    title: 'Cross-tab', total: 'Total', fileTitle: 'crosstab_{{rows}}_{{cols}}', merged: 'Beyond the size limit, {{rows}} rows and {{cols}} columns are merged into "Other".',
    mode: { count: 'Counts', row: 'Row %', col: 'Column %', total: 'Total %', change: 'Change' },
  },
  perf: {
    n: 'Requests', respMedian: 'Median first response', respMedianH: 'Median first response (h)', closeMedian: 'Median time to close', closeMedianH: 'Median time to close (h)', mean: 'Mean',
    onTime: 'On-time rate', onTimeDetail: '{{late}} closed late · {{overdue}} overdue open', satisfaction: 'Satisfaction', rated: '{{n}} rated',
    transfers: 'Mean transfers', withTransfer: '{{share}} transferred', repeat: 'Repeat requests', repeatHint: 'same caller, same category within 30 days',
    excluded: 'Durations excluded', excludedDetail: 'instant {{instant}} · negative {{negative}} · too long {{tooLong}}', measured: '{{n}} measured',
    instant: 'Instant closure', instantHint: 'Requests closed within this many minutes are not counted in closing times (answered on the spot or closed administratively); they are counted apart',
    min: 'min', maxDays: 'Longest plausible', maxDaysHint: 'Closing times longer than this, or before receipt, are impossible: excluded and counted', days: 'days',
    limit: 'Default time limit', limitHours: 'Limit (hours)', perCategory: 'Category limits ({{count}})', perCategoryTitle: 'Time limits per category',
    perCategoryHint: 'Set limits for level-1 or level-2 categories; a request uses its deepest category with a limit, others the default.',
    histTitle: 'Distribution of closing times', bin: 'Duration', closed: 'Closed', received: 'Received', backlog: 'Backlog (open at end)', overdue: 'Overdue open',
    histNote: '{{n}} measured ({{above}} beyond the last bin); excluded: {{instant}} instant, {{negative}} negative, {{tooLong}} too long; {{open}} not closed.',
    backlogTitle: 'Received, closed, backlog and overdue', byTitle: 'Performance by group',
  },
  src: { volume: 'Requests per hotline', mix: 'Category mix per hotline (level 1)', table: 'Hotlines side by side', topCategory: 'Largest category' },
};
