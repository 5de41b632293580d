package app.shipyard.search;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a search: checks the chosen values, reads a page of hits and the facet counts side by side, and when the
 * words match nothing, tries once more with each unknown word corrected to the most similar known one. Answers are
 * kept per data version ({@link SearchCache}); a refused search (an unknown value) is not kept.
 */
public final class ProjectSearch {

  /** How many answers the process keeps (20-80 KB each in memory: a page of hits and up to 270 facet values). */
  private static final int KEPT_ANSWERS = 500;

  private final SearchRepository repository;
  private final SearchCache cache;

  public ProjectSearch(Pool pool) {
    this.repository = new SearchRepository(pool);
    this.cache = new SearchCache(pool, KEPT_ANSWERS);
  }

  public Future<SearchResults> search(SearchQuery asked) {
    return cache.answer(asked, this::searchNow);
  }

  private Future<SearchResults> searchNow(SearchQuery asked) {
    return repository.labels(asked).compose(labels -> run(asked, asked, labels).compose(found -> {
      if (found.total() > 0 || !asked.hasText()) {
        return Future.succeededFuture(found);
      }
      return repository.corrected(asked.words()).compose(words -> words.equals(asked.words())
          ? Future.succeededFuture(found)
          : run(asked, asked.withWords(words), labels).map(again -> again.total() > 0 ? again : found));
    }));
  }

  private Future<SearchResults> run(SearchQuery asked, SearchQuery searched, Map<String, String> labels) {
    return Future.all(repository.hits(searched), repository.counts(searched)).map(all -> {
      SearchRepository.Counts counts = all.resultAt(1);
      return new SearchResults(asked, searched, all.resultAt(0), counts.total(),
          facets(searched, counts.counts(), labels));
    });
  }

  /** Per facet: its counts in display order, with every chosen value listed (count 0 when none match). */
  private static Map<Facet, List<FacetCount>> facets(SearchQuery query, List<SearchRepository.Counted> counted,
                                                     Map<String, String> labels) {
    Map<Facet, List<SearchRepository.Counted>> byFacet = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      byFacet.put(facet, new ArrayList<>());
    }
    counted.forEach(c -> byFacet.get(c.facet()).add(c));
    Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
    byFacet.forEach((facet, list) -> {
      for (String value : query.values(facet)) {
        if (list.stream().noneMatch(c -> c.key().equals(value))) {
          list.add(new SearchRepository.Counted(facet, value,
              Objects.requireNonNullElse(labels.get(facet.key() + ":" + value), value), 0, null));
        }
      }
      list.sort(order(facet));
      facets.put(facet, list.stream()
          .map(c -> new FacetCount(facet, c.key(), facet.vocabulary() == null ? c.label() : Facet.label(c.key()),
              c.count(), query.chosen(facet, c.key()))).toList());
    });
    return facets;
  }

  /** Years and events newest first, fixed vocabularies in their order, the rest most projects first. */
  private static Comparator<SearchRepository.Counted> order(Facet facet) {
    Comparator<SearchRepository.Counted> byCount = Comparator.comparingLong(SearchRepository.Counted::count)
        .reversed().thenComparing(c -> c.label().toLowerCase()).thenComparing(SearchRepository.Counted::key);
    return switch (facet) {
      case YEAR -> Comparator.comparing((SearchRepository.Counted c) -> Integer.parseInt(c.key())).reversed();
      case EVENT -> Comparator.comparing(SearchRepository.Counted::startsAt,
          Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder())).thenComparing(byCount);
      case KIND, AWARD, OUTCOME -> Comparator.comparingInt(c -> facet.vocabulary().indexOf(c.key()));
      default -> byCount;
    };
  }
}
