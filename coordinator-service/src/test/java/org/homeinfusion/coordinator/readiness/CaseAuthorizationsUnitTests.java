package org.homeinfusion.coordinator.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.coordinator.readiness.AuthorizationStatus.APPROVED;
import static org.homeinfusion.coordinator.readiness.AuthorizationStatus.CANCELLED;
import static org.homeinfusion.coordinator.readiness.AuthorizationStatus.DENIED;
import static org.homeinfusion.coordinator.readiness.AuthorizationStatus.PENDED;
import static org.homeinfusion.coordinator.readiness.SeedCase.drug;
import static org.homeinfusion.coordinator.readiness.SeedCase.nursing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CaseAuthorizationsUnitTests {

    private static final Instant FIRST_REQUEST = Instant.parse("2026-11-20T15:00:00Z");
    private static final Instant REAUTHORIZATION = Instant.parse("2026-11-25T10:00:00Z");
    private static final UUID LOW_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID HIGH_ID = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void keepsTheCopyWithTheHigherVersion() {
        DrugAuthorization pended = drug().version(2).status(PENDED).build();
        DrugAuthorization approved = drug().version(3).status(APPROVED).build();

        CaseAuthorizations authorizations = CaseAuthorizations.empty().apply(pended).apply(approved);

        assertThat(authorizations.find(SeedCase.DRUG_ID)).contains(approved);
    }

    @Test
    void dropsAnOlderCopyArrivingLate() {
        DrugAuthorization approved = drug().version(3).status(APPROVED).build();
        CaseAuthorizations authorizations = CaseAuthorizations.empty().apply(approved);

        CaseAuthorizations afterLateCopy = authorizations.apply(drug().version(2).status(PENDED).build());

        assertThat(afterLateCopy).isSameAs(authorizations);
        assertThat(afterLateCopy.drug()).contains(approved);
    }

    @Test
    void dropsACopyWithAnEqualVersionAsADuplicate() {
        DrugAuthorization first = drug().version(3).status(APPROVED).build();
        CaseAuthorizations authorizations = CaseAuthorizations.empty().apply(first);
        DrugAuthorization sameVersionDifferentContent = drug().version(3).status(DENIED).build();

        assertThat(authorizations.isNewer(sameVersionDifferentContent)).isFalse();
        assertThat(authorizations.apply(sameVersionDifferentContent).drug()).contains(first);
    }

    @Test
    void endsInTheSameStateWhateverOrderCopiesArriveIn() {
        List<Authorization> inOrder = List.of(drug().version(1).status(PENDED).build(),
                drug().version(2).status(APPROVED).build(), nursing().version(1).build());

        List<Authorization> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);

        assertThat(CaseAuthorizations.of(reversed))
                .isEqualTo(CaseAuthorizations.of(inOrder))
                .hasSameHashCodeAs(CaseAuthorizations.of(inOrder));
    }

    @Test
    void countsTheMostRecentlyRequestedAuthorizationOfAPillar() {
        DrugAuthorization expired = drug().id(LOW_ID).requestedAt(FIRST_REQUEST).authorizationNumber("11111").build();
        DrugAuthorization reauthorized = drug().id(HIGH_ID).requestedAt(REAUTHORIZATION).authorizationNumber("22222").build();

        assertThat(CaseAuthorizations.of(List.of(reauthorized, expired)).drug()).contains(reauthorized);
    }

    @Test
    void breaksARequestTimeTieInFavourOfTheHigherId() {
        DrugAuthorization low = drug().id(LOW_ID).requestedAt(FIRST_REQUEST).build();
        DrugAuthorization high = drug().id(HIGH_ID).requestedAt(FIRST_REQUEST).build();

        assertThat(CaseAuthorizations.of(List.of(high, low)).drug()).contains(high);
        assertThat(CaseAuthorizations.of(List.of(low, high)).drug()).contains(high);
    }

    @Test
    void fallsBackToThePreviousAuthorizationWhenTheNewestIsCancelled() {
        DrugAuthorization previous = drug().id(LOW_ID).requestedAt(FIRST_REQUEST).build();
        DrugAuthorization newest = drug().id(HIGH_ID).requestedAt(REAUTHORIZATION).build();
        CaseAuthorizations both = CaseAuthorizations.of(List.of(previous, newest));

        CaseAuthorizations newestCancelled = both.apply(drug().id(HIGH_ID).requestedAt(REAUTHORIZATION)
                .version(2).status(CANCELLED).build());

        assertThat(newestCancelled.drug()).contains(previous);
        assertThat(newestCancelled.all()).hasSize(2);
    }

    @Test
    void knowsNoAuthorizationOfAPillarWhoseAuthorizationsAreAllCancelled() {
        CaseAuthorizations cancelled = CaseAuthorizations.of(List.of(
                drug().id(LOW_ID).status(CANCELLED).build(), drug().id(HIGH_ID).status(CANCELLED).build()));

        assertThat(cancelled.drug()).isEmpty();
        assertThat(cancelled.isEmpty()).isFalse();
    }

    @Test
    void takesAnAuthorizationWithoutRequestTimeAsTheOldest() {
        DrugAuthorization undated = drug().id(HIGH_ID).requestedAt(null).build();
        DrugAuthorization dated = drug().id(LOW_ID).requestedAt(FIRST_REQUEST).build();

        assertThat(CaseAuthorizations.of(List.of(undated, dated)).drug()).contains(dated);
    }

    @Test
    void keepsPillarsApart() {
        CaseAuthorizations drugOnly = CaseAuthorizations.of(List.of(drug().build()));

        assertThat(drugOnly.nursing()).isEmpty();
        assertThat(drugOnly.supplies()).isEmpty();
        assertThat(drugOnly.current(Pillar.DRUG)).isPresent();
    }
}
