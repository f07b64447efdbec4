package edu.ute.concurrency.examples.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.ute.concurrency.examples.support.LiveThreads;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.RleFormatException;
import edu.ute.concurrency.rle.SampleImages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every strategy promises, run against every strategy registered in {@link RleStrategy}: the same
 * bytes as the sequential codec on random images and on awkward shapes (no rows, one block, word and
 * group edges), failures passed on with their cause, interruption stopping the work, and no thread
 * left after {@code close()}. A strategy added to the registry is checked here with no other change.
 * Two more subjects run the same contract: {@code auto} with its parallel side taking all the work, and
 * that side's runner on its own. No clock is involved: concurrency is checked by comparing results and
 * counting threads.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("subjects")
class RleStrategyContractTest {
    /** A codec to check: how to make it with a number of threads, and whether it starts a JVM per image. */
    record Subject(String name, IntFunction<ConcurrentCodec> factory, boolean inProcess) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every registered strategy, then auto's parallel side on its own, two ways. */
    static Stream<Subject> subjects() {
        return Stream.concat(
                Stream.of(RleStrategy.values()).map(s -> new Subject(s.label(), s::create, s.inProcess())),
                Stream.of(new Subject("auto, parallel from 0 pixels", threads -> new AutoCodec(threads, 0), true),
                        new Subject("work-sharing runner", threads -> new RunnerCodec(new WorkSharingRunner(threads)), true)));
    }

    @Parameter
    Subject subject;

    /** The codec under test, using {@code threads} threads. */
    ConcurrentCodec create(int threads) {
        return subject.factory().apply(threads);
    }

    /** How many random images to try; a strategy that starts a JVM per image pays for each. */
    int randomImages() {
        return subject.inProcess() ? 40 : 3;
    }

