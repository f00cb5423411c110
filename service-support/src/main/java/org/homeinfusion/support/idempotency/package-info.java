/** Idempotency-Key handling for creating requests: a retried create returns the original resource. */
package org.homeinfusion.support.idempotency;
