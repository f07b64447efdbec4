package edu.ute.concurrency.examples.tour.workers;

import java.util.List;

/**
 * What became of one {@link EncodeTask} sent to a {@link WorkerProcessPool}: {@link Encoded} with the
 * RLE payload, or {@link Failed} with the reason — the task threw in the worker, or the worker died
 * on it twice (the first death is retried on a fresh worker).
 */
public sealed interface TaskOutcome {
    int taskId();

    /** The pids of the worker JVMs that ran the task's attempts, in order. */
    List<Long> workerPids();

    /** Number of attempts made (1, or 2 after a worker died). */
    default int attempts() {
        return workerPids().size();
    }

    /** The task succeeded; {@code payload} is the RLE encoding of its image. */
    record Encoded(int taskId, byte[] payload, List<Long> workerPids) implements TaskOutcome {
        public Encoded {
            workerPids = List.copyOf(workerPids);
        }
    }

    /** The task was given up; {@code reason} says why, naming the worker's pid and exit status. */
    record Failed(int taskId, String reason, List<Long> workerPids) implements TaskOutcome {
        public Failed {
            workerPids = List.copyOf(workerPids);
        }
    }
}
