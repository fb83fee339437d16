package org.tracelab.samples.classroom;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;

/**
 * A class being run: the scenario's site served as {@code lab serve} serves it, and beside it on the same server the
 * class service, with a new secret instructor token each time it starts.
 */
public final class ClassServer implements AutoCloseable {
    private final LabServer server;
    private final ClassRoom room;
    private final URI instructor;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private ClassServer(LabServer server, ClassRoom room, URI instructor) {
        this.server = server;
        this.room = room;
        this.instructor = instructor;
    }

    /** Serves {@code scenario} and the class kept in {@code classDir} (made when new). */
    public static ClassServer start(Path scenario, Path classDir, ClassOptions options, Clock clock) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ClassService service = new ClassService(token, new RateLimit(options.handinsPerMinute(),
                Duration.ofMinutes(1), clock));
        int port = options.port() != null ? options.port()
                : ClassRoom.settings(classDir).map(ClassRoom.Settings::port).orElse(0);
        LabServer server = LabServer.start(scenario, new LabServerOptions(port, 0, 0, 0, 1), options.bind(),
                new LabServer.Mount(ClassService.PREFIX, service));
        try {
            ClassRoom room = ClassRoom.open(classDir, scenario, options.trainees(), options.instructor(),
                    LabHosts.of(server.baseUri()), options.maxHandinBytes(), clock);
            service.serve(room);
            return new ClassServer(server, room, server.baseUri().resolve(ClassService.PREFIX + "i/" + token));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The address trainees collect from and hand in to. */
    public URI baseUri() {
        return server.baseUri();
    }

    /** The instructor's page; {@code /results.json} after it gives the results. Secret: never log it. */
    public URI instructorUri() {
        return instructor;
    }

    /** The class. */
    public ClassRoom room() {
        return room;
    }

    /** Stops serving and closes the class case; closing again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
            room.close();
        }
    }
}
