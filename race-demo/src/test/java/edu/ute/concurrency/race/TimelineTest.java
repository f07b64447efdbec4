package edu.ute.concurrency.race;

import static edu.ute.concurrency.race.Timeline.Event.read;
import static edu.ute.concurrency.race.Timeline.Event.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.ute.concurrency.race.Timeline.Event;
import edu.ute.concurrency.race.Timeline.Overlap;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void marksTheStaleWriteAsOneLostUpdateNamingTheThreadItOverwrote() {
        // T2 read 41 ... T1 wrote 42 ... T2 wrote 42: T1's increment is gone.
        Timeline timeline = new Timeline(2, List.of(
                read(2, 41),
                read(1, 41),
                write(1, 42, 41),
                write(2, 42, 42)), true);

        assertThat(IntStream.range(0, 4).mapToObj(timeline::markAt))
                .containsExactly("", "", "", "<-- lost update: T1's write of 42 overwritten");
        assertThat(timeline.lostUpdates()).isEqualTo(1);
    }

    @Test
    void cleanIncrementsInTurnLoseNothing() {
        Timeline timeline = new Timeline(2, List.of(
                read(1, 0), write(1, 1, 0),
                read(2, 1), write(2, 2, 1),
                read(1, 2), write(1, 3, 2)), true);

        assertThat(IntStream.range(0, 6).mapToObj(timeline::markAt)).allMatch(String::isEmpty);
        assertThat(timeline.lostUpdates()).isZero();
        assertThat(timeline.threadsOverlapped()).isTrue();
    }

    @Test
    void aWriteLongAfterItsReadLosesEveryUpdateInBetweenAndALaterOneGivesSomeBack() {
        // T1 reads 0 and is switched out while T2 counts to 2; T1's write takes the count back to 1.
        // T2 had read 2 before that and writes 3 over T1's 1: one of the two comes back.
        List<Event> events = List.of(
                read(2, 0), read(1, 0),
                write(2, 1, 0), read(2, 1),
                write(2, 2, 1), read(2, 2),
                write(1, 1, 2),
                read(1, 1),
                write(2, 3, 1),
                write(1, 2, 3));
        Timeline timeline = new Timeline(2, events, true);

        assertThat(timeline.markAt(6)).isEqualTo("<-- 2 updates lost: the count goes back from 2 to 1");
        assertThat(timeline.markAt(8)).isEqualTo("<-- the count jumps from 1 to 3: 1 lost update comes back");
        assertThat(timeline.markAt(9)).isEqualTo("<-- 2 updates lost: the count goes back from 3 to 2");
        // 5 increments, final count 2 (the last write): the marks add up to exactly 3.
        assertThat(timeline.lostUpdates()).isEqualTo(5 - 2);
    }

    @Test
    void aLostUpdateWithNoEarlierWriterOfThatValueSaysSoWithoutNamingAThread() {
        Timeline timeline = new Timeline(2, List.of(read(1, 0), write(1, 1, 1)), true);

        assertThat(timeline.markAt(1)).isEqualTo("<-- lost update: the write of 1 overwritten");
    }

    @Test
    void printListsEventsWithMarksAndARunningTotalThenWhatWasLeftOut() {
        Timeline timeline = new Timeline(2, List.of(
                read(1, 0), read(2, 0), write(1, 1, 0), write(2, 1, 1),
                read(1, 1), write(1, 2, 1)), true);

        List<String> lines = print(timeline, 4).lines().toList();

        assertThat(lines).containsExactly(
                "In time order, the first 4 of 6 events (a thread reads the counter, then writes back what it read + 1):",
                "  1  T1   read  0",
                "  2  T2   read  0",
                "  3  T1   wrote 1",
                "  4  T2   wrote 1        <-- lost update: T1's write of 1 overwritten (1 lost so far)",
                "... 2 more events (--events 6 lists them all)");
    }

    @Test
    void printPointsAtTheFirstLostUpdateWhenTheShownEventsHaveNone() {
        Timeline timeline = new Timeline(2, List.of(
                read(1, 0), write(1, 1, 0), read(1, 1), read(2, 1), write(1, 2, 1), write(2, 2, 2)), true);

        assertThat(print(timeline, 2))
                .contains("... 4 more events (--events 6 lists them all)")
                .contains("the first lost update is event 6 (--events 6 shows it)");
        assertThat(print(timeline, 6)).doesNotContain("more events").contains("(1 lost so far)");
    }

    @Test
    void threadsThatRanOneAfterAnotherAreToldToDoMoreWork() {
        Timeline timeline = new Timeline(2, List.of(
                read(1, 0), write(1, 1, 0), read(1, 1), write(1, 2, 1),
                read(2, 2), write(2, 3, 2), read(2, 3), write(2, 4, 3)), true);

        assertThat(timeline.threadsOverlapped()).isFalse();
        assertThat(timeline.noRaceExplanation(2))
                .startsWith("No update was lost: the threads ran one after another")
                .contains("each finished its 2 increments", "--increments 1000", "--threads 4");
    }

    @Test
    void threadsThatTookTurnsWithoutLossAreToldSo() {
        Timeline timeline = new Timeline(2, List.of(
                read(1, 0), write(1, 1, 0), read(2, 1), write(2, 2, 1), read(1, 2), write(1, 3, 2)), true);

        assertThat(timeline.noRaceExplanation(2)).contains("did run at the same time", "--increments 1000");
    }

    @Test
    void plainLoopsAreToldToDropPlain() {
        assertThat(Timeline.noRaceExplanation(2, 10, false, Overlap.NEVER))
                .contains("drop --plain", "--increments 10000000 --quiet");
        assertThat(Timeline.noRaceExplanation(1000, 10, false, Overlap.UNKNOWN))
                .contains("--increments 2147483 --quiet"); // still fits an int counter: 1000 x 2147483
    }

    @Test
    void oneThreadIsToldItCannotRaceWithItself() {
        assertThat(Timeline.noRaceExplanation(1, 10, true, Overlap.UNKNOWN)).contains("with one thread", "--threads 2");
    }

    @Test
    void suggestedIncrementsStayListable() {
        assertThat(Timeline.moreIncrements(2, 10)).isEqualTo(1_000);
        assertThat(Timeline.moreIncrements(2, 5_000)).isEqualTo(50_000);
        assertThat(Timeline.moreIncrements(1024, 100) * 1024L).isLessThanOrEqualTo(RaceDemo.MAX_LISTED_UPDATES);
    }

    @Test
    void fromTicketsPutsEveryEventAtItsTicketsPlace() {
        long[][] tickets = {{0, 3}, {1, 2}};
        int[][] values = {{0, 1}, {0, 0}}; // T1 read 0, replaced 1; T2 read 0, replaced 0

        Timeline timeline = Timeline.fromTickets(tickets, values, true);

        assertThat(timeline.events()).containsExactly(read(1, 0), read(2, 0), write(2, 1, 0), write(1, 1, 1));
        assertThat(timeline.lostUpdates()).isEqualTo(1);
    }

    @Test
    void rejectsEventsOfThreadsOutsideTheRun() {
        assertThatThrownBy(() -> new Timeline(2, List.of(read(3, 0)), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printByValueStarsValuesWrittenByMoreThanOneThread() {
        Timeline timeline = new Timeline(2, List.of(
                read(1, 0), read(2, 0), write(1, 1, 0), write(2, 1, 1), read(1, 1), write(1, 2, 1)), true);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        timeline.printByValue(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().skip(1)).containsExactly("T1:0->1* T2:0->1* T1:1->2");
    }

    private static String print(Timeline timeline, int limit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        timeline.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), limit);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
