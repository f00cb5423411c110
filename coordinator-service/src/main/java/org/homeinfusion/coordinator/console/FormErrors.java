package org.homeinfusion.coordinator.console;

import java.util.Map;

/**
 * A refused form: which form ({@code form}), the API's status, its violations by field (the form's own field names)
 * and the values the user typed, so the page shows each message beside its field and keeps the input.
 */
public record FormErrors(String form, int status, String detail, Map<String, String> byField, Map<String, String> values) {

    static final FormErrors NONE = new FormErrors("", 200, "", Map.of(), Map.of());

    public boolean of(String formName) {
        return form.equals(formName);
    }

    public boolean has(String formName, String field) {
        return of(formName) && byField.containsKey(field);
    }

    public String message(String formName, String field) {
        return of(formName) ? byField.getOrDefault(field, "") : "";
    }

    /** What the user typed into the refused form, else {@code fallback} (the current value). */
    public String value(String formName, String field, String fallback) {
        return of(formName) && values.containsKey(field) ? values.get(field) : fallback;
    }

    /**
     * The line above the form: the refusal itself when it names no field (a 409, a 403, a rule about the whole
     * request), otherwise a pointer to the fields, whose own messages say what is wrong.
     */
    public String general(String formName) {
        if (!of(formName)) {
            return "";
        }
        String unnamed = byField.getOrDefault("", "");
        if (!unnamed.isEmpty()) {
            return unnamed;
        }
        return byField.isEmpty() ? detail : "Not saved: correct the field marked below.";
    }
}
