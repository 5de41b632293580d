package app.shipyard.web;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.context.FieldValueResolver;
import com.github.jknack.handlebars.context.JavaBeanValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.helper.ConditionalHelpers;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Renders the Handlebars pages in {@code src/main/resources/templates}. Every template is compiled once at
 * start-up (off the event loop), so rendering a page is pure CPU work.
 */
public final class Views {

  private static final String ROOT = "/templates";
  private final Handlebars handlebars;
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();

  private Views(Handlebars handlebars) {
    this.handlebars = handlebars;
  }

  public static Future<Views> load(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      Handlebars hb = new Handlebars(new ClassPathTemplateLoader(ROOT, ".hbs"))
          .with(new ConcurrentMapTemplateCache())
          .prettyPrint(false);
      hb.registerHelpers(ConditionalHelpers.class);
      Views views = new Views(hb);
      for (String name : templateNames()) {
        views.compiled.put(name, hb.compile(name));
      }
      return views;
    });
  }

  /**
   * Renders {@code template} inside the layout. The view (a record, or a map) is the template's own context; the
   * layout's values ({@code title}, {@code csrf}, {@code nav}) sit in the parent context, so a template reads
   * both without the view having to carry them.
   */
  public String render(RoutingContext ctx, String template, String title, Object view) {
    Context layout = context(null, layoutModel(ctx, title));
    try {
      return apply(template, context(layout, view));
    } finally {
      layout.destroy();
    }
  }

  /**
   * Renders a page's body ({@code template}, without the layout) once for everyone, to be kept and sent inside
   * the layout later: its context is the layout's as a signed-out visitor has it (the title, no form token, no
   * navigation), so it must not hold anything a particular viewer's page would (a form, their name).
   */
  public String renderForEveryone(String template, String title, Object view) {
    Context layout = context(null, Map.of("title", title, "csrf", ""));
    try {
      return apply(template, context(layout, view));
    } finally {
      layout.destroy();
    }
  }

  /** Renders a template on its own, outside the layout (e-mail bodies, fragments). */
  public String render(String template, Object model) {
    return apply(template, context(null, model));
  }

  private String apply(String template, Context context) {
    Template t = compiled.get(template);
    if (t == null) {
      throw new IllegalStateException("No template named " + template);
    }
    try {
      return t.apply(context);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot render " + template, e);
    }
  }

  private static Context context(Context parent, Object model) {
    Context.Builder builder = parent == null ? Context.newBuilder(model) : Context.newBuilder(parent, model);
    return builder.resolver(MapValueResolver.INSTANCE, JavaBeanValueResolver.INSTANCE, MethodValueResolver.INSTANCE,
        FieldValueResolver.INSTANCE).build();
  }

  private static Map<String, Object> layoutModel(RoutingContext ctx, String title) {
    Map<String, Object> layout = new HashMap<>();
    layout.put("title", title);
    layout.put("csrf", Csrf.token(ctx));
    Viewer.of(ctx).map(Viewer::person).ifPresent(me -> layout.put("nav", navigation(me)));
    return layout;
  }

  private static Map<String, Object> navigation(Person me) {
    return Map.of(
        "me", me,
        "isAdmin", me.has(Role.ADMIN),
        "isOrganiser", me.has(Role.ORGANISER) || me.has(Role.ADMIN),
        "isLeadership", me.has(Role.LEADERSHIP));
  }

  private static List<String> templateNames() throws IOException, URISyntaxException {
    URI root = Views.class.getResource(ROOT).toURI();
    if ("jar".equals(root.getScheme())) {
      try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
        return namesUnder(jar.getPath(ROOT));
      }
    }
    return namesUnder(Path.of(root));
  }

  private static List<String> namesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".hbs"))
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .map(name -> name.substring(0, name.length() - ".hbs".length()))
          .sorted()
          .toList();
    }
  }
}
