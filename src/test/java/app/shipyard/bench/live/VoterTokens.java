package app.shipyard.bench.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;

/** The identity provider's tokens for the bench's voters, minted as README documents (HS256, iss, aud, email). */
final class VoterTokens {

  private final JWTAuth idp;
  private final String issuer;
  private final String audience;

  VoterTokens(Vertx vertx, String issuer, String audience, String secret) {
    this.idp = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    this.issuer = issuer;
    this.audience = audience;
  }

  static String email(int person) {
    return "voter" + person + "@bench.example";
  }

  String of(int person) {
    return token(email(person));
  }

  String token(String email) {
    return idp.generateToken(new JsonObject().put("sub", email).put("email", email).put("name", email),
        new JWTOptions().setAlgorithm("HS256").setIssuer(issuer).setAudience(List.of(audience))
            .setExpiresInMinutes(120));
  }
}
