/**
 * Storage growth forecasting, pure logic (decision 0129): a size series of any source (a database's size polled by
 * the collectors, history imported from CSV, a table's or an index's size) in, daily forecast points with an 80%
 * interval, the date a threshold is reached, change points and abnormal growth out, together with the backtest error
 * the model makes on the series' own history.
 */
package io.knobwright.model.forecast;
