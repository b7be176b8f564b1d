package org.meseta.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain socket speaking HTTP by hand, so tests can send what no well-behaved client would and see the exact
 * bytes (chunk boundaries included) the server answers with. Every read times out after 5 s.
 */
final class RawConnection implements AutoCloseable {

    /** A response head: status and headers (names lower-cased). */
    record Head(int status, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        boolean isChunked() {
            return "chunked".equalsIgnoreCase(header("Transfer-Encoding"));
        }
    }

    /** A whole response; {@code chunks} lists the body's chunks when it was chunked, else it is empty. */
    record Response(Head head, byte[] body, List<byte[]> chunks) {
        int status() {
            return head.status();
        }

        String header(String name) {
            return head.header(name);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int READ_TIMEOUT_MILLIS = 5000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawConnection open(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return new RawConnection(socket);
    }

    RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one complete response, framed by Content-Length, chunked encoding or the end of the connection. */
    Response readResponse() throws IOException {
        Head head = readHead();
        if (head.isChunked()) {
            List<byte[]> chunks = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (byte[] chunk = readChunk(); chunk.length > 0; chunk = readChunk()) {
                chunks.add(chunk);
                body.writeBytes(chunk);
            }
            return new Response(head, body.toByteArray(), chunks);
        }
        String length = head.header("Content-Length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        return new Response(head, body, List.of());
    }

    /** Reads a status line and its headers (an interim {@code 100 Continue} head is returned like any other). */
    Head readHead() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("Connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        return new Head(status, headers);
    }

    /** Reads one chunk of a chunked body; the empty array is the last chunk (its trailers are consumed). */
    byte[] readChunk() throws IOException {
        String sizeLine = readLine();
        if (sizeLine == null) {
            throw new IOException("Connection closed inside a chunked body");
        }
        int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
        if (size == 0) {
            for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                // trailers are not used by these tests
            }
            return new byte[0];
        }
        byte[] chunk = in.readNBytes(size);
        String end = readLine();
        if (chunk.length != size || !"".equals(end)) {
            throw new IOException("Malformed chunk");
        }
        return chunk;
    }

    /** Whether the server closed the connection (EOF or reset) within the read timeout, reading past any data. */
    boolean awaitClosedByServer() throws IOException {
        try {
            while (in.read() >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
