package org.meseta.agent.internal.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.mesos.v1.Protos.HealthCheck;

/**
 * An HTTP health check: a GET of {@code <scheme>://127.0.0.1:<port><path>} (redirects followed within the scheme);
 * healthy if the answer's status is 2xx or 3xx. As Mesos (curl {@code -k}), an https check does not verify the
 * task's certificate. Connecting and reading the answer are each bounded by the timeout.
 */
record HttpProbe(URI uri) implements Probe {

    static HttpProbe of(HealthCheck.HTTPCheckInfo http) {
        String host = Probe.loopback(http.getProtocol());
        String authority = host.contains(":") ? "[" + host + "]" : host;
        String scheme = http.hasScheme() ? http.getScheme() : "http";
        return new HttpProbe(URI.create(scheme + "://" + authority + ":" + http.getPort() + http.getPath()));
    }

    @Override
    public Optional<String> check(Optional<Duration> timeout) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            if (connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(Unverified.FACTORY);
                https.setHostnameVerifier((hostname, session) -> true);
            }
            connection.setConnectTimeout(Probe.millis(timeout));
            connection.setReadTimeout(Probe.millis(timeout));
            int status = connection.getResponseCode();
            drain(connection);
            return status >= 200 && status < 400 ? Optional.empty()
                    : Optional.of("Unexpected HTTP response code: " + status);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("GET " + uri + " failed: " + e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static void drain(HttpURLConnection connection) throws IOException {
        InputStream body = connection.getErrorStream() != null ? connection.getErrorStream()
                : connection.getInputStream();
        try (body) {
            body.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** TLS that accepts any certificate, for https checks of the task's own (often self-signed) endpoint. */
    private static final class Unverified extends X509ExtendedTrustManager {

        static final SSLSocketFactory FACTORY = factory();

        private static SSLSocketFactory factory() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new Unverified()}, null);
                return context.getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("No TLS in this JVM", e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
