package org.homeinfusion.coordinator.console;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.homeinfusion.coordinator.CoordinatorProperties;
import org.homeinfusion.coordinator.notification.ReadinessStreams;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

import static org.homeinfusion.coordinator.console.ConsoleApi.Service.COORDINATOR;

/**
 * The console's pages: the case board, the worklist of alerts and the case page, each with a fragment the live
 * script re-fetches when the readiness stream announces a change.
 */
@Controller
class ConsoleController {

    private final ConsoleApi api;
    private final ConsoleProperties properties;
    private final CoordinatorProperties coordinator;
    private final ReadinessStreams streams;

    ConsoleController(ConsoleApi api, ConsoleProperties properties, CoordinatorProperties coordinator,
            ReadinessStreams streams) {
        this.api = api;
        this.properties = properties;
        this.coordinator = coordinator;
        this.streams = streams;
    }

    @GetMapping("/console")
    String root() {
        return "redirect:/console/";
    }

    @GetMapping("/console/")
    String board(@AuthenticationPrincipal ConsoleUser user, @RequestParam(defaultValue = "ALL") String filter,
            @RequestParam(defaultValue = "") String q, Model model) {
        boardModel(user, filter, q, model);
        return "console/board";
    }

    @GetMapping("/console/board-rows")
    String boardRows(@AuthenticationPrincipal ConsoleUser user, @RequestParam(defaultValue = "ALL") String filter,
            @RequestParam(defaultValue = "") String q, Model model) {
        boardModel(user, filter, q, model);
        return "console/board :: rows";
    }

    @GetMapping("/console/alerts")
    String alerts(@AuthenticationPrincipal ConsoleUser user, Model model) {
        alertsModel(user, model);
        return "console/alerts";
    }

    @GetMapping("/console/alert-rows")
    String alertRows(@AuthenticationPrincipal ConsoleUser user, Model model) {
        alertsModel(user, model);
        return "console/alerts :: rows";
    }

    @GetMapping("/console/cases/{caseId}")
    String casePage(@AuthenticationPrincipal ConsoleUser user, @PathVariable String caseId, Model model,
            HttpServletResponse response) {
        return renderCase(user, caseId, model, response, null);
    }

    /**
     * The case page; after a refused action, with the refusal's violations beside their fields and the values the
     * user typed kept in the form.
     */
    String renderCase(ConsoleUser user, String caseId, Model model, HttpServletResponse response, FormErrors errors) {
        CasePage page = load(user, caseId);
        model.addAttribute("user", user);
        model.addAttribute("caseId", caseId);
        if (page == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "console/not-found";
        }
        model.addAttribute("page", page);
        model.addAttribute("can", CaseActions.of(user, page));
        model.addAttribute("errors", errors == null ? FormErrors.NONE : errors);
        if (errors != null) {
            response.setStatus(errors.status());
        }
        return "console/case";
    }

    @GetMapping("/console/cases/{caseId}/live")
    String caseLive(@AuthenticationPrincipal ConsoleUser user, @PathVariable String caseId,
            @RequestParam(defaultValue = "") String since, Model model, HttpServletResponse response) {
        JsonNode readiness = caseId.matches("[A-Za-z0-9._-]{1,64}")
                ? api.find(user, COORDINATOR, "/api/cases/{caseId}/readiness", caseId).orElse(null) : null;
        // A poll costs one readiness call while nothing changed; the alerts and the history only when something did.
        if (readiness != null && CasePage.liveVersionOf(readiness).equals(since)) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        CasePage page = readiness == null ? null : load(user, caseId);
        if (page == null) {
            model.addAttribute("caseId", caseId);
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "console/not-found :: message";
        }
        model.addAttribute("page", page);
        model.addAttribute("user", user);
        return "console/case :: live";
    }

    /** The organization's readiness and alert events, as the API's stream gives them, for the pages' live script. */
    @GetMapping(path = "/console/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal ConsoleUser user,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(user.org(), lastEventId);
    }

    /** The case page's data, or null when the case is not visible to this user (never seen, or another's). */
    CasePage load(ConsoleUser user, String caseId) {
        if (!caseId.matches("[A-Za-z0-9._-]{1,64}")) {
            return null;
        }
        JsonNode readiness = api.find(user, COORDINATOR, "/api/cases/{caseId}/readiness", caseId).orElse(null);
        if (readiness == null) {
            return null;
        }
        List<JsonNode> alerts = ConsoleApi.list(api.get(user, COORDINATOR, "/api/cases/{caseId}/alerts", caseId));
        List<JsonNode> history = ConsoleApi.list(api.find(user, COORDINATOR, "/api/cases/{caseId}/readiness/history", caseId)
                .orElseGet(ConsoleController::emptyArray));
        return CasePage.of(readiness, alerts, history, coordinator.minimumDrugLeadTime());
    }

    private static JsonNode emptyArray() {
        return tools.jackson.databind.json.JsonMapper.builder().build().createArrayNode();
    }

    private void boardModel(ConsoleUser user, String filter, String q, Model model) {
        String normalized = switch (filter.toUpperCase(Locale.ROOT)) {
            case "READY", "NOT_READY", "AT_RISK" -> filter.toUpperCase(Locale.ROOT);
            default -> "ALL";
        };
        String search = q.strip();
        Set<String> atRisk = new HashSet<>();
        for (JsonNode alert : api.get(user, COORDINATOR, "/api/alerts?state=OPEN&type=CaseAtRisk&size=200")) {
            atRisk.add(alert.path("caseId").asString(""));
        }
        String query = "READY".equals(normalized) || "NOT_READY".equals(normalized) ? "?state=" + normalized + "&limit=500"
                : "?limit=500";
        List<BoardRow> rows = new ArrayList<>();
        for (JsonNode summary : api.get(user, COORDINATOR, "/api/cases" + query)) {
            String caseId = summary.path("caseId").asString("");
            if (!search.isEmpty() && !caseId.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if ("AT_RISK".equals(normalized) && !atRisk.contains(caseId)) {
                continue;
            }
            if (rows.size() >= properties.boardSize()) {
                break;
            }
            // The list carries no pillars: each row's lights come from the case's own readiness view.
            api.find(user, COORDINATOR, "/api/cases/{caseId}/readiness?specialistOrgId={org}", caseId,
                    summary.path("specialistOrgId").asString("")).ifPresent(readiness ->
                    rows.add(BoardRow.of(readiness, atRisk.contains(caseId))));
        }
        model.addAttribute("user", user);
        model.addAttribute("rows", rows);
        model.addAttribute("filter", normalized);
        model.addAttribute("q", search);
        model.addAttribute("filters", List.of("ALL", "READY", "NOT_READY", "AT_RISK"));
    }

    private void alertsModel(ConsoleUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("alerts", ConsoleApi.list(api.get(user, COORDINATOR, "/api/alerts?state=OPEN&size=200"))
                .stream().map(CasePage.AlertLine::of).toList());
    }

    @ExceptionHandler(ConsoleApi.SignInExpired.class)
    String signInExpired(HttpServletRequest request) {
        return ConsoleErrors.signInAgain(request);
    }

    @ExceptionHandler(ConsoleApi.Unavailable.class)
    ResponseEntity<String> unavailable(ConsoleApi.Unavailable unavailable) {
        return ConsoleErrors.unavailable(unavailable);
    }

    @ExceptionHandler(ConsoleApi.Refused.class)
    ResponseEntity<String> refused(ConsoleApi.Refused refused) {
        return ConsoleErrors.refused(refused);
    }
}
