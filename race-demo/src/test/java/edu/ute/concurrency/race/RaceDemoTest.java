package edu.ute.concurrency.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.ute.concurrency.race.RaceDemo.Count;
import edu.ute.concurrency.race.RaceDemo.Variant;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RaceDemoTest {

    private static final Pattern UPDATE = Pattern.compile("T(\\d+):(\\d+)->(\\d+)(\\*?)");
    private static final Pattern TOTALS = Pattern.compile("expected (\\d+), observed (\\d+), lost updates (\\d+)");
    private static final Pattern EVENT = Pattern.compile(" *(\\d+)  T(\\d+) +(read|wrote) +(\\d+) *(.*)");
    private static final Pattern SUMMARY_ROW = Pattern.compile("(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+\\.\\d)");

    static Stream<Arguments> fixesAndThreadCounts() {
        List<Arguments> cases = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            if (variant == Variant.UNSYNCHRONIZED) {
                continue;
            }
            for (int threads : new int[] {1, 2, 3, 8}) {
                for (boolean yield : new boolean[] {true, false}) {
                    cases.add(Arguments.of(variant, threads, yield));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1} threads, yield {2}")
    @MethodSource("fixesAndThreadCounts")
    void everyFixCountsExactly(Variant variant, int threads, boolean yield) throws InterruptedException {
        // Enough increments that the unsynchronized count loses updates in this setting (see below).
        Count count = RaceDemo.count(variant, threads, 2_000, yield);

        assertThat(count.expected()).isEqualTo(threads * 2_000L);
        assertThat(count.observed()).isEqualTo(count.expected());
        assertThat(count.lostUpdates()).isZero();
    }

    @Test
    void oneThreadAloneLosesNothingEvenUnsynchronized() throws InterruptedException {
        Count count = RaceDemo.count(Variant.UNSYNCHRONIZED, 1, 5_000, true);

        assertThat(count.observed()).isEqualTo(5_000);
    }

    @Test
    void unsynchronizedCountNeverExceedsExpectedAndReportsItsLosses() throws InterruptedException {
        Count count = RaceDemo.count(Variant.UNSYNCHRONIZED, 4, 2_000, true);

        // Whether updates are lost depends on the scheduler; the bookkeeping must be right either way.
        assertThat(count.observed()).isBetween(1L, 8_000L);
        assertThat(count.lostUpdates()).isEqualTo(8_000 - count.observed());
    }

    @Test
    void timeOrderViewIsTheDefaultAndItsMarksAddUpToTheLostUpdates() {
        Run run = run("--threads", "3", "--increments", "300", "--events", "1800");

        assertThat(run.code).isZero();
        assertThat(run.err).isEmpty();
        List<String> lines = run.out.lines().toList();
        assertThat(lines.get(1)).startsWith("In time order (");

        int events = 0;
        long marked = 0;
        Map<Integer, Long> lastRead = new HashMap<>();
        Map<Integer, Integer> writes = new HashMap<>();
        for (String line : lines) {
            Matcher e = EVENT.matcher(line);
            if (!e.matches()) {
                continue;
            }
            assertThat(Integer.parseInt(e.group(1))).isEqualTo(++events);
            int thread = Integer.parseInt(e.group(2));
            long value = Long.parseLong(e.group(4));
            if (e.group(3).equals("read")) {
                assertThat(lastRead.put(thread, value)).as("read twice without a write: " + line).isNull();
            } else {
                // Every write is the thread's own read plus one.
                assertThat(lastRead.remove(thread)).as(line).isEqualTo(value - 1);
                writes.merge(thread, 1, Integer::sum);
            }
            marked += lostIn(e.group(5));
        }
        assertThat(events).isEqualTo(1800);
        assertThat(writes).containsOnlyKeys(1, 2, 3).allSatisfy((thread, n) -> assertThat(n).isEqualTo(300));

        Matcher totals = lines.stream().map(TOTALS::matcher).filter(Matcher::matches).findFirst().orElseThrow();
        long expected = Long.parseLong(totals.group(1));
        long observed = Long.parseLong(totals.group(2));
        assertThat(marked).isEqualTo(expected - observed).isEqualTo(Long.parseLong(totals.group(3)));
        assertThat(run.out.contains("No update was lost")).isEqualTo(observed == expected);
    }

    @Test
    void recordedRunMarksExactlyTheUpdatesTheCounterLost() throws InterruptedException {
        // The identity must hold on every run; look for one that lost something, so it is not 0 = 0.
        for (int attempt = 0; attempt < 10; attempt++) {
            Timeline timeline = RaceDemo.recordUnsynchronized(4, 2_000, true);
            long lost = 8_000L - RaceDemo.counter;

            assertThat(timeline.events()).hasSize(16_000);
            assertThat(timeline.lostUpdates()).isEqualTo(lost);
            if (lost > 0) {
                return;
            }
        }
        assumeTrue(false, "no run of 4 threads x 2000 increments lost an update on this machine");
    }

    @Test
    void aRunThatLostNothingSaysWhyAndWhatToChange() {
        Run listed = run("--threads", "1", "--increments", "50");
        Run quiet = run("--threads", "1", "--increments", "50", "--quiet");

        assertThat(listed.out).contains("lost updates 0", "No update was lost: with one thread", "--threads 2");
        // Said once: the table's unsynchronized row lost nothing too, for the same reason.
        assertThat(listed.out.split("No update was lost", -1)).hasSize(2);
        assertThat(quiet.out).contains("No update was lost: with one thread");
    }

    @Test
    void wrappedAdviceNeverSplitsAnOptionFromItsValue() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String paragraph = "word ".repeat(17) + "drop --plain, or count far more (--increments 10000000 --quiet).";

        RaceDemo.printWrapped(paragraph, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("(--increments 10000000"));
        assertThat(String.join(" ", lines)).isEqualTo(paragraph);
    }

    @Test
    void byValueListsEveryUpdateThenTotalsThenOneSummaryRowPerVariant() {
        Run run = run("--threads", "3", "--increments", "200", "--by-value");

        assertThat(run.code).isZero();
        assertThat(run.err).isEmpty();
        List<String> lines = run.out.lines().toList();
        assertThat(lines.get(0)).startsWith("Unsynchronized: 3 threads x 200 increments");

        int updates = 0;
        Map<Long, Integer> writers = new HashMap<>();
        for (String line : lines) {
            Matcher m = UPDATE.matcher(line);
            while (m.find()) {
                updates++;
                long read = Long.parseLong(m.group(2));
                assertThat(Long.parseLong(m.group(3))).isEqualTo(read + 1);
                assertThat(Integer.parseInt(m.group(1))).isBetween(1, 3);
                writers.merge(read + 1, 1, Integer::sum);
            }
        }
        assertThat(updates).isEqualTo(600);
        // A '*' appears exactly on the values written by more than one thread.
        for (String line : lines) {
            Matcher m = UPDATE.matcher(line);
            while (m.find()) {
                boolean shared = writers.get(Long.parseLong(m.group(3))) > 1;
                assertThat(m.group(4).equals("*")).as(m.group()).isEqualTo(shared);
            }
        }

        Matcher totals = lines.stream().map(TOTALS::matcher).filter(Matcher::matches).findFirst().orElseThrow();
        long observed = Long.parseLong(totals.group(2));
        assertThat(Long.parseLong(totals.group(1))).isEqualTo(600);
        assertThat(observed + Long.parseLong(totals.group(3))).isEqualTo(600);
        // The final count is the last value some thread wrote.
        assertThat(writers).containsKey(observed);

        List<Matcher> rows = lines.stream().map(String::strip).map(SUMMARY_ROW::matcher).filter(Matcher::matches).toList();
        assertThat(rows).extracting(m -> m.group(1))
                .containsExactly(Stream.of(Variant.values()).map(Variant::label).toArray(String[]::new));
        for (Matcher row : rows) {
            long result = Long.parseLong(row.group(2));
            long expected = Long.parseLong(row.group(3));
            long lost = Long.parseLong(row.group(4));
            assertThat(expected).isEqualTo(600);
            assertThat(result + lost).isEqualTo(expected);
            if (!row.group(1).equals(Variant.UNSYNCHRONIZED.label())) {
                assertThat(lost).as(row.group(1)).isZero();
            }
        }
    }

    @Test
    void quietSkipsTheListing() {
        Run run = run("--quiet", "--plain", "--threads", "2", "--increments", "100000");

        assertThat(run.code).isZero();
        assertThat(run.out).doesNotContain("->").doesNotContain("In time order").contains("variant").contains("confined+join");
    }

    @Test
    void helpExitsZeroAndListsTheOptions() {
        Run run = run("--help");

        assertThat(run.code).isZero();
        assertThat(run.out).contains("--threads", "--increments", "--events", "--by-value", "--quiet", "--plain");
    }

    @Test
    void badOptionsExitTwoNamingTheProblem() {
        assertThat(run("--threads", "0")).satisfies(r -> {
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("--threads 0 is outside 1..1024");
        });
        assertThat(run("--increments", "many")).satisfies(r -> {
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("--increments 'many' is not a whole number");
        });
        assertThat(run("--threads")).satisfies(r -> {
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("--threads needs a number");
        });
        assertThat(run("--events", "0")).satisfies(r -> {
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("--events 0 is outside 1..");
        });
        assertThat(run("--fast")).satisfies(r -> {
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("unknown option '--fast'");
        });
        assertThat(run("--threads", "1024", "--increments", "2100000")).satisfies(r -> {
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("more than an int counter holds");
        });
        assertThat(run("--threads", "4", "--increments", "1000000")).satisfies(r -> {
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("add --quiet");
        });
    }

    @Test
    void leavesNoThreadBehind() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        run("--threads", "8", "--increments", "500");

        Set<String> leftOver = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && t.getName().matches("T\\d+"))
                .map(Thread::getName)
                .collect(Collectors.toSet());
        assertThat(leftOver).isEmpty();
    }

    /** The increments a mark says were lost (negative when they come back), read from its words. */
    private static long lostIn(String mark) {
        if (mark.isEmpty()) {
            return 0;
        }
        Matcher several = Pattern.compile("<-- (\\d+) updates lost").matcher(mark);
        Matcher back = Pattern.compile(": (\\d+) lost updates? comes? back").matcher(mark);
        if (mark.startsWith("<-- lost update:")) {
            return 1;
        } else if (several.find()) {
            return Long.parseLong(several.group(1));
        } else if (back.find()) {
            return -Long.parseLong(back.group(1));
        }
        throw new AssertionError("unknown mark: " + mark);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = RaceDemo.run(args, o, e);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
