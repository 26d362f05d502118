package graphkit.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A real Neo4j 5.26 (Community, embedded) with Bolt on 127.0.0.1 and authentication on, for tests.
 *
 * <p>Usage: {@code java -cp CLASSPATH graphkit.testserver.Neo4jTestServer [--port N] [--data DIR]
 * [--password PW] [--page-cache SIZE]}. Prints {@code BOLT_URI=bolt://127.0.0.1:PORT} on one line once
 * the server accepts connections and runs until standard input closes or the process is stopped.
 * With {@code --data DIR} the database lives in DIR and a later run on the same DIR reopens it
 * (recovering after a kill); without it a temporary directory is used and removed at exit.
 * User {@code neo4j} gets the password given (default {@code graphkit-test}).
 */
public final class Neo4jTestServer {
    private Neo4jTestServer() {}

    public static void main(String[] args) throws IOException {
        int port = 0;
        Path data = null;
        String password = "graphkit-test";
        String pageCache = "512m";
        for (int index = 0; index < args.length; index += 2) {
            if (index + 1 >= args.length) {
                usage("missing value for " + args[index]);
            }
            String value = args[index + 1];
            switch (args[index]) {
                case "--port" -> port = Integer.parseInt(value);
                case "--data" -> data = Path.of(value).toAbsolutePath();
                case "--password" -> password = value;
                case "--page-cache" -> pageCache = value;
                default -> usage("unknown option " + args[index]);
            }
        }
        if (port == 0) {
            port = freePort();
        }
        boolean temporary = data == null;
        Path home = temporary ? Files.createTempDirectory("graphkit-neo4j-") : Files.createDirectories(data);

        SocketAddress bolt = new SocketAddress("127.0.0.1", port);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            if (temporary) {
                deleteTree(home);
            }
        }));
        // Embedded transactions bypass authentication, so the password can be set without the default one.
        service.database("system").executeTransactionally(
                "CREATE OR REPLACE USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));

        System.out.println("BOLT_URI=bolt://127.0.0.1:" + port);
        System.out.flush();
        while (System.in.read() != -1) {
            // Runs until the parent closes our standard input.
        }
        System.exit(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException error) {
            throw new UncheckedIOException(error);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: Neo4jTestServer [--port N] [--data DIR] [--password PW] [--page-cache SIZE]");
        System.exit(2);
    }
}
