package edu.ute.concurrency.examples.tour.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.SampleImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WorkerProtocolTest {

    @Test
    void taskFrameCarriesTheImageExactly() throws IOException {
        PackedBitImage image = SampleImages.noise(131, 9, 0.5, 4);
        WorkerProtocol.Task task = WorkerProtocol.parseTask(WorkerProtocol.task(42, 2, CrashDrill.FIRST_ATTEMPT, image));
        assertThat(task.taskId()).isEqualTo(42);
        assertThat(task.attempt()).isEqualTo(2);
        assertThat(task.crashDrill()).isEqualTo(CrashDrill.FIRST_ATTEMPT);
        assertThat(task.image()).isEqualTo(image);
    }

    @Test
    void resultFramesCarryPayloadOrError() throws IOException {
        WorkerProtocol.Result ok = WorkerProtocol.parseResult(WorkerProtocol.ok(3, new byte[] {1, 2, (byte) 0x83}));
        assertThat(ok.taskId()).isEqualTo(3);
        assertThat(ok.payload()).containsExactly(1, 2, 0x83);
        assertThat(ok.error()).isNull();
        WorkerProtocol.Result error = WorkerProtocol.parseResult(WorkerProtocol.error(4, "boom"));
        assertThat(error.payload()).isNull();
        assertThat(error.error()).isEqualTo("boom");
    }

    @Test
    void helloCarriesThePid() throws IOException {
        assertThat(WorkerProtocol.parseHello(WorkerProtocol.hello(1234))).isEqualTo(1234);
        assertThatThrownBy(() -> WorkerProtocol.parseHello(new byte[12])).hasMessageContaining("not HELLO");
    }

    @Test
    void framesRoundTripAndCleanEndIsNull() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        WorkerProtocol.writeFrame(out, new byte[] {9, 8, 7});
        WorkerProtocol.writeFrame(out, new byte[0]);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(WorkerProtocol.readFrame(in)).containsExactly(9, 8, 7);
        assertThat(WorkerProtocol.readFrame(in)).isEmpty();
        assertThat(WorkerProtocol.readFrame(in)).isNull();
    }

    @Test
    void aFrameCutShortIsAnError() {
        byte[] cut = {0, 0, 0, 5, 1, 2};
        assertThatThrownBy(() -> WorkerProtocol.readFrame(new DataInputStream(new ByteArrayInputStream(cut))))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void refusesAnAbsurdLengthBeforeAllocating() {
        // What stray text on stdout looks like to the reader: "Hell" read as a length.
        byte[] text = "Hello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> WorkerProtocol.readFrame(new DataInputStream(new ByteArrayInputStream(text))))
                .hasMessageContaining("frame length").hasMessageContaining("not speaking this protocol");
    }

    @Test
    void rejectsATaskWhoseImageDoesNotMatchTheFrame() {
        byte[] frame = WorkerProtocol.task(1, 1, CrashDrill.NONE, SampleImages.blank(64, 2));
        byte[] cut = Arrays.copyOf(frame, frame.length - 8);
        assertThatThrownBy(() -> WorkerProtocol.parseTask(cut)).hasMessageContaining("does not match");
    }
}
