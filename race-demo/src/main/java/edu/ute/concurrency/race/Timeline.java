package edu.ute.concurrency.race;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The unsynchronized count of {@link RaceDemo}, event by event in the order the events happened, with
 * every lost update marked: how two threads lose an increment, not only that they do.
 *
 * <pre>
 *   81  T2   read  41
 *   82  T1   read  41
 *   83  T1   wrote 42
 *   84  T2   wrote 42       &lt;-- lost update: T1's write of 42 overwritten (37 lost so far)
 * </pre>
 *
 * <p>A write that replaces the value its thread read is a clean increment. A write that replaces a
 * larger value throws away the increments written since the read: {@code replaced - read} of them.
 * A write can also replace a smaller value (another thread's stale write pulled the count back in
 * between): it then brings back {@code read - replaced} of the increments lost before. Summed over
 * the run these marks are exactly {@code expected - final}, because the count only ever changes by
 * {@code written - replaced}. {@link RaceDemo#recordUnsynchronized} explains how the events are
 * recorded without hiding the race.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class Timeline {

    private static final int UPDATES_PER_LINE = 8;

    /** What a thread did to the shared counter. */
    public enum Kind { READ, WRITE }

    /**
     * One access to the counter.
     *
     * @param thread   the thread's number, from 1 (printed as {@code T1})
     * @param kind     read or write
     * @param value    the value read, or the value written (always the thread's last read plus one)
     * @param replaced for a write, the value it overwrote; for a read, equal to {@code value}
     */
    public record Event(int thread, Kind kind, int value, int replaced) {

        public Event {
            Objects.requireNonNull(kind, "kind");
            if (thread < 1) {
                throw new IllegalArgumentException("thread numbers start at 1: " + thread);
            }
        }

        /** Thread {@code thread} read {@code value}. */
        public static Event read(int thread, int value) {
            return new Event(thread, Kind.READ, value, value);
        }

        /** Thread {@code thread} wrote {@code value} over {@code replaced}. */
        public static Event write(int thread, int value, int replaced) {
            return new Event(thread, Kind.WRITE, value, replaced);
        }

        /**
         * Increments this write threw away (positive) or brought back (negative); 0 for a read and for
         * a clean increment.
         */
        public int lost() {
            return kind == Kind.WRITE ? replaced - (value - 1) : 0;
        }
    }

    private final int threads;
    private final List<Event> events;
    private final boolean yielded;

    /**
     * @param threads how many threads counted (numbered 1..threads)
     * @param events  every access in time order
     * @param yielded whether the threads called {@link Thread#yield()} between read and write; only
     *                the advice given when nothing was lost depends on it
     */
    public Timeline(int threads, List<Event> events, boolean yielded) {
        this.threads = threads;
        this.events = List.copyOf(events);
        this.yielded = yielded;
        for (Event e : this.events) {
            if (e.thread() > threads) {
                throw new IllegalArgumentException("event of T" + e.thread() + " in a run of " + threads + " threads");
            }
        }
    }

    public List<Event> events() {
        return events;
    }

    /** Increments lost over the whole run: the sum of every write's {@link Event#lost()}. */
    public long lostUpdates() {
        return events.stream().mapToLong(Event::lost).sum();
    }

    /**
     * True when some thread's events come between another thread's first and last event: the threads
     * really ran at the same time, at least once.
     */
    public boolean threadsOverlapped() {
        boolean[] finished = new boolean[threads + 1];
        int current = 0;
        for (Event e : events) {
            if (e.thread() != current) {
                if (finished[e.thread()]) {
                    return true; // came back after another thread ran: they took turns
                }
                if (current != 0) {
                    finished[current] = true;
                }
                current = e.thread();
            }
        }
        return false;
    }

    /**
     * The mark printed after an event, or {@code ""} for an event that lost nothing.
     *
     * @param index the event's position in {@link #events()}
     */
    public String markAt(int index) {
        Event e = events.get(index);
        int lost = e.lost();
        if (lost == 1) {
            int writer = lastWriterOf(e.replaced(), index);
            return writer == 0
                    ? "<-- lost update: the write of " + e.replaced() + " overwritten"
                    : "<-- lost update: T" + writer + "'s write of " + e.replaced() + " overwritten";
        }
        if (lost > 1) {
            return "<-- " + lost + " updates lost: the count goes back from " + e.replaced() + " to " + e.value();
        }
        if (lost < 0) {
            return "<-- the count jumps from " + e.replaced() + " to " + e.value() + ": " + -lost
                    + (lost == -1 ? " lost update comes back" : " lost updates come back");
        }
        return "";
    }

    /** The thread that most recently wrote {@code value} before event {@code index}, or 0 if none. */
    private int lastWriterOf(int value, int index) {
        for (int i = index - 1; i >= 0; i--) {
            Event e = events.get(i);
            if (e.kind() == Kind.WRITE && e.value() == value) {
                return e.thread();
            }
        }
        return 0;
    }

    /**
     * Prints the first {@code limit} events, one a line, with their marks; says how many were left
     * out and, if the first lost update is among them, how to see it.
     */
    public void print(PrintStream out, int limit) {
        int shown = Math.min(limit, events.size());
        out.printf("In time order%s (a thread reads the counter, then writes back what it read + 1):%n",
                shown == events.size() ? "" : ", the first " + shown + " of " + events.size() + " events");
        int width = String.valueOf(events.size()).length();
        boolean marked = false;
        long lostSoFar = 0;
        for (int i = 0; i < shown; i++) {
            Event e = events.get(i);
            String access = (e.kind() == Kind.READ ? "read  " : "wrote ") + e.value();
            String mark = markAt(i);
            if (!mark.isEmpty()) {
                marked = true;
                lostSoFar += e.lost();
                mark += " (" + lostSoFar + " lost so far)";
            }
            out.println(String.format("%" + (width + 2) + "d  T%-3d %-14s %s", i + 1, e.thread(), access, mark)
                    .stripTrailing());
        }
        if (shown < events.size()) {
            out.printf("... %d more events (--events %d lists them all)%n", events.size() - shown, events.size());
            int firstMarked = marked ? -1 : firstLossAfter(shown);
            if (firstMarked >= 0) {
                out.printf("No update was lost in the events above; the first lost update is event %d"
                        + " (--events %d shows it)%n", firstMarked + 1, firstMarked + 1);
            }
        }
    }

    private int firstLossAfter(int from) {
        for (int i = from; i < events.size(); i++) {
            if (events.get(i).lost() != 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Prints every update ordered by the value written, {@code T<thread>:<read>-><written>}, eight a
     * line; {@code *} marks a value written by more than one thread. Shows at a glance how often
     * values collided over the whole run, though not how.
     */
    public void printByValue(PrintStream out) {
        // Sort key: value written in the high bits, thread number in the low bits (stable by thread).
        long[] updates = events.stream()
                .filter(e -> e.kind() == Kind.WRITE)
                .mapToLong(e -> ((long) e.value() << 20) | e.thread())
                .sorted()
                .toArray();
        out.println("Updates ordered by value written (T<thread>:<read>-><written>, * = written by more than one thread):");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < updates.length; i++) {
            long written = updates[i] >> 20;
            int thread = (int) (updates[i] & 0xFFFFF);
            boolean shared = (i > 0 && updates[i - 1] >> 20 == written)
                    || (i + 1 < updates.length && updates[i + 1] >> 20 == written);
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append('T').append(thread).append(':').append(written - 1).append("->").append(written);
            if (shared) {
                line.append('*');
            }
            if ((i + 1) % UPDATES_PER_LINE == 0) {
                out.println(line);
                line.setLength(0);
            }
        }
        if (!line.isEmpty()) {
            out.println(line);
        }
    }

    /** Whether a run's threads ran at the same time, as far as is known. */
    public enum Overlap { NEVER, TOOK_TURNS, UNKNOWN }

    /**
     * Why this run lost no update, and what to change to see the race, in plain words.
     *
     * @param increments the increments per thread the run was given, to suggest a larger number
     */
    public String noRaceExplanation(int increments) {
        return noRaceExplanation(threads, increments, yielded, threadsOverlapped() ? Overlap.TOOK_TURNS : Overlap.NEVER);
    }

    /**
     * Why a run of the unsynchronized count lost no update, and what to change to see the race.
     *
     * @param overlap what the run's events say about the threads running at the same time
     */
    public static String noRaceExplanation(int threads, int increments, boolean yielded, Overlap overlap) {
        if (threads == 1) {
            return "No update was lost: with one thread, nothing can come between its read and its write."
                    + " Run with --threads 2 or more.";
        }
        String advice = yielded
                ? " Give them more work (--increments " + moreIncrements(threads, increments) + ") or more threads"
                        + " than cores (--threads " + Math.max(threads * 2, 4) + ")."
                : " Without Thread.yield() (--plain) the gap between a read and its write is only"
                        + " nanoseconds: drop --plain, or count far more (--increments "
                        + Math.min(10_000_000, Integer.MAX_VALUE / threads) + " --quiet).";
        return switch (overlap) {
            case NEVER -> "No update was lost: the threads ran one after another, never at the same time;"
                    + " each finished its " + increments + (increments == 1 ? " increment" : " increments")
                    + " before the next one got going." + advice;
            case TOOK_TURNS -> "No update was lost: the threads did run at the same time (their events"
                    + " interleave), but this time no write fell between another thread's read and its"
                    + " write." + advice;
            case UNKNOWN -> "The unsynchronized count lost no update this time: its threads hardly ran at"
                    + " the same time." + advice;
        };
    }

    /** Ten times the increments (at least 1,000), within what a listed run allows. */
    static int moreIncrements(int threads, int increments) {
        long listable = RaceDemo.MAX_LISTED_UPDATES / threads;
        return (int) Math.min(Math.max(1_000L, increments * 10L), Math.min(100_000L, listable));
    }

    /**
     * Builds a timeline from per-thread records whose tickets number the events 0..n-1 in time order:
     * each event lands at its ticket's position, so merging needs no sort.
     *
     * @param tickets  {@code tickets[t][2i]} and {@code [2i+1]}: the tickets of thread {@code t+1}'s
     *                 {@code i}-th read and write
     * @param values   {@code values[t][2i]}: the value read; {@code [2i+1]}: the value the write replaced
     */
    static Timeline fromTickets(long[][] tickets, int[][] values, boolean yielded) {
        int total = Arrays.stream(tickets).mapToInt(t -> t.length).sum();
        Event[] byTicket = new Event[total];
        for (int t = 0; t < tickets.length; t++) {
            for (int i = 0; i < tickets[t].length; i += 2) {
                int read = values[t][i];
                byTicket[Math.toIntExact(tickets[t][i])] = Event.read(t + 1, read);
                byTicket[Math.toIntExact(tickets[t][i + 1])] = Event.write(t + 1, read + 1, values[t][i + 1]);
            }
        }
        return new Timeline(tickets.length, Arrays.asList(byTicket), yielded);
    }
}
