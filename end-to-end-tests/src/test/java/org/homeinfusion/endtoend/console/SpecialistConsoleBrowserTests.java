package org.homeinfusion.endtoend.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.homeinfusion.endtoend.RunningSystem;
import org.homeinfusion.endtoend.SeedStory;
import org.homeinfusion.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The specialist console (docs/console.md) in a real headless Chromium against the four real services on one Kafka
 * broker and one PostgreSQL: every pillar change is made through the services' APIs or through the console's own
 * forms, and every assertion reads what the browser shows. Each test leaves a screenshot in
 * {@code target/console-screenshots/}.
 */
class SpecialistConsoleBrowserTests {

    static final Duration EVENTUALLY = Duration.ofSeconds(60);
    static final String SUMMARY = "Pharmacy PHARM-1 delivering Tue Dec 8 08:00–11:00; nurse Jones visiting Tue Dec 8 "
            + "14:00 for 240 min; drug auth 12345, nursing auth 67890, supplies bundled (S9338).";

    static RunningSystem system;
    Browser browser;
    String testName;

    @BeforeAll
    static void startTheSystem() {
        Browser.requireChromium();
        system = RunningSystem.start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void openABrowser(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        browser = Browser.open(system.consoleUrl());
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.screenshot(testName);
            browser.close();
        }
    }

    @Test
    void eachRoleSignsInWithTheDevFormAndOutAgain() {
        browser.get("");
        assertThat(browser.currentPath()).as("the console needs a sign-in").startsWith("/console/sign-in");
        browser.assertNoSeriousAccessibilityViolation();

        String expectedAfterSignIn = "/console/";
        for (String[] user : List.of(new String[] {"SPEC-1", "SPECIALIST"}, new String[] {"PHARM-1", "PHARMACY"},
                new String[] {"HHA-7", "AGENCY"}, new String[] {"DME-4", "SUPPLIER"}, new String[] {"PAYER-ABC", "PAYER"})) {
            browser.signIn(user[0], user[1]);
            assertThat(browser.currentPath()).as("back to the page asked for").isEqualTo(expectedAfterSignIn);
            browser.get("");
            assertThat(browser.find("h1").getText()).isEqualTo("Case board");
            assertThat(browser.find("[data-testid=signed-in-as]").getText()).isEqualTo(user[0] + " · " + user[1]);
            browser.screenshot(testName + "-" + user[1].toLowerCase());
            browser.signOut();
            assertThat(browser.find("main").getText()).contains("You are signed out");
            browser.get("alerts");
            assertThat(browser.currentPath()).as("signed out means signed out").startsWith("/console/sign-in");
            expectedAfterSignIn = "/console/alerts";
        }

        browser.submitSignIn("not a valid org!", "SPECIALIST");
        assertThat(browser.await("[data-testid=field-error]", EVENTUALLY).getText()).contains("organization id");
        assertThat(browser.find("#org").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.currentPath()).startsWith("/console/sign-in");
    }

    @Test
    void theSeedCaseTurnsReadyOnTheOpenBoardWithoutAReload() {
        SeedStory story = new SeedStory(system, newCaseId());
        story.requestAll();
        story.approveAll();
        story.deliver("2026-12-08T08:00:00-05:00", "2026-12-08T11:00:00-05:00");
        await().atMost(EVENTUALLY).until(() -> story.readiness().status() == 200);

        browser.signIn("SPEC-1", "SPECIALIST");
        browser.get("?q=" + story.caseId);
        String row = "[data-testid=case-row][data-case-id='" + story.caseId + "']";
        assertThat(browser.find(row + " [data-testid=readiness-state]").getText()).isEqualTo("Not ready");
        assertThat(browser.find(row + " [data-testid=pillar-nursing]").getAttribute("data-state")).isEqualTo("APPROVED");
        browser.assertNoSeriousAccessibilityViolation();
        browser.script("window.consoleNeverReloaded = true;");

        story.confirmVisit("2026-12-08T14:00:00-05:00");
        long readyInApi = awaitMillis(() -> "READY".equals(story.readiness().json().path("state").asString()));
        browser.waitUntil(Duration.ofSeconds(20), () -> "Ready".equals(
                browser.find(row + " [data-testid=readiness-state]").getText()));
        long readyOnPage = System.currentTimeMillis();

        assertThat(browser.script("return window.consoleNeverReloaded === true;")).as("updated in place").isEqualTo(true);
        assertThat(readyOnPage - readyInApi).as("ms from READY in the API to READY on the open board").isLessThan(2000);
        browser.screenshot(testName + "-ready");

        browser.find(row + " a.case-link").click();
        assertThat(browser.await("[data-testid=summary]", EVENTUALLY).getText()).isEqualTo(SUMMARY);
        assertThat(browser.find("[data-testid=readiness-state]").getAttribute("data-state")).isEqualTo("READY");
        assertThat(browser.find("[data-testid=history-entry]").getText()).contains("v1", "Ready to schedule");
        assertThat(browser.find("[data-testid=timeline]").getAttribute("aria-label"))
                .contains("Drug delivery Tue Dec 8 08:00–11:00", "Nurse visit Tue Dec 8 14:00–18:00");
        assertThat(browser.findAll("[data-testid=timeline] rect")).hasSizeGreaterThanOrEqualTo(3);
        browser.assertNoSeriousAccessibilityViolation();
    }

