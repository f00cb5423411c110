package org.homeinfusion.coordinator.cases;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.homeinfusion.coordinator.readiness.ReadinessState;
import org.homeinfusion.support.api.Bounds;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.security.Actor;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * docs/api.md, Readiness: readiness of a case for any organization taking part in it. A case another organization
 * owns and the caller has no part in is a 404, indistinguishable from a case never seen.
 */
@RestController
@Validated
@RequestMapping("/api/cases")
class CaseReadinessController {

    private final CaseStore store;
    private final CaseProcessor processor;
    private final CaseAlertSummaries alerts;
    private final ReadinessHistory history;

    CaseReadinessController(CaseStore store, CaseProcessor processor, CaseAlertSummaries alerts,
            ReadinessHistory history) {
        this.store = store;
        this.processor = processor;
        this.alerts = alerts;
        this.history = history;
    }

    /**
     * @param specialistOrgId only needed by an organization that takes part in two specialists' cases
     *                        that happen to use the same caseId
     */
    @GetMapping("/{caseId}/readiness")
    @Transactional(readOnly = true)
    CaseReadinessView readiness(Actor actor,
            @PathVariable @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String caseId,
            @RequestParam(required = false) @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String specialistOrgId) {
        CaseKey key = visibleCase(actor, caseId, specialistOrgId);
        CaseAlertSummaries.Summary summary = alerts.of(List.of(key)).getOrDefault(key, CaseAlertSummaries.Summary.NONE);
        return processor.find(key).map(record -> CaseReadinessView.of(record, true, summary))
                .orElseThrow(() -> ApiProblem.notFound("Case", caseId));
    }

    /** Every readiness version the case announced, newest first: what was said, when, and why. */
    @GetMapping("/{caseId}/readiness/history")
    @Transactional(readOnly = true)
    List<ReadinessHistory.Entry> history(Actor actor,
            @PathVariable @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String caseId,
            @RequestParam(required = false) @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String specialistOrgId) {
        return history.of(visibleCase(actor, caseId, specialistOrgId));
    }

    private CaseKey visibleCase(Actor actor, String caseId, String specialistOrgId) {
        List<CaseKey> visible = store.casesWithIdVisibleTo(caseId, actor.org()).stream()
                .filter(key -> specialistOrgId == null || key.specialistOrgId().equals(specialistOrgId))
                .toList();
        CaseKey key;
        if (visible.isEmpty()) {
            throw ApiProblem.notFound("Case", caseId);
        } else if (visible.size() == 1) {
            key = visible.get(0);
        } else {
            // The caller's own case wins; otherwise it must say which specialist's case it means.
            key = visible.stream().filter(k -> k.specialistOrgId().equals(actor.org())).findFirst()
                    .orElseThrow(() -> ApiProblem.invalid("specialistOrgId", "AMBIGUOUS_CASE",
                            "Several specialists' cases use caseId " + caseId + "; pass specialistOrgId"));
        }
        return key;
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<CaseReadinessView> cases(Actor actor, @RequestParam(required = false) ReadinessState state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int offset) {
        List<CaseRecord> records = store.visibleTo(actor.org(), state, limit, offset);
        Map<CaseKey, CaseAlertSummaries.Summary> summaries = alerts.of(records.stream().map(CaseRecord::key).toList());
        return records.stream().map(record -> CaseReadinessView.of(record, false,
                summaries.getOrDefault(record.key(), CaseAlertSummaries.Summary.NONE))).toList();
    }
}
