/**
 * The shared test harness: real Kafka and PostgreSQL for integration tests, test JWTs, a Kafka event capture and the
 * access-matrix checks ({@link org.homeinfusion.testsupport.AccessMatrixTable}, {@link
 * org.homeinfusion.testsupport.RejectedTokenSweep}, {@link org.homeinfusion.testsupport.PillarAuthorizations}), so
 * every service tests against the same real infrastructure, and the same callers, the same way.
 */
package org.homeinfusion.testsupport;
