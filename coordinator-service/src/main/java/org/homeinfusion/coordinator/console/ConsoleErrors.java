package org.homeinfusion.coordinator.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.HtmlUtils;

/** What a console page does when the API refuses the user's token, refuses a read, or cannot be reached. */
final class ConsoleErrors {

    private ConsoleErrors() {
    }

    /** The token expired (or was rejected): end the session and ask for a new sign-in. */
    static String signInAgain(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:" + ConsoleSecurityConfiguration.SIGN_IN + "?expired";
    }

    static ResponseEntity<String> unavailable(ConsoleApi.Unavailable unavailable) {
        return page(503, "Service unavailable", unavailable.getMessage() + ". Try again in a moment.");
    }

    static ResponseEntity<String> refused(ConsoleApi.Refused refused) {
        return page(refused.status(), "Refused", refused.detail());
    }

    private static ResponseEntity<String> page(int status, String title, String message) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + title + " · Console</title>"
                + "<link rel=\"stylesheet\" href=\"/console/assets/console.css\"></head><body><main id=\"main\">"
                + "<h1>" + title + "</h1><p>" + HtmlUtils.htmlEscape(message) + "</p>"
                + "<p><a href=\"/console/\">Back to the case board</a></p></main></body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}
