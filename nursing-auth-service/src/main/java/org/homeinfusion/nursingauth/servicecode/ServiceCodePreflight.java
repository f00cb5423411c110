package org.homeinfusion.nursingauth.servicecode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.homeinfusion.support.problem.Violation;
import org.springframework.stereotype.Component;

/**
 * Checks a nursing line the way a payer's claim edits would, before the request is sent. Every rule
 * that fails is reported, so the specialist fixes all at once.
 */
@Component
public class ServiceCodePreflight {

    private static final String MEDICARE = "MEDICARE";

    private final ServiceCodeCatalog catalog;

    public ServiceCodePreflight(ServiceCodeCatalog catalog) {
        this.catalog = catalog;
    }

    /** What the preflight needs to know of a request. */
    public record ServiceLine(String serviceCode, String plan) {
    }

    /** Every rule the line breaks; empty when a payer would accept it. */
    public List<Violation> check(ServiceLine line) {
        String code = line.serviceCode().toUpperCase(Locale.ROOT);
        List<Violation> violations = new ArrayList<>();
        Optional<ServiceCode> known = catalog.find(code);
        if (known.isEmpty()) {
            violations.add(new Violation("serviceCode", "UNKNOWN_SERVICE_CODE",
                    code + " is not a known service code; nursing visits bill " + accepted()));
        } else if (!known.get().nursing()) {
            violations.add(new Violation("serviceCode", "UNKNOWN_SERVICE_CODE", code + " is a " + known.get().kind()
                    + " code, not a nursing code; nursing visits bill " + accepted()));
        } else if (known.get().retired()) {
            String notes = known.get().notes();
            violations.add(new Violation("serviceCode", "RETIRED_CODE", code + " is retired"
                    + (notes.isEmpty() ? "" : " (" + notes + ")") + "; nursing visits bill " + accepted()));
        }
        if (code.startsWith("S") && MEDICARE.equals(line.plan())) {
            violations.add(new Violation("serviceCode", "S_CODE_NOT_VALID_FOR_MEDICARE",
                    code + " is a temporary national S-code, which Medicare does not pay"));
        }
        return List.copyOf(violations);
    }

    private String accepted() {
        return String.join(", ", catalog.activeNursingCodes());
    }
}
