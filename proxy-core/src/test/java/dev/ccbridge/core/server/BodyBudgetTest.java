package dev.ccbridge.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bytes-in-flight budget: reserve, wait in line, refuse, give back; the alone rule. */
class BodyBudgetTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void whatIsReservedIsGivenBackOnceWhicheverWayTheRequestEnds() throws Exception {
        var budget = new BodyBudget(10 * MIB, Duration.ofMillis(50));
        var one = budget.reserve(3 * MIB);
        var two = budget.reserve(2 * MIB + 1);
        assertThat(budget.inFlight()).isEqualTo(5 * MIB + 1024);

        one.close();
        one.close(); // closed again by a second path: nothing is given back twice
        assertThat(budget.inFlight()).isEqualTo(2 * MIB + 1024);
        two.close();
        assertThat(budget.inFlight()).isZero();
        assertThat(budget.reserve(10 * MIB).bytes()).as("all of it is free again").isEqualTo(10 * MIB);
    }

    @Test
    void aRequestThatDoesNotFitWaitsThenIsRefusedWithAWhenToComeBack() throws Exception {
        var budget = new BodyBudget(10 * MIB, Duration.ofMillis(200));
        try (var running = budget.reserve(8 * MIB)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> budget.reserve(4 * MIB)).isInstanceOfSatisfying(BodyBudget.Full.class,
                    full -> assertThat(full.retryAfter()).isPositive());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(budget.inFlight()).as("the refused one holds nothing").isEqualTo(8 * MIB);
            assertThat(budget.reserve(2 * MIB).bytes()).as("what still fits goes in").isEqualTo(2 * MIB);
        }
    }

    @Test
    void aWaitingRequestGoesInAsSoonAsRoomIsGivenBack() throws Exception {
        var budget = new BodyBudget(10 * MIB, Duration.ofSeconds(10));
        var running = budget.reserve(8 * MIB);
        CompletableFuture<BodyBudget.Reservation> waiting = CompletableFuture.supplyAsync(() -> reserve(budget, 4 * MIB));
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        running.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(4 * MIB);
    }

    @Test
    void aRequestLargerThanTheWholeBudgetRunsAloneOnceTheOthersHaveEnded() throws Exception {
        var budget = new BodyBudget(10 * MIB, Duration.ofSeconds(10));
        var small = budget.reserve(MIB);
        CompletableFuture<BodyBudget.Reservation> huge = CompletableFuture.supplyAsync(() -> reserve(budget, 31 * MIB));
        Thread.sleep(100);
        assertThat(huge).as("not beside another request").isNotDone();

        small.close();
        var alone = huge.get(5, TimeUnit.SECONDS);
        assertThat(alone.bytes()).as("it holds the whole budget").isEqualTo(10 * MIB);
        assertThatCode(() -> new BodyBudget(10 * MIB, Duration.ofMillis(10)).reserve(31 * MIB).close())
                .as("never refused for its size alone").doesNotThrowAnyException();
        alone.close();
        assertThat(budget.inFlight()).isZero();
    }

    @Test
    void aLargeRequestFirstInLineIsNotOvertakenBySmallOnesArrivingAfterIt() throws Exception {
        var budget = new BodyBudget(10 * MIB, Duration.ofSeconds(10));
        var running = budget.reserve(6 * MIB);
        List<String> order = new CopyOnWriteArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var large = threads.submit(() -> {
                try (var r = reserve(budget, 8 * MIB)) {
                    order.add("large");
                }
            });
            await().until(() -> budget.inFlight() == 6 * MIB && order.isEmpty());
            Thread.sleep(50);
            var small = threads.submit(() -> {
                try (var r = reserve(budget, MIB)) {
                    order.add("small");
                }
            });
            Thread.sleep(100);
            assertThat(order).as("the small one fits, but waits behind the large one").isEmpty();
            running.close();
            large.get(5, TimeUnit.SECONDS);
            small.get(5, TimeUnit.SECONDS);
        }
        // Once the large one is in, both run at once (8 + 1 fit), so which records itself first is a race.
        assertThat(order).containsExactlyInAnyOrder("large", "small");
        assertThat(budget.inFlight()).isZero();
    }

    @Test
    void aBodyWithoutADeclaredLengthGrowsItsRoomWithoutWaiting() throws Exception {
        var budget = new BodyBudget(10 * MIB, Duration.ofSeconds(10));
        try (var other = budget.reserve(4 * MIB); var chunked = budget.reserve(0)) {
            chunked.grow(5 * MIB);
            assertThat(budget.inFlight()).isEqualTo(9 * MIB);
            long start = System.nanoTime();
            assertThatThrownBy(() -> chunked.grow(7 * MIB)).isInstanceOf(BodyBudget.Full.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(chunked.bytes()).isEqualTo(5 * MIB);
        }
        assertThat(budget.inFlight()).isZero();
    }

    @Test
    void theDefaultBudgetComesFromTheHeapAndLeavesRoomForEverythingElse() {
        long heap = 256 * MIB;
        long budget = BodyBudget.forHeap(heap);
        assertThat(budget * BodyBudget.HEAP_PER_BODY_BYTE + BodyBudget.RESERVED_HEAP).isLessThanOrEqualTo(heap);
        assertThat(BodyBudget.forHeap(512 * MIB)).isGreaterThan(budget);
        assertThat(BodyBudget.forHeap(32 * MIB)).as("a floor for tiny heaps").isEqualTo(BodyBudget.MIN_BYTES);
    }

    @Test
    void manyRequestsEndingEveryWayLeaveNothingReserved() throws Exception {
        var budget = new BodyBudget(10 * MIB, Duration.ofMillis(20));
        List<CompletableFuture<Void>> all = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 400; i++) {
                long size = (i % 7) * MIB + i;
                boolean fails = i % 5 == 0;
                all.add(CompletableFuture.runAsync(() -> {
                    try (var r = budget.reserve(size)) {
                        r.grow(size + MIB);
                        if (fails) {
                            throw new IllegalStateException("the exchange failed");
                        }
                    } catch (BodyBudget.Full | IllegalStateException expected) {
                        // refused or failed: either way nothing may stay reserved
                    }
                }, threads));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertThat(budget.inFlight()).isZero();
    }

    private static BodyBudget.Reservation reserve(BodyBudget budget, long bytes) {
        try {
            return budget.reserve(bytes);
        } catch (BodyBudget.Full e) {
            throw new AssertionError("refused", e);
        }
    }
}
