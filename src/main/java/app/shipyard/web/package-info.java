/**
 * The web layer every feature uses: {@link app.shipyard.web.Routes} (every route names who may use it), the one answer
 * path ({@link app.shipyard.web.Answer}, {@link app.shipyard.web.Answers}, {@link app.shipyard.web.FailureHandler}),
 * input reading, CSRF protection and the Handlebars views; the HTTP server itself ({@link app.shipyard.web.HttpVerticle})
 * with its process-wide {@link app.shipyard.web.ConnectionBudget} (connections held within the open-file limit).
 */
package app.shipyard.web;
