package app.shipyard.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Where a newcomer's clone may live: below a folder only its owner may enter, such as root's home folder. */
@Timeout(240)
@DisplayName("The data folder")
class DataFolderTest {

  private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));
  private final Path privateParent = Path.of("target", "private-" + System.nanoTime()).toAbsolutePath();
  private final Path dataDir = privateParent.resolve("clone").resolve("data");

  @AfterEach
  void cleanUp() throws Exception {
    OwnShipyard.deleteData(dataDir);
    OwnShipyard.deleteTree(privateParent);
  }

  @Test
  @DisplayName("below a mode-700 folder is created on first start and keeps the signing secret and the database, "
      + "so that a token issued before a restart still works after it")
  void belowAPrivateFolder() throws Exception {
    Files.createDirectories(privateParent);
    Files.setPosixFilePermissions(privateParent, PosixFilePermissions.fromString("rwx------"));

    String token;
    try (OwnShipyard first = OwnShipyard.start(dataDir)) {
      var health = first.client().get("/health").send().await();
      assertEquals(200, health.statusCode(), health.bodyAsString());
      token = first.tokenOfNew("newcomer@test.example", "employee");
    }

    Path secret = dataDir.resolve("signing-secret");
    assertTrue(Files.isRegularFile(secret), "the data folder keeps the generated signing secret");
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(secret));
    assertEquals(64, Files.readString(secret).trim().length());
    assertTrue(Files.exists(OwnShipyard.cluster(dataDir).resolve("PG_VERSION")), "the cluster is found from the data folder");
    if (AS_ROOT) {
      Path embedded = dataDir.resolve("embedded");
      assertTrue(Files.isSymbolicLink(embedded), "the server user cannot enter the data folder, so it links elsewhere");
      assertTrue(Files.readSymbolicLink(embedded).startsWith("/var/tmp"), Files.readSymbolicLink(embedded).toString());
      assertEquals("nobody", Files.getOwner(OwnShipyard.cluster(dataDir)).getName());
    }

    try (OwnShipyard second = OwnShipyard.start(dataDir)) {
      var me = second.client().get("/api/me").bearerTokenAuthentication(token).send().await();
      assertEquals(200, me.statusCode(), me.bodyAsString());
      assertEquals("newcomer@test.example", me.bodyAsJsonObject().getString("email"));
    }
  }
}
