/** Cases and their readiness: durable saga state, the transactional step, and the readiness API. */
package org.homeinfusion.coordinator.cases;
