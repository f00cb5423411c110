/** The coordinator's alerts on {@code case-alerts.events}: exactly one record per alertId. */
package org.homeinfusion.contracts.alerts;
