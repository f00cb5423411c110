package org.homeinfusion.suppliesauth.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.homeinfusion.support.problem.Violation;
import org.springframework.stereotype.Component;

/**
 * Checks a supplies request the way a payer's claim edits would, before it is sent: separately billed
 * supplies need known supply codes, bundled supplies need a per diem code the plan pays. Every rule
 * that fails is reported, so the specialist fixes all at once.
 */
@Component
public class CoveragePreflight {

    /** Medicare pays home IVIG supplies through its demonstration code instead of an S per diem. */
    static final String MEDICARE_IVIG_PER_DIEM = "Q2052";

    private final SupplyCatalog catalog;

    public CoveragePreflight(SupplyCatalog catalog) {
        this.catalog = catalog;
    }

    /** What the preflight needs to know of a request; {@code itemCodes} in request order. */
    public record SuppliesLine(Coverage coverage, String plan, String perDiemCode, List<String> itemCodes) {
    }

    public List<Violation> check(SuppliesLine line) {
        List<Violation> violations = new ArrayList<>();
        if (line.coverage() == Coverage.BUNDLED) {
            checkPerDiem(line, violations);
        } else {
            checkItems(line, violations);
        }
        return List.copyOf(violations);
    }

    private void checkPerDiem(SuppliesLine line, List<Violation> violations) {
        if (line.perDiemCode() == null) {
            violations.add(new Violation("perDiemCode", "PER_DIEM_CODE_REQUIRED",
                    "coverage BUNDLED needs the per diem code that covers the supplies, e.g. S9338 (Medicare: "
                            + MEDICARE_IVIG_PER_DIEM + ")"));
            return;
        }
        String code = line.perDiemCode().toUpperCase(Locale.ROOT);
        Optional<CatalogCode> known = catalog.find(code);
        if (known.isEmpty()) {
            violations.add(new Violation("perDiemCode", "UNKNOWN_PER_DIEM_CODE", code + " is not a known per diem code"));
        } else if (known.get().kind() != CatalogCode.Kind.PER_DIEM) {
            violations.add(new Violation("perDiemCode", "UNKNOWN_PER_DIEM_CODE", code + " is a "
                    + known.get().kind().label() + " code, not a per diem code"
                    + (known.get().kind() == CatalogCode.Kind.SUPPLY ? "; with coverage SEPARATE list it as an item" : "")));
        } else if (!known.get().active()) {
            violations.add(new Violation("perDiemCode", "RETIRED_CODE", code + " is retired and no longer billable"));
        }
        checkPlan("perDiemCode", code, line.plan(), violations);
    }

    private void checkItems(SuppliesLine line, List<Violation> violations) {
        if (line.itemCodes() == null || line.itemCodes().isEmpty()) {
            violations.add(new Violation("items", "ITEMS_REQUIRED",
                    "coverage SEPARATE needs at least one supply item, e.g. E0781 (pump)"));
            return;
        }
        for (int i = 0; i < line.itemCodes().size(); i++) {
            String field = "items[" + i + "].hcpcsCode";
            String code = line.itemCodes().get(i).toUpperCase(Locale.ROOT);
            Optional<CatalogCode> known = catalog.find(code);
            if (known.isEmpty()) {
                violations.add(new Violation(field, "UNKNOWN_SUPPLY_CODE", code + " is not a known supply or equipment code"));
            } else if (known.get().kind() != CatalogCode.Kind.SUPPLY) {
                violations.add(new Violation(field, "UNKNOWN_SUPPLY_CODE", code + " is a " + known.get().kind().label()
                        + " code, not a supply item"
                        + (known.get().kind() == CatalogCode.Kind.PER_DIEM
                                ? "; to bill supplies in the per diem use coverage BUNDLED with perDiemCode " + code : "")));
            } else if (!known.get().active()) {
                violations.add(new Violation(field, "RETIRED_CODE", code + " is retired and no longer billable"));
            }
            checkPlan(field, code, line.plan(), violations);
        }
    }

    private static void checkPlan(String field, String code, String plan, List<Violation> violations) {
        if (code.startsWith("S") && "MEDICARE".equals(plan)) {
            violations.add(new Violation(field, "S_CODE_NOT_VALID_FOR_MEDICARE", code
                    + " is a temporary national S-code, which Medicare does not pay; Medicare home IVIG bundles"
                    + " supplies and equipment with " + MEDICARE_IVIG_PER_DIEM));
        }
    }
}
