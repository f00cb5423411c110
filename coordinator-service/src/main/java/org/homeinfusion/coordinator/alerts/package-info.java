/**
 * The saga's sense of time: deadlines planned from each case's facts, raised as alerts when they fall due (also
 * after an outage), resolved when their condition ends, each exactly once per alertId; and the worklist built on them.
 */
package org.homeinfusion.coordinator.alerts;
