package org.homeinfusion.coordinator.console;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.homeinfusion.coordinator.console.ConsoleApi.Service.DRUG;
import static org.homeinfusion.coordinator.console.ConsoleApi.Service.NURSING;
import static org.homeinfusion.coordinator.console.ConsoleApi.Service.SUPPLIES;

/**
 * The actions each role takes from the case page, each one call of the owning service's API with the user's token.
 * The API decides whether this user may: a form the page shows is a convenience, never a permission. A refusal
 * re-renders the page with the problem's violations beside their fields.
 */
@Controller
class ConsoleActionController {

    private final ConsoleApi api;
    private final ConsoleController pages;

    ConsoleActionController(ConsoleApi api, ConsoleController pages) {
        this.api = api;
        this.pages = pages;
    }

    /** PHARMACY: post or move the drug delivery ETA (with the product's beyond-use time). */
    @PostMapping("/console/cases/{caseId}/drug-delivery")
    String drugDelivery(@AuthenticationPrincipal ConsoleUser user, @PathVariable String caseId,
            @RequestParam String authorizationId, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, Object> body = fields(form, "etaStart", "etaEnd", "beyondUseAt", "trackingRef");
        return act("drug-delivery", user, caseId, form, model, response, redirect, "Delivery ETA saved",
                Map.of("windowInOrder", "etaEnd"),
                () -> api.put(user, DRUG, "/api/drug-authorizations/{id}/delivery", body, authorizationId));
    }

    @PostMapping("/console/cases/{caseId}/drug-delivery/cancel")
    String cancelDrugDelivery(@AuthenticationPrincipal ConsoleUser user, @PathVariable String caseId,
            @RequestParam String authorizationId, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act("drug-delivery", user, caseId, form, model, response, redirect, "Delivery cancelled", Map.of(),
                () -> api.delete(user, DRUG, "/api/drug-authorizations/{id}/delivery", authorizationId));
    }

    /** AGENCY: confirm or move the nurse visit. */
    @PostMapping("/console/cases/{caseId}/visit")
    String visit(@AuthenticationPrincipal ConsoleUser user, @PathVariable String caseId,
            @RequestParam String authorizationId, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, Object> body = fields(form, "visitStart", "expectedDurationMinutes", "nurseName");
        return act("visit", user, caseId, form, model, response, redirect, "Visit confirmed", Map.of(),
                () -> api.put(user, NURSING, "/api/nursing-authorizations/{id}/visit", body, authorizationId));
    }

    @PostMapping("/console/cases/{caseId}/visit/cancel")
    String cancelVisit(@AuthenticationPrincipal ConsoleUser user, @PathVariable String caseId,
            @RequestParam String authorizationId, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act("visit", user, caseId, form, model, response, redirect, "Visit cancelled", Map.of(),
                () -> api.delete(user, NURSING, "/api/nursing-authorizations/{id}/visit", authorizationId));
    }

    @PostMapping("/console/cases/{caseId}/visit/completion")
    String completeVisit(@AuthenticationPrincipal ConsoleUser user, @PathVariable String caseId,
            @RequestParam String authorizationId, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act("visit", user, caseId, form, model, response, redirect, "Visit recorded as completed", Map.of(),
                () -> api.post(user, NURSING, "/api/nursing-authorizations/{id}/visit/completion", Map.of(),
                        authorizationId));
    }

    /** SUPPLIER (or the pharmacy supplying): post or move the supplies delivery ETA. */
    @PostMapping("/console/cases/{caseId}/supplies-delivery")
    String suppliesDelivery(@AuthenticationPrincipal ConsoleUser user, @PathVariable String caseId,
            @RequestParam String authorizationId, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, Object> body = fields(form, "etaStart", "etaEnd");
        return act("supplies-delivery", user, caseId, form, model, response, redirect, "Supplies ETA saved",
                Map.of("windowInOrder", "etaEnd"),
                () -> api.put(user, SUPPLIES, "/api/supplies-authorizations/{id}/delivery", body, authorizationId));
    }

    /** PAYER (or the specialist): record a decision on one pillar's authorization. */
    @PostMapping("/console/cases/{caseId}/decision")
    String decision(@AuthenticationPrincipal ConsoleUser user, @PathVariable String caseId,
            @RequestParam String authorizationId, @RequestParam String pillar, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ConsoleApi.Service service = switch (pillar) {
            case "drug" -> DRUG;
            case "nursing" -> NURSING;
            default -> SUPPLIES;
        };
        Map<String, Object> body = fields(form, "outcome", "authorizationNumber", "validFrom", "validTo",
                "drug".equals(pillar) ? "approvedUnits" : "nursing".equals(pillar) ? "approvedVisits" : "reason", "reason");
        return act("decision-" + pillar, user, caseId, form, model, response, redirect, "Decision recorded", Map.of(),
                () -> api.post(user, service, "/api/" + pillar + "-authorizations/{id}/decision", body, authorizationId));
    }

    private String act(String formName, ConsoleUser user, String caseId, Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect, String done, Map<String, String> fieldAliases,
            Runnable call) {
        try {
            call.run();
        } catch (ConsoleApi.Refused refused) {
            Map<String, String> byField = new LinkedHashMap<>();
            refused.violationsByField().forEach((field, message) ->
                    byField.merge(fieldAliases.getOrDefault(field, field), message, (a, b) -> a + "; " + b));
            FormErrors errors = new FormErrors(formName, refused.status(), refused.detail(), byField, form);
            return pages.renderCase(user, caseId, model, response, errors);
        }
        redirect.addFlashAttribute("notice", done);
        return "redirect:/console/cases/" + caseId;
    }

    /** The form's non-blank fields as the API's JSON body; whole numbers go as numbers. */
    private static Map<String, Object> fields(Map<String, String> form, String... names) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String name : names) {
            String value = form.getOrDefault(name, "").strip();
            if (!value.isEmpty()) {
                body.put(name, value.matches("\\d{1,9}") && !name.equals("authorizationNumber") ? Integer.valueOf(value)
                        : value);
            }
        }
        return body;
    }

    @ExceptionHandler(ConsoleApi.SignInExpired.class)
    String signInExpired(HttpServletRequest request) {
        return ConsoleErrors.signInAgain(request);
    }

    @ExceptionHandler(ConsoleApi.Unavailable.class)
    ResponseEntity<String> unavailable(ConsoleApi.Unavailable unavailable) {
        return ConsoleErrors.unavailable(unavailable);
    }
}