    @Test
    void aBlockerSaysInWordsWhichOrganizationMustAct() {
        SeedStory story = new SeedStory(system, newCaseId());
        story.requestAll();
        story.approveNursing();
        story.confirmVisit("2026-12-08T14:00:00-05:00");
        await().atMost(EVENTUALLY).until(() -> story.readiness().status() == 200 && !story.readiness().json()
                .path("blockers").findValuesAsString("code").contains("NURSE_VISIT_NOT_CONFIRMED"));

        browser.signIn("SPEC-1", "SPECIALIST");
        browser.get("cases/" + story.caseId);

        assertThat(browser.find("[data-testid=readiness-state]").getAttribute("data-state")).isEqualTo("NOT_READY");
        assertThat(browser.find("[data-testid=blocker][data-code=DRUG_AUTH_NOT_APPROVED]").getText())
                .contains("Payer PAYER-ABC must decide");
        assertThat(browser.find("[data-testid=blocker][data-code=DRUG_DELIVERY_NOT_SCHEDULED]").getText())
                .contains("Pharmacy PHARM-1 must post a delivery ETA");
        assertThat(browser.find("[data-testid=pillar-drug]").getAttribute("data-state")).isEqualTo("REQUESTED");
        assertThat(browser.find("[data-testid=pillar-nursing]").getAttribute("data-state")).isEqualTo("APPROVED");
        assertThat(browser.find("[data-testid=pillar-supplies]").getAttribute("data-state")).isEqualTo("NOT_REQUIRED");
        assertThat(browser.find("[data-testid=summary]").getText()).startsWith("Not ready to schedule");
        browser.assertNoSeriousAccessibilityViolation();
    }

