package org.homeinfusion.suppliesauth.catalog;

import java.util.Locale;

/**
 * One HCPCS service code of the reference catalog. Only {@link Kind#SUPPLY} codes may be itemized and
 * only {@link Kind#PER_DIEM} codes may bundle the supplies; the catalog keeps the other kinds so a
 * refusal can say what the code is instead of just "unknown".
 */
public record CatalogCode(String code, Kind kind, String description, boolean active) {

    public enum Kind {
        SUPPLY("supply"), PER_DIEM("per diem"), NURSING("nursing service");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The spelling of the CSV's {@code kind} column: supply, per-diem, nursing. */
        static Kind parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "supply" -> SUPPLY;
                case "per-diem" -> PER_DIEM;
                case "nursing" -> NURSING;
                default -> throw new IllegalArgumentException("Unknown code kind '" + text + "'");
            };
        }

        /** How a message names a code of this kind: "a per diem code". */
        public String label() {
            return label;
        }
    }
}
