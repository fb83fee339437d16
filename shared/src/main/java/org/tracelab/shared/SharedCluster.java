package org.tracelab.shared;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.TracelabException;

/**
 * Where the shared index is and how to sign in to it: an OpenSearch 3.x cluster's URL (https for TLS) and, when it
 * needs them, basic credentials. The credentials never appear in {@link #toString()}, messages or the custody log.
 *
 * @param url           the cluster's base URL, without credentials
 * @param authorization the {@code Authorization} header value, when credentials were given
 */
public record SharedCluster(URI url, Optional<String> authorization) {
    /** The environment variable naming the cluster when {@code --shared} gives no URL. */
    public static final String ENV_URL = "TRACELAB_SHARED";
    /** User name for a cluster with the security plugin. */
    public static final String ENV_USER = "TRACELAB_SHARED_USER";
    /** Its password. */
    public static final String ENV_PASSWORD = "TRACELAB_SHARED_PASSWORD";
    /** A file holding {@code user:password} on its first line, instead of the two variables. */
    public static final String ENV_CREDENTIALS = "TRACELAB_SHARED_CREDENTIALS";

    public SharedCluster {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw TracelabException.badInput("--shared " + url, "give an http:// or https:// URL of an OpenSearch"
                    + " cluster, e.g. https://opensearch.lab:9200");
        }
        if (url.getUserInfo() != null) {
            throw TracelabException.badInput("--shared", "credentials in the URL would be logged; give them in "
                    + ENV_USER + " and " + ENV_PASSWORD + " or a file named by " + ENV_CREDENTIALS);
        }
        authorization = Optional.ofNullable(authorization).flatMap(a -> a);
    }

    /**
     * The cluster to use: {@code url} when given, else {@code $TRACELAB_SHARED}, else the local node running on its
     * default data folder; an I/O failure saying how to get one when there is none.
     */
    public static SharedCluster choose(String url, Map<String, String> env) {
        if (url != null && !url.isBlank()) {
            return at(url, env);
        }
        String fromEnv = env.get(ENV_URL);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return at(fromEnv, env);
        }
        Path data = LocalNode.dataFolder(null, env);
        return LocalNode.running(data).map(r -> at(r.url(), env)).orElseThrow(() -> new TracelabException(
                TracelabException.Failure.IO, "no shared index: no node runs on " + data + "; start one with "
                + "'tracelab shared start', or give --shared URL or " + ENV_URL));
    }

    /** The cluster at {@code url}, with credentials from the environment when it holds them. */
    public static SharedCluster at(String url, Map<String, String> env) {
        URI u;
        try {
            u = URI.create(url.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw TracelabException.badInput("--shared " + url, "not a URL");
        }
        return new SharedCluster(u, credentials(env));
    }

    private static Optional<String> credentials(Map<String, String> env) {
        String file = env.get(ENV_CREDENTIALS);
        String userPassword;
        if (file != null && !file.isBlank()) {
            try {
                userPassword = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst()
                        .orElse("").strip();
            } catch (IOException e) {
                throw TracelabException.badInput(ENV_CREDENTIALS + " " + file, "cannot read it: " + e.getMessage());
            }
            if (!userPassword.contains(":")) {
                throw TracelabException.badInput(ENV_CREDENTIALS + " " + file, "its first line must be user:password");
            }
        } else if (env.get(ENV_USER) != null && !env.get(ENV_USER).isBlank()) {
            userPassword = env.get(ENV_USER) + ":" + env.getOrDefault(ENV_PASSWORD, "");
        } else {
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
