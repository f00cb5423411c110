/**
 * The transactional outbox: an event is stored with the state change it reports and relayed to Kafka
 * after commit, so it is published if and only if the change committed.
 */
package org.homeinfusion.support.outbox;