    /** The shapes of {@code rle compare --quick}: an icon, text pages, noise, a blank page and a small batch. */
    static List<List<PackedBitImage>> awkwardShapes() {
        List<PackedBitImage> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(SampleImages.textPage(40, 1000 + i));
        }
        return List.of(List.of(SampleImages.icon()), List.of(SampleImages.textPage(75, 1)), List.of(SampleImages.textPage(150, 2)),
                List.of(SampleImages.noise(300, 400, 0.5, 3)), List.of(SampleImages.blank(620, 877)), batch);
    }

    /** Random images with runs of every length, and sizes around the word (64) and group (127) edges. */
    static List<PackedBitImage> randomImages(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] widths = {1, 7, 63, 64, 65, 127, 128, 254, 255, 300, 1001};
        int[] heights = {1, 2, 63, 64, 65, 129, 200};
        List<PackedBitImage> images = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int width = widths[random.nextInt(widths.length)];
            int height = heights[random.nextInt(heights.length)];
            PackedBitImage image = new PackedBitImage(width, height);
            int meanRun = 1 + random.nextInt(300);
            for (int y = 0; y < height; y++) {
                boolean black = random.nextBoolean();
                for (int x = 0; x < width; ) {
                    int run = Math.min(width - x, 1 + random.nextInt(2 * meanRun));
                    image.fill(y, x, x + run, black);
                    x += run;
                    black = !black;
                }
            }
            images.add(image);
        }
        return images;
    }

    @Test
    void encodesRandomImagesExactlyAsTheSequentialCodec() throws Exception {
        try (ConcurrentCodec strategy = create(3)) {
            for (PackedBitImage image : randomImages(randomImages(), 42)) {
                assertThat(strategy.encode(image)).as("%s on %s", subject, image).isEqualTo(RleFile.encode(image));
            }
        }
    }

    @Test
    void decodesRandomImagesBackToTheOriginal() throws Exception {
        try (ConcurrentCodec strategy = create(3)) {
            for (PackedBitImage image : randomImages(randomImages(), 43)) {
                assertThat(strategy.decode(RleFile.encode(image))).as("%s on %s", subject, image).isEqualTo(image);
            }
        }
    }

    @Test
    void encodesAndDecodesEachImageOfABatchExactlyAsSequential() throws Exception {
        List<PackedBitImage> images = randomImages(Math.min(randomImages(), 12), 44);
        List<byte[]> expected = new ArrayList<>();
        for (PackedBitImage image : images) {
            expected.add(RleFile.encode(image));
        }
        try (ConcurrentCodec strategy = create(2)) {
            List<byte[]> actual = strategy.encodeEach(images);
            assertThat(actual).as("%s", subject).hasSameSizeAs(expected);
            for (int i = 0; i < images.size(); i++) {
                assertThat(actual.get(i)).as("%s, image %d", subject, i).isEqualTo(expected.get(i));
            }
            assertThat(strategy.decodeEach(expected)).as("%s", subject).isEqualTo(images);
        }
    }

    @Test
    void encodesEveryAwkwardShapeExactlyAsSequential() throws Exception {
        try (ConcurrentCodec strategy = create(2)) {
            for (List<PackedBitImage> images : awkwardShapes()) {
                if (images.size() > 1) {
                    List<byte[]> actual = strategy.encodeEach(images);
                    for (int i = 0; i < actual.size(); i++) {
                        assertThat(actual.get(i)).as("%s, batch image %d", subject, i).isEqualTo(RleFile.encode(images.get(i)));
                    }
                } else {
                    PackedBitImage image = images.get(0);
                    byte[] file = strategy.encode(image);
                    assertThat(file).as("%s on %s", subject, image).isEqualTo(RleFile.encode(image));
                    assertThat(strategy.decode(file)).as("%s on %s", subject, image).isEqualTo(image);
                }
            }
        }
    }

    @Test
    void handlesAnImageWithNoRows() throws Exception {
        PackedBitImage empty = new PackedBitImage(100, 0);
        try (ConcurrentCodec strategy = create(2)) {
            assertThat(strategy.encode(empty)).as("%s", subject).isEqualTo(RleFile.encode(empty));
            assertThat(strategy.encodeEach(List.of())).as("%s", subject).isEmpty();
        }
    }

    @Test
    void reportsACorruptBlockAsAFormatError() throws Exception {
        PackedBitImage page = SampleImages.textPage(40, 5);
        List<byte[]> blocks = new ArrayList<>();
        for (int from = 0; from < page.height(); from += RleFile.DEFAULT_BLOCK_ROWS) {
            blocks.add(Rle.encoder().encodeRows(page, from, Math.min(from + RleFile.DEFAULT_BLOCK_ROWS, page.height())));
        }
        // A zero-length run in block 1: the right length and valid checksums (assemble computes them),
        // so only decoding that block can find the damage.
        blocks.get(1)[0] = 0;
        byte[] corrupt = RleFile.assemble(page.width(), page.height(), RleFile.DEFAULT_BLOCK_ROWS, blocks);
        try (ConcurrentCodec strategy = create(2)) {
            assertThatThrownBy(() -> strategy.decode(corrupt)).as("%s", subject)
                    .isInstanceOf(RleFormatException.class)
                    .hasMessageContaining("zero-length run in row " + RleFile.DEFAULT_BLOCK_ROWS);
        }
    }

    @Test
    void passesOnATaskFailureWithItsCause() throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            tasks.add(() -> {
                if (n == 7) {
                    throw new IOException("task 7 failed");
                }
                return n;
            });
        }
        try (ConcurrentCodec strategy = create(3)) {
            assertThatThrownBy(() -> strategy.runAll(tasks)).as("%s", subject)
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IOException.class).hasMessage("task 7 failed");
            // and the strategy still works afterwards
            assertThat(strategy.runAll(tasks.subList(0, 5))).as("%s after a failure", subject).containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Test
    void runsAtMostItsThreadsTasksAtOnce() throws Exception {
        int threads = 2;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tasks.add(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(2); // long enough for tasks that may overlap to do so
                } finally {
                    running.decrementAndGet();
                }
                return 1;
            });
        }
        try (ConcurrentCodec strategy = create(threads)) {
            assertThat(strategy.runAll(tasks)).as("%s", subject).hasSize(tasks.size());
        }
        // Counted by the tasks themselves, no clock: what bounds the memory a batch of images takes.
        assertThat(mostAtOnce.get()).as("%s: most tasks running at once with %d threads", subject, threads)
                .isBetween(1, threads);
    }

    @Test
    void interruptingTheCallerStopsTheWork() throws Exception {
        int total = 200;
        AtomicInteger started = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            tasks.add(() -> {
                started.incrementAndGet();
                firstStarted.countDown();
                Thread.sleep(20); // 200 × 20 ms: seconds of work if nothing stopped it
                return 1;
            });
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (ConcurrentCodec strategy = create(2)) {
            Thread caller = new Thread(() -> {
                try {
                    strategy.runAll(tasks);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }, "test-caller");
            caller.start();
            assertThat(firstStarted.await(30, TimeUnit.SECONDS)).as("%s started a task", subject).isTrue();
            caller.interrupt();
            caller.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(caller.isAlive()).as("%s still running 30 s after the interrupt", subject).isFalse();
        }
        assertThat(thrown.get()).as("%s: what the interrupted caller got", subject).isInstanceOf(InterruptedException.class);
        // Tasks not started when the caller is interrupted must not start: a runner that runs at most
        // threads() tasks at once, as the contract asks, has started only a few of the 200.
        assertThat(started.get()).as("%s: tasks started (at most threads() may run at once)", subject).isLessThan(total);
    }

    @Test
    void leavesNoThreadRunningAfterClose() throws Exception {
        Set<Thread> before = LiveThreads.now();
        PackedBitImage page = SampleImages.textPage(60, 9);
        try (ConcurrentCodec strategy = create(3)) {
            byte[] file = strategy.encode(page);
            strategy.decode(file);
            strategy.encodeEach(List.of(page, SampleImages.icon()));
        }
        assertThat(LiveThreads.startedSince(before)).as("%s: threads left after close()", subject).isEmpty();
    }
}
