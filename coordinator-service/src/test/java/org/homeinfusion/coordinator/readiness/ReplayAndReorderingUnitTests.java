package org.homeinfusion.coordinator.readiness;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Kafka delivers pillar events at least once and only ordered per partition; these tests pin down
 * that neither duplicates, nor replays, nor reordering can change a verdict or add an event.
 *
 * <p>Each test checks its rule for {@value #TRIES} randomly generated cases. They are plain JUnit
 * tests over a seeded {@link Random} rather than property-based tests: the project no longer uses
 * jqwik (its author asked that AI agents not use it), and a seed is all it takes to reproduce a try.
 * A failure names its seed; {@code -Dreplay.seed=<seed>} reruns that one try alone.
 */
class ReplayAndReorderingUnitTests {

    private static final ReadinessPolicy POLICY = new ReadinessPolicy();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    private final CaseReadinessSaga saga = new CaseReadinessSaga(POLICY, CLOCK);

    @Test
    void shufflingAndDuplicatingCopiesNeverChangesTheCaseOrItsReadiness() {
        Map<ReadinessState, Integer> verdicts = new EnumMap<>(ReadinessState.class);

        forEverySeed(ReplayAndReorderingUnitTests::history, (history, random) -> {
            CaseAuthorizations inOrder = CaseAuthorizations.of(history);
            CaseAuthorizations scrambled = CaseAuthorizations.of(scramble(history, random));

            Readiness readiness = POLICY.evaluate(inOrder);
            verdicts.merge(readiness.state(), 1, Integer::sum);

            assertThat(scrambled).isEqualTo(inOrder);
            assertThat(POLICY.evaluate(scrambled)).isEqualTo(readiness);
        });

        if (!replaying()) {
            assertThat(percentage(verdicts.getOrDefault(ReadinessState.READY, 0)))
                    .as("percentage of READY verdicts, so the rules are tested on ready cases too: %s", verdicts)
                    .isGreaterThan(20);
        }
    }

    @Test
    void replayingTheSameCopiesAgainEmitsNothing() {
        forEverySeed(ReplayAndReorderingUnitTests::history, (history, random) -> {
            List<Authorization> delivered = scramble(history, random);
            Run first = run(Run.start(), delivered);

            Run replayed = run(first, delivered);
            Run replayedInAnotherOrder = run(replayed, scramble(history, random));

            assertThat(replayed.emissions()).isEmpty();
            assertThat(replayed.recorded()).isEqualTo(first.recorded());
            assertThat(replayedInAnotherOrder.emissions()).isEmpty();
            assertThat(replayedInAnotherOrder.recorded()).isEqualTo(first.recorded());
        });
    }

    @Test
    void readinessVersionGrowsByExactlyOnePerEmission() {
        int[] withdrawnAtLeastOnce = {0};

        forEverySeed(ReplayAndReorderingUnitTests::history, (history, random) -> {
            Run run = run(Run.start(), scramble(history, random));
            List<Emission> emissions = run.emissions();
            if (emissions.stream().anyMatch(Emission.ReadinessWithdrawn.class::isInstance)) {
                withdrawnAtLeastOnce[0]++;
            }

            assertThat(emissions).extracting(Emission::readinessVersion)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, emissions.size()).mapToObj(Long::valueOf).toList());
            assertThat(run.recorded().readinessVersion()).isEqualTo(emissions.size());
            for (int i = 0; i < emissions.size(); i++) {
                if (emissions.get(i) instanceof Emission.ReadinessWithdrawn) {
                    assertThat(i).as("a withdrawal follows an announcement").isPositive();
                    assertThat(emissions.get(i - 1)).isInstanceOf(Emission.ReadyToSchedule.class);
                }
            }
        });

        if (!replaying()) {
            assertThat(percentage(withdrawnAtLeastOnce[0]))
                    .as("percentage of tries withdrawing readiness at least once (%d of %d)", withdrawnAtLeastOnce[0], TRIES)
                    .isGreaterThan(5);
        }
    }

    @Test
    void endsAnnouncingTheVerdictOfTheFinalAuthorizationsWhateverTheOrder() {
        forEverySeed(ReplayAndReorderingUnitTests::history, (history, random) -> {
            Run run = run(Run.start(), scramble(history, random));
            Readiness verdict = POLICY.evaluate(CaseAuthorizations.of(history));

            assertThat(run.recorded().state()).isEqualTo(verdict.state());
            assertThat(run.recorded().lastEmittedSchedule()).isEqualTo(verdict.schedule());
            if (verdict.isReady()) {
                assertThat(run.emissions().get(run.emissions().size() - 1))
                        .isEqualTo(new Emission.ReadyToSchedule(run.recorded().readinessVersion(), verdict.schedule(),
                                verdict.summary(), CLOCK.instant()));
            }
        });
    }

    @Test
    void judgesAnyCombinationOfMissingAndOddFieldsWithoutThrowing() {
        forEverySeed(ReplayAndReorderingUnitTests::anything, (authorizations, random) -> {
            Readiness readiness = POLICY.evaluate(CaseAuthorizations.of(authorizations));

            assertThat(readiness.isReady()).isEqualTo(readiness.blockers().isEmpty());
            assertThat(readiness.schedule() != null).isEqualTo(readiness.isReady());
            assertThat(readiness.summary()).isNotBlank();
            assertThat(readiness.blockers())
                    .allSatisfy(blocker -> assertThat(blocker.pillar()).isEqualTo(BlockerCode.valueOf(blocker.code()).pillar()))
                    .extracting(blocker -> BlockerCode.valueOf(blocker.code()).ordinal())
                    .isSorted()
                    .doesNotHaveDuplicates();
        });
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

    // Seeds: one java.util.Random per try, so that any try can be rerun on its own.

    private static final int TRIES = 1_000;
    private static final long FIRST_SEED = 20_261_201L;
    private static final String REPLAY_SEED = "replay.seed";

    /**
     * Generates an input from each seed's {@link Random} and checks the rule on it with the same
     * {@code Random} (for shuffling). A failing try is reported with its seed and input.
     */
    private static <T> void forEverySeed(Function<Random, T> generator, BiConsumer<T, Random> rule) {
        seeds().forEach(seed -> {
            Random random = new Random(seed);
            T input = generator.apply(random);
            try {
                rule.accept(input, random);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("Failed for seed %d (rerun just this try with -D%s=%d)%nInput: %s%n%s"
                        .formatted(seed, REPLAY_SEED, seed, input, failure.getMessage()), failure);
            }
        });
    }

    /**
     * {@value #TRIES} seeds, a golden-ratio step apart: consecutive seeds would give Randoms whose
     * first values are nearly the same, so every try would start with the same choices.
     */
    private static LongStream seeds() {
        return replaying()
                ? LongStream.of(Long.getLong(REPLAY_SEED))
                : LongStream.range(0, TRIES).map(i -> FIRST_SEED + i * 0x9E3779B97F4A7C15L);
    }

    /** Rerunning one try says nothing about how often the generators reach a case, so coverage is not checked then. */
    private static boolean replaying() {
        return Long.getLong(REPLAY_SEED) != null;
    }

    private static double percentage(int count) {
        return 100.0 * count / TRIES;
    }

    // Histories: up to two authorizations per pillar, each with up to four versions, built from
    // variations of the seed story so that READY, NOT_READY and the moves between them all occur.

    private static final List<UUID> DRUG_IDS = List.of(new UUID(1, 1), new UUID(1, 2));
    private static final List<UUID> NURSING_IDS = List.of(new UUID(2, 1), new UUID(2, 2));
    private static final List<UUID> SUPPLIES_IDS = List.of(new UUID(3, 1), new UUID(3, 2));

    private static final List<Instant> REQUEST_TIMES = List.of(
            Instant.parse("2026-11-20T15:00:00Z"), Instant.parse("2026-11-25T15:00:00Z"));
    private static final Visit SEED_VISIT = new Visit(OffsetDateTime.parse("2026-12-08T14:00-05:00"), 240, "Jones");
    private static final Visit LATER_VISIT = new Visit(OffsetDateTime.parse("2026-12-08T16:00-05:00"), 240, "Jones");
    private static final Visit NEXT_DAY_VISIT = new Visit(OffsetDateTime.parse("2026-12-09T14:00-05:00"), 180, "Smith");
    private static final Delivery MORNING = delivery("2026-12-08T08:00-05:00", "2026-12-08T11:00-05:00");
    private static final Delivery NOON = delivery("2026-12-08T11:00-05:00", "2026-12-08T13:30-05:00");
    private static final Delivery DAY_BEFORE = delivery("2026-12-07T09:00-05:00", "2026-12-07T12:00-05:00");
    private static final List<OffsetDateTime> BEYOND_USE_TIMES = List.of(
            OffsetDateTime.parse("2026-12-09T08:00-05:00"), OffsetDateTime.parse("2026-12-08T17:00-05:00"));
    private static final Window SIX_MONTHS = new Window(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-05-31"));
    private static final Window ONE_WEEK = new Window(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-08"));

    private record Window(LocalDate from, LocalDate to) {
    }

    /** One version's content, published under the given identity and version. */
    @FunctionalInterface
    private interface Snapshots {
        Authorization next(Random random, UUID id, long version, Instant requestedAt);
    }

    private static List<Authorization> history(Random random) {
        return Stream.of(
                        pillarHistory(random, DRUG_IDS, ReplayAndReorderingUnitTests::drugSnapshot),
                        pillarHistory(random, NURSING_IDS, ReplayAndReorderingUnitTests::nursingSnapshot),
                        pillarHistory(random, SUPPLIES_IDS, ReplayAndReorderingUnitTests::suppliesSnapshot))
                .flatMap(List::stream)
                .toList();
    }

    /** The first authorization of a pillar is usually there; a re-authorization replacing it less often. */
    private static List<Authorization> pillarHistory(Random random, List<UUID> ids, Snapshots snapshots) {
        List<Authorization> history = new ArrayList<>();
        if (random.nextDouble() >= 0.06) {
            history.addAll(versions(random, ids.get(0), snapshots));
        }
        if (random.nextDouble() >= 0.65) {
            history.addAll(versions(random, ids.get(1), snapshots));
        }
        return history;
    }

    /** Versions 1..n of one authorization, n up to four; requested once, so its request time never changes. */
    private static List<Authorization> versions(Random random, UUID id, Snapshots snapshots) {
        Instant requestedAt = pick(random, REQUEST_TIMES);
        int count = 1 + random.nextInt(4);
        List<Authorization> versions = new ArrayList<>();
        for (long version = 1; version <= count; version++) {
            versions.add(snapshots.next(random, id, version, requestedAt));
        }
        return versions;
    }

    private static AuthorizationStatus payerStatus(Random random) {
        return weighted(random,
                entry(30, AuthorizationStatus.APPROVED),
                entry(3, AuthorizationStatus.PARTIALLY_APPROVED),
                entry(1, AuthorizationStatus.PENDED),
                entry(1, AuthorizationStatus.DENIED),
                entry(1, AuthorizationStatus.CANCELLED));
    }

    private static Window window(Random random) {
        return weighted(random, entry(10, SIX_MONTHS), entry(1, ONE_WEEK));
    }

    private static Authorization drugSnapshot(Random random, UUID id, long version, Instant requestedAt) {
        AuthorizationStatus status = payerStatus(random);
        int units = weighted(random, entry(15, 56), entry(1, 28));
        Delivery delivery = orNull(random, 0.05, weighted(random, entry(10, MORNING), entry(1, NOON)));
        OffsetDateTime beyondUseAt = orNull(random, 0.85, pick(random, BEYOND_USE_TIMES));
        Window window = window(random);
        String number = pick(random, List.of("12345", "12346"));
        return new DrugAuthorization(id, version, requestedAt, status, number, window.from(), window.to(),
                units, 56, "PHARM-1", delivery, beyondUseAt, null);
    }

    private static Authorization nursingSnapshot(Random random, UUID id, long version, Instant requestedAt) {
        AuthorizationStatus status = payerStatus(random);
        int visitsUsed = weighted(random, entry(15, 0), entry(1, 8));
        Visit visit = orNull(random, 0.05,
                weighted(random, entry(8, SEED_VISIT), entry(2, LATER_VISIT), entry(1, NEXT_DAY_VISIT)));
        Window window = window(random);
        String number = pick(random, List.of("67890", "67891"));
        return new NursingAuthorization(id, version, requestedAt, status, number, window.from(), window.to(),
                8, visitsUsed, "HHA-7", visit, null);
    }

    /** Bundled into the per diem or separately authorized and delivered, half the time each. */
    private static Authorization suppliesSnapshot(Random random, UUID id, long version, Instant requestedAt) {
        if (random.nextBoolean()) {
            AuthorizationStatus status = weighted(random,
                    entry(15, AuthorizationStatus.NOT_REQUIRED), entry(1, AuthorizationStatus.CANCELLED));
            return new SuppliesAuthorization(id, version, requestedAt, status, Coverage.BUNDLED, "S9338",
                    null, null, null, "PHARM-1", null, null);
        }
        AuthorizationStatus status = payerStatus(random);
        Delivery delivery = orNull(random, 0.05, weighted(random, entry(10, DAY_BEFORE), entry(1, NOON)));
        Window window = window(random);
        String number = pick(random, List.of("55555", "55556"));
        return new SuppliesAuthorization(id, version, requestedAt, status, Coverage.SEPARATE, null, number,
                window.from(), window.to(), "SUPPLY-9", delivery, null);
    }

    /** One of the values, each as often as its weight says. */
    @SafeVarargs
    private static <T> T weighted(Random random, Map.Entry<Integer, T>... weightedValues) {
        int roll = random.nextInt(Stream.of(weightedValues).mapToInt(Map.Entry::getKey).sum());
        for (Map.Entry<Integer, T> weightedValue : weightedValues) {
            roll -= weightedValue.getKey();
            if (roll < 0) {
                return weightedValue.getValue();
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    private static <T> T orNull(Random random, double probabilityOfNull, T value) {
        return random.nextDouble() < probabilityOfNull ? null : value;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    // Anything: up to eight authorizations, every field independently missing or odd, including the
    // ends of the time line.

    private static List<Authorization> anything(Random random) {
        return Stream.generate(() -> anyAuthorization(random)).limit(random.nextInt(9)).toList();
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
                    maybe(random, () -> anyTime(random)), null);
            case 1 -> new NursingAuthorization(id, version, requestedAt, status, number, validFrom, validTo,
                    maybe(random, () -> anyCount(random)), anyCount(random), org,
                    maybe(random, () -> new Visit(maybe(random, () -> anyTime(random)), anyCount(random),
                            maybe(random, () -> "Nurse " + random.nextInt(2)))), null);
            default -> new SuppliesAuthorization(id, version, requestedAt, status,
                    maybe(random, () -> pick(random, Coverage.values())), maybe(random, () -> "S9338"), number,
                    validFrom, validTo, org, delivery, null);
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
