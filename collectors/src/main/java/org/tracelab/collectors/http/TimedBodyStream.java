package org.tracelab.collectors.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} whose reads give up when the server sends nothing for the read
 * timeout. {@link java.net.http.HttpRequest#timeout} only bounds the wait for the headers, and interrupting a
 * reader would also close the blob file it writes to, hence a stream over the body publisher that polls with a
 * deadline. Network failures surface as {@link BodyReadException}. Closing it cancels the body, which closes the
 * connection when the body was not read to its end (a truncated capture).
 *
 * <p>A server that drips a byte now and then never trips the read timeout and would hold the capture for ever, so
 * once twice the read timeout has passed the body must also keep an average of {@link #MIN_BYTES_PER_SECOND}; a slower one
 * is given up as a slow drip.
 */
final class TimedBodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();
    /** The slowest average a body may arrive at after its grace period: far below any real link. */
    static final long MIN_BYTES_PER_SECOND = 1024;

    private final LinkedBlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final ArrayDeque<ByteBuffer> current = new ArrayDeque<>();
    private final long timeoutNanos;
    private final String url;
    private volatile Flow.Subscription subscription;
    private boolean ended;
    private final long started = System.nanoTime();
    private long received;

    TimedBodyStream(Flow.Publisher<List<ByteBuffer>> body, Duration readTimeout, String url) {
        this.timeoutNanos = readTimeout.toNanos();
        this.url = url;
        body.subscribe(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        arrived.add(item);
    }

    @Override
    public void onError(Throwable t) {
        arrived.add(t);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            ByteBuffer head = current.peekFirst();
            if (head != null) {
                if (!head.hasRemaining()) {
                    current.removeFirst();
                    if (current.isEmpty()) {
                        subscription.request(1);
                    }
                    continue;
                }
                int n = Math.min(len, head.remaining());
                head.get(b, off, n);
                return n;
            }
            next();
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private void next() throws IOException {
        // Two read timeouts of grace: a small body on a busy machine is never mistaken for a drip.
        long dripDeadline = started + 2 * timeoutNanos + received * 1_000_000_000L / MIN_BYTES_PER_SECOND;
        long wait = Math.min(timeoutNanos, dripDeadline - System.nanoTime());
        Object o;
        try {
            o = wait <= 0 ? arrived.poll() : arrived.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BodyReadException("interrupted reading " + url, e);
        }
        if (o == null) {
            cancel();
            if (wait < timeoutNanos) {
                throw new BodyReadException("slow drip: " + received + " bytes in "
                        + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms, slower than "
                        + MIN_BYTES_PER_SECOND + " bytes/s", null);
            }
            throw new BodyReadException("read timed out: nothing received for "
                    + Duration.ofNanos(timeoutNanos).toMillis() + " ms", null);
        }
        if (o == END) {
            ended = true;
        } else if (o instanceof Throwable t) {
            ended = true;
            String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            throw new BodyReadException("body broken off: " + why, t);
        } else {
            List<ByteBuffer> buffers = (List<ByteBuffer>) o;
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
            }
            current.addAll(buffers);
            if (current.isEmpty()) {
                subscription.request(1);
            }
        }
    }

    private void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /** Cancels whatever of the body was not read. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            cancel();
        }
    }
}