    @Test
    void aPharmacyPostsAnEtaThroughTheFormAndSeesTheRefusalBesideItsField() {
        SeedStory story = new SeedStory(system, newCaseId());
        story.requestAll();
        story.approveAll();
        await().atMost(EVENTUALLY).until(() -> story.readiness().status() == 200);

        browser.signIn("PHARM-1", "PHARMACY");
        browser.get("cases/" + story.caseId);
        fill("#drug-etaStart", "2026-12-08T08:00-05:00");
        fill("#drug-etaEnd", "2026-12-08T11:00-05:00");
        fill("#drug-beyondUseAt", "2026-12-08T10:00-05:00");
        browser.find("[data-testid=drug-delivery-form] button[type=submit]").click();

        WebElement error = browser.await("[data-testid=field-error][data-field=beyondUseAt]", EVENTUALLY);
        assertThat(error.getText()).contains("BEYOND_USE_BEFORE_DELIVERY");
        assertThat(browser.find("#drug-beyondUseAt").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#drug-beyondUseAt").getAttribute("aria-describedby")).contains(error.getAttribute("id"));
        assertThat(browser.find("#drug-etaStart").getAttribute("value")).as("the input is kept")
                .isEqualTo("2026-12-08T08:00-05:00");
        assertThat(system.drug().get("/api/drug-authorizations/" + story.drugId, SeedStory.PHARMACY).json()
                .path("delivery").isObject()).as("nothing was saved").isFalse();
        browser.scrollTo("[data-testid=drug-delivery-form]");
        browser.screenshot(testName + "-refused");
        browser.assertNoSeriousAccessibilityViolation();

        fill("#drug-beyondUseAt", "2026-12-09T08:00-05:00");
        browser.find("[data-testid=drug-delivery-form] button[type=submit]").click();

        assertThat(browser.await("[data-testid=notice]", EVENTUALLY).getText()).isEqualTo("Delivery ETA saved");
        assertThat(browser.findAll("[data-testid=field-error]")).isEmpty();
        JsonNode drug = system.drug().get("/api/drug-authorizations/" + story.drugId, SeedStory.PHARMACY).json();
        assertThat(OffsetDateTime.parse(drug.path("delivery").path("etaEnd").asString()))
                .isEqualTo(OffsetDateTime.parse("2026-12-08T11:00-05:00"));
        browser.waitUntil(EVENTUALLY, () -> browser.find("[data-testid=pillar-drug]").getText()
                .contains("Delivery Tue Dec 8 08:00–11:00"));
    }

    @Test
    void anAgencyCancelsTheVisitAndThePageShowsTheWithdrawal() {
        SeedStory story = new SeedStory(system, newCaseId()).playToReady();
        await().atMost(EVENTUALLY).until(() -> "READY".equals(story.readiness().json().path("state").asString()));

        browser.signIn("HHA-7", "AGENCY");
        browser.get("cases/" + story.caseId);
        assertThat(browser.find("[data-testid=readiness-state]").getAttribute("data-state")).isEqualTo("READY");
        browser.assertNoSeriousAccessibilityViolation();

        browser.find("[data-testid=cancel-visit]").click();

        assertThat(browser.await("[data-testid=notice]", EVENTUALLY).getText()).isEqualTo("Visit cancelled");
        browser.waitUntil(EVENTUALLY, () -> "NOT_READY".equals(
                browser.find("[data-testid=readiness-state]").getAttribute("data-state")));
        browser.waitUntil(EVENTUALLY, () -> !browser.findAll("[data-testid=history-entry][data-type=ReadinessWithdrawn]").isEmpty());
        assertThat(browser.find("[data-testid=blocker][data-code=NURSE_VISIT_NOT_CONFIRMED]").getText())
                .contains("Agency HHA-7 must confirm a nurse visit");
        assertThat(browser.find("[data-testid=history-entry][data-type=ReadinessWithdrawn]").getText())
                .contains("v2", "NURSE_VISIT_NOT_CONFIRMED");
        browser.scrollTo("[data-testid=history-entry]");
        assertThat(browser.find("[data-testid=pillar-nursing]").getText()).contains("No visit confirmed");
    }

    @Test
    void theWorklistShowsACaseAtRisk() {
        SeedStory story = new SeedStory(system, newCaseId());
        OffsetDateTime visit = OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusHours(20).truncatedTo(ChronoUnit.MINUTES);
        story.requestAll();
        story.approveNursing();
        story.confirmVisit(visit.toString());
        await().atMost(EVENTUALLY).until(() -> system.coordinator().get("/api/alerts?caseId=" + story.caseId,
                SeedStory.SPECIALIST).json().findValuesAsString("type").contains("CaseAtRisk"));

        browser.signIn("SPEC-1", "SPECIALIST");
        browser.get("alerts");
        WebElement alert = browser.find("[data-testid=alert][data-type=CaseAtRisk][data-case-id='" + story.caseId + "']");
        assertThat(alert.getText()).contains("CaseAtRisk", story.caseId, "PHARM-1");
        browser.assertNoSeriousAccessibilityViolation();
        browser.screenshot(testName + "-worklist");

        browser.get("?filter=AT_RISK&q=" + story.caseId);
        assertThat(browser.findAll("[data-testid=case-row][data-case-id='" + story.caseId + "']")).hasSize(1);
        browser.get("?filter=READY&q=" + story.caseId);
        assertThat(browser.findAll("[data-testid=case-row]")).isEmpty();

        browser.get("cases/" + story.caseId);
        assertThat(browser.find("[data-testid=alert][data-type=CaseAtRisk]").getText()).contains("PAYER-ABC");
    }

    @Test
    void anotherOrganizationsCaseIsNeverVisible() {
        SeedStory story = new SeedStory(system, newCaseId());
        story.requestAll();
        await().atMost(EVENTUALLY).until(() -> story.readiness().status() == 200);

        for (String[] outsider : List.of(new String[] {"SPEC-2", "SPECIALIST"}, new String[] {"PHARM-2", "PHARMACY"})) {
            browser.signIn(outsider[0], outsider[1]);
            browser.get("?q=" + story.caseId);
            assertThat(browser.findAll("[data-testid=case-row]")).as(outsider[0] + "'s board").isEmpty();
            browser.get("cases/" + story.caseId);
            assertThat(browser.find("[data-testid=not-found]").getText()).contains("No case " + story.caseId, "visible to your organization");
            assertThat(browser.findAll("[data-testid=pillar-drug]")).isEmpty();
            browser.get("cases/" + story.caseId + "/live");
            assertThat(browser.driver.getPageSource()).doesNotContain("PT-88", "pillar-drug");
            browser.screenshot(testName + "-" + outsider[0]);
            browser.get("");
            browser.signOut();
        }
        // The API agrees: the console shows exactly what the user's token may read.
        assertThat(system.coordinator().get("/api/cases/" + story.caseId + "/readiness",
                TestTokens.bearer("SPEC-2", "SPECIALIST")).status()).isEqualTo(404);

        browser.signIn("PHARM-1", "PHARMACY");
        browser.get("?q=" + story.caseId);
        assertThat(browser.findAll("[data-testid=case-row][data-case-id='" + story.caseId + "']")).hasSize(1);
    }

    @Test
    void theBoardAndTheCasePageFitA390PixelWideScreen() {
        SeedStory story = new SeedStory(system, newCaseId()).playToReady();
        await().atMost(EVENTUALLY).until(() -> "READY".equals(story.readiness().json().path("state").asString()));
        browser.resize(390, 844);

        browser.signIn("SPEC-1", "SPECIALIST");
        assertThat(viewportWidth()).isLessThanOrEqualTo(390);
        for (String page : List.of("", "?q=" + story.caseId, "alerts", "cases/" + story.caseId)) {
            browser.get(page);
            assertThat(horizontalOverflow()).as("horizontal scroll on /console/" + page).isLessThanOrEqualTo(0L);
        }
        browser.get("?q=" + story.caseId);
        browser.screenshot(testName + "-board");
        browser.signOut();
        browser.signIn("PHARM-1", "PHARMACY");
        browser.get("cases/" + story.caseId);
        assertThat(horizontalOverflow()).as("the case page with the pharmacy's form").isLessThanOrEqualTo(0L);
        browser.assertNoSeriousAccessibilityViolation();
    }

    @Test
    void theConsoleIsUsableWithTheKeyboardAlone() {
        SeedStory story = new SeedStory(system, newCaseId()).playToReady();
        await().atMost(EVENTUALLY).until(() -> "READY".equals(story.readiness().json().path("state").asString()));
        browser.signIn("SPEC-1", "SPECIALIST");
        browser.get("?q=" + story.caseId);

        browser.find("body").sendKeys(Keys.TAB);
        WebElement first = browser.driver.switchTo().activeElement();
        assertThat(first.getText()).isEqualTo("Skip to content");
        assertThat(first.getCssValue("outline-style")).as("visible focus").isNotEqualTo("none");
        // Tab through the page to the case's link and open it with Enter.
        for (int i = 0; i < 40; i++) {
            WebElement focused = browser.driver.switchTo().activeElement();
            if (story.caseId.equals(focused.getText())) {
                assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
                focused.sendKeys(Keys.ENTER);
                break;
            }
            focused.sendKeys(Keys.TAB);
        }
        assertThat(browser.await("[data-testid=summary]", EVENTUALLY).getText()).isEqualTo(SUMMARY);
    }

    private void fill(String css, String value) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(value);
    }

    private long viewportWidth() {
        return ((Number) browser.script("return window.innerWidth;")).longValue();
    }

    private long horizontalOverflow() {
        return ((Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
    }

    private static long awaitMillis(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(50)).until(condition);
        return System.currentTimeMillis();
    }

    private static String newCaseId() {
        return "UI-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
