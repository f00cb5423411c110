package org.homeinfusion.nursingauth.servicecode;

/**
 * One HCPCS/CPT service code of the reference catalog. {@code kind} says what the code bills
 * ({@value #NURSING}, {@code per-diem}, {@code supply}); only nursing codes may be a nursing line,
 * but the others are known so a mix-up can be named instead of reported as an unknown code.
 */
public record ServiceCode(String code, String kind, String description, Status status, String notes) {

    public static final String NURSING = "nursing";

    public enum Status { ACTIVE, RETIRED }

    public boolean nursing() {
        return NURSING.equals(kind);
    }

    public boolean retired() {
        return status == Status.RETIRED;
    }
}
