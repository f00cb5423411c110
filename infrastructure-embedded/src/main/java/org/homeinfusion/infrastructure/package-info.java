/**
 * Real Kafka and PostgreSQL servers started in-process, so tests and the local stack run against the real thing on
 * machines without Docker.
 */
package org.homeinfusion.infrastructure;
