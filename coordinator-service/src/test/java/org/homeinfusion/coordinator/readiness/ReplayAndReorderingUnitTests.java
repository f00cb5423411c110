package org.homeinfusion.coordinator.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Kafka delivers pillar events at least once and only ordered per partition; these properties pin
 * down that neither duplicates, nor replays, nor reordering can change a verdict or add an event.
 */
class ReplayAndReorderingUnitTests {

    private static final ReadinessPolicy POLICY = new ReadinessPolicy();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    private final CaseReadinessSaga saga = new CaseReadinessSaga(POLICY, CLOCK);

    @Property(edgeCases = EdgeCasesMode.NONE)
    void shufflingAndDuplicatingCopiesNeverChangesTheCaseOrItsReadiness(
            @ForAll("histories") List<Authorization> history, @ForAll Random random) {
        CaseAuthorizations inOrder = CaseAuthorizations.of(history);
        CaseAuthorizations scrambled = CaseAuthorizations.of(scramble(history, random));

        Readiness readiness = POLICY.evaluate(inOrder);
        Statistics.label("verdict").collect(readiness.state());
        Statistics.label("verdict").coverage(coverage -> coverage.check(ReadinessState.READY).percentage(p -> p > 20));

        assertThat(scrambled).isEqualTo(inOrder);
        assertThat(POLICY.evaluate(scrambled)).isEqualTo(readiness);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void replayingTheSameCopiesAgainEmitsNothing(@ForAll("histories") List<Authorization> history, @ForAll Random random) {
        List<Authorization> delivered = scramble(history, random);
        Run first = run(Run.start(), delivered);

        Run replayed = run(first, delivered);
        Run replayedInAnotherOrder = run(replayed, scramble(history, random));

        assertThat(replayed.emissions()).isEmpty();
        assertThat(replayed.recorded()).isEqualTo(first.recorded());
        assertThat(replayedInAnotherOrder.emissions()).isEmpty();
        assertThat(replayedInAnotherOrder.recorded()).isEqualTo(first.recorded());
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void readinessVersionGrowsByExactlyOnePerEmission(@ForAll("histories") List<Authorization> history, @ForAll Random random) {
        Run run = run(Run.start(), scramble(history, random));
        List<Emission> emissions = run.emissions();
        Statistics.label("emissions").collect(Math.min(emissions.size(), 3));
        Statistics.label("withdrawn at least once")
                .collect(emissions.stream().anyMatch(Emission.ReadinessWithdrawn.class::isInstance));
        Statistics.label("withdrawn at least once").coverage(coverage -> coverage.check(true).percentage(p -> p > 5));

        assertThat(emissions).extracting(Emission::readinessVersion)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, emissions.size()).mapToObj(Long::valueOf).toList());
        assertThat(run.recorded().readinessVersion()).isEqualTo(emissions.size());
        for (int i = 0; i < emissions.size(); i++) {
            if (emissions.get(i) instanceof Emission.ReadinessWithdrawn) {
                assertThat(i).as("a withdrawal follows an announcement").isPositive();
                assertThat(emissions.get(i - 1)).isInstanceOf(Emission.ReadyToSchedule.class);
            }
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void endsAnnouncingTheVerdictOfTheFinalAuthorizationsWhateverTheOrder(
            @ForAll("histories") List<Authorization> history, @ForAll Random random) {
        Run run = run(Run.start(), scramble(history, random));
        Readiness verdict = POLICY.evaluate(CaseAuthorizations.of(history));

        assertThat(run.recorded().state()).isEqualTo(verdict.state());
        assertThat(run.recorded().lastEmittedSchedule()).isEqualTo(verdict.schedule());
        if (verdict.isReady()) {
            assertThat(run.emissions().get(run.emissions().size() - 1))
                    .isEqualTo(new Emission.ReadyToSchedule(run.recorded().readinessVersion(), verdict.schedule(),
                            verdict.summary(), CLOCK.instant()));
        }
    }

    @Property
    void judgesAnyCombinationOfMissingAndOddFieldsWithoutThrowing(@ForAll("anything") List<Authorization> authorizations) {
        Readiness readiness = POLICY.evaluate(CaseAuthorizations.of(authorizations));

        assertThat(readiness.isReady()).isEqualTo(readiness.blockers().isEmpty());
        assertThat(readiness.schedule() != null).isEqualTo(readiness.isReady());
        assertThat(readiness.summary()).isNotBlank();
        assertThat(readiness.blockers())
                .allSatisfy(blocker -> assertThat(blocker.pillar()).isEqualTo(BlockerCode.valueOf(blocker.code()).pillar()))
                .extracting(blocker -> BlockerCode.valueOf(blocker.code()).ordinal())
                .isSorted()
                .doesNotHaveDuplicates();
    }

    private record Run(CaseAuthorizations authorizations, RecordedReadiness recorded, List<Emission> emissions) {

        static Run start() {
            return new Run(CaseAuthorizations.empty(), RecordedReadiness.neverEmitted(), List.of());
        }
    }

    private Run run(Run from, List<Authorization> copies) {
        CaseAuthorizations authorizations = from.authorizations();
        RecordedReadiness recorded = from.recorded();
        List<Emission> emissions = new ArrayList<>();
        for (Authorization copy : copies) {
            CaseReadinessStep step = saga.handle(authorizations, recorded, copy);
            authorizations = step.authorizations();
            recorded = step.recorded();
            step.emission().ifPresent(emissions::add);
        }
        return new Run(authorizations, recorded, emissions);
    }

    /** What at-least-once delivery may make of a history: any order, some copies more than once. */
    private static List<Authorization> scramble(List<Authorization> history, Random random) {
        List<Authorization> scrambled = new ArrayList<>(history);
        int duplicates = random.nextInt(history.size() + 1);
        for (int i = 0; i < duplicates; i++) {
            scrambled.add(history.get(random.nextInt(history.size())));
        }
        Collections.shuffle(scrambled, random);
        return scrambled;
    }

    // Histories: up to two authorizations per pillar, each with up to four versions, built from
    // variations of the seed story so that READY, NOT_READY and the moves between them all occur.

    private static final List<UUID> DRUG_IDS = List.of(new UUID(1, 1), new UUID(1, 2));
    private static final List<UUID> NURSING_IDS = List.of(new UUID(2, 1), new UUID(2, 2));
    private static final List<UUID> SUPPLIES_IDS = List.of(new UUID(3, 1), new UUID(3, 2));

    private static final Visit SEED_VISIT = new Visit(OffsetDateTime.parse("2026-12-08T14:00-05:00"), 240, "Jones");
    private static final Visit LATER_VISIT = new Visit(OffsetDateTime.parse("2026-12-08T16:00-05:00"), 240, "Jones");
    private static final Visit NEXT_DAY_VISIT = new Visit(OffsetDateTime.parse("2026-12-09T14:00-05:00"), 180, "Smith");
    private static final Delivery MORNING = delivery("2026-12-08T08:00-05:00", "2026-12-08T11:00-05:00");
    private static final Delivery NOON = delivery("2026-12-08T11:00-05:00", "2026-12-08T13:30-05:00");
    private static final Delivery DAY_BEFORE = delivery("2026-12-07T09:00-05:00", "2026-12-07T12:00-05:00");
    private static final Window SIX_MONTHS = new Window(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-05-31"));
    private static final Window ONE_WEEK = new Window(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-08"));

    private record Window(LocalDate from, LocalDate to) {
    }

    /** One version's content, waiting for the identity and version it is published under. */
    @FunctionalInterface
    private interface Snapshot {
        Authorization as(UUID id, long version, Instant requestedAt);
    }

    @Provide
    Arbitrary<List<Authorization>> histories() {
        return Combinators.combine(
                        pillarHistories(DRUG_IDS, drugSnapshots()),
                        pillarHistories(NURSING_IDS, nursingSnapshots()),
                        pillarHistories(SUPPLIES_IDS, suppliesSnapshots()))
                .as((drug, nursing, supplies) -> Stream.of(drug, nursing, supplies).flatMap(List::stream).toList());
    }

    /** The first authorization of a pillar is usually there; a re-authorization replacing it less often. */
    private static Arbitrary<List<Authorization>> pillarHistories(List<UUID> ids, Arbitrary<Snapshot> snapshots) {
        return Combinators.combine(
                        history(ids.get(0), snapshots).injectNull(0.06),
                        history(ids.get(1), snapshots).injectNull(0.65))
                .as((first, reauthorization) -> Stream.of(first, reauthorization)
                        .filter(Objects::nonNull)
                        .flatMap(List::stream)
                        .toList());
    }

    /** Versions 1..n of one authorization; requested once, so its request time never changes. */
    private static Arbitrary<List<Authorization>> history(UUID id, Arbitrary<Snapshot> snapshots) {
        Arbitrary<Instant> requestedAt = Arbitraries.of(
                Instant.parse("2026-11-20T15:00:00Z"), Instant.parse("2026-11-25T15:00:00Z"));
        return Combinators.combine(requestedAt, snapshots.list().ofMinSize(1).ofMaxSize(4))
                .as((requested, versions) -> IntStream.range(0, versions.size())
                        .mapToObj(i -> versions.get(i).as(id, i + 1, requested))
                        .toList());
    }

    private static Arbitrary<AuthorizationStatus> payerStatuses() {
        return Arbitraries.frequency(
                Tuple.of(30, AuthorizationStatus.APPROVED),
                Tuple.of(3, AuthorizationStatus.PARTIALLY_APPROVED),
                Tuple.of(1, AuthorizationStatus.PENDED),
                Tuple.of(1, AuthorizationStatus.DENIED),
                Tuple.of(1, AuthorizationStatus.CANCELLED));
    }

    private static Arbitrary<Window> windows() {
        return Arbitraries.frequency(Tuple.of(10, SIX_MONTHS), Tuple.of(1, ONE_WEEK));
    }

    private static Arbitrary<Snapshot> drugSnapshots() {
        return Combinators.combine(
                        payerStatuses(),
                        Arbitraries.frequency(Tuple.of(15, 56), Tuple.of(1, 28)),
                        Arbitraries.frequency(Tuple.of(10, MORNING), Tuple.of(1, NOON)).injectNull(0.05),
                        Arbitraries.of(OffsetDateTime.parse("2026-12-09T08:00-05:00"),
                                OffsetDateTime.parse("2026-12-08T17:00-05:00")).injectNull(0.85),
                        windows(),
                        Arbitraries.of("12345", "12346"))
                .as((status, units, delivery, beyondUseAt, window, number) -> (id, version, requestedAt) ->
                        new DrugAuthorization(id, version, requestedAt, status, number, window.from(), window.to(),
                                units, 56, "PHARM-1", delivery, beyondUseAt));
    }

    private static Arbitrary<Snapshot> nursingSnapshots() {
        return Combinators.combine(
                        payerStatuses(),
                        Arbitraries.frequency(Tuple.of(15, 0), Tuple.of(1, 8)),
                        Arbitraries.frequency(Tuple.of(8, SEED_VISIT), Tuple.of(2, LATER_VISIT), Tuple.of(1, NEXT_DAY_VISIT))
                                .injectNull(0.05),
                        windows(),
                        Arbitraries.of("67890", "67891"))
                .as((status, visitsUsed, visit, window, number) -> (id, version, requestedAt) ->
                        new NursingAuthorization(id, version, requestedAt, status, number, window.from(), window.to(),
                                8, visitsUsed, "HHA-7", visit));
    }

    private static Arbitrary<Snapshot> suppliesSnapshots() {
        Arbitrary<Snapshot> bundled = Arbitraries.frequency(
                        Tuple.of(15, AuthorizationStatus.NOT_REQUIRED), Tuple.of(1, AuthorizationStatus.CANCELLED))
                .map(status -> (id, version, requestedAt) -> new SuppliesAuthorization(id, version, requestedAt,
                        status, Coverage.BUNDLED, "S9338", null, null, null, "PHARM-1", null));
        Arbitrary<Snapshot> separate = Combinators.combine(
                        payerStatuses(),
                        Arbitraries.frequency(Tuple.of(10, DAY_BEFORE), Tuple.of(1, NOON)).injectNull(0.05),
                        windows(),
                        Arbitraries.of("55555", "55556"))
                .as((status, delivery, window, number) -> (id, version, requestedAt) ->
                        new SuppliesAuthorization(id, version, requestedAt, status, Coverage.SEPARATE, null, number,
                                window.from(), window.to(), "SUPPLY-9", delivery));
        return Arbitraries.oneOf(bundled, separate);
    }

    // Anything: every field independently missing or odd, including the ends of the time line.

    @Provide
    Arbitrary<List<Authorization>> anything() {
        return Arbitraries.randomValue(ReplayAndReorderingUnitTests::anyAuthorization).list().ofMaxSize(8);
    }

    private static Authorization anyAuthorization(Random random) {
        UUID id = new UUID(0, random.nextInt(4));
        long version = random.nextInt(3);
        Instant requestedAt = maybe(random, () -> Instant.parse("2026-11-20T00:00:00Z").plusSeconds(3600L * random.nextInt(3)));
        AuthorizationStatus status = maybe(random, () -> pick(random, AuthorizationStatus.values()));
        String number = maybe(random, () -> "N-" + random.nextInt(3));
        LocalDate validFrom = maybe(random, () -> LocalDate.parse("2026-12-01").plusDays(random.nextInt(20) - 10));
        LocalDate validTo = maybe(random, () -> LocalDate.parse("2026-12-08").plusDays(random.nextInt(20) - 10));
        String org = maybe(random, () -> "ORG-" + random.nextInt(2));
        Delivery delivery = maybe(random, () -> new Delivery(maybe(random, () -> anyTime(random)), maybe(random, () -> anyTime(random))));
        return switch (random.nextInt(3)) {
            case 0 -> new DrugAuthorization(id, version, requestedAt, status, number, validFrom, validTo,
                    maybe(random, () -> anyCount(random)), anyCount(random), org, delivery,
                    maybe(random, () -> anyTime(random)));
            case 1 -> new NursingAuthorization(id, version, requestedAt, status, number, validFrom, validTo,
                    maybe(random, () -> anyCount(random)), anyCount(random), org,
                    maybe(random, () -> new Visit(maybe(random, () -> anyTime(random)), anyCount(random),
                            maybe(random, () -> "Nurse " + random.nextInt(2)))));
            default -> new SuppliesAuthorization(id, version, requestedAt, status,
                    maybe(random, () -> pick(random, Coverage.values())), maybe(random, () -> "S9338"), number,
                    validFrom, validTo, org, delivery);
        };
    }

    private static OffsetDateTime anyTime(Random random) {
        return switch (random.nextInt(40)) {
            case 0 -> OffsetDateTime.MIN;
            case 1 -> OffsetDateTime.MAX;
            default -> OffsetDateTime.parse("2026-12-08T12:00Z")
                    .plusMinutes(random.nextInt(4 * 24 * 60) - 2 * 24 * 60)
                    .withOffsetSameInstant(ZoneOffset.ofHours(random.nextInt(27) - 12));
        };
    }

    private static int anyCount(Random random) {
        return switch (random.nextInt(30)) {
            case 0 -> Integer.MIN_VALUE;
            case 1 -> Integer.MAX_VALUE;
            default -> random.nextInt(300) - 10;
        };
    }

    private static <T> T maybe(Random random, Supplier<T> value) {
        return random.nextInt(5) == 0 ? null : value.get();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Delivery delivery(String etaStart, String etaEnd) {
        return new Delivery(OffsetDateTime.parse(etaStart), OffsetDateTime.parse(etaEnd));
    }
}
