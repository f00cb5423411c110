package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.homeinfusion.testsupport.CaseOrganizations.Party;
import org.junit.jupiter.api.Test;

class CaseOrganizationsUnitTests {

    /** The contract's role names, as the services' own enum spells them. */
    enum Role {
        SPECIALIST, PHARMACY, AGENCY, SUPPLIER, PAYER
    }

    enum NotARole {
        NURSE
    }

    private final CaseOrganizations organizations = CaseOrganizations.forThisRun(Role.AGENCY);
    private final String run = organizations.run();

    @Test
    void givesEachRoleAnOrganizationInTheCaseAndOneOfTheSameKindOutsideIt() {
        assertThat(organizations.of(Role.SPECIALIST)).isEqualTo("SPEC-A-" + run);
        assertThat(organizations.of(Party.OWN, Role.PHARMACY)).isEqualTo("PHARM-A-" + run);
        assertThat(organizations.of(Party.OTHER, Role.AGENCY)).isEqualTo("HHA-B-" + run);
        assertThat(organizations.of(Party.OTHER, Role.SUPPLIER)).isEqualTo("DME-B-" + run);
        assertThat(organizations.of(Party.OWN, Role.PAYER)).isEqualTo("PAYER-A-" + run);
    }

    @Test
    void makesTheChosenRoleTheSpecialistsPartnerAndTheSpecialistEveryoneElses() {
        assertThat(organizations.of(Party.PARTNER, Role.SPECIALIST)).isEqualTo("HHA-A-" + run);
        assertThat(organizations.of(Party.PARTNER, Role.PAYER)).isEqualTo("SPEC-A-" + run);
        assertThat(organizations.of(Party.PARTNER, Role.AGENCY)).isEqualTo("SPEC-A-" + run);
        assertThat(organizations.specialist(Party.PARTNER)).isEqualTo(organizations.of(Party.PARTNER, Role.SPECIALIST));
    }

    @Test
    void sharesNothingWithAnotherRun() {
        CaseOrganizations another = CaseOrganizations.forThisRun(Role.AGENCY);

        assertThat(another.of(Role.SPECIALIST)).isNotEqualTo(organizations.of(Role.SPECIALIST));
        assertThat(another.casePrefix()).isNotEqualTo(organizations.casePrefix()).startsWith("AMX-" + another.run());
    }

    @Test
    void namesAnOrganizationWithoutTheRunForTheReport() {
        assertThat(CaseOrganizations.withoutRun(organizations.of(Party.OTHER, Role.PAYER))).isEqualTo("PAYER-B");
    }

    @Test
    void refusesARoleTheContractDoesNotKnow() {
        assertThatThrownBy(() -> organizations.of(NotARole.NURSE)).isInstanceOf(IllegalArgumentException.class);
    }
}
