/** Tells the organizations taking part in a case when its readiness changes: signed webhooks with durable retries, and a live event stream. */
package org.homeinfusion.coordinator.notification;
