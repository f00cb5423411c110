package org.homeinfusion.coordinator.readiness;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a READY case confirms to every party. Any change in it is announced again, so it holds
 * exactly what a {@code ReadyToSchedule} event carries and nothing that should not trigger one.
 *
 * @param suppliesDelivery null when supplies are bundled and travel with the drug
 */
public record Schedule(
        Visit visit,
        Delivery drugDelivery,
        Delivery suppliesDelivery,
        Authorizations authorizations,
        String pharmacyOrgId) {

    public record Authorizations(AuthorizationTerms drug, AuthorizationTerms nursing, AuthorizationTerms supplies) {
    }

    /**
     * One pillar's authorization as agreed. Coverage and per diem code are only set for supplies; for
     * bundled supplies the number and window are typically null and the per diem code covers them.
     */
    public record AuthorizationTerms(
            UUID authorizationId,
            String authorizationNumber,
            LocalDate validFrom,
            LocalDate validTo,
            String organizationId,
            Coverage coverage,
            String perDiemCode) {

        static AuthorizationTerms of(Authorization authorization) {
            return new AuthorizationTerms(authorization.id(), authorization.authorizationNumber(),
                    authorization.validFrom(), authorization.validTo(), authorization.organizationId(), null, null);
        }

        static AuthorizationTerms of(SuppliesAuthorization supplies) {
            return new AuthorizationTerms(supplies.id(), supplies.authorizationNumber(), supplies.validFrom(),
                    supplies.validTo(), supplies.organizationId(), supplies.coverage(), supplies.perDiemCode());
        }
    }
}
