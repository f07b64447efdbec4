package edu.ute.concurrency.examples.tour.workers;

import edu.ute.concurrency.rle.PackedBitImage;
import java.util.Objects;

/**
 * One unit of work for a {@link WorkerProcessPool}: RLE-encode {@code image}. The {@code id} is the
 * caller's, echoed in the {@link TaskOutcome}.
 *
 * @param crashDrill {@link CrashDrill#NONE} except in demonstrations of a worker dying mid-task
 */
public record EncodeTask(int id, PackedBitImage image, CrashDrill crashDrill) {
    public EncodeTask {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(crashDrill, "crashDrill");
    }

    public EncodeTask(int id, PackedBitImage image) {
        this(id, image, CrashDrill.NONE);
    }
}
