package org.tracelab.cli;

import java.util.Map;
import java.util.Stack;
import org.tracelab.shared.SharedCluster;
import org.tracelab.shared.SharedIndex;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --shared [URL]}: ask the shared index instead of the case. The URL is taken only when the next word is one,
 * so {@code search --shared dubai} searches for "dubai"; without it, {@code $TRACELAB_SHARED}, else the local node.
 */
final class SharedOption {
    @Option(names = "--shared", paramLabel = "URL", arity = "0..1", parameterConsumer = UrlOnly.class,
            description = "Ask the shared index across cases: an OpenSearch 3.x URL, else $TRACELAB_SHARED, else the "
                    + "local node (tracelab shared start). Credentials: $TRACELAB_SHARED_USER and "
                    + "$TRACELAB_SHARED_PASSWORD, or a file named by $TRACELAB_SHARED_CREDENTIALS.")
    String url;

    /** Whether {@code --shared} was given. */
    boolean given() {
        return url != null;
    }

    /** Connects to the cluster chosen (an I/O failure naming its URL when it is unreachable or not OpenSearch 3). */
    SharedIndex connect(Map<String, String> env) {
        return SharedIndex.connect(SharedCluster.choose(url, env));
    }

    /** Takes the next word as the URL only when it is one. */
    static final class UrlOnly implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            String next = args.isEmpty() ? null : args.peek();
            if (next != null && (next.startsWith("http://") || next.startsWith("https://"))) {
                argSpec.setValue(args.pop());
            } else {
                argSpec.setValue("");
            }
        }
    }
}
