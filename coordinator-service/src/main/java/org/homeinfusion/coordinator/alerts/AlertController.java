package org.homeinfusion.coordinator.alerts;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.coordinator.cases.CaseProcessor;
import org.homeinfusion.support.api.Bounds;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.security.Actor;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The worklist and a case's alerts. An alert is visible to its case's specialist organization and to every
 * organization it asks to act, so a payer sees the decisions it owes without seeing the rest of the case.
 */
@RestController
@Validated
class AlertController {

    private final AlertStore store;
    private final CaseProcessor cases;

    AlertController(AlertStore store, CaseProcessor cases) {
        this.store = store;
        this.cases = cases;
    }

    /** The caller's alerts, most urgent first (CRITICAL before WARNING before INFO, then the earliest due). */
    @GetMapping("/api/alerts")
    List<ObjectNode> worklist(Actor actor, @RequestParam(defaultValue = "OPEN") AlertState state,
            @RequestParam(required = false) AlertType type,
            @RequestParam(required = false) @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String caseId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        if (state != AlertState.OPEN && state != AlertState.RESOLVED) {
            throw ApiProblem.invalid("state", "INVALID_STATE", "state must be OPEN or RESOLVED");
        }
        return view(store.worklist(actor.org(), state, type == null ? null : type.name(), caseId, size, page * size));
    }

    /** Every alert of the case the caller may see, newest first; 404 for a case the caller has no part in. */
    @GetMapping("/api/cases/{caseId}/alerts")
    List<ObjectNode> ofCase(Actor actor,
            @PathVariable @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String caseId) {
        List<AlertStore.Row> rows = store.ofCase(caseId, actor.org());
        if (rows.isEmpty() && cases.casesVisibleTo(caseId, actor.org()).isEmpty()) {
            throw ApiProblem.notFound("Case", caseId);
        }
        return view(rows);
    }

    private static List<ObjectNode> view(List<AlertStore.Row> rows) {
        return rows.stream().map(row -> {
            ObjectNode alert = (ObjectNode) EventJson.mapper().readTree(row.json());
            alert.put("state", row.state().name());
            alert.put("resolvedAt", row.resolvedAt() == null ? null : row.resolvedAt().toString());
            alert.put("resolution", row.resolution());
            return alert;
        }).toList();
    }
}
