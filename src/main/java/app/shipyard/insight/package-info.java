/**
 * The insights dashboard for leadership and organisers, per event and across the events of a period: participation,
 * the funnel from pitch to shipped, cross-functional teams, skill gaps and growth, projects per location, impact and
 * trends. Every number is aggregated in SQL ({@code InsightSql}); each figure is one table of rows drawn as a table,
 * an SVG bar chart, JSON and CSV from the same value. The figures sum per-event facts the database keeps (migration
 * V18): triggers mark changed events stale and each dashboard answer first rebuilds the stale ones, so they stay exact.
 */
package app.shipyard.insight;
