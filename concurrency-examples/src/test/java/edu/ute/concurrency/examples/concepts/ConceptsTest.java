package edu.ute.concurrency.examples.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.support.ChildJvm;
import edu.ute.concurrency.rle.Pbm;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.SampleImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The concept programs do what their comments say (results, order, threads), never timed. */
class ConceptsTest {
    @Test
    void threadSubclassPublishesItsResultThroughJoin() throws InterruptedException {
        Concept01ThreadSubclass.PageFetcher fetcher = new Concept01ThreadSubclass.PageFetcher(2);
        fetcher.start();
        fetcher.join();
        assertThat(fetcher.getName()).isEqualTo("page-2");
        assertThat(Concept01ThreadSubclass.fetchAndCompress(2)).isEqualTo(RleFile.encode(SampleImages.textPage(50, 2)).length);
    }

    @Test
    void childProcessAnswersWithTheBytesThisJvmWrites() throws IOException, InterruptedException {
        var page = SampleImages.textPage(40, 4);
        ByteArrayOutputStream pbm = new ByteArrayOutputStream();
        Pbm.write(page, pbm, Pbm.Variant.P4);
        Process child = new ProcessBuilder(ChildJvm.command(Concept02ChildProcess.Child.class)).start();
        try (OutputStream toChild = child.getOutputStream()) {
            toChild.write(pbm.toByteArray());
        }
        byte[] rle = child.getInputStream().readAllBytes();
        assertThat(child.waitFor()).isZero();
        assertThat(rle).isEqualTo(RleFile.encode(page));
    }

    @Test
    void futuresCompressOnPoolThreads() {
        Concept03FuturesWithPool.Compressed c = Concept03FuturesWithPool.compress(1);
        assertThat(c.bytes()).isEqualTo(RleFile.encode(SampleImages.textPage(150, 1)).length);
    }

    @Test
    void eventLoopRunsEveryCallbackOnItsOwnThreadInTheOrderTheyAreDue() throws InterruptedException {
        Concept04EventLoop loop = new Concept04EventLoop();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        loop.callLater(40, () -> {
            events.add("late");
            threads.add(Thread.currentThread());
        });
        loop.callSoon(() -> {
            events.add("soon");
            threads.add(Thread.currentThread());
            loop.callLater(0, () -> events.add("scheduled by soon"));
        });
        loop.run();
        assertThat(events).containsExactly("soon", "scheduled by soon", "late");
        assertThat(threads).containsOnly(Thread.currentThread());
    }
}
