"""The case study made concurrent, the ways the course shows, each returning exactly the bytes of
``rle_codec.encode_image``:

* ``encode_threads_per_row``: a ``ThreadPoolExecutor``, one task per row. Correct, and no faster:
  only one thread at a time runs Python code (the GIL), and encoding a row is mostly Python code.
* ``encode_pool_per_row``: a ``multiprocessing.Pool``, one task per row. The processes do run in
  parallel, but every row is pickled, sent through a pipe and unpickled, and its bytes come back
  the same way: one message per row costs more than encoding the row. Sending rows in chunks
  (``rows_per_task=None``: ``Pool.map``'s default, about rows / (4 x workers) a message) pays that
  price once a chunk.
* ``encode_batch_process_per_image``: a new process for each image of a batch, at most ``workers``
  at once. A whole image per process makes the copying worth it, as long as the image is large.

The pools are made by the caller and passed in, so that one pool serves many images (starting
processes is slow); ``new_pool`` makes one whose workers leave Ctrl-C to their parent.
"""

import multiprocessing
import signal

from rle_codec import encode_image, encode_row


def encode_threads_per_row(image, executor):
    return b"".join(executor.map(encode_row, image.rows))


def encode_pool_per_row(image, pool, rows_per_task=1):
    return b"".join(pool.map(encode_row, image.rows, chunksize=rows_per_task))


def encode_batch_process_per_image(images, workers):
    """The payload of each image, each encoded in a process started for it alone."""
    with new_pool(workers, tasks_per_process=1) as pool:
        payloads = pool.map(encode_image, images, chunksize=1)
        pool.close()
        pool.join()  # every child has exited (and its CPU time is counted) before we return
    return payloads


def new_pool(workers, tasks_per_process=None):
    """A pool of ``workers`` processes; with ``tasks_per_process=1`` each exits after one task and a
    fresh one takes its place."""
    return multiprocessing.Pool(workers, initializer=ignore_ctrl_c, maxtasksperchild=tasks_per_process)


def ignore_ctrl_c():
    """Ctrl-C reaches every process of the terminal; the parent alone handles it and stops the
    workers, so the user sees one message instead of a traceback from each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
