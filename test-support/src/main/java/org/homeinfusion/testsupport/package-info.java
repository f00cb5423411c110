/**
 * The shared test harness: real Kafka and PostgreSQL for integration tests, test JWTs and case ids, a Kafka event
 * capture (for a whole test class, {@link org.homeinfusion.testsupport.CapturedTopic}) and the access-matrix checks
 * ({@link org.homeinfusion.testsupport.AccessMatrixTable}, {@link org.homeinfusion.testsupport.RejectedTokenSweep},
 * {@link org.homeinfusion.testsupport.PillarAuthorizations}) and the architecture rules
 * ({@link org.homeinfusion.testsupport.ArchitectureRules}), so every service tests against the same real
 * infrastructure, the same callers and the same boundaries, the same way.
 */
package org.homeinfusion.testsupport;
