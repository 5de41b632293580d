/**
 * The post-event feedback survey: organisers open it once an event has its results, each person who took part answers
 * once (a 1-5 rating, a 0-10 "would you take part again", two free-text questions) and may change the answer until it
 * closes; organisers and leadership read the aggregated results (average, NPS, comments without names).
 */
package app.shipyard.survey;
