/**
 * The shared test harness: real Kafka and PostgreSQL for integration tests, test JWTs and a Kafka event capture, so
 * every service tests against the same real infrastructure the same way.
 */
package org.homeinfusion.testsupport;
