/**
 * Payer turnaround as a provider sees it: every authorization request's submission and decisions, and the figures
 * CMS-0057-F has payers publish (decided, approved, denied, overturned, median and 90th percentile hours, overdue).
 */
package org.homeinfusion.coordinator.reports;
