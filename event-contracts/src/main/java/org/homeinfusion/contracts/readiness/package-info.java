/** The coordinator's output on {@code case-readiness.events}: exactly one record per case and readiness version. */
package org.homeinfusion.contracts.readiness;
