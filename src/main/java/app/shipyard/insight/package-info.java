/**
 * The insights dashboard for leadership and organisers, per event and across the events of a period: participation,
 * the funnel from pitch to shipped, cross-functional teams, skill gaps and growth, projects per location, impact and
 * trends. Every number is aggregated in SQL ({@code InsightSql}); each figure is one table of rows drawn as a table,
 * an SVG bar chart, JSON and CSV from the same value.
 */
package app.shipyard.insight;
