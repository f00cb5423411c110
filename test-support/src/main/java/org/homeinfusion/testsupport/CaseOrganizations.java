package org.homeinfusion.testsupport;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The organizations of the case an access-matrix test tries every caller against, unique per run so its rows never
 * meet another test's organizations, cases or events: for each role (docs/api.md) one organization in the case
 * ({@code SPEC-A-<run>}) and one of the same kind outside it ({@code SPEC-B-<run>}).
 *
 * <p>Roles are taken as any enum whose constant names are the contract's role names, because the services' own
 * {@code Role} lives in service-support, which itself tests with this module.
 */
public final class CaseOrganizations {

    /** Who calls, seen from the case. */
    public enum Party {
        /** The role's organization in the case. */
        OWN,
        /** An organization of the same kind that has no part in the case. */
        OTHER,
        /** A partner's organization in the case: the role is right, the organization is someone else's. */
        PARTNER
    }

    private static final String SPECIALIST = "SPECIALIST";
    private static final Map<String, String> KIND_BY_ROLE = Map.of(
            SPECIALIST, "SPEC", "PHARMACY", "PHARM", "AGENCY", "HHA", "SUPPLIER", "DME", "PAYER", "PAYER");
    /** Every organization ends with its run: eight hex digits of a random UUID. */
    private static final Pattern RUN_SUFFIX = Pattern.compile("-[0-9a-f]{8}$");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Enum<?> specialistsPartner;

    private CaseOrganizations(Enum<?> specialistsPartner) {
        this.specialistsPartner = specialistsPartner;
    }

    /**
     * A new set for this run. {@code specialistsPartner} is the role whose organization stands in for the specialist
     * as its {@link Party#PARTNER}; every other role's partner is the specialist.
     */
    public static CaseOrganizations forThisRun(Enum<?> specialistsPartner) {
        return new CaseOrganizations(specialistsPartner);
    }

    /** Eight characters unique to this run, for anything else the test must keep apart from other runs. */
    public String run() {
        return run;
    }

    /** What every case id of this run starts with, so the test can tell its own events from others'. */
    public String casePrefix() {
        return "AMX-" + run + "-";
    }

    /** The organization {@code role} has in the case. */
    public String of(Enum<?> role) {
        return of(Party.OWN, role.name());
    }

    /** The organization a caller with {@code role} belongs to when it is {@code party} to the case. */
    public String of(Party party, Enum<?> role) {
        return of(party, role.name());
    }

    /** {@link #of(Party, Enum)} for the specialist, for shared checks that have no role enum to name it with. */
    public String specialist(Party party) {
        return of(party, SPECIALIST);
    }

    /** A valid token of {@code role}'s organization in the case, holding that role alone. */
    public String bearer(Enum<?> role) {
        return TestTokens.bearer(of(role), role.name());
    }

    /** {@code org} as a reader of a test report wants it: without the run's suffix. */
    public static String withoutRun(String org) {
        return RUN_SUFFIX.matcher(org).replaceFirst("");
    }

    private String of(Party party, String role) {
        String kind = KIND_BY_ROLE.get(role);
        if (kind == null) {
            throw new IllegalArgumentException(role + " is not a role of docs/api.md");
        }
        String own = kind + "-A-" + run;
        return switch (party) {
            case OWN -> own;
            case OTHER -> own.replace("-A-", "-B-");
            case PARTNER -> role.equals(SPECIALIST) ? of(specialistsPartner) : of(Party.OWN, SPECIALIST);
        };
    }
}
